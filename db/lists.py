"""Read queries behind the desktop's lists: keyset pages of plain tuples, in any
sort order, searched.

A list (PagedList) is read a page at a time: `page(conn, query, after, limit)`
gives the rows after the cursor `after` in the query's order, never by OFFSET,
so the ten-thousandth page costs what the first one does; `cursor(query, row)`
is the position to pass for the next page; `count(conn, query)` the number of
rows. Rows are plain tuples in `fields` order: money integer fen, quantities
integer thousandths (db.money formats them), dates, text, None.

Order. A query sorts on one field of `sortable` (None: the list's
default_sort, in its default direction, which `descending` reverses), with
the list's unique `key` as the tie-break: the keyset is (sort, key) compared
as a row value, descending reverses both. NULLs sort first ascending and last
descending on both databases. Product sorts on sku, name, category, unit and
price are served by (column, sku) indexes (db.schema). min_qty and max_qty
are not indexed: a page in their order sorts the products table. on_hand is
stock.qty, written by every sale, and deliberately not indexed (an index
would slow the PostgreSQL sale path): its pages read the stock table alone
for the next quantities, then the products at them (_on_hand_ids). Document
lists read their kinds one by one in date or number order and merge them
(_DocumentList); their other sorts sort the list.

Search (products). The text is NFKC-normalised and its white space folded; a
product matches if its SKU starts with it (ASCII letters in any case), one of
its barcodes starts with it, its pinyin initials start with it (lower case),
or its name contains it (exactly). Prefixes are byte-order ranges
(col >= p AND col < p_next): on PostgreSQL through pattern operators or the C
collation, whatever the database's collation; a name fragment is looked up
through the name's characters and character pairs (a GIN index on
sk_name_grams(name) on PostgreSQL, the product_grams table on SQLite), then
checked against the name. A page of a search:

  1. each rule finds its matches through its index, by id, when it has at
     most FEW of them;
  2. for the rules with more, if an index serves the order, the list is read
     in order from the cursor (at most PROBE_ROWS rows), each row tested
     against those rules: their matches are met early unless they cluster far
     away. Failing that, their matches are read by id (at most CAP per rule)
     or, for a rule with more, through its index as `id IN (...)`, and sorted;
  3. the page is the first rows after the cursor, in order, among the ids
     found: one product found by two rules appears once.

Counting a search reads every match (off the GUI thread in the desktop).
Documents are searched the same way (number prefix, party name); parties
and the import history, small, by a plain filter.
"""
from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from typing import Any, Callable, Iterable, Sequence

from sqlalchemy import (BigInteger, Connection, Text, and_, any_, cast, false, func,
                        literal_column, or_, select, text, true, tuple_, union, union_all)
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.sql.elements import ColumnElement

from db.money import unit_cost
from db.schema import (DOC_KINDS, ascii_lower, audit_log, barcodes, customers, documents,
                       product_grams, products, stock, suppliers, users)

FEW = 2000              # a rule with at most this many matches gives their ids (step 1)
CAP = 20000             # ... with at most this many, when reading in order fails (step 2)
PROBE_ROWS = 10000      # rows of the list read in order to find a common rule's matches
LEAD = 100000           # SQLite: postings of a fragment's rarest pair worth intersecting
GRAM_END = "\x1f"       # product_grams: the pair of a name's last character


@dataclass(frozen=True)
class Query:
    sort: str | None = None        # a field name from PagedList.sortable; None = default_sort
    descending: bool = False       # reverses the order (with sort None: the default order)
    search: str = ""               # the text typed in the search box; "" = everything


# ---------------------------------------------------------------- search text

_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")
_ASCII_UPPER = str.maketrans("abcdefghijklmnopqrstuvwxyz", "ABCDEFGHIJKLMNOPQRSTUVWXYZ")


def normalise_search(typed: str | None) -> str:
    """NFKC (full-width letters and digits to ASCII), control characters dropped,
    white space folded to single spaces and stripped."""
    s = unicodedata.normalize("NFKC", typed or "")
    s = "".join(ch if ch.isprintable() else " " for ch in s)
    return " ".join(s.split())


def prefix_end(p: str) -> str | None:
    """The least string above every string that starts with p, in code point (UTF-8
    byte) order: p with its last character incremented. None: no such bound."""
    while p:
        c = ord(p[-1]) + 1
        if c <= 0x10FFFF:
            if 0xD800 <= c <= 0xDFFF:      # surrogates are not characters
                c = 0xE000
            return p[:-1] + chr(c)
        p = p[:-1]
    return None


