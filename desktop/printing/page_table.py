"""The table of an A4 / A5 document (desktop.printing.page): columns fixed,
shared by weight or as wide as their cells; cells that wrap (between
Chinese characters, between Latin words) or shrink to fit; group headings
across the row; rows drawn on the canvas at a given top-left.

A Table is laid out once (widths, wrapped lines, row heights) when it is
made; the page flows its rows and draws each where it lands.
"""
from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from desktop.printing.fonts import text_width
from desktop.printing.roll import wrap

LEADING = 1.3            # line height / font size
PAD = 2.2                # points above and below the text of a row
CELL = 3.0               # points of room left and right inside a cell
GREY = (0.9, 0.9, 0.9)
RULE = (0.72, 0.72, 0.72)


@dataclass(frozen=True)
class Column:
    title: str
    width: float | None = None   # points; None shares what the others leave (by weight)
    align: str = "left"          # left | right | center
    wrap: bool = False           # long text wraps within the column (else it is shrunk)
    auto: bool = False           # as wide as its widest cell
    weight: float = 1.0
    min_width: float = 0         # points, for an auto column
    box: bool = False            # ruled left and right: a space to write in


def figures(title: str, min_mm: float = 16) -> Column:
    """A right-aligned column of amounts or quantities, as wide as they need."""
    return Column(title, align="right", auto=True, min_width=min_mm * mm)


@dataclass(frozen=True)
class Span:
    """A row across every column: a group's heading. Kept with the row after it."""
    text: str


class Row:
    __slots__ = ("cells", "height", "bold", "span")

    def __init__(self, cells, height, bold=False, span=False):
        self.cells, self.height, self.bold, self.span = cells, height, bold, span


class Table:
    def __init__(self, font: str, size: float, width: float, columns: list[Column], rows: list,
                 bold: set[int], carry, min_height: float):
        self.font, self.size, self.content_width, self.carry = font, size, width, carry
        self.min_height = min_height
        self.columns = columns
        self.widths = self._widths(columns, rows)
        self.x = [sum(self.widths[:i]) for i in range(len(columns))]
        self.header = self.row([c.title for c in columns], bold=True, wrap_all=True)
        self.rows = [Row([r.text], self.line + 2 * PAD, True, True) if isinstance(r, Span)
                     else self.row(r, bold=i in bold) for i, r in enumerate(rows)]

    @property
    def line(self) -> float:
        return self.size * LEADING

    def _widths(self, columns: list[Column], rows: list) -> list[float]:
        widths: list[float | None] = []
        for i, c in enumerate(columns):
            if c.auto:
                cells = [r[i] for r in rows if not isinstance(r, Span)]
                longest = max(cells + [c.title], key=len)    # cheap: measure the few longest
                near = [t for t in set(cells + [c.title]) if len(t) >= len(longest) - 2]
                fit = max(text_width(t, self.size) for t in near) + 2 * CELL + 1
                # a freak cell (a 60-character SKU) shrinks rather than crowd out the rest
                widths.append(min(max(fit, c.min_width), self.content_width * 0.3))
            else:
                widths.append(c.width)
        room = self.content_width - sum(w for w in widths if w is not None)
        weights = sum(c.weight for c, w in zip(columns, widths) if w is None)
        return [w if w is not None else max(room, 0) * c.weight / weights
                for c, w in zip(columns, widths)]

    def row(self, cells: list[str], *, bold: bool = False, wrap_all: bool = False) -> Row:
        """cells laid into their columns: wrapped where the column wraps."""
        laid, lines = [], 1
        for c, w, text in zip(self.columns, self.widths, cells):
            text = text or ""
            room = w - 2 * CELL
            if (c.wrap or wrap_all) and text_width(text, self.size) > room:
                parts = wrap(text, self.size, room)
                laid.append(parts)
                lines = max(lines, len(parts))
            else:
                laid.append(text)
        return Row(laid, max(lines * self.line + 2 * PAD, self.min_height), bold)

    def draw(self, c: Canvas, row: Row, left: float, top: float, *, header=False) -> None:
        size, width = self.size, sum(self.widths)
        if header:
            c.setFillColorRGB(*GREY)
            c.rect(left, top - row.height, width, row.height, stroke=0, fill=1)
            c.setFillColorRGB(0, 0, 0)
        c.setFont(self.font, size)
        mode = 2 if row.bold else 0
        if row.bold:
            c.setLineWidth(size * 0.04)
        base = top - PAD - size * 0.95
        if row.span:
            c.drawString(left + CELL, base, row.cells[0], mode=mode)
        else:
            for col, x, w, text in zip(self.columns, self.x, self.widths, row.cells):
                if isinstance(text, list):
                    for k, part in enumerate(text):
                        self._text(c, col, left + x, w, base - k * self.line, part, mode, size)
                elif text:
                    self._text(c, col, left + x, w, base, text, mode, size)
        c.setLineWidth(0.8 if header else 0.3)
        c.setStrokeColorRGB(*((0, 0, 0) if header else RULE))
        c.line(left, top - row.height, left + width, top - row.height)
        if not row.span:
            for col, x, w in zip(self.columns, self.x, self.widths):
                if col.box:
                    c.line(left + x, top, left + x, top - row.height)
                    c.line(left + x + w, top, left + x + w, top - row.height)
        if header:
            c.line(left, top, left + width, top)
        c.setStrokeColorRGB(0, 0, 0)

    @staticmethod
    def _text(c: Canvas, col: Column, x: float, w: float, y: float, text: str, mode: int,
              size: float) -> None:
        tw = text_width(text, size)
        if tw > w - 2 * CELL:                        # a cell that does not wrap: shrink it
            c.setFont(c._fontname, size * (w - 2 * CELL) / tw)
        if col.align == "right":
            c.drawRightString(x + w - CELL, y, text, mode=mode)
        elif col.align == "center":
            c.drawCentredString(x + w / 2, y, text, mode=mode)
        else:
            c.drawString(x + CELL, y, text, mode=mode)
        if tw > w - 2 * CELL:
            c.setFont(c._fontname, size)
