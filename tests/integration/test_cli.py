"""The command line (CLI.md) end to end, as a subprocess, on both databases.

Each subprocess costs about half a second, so the "Must show" of issue 2 is
walked as one scenario per backend.
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import pytest
from file_text import pdf_text  # tests/file_text.py


ROOT = Path(__file__).resolve().parents[2]
MAIN = ROOT / "main.py"
PASSWORD = "cli-owner-pw"


@dataclass
class Result:
    args: list[str]
    code: int
    out: str
    err: str

    def json(self):
        assert self.code == 0, self
        return json.loads(self.out)


def run_cli(*args: str, db: str | None = None, env: dict | None = None) -> Result:
    cmd = [sys.executable, str(MAIN)] + (["--db", db] if db else []) + list(args)
    full_env = {**os.environ, "STOREKEEPER_PASSWORD": PASSWORD, **(env or {})}
    full_env.pop("STOREKEEPER_DB", None)
    p = subprocess.run(cmd, capture_output=True, text=True, env=full_env, cwd=ROOT,
                       stdin=subprocess.DEVNULL, timeout=120)
    return Result(list(args), p.returncode, p.stdout, p.stderr)


def ok(r: Result) -> Result:
    assert r.code == 0, f"{r.args} exited {r.code}: {r.err.strip()}"
    assert "Traceback" not in r.err
    return r


def refused(r: Result, *words: str) -> str:
    """Exit 1, one clear line on stderr naming what is wrong, no traceback."""
    assert r.code == 1, f"{r.args} exited {r.code}, expected 1: {r.out!r} {r.err!r}"
    assert "Traceback" not in r.err and "Traceback" not in r.out
    lines = [l for l in r.err.splitlines() if l.strip()]
    assert len(lines) == 1, f"expected one line on stderr, got: {r.err!r}"
    for w in words:
        assert w in lines[0], f"{w!r} not named in {lines[0]!r}"
    return lines[0]


def by(rows: list[dict], key: str, value: str) -> dict:
    found = [r for r in rows if r.get(key) == value]
    assert len(found) == 1, f"{key}={value} not once in {rows}"
    return found[0]


def run_many(*calls: tuple[str, ...], db: str) -> list[Result]:
    """Independent commands at once (each is a separate process)."""
    with ThreadPoolExecutor(max_workers=min(4, len(calls))) as pool:
        return list(pool.map(lambda a: run_cli(*a, db=db), calls))


def test_cli_must_show(empty_db_url):
    """Issue 2's "Must show", through the command line."""
    db = empty_db_url
    cli = lambda *a: run_cli(*a, db=db)  # noqa: E731

    ok(cli("init", "--shop", "Corner Shop", "--owner", "boss"))
    a1, bad, sup, cus = run_many(
        ("product", "add", "--sku", "A1", "--name", "海天酱油", "--barcode", "6901234567892",
         "--price", "9.90", "--unit", "瓶"),
        ("product", "add", "--sku", "BAD", "--name", "Bad code", "--barcode", "6901234567890"),
        ("supplier", "add", "Acme"),
        ("customer", "add", "Wang"), db=db)
    [ok(r) for r in (a1, sup, cus)]
    assert "check digit" in refused(bad, "6901234567890")

    ok(cli("post", "purchase-receipt", "--supplier", "Acme",
           "--line", "A1:10:5.00", "--line", "A1:10:7.00"))
    sale = cli("post", "sale", "--line", "A1:3:9.90", "--line", "A1:3:0.10", "--json").json()
    assert sale["total"] == "30.00"
    assert isinstance(sale["number"], str) and sale["number"].startswith("XS")

    past_zero, cancel, acc = run_many(
        ("post", "sale", "--line", "A1:21", "--json"),
        ("cancel", sale["number"]),
        ("post", "sale", "--line", "A1:2", "--customer", "Wang", "--payment", "account", "--json"),
        db=db)
    assert "stock" in refused(past_zero, "A1").lower()
    ok(cancel)
    assert acc.json()["total"] == "19.80"
    ok(cli("post", "payment", "--customer", "Wang", "--amount", "5.50"))

    stock, receivables, checked, plain_check = run_many(
        ("report", "stock", "--json"), ("report", "receivables", "--json"), ("check", "--json"),
        ("check",), db=db)
    rows = stock.json()
    assert [r for r in rows if r["sku"] == "BAD"] == []          # the refused product
    a1 = by(rows, "sku", "A1")
    # 20 received at 5.00 and 7.00; 6 sold and cancelled; 2 sold on account; 21 refused
    assert (a1["on_hand"], a1["cost"], a1["price"]) == ("18", "6.00", "9.90")
    assert a1["barcodes"] == ["6901234567892"] and a1["name"] == "海天酱油"
    assert by(receivables.json(), "customer", "Wang") == {"customer": "Wang", "balance": "14.30"}
    assert checked.code == 0, checked.err
    checked.json()                                                # one JSON document
    ok(plain_check)


