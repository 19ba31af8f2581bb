"""What a printed page or a written workbook says, for tests to read
(imported as `from file_text import ...`, as memory_keyring is)."""
from __future__ import annotations

import shutil
import subprocess

import pytest


def pdf_text(path) -> str:
    """The PDF's text laid out as printed (poppler's pdftotext)."""
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True,
                          text=True, check=True).stdout


def xlsx_cells(path) -> list[str]:
    """Every non-empty cell of every sheet, as text."""
    from openpyxl import load_workbook
    wb = load_workbook(path, read_only=True)
    try:
        return [str(v) for ws in wb.worksheets for row in ws.iter_rows(values_only=True)
                for v in row if v is not None]
    finally:
        wb.close()
