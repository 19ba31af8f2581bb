"""Settings: which database this computer opens, its language, the shop's details.

The database and the language are this computer's (desktop.config: a file
per user, the PostgreSQL password in the system keyring) and take effect at
the next start; anyone who can open the screen may change them. The shop's
details live in the books' settings table and only those allowed "settings"
may change them.

`ask_missing_password(url)` is for start-up: when the configured PostgreSQL
database needs a password the keyring does not hold, it asks for one.
"""
from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (QButtonGroup, QCheckBox, QComboBox, QDialog, QDialogButtonBox,
                               QFileDialog, QFormLayout, QFrame, QGridLayout, QGroupBox,
                               QHBoxLayout, QLabel, QLineEdit, QMessageBox, QPushButton,
                               QRadioButton, QScrollArea, QSizePolicy, QSpinBox, QVBoxLayout,
                               QWidget)
from shiboken6 import isValid
from sqlalchemy import Engine
from sqlalchemy.engine import make_url

from db import masters
from db.audit import Actor
from db.books import Books
from db.engine import default_db_path, read_connection
from db.errors import BooksError
from db.permissions import may
from desktop import config
from desktop.config import ConnectionProbe, DatabaseChoice, KeyringUnavailable
from desktop.ui import style
from desktop.ui.refusals import refusal_text
from desktop.ui.workers import run_in_background

translate = QCoreApplication.translate

GOOD = style.GOOD
BAD = style.ERROR
QUIET = style.MUTED
TEST_TIMEOUT_S = 5

# The shop's details: settings-table key, widget objectName.
SHOP_FIELDS = (("shop_name", "shopName"), ("shop_address", "shopAddress"),
               ("shop_phone", "shopPhone"), ("shop_tax_id", "shopTaxId"))


def _say(label: QLabel, text: str, colour: str) -> None:
    label.setStyleSheet(f"color: {colour};")
    label.setText(text)
    label.setVisible(bool(text))


def _engine_label(engine: Engine) -> str:
    url = engine.url
    if url.get_backend_name() == "sqlite":
        return url.database or ""
    return url.render_as_string(hide_password=True)


def probe_text(probe: ConnectionProbe) -> str:
    """A probe's finding in the person's language (the reason stays the driver's)."""
    if not probe.ok:
        return translate("Settings", "Failed: {reason}").format(reason=probe.error)
    if probe.new_file:
        return translate("Settings", "There is no file there yet: a new shop will be created "
                                     "in it at the next start.")
    if probe.revision:
        return translate("Settings", "Connected: {server}, schema {revision}.").format(
            server=probe.product, revision=probe.revision)
    return translate("Settings", "Connected: {server}. It holds no shop yet: one will be "
                                 "created at the next start.").format(server=probe.product)


def keyring_unavailable_text() -> str:
    return translate("Settings", "The system keyring is not available: the password will be "
                                 "asked for at each start.")


