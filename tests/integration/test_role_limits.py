"""Who may do what, below the screens (issue 10), on SQLite and PostgreSQL.

One test per role walks db.books.Books and the command line (the `cli`
fixture with --user) through what the role may do, with its effect on the
books, and what it may not, refused with PermissionDenied ("(role) may not")
and nothing written.

Then the cashier, who may not see costs: every command of the command line
(enumerated from desktop.cli.parser.build_parser, so a new one cannot slip by)
is run as a cashier with --json, and its output, the .xlsx it exports and the
PDF it prints are searched for a key or a column named like a cost, a profit
or a margin, and for the products' cost, 7.77, a figure that appears nowhere
else in this shop.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import shutil
from pathlib import Path

import pytest
from sqlalchemy import func, select

from db import clock
from db.approvals import ApprovalRules, RuleStep
from db.errors import PermissionDenied
from db.masters import NewProduct, ProductChanges
from db.schema import (account_ledger, approval_events, approval_steps, audit_log, customers,
                       document_lines, document_payments, documents, held_sales,
                       import_batches, label_templates, products, purchase_orders, settings,
                       shifts, stock, stock_counts, stock_ledger, suppliers, users)
from db.users import sign_in
from desktop.books.exporting import KINDS as EXPORT_KINDS
from desktop.cli.parser import build_parser
from file_text import pdf_text, xlsx_cells  # tests/file_text.py

COST = "7.77"           # the products' unit cost: no price, total or quantity reads "7.77"
PRICE = "12.00"
SUPPLIER, CUSTOMER = "Probe Supplies", "Probe Customer"
PW = {"amy": "till-pass-1", "li": "clerk-pass-1", "zhao": "book-pass-1", "wang": "boss-pass-1"}
# a key or a column header that names a cost, a profit or a margin (English and Chinese)
COSTLY = re.compile(r"cost|profit|margin|成本|利润|毛利", re.IGNORECASE)

# ---------------------------------------------------------------- the shop


@pytest.fixture(autouse=True)
def new_password(monkeypatch):
    """`user add` reads the new account's password before the books check who asks."""
    monkeypatch.setenv("STOREKEEPER_NEW_PASSWORD", "new-pass-1")


@pytest.fixture(autouse=True)
def one_parser(monkeypatch):
    """The command line's own parser, built once per test rather than once per command
    (about a third of a command's time here)."""
    import desktop.cli
    parser = build_parser()
    monkeypatch.setattr(desktop.cli, "build_parser", lambda: parser)


@pytest.fixture
def roles(shop, tmp_path):
    """A shop with two products that cost 7.77 (one by batch), stock received, a
    customer on account, a sale and a return at the till, a stocktake, an
    adjustment, an order awaiting a manager (every order does: the rule is above
    0.00), and a user of each role."""
    s = shop
    s.product("C1", PRICE, name="Probe soy sauce", unit="btl", category="Probe",
              barcodes=["6901234567892"])
    s.product("B1", "5.00", name="Probe milk", unit="box", category="Probe", batch_tracked=True)
    s.books.add_customer(CUSTOMER, credit_limit="500.00")
    s.receive(SUPPLIER, ("C1", "10", COST),
              ("B1", "4", COST, "LOT1", clock.today() + dt.timedelta(days=90)))
    s.books.set_approval_rules(ApprovalRules(48, (RuleStep(0, "manager", False),)))
    s.cashier = s.as_user("amy", "cashier", PW["amy"])
    s.clerk = s.as_user("li", "clerk", PW["li"])
    s.bookkeeper = s.as_user("zhao", "bookkeeper", PW["zhao"])
    s.manager = s.as_user("wang", "manager", PW["wang"])
    s.sale = s.cashier.post_sale([s.line("C1", "2"), s.line("B1", "1")],
                                 customer=CUSTOMER, payment="account")
    s.ret = s.cashier.post_return(s.sale.number, [s.line("C1", "1")])
    s.stocktake = s.clerk.post_stocktake([s.line("C1", "9")])
    s.books.post_adjustment([s.line("B1", "-1")], reason="damage")
    s.order = s.clerk.post_purchase_order(SUPPLIER, [s.line("C1", "1", COST)])
    assert s.order.status == "awaiting-approval"
    s.tmp = tmp_path
    return s


