"""The archived sales and returns as a list the screens page through (the
contract of db.lists.PagedList: name, fields, sortable, default_sort, page,
cursor, count), so that what `archive --before` moved stays findable:

    (number, date, kind, customer name or "", payment, total fen, status, cashier)

Newest day first; sortable by date, number and total; searched by the start of
a number or a fragment of the customer's name, as the live list is. The rows
come from the archive (db.archive: the file beside an SQLite shop, the schema
`archive` on PostgreSQL); names from the live customers and users, which are
never archived. A shop that never archived has an empty list."""
from __future__ import annotations

from sqlalchemy import Connection, and_, func, or_, select, tuple_

from db.archive import A, _reader
from db.lists import SALE_KINDS, Query, normalise_search, prefix_end
from db.schema import customers, users

_CUSTOMER_IDS = 1000      # a fragment matching more customers than this is too vague


class ArchivedDocuments:
    name = "archived-sales"
    fields = ("number", "doc_date", "kind", "customer", "payment", "total", "status", "user")
    sortable = ("number", "doc_date", "total")
    key = "number"
    default_sort = "doc_date"
    default_descending = True

    def __init__(self, kinds: tuple[str, ...] = SALE_KINDS):
        self._kinds = kinds

    def _sort(self, query: Query):
        sort = query.sort if query.sort in self.sortable else self.default_sort
        descending = query.descending if query.sort else self.default_descending
        return sort, descending

    def _where(self, conn: Connection, query: Query):
        """The conditions on archive.documents for the query's kinds and search."""
        D = A["documents"].c
        conds = [D.kind.in_(self._kinds)]
        s = normalise_search(query.search)
        if not s:
            return conds
        up = s.upper()
        end = prefix_end(up)
        number = and_(D.number >= up, D.number < end) if end else D.number >= up
        if conn.dialect.name == "postgresql":     # the index is in the database's collation
            number = func.strpos(D.number, up) == 1
        pg = conn.dialect.name == "postgresql"
        name = customers.c.name
        ids = conn.execute(select(customers.c.id).where(
            (func.strpos(name, s) if pg else func.instr(name, s)) > 0)
            .limit(_CUSTOMER_IDS + 1)).scalars().all()
        who = D.customer_id.in_(ids[:_CUSTOMER_IDS]) if ids else None
        conds.append(or_(number, who) if who is not None else number)
        return conds

    def page(self, conn: Connection, query: Query, after: tuple | None, limit: int) -> list[tuple]:
        if limit <= 0:
            return []
        D = A["documents"].c
        sort, descending = self._sort(query)
        col = getattr(D, sort)
        conds = self._where(conn, query)
        if after is not None:
            if sort == self.key:
                conds.append(D.number < after[0] if descending else D.number > after[0])
            else:
                pos = tuple_(col, D.number)
                conds.append(pos < tuple_(*after) if descending else pos > tuple_(*after))
        order = [col.desc(), D.number.desc()] if descending else [col, D.number]
        if sort == self.key:
            order = order[:1]
        with _reader(conn) as ac:
            if ac is None:
                return []
            rows = ac.execute(select(D.number, D.doc_date, D.kind, D.customer_id, D.payment,
                                     D.total, D.status, D.user_id)
                              .where(*conds).order_by(*order).limit(limit)).all()
        names = self._names(conn, customers, {r.customer_id for r in rows})
        people = self._names(conn, users, {r.user_id for r in rows})
        return [(r.number, r.doc_date, r.kind, names.get(r.customer_id, ""), r.payment,
                 r.total, r.status, people.get(r.user_id, "")) for r in rows]

    @staticmethod
    def _names(conn: Connection, table, ids: set) -> dict:
        ids.discard(None)
        if not ids:
            return {}
        return dict(conn.execute(select(table.c.id, table.c.name).where(table.c.id.in_(ids))).all())

    def cursor(self, query: Query, row: tuple) -> tuple:
        sort, _ = self._sort(query)
        if sort == self.key:
            return (row[0],)
        return (row[self.fields.index(sort)], row[0])

    def count(self, conn: Connection, query: Query) -> int:
        conds = self._where(conn, query)
        with _reader(conn) as ac:
            if ac is None:
                return 0
            return ac.execute(select(func.count()).select_from(A["documents"])
                              .where(*conds)).scalar_one()


ARCHIVED_SALES = ArchivedDocuments()
