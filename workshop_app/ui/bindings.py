"""Guards for faults in the Qt bindings we ship with, applied before any Qt code runs.

PySide6 6.12.0 hands back ``None`` from every Qt method without a return value without taking
a new reference to it, and loses references to ``True`` and ``False`` on some paths too. On
CPython 3.11, where these are ordinary counted objects, each such call takes one reference
away; after a few thousand calls (a few dozen repaints) a count reaches zero and the
interpreter aborts ("deallocating None", "deallocating True or False"). CPython 3.12 made
these singletons immortal, which makes the fault harmless. We do the same on older
interpreters: raise their counts once by far more than any session can lose. PySide6-Pdf
(the charter preview) exists only for 6.12.0, so this release cannot be avoided.

A count is the first machine word of its object (CPython's ``ob_refcnt``, at the address
``id()`` gives). It is raised by writing that word through ``/proc/self/mem``, the process's
own memory as a file, where Linux allows it; else through ``ctypes``, whose loading alone
cost about 1% of the app's start. ``tests/ui/test_qt_bindings.py`` checks the guard both ways.
"""

from __future__ import annotations

import os
import sys

#: References added to each: a session would need 2**40 faulty Qt calls to use them up.
HEADROOM = 1 << 40


#: The singletons CPython 3.12 makes immortal and the bindings mistreat.
SINGLETONS = (None, True, False)

#: The size of a reference count (``Py_ssize_t``) in bytes.
_COUNT_BYTES = 8 if sys.maxsize > 2**32 else 4


def make_singletons_immortal() -> bool:
    """Give None, True and False reference counts no binding fault can exhaust.

    Returns True when the counts were raised (once per process, CPython before 3.12 only).
    """
    if sys.implementation.name != "cpython" or sys.version_info >= (3, 12):
        return False
    if sys.getrefcount(None) >= HEADROOM:
        return False
    try:
        raise_counts_in_memory_file()
    except OSError:  # no /proc, or a kernel that refuses writes to it
        raise_counts_with_ctypes()
    return True


def raise_counts_in_memory_file() -> None:
    """Add :data:`HEADROOM` to each singleton's count through ``/proc/self/mem``.

    Between reading a count and writing it back no reference to the singleton is taken or
    let go: the loop's own variable holds it throughout, and the calls in between take none.
    """
    memory = os.open("/proc/self/mem", os.O_RDWR)
    try:
        for singleton in SINGLETONS:
            address = id(singleton)
            count = int.from_bytes(os.pread(memory, _COUNT_BYTES, address), sys.byteorder)
            raised = (count + HEADROOM).to_bytes(_COUNT_BYTES, sys.byteorder)
            if os.pwrite(memory, raised, address) != _COUNT_BYTES:
                raise OSError(f"a count could not be written at {address:#x}")
    finally:
        os.close(memory)


def raise_counts_with_ctypes() -> None:
    """Add :data:`HEADROOM` to each singleton's count through ``ctypes``."""
    import ctypes

    for singleton in SINGLETONS:
        ctypes.c_ssize_t.from_address(id(singleton)).value += HEADROOM
