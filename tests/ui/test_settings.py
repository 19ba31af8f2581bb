"""The Settings screen: this computer's database and language, the shop's details."""
from __future__ import annotations

import json
import sqlite3

import keyring
import pytest
from memory_keyring import MemoryKeyring  # tests/memory_keyring.py
from keyring.backends import fail
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtWidgets import QApplication, QCheckBox, QLabel, QLineEdit, QPushButton
from sqlalchemy.engine import make_url

from db import masters
from db.engine import read_connection
from db.migrate import head_revision
from desktop import config
from desktop.config import ConnectionProbe, DatabaseChoice
from desktop.ui import i18n
from desktop.ui.settings import SettingsScreen, ask_missing_password

pytestmark = pytest.mark.parametrize("backend", ["sqlite"])  # tests without a shop take it too

SERVICE = "Storekeeper"
DEAD_PORT = 1   # nothing listens on 127.0.0.1:1


@pytest.fixture(autouse=True)
def config_file(tmp_path, monkeypatch):
    path = tmp_path / "config" / "config.json"
    monkeypatch.setenv("STOREKEEPER_CONFIG", str(path))
    return path


@pytest.fixture(autouse=True)
def ring():
    before = keyring.get_keyring()
    memory = MemoryKeyring()
    keyring.set_keyring(memory)
    yield memory
    keyring.set_keyring(before)


def open_screen(qtbot, shop, actor=None, **kw) -> SettingsScreen:
    screen = SettingsScreen(shop.engine, actor or shop.owner, **kw)
    qtbot.addWidget(screen)
    screen.resize(1000, 700)
    screen.show()
    qtbot.waitExposed(screen)
    return screen


def find(screen, kind, name):
    widget = screen.findChild(kind, name)
    assert widget is not None, name
    return widget


def click(qtbot, screen, name):
    qtbot.mouseClick(find(screen, QPushButton, name), Qt.MouseButton.LeftButton)


