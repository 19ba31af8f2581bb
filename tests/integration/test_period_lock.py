"""Issue 10: the period lock. Nothing dated on or before the day the books are
closed through is posted or cancelled -- on SQLite and PostgreSQL."""
from __future__ import annotations

import datetime as dt
import json
import threading

import pytest
from openpyxl import Workbook
from sqlalchemy import select

from db import clock, fastsale, imports, periods
from db import documents as docs
from db.check import check_books
from db.engine import write_transaction
from db.errors import BooksError, PermissionDenied
from db.posting import run_posting
from db.schema import (account_ledger, audit_log, documents, import_batches, products,
                       sales_history, settings, stock_ledger)
from desktop.books.pipeline import commit, preview_for

DAY = dt.timedelta(days=1)


@pytest.fixture(autouse=True)
def real_clock():
    clock.reset()
    yield
    clock.reset()


@pytest.fixture
def stocked(shop):
    shop.product("A1", "9.90")
    shop.books.add_customer("Wang")
    shop.receive("Acme", ("A1", 100, "5.00"))
    return shop


def written(shop) -> tuple[int, ...]:
    """What postings write: documents, stock and account ledger rows, audit rows."""
    return tuple(shop.count(t) for t in (documents, stock_ledger, account_ledger, audit_log))


def closed(shop):
    with shop.engine.connect() as c:
        return periods.closed_through(c)


def close(shop, day):
    return periods.close_through(shop.engine, shop.owner, day)


def refused(day, closed_day=None) -> str:
    return (f"dated {day.isoformat()}: the books are closed through "
            f"{(closed_day or day).isoformat()}")


# ---------------------------------------------------------------- postings

def test_back_dated_postings_in_the_closed_books_are_refused_and_the_day_after_posts(stocked):
    shop, L = stocked, stocked.line
    today = clock.today()
    old = today - DAY
    close(shop, old)
    assert closed(shop) == old

    def attempts(day):
        return {
            "sale": lambda: shop.books.post_sale([L("A1", 1)], doc_date=day),  # PG: the fast path
            "split sale": lambda: shop.books.post_sale(
                [L("A1", 1)], payments=[("cash", 500), ("card", 490)], doc_date=day),
            "sale on account": lambda: shop.books.post_sale(
                [L("A1", 1)], customer="Wang", payment="account", doc_date=day),
            "receipt": lambda: shop.books.post_purchase_receipt(
                "Acme", [L("A1", 2, "5.00")], doc_date=day),
            "payment": lambda: run_posting(shop.engine, lambda c: docs.payment(
                c, shop.owner, "customer", "Wang", 100, doc_date=day)),
        }

    before = written(shop)
    for name, post in attempts(old).items():
        with pytest.raises(BooksError, match=refused(old)) as exc:
            post()
        assert exc.value.message.startswith("cannot post a "), name
        assert written(shop) == before, name                        # nothing written
    with pytest.raises(BooksError, match=refused(old - 30 * DAY, old)):
        shop.books.post_sale([L("A1", 1)], doc_date=old - 30 * DAY)
    assert written(shop) == before
    posted = [post() for post in attempts(today).values()]           # the day after the closed one
    assert all(p.number for p in posted) and shop.count(documents) == before[0] + 5
    assert check_books(shop.engine) == []


