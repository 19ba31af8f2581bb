"""On-screen text of money, quantities, counts and dates by the locale
(desktop.ui.formats): grouped, exact, never through a float; and typed numbers
read back in the plain and the grouped form, never misread. QLocale needs no
QApplication: each test names its locale, and the default one is put back."""
from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QDate, QLocale

from db.errors import BooksError
from desktop.ui import formats as f

ZH, EN, DE = QLocale("zh_CN"), QLocale("en_US"), QLocale("de_DE")
BOTH = pytest.mark.parametrize("loc", [ZH, EN], ids=["zh_CN", "en_US"])


@pytest.fixture
def default_locale():
    """Sets QLocale's default for a test, as desktop.ui.i18n.install does; restores it."""
    before = QLocale()

    def use(locale: QLocale) -> None:
        QLocale.setDefault(locale)
    yield use
    QLocale.setDefault(before)


# ---------------------------------------------------------------- money

@BOTH
@pytest.mark.parametrize("fen, text", [
    (0, "0.00"), (1, "0.01"), (30, "0.30"), (-30, "-0.30"), (-5, "-0.05"), (1250, "12.50"),
    (99_999, "999.99"), (100_000, "1,000.00"), (-100_000, "-1,000.00"), (123_456, "1,234.56"),
    (1_234_567_890, "12,345,678.90"), (-1_234_567_890, "-12,345,678.90"),
    (1_234_567_890_123, "12,345,678,901.23"), (10**13 - 1, "99,999,999,999.99"),
])
def test_money_is_grouped_with_two_decimals(loc, fen, text):
    assert f.money_text(fen, loc) == text


def test_money_is_exact_where_a_float_is_not():
    # 0.1 + 0.2 in fen is 30, which is 0.30; far past a double's 53 bits every digit stays
    assert f.money_text(10 + 20, EN) == "0.30"
    assert f.money_text(2**63 - 1, EN) == "92,233,720,368,547,758.07"
    assert f.money_text(9_007_199_254_740_993, EN) == "90,071,992,547,409.93"


@pytest.mark.parametrize("value", [12.5, 0.3, float(10**13)])
def test_a_float_is_refused_not_rounded(value):
    with pytest.raises(TypeError):
        f.money_text(value, EN)
    with pytest.raises(TypeError):
        f.qty_text(value, EN)


def test_money_follows_the_locale_separators():
    assert f.money_text(1_234_567_890, DE) == "12.345.678,90"
    assert f.money_text(-30, DE) == "-0,30"
    no_groups = QLocale(EN)
    no_groups.setNumberOptions(QLocale.NumberOption.OmitGroupSeparator)
    assert f.money_text(1_234_567_890, no_groups) == "12345678.90"


def test_the_default_locale_is_the_one_used(default_locale):
    default_locale(DE)
    assert f.money_text(123_456) == "1.234,56"
    default_locale(ZH)
    assert f.money_text(123_456) == "1,234.56"
    assert f.date_text(dt.date(2026, 12, 3)) == "2026/12/3"


# ---------------------------------------------------------------- quantities, counts, percent

@BOTH
@pytest.mark.parametrize("milli, text", [
    (0, "0"), (3000, "3"), (750, "0.750"), (1500, "1.500"), (-1500, "-1.500"), (1, "0.001"),
    (1_234_000, "1,234"), (1_234_500, "1,234.500"), (-1_234_567_891, "-1,234,567.891"),
    (10**12 - 1, "999,999,999.999"),
])
def test_quantities_whole_or_three_decimals_grouped(loc, milli, text):
    assert f.qty_text(milli, loc) == text


def test_signed_quantities():
    assert [f.signed_qty_text(q, EN) for q in (2000, -500, 0, 1_500_000)] == \
        ["+2", "-0.500", "0", "+1,500"]


@BOTH
def test_counts_and_percentages(loc):
    assert [f.count_text(n, loc) for n in (0, 7, 1234, 1_234_567, -5)] == \
        ["0", "7", "1,234", "1,234,567", "-5"]
    assert [f.percent_text(p, loc) for p in (0, 5, 123, 1000, -15, 123_456)] == \
        ["0.0%", "0.5%", "12.3%", "100.0%", "-1.5%", "12,345.6%"]
    assert f.percent_text(None, loc) == ""
    assert f.percent_text(123, DE).startswith("12,3")


# ---------------------------------------------------------------- dates and times

def test_date_formats_have_a_four_digit_year():
    assert f.date_format(ZH) == "yyyy/M/d" and f.date_format(EN) == "M/d/yyyy"
    assert f.date_edit_format(EN) == f.date_format(EN)
    assert f.month_format(ZH) == "yyyy/M" and f.month_format(EN) == "M/yyyy"
    assert f.day_format(ZH) == "M/d" and f.day_format(EN) == "M/d"
    assert "yyyy" in f.date_format(DE) and "yyyyyyyy" not in f.date_format(DE)


@pytest.mark.parametrize("value", [dt.date(2026, 12, 3), dt.datetime(2026, 12, 3, 23, 59),
                                   "2026-12-03", QDate(2026, 12, 3)])
