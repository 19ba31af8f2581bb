"""The first start as a shop owner meets it: the language, the shop's details, the
demo shop, and what comes next (the dialog's basics: test_startup.py)."""
from __future__ import annotations

import json

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QDialog
from sqlalchemy import func, select

from db import masters, users
from db.schema import audit_log, products
from desktop import config
from desktop.ui import i18n
from desktop.ui.first_start import DEMO_OWNER, DEMO_PASSWORD, FirstStartDialog
from desktop.ui.sign_in import SignInDialog

pytestmark = pytest.mark.parametrize("backend", ["sqlite"])


@pytest.fixture(autouse=True)
def no_language_override(monkeypatch):
    """$STOREKEEPER_LANG would win over the saved choice at the next start."""
    monkeypatch.delenv("STOREKEEPER_LANG", raising=False)


def open_dialog(qtbot, engine) -> FirstStartDialog:
    dialog = FirstStartDialog(engine)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def choose_language(dialog: FirstStartDialog, code: str) -> None:
    dialog.language.setCurrentIndex(dialog.language.findData(code))


def fill_in(dialog: FirstStartDialog, shop="老王杂货店", owner="wang", password="s3cret",
            address="", phone="") -> None:
    dialog.shop_name.setText(shop)
    dialog.shop_address.setText(address)
    dialog.shop_phone.setText(phone)
    dialog.owner.setText(owner)
    dialog.password.setText(password)
    dialog.password2.setText(password)


def settings_audit(engine) -> list[tuple[str, str, dict]]:
    with engine.connect() as conn:
        rows = conn.execute(select(audit_log.c.user_name, audit_log.c.entity_id,
                                   audit_log.c.detail)
                            .where(audit_log.c.action == "setting.set")
                            .order_by(audit_log.c.seq)).all()
    return [(r.user_name, r.entity_id, json.loads(r.detail)) for r in rows]


# ---------------------------------------------------------------- the language

def test_the_language_is_preselected_from_the_screens_language(qtbot, qapp, empty_engine):
    assert open_dialog(qtbot, empty_engine).language.currentData() == "en"
    i18n.install(qapp, QLocale("zh_CN"))
    dialog = open_dialog(qtbot, empty_engine)
    assert dialog.language.currentText() == "简体中文"
    assert dialog.windowTitle() == "欢迎使用进销存"
    assert not config.config_path().exists()   # nothing chosen, nothing written


def test_choosing_chinese_switches_the_dialog_at_once_and_back(qtbot, empty_engine):
    dialog = open_dialog(qtbot, empty_engine)
    assert [dialog.language.itemText(i) for i in range(dialog.language.count())] == \
        ["简体中文", "English"]   # each language named in itself
    dialog.ok_button.click()   # no shop name: refused, in English for now
    assert dialog.error.text() == "Give the shop a name."

    choose_language(dialog, "zh_CN")
    assert dialog.windowTitle() == "欢迎使用进销存"
    assert dialog.intro.text().startswith("这个数据库里还没有店铺")
    assert (dialog.create_choice.text(), dialog.demo_choice.text()) == ("新建店铺", "打开演示店铺")
    assert dialog.form_labels[dialog.shop_name].text() == "店铺名称"
    assert dialog.form_labels[dialog.password2].text() == "再次输入密码"
    assert (dialog.ok_button.text(), dialog.quit_button.text()) == ("开始", "退出")
    assert "演示店铺有 300 种商品" in dialog.demo_text.text()
    assert dialog.owner.text() == "店主"                # the suggested name follows
    assert dialog.error.text() == "请填写店铺名称。"     # so does the refusal shown

    choose_language(dialog, "en")
    assert dialog.windowTitle() == "Welcome to Storekeeper"
    assert (dialog.create_choice.text(), dialog.ok_button.text()) == ("Create a new shop", "Start")
    assert dialog.form_labels[dialog.shop_name].text() == "Shop name"
    assert dialog.owner.text() == "owner"
    assert dialog.error.text() == "Give the shop a name."


def test_the_choice_is_kept_in_this_computers_settings(qtbot, empty_engine, tmp_path):
    kept = config.Config(database=config.DatabaseChoice("sqlite", path=str(tmp_path / "s.db")))
    config.save(kept)
    dialog = open_dialog(qtbot, empty_engine)
    choose_language(dialog, "zh_CN")
    saved = config.load()
    assert saved.language == "zh_CN" and not saved.problem
    assert saved.database == kept.database          # the rest of the settings as they were
    assert i18n.wanted_locale().name() == "zh_CN"   # what the next start installs
    choose_language(dialog, "en")
    assert config.load().language == "en"


def test_a_choice_that_cannot_be_kept_still_switches_the_dialog(qtbot, empty_engine, tmp_path,
                                                                  monkeypatch):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("")
    monkeypatch.setenv("STOREKEEPER_CONFIG", str(blocker / "config.json"))
    dialog = open_dialog(qtbot, empty_engine)
    choose_language(dialog, "zh_CN")
    assert dialog.windowTitle() == "欢迎使用进销存"
    assert dialog.error.isVisible()
    assert dialog.error.text().startswith(dialog.tr("The language could not be saved: {reason}")
                                          .split("{")[0])

def test_a_name_typed_over_is_not_replaced_by_the_translation(qtbot, empty_engine):
    dialog = open_dialog(qtbot, empty_engine)
    dialog.owner.setText("wang")
    choose_language(dialog, "zh_CN")
    assert dialog.owner.text() == "wang"


