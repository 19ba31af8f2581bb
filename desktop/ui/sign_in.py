"""Sign-in: a user name and a password checked by db.users.sign_in."""
from __future__ import annotations

import html

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout
from sqlalchemy import Engine

from db import users
from db.audit import Actor
from db.errors import SignInFailed
from desktop.ui.widgets import error_label


class SignInDialog(QDialog):
    """After accept(): `actor` is who signed in."""

    def __init__(self, engine: Engine, shop_name: str, user_name: str = "", parent=None):
        super().__init__(parent)
        self._engine = engine
        self.actor: Actor | None = None
        self.setWindowTitle(self.tr("Sign in"))
        self.setMinimumWidth(360)
        heading = QLabel(f"<b>{html.escape(shop_name)}</b>", self)
        self.user = QLineEdit(user_name, self)
        self.password = QLineEdit(self)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        form = QFormLayout()
        form.addRow(self.tr("User name"), self.user)
        form.addRow(self.tr("Password"), self.password)
        self.error = error_label(self)
        buttons = QDialogButtonBox(self)
        self.ok_button = buttons.addButton(self.tr("Sign in"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.tr("Quit"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.try_sign_in)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        (self.password if user_name else self.user).setFocus()

    def try_sign_in(self) -> None:
        try:
            self.actor = users.sign_in(self._engine, self.user.text().strip(), self.password.text())
        except SignInFailed as exc:
            # db.users words a lockout as "... locked until <time> ..."; anything else
            # is the deliberately vague unknown-user-or-wrong-password refusal.
            if "locked" in exc.message:
                text = self.tr("Too many failed attempts: this account is locked for a while.")
                self.error.setToolTip(exc.message)
            else:
                text = self.tr("Unknown user or wrong password.")
            self.error.setText(text)
            self.error.show()
            self.password.clear()
            self.password.setFocus()
            return
        self.accept()