def test_everything_dated_on_a_closed_today_is_refused_until_tomorrow(stocked):
    shop, L = stocked, stocked.line
    sale = shop.sell(("A1", 5))
    draft = shop.books.save_draft("sale", [L("A1", 1)])
    manager = shop.as_user("laoli", "manager", "mgr-pass-1")
    count = manager.start_count("cycle", product_ids=[shop.scalar(
        select(products.c.id).where(products.c.sku == "A1"))])
    manager.count_set(count, "A1", 94_000)
    manager.finish_count(count)
    today = clock.today()
    close(shop, today)

    def attempts():
        return {
            "sale": lambda: shop.sell(("A1", 1)),
            "return": lambda: shop.books.post_return(sale.number, [L("A1", 1)]),
            "return without receipt": lambda: shop.books.post_return_without_receipt(
                [L("A1", 1)]),
            "receipt": lambda: shop.receive("Acme", ("A1", 1, "5.00")),
            "supplier return": lambda: shop.books.post_purchase_return("Acme", [L("A1", 1)]),
            "adjustment": lambda: shop.books.post_adjustment([L("A1", -1)], reason="damage"),
            "stocktake": lambda: shop.books.post_stocktake([L("A1", 90)]),
            "customer payment": lambda: shop.books.post_customer_payment("Wang", 100),
            "supplier payment": lambda: shop.books.post_supplier_payment("Acme", 100),
            "draft": lambda: shop.books.post_draft(draft.number),
            "count": lambda: manager.post_count(count),
        }

    before = written(shop)
    for name, post in attempts().items():
        with pytest.raises(BooksError, match=refused(today)):
            post()
        assert written(shop) == before, name
    assert shop.scalar(select(documents.c.status).where(documents.c.id == draft.id)) == "draft"
    clock.shift(DAY)                                  # tomorrow: open
    for name, post in attempts().items():
        assert post().number, name
    assert shop.scalar(select(documents.c.status).where(documents.c.id == draft.id)) == "posted"
    assert check_books(shop.engine) == []


def test_cancel_of_a_document_dated_in_the_closed_books_is_refused(stocked):
    shop = stocked
    today = clock.today()
    old = shop.books.post_sale([shop.line("A1", 1)], doc_date=today - 2 * DAY)
    new = shop.sell(("A1", 1))
    close(shop, today - DAY)
    before = written(shop)
    with pytest.raises(BooksError, match=f"cannot cancel {old.number} "
                                         + refused(today - 2 * DAY, today - DAY)):
        shop.books.cancel(old.number)
    assert written(shop) == before
    assert shop.scalar(select(documents.c.status).where(documents.c.id == old.id)) == "posted"
    reversal = shop.books.cancel(new.number)         # dated after the closed day: allowed
    assert reversal.number == f"{new.number}-C"
    assert check_books(shop.engine) == []


@pytest.mark.parametrize("backend", ["postgresql"])     # the fast sale is PostgreSQL's
def test_the_fast_sale_declines_a_closed_day_and_writes_nothing(stocked):
    shop = stocked
    today = clock.today()
    close(shop, today - DAY)
    before = written(shop)
    assert fastsale.post_sale(shop.engine, shop.owner, [shop.line("A1", 1)],
                              doc_date=today - DAY) is None
    assert written(shop) == before
    done = fastsale.post_sale(shop.engine, shop.owner, [shop.line("A1", 1)])
    assert done is not None and done.number and written(shop) != before


# ---------------------------------------------------------------- a close against postings

def test_a_close_waits_for_the_posting_that_read_the_open_day(stocked):
    shop = stocked
    today = clock.today()
    outcome = {}

    def closing():
        outcome["closed"] = close(shop, today)

    with write_transaction(shop.engine) as conn:            # a posting under way
        assert periods.closed_through(conn) is None
        t = threading.Thread(target=closing)
        t.start()
        t.join(0.5)
        assert t.is_alive()                                   # the close waits for it
        docs.adjustment(conn, shop.owner, [shop.line("A1", -1)], reason="damage")
    t.join(10)
    assert outcome["closed"] == today and closed(shop) == today
    with pytest.raises(BooksError, match=refused(today)):     # the posting after it: refused
        shop.books.post_adjustment([shop.line("A1", -1)], reason="damage")
    assert check_books(shop.engine) == []


# on SQLite the write lock itself orders a close and the postings
@pytest.mark.parametrize("backend", ["postgresql"])
def test_a_close_that_cannot_have_the_settings_is_refused(stocked, monkeypatch):
    shop = stocked
    monkeypatch.setattr(periods, "LOCK_WAIT", "200ms")
    with shop.engine.connect() as reader:                   # a long transaction that read settings
        periods.closed_through(reader)
        with pytest.raises(BooksError, match="busy"):
            close(shop, clock.today())
        reader.rollback()
    assert closed(shop) is None


