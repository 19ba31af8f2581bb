"""The PyInstaller bundle (packaging/storekeeper.spec) works on its own.

Runs dist/storekeeper/storekeeper as a shop would: --version, `init` on a new
SQLite file (and on PostgreSQL when $STOREKEEPER_TEST_PG is set), `gui --smoke`
offscreen, a sale's receipt printed as PDF with the embedded CJK font, and
looks inside: the Chinese catalogues, the font and its licence, the migrations,
Qt's plugins, no WebEngine or QtQuick, the whole under 250 MB.

Without a bundle every test skips, saying to run `make package`;
with STOREKEEPER_TEST_BUNDLE=1 (`make package-test`) a missing bundle fails.
"""
from __future__ import annotations

import importlib.util
import json
import os
import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SIZE_LIMIT_MB = 250       # the hard bar; the aim is 200
SMOKE_LIMIT_S = 60        # gui --smoke's own timeout is 60 s; it takes well under one


def _bench():
    spec = importlib.util.spec_from_file_location("bench_bundle",
                                                  ROOT / "packaging" / "bench_bundle.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


bench = _bench()
BUNDLE = bench.BUNDLE
PROGRAM = bench.executable(BUNDLE)
INSIDE = bench.contents(BUNDLE)


@pytest.fixture(scope="module", autouse=True)
def bundle() -> Path:
    if not PROGRAM.is_file():
        message = (f"no bundle at {PROGRAM.relative_to(ROOT)}: run `make package` to build it "
                   "(then `make package-test`)")
        if os.environ.get("STOREKEEPER_TEST_BUNDLE", "").strip() not in ("", "0"):
            pytest.fail(message + "; STOREKEEPER_TEST_BUNDLE is set, so it must exist",
                        pytrace=False)
        pytest.skip(message)
    stale = _newer_sources(PROGRAM.stat().st_mtime)
    if stale and os.environ.get("STOREKEEPER_TEST_BUNDLE", "").strip() in ("", "0"):
        pytest.skip(f"the bundle is older than {stale.relative_to(ROOT)}: run `make package` "
                    "to test what the sources are now")
    return PROGRAM


def _newer_sources(built: float) -> Path | None:
    """A source file changed since the bundle was built (a stale bundle left in
    dist/ would test yesterday's program), or None."""
    for top in ("db", "desktop", "resources", "main.py", "packaging/storekeeper.spec"):
        path = ROOT / top
        for f in ([path] if path.is_file() else path.rglob("*")):
            if f.is_file() and "__pycache__" not in f.parts and f.stat().st_mtime > built:
                return f
    return None


@pytest.fixture
def env(tmp_path) -> dict[str, str]:
    return bench.clean_env(tmp_path)


def sk(env: dict[str, str], *args: str, timeout: float = 120) -> subprocess.CompletedProcess:
    done = bench.run([str(PROGRAM), *args], env, timeout=timeout)
    assert "Traceback" not in done.stderr, done.stderr
    return done


def ok_json(done: subprocess.CompletedProcess):
    assert done.returncode == 0, f"{done.args[1:]} exited {done.returncode}: {done.stderr.strip()}"
    return json.loads(done.stdout.strip().splitlines()[-1])


def head_revision() -> str:
    """The newest migration of the source tree, read from the files (no Alembic here)."""
    revisions, parents = set(), set()
    for path in (ROOT / "db" / "migrations" / "versions").glob("*.py"):
        text = path.read_text(encoding="utf-8")
        revisions.add(re.search(r"^revision\s*=\s*['\"](\w+)['\"]", text, re.M).group(1))
        down = re.search(r"^down_revision\s*=\s*['\"](\w+)['\"]", text, re.M)
        if down:
            parents.add(down.group(1))
    heads = revisions - parents
    assert len(heads) == 1, heads
    return heads.pop()


# ---------------------------------------------------------------- running it

def test_version_is_the_projects(env):
    with open(ROOT / "pyproject.toml", "rb") as f:
        version = tomllib.load(f)["project"]["version"]
    done = sk(env, "--version")
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == f"storekeeper {version}"


def test_init_creates_the_shop_and_runs_again_as_an_upgrade(env, tmp_path):
    url = f"sqlite:///{(tmp_path / 'shop.db').as_posix()}"
    made = ok_json(sk(env, "init", "--db", url, "--shop", "老王杂货店", "--json"))
    assert made["created"] is True and made["schema"] == head_revision()
    again = ok_json(sk(env, "init", "--db", url, "--json"))
    assert again["created"] is False and again["schema"] == head_revision()
    assert ok_json(sk(env, "check", "--db", url, "--json"))["ok"] is True


def test_gui_smoke_paints_the_first_screen(env, tmp_path):
    url = bench.make_shop([str(PROGRAM)], tmp_path / "shop.db", env)
    shown = ok_json(sk(env, "--db", url, "gui", "--smoke", timeout=SMOKE_LIMIT_S + 30))
    assert set(shown) >= {"first_paint_ms", "rows_shown"}
    assert isinstance(shown["first_paint_ms"], int) and 0 < shown["first_paint_ms"] < SMOKE_LIMIT_S * 1000
    assert isinstance(shown["rows_shown"], int) and shown["rows_shown"] >= 0


def test_a_sale_prints_a_receipt_in_chinese_with_the_embedded_font(env, tmp_path):
    url = bench.make_shop([str(PROGRAM)], tmp_path / "shop.db", env)
    db = ("--db", url)
    ok_json(sk(env, "product", "add", *db, "--sku", "A1", "--name", "海天金标生抽",
               "--barcode", "6901234567892", "--price", "12.50", "--cost", "8", "--json"))
    ok_json(sk(env, "supplier", "add", *db, "调味品批发", "--json"))
    ok_json(sk(env, "post", "purchase-receipt", *db, "--supplier", "调味品批发",
               "--line", "A1:10:8", "--json"))
    sale = ok_json(sk(env, "post", "sale", *db, "--line", "6901234567892:2", "--json"))
    assert sale["total"] == "25.00"
    pdf = tmp_path / "receipt.pdf"
    printed = ok_json(sk(env, "print", "receipt", sale["number"], "-o", str(pdf), *db, "--json"))
    assert printed["number"] == sale["number"] and pdf.is_file()
    raw = pdf.read_bytes()
    assert raw.startswith(b"%PDF")
    assert b"WenQuanYiMicroHei" in raw and b"/FontFile2" in raw, "the CJK font is not embedded"
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True,
                              text=True, check=True).stdout
        assert "海天金标生抽" in text and "老王杂货店" in text and sale["number"] in text


