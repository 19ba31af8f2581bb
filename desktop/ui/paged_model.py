"""A lazy table model over a db.lists.PagedList, read off the GUI thread.

Rows are the list's plain tuples of raw values (integer fen, thousandths,
text), read a page at a time with keyset queries when the view asks
(canFetchMore/fetchMore) and formatted only when painted: data() and flags()
never touch the database. One extra row is read with each page to learn
whether another page exists, so the end of a list costs no empty query.

Every read runs on Qt's thread pool. A model has at most one page read in
flight; a newer request (the next letter typed in a search) replaces a
queued one, and a result that arrives for an older query is dropped: each
refresh() starts a new generation. The total is counted separately, after a
short pause while the person is still typing, and reported through
totalChanged (-1 while unknown); a count still running when the query
changes is interrupted, so that it does not slow the next page down.
"""
from __future__ import annotations

import threading
from dataclasses import dataclass, replace
from typing import Any, Callable

from PySide6.QtCore import (QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt,
                            QTimer, Signal)
from sqlalchemy import Engine
from sqlalchemy.exc import DBAPIError

from db.engine import interrupt, read_connection
from db.lists import PagedList, Query
from desktop.ui.workers import run_in_background

PAGE_SIZE = 100
COUNT_DELAY_MS = 250          # after the last keystroke of a search
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter


@dataclass(frozen=True)
class Column:
    title: str                                   # already translated
    fmt: Callable[[Any], str] | None = None      # raw value -> text (None: str, '' for None)
    numeric: bool = False                        # right-aligned
    width: int = 10                              # in average character widths
    stretch: bool = False                        # takes the width left over (one per list)
    kind: str = ""                               # money | qty | date | datetime: how it exports


def _text(value: Any) -> str:
    return "" if value is None else str(value)


class _LatestOnly:
    """One background job at a time; a job asked for while one runs waits, and a newer
    one replaces it. Results come back on the GUI thread."""

    def __init__(self, owner: QObject, on_done: Callable[[Any], None],
                 on_failed: Callable[[str], None]):
        self._owner = owner
        self._on_done, self._on_failed = on_done, on_failed
        self.busy = False
        self._queued: Callable[[], Any] | None = None

    def submit(self, job: Callable[[], Any]) -> None:
        if self.busy:
            self._queued = job
            return
        self.busy = True
        run_in_background(lambda report: job(), self._done, self._failed, owner=self._owner)

    def _next(self) -> None:
        self.busy = False
        job, self._queued = self._queued, None
        if job is not None:
            self.submit(job)

    def _done(self, result: Any) -> None:
        try:
            self._on_done(result)
        finally:
            self._next()

    def _failed(self, message: str) -> None:
        try:
            self._on_failed(message)
        finally:
            self._next()


