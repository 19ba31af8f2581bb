"""Settings → Stock alerts and counts (shop settings, the owner's): the chat
webhook alerts are sent to (with a test message), how many days before expiry a
batch is an alert, and the count schedule (ABC split, days between counts,
products a day)."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (QFormLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit,
                               QPushButton, QSpinBox, QVBoxLayout, QWidget)

from db import alerts
from db.books import Books
from db.errors import BooksError
from db.masters import get_setting
from db.permissions import may
from desktop.ui.refusals import show_refusal
from desktop.ui.widgets import error_label
from desktop.ui.workers import run_in_background

translate = QCoreApplication.translate

class StockSettingsBox(QGroupBox):
    def __init__(self, books: Books, parent: QWidget | None = None):
        super().__init__(translate("StockSettings", "Stock alerts and counts"), parent)
        self.setObjectName("stockSettingsBox")
        self.books = books
        editable = may(books.actor, "settings")
        self._editable = editable
        form = QFormLayout()
        self.webhook = QLineEdit(self)
        self.webhook.setObjectName("alertWebhook")
        self.webhook.setPlaceholderText("https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=…")
        self.test_button = QPushButton(translate("StockSettings", "Send a test"), self)
        self.test_button.setObjectName("testWebhook")
        self.test_button.clicked.connect(lambda: self.send_test())
        row = QHBoxLayout()
        row.addWidget(self.webhook, 1)
        row.addWidget(self.test_button)
        form.addRow(translate("StockSettings", "Alert webhook (WeCom, DingTalk):"), row)
        self.expiry = QSpinBox(self)
        self.expiry.setObjectName("expiryDays")
        self.expiry.setRange(0, 3650)
        self.expiry.setSuffix(translate("StockSettings", " days"))
        form.addRow(translate("StockSettings", "Alert before expiry:"), self.expiry)
        self.split = QLineEdit(self)
        self.split.setObjectName("abcSplit")
        form.addRow(translate("StockSettings", "ABC classes (% of sales value, A,B):"), self.split)
        self.every = QLineEdit(self)
        self.every.setObjectName("abcCountDays")
        form.addRow(translate("StockSettings", "Count every (days, A,B,C):"), self.every)
        self.per_day = QSpinBox(self)
        self.per_day.setObjectName("countDailyItems")
        self.per_day.setRange(1, 100000)
        form.addRow(translate("StockSettings", "Products to count a day:"), self.per_day)
        self.save_button = QPushButton(translate("StockSettings", "Save"), self)
        self.save_button.setObjectName("saveStockSettings")
        self.save_button.clicked.connect(lambda: self.save())
        self.message = QLabel(self)
        self.message.setObjectName("stockSettingsMessage")
        self.error = error_label(self)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        layout.addWidget(self.error)
        for w in (self.webhook, self.expiry, self.split, self.every, self.per_day,
                  self.save_button, self.test_button):
            w.setEnabled(editable)
        self.refresh()

    def refresh(self) -> None:
        with self.books.engine.connect() as conn:
            def get(key, default):
                return get_setting(conn, key) or default
            url = get(alerts.WEBHOOK_KEY, "")
            # the query carries the robot's key: only the owner, who may change it, reads it
            self.webhook.setText(url if self._editable or "?" not in url
                                 else url.split("?", 1)[0] + "?…")
            self.expiry.setValue(int(get("expiry_alert_days", str(alerts.EXPIRY_DAYS))))
            self.split.setText(get("abc_split", "80,95"))
            self.every.setText(get("abc_count_days", "7,30,90"))
            self.per_day.setValue(int(get("count_daily_items", "40")))

    def save(self) -> bool:
        values = {alerts.WEBHOOK_KEY: self.webhook.text().strip(),
                  "expiry_alert_days": str(self.expiry.value()),
                  "abc_split": "".join(self.split.text().split()),
                  "abc_count_days": "".join(self.every.text().split()),
                  "count_daily_items": str(self.per_day.value())}
        try:
            from db import abc
            for key, value in values.items():     # every value checked before any is saved
                alerts.check_setting(key, value)
                abc.check_setting(key, value)
            with self.books.engine.connect() as conn:
                changed = {k: v for k, v in values.items() if (get_setting(conn, k) or "") != v}
            for key, value in changed.items():
                self.books.set_setting(key, value)
        except BooksError as exc:
            show_refusal(self.error, exc.message)
            self.error.show()
            return False
        self.error.hide()
        self.message.setText(translate("StockSettings", "Saved."))
        return True

    def send_test(self, on_done=None) -> None:
        url = self.webhook.text().strip()
        shop = ""
        with self.books.engine.connect() as conn:
            shop = get_setting(conn, "shop_name") or ""
        rows = [{"message": translate("StockSettings", "A test from Storekeeper: alerts will "
                                                       "arrive here.")}]

        def done(_sent) -> None:
            self.error.hide()
            self.message.setText(translate("StockSettings", "The test was sent."))
            if on_done:
                on_done(True)

        def failed(message: str) -> None:
            self.error.setText(message)
            self.error.show()
            if on_done:
                on_done(message)
        run_in_background(lambda _r: alerts.push(rows, url, shop), done, failed, owner=self)