def snapshot(s) -> dict:
    """What the books hold, as far as a refused action could have changed it
    (signing in appends its own audit row: those are left out)."""
    watched = (documents, document_lines, document_payments, stock_ledger, account_ledger,
               purchase_orders, approval_steps, approval_events, held_sales, shifts,
               stock_counts, import_batches, label_templates)
    counts = [select(func.count()).select_from(t).scalar_subquery() for t in watched]
    counts.append(select(func.count()).select_from(audit_log)
                  .where(audit_log.c.action != "sign-in").scalar_subquery())
    with s.engine.connect() as c:
        out = dict(zip([t.name for t in watched] + ["audit"], c.execute(select(*counts)).one()))
        for name, q in {
                "products": select(products.c.sku, products.c.name, products.c.price,
                                   products.c.active),
                "stock": select(stock.c.product_id, stock.c.qty, stock.c.value),
                "users": select(users.c.name, users.c.role, users.c.active),
                "settings": select(settings.c.key, settings.c.value),
                "statuses": select(documents.c.number, documents.c.status),
                "customers": select(customers.c.name, customers.c.balance),
                "suppliers": select(suppliers.c.name, suppliers.c.balance)}.items():
            out[name] = sorted(tuple(r) for r in c.execute(q))
    return out


def refused(s, call, *args, **kw) -> PermissionDenied:
    """call(*args) raises PermissionDenied and leaves the books as they were."""
    before = snapshot(s)
    with pytest.raises(PermissionDenied) as info:
        call(*args, **kw)
    assert snapshot(s) == before, f"{getattr(call, '__name__', call)} wrote despite refusing"
    return info.value


def cli_refused(s, cli, user: str, *args: str) -> str:
    before = snapshot(s)
    code, out, err = cli(*args, user=user, password=PW[user])
    assert code == 1 and out == "", (args, code, out, err)
    assert re.search(rf"{user} \(\w+\) may not", err) and "Traceback" not in err, (args, err)
    assert snapshot(s) == before, f"{args} wrote despite refusing"
    return err


def cli_ok(cli, user: str, *args: str):
    code, out, err = cli(*args, user=user, password=PW[user])
    assert code == 0, (args, err)
    return json.loads(out) if "--json" in args else out


def on_hand(s, sku: str) -> int:
    return s.stock_of(sku)[0]


def status(s, number: str) -> str:
    return s.scalar(select(documents.c.status).where(documents.c.number == number))


# ---------------------------------------------------------------- one test per role


def test_a_cashier_sells_and_returns_with_a_receipt_and_nothing_else(roles, cli):
    s, amy = roles, roles.cashier
    c1 = on_hand(s, "C1")
    sale = amy.post_sale([s.line("C1", "2")])
    assert on_hand(s, "C1") == c1 - 2000 and status(s, sale.number) == "posted"
    ret = amy.post_return(sale.number, [s.line("C1", "1")])
    assert on_hand(s, "C1") == c1 - 1000 and ret.total == 1200
    done = cli_ok(cli, "amy", "post", "sale", "--line", "C1:1", "--json")
    assert done["total"] == PRICE and on_hand(s, "C1") == c1 - 2000
    back = cli_ok(cli, "amy", "post", "return", "--sale", done["number"], "--line", "C1:1",
                  "--json")
    assert back["total"] == PRICE and on_hand(s, "C1") == c1 - 1000

    refused(s, amy.cancel, sale.number)
    refused(s, amy.post_purchase_receipt, SUPPLIER, [s.line("C1", "1", COST)])
    refused(s, amy.receive_order, s.order.number)
    refused(s, amy.post_adjustment, [s.line("C1", "-1")], reason="damage")
    refused(s, amy.post_stocktake, [s.line("C1", "0")])
    refused(s, amy.update_product, "C1", ProductChanges(price="1.00"))
    refused(s, amy.post_sale, [s.line("C1", "1", "1.00")])           # a price of her own
    refused(s, amy.post_return_without_receipt, [s.line("C1", "1")])
    refused(s, amy.approve, s.order.number)
    refused(s, amy.reject, s.order.number, "no")
    refused(s, amy.post_purchase_order, SUPPLIER, [s.line("C1", "1", COST)])
    refused(s, amy.post_supplier_payment, SUPPLIER, 100)
    refused(s, amy.add_user, "eve", "owner", "eve-pass-1")
    refused(s, amy.set_user_role, "amy", "owner")
    refused(s, amy.set_setting, "shop_name", "Amy's")
    refused(s, amy.process_report, clock.today(), clock.today())
    refused(s, amy.add_product, NewProduct(sku="X1", name="x"))
    today = clock.today().isoformat()
    for args in (("cancel", sale.number), ("post", "adjustment", "--line", "C1:-1",
                                           "--reason", "damage"),
                 ("post", "purchase-receipt", "--supplier", SUPPLIER, "--line", f"C1:1:{COST}"),
                 ("approve", s.order.number), ("user", "add", "eve", "--role", "owner"),
                 ("setting", "shop_name", "Amy's"),
                 ("report", "sales-summary", "--from", today, "--to", today, "--by", "day"),
                 ("export", "products", str(s.tmp / "p.xlsx")),
                 ("post", "sale", "--line", "C1:1:1.00")):
        cli_refused(s, cli, "amy", *args, "--json")
    assert not (s.tmp / "p.xlsx").exists()


