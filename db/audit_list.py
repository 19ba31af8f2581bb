"""The audit log read back (db.audit): newest first, a page at a time, filtered
by user, days, document and action; and the chain verified.

    read(conn, actor, AuditFilter(user="amy", date_from=d1, date_to=d2,
                                  document="XS20260312-0001", action="post"),
         after=None, limit=100)                 -> [AuditRow], newest first
    count(conn, actor, filter)                  -> how many rows pass
    verify_chain(conn, actor)                   -> ChainCheck (db.audit.verify)
    AuditList(actor)                            the same rows for a paged table
                                                (db.lists.PagedList's contract)

All need the "audit" permission. A page is a keyset page on seq (the rows
before the last one shown), never OFFSET. The log is read in id order, which
is seq order: rows are appended under the chain head's lock, and
db.audit.verify walks the chain by id (a log where the two part does not
verify). On SQLite reading by id is reading the table itself, three times
faster than through seq's index when a filter reads many rows.

The log has no index but its id's and seq's, and every posting appends to it,
so each filter costs what it does (tests/benchmarks/bench_audit.py):

* days: `at` is not indexed, but it grows with the id, so a day's bound
  becomes an id bound by a search over the ids (FANOUT probes a round trip,
  five round trips at a million rows; each probe reads a block of BLOCK rows,
  so that a single row stamped by a wrong clock does not mislead it). The bounds are widened by SLACK, so that rows
  from a till whose clock was a little off are still found, and the days are
  then checked on `at` itself inside them. A row stamped further out of step
  with the rows around it than SLACK (a PC whose clock was set wrong) can be
  left out of the days it claims; the blocks keep it from hiding its neighbours.
* document: the rows whose entity_id is the number (a document's rows have its
  kind as entity: `post sale XS20260312-0001`, its drafts, approvals and
  `cancel`), and the rows whose detail names it as a value (a cancel names its
  reversal `...-C`, a return its sale, a receipt its order). No row about a
  document is older than the day in its number (the document's date, never
  after it was made; the documents table is asked too), so the read stops
  there: a recent document is found at once, an old one reads the log since.
* user: the rows of the user now called so, under whatever name they had
  then; a name no user has now: the rows recorded under it ("system", a name
  since changed).
* action: the action itself, or a family (`import` is `import.products`, ...).

With neither days nor a recent document, a rare user or action reads the log
back from the newest row until a page is full: 0.1 to 0.4 s at a million rows
on either database; a page with days, or of a recent document, a few ms.
"""
from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass, field

from sqlalchemy import BigInteger, Connection, DateTime, bindparam, func, or_, select

from db import audit
from db.audit import Actor
from db.fastsql import FastStatement
from db.lists import Query
from db.permissions import require
from db.schema import audit_head, audit_log, documents, users

PAGE = 100
SLACK = dt.timedelta(days=1)     # how far a till's clock may be off and its rows still found
BLOCK = 32                       # rows read at each probe of the search
FANOUT = 16                      # probes in one round trip
_NUMBER = re.compile(r"[A-Z]{2}(\d{8})-\d{4}(-C)?")

# The actions the books write, for pickers and --help; any other text is still a filter.
ACTIONS = ("post", "cancel", "draft.save", "draft.edit", "draft.discard",
           "purchase-order.create", "purchase-order.submit", "approve", "reject",
           "sale.hold", "sale.resume", "shift.open", "shift.close",
           "count.start", "count.finish", "count.post", "count.cancel",
           "product.add", "product.update", "customer.add", "customer.update",
           "supplier.add", "supplier.update", "barcode.allocate",
           "label-template.save", "label-template.delete", "setting.set",
           "period.close", "period.reopen", "import", "import.undo", "archive",
           "sign-in", "sign-in.failed", "sign-in.refused", "user.add", "user.role",
           "user.deactivate", "user.unlock", "user.password", "user.password.failed")

