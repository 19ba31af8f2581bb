"""The audit log: who did what and when, each row chained to the one before.

Every row carries the SHA-256 of its own content and of the row before it
(prev_hash), so editing or deleting any row breaks the chain from there on,
and `check` names the first row that no longer fits. Appending locks the
single audit_head row; posting takes it last, after every other lock, so it
is held only for the end of a transaction.
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass

from sqlalchemy import Connection, select, update

from db import clock
from db.schema import audit_head, audit_log

GENESIS = "0" * 64


@dataclass(frozen=True)
class Actor:
    """Who is acting: the signed-in user."""
    id: int | None
    name: str
    role: str


def row_hash(seq: int, at, user_id, user_name: str, action: str, entity: str,
             entity_id: str, detail: str, prev_hash: str) -> str:
    text = "\x1f".join([str(seq), at.isoformat(sep=" "), "" if user_id is None else str(user_id),
                        user_name, action, entity, entity_id, detail, prev_hash])
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def dump_detail(detail: dict) -> str:
    return json.dumps(detail, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def chained_row(seq_before: int, prev_hash: str, actor: Actor | None, action: str, entity: str,
                entity_id, detail: dict | None) -> dict:
    """The next audit row after (seq_before, prev_hash), hash included: every
    writer of the chain builds its row here."""
    seq = seq_before + 1
    at = clock.now()
    user_id = actor.id if actor else None
    user_name = actor.name if actor else ""
    text = dump_detail(detail or {})
    h = row_hash(seq, at, user_id, user_name, action, entity, str(entity_id), text, prev_hash)
    return {"seq": seq, "at": at, "user_id": user_id, "user_name": user_name, "action": action,
            "entity": entity, "entity_id": str(entity_id), "detail": text,
            "prev_hash": prev_hash, "hash": h}


def append(conn: Connection, actor: Actor | None, action: str, entity: str,
           entity_id, detail: dict | None = None) -> int:
    """Append one audit row inside the caller's transaction. Returns its seq."""
    head = conn.execute(select(audit_head.c.seq, audit_head.c.hash)
                        .where(audit_head.c.id == 1).with_for_update()).one()
    row = chained_row(head.seq, head.hash, actor, action, entity, entity_id, detail)
    conn.execute(audit_log.insert().values(**row))
    conn.execute(update(audit_head).where(audit_head.c.id == 1)
                 .values(seq=row["seq"], hash=row["hash"]))
    return row["seq"]


def verify(conn: Connection, batch: int = 50_000) -> str | None:
    """Walk the chain from the start. Returns the first breach, or None."""
    prev = GENESIS
    expected_seq = 1
    last_id = 0
    cols = audit_log.c
    while True:
        rows = conn.execute(
            select(cols.id, cols.seq, cols.at, cols.user_id, cols.user_name, cols.action,
                   cols.entity, cols.entity_id, cols.detail, cols.prev_hash, cols.hash)
            .where(cols.id > last_id).order_by(cols.id).limit(batch)).all()
        if not rows:
            break
        for r in rows:
            if r.seq != expected_seq:
                return f"audit log: row {expected_seq} is missing (found seq {r.seq})"
            if r.prev_hash != prev:
                return f"audit log: row {r.seq} does not follow row {r.seq - 1} (chain broken)"
            if row_hash(r.seq, r.at, r.user_id, r.user_name, r.action, r.entity, r.entity_id,
                        r.detail, r.prev_hash) != r.hash:
                return f"audit log: row {r.seq} ({r.action} {r.entity} {r.entity_id}) was altered"
            prev = r.hash
            expected_seq += 1
        last_id = rows[-1].id
    head = conn.execute(select(audit_head.c.seq, audit_head.c.hash)).one()
    if head.seq != expected_seq - 1 or head.hash != prev:
        return f"audit log: the chain ends at row {expected_seq - 1} but its head says {head.seq}"
    return None
