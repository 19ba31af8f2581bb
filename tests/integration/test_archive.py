"""The archive (issue 8): old documents move out, every total stays, check passes,
archived documents still print; on SQLite and PostgreSQL."""
from __future__ import annotations

import datetime as dt
import json
import shutil
import subprocess

import pytest
from sqlalchemy import func, select

from db import archive, clock, reports, rollups
from db.check import check_books
from db.errors import PermissionDenied
from db.schema import (account_ledger, archive_openings, archive_runs, audit_log,
                       document_lines, documents, stock_ledger)

DAY = dt.timedelta(days=1)


def _at(days_ago: int) -> None:
    """Move the books' clock to `days_ago` days before today (noon-ish safe: whole days)."""
    clock.reset()
    clock.shift(-days_ago * DAY)


@pytest.fixture
def history(shop):
    """Two old weeks (long ago) and a recent one: sales, returns, cancels, receipts,
    payments, sales on account, batches, a count, an adjustment."""
    b = shop.books
    try:
        _at(800)
        shop.product("A1", "9.90", name="海天酱油", barcodes=["6901234567892"])
        shop.product("C1", "3.33", name="可乐", category="drinks")
        shop.product("M1", "5.50", name="牛奶", batch_tracked=True, category="dairy")
        b.add_customer("Wang")
        b.add_customer("Li")
        shop.receive("Acme", ("A1", 10, "5.00"), ("A1", 10, "7.00"), ("C1", 20, "1.00"))
        shop.receive("Dairy", ("M1", 6, "3.10", "L1", dt.date(2030, 3, 1)),
                     ("M1", 4, "3.20", "L2", dt.date(2030, 1, 1)))
        old = {}
        old["s1"] = shop.sell(("A1", 3), ("C1", 2), customer="Wang", payment="account")
        old["s2"] = shop.sell(("A1", 2), payment="cash")
        old["s3"] = shop.sell(("A1", 1), ("M1", 2), customer="Li", payment="account")
        old["s4"] = shop.sell(("M1", 5), ("C1", 1, "3.00"), payment="wechat")
        old["s5"] = shop.sell(("C1", 4), payment="card")
        _at(799)
        old["r1"] = b.post_return(old["s1"].number, [shop.line("A1", 1)])
        old["c2"] = b.cancel(old["s2"].number)
        b.post_customer_payment("Wang", 1000)
        b.post_supplier_payment("Acme", 5000)
        shop.receive("Acme", ("A1", 5, "8.00"))
        po = b.post_purchase_order("Acme", [shop.line("C1", 5, "1.00")])
        if po.status != "approved":
            b.approve(po.number)
        old["po"], old["po-in"] = po, b.receive_order(po.number)
        _at(798)
        b.post_stocktake([shop.line("C1", 17)])
        b.post_adjustment([shop.line("A1", -1)], reason="damage: broken bottle")
        shop.sell(("A1", 2), ("C1", 1), customer="Wang", payment="account")
        _at(10)                                   # recent: after the cut
        b.post_return(old["s3"].number, [shop.line("M1", 1)])     # keeps s3 live
        b.cancel(old["s5"].number)                                # keeps s5 live
        shop.receive("Acme", ("A1", 4, "6.00"))
        shop.sell(("A1", 2), ("C1", 1), customer="Li", payment="account")
        b.post_customer_payment("Li", 500)
        shop.sell(("A1", 1), payment="cash")
    finally:
        clock.reset()
    shop.old = old
    shop.cut = clock.today() - 400 * DAY
    return shop