def _prefix(col, p: str, pattern_ops: bool) -> ColumnElement:
    """col starts with p, as an index range in byte order. pattern_ops: PostgreSQL's
    ~>=~ ~<~ (an index with varchar_pattern_ops); otherwise col must already compare
    bytewise (SQLite's BINARY, or an expression in the C collation)."""
    end = prefix_end(p)
    if pattern_ops:
        lo = col.op("~>=~", is_comparison=True)(p)
        return lo if end is None else and_(lo, col.op("~<~", is_comparison=True)(end))
    return col >= p if end is None else and_(col >= p, col < end)


def _is_pg(conn: Connection) -> bool:
    return conn.dialect.name == "postgresql"


def _contains(col, fragment: str, pg: bool) -> ColumnElement:
    return (func.strpos(col, fragment) if pg else func.instr(col, fragment)) > 0


def _in_ids(col, ids: Iterable[int], pg: bool) -> ColumnElement:
    """col is one of ids (any number of them)."""
    ids = sorted(set(ids))
    if not ids:
        return false()
    if pg:
        return col == any_(cast(ids, ARRAY(BigInteger)))
    if len(ids) <= 500:
        return col.in_(ids)
    return col.in_(select(literal_column("value")).select_from(func.json_each(json.dumps(ids))))


# ---------------------------------------------------------------- search rules

class Rule:
    """One way a row can match a search.

    pred: a test of one row, cheap where the list is read in order;
    stmt: the ids of the matching rows through an index (None: no index can);
    index_pred: the rule as `ident IN (stmt)`, for reading every match at once;
    common: known to match more than CAP rows without reading them.
    """
    def __init__(self, pred: ColumnElement, stmt=None, *, common: bool = False,
                 known: list | None = None):
        self.pred = pred
        self.stmt = stmt
        self.common = common
        self._known = known     # the ids, read already

    def ids(self, conn: Connection, cap: int) -> list | None:
        """The matching ids, at most cap of them; None when there are more (or no index)."""
        if self._known is not None:
            return self._known if len(self._known) <= cap else None
        if self.stmt is None or self.common:
            return None
        rows = conn.execute(self.stmt.limit(cap + 1)).scalars().all()
        return None if len(rows) > cap else rows

    def index_pred(self, ident) -> ColumnElement:
        return self.pred if self.stmt is None else ident.in_(self.stmt)


_NOTHING = Rule(false(), select(literal_column("0")).where(false()))


def _product_rules(conn: Connection, s: str) -> list[Rule]:
    pg = _is_pg(conn)
    pid = products.c.id
    rules = []
    low = s.translate(_ASCII_LOWER)
    # SKU prefix, ASCII letters in any case (ix_products_sku_ascii_lower)
    sku = _prefix(ascii_lower(products.c.sku), low, False)
    rules.append(Rule(sku, select(pid).where(sku)))
    # barcode prefix (ix_barcodes_code_product); codes are printable ASCII without spaces
    if all(33 <= ord(c) < 127 for c in s):
        code = _prefix(barcodes.c.code, s, pg)
        # row by row: (the first matching code of this product) IS NOT NULL, a subquery
        # PostgreSQL cannot turn into a hash of every matching code
        first = (select(literal_column("1")).where(barcodes.c.product_id == pid, code)
                 .limit(1).scalar_subquery())
        rules.append(Rule(first.is_not(None), select(barcodes.c.product_id).where(code)))
    # pinyin initials prefix (ix_products_pinyin): lower-case letters and digits only
    if low.isascii() and low.isalnum():
        py = _prefix(products.c.pinyin, low, pg)
        rules.append(Rule(py, select(pid).where(py)))
    rules.append(_name_rule(conn, s, pg))
    return rules


def _name_rule(conn: Connection, s: str, pg: bool) -> Rule:
    """The name contains s: found through sk_name_grams (PostgreSQL) or product_grams
    (SQLite), then checked against the name."""
    pid = products.c.id
    contains = _contains(products.c.name, s, pg)
    if pg:
        grams = [s] if len(s) == 1 else sorted({s[i:i + 2] for i in range(len(s) - 1)})
        return Rule(contains, select(pid).where(func.sk_name_grams(products.c.name).op(
            "@>", is_comparison=True)(cast(grams, ARRAY(Text))), contains))
    g = product_grams.c
    if len(s) == 1:     # every character starts a pair (the last one with GRAM_END)
        return Rule(contains, select(g.product_id).where(_prefix(g.gram, s, False)).distinct())

    def postings(pair: str, bound: int) -> int:
        return conn.execute(select(func.count()).select_from(
            select(g.product_id).where(g.gram == pair).limit(bound).subquery())).scalar_one()

    # the products holding every pair of the fragment, the rarest pair first, then the
    # name itself checked (the pairs may stand apart in it)
    pairs = sorted({s[i:i + 2] for i in range(len(s) - 1)})
    size = {p: postings(p, CAP + 1) for p in pairs}
    pairs.sort(key=lambda p: size[p])
    if size[pairs[0]] == 0:
        return _NOTHING
    if len(s) == 2:     # the pair is the fragment
        return Rule(contains, select(g.product_id).where(g.gram == s), common=size[s] > CAP)
    t = [product_grams.alias(f"g{i}") for i in range(len(pairs))]
    joined = t[0]
    for ti in t[1:]:
        joined = joined.join(ti, ti.c.product_id == t[0].c.product_id)
    joined = joined.join(products, pid == t[0].c.product_id)
    found = (select(pid).select_from(joined)
             .where(*[ti.c.gram == pair for ti, pair in zip(t, pairs)], contains))
    if size[pairs[0]] <= CAP:
        return Rule(contains, found)
    if len(pairs) == 1 or postings(pairs[0], LEAD + 1) > LEAD:
        return Rule(contains, found, common=True)
    ids = conn.execute(found.limit(CAP + 1)).scalars().all()     # common pairs, rare together?
    return Rule(contains, found, common=True) if len(ids) > CAP else Rule(contains, found, known=ids)


