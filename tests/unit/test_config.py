"""This computer's settings file, the keyring and trying a database (desktop.config)."""
from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path

import keyring
import pytest
from memory_keyring import MemoryKeyring  # tests/memory_keyring.py
from keyring.backends import fail
from sqlalchemy.engine import make_url

from desktop import config
from desktop.config import (Config, DatabaseChoice, KeyringUnavailable, configured_url,
                            keyring_key, probe_connection)
from desktop.config import test_connection as try_database

ODD_USER = "wang@shop:1/a"
ODD_PASSWORD = "p@ss:w/o#rd%?& 密码"
SERVER = DatabaseChoice("postgresql", host="192.168.1.10", port=5433, database="shop",
                        user="wang")


@pytest.fixture(autouse=True)
def config_file(tmp_path, monkeypatch) -> Path:
    path = tmp_path / "settings" / "config.json"
    monkeypatch.setenv("STOREKEEPER_CONFIG", str(path))
    return path


@pytest.fixture
def memory_keyring():
    before = keyring.get_keyring()
    ring = MemoryKeyring()
    keyring.set_keyring(ring)
    yield ring
    keyring.set_keyring(before)


@pytest.fixture
def no_keyring():
    before = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    yield
    keyring.set_keyring(before)


# ---------------------------------------------------------------- where the file is

def test_the_file_is_where_storekeeper_config_says(config_file):
    assert config.config_path() == config_file


@pytest.mark.skipif(os.name == "nt" or sys.platform == "darwin", reason="the Linux layout")
def test_the_file_is_in_the_xdg_config_folder(tmp_path):
    assert config.config_path({"XDG_CONFIG_HOME": str(tmp_path)}) == \
        tmp_path / "storekeeper" / "config.json"
    assert config.config_path({}) == Path.home() / ".config" / "storekeeper" / "config.json"


@pytest.mark.skipif(os.name == "nt", reason="a POSIX home")
def test_on_a_mac_the_shop_lives_beside_the_settings(monkeypatch):
    """Both in ~/Library/Application Support/storekeeper, where a Mac keeps an
    app's data (not ~/.local/share, which no Mac user looks in)."""
    from db import engine
    monkeypatch.setattr(sys, "platform", "darwin")
    assert engine.default_db_path() == \
        Path.home() / "Library" / "Application Support" / "storekeeper" / "shop.db"
    assert config.config_path({}).parent == engine.default_db_path().parent


# ---------------------------------------------------------------- load and save

def test_no_file_gives_the_defaults(config_file):
    cfg = config.load()
    assert (cfg.database, cfg.language, cfg.problem) == (None, "", "")
    assert cfg.path == config_file and not config_file.exists()


@pytest.mark.parametrize("choice", [
    DatabaseChoice("sqlite", path="/srv/shop/shop.db"),
    SERVER,
    DatabaseChoice("postgresql", host="db.local", port=5432, database="店", user="老王"),
])
def test_save_and_load_round_trip(config_file, choice):
    path = config.save(Config(database=choice, language="zh_CN"))
    assert path == config_file
    cfg = config.load()
    assert (cfg.database, cfg.language, cfg.problem) == (choice, "zh_CN", "")
    data = json.loads(config_file.read_text(encoding="utf-8"))
    assert data["database"]["kind"] == choice.kind
    assert [p.name for p in config_file.parent.iterdir()] == ["config.json"]  # no temp file left


def test_save_replaces_the_file_and_keeps_keys_it_does_not_know(config_file):
    config_file.parent.mkdir(parents=True)
    config_file.write_text(json.dumps({"language": "en", "window": {"w": 800}}))
    cfg = config.load()
    cfg.database = DatabaseChoice("sqlite", path="/tmp/x.db")
    config.save(cfg)
    data = json.loads(config_file.read_text())
    assert data == {"window": {"w": 800}, "language": "en",
                    "database": {"kind": "sqlite", "path": "/tmp/x.db"}}


@pytest.mark.parametrize("content", [b"{not json", b"\xff\xfe\x00garbage", b"[1, 2]", b"42"])
def test_a_damaged_file_loads_as_the_defaults_and_says_so(config_file, content):
    config_file.parent.mkdir(parents=True)
    config_file.write_bytes(content)
    cfg = config.load()
    assert (cfg.database, cfg.language) == (None, "")
    assert str(config_file) in cfg.problem and "defaults" in cfg.problem
    assert "\n" not in cfg.problem and "Traceback" not in cfg.problem


