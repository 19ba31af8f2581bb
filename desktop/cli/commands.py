"""What each command does: plain calls into db.books and friends."""
from __future__ import annotations

import datetime as dt
import os
import sys

from db import migrate, users
from db.books import Books
from db.documents import LineIn
from db.engine import make_engine, resolve_url
from db.errors import BooksError
from db.masters import NewProduct, get_setting
from db.money import money_str, parse_money, parse_qty
from db.posting import Posted
from desktop.cli import emit, password_from, parse_date as _date


def dispatch(args) -> int:
    if args.command == "gui":
        from desktop.ui.app import main as gui_main
        return gui_main(getattr(args, "db", None), smoke=args.smoke, screen=args.screen)
    url = resolve_url(getattr(args, "db", None))
    if args.command == "restore":            # the shop may be damaged or gone
        from desktop.cli.cmd_backup import run_restore
        return run_restore(args, url)
    if args.command != "init" and url.startswith("sqlite:///"):
        path = url[len("sqlite:///"):]
        if path and path != ":memory:" and not os.path.exists(path):
            raise BooksError(f"no database at {path}: run `storekeeper init` to create one")
    engine = make_engine(url)
    try:
        if args.command == "init":
            return cmd_init(args, engine, url)
        if args.command == "bench":
            return cmd_bench(args, engine)
        _require_schema(engine)
        books = Books(engine, sign_in(args, engine))
        handler = {"seed": cmd_seed, "product": cmd_add, "customer": cmd_add,
                   "supplier": cmd_add, "user": cmd_add, "post": cmd_post,
                   "cancel": cmd_cancel, "setting": cmd_setting, "report": cmd_report,
                   "check": cmd_check, "print": _print, "labels": _labels, "approve": cmd_decide,
                   "reject": cmd_decide, "submit": cmd_decide, "import": cmd_import,
                   "undo-import": cmd_undo_import, "export": cmd_export,
                   "archive": _archive, "rollups": _reports, "backup": _backup,
                   "period": _period, "audit": _audit}[args.command]
        return handler(args, books)
    finally:
        engine.dispose()


def _print(args, books: Books) -> int:
    from desktop.cli.cmd_print import run
    return run(args, books)


def _labels(args, books: Books) -> int:
    from desktop.cli.cmd_labels import run
    return run(args, books)


def _reports(args, books: Books) -> int:
    from desktop.cli.cmd_reports import run
    return run(args, books)


def _backup(args, books: Books) -> int:
    from desktop.cli.cmd_backup import run_backup
    return run_backup(args, books)


def _period(args, books: Books) -> int:
    from desktop.cli.cmd_period import run
    return run(args, books)


def _audit(args, books: Books) -> int:
    from desktop.cli.cmd_audit import run
    return run(args, books)


def _archive(args, books: Books) -> int:
    from desktop.cli.cmd_archive import run
    return run(args, books)


def _require_schema(engine) -> None:
    current = migrate.current_revision(engine)
    if current is None:
        raise BooksError(f"{engine.url.render_as_string(hide_password=True)} holds no shop yet: "
                         "run `storekeeper init` first")
    if current != migrate.head_revision():
        raise BooksError("the database's schema is older than this program: run `storekeeper init` "
                         "to upgrade it")


def sign_in(args, engine):
    name = getattr(args, "user", None)
    if name is None:
        with engine.connect() as conn:
            owner = users.owner(conn)
        if owner is None:
            raise BooksError("the shop has no owner: run `storekeeper init`")
        name = owner.name
    return users.sign_in(engine, name, password_from("STOREKEEPER_PASSWORD", f"password for {name}: "))


# ---------------------------------------------------------------- init, seed, bench

def cmd_init(args, engine, url: str) -> int:
    from db.shop import init
    path = url[len("sqlite:///"):] if url.startswith("sqlite:///") else None
    if path and (not os.path.exists(path) or os.path.getsize(path) == 0):
        fresh = True  # decided without opening the file, so a refusal leaves nothing behind
    else:
        fresh = migrate.current_revision(engine) is None
    password = password_from("STOREKEEPER_PASSWORD", "owner's password: ") if fresh else \
        os.environ.get("STOREKEEPER_PASSWORD")
    result = init(engine, shop=args.shop, owner=args.owner, password=password)
    data = {"created": result.created, "schema": result.revision,
            "owner": result.owner.name if result.owner else None}
    what = "created" if result.created else (
        f"upgraded from {result.revision_before}" if result.revision_before != result.revision
        else "already current")
    emit(args, data, f"database {what} (schema {result.revision}); owner: {data['owner']}")
    return 0