def _party_rules(table) -> Callable[[Connection, str], list[Rule]]:
    """Customers, suppliers: the name contains the text or the phone starts with it."""
    def rules(conn: Connection, s: str) -> list[Rule]:
        pg = _is_pg(conn)
        return [Rule(_contains(table.c.name, s, pg)), Rule(_prefix(table.c.phone, s, pg))]
    return rules


_NUMBER_PREFIX = re.compile(r"[A-Z]{1,2}|[A-Z]{2}\d{1,8}|[A-Z]{2}\d{8}-\d{0,4}|[A-Z]{2}\d{8}-\d{4}-C?")
_FULL_NUMBER = re.compile(r"[A-Z]{2}\d{8}-\d{4}(-C)?")


def _document_rules(party, kinds: tuple[str, ...]) -> Callable[[Connection, str], list[Rule]]:
    """Documents: the number starts with the text (ASCII letters in any case), or the
    party's name contains it. Only what can begin a number of these kinds is looked
    up as one (db.posting: <prefix><yyyymmdd>-<nnnn>, a reversal <number>-C); a
    whole number is found by equality."""
    prefixes = tuple(DOC_KINDS[k] for k in kinds)

    def rules(conn: Connection, s: str) -> list[Rule]:
        pg = _is_pg(conn)
        out = []
        up = s.translate(_ASCII_UPPER)
        if _NUMBER_PREFIX.fullmatch(up) and any(p.startswith(up[:2]) for p in prefixes):
            if _FULL_NUMBER.fullmatch(up):
                number = _D.number.in_([up] if up.endswith("-C") else [up, up + "-C"])
                out.append(Rule(number, select(_D.id).where(number)))
            else:
                # SQLite's unique index on number is in byte order; PostgreSQL's in the
                # database's collation, so there a prefix is tested row by row
                number = _prefix(_D.number, up, pg)
                out.append(Rule(number, None if pg else select(_D.id).where(number)))
        col = _D.customer_id if party is customers else _D.supplier_id
        who = col.in_(select(party.c.id).where(_contains(party.c.name, s, pg)))
        out.append(Rule(who, select(_D.id).where(who)))
        return out
    return rules


def _import_rules(conn: Connection, s: str) -> list[Rule]:
    pg = _is_pg(conn)
    return [Rule(_contains(col, s, pg)) for col in (audit_log.c.entity_id, audit_log.c.detail,
                                                   audit_log.c.user_name, audit_log.c.action)]


# ---------------------------------------------------------------- the lists

@dataclass(frozen=True)
class Field:
    name: str
    expr: Any = None               # its SQL expression; None: made in Python (PagedList.finish)
    sortable: bool = True
    nullable: bool = False


