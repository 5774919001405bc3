"""The facilitator's desktop app (PySide6)."""

from workshop_app.ui.bindings import make_singletons_immortal

make_singletons_immortal()

from workshop_app.ui.feature_scan import skip_source_scan  # noqa: E402  (PySide loads here)

skip_source_scan()
