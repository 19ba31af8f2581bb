"""The audit log screen (db.audit_list): who did what and when, newest first,
filtered by user, days, document and action, read a page at a time off the
GUI thread (desktop.ui.paged_model); the selected row's detail in words
below the table; and "Verify the chain", which walks the whole chain of
hashes (db.audit.verify) off the GUI thread and says whether it holds.

    audit_screen(engine, actor) -> AuditScreen      (owner and manager: "audit")
"""
from __future__ import annotations

import json

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (QCheckBox, QComboBox, QHBoxLayout, QLabel, QLineEdit,
                               QPlainTextEdit, QPushButton, QSplitter, QVBoxLayout, QWidget)
from sqlalchemy import Engine

from db import audit_list, clock
from db.audit import Actor
from db.audit_list import AuditFilter, AuditList, AuditQuery
from db.engine import read_connection
from desktop.ui.formats import count_text, datetime_text
from desktop.ui.list_screen import PagedTableView
from desktop.ui.paged_model import Column, PagedTableModel
from desktop.ui.report_frame import date_edit, py_date
from desktop.ui.widgets import ERROR_STYLE
from desktop.ui.workers import run_in_background

translate = QCoreApplication.translate


def action_text(action: str) -> str:
    """An action as the screen names it."""
    t = {"post": translate("Audit", "Posted"), "cancel": translate("Audit", "Cancelled"),
         "draft.save": translate("Audit", "Draft saved"),
         "draft.edit": translate("Audit", "Draft edited"),
         "draft.discard": translate("Audit", "Draft discarded"),
         "purchase-order.create": translate("Audit", "Order made"),
         "purchase-order.submit": translate("Audit", "Order submitted"),
         "approve": translate("Audit", "Approved"), "reject": translate("Audit", "Rejected"),
         "sale.hold": translate("Audit", "Sale put aside"),
         "sale.resume": translate("Audit", "Held sale resumed"),
         "shift.open": translate("Audit", "Shift opened"),
         "shift.close": translate("Audit", "Shift closed"),
         "count.start": translate("Audit", "Count started"),
         "count.finish": translate("Audit", "Count finished"),
         "count.post": translate("Audit", "Count posted"),
         "count.cancel": translate("Audit", "Count cancelled"),
         "product.add": translate("Audit", "Product added"),
         "product.update": translate("Audit", "Product edited"),
         "customer.add": translate("Audit", "Customer added"),
         "customer.update": translate("Audit", "Customer edited"),
         "supplier.add": translate("Audit", "Supplier added"),
         "supplier.update": translate("Audit", "Supplier edited"),
         "barcode.allocate": translate("Audit", "Barcode given"),
         "label-template.save": translate("Audit", "Label template saved"),
         "label-template.delete": translate("Audit", "Label template deleted"),
         "setting.set": translate("Audit", "Setting changed"),
         "period.close": translate("Audit", "Books closed"),
         "period.reopen": translate("Audit", "Books reopened"),
         "import": translate("Audit", "Imports"),
         "import.undo": translate("Audit", "Import undone"),
         "archive": translate("Audit", "Archived"),
         "sign-in": translate("Audit", "Signed in"),
         "sign-in.failed": translate("Audit", "Sign-in failed"),
         "sign-in.refused": translate("Audit", "Sign-in refused (unknown name)"),
         "user.add": translate("Audit", "User added"),
         "user.role": translate("Audit", "Role changed"),
         "user.deactivate": translate("Audit", "User deactivated"),
         "user.unlock": translate("Audit", "User unlocked"),
         "user.password": translate("Audit", "Password changed"),
         "user.password.failed": translate("Audit", "Wrong current password")}.get(action)
    if t is None and action.startswith("import."):
        return translate("Audit", "Imported: {kind}").format(kind=action[7:])
    return t if t is not None else action


def entity_text(entity: str) -> str:
    """What a row is about: a document's kind, or one of the other things audited."""
    from desktop.ui.screens import doc_kind_text
    t = {"product": translate("Audit", "Product"), "customer": translate("Audit", "Customer"),
         "supplier": translate("Audit", "Supplier"), "user": translate("Audit", "User"),
         "setting": translate("Audit", "Setting"), "shift": translate("Audit", "Shift"),
         "held-sale": translate("Audit", "Held sale"),
         "stock_count": translate("Audit", "Stock count"),
         "import": translate("Audit", "Import"), "documents": translate("Audit", "Documents"),
         "label-template": translate("Audit", "Label template")}.get(entity)
    return t if t is not None else doc_kind_text(entity)


def value_text(value) -> str:
    """A detail's value: text as it is, a change [old, new] as old → new."""
    if value is None:
        return "—"
    if isinstance(value, bool):
        return translate("Audit", "yes") if value else translate("Audit", "no")
    if isinstance(value, list) and len(value) == 2 and not any(
            isinstance(v, (list, dict)) for v in value):
        return f"{value_text(value[0])} → {value_text(value[1])}"
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def detail_text(detail: dict) -> str:
    """The detail on one line: `total: 9.90 · payment: cash`."""
    return " · ".join(f"{k}: {value_text(v)}" for k, v in detail.items())


