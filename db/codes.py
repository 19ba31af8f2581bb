"""Barcodes: normalising and validating EAN-13, EAN-8, UPC-A check digits.

A code with a wrong check digit is refused, never "corrected". Codes that
are not 8, 12 or 13 digits (in-store Code 128 and the like) are accepted as
they are, provided they are printable ASCII.
"""
from __future__ import annotations

import unicodedata

from db.errors import BooksError


def gtin_check_digit(body: str) -> int:
    """Check digit for the digits before it (GS1 mod-10, weights 3,1 from the right)."""
    total = 0
    for i, ch in enumerate(reversed(body)):
        total += int(ch) * (3 if i % 2 == 0 else 1)
    return (10 - total % 10) % 10


def normalise_barcode(raw: str) -> str:
    """Full-width digits to ASCII, spaces dropped; validates the result."""
    code = unicodedata.normalize("NFKC", str(raw)).replace(" ", "").strip()
    if not code:
        raise BooksError("barcode is empty")
    if not all(33 <= ord(c) < 127 for c in code) or len(code) > 48:
        raise BooksError(f"barcode '{raw}' has characters a scanner cannot read")
    if code.isdigit() and len(code) in (8, 12, 13, 14):
        if gtin_check_digit(code[:-1]) != int(code[-1]):
            kind = {8: "EAN-8", 12: "UPC-A", 13: "EAN-13", 14: "GTIN-14"}[len(code)]
            raise BooksError(f"barcode {code}: wrong {kind} check digit "
                             f"(expected {gtin_check_digit(code[:-1])})")
    return code


# ---------------------------------------------------------------- GS1 element strings

GS = "\x1d"                       # FNC1 as a scanner sends it between variable fields
_FIXED = {"00": 18, "01": 14, "02": 14, "11": 6, "12": 6, "13": 6, "15": 6, "16": 6,
          "17": 6}
_VARIABLE = {"10": 20, "21": 20, "22": 20, "30": 8, "37": 8, "240": 30, "241": 30}
_SYMBOLOGY_IDS = ("]C1", "]d2", "]Q3", "]e0", "]J1")


def parse_gs1(text: str) -> dict[str, str] | None:
    """The fields of a GS1 barcode's element string: {"01": GTIN-14, "10": batch,
    "17": expiry YYMMDD, ...}; None when the text is not one (it must hold a GTIN).
    Takes what scanners send for GS1-128 and GS1 DataMatrix (an optional symbology
    identifier such as ]C1, variable fields ended by the GS character) and the
    printed form "(01)06901234567892(10)L7"."""
    s = (text or "").strip()
    for sid in _SYMBOLOGY_IDS:
        if s.startswith(sid):
            s = s[len(sid):]
            break
    out: dict[str, str] = {}
    if s.startswith("("):
        parts = s.split("(")[1:]
        for part in parts:
            ai, close, value = part.partition(")")
            if not close or not (ai in _FIXED or ai in _VARIABLE) or not value:
                return None
            out[ai] = value.strip(GS)
    else:
        i = 0
        while i < len(s):
            if s[i] == GS:
                i += 1
                continue
            ai = s[i:i + 2] if s[i:i + 2] in _FIXED or s[i:i + 2] in _VARIABLE else s[i:i + 3]
            if ai in _FIXED:
                value = s[i + len(ai):i + len(ai) + _FIXED[ai]]
                if len(value) != _FIXED[ai] or not value.isdigit():
                    return None
                i += len(ai) + _FIXED[ai]
            elif ai in _VARIABLE:
                end = s.find(GS, i + len(ai))
                end = len(s) if end < 0 else end
                value = s[i + len(ai):end]
                if not value or len(value) > _VARIABLE[ai]:
                    return None
                i = end
            else:
                return None
            out[ai] = value
    gtin = out.get("01", "")
    if len(gtin) != 14 or not gtin.isdigit() or gtin_check_digit(gtin[:-1]) != int(gtin[-1]):
        return None
    return out


def gtin_forms(gtin14: str) -> list[str]:
    """The codes a GTIN-14 may be stored as: EAN-13 (leading 0 dropped), UPC-A,
    EAN-8, and itself."""
    forms = [gtin14]
    for n in (13, 12, 8):
        if gtin14[:14 - n] == "0" * (14 - n):
            forms.append(gtin14[14 - n:])
    return forms
