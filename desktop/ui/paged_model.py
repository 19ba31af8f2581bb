"""A lazy table model over a db.lists.PagedList.

Rows are plain tuples of display text, read a page at a time with keyset
queries when the view asks (canFetchMore/fetchMore). data() and flags()
never touch the database. One extra row is read with each page to learn
whether another page exists, so the end of a list costs no empty query.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from sqlalchemy import Engine

from db.engine import read_connection
from db.lists import PagedList

PAGE_SIZE = 100
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter


@dataclass(frozen=True)
class Column:
    title: str                                   # already translated
    fmt: Callable[[Any], str] | None = None      # raw value -> text (None: str, '' for None)
    numeric: bool = False                        # right-aligned
    width: int = 10                              # in average character widths
    stretch: bool = False                        # takes the width left over (one per list)


def _text(value: Any) -> str:
    return "" if value is None else str(value)


class PagedTableModel(QAbstractTableModel):
    totalChanged = Signal(int)

    def __init__(self, engine: Engine, source: PagedList, columns: list[Column],
                 page_size: int = PAGE_SIZE, parent=None):
        super().__init__(parent)
        if len(columns) != len(source.fields):
            raise ValueError(f"{source.name}: {len(columns)} columns for {len(source.fields)} fields")
        self._engine = engine
        self._source = source
        self._columns = columns
        self._page_size = page_size
        self._rows: list[tuple[str, ...]] = []
        self._last_key: Any = None
        self._more = True
        self._total = 0
        # True while our own reset/insert signals are out: a slot that calls fetchMore
        # then (model testers do) must not nest a second change inside the first.
        self._changing = False
        self.pages_read = 0

    # -- reading
    def refresh(self) -> None:
        """Forget what was read; count again and read the first page, in one reset."""
        self._changing = True
        try:
            self.beginResetModel()
            self._rows, self._last_key, self._more, self.pages_read = [], None, True, 0
            with read_connection(self._engine) as conn:
                self._total = self._source.count(conn)
                self._rows = self._read_page(conn)
            self.endResetModel()
        finally:
            self._changing = False
        self.totalChanged.emit(self._total)

    def canFetchMore(self, parent=QModelIndex()) -> bool:
        return not parent.isValid() and self._more

    def fetchMore(self, parent=QModelIndex()) -> None:
        if parent.isValid() or not self._more or self._changing:
            return
        with read_connection(self._engine) as conn:
            rows = self._read_page(conn)
        if rows:
            first = len(self._rows)
            self._changing = True
            try:
                self.beginInsertRows(QModelIndex(), first, first + len(rows) - 1)  # last inclusive
                self._rows.extend(rows)
                self.endInsertRows()
            finally:
                self._changing = False

    def _read_page(self, conn) -> list[tuple[str, ...]]:
        """The page after the last key read, formatted; one extra row tells if more follow."""
        raw = self._source.page(conn, self._last_key, self._page_size + 1)
        self.pages_read += 1
        self._more = len(raw) > self._page_size
        raw = raw[:self._page_size]
        if raw:
            self._last_key = raw[-1][0]
        return [self._format(r) for r in raw]

    def _format(self, raw: tuple) -> tuple[str, ...]:
        return tuple((c.fmt(v) if c.fmt and v is not None else _text(v))
                     for c, v in zip(self._columns, raw))

    @property
    def total(self) -> int:
        return self._total

    @property
    def columns(self) -> list[Column]:
        return self._columns

    # -- Qt's model interface
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._rows[index.row()][index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _RIGHT if self._columns[index.column()].numeric else _LEFT
        return None

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self._columns):
            if role == Qt.ItemDataRole.DisplayRole:
                return self._columns[section].title
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return _RIGHT if self._columns[section].numeric else _LEFT
        return None
