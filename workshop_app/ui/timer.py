"""A stage timer for the room: minutes per stage, a visible countdown that starts with the
stage, a calm colour change at zero and time over shown — never a modal interruption."""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSpinBox, QToolButton, QWidget

from workshop_app.domain.stage import Stage
from workshop_app.ui.icons import icon
from workshop_app.ui.look import restyle
from workshop_app.ui.settings import Settings


def clock(seconds: int) -> str:
    """``754`` → ``12:34``; an hour or more → ``1:02:03``."""
    hours, rest = divmod(abs(seconds), 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes:02d}:{secs:02d}"


class StageTimer(QWidget):
    """Each stage keeps its own clock; entering a stage runs its clock and pauses the others.

    Signals:
        stateChanged(str): ``idle``, ``running``, ``paused`` or ``overtime``.
    """

    stateChanged = Signal(str)

    def __init__(
        self,
        settings: Settings,
        parent: QWidget | None = None,
        clock: Callable[[], float] | None = None,
    ) -> None:
        super().__init__(parent)
        self.settings = settings
        self._now = clock or time.monotonic
        self._started = 0.0
        self.stage: Stage | None = None
        self._spent: dict[Stage, int] = {}  # milliseconds spent per stage before this run
        self._running = False
        self._tick = QTimer(self)
        self._tick.setInterval(250)
        self._tick.timeout.connect(self.refresh)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        self.label = QLabel("--:--", self)
        self.label.setObjectName("timerLabel")
        self.label.setMinimumWidth(96)
        self.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.pause_button = QToolButton(self)
        self.pause_button.setIcon(icon("timer"))
        self.pause_button.setText("Pause")
        self.pause_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.pause_button.setToolTip("Pause or start the stage timer (Ctrl+T)")
        self.pause_button.clicked.connect(self.toggle)
        self.reset_button = QToolButton(self)
        self.reset_button.setText("Reset")
        self.reset_button.setToolTip("Start this stage's time again")
        self.reset_button.clicked.connect(self.reset)
        self.minutes = QSpinBox(self)
        self.minutes.setRange(1, 600)
        self.minutes.setSuffix(" min")
        self.minutes.setToolTip("Minutes planned for this stage")
        self.minutes.valueChanged.connect(self._on_minutes)
        for widget in (self.label, self.pause_button, self.reset_button, self.minutes):
            layout.addWidget(widget)
        self._set_state("idle")

    # ------------------------------------------------------------------ control
    def start_stage(self, stage: Stage) -> None:
        """Switch the clock to ``stage`` and run it."""
        self._bank()
        self.stage = stage
        self.minutes.blockSignals(True)
        self.minutes.setValue(self.settings.stage_minutes(stage))
        self.minutes.blockSignals(False)
        self._running = True
        self._started = self._now()
        self._tick.start()
        self.refresh()

    def toggle(self) -> None:
        if self.stage is None:
            return
        if self._running:
            self._bank()
            self._running = False
            self._tick.stop()
        else:
            self._running = True
            self._started = self._now()
            self._tick.start()
        self.refresh()

    def reset(self) -> None:
        if self.stage is None:
            return
        self._spent[self.stage] = 0
        self._started = self._now()
        self.refresh()

    def _bank(self) -> None:
        if self.stage is not None and self._running:
            self._spent[self.stage] = self.elapsed_ms()
            self._started = self._now()

    def _on_minutes(self, minutes: int) -> None:
        if self.stage is not None:
            self.settings.set_stage_minutes(self.stage, minutes)
        self.refresh()

    # ------------------------------------------------------------------ reading
    def elapsed_ms(self) -> int:
        if self.stage is None:
            return 0
        spent = self._spent.get(self.stage, 0)
        return spent + (int((self._now() - self._started) * 1000) if self._running else 0)

    def remaining_seconds(self) -> int:
        planned = self.minutes.value() * 60
        return planned - self.elapsed_ms() // 1000

    @property
    def running(self) -> bool:
        return self._running

    def refresh(self) -> None:
        if self.stage is None:
            self.label.setText("--:--")
            self._set_state("idle")
            return
        remaining = self.remaining_seconds()
        if remaining >= 0:
            self.label.setText(clock(remaining))
            self.label.setToolTip(
                f"{clock(remaining)} left of {self.minutes.value()} minutes for {self.stage.value}"
            )
            self._set_state("running" if self._running else "paused")
        else:
            self.label.setText(f"+{clock(-remaining)}")
            self.label.setToolTip(
                f"{clock(-remaining)} over the {self.minutes.value()} minutes "
                f"planned for {self.stage.value}"
            )
            self._set_state("overtime")

    def _set_state(self, state: str) -> None:
        if self.label.property("state") == state:
            return
        self.label.setProperty("state", state)
        restyle(self.label)
        self.pause_button.setText("Resume" if state == "paused" else "Pause")
        self.stateChanged.emit(state)
