"""The PDF pipeline: charter and progress report (domain → context → Jinja2 → WeasyPrint)."""
