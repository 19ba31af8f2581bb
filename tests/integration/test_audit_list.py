"""The audit viewer's reads (db.audit_list, `audit`): filters by user, days,
document and action give exactly the rows they should, pages give every row
once, only the owner and managers read, and a tampered chain shows."""
from __future__ import annotations

import datetime as dt
import json

import pytest
from sqlalchemy import select

from db import audit, audit_list, clock
from db.audit_list import AuditFilter, AuditList, AuditQuery
from db.engine import write_transaction
from db.errors import PermissionDenied
from db.schema import audit_log

PASSWORD = "secret-pw"


@pytest.fixture
def history(shop):
    """Three days of a small shop: receipts by a clerk, sales by a cashier, a cancel
    and a return by a manager. Returns the shop and what was posted, by name."""
    shop.product("A1", "9.90")
    clerk = shop.as_user("carl", "clerk")
    cashier = shop.as_user("amy", "cashier")
    manager = shop.as_user("mona", "manager")
    shop.books.add_supplier("Acme")
    docs = {"receipt": clerk.post_purchase_receipt("Acme", [shop.line("A1", 20, "5.00")]).number,
            "s1": cashier.post_sale([shop.line("A1", 1)]).number}
    try:
        clock.shift(dt.timedelta(days=1))
        docs["s2"] = cashier.post_sale([shop.line("A1", 2)]).number
        manager.cancel(docs["s1"])
        docs["return"] = manager.post_return(docs["s2"], [shop.line("A1", 1)]).number
        clock.shift(dt.timedelta(days=1))
        docs["s3"] = cashier.post_sale([shop.line("A1", 3)]).number
        shop.books.set_setting("allow_negative_stock", "1")
    finally:
        clock.reset()
    shop.docs = docs
    shop.manager, shop.cashier, shop.clerk = manager, cashier, clerk
    return shop


def _all(shop):
    """Every row of the log, newest first, straight from the table."""
    return shop.rows(select(audit_log).order_by(audit_log.c.seq.desc()))


def _read_all(shop, flt: AuditFilter = AuditFilter(), limit: int = 100, newest_first=True,
              actor=None):
    rows, after = [], None
    with shop.engine.connect() as c:
        while True:
            page = audit_list.read(c, actor or shop.owner, flt, after=after, limit=limit,
                                   newest_first=newest_first)
            rows += page
            if len(page) < limit:
                return rows
            after = page[-1].seq


def _seqs(rows) -> list[int]:
    return [r.seq for r in rows]


def test_rows_come_newest_first_with_their_detail_parsed(history):
    everything = _all(history)
    got = _read_all(history)
    assert _seqs(got) == [r.seq for r in everything]
    s1 = history.docs["s1"]
    cancel = next(r for r in got if r.action == "cancel")
    assert (cancel.user, cancel.entity, cancel.entity_id) == ("mona", "sale", s1)
    assert cancel.detail == {"reversal": f"{s1}-C"}
    assert cancel.description == f"cancelled sale {s1}"
    post = next(r for r in got if r.entity_id == history.docs["s3"])
    assert post.action == "post" and post.detail["total"] == "29.70"
    assert post.description == f"posted sale {history.docs['s3']}"
    assert isinstance(post.at, dt.datetime)


def test_filter_by_user(history):
    amy = _read_all(history, AuditFilter(user="amy"))
    expected = [r.seq for r in _all(history) if r.user_name == "amy"]
    assert _seqs(amy) == expected and len(expected) == 3
    assert {r.entity_id for r in amy} == {history.docs[k] for k in ("s1", "s2", "s3")}
    assert _read_all(history, AuditFilter(user="  mona ")) == \
        _read_all(history, AuditFilter(user="mona"))
    assert _read_all(history, AuditFilter(user="nobody")) == []