def cmd_seed(args, books: Books) -> int:
    from db.permissions import require
    from db.seed import seed
    require(books.actor, "import")           # a whole history written, as an import does
    for name in ("products", "customers", "sales_lines", "days"):
        if getattr(args, name) < 0 or (name in ("products", "days") and getattr(args, name) == 0):
            raise BooksError(f"--{name.replace('_', '-')} must be a positive number")
    show = sys.stderr.isatty()

    def progress(done: int, total: int) -> None:
        if show:
            print(f"\rseeding: {done * 100 // max(total, 1)}%", end="", file=sys.stderr, flush=True)

    summary = seed(books.engine, books.actor, products=args.products, customers=args.customers,
                   sales_lines=args.sales_lines, days=args.days, seed=args.seed, progress=progress)
    if show:
        print(file=sys.stderr)
    emit(args, summary, " ".join(f"{k}={v}" for k, v in summary.items()))
    return 0


def cmd_bench(args, engine) -> int:
    if args.kind == "scan":
        return cmd_bench_scan(args, engine)
    from db.bench import bench_checkout
    if args.terminals < 1 or args.seconds <= 0:
        raise BooksError("--terminals must be at least 1 and --seconds above 0")
    _require_schema(engine)
    result = bench_checkout(engine.url.render_as_string(hide_password=False),
                            terminals=args.terminals, seconds=args.seconds, hot=args.hot)
    emit(args, result, " ".join(f"{k}={v}" for k, v in result.items()))
    return 0


def cmd_bench_scan(args, engine) -> int:
    from desktop.ui.bench_scan import bench_scan
    if args.products is not None and args.products < 1:
        raise BooksError("--products must be at least 1")
    _require_schema(engine)
    result = bench_scan(engine, scans=args.scans, products_wanted=args.products)
    emit(args, result, " ".join(f"{k}={v}" for k, v in result.items()))
    return 0


# ---------------------------------------------------------------- master data

def cmd_add(args, books: Books) -> int:
    if args.command == "product":
        pid = books.add_product(NewProduct(
            sku=args.sku, name=args.name, barcodes=args.barcode, unit=args.unit, price=args.price,
            cost=args.cost, category=args.category, min_qty=args.min, max_qty=args.max,
            batch_tracked=args.batches))
        emit(args, {"id": pid, "sku": args.sku.strip()}, f"product {args.sku.strip()} added")
    elif args.command == "customer":
        cid = books.add_customer(args.name, args.phone, args.credit_limit)
        emit(args, {"id": cid, "name": " ".join(args.name.split())}, f"customer {args.name.strip()} added")
    elif args.command == "supplier":
        sid = books.add_supplier(args.name, args.phone)
        emit(args, {"id": sid, "name": " ".join(args.name.split())}, f"supplier {args.name.strip()} added")
    elif args.action == "role":
        books.set_user_role(args.name, args.role)
        emit(args, {"name": args.name.strip(), "role": args.role},
             f"user {args.name.strip()} is now {args.role}")
    elif args.action == "deactivate":
        books.deactivate_user(args.name)
        emit(args, {"name": args.name.strip(), "active": False},
             f"user {args.name.strip()} deactivated")
    elif args.action == "unlock":
        name = args.name.strip()
        done = books.unlock_user(name)
        emit(args, {"name": name, "unlocked": done},
             f"user {name} unlocked" if done else f"user {name} had no failed sign-ins to forget")
    elif args.action == "password":
        return _user_password(args, books)
    elif args.action == "list":
        return _user_list(args, books)
    else:
        password = password_from("STOREKEEPER_NEW_PASSWORD", f"password for {args.name}: ")
        user = books.add_user(args.name, args.role, password)
        emit(args, {"id": user.id, "name": user.name, "role": user.role},
             f"user {user.name} ({user.role}) added")
    return 0