class SettingsScreen(QWidget):
    """Emits shop_name_changed(name) after a new shop name is saved, and
    idle_minutes_changed(minutes) after a new idle lock time."""
    shop_name_changed = Signal(str)
    idle_minutes_changed = Signal(int)

    def __init__(self, engine: Engine, actor: Actor, parent=None, db_label: str = ""):
        super().__init__(parent)
        self._engine = engine
        self.actor = actor
        self.books = Books(engine, actor)
        self.can_edit_shop = may(actor, "settings")
        self._db_label = db_label or _engine_label(engine)
        self._saved_choice: DatabaseChoice | None = None
        self._shop_values: dict[str, str] = {}
        self.task = None

        heading = QLabel(self.tr("Settings"), self)
        heading.setObjectName("screenHeading")
        font = heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        heading.setFont(font)

        self.problem = QLabel(self)
        self.problem.setObjectName("configProblem")
        self.problem.setWordWrap(True)
        self.problem.hide()

        body = QWidget(self)
        body.setMaximumWidth(820)
        column = QVBoxLayout(body)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(12)
        column.addWidget(self.problem)
        column.addWidget(self._database_box(body))
        column.addWidget(self._language_box(body))
        column.addWidget(self._shop_box(body))
        column.addWidget(self._scale_box(body))
        from desktop.ui.settings_printing import PrintingBox
        self.printing = PrintingBox(self.books, body)
        column.addWidget(self.printing)
        from desktop.ui.settings_stock import StockSettingsBox
        self.stock_settings = StockSettingsBox(self.books, body)
        column.addWidget(self.stock_settings)
        from desktop.ui.settings_backup import BackupBox
        self.backups = BackupBox(self.books, body)
        column.addWidget(self.backups)
        from desktop.ui.settings_security import SecurityBox
        self.security = SecurityBox(self.books, body)
        self.security.idle_minutes_changed.connect(self.idle_minutes_changed)
        column.addWidget(self.security)
        column.addStretch(1)

        holder = QWidget(self)
        row = QHBoxLayout(holder)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(body, 1)
        row.addStretch(0)
        scroll = QScrollArea(self)
        scroll.setObjectName("settingsScroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(holder)

        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(scroll, 1)
        self.refresh()

    # ------------------------------------------------------------ building

    def _database_box(self, parent: QWidget) -> QGroupBox:
        box = QGroupBox(self.tr("Database (this computer)"), parent)
        box.setObjectName("databaseBox")
        self.db_in_use = QLabel(self._db_label, box)
        self.db_in_use.setObjectName("dbInUse")
        self.db_in_use.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.db_in_use.setWordWrap(True)

        self.kind_file = QRadioButton(self.tr("This computer (a file)"), box)
        self.kind_file.setObjectName("dbKindFile")
        self.kind_server = QRadioButton(self.tr("A PostgreSQL server"), box)
        self.kind_server.setObjectName("dbKindServer")
        kinds = QButtonGroup(box)
        kinds.addButton(self.kind_file)
        kinds.addButton(self.kind_server)

        self.db_path = QLineEdit(box)
        self.db_path.setObjectName("dbPath")
        self.browse = QPushButton(self.tr("Browse…"), box)
        self.browse.setObjectName("dbBrowse")
        self.browse.clicked.connect(self._browse)
        path_row = QHBoxLayout()
        path_row.addWidget(self.db_path, 1)
        path_row.addWidget(self.browse)

        self.db_host = QLineEdit(box)
        self.db_host.setObjectName("dbHost")
        self.db_host.setPlaceholderText(self.tr("e.g. 192.168.1.10"))
        self.db_port = QSpinBox(box)
        self.db_port.setObjectName("dbPort")
        self.db_port.setRange(1, 65535)
        self.db_port.setValue(config.DEFAULT_PG_PORT)
        self.db_port.setGroupSeparatorShown(False)
        port_label = QLabel(self.tr("Port:"), box)
        port_label.setBuddy(self.db_port)
        host_row = QHBoxLayout()
        host_row.addWidget(self.db_host, 1)
        host_row.addSpacing(8)
        host_row.addWidget(port_label)
        host_row.addWidget(self.db_port)
        self.db_name = QLineEdit(box)
        self.db_name.setObjectName("dbName")
        self.db_user = QLineEdit(box)
        self.db_user.setObjectName("dbUser")
        self.db_password = QLineEdit(box)
        self.db_password.setObjectName("dbPassword")
        self.db_password.setEchoMode(QLineEdit.EchoMode.Password)
        self.remember = QCheckBox(self.tr("Remember the password on this computer"), box)
        self.remember.setObjectName("rememberPassword")
        self.remember.setChecked(True)
        # TLS with the server's certificate and name checked (libpq's verify-full)
        self.db_tls = QCheckBox(self.tr("Encrypt the connection and verify the server (TLS)"), box)
        self.db_tls.setObjectName("dbTls")
        self.db_ca = QLineEdit(box)
        self.db_ca.setObjectName("dbCaFile")
        self.db_ca.setPlaceholderText(self.tr("empty: the system's certificate authorities"))
        self.ca_browse = QPushButton(self.tr("Browse…"), box)
        self.ca_browse.clicked.connect(self._browse_ca)
        ca_row = QHBoxLayout()
        ca_row.addWidget(self.db_ca, 1)
        ca_row.addWidget(self.ca_browse)
        self.db_tls.toggled.connect(self._tls_changed)
        self._server_widgets = (self.db_host, port_label, self.db_port, self.db_name,
                                self.db_user, self.db_password, self.remember, self.db_tls)
        self._file_widgets = (self.db_path, self.browse)
        self.kind_file.toggled.connect(self._kind_changed)

        # One grid, so every field starts at the same place: an indent column
        # under the radio buttons, the labels, the fields.
        grid = QGridLayout()
        grid.setColumnMinimumWidth(0, 18)
        grid.setColumnStretch(2, 1)
        grid.setVerticalSpacing(6)
        label_align = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter

        def add(row: int, text: str, field, buddy: QWidget | None = None) -> None:
            label = QLabel(text, box)
            if buddy is not None:
                label.setBuddy(buddy)
            if buddy in self._server_widgets:
                self._server_widgets += (label,)
            elif buddy in self._file_widgets:
                self._file_widgets += (label,)
            grid.addWidget(label, row, 1, label_align)
            if isinstance(field, QWidget):
                grid.addWidget(field, row, 2)
            else:
                grid.addLayout(field, row, 2)

        in_use = QLabel(self.tr("In use now:"), box)
        grid.addWidget(in_use, 0, 0, 1, 2, label_align)
        grid.addWidget(self.db_in_use, 0, 2)
        grid.addWidget(self.kind_file, 1, 0, 1, 3)
        add(2, self.tr("File:"), path_row, self.db_path)
        grid.addWidget(self.kind_server, 3, 0, 1, 3)
        add(4, self.tr("Server:"), host_row, self.db_host)
        add(5, self.tr("Database:"), self.db_name, self.db_name)
        add(6, self.tr("User:"), self.db_user, self.db_user)
        add(7, self.tr("Password:"), self.db_password, self.db_password)
        grid.addWidget(self.remember, 8, 2)
        grid.addWidget(self.db_tls, 9, 2)
        ca_label = QLabel(self.tr("Certificate authority:"), box)
        ca_label.setBuddy(self.db_ca)
        grid.addWidget(ca_label, 10, 1, label_align)
        grid.addLayout(ca_row, 10, 2)
        self._ca_widgets = (ca_label, self.db_ca, self.ca_browse)

        self.test_button = QPushButton(self.tr("Test connection"), box)
        self.test_button.setObjectName("testConnection")
        self.test_button.clicked.connect(self.test_connection)
        self.test_result = QLabel(box)
        self.test_result.setObjectName("testResult")
        self.test_result.setWordWrap(True)
        self.test_result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.test_result.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        test_row = QHBoxLayout()
        test_row.addWidget(self.test_button, 0, Qt.AlignmentFlag.AlignTop)
        test_row.addWidget(self.test_result, 1)

        self.save_database_button = QPushButton(self.tr("Save"), box)
        self.save_database_button.setObjectName("saveDatabase")
        self.save_database_button.clicked.connect(self.save_database)
        self.database_note = QLabel(box)
        self.database_note.setObjectName("databaseNote")
        self.database_note.setWordWrap(True)
        save_row = self._save_row(self.database_note, self.save_database_button)
        _say(self.database_note, self.tr("A change takes effect the next time Storekeeper "
                                         "starts."), QUIET)

        layout = QVBoxLayout(box)
        layout.addLayout(grid)
        layout.addSpacing(4)
        layout.addLayout(test_row)
        layout.addLayout(save_row)
        return box

    def _language_box(self, parent: QWidget) -> QGroupBox:
        box = QGroupBox(self.tr("Language (this computer)"), parent)
        box.setObjectName("languageBox")
        self.language = QComboBox(box)
        self.language.setObjectName("language")
        # Each language is named in itself, so anyone can find their own.
        self.language.addItem(self.tr("System default"), "")
        self.language.addItem("简体中文", "zh_CN")
        self.language.addItem("English", "en")
        self.save_language_button = QPushButton(self.tr("Save"), box)
        self.save_language_button.setObjectName("saveLanguage")
        self.save_language_button.clicked.connect(self.save_language)
        self.language_note = QLabel(box)
        self.language_note.setObjectName("languageNote")
        self.language_note.setWordWrap(True)
        _say(self.language_note, self.tr("The language changes the next time Storekeeper "
                                         "starts."), QUIET)
        label = QLabel(self.tr("Language of the screens:"), box)
        label.setBuddy(self.language)
        row = QHBoxLayout()
        row.addWidget(label)
        row.addWidget(self.language)
        row.addStretch(1)
        row.addWidget(self.save_language_button)
        layout = QVBoxLayout(box)
        layout.addLayout(row)
        layout.addWidget(self.language_note)
        return box

    def _shop_box(self, parent: QWidget) -> QGroupBox:
        box = QGroupBox(self.tr("Shop details"), parent)
        box.setObjectName("shopBox")
        labels = {"shop_name": self.tr("Shop name:"), "shop_address": self.tr("Address:"),
                  "shop_phone": self.tr("Phone:"), "shop_tax_id": self.tr("Tax number:")}
        form = QFormLayout()
        self.shop_fields: dict[str, QLineEdit] = {}
        for key, name in SHOP_FIELDS:
            edit = QLineEdit(box)
            edit.setObjectName(name)
            edit.setReadOnly(not self.can_edit_shop)
            self.shop_fields[key] = edit
            form.addRow(labels[key], edit)
        self.shop_name, self.shop_address, self.shop_phone, self.shop_tax_id = \
            self.shop_fields.values()
        self.shop_name.setMaxLength(100)
        self.save_shop_button = QPushButton(self.tr("Save"), box)
        self.save_shop_button.setObjectName("saveShop")
        self.save_shop_button.clicked.connect(self.save_shop)
        self.save_shop_button.setVisible(self.can_edit_shop)
        self.shop_note = QLabel(box)
        self.shop_note.setObjectName("shopNote")
        self.shop_note.setWordWrap(True)
        if not self.can_edit_shop:
            _say(self.shop_note, self.tr("Only the owner can change the shop details."), QUIET)
        else:
            self.shop_note.hide()
        layout = QVBoxLayout(box)
        layout.addLayout(form)
        layout.addLayout(self._save_row(self.shop_note, self.save_shop_button))
        return box

    def _scale_box(self, parent: QWidget) -> QGroupBox:
        """The layout of the in-store EAN-13 labels the shop's scales print."""
        box = QGroupBox(self.tr("Scale labels"), parent)
        box.setObjectName("scaleBox")
        self.scale_prefixes = QLineEdit(box)
        self.scale_prefixes.setObjectName("scalePrefixes")
        self.scale_prefixes.setPlaceholderText("21-29")
        self.scale_item_digits = QComboBox(box)
        self.scale_item_digits.setObjectName("scaleItemDigits")
        for n in (4, 5, 6):
            self.scale_item_digits.addItem(str(n), n)
        self.scale_value = QComboBox(box)
        self.scale_value.setObjectName("scaleValue")
        self.scale_value.addItem(self.tr("weight"), "weight")
        self.scale_value.addItem(self.tr("price"), "price")
        self.scale_decimals = QComboBox(box)
        self.scale_decimals.setObjectName("scaleDecimals")
        for n in (0, 1, 2, 3):
            self.scale_decimals.addItem(str(n), n)
        for w in (self.scale_prefixes, self.scale_item_digits, self.scale_value,
                  self.scale_decimals):
            w.setEnabled(self.can_edit_shop)
        form = QFormLayout()
        form.addRow(self.tr("First two digits:"), self.scale_prefixes)
        form.addRow(self.tr("Digits of the item code:"), self.scale_item_digits)
        form.addRow(self.tr("The label carries the:"), self.scale_value)
        form.addRow(self.tr("Decimals of the weight:"), self.scale_decimals)
        explain = QLabel(self.tr("A scale label is an EAN-13: two digits (such as 20-29), the "
                                 "item code (the product's SKU or one of its barcodes), the "
                                 "weight or the price in fen, and a check digit. A code that is "
                                 "some product's barcode is always that product."), box)
        explain.setWordWrap(True)
        self.save_scale_button = QPushButton(self.tr("Save"), box)
        self.save_scale_button.setObjectName("saveScale")
        self.save_scale_button.clicked.connect(self.save_scale)
        self.save_scale_button.setVisible(self.can_edit_shop)
        self.scale_note = QLabel(box)
        self.scale_note.setObjectName("scaleNote")
        self.scale_note.setWordWrap(True)
        self.scale_note.hide()
        layout = QVBoxLayout(box)
        layout.addWidget(explain)
        layout.addLayout(form)
        layout.addLayout(self._save_row(self.scale_note, self.save_scale_button))
        return box

    def _show_scale(self, layout) -> None:
        from db.counter import layout_text
        self.scale_prefixes.setText(layout_text(layout))
        self.scale_item_digits.setCurrentIndex(max(0, self.scale_item_digits.findData(layout.item_digits)))
        self.scale_value.setCurrentIndex(max(0, self.scale_value.findData(layout.value)))
        self.scale_decimals.setCurrentIndex(max(0, self.scale_decimals.findData(layout.decimals)))

    def save_scale(self) -> bool:
        from db.counter import parse_scale_layout
        if not self.can_edit_shop:
            return False
        try:
            layout = parse_scale_layout(self.scale_prefixes.text(),
                                        self.scale_item_digits.currentData(),
                                        self.scale_value.currentData(),
                                        self.scale_decimals.currentData())
            self.books.set_scale_layout(layout)
        except BooksError as exc:
            _say(self.scale_note, refusal_text(exc.message), BAD)
            return False
        self._show_scale(layout)
        _say(self.scale_note, self.tr("Scale label layout saved."), GOOD)
        return True

    @staticmethod
    def _save_row(note: QLabel, button: QPushButton) -> QHBoxLayout:
        note.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        row = QHBoxLayout()
        row.addWidget(note, 1)
        row.addStretch(0)
        row.addWidget(button, 0, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom)
        return row

    # ------------------------------------------------------------ values

    def refresh(self) -> None:
        """Show what is saved: this computer's settings file and the shop's details."""
        cfg = config.load()
        _say(self.problem, self.tr("The settings file could not be used as it is: {problem}")
             .format(problem=cfg.problem) if cfg.problem else "", BAD)
        self._show_choice(cfg.database)
        index = self.language.findData(cfg.language)
        self.language.setCurrentIndex(max(index, 0))
        with read_connection(self._engine) as conn:
            self._shop_values = {key: masters.get_setting(conn, key) or ""
                                 for key, _name in SHOP_FIELDS}
            from db.counter import scale_layout
            layout = scale_layout(conn)
        for key, edit in self.shop_fields.items():
            edit.setText(self._shop_values[key])
            edit.setCursorPosition(0)
        self._show_scale(layout)

    def _show_choice(self, choice: DatabaseChoice | None) -> None:
        self._saved_choice = choice
        if choice is None:                   # nothing saved yet: show the database in use
            try:
                choice = DatabaseChoice.from_url(self._engine.url.render_as_string(hide_password=True))
            except Exception:  # an engine URL the form cannot show: start from a file
                choice = None
        choice = choice or DatabaseChoice("sqlite")
        self.db_path.setText(choice.file_path() if not choice.is_server else str(default_db_path()))
        self.db_host.setText(choice.host)
        self.db_port.setValue(choice.port or config.DEFAULT_PG_PORT)
        self.db_name.setText(choice.database)
        self.db_user.setText(choice.user)
        self.db_tls.setChecked(choice.tls)
        self.db_ca.setText(choice.ca_file)
        self.db_password.clear()
        self._password_hint()
        (self.kind_server if choice.is_server else self.kind_file).setChecked(True)
        self._kind_changed()

    def _password_hint(self) -> None:
        saved = self._saved_choice
        if saved is not None and saved.is_server:
            self.db_password.setPlaceholderText(
                self.tr("leave empty to keep the saved password"))
        else:
            self.db_password.setPlaceholderText("")

    def _kind_changed(self, *_args) -> None:
        server = self.kind_server.isChecked()
        for w in self._server_widgets:
            w.setEnabled(server)
        for w in self._file_widgets:
            w.setEnabled(not server)
        self._tls_changed()
        self.test_result.clear()

    def _tls_changed(self, *_args) -> None:
        on = self.kind_server.isChecked() and self.db_tls.isChecked()
        for w in self._ca_widgets:
            w.setEnabled(on)

    def choice(self) -> DatabaseChoice:
        """The database the form describes."""
        if self.kind_server.isChecked():
            tls = self.db_tls.isChecked()
            return DatabaseChoice("postgresql", host=self.db_host.text().strip(),
                                  port=self.db_port.value(), database=self.db_name.text().strip(),
                                  user=self.db_user.text().strip(), tls=tls,
                                  ca_file=self.db_ca.text().strip() if tls else "")
        path = self.db_path.text().strip()
        return DatabaseChoice("sqlite",
                              path=str(Path(path).expanduser().absolute()) if path else "")

    def _form_problem(self, choice: DatabaseChoice) -> str:
        if not choice.is_server:
            if not choice.path:
                return self.tr("Give the database file.")
            return ""
        if not choice.host:
            return self.tr("Give the server's name or address.")
        if not choice.database:
            return self.tr("Give the database's name.")
        if not choice.user:
            return self.tr("Give the user name on the server.")
        if choice.tls and choice.ca_file and not Path(choice.ca_file).expanduser().is_file():
            return self.tr("The certificate authority file {file} does not exist.").format(
                file=choice.ca_file)
        return ""

    def _same_as_saved(self, choice: DatabaseChoice) -> bool:
        saved = self._saved_choice
        return saved is not None and saved.is_server and choice.is_server and \
            config.keyring_key(saved) == config.keyring_key(choice)

    # ------------------------------------------------------------ database

    def _browse(self) -> None:
        current = self.db_path.text().strip() or str(default_db_path())
        path, _filter = QFileDialog.getSaveFileName(
            self, self.tr("The shop's database file"), current,
            self.tr("Storekeeper database (*.db);;All files (*)"),
            options=QFileDialog.Option.DontConfirmOverwrite)
        if path:
            self.db_path.setText(path)

    def _browse_ca(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self, self.tr("The server's certificate authority"), self.db_ca.text().strip(),
            self.tr("Certificates (*.crt *.pem *.cer);;All files (*)"))
        if path:
            self.db_ca.setText(path)

    def test_connection(self) -> None:
        """Try the database the form describes, off the GUI thread."""
        choice = self.choice()
        problem = self._form_problem(choice)
        if problem:
            _say(self.test_result, problem, BAD)
            return
        password = self.db_password.text()
        from_keyring = choice.is_server and not password and self._same_as_saved(choice)

        def work(_report) -> ConnectionProbe:
            pw = password or None
            if from_keyring:
                try:
                    pw = config.load_password(choice)
                except KeyringUnavailable:
                    pw = None
            return config.probe_connection(choice.url(pw), TEST_TIMEOUT_S)

        self.test_button.setEnabled(False)
        _say(self.test_result, self.tr("Trying {database}…").format(database=choice.label()),
             QUIET)
        self.task = run_in_background(work, self._tested, self._test_failed)

    def _tested(self, probe: ConnectionProbe) -> None:
        if not isValid(self):
            return
        self.test_button.setEnabled(True)
        _say(self.test_result, probe_text(probe), GOOD if probe.ok else BAD)

    def _test_failed(self, message: str) -> None:
        if not isValid(self):
            return
        self.test_button.setEnabled(True)
        _say(self.test_result, self.tr("Failed: {reason}").format(reason=message), BAD)

    def save_database(self) -> bool:
        """Keep the form's database in the settings file (and its password in the
        keyring); it is opened at the next start."""
        choice = self.choice()
        problem = self._form_problem(choice)
        if problem:
            _say(self.database_note, problem, BAD)
            return False
        if not choice.is_server:
            folder = Path(choice.path).parent
            if not folder.is_dir():
                _say(self.database_note, self.tr("The folder {folder} does not exist.")
                     .format(folder=str(folder)), BAD)
                return False
        cfg = config.load()
        old = cfg.database
        cfg.database = choice
        try:
            config.save(cfg)
        except config.ConfigError as exc:
            _say(self.database_note, self.tr("The settings could not be saved: {reason}")
                 .format(reason=exc.message), BAD)
            return False
        keyring_problem = self._keep_password(old, choice)
        self._show_choice(choice)
        self.problem.hide()                   # the file is sound again
        text = self.tr("Saved. The change takes effect the next time Storekeeper starts.")
        if keyring_problem:
            text += " " + keyring_unavailable_text()
        self.database_note.setToolTip(keyring_problem)
        _say(self.database_note, text, GOOD if not keyring_problem else BAD)
        return True

    def _keep_password(self, old: DatabaseChoice | None, new: DatabaseChoice) -> str:
        """The keyring follows the saved choice; returns what went wrong with it, if anything."""
        if old is not None and old.is_server and \
                (not new.is_server or config.keyring_key(old) != config.keyring_key(new)):
            try:
                config.forget_password(old)   # a database no longer used keeps no password
            except KeyringUnavailable:
                pass                          # then none was kept
        if not new.is_server:
            return ""
        password = self.db_password.text()
        try:
            if not self.remember.isChecked():
                config.forget_password(new)
            elif password:
                config.save_password(new, password)
        except KeyringUnavailable as exc:
            return exc.detail or exc.message
        return ""

    # ------------------------------------------------------------ language

    def save_language(self) -> bool:
        cfg = config.load()
        cfg.language = self.language.currentData() or ""
        try:
            config.save(cfg)
        except config.ConfigError as exc:
            _say(self.language_note, self.tr("The settings could not be saved: {reason}")
                 .format(reason=exc.message), BAD)
            return False
        self.problem.hide()
        _say(self.language_note, self.tr("Saved. The language changes the next time "
                                         "Storekeeper starts."), GOOD)
        return True

    # ------------------------------------------------------------ shop details

    def save_shop(self) -> bool:
        if not self.can_edit_shop:
            return False
        values = {key: edit.text().strip() for key, edit in self.shop_fields.items()}
        if not values["shop_name"]:
            _say(self.shop_note, self.tr("Give the shop a name."), BAD)
            self.shop_name.setFocus()
            return False
        changed = {k: v for k, v in values.items() if v != self._shop_values.get(k, "")}
        try:
            for key, value in changed.items():
                self.books.set_setting(key, value)
                self._shop_values[key] = value
        except BooksError as exc:
            _say(self.shop_note, refusal_text(exc.message), BAD)
            return False
        _say(self.shop_note, self.tr("Shop details saved.") if changed
             else self.tr("Nothing changed."), GOOD)
        if "shop_name" in changed:
            self.shop_name_changed.emit(values["shop_name"])
        return True


# ---------------------------------------------------------------- start-up

class DatabasePasswordDialog(QDialog):
    """Asks for a PostgreSQL password and checks it; after accept(): `password`
    and `remember`."""

    def __init__(self, choice: DatabaseChoice, parent=None):
        super().__init__(parent)
        self.choice = choice
        self.password = ""
        self.task = None
        self.setWindowTitle(self.tr("Database password"))
        self.setMinimumWidth(420)
        intro = QLabel(self.tr("The database <b>{database}</b> on <b>{server}</b> needs the "
                               "password of <b>{user}</b>.").format(
            database=html.escape(choice.database), server=html.escape(choice.host),
            user=html.escape(choice.user)), self)
        intro.setWordWrap(True)
        intro.setTextFormat(Qt.TextFormat.RichText)
        self.password_edit = QLineEdit(self)
        self.password_edit.setObjectName("dbPassword")
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.remember_box = QCheckBox(self.tr("Remember the password on this computer"), self)
        self.remember_box.setObjectName("rememberPassword")
        self.remember_box.setChecked(True)
        form = QFormLayout()
        form.addRow(self.tr("Password:"), self.password_edit)
        form.addRow("", self.remember_box)
        self.error = QLabel(self)
        self.error.setObjectName("error")
        self.error.setWordWrap(True)
        self.error.hide()
        self.buttons = QDialogButtonBox(self)
        self.ok_button = self.buttons.addButton(self.tr("Connect"),
                                                QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.tr("Quit"), QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self.try_password)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.password_edit.setFocus()

    @property
    def remember(self) -> bool:
        return self.remember_box.isChecked()

    def try_password(self) -> None:
        password = self.password_edit.text()
        url = self.choice.url(password)
        self.buttons.setEnabled(False)
        _say(self.error, self.tr("Connecting…"), QUIET)
        self.task = run_in_background(
            lambda _report: config.probe_connection(url, TEST_TIMEOUT_S),
            lambda probe: self._answered(probe, password), self._failed)

    def _answered(self, probe: ConnectionProbe, password: str) -> None:
        if not isValid(self):
            return
        self.buttons.setEnabled(True)
        if probe.ok:
            self.password = password
            self.accept()
            return
        if probe.password_refused:
            text = self.tr("The server refused this password.")
        else:
            text = probe_text(probe)
        _say(self.error, text, BAD)
        self.password_edit.selectAll()
        self.password_edit.setFocus()

    def _failed(self, message: str) -> None:
        if not isValid(self):
            return
        self.buttons.setEnabled(True)
        _say(self.error, self.tr("Failed: {reason}").format(reason=message), BAD)

    def reject(self) -> None:
        if not self.buttons.isEnabled():  # a check is under way
            return
        super().reject()


def ask_missing_password(url: str, parent=None) -> str | None:
    """`url`, with the password the person gives when it names a PostgreSQL
    database without one and the server wants one; None if they quit.

    Any other URL, or a server that lets them in without a password (or cannot
    be reached: opening it reports why), comes back unchanged. A password given
    is kept in the keyring when they ask for that and a keyring is usable."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "postgresql" or parsed.password:
        return url
    if not config.password_refused(url, TEST_TIMEOUT_S):
        return url
    choice = DatabaseChoice.from_url(url)
    dialog = DatabasePasswordDialog(choice, parent)
    accepted = dialog.exec()
    password, remember = dialog.password, dialog.remember
    dialog.deleteLater()
    if not accepted:
        return None
    if remember:
        try:
            config.save_password(choice, password)
        except KeyringUnavailable as exc:
            box = QMessageBox(QMessageBox.Icon.Information,
                              translate("DatabasePasswordDialog", "Database password"),
                              keyring_unavailable_text(), QMessageBox.StandardButton.Ok, parent)
            box.setDetailedText(exc.detail)
            box.exec()
    return parsed.set(password=password).render_as_string(hide_password=False)