class PagedTableModel(QAbstractTableModel):
    totalChanged = Signal(int)        # the number of rows the query has; -1 while counting
    loaded = Signal()                 # a page (the first one included) has arrived
    failed = Signal(str)              # a read went wrong: the message to show

    def __init__(self, engine: Engine, source: PagedList, columns: list[Column],
                 page_size: int = PAGE_SIZE, parent=None):
        super().__init__(parent)
        if len(columns) != len(source.fields):
            raise ValueError(f"{source.name}: {len(columns)} columns for {len(source.fields)} fields")
        self._engine = engine
        self._source = source
        self._columns = columns
        self._page_size = page_size
        # explicit from the start, so the header's arrow shows the order the rows are in
        self._query = Query(sort=source.default_sort,
                            descending=getattr(source, "default_descending", False))
        self._rows: list[tuple] = []
        self._cursor: tuple | None = None
        self._more = False
        self._total = -1
        self._generation = 0
        self._loading = False           # a read for the current generation is on its way
        self._changing = False          # our own reset/insert signals are out
        self.pages_read = 0             # pages read since the last refresh()
        self._pages = _LatestOnly(self, self._page_arrived, self._read_failed)
        self._counts = _LatestOnly(self, self._count_arrived, self._read_failed)
        self._count_timer = QTimer(self)
        self._count_timer.setSingleShot(True)
        self._count_timer.timeout.connect(self._start_count)
        self._counting_lock = threading.Lock()
        self._counting = None           # (generation, connection) of the count in flight
        self.counts_interrupted = 0

    # -- what is shown
    @property
    def source(self) -> PagedList:
        return self._source

    @property
    def query(self) -> Query:
        return self._query

    def set_query(self, query: Query) -> None:
        self._query = query
        self.refresh(count_delay_ms=COUNT_DELAY_MS if query.search else 0)

    def set_search(self, text: str) -> None:
        if text != self._query.search:
            self.set_query(replace(self._query, search=text))

    def sort_field(self) -> str:
        return self._query.sort or self._source.default_sort

    def sort(self, column: int, order=Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self._source.fields):
            return
        field = self._source.fields[column]
        if field not in self._source.sortable:
            return
        descending = order == Qt.SortOrder.DescendingOrder
        if field == self.sort_field() and descending == self._query.descending:
            return
        self.set_query(replace(self._query, sort=field, descending=descending))

    def sort_column(self) -> tuple[int, Qt.SortOrder]:
        """The column and order the rows are in, for the header's indicator."""
        order = Qt.SortOrder.DescendingOrder if self._query.descending else Qt.SortOrder.AscendingOrder
        return self._source.fields.index(self.sort_field()), order

    # -- reading
    def refresh(self, count_delay_ms: int = 0) -> None:
        """Read the first page of the current query again, and count it."""
        self._generation += 1
        self._more = False               # no fetchMore of the old rows meanwhile
        self._loading = True
        gen, query = self._generation, self._query
        self._pages.submit(lambda: (gen, None, self._read(query, None)))
        self._total = -1
        self.totalChanged.emit(-1)
        self._interrupt_stale_count()
        self._count_timer.start(count_delay_ms)

    def cancel(self) -> None:
        """Nobody will look at this list's answers any more (its screen closed): drop
        them, and interrupt a count still running so that it holds up no other list."""
        self._generation += 1
        self._count_timer.stop()
        self._interrupt_stale_count()

    def _interrupt_stale_count(self) -> None:
        with self._counting_lock:
            if self._counting is not None and self._counting[0] != self._generation:
                interrupt(self._counting[1])
                self.counts_interrupted += 1

    @property
    def loading(self) -> bool:
        return self._loading

    def canFetchMore(self, parent=QModelIndex()) -> bool:
        return not parent.isValid() and self._more

    def fetchMore(self, parent=QModelIndex()) -> None:
        if parent.isValid() or not self._more or self._loading or self._changing:
            return
        self._loading = True
        gen, query, after = self._generation, self._query, self._cursor
        self._pages.submit(lambda: (gen, after, self._read(query, after)))

    def _read(self, query: Query, after: tuple | None) -> list[tuple]:
        """On a pool thread: one page and the row that tells if more follow."""
        with read_connection(self._engine) as conn:
            return self._source.page(conn, query, after, self._page_size + 1)

    def _page_arrived(self, result) -> None:
        gen, after, rows = result
        if gen != self._generation or (after is not None and after != self._cursor):
            return                        # an older query's page
        self._loading = False
        self.pages_read = 1 if after is None else self.pages_read + 1
        more = len(rows) > self._page_size
        rows = rows[:self._page_size]
        cursor = self._source.cursor(self._query, rows[-1]) if rows else self._cursor
        self._changing = True
        try:
            if after is None:
                self.beginResetModel()
                self._rows, self._cursor, self._more = rows, cursor, more
                self.endResetModel()
            else:
                self._cursor, self._more = cursor, more
                if rows:
                    first = len(self._rows)
                    self.beginInsertRows(QModelIndex(), first, first + len(rows) - 1)
                    self._rows.extend(rows)
                    self.endInsertRows()
        finally:
            self._changing = False
        self.loaded.emit()

    def _start_count(self) -> None:
        gen, query = self._generation, self._query

        def count():
            with read_connection(self._engine) as conn:
                with self._counting_lock:
                    if gen != self._generation:
                        return gen, None       # changed before it started
                    self._counting = (gen, conn)
                try:
                    return gen, self._source.count(conn, query)
                except DBAPIError:
                    if gen != self._generation:
                        return gen, None       # interrupted: nobody wants it any more
                    raise
                finally:
                    with self._counting_lock:
                        self._counting = None
        self._counts.submit(count)

    def _count_arrived(self, result) -> None:
        gen, total = result
        if gen == self._generation and total is not None:
            self._total = total
            self.totalChanged.emit(total)

    def _read_failed(self, message: str) -> None:
        self._loading = False
        self.failed.emit(message)

    @property
    def total(self) -> int:
        return self._total

    @property
    def columns(self) -> list[Column]:
        return self._columns

    def raw_row(self, row: int) -> tuple:
        """The row's values as the list gave them (integers for money and quantities)."""
        return self._rows[row]

    def value(self, row: int, field: str) -> Any:
        return self._rows[row][self._source.fields.index(field)]

    # -- Qt's model interface
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            value = self._rows[index.row()][index.column()]
            fmt = self._columns[index.column()].fmt
            return fmt(value) if fmt is not None and value is not None else _text(value)
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
