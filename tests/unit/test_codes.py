"""Barcodes: check digits validated, never corrected; full-width digits normalised."""
from __future__ import annotations

import pytest

from db.codes import gtin_check_digit, normalise_barcode
from db.errors import BooksError

VALID = {
    "EAN-13": ["4006381333931", "6901234567892", "9787111213826", "5901234123457"],
    "EAN-8": ["96385074", "73513537", "40170725"],
    "UPC-A": ["036000291452", "012345678905", "042100005264"],
}


@pytest.mark.parametrize("code", [c for cs in VALID.values() for c in cs])
def test_valid_codes_accepted_unchanged(code):
    assert normalise_barcode(code) == code


@pytest.mark.parametrize("body, digit", [
    ("400638133393", 1), ("690123456789", 2), ("9638507", 4), ("03600029145", 2),
    ("00000000000", 0),
])
def test_check_digit(body, digit):
    assert gtin_check_digit(body) == digit


@pytest.mark.parametrize("code, kind", [
    ("4006381333932", "EAN-13"), ("6901234567890", "EAN-13"),
    ("96385075", "EAN-8"), ("036000291453", "UPC-A"),
])
def test_wrong_check_digit_refused_never_corrected(code, kind):
    with pytest.raises(BooksError) as info:
        normalise_barcode(code)
    msg = str(info.value)
    assert code in msg and kind in msg and "check digit" in msg


def test_every_wrong_last_digit_is_refused():
    body = "690123456789"
    for d in "0123456789":
        if d == "2":
            assert normalise_barcode(body + d) == body + d
        else:
            with pytest.raises(BooksError):
                normalise_barcode(body + d)


def test_full_width_digits_and_spaces_normalised():
    assert normalise_barcode("４００６３８１３３３９３１") == "4006381333931"
    assert normalise_barcode(" 4006 3813 3393 1 ") == "4006381333931"
    assert normalise_barcode("９６３８５０７４") == "96385074"


def test_full_width_wrong_check_digit_still_refused():
    with pytest.raises(BooksError, match="check digit"):
        normalise_barcode("４００６３８１３３３９３２")


def test_in_store_codes_accepted_as_they_are():
    assert normalise_barcode("SK-000123") == "SK-000123"
    assert normalise_barcode("12345") == "12345"


@pytest.mark.parametrize("raw", ["", "   ", "条码123", "ab\tc", "x" * 49])
def test_unreadable_codes_refused(raw):
    with pytest.raises(BooksError):
        normalise_barcode(raw)
