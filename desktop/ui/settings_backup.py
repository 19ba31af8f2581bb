"""Settings → Backups (an SQLite shop): where the daily backups go, how many are
kept, the newest ones, and Back up now (db.backup; off the GUI thread). A restore
is done from the command line with the app closed (`storekeeper restore FILE`),
after a safety copy."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtWidgets import (QFormLayout, QGroupBox, QHBoxLayout, QLabel, QPushButton,
                               QSpinBox, QWidget)

from db import backup, clock
from db.books import Books
from db.errors import BooksError
from db.permissions import may
from desktop.ui.refusals import show_refusal
from desktop.ui.widgets import error_label
from desktop.ui.workers import run_in_background

translate = QCoreApplication.translate


class BackupBox(QGroupBox):
    def __init__(self, books: Books, parent: QWidget | None = None):
        super().__init__(translate("Backups", "Backups"), parent)
        self.setObjectName("backupBox")
        self.books = books
        engine = books.engine
        form = QFormLayout(self)
        if engine.dialect.name != "sqlite":
            form.addRow(QLabel(translate(
                "Backups", "PostgreSQL: back up with pg_dump on a schedule on the server "
                           "(docs/durability.md), or `storekeeper backup FILE`."), self))
            return
        self.folder = backup.folder_of(engine)
        self.name = Path(engine.url.database).stem
        form.addRow(translate("Backups", "Folder:"), QLabel(str(self.folder), self))
        self.keep = QSpinBox(self)
        self.keep.setObjectName("backupKeep")
        self.keep.setRange(1, 365)
        with engine.connect() as conn:
            self.keep.setValue(backup.keep_setting(conn))
        self.keep.setEnabled(may(books.actor, "settings"))
        self.keep.editingFinished.connect(self.save_keep)
        form.addRow(translate("Backups", "Daily backups kept:"), self.keep)
        self.newest = QLabel(self)
        self.newest.setObjectName("newestBackups")
        self.newest.setWordWrap(True)
        form.addRow(translate("Backups", "Newest:"), self.newest)
        self.now_button = QPushButton(translate("Backups", "Back up now"), self)
        self.now_button.setObjectName("backupNow")
        self.now_button.setEnabled(may(books.actor, "backup"))
        self.now_button.clicked.connect(lambda: self.back_up_now())
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.now_button)
        form.addRow(row)
        self.message = QLabel(self)
        self.message.setObjectName("backupMessage")
        self.error = error_label(self)
        form.addRow(self.message)
        form.addRow(self.error)
        self.show_newest()

    def show_newest(self) -> None:
        found = backup.backups_in(self.folder, self.name)[:3]
        locale = QLocale()
        self.newest.setText("\n".join(
            f"{p.name}  ({locale.toString(p.stat().st_size // 1024)} KB)" for p, _ in found)
            or translate("Backups", "none yet"))

    def save_keep(self) -> None:
        try:
            self.books.set_setting(backup.KEEP_KEY, str(self.keep.value()))
        except BooksError as exc:
            show_refusal(self.error, exc.message)
            self.error.show()

    def back_up_now(self, on_done=None) -> None:
        out = self.folder / f"{self.name}-{clock.now():%Y%m%d-%H%M%S}.db"   # as the daily ones
        engine = self.books.engine
        self.now_button.setEnabled(False)

        def work(_r):
            from db.permissions import require
            require(self.books.actor, "backup")
            self.folder.mkdir(parents=True, exist_ok=True)
            return backup.backup(engine, out)

        def done(result: dict) -> None:
            self.now_button.setEnabled(True)
            self.error.hide()
            self.message.setText(translate("Backups", "Backed up and checked: {file}")
                                 .format(file=result["file"]))
            self.show_newest()
            if on_done:
                on_done(result)

        def failed(message: str) -> None:
            self.now_button.setEnabled(True)
            self.error.setText(message)
            self.error.show()
            if on_done:
                on_done(message)
        run_in_background(work, done, failed, owner=self)