@pytest.mark.parametrize("backend", ["sqlite"])
def test_cli_refusals_are_one_line_and_write_nothing(shop):
    shop.product("A1", "9.90")
    env = {"STOREKEEPER_PASSWORD": shop.owner_password}
    calls = [("post", "sale", "--line", "A1:1"), ("post", "sale", "--line", "NOPE:1"),
             ("post", "sale", "--line", "A1:1:9.999"), ("cancel", "XS19990101-0001"),
             ("report", "stock")]
    with ThreadPoolExecutor(max_workers=3) as pool:
        results = list(pool.map(lambda a: run_cli(*a, db=shop.url, env=env), calls[:4]))
        results.append(run_cli(*calls[4], db=shop.url, env={"STOREKEEPER_PASSWORD": "wrong"}))
    for r, words in zip(results, [("A1",), ("NOPE",), ("9.999",), ("XS19990101-0001",), ()]):
        refused(r, *words)
    from db.schema import documents
    assert shop.count(documents) == 0 and shop.stock_of("A1") == (0, 0)


@pytest.mark.parametrize("backend", ["sqlite"])
def test_cli_check_exits_1_naming_the_breach(shop):
    shop.product("A1", "9.90")
    shop.receive("Acme", ("A1", 10, "5.00"))
    shop.execute("UPDATE stock_ledger SET qty = qty + 1000")
    r = run_cli("check", db=shop.url, env={"STOREKEEPER_PASSWORD": shop.owner_password})
    assert r.code == 1 and "Traceback" not in r.err
    assert "A1" in r.err


def test_cli_version_and_usage(tmp_path):
    db = f"sqlite:///{tmp_path / 'none.db'}"
    calls = [("--version",), ("frobnicate",), ("post", "sale"), ("post", "sale", "--line"),
             ("report", "stock", "--no-such-option"), ("post", "teleport")]
    version, *usage = run_many(*calls, db=db)
    assert "0.1.0" in ok(version).out
    for args, r in zip(calls[1:], usage):
        assert r.code == 2, f"{args} exited {r.code}: {r.err!r}"
        assert "Traceback" not in r.err and r.err.strip()
    assert not (tmp_path / "none.db").exists()


# ---------------------------------------------------------------- the counter's commands


def decoded_barcodes(path, dpi: int = 203) -> list[str]:
    """Every barcode a real reader finds on the PDF's first page rendered at dpi."""
    zxingcpp = pytest.importorskip("zxingcpp")
    from PIL import Image
    if shutil.which("pdftoppm") is None:
        pytest.skip("pdftoppm (poppler-utils) is not installed")
    png = path.with_suffix("")
    subprocess.run(["pdftoppm", "-r", str(dpi), "-gray", "-png", "-singlefile", str(path),
                    str(png)], check=True)
    return [r.text for r in zxingcpp.read_barcodes(Image.open(f"{png}.png"))]


def test_cli_returns_and_receipts(empty_db_url, tmp_path):
    db = empty_db_url
    cli = lambda *a: run_cli(*a, db=db)  # noqa: E731
    ok(cli("init", "--shop", "街角小店", "--owner", "boss"))
    ok(cli("setting", "shop_address", "人民路 1 号"))
    ok(cli("product", "add", "--sku", "A1", "--name", "海天金标生抽", "--barcode",
           "6901234567892", "--price", "12.50", "--unit", "瓶"))
    ok(cli("supplier", "add", "海天味业"))
    ok(cli("post", "purchase-receipt", "--supplier", "海天味业", "--line", "A1:10:8.00"))
    sale = cli("post", "sale", "--line", "6901234567892:3", "--payment", "wechat",
               "--json").json()
    assert sale["total"] == "37.50"

    back = cli("post", "return", "--sale", sale["number"], "--line", "A1:1", "--json").json()
    assert back["total"] == "12.50" and back["number"] != sale["number"]
    assert "cannot return 3" in refused(cli("post", "return", "--sale", sale["number"],
                                            "--line", "A1:3"), "A1")

    out = tmp_path / "receipt.pdf"
    printed = run_cli("print", "receipt", sale["number"].lower(), "-o", str(out), "--json",
                      db=db, env={"STOREKEEPER_LANG": "zh_CN"}).json()
    assert printed == {"kind": "receipt", "number": sale["number"], "file": str(out)}
    text = pdf_text(out)
    for words in ("街角小店", "人民路 1 号", "海天金标生抽", "37.50", "微信", sale["number"]):
        assert words in text, f"{words!r} not on the receipt:\n{text}"
    assert sale["number"] in decoded_barcodes(out)          # the return desk scans it

    narrow = tmp_path / "return-58.pdf"
    ok(run_cli("print", "receipt", back["number"], "-o", str(narrow), "--width", "58",
               db=db, env={"STOREKEEPER_LANG": "en"}))
    text = pdf_text(narrow)
    assert "Return receipt" in text and sale["number"] in text and "12.50" in text
    assert back["number"] in decoded_barcodes(narrow)
    assert "no sale or return" in refused(cli("print", "receipt", "XS19990101-0001", "-o",
                                              str(tmp_path / "x.pdf")), "XS19990101-0001")
    assert not (tmp_path / "x.pdf").exists()


