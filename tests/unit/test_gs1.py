"""GS1 element strings as scanners send them (db.codes.parse_gs1)."""
from __future__ import annotations

import pytest

from db.codes import GS, gtin_forms, parse_gs1


@pytest.mark.parametrize("text, fields", [
    ("(01)06901234567892(10)L7", {"01": "06901234567892", "10": "L7"}),
    ("(01)06901234567892(17)271231(10)A-12", {"01": "06901234567892", "17": "271231",
                                              "10": "A-12"}),
    ("0106901234567892" + "10L7", {"01": "06901234567892", "10": "L7"}),
    ("]C1" + "0106901234567892" + "17271231" + "10AB12" + GS + "21SN9",
     {"01": "06901234567892", "17": "271231", "10": "AB12", "21": "SN9"}),
    ("]d2" + "0106901234567892", {"01": "06901234567892"}),
])
def test_what_scanners_send_is_read(text, fields):
    assert parse_gs1(text) == fields


@pytest.mark.parametrize("text", [
    "6901234567892",                          # a plain EAN-13
    "(01)06901234567891(10)L7",               # wrong check digit
    "(10)L7",                                 # no GTIN
    "0106901234567892" + "99XYZ",             # an AI it does not know
    "(01)0690123456789",                      # GTIN too short
    "01069012345678921",                      # a fixed field cut short
    "A001",
    "",
])
def test_anything_else_is_not_gs1(text):
    assert parse_gs1(text) is None


def test_a_gtin_14_is_looked_up_as_the_codes_it_may_be_stored_as():
    assert gtin_forms("06901234567892") == ["06901234567892", "6901234567892"]
    assert gtin_forms("00012345678905") == ["00012345678905", "0012345678905", "012345678905"]
    assert gtin_forms("00000012345670") == ["00000012345670", "0000012345670", "000012345670",
                                            "12345670"]