def test_a_clerk_receives_and_counts_and_neither_sells_nor_cancels(roles, cli):
    s, li = roles, roles.clerk
    c1 = on_hand(s, "C1")
    got = li.post_purchase_receipt(SUPPLIER, [s.line("C1", "5", "8.00")])
    assert on_hand(s, "C1") == c1 + 5000 and status(s, got.number) == "posted"
    done = cli_ok(cli, "li", "post", "purchase-receipt", "--supplier", SUPPLIER,
                  "--line", "C1:1:8.00", "--json")
    assert on_hand(s, "C1") == c1 + 6000 and done["total"] == "8.00"
    count = li.post_stocktake([s.line("C1", "20")])
    assert on_hand(s, "C1") == 20000 and count.extra["variances"]
    counted = cli_ok(cli, "li", "post", "stocktake", "--line", "C1:19", "--json")
    assert on_hand(s, "C1") == 19000 and counted["variances"][0]["difference"] == "-1"
    count_id = li.start_count("full")                     # a count by scanning
    li.count_scan(count_id, "6901234567892")
    li.finish_count(count_id)

    refused(s, li.post_sale, [s.line("C1", "1")])
    cli_refused(s, cli, "li", "post", "sale", "--line", "C1:1", "--json")
    refused(s, li.cancel, s.sale.number)
    cli_refused(s, cli, "li", "cancel", got.number, "--json")
    refused(s, li.post_count, count_id)                   # a manager reviews and posts
    refused(s, li.approve, s.order.number)
    refused(s, li.post_adjustment, [s.line("C1", "1")], reason="found")
    refused(s, li.update_product, "C1", ProductChanges(price="1.00"))
    refused(s, li.post_customer_payment, CUSTOMER, 100)