# ---------------------------------------------------------------- imports

def _history_book(path, rows):
    wb = Workbook()
    ws = wb.active
    ws.append(["日期", "商品编码", "商品名称", "数量", "金额"])
    for r in rows:
        ws.append(r)
    wb.save(path)
    return path


def test_sales_history_in_the_closed_books_is_refused_by_row(stocked, tmp_path):
    shop = stocked
    through = clock.today() - 10 * DAY
    close(shop, through)
    iso = lambda d: d.isoformat()  # noqa: E731
    path = _history_book(tmp_path / "sales.xlsx", [
        [iso(through - 3 * DAY), "A1", "", 1, "9.90"],     # spreadsheet row 2: closed
        [iso(through + DAY), "A1", "", 2, "19.80"],        # row 3: open
        [iso(through), "", "散装糖", "0.5", "4"]])          # row 4: the closed day itself
    # the preview refuses the closed rows by the spreadsheet's row, as other bad rows
    p = preview_for(shop.engine, "sales-history", path)
    refusals = {i.row: i.message for i in p.issues if i.severity == "error"}
    assert refusals == {
        2: f"dated {iso(through - 3 * DAY)}: the books are closed through {iso(through)}",
        4: f"dated {iso(through)}: the books are closed through {iso(through)}"}
    assert [r.row for r in p.to_import] == [3]

    # closed after the preview was made: the commit refuses all of it, naming the rows
    periods.reopen(shop.engine, shop.owner)
    p = preview_for(shop.engine, "sales-history", path)
    assert len(p.to_import) == 3
    close(shop, through)
    before = written(shop)
    with pytest.raises(BooksError) as exc:
        commit(shop.engine, shop.owner, p)
    text = exc.value.message
    assert "2 row(s) of sales history are dated on or before " + iso(through) in text
    assert f"row 2 ({iso(through - 3 * DAY)}, A1)" in text
    assert f"row 4 ({iso(through)}, 散装糖)" in text and "row 3 " not in text
    assert text.endswith("Nothing was imported")
    assert shop.count(sales_history) == 0 and shop.count(import_batches) == 0
    assert written(shop) == before

    rows = [dict(r.values) for r in p.to_import]     # rows without their numbers
    with shop.engine.connect() as c:
        assert imports.closed_rows(c, "sales-history", rows) == [0, 2]
        assert imports.closed_rows(c, "opening-stock", rows) == []
    with pytest.raises(BooksError, match=r"row 1 to import \(.*\); row 3 to import \(") as exc:
        with write_transaction(shop.engine) as conn:
            imports.commit_batch(conn, shop.owner, "sales-history", file="sales.xlsx",
                                 sheet="Sheet", content_hash=p.content_hash, rows=rows,
                                 summary={})
    assert "row 2" not in exc.value.message and shop.count(sales_history) == 0

    periods.reopen(shop.engine, shop.owner)
    done = commit(shop.engine, shop.owner, preview_for(shop.engine, "sales-history", path))
    assert shop.count(sales_history) == 3
    close(shop, through)                                      # undoing it would change closed days
    with pytest.raises(BooksError, match=f"cannot undo import batch {done['batch']}, which "
                                         "holds sales history " + refused(through - 3 * DAY,
                                                                          through)):
        with write_transaction(shop.engine) as conn:
            imports.undo(conn, shop.owner, done["batch"])
    assert shop.count(sales_history) == 3
    assert check_books(shop.engine) == []


# ---------------------------------------------------------------- closing and reopening