class PagedList:
    """A list read a page at a time in any sortable field's order, searched.

    name, fields (names of the values in each row tuple, in order), sortable,
    default_sort (+ default_descending), key (the unique tie-break field).
    """

    def __init__(self, name: str, fields: Sequence[Field], *, key: str, default_sort: str,
                 default_descending: bool = False, ident, from_, where: ColumnElement,
                 rules: Callable[[Connection, str], list[Rule]], indexed_search: bool,
                 extra: Sequence = (), finish: Callable | None = None,
                 light_from=None, light_fields: frozenset[str] = frozenset(),
                 indexed_sorts: frozenset[str] | None = None,
                 where_plain: ColumnElement | None = None, on_hand: str | None = None):
        self.name = name
        self._fields = {f.name: f for f in fields}
        self.fields: tuple[str, ...] = tuple(f.name for f in fields)
        self.sortable: tuple[str, ...] = tuple(f.name for f in fields if f.sortable and f.expr is not None)
        if key not in self.sortable or default_sort not in self.sortable:
            raise ValueError(f"{name}: key and default sort must be sortable fields")
        self.key = key
        self.default_sort = default_sort
        self.default_descending = default_descending
        self._ident = ident
        self._from = from_
        self._light_from = light_from if light_from is not None else from_
        self._light_fields = light_fields
        self._indexed_sorts = frozenset(self.sortable) if indexed_sorts is None else indexed_sorts
        self._where = where
        self._where_plain = where if where_plain is None else where_plain   # no index serves it
        self._on_hand = on_hand          # the field that is stock.qty (products' lists)
        self._rules = rules
        self._indexed_search = indexed_search    # rules find ids through indexes (big lists)
        self._sql = [f for f in fields if f.expr is not None]
        self._extra = list(extra)
        self._finish = finish

    def __repr__(self) -> str:
        return f"<PagedList {self.name}>"

    # ------------------------------------------------------------ the contract
    def page(self, conn: Connection, query: Query, after: tuple | None, limit: int) -> list[tuple]:
        """Rows after the cursor `after` (None: from the start) in the query's order,
        at most `limit`."""
        if limit <= 0:
            return []
        order = self._order(query, after)
        s = normalise_search(query.search)
        if not s:
            return self._fetch(conn, None, order, limit)
        rules = self._rules(conn, s)
        if not self._indexed_search:
            return self._fetch(conn, or_(*[r.pred for r in rules]), order, limit)
        found, many = self._split(conn, rules, FEW)
        if many and order.indexed:      # (else reading in order would sort the whole list)
            first = self._probe(conn, or_(*[r.pred for r in many]), order, limit)
            if first is not None:
                found.update(first)
                many = []
        if many:                        # not near the cursor: every match, through the indexes
            more, common = self._split(conn, many, CAP)
            found |= more
            if common:
                return self._fetch(conn, self._any_of(conn, found, common), order, limit)
        return self._fetch(conn, _in_ids(self._ident, found, _is_pg(conn)), order, limit) if found else []

    def cursor(self, query: Query, row: tuple) -> tuple:
        """The keyset position of a row returned by page(): pass it as `after`."""
        sort, _ = self._sort_of(query)
        k = self.fields.index(self.key)
        if sort == self.key:
            return (row[k],)
        return (row[self.fields.index(sort)], row[k])

    def count(self, conn: Connection, query: Query) -> int:
        s = normalise_search(query.search)
        where = [self._where]
        if s:
            rules = self._rules(conn, s)
            if self._indexed_search:
                rare, common = self._split(conn, rules, CAP)
                if not common and not rare:
                    return 0
                where.append(self._any_of(conn, rare, common))
            else:
                where.append(or_(*[r.pred for r in rules]))
        return conn.execute(select(func.count()).select_from(self._light_from)
                            .where(*where)).scalar_one()

    # ------------------------------------------------------------ order
    def _sort_of(self, query: Query) -> tuple[str, bool]:
        if query.sort is None:
            return self.default_sort, self.default_descending != query.descending
        if query.sort not in self.sortable:
            raise ValueError(f"{self.name}: cannot sort by {query.sort!r} "
                             f"(sortable: {', '.join(self.sortable)})")
        return query.sort, query.descending

    def _order(self, query: Query, after: tuple | None) -> "_Order":
        sort, desc = self._sort_of(query)
        s, k = self._fields[sort], self._fields[self.key]
        if after is not None and len(after) != (1 if sort == self.key else 2):
            raise ValueError(f"{self.name}: cursor {after!r} does not fit the order by {sort}")
        return _Order(s, k, desc, after, light=sort in self._light_fields,
                      indexed=sort in self._indexed_sorts)

    # ------------------------------------------------------------ reading
    def _ordered(self, conn: Connection, cols: list, from_, conds: list, order: "_Order",
                 limit: int):
        """SELECT cols of the list's rows that pass conds, after the cursor, in order,
        at most limit of them."""
        return (select(*cols).select_from(from_).where(self._where, *conds, *order.where())
                .order_by(*order.by()).limit(limit))

    def _fetch(self, conn: Connection, where: ColumnElement | None, order: "_Order",
               limit: int) -> list[tuple]:
        """The first `limit` rows after the cursor that pass where, in order. When an
        index serves the order, in one statement; otherwise the ids first (from the
        fewest tables) and then their rows, so that the rows not on the page are
        never joined. With where (a search), the list's own filter is written so
        that no index serves it: the rows are found through the search's ids."""
        cols = [f.expr.label(f.name) for f in self._sql] + self._extra
        if where is not None:
            order = order.plain()   # the rows are found through where, then sorted
        if where is None and order.indexed:
            q = self._ordered(conn, cols, self._from, [], order, limit)
        else:
            from_ = self._light_from if order.light else self._from
            if where is None and order.sort.name == self._on_hand:
                ids = self._on_hand_ids(conn, order, limit)
            elif where is None:
                ids = self._ordered(conn, [self._ident], from_, [], order, limit)
            else:
                ids = (select(self._ident).select_from(from_)
                       .where(self._where_plain, where, *order.where())
                       .order_by(*order.by()).limit(limit))
            if not isinstance(ids, list):
                ids = conn.execute(ids).scalars().all()
            if not ids:
                return []
            q = (select(*cols).select_from(self._from)
                 .where(_in_ids(self._ident, ids, _is_pg(conn))).order_by(*order.by(False)))
        rows = conn.execute(q).all()
        if self._finish:
            return self._finish(conn, rows)
        n = len(self._sql)
        return [tuple(r[:n]) for r in rows]

    def _on_hand_ids(self, conn: Connection, order: "_Order", limit: int) -> list[int]:
        """The page's product ids in (on hand, SKU) order. No index serves it (stock.qty
        changes with every sale) and joining every product to its stock row to sort
        them all is slow; instead the stock table alone gives the next quantities, and
        only the products at those quantities are read: a group of equal quantities in
        SKU order, through the SKU index when it is large, sorted when it is small."""
        qty, sku, pid = stock.c.qty, products.c.sku, products.c.id
        desc, pg = order.desc, _is_pg(conn)

        def beyond(a, b):
            return a < b if desc else a > b

        def ordered(*cols):
            return [c.desc() if desc else c.asc() for c in cols]

        def group(value, after_sku, need: int) -> list[int]:
            where = [self._where] if after_sku is None else [self._where, beyond(sku, after_sku)]
            few = conn.execute(select(stock.c.product_id).where(qty == value)
                               .limit(PROBE_ROWS)).scalars().all()
            if len(few) < PROBE_ROWS:   # few: found through the stock table, then sorted
                q = (select(pid).where(*where, _in_ids(pid, few, pg))
                     .order_by(*ordered(func.coalesce(sku, sku))))
            else:                       # many: read in SKU order until enough
                q = (select(pid).select_from(self._from).where(*where, qty == value)
                     .order_by(*ordered(sku)))
            return conn.execute(q.limit(need)).scalars().all()

        out: list[int] = []
        value, tie = (order.after[0], order.after[1]) if order.after else (None, None)
        in_group = order.after is not None
        while len(out) < limit:
            if in_group:                # the rest of the cursor's group
                out += group(value, tie, limit - len(out))
                if len(out) >= limit:
                    break
            need = limit - len(out)
            nxt = select(stock.c.product_id, qty)
            if value is not None:
                nxt = nxt.where(beyond(qty, value))
            nxt = conn.execute(nxt.order_by(*ordered(qty)).limit(need)).all()
            if not nxt:
                break
            last = nxt[-1][1]
            whole = [p for p, q in nxt if q != last]     # groups read to their end
            if whole:
                out += conn.execute(select(pid).select_from(self._from)
                                    .where(self._where, _in_ids(pid, whole, pg))
                                    .order_by(*ordered(qty, sku))).scalars().all()
            value, tie, in_group = last, None, True
        return out[:limit]

    def _split(self, conn: Connection, rules: list[Rule], cap: int) -> tuple[set, list[Rule]]:
        """The ids the rules with at most cap matches match, and the other rules."""
        rare, common = set(), []
        for r in rules:
            ids = r.ids(conn, cap)
            if ids is None:
                common.append(r)
            else:
                rare.update(ids)
        return rare, common

    def _any_of(self, conn: Connection, rare: set, common: list[Rule]) -> ColumnElement:
        """One of the rare ids or a match of a common rule (each through its index).

        On PostgreSQL the ids of every rule that has an index are one UNION under one
        IN: `a IN (x) OR a IN (y)` becomes a subplan per row, and one whose ids do not
        fit work_mem is searched linearly for each of a million rows (a barcode prefix
        like 69 matches most products), while a lone IN is planned as a semi-join."""
        pg = _is_pg(conn)
        if pg:
            stmts = [r.stmt for r in common if r.stmt is not None]
            preds = [r.pred for r in common if r.stmt is None]
            if rare:
                stmts.append(select(func.unnest(cast(sorted(rare), ARRAY(BigInteger)))))
            if stmts:
                ids = stmts[0] if len(stmts) == 1 else union(*stmts)
                return or_(self._ident.in_(ids), *preds) if preds else self._ident.in_(ids)
            return or_(*preds)
        terms = [_in_ids(self._ident, rare, pg)] if rare else []
        return or_(*terms, *[r.index_pred(self._ident) for r in common])

    def _probe(self, conn: Connection, pred: ColumnElement, order: "_Order", limit: int) -> list | None:
        """The first `limit` rows after the cursor that pass pred, reading at most
        PROBE_ROWS rows of the list in order; None when those rows hold fewer (near
        the end of the list too: the caller's other way is right there as well)."""
        from_ = self._light_from if order.light else self._from
        inner = self._ordered(conn, [self._ident.label("id"), pred.label("hit")], from_, [],
                              order, PROBE_ROWS).subquery()
        hits = conn.execute(select(inner.c.id).where(inner.c.hit).limit(limit)).scalars().all()
        return hits if len(hits) >= limit else None


