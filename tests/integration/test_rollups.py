"""Issue 8: the sales rollups posting keeps, on both databases.

After every kind of posting that moves sales -- ordinary and fast-path sales,
sales on account, split payments, returns with and without a receipt,
cancelled sales and cancelled returns, drafts saved, discarded and posted --
the summaries read from the rollups equal the reference answer from the
lines, for every grouping and several periods; rebuild writes the same rows;
verify (and so check) names a tampered row; seed leaves them right.
"""
from __future__ import annotations

import datetime as dt
import json

import pytest
from sqlalchemy import func, select

from db import clock, fastsale, rollups, rollups_upkeep
from db.check import check_books
from db.engine import write_transaction
from db.errors import PermissionDenied
from db.schema import (document_payments, documents, sales_day_customer, sales_day_payment,
                       sales_day_product, sales_day_user, sales_month_product)
from db.seed import seed

DAY = dt.timedelta(days=1)
TABLES = (sales_day_product, sales_month_product, sales_day_customer, sales_day_user,
          sales_day_payment)


@pytest.fixture
def history(shop, monkeypatch):
    """A shop with about three months of every kind of sales posting; returns today."""
    seen = {"fast": 0}
    real = fastsale.post_sale

    def spy(*a, **kw):
        done = real(*a, **kw)
        if done is not None:
            seen["fast"] += 1
        return done

    monkeypatch.setattr(fastsale, "post_sale", spy)
    b, L = shop.books, shop.line
    shop.product("A1", "9.90", category="饮料", name="可乐")
    shop.product("B1", "3.50", category="零食", name="薯片")
    shop.product("C1", "12.00", name="No category")
    shop.product("K1", "20.00", category="零食", name="瓜子", unit="kg")
    b.add_customer("Wang")
    b.add_customer("Li")
    cashier = shop.as_user("xiao", "cashier")
    today = clock.today()
    clock.shift(-85 * DAY)
    try:
        shop.receive("Acme", ("A1", 500, "4.00"), ("B1", 500, "1.20"), ("C1", 100, "7.77"),
                     ("K1", 300, "11.11"))
        for week in range(12):
            shop.sell(("A1", 2), ("B1", 1))                                   # fast on PG
            cashier.post_sale([L("B1", 3), L("K1", "0.375")], payment="wechat")
            acct = shop.sell(("C1", 1), customer="Wang", payment="account")
            split = b.post_sale([L("A1", 1), L("C1", 2)], customer="Li",
                                payments=[("cash", 2000), ("card", 990 + 2400 - 2000)])
            if week % 3 == 0:
                b.cancel(acct.number)                                         # a reversal
            if week % 4 == 1:
                ret = b.post_return(split.number, [L("C1", 1)])
                if week == 5:
                    clock.shift(DAY)
                    b.cancel(ret.number)                                      # return cancelled
            if week == 2:
                shop.sell(("A1", 1, "8.00"), payment="alipay")                # price override
                b.post_return_without_receipt([L("B1", 2)], refund="cash")
                draft = b.save_draft("sale", [L("A1", 5)], customer="Wang")   # never counted
                b.discard_draft(draft.number)
                kept = b.save_draft("sale", [L("B1", 4)], payment="card")
            if week == 4:
                b.post_draft(kept.number)                                     # counts when posted
                b.save_draft("sale", [L("K1", 1)])                            # left a draft
            clock.shift(7 * DAY)
    finally:
        clock.reset()
    shop.sell(("A1", 1))
    if shop.backend == "postgresql":
        assert seen["fast"] >= 24
    return today


def _periods(today: dt.date):
    first = today.replace(day=1)
    prev = (first - DAY).replace(day=1)
    return [(today - 100 * DAY, today),                       # everything
            (prev - 31 * DAY, first - DAY),                   # whole months (and a bit)
            ((prev - DAY).replace(day=1), first - DAY),       # exactly two whole months
            (today - 60 * DAY, today - 3 * DAY),              # edges in the middle of months
            (prev + 3 * DAY, prev + 20 * DAY),                # inside one month, most of it
            (prev + 10 * DAY, prev + 12 * DAY),               # a few days
            (today, today), (today + DAY, today + 9 * DAY)]   # today; nothing


