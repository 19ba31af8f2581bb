"""Why stock was adjusted, and the adjustments by reason.

An adjustment (db.documents.adjustment) carries one of ADJUSTMENT_REASONS,
stored in the document's note as "<reason>" or "<reason>: <what happened>"
(the note column every document has, so the archive's copy of documents keeps
it). `reason_of` reads it back; a note from before reasons existed counts as
"other". `by_reason` sums a period's adjustments per reason: documents,
quantity up and down, and the stock value moved (cost: see-cost only).
"""
from __future__ import annotations

import datetime as dt

from sqlalchemy import Connection, select

from db.errors import BooksError
from db.schema import documents, stock_ledger

ADJUSTMENT_REASONS = ("damage", "expiry", "loss", "gift", "sample", "internal-use", "found",
                      "other")


def adjustment_reason(reason: str, note: str = "") -> tuple[str, str]:
    """(reason, the note to store) from what was typed: "damage", "Damage: two
    bottles broken", or a reason and a separate note."""
    text = " ".join((reason or "").split())
    code, _, rest = text.partition(":")
    code = code.strip().lower().replace("_", "-").replace(" ", "-")
    if code not in ADJUSTMENT_REASONS:
        shown = f"'{text}'" if text else "nothing"
        raise BooksError(f"an adjustment's reason is one of {', '.join(ADJUSTMENT_REASONS)} "
                         f"(with ': what happened' if you like), not {shown}")
    said = " ".join(filter(None, (rest.strip(), " ".join((note or "").split()))))
    return code, f"{code}: {said}" if said else code


def reason_of(note: str | None) -> str:
    code = (note or "").partition(":")[0].strip()
    return code if code in ADJUSTMENT_REASONS else "other"


def by_reason(conn: Connection, date_from: dt.date, date_to: dt.date) -> list[dict]:
    """[{"reason", "documents", "qty_in", "qty_out", "value"}] for every reason that
    occurred in the period (posted adjustments, cancelled ones and their reversals
    included: together they net to nothing), in ADJUSTMENT_REASONS order. qty in
    thousandths, value in fen (+ into stock, - out)."""
    if date_from > date_to:
        raise BooksError(f"the period starts ({date_from}) after it ends ({date_to})")
    D, L = documents.c, stock_ledger.c
    sums: dict[str, dict] = {}
    seen: dict[str, set] = {}
    rows = conn.execute(select(D.id, D.note, D.reverses_id, L.qty, L.value)
                        .join(stock_ledger, L.document_id == D.id)
                        .where(D.kind == "adjustment", D.doc_date >= date_from,
                               D.doc_date <= date_to))
    reversed_notes: dict[int, str] = {}
    for doc_id, note, reverses_id, qty, value in rows:
        if reverses_id is not None:      # a cancel: counts under its original's reason
            if reverses_id not in reversed_notes:
                reversed_notes[reverses_id] = conn.execute(
                    select(D.note).where(D.id == reverses_id)).scalar()
            note = reversed_notes[reverses_id]
        r = sums.setdefault(reason_of(note), {"documents": 0, "qty_in": 0, "qty_out": 0,
                                              "value": 0})
        seen.setdefault(reason_of(note), set()).add(doc_id)
        if qty >= 0:
            r["qty_in"] += qty
        else:
            r["qty_out"] -= qty
        r["value"] += value
    for reason, ids in seen.items():
        sums[reason]["documents"] = len(ids)
    return [{"reason": k, **sums[k]} for k in ADJUSTMENT_REASONS if k in sums]
