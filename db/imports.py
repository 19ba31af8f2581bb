"""Imported books into the books: all of a batch in one transaction, or nothing.

desktop.books reads and cleanses a book; what reaches here are plain rows of
values (money in fen, quantities in thousandths, codes as text) already
checked. A batch writes:

* products: the products, their barcodes and stock rows, and one
  opening-stock document (QC…) for the quantities, in at the book's cost;
* customers / suppliers: the parties, and one opening-balance document
  (QE…) whose account entries are what each owed (or was owed);
* opening-stock: one opening-stock document for products already in the books;
* sales-history: rows of sales_history, for reports (today's stock is not moved);

an import_batches row naming all of it, and one audit row. Undo reverses the
batch's documents (db.documents.cancel) and retires the products it made.

Nothing lands in the closed books (db.periods): the documents a batch posts are
dated today and go through db.posting; sales history dated on or before the
closed day is refused (closed_rows names those rows for a preview; commit_batch
refuses the whole batch if any is left), and so is the undo of a batch whose
history reaches into the closed days.
"""
from __future__ import annotations

import json
import re
from contextlib import contextmanager
from typing import Iterable

from sqlalchemy import Connection, bindparam, func, select, update

from db import audit, clock, fastsql, periods
from db.audit import Actor
from db.bulkload import BulkLoader, sqlite_datetime
from db.documents import insert_lines
from db.errors import BooksError
from db.masters import get_setting, pinyin_initials, set_setting
from db.money import line_amount, money_str, unit_cost
from db.posting import (Move, Product, apply_accounts, apply_moves, insert_document,
                        ledger_unit_cost, write_ledgers)
from db.schema import (barcodes, customers, document_lines, import_batches, import_created,
                       products, sales_history, stock, stock_ledger, suppliers)

CHUNK = 900                      # keys per IN (...) list: under SQLite's variable limit
_CJK = re.compile(r"[\u3400-\u9fff]+|[^\u3400-\u9fff]+")
_NOT_ALNUM = re.compile(r"[^0-9a-z]+")


def _chunks(items: list, n: int = CHUNK) -> Iterable[list]:
    for i in range(0, len(items), n):
        yield items[i:i + n]


def initials(name: str, cache: dict[str, str]) -> str:
    """pinyin_initials, a run of Chinese characters at a time (runs repeat a lot in a
    shop's names: brands, kinds), so a book of 100,000 names costs a fraction."""
    hit = cache.get(name)
    if hit is not None:
        return hit
    out = []
    for part in _CJK.findall(name):
        if "\u3400" <= part[0] <= "\u9fff":
            if part not in cache:
                cache[part] = pinyin_initials(part)
            out.append(cache[part])
        else:
            out.append(_NOT_ALNUM.sub("", part.lower()))
    return "".join(out)


# ---------------------------------------------------------------- what the books hold already

def existing_products(conn: Connection, skus: list[str]) -> dict[str, dict]:
    out: dict[str, dict] = {}
    for part in _chunks(sorted(set(skus))):
        for r in conn.execute(select(products.c.id, products.c.sku, products.c.name,
                                     products.c.unit, products.c.category, products.c.price,
                                     products.c.active).where(products.c.sku.in_(part))):
            out[r.sku] = {"id": r.id, "name": r.name, "unit": r.unit, "category": r.category,
                          "price": r.price, "active": r.active, "barcodes": set()}
    ids = {v["id"]: k for k, v in out.items()}
    for part in _chunks(list(ids)):
        for code, pid in conn.execute(select(barcodes.c.code, barcodes.c.product_id)
                                      .where(barcodes.c.product_id.in_(part))):
            out[ids[pid]]["barcodes"].add(code)
    return out


def barcode_owners(conn: Connection, codes: list[str]) -> dict[str, str]:
    """barcode -> the SKU it belongs to."""
    out = {}
    for part in _chunks(sorted(set(codes))):
        for code, sku in conn.execute(select(barcodes.c.code, products.c.sku)
                                      .join(products, products.c.id == barcodes.c.product_id)
                                      .where(barcodes.c.code.in_(part))):
            out[code] = sku
    return out


def product_ids(conn: Connection, codes: list[str]) -> dict[str, tuple[int, str]]:
    """SKU or barcode -> (product id, SKU)."""
    out: dict[str, tuple[int, str]] = {}
    for part in _chunks(sorted(set(codes))):
        for pid, sku in conn.execute(select(products.c.id, products.c.sku)
                                     .where(products.c.sku.in_(part))):
            out[sku] = (pid, sku)
        rest = [c for c in part if c not in out]
        for code, pid, sku in conn.execute(
                select(barcodes.c.code, products.c.id, products.c.sku)
                .join(products, products.c.id == barcodes.c.product_id)
                .where(barcodes.c.code.in_(rest))) if rest else []:
            out[code] = (pid, sku)
    return out