def test_every_grouping_equals_the_reference_after_every_kind_of_posting(shop, history):
    with shop.engine.connect() as c:
        for date_from, date_to in _periods(history):
            totals = []
            for by in rollups.GROUPINGS:
                want = rollups.reference_summary(c, date_from, date_to, by)
                got = rollups.sales_summary(c, date_from, date_to, by, cached=False)
                assert got == want, (by, date_from, date_to)
                assert rollups.sales_summary(c, date_from, date_to, by) == want   # cached
                totals.append(got["total"])
            assert all(t == totals[0] for t in totals), (date_from, date_to, totals)
        whole = rollups.sales_summary(c, history - 100 * DAY, history, "product")
    assert whole["total"]["amount"] > 0 and len(whole["rows"]) == 4
    # drafts never count, the posted draft does; returns and cancels are net of sales
    assert {r["key"] for r in whole["rows"]} == {"A1", "B1", "C1", "K1"}
    with shop.engine.connect() as c:
        assert rollups_upkeep.verify(c) == []
    assert check_books(shop.engine) == []


def test_returns_and_cancels_count_against_the_sales(shop):
    shop.product("A1", "9.90")
    shop.receive("Acme", ("A1", 10, "4.00"))
    b, L, today = shop.books, shop.line, clock.today()

    def a1():
        with shop.engine.connect() as c:
            rows = rollups.sales_summary(c, today, today, "product")["rows"]
        return [(r["qty"], r["amount"], r["cost"]) for r in rows]

    sale = shop.sell(("A1", 3))
    assert a1() == [(3000, 2970, 1200)]
    ret = b.post_return(sale.number, [L("A1", 1)])
    assert a1() == [(2000, 1980, 800)]
    b.cancel(ret.number)                        # the return undone: the sale stands whole
    assert a1() == [(3000, 2970, 1200)]
    b.post_return(sale.number, [L("A1", 3)])
    assert a1() == [(0, 0, 0)]                  # sold and brought back: a row of nothing
    other = shop.sell(("A1", 2))
    b.cancel(other.number)
    assert a1() == [(0, 0, 0)]
    with shop.engine.connect() as c:
        assert rollups.daily_close(c, today)["amount"] == 0
        assert rollups.daily_close(c, today)["paid"] == 0
        assert rollups.reference_summary(c, today, today, "product")["total"]["amount"] == 0


def test_the_sort_orders_and_keys(shop, history):
    with shop.engine.connect() as c:
        s = rollups.sales_summary(c, history - 100 * DAY, history, "customer")
        assert {r["key"] for r in s["rows"]} == {"", "Wang", "Li"}
        amounts = [r["amount"] for r in s["rows"]]
        assert amounts == sorted(amounts, reverse=True)
        days = rollups.sales_summary(c, history - 100 * DAY, history, "day")["rows"]
        assert [r["key"] for r in days] == sorted(r["key"] for r in days)
        cats = {r["key"] for r in rollups.sales_summary(c, history - 100 * DAY, history,
                                                       "category")["rows"]}
        assert cats == {"饮料", "零食", ""}
        cashiers = {r["key"] for r in rollups.sales_summary(c, history - 100 * DAY, history,
                                                           "cashier")["rows"]}
        assert cashiers == {"boss", "xiao"}


def _snapshot(shop):
    return {t.name: sorted(tuple(r) for r in shop.rows(select(t))) for t in TABLES}


def test_rebuild_writes_the_same_rows_and_verify_names_a_tampered_one(shop, history):
    before = _snapshot(shop)
    assert all(before[t.name] for t in TABLES)
    with write_transaction(shop.engine) as c:
        done = rollups_upkeep.rebuild(c)
    assert done["sales_day_product"] == len(before["sales_day_product"])
    assert _snapshot(shop) == before
    with write_transaction(shop.engine) as c:                 # only the recent days
        rollups_upkeep.rebuild(c, history - 20 * DAY)
    assert _snapshot(shop) == before
    day = shop.scalar(select(func.max(sales_day_product.c.day)))
    shop.execute("UPDATE sales_day_product SET amount = amount + 1 WHERE day = :d AND "
                 "product_id = (SELECT id FROM products WHERE sku = 'A1')", d=day)
    shop.execute("DELETE FROM sales_day_payment WHERE method = 'wechat'")
    shop.execute("UPDATE sales_day_customer SET docs = docs + 1 WHERE customer_id = 0")
    with shop.engine.connect() as c:
        breaches = rollups_upkeep.verify(c)
    assert any("sales_day_product" in b and str(day) in b and "product A1" in b for b in breaches)
    assert any("sales_day_payment" in b and "method wechat" in b for b in breaches)
    assert any("sales_day_customer" in b and "no customer" in b for b in breaches)
    assert any(b.startswith("rollups:") for b in check_books(shop.engine))
    with write_transaction(shop.engine) as c:
        rollups_upkeep.rebuild(c)
    assert _snapshot(shop) == before
    assert check_books(shop.engine) == []


