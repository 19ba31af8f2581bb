"""First start (a new shop or the demo shop) and sign-in, as a person would do them."""
from __future__ import annotations

import sys
import threading
import types

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

import db
from db import masters, users
from db.migrate import current_revision, upgrade
from desktop.ui.first_start import DEMO_OWNER, DEMO_PASSWORD, FirstStartDialog
from desktop.ui.sign_in import SignInDialog

pytestmark = pytest.mark.parametrize("backend", ["sqlite"])


def owner_and_shop(engine):
    with engine.connect() as conn:
        return users.owner(conn), masters.get_setting(conn, "shop_name")


def test_first_start_creates_the_shop_and_its_owner(qtbot, empty_engine):
    dialog = FirstStartDialog(empty_engine)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.shop_name.setText("老王杂货店")  # QTest types ASCII only
    dialog.owner.clear()
    qtbot.keyClicks(dialog.owner, "wang")
    qtbot.keyClicks(dialog.password, "s3cret")
    qtbot.keyClicks(dialog.password2, "s3cret")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    # the shop is there; the dialog says what comes next, its button goes on to the sign-in
    assert dialog.ready and dialog.ready_page.isVisible() and not dialog.choose_page.isVisible()
    assert dialog.ready_heading.text() == "Your shop is ready."
    assert "<b>wang</b>" in dialog.ready_text.text() and "Import" in dialog.ready_text.text()
    assert dialog.ok_button.text() == "Sign in" and not dialog.quit_button.isVisible()
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.owner_name == "wang"
    owner, shop_name = owner_and_shop(empty_engine)
    assert (owner.name, owner.role, shop_name) == ("wang", "owner", "老王杂货店")
    assert users.sign_in(empty_engine, "wang", "s3cret").name == "wang"


def test_first_start_refuses_two_different_passwords(qtbot, empty_engine):
    dialog = FirstStartDialog(empty_engine)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.shop_name, "Corner shop")
    qtbot.keyClicks(dialog.password, "s3cret")
    qtbot.keyClicks(dialog.password2, "secret")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.error.isVisible() and dialog.error.text() == "The two passwords differ."
    assert current_revision(empty_engine) is None  # nothing written, not even the schema


def test_demo_shop_is_seeded_off_the_gui_thread(qtbot, empty_engine, monkeypatch):
    calls = []
    release = threading.Event()

    def fake_seed(engine, actor, progress, **kw):
        calls.append((actor.name, kw, threading.current_thread() is threading.main_thread()))
        progress(1250, 5000)
        release.wait(5)

    fake = types.ModuleType("db.seed")
    fake.seed = fake_seed
    monkeypatch.setitem(sys.modules, "db.seed", fake)
    monkeypatch.setattr(db, "seed", fake, raising=False)

    dialog = FirstStartDialog(empty_engine)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.demo_choice.setChecked(True)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.progress.isVisible() and not dialog.buttons.isEnabled()
    qtbot.waitUntil(lambda: dialog.progress.value() == 1250)
    assert dialog.progress.maximum() == 5000
    dialog.reject()  # cannot be closed half way
    assert dialog.isVisible()
    release.set()
    qtbot.waitUntil(lambda: dialog.ready)
    assert dialog.ready_heading.text() == "The demo shop is ready."
    assert f"<b>{DEMO_PASSWORD}</b>" in dialog.ready_text.text()
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert calls == [(DEMO_OWNER, dict(products=300, customers=40, sales_lines=5000,
                                        days=90, seed=1), False)]
    assert not dialog.progress.isVisible()
    assert users.sign_in(empty_engine, DEMO_OWNER, DEMO_PASSWORD).role == "owner"
    assert owner_and_shop(empty_engine)[1] == "Demo shop"


def test_demo_failure_is_shown_not_swallowed(qtbot, empty_engine, monkeypatch):
    def broken_seed(engine, actor, progress, **kw):
        raise RuntimeError("disk full")

    fake = types.ModuleType("db.seed")
    fake.seed = broken_seed
    monkeypatch.setitem(sys.modules, "db.seed", fake)
    monkeypatch.setattr(db, "seed", fake, raising=False)
    dialog = FirstStartDialog(empty_engine)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.demo_choice.setChecked(True)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.error.isVisible())
    assert "disk full" in dialog.error.text()
    assert dialog.buttons.isEnabled() and dialog.result() != QDialog.DialogCode.Accepted


def test_sign_in_failure_shows_a_message_and_stays_open(qtbot, shop):
    dialog = SignInDialog(shop.engine, "Test Shop", shop.owner.name)
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.error.isVisible()
    qtbot.keyClicks(dialog.password, "wrong-password")
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    assert dialog.isVisible() and dialog.actor is None
    assert dialog.error.isVisible()
    assert dialog.error.text() == "Unknown user or wrong password."
    assert dialog.password.text() == ""


def test_sign_in_with_the_right_password(qtbot, shop):
    shop.as_user("till", "cashier", "till-pass")
    dialog = SignInDialog(shop.engine, "Test Shop")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.user, "till")
    qtbot.keyClicks(dialog.password, "till-pass")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert (dialog.actor.name, dialog.actor.role) == ("till", "cashier")


def test_a_locked_account_says_so(qtbot, shop):
    shop.as_user("till", "cashier", "till-pass")
    for _ in range(users.MAX_FAILURES):
        with pytest.raises(Exception):
            users.sign_in(shop.engine, "till", "nope")
    dialog = SignInDialog(shop.engine, "Test Shop", "till")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.password, "till-pass")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.actor is None
    assert "locked" in dialog.error.text()


def test_a_new_database_goes_through_first_start_then_sign_in(qtbot, empty_engine, monkeypatch):
    """The start-up flow of `make run`, with each dialog answered as a person would."""
    from desktop.ui import app

    seen = []

    def answer_first_start(dialog):
        seen.append("first start")
        dialog.shop_name.setText("Corner shop")
        dialog.password.setText("s3cret")
        dialog.password2.setText("s3cret")
        dialog.ok_button.click()    # Start: the shop is made
        dialog.ok_button.click()    # Sign in
        return dialog.result()

    def answer_sign_in(dialog):
        seen.append(("sign in", dialog.user.text()))
        dialog.password.setText("s3cret")
        dialog.try_sign_in()
        return dialog.result()

    monkeypatch.setattr(FirstStartDialog, "exec", answer_first_start)
    monkeypatch.setattr(SignInDialog, "exec", answer_sign_in)
    upgrade(empty_engine)  # main() brings the schema to head before this step
    actor = app._interactive_sign_in(empty_engine)
    assert seen == ["first start", ("sign in", "owner")]
    assert (actor.name, actor.role) == ("owner", "owner")
    # the second start goes straight to sign-in
    seen.clear()
    assert app._interactive_sign_in(empty_engine).name == "owner"
    assert seen == [("sign in", "owner")]
