"""Money and quantities: integers only, refused not rounded, one rounding rule."""
from __future__ import annotations

import random
from decimal import ROUND_HALF_UP, Decimal

import pytest

from db.errors import BooksError
from db.money import (cost_share, line_amount, money_str, parse_money, parse_qty, qty_str,
                      round_div, unit_cost)


@pytest.mark.parametrize("text, fen", [
    ("12.5", 1250), ("12.50", 1250), ("0.10", 10), ("0.01", 1), ("7", 700), ("-3.10", -310),
    ("1,234.56", 123456), (" 9.90 ", 990), (Decimal("0.30"), 30), (3, 300), ("0", 0),
])
def test_parse_money(text, fen):
    assert parse_money(text) == fen
    assert isinstance(parse_money(text), int)


@pytest.mark.parametrize("text", ["12.345", "0.001", "9.999", "1.005"])
def test_parse_money_refuses_more_than_two_decimals(text):
    with pytest.raises(BooksError, match="more than two decimal places"):
        parse_money(text)


@pytest.mark.parametrize("value", [12.5, 0.1, float("nan")])
def test_parse_money_refuses_floats(value):
    with pytest.raises(BooksError):
        parse_money(value)


@pytest.mark.parametrize("text", ["abc", "", "NaN", "Infinity", "1e30", "12.5元"])
def test_parse_money_refuses_non_numbers_and_huge(text):
    with pytest.raises(BooksError):
        parse_money(text)


def test_parse_money_names_the_item():
    with pytest.raises(BooksError, match="price of A1"):
        parse_money("1.234", "price of A1")


@pytest.mark.parametrize("fen, text", [
    (1250, "12.50"), (0, "0.00"), (5, "0.05"), (-5, "-0.05"), (-310, "-3.10"),
    (3000, "30.00"), (123456789, "1234567.89"),
])
def test_money_str(fen, text):
    assert money_str(fen) == text


def test_money_round_trip():
    for fen in [-100001, -99, -1, 0, 1, 9, 10, 99, 100, 101, 999999]:
        assert parse_money(money_str(fen)) == fen


@pytest.mark.parametrize("text, milli", [
    ("3", 3000), ("0.75", 750), ("0.750", 750), ("1.5", 1500), ("0.001", 1), ("-2", -2000),
])
def test_parse_qty(text, milli):
    assert parse_qty(text) == milli


def test_parse_qty_refuses_more_than_three_decimals_and_floats():
    with pytest.raises(BooksError, match="more than three decimal places"):
        parse_qty("0.0005")
    with pytest.raises(BooksError):
        parse_qty(0.5)


@pytest.mark.parametrize("milli, text", [
    (3000, "3"), (750, "0.750"), (1500, "1.500"), (0, "0"), (-1500, "-1.500"), (-3000, "-3"),
    (1, "0.001"),
])
def test_qty_str(milli, text):
    assert qty_str(milli) == text


@pytest.mark.parametrize("num, den, want", [
    (5, 2, 3), (-5, 2, -3), (7, 2, 4), (-7, 2, -4), (3, 2, 2), (-3, 2, -2),
    (1, 3, 0), (2, 3, 1), (-1, 3, 0), (-2, 3, -1), (4, 3, 1), (-4, 3, -1),
    (5, -2, -3), (-5, -2, 3), (0, 7, 0), (6, 3, 2), (-6, 3, -2), (1, 2, 1), (-1, 2, -1),
])
def test_round_div_half_away_from_zero(num, den, want):
    assert round_div(num, den) == want


def test_round_div_agrees_with_decimal_half_up_everywhere():
    rng = random.Random(2)
    for _ in range(5000):
        num = rng.randint(-10**9, 10**9)
        den = rng.choice([1, 2, 3, 4, 7, 10, 1000, rng.randint(1, 10**6)]) * rng.choice([1, -1])
        want = int((Decimal(num) / Decimal(den)).quantize(Decimal(1), rounding=ROUND_HALF_UP))
        assert round_div(num, den) == want, (num, den)


def test_round_div_exact_on_huge_integers():
    # no float anywhere: a float would lose the last digit here
    assert round_div(10**20 + 1, 1) == 10**20 + 1
    assert round_div(3 * 10**19 + 1, 3) == 10**19


def test_round_div_by_zero():
    with pytest.raises(ZeroDivisionError):
        round_div(1, 0)


@pytest.mark.parametrize("price, qty, amount", [
    (990, 3000, 2970), (10, 3000, 30), (500, 10000, 5000), (333, 500, 167),  # 166.5 -> 167
    (333, 1500, 500), (199, 250, 50), (1, 1, 0), (1, 500, 1), (12345, 0, 0),
])
def test_line_amount(price, qty, amount):
    assert line_amount(price, qty) == amount


def test_three_times_ten_fen_is_thirty_fen():
    assert line_amount(parse_money("0.10"), parse_qty("3")) == parse_money("0.30")
    assert (line_amount(parse_money("9.90"), parse_qty("3"))
            + line_amount(parse_money("0.10"), parse_qty("3"))) == parse_money("30.00")


def test_cost_share_takes_all_value_with_all_stock():
    assert cost_share(1000, 3000, 3000) == 1000
    assert cost_share(1, 3000, 3000) == 1
    assert cost_share(500, 3000, 1000) == 167   # 166.67
    assert cost_share(12000, 20000, 3000) == 1800


def test_cost_share_refuses_empty_stock():
    with pytest.raises(ValueError):
        cost_share(100, 0, 1)


def test_shares_taken_until_empty_sum_to_the_whole_value():
    rng = random.Random(7)
    for _ in range(2000):
        qty = rng.randint(1, 50_000)
        value = rng.randint(0, 10**7)
        left_q, left_v, taken = qty, value, 0
        while left_q:
            out = rng.randint(1, left_q)
            share = cost_share(left_v, left_q, out)
            assert 0 <= share <= left_v
            taken += share
            left_q -= out
            left_v -= share
        assert taken == value and left_v == 0


def test_unit_cost():
    assert unit_cost(12000, 20000) == 600
    assert unit_cost(500, 3000) == 167
    assert unit_cost(100, 0) == 0