def test_an_unreadable_file_loads_as_the_defaults(config_file):
    config_file.mkdir(parents=True)   # a folder where the file should be
    cfg = config.load()
    assert cfg.database is None and "could not be read" in cfg.problem
    with pytest.raises(config.ConfigError, match="could not be saved"):
        config.save(Config(language="en"))


@pytest.mark.parametrize("database, why", [
    ({"kind": "oracle"}, "unknown database kind"),
    ({"kind": "postgresql", "host": "h", "port": "5432"}, "port"),
    ({"kind": "postgresql", "host": "h", "port": 70000}, "port"),
    ({"kind": "sqlite", "path": 3}, "not text"),
    ({"kind": "postgresql", "host": "h", "user": "u", "password": "x"}, "password"),
    ("sqlite", "not an object"),
])
def test_a_wrong_database_is_ignored_and_named(config_file, database, why):
    config_file.parent.mkdir(parents=True)
    config_file.write_text(json.dumps({"database": database, "language": "zh_CN"}))
    cfg = config.load()
    assert cfg.database is None and cfg.language == "zh_CN"
    assert why in cfg.problem


def test_an_unknown_language_is_ignored(config_file):
    config_file.parent.mkdir(parents=True)
    config_file.write_text(json.dumps({"language": "klingon"}))
    cfg = config.load()
    assert cfg.language == "" and "klingon" in cfg.problem
    with pytest.raises(config.ConfigError):
        config.save(Config(language="klingon"))


# ---------------------------------------------------------------- URLs and labels

def test_a_file_url():
    choice = DatabaseChoice("sqlite", path="/srv/my shop/shop.db")
    assert choice.url() == "sqlite:////srv/my shop/shop.db"
    assert make_url(choice.url()).database == "/srv/my shop/shop.db"
    assert choice.label() == "/srv/my shop/shop.db"
    assert DatabaseChoice("sqlite").url() == f"sqlite:///{config.default_db_path()}"


def test_odd_users_and_passwords_are_quoted_in_the_url():
    choice = DatabaseChoice("postgresql", host="db.local", port=5432, database="shop",
                            user=ODD_USER)
    url = choice.url(ODD_PASSWORD)
    assert url.startswith("postgresql+psycopg://wang%40shop%3A1%2Fa:")
    parsed = make_url(url)
    assert (parsed.username, parsed.password, parsed.host, parsed.port, parsed.database) == \
        (ODD_USER, ODD_PASSWORD, "db.local", 5432, "shop")
    assert make_url(choice.url(None)).password is None
    assert DatabaseChoice.from_url(url) == choice


def test_the_label_never_shows_a_password():
    assert SERVER.label() == "PostgreSQL wang@192.168.1.10:5433/shop"
    assert "secret" not in SERVER.label()


def test_the_keyring_key():
    assert keyring_key(SERVER) == "postgres://wang@192.168.1.10:5433/shop"


# ---------------------------------------------------------------- the keyring

def test_the_password_goes_to_the_keyring_and_never_to_the_file(config_file, memory_keyring):
    config.save(Config(database=SERVER))
    config.save_password(SERVER, ODD_PASSWORD)
    raw = config_file.read_bytes()
    for form in (ODD_PASSWORD, "p@ss", "p%40ss"):
        assert form.encode() not in raw
    assert "password" not in raw.decode()
    assert memory_keyring.entries == {("Storekeeper", "postgres://wang@192.168.1.10:5433/shop"):
                                      ODD_PASSWORD}
    assert config.load_password(SERVER) == ODD_PASSWORD
    config.forget_password(SERVER)
    assert config.load_password(SERVER) is None
    config.forget_password(SERVER)  # forgetting twice is fine


def test_no_keyring_says_so_clearly(no_keyring):
    for call in (lambda: config.save_password(SERVER, "pw"), lambda: config.load_password(SERVER),
                 lambda: config.forget_password(SERVER)):
        with pytest.raises(KeyringUnavailable) as caught:
            call()
        assert caught.value.message == str(caught.value) == (
            "the system keyring is not available: the password will be asked for at each start")
        assert "backend" in caught.value.detail   # what keyring said, for a tooltip


# ---------------------------------------------------------------- what the app opens

def test_nothing_configured_opens_the_default_file():
    assert configured_url() is None


def test_a_configured_file_is_opened():
    config.save(Config(database=DatabaseChoice("sqlite", path="/srv/shop.db")))
    assert configured_url() == "sqlite:////srv/shop.db"


def test_a_configured_server_comes_with_its_password_from_the_keyring(memory_keyring):
    config.save(Config(database=SERVER))
    assert make_url(configured_url()).password is None     # none kept: the app asks
    config.save_password(SERVER, ODD_PASSWORD)
    parsed = make_url(configured_url())
    assert (parsed.username, parsed.password, parsed.host) == ("wang", ODD_PASSWORD, "192.168.1.10")


