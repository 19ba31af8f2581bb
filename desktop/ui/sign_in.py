"""Sign-in: a user name and a password checked by db.users.sign_in."""
from __future__ import annotations

import datetime as dt
import html

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout
from sqlalchemy import Engine

from db import clock, users
from db.audit import Actor
from db.errors import SignInFailed
from desktop.ui.formats import datetime_text, time_text
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
        except users.AccountLocked as exc:
            text = self.tr("Too many failed attempts: this account is locked until {time}. "
                           "The owner can unlock it sooner.")
            self._refuse(text.format(time=until_text(exc.until)), exc.message)
            return
        except SignInFailed:
            # deliberately vague: an unknown user and a wrong password read the same
            self._refuse(self.tr("Unknown user or wrong password."))
            return
        self.accept()

    def _refuse(self, text: str, tip: str = "") -> None:
        self.error.setText(text)
        self.error.setToolTip(tip)
        self.error.show()
        self.password.clear()
        self.password.setFocus()


def until_text(until: dt.datetime) -> str:
    """A lock's end: the time alone today, with the date on another day."""
    return (time_text(until, seconds=True) if until.date() == clock.today()
            else datetime_text(until))
