"""Export of any list to an .xlsx workbook (openpyxl, write-only: rows are
streamed to disk, so a list of any length exports in little memory).

No Qt here: the desktop runs export_xlsx in a worker, feeding it the rows of
a db.lists query page by page, and passes `progress` / `cancelled` callbacks.

What protects the person who opens the file:
  * text that a spreadsheet would read as a formula (starting with = + - @,
    a tab or a carriage return) is written with a leading apostrophe, so it
    stays text ("CSV/formula injection");
  * numbers stay numbers: money as Decimal with two places (money_cell),
    quantities with three (qty_cell), formatted by column;
  * the workbook is written to a temporary file beside the target and moved
    over it only when complete: a failed or cancelled export leaves no
    half-written file and an existing file untouched.
"""
from __future__ import annotations

import datetime as dt
import os
import re
import secrets
from decimal import Decimal
from itertools import islice
from pathlib import Path
from typing import Any, Callable, Iterable

from db.errors import BooksError

MONEY_FORMAT = "0.00"
QTY_FORMAT = "General"     # 3, 1.5, 0.75: "0.###" would show "3." in Excel
DATE_FORMAT = "yyyy-mm-dd"
DATETIME_FORMAT = "yyyy-mm-dd hh:mm:ss"
PROGRESS_EVERY = 1000        # rows between progress calls
CANCEL_EVERY = 100           # rows between cancel checks
WIDTH_SAMPLE = 200           # rows looked at to size the columns
MAX_WIDTH = 60
MAX_TEXT = 32_767            # Excel's limit for one cell

_DANGEROUS = ("=", "+", "-", "@", "\t", "\r")
# Control characters XML 1.0 cannot hold (openpyxl refuses them): dropped.
_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
_BAD_TITLE = re.compile(r"[\[\]:*?/\\]")
_NUMBERS = (int, float, Decimal)


def neutralise(value: Any) -> Any:
    """A string a spreadsheet would take for a formula gets a leading "'";
    everything else (numbers included, negative ones too) is returned as is."""
    if isinstance(value, str) and value.startswith(_DANGEROUS):
        return "'" + value
    return value


def money_cell(fen: int | None) -> Decimal | None:
    """1250 fen -> Decimal('12.50'): a number in the sheet, exact, two places
    (db.money: 100 fen to the yuan)."""
    if fen is None:
        return None
    return Decimal(fen).scaleb(-2)   # exact: exponent -2, so 12.50 keeps its two places


def qty_cell(milli: int | None) -> Decimal | None:
    """750 milli -> Decimal('0.750'); 3000 -> Decimal('3.000') (db.money: 1000 milli
    to the unit)."""
    if milli is None:
        return None
    return Decimal(milli).scaleb(-3)


def _clean(value: Any) -> Any:
    """A value as it goes into a cell."""
    if value is None or isinstance(value, (bool, int, float, Decimal)):
        return value
    if isinstance(value, dt.datetime):
        # Excel has no time zones: local wall-clock time, as the books show it
        return value.astimezone().replace(tzinfo=None) if value.tzinfo else value
    if isinstance(value, (dt.date, dt.time)):
        return value
    text = value if isinstance(value, str) else str(value)
    text = _ILLEGAL.sub("", text)
    if len(text) > MAX_TEXT - 1:
        text = text[:MAX_TEXT - 1]
    return neutralise(text)


def _sheet_title(title: str) -> str:
    title = _BAD_TITLE.sub(" ", title or "").strip().strip("'") or "Sheet1"
    return title[:31]


def _display_width(value: Any) -> int:
    if value is None:
        return 0
    if isinstance(value, (dt.datetime,)):
        return 19
    if isinstance(value, dt.date):
        return 10
    text = str(value)
    # CJK and other wide characters take about two columns
    return sum(2 if ord(ch) > 0x2E7F else 1 for ch in text)


def _discard_sheet(ws) -> None:
    """Drops the temporary file openpyxl streams a write-only sheet into."""
    writer = getattr(ws, "_writer", None)
    if writer is None:
        return
    try:
        rows = getattr(ws, "_rows", None)
        if rows is not None:
            rows.close()
        writer.close()
    except Exception:   # it is going away either way
        pass
    try:
        writer.cleanup()
    except (OSError, ValueError):
        pass


