"""First start: the language, then create the shop and its owner, or open a demo shop.

Shown when the database has no users. The language at the top (简体中文 /
English, the one in use preselected) switches the dialog at once
(i18n.install, then retranslate()) and is kept in this computer's settings
(desktop.config), so the sign-in and the main window that follow, and the
next start, speak it too.

A new shop goes through db.shop.init; its address and phone (optional: they
are printed on receipts) are then set by the new owner as any setting is
(Books.set_setting, audited). The demo shop goes through db.shop.init too,
then db.seed fills it off the GUI thread while a progress bar follows the
sales lines written. Seeding cannot be stopped half way, so the dialog cannot
be closed while it runs. Either way the dialog ends on a short "ready" page
saying what comes next; its button goes on to the sign-in.
"""
from __future__ import annotations

import html
from typing import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QLocale, Qt
from PySide6.QtWidgets import (QButtonGroup, QComboBox, QDialog, QDialogButtonBox, QFormLayout,
                               QHBoxLayout, QLabel, QLineEdit, QProgressBar, QRadioButton,
                               QVBoxLayout, QWidget)
from sqlalchemy import Engine

from db import shop
from db.books import Books
from db.errors import BooksError
from desktop import config
from desktop.ui import i18n
from desktop.ui.workers import run_in_background
from desktop.ui.widgets import error_label

DEMO_OWNER = "owner"
DEMO_PASSWORD = "demo"
DEMO_SIZE = dict(products=300, customers=40, sales_lines=5000, days=90, seed=1)
# the languages offered, each named in itself so anyone can find their own
LANGUAGES = (("zh_CN", "简体中文"), ("en", "English"))
SHOP_DETAILS = ("shop_address", "shop_phone")   # optional settings set with a new shop
INDENT = 22                       # what a choice holds, under its radio button (px)


def seed_demo(engine: Engine, actor, progress) -> None:
    """The demo shop's history (runs on a worker thread); progress(lines done, lines)."""
    try:
        from db import seed
    except ImportError as exc:
        raise BooksError(f"the demo data generator is not available ({exc})") from None
    seed.seed(engine, actor, progress=progress, **DEMO_SIZE)


def current_language() -> str:
    """The screens' language as i18n.install left it: "zh_CN" or "en"."""
    return "zh_CN" if QLocale().language() == QLocale.Language.Chinese else "en"


