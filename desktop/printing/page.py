"""The A4 / A5 page every office document prints on (invoices, delivery notes,
purchase orders, statements, count sheets).

A Sheet collects what the document holds -- tables, text, totals,
signature lines -- and save() lays them out: the first page opens with the
shop's header (logo, name, address, phone), the title and the document's
number/date block; later pages with one running line. A table flows
across pages, its header row repeated on each, and may carry a value (a
running balance) from the foot of one page to the head of the next. Every
page ends with a footer and its number, "2/5".

Drawn on the reportlab canvas directly (no platypus): a 1,000-line
statement is laid out and written well inside a second. Written to a
temporary file beside the target and moved into place, as roll.py does.
"""
from __future__ import annotations

import base64
import io
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from reportlab.lib.pagesizes import A4, A5
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from db.errors import BooksError
from db.printdata import ShopInfo
from desktop.printing.atomic import atomic_file
from desktop.printing.fonts import cjk_font, text_width
from desktop.printing.page_table import CELL, LEADING, PAD, Column, Span, Table, figures
from desktop.printing.receipt import _lang
from desktop.printing.roll import wrap

__all__ = ["Column", "Span", "Sheet", "figures", "page_format", "logo_image"]

RED = (0.78, 0.1, 0.1)
WORDS = {"zh_CN": {"printed": "打印时间"}, "en": {"printed": "Printed"}}


@dataclass(frozen=True)
class Format:
    name: str
    width: float
    height: float
    margin: float
    body: float          # font sizes in points
    small: float
    title: float
    shop: float
    logo: float          # logo height


FORMATS = {"A4": Format("A4", *A4, margin=14 * mm, body=9, small=7.5, title=16, shop=15,
                        logo=16 * mm),
           "A5": Format("A5", *A5, margin=9 * mm, body=8, small=6.5, title=13, shop=12,
                        logo=12 * mm)}


def page_format(size: str) -> Format:
    fmt = FORMATS.get((size or "").strip().upper())
    if fmt is None:
        raise BooksError(f"paper size '{size}': documents print on A4 or A5")
    return fmt


def logo_image(value: str | None):
    """The shop_logo setting (base64 PNG or JPEG, a data: prefix allowed) as an
    image reportlab draws; None when missing or not a readable picture."""
    if not value:
        return None
    try:
        from PIL import Image
        from reportlab.lib.utils import ImageReader

        text = value.strip()
        if text.startswith("data:"):
            text = text.split(",", 1)[1]
        raw = base64.b64decode("".join(text.split()), validate=True)
        if not (raw.startswith(b"\x89PNG\r\n\x1a\n") or raw.startswith(b"\xff\xd8")):
            return None
        img = Image.open(io.BytesIO(raw))
        img.load()                                    # a truncated file fails here, not later
        if img.mode not in ("RGB", "RGBA", "L", "LA"):
            img = img.convert("RGBA")
        return ImageReader(img)
    except Exception:    # noqa: BLE001 -- any broken logo: print without it
        return None