def export_xlsx(path: str | os.PathLike, sheet_title: str, headers: list[str],
                rows: Iterable[tuple], *, numeric_formats: dict[int, str] | None = None,
                progress: Callable[[int], None] | None = None,
                cancelled: Callable[[], bool] | None = None,
                progress_every: int = PROGRESS_EVERY) -> int:
    """Writes headers and rows to an .xlsx file at path; returns the number of rows.

    numeric_formats maps a 0-based column to an Excel number format, e.g.
    {4: MONEY_FORMAT, 3: QTY_FORMAT}; dates get yyyy-mm-dd without asking.
    progress(n) is called every `progress_every` rows and once at the end;
    cancelled() is polled as rows go by and raises BooksError("export
    cancelled") when it returns True. On any failure the target is untouched
    and no temporary file is left behind.
    """
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    target = Path(path)
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise BooksError(f"cannot export to {target}: folder {folder} does not exist")
    formats = dict(numeric_formats or {})
    ncols = len(headers)
    # beside the target (os.replace needs the same file system); created like any
    # new file, so the finished export gets the usual permissions
    tmp = folder / f".{target.name}.{secrets.token_hex(4)}.tmp"
    try:
        os.close(os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666))
    except OSError as exc:
        raise BooksError(f"cannot export to {target}: {exc.strerror or exc}") from None
    wb = Workbook(write_only=True)
    ws = wb.create_sheet(_sheet_title(sheet_title))
    count = 0
    try:
        rows = iter(rows)
        sample = [tuple(r) for r in islice(rows, WIDTH_SAMPLE)]
        # column sizes and the frozen header go in before the first row
        for i, header in enumerate(headers):
            width = max([_display_width(header)] +
                        [_display_width(_clean(r[i])) for r in sample if i < len(r)])
            ws.column_dimensions[get_column_letter(i + 1)].width = min(MAX_WIDTH, width + 2)
        ws.freeze_panes = "A2"
        bold = Font(bold=True)
        header_cells = []
        for h in headers:
            cell = WriteOnlyCell(ws, value=_clean(h))
            cell.font = bold
            header_cells.append(cell)
        ws.append(header_cells)

        # One formatted cell per column, refilled row after row: openpyxl writes each
        # row out before the next is made, and a cell with a style costs to build.
        format_cells = {}
        for i, fmt in formats.items():
            format_cells[i] = WriteOnlyCell(ws)
            format_cells[i].number_format = fmt

        def styled(i: int, value: Any):
            cell = format_cells.get(i)
            if cell is None or isinstance(value, bool) or not isinstance(value, _NUMBERS):
                return value   # text, dates (formatted as dates anyway) and blanks as they are
            cell.value = value
            return cell

        def all_rows():
            yield from sample
            yield from rows

        for row in all_rows():
            if cancelled is not None and count % CANCEL_EVERY == 0 and cancelled():
                raise BooksError("export cancelled")
            values = [_clean(v) for v in row]
            if len(values) > ncols:
                raise BooksError(f"row {count + 1} of the export has {len(values)} values "
                                 f"for {ncols} columns")
            ws.append([styled(i, v) for i, v in enumerate(values)] if formats else values)
            count += 1
            if progress is not None and count % progress_every == 0:
                progress(count)
        if cancelled is not None and cancelled():
            raise BooksError("export cancelled")
        try:
            wb.save(tmp)
            os.replace(tmp, target)
        except PermissionError:
            raise BooksError(f"cannot write {target}: it may be open in another program; "
                             "close it and export again") from None
        except OSError as exc:   # disk full, the folder gone, ...
            raise BooksError(f"cannot write {target}: {exc.strerror or exc}") from None
    except BaseException:
        _discard_sheet(ws)
        tmp.unlink(missing_ok=True)
        raise
    if progress is not None and (count == 0 or count % progress_every != 0):
        progress(count)
    return count