def test_the_cache_answers_until_a_posting_changes_the_answer(shop, history):
    with shop.engine.connect() as c:
        v0 = rollups.version(c)
        first = rollups.sales_summary(c, history, history, "product")
        assert rollups.sales_summary(c, history, history, "product") is first
        old = rollups.sales_summary(c, history - 30 * DAY, history - 20 * DAY, "day")
    shop.sell(("B1", 1))
    with shop.engine.connect() as c:
        assert rollups.version(c) > v0
        again = rollups.sales_summary(c, history, history, "product")
        assert again is not first
        assert again["total"]["amount"] == first["total"]["amount"] + 350
        # a period the posting did not touch keeps its answer
        assert rollups.sales_summary(c, history - 30 * DAY, history - 20 * DAY, "day") is old


def test_the_kept_months_and_a_fresh_last_month_give_the_reference(shop, history, monkeypatch):
    a, b = history - 70 * DAY, history
    L = shop.line
    monkeypatch.setattr(rollups, "KEEP_MONTHS_FROM", 30)

    def same():
        with shop.engine.connect() as c:
            for by in ("product", "category"):
                assert rollups.sales_summary(c, a, b, by) == rollups.reference_summary(c, a, b, by)

    same()
    shop.sell(("K1", "0.5"))                         # today: the kept months stay
    same()
    shop.books.post_sale([L("C1", 1)], doc_date=history - 40 * DAY)   # inside the kept months
    same()
    with write_transaction(shop.engine) as c:
        rollups_upkeep.rebuild(c)
    same()


def test_daily_close_matches_the_payments(shop, history):
    with shop.engine.connect() as c:
        days = c.execute(select(documents.c.doc_date).where(
            documents.c.kind.in_(rollups.SALE_KINDS), documents.c.posted_at.is_not(None))
            .distinct()).scalars().all()
        assert len(days) > 10
        for day in days:
            close = rollups.daily_close(c, day)
            paid = c.execute(select(document_payments.c.method,
                                    func.sum(document_payments.c.amount), func.count())
                             .join(documents, documents.c.id == document_payments.c.document_id)
                             .where(documents.c.doc_date == day, documents.c.posted_at.is_not(None),
                                    documents.c.kind.in_(rollups.SALE_KINDS))
                             .group_by(document_payments.c.method)).all()
            assert {m["method"]: (m["amount"], m["docs"]) for m in close["methods"]} == \
                {m: (int(a), n) for m, a, n in paid}
            ref = rollups.reference_summary(c, day, day, "day")["total"]
            assert (close["amount"], close["cost"], close["qty"]) == \
                (ref["amount"], ref["cost"], ref["qty"])
            assert close["paid"] == close["amount"]      # every fen was paid one way or another


def test_best_sellers_and_the_slowest(shop, history):
    shop.product("Z9", "1.00", name="Never sold")
    with shop.engine.connect() as c:
        top = rollups.best_sellers(c, history - 100 * DAY, history, n=2)
        assert [r["key"] for r in top] == [r["key"] for r in rollups.sales_summary(
            c, history - 100 * DAY, history, "product")["rows"][:2]]
        slow = rollups.best_sellers(c, history - 100 * DAY, history, n=3, slowest=True)
        assert slow[0]["key"] == "Z9" and slow[0]["qty"] == 0
        assert [r["qty"] for r in slow] == sorted(r["qty"] for r in slow)


def test_seed_leaves_the_rollups_right_and_the_triggers_on(shop):
    seed(shop.engine, shop.owner, products=60, customers=10, sales_lines=3000, days=45, seed=3,
         end=dt.date(2026, 3, 1))
    with shop.engine.connect() as c:
        assert rollups_upkeep.verify(c) == []
        for by in rollups.GROUPINGS:
            assert rollups.sales_summary(c, dt.date(2026, 1, 20), dt.date(2026, 2, 25), by) == \
                rollups.reference_summary(c, dt.date(2026, 1, 20), dt.date(2026, 2, 25), by)
        sku = c.exec_driver_sql("SELECT p.sku FROM products p JOIN stock s ON s.product_id = p.id "
                                "WHERE s.qty >= 5000 ORDER BY p.id LIMIT 1").scalar()
        n = c.execute(select(func.count()).select_from(sales_day_product)).scalar()
    shop.sell((sku, 1))                                   # the triggers are back
    with shop.engine.connect() as c:
        assert c.execute(select(func.count()).select_from(sales_day_product)).scalar() == n + 1
        assert rollups_upkeep.verify(c) == []


# ---------------------------------------------------------------- the command line

