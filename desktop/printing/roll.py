"""A document on roll paper: blocks stacked top to bottom, the page as tall as
they are. Receipts and shift slips are written with it.

Each call adds a block (its height is known when it is added); save() makes
a single page of the paper's width and the blocks' total height and draws
them. The PDF is written to a temporary file beside the target and moved
into place only when complete, so a reader never sees half a receipt.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from db.errors import BooksError
from desktop.printing import barcodes
from desktop.printing.atomic import atomic_file
from desktop.printing.fonts import cjk_font, text_width


@dataclass(frozen=True)
class Paper:
    width_mm: int        # the roll
    printable_mm: int    # what the print head reaches, centred on the roll
    body: float          # font sizes in points
    small: float
    large: float
    barcode_mm: float    # bar height


PAPERS = {
    80: Paper(80, 72, body=9, small=8, large=14, barcode_mm=10),
    58: Paper(58, 48, body=8, small=7, large=12, barcode_mm=8),
}
LEADING = 1.35           # line height / font size
MARGIN_TOP = 4 * mm
MARGIN_BOTTOM = 6 * mm   # room for the cutter
GAP = 2 * mm             # between columns

Draw = Callable[[Canvas, float, float], None]   # (canvas, left x, top y)


def paper(width_mm: int) -> Paper:
    try:
        return PAPERS[int(width_mm)]
    except (KeyError, TypeError, ValueError):
        raise BooksError(f"paper width {width_mm} mm: receipts print on "
                         f"{' or '.join(str(w) for w in sorted(PAPERS))} mm rolls") from None


def wrap(text: str, size: float, width: float) -> list[str]:
    """text broken into lines no wider than width: between any two Chinese
    characters, between words of Latin text (a word too long is cut)."""
    lines: list[str] = []
    for para in (text or "").split("\n"):
        line = ""
        for ch in para:
            if text_width(line + ch, size) <= width or not line:
                line += ch
                continue
            cut = line.rfind(" ")
            if ch != " " and cut > 0 and line[-1] != " " and ch.isascii() and line[-1].isascii():
                lines.append(line[:cut].rstrip())
                line = line[cut + 1:] + ch
            else:
                lines.append(line.rstrip())
                line = ch.lstrip()
        lines.append(line.rstrip())
    return lines


class Roll:
    """Blocks of text, columns, rules and barcodes on one roll-paper page."""

    def __init__(self, width_mm: int = 80):
        self.paper = paper(width_mm)
        self.page_width = self.paper.width_mm * mm
        self.width = self.paper.printable_mm * mm          # content width
        self.left = (self.page_width - self.width) / 2
        self.font = cjk_font()
        self._blocks: list[tuple[float, Draw]] = []

    # ------------------------------------------------------------ measuring
    def size(self, size: float | None) -> float:
        return self.paper.body if size is None else size

    def measure(self, text: str, size: float | None = None) -> float:
        return text_width(text, self.size(size))

    def column_widths(self, rows: list[list[str]], size: float | None = None) -> list[float]:
        """Widths of right-aligned columns that hold every row's cells, a gap each."""
        n = max((len(r) for r in rows), default=0)
        return [max((self.measure(r[i], size) for r in rows if i < len(r)), default=0) + GAP
                for i in range(n)]

    # ------------------------------------------------------------ blocks
    def _add(self, height: float, draw: Draw) -> None:
        self._blocks.append((height, draw))

    def _line(self, size: float, pieces: list[tuple[str, float, str]], *,
              bold: bool = False) -> None:
        """One line of text: pieces of (text, anchor x from the content's left,
        "left" | "center" | "right"). Bold is the outline stroked as well as filled
        (the font has one weight)."""
        height = size * LEADING
        font = self.font

        def draw(c: Canvas, x: float, top: float) -> None:
            c.setFont(font, size)
            c.setLineWidth(size * 0.045)
            y = top - (height - size) / 2 - size * 0.8
            mode = 2 if bold else 0
            for text, at, align in pieces:
                if align == "center":
                    c.drawCentredString(x + at, y, text, mode=mode)
                elif align == "right":
                    c.drawRightString(x + at, y, text, mode=mode)
                else:
                    c.drawString(x + at, y, text, mode=mode)
        self._add(height, draw)

    def space(self, points: float) -> None:
        self._add(points, lambda c, x, top: None)

    def text(self, text: str, *, size: float | None = None, align: str = "left",
             bold: bool = False) -> None:
        """Text wrapped to the width; align left, center or right."""
        size = self.size(size)
        at = {"center": self.width / 2, "right": self.width}.get(align, 0)
        for line in wrap(text, size, self.width):
            self._line(size, [(line, at, align)], bold=bold)

    def row(self, label: str, cells: list[str], widths: list[float], *,
            size: float | None = None, bold: bool = False) -> None:
        """label on the left, cells right-aligned in columns of these widths at
        the right edge. A label that does not fit beside the cells gets its
        own line(s) (wrapped to the full width) and the cells the line under it."""
        size = self.size(size)
        widths = widths[:len(cells)]
        edges = [self.width - sum(widths[i + 1:]) for i in range(len(widths))]
        pieces = [(text, edge, "right") for text, edge in zip(cells, edges)]
        if not label or self.measure(label, size) <= self.width - sum(widths):
            self._line(size, ([(label, 0, "left")] if label else []) + pieces, bold=bold)
            return
        self.text(label, size=size, bold=bold)
        self._line(size, pieces, bold=bold)

    def pair(self, label: str, value: str, *, size: float | None = None,
             bold: bool = False) -> None:
        """A label on the left and one value at the right edge."""
        size = self.size(size)
        self.row(label, [value], [self.measure(value, size) + GAP], size=size, bold=bold)

    def blank(self, label: str, *, above: float = 8 * mm) -> None:
        """A label and a line to the right edge, to be filled in by hand."""
        size = self.paper.body
        self.space(above)
        self._line(size, [(label, 0, "left")])
        start, width = self.measure(label) + 1 * mm, self.width

        def draw(c: Canvas, x: float, top: float) -> None:
            c.setLineWidth(0.6)
            c.line(x + start, top + size * 0.3, x + width, top + size * 0.3)
        self._add(0, draw)

    def rule(self, *, dashed: bool = True) -> None:
        width = self.width

        def draw(c: Canvas, x: float, top: float) -> None:
            c.setLineWidth(0.6)
            if dashed:
                c.setDash(2, 2)
            c.line(x, top - 2 * mm, x + width, top - 2 * mm)
            c.setDash()
        self._add(4 * mm, draw)

    def barcode(self, text: str, *, caption: bool = True) -> bool:
        """text as a centred Code 128 symbol (quiet zones inside the printable
        width, bars on the 203-dpi dot grid of the page), text under it.
        Returns False, and prints only the text, when text cannot be encoded
        or does not fit at one dot per module."""
        modules = barcodes.code128_modules(text)
        dots = barcodes.module_dots(modules, self.width) if modules else 0
        if dots:
            module = dots * barcodes.DOT
            total_dots = barcodes.symbol_modules(modules) * dots
            page_dots = int(self.page_width / barcodes.DOT)
            start = ((page_dots - total_dots) // 2 + barcodes.QUIET_MODULES * dots) * barcodes.DOT
            height = self.paper.barcode_mm * mm
            self.space(1 * mm)

            def draw(c: Canvas, x: float, top: float) -> None:
                barcodes.draw_modules(c, start, top - height, modules, module, height)
            self._add(height + 1 * mm, draw)
        if caption:
            self.text(text, align="center")
        return bool(dots)

    # ------------------------------------------------------------ output
    @property
    def height(self) -> float:
        return MARGIN_TOP + sum(h for h, _ in self._blocks) + MARGIN_BOTTOM

    def save(self, path: str | os.PathLike, *, title: str = "") -> Path:
        """Write the page to path (a temporary file beside it, then renamed)."""
        path = Path(path)
        with atomic_file(path) as tmp:
            c = Canvas(tmp, pagesize=(self.page_width, self.height), pageCompression=1,
                       initialFontName=self.font, initialFontSize=self.paper.body)
            c.setTitle(title)
            c.setCreator("Storekeeper")
            top = self.height - MARGIN_TOP
            for h, draw in self._blocks:
                draw(c, self.left, top)
                top -= h
            c.showPage()
            c.save()
        return path
