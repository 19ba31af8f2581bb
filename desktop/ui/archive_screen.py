"""Reports → Archived sales and returns: what `archive --before` moved out of the
live books, listed, searched and printed as the live sales are (db.archive_list);
and, for the owner, the archiving itself, run off the GUI thread."""
from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication, QDate
from PySide6.QtWidgets import (QDateEdit, QDialog, QDialogButtonBox, QFormLayout, QLabel,
                               QMessageBox, QWidget)
from sqlalchemy import Engine

from db import archive
from db.archive_list import ARCHIVED_SALES
from db.audit import Actor
from db.permissions import may
from desktop.ui.formats import count_text, date_edit_format, date_text
from desktop.ui.list_screen import ListScreen

translate = QCoreApplication.translate


def archived_sales_screen(engine: Engine, actor: Actor) -> ListScreen:
    from desktop.ui.print_actions import add_sale_printing
    from desktop.ui.screens import sales_columns
    screen = ListScreen(engine, ARCHIVED_SALES, sales_columns(),
                        translate("Archive", "Archived sales and returns"),
                        lambda n: translate("Archive", "Archived sales and returns: {n}")
                        .format(n=count_text(n)),
                        search_hint=translate("Archive", "Number or customer"))
    add_sale_printing(screen, engine)
    if may(actor, "archive"):
        screen.add_action(translate("Archive", "Archive old documents…"),
                          lambda: ask_and_archive(screen, engine, actor), "archiveDocuments")
    return screen


def _day(value) -> str:
    try:
        return date_text(value)
    except (TypeError, ValueError):
        return str(value)


class ArchiveDialog(QDialog):
    """The date before which documents move (default: two years ago)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(translate("Archive", "Archive old documents"))
        form = QFormLayout(self)
        text = QLabel(translate(
            "Archive", "Closed documents dated before this day move to the archive. Every "
            "report keeps its totals; archived sales stay listed here and can still be "
            "printed. This cannot be undone."), self)
        text.setWordWrap(True)
        form.addRow(text)
        self.before = QDateEdit(self)
        self.before.setObjectName("archiveBefore")
        self.before.setCalendarPopup(True)
        self.before.setDisplayFormat(date_edit_format())
        d = archive.default_before()
        self.before.setDate(QDate(d.year, d.month, d.day))
        form.addRow(translate("Archive", "Archive before"), self.before)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def chosen(self) -> dt.date:
        q = self.before.date()
        return dt.date(q.year(), q.month(), q.day())


def ask_and_archive(screen: ListScreen, engine: Engine, actor: Actor, before: dt.date | None = None,
                    on_done=None):
    """Asks for the date (unless given), then archives off the GUI thread; the list
    shows what moved when it is done."""
    if before is None:
        dialog = ArchiveDialog(screen)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        before = dialog.chosen()
    from desktop.ui.workers import run_in_background
    title = translate("Archive", "Archive old documents")
    screen.setEnabled(False)

    def done(result: dict) -> None:
        screen.setEnabled(True)
        screen.refresh()
        message = translate("Archive", "{docs} documents dated before {before} were moved to "
                            "the archive ({where}).").format(
            docs=count_text(result["documents"]), before=_day(result["before"]),
            where=result["archive"])
        if on_done is not None:
            on_done(result)
        else:
            QMessageBox.information(screen, title, message)

    def failed(message: str) -> None:
        screen.setEnabled(True)
        if on_done is not None:
            on_done(message)
        else:
            QMessageBox.warning(screen, title, message)

    def work(_report) -> dict:
        return archive.run_archive(engine, actor, before)

    return run_in_background(work, done, failed, owner=screen)

