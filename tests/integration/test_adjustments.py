"""Issue 9: adjustments carry a reason from a fixed set, and the reasons show in
`report adjustments`."""
from __future__ import annotations

import datetime as dt
import json

import pytest
from sqlalchemy import select

from db import clock
from db.adjustments import ADJUSTMENT_REASONS, by_reason, reason_of
from db.check import check_books
from db.errors import BooksError
from db.schema import documents


@pytest.fixture
def goods(shop):
    shop.product("A1", "9.90", name="海天酱油")
    shop.product("C1", "3.00", name="可乐")
    shop.receive("Acme", ("A1", 20, "5.00"), ("C1", 50, "1.00"))
    return shop


def _note(shop, number: str) -> str:
    return shop.scalar(select(documents.c.note).where(documents.c.number == number))


def test_a_reason_from_the_list_is_required_and_kept_with_its_note(goods):
    b = goods.books
    with pytest.raises(BooksError) as bad:
        b.post_adjustment([goods.line("A1", -1)], reason="broken bottle")
    assert "damage, expiry, loss, gift, sample, internal-use, found" in str(bad.value)
    assert "'broken bottle'" in str(bad.value)
    with pytest.raises(BooksError):
        b.post_adjustment([goods.line("A1", -1)], reason="  ")
    d = b.post_adjustment([goods.line("A1", -2)], reason="Damage: two bottles  broken")
    assert _note(goods, d.number) == "damage: two bottles broken"
    g = b.post_adjustment([goods.line("C1", -1)], reason="internal use", note="staff tasting")
    assert _note(goods, g.number) == "internal-use: staff tasting"
    f = b.post_adjustment([goods.line("C1", 3)], reason="found")
    assert _note(goods, f.number) == "found"
    assert [reason_of(_note(goods, n)) for n in (d.number, g.number, f.number)] == [
        "damage", "internal-use", "found"]
    assert reason_of("a note from before reasons") == "other"
    assert check_books(goods.engine) == []


def test_adjustments_by_reason_sum_quantities_and_value_and_a_cancel_nets_out(goods):
    b = goods.books
    b.post_adjustment([goods.line("A1", -2)], reason="damage")            # 2 x 5.00 out
    b.post_adjustment([goods.line("C1", -4), goods.line("A1", -1)], reason="expiry")
    b.post_adjustment([goods.line("C1", 2)], reason="found")
    gift = b.post_adjustment([goods.line("C1", -5)], reason="gift")
    b.cancel(gift.number)
    today = clock.today()
    with goods.engine.connect() as c:
        rows = {r["reason"]: r for r in by_reason(c, today, today)}
        assert list(rows) == [r for r in ADJUSTMENT_REASONS if r in rows]   # in list order
        assert rows["damage"] == {"reason": "damage", "documents": 1, "qty_in": 0,
                                  "qty_out": 2000, "value": -1000}
        assert rows["expiry"]["qty_out"] == 5000 and rows["expiry"]["value"] == -900
        assert rows["found"]["qty_in"] == 2000 and rows["found"]["value"] == 200
        assert rows["gift"]["documents"] == 2 and rows["gift"]["value"] == 0   # and its cancel
        assert rows["gift"]["qty_in"] == rows["gift"]["qty_out"] == 5000
        assert by_reason(c, today + dt.timedelta(days=1), today + dt.timedelta(days=2)) == []
        with pytest.raises(BooksError):
            by_reason(c, today, today - dt.timedelta(days=1))


def test_cli_adjustment_reasons_and_the_report(goods, cli, capsys, monkeypatch):
    code, out, err = cli("post", "adjustment", "--line", "A1:-1",
                          "--reason", "sample", "--note", "for the tasting table", "--json")
    assert code == 0, err
    number = json.loads(out)["number"]
    assert _note(goods, number) == "sample: for the tasting table"
    code, out, err = cli("post", "adjustment", "--line", "A1:-1",
                          "--reason", "broke it")
    assert code != 0 and "damage, expiry" in err and "Traceback" not in err
    day = clock.today().isoformat()
    code, out, err = cli("report", "adjustments", "--from", day,
                          "--to", day, "--json")
    assert code == 0, err
    assert json.loads(out) == {"rows": [{"reason": "sample", "documents": 1, "qty_in": "0",
                                         "qty_out": "1", "value": "-5.00"}]}
    goods.as_user("amy", "bookkeeper", "book-pass-1")
    code, out, err = cli("report", "adjustments", "--from", day,
                          "--to", day, "--json", user="amy", password="book-pass-1")
    assert code == 0, err
    assert json.loads(out)["rows"][0]["value"] == "-5.00"          # a bookkeeper sees cost
