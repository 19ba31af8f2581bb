"""The counter's small dialogs: a value asked for, a manager's permission on the
spot, a searchable picker (products, customers) and the held sales' list.
Each is driven by the keyboard: type, arrows, Enter, Esc."""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
)
from sqlalchemy import Engine

from db import lists, users
from db.audit import Actor
from db.errors import BooksError, SignInFailed
from db.permissions import may
from desktop.ui.formats import count_text, money_text, time_text
from desktop.ui.list_screen import ListScreen, money_column, qty_column
from desktop.ui.paged_model import Column
from desktop.ui.refusals import show_refusal
from desktop.ui.widgets import enlarge, error_label

translate = QCoreApplication.translate


class AskDialog(QDialog):
    """One value typed and checked by `parse` (which raises BooksError)."""

    def __init__(
        self,
        title: str,
        label: str,
        value: str,
        parse: Callable[[str], object],
        note: str = "",
        parent=None,
    ):
        super().__init__(parent)
        self.setWindowTitle(title)
        self._parse = parse
        self.value = None
        self.field = QLineEdit(value, self)
        self.field.setObjectName("value")
        self.field.selectAll()
        enlarge(self.field, 1.4, bold=False)
        self.error = error_label(self)
        form = QFormLayout()
        form.addRow(label, self.field)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        if note:
            layout.addWidget(QLabel(note, self))
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def _accept(self) -> None:
        try:
            self.value = self._parse(self.field.text())
        except BooksError as exc:
            show_refusal(self.error, exc.message)
            self.error.show()
            self.field.selectAll()
            return
        self.accept()


