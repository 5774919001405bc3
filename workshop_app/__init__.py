"""First Workflow: scope a company's first AI workflow in one workshop."""

__version__ = "0.1.0"
APP_NAME = "First Workflow"