def test_filter_by_days(history):
    everything = _all(history)
    days = sorted({r.at.date() for r in everything})
    first_sale_day = next(r.at.date() for r in everything if r.entity_id == history.docs["s1"]
                          and r.action == "post")
    for day in days:
        got = _read_all(history, AuditFilter(date_from=day, date_to=day))
        assert _seqs(got) == [r.seq for r in everything if r.at.date() == day], day
    day2 = first_sale_day + dt.timedelta(days=1)
    assert _seqs(_read_all(history, AuditFilter(date_from=day2))) == \
        [r.seq for r in everything if r.at.date() >= day2]
    assert _seqs(_read_all(history, AuditFilter(date_to=day2))) == \
        [r.seq for r in everything if r.at.date() <= day2]
    only_day2 = _read_all(history, AuditFilter(date_from=day2, date_to=day2))
    assert {r.entity_id for r in only_day2 if r.action == "post"} >= {history.docs["s2"],
                                                                     history.docs["return"]}
    assert history.docs["s3"] not in {r.entity_id for r in only_day2}
    assert _read_all(history, AuditFilter(date_from=days[0] - dt.timedelta(days=30),
                                          date_to=days[0] - dt.timedelta(days=10))) == []
    assert _read_all(history, AuditFilter(date_from=days[-1] + dt.timedelta(days=1))) == []
    assert _read_all(history, AuditFilter(date_from=day2, date_to=first_sale_day)) == []


def test_filter_by_document(history):
    d = history.docs
    s1 = _read_all(history, AuditFilter(document=d["s1"]))
    assert [(r.action, r.entity_id) for r in s1] == [("cancel", d["s1"]), ("post", d["s1"])]
    # the reversal has no row of its own: the cancel names it
    rev = _read_all(history, AuditFilter(document=f"{d['s1']}-C"))
    assert [(r.action, r.entity_id, r.detail) for r in rev] == \
        [("cancel", d["s1"], {"reversal": f"{d['s1']}-C"})]
    # a return names its sale
    s2 = _read_all(history, AuditFilter(document=d["s2"].lower()))      # any case
    assert [(r.action, r.entity, r.entity_id) for r in s2] == \
        [("post", "sale-return", d["return"]), ("post", "sale", d["s2"])]
    receipt = _read_all(history, AuditFilter(document=d["receipt"]))
    assert [(r.action, r.entity, r.user) for r in receipt] == [("post", "purchase-receipt", "carl")]
    assert _read_all(history, AuditFilter(document="XS19990101-0001")) == []
    assert _read_all(history, AuditFilter(document="no such thing")) == []


def test_filter_by_action_and_together(history):
    everything = _all(history)
    cancels = _read_all(history, AuditFilter(action="cancel"))
    assert [(r.action, r.entity_id) for r in cancels] == [("cancel", history.docs["s1"])]
    users_rows = _read_all(history, AuditFilter(action="user"))        # a family: user.*
    assert _seqs(users_rows) == [r.seq for r in everything if r.action.startswith("user.")]
    assert {r.detail["name"] for r in users_rows} >= {"amy", "carl", "mona"}
    posts = _read_all(history, AuditFilter(action="post"))
    assert _seqs(posts) == [r.seq for r in everything if r.action == "post"]
    day2 = next(r.at.date() for r in everything if r.entity_id == history.docs["s2"])
    both = _read_all(history, AuditFilter(user="amy", action="post", date_from=day2,
                                          date_to=day2))
    assert [r.entity_id for r in both] == [history.docs["s2"]]
    assert _read_all(history, AuditFilter(user="amy", document=history.docs["return"])) == []


def test_pages_give_every_row_once_either_way(history):
    everything = [r.seq for r in _all(history)]
    for limit in (1, 2, 7):
        assert _seqs(_read_all(history, limit=limit)) == everything
        assert _seqs(_read_all(history, limit=limit, newest_first=False)) == everything[::-1]
    amy = [r.seq for r in _all(history) if r.user_name == "amy"]
    assert _seqs(_read_all(history, AuditFilter(user="amy"), limit=1)) == amy
    with history.engine.connect() as c:
        assert audit_list.count(c, history.owner) == len(everything)
        assert audit_list.count(c, history.owner, AuditFilter(user="amy")) == len(amy)