def existing_parties(conn: Connection, kind: str, names: list[str]) -> dict[str, dict]:
    table = customers if kind == "customers" else suppliers
    out = {}
    for part in _chunks(sorted(set(names))):
        for r in conn.execute(select(table.c.id, table.c.name, table.c.phone, table.c.balance)
                              .where(table.c.name.in_(part))):
            out[r.name] = {"id": r.id, "phone": r.phone, "balance": r.balance}
    return out


def imported_before(conn: Connection, kind: str, content_hash: str):
    """The committed batch that imported exactly these rows, if any."""
    return conn.execute(select(import_batches.c.id, import_batches.c.at, import_batches.c.file)
                        .where(import_batches.c.kind == kind,
                               import_batches.c.content_hash == content_hash,
                               import_batches.c.status == "committed")).first()


def remembered_mapping(conn: Connection, kind: str, sig: str) -> dict:
    text = get_setting(conn, f"import.map.{kind}.{sig}")
    return json.loads(text) if text else {}


def remember_mapping(conn: Connection, actor: Actor, kind: str, sig: str, mapping: dict) -> None:
    key = f"import.map.{kind}.{sig}"
    text = json.dumps(mapping, ensure_ascii=False, sort_keys=True)
    if get_setting(conn, key) != text:
        set_setting(conn, actor, key, text)


# ---------------------------------------------------------------- committing

def commit_batch(conn: Connection, actor: Actor, kind: str, *, file: str, sheet: str,
                 content_hash: str, rows: list[dict], summary: dict) -> dict:
    """Writes the batch; returns {"batch", "documents", "created"}."""
    if imported_before(conn, kind, content_hash) is not None:
        raise BooksError(f"{file}: these rows were imported already; nothing to do")
    _refuse_closed_rows(conn, kind, file, rows)
    now = clock.now()
    batch = conn.execute(import_batches.insert().values(
        kind=kind, file=file, sheet=sheet, content_hash=content_hash, user_id=actor.id, at=now,
        rows_imported=len(rows), status="committed", documents="")
        .returning(import_batches.c.id)).scalar_one()
    docs: list[str] = []
    created = 0
    if kind == "products":
        created, number = _products(conn, actor, batch, rows, now)
        docs += [number] if number else []
    elif kind in ("customers", "suppliers"):
        created, number = _parties(conn, actor, batch, kind, rows, now)
        docs += [number] if number else []
    elif kind == "opening-stock":
        number = _opening_stock(conn, actor, rows)
        docs += [number] if number else []
    elif kind == "sales-history":
        _sales_history(conn, batch, rows)
    else:
        raise BooksError(f"unknown kind '{kind}'")
    conn.execute(update(import_batches).where(import_batches.c.id == batch)
                 .values(documents=" ".join(docs)))
    audit.append(conn, actor, f"import.{kind}", "import", batch, {
        "file": file, "sheet": sheet, "batch": batch, "documents": docs,
        "outcome": f"{summary.get('rows_imported', len(rows))} imported, "
                   f"{summary.get('rows_merged', 0)} merged, "
                   f"{summary.get('rows_unchanged', 0)} unchanged, "
                   f"{summary.get('rows_rejected', 0)} rejected"})
    return {"batch": batch, "documents": docs, "created": created}


def closed_rows(conn: Connection, kind: str, rows: list[dict]) -> list[int]:
    """The indexes (0-based) of the rows dated in the closed books (db.periods):
    sales history dated on or before the closed day. A preview refuses these."""
    return _dated_closed(periods.closed_through(conn) if kind == "sales-history" else None, rows)


def _dated_closed(closed, rows: list[dict]) -> list[int]:
    return [] if closed is None else [i for i, r in enumerate(rows)
                                      if r.get("date") is not None and r["date"] <= closed]


def _refuse_closed_rows(conn: Connection, kind: str, file: str, rows: list[dict]) -> None:
    """BooksError naming every row dated in the closed books, before anything is
    written: by the spreadsheet's row number where the row carries it (_row), else
    by its place among the rows to import."""
    if kind != "sales-history":
        return
    closed = periods.closed_through(conn)
    bad = _dated_closed(closed, rows)
    if not bad:
        return
    named = []
    for i in bad[:20]:
        r = rows[i]
        where = f"row {r['_row']}" if r.get("_row") else f"row {i + 1} to import"
        what = r.get("sku") or r.get("barcode") or r.get("name") or ""
        named.append(f"{where} ({r['date'].isoformat()}{', ' + what if what else ''})")
    more = f" and {len(bad) - 20} more" if len(bad) > 20 else ""
    raise BooksError(f"{file}: {len(bad)} row(s) of sales history are dated on or before "
                     f"{closed.isoformat()}, and the books are closed through that day: "
                     f"{'; '.join(named)}{more}. Nothing was imported")


