"""Runs in the bundled program before any of the app's code: our fonts only, and the user's
own library path for the programs the app starts.

PyInstaller's bootloader puts the bundle's folder first on ``LD_LIBRARY_PATH`` and restarts
itself, so the dynamic loader finds every library the bundle carries before the system's,
including those WeasyPrint opens by name later. The loader read the variable at that
restart; from here on it only matters to child processes.
"""

import os
import sys
from pathlib import Path

_BUNDLE = Path(sys._MEIPASS)  # type: ignore[attr-defined]  # set by PyInstaller

# Qt lists fonts through fontconfig: only the bundled fonts, with a configuration file that
# names no other folder (WeasyPrint gets its own, written by workshop_app/report/pdf.py).
os.environ["FONTCONFIG_FILE"] = str(_BUNDLE / "fontconfig" / "fonts.conf")

# A program the app opens (a file manager, through xdg-open) must load the system's
# libraries, not ours: give it the user's library path back. The app's own child (the PDF
# renderer, this program again) is then told to start afresh, so that its bootloader sets
# the bundle's path and restarts like this process did, instead of inheriting the path.
_ORIGINAL = os.environ.pop("LD_LIBRARY_PATH_ORIG", None)
if _ORIGINAL is None:
    os.environ.pop("LD_LIBRARY_PATH", None)
else:
    os.environ["LD_LIBRARY_PATH"] = _ORIGINAL
os.environ["PYINSTALLER_RESET_ENVIRONMENT"] = "1"