class _Order:
    """(sort, key) in one direction, after a cursor; NULLs first ascending.

    plain(): the same order written so that no index serves it (coalesce(x, x)):
    the database then finds the rows by the search's indexes and sorts them,
    instead of reading the list in order to a cluster of matches far away.
    """

    def __init__(self, sort: Field, key: Field, desc: bool, after: tuple | None, light: bool,
                 indexed: bool, plain: bool = False):
        self.sort, self.key, self.desc, self.after = sort, key, desc, after
        self.light = light           # the sort needs only the list's main table
        self.indexed = indexed and not plain   # an index serves the order
        self._plain = plain

    def plain(self) -> "_Order":
        return _Order(self.sort, self.key, self.desc, self.after, self.light, False, plain=True)

    def _x(self, f: Field, plain: bool = True):
        return func.coalesce(f.expr, f.expr) if self._plain and plain else f.expr

    @property
    def is_plain(self) -> bool:
        return self._plain

    def by(self, plain: bool = True) -> list:
        return self.by_columns(self._x(self.sort, plain), self._x(self.key, plain))

    def by_columns(self, sort, key) -> list:
        """ORDER BY for these expressions of the sort and the key."""
        k = key.desc() if self.desc else key.asc()
        if self.sort is self.key:
            return [k]
        s = sort.desc() if self.desc else sort.asc()
        if self.sort.nullable:
            s = s.nulls_last() if self.desc else s.nulls_first()
        return [s, k]

    def where(self) -> list:
        if self.after is None:
            return []
        k = self._x(self.key)
        if self.sort is self.key:
            return [k < self.after[0] if self.desc else k > self.after[0]]
        s = self._x(self.sort)
        sv, kv = self.after
        if not self.sort.nullable:
            return [tuple_(s, k) < tuple_(sv, kv) if self.desc else tuple_(s, k) > tuple_(sv, kv)]
        if not self.desc:
            if sv is None:
                return [or_(and_(s.is_(None), k > kv), s.is_not(None))]
            return [s.is_not(None), tuple_(s, k) > tuple_(sv, kv)]
        if sv is None:
            return [s.is_(None), k < kv]
        return [or_(s.is_(None), tuple_(s, k) < tuple_(sv, kv))]


