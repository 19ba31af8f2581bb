"""Issue 10, crash safety: the program killed with SIGKILL while it posts leaves
whole books (tests/benchmarks/crash_harness.py; a few rounds here, hundreds there)."""
from __future__ import annotations

import signal
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))

import crash_harness  # noqa: E402

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="SIGKILL is POSIX")


def test_killed_while_posting_the_books_stay_whole(empty_db_url, tmp_path):
    crash_harness.prepare(empty_db_url)
    result = crash_harness.rounds(empty_db_url, kills=4, workdir=tmp_path, seed=7)
    assert result["problems"] == []
    assert result["kills"] == 4 and result["posted"] > 20      # it was killed mid-stream


def test_the_checks_see_a_partial_document(empty_db_url, tmp_path):
    """The harness's checks can fail: a document left without its lines is named."""
    from sqlalchemy import delete, select

    from db.engine import make_engine
    from db.schema import document_lines, documents
    crash_harness.prepare(empty_db_url)
    engine = make_engine(empty_db_url)
    try:
        with engine.begin() as c:
            doc = c.execute(select(documents.c.id, documents.c.number)
                            .where(documents.c.kind == "purchase-receipt")).first()
            c.execute(delete(document_lines).where(document_lines.c.document_id == doc.id))
    finally:
        engine.dispose()
    found = crash_harness.whole(empty_db_url, [doc.number])
    assert any("without lines" in p and doc.number in p for p in found)
    assert crash_harness.whole(empty_db_url, ["XS19990101-0001"]) != []    # posted, then lost