# English descriptions (the command line's; the desktop has its own, translated)
_SAYS = {
    "post": "posted {entity} {id}", "cancel": "cancelled {entity} {id}",
    "draft.save": "saved {entity} {id} as a draft", "draft.edit": "edited the draft {entity} {id}",
    "draft.discard": "discarded the draft {entity} {id}",
    "purchase-order.create": "made purchase order {id}",
    "purchase-order.submit": "submitted purchase order {id}",
    "approve": "approved {entity} {id}", "reject": "rejected {entity} {id}",
    "sale.hold": "put a sale aside (held sale {id})", "sale.resume": "resumed held sale {id}",
    "shift.open": "opened shift {id}", "shift.close": "closed shift {id}",
    "count.start": "started stock count {id}", "count.finish": "finished stock count {id}",
    "count.post": "posted stock count {id}", "count.cancel": "cancelled stock count {id}",
    "product.add": "added product {id}", "product.update": "edited product {id}",
    "customer.add": "added customer {name}", "customer.update": "edited customer {id}",
    "supplier.add": "added supplier {name}", "supplier.update": "edited supplier {id}",
    "barcode.allocate": "gave product {id} a barcode",
    "label-template.save": "saved label template {id}",
    "label-template.delete": "deleted label template {id}",
    "setting.set": "changed setting {id}",
    "period.close": "closed the books through {new}", "period.reopen": "reopened the books",
    "import.undo": "undid import {id}", "archive": "archived documents dated before {id}",
    "sign-in": "signed in", "sign-in.failed": "failed to sign in",
    "sign-in.refused": "a sign-in refused (unknown or inactive name)",
    "user.add": "added user {name}", "user.role": "changed the role of {name}",
    "user.deactivate": "deactivated user {name}", "user.unlock": "unlocked user {name}",
    "user.password": "changed the password of {name}",
    "user.password.failed": "gave a wrong current password",
}


@dataclass(frozen=True)
class AuditFilter:
    """What to show; empty fields filter nothing. Days are inclusive."""
    user: str = ""
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    document: str = ""
    action: str = ""

    def normalised(self) -> "AuditFilter":
        doc = " ".join((self.document or "").split())
        if _NUMBER.fullmatch(doc.upper()):
            doc = doc.upper()
        return AuditFilter((self.user or "").strip(), self.date_from, self.date_to, doc,
                           (self.action or "").strip())


@dataclass(frozen=True)
class AuditRow:
    seq: int
    at: dt.datetime
    user: str
    action: str
    entity: str
    entity_id: str
    detail: dict

    @property
    def description(self) -> str:
        return describe(self.action, self.entity, self.entity_id, self.detail)


@dataclass(frozen=True)
class ChainCheck:
    ok: bool
    breach: str | None     # db.audit.verify's message: the first row that does not fit
    rows: int              # rows in the chain (its head's seq)


def describe(action: str, entity: str, entity_id: str, detail: dict) -> str:
    """The row in words, in English: `posted sale XS20260312-0001`."""
    say = _SAYS.get(action)
    if say is None and action.startswith("import."):
        say = "imported {kind} from {file}"
    if say is None:
        return " ".join(p for p in (action, entity, entity_id) if p)
    values = {k: v for k, v in detail.items() if isinstance(v, (str, int, float))}
    values.update(entity=entity.replace("-", " "), id=entity_id, kind=action[7:])
    values.setdefault("name", entity_id)
    values.setdefault("file", entity_id)
    values.setdefault("new", "")
    try:
        return say.format(**values)
    except (KeyError, IndexError, ValueError):
        return " ".join(p for p in (action, entity, entity_id) if p)


def parse_detail(text: str) -> dict:
    try:
        value = json.loads(text) if text else {}
    except ValueError:
        return {"text": text}
    return value if isinstance(value, dict) else {"value": value}


# ---------------------------------------------------------------- where to read

def _ends(conn: Connection) -> tuple[int, int] | None:
    """The first and the last id of the log (None: it is empty)."""
    A = audit_log.c
    first = conn.execute(select(A.id).order_by(A.id).limit(1)).scalar()
    if first is None:
        return None
    return first, conn.execute(select(A.id).order_by(A.id.desc()).limit(1)).scalar()


def _probe(agg) -> FastStatement:
    """For FANOUT ids :s0, :s1, ...: whether agg(at) of the BLOCK rows from each on
    is at or after :m (NULL past the end). One round trip narrows a search FANOUT + 1
    times, where a bisection's would halve it: 5 of them at a million rows."""
    def build():
        A = audit_log.c
        m = bindparam("m", type_=DateTime)
        answers = []
        for k in range(FANOUT):
            block = (select(A.at).where(A.id >= bindparam(f"s{k}", type_=BigInteger))
                     .order_by(A.id).limit(BLOCK).subquery(f"block{k}"))
            answers.append(select(agg(block.c.at) >= m).scalar_subquery())
        return select(*answers)
    return FastStatement(build)