def test_a_bookkeeper_takes_payments_prints_statements_and_runs_reports(roles, cli):
    s, zhao = roles, roles.bookkeeper
    owed = s.balance(customers, CUSTOMER)
    assert owed > 0
    zhao.post_customer_payment(CUSTOMER, 500)
    assert s.balance(customers, CUSTOMER) == owed - 500
    cli_ok(cli, "zhao", "post", "payment", "--customer", CUSTOMER, "--amount", "1.00", "--json")
    assert s.balance(customers, CUSTOMER) == owed - 600
    due = s.balance(suppliers, SUPPLIER)
    zhao.post_supplier_payment(SUPPLIER, 1000)
    cli_ok(cli, "zhao", "post", "supplier-payment", "--supplier", SUPPLIER, "--amount", "2.00")
    assert s.balance(suppliers, SUPPLIER) == due - 1200
    today = clock.today().isoformat()
    pdf = s.tmp / "statement.pdf"
    done = cli_ok(cli, "zhao", "print", "statement", CUSTOMER, "--from", today, "--to", today,
                  "-o", str(pdf), "--json")
    assert done["party"] == CUSTOMER and pdf.read_bytes().startswith(b"%PDF")
    summary = cli_ok(cli, "zhao", "report", "sales-summary", "--from", today, "--to", today,
                     "--by", "product", "--json")
    assert summary["total"]["cost"] and summary["total"]["profit"]     # she sees costs
    assert zhao.process_report(clock.today(), clock.today())
    assert cli_ok(cli, "zhao", "report", "receivables", "--json")[0]["customer"] == CUSTOMER

    refused(s, zhao.post_sale, [s.line("C1", "1")])
    refused(s, zhao.cancel, s.sale.number)
    cli_refused(s, cli, "zhao", "cancel", s.sale.number)
    refused(s, zhao.approve, s.order.number)
    cli_refused(s, cli, "zhao", "approve", s.order.number)
    refused(s, zhao.post_purchase_receipt, SUPPLIER, [s.line("C1", "1", COST)])


def test_a_manager_approves_changes_prices_cancels_but_not_users_or_settings(roles, cli):
    s, wang = roles, roles.manager
    assert [w.number for w in wang.approvals_inbox()] == [s.order.number]
    assert wang.approve(s.order.number).status == "approved"
    assert s.clerk.order_detail(s.order.number).status == "approved"
    second = s.clerk.post_purchase_order(SUPPLIER, [s.line("C1", "2", COST)])
    assert cli_ok(cli, "wang", "approve", second.number, "--json")["status"] == "approved"
    assert wang.update_product("C1", ProductChanges(price="13.50"))
    assert s.books.product_detail("C1").price == 1350
    assert wang.post_sale([s.line("C1", "1")]).total == 1350
    c1 = on_hand(s, "C1")
    assert wang.cancel(s.ret.number).kind == "sale-return"           # the return, then the sale
    assert wang.cancel(s.sale.number).kind == "sale"
    assert status(s, s.sale.number) == "cancelled" and on_hand(s, "C1") == c1 + 1000
    gone = cli_ok(cli, "wang", "cancel", s.stocktake.number, "--json")
    assert gone["number"] == s.stocktake.number and status(s, s.stocktake.number) == "cancelled"

    refused(s, wang.add_user, "eve", "cashier", "eve-pass-1")
    cli_refused(s, cli, "wang", "user", "add", "eve", "--role", "cashier")
    refused(s, wang.set_user_role, "amy", "manager")
    refused(s, wang.deactivate_user, "amy")
    refused(s, wang.set_setting, "shop_name", "Wang's")
    cli_refused(s, cli, "wang", "setting", "shop_name", "Wang's")
    refused(s, wang.set_approval_rules, ApprovalRules(48, ()))


def test_the_owner_does_everything_users_and_settings_too(roles, cli):
    s, boss = roles, roles.books
    eve = boss.add_user("eve", "cashier", "eve-pass-1")
    assert s.scalar(select(users.c.role).where(users.c.name == "eve")) == "cashier"
    boss.set_user_role("eve", "clerk")
    boss.deactivate_user("eve")
    assert s.rows(select(users.c.role, users.c.active).where(users.c.id == eve.id)) == \
        [("clerk", False)]
    assert cli("user", "add", "kai", "--role", "bookkeeper", "--json")[0] == 0
    assert sign_in(s.engine, "kai", "new-pass-1").role == "bookkeeper"
    boss.set_setting("shop_name", "Boss's")
    code, out, _ = cli("setting", "allow_negative_stock", "1", "--json")
    assert code == 0 and json.loads(out)["value"] == "1"
    with s.engine.connect() as c:
        assert dict(c.execute(select(settings.c.key, settings.c.value)).all())["shop_name"] \
            == "Boss's"
    assert boss.approve(s.order.number).status == "approved"
    assert boss.update_product("C1", ProductChanges(price="11.00"))
    sale = boss.post_sale([s.line("C1", "1")])
    assert boss.cancel(sale.number).kind == "sale" and status(s, sale.number) == "cancelled"
    assert boss.post_sale([s.line("C1", "1", "1.00")]).total == 100      # any price
    assert boss.post_return_without_receipt([s.line("C1", "1")]).total == 1100


