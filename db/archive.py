"""The archive: old, closed documents moved out of the live books (docs/archive.md).

    run_archive(engine, actor, before)  -> {"before", "documents", "lines", "archive"}
    find_document(conn, number)         -> ArchivedDocument (the row, lines, payments)
    invoice_data / receipt_data         -> db.printdata's / db.receipts' data, archived
    openings(conn, kind), archived_numbers(conn)
                                        -> what check starts from and counts (db.check)
    archived_before(conn)               -> the latest DATE archived (None: never)
    account_opening(conn, party, id)    -> a party's archived balance (statements)

What moves: every document dated before `before` that is closed, together
with every document linked to it (ref_id, reverses_id, a line's ref_line_id,
in either direction): a group of linked documents moves whole or not at all,
and only when every one of them is old and closed (posted or cancelled).
Purchase orders stay live, and with them the receipts against them: the
purchasing process report reads them and no rollup keeps it. With each
document go its lines, payments, stock and account ledger rows (and any
purchase_orders / approval rows: none while orders stay).

Where: SQLite -- the file beside the database (shop.db -> shop.archive.db),
attached as `archive`; the rows are copied and counted there in one
transaction, committed, and only then deleted from the live file in another
(the write lock held across both). A failure leaves the live books as they
were; a re-run replaces the rows it copied before (ids never repeat: the
newest row of every moved table stays live, so SQLite never hands its id
out again). PostgreSQL -- the schema `archive` of the same database, copied
and deleted in one transaction.

The sales rollups are not archived, so every report keeps its totals; the
stock, balances and check's replay start from archive_openings.
"""
from __future__ import annotations

import datetime as dt
import unicodedata
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from sqlalchemy import (Column, Connection, Engine, Index, MetaData, Table, create_engine,
                        delete, func, insert, inspect, select, text, update)
from sqlalchemy.engine import make_url
from sqlalchemy.pool import NullPool

from db import audit, clock
from db.audit import Actor
from db.engine import write_transaction
from db.errors import BooksError, NotFound
from db.permissions import require
from db.schema import (Id, account_ledger, approval_events, approval_steps, archive_openings,
                       archive_runs, document_lines, document_payments, documents,
                       purchase_orders, stock_ledger)

SCHEMA = "archive"
DEFAULT_YEARS = 2                       # the app's default: two years before today
CLOSED = frozenset({"posted", "cancelled"})
STAY = frozenset({"purchase-order"})      # kinds that never move (see above)
# deleted in this order: children first, documents last
MOVED = (approval_events, approval_steps, purchase_orders, account_ledger, stock_ledger,
         document_payments, document_lines, documents)

ARCHIVE = MetaData(schema=SCHEMA)


def _copy_table(t: Table) -> Table:
    """The same columns, no foreign keys (the archive refers to live products,
    customers and users it cannot hold), indexed for the look-ups."""
    cols = [Column(c.name, c.type, nullable=c.nullable, primary_key=c.primary_key,
                   autoincrement=False) for c in t.c]
    extra = []
    if t is documents:
        extra = [Index("ix_archive_documents_number", "number", unique=True),
                 Index("ix_archive_documents_ref", "ref_id"),
                 Index("ix_archive_documents_date", "doc_date", "number")]   # the list
    elif "document_id" in t.c and t is not purchase_orders:
        extra = [Index(f"ix_archive_{t.name}_document", "document_id")]
    return Table(t.name, ARCHIVE, *cols, *extra)


A = {t.name: _copy_table(t) for t in MOVED}
_ids = Table("archive_ids", MetaData(), Column("id", Id, primary_key=True),
             prefixes=["TEMPORARY"])


def _key(t: Table):
    return t.c.id if t.name == "documents" else t.c.document_id


def default_before() -> dt.date:
    today = clock.today()
    try:
        return today.replace(year=today.year - DEFAULT_YEARS)
    except ValueError:                   # 29 February
        return today.replace(year=today.year - DEFAULT_YEARS, day=28)


# ---------------------------------------------------------------- where the archive is

