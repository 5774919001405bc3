"""Guards for faults in the Qt bindings we ship with, applied before any Qt code runs.

PySide6 6.12.0 hands back ``None`` from every Qt method without a return value without taking
a new reference to it, and loses references to ``True`` and ``False`` on some paths too. On
CPython 3.11, where these are ordinary counted objects, each such call takes one reference
away; after a few thousand calls (a few dozen repaints) a count reaches zero and the
interpreter aborts ("deallocating None", "deallocating True or False"). CPython 3.12 made
these singletons immortal, which makes the fault harmless. We do the same on older
interpreters: raise their counts once by far more than any session can lose. PySide6-Pdf
(the charter preview) exists only for 6.12.0, so this release cannot be avoided.
``tests/ui/test_qt_bindings.py`` checks the guard.
"""

from __future__ import annotations

import ctypes
import sys

#: References added to each: a session would need 2**40 faulty Qt calls to use them up.
HEADROOM = 1 << 40


#: The singletons CPython 3.12 makes immortal and the bindings mistreat.
SINGLETONS = (None, True, False)


def make_singletons_immortal() -> bool:
    """Give None, True and False reference counts no binding fault can exhaust.

    Returns True when the counts were raised (once per process, CPython before 3.12 only).
    """
    if sys.implementation.name != "cpython" or sys.version_info >= (3, 12):
        return False
    if sys.getrefcount(None) >= HEADROOM:
        return False
    for singleton in SINGLETONS:
        ctypes.c_ssize_t.from_address(id(singleton)).value += HEADROOM
    return True