class FirstStartDialog(QDialog):
    """After accept(): `owner_name` is who signs in next (and `demo` says which path)."""

    def __init__(self, engine: Engine, parent=None):
        super().__init__(parent)
        self._engine = engine
        self.owner_name: str | None = None
        self.demo = False
        self.ready = False            # the shop exists: the button goes on to the sign-in
        self._error: Callable[[], str] | None = None   # the error shown, in today's language
        self._default_owner = ""      # the owner's name as suggested in the language shown
        self.setMinimumWidth(480)

        self.language_label = QLabel(self)
        self.language = QComboBox(self)
        self.language.setObjectName("language")
        for code, name in LANGUAGES:
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(self.language.findData(current_language()), 0))
        self.language_label.setBuddy(self.language)
        self.language.currentIndexChanged.connect(self._language_chosen)
        language_row = QHBoxLayout()
        language_row.addStretch(1)
        language_row.addWidget(self.language_label)
        language_row.addWidget(self.language)

        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.create_choice = QRadioButton(self)
        self.demo_choice = QRadioButton(self)
        self.create_choice.setChecked(True)
        choices = QButtonGroup(self)
        choices.addButton(self.create_choice)
        choices.addButton(self.demo_choice)

        self.shop_name = QLineEdit(self)
        self.shop_address = QLineEdit(self)
        self.shop_phone = QLineEdit(self)
        for edit in (self.shop_name, self.shop_address):
            edit.setMaxLength(100)
        self.shop_phone.setMaxLength(40)
        self.owner = QLineEdit(self)
        self.password = QLineEdit(self)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password2 = QLineEdit(self)
        self.password2.setEchoMode(QLineEdit.EchoMode.Password)
        self.form_page = QWidget(self)   # under "Create a new shop", usable when it is chosen
        self.form = QFormLayout(self.form_page)
        self.form.setContentsMargins(INDENT, 0, 0, 6)
        self.form_labels: dict[QLineEdit, QLabel] = {}
        for edit in (self.shop_name, self.shop_address, self.shop_phone,
                     self.owner, self.password, self.password2):
            if edit is self.owner:       # the shop above, the owner's account below
                gap = QWidget(self.form_page)
                gap.setFixedHeight(4)
                self.form.addRow(gap)
            label = QLabel(self.form_page)       # its text: retranslate()
            label.setBuddy(edit)
            self.form_labels[edit] = label
            self.form.addRow(label, edit)

        self.demo_text = QLabel(self)    # under "Open the demo shop", always readable
        self.demo_text.setWordWrap(True)
        self.demo_text.setTextFormat(Qt.TextFormat.RichText)
        self.demo_text.setContentsMargins(INDENT, 0, 0, 0)

        self.choose_page = QWidget(self)
        choose = QVBoxLayout(self.choose_page)
        choose.setContentsMargins(0, 0, 0, 0)
        for widget in (self.intro, self.create_choice, self.form_page,
                       self.demo_choice, self.demo_text):
            choose.addWidget(widget)
        self.create_choice.toggled.connect(self.form_page.setEnabled)

        self.ready_page = QWidget(self)   # once the shop exists: what comes next
        self.ready_heading = QLabel(self.ready_page)
        heading_font = self.ready_heading.font()
        heading_font.setBold(True)
        heading_font.setPointSizeF(heading_font.pointSizeF() * 1.2)
        self.ready_heading.setFont(heading_font)
        self.ready_text = QLabel(self.ready_page)
        self.ready_text.setWordWrap(True)
        self.ready_text.setTextFormat(Qt.TextFormat.RichText)
        ready = QVBoxLayout(self.ready_page)
        ready.setContentsMargins(0, 0, 0, 0)
        ready.addWidget(self.ready_heading)
        ready.addWidget(self.ready_text)
        self.ready_page.hide()

        self.progress = QProgressBar(self)
        self.progress.setRange(0, 0)  # busy until the first report of sales lines
        self.progress.setTextVisible(True)
        self.progress.hide()
        self.error = error_label(self)

        self.buttons = QDialogButtonBox(self)
        self.ok_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.quit_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self.start)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(language_row)
        layout.addWidget(self.choose_page)
        layout.addWidget(self.ready_page)
        layout.addWidget(self.progress)
        layout.addWidget(self.error)
        layout.addSpacing(6)
        layout.addWidget(self.buttons)
        self._built = True
        self.retranslate()
        self.shop_name.setFocus()

    # ------------------------------------------------------------ language

    def retranslate(self) -> None:
        """Every text of the dialog in the language installed now."""
        self.setWindowTitle(self.tr("Welcome to Storekeeper"))
        self.language_label.setText(self.tr("Language"))
        self.intro.setText(self.tr("This database has no shop yet. Create your shop, "
                                   "or look around a demo shop first."))
        self.create_choice.setText(self.tr("Create a new shop"))
        self.demo_choice.setText(self.tr("Open the demo shop"))
        suggested = self.tr("owner")
        if self.owner.text() == self._default_owner:   # not typed over: follow the language
            self.owner.setText(suggested)
        self._default_owner = suggested
        labels = {self.shop_name: self.tr("Shop name"), self.shop_address: self.tr("Address"),
                  self.shop_phone: self.tr("Phone"), self.owner: self.tr("Owner's user name"),
                  self.password: self.tr("Password"), self.password2: self.tr("Password again")}
        for edit, text in labels.items():
            self.form_labels[edit].setText(text)
        optional = self.tr("Optional: printed on receipts")
        self.shop_address.setPlaceholderText(optional)
        self.shop_phone.setPlaceholderText(optional)
        self.demo_text.setText(self.tr(
            "The demo shop has 300 products, 40 customers and three months of sales. "
            "Sign in as <b>{user}</b> with the password <b>{password}</b>.")
            .format(user=DEMO_OWNER, password=DEMO_PASSWORD))
        self.progress.setFormat(self.tr("Building the demo shop: %p%"))
        self.ok_button.setText(self.tr("Sign in") if self.ready else self.tr("Start"))
        self.quit_button.setText(self.tr("Quit"))
        if self.ready:
            user = html.escape(self.owner_name or "")
            if self.demo:
                self.ready_heading.setText(self.tr("The demo shop is ready."))
                self.ready_text.setText(self.tr(
                    "Next, sign in as <b>{user}</b> with the password <b>{password}</b>.")
                    .format(user=user, password=DEMO_PASSWORD))
            else:
                self.ready_heading.setText(self.tr("Your shop is ready."))
                self.ready_text.setText(self.tr(
                    "Next, sign in as <b>{user}</b>. Then bring in your old books from "
                    "<b>Import</b> and add your staff in <b>Users</b>.").format(user=user))
        if self._error is not None:
            self.error.setText(self._error())

    def changeEvent(self, event) -> None:
        # a translator installed by anyone: the dialog follows
        if event.type() == QEvent.Type.LanguageChange and getattr(self, "_built", False):
            self.retranslate()
        super().changeEvent(event)

    def _language_chosen(self, index: int) -> None:
        code = self.language.itemData(index)
        if not code:
            return
        i18n.install(QCoreApplication.instance(), QLocale(code))
        self.retranslate()
        try:
            settings = config.load()
            if settings.language != code:
                settings.language = code
                config.save(settings)
        except config.ConfigError as exc:   # the dialog speaks it all the same, this time
            reason = exc.message
            self._show(lambda: self.tr("The language could not be saved: {reason}")
                       .format(reason=reason))

    # ------------------------------------------------------------ errors

    def _show(self, message: Callable[[], str]) -> None:
        """Show an error, rebuilt in the new language if the language changes."""
        self._error = message
        self.error.setText(message())
        self.error.show()

    def show_error(self, message: str) -> None:
        self._show(lambda: message)

    def _refuse(self, message: Callable[[], str], field: QLineEdit) -> None:
        self._show(message)
        field.setFocus()

    # ------------------------------------------------------------ the two paths

    def start(self) -> None:
        if self.ready:               # "Sign in": on to the sign-in
            self.accept()
            return
        self._error = None
        self.error.hide()
        if self.demo_choice.isChecked():
            self._start_demo()
        else:
            self._create_shop()

    def _create_shop(self) -> None:
        name = self.shop_name.text().strip()
        if not name:
            self._refuse(lambda: self.tr("Give the shop a name."), self.shop_name)
            return
        if len(self.password.text()) < 4:
            self._refuse(lambda: self.tr("The password needs at least 4 characters."),
                         self.password)
            return
        if self.password.text() != self.password2.text():
            self._refuse(lambda: self.tr("The two passwords differ."), self.password2)
            return
        try:
            result = shop.init(self._engine, shop=name, owner=self.owner.text().strip(),
                               password=self.password.text())
        except BooksError as exc:
            self.show_error(exc.message)
            return
        self.owner_name = result.owner.name
        details = {key: edit.text().strip()
                   for key, edit in zip(SHOP_DETAILS, (self.shop_address, self.shop_phone))}
        failed = ""
        try:
            books = Books(self._engine, result.owner)    # set by the owner, audited as any
            for key, value in details.items():
                if value:
                    books.set_setting(key, value)
        except BooksError as exc:
            failed = exc.message
        self._finish()
        if failed:   # the shop is there all the same: Settings can set them later
            self._show(lambda: self.tr("The shop was created, but its address and phone were "
                                       "not saved ({error}): set them in Settings.")
                       .format(error=failed))

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
        self.language.setEnabled(not busy)

    def _demo_ready(self, _result) -> None:
        self._busy(False)
        self._finish()

    def _demo_failed(self, message: str) -> None:
        self._busy(False)
        self._show(lambda: self.tr("The demo shop could not be built: {error}")
                   .format(error=message))

    def _finish(self) -> None:
        """The shop exists: say what comes next; the button goes on to the sign-in."""
        self.ready = True
        self.choose_page.hide()
        self.quit_button.hide()
        self.ready_page.show()
        self.retranslate()
        self.ok_button.setDefault(True)
        self.ok_button.setFocus()
        self.adjustSize()

    def reject(self) -> None:
        if self.progress.isVisible():  # seeding cannot be stopped half way
            return
        super().reject()
