"""Receipts and shift slips written after the fact, off the GUI thread.

The counter never waits on a printer: once a sale is posted its receipt is
laid out (desktop.printing) on the thread pool and saved as a PDF in the
receipts folder beside this computer's settings; issue 7 sends it on to the
receipt printer chosen in Settings.
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import Callable

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


def print_receipt(engine: Engine, number: str, tendered: int | None, change: int | None,
                  on_written: Callable[[str], None], on_failed: Callable[[str], None]) -> Task:
    language = _language()

    def work(_report) -> str:
        from db.engine import read_connection
        from db.receipts import receipt_data
        from desktop.printing.receipt import receipt_pdf
        with read_connection(engine) as conn:
            data = receipt_data(conn, number)
        folder = receipts_dir()
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"{_safe(number)}.pdf"
        receipt_pdf(data, path, tendered=tendered, change=change, language=language)
        return str(path)
    return run_in_background(work, on_written, on_failed)


def print_shift_slip(books, report, on_written: Callable[[str], None],
                     on_failed: Callable[[str], None] | None = None) -> Task:
    language = _language()

    def work(_report) -> str:
        from db.engine import read_connection
        from db.masters import get_setting
        from desktop.printing.receipt import shift_close_pdf
        with read_connection(books.engine) as conn:
            shop = get_setting(conn, "shop_name") or ""
        folder = receipts_dir()
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"shift-{report.id}-{report.closed_at:%Y%m%d-%H%M}.pdf"
        shift_close_pdf(path, shop_name=shop, cashier=report.cashier, opened_at=report.opened_at,
                        closed_at=report.closed_at, opening_float=report.opening_float,
                        rows=report.rows, sales=report.sales, returns=report.returns,
                        sales_total=report.sales_total, returns_total=report.returns_total,
                        language=language)
        return str(path)
    return run_in_background(work, on_written, on_failed or (lambda _m: None))