def test_the_dialog_follows_a_language_installed_while_it_is_open(qtbot, qapp, empty_engine):
    dialog = open_dialog(qtbot, empty_engine)
    i18n.install(qapp, QLocale("zh_CN"))
    qtbot.waitUntil(lambda: dialog.windowTitle() == "欢迎使用进销存")
    assert dialog.create_choice.text() == "新建店铺"


def test_the_sign_in_and_the_main_window_speak_the_language_chosen(qtbot, empty_engine,
                                                                   monkeypatch):
    """app.py's order: the first start, then the sign-in, then the main window."""
    from db.migrate import upgrade
    from desktop.ui import app
    from desktop.ui.main_window import MainWindow

    seen = {}

    def answer_first_start(dialog):
        choose_language(dialog, "zh_CN")
        fill_in(dialog, owner="wang")
        dialog.ok_button.click()
        seen["ready"] = (dialog.ok_button.text(), dialog.tr("Sign in"))  # once translated: 登录
        dialog.ok_button.click()
        return dialog.result()

    def answer_sign_in(dialog):
        seen["sign in"] = (dialog.windowTitle(), dialog.ok_button.text(), dialog.user.text())
        dialog.password.setText("s3cret")
        dialog.try_sign_in()
        return dialog.result()

    monkeypatch.setattr(FirstStartDialog, "exec", answer_first_start)
    monkeypatch.setattr(SignInDialog, "exec", answer_sign_in)
    upgrade(empty_engine)
    actor = app._interactive_sign_in(empty_engine)
    assert actor.name == "wang"
    assert seen["ready"][0] == seen["ready"][1]
    assert seen["sign in"] == ("登录", "登录", "wang")
    window = MainWindow(empty_engine, actor, "老王杂货店", "shop.db")
    qtbot.addWidget(window)
    names = [window.navigation.item(r).text() for r in range(window.navigation.count())]
    assert "导入" in names and "用户" in names and "Import" not in names


# ---------------------------------------------------------------- the new shop

def test_a_new_shop_keeps_its_address_and_phone_set_by_its_owner(qtbot, empty_engine):
    dialog = open_dialog(qtbot, empty_engine)
    assert dialog.shop_address.placeholderText() == "Optional: printed on receipts"
    fill_in(dialog, address="  北京市朝阳区建国路 88 号 ", phone="010-8888 6666")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.ready and not dialog.error.isVisible()
    with empty_engine.connect() as conn:
        assert masters.get_setting(conn, "shop_name") == "老王杂货店"
        assert masters.get_setting(conn, "shop_address") == "北京市朝阳区建国路 88 号"
        assert masters.get_setting(conn, "shop_phone") == "010-8888 6666"
    assert settings_audit(empty_engine) == [
        ("wang", "shop_name", {"old": None, "new": "老王杂货店"}),
        ("wang", "shop_address", {"old": None, "new": "北京市朝阳区建国路 88 号"}),
        ("wang", "shop_phone", {"old": None, "new": "010-8888 6666"}),
    ]


def test_address_and_phone_may_be_left_out(qtbot, empty_engine):
    dialog = open_dialog(qtbot, empty_engine)
    fill_in(dialog, shop="Corner shop")
    dialog.ok_button.click()
    assert dialog.ready
    with empty_engine.connect() as conn:
        assert masters.get_setting(conn, "shop_address") is None
        assert masters.get_setting(conn, "shop_phone") is None
    assert [key for _, key, _ in settings_audit(empty_engine)] == ["shop_name"]


def test_the_ready_page_says_what_comes_next_in_the_language_chosen(qtbot, empty_engine):
    dialog = open_dialog(qtbot, empty_engine)
    fill_in(dialog, owner="<wang>")
    dialog.ok_button.click()
    assert dialog.ready_heading.text() == "Your shop is ready."
    assert dialog.ready_text.text() == (
        "Next, sign in as <b>&lt;wang&gt;</b>. Then bring in your old books from "
        "<b>Import</b> and add your staff in <b>Users</b>.")
    assert dialog.ok_button.text() == "Sign in" and dialog.ok_button.isDefault()
    choose_language(dialog, "zh_CN")
    assert dialog.ok_button.text() == dialog.tr("Sign in")   # the catalogue's, once translated
    dialog.ok_button.click()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.owner_name == "<wang>"


# ---------------------------------------------------------------- the demo shop

def test_the_demo_shop_is_built_for_real_and_its_sign_in_works(qtbot, empty_engine):
    """The real seed (a few seconds): progress shown, then the sign-in it names."""
    dialog = open_dialog(qtbot, empty_engine)
    choose_language(dialog, "zh_CN")
    assert f"<b>{DEMO_OWNER}</b>" in dialog.demo_text.text()
    assert f"<b>{DEMO_PASSWORD}</b>" in dialog.demo_text.text()
    dialog.demo_choice.setChecked(True)
    assert not dialog.form_page.isEnabled()
    dialog.ok_button.click()
    assert dialog.progress.isVisible() and not dialog.language.isEnabled()
    assert dialog.progress.format() == "正在生成演示店铺：%p%"
    qtbot.waitUntil(lambda: dialog.ready, timeout=120_000)
    assert not dialog.progress.isVisible() and not dialog.error.isVisible()
    assert dialog.ready_page.isVisible() and dialog.demo and dialog.owner_name == DEMO_OWNER
    dialog.ok_button.click()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert users.sign_in(empty_engine, DEMO_OWNER, DEMO_PASSWORD).role == "owner"
    with empty_engine.connect() as conn:
        assert masters.get_setting(conn, "shop_name") == "演示店铺"
        assert conn.execute(select(func.count()).select_from(products)).scalar() == 300

