"""The facilitator's desktop app (PySide6)."""
