"""Drawing one label: its fields laid out in their boxes, as PDF operators.

A label is drawn once per distinct content (desktop.printing.labels puts it
in a Form XObject and places copies of it), so this is the hot path of a
label run with many different products. Text goes out as literal text
operators in the embedded CJK font (its subsets as reportlab assigns them),
measured with per-character widths: reportlab's drawString costs several
times more per line, and a label has five or six lines.
"""
from __future__ import annotations

from dataclasses import dataclass

from reportlab.pdfbase import pdfmetrics
from reportlab.lib.rl_accel import escapePDF

from db.errors import BooksError
from db.labels import LabelItem
from db.money import money_str
from desktop.printing import barcodes
from desktop.printing.fonts import cjk_font
from desktop.printing.label_templates import Field, LabelTemplate
from desktop.printing.receipt import _lang

MM = barcodes.MM
LEADING = 1.15          # line height / font size

TEXT = {
    "zh_CN": {"price": "售价", "unit": "单位", "sku": "货号", "batch": "批号",
              "expiry": "有效期至", "title": "商品标签"},
    "en": {"price": "Price", "unit": "Unit", "sku": "SKU", "batch": "Batch",
           "expiry": "Exp.", "title": "Labels"},
}


@dataclass(frozen=True)
class Placement:
    """Where a label's barcode is drawn (label coordinates, points)."""
    symbol: barcodes.Symbol
    dots: int              # printer dots per module
    dpi: int
    x: float               # left edge of the left quiet zone, a whole number of dots
    y: float               # bottom of the field
    width: float           # quiet zones included
    height: float

    @property
    def module(self) -> float:
        return self.dots * barcodes.dot(self.dpi)


