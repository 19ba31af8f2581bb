"""The window locks after idle time (issue 10).

After `idle_lock_minutes` (db.security, a shop setting) without a key press,
a click or a wheel turn anywhere in the app, the main window's screens are
taken out of sight and an application-modal lock panel covers the window (and
any dialog open over it, which it also blocks): the signed-in user's password
opens it again (a wrong one counts toward the account's lockout, as at
sign-in), or Sign out hands the computer to someone else. What was on the
screens — a sale half entered, an open form — stays as it was underneath.

Input is noticed by an application-wide event filter that only notes the
time; a timer looks every few seconds, so typing costs no timer restarts.
"""
from __future__ import annotations

import time

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QShortcut
from PySide6.QtWidgets import (QApplication, QDialog, QHBoxLayout, QLabel, QLineEdit,
                               QMainWindow, QPushButton, QVBoxLayout, QWidget)
from sqlalchemy import Engine
from sqlalchemy.exc import SQLAlchemyError

from db import users
from db.audit import Actor
from db.errors import SignInFailed
from desktop.ui.widgets import error_label

INPUT_EVENTS = frozenset({QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress,
                          QEvent.Type.Wheel, QEvent.Type.TouchBegin})
CHECK_MS = 5_000


class LockPanel(QDialog):
    """What the locked window shows: who is signed in, a password, Unlock, Sign out.

    Frameless and application-modal over the whole window: nothing behind it
    takes a key or a click, shortcuts included, until it is gone."""

    def __init__(self, actor: Actor, parent: QWidget):
        super().__init__(parent, Qt.WindowType.Dialog | Qt.WindowType.FramelessWindowHint)
        self.setObjectName("lockPanel")
        self.setWindowModality(Qt.WindowModality.ApplicationModal)
        self.setAutoFillBackground(True)
        title = QLabel(self.tr("Storekeeper is locked"), self)
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        title.setFont(font)
        who = QLabel(self.tr("Signed in as {name}. Enter the password to go on.")
                     .format(name=actor.name), self)
        self.password = QLineEdit(self)
        self.password.setObjectName("lockPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setMinimumWidth(260)
        self.unlock_button = QPushButton(self.tr("Unlock"), self)
        self.unlock_button.setObjectName("unlockButton")
        self.unlock_button.setDefault(True)
        self.sign_out_button = QPushButton(self.tr("Sign out"), self)
        self.sign_out_button.setObjectName("signOutButton")
        self.error = error_label(self)
        buttons = QHBoxLayout()
        buttons.addWidget(self.unlock_button)
        buttons.addWidget(self.sign_out_button)
        buttons.addStretch(1)
        column = QVBoxLayout()
        column.addWidget(title)
        column.addWidget(who)
        column.addWidget(self.password)
        column.addLayout(buttons)
        column.addWidget(self.error)
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addLayout(column)
        row.addStretch(1)
        outer.addLayout(row)
        outer.addStretch(2)

    def reject(self) -> None:
        """Escape does not open a locked window."""

    def cover(self, window: QWidget) -> None:
        self.setGeometry(window.geometry())


class IdleLock(QObject):
    """Locks `window` after `minutes` idle (0: never). Emits sign_out_requested
    when the person at the locked window chooses Sign out."""
    locked_changed = Signal(bool)
    sign_out_requested = Signal()

    def __init__(self, window: QMainWindow, engine: Engine, actor: Actor, minutes: int):
        super().__init__(window)
        self._window = window
        self._engine = engine
        self.actor = actor
        self.minutes = minutes
        self.is_locked = False
        self._last_input = time.monotonic()
        self._panel: LockPanel | None = None
        self._screens: QWidget | None = None
        self._shortcuts: list[QShortcut] = []
        self._status_shown = True
        self._blank: QWidget | None = None
        QApplication.instance().installEventFilter(self)
        self._timer = QTimer(self)
        self._timer.setInterval(CHECK_MS)
        self._timer.timeout.connect(self.check)
        self._timer.start()

    def set_minutes(self, minutes: int) -> None:
        self.minutes = minutes
        self._last_input = time.monotonic()

    def eventFilter(self, _obj, event) -> bool:
        if event.type() in INPUT_EVENTS:
            self._last_input = time.monotonic()
        return False

    def idle_seconds(self) -> float:
        return time.monotonic() - self._last_input

    def check(self) -> None:
        if self.minutes and not self.is_locked and self.idle_seconds() >= self.minutes * 60:
            self.lock()

    def lock(self) -> None:
        """The screens out of sight, their shortcuts off, the lock panel in their place."""
        if self.is_locked:
            return
        self.is_locked = True
        window = self._window
        popup = QApplication.activePopupWidget()
        if popup is not None:
            popup.close()
        self._shortcuts = [s for s in window.findChildren(QShortcut) if s.isEnabled()]
        for shortcut in self._shortcuts:
            shortcut.setEnabled(False)
        self._status_shown = window.statusBar().isVisible()
        window.statusBar().hide()
        self._screens = window.takeCentralWidget()
        self._screens.hide()
        self._screens.setParent(window)           # kept (and owned), out of sight
        self._blank = QWidget(window)
        window.setCentralWidget(self._blank)
        self._panel = LockPanel(self.actor, window)
        self._panel.unlock_button.clicked.connect(self.try_unlock)
        self._panel.password.returnPressed.connect(self.try_unlock)
        self._panel.sign_out_button.clicked.connect(self.sign_out_requested)
        self._panel.cover(window)
        self._panel.show()
        self._panel.raise_()
        self._panel.activateWindow()
        self._panel.password.setFocus()
        self.locked_changed.emit(True)

    def try_unlock(self) -> bool:
        panel = self._panel
        if panel is None:
            return True
        try:
            users.sign_in(self._engine, self.actor.name, panel.password.text())
        except SignInFailed as exc:
            locked = isinstance(exc, users.AccountLocked)
            panel.error.setText(self.tr("Too many failed attempts: this account is locked "
                                        "for a while.") if locked
                                else self.tr("Wrong password."))
            panel.error.setToolTip(exc.message if locked else "")
            panel.error.show()
            panel.password.clear()
            panel.password.setFocus()
            return False
        except SQLAlchemyError as exc:
            panel.error.setText(self.tr("The database cannot be reached: {reason}")
                                .format(reason=str(exc).splitlines()[0]))
            panel.error.show()
            return False
        self.unlock()
        return True

    def unlock(self) -> None:
        if not self.is_locked:
            return
        window = self._window
        self._panel.hide()
        self._panel.deleteLater()
        self._panel = None
        window.takeCentralWidget()
        self._blank.deleteLater()
        window.setCentralWidget(self._screens)
        self._screens.show()
        self._screens = None
        for shortcut in self._shortcuts:
            shortcut.setEnabled(True)
        self._shortcuts = []
        if self._status_shown:
            window.statusBar().show()
        self.is_locked = False
        self._last_input = time.monotonic()
        self.locked_changed.emit(False)

    def stop(self) -> None:
        self._timer.stop()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)


def read_minutes(engine: Engine) -> int:
    from db.engine import read_connection
    from db.security import IDLE_DEFAULT, idle_minutes
    try:
        with read_connection(engine) as conn:
            return idle_minutes(conn)
    except SQLAlchemyError:
        return IDLE_DEFAULT