# ---------------------------------------------------------------- no cost reaches a cashier


def _paths(parser) -> list[tuple[str, ...]]:
    """Every command of the parser, as the words that name it ("report stock")."""
    def walk(p, path):
        subs = [a for a in p._actions if isinstance(a, argparse._SubParsersAction)]
        if not subs:
            yield path
            return
        for name, child in subs[0].choices.items():
            yield from walk(child, path + (name,))
    return list(walk(parser, ()))


# Commands not run here, and why.
SKIPPED = {
    ("gui",): "the desktop app: tests/ui/test_cashier_sees_no_cost.py opens it as a cashier",
    ("init",): "signs nobody in: creates or upgrades the schema, shows no books",
    ("bench", "checkout"): "a benchmark on a database of its own making, no user signs in",
    ("bench", "scan"): "a benchmark on a database of its own making, no user signs in",
    ("seed",): "writes only into a shop without documents (this one refuses it for that); "
               "test_a_cashier_seeds_no_shop pins that it checks no permission",
}
# What the cashier may run; every other command must refuse her with nothing written.
# `report stock` and `report receivables` are what her Stock and Customers screens show
# (stock on hand and prices; what customers owe, who pay at her till), without cost.
MAY = {("post", "sale"), ("post", "return"), ("post", "payment"), ("print", "receipt"),
       ("print", "invoice"), ("print", "delivery-note"), ("setting",), ("period", "show"),
       ("report", "stock"), ("report", "receivables")}
# Reports refused her by desktop/cli/commands.py cmd_report's own guard: what the shop
# owes suppliers, and the alerts (an order's total is a cost; her window shows none).
UNGUARDED = {("report", "payables"), ("report", "alerts")}


def _argv(s, path: tuple[str, ...]) -> list[str]:
    """The arguments that make path a well-formed command on this shop."""
    today = clock.today().isoformat()
    out = str(s.tmp / ("-".join(path) + (".xlsx" if path[0] == "export" else ".pdf")))
    period = ["--from", today, "--to", today]
    return {
        ("product", "add"): ["--sku", "X1", "--name", "x", "--cost", "1.00"],
        ("customer", "add"): ["New customer"],
        ("supplier", "add"): ["New supplier"],
        ("user", "add"): ["eve", "--role", "owner"],
        ("user", "role"): ["amy", "--role", "owner"],
        ("user", "deactivate"): ["li"],
        ("user", "unlock"): ["li"],
        ("user", "password"): ["li"],             # another's (her own she may change)
        ("user", "list"): [],
        ("post", "sale"): ["--line", "C1:1", "--customer", CUSTOMER, "--payment", "account"],
        ("post", "return"): ["--sale", s.sale.number, "--line", "B1:1"],
        ("post", "purchase-receipt"): ["--supplier", SUPPLIER, "--line", f"C1:1:{COST}"],
        ("post", "purchase-order"): ["--supplier", SUPPLIER, "--line", f"C1:1:{COST}"],
        ("post", "purchase-return"): ["--supplier", SUPPLIER, "--line", "C1:1"],
        ("post", "payment"): ["--customer", CUSTOMER, "--amount", "1.00"],
        ("post", "supplier-payment"): ["--supplier", SUPPLIER, "--amount", "1.00"],
        ("post", "stocktake"): ["--line", "C1:0"],
        ("post", "adjustment"): ["--line", "C1:-1", "--reason", "damage"],
        ("cancel",): [s.ret.number],
        ("import",): ["products", str(s.tmp / "none.xlsx")],
        ("export",): None,                       # one run per kind, below
        ("undo-import",): ["1"],
        ("approve",): [s.order.number],
        ("reject",): [s.order.number, "--reason", "no"],
        ("submit",): [s.order.number],
        ("setting",): ["shop_name"],
        ("report", "process"): period,
        ("report", "sales-summary"): period + ["--by", "product"],
        ("report", "best-sellers"): period,
        ("report", "daily-close"): [],
        ("report", "stock"): [],
        ("report", "receivables"): [],
        ("report", "payables"): [],
        ("report", "alerts"): [],
        ("report", "adjustments"): period,
        ("report", "stock-as-of"): ["--date", today],
        ("report", "trail"): ["--sku", "C1"],
        ("report", "count-trace"): ["--number", s.stocktake.number, "--sku", "C1"],
        ("report", "anomalies"): ["--week-of", today],
        ("report", "count-accuracy"): [],
        ("report", "recall"): ["--sku", "B1", "--batch", "LOT1"],
        ("check",): [],
        ("backup",): [str(s.tmp / "copy.bak")],
        ("restore",): [str(s.tmp / "copy.bak")],
        ("print", "receipt"): [s.sale.number, "-o", out],
        ("print", "invoice"): [s.sale.number, "-o", out],
        ("print", "delivery-note"): [s.sale.number, "-o", out],
        ("print", "purchase-order"): [s.order.number, "-o", out],
        ("print", "statement"): [CUSTOMER] + period + ["-o", out],
        ("print", "supplier-statement"): [SUPPLIER] + period + ["-o", out],
        ("print", "count-sheet"): ["-o", out],
        ("labels",): ["--sku", "C1", "-o", out],
        ("archive",): ["--before", today],
        ("rollups", "rebuild"): [],
        ("period", "show"): [],
        ("period", "close"): ["--through", today],
        ("period", "reopen"): [],
        ("audit",): ["--no-verify"],
    }.get(path)


