"""Passwords typed in the app: one's own changed (the current one, the new one
twice), and the new password the owner gives another account (twice).

Both dialogs do the change themselves and stay open with the reason when the
books refuse, so nothing typed is lost; they close on success.
"""
from __future__ import annotations

from typing import Callable

from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit,
                               QVBoxLayout, QWidget)
from sqlalchemy import Engine

from db import users
from db.audit import Actor
from db.books import Books
from db.errors import BooksError, SignInFailed
from desktop.ui.refusals import refusal_text
from desktop.ui.sign_in import until_text
from desktop.ui.widgets import error_label


def password_field(parent: QWidget, name: str) -> QLineEdit:
    field = QLineEdit(parent)
    field.setObjectName(name)
    field.setEchoMode(QLineEdit.EchoMode.Password)
    return field


class ChangePasswordDialog(QDialog):
    """The signed-in person's own password. A wrong current password counts
    toward the account's lock, as at sign-in (db.users.change_password)."""

    def __init__(self, engine: Engine, actor: Actor, parent=None):
        super().__init__(parent)
        self._books = Books(engine, actor)
        self.setWindowTitle(self.tr("Change password"))
        self.setMinimumWidth(380)
        self.old = password_field(self, "oldPassword")
        self.new = password_field(self, "newPassword")
        self.repeat = password_field(self, "repeatPassword")
        form = QFormLayout()
        form.addRow(self.tr("Current password"), self.old)
        form.addRow(self.tr("New password"), self.new)
        form.addRow(self.tr("New password again"), self.repeat)
        self.error = error_label(self)
        buttons = QDialogButtonBox(self)
        self.ok_button = buttons.addButton(self.tr("Change password"),
                                           QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.try_change)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Signed in as {name}.").format(name=actor.name), self))
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.old.setFocus()

    def try_change(self) -> bool:
        if self.new.text() != self.repeat.text():
            return self._refuse(self.tr("The two new passwords differ."), self.repeat)
        try:
            self._books.change_password(self.old.text(), self.new.text())
        except users.AccountLocked as exc:
            return self._refuse(self.tr("Too many failed attempts: this account is locked "
                                        "until {time}.").format(time=until_text(exc.until)),
                                self.old)
        except SignInFailed:
            return self._refuse(self.tr("The current password is wrong."), self.old)
        except BooksError as exc:                      # the new password is too short
            return self._refuse(refusal_text(exc.message), self.new)
        self.accept()
        return True

    def _refuse(self, text: str, field: QLineEdit) -> bool:
        self.error.setText(text)
        self.error.show()
        if field is self.old:
            self.old.clear()
        else:
            self.new.clear()
            self.repeat.clear()
            field = self.new
        field.setFocus()
        return False


class NewPasswordDialog(QDialog):
    """A new password typed twice, handed to `submit` (which raises BooksError to
    refuse it). Used by the owner to set another account's password."""

    def __init__(self, title: str, note: str, submit: Callable[[str], None], parent=None):
        super().__init__(parent)
        self._submit = submit
        self.setWindowTitle(title)
        self.setMinimumWidth(380)
        self.new = password_field(self, "newPassword")
        self.repeat = password_field(self, "repeatPassword")
        form = QFormLayout()
        form.addRow(self.tr("New password"), self.new)
        form.addRow(self.tr("New password again"), self.repeat)
        self.error = error_label(self)
        buttons = QDialogButtonBox(self)
        self.ok_button = buttons.addButton(self.tr("Set password"),
                                           QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.try_set)
        buttons.rejected.connect(self.reject)
        label = QLabel(note, self)
        label.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.new.setFocus()

    def try_set(self) -> bool:
        error = None
        if self.new.text() != self.repeat.text():
            error = self.tr("The two passwords differ.")
        else:
            try:
                self._submit(self.new.text())
            except BooksError as exc:
                error = refusal_text(exc.message)
        if error is not None:
            self.error.setText(error)
            self.error.show()
            self.new.clear()
            self.repeat.clear()
            self.new.setFocus()
            return False
        self.accept()
        return True
