"""A report's table on A4 (desktop.printing.page): the shop's header, the
report's title, what it covers (the period, the grouping) in the block under
the title, the table flowing across pages with its header repeated, the
totals row in bold at its foot.

No Qt, no database: the caller passes the texts already in the person's
language (the screens translate them) and the cells already formatted (by the
screen's locale, desktop.ui.formats), so paper shows what the screen showed.

    report_pdf(path, shop, "销售汇总", ["期间 2026-09-01 至 2026-12-01"], columns, rows,
               total=["合计", "", "12", "150.00"], language="zh_CN")
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from db.printdata import ShopInfo
from desktop.printing.page import Column, Sheet, figures


@dataclass(frozen=True)
class ReportColumn:
    title: str
    numeric: bool = False      # right-aligned figures, as wide as they need
    wide: bool = False         # takes more of the room left (a name)


def page_columns(columns: list[ReportColumn]) -> list[Column]:
    out = []
    for c in columns:
        if c.numeric:
            out.append(figures(c.title, 14))
        else:
            out.append(Column(c.title, wrap=True, weight=3.0 if c.wide else 1.0))
    return out


def report_pdf(path: str | os.PathLike, shop: ShopInfo, title: str, about: list[str],
               columns: list[ReportColumn], rows: list[list[str]], *,
               total: list[str] | None = None, note: str = "", language: str = "zh_CN",
               size: str = "A4") -> Path:
    """Writes the report to path (atomically, as every page does); returns path.
    about: the lines under the title (left block); rows and total: cell texts."""
    if any(len(r) != len(columns) for r in rows) or (total and len(total) != len(columns)):
        raise ValueError("every row of a report has one cell per column")
    sheet = Sheet(size, shop=shop, title=title, language=language, left=list(about),
                  running=about[0] if about else "")
    body = [list(r) for r in rows]
    bold = set()
    if total is not None:
        bold.add(len(body))
        body.append(list(total))
    sheet.table(page_columns(columns), body, bold_rows=bold)
    if note:
        sheet.space(4)
        sheet.text(note)
    return sheet.save(path, title=title)
