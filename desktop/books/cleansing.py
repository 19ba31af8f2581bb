"""One cell to one value, the way a person reads it, saying what was done.

Each cleaner returns (value, note): note is None when the cell was taken as it
stood, a short text when it was cleaned ("full-width digits", "¥ and , taken
out"), and a Bad exception when the cell cannot be used. Money becomes
integer fen, quantities integer thousandths (never floats: a float from the
workbook is read through its shortest decimal repr, and one that needs more
places than money or a quantity has is refused). Codes (barcodes, phone
numbers) stay text: a number Excel stored for them is written back without
".0", and a code Excel already turned into 6.95069E+12 is refused, since
its last digits are gone.
"""
from __future__ import annotations

import datetime as dt
import re
import unicodedata
from decimal import Decimal, InvalidOperation

from desktop.books.text import T


class Bad(Exception):
    """The cell cannot be used; the message says why."""


_CURRENCY = re.compile(r"[¥￥$€£]|元|RMB|CNY|USD", re.IGNORECASE)
_SCI = re.compile(r"^[+-]?\d+(\.\d+)?[eE][+-]?\d+$")
_SPACES = re.compile(r"\s+")
EXCEL_EPOCH = dt.date(1899, 12, 30)          # serial 1 = 1900-01-01, with Excel's leap-year bug
UNITS = {"千克": "kg", "公斤": "kg", "kg": "kg", "kgs": "kg", "克": "g", "g": "g", "升": "L",
         "l": "L", "毫升": "ml", "ml": "ml", "個": "个", "pcs": "pcs", "pc": "pcs"}


def is_blank(cell) -> bool:
    return cell is None or cell == "" or (cell.__class__ is str and not cell.strip())


def text(cell, what: str = "text") -> tuple[str, str | None]:
    """NFKC (full-width letters and digits), inner runs of spaces to one, trimmed."""
    if cell.__class__ is str and cell and unicodedata.is_normalized("NFKC", cell) \
            and "  " not in cell and cell == cell.strip() and "\n" not in cell \
            and "\t" not in cell and cell[0] != "'":
        return cell, None                                   # the common case, at once
    if is_blank(cell):
        return "", None
    if isinstance(cell, float) and cell.is_integer():
        cell = int(cell)
    raw = cell if isinstance(cell, str) else str(cell)
    if raw[:1] == "'" and raw[1:2] in ("=", "+", "-", "@"):
        return raw[1:], T("the ' an export puts before formula-like text taken off")
    norm = unicodedata.normalize("NFKC", raw)
    out = _SPACES.sub(" ", norm).strip()
    if out == raw:
        return out, None
    return out, T("full-width characters made plain") if norm != raw else T("spaces trimmed")


def unit(cell, what: str = "unit") -> tuple[str, str | None]:
    value, note = text(cell)
    canon = UNITS.get(value.lower(), UNITS.get(value, value))
    if canon != value:
        return canon, T("unit '{value}' written as '{canon}'", value=value, canon=canon)
    return value, note


def _scaled_float(cell: float, places: int, what: str) -> int:
    """A float from the workbook, exactly, in hundredths or thousandths."""
    scale = 10 ** places
    n = round(cell * scale)
    if abs(cell * scale - n) > 1e-6 * max(1.0, abs(cell * scale)):
        raise Bad(T("{what}: {value} has more than {places} decimals", what=what, value=cell,
                      places=places))
    return n


def _decimal(cell, places: int, what: str) -> tuple[Decimal, str | None]:
    if isinstance(cell, bool):
        raise Bad(T("{what}: '{value}' is not a number", what=what, value=cell))
    if isinstance(cell, int):
        return Decimal(cell), None
    if isinstance(cell, float):
        d = Decimal(repr(cell))
        rounded = d.quantize(Decimal(1).scaleb(-places))
        if abs(d - rounded) > Decimal("0.000001"):
            raise Bad(T("{what}: {value} has more than {places} decimals", what=what, value=cell,
                      places=places))
        return rounded, None
    raw = str(cell)
    s = unicodedata.normalize("NFKC", raw).strip()
    note = None
    stripped = _CURRENCY.sub("", s).replace(",", "").replace(" ", "")
    negative = stripped.startswith("(") and stripped.endswith(")")
    if negative:
        stripped = stripped[1:-1]
    if stripped != s:
        note = T("'{raw}' read as {value}", raw=raw.strip(),
                 value=('-' if negative else '') + stripped)
    elif s != raw:
        note = T("full-width digits made plain") if unicodedata.normalize("NFKC", raw) != raw \
            else T("spaces trimmed")
    try:
        d = Decimal(stripped)
    except InvalidOperation:
        raise Bad(T("{what}: '{value}' is not a number", what=what, value=raw.strip())) from None
    if not d.is_finite():
        raise Bad(T("{what}: '{value}' is not a number", what=what, value=raw.strip()))
    if d != d.quantize(Decimal(1).scaleb(-places)):
        raise Bad(T("{what}: {value} has more than {places} decimals", what=what,
                      value=raw.strip(), places=places))
    return (-d if negative else d), note