def _products(conn: Connection, actor: Actor, batch: int, rows: list[dict], now) -> tuple[int, str | None]:
    """New products in bulk: their stock rows carry the opening quantity and value
    at once (this is the opening-stock document's posting, in its transaction).
    Rows naming a retired product (an undone import's, say) bring it back as the
    row describes it, its opening stock in the same document."""
    if not rows:
        return 0, None
    cache: dict[str, str] = {}
    fresh = [r for r in rows if not r.get("_revive")]
    ids = _insert_products(conn, fresh, cache, now) if fresh else {}
    loader = BulkLoader(conn)
    loader.insert(barcodes, ("code", "product_id"),
                  ((c, ids[r["sku"]]) for r in fresh for c in r.get("barcode") or []))
    stock_rows, moves, lines = [], [], []
    revived_moves = []
    for r in rows:
        revive = r.get("_revive")
        pid = revive or ids[r["sku"]]
        q, cost = r.get("qty") or 0, r.get("cost") or 0
        value = line_amount(cost, q) if q > 0 else 0
        if not revive:
            stock_rows.append((pid, max(q, 0), value, cost))
        if q > 0:
            p = Product(pid, r["sku"], r["name"], r.get("price") or 0, False)
            move = Move(p, q, len(moves) + 1, value=value, sets_last_cost=cost > 0)
            moves.append(move)
            if revive:
                revived_moves.append(move)
            lines.append({"line_no": len(lines) + 1, "product_id": pid, "qty": q, "price": cost,
                          "amount": value, "cost": value})
    loader.insert(stock, ("product_id", "qty", "value", "last_cost"), stock_rows)
    revived = [r for r in rows if r.get("_revive")]
    if revived:
        _revive_products(conn, revived, cache)
        for part in _chunks(revived_moves, 5000):
            apply_moves(conn, part)                 # their stock rows exist: posted as usual
    made = list(ids.values()) + [r["_revive"] for r in revived]
    loader.insert(import_created, ("batch_id", "entity", "entity_id"),
                  ((batch, "product", pid) for pid in made))
    number = _post_moves(conn, actor, moves, lines, "opening stock from an imported book",
                         applied=True)
    return len(made), number


def _insert_products(conn: Connection, rows: list[dict], cache: dict, now) -> dict[str, int]:
    first = (conn.execute(select(func.max(products.c.id))).scalar() or 0) + 1
    loader = BulkLoader(conn)                 # the driver's executemany, or COPY
    at = now if loader.pg else sqlite_datetime(now)
    # a book bigger than the shop so far: its indexes are built once after the load
    # instead of kept row by row (in the same transaction; a failure puts them back)
    rebuild = len(rows) > 5000 and len(rows) > conn.execute(
        select(func.count()).select_from(products)).scalar_one()
    if rebuild:
        loader.drop_secondary([products], foreign_keys=False)
    with _name_grams_held(conn, first):
        loader.insert(products, ("sku", "name", "pinyin", "category", "unit", "price", "min_qty",
                                 "max_qty", "batch_tracked", "active", "created_at"),
                      ((r["sku"], r["name"], initials(r["name"], cache), r.get("category") or "",
                        r.get("unit") or "", r.get("price") or 0, r.get("min_qty"),
                        r.get("max_qty"), False, True, at) for r in rows))
    if rebuild:
        loader.restore_secondary()
    return dict(conn.execute(select(products.c.sku, products.c.id)
                             .where(products.c.id >= first)).all())


