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