# ---------------------------------------------------------------- products

def _barcodes_of(conn: Connection, ids: list[int]) -> dict[int, str]:
    """'code1, code2' per product id, codes sorted in Python (the same order on either
    database)."""
    codes: dict[int, list[str]] = {}
    if ids:
        for pid, code in conn.execute(select(barcodes.c.product_id, barcodes.c.code)
                                      .where(_in_ids(barcodes.c.product_id, ids, _is_pg(conn)))):
            codes.setdefault(pid, []).append(code)
    return {pid: ", ".join(sorted(c)) for pid, c in codes.items()}


def _finish_products(with_cost: bool):
    def finish(conn: Connection, rows) -> list[tuple]:
        codes = _barcodes_of(conn, [r.id for r in rows])
        out = []
        for r in rows:
            row = (r.sku, r.name, codes.get(r.id, ""), r.category, r.unit, r.price, r.on_hand,
                   r.min_qty, r.max_qty)
            if with_cost:
                row += (unit_cost(r.value, r.on_hand) if r.on_hand > 0 else r.last_cost,)
            out.append(row)
        return out
    return finish


def _finish_stock(conn: Connection, rows) -> list[tuple]:
    return [tuple(r[:6]) for r in rows]


_P = products.c
_product_join = products.join(stock, stock.c.product_id == products.c.id)
_active = products.c.active.is_(True)
_PRODUCT_SORTS = frozenset({"sku", "name", "category", "unit", "price", "min_qty", "max_qty"})
_PRODUCT_INDEXED = frozenset({"sku", "name", "category", "unit", "price"})   # (column, sku) indexes


