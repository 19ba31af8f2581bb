"""The main window: navigation on the left, the chosen screen on the right.

The navigation lists the screens the signed-in role may see (screens.py).
Screens are built the first time they are opened, so start-up costs one
list, not all of them.

Keys of the whole window: Ctrl+1 ... Ctrl+9 go to the first nine screens, F1
opens the current screen's help (desktop/ui/help.py), F5 reads the screen
again. F5 is not a QShortcut: the counter (hold) and the reports (Show) use
F5 themselves, and two shortcuts on one key cancel each other out in Qt
(neither fires). So the window refreshes on an F5 that no shortcut of the
screen took (keyPressEvent), and not while the idle lock holds the window.
"""
from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QMainWindow,
                               QMenu, QStackedWidget, QToolButton, QWidget)
from sqlalchemy import Engine
from sqlalchemy.exc import SQLAlchemyError

from db.audit import Actor
from db.books import Books
from db.errors import BooksError
from db.permissions import may
from desktop.ui.help import SCREEN_SHORTCUTS, HelpDialog, help_key, screen_help, screen_key
from desktop.ui import style
from desktop.ui.screens import DEFAULT_SCREEN, SCREENS, screens_for

ROLE_KEY = Qt.ItemDataRole.UserRole


class MainWindow(QMainWindow):
    """Emits sign_out_requested when the signed-in user signs out (the account
    menu, or the idle lock's Sign out): desktop.ui.app then asks who is next."""
    sign_out_requested = Signal()

    def __init__(self, engine: Engine, actor: Actor, shop_name: str, db_label: str = "",
                 screen: str = DEFAULT_SCREEN, parent=None):
        super().__init__(parent)
        self._engine = engine
        self.actor = actor
        self.setWindowTitle(self.tr("{shop} - Storekeeper").format(shop=shop_name))
        self.resize(1180, 720)

        self.navigation = QListWidget(self)
        self.navigation.setObjectName("navigation")
        self.navigation.setFixedWidth(160)
        self.navigation.setStyleSheet("QListWidget#navigation { font-size: 11pt; }"
                                      "QListWidget#navigation::item { padding: 8px 10px; }")
        self.stack = QStackedWidget(self)
        self.screens: dict[str, QWidget] = {}
        self.visible = [spec.key for spec in screens_for(actor)]
        for n, spec in enumerate(screens_for(actor), start=1):
            item = QListWidgetItem(spec.title(), self.navigation)
            item.setData(ROLE_KEY, spec.key)
            if n <= SCREEN_SHORTCUTS:         # "Ctrl+10" is no key: the tenth on have none
                item.setToolTip(screen_key(n).toString(QKeySequence.SequenceFormat.NativeText))
                QShortcut(screen_key(n), self, activated=lambda k=spec.key: self.open_screen(k))
        # a child of the window, so that the idle lock turns it off with the others
        self.help_shortcut = QShortcut(help_key(), self, activated=self.show_help)
        self.help_dialog: HelpDialog | None = None

        central = QWidget(self)
        row = QHBoxLayout(central)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        row.addWidget(self.navigation)
        row.addWidget(self.stack, 1)
        self.setCentralWidget(central)

        roles = {"owner": self.tr("owner"), "manager": self.tr("manager"),
                 "cashier": self.tr("cashier"), "clerk": self.tr("stock clerk"),
                 "bookkeeper": self.tr("bookkeeper")}
        who = QLabel(self.tr("Signed in as {name} ({role})").format(
            name=actor.name, role=roles.get(actor.role, actor.role)), self)
        self.statusBar().addWidget(who)
        from desktop.ui.idle_lock import IdleLock, read_minutes
        self.idle_lock = IdleLock(self, engine, actor, read_minutes(engine))
        self.idle_lock.sign_out_requested.connect(self.sign_out_requested)
        self.account = QToolButton(self)
        self.account.setObjectName("accountButton")
        self.account.setText(self.tr("Account"))
        self.account.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self.account)
        menu.addAction(self.tr("Change password…"), self.change_password)
        menu.addAction(self.tr("Lock now"), self.idle_lock.lock)
        menu.addAction(self.tr("Sign out"), self.sign_out_requested)
        self.account.setMenu(menu)
        self.statusBar().addWidget(self.account)
        self.help_button = QToolButton(self)
        self.help_button.setObjectName("helpButton")
        self.help_button.setText(self.tr("Help"))
        self.help_button.setToolTip(self.tr("This screen's help ({key})").format(
            key=help_key().toString(QKeySequence.SequenceFormat.NativeText)))
        self.help_button.clicked.connect(self.show_help)
        self.statusBar().addWidget(self.help_button)
        # the help is not left open over a locked window, nor for whoever signs in next
        self.idle_lock.locked_changed.connect(lambda locked: locked and self.close_help())
        self.sign_out_requested.connect(self.close_help)
        self.alerts = None
        if actor.role != "cashier":          # the shelf's alerts, for those who fill it
            from desktop.ui.alerts_view import AlertsButton
            self.alerts = AlertsButton(engine, actor, self)
            self.statusBar().addPermanentWidget(self.alerts)
        if db_label:
            self.statusBar().addPermanentWidget(QLabel(db_label, self))

        self.navigation.currentItemChanged.connect(self._navigate)
        self.approvals_waiting = 0
        if "approvals" in self.visible and may(actor, "approve"):
            # the inbox's count beside its name, kept fresh (reading it escalates
            # whatever is overdue, see db.approvals)
            self._approval_timer = QTimer(self)
            self._approval_timer.setInterval(60_000)
            self._approval_timer.timeout.connect(self.refresh_approvals)
            self._approval_timer.start()
            self.refresh_approvals()
        if screen not in self.visible:
            screen = DEFAULT_SCREEN if DEFAULT_SCREEN in self.visible else self.visible[0]
        self.open_screen(screen)

    def open_screen(self, key: str) -> QWidget:
        if key not in SCREENS or key not in self.visible:
            raise KeyError(key)
        for row in range(self.navigation.count()):
            if self.navigation.item(row).data(ROLE_KEY) == key:
                self.navigation.setCurrentRow(row)  # -> _navigate
        return self.screens[key]

    def change_password(self) -> bool:
        from desktop.ui.password_dialog import ChangePasswordDialog
        dialog = ChangePasswordDialog(self._engine, self.actor, self)
        changed = bool(dialog.exec())
        dialog.deleteLater()
        return changed

    def refresh_approvals(self) -> None:
        try:
            count = len(Books(self._engine, self.actor).approvals_inbox())
        except (BooksError, SQLAlchemyError):
            return                         # the next minute tries again
        self.show_approvals_count(count)

    def show_approvals_count(self, count: int) -> None:
        self.approvals_waiting = count
        for row in range(self.navigation.count()):
            item = self.navigation.item(row)
            if item.data(ROLE_KEY) == "approvals":
                title = SCREENS["approvals"].title()
                item.setText(self.tr("{title} ({n})").format(title=title, n=count)
                             if count else title)
                item.setForeground(QBrush(QColor(style.ERROR)) if count else QBrush())

    def current_screen(self) -> QWidget:
        return self.stack.currentWidget()

    def current_key(self) -> str:
        item = self.navigation.currentItem()
        return item.data(ROLE_KEY) if item is not None else ""

    def refresh_screen(self) -> None:
        screen = self.current_screen()
        if hasattr(screen, "refresh"):
            screen.refresh()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # reached only by a key no shortcut took and no widget of the screen used
        if event.matches(QKeySequence.StandardKey.Refresh) and not self.idle_lock.is_locked:
            self.refresh_screen()
            event.accept()
            return
        super().keyPressEvent(event)

    def show_help(self) -> HelpDialog | None:
        """The current screen's help, beside the window (not modal)."""
        if self.idle_lock.is_locked:
            return None
        key = self.current_key()
        if key not in SCREENS:
            return None
        if self.help_dialog is None:
            self.help_dialog = HelpDialog(self)
        self.help_dialog.show_help(screen_help(key, self.actor,
                                               [SCREENS[k].title() for k in self.visible]))
        self.help_dialog.show()
        self.help_dialog.raise_()
        self.help_dialog.activateWindow()
        return self.help_dialog

    def close_help(self) -> None:
        if self.help_dialog is not None:
            self.help_dialog.close()

    def _navigate(self, item: QListWidgetItem | None, _previous=None) -> None:
        if item is None:
            return
        key = item.data(ROLE_KEY)
        screen = self.screens.get(key)
        if screen is None:
            screen = SCREENS[key].build(self._engine, self.actor)
            if hasattr(screen, "count_changed"):
                screen.count_changed.connect(self.show_approvals_count)
            if hasattr(screen, "idle_minutes_changed"):
                screen.idle_minutes_changed.connect(self.idle_lock.set_minutes)
            if hasattr(screen, "shop_name_changed"):
                screen.shop_name_changed.connect(
                    lambda name: self.setWindowTitle(self.tr("{shop} - Storekeeper").format(shop=name)))
            self.screens[key] = screen
            self.stack.addWidget(screen)
            screen.refresh()
        self.stack.setCurrentWidget(screen)
