"""Label templates: the size of a label, how labels sit on the page, and the
fields placed on each (no Qt, no reportlab: the books store and check them).

A template is written as JSON (what the owner saves in label_templates.spec;
the built-in ones below are written the same way):

    {"size": [50, 30],                 label width and height, mm
     "page": "roll",                   "roll" (one label a page) or "A4"
     "grid": [3, 8], "margin": [0, 4.5], "gap": [0, 0],    A4 only: columns x rows,
                                       the first label's left/top offset, gaps (mm)
     "base": "roll-50x30",             optional: a built-in to copy what is not given
     "fields": [{"field": "name", "box": [2, 1, 46, 6.2], "size": 7.5, "lines": 2,
                 "align": "left", "bold": false}, ...]}

Fields: name, price, unit, sku, barcode, batch, expiry, shop. A box is
[x, y, width, height] in mm from the label's top-left corner; size is the
font size in points (the barcode's digits are sized from its module).
"""
from __future__ import annotations

import json
import math
from dataclasses import dataclass

from db.errors import BooksError

FIELDS = ("name", "price", "unit", "sku", "barcode", "batch", "expiry", "shop")
ALIGNS = ("left", "center", "right")
PAGES = {"roll": None, "A4": (210.0, 297.0)}
MIN_BARCODE_BOX = (15.0, 5.0)          # mm: a barcode field at least this wide and tall


@dataclass(frozen=True)
class Field:
    field: str
    x: float            # mm from the label's left edge
    y: float            # mm from the label's top edge
    w: float
    h: float
    size: float = 8.0   # points
    lines: int = 1
    align: str = "left"
    bold: bool = False


@dataclass(frozen=True)
class LabelTemplate:
    name: str
    width: float                  # one label, mm
    height: float
    page: str                     # "roll" | "A4"
    columns: int
    rows: int
    left: float                   # mm: the first label's top-left corner on the page
    top: float
    gap_x: float
    gap_y: float
    fields: tuple[Field, ...]
    builtin: bool = False

    @property
    def page_size(self) -> tuple[float, float]:
        """Page width and height in mm."""
        return PAGES[self.page] or (self.width, self.height)

    @property
    def per_page(self) -> int:
        return self.columns * self.rows

    def cell(self, index: int) -> tuple[float, float]:
        """Top-left corner (mm from the page's top-left) of the index-th label
        on a page, row by row."""
        row, col = divmod(index, self.columns)
        return (self.left + col * (self.width + self.gap_x),
                self.top + row * (self.height + self.gap_y))

    @property
    def size_text(self) -> str:
        return f"{_num(self.width)}x{_num(self.height)} mm"

    @property
    def layout_text(self) -> str:
        if self.page == "roll":
            return "roll, one label a page"
        return f"{self.page} sheet {self.columns}x{self.rows} ({self.per_page} a sheet)"

    def spec(self) -> dict:
        """The JSON form (as stored and as --json lists it)."""
        out: dict = {"size": [self.width, self.height], "page": self.page}
        if self.page != "roll":
            out.update(grid=[self.columns, self.rows], margin=[self.left, self.top],
                       gap=[self.gap_x, self.gap_y])
        out["fields"] = [{"field": f.field, "box": [f.x, f.y, f.w, f.h], "size": f.size,
                          "lines": f.lines, "align": f.align, "bold": f.bold}
                         for f in self.fields]
        return out


def _num(v: float) -> str:
    return f"{v:g}"


# ---------------------------------------------------------------- checking a spec

class _Check:
    def __init__(self, name: str):
        self.name = name

    def fail(self, what: str):
        raise BooksError(f"label template '{self.name}': {what}")

    def number(self, value, what: str, low: float, high: float) -> float:
        if isinstance(value, bool) or not isinstance(value, (int, float, str)):
            self.fail(f"{what} must be a number, not {json.dumps(value, ensure_ascii=False)}")
        try:
            v = float(value)
        except ValueError:
            self.fail(f"{what} '{value}' is not a number")
        if not math.isfinite(v) or not low <= v <= high:
            self.fail(f"{what} is {value}: it must be from {_num(low)} to {_num(high)}")
        return v

    def pair(self, value, what: str, low: float, high: float, *, whole=False):
        if not isinstance(value, (list, tuple)) or len(value) != 2:
            self.fail(f"{what} must be two numbers, such as [3, 8]")
        a, b = (self.number(v, what, low, high) for v in value)
        if whole and (a != int(a) or b != int(b)):
            self.fail(f"{what} must be whole numbers, not {value}")
        return (int(a), int(b)) if whole else (a, b)


def check_name(name: str) -> str:
    name = (name or "").strip()
    if not name:
        raise BooksError("a label template needs a name")
    if len(name) > 64:
        raise BooksError(f"label template name '{name}' is longer than 64 characters")
    if any(ch.isspace() for ch in name) or not name.isprintable():
        raise BooksError(f"label template name '{name}': no spaces (use - or _)")
    return name