def test_without_a_keyring_the_server_comes_without_a_password(no_keyring):
    config.save(Config(database=SERVER))
    assert configured_url() == "postgresql+psycopg://wang@192.168.1.10:5433/shop"


def test_configured_url_reads_the_file_the_environment_names(tmp_path):
    other = tmp_path / "other.json"
    config.save(Config(database=DatabaseChoice("sqlite", path="/other.db")), other)
    assert configured_url({"STOREKEEPER_CONFIG": str(other)}) == "sqlite:////other.db"
    assert configured_url() is None


# ---------------------------------------------------------------- trying a database

@pytest.mark.parametrize("url", [
    "postgresql+psycopg://postgres@127.0.0.1:1/postgres",        # nothing listens there
    "postgresql+psycopg://postgres@no-such-host.invalid:5432/postgres",
])
def test_an_unreachable_server_fails_quickly_with_one_line(url):
    started = time.perf_counter()
    ok, message = try_database(url, timeout_s=2)
    assert time.perf_counter() - started < 10
    assert ok is False and message.startswith("cannot connect: ")
    assert "\n" not in message and "sqlalche.me" not in message


@pytest.mark.parametrize("url", ["garbage", "mysql://u@h/db", "sqlite://"])
def test_no_url_makes_it_raise(url):
    ok, message = try_database(url)
    assert ok is False and message


def test_a_shop_file(sqlite_template):
    from db.migrate import head_revision

    ok, message = try_database(f"sqlite:///{sqlite_template}")
    assert ok and message.startswith("connected: SQLite 3.")
    assert message.endswith(f"schema {head_revision()}")


def test_a_file_not_yet_made_is_fine_and_not_made(tmp_path):
    path = tmp_path / "new.db"
    ok, message = try_database(f"sqlite:///{path}")
    assert ok and "new shop" in message
    assert not path.exists()
    ok, message = try_database(f"sqlite:///{tmp_path / 'missing' / 'new.db'}")
    assert not ok and "does not exist" in message


def test_a_file_that_is_not_a_database(tmp_path):
    path = tmp_path / "notes.db"
    path.write_text("shopping list: rice, oil" * 100)
    ok, message = try_database(f"sqlite:///{path}")
    assert not ok and "not a database" in message


def test_password_refusals_are_told_apart():
    refusal = config._is_password_refusal
    assert refusal(Exception(), 'connection to server at "h", port 5432 failed: FATAL: '
                                'password authentication failed for user "wang"')
    assert refusal(Exception(), 'connection to server at "h", port 5432 failed: '
                                'fe_sendauth: no password supplied')
    assert not refusal(Exception(), 'connection to server at "h", port 5432 failed: '
                                    'Connection refused')
    assert not refusal(Exception(), 'FATAL: database "x" does not exist')
    assert config.password_refused("sqlite:////tmp/x.db") is False
    assert config.password_refused("postgresql+psycopg://u@127.0.0.1:1/db", 2) is False


@pytest.mark.pg
def test_a_postgresql_server(pg_server, pg_template):
    from db.migrate import head_revision

    admin = pg_server.url.render_as_string(hide_password=False)
    ok, message = try_database(admin)
    assert ok and message.startswith("connected: PostgreSQL "), message
    assert message.endswith("no shop in it yet") or "schema" in message
    probe = probe_connection(pg_server.url_for(pg_template))
    assert probe.ok and probe.revision == head_revision()
    assert config.password_refused(admin) is False
    ok, message = try_database(pg_server.url_for("sk_no_such_database"))
    assert not ok and "does not exist" in message


def test_a_printer_per_kind_of_document_is_kept_and_read_back(config_file):
    chosen = Config(printers={"invoice": "HP LaserJet 中文", "labels": "Zebra ZD230"})
    config.save(chosen)
    assert json.loads(config_file.read_text(encoding="utf-8"))["printers"] == {
        "invoice": "HP LaserJet 中文", "labels": "Zebra ZD230"}
    again = config.load()
    assert again.printers == chosen.printers and again.problem == ""


def test_printers_that_are_not_names_are_ignored_and_said(config_file):
    config_file.parent.mkdir(parents=True, exist_ok=True)
    config_file.write_text(json.dumps({"language": "en", "printers": ["HP"]}), encoding="utf-8")
    loaded = config.load()
    assert loaded.printers == {} and loaded.language == "en"
    assert "printers are ignored" in loaded.problem
