"""The screens of the main window, each a list of the shop's books.

A screen is registered here by key (the name `gui --smoke --screen` takes)
with its title and how to build it. Only screens that exist are listed:
Counter, Purchasing, Reports, Import and Settings join as their issues land.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from PySide6.QtCore import QCoreApplication, QLocale, Qt, Signal
from PySide6.QtWidgets import (QAbstractItemView, QHeaderView, QLabel, QTableView, QVBoxLayout,
                               QWidget)
from sqlalchemy import Engine

from db import lists
from db.audit import Actor
from db.money import money_str, qty_str
from desktop.ui.paged_model import Column, PagedTableModel


translate = QCoreApplication.translate


class PagedTableView(QTableView):
    """A table with fixed row heights that says when it has painted."""
    painted = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        vh = self.verticalHeader()
        vh.setVisible(False)
        vh.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vh.setDefaultSectionSize(self.fontMetrics().height() + 10)
        hh = self.horizontalHeader()
        hh.setHighlightSections(False)
        hh.setMinimumSectionSize(40)

    def paintEvent(self, event):
        super().paintEvent(event)
        self.painted.emit()

    def size_columns(self, columns: list[Column]) -> None:
        """Widths from each column's size in characters: never resize-to-contents."""
        unit = self.fontMetrics().averageCharWidth()
        hh = self.horizontalHeader()
        title_width = hh.fontMetrics().horizontalAdvance
        for i, c in enumerate(columns):
            hh.resizeSection(i, max(c.width * unit + 16, title_width(c.title) + 24))
            if c.stretch:
                hh.setSectionResizeMode(i, QHeaderView.ResizeMode.Stretch)

    def visible_rows(self) -> int:
        model = self.model()
        if model is None or model.rowCount() == 0:
            return 0
        first = self.rowAt(0)
        last = self.rowAt(self.viewport().height() - 1)
        if last < 0:
            last = model.rowCount() - 1
        return last - first + 1 if first >= 0 else 0


class ListScreen(QWidget):
    """A heading, a lazily paged table and the total count."""

    def __init__(self, engine: Engine, source: lists.PagedList, columns: list[Column],
                 title: str, count_text: Callable[[int], str], parent=None):
        super().__init__(parent)
        self._count_text = count_text
        self.model = PagedTableModel(engine, source, columns, parent=self)
        self.view = PagedTableView(self)
        self.view.setModel(self.model)
        self.view.size_columns(columns)
        heading = QLabel(title, self)
        heading.setObjectName("screenHeading")
        font = heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        heading.setFont(font)
        self.status = QLabel(self)
        self.status.setObjectName("listTotal")
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.status)
        self.model.totalChanged.connect(self._show_total)

    def _show_total(self, total: int) -> None:
        self.status.setText(self._count_text(total))

    def refresh(self) -> None:
        self.model.refresh()


@dataclass(frozen=True)
class ScreenSpec:
    key: str
    title: Callable[[], str]                                  # translated at call time
    build: Callable[[Engine, Actor], QWidget]


def _n(total: int) -> str:
    return QLocale().toString(total)


def _stock(engine: Engine, actor: Actor) -> ListScreen:
    cols = [Column(translate("Screens", "SKU"), width=12),
            Column(translate("Screens", "Name"), width=30, stretch=True),
            Column(translate("Screens", "Category"), width=12),
            Column(translate("Screens", "Unit"), width=6),
            Column(translate("Screens", "On hand"), qty_str, numeric=True, width=10),
            Column(translate("Screens", "Price"), money_str, numeric=True, width=10)]
    return ListScreen(engine, lists.STOCK, cols, translate("Screens", "Stock"),
                      lambda n: translate("Screens", "Products: {n}").format(n=_n(n)))


def _products(engine: Engine, actor: Actor) -> ListScreen:
    cols = [Column(translate("Screens", "SKU"), width=12),
            Column(translate("Screens", "Name"), width=30, stretch=True),
            Column(translate("Screens", "Barcodes"), width=16),
            Column(translate("Screens", "Category"), width=12),
            Column(translate("Screens", "Unit"), width=6),
            Column(translate("Screens", "Price"), money_str, numeric=True, width=10),
            Column(translate("Screens", "On hand"), qty_str, numeric=True, width=10),
            Column(translate("Screens", "Min"), qty_str, numeric=True, width=7),
            Column(translate("Screens", "Max"), qty_str, numeric=True, width=7)]
    return ListScreen(engine, lists.PRODUCTS, cols, translate("Screens", "Products"),
                      lambda n: translate("Screens", "Products: {n}").format(n=_n(n)))


def _customers(engine: Engine, actor: Actor) -> ListScreen:
    cols = [Column(translate("Screens", "Name"), width=24, stretch=True),
            Column(translate("Screens", "Phone"), width=16),
            Column(translate("Screens", "Credit limit"), money_str, numeric=True, width=12),
            Column(translate("Screens", "Owes the shop"), money_str, numeric=True, width=12)]
    return ListScreen(engine, lists.CUSTOMERS, cols, translate("Screens", "Customers"),
                      lambda n: translate("Screens", "Customers: {n}").format(n=_n(n)))


def _suppliers(engine: Engine, actor: Actor) -> ListScreen:
    cols = [Column(translate("Screens", "Name"), width=24, stretch=True),
            Column(translate("Screens", "Phone"), width=16),
            Column(translate("Screens", "Shop owes them"), money_str, numeric=True, width=12)]
    return ListScreen(engine, lists.SUPPLIERS, cols, translate("Screens", "Suppliers"),
                      lambda n: translate("Screens", "Suppliers: {n}").format(n=_n(n)))


SCREENS: dict[str, ScreenSpec] = {s.key: s for s in (
    ScreenSpec("stock", lambda: translate("Screens", "Stock"), _stock),
    ScreenSpec("products", lambda: translate("Screens", "Products"), _products),
    ScreenSpec("customers", lambda: translate("Screens", "Customers"), _customers),
    ScreenSpec("suppliers", lambda: translate("Screens", "Suppliers"), _suppliers),
)}
DEFAULT_SCREEN = "stock"
