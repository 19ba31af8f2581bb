"""`gui --smoke`: offscreen, first paint timed, one JSON line, exit codes."""
from __future__ import annotations

import json

import pytest

from desktop.ui.app import main

pytestmark = pytest.mark.parametrize("backend", ["sqlite"])


@pytest.fixture(autouse=True)
def plain_env(monkeypatch):
    monkeypatch.setenv("STOREKEEPER_LANG", "en")
    monkeypatch.delenv("STOREKEEPER_PASSWORD", raising=False)
    monkeypatch.delenv("STOREKEEPER_DB", raising=False)


@pytest.mark.parametrize("screen", [None, "products", "customers"])
def test_smoke_prints_the_first_paint(qapp, stocked, capsys, screen):
    assert main(stocked.url, smoke=True, screen=screen) == 0
    out = capsys.readouterr().out.strip().splitlines()
    assert len(out) == 1
    result = json.loads(out[0])
    assert set(result) == {"first_paint_ms", "rows_shown"}
    assert result["first_paint_ms"] > 0
    assert result["rows_shown"] == (1 if screen == "customers" else 3)


def test_smoke_signs_in_with_the_password_when_given(qapp, shop, capsys, monkeypatch):
    monkeypatch.setenv("STOREKEEPER_PASSWORD", "not-the-password")
    assert main(shop.url, smoke=True) == 1
    captured = capsys.readouterr()
    assert captured.out == "" and "sign-in refused" in captured.err


def test_unknown_screen_is_wrong_usage(qapp, shop, capsys):
    assert main(shop.url, smoke=True, screen="teleporter") == 2
    err = capsys.readouterr().err
    assert "teleporter" in err and "stock" in err


def test_a_database_without_a_shop_is_refused(qapp, empty_db_url, capsys):
    assert main(empty_db_url, smoke=True) == 1
    assert "init" in capsys.readouterr().err
