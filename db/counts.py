"""Stock counts: started, counted (by scanning, or typed in from a printed sheet),
reviewed, posted as one stocktake document.

    start(conn, actor, kind, ...)          -> count id    (full: every active product;
                                                           cycle: the products given)
    scan(conn, actor, count_id, code, qty) -> Counted     (adds to what was counted)
    set_counted(conn, actor, count_id, code, qty)         (sets it: a sheet typed in)
    finish(conn, actor, count_id)                         (counting ends: review)
    review(conn, actor, count_id)          -> [Variance]  (expected, counted, difference)
    post(conn, actor, count_id)            -> Posted      (one stocktake document)
    cancel(conn, actor, count_id)

**As of a moment.** Each line remembers when its count last changed
(counted_at). What the books expect is the quantity on hand at that moment:
today's on hand less whatever moved after it (stock_ledger.created_at). A sale
after the shelf was counted is therefore not a variance, and posting moves stock
by the variance only, so it stays sold.

**Full counts** list every active product. What nobody counted by the end counts
as none found, where the books had some (as of the moment counting finished);
products the books have none of and nobody counted are left out. **Cycle counts**
list the products chosen (today's schedule: db.abc.due; a category); a product
scanned that is not on the list joins it; lines nobody counted are left out.

**Blind counts** hide the expected quantities from those who count:
`lines(..)` gives them only to those who may post the count ("adjustment":
owner, manager), and review is theirs alone.

Counting needs "stocktake" (owner, manager, clerk); posting and cancelling
"adjustment".
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import Connection, func, insert, literal, select, update

from db import clock
from db.audit import Actor
from db.audit import append as append_audit
from db.errors import BooksError, NotFound
from db.money import qty_str, round_div
from db.permissions import may, require
from db.posting import Posted
from db.schema import (products, stock, stock_count_lines, stock_counts, stock_ledger, users)

KINDS = ("full", "cycle")
OPEN = ("counting", "review")
_C, _L = stock_counts.c, stock_count_lines.c


@dataclass(frozen=True)
class Counted:
    sku: str
    name: str
    unit: str
    counted: int           # thousandths, after this scan
    added: int


@dataclass(frozen=True)
class Line:
    sku: str
    name: str
    unit: str
    counted: int | None
    counted_at: dt.datetime | None
    counted_by: str
    expected: int | None   # None: hidden (a blind count, for those who count)


@dataclass(frozen=True)
class Variance:
    sku: str
    name: str
    unit: str
    expected: int          # on hand when it was counted
    counted: int
    difference: int        # counted - expected
    value: int | None      # the difference at average cost, fen (None: no see-cost)
    counted_at: dt.datetime


def _count(conn: Connection, count_id: int, *, lock: bool = False):
    q = select(stock_counts).where(_C.id == count_id)
    row = conn.execute(q.with_for_update() if lock else q).first()
    if row is None:
        raise NotFound(f"no stock count {count_id}")
    return row


def _open(conn: Connection, count_id: int, *, counting: bool = False):
    row = _count(conn, count_id, lock=True)
    if row.status not in (("counting",) if counting else OPEN):
        what = "counting has finished" if row.status == "review" else f"it is {row.status}"
        raise BooksError(f"stock count {count_id} ({row.title}): {what}")
    return row


def start(conn: Connection, actor: Actor, kind: str, *, blind: bool = False,
          product_ids: list[int] | None = None, title: str = "") -> int:
    """A new count. full: every active product; cycle: product_ids (at least one)."""
    require(actor, "stocktake")
    if kind not in KINDS:
        raise BooksError(f"a count is full or cycle, not '{kind}'")
    if kind == "cycle" and not product_ids:
        raise BooksError("a cycle count needs the products to count: nothing is due or chosen")
    now = clock.now()
    title = " ".join((title or "").split()) or (
        f"{'Full' if kind == 'full' else 'Cycle'} count {now:%Y-%m-%d %H:%M}")
    count_id = conn.execute(insert(stock_counts).values(
        kind=kind, blind=bool(blind), status="counting", title=title[:200], started_at=now,
        started_by=actor.id).returning(_C.id)).scalar_one()
    if kind == "full":
        conn.execute(insert(stock_count_lines).from_select(
            ["count_id", "product_id", "seq"],
            select(literal(count_id), products.c.id, literal(0))
            .where(products.c.active.is_(True))))
    else:
        ids = sorted(set(product_ids or []))
        for i in range(0, len(ids), 1000):
            conn.execute(insert(stock_count_lines), [
                {"count_id": count_id, "product_id": p, "seq": 0} for p in ids[i:i + 1000]])
    n = conn.execute(select(func.count()).where(_L.count_id == count_id)).scalar_one()
    append_audit(conn, actor, "count.start", "stock_count", count_id,
                 {"kind": kind, "blind": bool(blind), "title": title, "products": n})
    return count_id


def _product(conn: Connection, code: str):
    """As the till reads a code: SKU in any case, barcode, full-width digits, or a
    scale label (its weight is then what was found)."""
    from db.counter import lookup, scale_layout
    found = lookup(conn, code, scale_layout(conn), for_sale=False)
    if found is None:
        raise NotFound(f"no product with SKU or barcode '{(code or '').strip()}'")
    return found


def _next_seq(conn: Connection, count_id: int) -> int:
    return (conn.execute(select(func.max(_L.seq)).where(_L.count_id == count_id)).scalar() or 0) + 1


def scan(conn: Connection, actor: Actor, count_id: int, code: str, qty: int = 1000) -> Counted:
    """qty more of the product with this SKU or barcode were found (a scan: one)."""
    return _count_line(conn, actor, count_id, code, qty, add=True)


def set_counted(conn: Connection, actor: Actor, count_id: int, code: str, qty: int) -> Counted:
    """The product's count is qty (a printed sheet typed in, a correction)."""
    return _count_line(conn, actor, count_id, code, qty, add=False)