def archive_path(url) -> Path:
    """shop.db -> shop.archive.db, beside it."""
    db = make_url(str(url)) if not hasattr(url, "database") else url
    if not db.database or db.database == ":memory:":
        raise BooksError("an in-memory database has no archive")
    p = Path(db.database).expanduser().resolve()
    return p.with_name(f"{p.stem}.archive{p.suffix or '.db'}")


def location(bind) -> str:
    if bind.dialect.name == "sqlite":
        return str(archive_path(bind.engine.url if hasattr(bind, "engine") else bind.url))
    return f"schema {SCHEMA}"


@contextmanager
def _reader(conn: Connection) -> Iterator[Connection | None]:
    """A connection on which the archive's tables (schema `archive`) can be read,
    or None when nothing was ever archived."""
    if conn.dialect.name != "sqlite":
        has = conn.execute(text("SELECT to_regclass('archive.documents')")).scalar()
        yield conn if has else None
        return
    path = archive_path(conn.engine.url)
    if not path.exists():
        yield None
        return
    eng = create_engine(f"sqlite:///{path}", poolclass=NullPool)
    try:
        with eng.connect() as c:
            c = c.execution_options(schema_translate_map={SCHEMA: None})
            yield c if inspect(c).has_table("documents") else None
    finally:
        eng.dispose()


# ---------------------------------------------------------------- what moves

def movable(conn: Connection, before: dt.date) -> list[int]:
    """Ids of the documents that move: whole linked groups, old and closed."""
    D = documents.c
    parent: dict[int, int] = {}

    def find(x: int) -> int:
        root = x
        while parent.get(root, root) != root:
            root = parent[root]
        while parent.get(x, x) != root:
            parent[x], x = root, parent[x]
        return root

    def join(a: int, b: int) -> None:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)

    ok: dict[int, bool] = {}
    for r in conn.execute(select(D.id, D.kind, D.status, D.doc_date, D.ref_id, D.reverses_id)
                          .execution_options(yield_per=50_000)):
        ok[r.id] = r.doc_date < before and r.status in CLOSED and r.kind not in STAY
        for other in (r.ref_id, r.reverses_id):
            if other is not None:
                join(r.id, other)
    line, ref = document_lines.alias("l"), document_lines.alias("r")
    for a, b in conn.execute(select(line.c.document_id, ref.c.document_id).distinct()
                             .join(ref, ref.c.id == line.c.ref_line_id)):
        join(a, b)
    if conn.dialect.name == "sqlite":   # the newest row of each table stays (ids never reused)
        for t in MOVED:
            if "id" in t.c:
                top = conn.execute(select(_key(t)).order_by(t.c.id.desc()).limit(1)).scalar()
                if top is not None:
                    ok[top] = False
    blocked = {find(i) for i, good in ok.items() if not good}
    return sorted(i for i, good in ok.items() if good and find(i) not in blocked)


# ---------------------------------------------------------------- moving

def run_archive(engine: Engine, actor: Actor, before: dt.date) -> dict:
    """Moves the documents dated before `before` (see the module's doc). Owner only."""
    require(actor, "archive")
    if before > clock.today():
        raise BooksError(f"--before {before} is after today: only the past can be archived")
    if engine.dialect.name == "sqlite":
        moved = _run_sqlite(engine, actor, before)
    else:
        moved = _run_pg(engine, actor, before)
    return {"before": before.isoformat(), "documents": moved[0], "lines": moved[1],
            "archive": location(engine)}


def _run_pg(engine: Engine, actor: Actor, before: dt.date) -> tuple[int, int]:
    with write_transaction(engine) as conn:
        conn.execute(text(f"CREATE SCHEMA IF NOT EXISTS {SCHEMA}"))
        conn.execute(text("LOCK TABLE archive_runs IN EXCLUSIVE MODE"))   # one run at a time
        _create(conn)
        ids = movable(conn, before)
        if not ids:
            return 0, 0
        _fill_ids(conn, ids)
        _copy(conn, replace=False)
        return _finish(conn, actor, before, len(ids))


