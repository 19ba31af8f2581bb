"""What the cashier types into the scan line: '3*' before a code sells three."""
from __future__ import annotations

import pytest

from db.counter import parse_scan
from db.errors import BooksError


@pytest.mark.parametrize("typed, wanted", [
    ("6901234567892", (None, "6901234567892")),
    ("  A001 ", (None, "A001")),
    ("3*6901234567892", (3000, "6901234567892")),
    ("0.5*B001", (500, "B001")),
    ("2 * b001", (2000, "b001")),
    ("*A001", (None, "A001")),
    ("3*", (3000, "")),
    ("３＊６９０１２３４５６７８９２", (3000, "6901234567892")),     # full-width, from an IME
])
def test_a_quantity_before_the_star(typed, wanted):
    assert parse_scan(typed) == wanted


def test_a_quantity_that_is_not_a_number_is_refused():
    with pytest.raises(BooksError, match="quantity"):
        parse_scan("x*A001")