def _count_line(conn: Connection, actor: Actor, count_id: int, code: str, qty: int,
                add: bool) -> Counted:
    require(actor, "stocktake")
    _open(conn, count_id, counting=True)
    if add and qty <= 0:
        raise BooksError(f"{code}: a scan adds a quantity above zero")
    if qty < 0:
        raise BooksError(f"{code}: a count cannot be negative")
    p = _product(conn, code)
    if add and p.qty is not None:        # a scale label: its weight
        qty = p.qty
    line = conn.execute(select(_L.counted).where(_L.count_id == count_id,
                                                 _L.product_id == p.product_id)
                        .with_for_update()).first()
    before = line.counted if line is not None else None
    now = (before or 0) + qty if add else qty
    values = {"counted": now, "counted_at": clock.now(), "counted_by": actor.id,
              "seq": _next_seq(conn, count_id)}
    if line is None:                 # found, though not on the list: it joins the count
        conn.execute(insert(stock_count_lines).values(count_id=count_id,
                                                      product_id=p.product_id, **values))
    else:
        conn.execute(update(stock_count_lines).where(_L.count_id == count_id,
                                                     _L.product_id == p.product_id)
                     .values(**values))
    return Counted(p.sku, p.name, p.unit, now, now - (before or 0))


def finish(conn: Connection, actor: Actor, count_id: int) -> None:
    """Counting ends; the count waits for review. A full count's products nobody
    counted are counted as none found, as of now."""
    require(actor, "stocktake")
    row = _open(conn, count_id, counting=True)
    now = clock.now()
    if row.kind == "full":
        conn.execute(update(stock_count_lines).where(
            _L.count_id == count_id, _L.counted.is_(None),
            _L.product_id.in_(select(stock.c.product_id).where(stock.c.qty != 0)))
            .values(counted=0, counted_at=now, counted_by=actor.id))
    conn.execute(update(stock_counts).where(_C.id == count_id)
                 .values(status="review", finished_at=now))
    append_audit(conn, actor, "count.finish", "stock_count", count_id, {"title": row.title})


def lines(conn: Connection, actor: Actor, count_id: int, *, counted_only: bool = False,
          limit: int | None = None) -> list[Line]:
    """The count's lines, the last counted first, then the rest by SKU; what the
    books expect (as of each line's count, or now for lines not yet counted) only
    for those allowed to see it."""
    require(actor, "stocktake")
    row = _count(conn, count_id)
    show = not row.blind or may(actor, "adjustment")
    q = (select(products.c.id, products.c.sku, products.c.name, products.c.unit, _L.counted,
                _L.counted_at, users.c.name.label("who"))
         .select_from(stock_count_lines.join(products, products.c.id == _L.product_id)
                      .outerjoin(users, users.c.id == _L.counted_by))
         .where(_L.count_id == count_id)
         .order_by(_L.seq.desc(), products.c.sku))
    if counted_only:
        q = q.where(_L.counted.is_not(None))
    if limit:
        q = q.limit(limit)
    rows = conn.execute(q).all()
    expected = _as_of(conn, [(r.id, r.counted_at) for r in rows]) if show else {}
    return [Line(r.sku, r.name, r.unit, r.counted, r.counted_at, r.who or "",
                 expected.get(r.id) if show else None) for r in rows]


def progress(conn: Connection, count_id: int) -> tuple[int, int]:
    """(lines counted, lines in the count)."""
    done, total = conn.execute(select(func.count(_L.counted), func.count())
                               .where(_L.count_id == count_id)).one()
    return int(done), int(total)