@pytest.mark.pg
def test_init_on_postgresql(env, pg_server):
    name = pg_server.create()
    try:
        url = pg_server.url_for(name)
        made = ok_json(sk(env, "init", "--db", url, "--json"))
        assert made["created"] is True and made["schema"] == head_revision()
        assert ok_json(sk(env, "report", "stock", "--db", url, "--json")) == []
    finally:
        pg_server.drop(name)


# ---------------------------------------------------------------- what is inside

def test_the_chinese_catalogues_are_inside():
    ours = INSIDE / "resources" / "translations" / "storekeeper_zh_CN.qm"
    assert ours.is_file() and ours.stat().st_size > 1000
    assert not list((INSIDE / "resources" / "translations").glob("*.ts")), "sources shipped"
    qt = list(INSIDE.rglob("qtbase_zh_CN.qm"))
    assert qt, "Qt's own Chinese strings (OK, Cancel, ...) are missing"


def test_the_font_ships_with_its_licence():
    fonts = INSIDE / "resources" / "fonts"
    assert (fonts / "wqy-microhei.ttc").stat().st_size == \
        (ROOT / "resources" / "fonts" / "wqy-microhei.ttc").stat().st_size
    assert (fonts / "LICENSE-wqy-microhei.txt").is_file()


def test_every_migration_is_inside():
    source = ROOT / "db" / "migrations"
    inside = INSIDE / "db" / "migrations"
    assert (inside / "env.py").is_file()
    names = sorted(p.stem for p in (source / "versions").glob("*.py"))
    assert names == sorted(p.stem for p in (inside / "versions").glob("*.py"))
    # their bytecode too: a frozen app writes no __pycache__ and would compile them at each start
    assert names == sorted(p.name.split(".")[0] for p in (inside / "versions" / "__pycache__").glob("*.pyc"))


def test_icons_when_the_tree_has_them():
    icons = ROOT / "resources" / "icons"
    if not icons.is_dir():
        pytest.skip("resources/icons does not exist in this tree")
    assert sorted(p.name for p in icons.iterdir() if p.is_file()) == \
        sorted(p.name for p in (INSIDE / "resources" / "icons").iterdir())


def test_the_qt_plugins_needed_and_none_of_the_heavy_modules():
    plugins = next(INSIDE.rglob("plugins/platforms")).parent
    names = {p.name for p in plugins.rglob("*") if p.is_file()}
    if sys.platform.startswith("linux"):
        assert {"libqoffscreen.so", "libqxcb.so"} <= names
        assert "libcupsprintersupport.so" in names
    assert any("printsupport" in str(p.parent) for p in plugins.rglob("*") if p.is_file())
    assert any(n.startswith(("libqjpeg", "qjpeg")) for n in names)
    everything = [p.name for p in INSIDE.rglob("*")]
    for unwanted in ("WebEngine", "Qt6Quick", "Qt6Qml", "Qt6Multimedia", "Qt63D", "Qt6Designer",
                     "QtWebEngine", "QtQuick", "QtQml", "tkinter", "_tkinter", "libtk", "libtcl"):
        found = [n for n in everything if unwanted.lower() in n.lower()]
        assert not found, f"{unwanted} is in the bundle: {found[:5]}"


def test_the_bundle_stays_under_250_mb():
    size = bench.size_mb(BUNDLE)
    assert size <= SIZE_LIMIT_MB, f"the bundle takes {size} MB (limit {SIZE_LIMIT_MB})"
