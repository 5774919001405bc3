"""The bundled demo workshop written to a file: one way for the command line, the app and the
screenshot script."""

from __future__ import annotations

from pathlib import Path

from workshop_app.domain.model import Workshop
from workshop_app.libraries import DEMO_WORKSHOP, demo_document
from workshop_app.store.interchange import document_to_workshop
from workshop_app.store.writer import write_new_file


def write_demo(path: Path, overwrite: bool = False) -> Workshop:
    """Write a fresh copy of the demo workshop to ``path`` and return the workshop written.

    Raises :class:`~workshop_app.store.errors.FileExists` when ``path`` exists and not
    ``overwrite``, and another :class:`~workshop_app.store.errors.WorkshopFileError` when the
    file cannot be written.
    """
    workshop = document_to_workshop(demo_document(), DEMO_WORKSHOP)
    write_new_file(path, workshop, overwrite=overwrite)
    return workshop