def _snapshot(shop) -> dict:
    today = clock.today()
    start = today - 900 * DAY
    with shop.engine.connect() as c:
        out = {by: rollups.sales_summary(c, start, today, by) for by in rollups.GROUPINGS}
        out["old-days"] = rollups.sales_summary(c, today - 801 * DAY, today - 797 * DAY, "day")
        out["stock"] = reports.stock_report(c)
        out["receivables"] = reports.receivables(c, include_zero=True)
        out["payables"] = reports.payables(c, include_zero=True)
        from db.statements import statement
        for name in ("Wang", "Li"):
            recent = statement(c, "customer", name, today - 100 * DAY, today)
            whole = statement(c, "customer", name, today - 900 * DAY, today)
            out[f"statement {name}"] = (recent.opening, recent.closing, recent.ageing,
                                        [(l.number, l.balance) for l in recent.lines],
                                        whole.opening, whole.closing, whole.ageing)
    return out


def _old_live(shop) -> set[str]:
    return {n for (n,) in shop.rows(select(documents.c.number)
                                    .where(documents.c.doc_date < shop.cut))}


def test_archive_moves_old_documents_and_keeps_every_total(history, cli, capsys, monkeypatch,
                                                           tmp_path):
    shop, old = history, history.old
    before = _snapshot(shop)
    assert before["day"]["total"]["amount"] != 0 and len(before["old-days"]["rows"]) == 3
    assert check_books(shop.engine) == []
    n_old = shop.count(documents, documents.c.doc_date < shop.cut)
    seq_before = shop.scalar(select(func.max(audit_log.c.seq)))

    code, out, err = cli("archive", "--before", shop.cut.isoformat(),
                          "--json")
    assert code == 0, err
    done = json.loads(out)
    assert set(done) == {"before", "documents", "lines", "archive"}
    assert done["before"] == shop.cut.isoformat()

    # what stayed: only the old documents something newer answers (s3, s5 and nothing else)
    kept = _old_live(shop)      # and the purchase order with its receipt (process report)
    assert kept == {old[k].number for k in ("s3", "s5", "po", "po-in")}
    assert done["documents"] == n_old - 4 and done["documents"] >= 12
    assert done["lines"] > 0
    if shop.backend == "sqlite":
        assert done["archive"].endswith("shop.archive.db")
    # nothing live points at a moved row
    ids = {i for (i,) in shop.rows(select(documents.c.id))}
    for t in (document_lines, stock_ledger, account_ledger):
        assert {d for (d,) in shop.rows(select(t.c.document_id).distinct())} <= ids
    # the archive holds them, lines and payments with them
    with shop.engine.connect() as c:
        r1 = archive.find_document(c, old["r1"].number)
        assert r1.doc.kind == "sale-return" and r1.ref_number == old["s1"].number
        assert len(r1.lines) == 1 and r1.payments
        s1 = archive.find_document(c, old["s1"].number.lower())        # as typed
        assert s1.doc.status == "posted" and len(s1.lines) == 2
        c2 = archive.find_document(c, old["c2"].number)
        assert c2.original == old["s2"].number
        with pytest.raises(Exception, match="no document"):
            archive.find_document(c, old["s3"].number)                 # still live

    # every grouping, every report: unchanged; check passes from the openings
    assert _snapshot(shop) == before
    assert check_books(shop.engine) == []
    assert shop.count(archive_openings) > 0 and shop.count(archive_runs) == 1
    row = shop.rows(select(audit_log.c.action, audit_log.c.entity_id)
                    .where(audit_log.c.seq > seq_before))
    assert ("archive", shop.cut.isoformat()) in row

    # the books go on: a new sale, a return against a kept sale, check still passes
    shop.sell(("A1", 1), ("M1", 1))
    shop.books.post_return(old["s3"].number, [shop.line("A1", 1)])
    assert check_books(shop.engine) == []

    # archived documents print (invoice, receipt)
    pdf_inv, pdf_rec = tmp_path / "inv.pdf", tmp_path / "rec.pdf"
    code, _o, err = cli("print", "invoice", old["s1"].number,
                         "-o", str(pdf_inv))
    assert code == 0, err
    code, _o, err = cli("print", "receipt", old["r1"].number,
                         "-o", str(pdf_rec))
    assert code == 0, err
    if shutil.which("pdftotext"):
        for pdf, number in ((pdf_inv, old["s1"].number), (pdf_rec, old["r1"].number)):
            text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True,
                                  text=True, check=True).stdout
            assert number in text.replace(" ", "")
    # a number nowhere is still refused with one line
    code, _o, err = cli("print", "invoice", "XS19990101-0001",
                         "-o", str(tmp_path / "x.pdf"))
    assert code == 1 and "XS19990101-0001" in err and len(err.strip().splitlines()) == 1

    # a second run moves nothing more
    code, out, err = cli("archive", "--before", shop.cut.isoformat(),
                          "--json")
    assert code == 0 and json.loads(out)["documents"] == 0
    assert _old_live(shop) == kept and shop.count(archive_runs) == 1
    assert check_books(shop.engine) == []