def _run_sqlite(engine: Engine, actor: Actor, before: dt.date) -> tuple[int, int]:
    path = archive_path(engine.url)
    with engine.storekeeper_write_lock, engine.connect() as conn:   # type: ignore[attr-defined]
        raw = conn.connection.driver_connection
        raw.execute("ATTACH DATABASE ? AS archive", (str(path),))
        conn.info["begin_mode"] = "IMMEDIATE"
        try:
            with conn.begin():                   # 1. the archive file, written and counted
                ids = movable(conn, before)
                if not ids:
                    return 0, 0
                _create(conn)
                _ids.create(conn, checkfirst=True)
                _fill_ids(conn, ids)
                _copy(conn, replace=True)
            with conn.begin():                   # 2. the live books, in one transaction
                return _finish(conn, actor, before, len(ids))
        finally:
            conn.info["begin_mode"] = "DEFERRED"
            if conn.in_transaction():
                conn.rollback()
            raw.execute("DROP TABLE IF EXISTS temp.archive_ids")
            raw.execute("DETACH DATABASE archive")


def _create(conn: Connection) -> None:
    """The archive's tables, and any index added since an archive was first made."""
    ARCHIVE.create_all(conn)
    for t in A.values():
        for index in t.indexes:
            index.create(conn, checkfirst=True)


def _fill_ids(conn: Connection, ids: list[int]) -> None:
    if conn.dialect.name != "sqlite":
        conn.execute(text("CREATE TEMPORARY TABLE archive_ids (id bigint PRIMARY KEY) "
                          "ON COMMIT DROP"))
    conn.execute(delete(_ids))
    for i in range(0, len(ids), 10_000):
        conn.execute(insert(_ids), [{"id": x} for x in ids[i:i + 10_000]])


def _picked(t: Table):
    return _key(t).in_(select(_ids.c.id))


def _copy(conn: Connection, *, replace: bool) -> None:
    """The rows of the picked documents into the archive, then counted there."""
    for t in reversed(MOVED):                    # documents first
        cols = [c.name for c in t.c]
        stmt = insert(A[t.name]).from_select(cols, select(*t.c).where(_picked(t)))
        if replace:   # rows a failed run copied before: the live ones are the same rows
            stmt = stmt.prefix_with("OR REPLACE", dialect="sqlite")
        conn.execute(stmt)
    _verify(conn)


def _verify(conn: Connection) -> dict[str, int]:
    counts = {}
    for t in MOVED:
        live = conn.execute(select(func.count()).select_from(t).where(_picked(t))).scalar()
        kept = conn.execute(select(func.count()).select_from(A[t.name])
                            .where(_key(A[t.name]).in_(select(_ids.c.id)))).scalar()
        if live != kept:
            raise BooksError(f"archive: {t.name} has {live} rows to move but the archive holds "
                             f"{kept} of them; nothing was deleted")
        counts[t.name] = live
    return counts


def _delete_live(conn: Connection) -> None:
    for t in MOVED:                              # children first
        conn.execute(delete(t).where(_picked(t)))


def _finish(conn: Connection, actor: Actor, before: dt.date, n_docs: int) -> tuple[int, int]:
    """In the live books' transaction: the openings, the rows deleted, the run recorded."""
    counts = _verify(conn)
    _add_openings(conn)
    _delete_live(conn)
    where = location(conn)
    conn.execute(insert(archive_runs).values(before=before, at=clock.now(), user_id=actor.id,
                                             documents=n_docs,
                                             lines=counts["document_lines"], location=where))
    audit.append(conn, actor, "archive", "documents", before.isoformat(),
                 {"documents": n_docs, "lines": counts["document_lines"], "archive": where})
    return n_docs, counts["document_lines"]