def test_paged_list_contract(history):
    source = AuditList(history.manager.actor)
    query = AuditQuery(sort="seq", descending=True, filter=AuditFilter(user="amy"))
    with history.engine.connect() as c:
        first = source.page(c, query, None, 2)
        rest = source.page(c, query, source.cursor(query, first[-1]), 10)
        assert source.count(c, query) == 3
    assert [r[0] for r in first + rest] == [r.seq for r in _all(history) if r.user_name == "amy"]
    assert len(first[0]) == len(source.fields) and first[0][2] == "amy"
    assert isinstance(first[0][6], dict)


@pytest.mark.parametrize("role", ["cashier", "clerk", "bookkeeper"])
def test_only_owner_and_manager_read_the_log(shop, role):
    other = shop.as_user(f"x-{role}", role).actor
    with shop.engine.connect() as c:
        with pytest.raises(PermissionDenied, match=role):
            audit_list.read(c, other)
        with pytest.raises(PermissionDenied):
            audit_list.verify_chain(c, other)
        with pytest.raises(PermissionDenied):
            audit_list.count(c, other)
    with pytest.raises(PermissionDenied):
        AuditList(other)
    manager = shop.as_user("mona", "manager").actor
    assert _read_all(shop, actor=manager)


def test_chain_check_and_tampering(history):
    with history.engine.connect() as c:
        check = audit_list.verify_chain(c, history.owner)
    assert check.ok and check.breach is None and check.rows == len(_all(history))
    seq = history.scalar(select(audit_log.c.seq).where(audit_log.c.action == "cancel"))
    history.execute("UPDATE audit_log SET detail = :d WHERE seq = :s", d="{}", s=seq)
    with history.engine.connect() as c:
        check = audit_list.verify_chain(c, history.owner)
    assert not check.ok and str(seq) in check.breach


def test_days_found_past_tills_with_wrong_clocks(shop):
    """Ten days of 40 rows, more than a search block each; on days 3 and 4 a till
    whose clock is three days fast, on days 5 and 6 one five days slow, writes
    every fourth row: every day's filter gives all the rows of the tills that
    were right. (A row stamped further out of step than SLACK can fall outside
    the day it claims.)"""
    start = clock.today() + dt.timedelta(days=1)
    base = dt.datetime.combine(start, dt.time(8)) - clock.now()
    wrong = {3: dt.timedelta(days=3), 4: dt.timedelta(days=3),
             5: dt.timedelta(days=-5), 6: dt.timedelta(days=-5)}
    outliers = set()
    try:
        with write_transaction(shop.engine) as conn:
            for day in range(10):
                for i in range(40):
                    clock.reset()
                    clock.shift(base + dt.timedelta(days=day, minutes=10 * i))
                    if day in wrong and i % 4 == 2:
                        clock.shift(wrong[day])
                        outliers.add(audit.append(conn, shop.owner, "sign-in", "user", "2", {}))
                    else:
                        audit.append(conn, shop.owner, "sign-in", "user", "1", {})
    finally:
        clock.reset()
    everything = _all(shop)
    for day in range(10):
        d = start + dt.timedelta(days=day)
        got = _seqs(_read_all(shop, AuditFilter(date_from=d, date_to=d)))
        expected = [r.seq for r in everything if r.at.date() == d]
        assert set(got) <= set(expected), day
        assert [s for s in got if s not in outliers] == \
            [s for s in expected if s not in outliers], day
        assert len([s for s in got if s not in outliers]) == (30 if day in wrong else 40)