def _keys(data) -> list[str]:
    if isinstance(data, dict):
        return [str(k) for k in data] + [k for v in data.values() for k in _keys(v)]
    if isinstance(data, list):
        return [k for v in data for k in _keys(v)]
    return []


def assert_no_cost(what, text: str, keys=(), cells=()) -> None:
    assert COST not in text, f"{what}: the cost {COST} shows: {text[:400]!r}"
    assert not [k for k in keys if COSTLY.search(k)], f"{what}: keys {list(keys)}"
    assert COST not in " ".join(cells) and not [c for c in cells if COSTLY.search(c)], \
        f"{what}: cells {cells}"


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext not installed")
def test_no_command_shows_a_cashier_a_cost(roles, cli):
    s = roles
    commands = _paths(build_parser())
    unknown = [p for p in commands if p not in SKIPPED and p not in UNGUARDED
               and _argv(s, p) is None and p != ("export",)]
    assert not unknown, (f"new command(s) {unknown}: say in tests/integration/"
                         "test_role_limits.py what a cashier may do with them")
    ran = []
    for path in commands:
        if path in SKIPPED or path in UNGUARDED:
            continue
        runs = ([["export", kind, str(s.tmp / f"{kind}.xlsx")] for kind in EXPORT_KINDS]
                if path == ("export",) else [[*path, *_argv(s, path)]])
        for argv in runs:
            before = snapshot(s)
            code, out, err = cli(*argv, "--json", user="amy", password=PW["amy"])
            assert "Traceback" not in err, (argv, err)
            assert_no_cost(argv, out + err)
            files = [Path(a) for a in argv if a.endswith((".pdf", ".xlsx"))]
            if path in MAY:
                assert code == 0, (argv, err)
                data = json.loads(out)
                assert_no_cost(argv, out, keys=_keys(data))
                for f in files:
                    if f.suffix == ".pdf":
                        text = pdf_text(f)
                        assert text.strip(), f
                        assert_no_cost(f.name, text, cells=text.split())
                    else:
                        assert_no_cost(f.name, "", cells=xlsx_cells(f))
            else:
                assert code == 1 and out == "", (argv, code, out, err)
                assert "(cashier) may not" in err, (argv, err)
                assert snapshot(s) == before, f"{argv} wrote despite refusing"
                assert not any(f.exists() for f in files), argv
            ran.append(" ".join(argv[:2]))
    assert len(ran) >= 50


def test_a_cashier_runs_neither_payables_nor_alerts(roles, cli):
    for path in sorted(UNGUARDED):
        cli_refused(roles, cli, "amy", *path, "--json")


