"""HTML to PDF with WeasyPrint, under our rules: bundled files only, bundled fonts only,
PDF/A-3a (archival, tagged, allowed to carry the workshop's JSON), errors as one message.

WeasyPrint is imported here, and this module is imported only when a PDF is made, so the
app's start-up never pays for it.
"""

from __future__ import annotations

import logging
import os
import shutil
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import field
from pathlib import Path

from weasyprint import CSS, HTML, Attachment
from weasyprint.text.fonts import FontConfiguration

from workshop_app.domain.records import record
from workshop_app.palette import css_custom_properties
from workshop_app.paths import bundled_roots, resource, template
from workshop_app.report.fetcher import BundledFilesOnly
from workshop_app.report.glyphs import note_on, unprintable

#: Archival (PDF/A-3, level A: tagged) and allowed to embed the workshop's JSON.
PDF_VARIANT = "pdf/a-3a"
_FONTCONFIG_LOCK = threading.Lock()


def _header_scope(_document: object, pdf: object) -> None:
    """Give table header cells ``/Scope /Column`` in the PDF's tags.

    WeasyPrint 70 links header cells to data cells through /IDs and /Headers on the data
    cells and ignores the HTML ``scope``; accessibility checkers look for /Scope on the
    header cells. Our templates use column headers only.
    """
    for obj in pdf.objects:  # type: ignore[attr-defined]
        if isinstance(obj, dict) and obj.get("Type") == "/StructElem" and obj.get("S") == "/TH":
            attributes = obj.get("A")
            if isinstance(attributes, dict) and "Scope" not in attributes:
                attributes["Scope"] = "/Column"


class ReportError(Exception):
    """A report could not be made; the message says why in plain words."""


@record
class Rendered:
    """A finished PDF and what the renderer had to say about it.

    Attributes:
        pdf: the file's bytes.
        warnings: plain-language notes that did not stop the render (characters the bundled
            font cannot print, for example).
    """

    pdf: bytes
    warnings: list[str] = field(default_factory=list)


@record(frozen=True)
class Attached:
    """A file to embed in the PDF."""

    name: str
    data: bytes
    description: str
    mime: str = "application/json"


def _fontconfig_file(folder: Path) -> Path:
    """A fontconfig file that knows only our bundled fonts (same output on every machine)."""
    conf = folder / "fonts.conf"
    fonts = resource("fonts")
    conf.write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n'
        f"  <dir>{fonts}</dir>\n  <cachedir>{folder / 'cache'}</cachedir>\n"
        "  <config><rescan><int>0</int></rescan></config>\n</fontconfig>\n",
        encoding="utf-8",
    )
    return conf


_FONT_CONFIG: FontConfiguration | None = None
#: The folder of this process's fontconfig file and cache, removed when the process ends.
_FONT_FOLDER: tempfile.TemporaryDirectory[str] | None = None
_FONT_PREFIX = "first-workflow-fonts-"


def _sweep_font_folders() -> None:
    """Remove the font folders of processes that ended without removing theirs (killed):
    each folder's name carries its process's id."""
    for folder in Path(tempfile.gettempdir()).glob(f"{_FONT_PREFIX}*-*"):
        pid = folder.name[len(_FONT_PREFIX) :].split("-", 1)[0]
        if not pid.isdecimal() or int(pid) == os.getpid():
            continue
        try:
            os.kill(int(pid), 0)
        except ProcessLookupError:
            shutil.rmtree(folder, ignore_errors=True)
        except OSError:
            continue  # alive, or another user's


def bundled_font_configuration() -> FontConfiguration:
    """A WeasyPrint font configuration that sees the bundled fonts and nothing else."""
    global _FONT_CONFIG, _FONT_FOLDER  # noqa: PLW0603 - one per process, built on first use
    with _FONTCONFIG_LOCK:
        if _FONT_CONFIG is None:
            _sweep_font_folders()
            _FONT_FOLDER = tempfile.TemporaryDirectory(prefix=f"{_FONT_PREFIX}{os.getpid()}-")
            folder = Path(_FONT_FOLDER.name)
            previous = os.environ.get("FONTCONFIG_FILE")
            os.environ["FONTCONFIG_FILE"] = str(_fontconfig_file(folder))
            try:
                _FONT_CONFIG = FontConfiguration()
            finally:
                if previous is None:
                    os.environ.pop("FONTCONFIG_FILE", None)
                else:
                    os.environ["FONTCONFIG_FILE"] = previous
        return _FONT_CONFIG


def _palette_css() -> CSS:
    """The colour tokens that ``charter.css`` and ``progress.css`` use as ``var(--token)``.

    Built from the palette alone: no user text ever reaches a stylesheet.
    """
    return CSS(string=css_custom_properties())


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


@contextmanager
def _weasyprint_log() -> Iterator[_Collect]:
    logger = logging.getLogger("weasyprint")
    handler = _Collect()
    logger.addHandler(handler)
    try:
        yield handler
    finally:
        logger.removeHandler(handler)


def render_pdf(
    html: str,
    *,
    title: str,
    attachments: list[Attached] = (),  # type: ignore[assignment]
    base: str = "charter.html.j2",
    variant: str | None = PDF_VARIANT,
    forms: bool = False,
) -> Rendered:
    """Render ``html`` (from our templates) to PDF bytes.

    ``variant`` None makes a plain PDF; ``forms`` turns the page's inputs into PDF form
    fields (which PDF/A forbids, so only with a plain PDF).

    Raises :class:`ReportError` when the renderer logs an error or needed a file it may not
    read; the message names the problem.
    """
    fetcher = BundledFilesOnly(bundled_roots())
    base_url = template(base).parent.as_uri() + "/"
    files = [
        Attachment(
            string=item.data.decode("utf-8"),
            name=item.name,
            description=item.description,
            relationship="Source",
            url_fetcher=fetcher,
        )
        for item in attachments
    ]
    with _weasyprint_log() as log:
        try:
            document = HTML(string=html, base_url=base_url, url_fetcher=fetcher)
            pdf = document.write_pdf(
                stylesheets=[_palette_css()],
                pdf_variant=variant,
                pdf_forms=forms,
                attachments=files,
                font_config=bundled_font_configuration(),
                uncompressed_pdf=False,
                finisher=_header_scope,
            )
        except Exception as exc:  # WeasyPrint raises many kinds; all mean "no PDF"
            raise ReportError(f"the PDF could not be made: {exc}") from exc
    errors = [r.getMessage() for r in log.records if r.levelno >= logging.ERROR]
    if errors:
        raise ReportError(f"the PDF could not be made: {errors[0]}")
    if fetcher.refused:
        raise ReportError(f"the report asked for a file it may not read: {fetcher.refused[0]}")
    if not isinstance(pdf, bytes):
        raise ReportError("the PDF could not be made: the renderer returned nothing")
    note = note_on(title, unprintable(html))
    return Rendered(pdf, [note] if note else [])
