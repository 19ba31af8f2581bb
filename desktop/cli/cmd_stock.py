"""`report stock-as-of | trail | count-trace`: stock history and variance tracing
(db.stock_history).

    report stock-as-of --date DATE [--sku SKU ...]   on hand (and value) at the end of DATE
    report trail --sku SKU [--limit N]               a product's last operations, newest first
    report count-trace --number N --sku SKU          a count against what was expected, and
                                                     the movements since the previous count

Money and quantities as decimal strings, dates ISO (CLI.md). Reports need the
"reports" permission; values are left out for roles without "see-cost".
"""
from __future__ import annotations


from db import stock_history
from db.books import Books
from db.money import money_str, qty_str
from db.permissions import may, require
from desktop.cli import iso, parse_date as _date

REPORTS = ("stock-as-of", "trail", "count-trace")


def add_parser(sub, report, common, with_json, parser_class) -> None:
    """report: the `report` command's subparsers; sub: the top level's."""
    a = report.add_parser("stock-as-of", parents=[with_json],
                          help="each product's quantity on hand (and value) at the end of a day")
    a.add_argument("--date", required=True, metavar="DATE")
    a.add_argument("--sku", action="append", metavar="SKU",
                   help="only this product (repeat for more); default: every active product")
    t = report.add_parser("trail", parents=[with_json],
                          help="a product's last operations, newest first, with the balance "
                               "after each")
    t.add_argument("--sku", required=True, metavar="SKU")
    t.add_argument("--limit", type=int, default=50, metavar="N", help="default 50")
    c = report.add_parser("count-trace", parents=[with_json],
                          help="a product's count on a stocktake, the previous count and the "
                               "movements between them")
    c.add_argument("--number", required=True, metavar="N", help="the stocktake's number")
    c.add_argument("--sku", required=True, metavar="SKU")





def movement_json(m: dict, with_cost: bool) -> dict:
    out = {"number": m["number"], "kind": m["kind"], "date": iso(m["date"]),
           "at": iso(m["at"]), "user": m["user"], "qty": qty_str(m["qty"]),
           "balance": qty_str(m["balance"]), "batch": m["batch"], "note": m["note"],
           "order": m["order"], "approved_by": m["approved_by"]}
    if with_cost:
        out["value"] = money_str(m["value"])
    return out


def _movement_text(m: dict) -> str:
    parts = [m["at"] or m["date"] or "", m["number"], m["kind"], m["user"],
             f"{'+' if not m['qty'].startswith('-') else ''}{m['qty']}",
             f"-> {m['balance']}"]
    if "value" in m:
        parts.append(m["value"])
    if m["batch"]:
        parts.append(f"batch {m['batch']}")
    if m["order"]:
        parts.append(f"order {m['order']}"
                     + (f" approved by {', '.join(m['approved_by'])}" if m["approved_by"] else ""))
    if m["note"]:
        parts.append(m["note"])
    return "\t".join(parts)


def _as_of(conn, args, with_cost: bool) -> tuple[dict, str]:
    day = _date(args.date, "--date")
    rows = stock_history.stock_as_of(conn, day, args.sku)
    data = {"date": day.isoformat(), "rows": []}
    for r in rows:
        item = {"sku": r["sku"], "name": r["name"], "unit": r["unit"], "qty": qty_str(r["qty"])}
        if with_cost:
            item["value"] = money_str(r["value"])
        data["rows"].append(item)
    if with_cost:
        data["value"] = money_str(sum(r["value"] for r in rows))
    lines = [f"{r['sku']}\t{r['name']}\t{r['qty']} {r['unit']}".rstrip()
             + (f"\t{r['value']}" if with_cost else "") for r in data["rows"]]
    if with_cost:
        lines.append(f"total value\t{data['value']}")
    return data, f"stock at the end of {data['date']}\n" + ("\n".join(lines) or "(nothing)")


def _trail(conn, args, with_cost: bool) -> tuple[dict, str]:
    rows = stock_history.product_trail(conn, args.sku, args.limit)
    moves = [movement_json(m, with_cost) for m in rows]
    data = {"sku": args.sku.strip(), "rows": moves}
    return data, "\n".join(_movement_text(m) for m in moves) or "(no movements)"


def _count_trace(conn, args, with_cost: bool) -> tuple[dict, str]:
    t = stock_history.count_trace(conn, args.number, args.sku)
    prev = t["previous"]
    data = {"number": t["number"], "date": iso(t["date"]), "at": iso(t["at"]),
            "user": t["user"], "cancelled": t["cancelled"], "sku": t["sku"], "name": t["name"],
            "unit": t["unit"], "expected": qty_str(t["expected"]),
            "counted": qty_str(t["counted"]), "difference": qty_str(t["difference"]),
            "previous": None if prev is None else {
                "number": prev["number"], "date": iso(prev["date"]), "at": iso(prev["at"]),
                "counted": qty_str(prev["counted"])},
            "movements": [movement_json(m, with_cost) for m in t["movements"]],
            "moved": qty_str(t["moved"]), "explained": t["explained"]}
    if with_cost:
        data["difference_value"] = money_str(t["difference_value"])
    head = [f"{data['number']} ({data['date']}, {data['user']}"
            + (", cancelled" if data["cancelled"] else "") + f"): {data['sku']} {data['name']}",
            f"expected {data['expected']}, counted {data['counted']}, "
            f"difference {data['difference']}"
            + (f" ({data['difference_value']})" if with_cost else ""),
            (f"previous count {prev['number']} ({data['previous']['date']}): "
             f"{data['previous']['counted']}" if prev else "no earlier count of this product"),
            f"moved since: {data['moved']}"
            + ("" if data["explained"] else " (does not add up to the expected quantity)")]
    body = [_movement_text(m) for m in data["movements"]] or ["(no movements)"]
    return data, "\n".join(head + body)


def run(args, books: Books) -> int:
    from desktop.cli import emit
    require(books.actor, "reports")
    with_cost = may(books.actor, "see-cost")
    answer = {"stock-as-of": _as_of, "trail": _trail, "count-trace": _count_trace}[args.kind]
    with books.engine.connect() as conn:
        data, text = answer(conn, args, with_cost)
    emit(args, data, text)
    return 0