def test_days_found_from_a_slow_till(shop):
    """Two tills round midnight, one of them an hour and three quarters slow: its
    row written at 01:40 says 23:55 and belongs to the day before, though many
    more than a search block of rows of the new day come before it."""
    day = clock.today() + dt.timedelta(days=1)
    base = dt.datetime.combine(day, dt.time(22)) - clock.now()
    try:
        with write_transaction(shop.engine) as conn:
            for i in range(150):                 # every 2 minutes from 22:00 to 02:58
                clock.reset()
                clock.shift(base + dt.timedelta(minutes=2 * i))
                if i == 110:
                    clock.shift(dt.timedelta(minutes=-105))
                    slow = audit.append(conn, shop.owner, "sign-in", "user", "till-2", {})
                else:
                    audit.append(conn, shop.owner, "sign-in", "user", "till-1", {})
    finally:
        clock.reset()
    got = _seqs(_read_all(shop, AuditFilter(date_from=day, date_to=day)))
    assert slow in got and got == [r.seq for r in _all(shop) if r.at.date() == day]
    nxt = day + dt.timedelta(days=1)
    assert _seqs(_read_all(shop, AuditFilter(date_from=nxt, date_to=nxt))) == \
        [r.seq for r in _all(shop) if r.at.date() == nxt]


# ---------------------------------------------------------------- the command line

def test_cli_json_shape(history, cli):
    s1 = history.docs["s1"]
    code, out, err = cli("audit", "--document", s1, "--json")
    assert code == 0, err
    data = json.loads(out)
    assert set(data) == {"rows", "chain_ok"} and data["chain_ok"] is True
    assert [set(r) for r in data["rows"]] == [{"seq", "at", "user", "action", "entity",
                                               "entity_id", "detail"}] * 2
    cancel, post = data["rows"]
    assert (cancel["action"], cancel["user"], cancel["entity"], cancel["entity_id"]) == \
        ("cancel", "mona", "sale", s1)
    assert cancel["detail"] == {"reversal": f"{s1}-C"} and cancel["seq"] > post["seq"]
    dt.datetime.fromisoformat(cancel["at"])

    code, out, _ = cli("audit", "--by", "amy", "--action", "post", "--limit", "2", "--json")
    rows = json.loads(out)["rows"]
    assert code == 0 and [r["entity_id"] for r in rows] == [history.docs["s3"], history.docs["s2"]]
    day = rows[0]["at"][:10]
    code, out, _ = cli("audit", "--from", day, "--to", day, "--json")
    assert code == 0 and {r["at"][:10] for r in json.loads(out)["rows"]} == {day}


def test_cli_text_errors_and_permission(history, cli):
    code, out, _ = cli("audit", "--document", history.docs["s1"])
    assert code == 0 and f"cancelled sale {history.docs['s1']}" in out
    assert out.rstrip().endswith("rows)") and "chain: intact" in out
    code, _, err = cli("audit", "--from", "2026-02-30")
    assert code == 1 and err.count("\n") == 1 and "--from" in err
    code, _, err = cli("audit", "--from", "2026-03-02", "--to", "2026-03-01")
    assert code == 1 and "after --to" in err
    code, _, err = cli("audit", "--limit", "0")
    assert code == 1 and "--limit" in err
    code, out, err = cli("audit", "--json", user="amy", password=PASSWORD)
    assert code == 1 and out == "" and "may not" in err and err.count("\n") == 1
    code, out, _ = cli("audit", "--json", user="mona", password=PASSWORD)
    assert code == 0 and json.loads(out)["rows"]


def test_cli_chain_ok_false_after_tampering(history, cli):
    seq = history.scalar(select(audit_log.c.seq).where(audit_log.c.entity_id == "A1"))
    history.execute("UPDATE audit_log SET user_name = :u WHERE seq = :s", u="eve", s=seq)
    code, out, _ = cli("audit", "--limit", "1", "--json")
    assert code == 0 and json.loads(out)["chain_ok"] is False
    code, out, _ = cli("audit", "--limit", "1")
    assert f"row {seq}" in out and "altered" in out
    code, out, _ = cli("audit", "--limit", "1", "--no-verify", "--json")    # not walked
    assert code == 0 and json.loads(out)["chain_ok"] is None and len(json.loads(out)["rows"]) == 1