def _product_fields(with_cost: bool) -> list[Field]:
    fields = [Field("sku", _P.sku), Field("name", _P.name), Field("barcodes", sortable=False),
              Field("category", _P.category), Field("unit", _P.unit), Field("price", _P.price),
              Field("on_hand", stock.c.qty),
              Field("min_qty", _P.min_qty, nullable=True), Field("max_qty", _P.max_qty, nullable=True)]
    if with_cost:
        # the moving average cost is made in Python (db.money.unit_cost): not sortable
        fields.append(Field("cost", sortable=False))
    return fields


def _product_list(name: str, with_cost: bool) -> PagedList:
    extra = [_P.id] + ([stock.c.value, stock.c.last_cost] if with_cost else [])
    return PagedList(name, _product_fields(with_cost), key="sku", default_sort="sku",
                     ident=_P.id, from_=_product_join, light_from=products,
                     light_fields=_PRODUCT_SORTS, indexed_sorts=_PRODUCT_INDEXED,
                     where=_active, rules=_product_rules,
                     indexed_search=True, extra=extra, finish=_finish_products(with_cost),
                     on_hand="on_hand")


# (sku, name, category, unit, on hand milli, price fen) of active products
STOCK = PagedList("stock", [Field("sku", _P.sku), Field("name", _P.name),
                            Field("category", _P.category), Field("unit", _P.unit),
                            Field("on_hand", stock.c.qty), Field("price", _P.price)],
                  key="sku", default_sort="sku", ident=_P.id, from_=_product_join,
                  light_from=products, light_fields=_PRODUCT_SORTS - {"min_qty", "max_qty"},
                  indexed_sorts=_PRODUCT_INDEXED,
                  where=_active, rules=_product_rules, indexed_search=True,
                  extra=[_P.id], finish=_finish_stock, on_hand="on_hand")
# (sku, name, barcodes 'a, b', category, unit, price fen, on hand, min, max milli)
PRODUCTS = _product_list("products", with_cost=False)
# PRODUCTS + cost: fen per unit at the moving average (stock value / qty, rounded by
# db.money.unit_cost), the last receipt's cost when none is on hand
PRODUCTS_WITH_COST = _product_list("products_with_cost", with_cost=True)


# ---------------------------------------------------------------- parties

def _party_list(name: str, table, with_limit: bool) -> PagedList:
    fields = [Field("name", table.c.name), Field("phone", table.c.phone)]
    if with_limit:
        fields.append(Field("credit_limit", table.c.credit_limit, nullable=True))
    fields.append(Field("balance", table.c.balance))
    return PagedList(name, fields, key="name", default_sort="name", ident=table.c.id, from_=table,
                     where=true(), rules=_party_rules(table), indexed_search=False)


# (name, phone, credit limit fen or None, balance fen: what they owe the shop)
CUSTOMERS = _party_list("customers", customers, with_limit=True)
# (name, phone, balance fen: what the shop owes them)
SUPPLIERS = _party_list("suppliers", suppliers, with_limit=False)


# ---------------------------------------------------------------- documents

SALE_KINDS = ("sale", "sale-return")
PURCHASE_KINDS = tuple(k for k in ("purchase-order", "purchase-receipt", "purchase-return",
                                   "supplier-payment") if k in DOC_KINDS)
_D = documents.c


class _DocumentList(PagedList):
    """Documents of some kinds. A page in date or number order is read kind by kind and
    the parts merged: an index yields one kind in order, never an IN list of them.

    Date: ix_documents_kind_date. Number: on SQLite, a kind's numbers are one range of
    uq_documents_number (db.posting numbers every document <prefix><day>-<n>, its
    reversal <number>-C) read in order, the kind tested row by row. PostgreSQL's
    index on number is in the database's collation, where that range is not
    assured: a kind of fewer than PROBE_ROWS documents is sorted whole, a larger
    one read in number order (its rows are then met often enough)."""

    def __init__(self, *args, kinds: tuple[str, ...], **kw):
        super().__init__(*args, **kw)
        self._kinds = kinds

    def _small(self, conn: Connection, kind: str) -> bool:
        n = conn.execute(select(func.count()).select_from(
            select(_D.id).where(_D.kind == kind).limit(PROBE_ROWS).subquery())).scalar_one()
        return n < PROBE_ROWS

    def _ordered(self, conn, cols, from_, conds, order, limit):
        if order.is_plain or order.sort.name not in ("number", "doc_date"):
            return super()._ordered(conn, cols, from_, conds, order, limit)
        pg = _is_pg(conn)
        parts = []
        for kind in self._kinds:
            by = order.by()
            if order.sort.name == "doc_date":
                this = [_D.kind == kind]                        # ix_documents_kind_date
            elif pg:
                this = [_D.kind == kind]
                if self._small(conn, kind):
                    by = order.plain().by()
            else:
                prefix = DOC_KINDS[kind]
                this = [_D.number >= prefix, _D.number < prefix_end(prefix),
                        func.coalesce(_D.kind, _D.kind) == kind]
            q = (select(*cols, order.sort.expr.label("sort_"), order.key.expr.label("key_"))
                 .select_from(from_).where(*this, *conds, *order.where())
                 .order_by(*by).limit(limit))
            parts.append(select(q.subquery()))
        u = union_all(*parts).subquery()
        return (select(*[u.c[c.name] for c in cols]).order_by(*order.by_columns(u.c.sort_, u.c.key_))
                .limit(limit))