def choose(qtbot, radio) -> None:
    """Click a radio button where a person would: on its circle."""
    qtbot.mouseClick(radio, Qt.MouseButton.LeftButton, pos=QPoint(8, radio.height() // 2))


def fill_server(screen, host="127.0.0.1", port=5432, database="shop", user="wang",
                password=""):
    find(screen, type(screen.kind_server), "dbKindServer").setChecked(True)
    find(screen, QLineEdit, "dbHost").setText(host)
    screen.db_port.setValue(port)
    find(screen, QLineEdit, "dbName").setText(database)
    find(screen, QLineEdit, "dbUser").setText(user)
    find(screen, QLineEdit, "dbPassword").setText(password)


def saved() -> dict:
    return json.loads(config.config_path().read_text(encoding="utf-8"))


# ---------------------------------------------------------------- database

def test_with_nothing_saved_it_shows_the_database_in_use(qtbot, shop):
    screen = open_screen(qtbot, shop, db_label="shop.db (in use)")
    assert screen.kind_file.isChecked() and not screen.kind_server.isChecked()
    assert screen.db_path.text() == shop.engine.url.database   # not some other default file
    assert find(screen, QLabel, "dbInUse").text() == "shop.db (in use)"
    assert screen.db_port.value() == 5432
    assert screen.db_password.echoMode() == QLineEdit.EchoMode.Password


def test_the_database_in_use_defaults_to_the_engine(qtbot, shop):
    screen = open_screen(qtbot, shop)
    assert screen.db_in_use.text() == shop.engine.url.database


def test_switching_kinds_enables_the_right_fields(qtbot, shop):
    screen = open_screen(qtbot, shop)
    server_fields = [screen.db_host, screen.db_port, screen.db_name, screen.db_user,
                     screen.db_password]
    assert screen.db_path.isEnabled() and screen.browse.isEnabled()
    assert not any(w.isEnabled() for w in server_fields)
    choose(qtbot, screen.kind_server)
    assert screen.kind_server.isChecked()
    assert all(w.isEnabled() for w in server_fields)
    assert not screen.db_path.isEnabled() and not screen.browse.isEnabled()
    choose(qtbot, screen.kind_file)
    assert screen.db_path.isEnabled() and not screen.db_host.isEnabled()


def test_testing_the_shop_file_shows_its_schema(qtbot, shop):
    screen = open_screen(qtbot, shop)
    screen.db_path.setText(shop.engine.url.database)
    click(qtbot, screen, "testConnection")
    result = find(screen, QLabel, "testResult")
    qtbot.waitUntil(lambda: result.text().startswith("Connected"), timeout=10_000)
    assert result.text() == f"Connected: SQLite {sqlite3.sqlite_version}, " \
                            f"schema {head_revision()}."
    assert "#1b7f3b" in result.styleSheet()
    assert screen.test_button.isEnabled()


def test_testing_a_dead_server_says_why_in_red(qtbot, shop):
    screen = open_screen(qtbot, shop)
    fill_server(screen, port=DEAD_PORT, password="pw")
    click(qtbot, screen, "testConnection")
    result = screen.test_result
    qtbot.waitUntil(lambda: result.text().startswith("Failed"), timeout=15_000)
    assert "cannot connect" in result.text() and "#b00020" in result.styleSheet()
    assert screen.test_button.isEnabled()


def test_an_incomplete_server_is_not_tried(qtbot, shop):
    screen = open_screen(qtbot, shop)
    fill_server(screen, database="")
    click(qtbot, screen, "testConnection")
    assert screen.test_result.text() == "Give the database's name."


def test_saving_a_server_writes_the_file_and_the_keyring(qtbot, shop, ring, config_file):
    screen = open_screen(qtbot, shop)
    fill_server(screen, host="192.168.1.10", port=5433, password="s3cret-Pw")
    click(qtbot, screen, "saveDatabase")
    assert saved()["database"] == {"kind": "postgresql", "host": "192.168.1.10", "port": 5433,
                                   "database": "shop", "user": "wang"}
    assert b"s3cret-Pw" not in config_file.read_bytes()
    assert ring.entries == {(SERVICE, "postgres://wang@192.168.1.10:5433/shop"): "s3cret-Pw"}
    assert screen.database_note.text() == \
        "Saved. The change takes effect the next time Storekeeper starts."
    assert screen.db_password.text() == ""     # not left on the screen
    assert config.configured_url() == "postgresql+psycopg://wang:s3cret-Pw@192.168.1.10:5433/shop"

    again = open_screen(qtbot, shop)           # what is saved is what is shown
    assert again.kind_server.isChecked()
    assert (again.db_host.text(), again.db_port.value(), again.db_name.text(),
            again.db_user.text()) == ("192.168.1.10", 5433, "shop", "wang")
    assert "keep the saved password" in again.db_password.placeholderText()

    click(qtbot, again, "saveDatabase")        # no new password: the saved one stays
    assert list(ring.entries.values()) == ["s3cret-Pw"]
    again.db_user.setText("li")                # another login: the old password goes
    again.db_password.setText("li-pw")
    click(qtbot, again, "saveDatabase")
    assert ring.entries == {(SERVICE, "postgres://li@192.168.1.10:5433/shop"): "li-pw"}
    choose(qtbot, again.kind_file)
    again.db_path.setText(str(config_file.parent / "shop.db"))
    click(qtbot, again, "saveDatabase")
    assert saved()["database"] == {"kind": "sqlite", "path": str(config_file.parent / "shop.db")}
    assert ring.entries == {}


def test_not_remembering_keeps_no_password(qtbot, shop, ring):
    screen = open_screen(qtbot, shop)
    fill_server(screen, password="pw")
    find(screen, QCheckBox, "rememberPassword").setChecked(False)
    click(qtbot, screen, "saveDatabase")
    assert saved()["database"]["user"] == "wang" and ring.entries == {}


def test_without_a_keyring_the_choice_is_saved_and_the_person_told(qtbot, shop, config_file):
    keyring.set_keyring(fail.Keyring())
    screen = open_screen(qtbot, shop)
    fill_server(screen, password="pw")
    click(qtbot, screen, "saveDatabase")
    assert saved()["database"]["host"] == "127.0.0.1"
    assert b"pw" not in config_file.read_bytes().replace(b"kind", b"")
    assert "The system keyring is not available: the password will be asked for at each " \
           "start." in screen.database_note.text()


def test_a_file_in_a_missing_folder_is_refused(qtbot, shop, tmp_path):
    screen = open_screen(qtbot, shop)
    screen.db_path.setText(str(tmp_path / "nowhere" / "shop.db"))
    click(qtbot, screen, "saveDatabase")
    assert "does not exist" in screen.database_note.text()
    assert not config.config_path().exists()


def test_a_damaged_settings_file_is_reported(qtbot, shop, config_file):
    config_file.parent.mkdir(parents=True)
    config_file.write_text("{oops")
    screen = open_screen(qtbot, shop)
    problem = find(screen, QLabel, "configProblem")
    assert problem.isVisible() and "damaged" in problem.text()
    assert screen.kind_file.isChecked()


# ---------------------------------------------------------------- language

def test_the_language_is_saved_for_the_next_start(qtbot, qapp, shop, monkeypatch):
    monkeypatch.delenv("STOREKEEPER_LANG", raising=False)
    screen = open_screen(qtbot, shop)
    combo = screen.language
    assert [combo.itemText(i) for i in range(combo.count())] == \
        ["System default", "简体中文", "English"]
    combo.setCurrentIndex(combo.findData("zh_CN"))
    click(qtbot, screen, "saveLanguage")
    assert saved()["language"] == "zh_CN"
    assert "next time" in screen.language_note.text()
    assert i18n.wanted_locale().name() == "zh_CN"
    assert i18n.install(qapp) == "zh_CN"
    monkeypatch.setenv("STOREKEEPER_LANG", "en")       # the environment still wins
    assert i18n.install(qapp) == "en"
    assert open_screen(qtbot, shop).language.currentData() == "zh_CN"


def test_saving_the_language_keeps_the_database(qtbot, shop):
    config.save(config.Config(database=DatabaseChoice("sqlite", path="/srv/shop.db")))
    screen = open_screen(qtbot, shop)
    screen.language.setCurrentIndex(screen.language.findData("en"))
    click(qtbot, screen, "saveLanguage")
    assert saved() == {"database": {"kind": "sqlite", "path": "/srv/shop.db"}, "language": "en"}


def test_a_broken_settings_file_never_stops_the_language(backend, monkeypatch, config_file):
    monkeypatch.delenv("STOREKEEPER_LANG", raising=False)
    config_file.parent.mkdir(parents=True)
    config_file.write_text("\x00")
    assert i18n.configured_language() == ""


# ---------------------------------------------------------------- shop details

def shop_setting(shop, key):
    with read_connection(shop.engine) as conn:
        return masters.get_setting(conn, key)


def test_shop_details_are_saved_in_the_books(qtbot, shop):
    screen = open_screen(qtbot, shop)
    assert screen.shop_name.text() == "Test Shop"
    names = []
    screen.shop_name_changed.connect(names.append)
    find(screen, QLineEdit, "shopName").setText("老王杂货店")
    find(screen, QLineEdit, "shopAddress").setText("解放路 12 号")
    find(screen, QLineEdit, "shopPhone").setText("0571-8888 6666")
    find(screen, QLineEdit, "shopTaxId").setText("91330100MA2XXXXX0X")
    click(qtbot, screen, "saveShop")
    assert screen.shop_note.text() == "Shop details saved."
    assert names == ["老王杂货店"]
    assert [shop_setting(shop, k) for k in ("shop_name", "shop_address", "shop_phone",
                                            "shop_tax_id")] == \
        ["老王杂货店", "解放路 12 号", "0571-8888 6666", "91330100MA2XXXXX0X"]

    shop.books.set_setting("shop_phone", "110")   # changed elsewhere
    screen.refresh()
    assert (screen.shop_name.text(), screen.shop_phone.text()) == ("老王杂货店", "110")
    screen.shop_address.setText("解放路 14 号")
    click(qtbot, screen, "saveShop")
    assert names == ["老王杂货店"]                 # the name did not change this time
    assert shop_setting(shop, "shop_address") == "解放路 14 号"


def test_a_shop_needs_a_name(qtbot, shop):
    screen = open_screen(qtbot, shop)
    screen.shop_name.clear()
    click(qtbot, screen, "saveShop")
    assert screen.shop_note.text() == "Give the shop a name."
    assert shop_setting(shop, "shop_name") == "Test Shop"


def test_a_cashier_sees_the_shop_details_but_cannot_change_them(qtbot, shop):
    shop.books.set_setting("shop_address", "解放路 12 号")
    cashier = shop.as_user("amy", "cashier").actor
    screen = open_screen(qtbot, shop, cashier)
    for name in ("shopName", "shopAddress", "shopPhone", "shopTaxId"):
        assert find(screen, QLineEdit, name).isReadOnly(), name
    assert screen.shop_address.text() == "解放路 12 号"
    assert not find(screen, QPushButton, "saveShop").isVisible()
    assert screen.shop_note.text() == "Only the owner can change the shop details."
    assert screen.save_shop() is False
    # this computer's choices are anyone's who can open the screen
    assert find(screen, QPushButton, "saveDatabase").isVisible()
    assert screen.db_host.isReadOnly() is False
    click(qtbot, screen, "saveLanguage")
    assert saved()["language"] == ""


def test_the_scale_label_layout_is_saved_and_used_by_the_counter(qtbot, shop):
    from db.counter import scale_layout
    screen = open_screen(qtbot, shop)
    assert screen.scale_prefixes.text() == "21-29"             # the default
    screen.scale_prefixes.setText("21, 22,28")
    screen.scale_value.setCurrentIndex(screen.scale_value.findData("price"))
    click(qtbot, screen, "saveScale")
    assert screen.scale_note.text() == "Scale label layout saved."
    with read_connection(shop.engine) as conn:
        layout = scale_layout(conn)
    assert set(layout.prefixes) == {"21", "22", "28"} and layout.value == "price"
    assert screen.scale_prefixes.text() == "21,22,28"
    screen.scale_prefixes.setText("19")                         # not an in-store prefix
    click(qtbot, screen, "saveScale")
    assert "19" in screen.scale_note.text()
    with read_connection(shop.engine) as conn:
        assert set(scale_layout(conn).prefixes) == {"21", "22", "28"}


# ---------------------------------------------------------------- start-up

def test_urls_needing_nothing_come_back_unchanged(qtbot, shop):
    assert ask_missing_password(shop.url) == shop.url
    with_pw = "postgresql+psycopg://u:pw@127.0.0.1:1/db"
    assert ask_missing_password(with_pw) == with_pw
    dead = f"postgresql+psycopg://u@127.0.0.1:{DEAD_PORT}/db"
    assert ask_missing_password(dead) == dead     # opening it reports why


def answer_password_dialog(qtbot, password, remember=True):
    def answer():
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(20, answer)
            return
        dialog.findChild(QLineEdit, "dbPassword").setText(password)
        dialog.findChild(QCheckBox, "rememberPassword").setChecked(remember)
        dialog.ok_button.click()
    QTimer.singleShot(0, answer)


def test_a_password_the_server_wants_is_asked_for_and_kept(backend, qtbot, ring, monkeypatch):
    tried = []
    monkeypatch.setattr(config, "password_refused", lambda url, timeout_s=5: True)

    def probe(url, timeout_s=5):
        tried.append(url)
        return ConnectionProbe(True, product="PostgreSQL 15.4", revision="0002")

    monkeypatch.setattr(config, "probe_connection", probe)
    answer_password_dialog(qtbot, "p@ss word")
    url = ask_missing_password("postgresql+psycopg://wang@db.local:5432/shop")
    parsed = make_url(url)
    assert (parsed.username, parsed.password, parsed.host, parsed.database) == \
        ("wang", "p@ss word", "db.local", "shop")
    assert [make_url(u).password for u in tried] == ["p@ss word"]
    assert ring.entries == {(SERVICE, "postgres://wang@db.local:5432/shop"): "p@ss word"}


def test_quitting_the_password_question_returns_none(backend, qtbot, ring, monkeypatch):
    monkeypatch.setattr(config, "password_refused", lambda url, timeout_s=5: True)

    def quit_dialog():
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(20, quit_dialog)
            return
        dialog.reject()
    QTimer.singleShot(0, quit_dialog)
    assert ask_missing_password("postgresql+psycopg://wang@db.local:5432/shop") is None
    assert ring.entries == {}


def test_tls_with_a_certificate_authority_is_saved_and_shown_again(qtbot, shop, ring, config_file):
    screen = open_screen(qtbot, shop)
    fill_server(screen, host="db.shop.lan", password="pw-1")
    assert not screen.db_ca.isEnabled()        # only with TLS on
    screen.db_tls.setChecked(True)
    assert screen.db_ca.isEnabled()
    screen.db_ca.setText(str(config_file.parent / "no-such-ca.crt"))
    click(qtbot, screen, "saveDatabase")
    assert "does not exist" in screen.database_note.text()
    ca = config_file.parent / "shop-ca.crt"
    ca.parent.mkdir(parents=True, exist_ok=True)
    ca.write_text("-----BEGIN CERTIFICATE-----\n")
    screen.db_ca.setText(str(ca))
    click(qtbot, screen, "saveDatabase")
    assert saved()["database"]["tls"] == "verify-full"
    assert saved()["database"]["ca_file"] == str(ca)
    url = config.configured_url()
    assert "sslmode=verify-full" in url and "sslrootcert=" in url
    again = open_screen(qtbot, shop)
    assert again.db_tls.isChecked() and again.db_ca.text() == str(ca)
