"""The audit chain's row hash: deterministic, covering every field, stable format."""
from __future__ import annotations

import datetime as dt
import hashlib

from db.audit import GENESIS, dump_detail, row_hash

AT = dt.datetime(2026, 11, 25, 9, 30, 15, 123456)
ARGS = dict(seq=7, at=AT, user_id=1, user_name="boss", action="post", entity="sale",
            entity_id="XS20261125-0001", detail='{"total":"30.00"}', prev_hash=GENESIS)


def test_same_row_same_hash():
    assert row_hash(**ARGS) == row_hash(**dict(ARGS))
    h = row_hash(**ARGS)
    assert len(h) == 64 and all(c in "0123456789abcdef" for c in h)


def test_every_field_changes_the_hash():
    base = row_hash(**ARGS)
    changes = dict(seq=8, at=AT + dt.timedelta(microseconds=1), user_id=2, user_name="bos",
                   action="cancel", entity="return", entity_id="XS20261125-0002",
                   detail='{"total":"30.01"}', prev_hash="1" * 64)
    for field, value in changes.items():
        assert row_hash(**{**ARGS, field: value}) != base, field
    assert row_hash(**{**ARGS, "user_id": None}) != base


def test_fields_cannot_slide_into_each_other():
    a = row_hash(**{**ARGS, "action": "post", "entity": "sale"})
    b = row_hash(**{**ARGS, "action": "posts", "entity": "ale"})
    assert a != b


def test_hash_format_is_pinned():
    # Stored chains depend on this exact recipe: changing it breaks every shop's log.
    text = "\x1f".join(["7", "2026-11-25 09:30:15.123456", "1", "boss", "post", "sale",
                        "XS20261125-0001", '{"total":"30.00"}', GENESIS])
    assert row_hash(**ARGS) == hashlib.sha256(text.encode("utf-8")).hexdigest()


def test_detail_dump_is_canonical():
    assert dump_detail({"b": 1, "a": "海天"}) == dump_detail({"a": "海天", "b": 1})
    assert dump_detail({"a": "海天"}) == '{"a":"海天"}'
