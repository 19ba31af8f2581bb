"""Money and quantities: integers only, rounding in one named place.

Money is stored as integer minor units (fen); quantities as integer
thousandths of the product's unit (milli). Text in and out goes through
Decimal, never float. Every rounding of the books happens in `round_div`,
half away from zero.
"""
from __future__ import annotations

from decimal import Decimal, InvalidOperation

from db.errors import BooksError

MONEY_SCALE = 100      # fen per yuan
QTY_SCALE = 1000       # milli-units per unit
MAX_MONEY = 10**13     # 100 billion yuan: well past any shop, far from 2**63
MAX_QTY = 10**12       # a billion units


def round_div(numerator: int, denominator: int) -> int:
    """numerator / denominator rounded half away from zero. THE rounding rule."""
    if denominator == 0:
        raise ZeroDivisionError("round_div by zero")
    if denominator < 0:
        numerator, denominator = -numerator, -denominator
    q, r = divmod(abs(numerator), denominator)
    if 2 * r >= denominator:
        q += 1
    return q if numerator >= 0 else -q


def _decimal(text: str | int | Decimal, what: str) -> Decimal:
    if isinstance(text, Decimal):
        d = text
    elif isinstance(text, int):
        d = Decimal(text)
    elif isinstance(text, str):
        s = text.strip().replace(",", "")
        try:
            d = Decimal(s)
        except InvalidOperation:
            raise BooksError(f"{what} '{text}' is not a number") from None
    else:
        raise BooksError(f"{what} must be text or a whole number, not {type(text).__name__}")
    if not d.is_finite():
        raise BooksError(f"{what} '{text}' is not a number")
    return d


def parse_money(text: str | int | Decimal, what: str = "amount") -> int:
    """'12.5' -> 1250 fen. More than two decimals is refused, not rounded."""
    d = _decimal(text, what)
    fen = d * MONEY_SCALE
    if fen != fen.to_integral_value():
        raise BooksError(f"{what} '{text}' has more than two decimal places")
    value = int(fen)
    if abs(value) >= MAX_MONEY:
        raise BooksError(f"{what} '{text}' is too large")
    return value


def parse_qty(text: str | int | Decimal, what: str = "quantity") -> int:
    """'0.75' -> 750 milli-units. More than three decimals is refused."""
    d = _decimal(text, what)
    milli = d * QTY_SCALE
    if milli != milli.to_integral_value():
        raise BooksError(f"{what} '{text}' has more than three decimal places")
    value = int(milli)
    if abs(value) >= MAX_QTY:
        raise BooksError(f"{what} '{text}' is too large")
    return value


def money_str(fen: int) -> str:
    """1250 -> '12.50' (always two decimals)."""
    sign = "-" if fen < 0 else ""
    q, r = divmod(abs(fen), MONEY_SCALE)
    return f"{sign}{q}.{r:02d}"


def qty_str(milli: int) -> str:
    """3000 -> '3', 750 -> '0.750', 1500 -> '1.500' (whole or three decimals)."""
    sign = "-" if milli < 0 else ""
    q, r = divmod(abs(milli), QTY_SCALE)
    return f"{sign}{q}" if r == 0 else f"{sign}{q}.{r:03d}"


def line_amount(unit_price_fen: int, qty_milli: int) -> int:
    """Price of a line: unit price times quantity, rounded once."""
    return round_div(unit_price_fen * qty_milli, QTY_SCALE)


def cost_share(stock_value_fen: int, stock_qty_milli: int, out_qty_milli: int) -> int:
    """Cost of taking out_qty from a stock of stock_qty worth stock_value.

    Moving weighted average: value * out / qty, rounded once. Taking all of
    the stock takes all of its value, so no fen is ever stranded.
    """
    if stock_qty_milli <= 0:
        raise ValueError("cost_share needs a positive stock quantity")
    if out_qty_milli == stock_qty_milli:
        return stock_value_fen
    return round_div(stock_value_fen * out_qty_milli, stock_qty_milli)


def unit_cost(stock_value_fen: int, stock_qty_milli: int) -> int:
    """Average cost of one unit in fen (for display and as the last known cost)."""
    if stock_qty_milli <= 0:
        return 0
    return round_div(stock_value_fen * QTY_SCALE, stock_qty_milli)


# ---------------------------------------------------------------- the same rules in SQL
# PostgreSQL's fast path for sales (db.fastsale, migration 0002) prices goods on the
# server, under the stock row's lock. These render round_div, cost_share and
# unit_cost as PostgreSQL expressions over numeric: exact integer arithmetic
# (div truncates; no overflow, no rounded quotient), so they agree with the
# Python above on every value (tests/integration/test_money_sql.py holds them to it).

def round_div_sql(numerator: str, denominator: str) -> str:
    """round_div(n, d) as SQL: sign(n)·sign(d)·floor((2|n| + |d|) / 2|d|), i.e. the
    quotient rounded half away from zero. Division by zero raises, as in Python."""
    n, d = f"(({numerator})::numeric)", f"(({denominator})::numeric)"
    return f"(sign({n}) * sign({d}) * div(2 * abs({n}) + abs({d}), 2 * abs({d})))"


def cost_share_sql(value: str, qty: str, out: str) -> str:
    """cost_share(value, qty, out) as SQL, for qty > 0 (the caller checks that)."""
    return (f"(CASE WHEN ({out})::numeric = ({qty})::numeric THEN ({value})::numeric "
            f"ELSE {round_div_sql(f'({value})::numeric * ({out})::numeric', qty)} END)")


def unit_cost_sql(value: str, qty: str) -> str:
    """unit_cost(value, qty) as SQL."""
    return (f"(CASE WHEN ({qty})::numeric <= 0 THEN 0::numeric "
            f"ELSE {round_div_sql(f'({value})::numeric * {QTY_SCALE}', qty)} END)")


def line_amount_sql(price: str, qty: str) -> str:
    """line_amount(price, qty) as SQL."""
    return round_div_sql(f"({price})::numeric * ({qty})::numeric", str(QTY_SCALE))


def money_str_sql(fen: str) -> str:
    """money_str(fen) as SQL text, for bigint fen: '-12.05'."""
    return (f"(CASE WHEN ({fen}) < 0 THEN '-' ELSE '' END || (abs({fen}) / {MONEY_SCALE})::text "
            f"|| '.' || lpad((abs({fen}) % {MONEY_SCALE})::text, 2, '0'))")
