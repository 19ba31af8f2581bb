"""`report sales-summary | best-sellers | daily-close` and `rollups rebuild`.

    report sales-summary --from DATE --to DATE --by day|week|month|product|category|customer|cashier
    report best-sellers --from DATE --to DATE [--top N] [--slowest]
    report daily-close [--day DATE]
    report adjustments --from DATE --to DATE   (stock adjustments by reason)
    rollups rebuild [--from DATE]          (owner, manager)

Answers come from the rollups posting keeps (db.rollups); money and
quantities as decimal strings (CLI.md). Reports need the "reports"
permission; cost and profit are left out for roles without "see-cost".
"""
from __future__ import annotations


from db import clock, rollups, rollups_upkeep
from db.books import Books
from db.engine import write_transaction
from db.errors import BooksError
from db.money import money_str, qty_str
from db.permissions import may, require
from desktop.cli import parse_date as _date

REPORTS = ("sales-summary", "best-sellers", "daily-close", "adjustments")


def add_parser(sub, report, common, with_json, parser_class) -> None:
    """report: the `report` command's subparsers; sub: the top level's."""
    s = report.add_parser("sales-summary", parents=[with_json],
                          help="sales, returns and cancels summed by day, week, month, product, "
                               "category, customer or cashier")
    s.add_argument("--from", dest="date_from", required=True, metavar="DATE")
    s.add_argument("--to", dest="date_to", required=True, metavar="DATE")
    s.add_argument("--by", required=True, choices=rollups.GROUPINGS)
    b = report.add_parser("best-sellers", parents=[with_json],
                          help="the products that sold the most (or, --slowest, the least)")
    b.add_argument("--from", dest="date_from", required=True, metavar="DATE")
    b.add_argument("--to", dest="date_to", required=True, metavar="DATE")
    b.add_argument("--top", type=int, default=20, metavar="N")
    b.add_argument("--slowest", action="store_true")
    d = report.add_parser("daily-close", parents=[with_json],
                          help="a day's takings per payment method, and its totals")
    d.add_argument("--day", metavar="DATE", help="default: today")
    a = report.add_parser("adjustments", parents=[with_json],
                          help="stock adjustments by reason (damage, expiry, loss, ...)")
    a.add_argument("--from", dest="date_from", required=True, metavar="DATE")
    a.add_argument("--to", dest="date_to", required=True, metavar="DATE")
    r = sub.add_parser("rollups", parents=[common], help="the sales rollups reports read").add_subparsers(
        dest="action", required=True, parser_class=parser_class, metavar="ACTION")
    rb = r.add_parser("rebuild", parents=[with_json],
                      help="sum the rollups again from the documents (owner, manager)")
    rb.add_argument("--from", dest="date_from", metavar="DATE", help="only the days from DATE on")




def _figures(r: dict, with_cost: bool, key: bool = True) -> dict:
    out = {"key": r["key"], "label": r["label"]} if key else {}
    out["qty"] = qty_str(r["qty"])
    out["amount"] = money_str(r["amount"])
    if with_cost:
        out["cost"] = money_str(r["cost"])
        out["profit"] = money_str(r["profit"])
    return out


def summary_json(answer: dict, with_cost: bool) -> dict:
    return {"rows": [_figures(r, with_cost) for r in answer["rows"]],
            "total": _figures(answer["total"], with_cost, key=False)}


def _text(data: dict) -> str:
    lines = [f"{r['key'] or '-'}\t{r['label'] if r['label'] != r['key'] else ''}\t{r['qty']}\t"
             f"{r['amount']}" + (f"\t{r['cost']}\t{r['profit']}" if "cost" in r else "")
             for r in data["rows"]]
    t = data["total"]
    lines.append(f"total\t\t{t['qty']}\t{t['amount']}"
                 + (f"\t{t['cost']}\t{t['profit']}" if "cost" in t else ""))
    return "\n".join(lines)


def run(args, books: Books) -> int:
    from desktop.cli import emit
    if args.command == "rollups":
        rollups_upkeep.require_rebuild(books.actor)
        since = _date(args.date_from, "--from") if args.date_from else None
        with write_transaction(books.engine) as conn:
            done = rollups_upkeep.rebuild(conn, since)
        emit(args, {"rebuilt": True, **{k: v for k, v in done.items()}},
             "rollups rebuilt: " + ", ".join(f"{k} {v}" for k, v in done.items()))
        return 0
    require(books.actor, "reports")
    with_cost = may(books.actor, "see-cost")
    with books.engine.connect() as conn:
        if args.kind == "daily-close":
            day = _date(args.day, "--day") if args.day else clock.today()
            c = rollups.daily_close(conn, day)
            data = {"day": day.isoformat(),
                    "methods": [{"method": m["method"], "amount": money_str(m["amount"]),
                                 "docs": m["docs"]} for m in c["methods"]],
                    "paid": money_str(c["paid"]), "docs": c["docs"],
                    **_figures(c, with_cost, key=False)}
            text = "\n".join([f"{m['method']}\t{m['amount']}\t{m['docs']}" for m in data["methods"]]
                             + [f"total\t{data['amount']}\t{data['docs']}"])
            emit(args, data, text)
            return 0
        date_from, date_to = _date(args.date_from, "--from"), _date(args.date_to, "--to")
        if args.kind == "adjustments":
            from db.adjustments import by_reason
            rows = [{"reason": r["reason"], "documents": r["documents"],
                     "qty_in": qty_str(r["qty_in"]), "qty_out": qty_str(r["qty_out"]),
                     **({"value": money_str(r["value"])} if with_cost else {})}
                    for r in by_reason(conn, date_from, date_to)]
            emit(args, {"rows": rows}, "\n".join(
                f"{r['reason']}\t{r['documents']}\t+{r['qty_in']}\t-{r['qty_out']}"
                + (f"\t{r['value']}" if with_cost else "") for r in rows) or "(nothing)")
            return 0
        if args.kind == "best-sellers":
            if args.top < 1:
                raise BooksError("--top must be at least 1")
            rows = rollups.best_sellers(conn, date_from, date_to, args.top, args.slowest)
            data = {"rows": [_figures(r, with_cost) for r in rows]}
            emit(args, data, "\n".join(f"{r['key']}\t{r['label']}\t{r['qty']}\t{r['amount']}"
                                       for r in data["rows"]) or "(nothing)")
            return 0
        answer = rollups.sales_summary(conn, date_from, date_to, args.by)
    data = summary_json(answer, with_cost)
    emit(args, data, _text(data))
    return 0