def _cli(capsys, monkeypatch, shop, *args, password=None):
    from desktop.cli import run
    monkeypatch.setenv("STOREKEEPER_PASSWORD", password or shop.owner_password)
    capsys.readouterr()
    try:
        code = run(["--db", shop.url, *args])
    except SystemExit as exc:       # argparse: wrong usage
        code = exc.code
    out = capsys.readouterr()
    return code, out.out, out.err


def test_report_sales_summary_on_the_command_line(shop, history, capsys, monkeypatch):
    frm, to = (history - 100 * DAY).isoformat(), history.isoformat()
    code, out, err = _cli(capsys, monkeypatch, shop, "report", "sales-summary", "--from", frm,
                          "--to", to, "--by", "product", "--json")
    assert code == 0, err
    data = json.loads(out)
    assert set(data) == {"rows", "total"}
    assert set(data["total"]) == {"qty", "amount", "cost", "profit"}
    assert all({"key", "qty", "amount", "cost", "profit"} <= set(r) for r in data["rows"])
    with shop.engine.connect() as c:
        ref = rollups.reference_summary(c, history - 100 * DAY, history, "product")
    t = ref["total"]
    assert data["total"]["amount"] == f"{t['amount'] // 100}.{t['amount'] % 100:02d}"
    assert all(isinstance(v, str) for r in data["rows"] for k, v in r.items())
    assert [r["key"] for r in data["rows"]] == [r["key"] for r in ref["rows"]]
    for by in ("day", "month", "category", "customer", "week", "cashier"):
        code, out, _ = _cli(capsys, monkeypatch, shop, "report", "sales-summary", "--from", frm,
                            "--to", to, "--by", by, "--json")
        assert code == 0 and json.loads(out)["total"] == data["total"], by
    code, _, err = _cli(capsys, monkeypatch, shop, "report", "sales-summary", "--from", frm,
                        "--to", to, "--by", "colour")
    assert code == 2
    code, _, err = _cli(capsys, monkeypatch, shop, "report", "sales-summary", "--from", to,
                        "--to", frm, "--by", "day")
    assert code == 1 and "after it ends" in err and len(err.strip().splitlines()) == 1
    code, _, err = _cli(capsys, monkeypatch, shop, "report", "sales-summary", "--from", "yesterday",
                        "--to", to, "--by", "day")
    assert code == 1 and "--from" in err


def test_who_may_see_what_and_rebuild(shop, history, capsys, monkeypatch):
    frm, to = (history - 100 * DAY).isoformat(), history.isoformat()
    shop.as_user("kuaiji", "bookkeeper", "book-pw-1")
    shop.as_user("dian", "cashier", "cash-pw-1")
    code, out, err = _cli(capsys, monkeypatch, shop, "--user", "dian", "report", "sales-summary",
                          "--from", frm, "--to", to, "--by", "day", "--json", password="cash-pw-1")
    assert code == 1 and "dian" in err and out == ""
    code, out, err = _cli(capsys, monkeypatch, shop, "--user", "dian", "rollups", "rebuild",
                          password="cash-pw-1")
    assert code == 1 and "rebuild" in err
    code, out, err = _cli(capsys, monkeypatch, shop, "--user", "kuaiji", "report",
                          "sales-summary", "--from", frm, "--to", to, "--by", "day", "--json",
                          password="book-pw-1")
    assert code == 0, err
    data = json.loads(out)
    assert "cost" in data["total"]          # a bookkeeper sees cost
    from desktop.cli.cmd_reports import summary_json   # a role without see-cost would not
    with shop.engine.connect() as c:
        hidden = summary_json(rollups.sales_summary(c, history - 100 * DAY, history, "day"), False)
    assert "cost" not in hidden["total"] and all("profit" not in r for r in hidden["rows"])
    shop.as_user("lao", "clerk", "clerk-pw-1")
    code, out, err = _cli(capsys, monkeypatch, shop, "--user", "lao", "report", "sales-summary",
                          "--from", frm, "--to", to, "--by", "day", password="clerk-pw-1")
    assert code == 1                          # a clerk has no reports
    before = _snapshot(shop)
    code, out, err = _cli(capsys, monkeypatch, shop, "rollups", "rebuild", "--json")
    assert code == 0, err
    assert json.loads(out)["sales_day_product"] == len(before["sales_day_product"])
    assert _snapshot(shop) == before
    code, out, err = _cli(capsys, monkeypatch, shop, "report", "daily-close", "--day", to, "--json")
    assert code == 0 and json.loads(out)["day"] == to
    with pytest.raises(PermissionDenied):
        from db.audit import Actor
        rollups_upkeep.require_rebuild(Actor(1, "x", "cashier"))
