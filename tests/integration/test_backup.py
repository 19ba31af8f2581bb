"""Issue 10, durability: backups verified before they count, restores only from a
verified copy and after a safety copy, daily backups kept to a number, and no
SQLite shop on a network drive."""
from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import pytest
from sqlalchemy import func, select

from db import backup, clock
from db.check import check_books
from db.engine import make_engine
from db.errors import BooksError
from db.schema import documents


@pytest.fixture
def goods(shop):
    if shop.backend == "postgresql" and not shutil.which("pg_dump"):
        pytest.skip("PostgreSQL's client programs (pg_dump, pg_restore) are not installed")
    shop.product("A1", "9.90", name="海天酱油")
    shop.receive("Acme", ("A1", 20, "5.00"))
    shop.sell(("A1", 2))
    return shop


def _sales(shop) -> int:
    return shop.scalar(select(func.count()).select_from(documents)
                       .where(documents.c.kind == "sale"))


def test_backup_then_restore_brings_the_books_back(goods, cli, tmp_path):
    out = tmp_path / "copy.bak"
    code, text, err = cli("backup", str(out), "--json")
    assert code == 0, err
    done = json.loads(text)
    assert done["verified"] is True and Path(done["file"]) == out and done["bytes"] > 0
    assert not list(tmp_path.glob(".*.part"))                  # no temporary left behind
    goods.sell(("A1", 3))                                       # after the backup
    assert _sales(goods) == 2
    goods.engine.dispose()
    code, text, err = cli("restore", str(out), "--json")
    assert code == 0, err
    restored = json.loads(text)
    assert Path(restored["safety_copy"]).exists()
    engine = make_engine(goods.url)
    try:
        with engine.connect() as c:
            assert c.execute(select(func.count()).select_from(documents)
                             .where(documents.c.kind == "sale")).scalar() == 1
        assert check_books(engine) == []
    finally:
        engine.dispose()
    if goods.backend == "sqlite":                    # the safety copy holds the later sale
        safe = make_engine(f"sqlite:///{restored['safety_copy']}")
        try:
            with safe.connect() as c:
                assert c.execute(select(func.count()).select_from(documents)
                                 .where(documents.c.kind == "sale")).scalar() == 2
        finally:
            safe.dispose()


def test_a_damaged_copy_is_refused_and_nothing_changes(goods, cli, tmp_path):
    out = tmp_path / "copy.bak"
    assert cli("backup", str(out))[0] == 0
    bad = tmp_path / "bad.bak"
    data = bytearray(out.read_bytes())
    data[len(data) // 2: len(data) // 2 + 4096] = b"\x00" * 4096 if goods.backend == "sqlite" \
        else b"\xff" * 4096
    bad.write_bytes(bytes(data[: len(data) - 1000]))
    goods.engine.dispose()
    code, text, err = cli("restore", str(bad))
    assert code != 0 and "Traceback" not in err
    assert str(bad) in err or "bad.bak" in err
    assert _sales(goods) == 1                       # the shop as it was
    code, text, err = cli("restore", str(tmp_path / "none.bak"))
    assert code != 0 and "no such file" in err


def test_who_may_back_up_and_restore(goods, cli, tmp_path):
    goods.as_user("amy", "cashier", "till-pass-1")
    goods.as_user("wang", "manager", "boss-pass-1")
    code, _o, err = cli("backup", str(tmp_path / "a.bak"), user="amy", password="till-pass-1")
    assert code != 0 and "may not do this: backup" in err
    assert cli("backup", str(tmp_path / "m.bak"), user="wang", password="boss-pass-1")[0] == 0
    goods.engine.dispose()
    code, _o, err = cli("restore", str(tmp_path / "m.bak"), user="wang", password="boss-pass-1")
    assert code != 0 and "may not do this: restore" in err
    code, _o, err = cli("restore", str(tmp_path / "m.bak"), user="wang", password="wrong")
    assert code != 0 and "restore" not in err.split(":")[-1]     # refused at the sign-in


@pytest.mark.parametrize("backend", ["sqlite"])           # a file that is gone
def test_a_shop_whose_file_is_gone_is_restored_signing_in_against_the_copy(shop, cli,
                                                                          tmp_path):
    shop.product("A1", "9.90", name="海天酱油")
    out = tmp_path / "copy.bak"
    assert cli("backup", str(out))[0] == 0
    shop.engine.dispose()
    db = Path(make_engine(shop.url).url.database)
    for side in ("", "-wal", "-shm"):
        Path(f"{db}{side}").unlink(missing_ok=True)
    code, text, err = cli("restore", str(out), "--json")
    assert code == 0, err
    assert json.loads(text)["safety_copy"] is None          # nothing was there to keep
    assert check_books(make_engine(shop.url)) == []


def test_daily_backups_one_a_day_and_the_last_n_kept(goods, tmp_path):
    if goods.backend != "sqlite":
        assert backup.daily(goods.engine, tmp_path) is None       # pg_dump on a schedule
        return
    folder = tmp_path / "backups"
    try:
        made = []
        for day in range(5):
            clock.reset()
            clock.shift(dt.timedelta(days=day))
            made.append(backup.daily(goods.engine, folder, keep=3))
            assert backup.daily(goods.engine, folder, keep=3) is None    # one a day
    finally:
        clock.reset()
    assert all(m is not None and m["verified"] for m in made)
    kept = backup.backups_in(folder, Path(goods.engine.url.database).stem)
    assert [p.name for p, _ in kept] == [Path(m["file"]).name for m in made[:1:-1]]
    for p, _ in kept:
        backup.verify_sqlite(p)


def test_a_shop_on_a_network_drive_is_refused(tmp_path, monkeypatch):
    share = tmp_path / "share"
    share.mkdir()
    mounts = tmp_path / "mounts"
    mounts.write_text(f"/dev/sda1 / ext4 rw 0 0\n//server/shop {share} cifs rw 0 0\n")
    monkeypatch.setattr(backup, "_MOUNTS", str(mounts))
    assert backup.network_filesystem(share / "shop.db") == "cifs"
    assert backup.network_filesystem(tmp_path / "local.db") is None
    with pytest.raises(BooksError, match="network drive.*PostgreSQL"):
        make_engine(f"sqlite:///{share / 'shop.db'}")


@pytest.mark.parametrize("backend", ["sqlite"])    # (PostgreSQL: pg_dump's own snapshot)
def test_a_backup_while_the_tills_post_is_of_one_moment(goods, tmp_path):
    """Sales posted from another thread during the backup: the copy passes check and
    holds a whole number of them, none half-written."""
    import threading
    stop = threading.Event()

    def tills():
        while not stop.is_set():
            goods.sell(("A1", "0.001"))
    t = threading.Thread(target=tills)
    t.start()
    try:
        out = backup.backup(goods.engine, tmp_path / "busy.bak")
    finally:
        stop.set()
        t.join()
    copy = make_engine(f"sqlite:///{out['file']}")
    try:
        assert check_books(copy) == []
    finally:
        copy.dispose()
