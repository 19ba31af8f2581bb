"""The owner's Users screen: every account with its role, whether it may sign
in, its lock and failed sign-ins; add an account, change a role, deactivate,
unlock, set a password (which unlocks too). Everything goes through db.books,
which checks the "users" permission; a refusal is shown under the table.

Each action takes its answers as arguments too (the tests' way past the
dialogs); without them it asks. A handful of rows: read on the GUI thread.
"""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout,
                               QInputDialog, QLabel, QLineEdit, QMessageBox, QPushButton,
                               QTableWidgetItem, QVBoxLayout, QWidget)
from sqlalchemy import Engine

from db.audit import Actor
from db.books import Books
from db.errors import BooksError
from db.schema import ROLES
from db.users import Account
from desktop.ui import style
from desktop.ui.password_dialog import ChangePasswordDialog, NewPasswordDialog, password_field
from desktop.ui.formats import count_text
from desktop.ui.refusals import refusal_text
from desktop.ui.sign_in import until_text
from desktop.ui.widgets import enlarge, error_label, read_only_table

translate = QCoreApplication.translate
RED = QBrush(QColor(style.ERROR))
GREY = QBrush(QColor(style.MUTED))


def role_text(role: str) -> str:
    return {"owner": translate("UsersScreen", "owner"),
            "manager": translate("UsersScreen", "manager"),
            "cashier": translate("UsersScreen", "cashier"),
            "clerk": translate("UsersScreen", "stock clerk"),
            "bookkeeper": translate("UsersScreen", "bookkeeper")}.get(role, role)


def role_box(parent: QWidget, current: str = "cashier") -> QComboBox:
    """The roles by their shown names, each item's data the role's key."""
    box = QComboBox(parent)
    box.setObjectName("role")
    for role in ROLES:
        box.addItem(role_text(role), role)
    box.setCurrentIndex(ROLES.index(current) if current in ROLES else 0)
    return box