def _time(value) -> str:
    try:
        return datetime_text(value, seconds=True)
    except (TypeError, ValueError):
        return str(value)


def columns() -> list[Column]:
    """The columns of db.audit_list.AuditList's fields."""
    return [Column(translate("Audit", "No."), numeric=True, width=8),
            Column(translate("Audit", "Time"), _time, width=20, kind="datetime"),
            Column(translate("Audit", "User"), width=10),
            Column(translate("Audit", "Action"), action_text, width=16),
            Column(translate("Audit", "About"), entity_text, width=12),
            Column(translate("Audit", "Number or id"), width=20),
            Column(translate("Audit", "Detail"), detail_text, width=30, stretch=True)]


def row_text(row: tuple) -> str:
    """A row of the list in words, for the detail pane."""
    seq, at, user, action, entity, entity_id, detail = row
    lines = [translate("Audit", "No. {seq} · {time} · {user}").format(
                 seq=seq, time=_time(at), user=user or translate("Audit", "(no user)")),
             translate("Audit", "{action}: {about} {id}").format(
                 action=action_text(action), about=entity_text(entity), id=entity_id).strip()]
    if detail:
        lines.append("")
        lines += [f"{k}: {value_text(v)}" for k, v in detail.items()]
    return "\n".join(lines)