def money(cell, what: str = "amount") -> tuple[int | None, str | None]:
    """Fen, or None for a blank cell."""
    if cell.__class__ is float:
        return _scaled_float(cell, 2, what), None
    if cell.__class__ is int:
        return cell * 100, None
    if is_blank(cell):
        return None, None
    d, note = _decimal(cell, 2, what)
    return int(d * 100), note


def qty(cell, what: str = "quantity") -> tuple[int | None, str | None]:
    """Thousandths of a unit, or None for a blank cell."""
    if cell.__class__ is float:
        return _scaled_float(cell, 3, what), None
    if cell.__class__ is int:
        return cell * 1000, None
    if is_blank(cell):
        return None, None
    d, note = _decimal(cell, 3, what)
    return int(d * 1000), note


def code(cell, what: str = "code") -> tuple[str, str | None]:
    """A code kept as text: digits Excel stored as a number come back whole."""
    if cell.__class__ is str and cell.isascii() and cell.isalnum():
        return cell, None                                   # the common case, at once
    if is_blank(cell):
        return "", None
    if isinstance(cell, float):
        if not cell.is_integer() or abs(cell) >= 1e15:
            raise Bad(T("{what}: {value} lost its digits (Excel stored the code as a number)",
                      what=what, value=repr(cell)))
        return str(int(cell)), T("stored as a number in the book")
    if isinstance(cell, int) and not isinstance(cell, bool):
        return str(cell), T("stored as a number in the book")
    raw = str(cell)
    s = unicodedata.normalize("NFKC", raw).strip()
    if _SCI.match(s.replace(" ", "")):
        raise Bad(T("{what}: '{value}' lost its digits to Excel's scientific notation; type "
                    "the code again as text", what=what, value=s))
    compact = s.replace(" ", "").replace("-", "") if re.fullmatch(r"[\d\s-]+", s) else s
    if compact == raw:
        return compact, None
    if unicodedata.normalize("NFKC", raw) != raw:
        return compact, T("full-width digits made plain")
    return compact, T("spaces taken out")


def barcode(cell, what: str = "barcode") -> tuple[str, str | None]:
    """A barcode: EAN-13, EAN-8, UPC-A check digits verified (never corrected)."""
    value, note = code(cell, what)
    if not value:
        return "", note
    if not (value.isascii() and value.isprintable() and " " not in value) or len(value) > 48:
        raise Bad(T("{what}: '{value}' has characters a scanner cannot read", what=what,
                      value=value))
    if len(value) in (8, 12, 13, 14) and value.isdigit():
        body = value[:-1]           # GS1 mod 10, weights 3, 1 from the right (db.codes)
        check = (10 - (3 * sum(map(int, body[::-2])) + sum(map(int, body[-2::-2]))) % 10) % 10
        if check != int(value[-1]):
            raise Bad(T("{what}: {value} has a wrong check digit (it would be {check}); not "
                        "stored, and not corrected", what=what, value=value, check=check))
    return value, note


_SEPARATORS = re.compile(r"[,;，；、/]")


def barcodes(cell, what: str = "barcode") -> tuple[list[str], str | None]:
    """One barcode, or several in one cell separated by commas (as the export writes
    them); each checked as barcode() checks it."""
    if isinstance(cell, str) and _SEPARATORS.search(unicodedata.normalize("NFKC", cell)):
        codes, notes = [], []
        for part in _SEPARATORS.split(unicodedata.normalize("NFKC", cell)):
            if part.strip():
                value, note = barcode(part, what)
                if value not in codes:
                    codes.append(value)
                if note:
                    notes.append(note)
        return codes, notes[0] if notes else None
    value, note = barcode(cell, what)
    return ([value] if value else []), note


def phone(cell, what: str = "phone") -> tuple[str, str | None]:
    """A phone number as written (0755-8888 6666 keeps its dash and space); one
    Excel stored as a number comes back without '.0'."""
    if isinstance(cell, (int, float)) and not isinstance(cell, bool):
        return code(cell, what)
    return text(cell, what)


_DATE_TEXT = [
    re.compile(r"^(\d{4})[/.\-](\d{1,2})[/.\-](\d{1,2})$"),
    re.compile(r"^(\d{4})年(\d{1,2})月(\d{1,2})日?$"),
    re.compile(r"^(\d{4})(\d{2})(\d{2})$"),
]


def date(cell, what: str = "date") -> tuple[dt.date | None, str | None]:
    """A date from a date cell, an Excel serial number, or text as people type dates."""
    if is_blank(cell):
        return None, None
    if isinstance(cell, dt.datetime):
        return cell.date(), None
    if isinstance(cell, dt.date):
        return cell, None
    if isinstance(cell, (int, float)) and not isinstance(cell, bool):
        if 1 <= cell < 2958466:
            return EXCEL_EPOCH + dt.timedelta(days=int(cell)), T("an Excel date number")
        raise Bad(T("{what}: {value} is not a date", what=what, value=cell))
    s = unicodedata.normalize("NFKC", str(cell)).strip().split(" ")[0]
    for pattern in _DATE_TEXT:
        m = pattern.match(s)
        if m:
            try:
                return dt.date(int(m[1]), int(m[2]), int(m[3])), None
            except ValueError:
                break
    raise Bad(T("{what}: '{value}' is not a date (2024-03-05, 2024/3/5, 2024年3月5日)",
                what=what, value=str(cell).strip()))