@pytest.mark.parametrize("backend", ["sqlite"])
def test_cli_bench_scan(empty_db_url):
    db = empty_db_url
    ok(run_cli("init", db=db))
    r = ok(run_cli("bench", "scan", "--products", "300", "--scans", "40", "--json", db=db))
    result = json.loads(r.out)
    assert result["scans"] == 40 and result["products"] == 300
    assert 0 < result["p50_ms"] <= result["p95_ms"] <= result["max_ms"]
    again = run_cli("bench", "scan", "--products", "5000", db=db)    # never fills a shop
    assert "fewer than --products 5000" in refused(again)


def test_cli_purchase_orders_through_approval_and_receipt(empty_db_url):
    """CLI.md's purchasing: post purchase-order, approve / reject, post purchase-receipt
    --order, report payables, report alerts, report process."""
    db = empty_db_url
    owner = lambda *a: run_cli(*a, db=db)  # noqa: E731
    ok(owner("init", "--shop", "Corner Shop", "--owner", "boss"))
    ok(owner("product", "add", "--sku", "A1", "--name", "海天酱油", "--price", "12.00"))
    ok(owner("supplier", "add", "海天味业"))
    for name, role in (("li", "clerk"), ("wang", "manager")):
        ok(run_cli("user", "add", name, "--role", role, db=db,
                   env={"STOREKEEPER_NEW_PASSWORD": f"{name}-pass-1"}))
    as_user = lambda name, *a: run_cli("--user", name, *a, db=db,  # noqa: E731
                                       env={"STOREKEEPER_PASSWORD": f"{name}-pass-1"})

    big = as_user("li", "post", "purchase-order", "--supplier", "海天味业",
                  "--line", "A1:1000:8.00", "--urgent", "--json").json()
    assert big["total"] == "8000.00" and big["status"] == "awaiting-approval"
    small = as_user("li", "post", "purchase-order", "--supplier", "海天味业",
                    "--line", "A1:10:8.00", "--json").json()
    assert small["status"] == "approved"
    (alert,) = owner("report", "alerts", "--json").json()
    assert alert["kind"] == "awaiting-approval" and alert["number"] == big["number"]
    assert "manager" in alert["message"] and "urgent" in alert["message"]
    assert "may not do this: approve" in refused(as_user("li", "approve", big["number"]), "li")
    assert as_user("wang", "approve", big["number"], "--json").json() == {
        "number": big["number"], "status": "approved"}
    assert owner("report", "alerts", "--json").json() == []

    part = as_user("li", "post", "purchase-receipt", "--order", big["number"],
                   "--line", "A1:400", "--json").json()
    assert part["total"] == "3200.00" and part["order_status"] == "partly-received"
    assert "manager's confirmation" in refused(as_user(
        "li", "post", "purchase-receipt", "--order", big["number"], "--line", "A1:700"), "A1")
    rest = as_user("li", "post", "purchase-receipt", "--order", big["number"], "--json").json()
    assert rest["order_status"] == "received"
    assert owner("report", "payables", "--json").json() == [
        {"supplier": "海天味业", "balance": "8000.00"}]

    # the only manager leaves: a waiting order moves up to the owner at once
    waiting = as_user("li", "post", "purchase-order", "--supplier", "海天味业",
                      "--line", "A1:800:8.00", "--json").json()
    ok(owner("user", "deactivate", "wang"))
    (alert,) = owner("report", "alerts", "--json").json()
    assert alert["number"] == waiting["number"] and "an owner's approval" in alert["message"]
    ok(owner("approve", waiting["number"]))
    ok(run_cli("user", "add", "zhao", "--role", "manager", db=db,     # the new manager
               env={"STOREKEEPER_NEW_PASSWORD": "zhao-pass-1"}))
    third = as_user("li", "post", "purchase-order", "--supplier", "海天味业",
                    "--line", "A1:700:8.00", "--json").json()
    assert run_cli("--user", "zhao", "reject", third["number"], "--reason", "太多了", "--json",
                   db=db, env={"STOREKEEPER_PASSWORD": "zhao-pass-1"}).json()["status"] == "rejected"
    (month,) = owner("report", "process", "--from", "2000-01-01", "--to", "2999-12-31",
                     "--json").json()
    assert (month["orders"], month["approved"], month["rejected"]) == (4, 3, 1)
    assert (month["rejection_rate"], month["reassignments"]) == ("0.25", 1)