def test_archive_refuses_bad_dates_and_non_owners(history, cli, capsys, monkeypatch):
    shop = history
    code, out, err = cli("archive", "--before", "2024-13-45")
    assert code == 1 and "2024-13-45" in err and len(err.strip().splitlines()) == 1
    code, out, err = cli("archive", "--before",
                          (clock.today() + DAY).isoformat())
    assert code == 1 and "after today" in err
    today = clock.today()
    assert archive.default_before() in (today.replace(year=today.year - 2),
                                        today.replace(year=today.year - 2, day=28))
    manager = shop.as_user("mei", "manager")
    with pytest.raises(PermissionDenied, match="archive"):
        archive.run_archive(shop.engine, manager.actor, shop.cut)
    assert shop.count(archive_runs) == 0
    assert len(_old_live(shop)) > 10


def test_a_failure_after_the_archive_write_leaves_the_live_books_unchanged(history,
                                                                            monkeypatch):
    shop = history
    before = _snapshot(shop)
    n_docs, n_lines = shop.count(documents), shop.count(document_lines)
    real = archive._delete_live

    def half_then_fail(conn):
        real(conn)                                   # the deletes run, then something breaks
        raise RuntimeError("disk pulled out")

    monkeypatch.setattr(archive, "_delete_live", half_then_fail)
    with pytest.raises(RuntimeError, match="disk pulled out"):
        archive.run_archive(shop.engine, shop.owner, shop.cut)
    assert (shop.count(documents), shop.count(document_lines)) == (n_docs, n_lines)
    assert shop.count(archive_openings) == 0 and shop.count(archive_runs) == 0
    assert _snapshot(shop) == before
    with shop.engine.connect() as c, archive._reader(c) as ac:
        if shop.backend == "sqlite":      # the archive file was written (and kept) first
            assert ac.execute(select(func.count()).select_from(archive.A["documents"])
                              ).scalar() > 10
        else:                             # one transaction: nothing at all
            assert ac is None
    assert check_books(shop.engine) == []           # a failed run's copies are not counted twice
    # and a re-run finishes the job without doubling the archive
    monkeypatch.setattr(archive, "_delete_live", real)
    done = archive.run_archive(shop.engine, shop.owner, shop.cut)
    assert done["documents"] > 10
    assert _snapshot(shop) == before and check_books(shop.engine) == []
    with shop.engine.connect() as c, archive._reader(c) as ac:
        numbers = ac.execute(select(archive.A["documents"].c.number)).scalars().all()
        lines = ac.execute(select(func.count()).select_from(archive.A["document_lines"])).scalar()
    assert len(numbers) == len(set(numbers)) == done["documents"]
    assert lines == done["lines"]


def test_check_still_catches_a_wrong_opening(history):
    shop = history
    archive.run_archive(shop.engine, shop.owner, shop.cut)
    assert check_books(shop.engine) == []
    shop.execute("UPDATE archive_openings SET qty = qty + 1000 WHERE kind = 'product'")
    breaches = check_books(shop.engine)
    assert breaches and "archive" in breaches[0]
    shop.execute("UPDATE archive_openings SET qty = qty - 1000 WHERE kind = 'product'")
    shop.execute("UPDATE archive_openings SET value = value + 1 WHERE kind = 'customer'")
    assert any(b.startswith("accounts:") for b in check_books(shop.engine))