@pytest.mark.parametrize("backend", ["sqlite"])         # the command line's gap, not the SQL's
def test_a_cashier_seeds_no_shop(shop, cli):
    shop.as_user("amy", "cashier", PW["amy"])
    code, out, err = cli("seed", "--products", "2", "--customers", "0", "--sales-lines", "0",
                         "--days", "1", "--json", user="amy", password=PW["amy"])
    assert code == 1 and "(cashier) may not" in err, (code, out, err)
    assert shop.count(products) == 0


@pytest.mark.parametrize("backend", ["sqlite"])
def test_a_cashier_reads_no_order_and_its_costs(roles):
    """No screen or command gives her an order (Purchasing is not hers, print
    purchase-order needs "see-cost"), and the function below them refuses her too;
    the owner reads the same order, costs and all."""
    s = roles
    assert s.books.order_detail(s.order.number).total == 777
    with pytest.raises(PermissionDenied):
        s.cashier.order_detail(s.order.number)


@pytest.mark.parametrize("backend", ["sqlite"])
def test_a_cashier_reads_no_supplier_balance(roles):
    """What the shop owes a supplier is what its goods cost: the Suppliers screen
    is not hers, and the function below it refuses her too."""
    s = roles
    assert s.books.supplier_detail(SUPPLIER).balance == s.balance(suppliers, SUPPLIER)
    with pytest.raises(PermissionDenied):
        s.cashier.supplier_detail(SUPPLIER)


def test_were_a_cashier_allowed_reports_she_would_see_no_cost(roles, cli, monkeypatch):
    """The second line: each report leaves costs out for a role without "see-cost"
    (the unguarded ones included: report alerts named an order's total, 1 x 7.77)."""
    from db import permissions
    monkeypatch.setitem(permissions.ALLOWED, "reports",
                        permissions.ALLOWED["reports"] | {"cashier"})
    s = roles
    reports = [p for p in _paths(build_parser()) if p[0] == "report"]
    assert len(reports) >= 15
    for path in reports:
        if path == ("report", "alerts"):      # needs "see-cost" itself: checked below
            continue
        argv = [*path, *(_argv(s, path) or [])]
        code, out, err = cli(*argv, "--json", user="amy", password=PW["amy"])
        assert code == 0, (argv, err)
        assert_no_cost(argv, out, keys=_keys(json.loads(out)))
    from db import alerts
    with s.engine.connect() as conn:
        said = json.dumps(alerts.alerts(conn, with_cost=False), ensure_ascii=False, default=str)
        assert "awaiting-approval" in said and COST not in said
        assert COST in json.dumps(alerts.alerts(conn, with_cost=True), default=str)


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext not installed")
def test_the_search_can_fail_the_owner_sees_the_cost(roles, cli):
    """The same searches find 7.77 in what the owner gets: the sweep above is not blind."""
    s = roles
    code, out, _ = cli("report", "stock", "--json")
    assert code == 0 and COST in out and "cost" in _keys(json.loads(out))
    assert cli("export", "products", str(s.tmp / "p.xlsx"))[0] == 0
    assert COST in xlsx_cells(s.tmp / "p.xlsx") and "成本价" in xlsx_cells(s.tmp / "p.xlsx")
    assert cli("print", "purchase-order", s.order.number, "-o", str(s.tmp / "po.pdf"))[0] == 0
    assert COST in pdf_text(s.tmp / "po.pdf")


def test_the_webhook_url_and_its_key_are_the_owners_to_read(roles, cli):
    """The group robot's URL carries its key: whoever reads it can post to the
    shop's group. Other settings stay readable to all (the shop's name, the scale)."""
    roles.books.set_setting("alert_webhook_url", "https://qyapi.weixin.qq.com/x?key=SECRET")
    for user in ("amy", "li", "zhao", "wang"):
        err = cli_refused(roles, cli, user, "setting", "alert_webhook_url", "--json")
        assert "SECRET" not in err
    assert cli_ok(cli, "amy", "setting", "shop_name", "--json")["key"] == "shop_name"
    code, out, _ = cli("setting", "alert_webhook_url", "--json")          # the owner
    assert code == 0 and json.loads(out)["value"].endswith("key=SECRET")
