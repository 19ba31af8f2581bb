"""Customers and suppliers: lists with balances, and their editors."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QRegularExpression, Signal
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout
from sqlalchemy import Engine

from db import lists
from db.audit import Actor
from db.books import Books
from db.errors import BooksError
from db.money import money_str
from db.permissions import may
from desktop.ui.formats import (count_text, money_text, number_pattern, parse_money_text,
                                plain_number)
from desktop.ui.list_screen import ListScreen, money_column
from desktop.ui.paged_model import Column
from desktop.ui.refusals import show_refusal
from desktop.ui.widgets import error_label

translate = QCoreApplication.translate


class PartyScreen(ListScreen):
    """Customers (kind "customer") or suppliers (kind "supplier")."""

    def __init__(self, engine: Engine, actor: Actor, kind: str, parent=None):
        self.kind = kind
        self.actor = actor
        self.books = Books(engine, actor)
        self.may_edit = may(actor, "master-data")
        if kind == "customer":
            cols = [Column(translate("Parties", "Name"), width=24, stretch=True),
                    Column(translate("Parties", "Phone"), width=16),
                    money_column(translate("Parties", "Credit limit"), 12),
                    money_column(translate("Parties", "Owes the shop"), 12)]
            source, title = lists.CUSTOMERS, translate("Parties", "Customers")
            count = lambda n: translate("Parties", "Customers: {n}").format(n=count_text(n))  # noqa: E731
        else:
            cols = [Column(translate("Parties", "Name"), width=24, stretch=True),
                    Column(translate("Parties", "Phone"), width=16),
                    money_column(translate("Parties", "Shop owes them"), 12)]
            source, title = lists.SUPPLIERS, translate("Parties", "Suppliers")
            count = lambda n: translate("Parties", "Suppliers: {n}").format(n=count_text(n))  # noqa: E731
        super().__init__(engine, source, cols, title, count,
                         search_hint=translate("Parties", "Name or phone"), parent=parent)
        if self.may_edit:
            self.add_action(translate("Parties", "New customer…") if kind == "customer"
                            else translate("Parties", "New supplier…"), self.new_party, "newParty")
            self.add_action(translate("Parties", "Edit…"), self.open_selected, "editParty")
            self.opened.connect(self.open_row)
        from desktop.ui.print_actions import add_statement_action
        add_statement_action(self, engine, actor, kind)
        self.editor: PartyEditor | None = None


    def open_row(self, row: int) -> "PartyEditor | None":
        if not self.may_edit:
            return None
        return self.show_editor(PartyEditor(self.books, self.kind, self.model.value(row, "name"), self))

    def new_party(self) -> "PartyEditor":
        return self.show_editor(PartyEditor(self.books, self.kind, None, self))




class PartyEditor(QDialog):
    saved = Signal(str)

    def __init__(self, books: Books, kind: str, name: str | None, parent=None):
        super().__init__(parent)
        self.books, self.kind, self.original = books, kind, name
        customer = kind == "customer"
        detail = None
        if name is not None:
            detail = books.customer_detail(name) if customer else books.supplier_detail(name)
        self.detail = detail
        if customer:
            self.setWindowTitle(translate("Parties", "Customer") if name else
                                translate("Parties", "New customer"))
        else:
            self.setWindowTitle(translate("Parties", "Supplier") if name else
                                translate("Parties", "New supplier"))
        self.setMinimumWidth(420)
        self.name = QLineEdit(detail.name if detail else "", self)
        self.name.setObjectName("name")
        self.phone = QLineEdit(detail.phone if detail else "", self)
        self.phone.setObjectName("phone")
        form = QFormLayout()
        form.addRow(translate("Parties", "Name"), self.name)
        form.addRow(translate("Parties", "Phone"), self.phone)
        self.credit_limit: QLineEdit | None = None
        if customer:
            limit = detail.credit_limit if detail else None
            self.credit_limit = QLineEdit(money_str(limit) if limit is not None else "", self)
            self.credit_limit.setObjectName("creditLimit")
            self.credit_limit.setValidator(QRegularExpressionValidator(
                QRegularExpression(number_pattern(2)), self.credit_limit))
            self.credit_limit.setPlaceholderText(translate("Parties", "no limit"))
            form.addRow(translate("Parties", "Credit limit"), self.credit_limit)
        if detail is not None:
            balance = QLabel(money_text(detail.balance), self)
            balance.setObjectName("balance")
            form.addRow(translate("Parties", "Owes the shop") if customer
                        else translate("Parties", "Shop owes them"), balance)
        self.error = error_label(self)
        buttons = QDialogButtonBox(self)
        save = buttons.addButton(translate("Parties", "Save"), QDialogButtonBox.ButtonRole.AcceptRole)
        save.setObjectName("save")
        buttons.addButton(translate("Parties", "Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.name.setFocus()

    def save(self) -> bool:
        name = " ".join(self.name.text().split())
        phone = self.phone.text().strip()
        try:
            limit = None
            if self.credit_limit is not None:
                typed = self.credit_limit.text().strip()
                limit = plain_number(typed, translate("Parties", "Credit limit")) if typed else ""
            if self.detail is None:
                if self.kind == "customer":
                    self.books.add_customer(name, phone, limit or None)
                else:
                    self.books.add_supplier(name, phone)
            else:
                d = self.detail
                new_name = name if name != d.name else None
                new_phone = phone if phone != d.phone else None
                if self.kind == "customer":
                    old = d.credit_limit
                    same = (not limit and old is None) or (limit and old is not None
                                                           and parse_money_text(limit) == old)
                    kw = {} if same else {"credit_limit": limit or ""}
                    self.books.update_customer(d.name, new_name=new_name, phone=new_phone, **kw)
                else:
                    self.books.update_supplier(d.name, new_name=new_name, phone=new_phone)
        except BooksError as exc:
            show_refusal(self.error, exc.message)
            self.error.show()
            return False
        self.saved.emit(name)
        self.accept()
        return True