def _as_of(conn: Connection, wanted: list[tuple[int, dt.datetime | None]]) -> dict[int, int]:
    """{product id: on hand at its moment} (None: now)."""
    ids = [p for p, _ in wanted]
    out: dict[int, int] = {}
    for i in range(0, len(ids), 1000):
        part = ids[i:i + 1000]
        out.update(conn.execute(select(stock.c.product_id, stock.c.qty)
                                .where(stock.c.product_id.in_(part))).all())
    since = [(p, at) for p, at in wanted if at is not None]
    for i in range(0, len(since), 500):
        part = dict(since[i:i + 500])
        later = conn.execute(
            select(stock_ledger.c.product_id, stock_ledger.c.qty, stock_ledger.c.created_at)
            .where(stock_ledger.c.product_id.in_(list(part)),
                   stock_ledger.c.created_at > min(part.values())))
        for pid, qty, at in later:
            if at > part[pid]:
                out[pid] = out.get(pid, 0) - qty
    return {p: out.get(p, 0) for p in ids}


def review(conn: Connection, actor: Actor, count_id: int) -> list[Variance]:
    """Every counted line with what the books expected when it was counted, the
    difference and (for those who see cost) its value at average cost; biggest
    value first. Those who may post the count only."""
    require(actor, "adjustment")
    row = _count(conn, count_id)
    if row.status == "counting":
        raise BooksError(f"stock count {count_id} ({row.title}) is still being counted: "
                         "finish counting first")
    got = conn.execute(select(products.c.id, products.c.sku, products.c.name, products.c.unit,
                              _L.counted, _L.counted_at, stock.c.qty, stock.c.value)
                       .select_from(stock_count_lines
                                    .join(products, products.c.id == _L.product_id)
                                    .outerjoin(stock, stock.c.product_id == _L.product_id))
                       .where(_L.count_id == count_id, _L.counted.is_not(None))).all()
    expected = _as_of(conn, [(r.id, r.counted_at) for r in got])
    cost = may(actor, "see-cost")
    out = []
    for r in got:
        diff = r.counted - expected[r.id]
        value = None
        if cost:
            value = round_div(diff * (r.value or 0), r.qty) if r.qty else 0
        out.append(Variance(r.sku, r.name, r.unit, expected[r.id], r.counted, diff, value,
                            r.counted_at))
    out.sort(key=lambda v: (-abs(v.value if v.value is not None else v.difference), v.sku))
    return out


def post(conn: Connection, actor: Actor, count_id: int) -> Posted:
    """The reviewed count as one stocktake document: every counted line, stock moved
    by its variance as of when it was counted."""
    from db import documents as docs
    from db.documents import LineIn
    require(actor, "adjustment")
    row = _count(conn, count_id, lock=True)
    if row.status != "review":
        raise BooksError(f"stock count {count_id} ({row.title}) is {row.status}: only a count "
                         "whose counting has finished can be posted")
    got = conn.execute(select(products.c.id, products.c.sku, _L.counted, _L.counted_at)
                       .join(products, products.c.id == _L.product_id)
                       .where(_L.count_id == count_id, _L.counted.is_not(None))
                       .order_by(products.c.sku)).all()
    if not got:
        raise BooksError(f"stock count {count_id} ({row.title}): nothing was counted; cancel it")
    expected = _as_of(conn, [(r.id, r.counted_at) for r in got])
    done = docs.stocktake(conn, actor, [LineIn(r.sku, r.counted) for r in got],
                          as_counted={r.sku: expected[r.id] for r in got},
                          note=f"count {count_id}: {row.title}"[:500])
    conn.execute(update(stock_counts).where(_C.id == count_id).values(
        status="posted", closed_at=clock.now(), closed_by=actor.id, document_number=done.number))
    append_audit(conn, actor, "count.post", "stock_count", count_id,
                 {"document": done.number, "lines": len(got),
                  "variances": sum(1 for r in got if r.counted != expected[r.id])})
    return done


def cancel(conn: Connection, actor: Actor, count_id: int) -> None:
    require(actor, "adjustment")
    row = _open(conn, count_id)
    conn.execute(update(stock_counts).where(_C.id == count_id).values(
        status="cancelled", closed_at=clock.now(), closed_by=actor.id))
    append_audit(conn, actor, "count.cancel", "stock_count", count_id, {"title": row.title})


def open_counts(conn: Connection) -> list[dict]:
    """Counts being counted or waiting for review, newest first."""
    rows = conn.execute(select(_C.id, _C.kind, _C.blind, _C.status, _C.title, _C.started_at,
                               users.c.name)
                        .join(users, users.c.id == _C.started_by)
                        .where(_C.status.in_(OPEN)).order_by(_C.id.desc())).all()
    out = []
    for r in rows:
        done, total = progress(conn, r.id)
        out.append({"id": r.id, "kind": r.kind, "blind": r.blind, "status": r.status,
                    "title": r.title, "started_at": r.started_at, "started_by": r.name,
                    "counted": done, "lines": total})
    return out


def variance_text(v: Variance) -> str:
    sign = "+" if v.difference > 0 else ""
    return f"{v.sku} {v.name}: expected {qty_str(v.expected)}, counted {qty_str(v.counted)} " \
           f"({sign}{qty_str(v.difference)})"
