"""Barcode labels as PDF: roll labels (one a page) and A4 sheets.

Each distinct label (product, price, code, batch) is drawn once into a
reportlab Form XObject (desktop.printing.label_draw gives its operators);
every copy is that form placed in its cell, so a thousand copies cost little
more than one. Cells and the barcode inside its field sit on the printer's
dot grid (203 or 300 dpi), the module a whole number of dots, the quiet
zones whole (desktop.printing.barcodes). Text is set in the embedded CJK
font, Chinese or English by language. The PDF is written to a temporary
file beside the target and renamed into place, so nobody sees half of it.

    labels_pdf(items, template, "out.pdf", language="zh_CN", dpi=203, shop="...")

items come from db.labels (items_for_skus, items_for_document,
items_changed_since); templates from db.labels.templates / template.
"""
from __future__ import annotations

import os
import threading
from dataclasses import dataclass
from pathlib import Path

from reportlab import rl_config
from reportlab.pdfgen.canvas import Canvas

from db.errors import BooksError
from db.labels import LabelItem
from desktop.printing import barcodes
from desktop.printing.atomic import atomic_file
from desktop.printing.fonts import cjk_font
from desktop.printing.label_draw import (TEXT, Painter, Placement, TextOps, _lang,
                                         barcode_placement)
from desktop.printing.label_templates import LabelTemplate

__all__ = ["LabelsWritten", "Placement", "barcode_placement", "labels_pdf", "placements"]

MM = barcodes.MM
_save_lock = threading.Lock()


@dataclass(frozen=True)
class LabelsWritten:
    path: Path
    labels: int
    pages: int
    distinct: int          # different labels drawn


def placements(items: list[LabelItem], template: LabelTemplate, dpi: int) -> list[Placement]:
    """Where each item's barcode goes (one per item; none without a barcode
    field). BooksError names the first that does not fit."""
    fields = [f for f in template.fields if f.field == "barcode"]
    return [barcode_placement(template, f, i.code, dpi, f" of {i.sku}")
            for i in items for f in fields]


def labels_pdf(items: list[LabelItem], template: LabelTemplate, path: str | os.PathLike, *,
               language: str = "zh_CN", dpi: int = 203, shop: str = "", start: int = 0,
               outline: bool = False) -> LabelsWritten:
    """The labels (each item copies times, in order) on the template's pages,
    written to path. start: cells of the first sheet already used (skipped).
    outline: thin cell borders, to check alignment on plain paper."""
    barcodes.dot(dpi)                                  # 203 or 300, else BooksError
    if not items or sum(i.copies for i in items) <= 0:
        raise BooksError("no labels to print")
    if not 0 <= start < template.per_page:
        raise BooksError(f"start {start}: a {template.name} page has cells 0 to "
                         f"{template.per_page - 1}")
    path = Path(path)
    if not path.parent.is_dir():
        raise BooksError(f"cannot write {path}: there is no folder {path.parent}")
    placements(items, template, dpi)       # every barcode fits before a byte is written
    with atomic_file(path) as tmp:
        written = _write(tmp, items, template, language, dpi, shop, start, outline)
    return LabelsWritten(path, *written)


def _write(tmp: str, items: list[LabelItem], t: LabelTemplate, language: str, dpi: int,
           shop: str, start: int, outline: bool) -> tuple[int, int, int]:
    d = barcodes.dot(dpi)
    pw, ph = (v * MM for v in t.page_size)
    font = cjk_font()
    c = Canvas(tmp, pagesize=(pw, ph), pageCompression=1, initialFontName=font)
    c.setTitle(f"{TEXT[_lang(language)]['title']} ({t.name})")
    c.setCreator("Storekeeper")
    painter = Painter(t, TextOps(c), language=language, dpi=dpi, shop=shop)
    w, h = t.width * MM, t.height * MM
    # each cell's placing: translate to its bottom-left corner, on the dot grid
    cells = []
    for i in range(t.per_page):
        x, y = t.cell(i)
        cells.append(f"q 1 0 0 1 {round(x * MM / d) * d:.4f} "
                     f"{round((ph - (y + t.height) * MM) / d) * d:.4f} cm")
    border = f" 0.2 w 0.6 G 0 0 {w:.3f} {h:.3f} re S" if outline else ""
    # a label printed more than once is drawn once, as a form; one printed once
    # is drawn in its cell (a form is a PDF object of its own: dearer for one use)
    uses: dict[LabelItem, int] = {}
    for item in items:
        key = _key(item)
        uses[key] = uses.get(key, 0) + item.copies
    forms: dict[LabelItem, str] = {}
    slot, pages, labels = start, 1, 0
    for item in items:
        if item.copies <= 0:
            continue
        key = _key(item)
        if uses[key] == 1:                 # clipped to its cell, as a form is to its box
            body = f" 0 0 {w:.3f} {h:.3f} re W n {painter.ops(key)}{border} Q"
            name = None
        else:
            name = forms.get(key)
            if name is None:
                name = forms[key] = f"L{len(forms)}"
                c.beginForm(name, 0, 0, w, h)
                c.addLiteral(painter.ops(key))
                c.endForm()
            body = f" /{c._doc.getXObjectName(name)} Do{border} Q"
        for _ in range(item.copies):
            if slot == t.per_page:
                c.showPage()
                slot, pages = 0, pages + 1
            c.addLiteral(cells[slot] + body)
            if name:
                c._formsinuse.append(name)
            slot += 1
            labels += 1
    c.showPage()
    with _save_lock:              # binary streams: ASCII85 of every form costs more than drawing
        was, rl_config.useA85 = rl_config.useA85, 0
        try:
            c.save()
        finally:
            rl_config.useA85 = was
    return labels, pages, len(uses)


def _key(item: LabelItem) -> LabelItem:
    """What makes two labels the same picture (not the number of copies)."""
    return LabelItem(item.sku, item.name, item.unit, item.price, item.code, 1, item.batch,
                     item.expiry)
