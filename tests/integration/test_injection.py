"""Issue 10: no SQL from input. Quotes, %, _, backslashes and statement fragments
typed into every list's search and given to the command line are only ever text:
they find what holds them literally, refuse cleanly, and change nothing."""
from __future__ import annotations

import json

import pytest
from sqlalchemy import func, inspect, select

from db.archive_list import ARCHIVED_SALES
from db.check import check_books
from db.lists import ALL, Query
from db.schema import customers, products

NASTY = ["'", "''", "%", "_", "\\", "%%", "a_b", "%'", "' OR '1'='1", "\" OR 1=1 --",
         "'; DROP TABLE products; --", "生抽%", "%生", "[a-z]", "*", "?", "\x00", "；",
         "O'Brien", "100%纯"]


@pytest.fixture
def odd(shop):
    shop.product("P1", "1.00", name="100%纯牛奶")
    shop.product("P2", "2.00", name="a_b 特价")
    shop.product("P3", "3.00", name="O'Brien 咖啡")
    shop.product("P4", "4.00", name="海天生抽")
    shop.receive("Acme", ("P1", 5, "0.50"), ("P2", 5, "1.00"))
    shop.books.add_customer("O'Brien")
    shop.sell(("P1", 1), customer="O'Brien", payment="account")
    return shop


def _tables(shop) -> set[str]:
    return set(inspect(shop.engine).get_table_names())


def test_every_list_takes_any_text_as_text(odd):
    before = _tables(odd)
    with odd.engine.connect() as c:
        for source in (*ALL, ARCHIVED_SALES):
            for text in NASTY:
                q = Query(search=text)
                rows = source.page(c, q, None, 50)
                assert source.count(c, q) >= len(rows)
        # a wildcard matches itself, not everything
        names = {r[1] for r in ALL[1].page(c, Query(search="%"), None, 50)}
        assert names == {"100%纯牛奶"}
        assert {r[1] for r in ALL[1].page(c, Query(search="a_b"), None, 50)} == {"a_b 特价"}
        assert {r[1] for r in ALL[1].page(c, Query(search="O'Brien"), None, 50)} == {"O'Brien 咖啡"}
        assert ALL[1].page(c, Query(search="' OR '1'='1"), None, 50) == []
    assert _tables(odd) == before and odd.scalar(select(func.count()).select_from(products)) == 4


@pytest.mark.parametrize("args", [
    ["report", "trail", "--sku", "'; DROP TABLE products; --"],
    ["report", "stock-as-of", "--date", "2026-01-01' OR '1'='1"],
    ["report", "recall", "--sku", "%", "--batch", "_"],
    ["report", "sales-summary", "--from", "2026-01-01", "--to", "2026-12-31", "--by",
     "product; DROP TABLE products"],
    ["report", "count-trace", "--number", "PD%", "--sku", "P1"],
    ["post", "sale", "--line", "P1':1"],
    ["post", "sale", "--line", "P1:1", "--customer", "' OR 1=1 --"],
    ["post", "adjustment", "--line", "P1:-1", "--reason", "damage'; DELETE FROM stock; --"],
    ["cancel", "XS%"],
    ["print", "statement", "%", "--from", "2026-01-01", "--to", "2026-12-31", "-o", "x.pdf"],
    ["labels", "--sku", "%", "-o", "x.pdf"],
    ["archive", "--before", "2026-01-01'; DROP TABLE documents; --"],
    ["undo-import", "1 OR 1=1"],
])
def test_the_command_line_takes_any_argument_as_text(odd, cli, tmp_path, monkeypatch, args):
    monkeypatch.chdir(tmp_path)
    before = _tables(odd)
    try:
        code, out, err = cli(*args)
    except SystemExit as exc:              # argparse: not one of the choices / not a number
        code, err = exc.code, ""
    assert code != 0 and "Traceback" not in err
    assert _tables(odd) == before
    assert check_books(odd.engine) == []


def test_names_with_quotes_are_kept_as_typed(odd, cli):
    name = "x'); DROP TABLE users; --"
    code, out, err = cli("customer", "add", name, "--json")
    assert code == 0, err
    assert odd.scalar(select(customers.c.name).where(customers.c.name == name)) == name
    code, out, err = cli("setting", "shop_name", "老王's 100% 杂货", "--json")
    assert code == 0 and json.loads(out)["value"] == "老王's 100% 杂货"
    assert "users" in _tables(odd)