def _new_password(name: str) -> str:
    """$STOREKEEPER_NEW_PASSWORD, else typed twice at a prompt (a typo would lock
    the account out)."""
    env = "STOREKEEPER_NEW_PASSWORD"
    if os.environ.get(env):
        return os.environ[env]
    first = password_from(env, f"new password for {name}: ")
    if password_from(env, f"new password for {name} again: ") != first:
        raise BooksError("the two new passwords differ: nothing changed")
    return first


def _user_password(args, books: Books) -> int:
    """`user password NAME`: one's own (the current password is the one signed in
    with, $STOREKEEPER_PASSWORD) or, for the owner, a reset of another account."""
    name = args.name.strip()
    own = name == books.actor.name
    if own:
        old = password_from("STOREKEEPER_PASSWORD", f"current password for {name}: ")
        books.change_password(old, _new_password(name))
        text = f"password of {name} changed"
    else:
        from db.permissions import require
        require(books.actor, "users")            # before anyone is asked for a password
        books.set_user_password(name, _new_password(name))
        text = f"password of {name} set; the account is unlocked"
    emit(args, {"name": name, "reset": not own}, text)
    return 0


def _user_list(args, books: Books) -> int:
    from desktop.cli import iso
    accounts = books.list_users()
    data = [{"name": a.name, "role": a.role, "active": a.active,
             "locked_until": iso(a.locked_until), "failures": a.failures} for a in accounts]
    lines = ["\t".join([a["name"], a["role"], "active" if a["active"] else "inactive",
                        f"locked until {a['locked_until']}" if a["locked_until"] else "",
                        f"{a['failures']} failed sign-ins" if a["failures"] else ""]).rstrip()
             for a in data]
    emit(args, data, "\n".join(lines))
    return 0


# settings that hold a secret (the webhook's URL carries the group robot's key):
# read back only by those who may change settings
SECRET_SETTINGS = frozenset({"alert_webhook_url"})


def cmd_setting(args, books: Books) -> int:
    if args.value is not None:
        books.set_setting(args.key, args.value)
    elif args.key in SECRET_SETTINGS:
        from db.permissions import require
        require(books.actor, "settings")
    with books.engine.connect() as conn:
        value = get_setting(conn, args.key)
    emit(args, {"key": args.key, "value": value}, f"{args.key} = {value if value is not None else '(unset)'}")
    return 0


# ---------------------------------------------------------------- documents

def parse_line(spec: str, fields: int, required: int, what: str) -> list[str]:
    parts = spec.split(":")
    if not required <= len(parts) <= fields or any(not p.strip() for p in parts[:required]):
        raise BooksError(f"--line '{spec}': expected {what}")
    return [p.strip() for p in parts]


def _lines(args, fields: int, required: int, what: str, *, signed: bool = False) -> list[LineIn]:
    out = []
    for spec in args.line:
        parts = parse_line(spec, fields, required, what)
        qty = parse_qty(parts[1], f"--line '{spec}': quantity")
        if qty <= 0 and not signed and args.kind != "stocktake":
            raise BooksError(f"--line '{spec}': quantity must be above zero")
        price = parse_money(parts[2], f"--line '{spec}': price") if len(parts) > 2 and parts[2] else None
        batch = parts[3] if len(parts) > 3 and parts[3] else None
        expiry = None
        if len(parts) > 4 and parts[4]:
            try:
                expiry = dt.date.fromisoformat(parts[4])
            except ValueError:
                raise BooksError(f"--line '{spec}': expiry '{parts[4]}' is not a date "
                                 "like 2027-03-31") from None
        out.append(LineIn(parts[0], qty, price, batch, expiry))
    return out


