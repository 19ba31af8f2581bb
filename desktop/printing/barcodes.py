"""Barcodes: python-barcode encodes, reportlab draws the bars as rectangles.

python-barcode gives the symbol as a module pattern ("1" bar, "0" space,
start and stop patterns and the check character included). The bars are
drawn at a module width of a whole number of printer dots (203 dpi: the
common thermal receipt and label printers), so every bar prints at the
same width, with a quiet zone of QUIET_MODULES on both sides.
"""
from __future__ import annotations

from barcode import Code128
from barcode.errors import BarcodeError

PRINTER_DPI = 203
DOT = 72.0 / PRINTER_DPI          # one printer dot in points
QUIET_MODULES = 10                # each side


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
    start = None
    for i, m in enumerate(modules + "0"):
        if m == "1" and start is None:
            start = i
        elif m != "1" and start is not None:
            canvas.rect(x + start * module_width, y, (i - start) * module_width, height,
                        stroke=0, fill=1)
            start = None