def test_movable_keeps_whole_linked_groups(history):
    shop, old = history, history.old
    with shop.engine.connect() as c:
        ids = set(archive.movable(c, shop.cut))
        by_number = dict(c.execute(select(documents.c.number, documents.c.id)).all())
    assert by_number[old["s1"].number] in ids and by_number[old["r1"].number] in ids
    assert by_number[old["s2"].number] in ids and by_number[old["c2"].number] in ids
    assert by_number[old["s3"].number] not in ids and by_number[old["s5"].number] not in ids
    assert by_number[old["po"].number] not in ids and by_number[old["po-in"].number] not in ids
    with shop.engine.connect() as c:      # an earlier cut moves less, a draft-free day none
        assert archive.movable(c, shop.cut - 500 * DAY) == []


def test_archived_sales_are_listed_searched_and_paged(history):
    """Reports → Archived sales and returns (db.archive_list): every sale and return
    that moved, newest day first, with the live customers' and cashiers' names; the
    same rows a page at a time; searched by number and by customer."""
    from db.archive_list import ARCHIVED_SALES as L
    from db.lists import SALES, Query
    shop, old = history, history.old
    with shop.engine.connect() as c:
        assert L.page(c, Query(), None, 50) == [] and L.count(c, Query()) == 0
    archive.run_archive(shop.engine, shop.books.actor, shop.cut)
    moved = {n for (n,) in shop.rows(select(documents.c.number).where(
        documents.c.kind.in_(("sale", "sale-return"))))}
    with shop.engine.connect() as c:
        rows = L.page(c, Query(), None, 50)
        numbers = [r[0] for r in rows]
        assert {old[k].number for k in ("s1", "s2", "s4", "r1")} <= set(numbers)
        assert not set(numbers) & moved                  # live ones are not in the archive
        assert not {old["s3"].number, old["s5"].number} & set(numbers)
        assert L.count(c, Query()) == len(rows) == len(set(numbers))
        dates = [r[1] for r in rows]
        assert dates == sorted(dates, reverse=True) and max(dates) < shop.cut
        by_number = {r[0]: r for r in rows}
        s1 = by_number[old["s1"].number]
        assert s1[2:5] == ("sale", "Wang", "account") and s1[7] == shop.books.actor.name
        assert s1[5] == old["s1"].total
        assert by_number[old["s2"].number][6] == "cancelled"
        # a page at a time, in every order, gives the same rows
        for q in (Query(), Query(sort="number"), Query(sort="total", descending=True)):
            paged, after = [], None
            while True:
                page = L.page(c, q, after, 3)
                paged += page
                if len(page) < 3:
                    break
                after = L.cursor(q, page[-1])
            assert sorted(paged) == sorted(rows) and len(paged) == len(rows)
            assert paged == sorted(paged, key=lambda r: r[L.fields.index(q.sort or "doc_date")],
                                   reverse=q.descending or q.sort is None)
        # searched by the start of a number (any case) or a piece of a customer's name
        prefix = old["s1"].number[:4].lower()
        hits = L.page(c, Query(search=prefix), None, 50)
        assert hits and all(r[0].startswith(prefix.upper()) for r in hits)
        wang = L.page(c, Query(search="ang"), None, 50)
        assert {r[3] for r in wang} == {"Wang"} and L.count(c, Query(search="ang")) == len(wang)
        for odd in ("%", "_", "'", "\\", "Wang' OR 1=1 --"):
            assert L.page(c, Query(search=odd), None, 50) == []
        # and the live list no longer has them
        live = [r[0] for r in SALES.page(c, Query(), None, 100)]
        assert old["s1"].number not in live and old["s3"].number in live
