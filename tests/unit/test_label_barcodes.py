"""Label barcodes: python-barcode's module patterns, drawn at a whole number of
printer dots with full quiet zones, on every built-in template, read back by
a real decoder.

Each template is rendered with pdftoppm at 203 and 300 dpi with labels of all
four symbologies (EAN-13, EAN-8, UPC-A, Code 128). For every label on the
page: zxing-cpp must decode exactly one barcode in its cell, with the
product's code; and a scanline through the bars must show the symbol's
module pattern at exactly `dots` pixels a module (pdftoppm's pixel is the
printer's dot), the quiet zones blank. No database here: see
tests/integration/test_labels.py for the books' side.
"""
from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess

import pytest

from db.errors import BooksError
from db.labels import LabelItem
from desktop.printing import barcodes
from desktop.printing.label_templates import BUILTIN, parse_spec
from desktop.printing.labels import labels_pdf, placements

MM = barcodes.MM
CODES = {"EAN-13": "6901234567892", "EAN-8": "96385074", "UPC-A": "036000291452",
         "Code 128": "SK-1004"}
ITEMS = [
    LabelItem("A1001", "海天金标生抽酱油 1.9L 特级酿造", "瓶", 1250, CODES["EAN-13"], 1,
              "B20261201", dt.date(2027, 6, 30)),
    LabelItem("A1002", "康师傅红烧牛肉面", "袋", 450, CODES["EAN-8"]),
    LabelItem("A1003", "Coca-Cola Classic 330ml", "罐", 300, CODES["UPC-A"]),
    LabelItem("SK-1004", "散装鸡蛋（称重）", "千克", 1390, CODES["Code 128"], 1, "B7",
              dt.date(2026, 12, 20)),
]


# ---------------------------------------------------------------- symbols

def test_symbols_come_from_python_barcode_with_their_quiet_zones():
    from barcode import EAN8, EAN13, UPCA, Code128
    expected = {"EAN-13": (EAN13, 95, (11, 7)), "EAN-8": (EAN8, 67, (7, 7)),
                "UPC-A": (UPCA, 95, (9, 9)), "Code 128": (Code128, None, (10, 10))}
    for kind, code in CODES.items():
        sym = barcodes.encode(code)
        cls, width, quiet = expected[kind]
        assert sym.symbology == kind and sym.text == code
        assert sym.modules == cls(code).build()[0]
        if width:
            assert len(sym.modules) == width
        assert (sym.quiet_left, sym.quiet_right) == quiet
        assert sym.total_modules == len(sym.modules) + sum(quiet)
    ean = barcodes.encode(CODES["EAN-13"])
    assert [d[0] for d in ean.digits] == ["6", "901234", "567892"]   # the usual EAN layout
    assert ean.digits[0][1] < 0                                      # first digit in the quiet zone
    assert barcodes.encode(CODES["UPC-A"]).guards[0] == (0, 10)      # first digit's bars long


@pytest.mark.parametrize("code, kind", [("6901234567891", "EAN-13"), ("96385075", "EAN-8"),
                                        ("036000291453", "UPC-A")])
def test_a_wrong_check_digit_is_refused_not_corrected(code, kind):
    with pytest.raises(BooksError, match=f"{code}: wrong {kind} check digit"):
        barcodes.encode(code)


def test_codes_code128_cannot_carry_are_refused():
    with pytest.raises(BooksError, match="Code 128 cannot carry"):
        barcodes.encode("条码1")
    with pytest.raises(BooksError, match="empty"):
        barcodes.encode(" ")


def test_module_is_a_whole_number_of_dots_and_the_quiet_zones_fit():
    for template in BUILTIN.values():
        field = next(f for f in template.fields if f.field == "barcode")
        for dpi in (203, 300):
            dot = 72 / dpi
            for p in placements(ITEMS, template, dpi):
                assert isinstance(p.dots, int) and p.dots >= 1
                assert p.module == pytest.approx(p.dots * dot)
                assert 0.12 <= p.module / MM <= 0.40 + 1e-9           # scanner-sized
                assert p.x / dot == pytest.approx(round(p.x / dot), abs=1e-6)   # on the grid
                assert p.width == pytest.approx(p.symbol.total_modules * p.dots * dot)
                assert p.x >= field.x * MM - 1e-6                     # quiet zones inside
                assert p.x + p.width <= (field.x + field.w) * MM + 1e-6
    with pytest.raises(BooksError, match="barcode 12345678901234567890ABCDEFGH of X1 is too long"):
        placements([LabelItem("X1", "x", "", 1, "12345678901234567890ABCDEFGH")],
                   BUILTIN["a4-5x13"], 300)
    with pytest.raises(BooksError, match="203 or 300"):
        barcodes.dot(600)


# ---------------------------------------------------------------- templates

def test_every_builtin_template_reads_back_from_its_spec():
    for name, t in BUILTIN.items():
        again = parse_spec(name, t.spec())
        assert again.spec() == t.spec() and again.per_page == t.per_page
    assert [t.per_page for t in BUILTIN.values()] == [1, 1, 1, 24, 40, 65]