def test_dates(value):
    assert f.date_text(value, ZH) == "2026/12/3"
    assert f.date_text(value, EN) == "12/3/2026"


def test_dates_and_times_24_hours():
    at = dt.datetime(2026, 1, 5, 14, 5, 9)
    assert f.datetime_text(at, locale=ZH) == "2026/1/5 14:05"
    assert f.datetime_text(at, locale=EN) == "1/5/2026 14:05"
    assert f.datetime_text(at, seconds=True, locale=EN) == "1/5/2026 14:05:09"
    assert f.datetime_text("2026-01-05 09:30:12.123456", locale=EN) == "1/5/2026 09:30"
    assert f.time_text(at) == "14:05" and f.time_text(at, seconds=True) == "14:05:09"
    assert f.time_text(dt.time(7, 3)) == "07:03"
    assert f.when_text("2026-01-05 23:30", locale=ZH) == "2026/1/5 23:30"
    assert f.when_text("2026-01-05", locale=ZH) == "2026/1/5"
    assert f.when_text(dt.date(2026, 1, 5), locale=EN) == "1/5/2026"
    assert f.when_text(at, locale=EN) == "1/5/2026 14:05"
    assert f.date_text(None) == f.datetime_text(None) == f.when_text("") == f.time_text(None) == ""
    assert f.month_text(2026, 12, ZH) == "2026/12" and f.month_text(2026, 12, EN) == "12/2026"


def test_typed_dates():
    assert f.parse_date_text("2027-03-31", EN) == dt.date(2027, 3, 31)
    assert f.parse_date_text("2027/3/31", ZH) == dt.date(2027, 3, 31)
    assert f.parse_date_text("3/31/2027", EN) == dt.date(2027, 3, 31)
    with pytest.raises(ValueError):
        f.parse_date_text("31/3/2027", EN)


# ---------------------------------------------------------------- reading typed numbers back

@BOTH
@pytest.mark.parametrize("typed, plain", [
    ("1234.5", "1234.5"), ("1,234.50", "1234.50"), (" 1,234,567.891 ", "1234567.891"),
    ("1,234", "1234"), ("0.30", "0.30"), (".5", "0.5"), ("5.", "5"), ("-2", "-2"),
    ("+3", "3"), ("-1,000.25", "-1000.25"), ("0", "0"),
])
def test_plain_and_grouped_are_read(loc, typed, plain):
    assert f.plain_number(typed, "amount", loc) == plain


@BOTH
@pytest.mark.parametrize("typed", ["12,50", "1,23", "1,2345", ",5", "1,,234", "1.234.5",
                                   "1,234,56", "12a", "", " ", "-", "1 234", "1.2.3"])
def test_what_is_no_number_of_the_locale_is_refused(loc, typed):
    with pytest.raises(BooksError):
        f.plain_number(typed, "amount", loc)


def test_a_grouped_quantity_is_never_read_as_decimals():
    assert f.parse_qty_text("1,500", "quantity", EN) == 1_500_000       # not 1.5
    assert f.parse_qty_text("1.500", "quantity", EN) == 1500
    assert f.parse_money_text("1,234.50", "price", ZH) == 123_450
    assert f.parse_money_text("1234.5", "price", ZH) == 123_450
    assert f.parse_money_text(f.money_text(1_234_567_890_123, ZH), "price", ZH) == \
        1_234_567_890_123
    with pytest.raises(BooksError, match="more than two decimal"):
        f.parse_money_text("1,234.505", "price", EN)
    with pytest.raises(BooksError, match="price '12,50' is not a number"):
        f.parse_money_text("12,50", "price", EN)


def test_a_decimal_comma_locale_reads_its_own_form_and_the_plain_one():
    assert f.plain_number("1.234,5", "amount", DE) == "1234.5"
    assert f.plain_number("12,50", "amount", DE) == "12.50"
    assert f.plain_number("1234.5", "amount", DE) == "1234.5"         # plain: '.' decimal
    assert f.parse_money_text(f.money_text(-123_456, DE), "amount", DE) == -123_456
    with pytest.raises(BooksError):
        f.plain_number("1,234.50", "amount", DE)


@BOTH
def test_every_shown_amount_reads_back(loc):
    for fen in (0, 1, 30, -30, 99_999, 100_000, 123_456_789, -987_654_321_012):
        assert f.parse_money_text(f.money_text(fen, loc), "amount", loc) == fen
    for milli in (0, 1, 750, 3000, 1_234_500, -1_000_000_001):
        assert f.parse_qty_text(f.qty_text(milli, loc), "quantity", loc) == milli


def test_the_validator_pattern_lets_grouped_text_be_typed():
    import re
    money = re.compile(f.number_pattern(2, locale=EN))
    assert all(money.match(t) for t in ("1,234.50", "1234.5", "12", "", ".5"))
    assert not any(money.match(t) for t in ("1.234", "12a", "-5", "1.2.3"))
    signed = re.compile(f.number_pattern(3, signed=True, locale=ZH))
    assert signed.match("-1,234.567") and not signed.match("-1.2345")
