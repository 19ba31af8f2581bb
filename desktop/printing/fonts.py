"""The one font every printed document uses: WenQuanYi Micro Hei, embedded.

Shipped in resources/fonts/ with its licence (see resources/fonts/README.md).
reportlab reads TrueType outlines only; face 0 of the .ttc is Micro Hei.
Registration happens once per process, whichever thread prints first.
"""
from __future__ import annotations

import threading

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from db.errors import BooksError
from desktop.resources import resource_path

FONT_FILE = "fonts/wqy-microhei.ttc"
FONT_NAME = "WenQuanYiMicroHei"
_lock = threading.Lock()
_registered = False


def cjk_font() -> str:
    """The registered font's name, for canvas.setFont and stringWidth."""
    global _registered
    if _registered:
        return FONT_NAME
    with _lock:
        if not _registered:
            path = resource_path(FONT_FILE)
            if not path.is_file():
                raise BooksError(f"the printing font is missing: {path}")
            pdfmetrics.registerFont(TTFont(FONT_NAME, str(path), subfontIndex=0))
            _registered = True
    return FONT_NAME


def text_width(text: str, size: float) -> float:
    """Width in points of text set in the CJK font at size."""
    return pdfmetrics.stringWidth(text, cjk_font(), size)
