"""Receipts and shift slips written after the fact, off the GUI thread.

The counter never waits on a printer: once a sale is posted its receipt is
laid out (desktop.printing) on the thread pool and saved as a PDF in the
receipts folder beside this computer's settings, on the paper width this
computer's settings give (desktop.config: paper_width), and printed on the
receipt printer chosen in Settings, if one is (QtPdf onto a QPrinter, on
the pool thread as well). When the settings
choose an ESC/POS receipt printer (receipt_printer "escpos"), the same
receipt is then sent to it as raw bytes (desktop.printing.escpos and
printer_out), still on the pool thread. A printer that fails is reported
through on_failed after on_written has had the PDF: the PDF is never lost.
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import Any, Callable

from sqlalchemy import Engine

from desktop import config
from desktop.ui.workers import Task, run_in_background


def receipts_dir() -> Path:
    return config.config_path().parent / "receipts"


def _safe(name: str) -> str:
    return re.sub(r"[^0-9A-Za-z._-]+", "_", name)


def _language() -> str:
    from PySide6.QtCore import QLocale
    return "zh_CN" if QLocale().language() == QLocale.Language.Chinese else "en"


def _send_escpos(settings: config.Config, make: Callable[[int], bytes], path: Path) -> str | None:
    """On the pool thread, after the PDF: the bytes make(paper_width) gives sent to
    the ESC/POS printer when the settings choose one; or the PDF itself printed on
    the receipt printer chosen in Settings (none chosen: the PDF is only kept).
    None when sent (or not wanted); else what went wrong, saying where the PDF is."""
    if settings.receipt_printer != "escpos":
        if not settings.printers.get("receipt"):
            return None
        from desktop.ui.print_preview import print_file
        try:
            print_file(path, "receipt")
        except OSError as exc:
            return f"not printed: {exc} (saved as {path})"
        return None
    from db.errors import BooksError
    from desktop.printing import printer_out
    try:
        printer_out.send(settings.escpos_target, make(settings.paper_width))
    except BooksError as exc:
        reason = exc.message
    except Exception as exc:  # shown to the person, never swallowed
        reason = f"{type(exc).__name__}: {exc}"
    else:
        return None
    return f"not printed: {reason} (saved as {path})"


def _deliver(on_written: Callable[[str], None],
             on_failed: Callable[[str], None]) -> Callable[[Any], None]:
    """On the GUI thread: the PDF to on_written, then a printer's failure to on_failed."""
    def done(result: tuple[str, str | None]) -> None:
        path, problem = result
        on_written(path)
        if problem:
            on_failed(problem)
    return done


def _owner(*callbacks: Callable):
    from PySide6.QtCore import QObject
    return next((cb.__self__ for cb in callbacks
                 if isinstance(getattr(cb, "__self__", None), QObject)), None)


def print_receipt(engine: Engine, number: str, tendered: int | None, change: int | None,
                  on_written: Callable[[str], None], on_failed: Callable[[str], None]) -> Task:
    language = _language()

    def work(_report) -> tuple[str, str | None]:
        from db.engine import read_connection
        from db.receipts import receipt_data
        from desktop.printing import escpos
        from desktop.printing.receipt import receipt_pdf
        settings = config.load()
        with read_connection(engine) as conn:
            data = receipt_data(conn, number)
        folder = receipts_dir()
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"{_safe(number)}.pdf"
        receipt_pdf(data, path, width_mm=settings.paper_width, tendered=tendered, change=change,
                    language=language)
        problem = _send_escpos(settings, lambda width: escpos.receipt_bytes(
            data, width, language, tendered=tendered, change=change), path)
        return str(path), problem and f"Receipt {number} {problem}"
    return run_in_background(work, _deliver(on_written, on_failed), on_failed,
                             owner=_owner(on_written, on_failed))


def print_shift_slip(books, report, on_written: Callable[[str], None],
                     on_failed: Callable[[str], None] | None = None) -> Task:
    language = _language()
    on_failed = on_failed or (lambda _m: None)

    def work(_report) -> tuple[str, str | None]:
        from db.engine import read_connection
        from db.masters import get_setting
        from desktop.printing import escpos
        from desktop.printing.receipt import shift_close_pdf
        settings = config.load()
        with read_connection(books.engine) as conn:
            shop = get_setting(conn, "shop_name") or ""
        folder = receipts_dir()
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"shift-{report.id}-{report.closed_at:%Y%m%d-%H%M}.pdf"
        slip = dict(shop_name=shop, cashier=report.cashier, opened_at=report.opened_at,
                    closed_at=report.closed_at, opening_float=report.opening_float,
                    rows=report.rows, sales=report.sales, returns=report.returns,
                    sales_total=report.sales_total, returns_total=report.returns_total,
                    language=language)
        shift_close_pdf(path, width_mm=settings.paper_width, **slip)
        problem = _send_escpos(settings, lambda width: escpos.shift_close_bytes(
            width_mm=width, **slip), path)
        return str(path), problem and f"The shift slip was {problem}"
    return run_in_background(work, _deliver(on_written, on_failed), on_failed,
                             owner=_owner(on_written, on_failed))
