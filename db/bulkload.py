"""Bulk appends of rows inside one write transaction (used by db.seed).

SQLite: the driver's executemany in large batches, values already in the
text form SQLAlchemy stores (see sqlite_datetime). PostgreSQL: COPY through
the psycopg connection. Around a load of the big append-only tables,
secondary indexes (and on PostgreSQL the foreign keys, which COPY would
otherwise check row by row) are dropped and rebuilt from their own
definitions as the database reports them, all inside the same transaction:
a failed load leaves the schema as it was.
"""
from __future__ import annotations

import datetime as dt
from typing import Iterable, Sequence

from sqlalchemy import Connection, Table, text


def sqlite_datetime(t: dt.datetime) -> str:
    """The text SQLAlchemy's SQLite DateTime stores (always six decimals)."""
    return (f"{t.year:04d}-{t.month:02d}-{t.day:02d} "
            f"{t.hour:02d}:{t.minute:02d}:{t.second:02d}.{t.microsecond:06d}")


class BulkLoader:
    def __init__(self, conn: Connection):
        self.conn = conn
        self.pg = conn.dialect.name == "postgresql"
        self.raw = conn.connection.driver_connection
        self._quote = conn.dialect.identifier_preparer.quote
        self._sql: dict[tuple[str, tuple[str, ...]], str] = {}
        self._dropped: list[str] = []      # statements that put back what was dropped

    # ------------------------------------------------------------ rows
    def insert(self, table: Table, columns: Sequence[str], rows: Iterable[tuple]) -> None:
        key = (table.name, tuple(columns))
        sql = self._sql.get(key)
        cols = ", ".join(self._quote(c) for c in columns)
        if self.pg:
            if sql is None:
                sql = self._sql[key] = f"COPY {self._quote(table.name)} ({cols}) FROM STDIN"
            with self.raw.cursor() as cur, cur.copy(sql) as copy:
                write = copy.write_row
                for r in rows:
                    write(r)
        else:
            if sql is None:
                marks = ", ".join("?" * len(columns))
                sql = self._sql[key] = f"INSERT INTO {self._quote(table.name)} ({cols}) VALUES ({marks})"
            self.raw.executemany(sql, rows)

    def executemany(self, sql_qmark: str, rows: list[tuple]) -> None:
        """A plain statement with ? placeholders, run for every row."""
        if not rows:
            return
        if self.pg:
            with self.raw.cursor() as cur:
                cur.executemany(sql_qmark.replace("?", "%s"), rows)
        else:
            self.raw.executemany(sql_qmark, rows)

    # ------------------------------------------------------------ around a load
    def drop_secondary(self, tables: Sequence[Table], *, foreign_keys: bool | None = None) -> None:
        """Drops the tables' secondary indexes (not primary keys or unique
        constraints) and, by default on PostgreSQL, their foreign keys."""
        if foreign_keys is None:
            foreign_keys = self.pg
        conn = self.conn
        for t in tables:
            if self.pg:
                if foreign_keys:
                    for name, definition in conn.execute(text(
                            "SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint "
                            "WHERE conrelid = CAST(:t AS regclass) AND contype = 'f' ORDER BY conname"),
                            {"t": t.name}).all():
                        conn.exec_driver_sql(f"ALTER TABLE {self._quote(t.name)} "
                                             f"DROP CONSTRAINT {self._quote(name)}")
                        self._dropped.append(f"ALTER TABLE {self._quote(t.name)} ADD CONSTRAINT "
                                             f"{self._quote(name)} {definition}")
                for name, definition in conn.execute(text(
                        "SELECT i.relname, pg_get_indexdef(i.oid) FROM pg_index x "
                        "JOIN pg_class i ON i.oid = x.indexrelid "
                        "WHERE x.indrelid = CAST(:t AS regclass) AND NOT x.indisprimary "
                        "AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.oid) "
                        "ORDER BY i.relname"), {"t": t.name}).all():
                    conn.exec_driver_sql(f"DROP INDEX {self._quote(name)}")
                    self._dropped.insert(0, definition)  # indexes before foreign keys
            else:
                for name, definition in conn.execute(text(
                        "SELECT name, sql FROM sqlite_master WHERE type = 'index' "
                        "AND tbl_name = :t AND sql IS NOT NULL ORDER BY name"), {"t": t.name}).all():
                    conn.exec_driver_sql(f"DROP INDEX {self._quote(name)}")
                    self._dropped.append(definition)

    def restore_secondary(self) -> None:
        for statement in self._dropped:
            self.conn.exec_driver_sql(statement)
        self._dropped = []

    def fix_sequences(self, tables: Sequence[Table]) -> None:
        """PostgreSQL: move each id sequence past the ids written explicitly."""
        if not self.pg:
            return
        for t in tables:
            seq = self.conn.execute(text("SELECT pg_get_serial_sequence(:t, 'id')"),
                                    {"t": t.name}).scalar()
            if seq:
                self.conn.execute(text(
                    f"SELECT setval(CAST(:s AS regclass), m) FROM "
                    f"(SELECT max(id) AS m FROM {self._quote(t.name)}) x WHERE m IS NOT NULL"),
                    {"s": seq})

    def analyze(self, tables: Sequence[Table]) -> None:
        """PostgreSQL: fresh planner statistics (SQLite's ANALYZE would read every index)."""
        if not self.pg:
            return
        for t in tables:
            self.conn.exec_driver_sql(f"ANALYZE {self._quote(t.name)}")
