"""`report recall`: one batch of a product, where it came from and who bought it
(db.recall).

    report recall --sku SKU --batch BATCH [--json]

Quantities as decimal strings, dates ISO (CLI.md). Needs the "reports" permission.
"""
from __future__ import annotations


from db import recall
from db.books import Books
from db.money import qty_str
from db.permissions import require
from desktop.cli import iso

REPORTS = ("recall",)


def add_parser(sub, report, common, with_json, parser_class) -> None:
    """report: the `report` command's subparsers; sub: the top level's."""
    r = report.add_parser("recall", parents=[with_json],
                          help="a batch recall: the batch, where it came from, and every sale "
                               "of it with the customer and the quantity kept")
    r.add_argument("--sku", required=True, metavar="SKU")
    r.add_argument("--batch", required=True, metavar="BATCH")



def recall_json(r: dict) -> dict:
    """db.recall.recall's answer as the command line prints it."""
    return {"sku": r["sku"], "name": r["name"], "unit": r["unit"], "batch": r["batch"],
            "expiry": iso(r["expiry"]), "expired": r["expired"],
            "on_hand": qty_str(r["on_hand"]), "received": qty_str(r["received"]),
            "supplier": r["supplier"], "receipt": r["receipt"],
            "received_on": iso(r["received_on"]),
            "receipts": [{"number": x["number"], "date": iso(x["date"]), "at": iso(x["at"]),
                          "supplier": x["supplier"], "qty": qty_str(x["qty"])}
                         for x in r["receipts"]],
            "sold": qty_str(r["sold"]),
            "sales": [{"number": s["number"], "date": iso(s["date"]), "at": iso(s["at"]),
                       "customer": s["customer"], "cashier": s["cashier"],
                       "sold": qty_str(s["sold"]), "returned": qty_str(s["returned"]),
                       "qty": qty_str(s["qty"])} for s in r["sales"]]}


def recall_text(d: dict) -> str:
    head = [f"{d['sku']} {d['name']} batch {d['batch']}, expiry {d['expiry'] or '-'}"
            + (" (expired)" if d["expired"] else ""),
            f"on hand {d['on_hand']}, received {d['received']}, sold {d['sold']} "
            "(net of returns)"]
    head += [f"received {x['qty']} on {x['number']} ({x['date']}) from {x['supplier'] or '-'}"
             for x in d["receipts"]]
    body = [f"{s['date']}\t{s['number']}\t{s['customer'] or '(walk-in)'}\t{s['qty']}"
            + (f" ({s['sold']} sold, {s['returned']} returned)" if s["returned"] != "0" else "")
            + f"\t{s['cashier']}" for s in d["sales"]]
    return "\n".join(head + (body or ["(no sales of this batch)"]))


def run(args, books: Books) -> int:
    from desktop.cli import emit
    require(books.actor, "reports")
    with books.engine.connect() as conn:
        data = recall_json(recall.recall(conn, args.sku, args.batch))
    emit(args, data, recall_text(data))
    return 0