def _document_list(name: str, kinds: tuple[str, ...], party, with_payment: bool) -> PagedList:
    fields = [Field("number", _D.number), Field("doc_date", _D.doc_date), Field("kind", _D.kind),
              Field(party.name[:-1], func.coalesce(party.c.name, ""))]
    if with_payment:
        fields.append(Field("payment", _D.payment, nullable=True))
    fields += [Field("total", _D.total), Field("status", _D.status)]
    from_ = documents.outerjoin(party, party.c.id == (_D.customer_id if party is customers
                                                      else _D.supplier_id))
    if with_payment:
        fields.append(Field("user", users.c.name))
        from_ = from_.join(users, users.c.id == _D.user_id)
    return _DocumentList(name, fields, key="number", default_sort="doc_date",
                         default_descending=True, ident=_D.id, from_=from_, light_from=documents,
                         light_fields=frozenset({"number", "doc_date", "kind", "total", "status"}
                                                | ({"payment"} if with_payment else set())),
                         indexed_sorts=frozenset({"number", "doc_date"}),
                         where=_D.kind.in_(kinds),
                         where_plain=func.coalesce(_D.kind, _D.kind).in_(kinds),
                         rules=_document_rules(party, kinds), indexed_search=True, kinds=kinds)


# (number, date, kind, customer name or "", payment, total fen, status, user name):
# sales and returns, newest day first
SALES = _document_list("sales", SALE_KINDS, customers, with_payment=True)
# (number, date, kind, supplier name or "", total fen, status): orders, receipts,
# returns to suppliers, payments to them, newest day first
PURCHASES = _document_list("purchases", PURCHASE_KINDS, suppliers, with_payment=False)


# ---------------------------------------------------------------- the import history

_A = audit_log.c
# the predicate of the partial index ix_audit_log_imports, word for word
_IMPORT_ROWS = text("substr(audit_log.action, 1, 6) = 'import'")

# (seq, at, user name, action, entity id (the file), detail JSON): newest first
IMPORTS = PagedList("imports", [Field("seq", _A.seq), Field("at", _A.at),
                                Field("user_name", _A.user_name), Field("action", _A.action),
                                Field("entity_id", _A.entity_id),
                                Field("detail", _A.detail, sortable=False)],
                    key="seq", default_sort="seq", default_descending=True, ident=_A.id,
                    from_=audit_log, where=_IMPORT_ROWS, rules=_import_rules,
                    indexed_search=False)

ALL = (STOCK, PRODUCTS, PRODUCTS_WITH_COST, CUSTOMERS, SUPPLIERS, SALES, PURCHASES, IMPORTS)


# ---------------------------------------------------------------- SQLite's name index

def name_grams(name: str) -> set[str]:
    """The product_grams rows of a name: each character with the one after it
    (GRAM_END after the last)."""
    padded = name + GRAM_END
    return {padded[i:i + 2] for i in range(len(name))}


# one row per character of a name, keys 0 .. length-1 (triggers cannot use WITH RECURSIVE)
_POSITIONS = "json_each('[' || rtrim(replace(hex(zeroblob(length({n}))), '00', '0,'), ',') || ']')"
GRAM_TRIGGERS = ("tr_products_grams_insert", "tr_products_grams_update", "tr_products_grams_delete")


def rebuild_name_grams(conn: Connection, from_id: int = 0) -> None:
    """SQLite: product_grams of the products with id >= from_id, in bulk: what the
    triggers of migration 0003 write row by row (db.seed loads products without them).
    PostgreSQL needs nothing: its GIN index follows the names."""
    if _is_pg(conn):
        return
    conn.execute(text("DELETE FROM product_grams WHERE product_id >= :f"), {"f": from_id})
    conn.execute(text(
        "INSERT OR IGNORE INTO product_grams (gram, product_id) "
        "SELECT DISTINCT substr(p.name || char(31), j.key + 1, 2), p.id "
        f"FROM products AS p, {_POSITIONS.format(n='p.name')} AS j WHERE p.id >= :f "
        "ORDER BY 1, 2"), {"f": from_id})
