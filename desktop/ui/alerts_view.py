"""The stock alerts in the main window (db.alerts): a button in the status bar
saying how many there are, refreshed every few minutes off the GUI thread; it
opens the list, from which they can be sent to the webhook set in Settings."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QHeaderView, QLabel, QPushButton,
                               QTableWidgetItem, QVBoxLayout, QWidget)
from sqlalchemy import Engine

from db import alerts
from db.audit import Actor
from db.books import Books
from db.masters import get_setting
from db.money import parse_qty
from desktop.ui import style
from desktop.ui.formats import date_text, qty_text
from desktop.ui.widgets import error_label, read_only_table
from desktop.ui.workers import run_in_background

translate = QCoreApplication.translate
STOCK_KINDS = ("low-stock", "over-stock", "expired", "expiring", "negative-stock")
REFRESH_MS = 5 * 60_000


def kind_text(kind: str) -> str:
    return {"low-stock": translate("Alerts", "Below minimum"),
            "over-stock": translate("Alerts", "Above maximum"),
            "expired": translate("Alerts", "Expired"),
            "expiring": translate("Alerts", "Expiring"),
            "negative-stock": translate("Alerts", "Negative stock"),
            "awaiting-approval": translate("Alerts", "Awaiting approval")}.get(kind, kind)


def message_text(row: dict) -> str:
    """An alert said in the screen's language, from its fields (db.alerts gives
    them beside its English message, which stays the fallback)."""
    try:
        name = f"{row['sku']} {row['name']}"
        qty = qty_text(parse_qty(row["qty"]))
        kind = row["kind"]
        if kind == "low-stock":
            return translate("Alerts", "{name}: {qty} on hand, below the minimum of {min}").format(
                name=name, qty=qty, min=qty_text(parse_qty(row["min"])))
        if kind == "over-stock":
            return translate("Alerts", "{name}: {qty} on hand, above the maximum of {max}").format(
                name=name, qty=qty, max=qty_text(parse_qty(row["max"])))
        if kind == "negative-stock":
            return translate("Alerts", "{name}: {qty} on hand, below zero: more was sold than "
                                       "came in; count it").format(name=name, qty=qty)
        if kind == "expired":
            return translate("Alerts", "{name} batch {batch}: {qty} on hand expired on {date} "
                                       "and cannot be sold").format(
                name=name, batch=row["batch"], qty=qty, date=date_text(row["expiry"]))
        if kind == "expiring":
            return translate("Alerts", "{name} batch {batch}: {qty} on hand expires on {date} "
                                       "({days} days)").format(
                name=name, batch=row["batch"], qty=qty, date=date_text(row["expiry"]),
                days=row["days"])
    except (KeyError, ValueError, TypeError):
        pass
    return row.get("message", "")


def _without_query(url: str) -> str:
    """A webhook's address without its query, which carries the robot's key."""
    return url.split("?", 1)[0] + ("?…" if "?" in url else "")


class AlertsButton(QPushButton):
    """'Stock alerts: N' (red when there are any); click: the list."""

    def __init__(self, engine: Engine, actor: Actor, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("alertsButton")
        self.setFlat(True)
        self.engine, self.actor = engine, actor
        self.rows: list[dict] | None = None
        self.clicked.connect(lambda: self.show_list())
        self._timer = QTimer(self)
        self._timer.setInterval(REFRESH_MS)
        self._timer.timeout.connect(self.refresh)
        self._timer.start()
        self.setText(translate("Alerts", "Stock alerts: …"))
        self.refresh()

    def refresh(self) -> None:
        def work(_report):
            return [r for r in Books(self.engine, self.actor).alerts()
                    if r["kind"] in STOCK_KINDS]
        run_in_background(work, self._arrived, lambda _message: None, owner=self)

    def _arrived(self, rows: list[dict]) -> None:
        self.rows = rows
        self.setText(translate("Alerts", "Stock alerts: {n}").format(n=len(rows)))
        self.setStyleSheet(f"QPushButton#alertsButton {{ color: {style.ERROR}; "
                           "font-weight: bold; }" if rows else "")

    def show_list(self, modal: bool = True) -> "AlertsDialog":
        # the window's child, not the button's: the button's red style is its own
        dialog = AlertsDialog(self.engine, self.rows or [], self.window())
        if modal:
            dialog.exec()
        return dialog


class AlertsDialog(QDialog):
    def __init__(self, engine: Engine, rows: list[dict], parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(translate("Alerts", "Stock alerts"))
        self.resize(860, 460)
        self.engine, self.rows = engine, rows
        table = read_only_table(self, "alerts", [translate("Alerts", "Kind"),
                                                 translate("Alerts", "SKU"),
                                                 translate("Alerts", "What")])
        table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        table.setRowCount(len(rows))
        for i, r in enumerate(rows):
            for c, text in enumerate((kind_text(r["kind"]), r.get("sku", ""), message_text(r))):
                table.setItem(i, c, QTableWidgetItem(text))
        table.resizeColumnsToContents()
        self.table = table
        self.result_label = QLabel(self)
        self.result_label.setObjectName("pushResult")
        self.error = error_label(self)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        self.push_button = buttons.addButton(translate("Alerts", "Send to the webhook"),
                                             QDialogButtonBox.ButtonRole.ActionRole)
        self.push_button.setObjectName("pushAlerts")
        self.push_button.clicked.connect(lambda: self.push())
        with engine.connect() as conn:
            self.url = get_setting(conn, alerts.WEBHOOK_KEY) or ""
            self.shop = get_setting(conn, "shop_name") or ""
        self.push_button.setEnabled(bool(self.url and rows))
        self.push_button.setToolTip(_without_query(self.url) or translate("Alerts", "No webhook is set in "
                                                                     "Settings."))
        layout = QVBoxLayout(self)
        if not rows:
            layout.addWidget(QLabel(translate("Alerts", "Nothing needs attention."), self))
        layout.addWidget(table, 1)
        layout.addWidget(self.result_label)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def push(self, on_done=None) -> None:
        """Sends the list off the GUI thread; says how it went."""
        self.push_button.setEnabled(False)
        # the group reads them in the language of the screen that sent them
        rows = [dict(r, message=message_text(r)) for r in self.rows]
        url, shop = self.url, self.shop

        def done(sent: int) -> None:
            self.error.hide()
            self.result_label.setText(translate("Alerts", "Sent {n} alerts to the webhook.")
                                      .format(n=sent))
            self.push_button.setEnabled(True)
            if on_done:
                on_done(sent)

        def failed(message: str) -> None:
            self.error.setText(message)
            self.error.show()
            self.push_button.setEnabled(True)
            if on_done:
                on_done(message)
        run_in_background(lambda _r: alerts.push(rows, url, shop), done, failed, owner=self)
