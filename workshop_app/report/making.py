"""The reports the app makes, and one way to make any of them: its page rendered to PDF with
the workshop's interchange JSON attached, so every report carries the data it shows."""

from __future__ import annotations

from enum import StrEnum
from typing import TYPE_CHECKING

from workshop_app.domain.document import ATTACHMENT_NAME

if TYPE_CHECKING:  # WeasyPrint is imported only when a PDF is made
    from workshop_app.report.pdf import Rendered

#: The paper sizes every report is laid out for.
PAPERS = ("a4", "letter")

_FORMAT_NOTE = "The workshop in the First Workflow interchange format (version 1)"


class ReportKind(StrEnum):
    """A report the app makes; the value is the ``workshop-app`` command that makes it."""

    CHARTER = "charter"
    PROGRESS = "progress"
    #: One form per stakeholder, written into a folder (report/review.py).
    REVIEW_FORM = "review-form"

    @property
    def noun(self) -> str:
        """What people call it: ``charter``, ``progress report``, ``review forms``."""
        if self is ReportKind.REVIEW_FORM:
            return "review forms"
        return "charter" if self is ReportKind.CHARTER else "progress report"

    @property
    def template(self) -> str:
        """The page's template; its stylesheet and fonts are found beside it."""
        return f"{self.value}.html.j2"

    @property
    def attachment_note(self) -> str:
        """The description the attached workshop JSON carries inside the PDF."""
        if self is ReportKind.CHARTER:
            return f"{_FORMAT_NOTE}; import it with: workshop-app import charter.pdf NEW.workshop"
        return _FORMAT_NOTE


def check_paper(paper: str) -> None:
    """Refuse a paper size the templates are not laid out for."""
    if paper not in PAPERS:
        raise ValueError(f"paper must be one of {', '.join(PAPERS)}, got {paper!r}")


def make_report(kind: ReportKind, html: str, interchange_json: str) -> Rendered:
    """The PDF of ``html`` (the page of ``kind``) with the workshop's interchange JSON attached.

    Raises :class:`~workshop_app.report.pdf.ReportError` when the renderer fails.
    """
    from workshop_app.report.pdf import Attached, render_pdf

    attached = Attached(ATTACHMENT_NAME, interchange_json.encode("utf-8"), kind.attachment_note)
    return render_pdf(html, title=kind.noun, attachments=[attached], base=kind.template)