def _add_openings(conn: Connection) -> None:
    L, P = stock_ledger.c, account_ledger.c
    adds: dict[tuple[str, int], list] = {}     # (kind, id) -> [qty, value, ledger_id]
    for r in conn.execute(select(L.product_id, func.sum(L.qty), func.sum(L.value), func.max(L.id))
                          .where(_picked(stock_ledger)).group_by(L.product_id)):
        adds[("product", r[0])] = [int(r[1]), int(r[2]), int(r[3])]
    for r in conn.execute(select(L.batch_id, func.sum(L.qty)).where(
            _picked(stock_ledger), L.batch_id.is_not(None)).group_by(L.batch_id)):
        adds[("batch", r[0])] = [int(r[1]), 0, None]
    for kind, col in (("customer", P.customer_id), ("supplier", P.supplier_id)):
        for r in conn.execute(select(col, func.sum(P.amount)).where(
                _picked(account_ledger), col.is_not(None)).group_by(col)):
            adds[(kind, r[0])] = [0, int(r[1]), None]
    O = archive_openings.c
    have = {(r.kind, r.entity_id): r for r in conn.execute(select(archive_openings))}
    for (kind, eid), (q, v, lid) in sorted(adds.items(), key=lambda kv: (kv[0][0], kv[0][1])):
        old = have.get((kind, eid))
        if old is None:
            conn.execute(insert(archive_openings).values(kind=kind, entity_id=eid, qty=q,
                                                         value=v, ledger_id=lid))
        else:
            top = max((x for x in (old.ledger_id, lid) if x is not None), default=None)
            conn.execute(update(archive_openings).where(O.kind == kind, O.entity_id == eid)
                         .values(qty=old.qty + q, value=old.value + v, ledger_id=top))


# ---------------------------------------------------------------- reading it back

@dataclass
class ArchivedDocument:
    doc: object                  # the documents row
    lines: list                  # its document_lines rows, by line_no
    payments: list               # its document_payments rows, by id
    ref_number: str | None       # the document it answers (archived with it)
    original: str | None = None  # a reversal's original


def find_document(conn: Connection, number: str, what: str = "document") -> ArchivedDocument:
    """The archived document numbered number (as typed: full-width digits, any case);
    NotFound naming `what` when the archive has none."""
    wanted = unicodedata.normalize("NFKC", number or "").strip()
    if not wanted:
        raise BooksError("a document number is needed")
    forms = sorted({wanted, wanted.upper(), wanted.lower()})
    with _reader(conn) as ac:
        if ac is None:
            raise NotFound(f"no {what} numbered '{wanted}'")
        D = A["documents"]
        rows = ac.execute(select(D).where(D.c.number.in_(forms))).all()
        doc = next((r for r in rows if r.number == wanted), rows[0] if rows else None)
        if doc is None:
            raise NotFound(f"no {what} numbered '{wanted}'")
        lines = ac.execute(select(A["document_lines"]).where(
            A["document_lines"].c.document_id == doc.id)
            .order_by(A["document_lines"].c.line_no)).all()
        pays = ac.execute(select(A["document_payments"]).where(
            A["document_payments"].c.document_id == doc.id)
            .order_by(A["document_payments"].c.id)).all()
        ref = None
        if doc.ref_id is not None:
            ref = ac.execute(select(D.c.number).where(D.c.id == doc.ref_id)).scalar()
        original = None
        if doc.reverses_id is not None:
            original = ac.execute(select(D.c.number).where(D.c.id == doc.reverses_id)).scalar()
        return ArchivedDocument(doc, lines, pays, ref, original)


# ---------------------------------------------------------------- printing an archived document

def _names(conn: Connection, table, ids, *cols) -> dict:
    ids = {i for i in ids if i is not None}
    if not ids:
        return {}
    return {r[0]: r for r in conn.execute(select(table.c.id, *cols).where(table.c.id.in_(ids)))}


def _printable(conn: Connection, number: str, kinds: tuple[str, ...], what: str,
               no_paper: str) -> ArchivedDocument:
    a = find_document(conn, number, what)
    doc = a.doc
    if doc.kind not in kinds:
        raise BooksError(f"{doc.number} is a {doc.kind.replace('-', ' ')}, not a {what}")
    if doc.reverses_id is not None:
        raise BooksError(f"{doc.number} is the reversal of {a.original}: print {a.original} "
                         "(it says it is cancelled)")
    if doc.posted_at is None:
        raise BooksError(f"{doc.number} is {doc.status}, not posted: {no_paper}")
    return a


def _party(conn: Connection, table, pid):
    if pid is None:
        return None, ""
    r = conn.execute(select(table.c.name, table.c.phone).where(table.c.id == pid)).first()
    return (r.name, r.phone) if r else (None, "")


