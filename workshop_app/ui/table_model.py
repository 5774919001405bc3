"""Qt table models as thin adapters over the workshop's lists.

A model reads the domain objects of one list directly (no second copy) and turns an edit into
an undo command. It refreshes from the session's ``changed`` signal: a full reset when rows come
or go, ``dataChanged`` on the rows whose items changed otherwise.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import field as dataclass_field
from enum import StrEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor

from workshop_app.domain import lookup
from workshop_app.domain.changes import Changes, Part
from workshop_app.domain.fields import field_spec
from workshop_app.domain.records import record
from workshop_app.domain.validation import field_problem
from workshop_app.domain.words import in_words
from workshop_app.palette import PALETTE
from workshop_app.ui.session import Session
from workshop_app.ui.undo import SetValue

ItemRole = Qt.ItemDataRole.UserRole + 1
IdRole = Qt.ItemDataRole.UserRole + 2

Index = QModelIndex | QPersistentModelIndex
#: Cells the stage's advice names get a calm amber tint (advice never blocks).
INVALID_BACKGROUND = QColor(PALETTE.warning_tint)


@record(frozen=True)
class Column:
    """One column of a table.

    Attributes:
        field: the (possibly nested) field it shows and edits, or "" for a computed column.
        title: the header.
        kind: text, long, int, rating, number, enum, ref, refs or computed; the delegate
            picks its editor from this.
        enum: the values of an enum column.
        target: the list a ref/refs column points into.
        display: how to show the value when the default will not do.
        editable: whether the cell can be edited in the table.
        tooltip: a function giving the cell's tooltip.
    """

    field: str
    title: str
    kind: str = "text"
    enum: type[StrEnum] | None = None
    target: str = ""
    display: Callable[[Any, Any], str] | None = None
    editable: bool = True
    tooltip: Callable[[Any], str] | None = None
    width: int = 0
    extra: dict[str, Any] = dataclass_field(default_factory=dict)

    def int_range(self, key: str) -> tuple[int, int]:
        """The range an int column's spin box allows: the field's own, from the format."""
        spec = field_spec(key, self.field)
        return int(spec.low if spec.low is not None else 0), int(
            spec.high if spec.high is not None else 2**31 - 1
        )


class ItemTableModel(QAbstractTableModel):
    """The items of one list of the workshop as rows.

    Signals:
        editRefused(str): an edit was not stored; the text says why.
    """

    editRefused = Signal(str)

    def __init__(
        self,
        session: Session,
        key: Part | str,
        columns: list[Column],
        watch: frozenset[Part] = frozenset(),
        parent: QObject | None = None,
        *,
        keep: Callable[[Any], bool] | None = None,
    ) -> None:
        super().__init__(parent)
        self.session, self.key, self.columns = session, Part(key), columns
        self.keep = keep
        self.watch = frozenset({self.key}) | watch
        self._count = len(self.items())
        self._invalid: dict[tuple[str, str], str] = {}
        session.changed.connect(self._on_changed)
        self.editRefused.connect(session.editRefused)

    # ------------------------------------------------------------------ reading
    def items(self) -> list[Any]:
        """The items shown, in list order (only those ``keep`` accepts, when given)."""
        items: list[Any] = getattr(self.session.workshop, self.key)
        if self.keep is not None:
            return [item for item in items if self.keep(item)]
        return items

    def item(self, row: int) -> Any:
        return self.items()[row]

    def _position(self, item: Any) -> int:
        """Where ``item`` stands in the whole list (not only the rows shown)."""
        everything = getattr(self.session.workshop, self.key)
        return next(index for index, other in enumerate(everything) if other is item)

    def item_id(self, item: Any) -> str:
        return str(getattr(item, "id", None) or lookup.position_id(self._position(item)))

    def row_of(self, item_id: str) -> int:
        return next(
            (row for row, item in enumerate(self.items()) if self.item_id(item) == item_id), -1
        )

    def column(self, number: int) -> Column:
        return self.columns[number]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._count

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.columns[section].title
        if orientation == Qt.Orientation.Vertical and role == Qt.ItemDataRole.DisplayRole:
            return str(section + 1)
        return None

    def raw_value(self, item: Any, column: Column) -> Any:
        if not column.field:
            return None
        value = item
        for name in column.field.split("."):
            value = getattr(value, name)
        return value

    def display_value(self, item: Any, column: Column) -> str:
        value = self.raw_value(item, column)
        if column.display is not None:
            return column.display(item, value)
        if value is None:
            return ""
        if column.kind == "enum":
            return in_words(value)
        if column.kind == "ref":
            return self._name_of(column.target, value)
        if column.kind in ("refs", "enums"):
            return ", ".join(
                self._name_of(column.target, v) if column.target else in_words(v) for v in value
            )
        if column.kind == "number" and isinstance(value, float) and value.is_integer():
            return str(int(value))
        if column.kind == "long":
            return " ".join(str(value).split())
        return str(value)

    def _name_of(self, target: str, item_id: str | None) -> str:
        if item_id is None:
            return ""
        try:
            found = lookup.find(self.session.workshop, target, item_id)
        except KeyError:
            return item_id
        return str(getattr(found, "name", None) or getattr(found, "title", item_id))

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        items = self.items()
        if not index.isValid() or index.row() >= min(self._count, len(items)):
            return None
        item = items[index.row()]
        column = self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.display_value(item, column)
        if role == Qt.ItemDataRole.EditRole:
            return self.raw_value(item, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            problem = self._invalid.get((self.item_id(item), column.field))
            if problem:
                return problem
            if column.tooltip is not None:
                return column.tooltip(item)
            text = self.display_value(item, column)
            return text if len(text) > 40 else None
        if role == Qt.ItemDataRole.BackgroundRole:
            if (self.item_id(item), column.field) in self._invalid:
                return QBrush(INVALID_BACKGROUND)
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole and column.kind in ("int", "rating", "number"):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == ItemRole:
            return item
        if role == IdRole:
            return getattr(item, "id", None) or lookup.position_id(self._position(item))
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = super().flags(index)
        if not index.isValid():
            return base
        column = self.columns[index.column()]
        if (
            column.editable
            and column.kind not in ("refs", "enums", "computed")
            and not self.session.read_only
        ):
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    # ------------------------------------------------------------------ editing
    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        item = self.item(index.row())
        column = self.columns[index.column()]
        if value == self.raw_value(item, column):
            return False
        problem = field_problem(self.session.workshop, self.key, column.field, value)
        if problem:
            self.editRefused.emit(f"{column.title}: {problem}. The value was not saved.")
            return False
        self.session.push(
            SetValue(
                self.session,
                self.key,
                self.item_id(item),
                column.field,
                value,
                f"Edit {column.title.lower()}",
            )
        )
        return True

    def set_invalid(self, problems: dict[tuple[str, str], str]) -> None:
        """Mark cells that break a rule: (item id, field) → message."""
        if problems != self._invalid:
            self._invalid = problems
            if self._count:
                self.dataChanged.emit(
                    self.index(0, 0), self.index(self._count - 1, len(self.columns) - 1)
                )

    # ------------------------------------------------------------------ refreshing
    def _on_changed(self, changes: Changes) -> None:
        if not changes.touches(*self.watch):
            return
        count = len(self.items())
        if count != self._count:
            self.refresh()
            return
        if not count:
            return
        precise = self.key in changes.ids and not changes.touches(*(self.watch - {self.key}))
        rows = (
            [row for row, item in enumerate(self.items()) if item.id in changes.ids[self.key]]
            if precise
            else [0, count - 1]
        )
        if rows:
            self.dataChanged.emit(
                self.index(min(rows), 0), self.index(max(rows), len(self.columns) - 1)
            )

    def refresh(self) -> None:
        self.beginResetModel()
        self._count = len(self.items())
        self.endResetModel()
