"""The facilitator's desktop app (PySide6)."""

from workshop_app.ui.bindings import make_singletons_immortal

make_singletons_immortal()