_SOME_FROM = _probe(func.max)      # a row of the block is stamped at or after :m
_ALL_FROM = _probe(func.min)       # every row of the block is


def _search(conn: Connection, probe: FastStatement, moment: dt.datetime,
            first: int, last: int) -> int:
    """The least id in [first, last + 1] where the probe holds, were it monotonic:
    a bisection, FANOUT ways at a time."""
    lo, hi = first, last + 1
    while lo < hi:
        n = hi - lo
        points = [lo + (n * (k + 1)) // (FANOUT + 1) for k in range(FANOUT)] if n > FANOUT \
            else list(range(lo, hi))
        answers = probe.execute(conn, {"m": moment, **{f"s{k}": points[min(k, len(points) - 1)]
                                                       for k in range(FANOUT)}}).fetchone()
        for point, yes in zip(points, answers):
            if yes is None or yes:
                hi = point
                break
            lo = point + 1
    return lo


def first_id_from(conn: Connection, moment: dt.datetime, first: int, last: int) -> int:
    """The least id from which rows are stamped at or after `moment`: the block of
    rows from it on has one that is (the rows before it: none, unless a whole block
    of them is out of step). A search of the ids in [first, last]; last + 1 when
    no row is."""
    return _search(conn, _SOME_FROM, moment, first, last)


def first_id_after(conn: Connection, moment: dt.datetime, first: int, last: int) -> int:
    """The least id from which every row is stamped at or after `moment` (a whole
    block of rows from it on is): the rows stamped before `moment` come before it."""
    return _search(conn, _ALL_FROM, moment, first, last)


def _id_of_seq(conn: Connection, seq: int) -> int | None:
    """The id of the first row whose seq is seq or more (None: no row's is)."""
    A = audit_log.c
    return conn.execute(select(A.id).where(A.seq >= seq).order_by(A.seq).limit(1)).scalar()


def _document_day(conn: Connection, number: str) -> dt.datetime | None:
    """No row about the document is older than this: the day in its number, or
    when the document was made, whichever is earlier."""
    m = _NUMBER.fullmatch(number)
    if m is None:
        return None
    try:
        day = dt.datetime.strptime(m.group(1), "%Y%m%d")
    except ValueError:
        return None
    base = number[:-2] if m.group(2) else number
    made = conn.execute(select(func.min(documents.c.created_at))
                        .where(documents.c.number.in_({base, number}))).scalar()
    return min(day, made) if made is not None else day


def _window(conn: Connection, flt: AuditFilter, after: int | None,
            newest_first: bool) -> tuple[int | None, int | None] | None:
    """(lo, hi): the ids the filter's rows past the keyset `after` can have, from lo
    and before hi (None: that end is open); None when no row can pass."""
    lo = hi = None
    starts = []
    if flt.date_from is not None:
        starts.append(dt.datetime.combine(flt.date_from, dt.time()))
    if flt.document:
        day = _document_day(conn, flt.document)
        if day is not None:
            starts.append(day)
    if starts or flt.date_to is not None:
        ends = _ends(conn)
        if ends is None:
            return None
        first, last = ends
        if starts:
            lo = first_id_from(conn, max(starts) - SLACK, first, last)
            if lo > last:
                return None
        if flt.date_to is not None:
            end = dt.datetime.combine(flt.date_to + dt.timedelta(days=1), dt.time())
            hi = first_id_after(conn, end + SLACK, first if lo is None else lo, last)
            hi = None if hi > last else hi
        lo = None if lo is not None and lo <= first else lo
    # one bound each way, not two: SQLite ranges over one of them, the other checked row by row
    if after is not None:
        past = _id_of_seq(conn, after if newest_first else after + 1)
        if newest_first and past is not None:
            hi = past if hi is None else min(hi, past)
        elif not newest_first:
            if past is None:
                return None
            lo = past if lo is None else max(lo, past)
    if lo is not None and hi is not None and lo >= hi:
        return None
    return lo, hi


# ---------------------------------------------------------------- the rows

def _conditions(conn: Connection, flt: AuditFilter, after: int | None = None,
                newest_first: bool = True) -> list | None:
    """The filter on audit_log, past the keyset `after` (a seq); None: nothing matches."""
    A = audit_log.c
    window = _window(conn, flt, after, newest_first)
    if window is None:
        return None
    lo, hi = window
    conds = ([] if lo is None else [A.id >= lo]) + ([] if hi is None else [A.id < hi])
    if flt.date_from is not None:
        conds.append(A.at >= dt.datetime.combine(flt.date_from, dt.time()))
    if flt.date_to is not None:
        conds.append(A.at < dt.datetime.combine(flt.date_to + dt.timedelta(days=1), dt.time()))
    if flt.user:
        ids = conn.execute(select(users.c.id).where(users.c.name == flt.user)).scalars().all()
        conds.append(A.user_id.in_(ids) if ids else A.user_name == flt.user)
    if flt.action:
        a = flt.action
        conds.append(or_(A.action == a, func.substr(A.action, 1, len(a) + 1) == a + "."))
    if flt.document:
        needle = json.dumps(flt.document, ensure_ascii=False)      # "XS...": a value, whole
        pg = conn.dialect.name == "postgresql"
        mention = (func.strpos(A.detail, needle) if pg else func.instr(A.detail, needle)) > 0
        conds.append(or_(A.entity_id == flt.document, mention))
    return conds


_COLS = (audit_log.c.seq, audit_log.c.at, audit_log.c.user_name, audit_log.c.action,
         audit_log.c.entity, audit_log.c.entity_id, audit_log.c.detail)


def _page(conn: Connection, flt: AuditFilter, after: int | None, limit: int,
          newest_first: bool) -> list[tuple]:
    if limit <= 0:
        return []
    conds = _conditions(conn, flt.normalised(), after, newest_first)
    if conds is None:
        return []
    ident = audit_log.c.id          # in seq order (see the module's notes)
    rows = conn.execute(select(*_COLS).where(*conds)
                        .order_by(ident.desc() if newest_first else ident).limit(limit)).all()
    return [(r.seq, r.at, r.user_name, r.action, r.entity, r.entity_id, parse_detail(r.detail))
            for r in rows]


def read(conn: Connection, actor: Actor, flt: AuditFilter = AuditFilter(),
         after: int | None = None, limit: int = PAGE, newest_first: bool = True) -> list[AuditRow]:
    """A page of the log: the rows after seq `after` (None: from the newest, or the
    oldest with newest_first False) that pass the filter, at most limit of them."""
    require(actor, "audit")
    return [AuditRow(*r) for r in _page(conn, flt, after, limit, newest_first)]


def count(conn: Connection, actor: Actor, flt: AuditFilter = AuditFilter()) -> int:
    require(actor, "audit")
    conds = _conditions(conn, flt.normalised())
    if conds is None:
        return 0
    return conn.execute(select(func.count()).select_from(audit_log).where(*conds)).scalar_one()


def verify_chain(conn: Connection, actor: Actor) -> ChainCheck:
    """db.audit.verify, as the audit viewer runs it (off the GUI thread: it reads
    and hashes every row)."""
    require(actor, "audit")
    breach = audit.verify(conn)
    rows = conn.execute(select(audit_head.c.seq)).scalar() or 0
    return ChainCheck(breach is None, breach, rows)


# ---------------------------------------------------------------- as a paged list

@dataclass(frozen=True)
class AuditQuery(Query):
    """db.lists.Query with the audit filter (the search text is not used)."""
    filter: AuditFilter = field(default_factory=AuditFilter)


class AuditList:
    """(seq, at, user, action, entity, entity_id, detail dict), newest first, for
    desktop.ui.paged_model: db.lists.PagedList's contract, the actor checked at
    every read."""
    name = "audit"
    fields = ("seq", "at", "user", "action", "entity", "entity_id", "detail")
    sortable = ("seq",)
    key = "seq"
    default_sort = "seq"
    default_descending = True

    def __init__(self, actor: Actor):
        require(actor, "audit")
        self.actor = actor

    @staticmethod
    def _filter(query: Query) -> AuditFilter:
        return getattr(query, "filter", None) or AuditFilter()

    def page(self, conn: Connection, query: Query, after: tuple | None, limit: int) -> list[tuple]:
        require(self.actor, "audit")
        newest_first = query.descending if query.sort else self.default_descending
        return _page(conn, self._filter(query), after[0] if after else None, limit, newest_first)

    def cursor(self, query: Query, row: tuple) -> tuple:
        return (row[0],)

    def count(self, conn: Connection, query: Query) -> int:
        return count(conn, self.actor, self._filter(query))
