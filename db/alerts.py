"""What needs someone's attention now (`report alerts`, CLI.md's shape:
[{"kind", "sku"?, "number"?, "message"}]).

Kinds today: awaiting-approval (every order waiting, with whom it waits on,
since when, and whether it escalated or timed out), low-stock (below the
product's minimum) and over-stock (above its maximum). Issue 9 adds expiry.
"""
from __future__ import annotations

from sqlalchemy import Connection, select

from db import approvals
from db.approvals import with_article
from db.money import money_str, qty_str
from db.schema import products, stock


def alerts(conn: Connection) -> list[dict]:
    out: list[dict] = []
    for w in approvals.all_waiting(conn):
        state = ""
        if w.timed_out:
            state = f"; past its time limit at the top ({w.escalations} escalations)"
        elif w.escalations:
            state = f"; escalated {w.escalations}x"
        urgent = "urgent " if w.urgent else ""
        out.append({"kind": "awaiting-approval", "number": w.number,
                    "message": f"{urgent}order {w.number} from {w.supplier} "
                               f"({money_str(w.total)}, by {w.creator}) waits for "
                               f"{with_article(w.role)}'s "
                               f"approval since {w.since:%Y-%m-%d %H:%M}, due "
                               f"{w.due_at:%Y-%m-%d %H:%M}{state}"})
    for r in conn.execute(
            select(products.c.sku, products.c.name, products.c.min_qty, products.c.max_qty,
                   stock.c.qty)
            .join(stock, stock.c.product_id == products.c.id)
            .where(products.c.active.is_(True),
                   ((products.c.min_qty.is_not(None)) & (stock.c.qty < products.c.min_qty))
                   | ((products.c.max_qty.is_not(None)) & (stock.c.qty > products.c.max_qty)))
            .order_by(products.c.sku)):
        if r.min_qty is not None and r.qty < r.min_qty:
            out.append({"kind": "low-stock", "sku": r.sku,
                        "message": f"{r.sku} {r.name}: {qty_str(r.qty)} on hand, below the "
                                   f"minimum of {qty_str(r.min_qty)}"})
        else:
            out.append({"kind": "over-stock", "sku": r.sku,
                        "message": f"{r.sku} {r.name}: {qty_str(r.qty)} on hand, above the "
                                   f"maximum of {qty_str(r.max_qty)}"})
    return out
