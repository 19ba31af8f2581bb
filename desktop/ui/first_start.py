"""First start: create the shop and its owner, or open a demo shop.

Shown when the database has no users. A new shop goes through db.shop.init;
the demo shop too, then db.seed fills it off the GUI thread while a
progress bar follows the sales lines written. Seeding cannot be stopped
half way, so the dialog cannot be closed while it runs.
"""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QButtonGroup, QDialog, QDialogButtonBox, QFormLayout, QLabel,
                               QLineEdit, QProgressBar, QRadioButton, QStackedWidget,
                               QVBoxLayout, QWidget)
from sqlalchemy import Engine

from db import shop
from db.errors import BooksError
from desktop.ui.workers import run_in_background
from desktop.ui.widgets import error_label

DEMO_OWNER = "owner"
DEMO_PASSWORD = "demo"
DEMO_SIZE = dict(products=300, customers=40, sales_lines=5000, days=90, seed=1)


def seed_demo(engine: Engine, actor, progress) -> None:
    """The demo shop's history (runs on a worker thread); progress(lines done, lines)."""
    try:
        from db import seed
    except ImportError as exc:
        raise BooksError(f"the demo data generator is not available ({exc})") from None
    seed.seed(engine, actor, progress=progress, **DEMO_SIZE)


class FirstStartDialog(QDialog):
    """After accept(): `owner_name` is who signs in next (and `demo` says which path)."""

    def __init__(self, engine: Engine, parent=None):
        super().__init__(parent)
        self._engine = engine
        self.owner_name: str | None = None
        self.demo = False
        self.setWindowTitle(self.tr("Welcome to Storekeeper"))
        self.setMinimumWidth(460)

        intro = QLabel(self.tr("This database has no shop yet. Create your shop, "
                               "or look around a demo shop first."), self)
        intro.setWordWrap(True)
        self.create_choice = QRadioButton(self.tr("Create a new shop"), self)
        self.demo_choice = QRadioButton(self.tr("Open the demo shop"), self)
        self.create_choice.setChecked(True)
        choices = QButtonGroup(self)
        choices.addButton(self.create_choice)
        choices.addButton(self.demo_choice)

        self.shop_name = QLineEdit(self)
        self.owner = QLineEdit(self)
        self.owner.setText(self.tr("owner"))
        self.password = QLineEdit(self)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password2 = QLineEdit(self)
        self.password2.setEchoMode(QLineEdit.EchoMode.Password)
        form_page = QWidget(self)
        form = QFormLayout(form_page)
        form.addRow(self.tr("Shop name"), self.shop_name)
        form.addRow(self.tr("Owner's user name"), self.owner)
        form.addRow(self.tr("Password"), self.password)
        form.addRow(self.tr("Password again"), self.password2)

        demo_text = QLabel(self.tr(
            "The demo shop has 300 products, 40 customers and three months of sales. "
            "Sign in as <b>{user}</b> with the password <b>{password}</b>.")
            .format(user=DEMO_OWNER, password=DEMO_PASSWORD), self)
        demo_text.setWordWrap(True)
        demo_text.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        demo_text.setTextFormat(Qt.TextFormat.RichText)
        self.pages = QStackedWidget(self)
        self.pages.addWidget(form_page)
        self.pages.addWidget(demo_text)
        self.create_choice.toggled.connect(lambda on: self.pages.setCurrentIndex(0 if on else 1))

        self.progress = QProgressBar(self)
        self.progress.setRange(0, 0)  # busy until the first report of sales lines
        self.progress.setFormat(self.tr("Building the demo shop: %p%"))
        self.progress.setTextVisible(True)
        self.progress.hide()
        self.error = error_label(self)

        self.buttons = QDialogButtonBox(self)
        self.ok_button = self.buttons.addButton(self.tr("Start"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.tr("Quit"), QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self.start)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.create_choice)
        layout.addWidget(self.demo_choice)
        layout.addWidget(self.pages)
        layout.addWidget(self.progress)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.shop_name.setFocus()

    def show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()

    def start(self) -> None:
        self.error.hide()
        if self.demo_choice.isChecked():
            self._start_demo()
        else:
            self._create_shop()

    def _create_shop(self) -> None:
        name = self.shop_name.text().strip()
        if not name:
            self.show_error(self.tr("Give the shop a name."))
            self.shop_name.setFocus()
            return
        if len(self.password.text()) < 4:
            self.show_error(self.tr("The password needs at least 4 characters."))
            self.password.setFocus()
            return
        if self.password.text() != self.password2.text():
            self.show_error(self.tr("The two passwords differ."))
            self.password2.setFocus()
            return
        try:
            result = shop.init(self._engine, shop=name, owner=self.owner.text().strip(),
                               password=self.password.text())
        except BooksError as exc:
            self.show_error(exc.message)
            return
        self.owner_name = result.owner.name
        self.accept()

    def _start_demo(self) -> None:
        try:
            result = shop.init(self._engine, shop=self.tr("Demo shop"), owner=DEMO_OWNER,
                               password=DEMO_PASSWORD)
        except BooksError as exc:
            self.show_error(exc.message)
            return
        actor = result.owner
        self.owner_name = actor.name
        self.demo = True
        self._busy(True)
        self.task = run_in_background(lambda report: seed_demo(self._engine, actor, report),
                                      self._demo_ready, self._demo_failed, self._demo_progress)

    def _demo_progress(self, done: int, total: int) -> None:
        if total > 0:
            self.progress.setRange(0, total)
            self.progress.setValue(min(done, total))

    def _busy(self, busy: bool) -> None:
        self.progress.setVisible(busy)
        self.buttons.setEnabled(not busy)
        self.create_choice.setEnabled(not busy)
        self.demo_choice.setEnabled(not busy)

    def _demo_ready(self, _result) -> None:
        self._busy(False)
        self.accept()

    def _demo_failed(self, message: str) -> None:
        self._busy(False)
        self.show_error(self.tr("The demo shop could not be built: {error}").format(error=message))

    def reject(self) -> None:
        if self.progress.isVisible():  # seeding cannot be stopped half way
            return
        super().reject()