@pytest.mark.parametrize("spec, message", [
    ({"size": [50, 30], "fields": [{"field": "colour", "box": [0, 0, 5, 5]}]},
     "field 1: 'colour' is not a field"),
    ({"size": [50, 30], "fields": [{"field": "name", "box": [40, 0, 20, 5]}]},
     "field 1 (name) runs past the label's right edge"),
    ({"size": [50, 30], "fields": [{"field": "name", "box": [0, 0, 30, 8]},
                                   {"field": "price", "box": [20, 4, 20, 8]}]},
     "fields 1 (name) and 2 (price) overlap"),
    ({"size": [70, 40], "page": "A4", "grid": [3, 8],
      "fields": [{"field": "name", "box": [0, 0, 30, 8]}]},
     "8 rows need 320 mm: the A4 page is 297 mm tall"),
    ({"size": [50, 30], "fields": [{"field": "barcode", "box": [0, 0, 10, 10]}]},
     "a barcode needs a box of at least 15 x 5 mm"),
    ({"size": [50, 30], "fields": [{"field": "name", "box": [0, 0, 30, 3], "size": 12}]},
     "1 line(s) of 12 pt need"),
    ({"base": "roll-99"}, "base 'roll-99' is not a built-in template"),
    ("{not json", "the spec is not JSON"),
])
def test_a_bad_template_is_refused_naming_what_is_wrong(spec, message):
    with pytest.raises(BooksError, match="^label template 'mine': .*" + re.escape(message)):
        parse_spec("mine", spec)


# ---------------------------------------------------------------- rasterised and decoded

def _render(pdf, dpi: int, out) -> list:
    from PIL import Image
    if shutil.which("pdftoppm") is None:
        pytest.skip("pdftoppm (poppler-utils) is not installed")
    subprocess.run(["pdftoppm", "-r", str(dpi), "-gray", "-png", str(pdf), str(out)], check=True)
    return [Image.open(p) for p in sorted(out.parent.glob(f"{out.name}-*.png"),
                                          key=lambda p: int(p.stem.rsplit("-", 1)[1]))]


def _decoded(image, code: str) -> bool:
    import zxingcpp
    found = zxingcpp.read_barcodes(image)
    texts = [r.text for r in found]
    # zxing-cpp reports a UPC-A as the EAN-13 it is (a leading 0)
    return texts == [code] or (len(code) == 12 and texts == ["0" + code])


def _scanline_modules(row: list[int], start: int, p) -> str:
    """The module pattern read off a row of pixels: one sample mid-module."""
    return "".join("1" if row[start + i * p.dots + p.dots // 2] < 128 else "0"
                   for i in range(len(p.symbol.modules)))


@pytest.mark.parametrize("dpi", [203, 300])
@pytest.mark.parametrize("name", list(BUILTIN))
def test_every_label_decodes_at_printer_resolution(name, dpi, tmp_path):
    pytest.importorskip("zxingcpp")
    t = BUILTIN[name]
    n = t.per_page if t.per_page > 1 else len(ITEMS)        # a full sheet, or one roll each
    items = [ITEMS[i % len(ITEMS)] for i in range(n)]
    written = labels_pdf(items, t, tmp_path / "labels.pdf", dpi=dpi, shop="街角小店")
    assert (written.labels, written.pages) == (n, 1 if t.per_page > 1 else n)
    pages = _render(written.path, dpi, tmp_path / "page")
    assert len(pages) == written.pages
    dot = 72 / dpi
    px = lambda pt: int(round(pt / dot))                     # noqa: E731
    read = 0
    for i, item in enumerate(items):
        page = pages[i // t.per_page].convert("L")
        x, y = t.cell(i % t.per_page)
        left, top = px(x * MM), px(y * MM)
        cell = page.crop((left, top, left + px(t.width * MM), top + px(t.height * MM)))
        assert _decoded(cell, item.code), f"{name} @ {dpi} dpi: label {i} ({item.code}) unread"
        read += 1
        (p,) = placements([item], t, dpi)
        # a row through the middle of the bars, in the page's pixels
        cell_bottom = round((t.page_size[1] * MM - (y + t.height) * MM) / dot) * dot
        size = barcodes.digit_size(p.symbol, p.module, p.height)
        mid = cell_bottom + p.y + (size * 1.05 + p.height) / 2
        row_y = int((t.page_size[1] * MM - mid) / dot)
        row = [page.getpixel((c, row_y)) for c in range(page.width)]
        sym_left = left + px(p.x)
        first = sym_left + p.symbol.quiet_left * p.dots
        last = first + len(p.symbol.modules) * p.dots
        assert _scanline_modules(row, first, p) == p.symbol.modules, f"{name} {dpi} {item.code}"
        assert min(row[sym_left:first]) >= 128, "left quiet zone not blank"
        assert min(row[last:last + p.symbol.quiet_right * p.dots]) >= 128, \
            "right quiet zone not blank"
        assert row[first - 1] >= 128 and row[first] < 128         # the first bar starts on a dot
        assert row[last - 1] < 128 and row[last] >= 128           # and the last ends on one
    assert read == written.labels


def test_copies_share_one_drawing_and_start_skips_used_cells(tmp_path):
    t = BUILTIN["a4-3x8"]
    items = [LabelItem(i.sku, i.name, i.unit, i.price, i.code, 10) for i in ITEMS]
    w = labels_pdf(items, t, tmp_path / "a.pdf", start=20)
    assert (w.labels, w.pages, w.distinct) == (40, 3, 4)     # 4 + 24 + 12 cells
    with pytest.raises(BooksError, match="start 24"):
        labels_pdf(items, t, tmp_path / "b.pdf", start=24)
    assert not (tmp_path / "b.pdf").exists()
    assert [p.name for p in tmp_path.iterdir()] == ["a.pdf"]  # no temporary file left
