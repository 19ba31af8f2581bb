"""The rounding rule's second rendering: db.money's SQL expressions (and the
functions migration 0002 installs from them) agree with the Python rules."""
from __future__ import annotations

import random

import pytest
from sqlalchemy import text

from db.money import (MAX_MONEY, MAX_QTY, cost_share, cost_share_sql, line_amount,
                      line_amount_sql, money_str, money_str_sql, round_div, round_div_sql,
                      unit_cost, unit_cost_sql)

PG_ONLY = [pytest.param("postgresql", marks=pytest.mark.pg)]


def _round_div_cases() -> list[tuple[int, int]]:
    rng = random.Random(20261125)
    cases = [(n, d) for n in range(-12, 13) for d in (1, 2, 3, 4, 5, 7, 10, -1, -2, -3, -7)]
    cases += [(2 * k + 1, 2) for k in range(-5, 5)] + [(-5, 10), (5, 10), (15, 10), (-15, 10),
                                                      (999, 1000), (500, 1000), (-500, 1000),
                                                      (499, 1000), (-499, 1000), (1, 3), (2, 3)]
    big = MAX_MONEY * MAX_QTY        # value x quantity: past bigint, still exact in numeric
    cases += [(big - 1, MAX_QTY - 1), (-(big - 1), MAX_QTY - 1), (big, 2 * MAX_QTY - 1),
              (2**63 - 1, 2), (-(2**63), 3), (10**30 + 5, 10), (499_999_999_999, 999_999_999_999),
              (500_000_000_000, 999_999_999_999), (-500_000_000_000, 999_999_999_999)]
    for _ in range(3000):
        d = rng.choice([rng.randint(1, 10), rng.randint(1, 10**6), rng.randint(1, MAX_QTY)])
        d = -d if rng.random() < 0.1 else d
        n = rng.choice([rng.randint(-10**6, 10**6), rng.randint(-big, big),
                        d * rng.randint(-10**6, 10**6) + (abs(d) // 2) * rng.choice((-1, 1))])
        cases.append((n, d))
    return cases


def _cost_cases() -> list[tuple[int, int, int]]:
    rng = random.Random(7)
    cases = [(v, q, o) for v in (0, 1, 2, 3, 10, 99, 100, 12345) for q in (1, 2, 3, 1000, 3000)
             for o in (1, 2, 500, 1000) if o <= q]
    cases += [(120_00, 20_000, 10_000), (100, 3000, 1000), (100, 3000, 3000), (-7, 3, 1),
              (MAX_MONEY - 1, MAX_QTY - 1, MAX_QTY - 2), (MAX_MONEY - 1, MAX_QTY - 1, 1)]
    for _ in range(2000):
        q = rng.choice([rng.randint(1, 10**4), rng.randint(1, MAX_QTY - 1)])
        cases.append((rng.randint(-10**6, MAX_MONEY - 1), q, rng.randint(1, q)))
    return cases


def _values(conn, expr: str, cols: list[str], rows: list[tuple]) -> list:
    arrays = ", ".join(f"CAST(:a{i} AS numeric[])" for i in range(len(cols)))
    sql = (f"SELECT {expr} FROM unnest({arrays}) WITH ORDINALITY AS t({', '.join(cols)}, ord) "
           "ORDER BY ord")
    params = {f"a{i}": [r[i] for r in rows] for i in range(len(cols))}
    return [int(x) if not isinstance(x, str) else x for x in conn.execute(text(sql), params).scalars()]


@pytest.mark.parametrize("backend", PG_ONLY)
def test_round_div_in_sql_agrees_with_python(engine):
    cases = _round_div_cases()
    with engine.connect() as conn:
        got = _values(conn, round_div_sql("n", "d"), ["n", "d"], cases)
    for (n, d), g in zip(cases, got):
        assert g == round_div(n, d), (n, d)


@pytest.mark.parametrize("backend", PG_ONLY)
def test_cost_share_unit_cost_and_line_amount_in_sql_agree_with_python(engine):
    cases = _cost_cases()
    with engine.connect() as conn:
        text_expr = _values(conn, cost_share_sql("v", "q", "o"), ["v", "q", "o"], cases)
        installed = _values(conn, "sk_cost_share(v, q, o)", ["v", "q", "o"], cases)
        units = _values(conn, unit_cost_sql("v", "q"), ["v", "q"], [(v, q) for v, q, _ in cases])
        units_fn = _values(conn, "sk_unit_cost(v, q)", ["v", "q"], [(v, q) for v, q, _ in cases])
        amounts = _values(conn, line_amount_sql("v", "o"), ["v", "o"], [(v, o) for v, _, o in cases])
    for (v, q, o), a, b, u, uf, la in zip(cases, text_expr, installed, units, units_fn, amounts):
        assert a == b == cost_share(v, q, o), (v, q, o)
        assert u == uf == unit_cost(v, q), (v, q)
        assert la == line_amount(v, o), (v, o)
    with engine.connect() as conn:
        assert _values(conn, unit_cost_sql("v", "q"), ["v", "q"], [(5, 0), (5, -3)]) == [0, 0]


@pytest.mark.parametrize("backend", PG_ONLY)
def test_money_str_in_sql_agrees_with_python(engine):
    values = [0, 1, -1, 5, 10, 99, 100, 101, -101, 1250, -1250, 123456789, MAX_MONEY - 1,
              -(MAX_MONEY - 1)]
    with engine.connect() as conn:
        got = conn.execute(text(f"SELECT {money_str_sql('f')} FROM unnest(CAST(:v AS bigint[])) "
                                "WITH ORDINALITY AS t(f, ord) ORDER BY ord"), {"v": values}).scalars().all()
    assert got == [money_str(v) for v in values]