def parse_spec(name: str, spec, *, builtin: bool = False) -> LabelTemplate:
    """The template a JSON spec (text or dict) describes; BooksError names the
    template and what is wrong with it."""
    name = check_name(name)
    ck = _Check(name)
    if isinstance(spec, (str, bytes)):
        try:
            spec = json.loads(spec)
        except ValueError as exc:
            ck.fail(f"the spec is not JSON ({exc})")
    if not isinstance(spec, dict):
        ck.fail("the spec must be a JSON object")
    unknown = sorted(set(spec) - {"size", "page", "grid", "margin", "gap", "fields", "base"})
    if unknown:
        ck.fail(f"unknown key '{unknown[0]}' (size, page, grid, margin, gap, fields, base)")
    if "base" in spec:
        base = BUILTIN.get(str(spec["base"]))
        if base is None:
            ck.fail(f"base '{spec['base']}' is not a built-in template "
                    f"({', '.join(BUILTIN)})")
        spec = {**base.spec(), **{k: v for k, v in spec.items() if k != "base"}}
    page = spec.get("page", "roll")
    if page not in PAGES:
        ck.fail(f"page '{page}' must be 'roll' or 'A4'")
    if "size" not in spec:
        ck.fail("the label's size is missing: \"size\": [width, height] in mm")
    width, height = ck.pair(spec["size"], "size", 10, 200)
    if page == "roll":
        columns = rows = 1
        left = top = gap_x = gap_y = 0.0
    else:
        pw, ph = PAGES[page]
        columns, rows = ck.pair(spec.get("grid", [1, 1]), "grid", 1, 30, whole=True)
        left, top = ck.pair(spec.get("margin", [0, 0]), "margin", 0, 100)
        gap_x, gap_y = ck.pair(spec.get("gap", [0, 0]), "gap", 0, 50)
        across = left + columns * width + (columns - 1) * gap_x
        down = top + rows * height + (rows - 1) * gap_y
        if across > pw + 1e-6:
            ck.fail(f"{columns} labels across need {_num(round(across, 2))} mm: "
                    f"the {page} page is {_num(pw)} mm wide")
        if down > ph + 1e-6:
            ck.fail(f"{rows} rows need {_num(round(down, 2))} mm: "
                    f"the {page} page is {_num(ph)} mm tall")
    fields = _fields(ck, spec.get("fields"), width, height)
    return LabelTemplate(name, width, height, page, columns, rows, left, top, gap_x, gap_y,
                         fields, builtin)


def _fields(ck: _Check, raw, width: float, height: float) -> tuple[Field, ...]:
    if not isinstance(raw, list) or not raw:
        ck.fail("no fields: \"fields\": [{\"field\": \"name\", \"box\": [x, y, w, h]}, ...]")
    out: list[Field] = []
    for i, f in enumerate(raw, 1):
        if not isinstance(f, dict):
            ck.fail(f"field {i} must be an object such as {{\"field\": \"name\", ...}}")
        kind = f.get("field")
        what = f"field {i} ({kind})"
        if kind not in FIELDS:
            ck.fail(f"field {i}: '{kind}' is not a field ({', '.join(FIELDS)})")
        extra = sorted(set(f) - {"field", "box", "size", "lines", "align", "bold"})
        if extra:
            ck.fail(f"{what}: unknown key '{extra[0]}' (box, size, lines, align, bold)")
        box = f.get("box")
        if not isinstance(box, (list, tuple)) or len(box) != 4:
            ck.fail(f"{what}: box must be [x, y, width, height] in mm")
        x, y = (ck.number(v, f"{what} box", 0, 200) for v in box[:2])
        w, h = (ck.number(v, f"{what} box", 0.5, 200) for v in box[2:])
        if x + w > width + 1e-6:
            ck.fail(f"{what} runs past the label's right edge "
                    f"({_num(x)} + {_num(w)} > {_num(width)} mm)")
        if y + h > height + 1e-6:
            ck.fail(f"{what} runs past the label's bottom edge "
                    f"({_num(y)} + {_num(h)} > {_num(height)} mm)")
        if kind == "barcode" and (w < MIN_BARCODE_BOX[0] or h < MIN_BARCODE_BOX[1]):
            ck.fail(f"{what}: a barcode needs a box of at least "
                    f"{_num(MIN_BARCODE_BOX[0])} x {_num(MIN_BARCODE_BOX[1])} mm")
        size = ck.number(f.get("size", 8), f"{what} size", 3, 72)
        lines = f.get("lines", 1)
        if isinstance(lines, bool) or not isinstance(lines, int) or not 1 <= lines <= 6:
            ck.fail(f"{what}: lines must be a whole number from 1 to 6, not {lines}")
        align = f.get("align", "left")
        if align not in ALIGNS:
            ck.fail(f"{what}: align '{align}' must be left, center or right")
        bold = f.get("bold", False)
        if not isinstance(bold, bool):
            ck.fail(f"{what}: bold must be true or false")
        if kind != "barcode" and lines * size * 1.15 > h * 72 / 25.4 + 0.5:
            ck.fail(f"{what}: {lines} line(s) of {_num(size)} pt need "
                    f"{_num(round(lines * size * 1.15 * 25.4 / 72, 1))} mm, the box is "
                    f"{_num(h)} mm tall")
        out.append(Field(kind, x, y, w, h, size, lines, align, bold))
    if sum(f.field == "barcode" for f in out) > 1:
        ck.fail("a label has one barcode field at most")
    for i, a in enumerate(out):
        for j in range(i + 1, len(out)):
            b = out[j]
            if (a.x < b.x + b.w - 1e-6 and b.x < a.x + a.w - 1e-6
                    and a.y < b.y + b.h - 1e-6 and b.y < a.y + a.h - 1e-6):
                ck.fail(f"fields {i + 1} ({a.field}) and {j + 1} ({b.field}) overlap")
    return tuple(out)


