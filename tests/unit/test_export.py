"""Export to .xlsx: formula text neutralised, numbers kept numbers, Chinese text
round-trips, cancel and failure leave nothing behind, big lists stream."""
from __future__ import annotations

import datetime as dt
import time
from decimal import Decimal

import openpyxl
import pytest
from python_calamine import CalamineWorkbook

from db.errors import BooksError
from desktop.export import (MONEY_FORMAT, QTY_FORMAT, export_xlsx, money_cell, neutralise,
                            qty_cell)


def _read(path) -> list[list]:
    return CalamineWorkbook.from_path(str(path)).get_sheet_by_index(0).to_python()


@pytest.mark.parametrize("text", ["=SUM(A1:A2)", "+1", "-2+3", "@SUM(1)", "\tx", "\r=1",
                                  "=HYPERLINK(\"http://x\")"])
def test_dangerous_prefixes_are_neutralised(text):
    assert neutralise(text) == "'" + text


@pytest.mark.parametrize("value", ["plain", "a=b", " =1", "", "海天", 5, -5, Decimal("-5.00"),
                                   -1.5, None, True, dt.date(2024, 1, 2)])
def test_other_values_are_left_alone(value):
    assert neutralise(value) is value


def test_written_file_neutralises_text_and_keeps_numbers_numeric(tmp_path):
    path = tmp_path / "list.xlsx"
    rows = [("=1+1", -5, money_cell(-500)), ("+1", 3, money_cell(1250)),
            ("-2", Decimal("-5"), qty_cell(-750)), ("@x", 0, None),
            ("\tTAB", 1, money_cell(1)), ("\rCR", 2, money_cell(0))]
    assert export_xlsx(path, "List", ["Text", "Number", "Money"], rows,
                       numeric_formats={2: MONEY_FORMAT}) == len(rows)
    got = _read(path)
    assert got[0] == ["Text", "Number", "Money"]
    # (XML reads a lone CR back as LF; what matters is the apostrophe in front)
    assert [r[0] for r in got[1:]] == ["'=1+1", "'+1", "'-2", "'@x", "'\tTAB", "'\nCR"]
    numbers = [r[1] for r in got[1:]]
    assert numbers == [-5, 3, -5, 0, 1, 2]
    assert all(isinstance(n, (int, float)) and not isinstance(n, bool) for n in numbers)
    assert [r[2] for r in got[1:]] == [-5.0, 12.5, -0.75, "", 0.01, 0.0]

    ws = openpyxl.load_workbook(path).active
    assert ws["B2"].value == -5 and ws["B2"].data_type == "n"
    assert ws["C3"].value == 12.5 and ws["C3"].number_format == MONEY_FORMAT
    assert ws["A2"].data_type == "s" and ws["A2"].value == "'=1+1"


def test_header_is_bold_and_frozen_dates_are_dates(tmp_path):
    path = tmp_path / "dates.xlsx"
    when = dt.datetime(2024, 5, 6, 7, 8, 9)
    export_xlsx(path, "Sales", ["Day", "At", "Qty"],
                [(dt.date(2024, 1, 2), when, qty_cell(1500))], numeric_formats={2: QTY_FORMAT})
    ws = openpyxl.load_workbook(path).active
    assert ws.title == "Sales"
    assert ws.freeze_panes == "A2"
    assert all(c.font.b for c in ws[1])
    assert ws["A2"].is_date and ws["A2"].value.date() == dt.date(2024, 1, 2)
    assert ws["B2"].value == when
    assert ws["C2"].value == 1.5 and ws["C2"].number_format == QTY_FORMAT
    assert _read(path)[1][0] == dt.date(2024, 1, 2)


def test_money_and_qty_cells_are_exact():
    assert money_cell(1250) == Decimal("12.50") and str(money_cell(1250)) == "12.50"
    assert str(money_cell(-5)) == "-0.05"
    assert str(money_cell(10**12 + 1)) == "10000000000.01"
    assert str(qty_cell(750)) == "0.750" and qty_cell(3000) == 3
    assert money_cell(None) is None and qty_cell(None) is None


def test_chinese_text_round_trips(tmp_path):
    path = tmp_path / "库存.xlsx"
    rows = [("HT-01", "海天金标生抽 500ml", "调味品"), ("LJJ", "老干妈风味豆豉", "酱料")]
    export_xlsx(path, "库存清单", ["编号", "名称", "类别"], rows)
    book = CalamineWorkbook.from_path(str(path))
    assert book.sheet_names == ["库存清单"]
    assert book.get_sheet_by_index(0).to_python() == [["编号", "名称", "类别"],
                                                      *[list(r) for r in rows]]


