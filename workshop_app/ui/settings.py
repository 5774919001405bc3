"""The app's preferences (not workshop data) through one typed wrapper over ``QSettings``.

Tests pass an INI file in a temporary folder, so a test never reads or writes the real
preferences.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

from workshop_app.domain.stage import Stage

MAX_RECENT = 8

#: Minutes per stage when the facilitator has not set their own.
DEFAULT_MINUTES: dict[Stage, int] = {
    Stage.SETUP: 10,
    Stage.DIAGNOSE: 35,
    Stage.CANDIDATES: 30,
    Stage.RANK: 30,
    Stage.METRICS: 25,
    Stage.ADOPTION: 20,
    Stage.CHARTER: 15,
    Stage.FOLLOW_THROUGH: 20,
}


class Settings:
    """Recent files, window geometry, last folder and timer minutes."""

    def __init__(self, store: QSettings | None = None) -> None:
        self.store = store if store is not None else QSettings()

    @classmethod
    def in_file(cls, path: Path) -> Settings:
        """Preferences kept in one INI file (for tests and portable use)."""
        return cls(QSettings(str(path), QSettings.Format.IniFormat))

    # ------------------------------------------------------------------ recent files
    def recent_files(self) -> list[Path]:
        value = self.store.value("recent/files", [])
        entries = [value] if isinstance(value, str) else value if isinstance(value, list) else []
        return [Path(str(entry)) for entry in entries if entry]

    def add_recent(self, path: Path) -> None:
        """Put ``path`` first among the recent files; a list that stays as it was is not
        written again (reopening the last workshop would rewrite and sync the settings file
        before the window's first paint)."""
        resolved = path.resolve()
        listed = self.recent_files()
        entries = [resolved, *[p for p in listed if p != resolved]][:MAX_RECENT]
        if entries != listed:
            self.store.setValue("recent/files", [str(p) for p in entries])

    def remove_recent(self, path: Path) -> None:
        self.store.setValue("recent/files", [str(p) for p in self.recent_files() if p != path])

    # ------------------------------------------------------------------ window
    def geometry(self) -> QByteArray | None:
        value = self.store.value("window/geometry")
        return value if isinstance(value, QByteArray) else None

    def set_geometry(self, geometry: QByteArray) -> None:
        self.store.setValue("window/geometry", geometry)

    def last_folder(self) -> str:
        return str(self.store.value("files/last_folder", str(Path.home())))

    def set_last_folder(self, folder: Path) -> None:
        self.store.setValue("files/last_folder", str(folder))

    # ------------------------------------------------------------------ in the room
    def stage_minutes(self, stage: Stage) -> int:
        value = self.store.value(f"timer/{stage.name.lower()}", DEFAULT_MINUTES[stage])
        try:
            minutes = int(str(value))
        except (TypeError, ValueError):
            return DEFAULT_MINUTES[stage]
        return minutes if 1 <= minutes <= 600 else DEFAULT_MINUTES[stage]

    def set_stage_minutes(self, stage: Stage, minutes: int) -> None:
        self.store.setValue(f"timer/{stage.name.lower()}", int(minutes))

    def sync(self) -> None:
        self.store.sync()