class AuditScreen(QWidget):
    verified = Signal(bool)         # the chain was walked: whether it holds

    def __init__(self, engine: Engine, actor: Actor, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("auditScreen")
        self.engine = engine
        self.actor = actor
        self.model = PagedTableModel(engine, AuditList(actor), columns(), parent=self)

        heading = QLabel(translate("Audit", "Audit log"), self)
        heading.setObjectName("screenHeading")
        font = heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        heading.setFont(font)

        self.user = QComboBox(self)
        self.user.setObjectName("auditUser")
        self.user.setEditable(True)
        self.user.setMinimumWidth(120)
        self.user.addItem("")
        self.user.lineEdit().setPlaceholderText(translate("Audit", "Anyone"))
        today = clock.today()
        self.use_from = QCheckBox(translate("Audit", "From"), self)
        self.use_from.setObjectName("auditUseFrom")
        self.date_from = date_edit(self, today, "auditFrom")
        self.use_to = QCheckBox(translate("Audit", "To"), self)
        self.use_to.setObjectName("auditUseTo")
        self.date_to = date_edit(self, today, "auditTo")
        for check, edit in ((self.use_from, self.date_from), (self.use_to, self.date_to)):
            edit.setEnabled(False)
            check.toggled.connect(edit.setEnabled)
            check.toggled.connect(lambda _on: self.apply())
            edit.dateChanged.connect(lambda _d, c=check: c.isChecked() and self.apply())
        self.document = QLineEdit(self)
        self.document.setObjectName("auditDocument")
        self.document.setClearButtonEnabled(True)
        self.document.setPlaceholderText(translate("Audit", "Document number"))
        self.document.setMinimumWidth(180)
        self.action = QComboBox(self)
        self.action.setObjectName("auditAction")
        self.action.addItem(translate("Audit", "All actions"), "")
        for a in audit_list.ACTIONS:
            self.action.addItem(action_text(a), a)
        self.show_button = QPushButton(translate("Audit", "Show"), self)
        self.show_button.setObjectName("auditShow")
        self.show_button.setDefault(True)
        self.show_button.clicked.connect(lambda _checked=False: self.apply())
        self.document.returnPressed.connect(self.apply)
        self.user.lineEdit().returnPressed.connect(self.apply)
        self.user.activated.connect(lambda _i: self.apply())
        self.action.activated.connect(lambda _i: self.apply())

        filters = QHBoxLayout()
        filters.setSpacing(6)
        filters.addWidget(QLabel(translate("Audit", "User"), self))
        filters.addWidget(self.user)
        for w in (self.use_from, self.date_from, self.use_to, self.date_to, self.document,
                  self.action, self.show_button):
            filters.addWidget(w)
        filters.addStretch(1)

        self.view = PagedTableView(self)
        self.view.setModel(self.model)
        self.view.size_columns(self.model.columns)
        column, order = self.model.sort_column()
        self.view.horizontalHeader().setSortIndicator(column, order)
        self.view.setSortingEnabled(True)       # No.: newest or oldest first
        self.detail = QPlainTextEdit(self)
        self.detail.setObjectName("auditDetail")
        self.detail.setReadOnly(True)
        self.detail.setPlaceholderText(translate("Audit", "Pick a row to read its detail."))
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(self.view)
        split.addWidget(self.detail)
        split.setStretchFactor(0, 4)
        split.setStretchFactor(1, 1)
        self.view.selectionModel().currentRowChanged.connect(lambda cur, _prev: self._show_row(cur))
        self.view.doubleClicked.connect(lambda index: self._open(index.row()))
        self.view.returnPressed.connect(self._open)

        self.status = QLabel(self)
        self.status.setObjectName("listTotal")
        self.verify_button = QPushButton(translate("Audit", "Verify the chain"), self)
        self.verify_button.setObjectName("verifyChain")
        self.verify_button.clicked.connect(lambda _checked=False: self.verify())
        self.chain = QLabel(self)
        self.chain.setObjectName("chainResult")
        self.chain.setWordWrap(True)
        bottom = QHBoxLayout()
        bottom.addWidget(self.status, 1)
        bottom.addWidget(self.chain, 2)
        bottom.addWidget(self.verify_button)

        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addLayout(filters)
        layout.addWidget(split, 1)
        layout.addLayout(bottom)
        self.model.totalChanged.connect(self._show_total)
        self.model.failed.connect(self._show_failure)
        self.model.modelReset.connect(lambda: self.detail.clear())
        self.verifying = False
        self._users_loaded = False

    # -- the filter
    def current_filter(self) -> AuditFilter:
        return AuditFilter(user=self.user.currentText(),
                           date_from=py_date(self.date_from) if self.use_from.isChecked() else None,
                           date_to=py_date(self.date_to) if self.use_to.isChecked() else None,
                           document=self.document.text(),
                           action=self.action.currentData() or "")

    def apply(self) -> None:
        """Reads the list again with the filter as the fields say."""
        flt = self.current_filter()
        if flt.date_from and flt.date_to and flt.date_from > flt.date_to:
            self.status.setText(translate("Audit", "The first day comes after the last."))
            self.status.setStyleSheet(ERROR_STYLE)
            return
        self.status.setStyleSheet("")
        q = self.model.query
        self.model.set_query(AuditQuery(sort=q.sort, descending=q.descending, filter=flt))

    def refresh(self) -> None:
        """As the main window calls it on showing the screen: the rows read afresh."""
        if not self._users_loaded:
            self._load_users()
        self.model.refresh()

    def _load_users(self) -> None:
        engine = self.engine

        def work(_report):
            from db import users
            with read_connection(engine) as conn:
                return [a.name for a in users.list_users(conn)]

        def done(names: list[str]) -> None:
            self._users_loaded = True
            typed = self.user.currentText()
            self.user.blockSignals(True)
            self.user.clear()
            self.user.addItem("")
            self.user.addItems(sorted(names))
            self.user.setEditText(typed)
            self.user.blockSignals(False)

        run_in_background(work, done, lambda _message: None, owner=self)

    # -- the rows
    def _show_total(self, total: int) -> None:
        self.status.setText(translate("Audit", "Counting…") if total < 0 else
                            translate("Audit", "Rows: {n}").format(n=count_text(total)))

    def _show_failure(self, message: str) -> None:
        self.status.setText(translate("Audit", "Could not read the log: {message}")
                            .format(message=message))

    def _show_row(self, index) -> None:
        if index.isValid():
            self.detail.setPlainText(row_text(self.model.raw_row(index.row())))
        else:
            self.detail.clear()

    def _open(self, row: int) -> None:
        if 0 <= row < self.model.rowCount():
            self.view.selectRow(row)
            self.detail.setPlainText(row_text(self.model.raw_row(row)))
            self.detail.setFocus()

    # -- the chain
    def verify(self) -> None:
        """Walks the whole chain off the GUI thread; `verified` says how it went."""
        if self.verifying:
            return
        self.verifying = True
        self.verify_button.setEnabled(False)
        self.chain.setStyleSheet("")
        self.chain.setText(translate("Audit", "Verifying the chain…"))
        engine, actor = self.engine, self.actor

        def work(_report) -> audit_list.ChainCheck:
            with read_connection(engine) as conn:
                return audit_list.verify_chain(conn, actor)

        def done(check: audit_list.ChainCheck) -> None:
            self._verified(check.ok, translate(
                "Audit", "The chain holds: all {n} rows are as they were written.").format(
                n=count_text(check.rows)) if check.ok else translate(
                "Audit", "The chain is broken: {breach}").format(breach=check.breach))

        def failed(message: str) -> None:
            self._verified(False, translate("Audit", "Could not verify the chain: {message}")
                           .format(message=message))

        run_in_background(work, done, failed, owner=self)

    def _verified(self, ok: bool, text: str) -> None:
        self.verifying = False
        self.verify_button.setEnabled(True)
        self.chain.setText(text)
        self.chain.setStyleSheet("" if ok else ERROR_STYLE)
        self.verified.emit(ok)

    def closeEvent(self, event) -> None:
        self.model.cancel()
        super().closeEvent(event)


def audit_screen(engine: Engine, actor: Actor) -> AuditScreen:
    return AuditScreen(engine, actor)