def cmd_post(args, books: Books) -> int:
    cid = args.client_id
    if args.kind == "sale":
        done = books.post_sale(_lines(args, 3, 2, "CODE:QTY[:PRICE]"), customer=args.customer,
                               payment=args.payment, client_id=cid)
    elif args.kind == "return":
        done = books.post_return(args.sale, _lines(args, 2, 2, "CODE:QTY"), client_id=cid)
    elif args.kind == "purchase-receipt" and args.order:
        if args.supplier:
            raise BooksError("--order receives from the order's supplier: leave out --supplier")
        lines = (_lines(args, 5, 2, "CODE:QTY[:COST[:BATCH[:EXPIRY]]]") if args.line else None)
        done = books.receive_order(args.order, lines, client_id=cid)
    elif args.kind == "purchase-receipt":
        if not args.supplier or not args.line:
            raise BooksError("a receipt needs --supplier and --line, or --order NUMBER")
        done = books.post_purchase_receipt(
            args.supplier, _lines(args, 5, 3, "CODE:QTY:COST[:BATCH[:EXPIRY]]"), client_id=cid)
    elif args.kind == "purchase-order":
        done = books.post_purchase_order(
            args.supplier, _lines(args, 3, 3, "CODE:QTY:COST"), urgent=args.urgent,
            expected=_date(args.expected, "--expected") if args.expected else None,
            submit=not args.draft, client_id=cid)
    elif args.kind == "purchase-return":
        done = books.post_purchase_return(args.supplier, _lines(args, 3, 2, "CODE:QTY[:PRICE]"),
                                          client_id=cid)
    elif args.kind == "payment":
        done = books.post_customer_payment(args.customer, parse_money(args.amount, "--amount"),
                                           method=args.method, client_id=cid)
    elif args.kind == "supplier-payment":
        done = books.post_supplier_payment(args.supplier, parse_money(args.amount, "--amount"),
                                           method=args.method, client_id=cid)
    elif args.kind == "stocktake":
        done = books.post_stocktake(_lines(args, 2, 2, "CODE:COUNTED"), client_id=cid)
    else:
        done = books.post_adjustment(_lines(args, 2, 2, "CODE:QTY", signed=True),
                                     reason=args.reason, note=args.note, client_id=cid)
    return _report_posted(args, done)


def _report_posted(args, done: Posted) -> int:
    data = {"number": done.number, "total": money_str(done.total)}
    if done.kind == "stocktake" and "variances" in done.extra:
        data = {"number": done.number, "variances": done.extra["variances"]}
    if done.kind == "purchase-order":
        data["status"] = done.status
    if "order_status" in done.extra:
        data["order_status"] = done.extra["order_status"]
    if done.replay:
        data["replay"] = True
    text = f"{done.number} posted, total {money_str(done.total)}"
    if done.kind == "purchase-order":
        text = f"{done.number} {done.status.replace('-', ' ')}, total {money_str(done.total)}"
    elif "order_status" in done.extra:
        text += f"; the order is {done.extra['order_status'].replace('-', ' ')}"
    if done.replay:
        text = f"{done.number} was already posted under this client id (total {money_str(done.total)})"
    if "variances" in data:
        text = "\n".join([f"{done.number} posted"] + [
            f"  {v['sku']}: expected {v['expected']}, counted {v['counted']}, difference {v['difference']}"
            for v in data["variances"]])
    emit(args, data, text)
    return 0


def cmd_cancel(args, books: Books) -> int:
    done = books.cancel(args.number)
    emit(args, {"number": args.number.strip(), "reversal": done.number, "total": money_str(done.total)},
         f"{args.number.strip()} cancelled by reversal {done.number}")
    return 0




def cmd_decide(args, books: Books) -> int:
    """approve / reject / submit NUMBER: an order's way through approval."""
    if args.command == "approve":
        done = books.approve(args.number)
    elif args.command == "reject":
        done = books.reject(args.number, args.reason)
    else:
        done = books.submit_order(args.number)
    emit(args, {"number": done.number, "status": done.status},
         f"{done.number}: {done.status}")
    return 0


# ---------------------------------------------------------------- old books in

def cmd_import(args, books: Books) -> int:
    from desktop.books.pipeline import commit, preview_for, write_rejects
    from db.permissions import require
    require(books.actor, "import")
    mapping = {}
    for spec in args.map:
        header, sep, field = spec.partition("=")
        if not sep or not header.strip():
            raise BooksError(f"--map '{spec}': expected HEADER=FIELD")
        mapping[header.strip()] = field.strip()
    p = preview_for(books.engine, args.kind, args.file, sheet=args.sheet, mapping=mapping)
    if args.rejects:
        write_rejects(p, args.rejects)
    result = p.summary() if args.dry_run else commit(books.engine, books.actor, p)
    result["dry_run"] = bool(args.dry_run)
    text = (f"{result['file']}: {result['rows_read']} rows read, {result['rows_imported']} "
            f"{'would be ' if args.dry_run else ''}imported, {result['rows_merged']} merged, "
            f"{result['rows_unchanged']} unchanged, {result['rows_rejected']} rejected")
    text += "".join(f"\n  row {i['row']} {i['column']}: {i['severity']}: {i['message']}"
                    for i in result["issues"] if i["severity"] != "info")
    emit(args, result, text)
    return 0


