"""Barcodes: python-barcode encodes, reportlab draws the bars as rectangles.

python-barcode gives the symbol as a module pattern ("1" bar, "0" space,
start and stop patterns and the check character included). The bars are
drawn at a module width of a whole number of printer dots (203 dpi: the
common thermal receipt and label printers; 300 dpi: the better label
printers and office printers), so every bar prints at the same width, each
symbology with its full quiet zones.

Two ways in:
  * the receipt's Code 128 (code128_modules, module_dots, draw_modules:
    203 dpi, QUIET_MODULES each side), used by desktop.printing.roll;
  * labels (encode, fit_dots, draw_symbol): EAN-13, EAN-8, UPC-A and
    Code 128 chosen by the code itself, at 203 or 300 dpi, with the
    human-readable digits under the bars in the usual EAN/UPC layout.
python-barcode quietly recomputes a wrong check digit; encode() checks it
first (db.codes) and refuses the code rather than print another one.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from barcode import EAN8, EAN13, UPCA, Code128
from barcode.errors import BarcodeError

from db.codes import gtin_check_digit
from db.errors import BooksError

PRINTER_DPI = 203
DOT = 72.0 / PRINTER_DPI          # one printer dot in points
QUIET_MODULES = 10                # each side (the receipt's Code 128)
DPIS = (203, 300)
MM = 72.0 / 25.4                  # points per millimetre

# modules of quiet zone (left, right) per symbology
QUIET = {"EAN-13": (11, 7), "EAN-8": (7, 7), "UPC-A": (9, 9), "Code 128": (10, 10)}


def code128_modules(text: str) -> str | None:
    """The Code 128 module pattern of text, or None if Code 128 cannot carry it
    (characters outside ASCII)."""
    try:
        return Code128(text).build()[0]
    except (BarcodeError, ValueError, KeyError, RuntimeError):
        return None


def symbol_modules(modules: str) -> int:
    """Width of a symbol in modules, quiet zones included."""
    return len(modules) + 2 * QUIET_MODULES


def module_dots(modules: str, room: float, max_dots: int = 3) -> int:
    """The widest whole number of dots per module (at most max_dots) at which
    the symbol and its quiet zones fit in room points; 0 if not even one does."""
    return min(max_dots, int(room / DOT + 1e-9) // symbol_modules(modules))


def draw_modules(canvas, x: float, y: float, modules: str, module_width: float,
                 height: float) -> None:
    """Bars of the pattern from x (the first module, after the quiet zone),
    bottom at y. Adjacent bar modules are drawn as one rectangle."""
    canvas.setFillColorRGB(0, 0, 0)
    for start, width in bar_runs(modules):
        canvas.rect(x + start * module_width, y, width * module_width, height, stroke=0, fill=1)


# ---------------------------------------------------------------- labels: any symbology

@dataclass(frozen=True)
class Symbol:
    """A code ready to draw. Module positions count from the first module of
    the symbol (after the left quiet zone); digits may sit in the quiet zones
    (negative start, or past the end)."""
    symbology: str                          # "EAN-13", "EAN-8", "UPC-A", "Code 128"
    text: str                               # the code, check digit included
    modules: str                            # "1" bar, "0" space
    quiet_left: int
    quiet_right: int
    guards: tuple[tuple[int, int], ...]     # [start, end) module ranges drawn long
    digits: tuple[tuple[str, float, float, float], ...]  # (text, start, end, relative size)

    @property
    def total_modules(self) -> int:
        """Width in modules, quiet zones included."""
        return self.quiet_left + len(self.modules) + self.quiet_right


def dot(dpi: int) -> float:
    """One printer dot in points."""
    if dpi not in DPIS:
        raise BooksError(f"printer resolution {dpi} dpi: labels print at 203 or 300 dpi")
    return 72.0 / dpi


def _gtin(code: str, kind: str, cls) -> str:
    if gtin_check_digit(code[:-1]) != int(code[-1]):
        raise BooksError(f"barcode {code}: wrong {kind} check digit "
                         f"(expected {gtin_check_digit(code[:-1])})")
    symbol = cls(code)
    full = symbol.get_fullcode()
    if full != code:      # python-barcode would have printed another number
        raise BooksError(f"barcode {code}: python-barcode encodes it as {full}")
    return symbol.build()[0]


@lru_cache(maxsize=8192)
def encode(code: str) -> Symbol:
    """The symbol a product's code prints as: 13 digits EAN-13, 12 UPC-A,
    8 EAN-8 (check digit verified, never corrected), anything else printable
    ASCII as Code 128. BooksError names the code when it cannot be printed."""
    code = (code or "").strip()
    if not code:
        raise BooksError("an empty barcode cannot be printed")
    if code.isdigit() and code.isascii() and len(code) == 13:
        m = _gtin(code, "EAN-13", EAN13)
        return Symbol("EAN-13", code, m, *QUIET["EAN-13"],
                      guards=((0, 3), (45, 50), (92, 95)),
                      digits=((code[0], -QUIET["EAN-13"][0], -1, 1.0),
                              (code[1:7], 3, 45, 1.0), (code[7:], 50, 92, 1.0)))
    if code.isdigit() and code.isascii() and len(code) == 12:
        m = _gtin(code, "UPC-A", UPCA)
        return Symbol("UPC-A", code, m, *QUIET["UPC-A"],
                      guards=((0, 10), (45, 50), (85, 95)),
                      digits=((code[0], -QUIET["UPC-A"][0], -1, 0.75),
                              (code[1:6], 10, 45, 1.0), (code[6:11], 50, 85, 1.0),
                              (code[11], 96, 95 + QUIET["UPC-A"][1], 0.75)))
    if code.isdigit() and code.isascii() and len(code) == 8:
        m = _gtin(code, "EAN-8", EAN8)
        return Symbol("EAN-8", code, m, *QUIET["EAN-8"],
                      guards=((0, 3), (31, 36), (64, 67)),
                      digits=((code[:4], 3, 31, 1.0), (code[4:], 36, 64, 1.0)))
    if not all(32 <= ord(ch) < 127 for ch in code):
        raise BooksError(f"barcode '{code}' has characters Code 128 cannot carry")
    m = code128_modules(code)
    if m is None:
        raise BooksError(f"barcode '{code}' cannot be encoded as Code 128")
    return Symbol("Code 128", code, m, *QUIET["Code 128"], guards=(),
                  digits=((code, 0, len(m), 1.0),))


def fit_dots(symbol: Symbol, room: float, dpi: int, *, max_module_mm: float = 0.40,
             min_module_mm: float = 0.12) -> int:
    """The widest whole number of printer dots per module at which the symbol
    and both its quiet zones fit in room points, the module no wider than
    max_module_mm (at least one dot); 0 when not even the narrowest module
    a scanner reads (min_module_mm) fits."""
    d = dot(dpi)
    fits = int(room / d + 1e-6) // symbol.total_modules
    cap = max(1, int(max_module_mm * MM / d + 1e-6))
    least = max(1, -int(-(min_module_mm * MM / d - 1e-6) // 1))   # ceil
    dots = min(fits, cap)
    return dots if dots >= least else 0


def bar_runs(modules: str) -> list[tuple[int, int]]:
    """(first module, width in modules) of each bar: adjacent bar modules as one."""
    runs = []
    start = None
    for i, m in enumerate(modules + "0"):
        if m != "0" and start is None:
            start = i
        elif m == "0" and start is not None:
            runs.append((start, i - start))
            start = None
    return runs


@lru_cache(maxsize=8192)
def _runs(modules: str) -> tuple[tuple[int, int], ...]:
    return tuple(bar_runs(modules))


@lru_cache(maxsize=64)
def _guard_modules(guards: tuple[tuple[int, int], ...]) -> frozenset[int]:
    return frozenset(i for a, b in guards for i in range(a, b))


def digit_size(symbol: Symbol, module: float, height: float) -> float:
    """Font size (points) of the human-readable text under the bars."""
    return max(4.0, min(8.0 * module, 0.28 * height, 9.0))


def symbol_width(symbol: Symbol, dots: int, dpi: int) -> float:
    """Width in points, quiet zones included."""
    return symbol.total_modules * dots * dot(dpi)


def symbol_ops(symbol: Symbol, x: float, y: float, dots: int, dpi: int, height: float,
               text_op, text_width) -> list[str]:
    """PDF operators drawing the symbol with its quiet zones from x (on the
    printer's dot grid: the caller places it), bottom of the human-readable
    text at y, height points in all. Bars are one path of rectangles; guard
    bars (EAN, UPC) reach down beside the digits; Code 128's text is centred
    under the bars. text_op(text, size, x, y, char_space) gives the operators
    of a line of text; text_width(text, size) measures it."""
    module = dots * dot(dpi)
    x0 = x + symbol.quiet_left * module           # the first module
    size = digit_size(symbol, module, height)
    bottom = y + size * 1.05                      # data bars stand above the digits
    guard_bottom = y + size * 0.45
    top = y + height
    long = _guard_modules(symbol.guards)
    tall, short = f"{guard_bottom:.3f} ", f"{bottom:.3f} "
    long_h, short_h = f" {top - guard_bottom:.3f} re", f" {top - bottom:.3f} re"
    ops = ["0 g"]
    ops += [f"{x0 + start * module:.3f} {tall}{width * module:.3f}{long_h}" if start in long
            else f"{x0 + start * module:.3f} {short}{width * module:.3f}{short_h}"
            for start, width in _runs(symbol.modules)]
    ops.append("f")
    base = y + size * 0.12
    for text, a, b, rel in symbol.digits:
        s = size * rel
        room = (b - a) * module
        natural = text_width(text, s)
        if len(text) > 1 and natural < room * 0.9 and symbol.symbology != "Code 128":
            space = (room * 0.9 - natural) / len(text)     # spread digits under their half
            left = x0 + a * module + (room - natural - space * (len(text) - 1)) / 2
            ops.append(text_op(text, s, left, base, space))
            continue
        widest = symbol.total_modules * module
        if natural > widest:                               # a long Code 128 caption
            s, natural = s * widest / natural, widest
        ops.append(text_op(text, s, x0 + (a + b) / 2 * module - natural / 2, base, 0.0))
    return ops
