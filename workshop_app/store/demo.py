"""The bundled demo workshop written to a file: one way for the command line, the app and the
screenshot script.

The demo is kept twice under ``resources/demo``: as an interchange document
(``demo_workshop.json``, the one to read and edit) and as the workshop file that document
makes (``demo.workshop``). A fresh copy is the file's bytes with a revision of its own
(:func:`~workshop_app.store.writer.write_copy`): laying out every table and validating every
row again on each copy cost ``make run`` about a tenth of its start (``docs/performance.md``).
After editing the document or adding a schema step, run ``make demo-file`` (this module as a
script); ``tests/store/test_demo_file.py`` fails until the file is the document laid out anew.
"""

from __future__ import annotations

import sys
from pathlib import Path

from workshop_app.paths import resource
from workshop_app.store.writer import write_copy

#: The bundled demo as a workshop file, under ``resources/``.
DEMO_FILE = "demo/demo.workshop"


def write_demo(path: Path, overwrite: bool = False) -> None:
    """Write a fresh copy of the demo workshop to ``path``.

    Raises :class:`~workshop_app.store.errors.FileExists` when ``path`` exists and not
    ``overwrite``, and another :class:`~workshop_app.store.errors.WorkshopFileError` when the
    file cannot be written.
    """
    write_copy(resource(DEMO_FILE), path, overwrite=overwrite)


def lay_out_demo(path: Path) -> None:
    """Write the demo document as a new workshop file at ``path``, table by table and row by
    row, as :data:`DEMO_FILE` was made (it replaces what is at ``path``)."""
    from workshop_app.libraries import DEMO_WORKSHOP, demo_document
    from workshop_app.store.interchange import document_to_workshop
    from workshop_app.store.writer import write_new_file

    workshop = document_to_workshop(demo_document(), DEMO_WORKSHOP)
    write_new_file(path, workshop, overwrite=True)


if __name__ == "__main__":  # make demo-file
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else resource(DEMO_FILE)
    lay_out_demo(target)
    print(f"{target}: the demo document laid out")
