"""The screens of the main window, by key (the name `gui --smoke --screen` takes).

Each screen says which roles see it; the navigation shows only those. The
Counter, Purchasing, Reports and Import screens start as the lists their
issues build on (the sales, the purchase documents, the standing reports,
the history of imports): what they list is real, the data entry comes with
those issues.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QStackedWidget, QVBoxLayout, QWidget
from sqlalchemy import Engine

from db import lists
from db.audit import Actor
from db.permissions import may
from desktop.ui.formats import count_text
from desktop.ui.list_screen import ListScreen, date_column, money_column, qty_column
from desktop.ui.paged_model import Column

translate = QCoreApplication.translate
ALL = frozenset({"owner", "manager", "cashier", "clerk", "bookkeeper"})


def _n(total: int) -> str:
    return count_text(total)


def doc_kind_text(kind: str) -> str:
    return {"sale": translate("Screens", "Sale"),
            "sale-return": translate("Screens", "Sale return"),
            "purchase-order": translate("Screens", "Purchase order"),
            "purchase-receipt": translate("Screens", "Receipt"),
            "purchase-return": translate("Screens", "Purchase return"),
            "adjustment": translate("Screens", "Adjustment"),
            "stocktake": translate("Screens", "Stocktake"),
            "supplier-payment": translate("Screens", "Supplier payment"),
            "customer-payment": translate("Screens", "Customer payment")}.get(kind, kind)


def status_text(status: str) -> str:
    return {"draft": translate("Screens", "draft"), "posted": translate("Screens", "posted"),
            "awaiting-approval": translate("Screens", "awaiting approval"),
            "approved": translate("Screens", "approved"), "rejected": translate("Screens", "rejected"),
            "partly-received": translate("Screens", "partly received"),
            "received": translate("Screens", "received"),
            "cancelled": translate("Screens", "cancelled")}.get(status, status)


def payment_text(method: str) -> str:
    return {"cash": translate("Screens", "cash"), "card": translate("Screens", "card"),
            "wechat": translate("Screens", "WeChat Pay"), "alipay": translate("Screens", "Alipay"),
            "account": translate("Screens", "on account"),
            "split": translate("Screens", "split")}.get(method, method or "")


def stock_screen(engine: Engine, actor: Actor) -> ListScreen:
    cols = [Column(translate("Screens", "SKU"), width=12),
            Column(translate("Screens", "Name"), width=30, stretch=True),
            Column(translate("Screens", "Category"), width=12),
            Column(translate("Screens", "Unit"), width=6),
            qty_column(translate("Screens", "On hand")),
            money_column(translate("Screens", "Price"))]
    screen = ListScreen(engine, lists.STOCK, cols, translate("Screens", "Stock"),
                        lambda n: translate("Screens", "Products: {n}").format(n=_n(n)),
                        search_hint=translate("Screens", "Name, pinyin initials, SKU or barcode"))
    from desktop.ui.adjustments_ui import add_adjust_action
    from desktop.ui.print_actions import add_count_sheet_action
    add_count_sheet_action(screen, engine, actor)
    add_adjust_action(screen, engine, actor)
    return screen


def _counter(engine: Engine, actor: Actor) -> QWidget:
    from desktop.ui.counter import CounterScreen
    return CounterScreen(engine, actor)


def sales_columns() -> list[Column]:
    """The columns of a list of sales and returns (db.lists.SALES' fields)."""
    return [Column(translate("Screens", "Number"), width=18),
            date_column(translate("Screens", "Date")),
            Column(translate("Screens", "Kind"), doc_kind_text, width=8),
            Column(translate("Screens", "Customer"), width=16, stretch=True),
            Column(translate("Screens", "Payment"), payment_text, width=8),
            money_column(translate("Screens", "Total")),
            Column(translate("Screens", "Status"), status_text, width=8),
            Column(translate("Screens", "Cashier"), width=10)]


def sales_screen(engine: Engine, actor: Actor) -> ListScreen:
    screen = ListScreen(engine, lists.SALES, sales_columns(), translate("Screens", "Sales and returns"),
                        lambda n: translate("Screens", "Sales and returns: {n}").format(n=_n(n)),
                        search_hint=translate("Screens", "Number or customer"))
    from desktop.ui.print_actions import add_sale_printing
    add_sale_printing(screen, engine)
    return screen


def _purchasing(engine: Engine, actor: Actor) -> QWidget:
    from desktop.ui.purchasing import PurchasingScreen
    return PurchasingScreen(engine, actor)


def _approvals(engine: Engine, actor: Actor) -> QWidget:
    from desktop.ui.approvals import ApprovalsScreen
    return ApprovalsScreen(engine, actor)


def _import(engine: Engine, actor: Actor) -> QWidget:
    from desktop.ui.import_wizard import ImportScreen
    return ImportScreen(engine, actor)


class ReportsScreen(QWidget):
    """The standing reports, one list each, picked from a box."""

    def __init__(self, engine: Engine, actor: Actor, parent=None):
        super().__init__(parent)
        self.picker = QComboBox(self)
        self.picker.setObjectName("report")
        self.stack = QStackedWidget(self)
        self._engine, self._actor = engine, actor
        self._builders: list[Callable[[], ListScreen]] = []
        for title, build in (
                (translate("Screens", "Stock on hand"), lambda: stock_screen(engine, actor)),
                (translate("Screens", "Sales and returns"), lambda: sales_screen(engine, actor)),
                (translate("Screens", "Receivables: what customers owe"), self._receivables),
                (translate("Screens", "Payables: what the shop owes"), self._payables),
                *self._sales_reports(),
                *self._stock_reports(),
                (translate("Screens", "Purchasing: approvals by month"), self._process),
                (translate("Screens", "Archived sales and returns"), self._archived)):
            self.picker.addItem(title)
            self._builders.append(build)
            self.stack.addWidget(QWidget(self))
        self.reports: dict[int, ListScreen] = {}
        row = QHBoxLayout()
        row.addWidget(QLabel(translate("Screens", "Report"), self))
        row.addWidget(self.picker, 1)
        row.addStretch(2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.stack, 1)
        self.picker.currentIndexChanged.connect(self.show_report)

    def _receivables(self) -> ListScreen:
        cols = [Column(translate("Screens", "Customer"), width=24, stretch=True),
                Column(translate("Screens", "Phone"), width=16),
                money_column(translate("Screens", "Credit limit"), 12),
                money_column(translate("Screens", "Owes the shop"), 12)]
        return ListScreen(self._engine, lists.CUSTOMERS, cols, translate("Screens", "Receivables"),
                          lambda n: translate("Screens", "Customers: {n}").format(n=_n(n)))

    def _payables(self) -> ListScreen:
        cols = [Column(translate("Screens", "Supplier"), width=24, stretch=True),
                Column(translate("Screens", "Phone"), width=16),
                money_column(translate("Screens", "Shop owes them"), 12)]
        return ListScreen(self._engine, lists.SUPPLIERS, cols, translate("Screens", "Payables"),
                          lambda n: translate("Screens", "Suppliers: {n}").format(n=_n(n)))

    def _sales_reports(self) -> list[tuple[str, Callable[[], QWidget]]]:
        """Issue 8's reports (desktop/ui/sales_report.py, report_charts.py, more_reports.py)."""
        from desktop.ui.more_reports import more_reports
        engine, actor = self._engine, self._actor

        def summary() -> QWidget:
            from desktop.ui.sales_report import SalesReportView
            return SalesReportView(engine, actor)

        def charts() -> QWidget:
            from desktop.ui.report_charts import SalesChartsView
            return SalesChartsView(engine, actor)
        return [(translate("Screens", "Sales summary"), summary),
                (translate("Screens", "Sales charts"), charts)] + more_reports(engine, actor)

    def _stock_reports(self) -> list[tuple[str, Callable[[], QWidget]]]:
        """Issue 9's reports: stock history and tracing, anomalies and count accuracy."""
        from desktop.ui.adjustments_ui import adjustment_reports
        from desktop.ui.anomaly_reports import anomaly_reports
        from desktop.ui.recall_ui import recall_reports
        from desktop.ui.stock_history_ui import stock_history_reports
        return (stock_history_reports(self._engine, self._actor)
                + recall_reports(self._engine, self._actor)
                + adjustment_reports(self._engine, self._actor)
                + anomaly_reports(self._engine, self._actor))

    def _archived(self) -> ListScreen:
        from desktop.ui.archive_screen import archived_sales_screen
        return archived_sales_screen(self._engine, self._actor)

    def _process(self) -> QWidget:
        from desktop.ui.process_report import ProcessReportView
        return ProcessReportView(self._engine, self._actor)

    def show_report(self, i: int) -> ListScreen:
        screen = self.reports.get(i)
        if screen is None:
            screen = self._builders[i]()
            old = self.stack.widget(i)
            self.stack.insertWidget(i, screen)
            self.stack.removeWidget(old)
            old.deleteLater()
            self.reports[i] = screen
            screen.refresh()
        self.stack.setCurrentWidget(screen)
        return screen

    @property
    def model(self):
        return self.current().model

    @property
    def view(self):
        return self.current().view

    def current(self) -> ListScreen:
        return self.show_report(self.picker.currentIndex())

    def refresh(self) -> None:
        self.current().refresh()


def _products(engine: Engine, actor: Actor) -> QWidget:
    from desktop.ui.products import ProductsScreen
    return ProductsScreen(engine, actor)


def _customers(engine: Engine, actor: Actor) -> QWidget:
    from desktop.ui.parties import PartyScreen
    return PartyScreen(engine, actor, "customer")


def _suppliers(engine: Engine, actor: Actor) -> QWidget:
    from desktop.ui.parties import PartyScreen
    return PartyScreen(engine, actor, "supplier")


def _counts(engine: Engine, actor: Actor) -> QWidget:
    from desktop.ui.counts import CountsScreen
    return CountsScreen(engine, actor)


def _users(engine: Engine, actor: Actor) -> QWidget:
    from desktop.ui.users_screen import users_screen
    return users_screen(engine, actor)


def _audit(engine: Engine, actor: Actor) -> QWidget:
    from desktop.ui.audit_screen import audit_screen
    return audit_screen(engine, actor)


def _settings(engine: Engine, actor: Actor) -> QWidget:
    from desktop.ui.settings import SettingsScreen
    return SettingsScreen(engine, actor)


@dataclass(frozen=True)
class ScreenSpec:
    key: str
    title: Callable[[], str]                                  # translated at call time
    build: Callable[[Engine, Actor], QWidget]
    roles: frozenset[str] = ALL

    def visible_to(self, actor: Actor) -> bool:
        return actor.role in self.roles


_REPORTS = frozenset(r for r in ALL if may(Actor(0, "", r), "reports"))
SCREENS: dict[str, ScreenSpec] = {s.key: s for s in (
    ScreenSpec("counter", lambda: translate("Screens", "Counter"), _counter,
               frozenset(r for r in ALL if may(Actor(0, "", r), "sale"))),
    ScreenSpec("purchasing", lambda: translate("Screens", "Purchasing"), _purchasing,
               frozenset({"owner", "manager", "clerk", "bookkeeper"})),
    ScreenSpec("approvals", lambda: translate("Screens", "Approvals"), _approvals,
               frozenset(r for r in ALL if may(Actor(0, "", r), "approve")
                         or may(Actor(0, "", r), "purchase-order"))),
    ScreenSpec("stock", lambda: translate("Screens", "Stock"), stock_screen),
    ScreenSpec("counts", lambda: translate("Screens", "Counts"), _counts,
               frozenset(r for r in ALL if may(Actor(0, "", r), "stocktake"))),
    ScreenSpec("products", lambda: translate("Screens", "Products"), _products),
    ScreenSpec("customers", lambda: translate("Screens", "Customers"), _customers,
               frozenset({"owner", "manager", "cashier", "bookkeeper"})),
    ScreenSpec("suppliers", lambda: translate("Screens", "Suppliers"), _suppliers,
               frozenset({"owner", "manager", "clerk", "bookkeeper"})),
    ScreenSpec("reports", lambda: translate("Screens", "Reports"), ReportsScreen, _REPORTS),
    ScreenSpec("import", lambda: translate("Screens", "Import"), _import,
               frozenset({"owner", "manager"})),
    ScreenSpec("users", lambda: translate("Screens", "Users"), _users,
               frozenset(r for r in ALL if may(Actor(0, "", r), "users"))),
    ScreenSpec("audit", lambda: translate("Screens", "Audit log"), _audit,
               frozenset(r for r in ALL if may(Actor(0, "", r), "audit"))),
    ScreenSpec("settings", lambda: translate("Screens", "Settings"), _settings,
               frozenset({"owner", "manager"})),
)}
DEFAULT_SCREEN = "stock"


def home_screen(actor: Actor) -> str:
    """Where the app opens after signing in: a cashier at the till, others on stock."""
    return "counter" if actor.role == "cashier" else DEFAULT_SCREEN


def screens_for(actor: Actor) -> list[ScreenSpec]:
    return [s for s in SCREENS.values() if s.visible_to(actor)]