def invoice_data(conn: Connection, number: str):
    """db.printdata.invoice_data of an archived sale or return."""
    from db.printdata import INVOICE_KINDS, DocLine, InvoiceData, shop_info
    from db.schema import customers, products, users
    a = _printable(conn, number, INVOICE_KINDS, "sale or return", "nothing to print")
    doc, sign = a.doc, (-1 if a.doc.kind == "sale-return" else 1)
    prods = _names(conn, products, [l.product_id for l in a.lines], products.c.sku,
                   products.c.name, products.c.unit)
    lines = [DocLine(prods[l.product_id].sku, prods[l.product_id].name, prods[l.product_id].unit,
                     sign * l.qty, l.price, sign * l.amount) for l in a.lines]
    payments = [(p.method, -abs(p.amount) if sign < 0 else p.amount) for p in a.payments]
    clerk = conn.execute(select(users.c.name).where(users.c.id == doc.user_id)).scalar() or ""
    customer, phone = _party(conn, customers, doc.customer_id)
    return InvoiceData(shop_info(conn), doc.kind, doc.number, doc.doc_date, doc.posted_at, clerk,
                       customer, phone, lines, sign * doc.total, payments, a.ref_number,
                       doc.status == "cancelled", doc.cancelled_at, doc.note or "")


def receipt_data(conn: Connection, number: str):
    """db.receipts.receipt_data of an archived sale or return."""
    from db.masters import get_setting
    from db.receipts import RECEIPT_KINDS, Receipt, ReceiptLine
    from db.schema import customers, products, users
    a = _printable(conn, number, RECEIPT_KINDS, "sale or return", "it has no receipt")
    doc, sign = a.doc, (-1 if a.doc.kind == "sale-return" else 1)
    prods = _names(conn, products, [l.product_id for l in a.lines], products.c.name,
                   products.c.unit)
    lines = [ReceiptLine(prods[l.product_id].name, sign * l.qty, prods[l.product_id].unit,
                         l.price, sign * l.amount) for l in a.lines]
    payments = [(p.method, -abs(p.amount) if sign < 0 else p.amount) for p in a.payments]
    cashier = conn.execute(select(users.c.name).where(users.c.id == doc.user_id)).scalar() or ""
    customer, _phone = _party(conn, customers, doc.customer_id)
    return Receipt(shop_name=get_setting(conn, "shop_name") or "",
                   shop_address=get_setting(conn, "shop_address") or "",
                   shop_phone=get_setting(conn, "shop_phone") or "",
                   number=doc.number, kind=doc.kind, at=doc.posted_at, cashier=cashier,
                   customer=customer, lines=lines, total=sign * doc.total, payments=payments,
                   ref_number=a.ref_number, cancelled=doc.status == "cancelled")


def archived_numbers(conn: Connection) -> Iterator[tuple[int, str, str]]:
    """(id, number, kind) of every archived document that is not a reversal."""
    with _reader(conn) as ac:
        if ac is None:
            return
        D = A["documents"].c
        yield from ac.execute(select(D.id, D.number, D.kind).where(D.reverses_id.is_(None))
                              .execution_options(yield_per=50_000))


def archived_before(conn: Connection) -> dt.date | None:
    """The latest date anything was archived before (None: never archived): days
    before it may have documents only in the archive."""
    return conn.execute(select(func.max(archive_runs.c.before))).scalar()


def account_opening(conn: Connection, party: str, party_id: int) -> int:
    """What the archived account entries of a customer or supplier add up to (fen):
    a statement's opening balance must add it (all of it is dated before
    archived_before)."""
    return int(conn.execute(select(archive_openings.c.value).where(
        archive_openings.c.kind == party, archive_openings.c.entity_id == party_id)).scalar() or 0)


def openings(conn: Connection, kind: str) -> dict[int, tuple[int, int, int | None]]:
    return {r.entity_id: (int(r.qty), int(r.value), r.ledger_id) for r in conn.execute(
        select(archive_openings).where(archive_openings.c.kind == kind))}