def cmd_export(args, books: Books) -> int:
    from desktop.books.exporting import export_kind
    n = export_kind(books.engine, books.actor, args.kind, args.output)
    emit(args, {"kind": args.kind, "file": args.output, "rows": n},
         f"{n} rows of {args.kind} written to {args.output}")
    return 0


def cmd_undo_import(args, books: Books) -> int:
    from db import imports
    from db.engine import write_transaction
    from db.permissions import require
    require(books.actor, "import")
    with write_transaction(books.engine) as conn:
        done = imports.undo(conn, books.actor, args.batch)
    emit(args, done, f"batch {done['batch']} undone: {len(done['reversals'])} documents "
                     f"reversed, {done['products_retired']} products retired")
    return 0


# ---------------------------------------------------------------- reports and check

def _push_alerts(books: Books, rows: list[dict], url: str | None) -> None:
    from db import alerts
    with books.engine.connect() as conn:
        url = url or get_setting(conn, alerts.WEBHOOK_KEY)
        shop = get_setting(conn, "shop_name") or ""
    if not url:
        raise BooksError("no alert webhook is set: set alert_webhook_url in Settings, "
                         "or give --webhook URL")
    sent = alerts.push(rows, url, shop)
    print(f"sent {sent} alerts to {url}", file=sys.stderr)


def cmd_report(args, books: Books) -> int:
    from db import reports
    from desktop.cli import cmd_anomalies, cmd_recall, cmd_stock
    from desktop.cli.cmd_reports import REPORTS
    if args.kind in REPORTS:
        return _reports(args, books)
    for module in (cmd_stock, cmd_anomalies, cmd_recall):
        if args.kind in module.REPORTS:
            return module.run(args, books)
    from db.permissions import may, require
    if args.kind == "payables" and not may(books.actor, "supplier-payment"):
        require(books.actor, "reports")      # what the shop owes: not the till's business
    if args.kind == "alerts":
        require(books.actor, "see-cost")     # an order's total is a cost (the window agrees)
    with books.engine.connect() as conn:
        if args.kind == "stock":
            rows = reports.stock_report(conn, with_cost=may(books.actor, "see-cost"))
            text = "\n".join(f"{r['sku']}\t{r['name']}\t{r['on_hand']} {r['unit']}\t"
                             f"cost {r.get('cost', '-')}\tprice {r['price']}" for r in rows)
        elif args.kind == "receivables":
            rows = reports.receivables(conn)
            text = "\n".join(f"{r['customer']}\t{r['balance']}" for r in rows)
        elif args.kind == "payables":
            rows = reports.payables(conn)
            text = "\n".join(f"{r['supplier']}\t{r['balance']}" for r in rows)
    if args.kind == "alerts":
        rows = books.alerts()
        text = "\n".join(f"{r['kind']}\t{r['message']}" for r in rows)
        if args.push or args.webhook:
            _push_alerts(books, rows, args.webhook)
    elif args.kind == "process":
        months = books.process_report(_date(args.date_from, "--from"), _date(args.date_to, "--to"))
        rows = [{"month": m.month, "orders": m.orders, "approved": m.approved,
                 "rejected": m.rejected, "hours_to_approval": _hours(m.hours_to_approval),
                 "hours_to_receipt": _hours(m.hours_to_receipt),
                 "rejection_rate": _hours(m.rejection_rate), "escalations": m.escalations,
                 "timeouts": m.timeouts, "reassignments": m.reassignments} for m in months]
        text = "\n".join("\t".join(f"{k}={v}" for k, v in r.items()) for r in rows)
    emit(args, rows, text or "(nothing)")
    return 0


def _hours(value: float | None) -> str | None:
    """A mean or a rate as a decimal string (CLI.md: numbers in JSON are strings)."""
    return None if value is None else f"{value:g}"


def cmd_check(args, books: Books) -> int:
    from db.check import check_books
    from db.permissions import require
    require(books.actor, "check")
    breaches = check_books(books.engine)
    emit(args, {"ok": not breaches, "breaches": breaches},
         "the books are right" if not breaches else "\n".join(breaches))
    if breaches:
        print(f"check failed: {breaches[0]}", file=sys.stderr)
        return 1
    return 0