class AuthoriseDialog(QDialog):
    """A manager (anyone whose role may do `action`) signs in on the spot to allow it.
    After accept(): `actor` is who allowed it."""

    def __init__(self, engine: Engine, action: str, what: str, parent=None):
        super().__init__(parent)
        self._engine, self._action = engine, action
        self.actor: Actor | None = None
        self.setWindowTitle(translate("Counter", "A manager's permission"))
        self.user = QLineEdit(self)
        self.user.setObjectName("user")
        self.password = QLineEdit(self)
        self.password.setObjectName("password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        form = QFormLayout()
        form.addRow(translate("Counter", "Manager"), self.user)
        form.addRow(translate("Counter", "Password"), self.password)
        self.error = error_label(self)
        buttons = QDialogButtonBox(self)
        buttons.addButton(translate("Counter", "Allow"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.try_allow)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        note = QLabel(what, self)
        note.setWordWrap(True)
        layout.addWidget(note)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.user.setFocus()

    def try_allow(self) -> None:
        try:
            actor = users.sign_in(self._engine, self.user.text().strip(), self.password.text())
        except SignInFailed:
            return self._refuse(translate("Counter", "Unknown user or wrong password."))
        if not may(actor, self._action):
            return self._refuse(
                translate("Counter", "{name} may not allow this.").format(name=actor.name)
            )
        self.actor = actor
        self.accept()

    def _refuse(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()
        self.password.clear()
        self.password.setFocus()


class PickDialog(QDialog):
    """A searchable list to choose one row from: type, arrows, Enter."""

    def __init__(self, screen: ListScreen, title: str, parent=None):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.resize(820, 520)
        self.screen = screen
        self.row: int | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(screen)
        screen.export_button.hide()
        screen.opened.connect(self._pick)
        screen.search.installEventFilter(self)
        screen.search.returnPressed.connect(self._pick_current)
        screen.refresh()
        screen.search.setFocus()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # arrows in the search box move through the list
        if event.type() == QEvent.Type.KeyPress and event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            view, model = self.screen.view, self.screen.model
            if model.rowCount():
                row = view.currentIndex().row()
                row = 0 if row < 0 else row + (1 if event.key() == Qt.Key.Key_Down else -1)
                row = max(0, min(model.rowCount() - 1, row))
                view.selectRow(row)
            return True
        return super().eventFilter(watched, event)

    def _pick_current(self) -> None:
        if self.screen.model.loading:
            return
        row = self.screen.view.currentIndex().row()
        if row < 0 and self.screen.model.rowCount():
            row = 0
        if row >= 0:
            self._pick(row)

    def _pick(self, row: int) -> None:
        self.row = row
        self.accept()

    def value(self, field: str):
        return self.screen.model.value(self.row, field)


def product_picker(engine: Engine, actor: Actor, text: str = "", parent=None) -> PickDialog:
    source = lists.PRODUCTS_WITH_COST if may(actor, "see-cost") else lists.PRODUCTS
    cols = [
        Column(translate("Counter", "SKU"), width=12),
        Column(translate("Counter", "Name"), width=28, stretch=True),
        Column(translate("Counter", "Barcodes"), width=16),
        Column(translate("Counter", "Category"), width=10),
        Column(translate("Counter", "Unit"), width=5),
        money_column(translate("Counter", "Price")),
        qty_column(translate("Counter", "On hand")),
        Column("", width=0),
        Column("", width=0),
    ]
    if source is lists.PRODUCTS_WITH_COST:
        cols.append(money_column(translate("Counter", "Cost")))
    screen = ListScreen(
        engine,
        source,
        cols[: len(source.fields)],
        translate("Counter", "Find a product"),
        lambda n: translate("Counter", "Products: {n}").format(n=count_text(n)),
        search_hint=translate("Counter", "Name, pinyin initials, SKU or barcode"),
    )
    for i, f in enumerate(source.fields):
        if f in ("min_qty", "max_qty"):
            screen.view.hideColumn(i)
    screen.search.setText(text)
    return PickDialog(screen, translate("Counter", "Find a product (F2)"), parent)


def customer_picker(engine: Engine, parent=None) -> PickDialog:
    cols = [
        Column(translate("Counter", "Customer"), width=24, stretch=True),
        Column(translate("Counter", "Phone"), width=14),
        money_column(translate("Counter", "Credit limit"), 12),
        money_column(translate("Counter", "Owes the shop"), 12),
    ]
    screen = ListScreen(
        engine,
        lists.CUSTOMERS,
        cols,
        translate("Counter", "Choose the customer"),
        lambda n: translate("Counter", "Customers: {n}").format(n=count_text(n)),
        search_hint=translate("Counter", "Name or phone"),
    )
    return PickDialog(screen, translate("Counter", "Customer (F7)"), parent)


# ---------------------------------------------------------------- held sales


class HeldDialog(QDialog):
    """The held sales (挂单), newest first: arrows and Enter resume one."""

    def __init__(self, held: list, parent=None):
        super().__init__(parent)
        self.setWindowTitle(translate("Counter", "Held sales (F6)"))
        self.resize(560, 360)
        self.held = held
        self.chosen = None
        self.list = QListWidget(self)
        self.list.setObjectName("held")
        for h in held:
            who = f" · {h.customer}" if h.customer else ""
            note = f" · {h.note}" if h.note else ""
            QListWidgetItem(
                translate("Counter", "{time}  {user}{who}  {n} lines  {total}{note}").format(
                    time=time_text(h.held_at),
                    user=h.user,
                    who=who,
                    n=len(h.lines),
                    total=money_text(h.total),
                    note=note,
                ),
                self.list,
            )
        if held:
            self.list.setCurrentRow(0)
        self.list.itemActivated.connect(lambda _item: self._choose())
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(translate("Counter", "Enter resumes the chosen sale; Esc goes back."), self)
        )
        layout.addWidget(self.list)
        self.list.setFocus()

    def keyPressEvent(self, event):
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._choose()
            return
        super().keyPressEvent(event)

    def _choose(self) -> None:
        row = self.list.currentRow()
        if row >= 0:
            self.chosen = self.held[row]
            self.accept()


