"""A book on disk to rows of cells, safely.

Before anything parses a file: its size is limited; a zip (.xlsx, .ods) has
its directory read and every entry's size and compression ratio checked (a
4 MB file that inflates to gigabytes is refused at once), and its XML parts
are refused if they declare a DOCTYPE (entity expansion: no spreadsheet
program writes one). Then python-calamine reads .xlsx, .xls and .ods; a CSV
is decoded as UTF-8 (with or without BOM), else GB18030, and its delimiter
sniffed. Rows and columns are limited too. Every refusal is one BookError
naming the file.
"""
from __future__ import annotations

import csv
import datetime as dt
import io
import os
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from db.errors import BooksError

MAX_FILE_BYTES = 64 * 1024 * 1024
MAX_UNZIPPED_BYTES = 512 * 1024 * 1024
MAX_RATIO = 200                    # one entry's inflated size over its compressed size
MAX_ROWS = 250_000
MAX_COLS = 256
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGIC = b"PK\x03\x04"


class BookError(BooksError):
    """The file cannot be read as a book: one clear line, nothing written."""


@dataclass
class Sheet:
    file: str                         # the file's name, for messages
    name: str                         # the sheet's name ("" for a CSV)
    sheet_names: list[str]
    rows: list[list]                  # cells as read: str, int, float, bool, date, datetime
    merged: list[tuple[tuple[int, int], tuple[int, int]]] = field(default_factory=list)


def read_book(path: str | os.PathLike, sheet: str | None = None) -> Sheet:
    p = Path(path)
    name = p.name
    if not p.is_file():
        raise BookError(f"{name}: no such file")
    size = p.stat().st_size
    if size == 0:
        raise BookError(f"{name}: the file is empty")
    if size > MAX_FILE_BYTES:
        raise BookError(f"{name}: {size // (1024 * 1024)} MB is more than the "
                        f"{MAX_FILE_BYTES // (1024 * 1024)} MB a book may have")
    with open(p, "rb") as f:
        head = f.read(8)
    if head.startswith(ZIP_MAGIC):
        _check_zip(p, name)
        return _calamine(p, name, sheet)
    if head == OLE_MAGIC:
        _check_ole(p, name)
        return _calamine(p, name, sheet)
    if p.suffix.lower() in (".xlsx", ".xlsm", ".xls", ".ods"):
        raise BookError(f"{name}: not a workbook (the file is damaged, or is not what its "
                        "name says)")
    return _csv(p, name)


def _check_zip(p: Path, name: str) -> None:
    try:
        with zipfile.ZipFile(p) as z:
            entries = z.infolist()
            total = 0
            for e in entries:
                if e.flag_bits & 0x1:
                    raise BookError(f"{name}: the workbook is encrypted; save it without a "
                                    "password and import it again")
                total += e.file_size
                ratio = e.file_size / max(e.compress_size, 1)
                if total > MAX_UNZIPPED_BYTES or (ratio > MAX_RATIO and e.file_size > 10 << 20):
                    raise BookError(f"{name}: refused, {e.filename} would inflate to "
                                    f"{e.file_size // (1024 * 1024)} MB (a zip bomb, or a book "
                                    "far bigger than a shop's)")
            for e in entries:
                if e.filename.endswith((".xml", ".rels")):
                    with z.open(e) as f:
                        start = f.read(4096)
                    if b"<!DOCTYPE" in start or b"<!ENTITY" in start:
                        raise BookError(f"{name}: refused, {e.filename} declares XML entities "
                                        "(no spreadsheet program writes them)")
    except zipfile.BadZipFile:
        raise BookError(f"{name}: the workbook is damaged (cut short or corrupt)") from None


def _check_ole(p: Path, name: str) -> None:
    """An Excel 97 file, or an encrypted .xlsx (which Office wraps in the same container)."""
    with open(p, "rb") as f:
        data = f.read(min(p.stat().st_size, 1 << 20))
    if "EncryptedPackage".encode("utf-16-le") in data:
        raise BookError(f"{name}: the workbook is encrypted; save it without a password and "
                        "import it again")


def _calamine(p: Path, name: str, wanted: str | None) -> Sheet:
    from python_calamine import CalamineWorkbook
    try:
        wb = CalamineWorkbook.from_path(str(p))
        names = list(wb.sheet_names)
        if wanted is not None:
            if wanted not in names:
                raise BookError(f"{name}: no sheet named '{wanted}'; the sheets are: "
                                f"{', '.join(names)}")
            chosen = [wanted]
        else:
            chosen = names
        for sheet_name in chosen:
            sh = wb.get_sheet_by_name(sheet_name)
            height, width = sh.total_height + 1, sh.total_width + 1   # last index, 0-based
            if height > MAX_ROWS:
                raise BookError(f"{name}: sheet '{sheet_name}' has {height} rows, more than "
                                f"the {MAX_ROWS} rows a book may have; split it")
            if width > MAX_COLS:
                raise BookError(f"{name}: sheet '{sheet_name}' has {width} columns, more than "
                                f"the {MAX_COLS} columns a book may have")
            rows = sh.to_python(skip_empty_area=False)
            if any(any(_filled(c) for c in r) for r in rows) or sheet_name == chosen[-1]:
                merged = []
                try:
                    merged = list(sh.merged_cell_ranges or [])
                except Exception:   # not every format reports them
                    merged = []
                return Sheet(name, sheet_name, names, rows, merged)
    except BookError:
        raise
    except Exception as exc:       # calamine's errors: damaged, unsupported, password
        text = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        if "password" in text.lower() or "encrypt" in text.lower():
            raise BookError(f"{name}: the workbook is encrypted; save it without a password "
                            "and import it again") from None
        raise BookError(f"{name}: the workbook cannot be read ({text[:120]})") from None
    raise BookError(f"{name}: the workbook has no sheets")


def _filled(cell) -> bool:
    return not (cell is None or (isinstance(cell, str) and not cell.strip()))


def decode_text(data: bytes, name: str) -> str:
    """UTF-8 (a BOM is dropped), else GB18030 (older Chinese software's exports)."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("gb18030")
    except UnicodeDecodeError:
        raise BookError(f"{name}: not a workbook, nor text in UTF-8 or GB18030") from None


def _csv(p: Path, name: str) -> Sheet:
    data = p.read_bytes()
    if b"\x00" in data[:4096]:
        raise BookError(f"{name}: not a workbook, nor a CSV file (it holds binary data)")
    text = decode_text(data, name)
    try:
        dialect = csv.Sniffer().sniff(text[:8192], delimiters=",\t;|")
    except csv.Error:
        dialect = csv.excel
    rows = []
    for row in csv.reader(io.StringIO(text), dialect):
        rows.append(row)
        if len(rows) > MAX_ROWS:
            raise BookError(f"{name}: more than the {MAX_ROWS} rows a book may have; split it")
    if any(len(r) > MAX_COLS for r in rows):
        raise BookError(f"{name}: more than the {MAX_COLS} columns a book may have")
    return Sheet(name, "", [], rows)


def is_date(cell) -> bool:
    return isinstance(cell, (dt.date, dt.datetime))