def _revive_products(conn: Connection, rows: list[dict], cache: dict) -> None:
    """Retired products back as the rows describe them: one statement for all of them,
    their barcodes read in chunks, the missing ones added together."""
    conn.execute(update(products).where(products.c.id == bindparam("pid")).values(
        name=bindparam("name"), pinyin=bindparam("pinyin"), category=bindparam("category"),
        unit=bindparam("unit"), price=bindparam("price"), min_qty=bindparam("min_qty"),
        max_qty=bindparam("max_qty"), active=True),
        [{"pid": r["_revive"], "name": r["name"], "pinyin": initials(r["name"], cache),
          "category": r.get("category") or "", "unit": r.get("unit") or "",
          "price": r.get("price") or 0, "min_qty": r.get("min_qty"),
          "max_qty": r.get("max_qty")} for r in rows])
    have: set[tuple[str, int]] = set()
    for part in _chunks([r["_revive"] for r in rows]):
        have.update(conn.execute(select(barcodes.c.code, barcodes.c.product_id)
                                 .where(barcodes.c.product_id.in_(part))).all())
    missing = [{"code": c, "product_id": r["_revive"]} for r in rows
               for c in r.get("barcode") or [] if (c, r["_revive"]) not in have]
    if missing:
        conn.execute(barcodes.insert(), missing)


@contextmanager
def _name_grams_held(conn: Connection, first: int):
    """SQLite keeps each product's name pairs by triggers, row by row; a batch of
    thousands drops them for the load and writes the pairs in bulk after (as db.seed
    does), inside the same transaction."""
    from db.lists import GRAM_TRIGGERS, rebuild_name_grams
    if conn.dialect.name != "sqlite":
        yield
        return
    triggers = []
    for name, sql in conn.exec_driver_sql(
            "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' "
            "AND tbl_name = 'products' ORDER BY name").all():
        if name in GRAM_TRIGGERS:
            conn.exec_driver_sql(f"DROP TRIGGER {name}")
            triggers.append(sql)
    yield
    rebuild_name_grams(conn, first)
    for sql in triggers:
        conn.exec_driver_sql(sql)


def _post_moves(conn: Connection, actor: Actor, moves: list[Move], lines: list[dict],
                note: str, applied: bool = False) -> str | None:
    """One opening-stock document for the moves (goods in at a fixed value);
    applied: the stock rows hold them already (new products)."""
    if not moves:
        return None
    if not applied:
        for part in _chunks(moves, 5000):
            apply_moves(conn, part)
    total = sum(l["amount"] for l in lines)
    doc_id, number = insert_document(conn, kind="opening-stock", user_id=actor.id, total=total,
                                     note=note)
    if len(lines) >= BULK_LINES:
        _bulk_lines(conn, actor, doc_id, moves, lines)
    else:
        insert_lines(conn, doc_id, lines)
        write_ledgers(conn, doc_id, actor.id, moves, [])
    audit.append(conn, actor, "post", "opening-stock", number,
                 {"total": money_str(total), "lines": len(lines)})
    return number


BULK_LINES = 1000


def _bulk_lines(conn: Connection, actor: Actor, doc_id: int, moves: list[Move],
                lines: list[dict]) -> None:
    """A big document's lines and ledger rows through the driver's bulk path (COPY on
    PostgreSQL): the same rows write_ledgers and insert_lines write one by one."""
    if fastsql.pending(conn):
        fastsql.flush(conn)                  # the document row first: the lines point at it
    loader = BulkLoader(conn)
    at = clock.now()
    at = at if loader.pg else sqlite_datetime(at)
    loader.insert(document_lines, ("document_id", "line_no", "product_id", "qty", "price",
                                   "amount", "cost", "batch_id", "expected", "ref_line_id"),
                  ((doc_id, l["line_no"], l["product_id"], l["qty"], l["price"], l["amount"],
                    l["cost"], None, None, None) for l in lines))
    loader.insert(stock_ledger, ("document_id", "line_no", "product_id", "batch_id", "qty",
                                 "unit_cost", "value", "flag", "user_id", "created_at"),
                  ((doc_id, m.line_no, m.product.id, None, m.qty, ledger_unit_cost(m.value, m.qty),
                    m.value, None, actor.id, at) for m in moves))


def _parties(conn: Connection, actor: Actor, batch: int, kind: str, rows: list[dict],
             now) -> tuple[int, str | None]:
    table = customers if kind == "customers" else suppliers
    party = "customer" if kind == "customers" else "supplier"
    values = []
    for r in rows:
        v = {"name": r["party"], "phone": r.get("phone") or "", "balance": 0, "created_at": now}
        if kind == "customers":
            v["credit_limit"] = r.get("credit_limit")
        values.append(v)
    ids: dict[str, int] = {}
    for part in _chunks(values, 5000):
        for pid, name in conn.execute(table.insert().returning(table.c.id, table.c.name,
                                                               sort_by_parameter_order=True),
                                      part):
            ids[name] = pid
    for part in _chunks(list(ids.values()), 5000):
        conn.execute(import_created.insert(), [{"batch_id": batch, "entity": party,
                                                "entity_id": pid} for pid in part])
    entries = [(party, ids[r["party"]], r["balance"]) for r in rows if r.get("balance")]
    if not entries:
        return len(ids), None
    apply_accounts(conn, entries)
    total = sum(e[2] for e in entries)
    doc_id, number = insert_document(conn, kind="opening-balance", user_id=actor.id, total=total,
                                     note=f"what {kind} owed when the books began")
    write_ledgers(conn, doc_id, actor.id, [], entries)
    audit.append(conn, actor, "post", "opening-balance", number,
                 {"total": money_str(total), party + "s": len(entries)})
    return len(ids), number