class Sheet:
    """One document on A4 or A5 paper. Add its parts in order, then save()."""

    def __init__(self, size: str, *, shop: ShopInfo, title: str, language: str = "zh_CN",
                 notice: str = "", left: list[str] | None = None,
                 right: list[str] | None = None, running: str = ""):
        """notice: a red line under the title (a cancelled document); left and
        right: the lines of the block under it (the party; number and dates);
        running: what later pages' head line says after the title (the number)."""
        self.fmt = page_format(size)
        self.font = cjk_font()
        self.shop, self.title, self.notice = shop, title, notice
        self.left, self.right = left or [], right or []
        self.running = running
        self.words = WORDS[_lang(language)]
        self.content_width = self.fmt.width - 2 * self.fmt.margin
        self.logo = logo_image(shop.logo)
        self._parts: list = []            # Table | (height, draw)

    # ------------------------------------------------------------ parts
    def table(self, columns: list[Column], rows: list, *, bold_rows: set[int] | None = None,
              carry: Callable[[int, bool], list[str]] | None = None,
              min_row_mm: float = 0) -> None:
        """rows: lists of cell texts, or Span headings. carry(i, forward): the
        cells of the row that closes a page after row i (forward) and opens the
        next (not forward) -- a running balance carried over."""
        self._parts.append(Table(self.font, self.fmt.body, self.content_width, columns, rows,
                                 bold_rows or set(), carry, min_row_mm * mm))

    def block(self, height: float, draw: Callable[[Canvas, float, float], None]) -> None:
        """Anything drawn at (left, top), kept on one page."""
        self._parts.append((height, draw))

    def space(self, points: float) -> None:
        self.block(points, lambda c, x, top: None)

    def text(self, text: str, *, size: float | None = None, bold: bool = False) -> None:
        size = size or self.fmt.body
        lines = wrap(text, size, self.content_width)
        font = self.font

        def draw(c: Canvas, x: float, top: float) -> None:
            c.setFont(font, size)
            c.setLineWidth(size * 0.04)
            for k, line in enumerate(lines):
                c.drawString(x, top - size - k * size * LEADING, line, mode=2 if bold else 0)
        self.block(len(lines) * size * LEADING + 2, draw)

    def totals(self, pairs: list[tuple[str, str]], *, bold_last: bool = True) -> None:
        """label / value pairs at the right, values right-aligned at the edge."""
        size, font, width = self.fmt.body + 1, self.font, self.content_width
        value_w = max(text_width(v, size) for _l, v in pairs) + 6 * mm
        step = size * LEADING + 2

        def draw(c: Canvas, x: float, top: float) -> None:
            c.setFont(font, size)
            c.setLineWidth(size * 0.04)
            for k, (label, value) in enumerate(pairs):
                mode = 2 if bold_last and k == len(pairs) - 1 else 0
                y = top - 4 - size - k * step
                c.drawRightString(x + width - value_w, y, label, mode=mode)
                c.drawRightString(x + width - CELL, y, value, mode=mode)
        self.block(len(pairs) * step + 6, draw)

    def signatures(self, labels: list[str]) -> None:
        """Labels with a line each to sign on, side by side."""
        size, font, width = self.fmt.body, self.font, self.content_width
        share = width / len(labels)

        def draw(c: Canvas, x: float, top: float) -> None:
            c.setFont(font, size)
            c.setLineWidth(0.6)
            y = top - 12 * mm
            for k, label in enumerate(labels):
                at = x + k * share
                c.drawString(at, y, label + ":")
                c.line(at + text_width(label + ":", size) + 2, y - 2, at + share - 5 * mm, y - 2)
        self.block(16 * mm, draw)

    # ------------------------------------------------------------ layout
    def _first_header(self) -> tuple[float, Callable[[Canvas], None]]:
        """The first page's head (logo, shop, title, blocks): its height and drawing."""
        f, shop = self.fmt, self.shop
        small = f.small + 0.5
        contact = "   ".join(v for v in (shop.address, shop.phone) if v)
        text_h = (f.shop * LEADING if shop.name else 0) + (small * LEADING if contact else 0)
        logo_w = logo_h = 0.0
        if self.logo is not None:
            iw, ih = self.logo.getSize()
            logo_h = f.logo
            logo_w = min(logo_h * iw / ih, 45 * mm)
            logo_h = logo_w * ih / iw
        top_h = max(text_h, logo_h)
        title_h = f.title * 1.6 + (f.body * 1.6 if self.notice else 0)
        block_h = max(len(self.left), len(self.right)) * f.body * LEADING
        height = top_h + 2 * mm + title_h + block_h + 3 * mm
        page_top = f.height - f.margin

        def draw(c: Canvas) -> None:
            x, w = f.margin, self.content_width
            middle, room = x + w / 2, w
            if self.logo is not None:
                c.drawImage(self.logo, x, page_top - logo_h, logo_w, logo_h, mask="auto")
                beside = logo_w + 3 * mm          # centred on the page, or beside the logo
                if max(text_width(shop.name, f.shop), text_width(contact, small)) > w - 2 * beside:
                    middle, room = x + beside + (w - beside) / 2, w - beside
            y = page_top
            if shop.name:
                y -= f.shop * 1.05
                self._fit(c, shop.name, f.shop, room)
                c.setLineWidth(f.shop * 0.04)
                c.drawCentredString(middle, y, shop.name, mode=2)
                y -= f.shop * (LEADING - 1.05)
            if contact:
                self._fit(c, contact, small, room)
                c.drawCentredString(middle, y - small, contact)
            y = page_top - top_h - 2 * mm - f.title * 1.15
            c.setFont(self.font, f.title)
            c.setLineWidth(f.title * 0.04)
            c.drawCentredString(x + w / 2, y, self.title, mode=2)
            if self.notice:
                c.setFillColorRGB(*RED)
                self._fit(c, self.notice, f.body + 1, w)
                c.drawCentredString(x + w / 2, y - f.body * 1.7, self.notice)
                c.setFillColorRGB(0, 0, 0)
            y = page_top - top_h - 2 * mm - title_h
            for column, lines, width in ((x, self.left, w * 0.56), (x + w * 0.58, self.right,
                                                                    w * 0.42)):
                for k, line in enumerate(lines):
                    self._fit(c, line, f.body, width)
                    c.drawString(column, y - f.body - k * f.body * LEADING, line)
        return height, draw

    def _fit(self, c: Canvas, text: str, size: float, room: float) -> None:
        """The font at size, or smaller if text would be wider than room."""
        width = text_width(text, size)
        c.setFont(self.font, size if width <= room else size * room / width)

    def _running_header(self) -> tuple[float, Callable[[Canvas], None]]:
        f = self.fmt
        line = "  ·  ".join(v for v in (self.shop.name, self.title, self.running) if v)
        top = f.height - f.margin

        def draw(c: Canvas) -> None:
            c.setFont(self.font, f.small + 0.5)
            c.drawString(f.margin, top - f.small - 1, line)
            c.setLineWidth(0.4)
            c.line(f.margin, top - f.small * 1.8, f.margin + self.content_width,
                   top - f.small * 1.8)
        return f.small * 1.8 + 3 * mm, draw

    def _paginate(self) -> list[list[tuple[float, Callable]]]:
        """Each page's (top y, draw(c, left, top)) items, headers not included."""
        f = self.fmt
        first_h, _ = self._first_header()
        later_h, _ = self._running_header()
        bottom = f.margin + f.small * 2.5 + 2 * mm         # above the footer
        pages: list[list] = [[]]
        y = f.height - f.margin - first_h
        for part in self._parts:
            if isinstance(part, tuple):
                height, draw = part
                if y - height < bottom and pages[-1]:
                    pages.append([])
                    y = f.height - f.margin - later_h
                pages[-1].append((y, draw))
                y -= height
                continue
            t = part
            dh = lambda r, h=False, t=t: (  # noqa: E731
                lambda c, x, top: t.draw(c, r, x, top, header=h))
            head = t.header.height
            first_need = head + (t.rows[0].height if t.rows else 0)
            if y - first_need < bottom and pages[-1]:
                pages.append([])
                y = f.height - f.margin - later_h
            pages[-1].append((y, dh(t.header, True)))
            y -= head
            carry_h = t.line + 2 * PAD if t.carry else 0
            fresh = y                                   # no row on this page yet
            for i, r in enumerate(t.rows):
                last = i == len(t.rows) - 1
                need = r.height + (0 if last else carry_h)
                if r.span and not last:
                    need += t.rows[i + 1].height
                if y - need < bottom and y < fresh:     # a row taller than a page stays
                    if t.carry and i > 0:
                        pages[-1].append((y, dh(t.row(t.carry(i - 1, True), bold=True))))
                    pages.append([])
                    y = f.height - f.margin - later_h
                    pages[-1].append((y, dh(t.header, True)))
                    y -= head
                    if t.carry and i > 0:
                        brought = t.row(t.carry(i - 1, False), bold=True)
                        pages[-1].append((y, dh(brought)))
                        y -= brought.height
                    fresh = y
                pages[-1].append((y, dh(r)))
                y -= r.height
        return pages

    def _footer(self, c: Canvas, page: int, pages: int, stamp: str) -> None:
        f = self.fmt
        y = f.margin
        c.setLineWidth(0.4)
        c.line(f.margin, y + f.small * 1.6, f.margin + self.content_width, y + f.small * 1.6)
        c.setFont(self.font, f.small)
        c.drawString(f.margin, y, stamp)
        c.drawRightString(f.margin + self.content_width, y, f"{page}/{pages}")

    # ------------------------------------------------------------ output
    def save(self, path: str | os.PathLike, *, title: str = "") -> Path:
        """Lay out and write the PDF to path (a temporary file beside it, renamed)."""
        from db import clock

        path = Path(path)
        pages = self._paginate()
        stamp = f"{self.words['printed']} {clock.now():%Y-%m-%d %H:%M}"
        with atomic_file(path) as tmp:
            c = Canvas(tmp, pagesize=(self.fmt.width, self.fmt.height), pageCompression=1,
                       initialFontName=self.font, initialFontSize=self.fmt.body)
            c.setTitle(title or self.title)
            c.setCreator("Storekeeper")
            _, first = self._first_header()
            _, later = self._running_header()
            for n, items in enumerate(pages, 1):
                (first if n == 1 else later)(c)
                for top, draw in items:
                    draw(c, self.fmt.margin, top)
                self._footer(c, n, len(pages), stamp)
                c.showPage()
            c.save()
        return path