class AddUserDialog(QDialog):
    """A new account: name, role, password twice. Closes once the books took it."""

    def __init__(self, books: Books, parent=None):
        super().__init__(parent)
        self._books = books
        self.added: Actor | None = None
        self.setWindowTitle(self.tr("Add user"))
        self.setMinimumWidth(380)
        self.name = QLineEdit(self)
        self.name.setObjectName("name")
        self.role = role_box(self)
        self.password = password_field(self, "newPassword")
        self.repeat = password_field(self, "repeatPassword")
        form = QFormLayout()
        form.addRow(self.tr("User name"), self.name)
        form.addRow(self.tr("Role"), self.role)
        form.addRow(self.tr("Password"), self.password)
        form.addRow(self.tr("Password again"), self.repeat)
        self.error = error_label(self)
        buttons = QDialogButtonBox(self)
        self.ok_button = buttons.addButton(self.tr("Add"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.try_add)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.name.setFocus()

    def try_add(self) -> bool:
        if self.password.text() != self.repeat.text():
            error = self.tr("The two passwords differ.")
        else:
            try:
                self.added = self._books.add_user(self.name.text(), self.role.currentData(),
                                                  self.password.text())
                self.accept()
                return True
            except BooksError as exc:
                error = refusal_text(exc.message)
        self.error.setText(error)
        self.error.show()
        self.password.clear()
        self.repeat.clear()
        return False


class UsersScreen(QWidget):
    def __init__(self, engine: Engine, actor: Actor, parent=None):
        super().__init__(parent)
        self.setObjectName("users")
        self._engine, self._actor = engine, actor
        self.books = Books(engine, actor)
        self.accounts: list[Account] = []
        heading = QLabel(self.tr("Users"), self)
        heading.setObjectName("screenHeading")
        enlarge(heading, 1.4)
        self.table = read_only_table(self, "userTable", [
            self.tr("User name"), self.tr("Role"), self.tr("Can sign in"),
            self.tr("Locked until"), self.tr("Failed sign-ins")], stretch=4)
        self.table.itemSelectionChanged.connect(self._enable)
        self.add_button = self._button("addUser", self.tr("Add user…"), lambda: self.add_user())
        self.role_button = self._button("changeRole", self.tr("Change role…"),
                                        lambda: self.change_role())
        self.deactivate_button = self._button("deactivate", self.tr("Deactivate"),
                                              lambda: self.deactivate())
        self.unlock_button = self._button("unlock", self.tr("Unlock"), lambda: self.unlock())
        self.password_button = self._button("setPassword", self.tr("Set password…"),
                                            lambda: self.set_password())
        refresh = self._button("refresh", self.tr("Refresh"), self.refresh)
        self.message = QLabel(self)
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        self.error = error_label(self)
        buttons = QHBoxLayout()
        for b in (self.add_button, self.role_button, self.deactivate_button, self.unlock_button,
                  self.password_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(refresh)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        layout.addWidget(self.error)
        self.refresh()

    def _button(self, name: str, text: str, slot) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(name)
        button.clicked.connect(slot)
        return button

    # -- reading
    def refresh(self) -> None:
        """The accounts read again; the selected one stays selected."""
        keep = self.current()
        try:
            self.accounts = self.books.list_users()
        except BooksError as exc:
            self._show_error(refusal_text(exc.message))
            return
        self.table.setRowCount(len(self.accounts))
        for r, a in enumerate(self.accounts):
            values = (a.name, role_text(a.role),
                      self.tr("yes") if a.active else self.tr("no (deactivated)"),
                      until_text(a.locked_until) if a.locked_until else "",
                      count_text(a.failures) if a.failures else "")
            brush = RED if a.locked_until else (GREY if not a.active else None)
            for c, text in enumerate(values):
                item = QTableWidgetItem(text)
                if brush is not None:
                    item.setForeground(brush)
                self.table.setItem(r, c, item)
        self.table.resizeColumnsToContents()
        for c, least in ((0, 200), (3, 160)):     # names and times read without squinting
            self.table.setColumnWidth(c, max(self.table.columnWidth(c), least))
        names = [a.name for a in self.accounts]
        self.table.selectRow(names.index(keep) if keep in names else 0)
        self._enable()

    def current(self) -> str | None:
        account = self._current_account()
        return account.name if account else None

    def _current_account(self) -> Account | None:
        row = self.table.currentRow()
        return self.accounts[row] if 0 <= row < len(self.accounts) else None

    def select(self, name: str) -> bool:
        names = [a.name for a in self.accounts]
        if name not in names:
            return False
        self.table.selectRow(names.index(name))
        return True

    def _enable(self) -> None:
        a = self._current_account()
        for button in (self.role_button, self.password_button):
            button.setEnabled(a is not None)
        self.deactivate_button.setEnabled(a is not None and a.active)
        self.unlock_button.setEnabled(a is not None and bool(a.failures or a.locked_until))

    # -- changing
    def add_user(self, name: str | None = None, role: str | None = None,
                 password: str | None = None) -> bool:
        if name is None:
            dialog = AddUserDialog(self.books, self)
            added = bool(dialog.exec()) and dialog.added is not None
            name = dialog.added.name if added else None
            dialog.deleteLater()
            if not added:
                return False
            return self._done(self.tr("{name} can sign in now.").format(name=name), name)
        return self._do(lambda: self.books.add_user(name, role, password),
                        self.tr("{name} can sign in now.").format(name=name.strip()), name.strip())

    def change_role(self, role: str | None = None, name: str | None = None) -> bool:
        account = self._account(name)
        if account is None:
            return False
        if role is None:
            shown = [role_text(r) for r in ROLES]
            picked, ok = QInputDialog.getItem(
                self, self.tr("Change role"),
                self.tr("New role for {name}:").format(name=account.name), shown,
                ROLES.index(account.role) if account.role in ROLES else 0, False)
            if not ok:
                return False
            role = ROLES[shown.index(picked)]
        return self._do(lambda: self.books.set_user_role(account.name, role),
                        self.tr("{name} is now {role}.").format(name=account.name,
                                                                 role=role_text(role)),
                        account.name)

    def deactivate(self, name: str | None = None, ask: bool = True) -> bool:
        account = self._account(name)
        if account is None:
            return False
        if ask and QMessageBox.question(
                self, self.tr("Deactivate"),
                self.tr("{name} will no longer be able to sign in. Deactivate?")
                .format(name=account.name)) != QMessageBox.StandardButton.Yes:
            return False
        return self._do(lambda: self.books.deactivate_user(account.name),
                        self.tr("{name} can no longer sign in.").format(name=account.name),
                        account.name)

    def unlock(self, name: str | None = None) -> bool:
        account = self._account(name)
        if account is None:
            return False
        return self._do(lambda: self.books.unlock_user(account.name),
                        self.tr("{name} is unlocked and can sign in again.")
                        .format(name=account.name), account.name)

    def set_password(self, password: str | None = None, name: str | None = None) -> bool:
        """Another account's new password (unlocking it); one's own row opens the
        change-password dialog instead, which asks for the current one."""
        account = self._account(name)
        if account is None:
            return False
        if account.name == self._actor.name:
            dialog = ChangePasswordDialog(self._engine, self._actor, self)
            changed = bool(dialog.exec())
            dialog.deleteLater()
            return changed and self._done(self.tr("Your password is changed."), account.name)
        text = self.tr("{name}'s password is set; the account is unlocked.").format(
            name=account.name)
        if password is not None:
            return self._do(lambda: self.books.set_user_password(account.name, password), text,
                            account.name)
        dialog = NewPasswordDialog(
            self.tr("Set password"),
            self.tr("A new password for {name}. Tell it to them; it also unlocks the account.")
            .format(name=account.name),
            lambda new: self.books.set_user_password(account.name, new), self)
        done = bool(dialog.exec())
        dialog.deleteLater()
        return done and self._done(text, account.name)

    def _account(self, name: str | None) -> Account | None:
        if name is not None:
            self.refresh()
            if not self.select(name):
                self._show_error(self.tr("There is no user named {name}.").format(name=name))
                return None
        return self._current_account()

    def _do(self, action, text: str, name: str) -> bool:
        self.error.hide()
        try:
            action()
        except BooksError as exc:
            self._show_error(refusal_text(exc.message))
            return False
        return self._done(text, name)

    def _done(self, text: str, name: str) -> bool:
        self.error.hide()
        self.message.setText(text)
        self.refresh()
        self.select(name)
        return True

    def _show_error(self, text: str) -> None:
        self.message.clear()
        self.error.setText(text)
        self.error.show()


def users_screen(engine: Engine, actor: Actor) -> QWidget:
    """The Users screen (for SCREENS: the owner's, the "users" permission)."""
    return UsersScreen(engine, actor)