def _opening_stock(conn: Connection, actor: Actor, rows: list[dict]) -> str | None:
    found = product_ids(conn, [r.get("sku") or r.get("barcode") for r in rows])
    state = {}
    for part in _chunks([found[r.get("sku") or r.get("barcode")][0] for r in rows]):
        for pid, q, v, lc in conn.execute(select(stock.c.product_id, stock.c.qty, stock.c.value,
                                                 stock.c.last_cost)
                                          .where(stock.c.product_id.in_(part))):
            state[pid] = (q, v, lc)
    moves, lines = [], []
    for r in rows:
        pid, sku = found[r.get("sku") or r.get("barcode")]
        q = r["qty"]
        if q <= 0:
            continue
        have_q, have_v, last = state.get(pid, (0, 0, 0))
        cost = r.get("cost")
        if cost is None:
            cost = unit_cost(have_v, have_q) if have_q > 0 else last
        value = line_amount(cost, q)
        moves.append(Move(Product(pid, sku, sku, 0, False), q, len(moves) + 1, value=value,
                          sets_last_cost=r.get("cost") is not None))
        lines.append({"line_no": len(lines) + 1, "product_id": pid, "qty": q, "price": cost,
                      "amount": value, "cost": value})
    return _post_moves(conn, actor, moves, lines, "opening stock from an imported book")


def _sales_history(conn: Connection, batch: int, rows: list[dict]) -> None:
    found = product_ids(conn, [c for r in rows for c in (r.get("sku"), r.get("barcode")) if c])
    out = []
    for r in rows:
        hit = found.get(r.get("sku") or "") or found.get(r.get("barcode") or "")
        out.append({"batch_id": batch, "day": r["date"], "product_id": hit[0] if hit else None,
                    "sku": (hit[1] if hit else r.get("sku") or r.get("barcode") or "")[:64],
                    "name": (r.get("name") or "")[:200], "qty": r.get("qty") or 0,
                    "amount": r["amount"], "customer": (r.get("customer") or "")[:200]})
    for part in _chunks(out, 5000):
        conn.execute(sales_history.insert(), part)


# ---------------------------------------------------------------- the history, and undo

def batches(conn: Connection, limit: int = 200) -> list[dict]:
    return [dict(r._mapping) for r in conn.execute(
        select(import_batches).order_by(import_batches.c.id.desc()).limit(limit))]


def undo(conn: Connection, actor: Actor, batch_id: int) -> dict:
    """Reverses a batch: its documents cancelled (reversals beside them), the products
    it made retired, its sales history removed. The batch stays, marked undone."""
    from db import documents as docs_rules
    b = conn.execute(select(import_batches).where(import_batches.c.id == batch_id)
                     .with_for_update()).first()
    if b is None:
        raise BooksError(f"no import batch {batch_id}")
    if b.status != "committed":
        raise BooksError(f"import batch {batch_id} is {b.status} already")
    if b.kind == "sales-history":          # its rows feed the reports of the days they are dated
        first = conn.execute(select(func.min(sales_history.c.day))
                             .where(sales_history.c.batch_id == batch_id)).scalar()
        if first is not None:
            periods.require_open(conn, first, f"cannot undo import batch {batch_id}, which "
                                              "holds sales history")
    reversed_ = [docs_rules.cancel(conn, actor, n).number for n in b.documents.split() if n]
    made = conn.execute(select(import_created.c.entity_id).where(
        import_created.c.batch_id == batch_id, import_created.c.entity == "product")).scalars().all()
    for part in _chunks(list(made)):
        conn.execute(update(products).where(products.c.id.in_(part)).values(active=False))
    conn.execute(sales_history.delete().where(sales_history.c.batch_id == batch_id))
    conn.execute(update(import_batches).where(import_batches.c.id == batch_id)
                 .values(status="undone"))
    audit.append(conn, actor, "import.undo", "import", batch_id,
                 {"file": b.file, "kind": b.kind, "reversals": reversed_,
                  "products_retired": len(made)})
    return {"batch": batch_id, "reversals": reversed_, "products_retired": len(made)}