# ---------------------------------------------------------------- the built-in templates

def _f(field: str, x, y, w, h, size=8.0, **kw) -> dict:
    return {"field": field, "box": [x, y, w, h], "size": size, **kw}


_BUILTIN_SPECS = {
    "roll-40x30": {"size": [40, 30], "page": "roll", "fields": [
        _f("name", 1.5, 1.0, 37, 6.2, 7, lines=2),
        _f("price", 1.5, 7.4, 24, 5.4, 12, bold=True),
        _f("unit", 25.5, 7.4, 13, 5.4, 6, align="right"),
        _f("barcode", 1.5, 13.0, 37, 15.8)]},
    "roll-50x30": {"size": [50, 30], "page": "roll", "fields": [
        _f("name", 2, 1.0, 46, 6.2, 7.5, lines=2),
        _f("price", 2, 7.4, 28, 5.6, 13, bold=True),
        _f("unit", 30, 7.4, 18, 5.6, 6.5, align="right"),
        _f("barcode", 2, 13.0, 46, 13.4),
        _f("sku", 2, 27.0, 22, 2.6, 5.5),
        _f("shop", 24, 27.0, 24, 2.6, 5.5, align="right")]},
    "roll-60x40": {"size": [60, 40], "page": "roll", "fields": [
        _f("shop", 2, 1.0, 56, 3.2, 6.5, align="center"),
        _f("name", 2, 4.4, 56, 7.4, 8.5, lines=2),
        _f("price", 2, 12.0, 34, 7.0, 16, bold=True),
        _f("unit", 36, 12.0, 22, 3.4, 7, align="right"),
        _f("sku", 36, 15.6, 22, 3.4, 7, align="right"),
        _f("batch", 2, 19.4, 28, 3.0, 6),
        _f("expiry", 30, 19.4, 28, 3.0, 6, align="right"),
        _f("barcode", 2, 22.8, 56, 16.0)]},
    "a4-3x8": {"size": [70, 36], "page": "A4", "grid": [3, 8], "margin": [0, 4.5],
               "gap": [0, 0], "fields": [
        _f("name", 4, 2.5, 62, 7.2, 8.5, lines=2),
        _f("price", 4, 10.2, 30, 6.4, 15, bold=True),
        _f("unit", 34, 10.2, 32, 3.1, 7, align="right"),
        _f("sku", 34, 13.4, 32, 3.1, 7, align="right"),
        _f("batch", 4, 17.0, 31, 3.0, 6.5),
        _f("expiry", 35, 17.0, 31, 3.0, 6.5, align="right"),
        _f("barcode", 4, 20.4, 62, 14.0)]},
    "a4-4x10": {"size": [48.5, 25.4], "page": "A4", "grid": [4, 10], "margin": [8, 21.5],
                "gap": [0, 0], "fields": [
        _f("name", 2.5, 1.4, 43.5, 5.8, 7, lines=2),
        _f("price", 2.5, 7.4, 26, 5.0, 11, bold=True),
        _f("unit", 28.5, 7.4, 17.5, 5.0, 6, align="right"),
        _f("barcode", 2.5, 12.6, 43.5, 11.6)]},
    "a4-5x13": {"size": [38.1, 21.2], "page": "A4", "grid": [5, 13], "margin": [4.75, 10.7],
                "gap": [2.5, 0], "fields": [
        _f("name", 1.8, 1.0, 34.5, 3.2, 6.5),
        _f("price", 1.8, 4.4, 22, 4.4, 10, bold=True),
        _f("unit", 23.8, 4.4, 12.5, 4.4, 5.5, align="right"),
        _f("barcode", 1.8, 9.0, 34.5, 11.4)]},
}

BUILTIN: dict[str, LabelTemplate] = {}
for _name, _spec in _BUILTIN_SPECS.items():
    BUILTIN[_name] = parse_spec(_name, _spec, builtin=True)
DEFAULT_TEMPLATE = "roll-40x30"
