"""PySide's opt-in features (``from __feature__ import snake_case``) without their start-up cost.

To know which modules might select a feature, PySide 6.12 reads the source of every module
imported after it (``inspect.getsource``) and looks for the word ``PySide6``: about 150 files,
20–30 ms before the window's first paint, for features the app never selects. We count every
module as one that names PySide6 and selects nothing, which is what that reading concludes for
each of our UI modules; a module that does select a feature still gets it, as its
``from __feature__ import …`` records its choice itself.
``tests/ui/test_qt_bindings.py`` checks both.
"""

from __future__ import annotations

import sys
from types import ModuleType

import PySide6  # noqa: F401  (loads shiboken's support modules, the feature module among them)

#: Where PySide keeps the scan (``shibokensupport/feature.py``, embedded in shiboken).
FEATURE_MODULE = "shibokensupport.feature"


def _names_pyside(_module: ModuleType) -> bool:
    """Every module counts as one that uses PySide and selects no feature."""
    return True


def skip_source_scan() -> bool:
    """Stop PySide reading each imported module's source; True when the scan was replaced
    (False on a PySide without it, which then keeps its own behaviour)."""
    feature = sys.modules.get(FEATURE_MODULE)
    if feature is None or not callable(getattr(feature, "_mod_uses_pyside", None)):
        return False
    vars(feature)["_mod_uses_pyside"] = _names_pyside
    return True
