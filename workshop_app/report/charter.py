"""The charter: a workshop turned into the PDF the stakeholders review and sign.

``charter_html`` builds the page from the templates; ``make_charter`` renders it with the
workshop's interchange JSON attached as ``workshop.json``, so the charter carries its data.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from workshop_app.domain.model import Workshop
from workshop_app.domain.toolfirst import ToolFirstVocabulary
from workshop_app.report.context import charter_context
from workshop_app.report.templates import render

if TYPE_CHECKING:  # WeasyPrint is imported only when a PDF is made
    from workshop_app.report.pdf import Rendered

PAPERS = ("a4", "letter")
ATTACHMENT_NAME = "workshop.json"


def charter_html(
    workshop: Workshop,
    vocabulary: ToolFirstVocabulary,
    *,
    paper: str = "a4",
    today: dt.date | None = None,
) -> str:
    """The charter as HTML (our template, our CSS), ready for the renderer."""
    if paper not in PAPERS:
        raise ValueError(f"paper must be one of {', '.join(PAPERS)}, got {paper!r}")
    context = charter_context(workshop, vocabulary, paper=paper, today=today)
    return render("charter.html.j2", context)


def make_charter(
    workshop: Workshop,
    vocabulary: ToolFirstVocabulary,
    interchange_json: str,
    *,
    paper: str = "a4",
    today: dt.date | None = None,
) -> Rendered:
    """The charter PDF with the workshop's interchange JSON attached."""
    from workshop_app.report.pdf import Attached, render_pdf

    html = charter_html(workshop, vocabulary, paper=paper, today=today)
    attached = Attached(
        ATTACHMENT_NAME,
        interchange_json.encode("utf-8"),
        "The workshop in the First Workflow interchange format (version 1); "
        "import it with: workshop-app import charter.pdf NEW.workshop",
    )
    return render_pdf(html, title="charter", attachments=[attached])