def test_only_the_owner_closes_never_in_the_future_and_every_move_is_audited(shop):
    today = clock.today()
    manager = shop.as_user("laoli", "manager", "mgr-pass-1")
    with pytest.raises(PermissionDenied):
        periods.close_through(shop.engine, manager.actor, today - DAY)
    with pytest.raises(PermissionDenied):
        periods.reopen(shop.engine, manager.actor)
    with pytest.raises(BooksError, match=f"after today \\({today.isoformat()}\\)"):
        close(shop, today + DAY)
    with pytest.raises(BooksError, match="period close"):        # not as a plain setting
        shop.books.set_setting(periods.KEY, (today - DAY).isoformat())
    with pytest.raises(BooksError, match="not closed"):
        periods.reopen(shop.engine, shop.owner, today - DAY)
    assert closed(shop) is None and shop.count(settings, settings.c.key == periods.KEY) == 0

    first, later = today - 40 * DAY, today - 10 * DAY
    assert close(shop, first) == first
    assert close(shop, first) == first                           # no change: no audit row
    assert close(shop, later) == later
    assert close(shop, later - DAY) == later - DAY               # back a day: a reopen
    with pytest.raises(BooksError, match="is not before it"):
        periods.reopen(shop.engine, shop.owner, later)
    assert periods.reopen(shop.engine, shop.owner, first) == first
    assert periods.reopen(shop.engine, shop.owner) is None
    assert periods.reopen(shop.engine, shop.owner) is None      # open already: no audit row
    assert closed(shop) is None
    rows = shop.rows(select(audit_log.c.action, audit_log.c.user_name, audit_log.c.entity_id,
                            audit_log.c.detail).where(audit_log.c.action.like("period.%"))
                     .order_by(audit_log.c.seq))
    iso = lambda d: d.isoformat() if d else None  # noqa: E731
    assert [(r.action, json.loads(r.detail)) for r in rows] == [
        ("period.close", {"old": None, "new": iso(first)}),
        ("period.close", {"old": iso(first), "new": iso(later)}),
        ("period.reopen", {"old": iso(later), "new": iso(later - DAY)}),
        ("period.reopen", {"old": iso(later - DAY), "new": iso(first)}),
        ("period.reopen", {"old": iso(first), "new": None})]
    assert {(r.user_name, r.entity_id) for r in rows} == {(shop.owner.name, periods.KEY)}
    assert check_books(shop.engine) == []


def test_the_cli_round_trip(stocked, cli):
    shop = stocked
    today = clock.today()
    shop.as_user("laoli", "manager", "mgr-pass-1")

    def ok(*args, **kw):
        code, out, err = cli(*args, **kw)
        assert code == 0, err
        return json.loads(out) if "--json" in args else out

    def fails(*args, **kw):
        code, out, err = cli(*args, **kw)
        assert code == 1 and out == "" and len(err.strip().splitlines()) == 1, (code, out, err)
        assert "Traceback" not in err
        return err

    assert ok("period", "show", "--json") == {"closed_through": None}
    assert "open" in ok("period", "show")
    through = (today - DAY).isoformat()
    assert ok("period", "close", "--through", through, "--json") == {
        "closed_through": through, "was": None}
    assert ok("period", "show", "--json") == {"closed_through": through}
    assert through in ok("period", "show")
    assert "may not" in fails("period", "close", "--through", through, user="laoli",
                              password="mgr-pass-1")
    assert "may not" in fails("period", "reopen", user="laoli", password="mgr-pass-1")
    assert "after today" in fails("period", "close", "--through",
                                  (today + DAY).isoformat())
    assert "not a date" in fails("period", "close", "--through", "31/10/2026")
    assert "period close" in fails("setting", periods.KEY, "2020-01-01")
    assert ok("period", "close", "--through", today.isoformat(), "--json") == {
        "closed_through": today.isoformat(), "was": through}
    assert refused(today) in fails("post", "sale", "--line", "A1:1")
    assert ok("period", "reopen", "--through", through, "--json") == {
        "closed_through": through, "was": today.isoformat()}
    assert "not before" in fails("period", "reopen", "--through", today.isoformat())
    ok("post", "sale", "--line", "A1:1")                          # today is open again
    assert ok("period", "reopen", "--json") == {"closed_through": None, "was": through}
    assert ok("period", "show", "--json") == {"closed_through": None}
    assert ok("check", "--json")["ok"] is True