def test_bad_sheet_title_and_control_characters_are_cleaned(tmp_path):
    path = tmp_path / "x.xlsx"
    export_xlsx(path, "Stock: a/b [all] " + "x" * 40, ["A"], [("bell\x07 here",)])
    book = CalamineWorkbook.from_path(str(path))
    assert len(book.sheet_names[0]) <= 31 and ":" not in book.sheet_names[0]
    assert _read(path)[1] == ["bell here"]


def test_progress_is_reported(tmp_path):
    seen = []
    n = export_xlsx(tmp_path / "p.xlsx", "P", ["N"], ((i,) for i in range(2500)),
                    progress=seen.append, progress_every=1000)
    assert n == 2500
    assert seen == [1000, 2000, 2500]


def _leftovers(folder, keep=()):
    return sorted(p.name for p in folder.iterdir() if p.name not in keep)


def test_cancel_leaves_no_file(tmp_path):
    path = tmp_path / "out.xlsx"
    calls = {"n": 0}

    def cancelled():
        calls["n"] += 1
        return calls["n"] > 3

    with pytest.raises(BooksError, match="export cancelled"):
        export_xlsx(path, "C", ["N"], ((i,) for i in range(100_000)), cancelled=cancelled)
    assert not path.exists()
    assert _leftovers(tmp_path) == []


def test_cancel_keeps_an_existing_file_intact(tmp_path):
    path = tmp_path / "out.xlsx"
    export_xlsx(path, "Old", ["N"], [(1,), (2,)])
    before = path.read_bytes()
    with pytest.raises(BooksError, match="export cancelled"):
        export_xlsx(path, "New", ["N"], ((i,) for i in range(10_000)),
                    cancelled=lambda: True)
    assert path.read_bytes() == before
    assert _leftovers(tmp_path) == ["out.xlsx"]


def test_failing_rows_leave_the_existing_file_and_no_temp(tmp_path):
    path = tmp_path / "out.xlsx"
    export_xlsx(path, "Old", ["N"], [(1,)])
    before = path.read_bytes()

    def rows():
        yield (1,)
        raise RuntimeError("the database went away")

    with pytest.raises(RuntimeError):
        export_xlsx(path, "New", ["N"], rows())
    with pytest.raises(BooksError, match="3 values for 1 columns"):
        export_xlsx(path, "New", ["N"], [(1, 2, 3)])
    assert path.read_bytes() == before
    assert _leftovers(tmp_path) == ["out.xlsx"]


def test_replaces_an_existing_file_when_done(tmp_path):
    path = tmp_path / "out.xlsx"
    export_xlsx(path, "Old", ["N"], [(1,)])
    export_xlsx(path, "New", ["N"], [(2,), (3,)])
    assert _read(path) == [["N"], [2], [3]]
    assert _leftovers(tmp_path) == ["out.xlsx"]


def test_missing_folder_is_a_clear_error(tmp_path):
    with pytest.raises(BooksError, match="does not exist"):
        export_xlsx(tmp_path / "nope" / "x.xlsx", "X", ["N"], [])


@pytest.mark.slow
def test_hundred_thousand_rows(tmp_path):
    """Streams: the rows are never all in memory (write-only workbook)."""
    try:
        import resource
    except ImportError:      # Windows
        resource = None

    def peak_mib():
        if resource is None:
            return 0.0
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024   # KiB on Linux

    path = tmp_path / "big.xlsx"

    def rows():
        for i in range(100_000):
            yield (f"SKU{i:06d}", f"商品 {i}", qty_cell(i * 250), money_cell(i * 7 + 5),
                   dt.date(2024, 1, 1) + dt.timedelta(days=i % 365))

    before = peak_mib()
    started = time.perf_counter()
    n = export_xlsx(path, "Big", ["SKU", "Name", "On hand", "Price", "Day"], rows(),
                    numeric_formats={2: QTY_FORMAT, 3: MONEY_FORMAT})
    took = time.perf_counter() - started
    grew = peak_mib() - before
    assert n == 100_000
    assert grew < 100, f"peak memory grew by {grew:.0f} MiB"
    got = _read(path)
    assert len(got) == 100_001
    assert got[-1] == ["SKU099999", "商品 99999", 24999.75, 6999.98, dt.date(2024, 12, 20)]
    print(f"\n100,000 rows exported in {took:.1f} s, peak memory grew {grew:.0f} MiB, "
          f"{path.stat().st_size / 2**20:.1f} MiB on disk")
