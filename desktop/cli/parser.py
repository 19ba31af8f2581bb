"""The command line's grammar (../shared/CLI.md is the contract it honours)."""
from __future__ import annotations

import argparse

from db.schema import PAYMENT_METHODS, ROLES

VERSION = "0.1.0"


class Parser(argparse.ArgumentParser):
    """argparse, but usage errors print one line plus the usage and exit 2."""

    def error(self, message: str):  # noqa: D401
        self.print_usage()
        self.exit(2, f"{self.prog}: error: {message}\n")


def _common(json_flag: bool = False) -> argparse.ArgumentParser:
    """--db and --user are accepted before or after the command."""
    p = argparse.ArgumentParser(add_help=False)
    p.add_argument("--db", default=argparse.SUPPRESS, metavar="URL",
                   help="database URL (default: $STOREKEEPER_DB, else the per-user SQLite file)")
    p.add_argument("--user", default=argparse.SUPPRESS, metavar="NAME",
                   help="act as this user (password from $STOREKEEPER_PASSWORD or a prompt)")
    if json_flag:
        p.add_argument("--json", action="store_true", help="print one JSON document")
    return p


def build_parser() -> Parser:
    common, with_json = _common(), _common(json_flag=True)
    top = Parser(prog="storekeeper", parents=[common],
                 description="Storekeeper: purchase, sales and stock for a shop. "
                             "Without a command, opens the desktop app.")
    top.add_argument("--version", action="version", version=f"storekeeper {VERSION}")
    sub = top.add_subparsers(dest="command", parser_class=Parser, metavar="COMMAND")

    g = sub.add_parser("gui", parents=[common], help="the desktop app (the default)")
    g.add_argument("--smoke", action="store_true", help="open offscreen, time the first paint, exit")
    g.add_argument("--screen", metavar="NAME", help="with --smoke: the screen to open")

    i = sub.add_parser("init", parents=[with_json], help="create the database or upgrade its schema")
    i.add_argument("--shop", metavar="NAME", help="the shop's name")
    i.add_argument("--owner", metavar="NAME", help="the owner's user name (default: owner)")

    s = sub.add_parser("seed", parents=[with_json], help="fill the database with a synthetic shop")
    s.add_argument("--products", type=int, required=True, metavar="N")
    s.add_argument("--customers", type=int, required=True, metavar="N")
    s.add_argument("--sales-lines", type=int, required=True, metavar="N")
    s.add_argument("--days", type=int, required=True, metavar="D")
    s.add_argument("--seed", type=int, default=1, metavar="S")

    prod = sub.add_parser("product", parents=[common], help="products").add_subparsers(
        dest="action", required=True, parser_class=Parser, metavar="ACTION")
    pa = prod.add_parser("add", parents=[with_json], help="a new product")
    pa.add_argument("--sku", required=True)
    pa.add_argument("--name", required=True)
    pa.add_argument("--barcode", action="append", default=[], metavar="CODE",
                    help="EAN-13/EAN-8/UPC-A (check digit verified) or another code; repeatable")
    pa.add_argument("--unit", default="")
    pa.add_argument("--price", default="0", metavar="P")
    pa.add_argument("--cost", default=None, metavar="C")
    pa.add_argument("--category", default="")
    pa.add_argument("--min", default=None, metavar="Q")
    pa.add_argument("--max", default=None, metavar="Q")
    pa.add_argument("--batches", action="store_true", help="tracked by batch and expiry date")

    for kind in ("customer", "supplier"):
        k = sub.add_parser(kind, parents=[common], help=f"{kind}s").add_subparsers(
            dest="action", required=True, parser_class=Parser, metavar="ACTION")
        ka = k.add_parser("add", parents=[with_json], help=f"a new {kind}")
        ka.add_argument("name", metavar="NAME")
        ka.add_argument("--phone", default="")
        if kind == "customer":
            ka.add_argument("--credit-limit", default=None, metavar="X")

    u = sub.add_parser("user", parents=[common], help="user accounts").add_subparsers(
        dest="action", required=True, parser_class=Parser, metavar="ACTION")
    ua = u.add_parser("add", parents=[with_json],
                      help="a new account; password from $STOREKEEPER_NEW_PASSWORD or a prompt")
    ua.add_argument("name", metavar="NAME")
    ua.add_argument("--role", required=True, choices=ROLES)
    ur = u.add_parser("role", parents=[with_json],
                      help="a new role for an account (orders waiting on it find another approver)")
    ur.add_argument("name", metavar="NAME")
    ur.add_argument("--role", required=True, choices=ROLES)
    ud = u.add_parser("deactivate", parents=[with_json],
                      help="the account can no longer sign in (orders waiting on it move up)")
    ud.add_argument("name", metavar="NAME")
    uu = u.add_parser("unlock", parents=[with_json],
                      help="forget an account's failed sign-ins and lift its lock (owner)")
    uu.add_argument("name", metavar="NAME")
    up = u.add_parser("password", parents=[with_json],
                      help="a new password from $STOREKEEPER_NEW_PASSWORD or a prompt: your own "
                           "(the current one is $STOREKEEPER_PASSWORD) or, by the owner, "
                           "another account's (which unlocks it)")
    up.add_argument("name", metavar="NAME")
    u.add_parser("list", parents=[with_json],
                 help="every account: role, active, locked until, failed sign-ins (owner)")

    post = sub.add_parser("post", parents=[common], help="post a document").add_subparsers(
        dest="kind", required=True, parser_class=Parser, metavar="KIND")
    ps = post.add_parser("sale", parents=[with_json], help="a sale")
    ps.add_argument("--line", action="append", required=True, metavar="CODE:QTY[:PRICE]")
    ps.add_argument("--customer", metavar="NAME")
    ps.add_argument("--payment", default="cash", choices=PAYMENT_METHODS)
    pr = post.add_parser("return", parents=[with_json], help="goods brought back against a sale")
    pr.add_argument("--sale", required=True, metavar="NUMBER")
    pr.add_argument("--line", action="append", required=True, metavar="CODE:QTY")
    pp = post.add_parser("purchase-receipt", parents=[with_json],
                         help="goods received, from a supplier or against an approved order")
    pp.add_argument("--supplier", metavar="NAME")
    pp.add_argument("--order", metavar="NUMBER",
                    help="against this approved order: all still due, or the --line given "
                         "(COST may be left out: the order's)")
    pp.add_argument("--line", action="append", metavar="CODE:QTY:COST[:BATCH[:EXPIRY]]")
    po = post.add_parser("purchase-order", parents=[with_json],
                         help="an order to a supplier, submitted under the approval rules")
    po.add_argument("--supplier", required=True, metavar="NAME")
    po.add_argument("--line", action="append", required=True, metavar="CODE:QTY:COST")
    po.add_argument("--urgent", action="store_true")
    po.add_argument("--expected", metavar="DATE", help="when the goods should arrive (2026-12-31)")
    po.add_argument("--draft", action="store_true", help="save it unsubmitted (`submit` later)")
    pq = post.add_parser("purchase-return", parents=[with_json], help="goods sent back to a supplier")
    pq.add_argument("--supplier", required=True, metavar="NAME")
    pq.add_argument("--line", action="append", required=True, metavar="CODE:QTY[:PRICE]")
    pm = post.add_parser("payment", parents=[with_json], help="a customer paying their account")
    pm.add_argument("--customer", required=True, metavar="NAME")
    pm.add_argument("--amount", required=True, metavar="X")
    pm.add_argument("--method", default="cash", choices=[m for m in PAYMENT_METHODS if m != "account"])
    sp = post.add_parser("supplier-payment", parents=[with_json], help="paying a supplier")
    sp.add_argument("--supplier", required=True, metavar="NAME")
    sp.add_argument("--amount", required=True, metavar="X")
    sp.add_argument("--method", default="cash", choices=[m for m in PAYMENT_METHODS if m != "account"])
    pt = post.add_parser("stocktake", parents=[with_json], help="a count; stock is set to it")
    pt.add_argument("--line", action="append", required=True, metavar="CODE:COUNTED")
    pj = post.add_parser("adjustment", parents=[with_json], help="stock up or down with a reason")
    pj.add_argument("--line", action="append", required=True, metavar="CODE:QTY", help="QTY signed")
    pj.add_argument("--reason", required=True,
                    help="damage, expiry, loss, gift, sample, internal-use, found or other")
    pj.add_argument("--note", default="", help="what happened, in a few words")
    for p in (ps, pr, pp, po, pq, pm, sp, pt, pj):
        p.add_argument("--client-id", metavar="ID",
                       help="an id made by the caller: posting it again changes nothing")

    c = sub.add_parser("cancel", parents=[with_json], help="cancel a posted document by a reversal")
    c.add_argument("number", metavar="NUMBER")

    im = sub.add_parser("import", parents=[with_json], help="an old Excel book into the books")
    im.add_argument("kind", choices=("products", "customers", "suppliers", "opening-stock",
                                     "sales-history"), metavar="KIND",
                    help="products, customers, suppliers, opening-stock or sales-history")
    im.add_argument("file", metavar="FILE", help=".xlsx, .xls, .ods or .csv (UTF-8 or GB18030)")
    im.add_argument("--sheet", metavar="NAME")
    im.add_argument("--dry-run", action="store_true", help="preview only: write nothing")
    im.add_argument("--rejects", metavar="OUT.xlsx", help="the refused rows, with the reason")
    im.add_argument("--map", action="append", default=[], metavar="HEADER=FIELD",
                    help="map a column to a field by hand (FIELD empty: leave it out)")
    ex = sub.add_parser("export", parents=[with_json],
                        help="the books to .xlsx, in a form the import reads back")
    ex.add_argument("kind", choices=("products", "stock", "customers", "suppliers", "sales",
                                     "movements"), metavar="KIND",
                    help="products, stock, customers, suppliers, sales or movements")
    ex.add_argument("output", metavar="OUT.xlsx")
    iu = sub.add_parser("undo-import", parents=[with_json],
                        help="reverse an imported batch (its documents, products, history)")
    iu.add_argument("batch", type=int, metavar="BATCH")

    ap = sub.add_parser("approve", parents=[with_json], help="approve an order awaiting approval")
    ap.add_argument("number", metavar="NUMBER")
    rj = sub.add_parser("reject", parents=[with_json], help="reject an order awaiting approval")
    rj.add_argument("number", metavar="NUMBER")
    rj.add_argument("--reason", required=True, metavar="TEXT", help="goes back to its creator")
    sb = sub.add_parser("submit", parents=[with_json], help="submit a draft purchase order")
    sb.add_argument("number", metavar="NUMBER")

    st = sub.add_parser("setting", parents=[with_json], help="read or change a shop setting")
    st.add_argument("key", metavar="KEY", help="e.g. allow_negative_stock, shop_name")
    st.add_argument("value", nargs="?", metavar="VALUE")

    r = sub.add_parser("report", parents=[common], help="reports").add_subparsers(
        dest="kind", required=True, parser_class=Parser, metavar="KIND")
    for name, text in (("stock", "products, on hand, cost and price"),
                       ("receivables", "what customers owe"), ("payables", "what the shop owes")):
        r.add_parser(name, parents=[with_json], help=text)
    ra = r.add_parser("alerts", parents=[with_json],
                      help="what needs attention: orders awaiting approval, low and over stock, "
                           "expired and expiring batches, negative stock")
    ra.add_argument("--push", action="store_true",
                    help="also send them to the webhook set in Settings (alert_webhook_url)")
    ra.add_argument("--webhook", metavar="URL", help="send them here instead (implies --push)")
    rp = r.add_parser("process", parents=[with_json],
                      help="purchase orders per month: approval and receipt times, rejections, "
                           "escalations")
    rp.add_argument("--from", dest="date_from", required=True, metavar="DATE")
    rp.add_argument("--to", dest="date_to", required=True, metavar="DATE")

    sub.add_parser("check", parents=[with_json], help="verify the books; exit 1 on any breach")

    from desktop.cli import cmd_archive, cmd_backup, cmd_labels, cmd_print
    cmd_backup.add_parser(sub, common, with_json)
    cmd_print.add_parser(sub, common, with_json, Parser)
    cmd_labels.add_parser(sub, common, with_json, Parser)
    cmd_archive.add_parser(sub, common, with_json, Parser)
    from desktop.cli import cmd_audit, cmd_period
    cmd_period.add_parser(sub, common, with_json, Parser)
    cmd_audit.add_parser(sub, common, with_json, Parser)
    from desktop.cli import cmd_anomalies, cmd_recall, cmd_reports, cmd_stock
    cmd_reports.add_parser(sub, r, common, with_json, Parser)
    cmd_stock.add_parser(sub, r, common, with_json, Parser)
    cmd_anomalies.add_parser(sub, r, common, with_json, Parser)
    cmd_recall.add_parser(sub, r, common, with_json, Parser)

    b = sub.add_parser("bench", parents=[common], help="benchmarks").add_subparsers(
        dest="kind", required=True, parser_class=Parser, metavar="KIND")
    bc = b.add_parser("checkout", parents=[with_json], help="concurrent terminals posting sales")
    bc.add_argument("--terminals", type=int, required=True, metavar="N")
    bc.add_argument("--seconds", type=float, required=True, metavar="S")
    bc.add_argument("--hot", action="store_true", help="every checkout sells the same product")
    bs = b.add_parser("scan", parents=[with_json],
                      help="barcodes scanned into the counter screen, Enter to line painted")
    bs.add_argument("--products", type=int, metavar="N",
                    help="the shop must hold N products (an empty database is seeded with them)")
    bs.add_argument("--scans", type=int, default=1000, metavar="K", help="scans timed (default 1000)")
    return top
