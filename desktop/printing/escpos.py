"""The sales receipt and the shift-close slip as raw ESC/POS bytes, for a
thermal receipt printer on 58 mm or 80 mm roll paper.

The same data as the PDF (db.receipts.Receipt; the shift report the slip
gets) and the same labels (desktop.printing.receipt.LABELS). No Qt here.

What is sent:
  * ESC @ (initialise), then FS & (Chinese character mode): text is encoded
    as GB18030, which the common Chinese printers print directly; ASCII
    stays single-byte.
  * Text laid out in columns by display width: 32 columns on 58 mm paper,
    48 on 80 mm, a Chinese (or any multi-byte) character taking 2. The
    encoder pads and centres with spaces itself, so the text of the payload
    is what is printed (receipt_text_preview reads it back).
  * The shop name double width and height, the total bold and double height.
  * The document's number as a Code 128 (GS k, function B) with its digits
    packed in code set C, human-readable text below (GS H 2).
  * A feed and a partial cut (GS V 66).

Money is integer fen and quantities integer thousandths, formatted by
db.money. Text from the books never carries control characters to the
printer: they are dropped before encoding.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from db.money import money_str, qty_str
from db.receipts import Receipt
from desktop.printing.receipt import LABELS, _lang, _signed, _when, method_label

ENCODING = "gb18030"
COLUMNS = {58: 32, 80: 48}          # characters of font A per line
DOTS = {58: 384, 80: 576}           # printable dots per line at 203 dpi (8 dots/mm)

ESC, GS, FS, LF = b"\x1b", b"\x1d", b"\x1c", b"\n"
INIT = ESC + b"@"
CHINESE_ON = FS + b"&"
CUT = GS + b"V" + bytes([66, 0])   # feed to the cutter, partial cut
FEED_LINES = 3                      # lines fed before the cut (past the tear bar)

# Code 128 (GS k m=73): the data starts with a code set selection; in code
# set C each byte is a pair of digits (0..99).
CODE128 = 73
_SET_A, _SET_B, _SET_C = b"{A", b"{B", b"{C"
_QUIET = 10                         # modules of quiet zone each side
_BAR_HEIGHT = 80                    # dots (10 mm)


# ---------------------------------------------------------------- display width

def char_width(ch: str) -> int:
    """Columns a character takes on the printer: 1 for what GB18030 encodes in
    one byte (ASCII), 2 for the rest (Chinese, full-width forms, ×, é ...)."""
    return 1 if ord(ch) < 0x80 else 2


def text_width(text: str) -> int:
    return sum(char_width(ch) for ch in text)


def clean(text: str | None) -> str:
    """Text from the books made safe for the printer: control characters
    (which would be commands) dropped, tabs and newlines become spaces."""
    if not text:
        return ""
    out = []
    for ch in str(text):
        code = ord(ch)
        if ch in "\t\n\r":
            out.append(" ")
        elif code < 0x20 or code == 0x7F or 0x80 <= code < 0xA0 or 0xD800 <= code < 0xE000:
            continue
        else:
            out.append(ch)
    return "".join(out)


def _tokens(text: str) -> list[str]:
    """Runs of spaces, runs of single-byte non-space characters (words), and
    each wide character on its own (a line may break between any two)."""
    tokens: list[str] = []
    for ch in text:
        if tokens and char_width(ch) == 1 and char_width(tokens[-1][-1]) == 1 \
                and (ch == " ") == (tokens[-1][-1] == " "):
            tokens[-1] += ch
        else:
            tokens.append(ch)
    return tokens


def wrap(text: str, width: int) -> list[str]:
    """text in lines of at most width columns: breaking between wide
    characters or at spaces, splitting a word only when it is wider than a
    line. Always at least one line ("" for no text)."""
    width = max(width, 2)
    lines: list[str] = []
    line, used = "", 0
    for token in _tokens(clean(text)):
        w = text_width(token)
        if token[0] == " ":
            if line and used + w < width:
                line, used = line + token, used + w
            elif line:
                lines.append(line)
                line, used = "", 0
            continue
        if used + w <= width:
            line, used = line + token, used + w
            continue
        if line:
            lines.append(line.rstrip())
            line, used = "", 0
        while w > width:                       # a word wider than the line
            piece, pw = "", 0
            for ch in token:
                if pw + char_width(ch) > width:
                    break
                piece, pw = piece + ch, pw + char_width(ch)
            lines.append(piece)
            token = token[len(piece):]
            w = text_width(token)
        line, used = token, w
    if line.rstrip() or not lines:
        lines.append(line.rstrip())
    return lines


def _pad(text: str, width: int, align: str = "left") -> str:
    gap = max(width - text_width(text), 0)
    if align == "right":
        return " " * gap + text
    if align == "center":
        return " " * (gap // 2) + text + " " * (gap - gap // 2)
    return text + " " * gap


# ---------------------------------------------------------------- Code 128

def code128_data(value: str) -> bytes | None:
    """The GS k function B data of value: code set B, with runs of four or
    more digits packed two to a byte in code set C. None when value holds a
    character Code 128 B cannot carry (outside printable ASCII)."""
    if not value or any(not 32 <= ord(ch) <= 126 for ch in value):
        return None
    out = bytearray()
    current = b""
    i, n = 0, len(value)
    while i < n:
        run = 0
        while i + run < n and value[i + run].isdigit():
            run += 1
        if run >= 4 or (run >= 2 and run == n and run % 2 == 0):
            if run % 2:                        # the odd digit goes in code set B
                if current != _SET_B:
                    out += _SET_B
                    current = _SET_B
                out += value[i].encode("ascii")
                i, run = i + 1, run - 1
            if current != _SET_C:
                out += _SET_C
                current = _SET_C
            for k in range(i, i + run, 2):
                out.append(int(value[k:k + 2]))
            i += run
            continue
        if current != _SET_B:
            out += _SET_B
            current = _SET_B
        ch = value[i]
        out += b"{{" if ch == "{" else ch.encode("ascii")
        i += 1
    return bytes(out)


def code128_modules(data: bytes) -> int:
    """Width in modules of the symbol GS k draws from data (start, symbols,
    check, stop), without the quiet zones."""
    symbols, i = 0, 0
    while i < len(data):
        if data[i] == ord("{"):
            i += 2                           # a code set change or an escaped {
        else:
            i += 1
        symbols += 1
    # the first selection is the start character itself; start + ... + check = 11 each
    return (symbols + 1) * 11 + 13


def _code128(value: str, width_mm: int) -> bytes | None:
    """The commands printing value as a centred Code 128 with its text below;
    None when it cannot fit the paper at a scannable module width (2 dots)."""
    data = code128_data(value)
    if data is None or len(data) > 255:
        return None
    modules = code128_modules(data) + 2 * _QUIET
    module = next((w for w in (3, 2) if modules * w <= DOTS[width_mm]), None)
    if module is None:
        return None
    return (ESC + b"a\x01"                              # centre
            + GS + b"h" + bytes([_BAR_HEIGHT])
            + GS + b"w" + bytes([module])
            + GS + b"H\x02"                             # text below
            + GS + b"f\x00"                             # in font A
            + GS + b"k" + bytes([CODE128, len(data)]) + data
            + ESC + b"a\x00")


# ---------------------------------------------------------------- the page

class EscPos:
    """A receipt being written: lines of text laid out in columns, with the
    few commands a receipt needs between them."""

    def __init__(self, width_mm: int = 80):
        if width_mm not in COLUMNS:
            raise ValueError(f"the paper is 58 or 80 mm wide, not {width_mm}")
        self.width_mm = width_mm
        self.cols = COLUMNS[width_mm]
        self.out = bytearray(INIT + CHINESE_ON + ESC + b"a\x00")

    # -- low level
    def _style(self, *, double_w: bool = False, double_h: bool = False,
               bold: bool = False) -> None:
        self.out += GS + b"!" + bytes([(0x10 if double_w else 0) | (0x01 if double_h else 0)])
        self.out += FS + b"!" + bytes([(0x04 if double_w else 0) | (0x08 if double_h else 0)])
        self.out += ESC + b"E" + (b"\x01" if bold else b"\x00")

    def line(self, text: str = "") -> None:
        self.out += text.rstrip().encode(ENCODING, errors="replace") + LF

    # -- blocks
    def text(self, text: str, *, align: str = "left", bold: bool = False,
             double_w: bool = False, double_h: bool = False) -> None:
        """text wrapped to the line (half as many columns when double width)."""
        cols = self.cols // 2 if double_w else self.cols
        styled = bold or double_w or double_h
        if styled:
            self._style(double_w=double_w, double_h=double_h, bold=bold)
        for part in wrap(text, cols):
            self.line(_pad(part, cols, align) if align != "left" else part)
        if styled:
            self._style()

    def rule(self) -> None:
        self.line("-" * self.cols)

    def blank(self, n: int = 1) -> None:
        for _ in range(n):
            self.line()

    def pair(self, label: str, value: str, *, bold: bool = False,
             double_h: bool = False) -> None:
        """label on the left, value on the right of the same line when both fit."""
        label, value = clean(label), clean(value)
        styled = bold or double_h
        if styled:
            self._style(double_h=double_h, bold=bold)
        vw = text_width(value)
        if vw > self.cols:
            for part in wrap(label, self.cols) + wrap(value, self.cols):
                self.line(part)
        else:
            parts = wrap(label, self.cols)
            if text_width(parts[-1]) + 1 + vw <= self.cols:
                for part in parts[:-1]:
                    self.line(part)
                self.line(parts[-1] + _pad(value, self.cols - text_width(parts[-1]), "right"))
            else:
                for part in parts:
                    self.line(part)
                self.line(_pad(value, self.cols, "right"))
        if styled:
            self._style()

    def table(self, heading: str, heads: list[str], rows: list[tuple[str, list[str]]]) -> None:
        """A name column and right-aligned value columns. When the names would
        get fewer than 12 columns (and some would not fit in them), each name
        has its own line(s) and its values follow on the next."""
        heads = [clean(h) for h in heads]
        rows = [(clean(name), [clean(c) for c in cells]) for name, cells in rows]
        widths = [max(text_width(r[i]) for r in [heads] + [c for _n, c in rows])
                  for i in range(len(heads))]
        values = sum(widths) + len(widths)                # each value column after a space
        if values - 1 > self.cols:                        # not even the values fit: one a line
            for name, cells in rows:
                self.text(name)
                for head, cell in zip(heads, cells):
                    self.pair(head, cell)
            return

        def cells_text(cells: list[str]) -> str:
            return "".join(" " + _pad(c, w, "right") for c, w in zip(cells, widths))

        name_w = self.cols - values
        if name_w >= 12 or (name_w >= 4 and all(text_width(n) <= name_w for n, _c in rows)):
            for name, cells in [(heading, heads)] + rows:
                parts = wrap(name, name_w)
                self.line(_pad(parts[0], name_w) + cells_text(cells))
                for part in parts[1:]:
                    self.line(part)
        else:
            self.line(heading)
            self.line(_pad(cells_text(heads).lstrip(), self.cols, "right"))
            for name, cells in rows:
                for part in wrap(name, self.cols):
                    self.line(part)
                self.line(_pad(cells_text(cells).lstrip(), self.cols, "right"))

    def barcode(self, value: str) -> None:
        symbol = _code128(value, self.width_mm)
        if symbol is None:                                # too long: its text only
            self.text(value, align="center")
        else:
            self.out += symbol + LF

    def finish(self) -> bytes:
        self._style()
        self.out += ESC + b"d" + bytes([FEED_LINES]) + CUT
        return bytes(self.out)


def _header(page: EscPos, L: dict, title: str, shop_name: str, address: str = "",
            phone: str = "") -> None:
    if clean(shop_name).strip():
        page.text(shop_name, align="center", bold=True, double_w=True, double_h=True)
    for key, value in (("address", address), ("phone", phone)):
        if clean(value).strip():
            page.text(f"{L[key]}: {value}", align="center")
    page.blank()
    page.text(title, align="center", bold=True)


# ---------------------------------------------------------------- the receipt

def receipt_bytes(data: Receipt, width_mm: int = 80, language: str = "zh_CN",
                  tendered: int | None = None, change: int | None = None) -> bytes:
    """The receipt of a sale or a return as ESC/POS bytes for 58 or 80 mm paper."""
    L = LABELS[_lang(language)]
    refund = data.kind == "sale-return"
    page = EscPos(width_mm)
    _header(page, L, L[data.kind], data.shop_name, data.shop_address, data.shop_phone)
    if data.cancelled:
        page.text(L["cancelled"], align="center")
    page.rule()
    page.text(f"{L['number']}: {data.number}")
    if data.ref_number:
        page.text(f"{L['ref']}: {data.ref_number}")
    page.text(f"{L['date']}: {_when(data.at)}")
    page.text(f"{L['cashier']}: {data.cashier}")
    if data.customer:
        page.text(f"{L['customer']}: {data.customer}")
    page.rule()
    page.table(L["item"], [L["qty"], L["price"], L["amount"]],
               [(line.name, [f"{qty_str(line.qty)}{clean(line.unit)}", money_str(line.price),
                             money_str(line.amount)]) for line in data.lines])
    page.rule()
    page.pair(L["refund_total" if refund else "total"], money_str(abs(data.total)),
              bold=True, double_h=True)
    for method, amount in data.payments:
        name = method_label(method, language)
        page.pair(f"{L['refund']} ({name})" if refund else name, money_str(abs(amount)))
    if tendered is not None:
        page.pair(L["tendered"], money_str(tendered))
    if change is not None:
        page.pair(L["change"], money_str(change))
    page.rule()
    page.barcode(data.number)
    page.blank()
    page.text(L["thanks"], align="center")
    return page.finish()


# ---------------------------------------------------------------- the shift slip

def shift_close_bytes(*, shop_name: str, cashier: str, opened_at: dt.datetime,
                      closed_at: dt.datetime, opening_float: int,
                      rows: list[tuple[str, int, int]], sales: int, returns: int,
                      sales_total: int, returns_total: int, width_mm: int = 80,
                      language: str = "zh_CN") -> bytes:
    """The shift-close slip (the data desktop.printing.receipt.shift_close_pdf
    gets) as ESC/POS bytes."""
    L = LABELS[_lang(language)]
    page = EscPos(width_mm)
    _header(page, L, L["shift"], shop_name)
    page.rule()
    page.text(f"{L['cashier']}: {cashier}")
    page.text(f"{L['opened']}: {_when(opened_at)}")
    page.text(f"{L['closed']}: {_when(closed_at)}")
    page.pair(L["float"], money_str(opening_float))
    page.rule()
    expected, counted = sum(r[1] for r in rows), sum(r[2] for r in rows)
    table = [(method_label(m, language), [money_str(e), money_str(c), _signed(c - e)])
             for m, e, c in rows]
    table.append((L["sum"], [money_str(expected), money_str(counted),
                             _signed(counted - expected)]))
    page.table(L["method"], [L["expected"], L["counted"], L["difference"]], table)
    page.rule()
    refunds = abs(returns_total)
    page.pair(L["sales"].format(n=sales), money_str(sales_total))
    page.pair(L["returns"].format(n=returns), money_str(-refunds))
    page.pair(L["net"], money_str(sales_total - refunds), bold=True, double_h=True)
    page.rule()
    page.blank()
    page.text(f"{L['sign']}: " + "_" * max(page.cols - text_width(L["sign"]) - 2, 4))
    page.blank()
    page.text(f"{L['check']}: " + "_" * max(page.cols - text_width(L["check"]) - 2, 4))
    return page.finish()


# ---------------------------------------------------------------- reading it back

@dataclass(frozen=True)
class PrintedLine:
    """A line of text as the printer prints it."""
    text: str
    double_w: bool = False
    double_h: bool = False
    bold: bool = False
    barcode: bool = False       # the text under a barcode (its data)

    @property
    def columns(self) -> int:
        """The columns of font A it takes on the paper."""
        return text_width(self.text) * (2 if self.double_w else 1)


# argument bytes after each command this module (or a printer's common set) sends
_ARGS = {ESC + b"@": 0, ESC + b"a": 1, ESC + b"E": 1, ESC + b"d": 1, ESC + b"!": 1,
         ESC + b"t": 1, ESC + b"-": 1, ESC + b"J": 1, ESC + b"2": 0, ESC + b"3": 1,
         GS + b"!": 1, GS + b"h": 1, GS + b"w": 1, GS + b"H": 1, GS + b"f": 1,
         GS + b"B": 1, FS + b"&": 0, FS + b".": 0, FS + b"!": 1, FS + b"-": 1,
         FS + b"C": 1}


def printed_lines(payload: bytes) -> list[PrintedLine]:
    """The lines of text in payload with the size they print at (commands
    read and dropped; a barcode gives a line of its data, as its human-
    readable text). Raises ValueError on a command it does not know."""
    lines: list[PrintedLine] = []
    buf = bytearray()
    dw = dh = bold = False
    i, n = 0, len(payload)

    def flush() -> None:
        lines.append(PrintedLine(bytes(buf).decode(ENCODING, errors="replace"), dw, dh, bold))
        buf.clear()

    while i < n:
        b = payload[i]
        if b == 0x0A:
            flush()
            i += 1
        elif b in (0x1B, 0x1D, 0x1C):
            cmd = payload[i:i + 2]
            if cmd == GS + b"k":
                m = payload[i + 2]
                if m >= 65:
                    size = payload[i + 3]
                    data = payload[i + 4:i + 4 + size]
                    i += 4 + size
                else:                                  # NUL-terminated forms
                    end = payload.index(0, i + 3)
                    data = payload[i + 3:end]
                    i = end + 1
                lines.append(PrintedLine(_barcode_text(data) if m == CODE128
                                         else data.decode("ascii", "replace"), barcode=True))
            elif cmd == GS + b"V":
                i += 4 if payload[i + 2] in (65, 66, 97, 98, 103, 104) else 3
            elif cmd in _ARGS:
                k = _ARGS[cmd]
                arg = payload[i + 2] if k else 0
                if cmd == GS + b"!":
                    dw, dh = bool(arg & 0xF0), bool(arg & 0x0F)
                elif cmd == ESC + b"!":
                    dw, dh = bool(arg & 0x20), bool(arg & 0x10)
                elif cmd == ESC + b"E":
                    bold = bool(arg & 1)
                elif cmd == ESC + b"@":
                    dw = dh = bold = False
                elif cmd == ESC + b"d" and not buf:
                    lines.extend(PrintedLine("") for _ in range(arg))
                i += 2 + k
            else:
                raise ValueError(f"unknown command {cmd!r} at byte {i}")
        else:
            buf.append(b)
            i += 1
    if buf:
        flush()
    return lines


def _barcode_text(data: bytes) -> str:
    """The characters a Code 128 (GS k 73) data carries."""
    out, current, i = [], b"{B", 0
    while i < len(data):
        if data[i] == ord("{") and i + 1 < len(data):
            nxt = data[i + 1:i + 2]
            if nxt == b"{":
                out.append("{")
            elif nxt in (b"A", b"B", b"C"):
                current = b"{" + nxt
            i += 2
            continue
        out.append(f"{data[i]:02d}" if current == _SET_C else chr(data[i]))
        i += 1
    return "".join(out)


def receipt_text_preview(payload: bytes) -> str:
    """The text of an ESC/POS payload as it prints, one line each: a double-
    width line shown with its characters spaced out to its real width, a
    barcode as its data between bars (for tests and the preview in Settings)."""
    out = []
    for line in printed_lines(payload):
        if line.barcode:
            out.append(f"||| {line.text} |||")
        elif line.double_w:
            out.append("".join(ch + (" " if char_width(ch) == 1 else "  ") if ch != " "
                               else "  " for ch in line.text).rstrip())
        else:
            out.append(line.text)
    return "\n".join(out)