def barcode_placement(template: LabelTemplate, field: Field, code: str, dpi: int,
                      what: str = "") -> Placement:
    """The barcode of code in this field: the widest whole-dot module at which
    the symbol and its quiet zones fit, centred on the dot grid. BooksError
    when it does not fit even at the narrowest module."""
    symbol = barcodes.encode(code)
    d = barcodes.dot(dpi)
    left, right = field.x * MM, (field.x + field.w) * MM
    dots = barcodes.fit_dots(symbol, right - left, dpi)
    if not dots:
        raise BooksError(f"label template '{template.name}': the {symbol.symbology} barcode "
                         f"{code}{what} is too long for its {field.w:g} mm field at {dpi} dpi")
    first, last = -int(-left / d // 1), int(right / d)       # whole dots inside the field
    width_dots = symbol.total_modules * dots
    start = first + (last - first - width_dots) // 2
    bottom = (template.height - field.y - field.h) * MM
    return Placement(symbol, dots, dpi, start * d, bottom, width_dots * d, field.h * MM)


class TextOps:
    """Text in the CJK font as PDF operators, for one document (reportlab
    numbers the font's subsets per document)."""

    def __init__(self, canvas):
        self.font = pdfmetrics.getFont(cjk_font())
        self.doc = canvas._doc
        self.widths: dict[str, float] = {}
        self.encoded: dict[str, str] = {}

    def char(self, ch: str) -> float:
        """A character's width at size 1."""
        cw = self.widths.get(ch)
        if cw is None:
            cw = self.widths[ch] = pdfmetrics.stringWidth(ch, self.font.fontName, 1000) / 1000
        return cw

    def width(self, text: str, size: float) -> float:
        cache = self.widths
        try:
            return sum([cache[ch] for ch in text]) * size
        except KeyError:
            return sum(self.char(ch) for ch in text) * size

    def _runs(self, text: str) -> list[tuple[str, str]]:
        return [(self.font.getSubsetInternalName(subset, self.doc),
                 escapePDF(chunk)) for subset, chunk in self.font.splitString(text, self.doc)]

    def op(self, text: str, size: float, x: float, y: float, char_space: float = 0.0,
           mode: int = 0) -> str:
        """One line from (x, y), the baseline's left end. mode 2: filled and
        stroked (bold: the font has one weight)."""
        key = f"{size:.2f}\x00{text}"
        body = self.encoded.get(key)
        if body is None:
            body = self.encoded[key] = " ".join(f"{name} {size:.2f} Tf ({chunk}) Tj"
                                                for name, chunk in self._runs(text))
        return f"BT {char_space:.3f} Tc {mode} Tr {x:.2f} {y:.2f} Td {body} ET"


def fit_lines(text: str, size: float, width: float, char_width, lines: int) -> list[str]:
    """text in at most lines lines of width points (between Chinese characters,
    between Latin words); what does not fit ends in an ellipsis. char_width(ch)
    is a character's width at size 1."""
    out: list[str] = []
    line, used = "", 0.0
    room = width / size
    for ch in " ".join(text.split()):
        cw = char_width(ch)
        if not line or used + cw <= room:
            line, used = line + ch, used + cw
            continue
        cut = line.rfind(" ")
        if ch != " " and ch.isascii() and line[-1].isascii() and cut > 0:
            out.append(line[:cut])
            line = line[cut + 1:] + ch
        else:
            out.append(line.rstrip())
            line = ch.lstrip()
        used = sum(char_width(c) for c in line)
        if len(out) == lines:
            last = out[-1]
            ellipsis = char_width("…")
            while last and sum(char_width(c) for c in last) + ellipsis > room:
                last = last[:-1]
            out[-1] = last.rstrip() + "…"
            return out
    out.append(line)
    return out


class Painter:
    """The PDF operators of one label (label coordinates: origin bottom-left, points)."""

    def __init__(self, template: LabelTemplate, text: TextOps, *, language: str, dpi: int,
                 shop: str):
        self.t = template
        self.L = TEXT[_lang(language)]
        self.dpi = dpi
        self.shop = shop
        self.text = text

    def _line(self, f: Field, line: str, size: float, baseline: float, width: float) -> str:
        x = f.x * MM
        if f.align == "center":
            x += (f.w * MM - width) / 2
        elif f.align == "right":
            x += f.w * MM - width
        return self.text.op(line, size, x, baseline, mode=2 if f.bold else 0)

    def lines(self, f: Field, text: str) -> list[str]:
        if not text:
            return []
        measure = self.text.width
        size, room = f.size, f.w * MM
        if f.lines == 1 and measure(text, size) > room:      # shrink a little first
            size = max(size * 0.8, room / measure(text, 1))
        lines = fit_lines(text, size, room, self.text.char, f.lines)
        step = size * LEADING
        top = (self.t.height - f.y) * MM
        first = top - (f.h * MM - len(lines) * step) / 2 - step / 2 - 0.3 * size
        ops = [f"{size * 0.04:.3f} w"] if f.bold else []
        ops += [self._line(f, line, size, first - i * step, measure(line, size))
                for i, line in enumerate(lines)]
        return ops

    def price(self, f: Field, fen: int) -> list[str]:
        """'售价 ¥12.50': the word small, the amount large; shrunk to fit, never cut."""
        word, amount = self.L["price"] + " ", "¥" + money_str(fen)
        size = f.size
        small = size * 0.5
        need = self.text.width(word, small) + self.text.width(amount, size)
        if need > f.w * MM:
            size, small = size * f.w * MM / need, small * f.w * MM / need
            need = f.w * MM
        x = f.x * MM
        if f.align == "center":
            x += (f.w * MM - need) / 2
        elif f.align == "right":
            x += f.w * MM - need
        baseline = (self.t.height - f.y - f.h / 2) * MM - 0.3 * size
        return [f"{size * 0.04:.3f} w", self.text.op(word, small, x, baseline),
                self.text.op(amount, size, x + self.text.width(word, small), baseline,
                             mode=2 if f.bold else 0)]

    def barcode(self, f: Field, item: LabelItem) -> list[str]:
        p = barcode_placement(self.t, f, item.code, self.dpi, f" of {item.sku}")
        return barcodes.symbol_ops(p.symbol, p.x, p.y, p.dots, self.dpi, p.height,
                                   self.text.op, self.text.width)

    def ops(self, item: LabelItem) -> str:
        L = self.L
        out = ["0 g 0 G"]
        for f in self.t.fields:
            kind = f.field
            if kind == "barcode":
                out += self.barcode(f, item)
            elif kind == "price":
                out += self.price(f, item.price)
            elif kind == "name":
                out += self.lines(f, item.name)
            elif kind == "unit":
                out += self.lines(f, f"{L['unit']}: {item.unit}" if item.unit else "")
            elif kind == "sku":
                out += self.lines(f, f"{L['sku']} {item.sku}")
            elif kind == "batch":
                out += self.lines(f, f"{L['batch']} {item.batch}" if item.batch else "")
            elif kind == "expiry":
                out += self.lines(f, f"{L['expiry']} {item.expiry:%Y-%m-%d}"
                                  if item.expiry else "")
            elif kind == "shop":
                out += self.lines(f, self.shop)
        return " ".join(out)
