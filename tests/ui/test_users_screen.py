"""The owner's Users screen and the change-password dialog, used as people use
them: a cashier locked out at the till and let back in, a new clerk added, a
password changed (and a typo in it caught)."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QComboBox, QDialog, QLineEdit

from db import users
from db.errors import SignInFailed
from desktop.ui.password_dialog import ChangePasswordDialog
from desktop.ui.sign_in import SignInDialog
from desktop.ui.users_screen import users_screen


def screen_for(qtbot, shop, actor=None):
    screen = users_screen(shop.engine, actor or shop.owner)
    qtbot.addWidget(screen)
    screen.show()
    return screen


def row_of(screen, name: str) -> dict[str, str]:
    table = screen.table
    heads = [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())]
    for r in range(table.rowCount()):
        if table.item(r, 0).text() == name:
            return {h: table.item(r, c).text() for c, h in enumerate(heads)}
    raise AssertionError(f"{name} is not listed")


def click_row(qtbot, screen, name: str) -> None:
    table = screen.table
    r = next(r for r in range(table.rowCount()) if table.item(r, 0).text() == name)
    rect = table.visualItemRect(table.item(r, 0))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert screen.current() == name


def sign_in_dialog(qtbot, shop, name: str, password: str) -> SignInDialog:
    dialog = SignInDialog(shop.engine, "Test Shop", name)
    qtbot.addWidget(dialog)
    dialog.password.setText(password)
    dialog.try_sign_in()
    return dialog


def when_modal(fill) -> None:
    """Calls fill(dialog) once the dialog opened by the next click is up."""
    def poll():
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(10, poll)
            return
        fill(dialog)
    QTimer.singleShot(0, poll)


def test_the_owner_unlocks_a_locked_cashier_who_then_signs_in(qtbot, shop):
    shop.books.add_user("amy", "cashier", "amy-pw-1")
    for _ in range(users.MAX_FAILURES):
        sign_in_dialog(qtbot, shop, "amy", "wrong")
    locked = sign_in_dialog(qtbot, shop, "amy", "amy-pw-1")
    assert locked.actor is None
    assert locked.error.text().startswith("Too many failed attempts: this account is locked until ")

    screen = screen_for(qtbot, shop)
    amy = row_of(screen, "amy")
    assert amy["Locked until"] != "" and amy["Failed sign-ins"] == "5"
    assert amy["Role"] == "cashier" and amy["Can sign in"] == "yes"
    click_row(qtbot, screen, "amy")
    assert screen.unlock_button.isEnabled()
    qtbot.mouseClick(screen.unlock_button, Qt.MouseButton.LeftButton)
    assert not screen.error.isVisible(), screen.error.text()
    assert screen.message.text() == "amy is unlocked and can sign in again."
    amy = row_of(screen, "amy")
    assert (amy["Locked until"], amy["Failed sign-ins"]) == ("", "")
    assert not screen.unlock_button.isEnabled()              # nothing left to unlock

    assert sign_in_dialog(qtbot, shop, "amy", "amy-pw-1").actor.name == "amy"


def test_the_owner_adds_a_clerk_through_the_dialog(qtbot, shop):
    screen = screen_for(qtbot, shop)
    seen = []

    def fill(dialog):
        dialog.findChild(QLineEdit, "name").setText("li")
        role = dialog.findChild(QComboBox, "role")
        role.setCurrentIndex(role.findData("clerk"))
        dialog.findChild(QLineEdit, "newPassword").setText("li-pass-1")
        dialog.findChild(QLineEdit, "repeatPassword").setText("li-pass-2")     # a typo
        dialog.ok_button.click()
        seen.append((dialog.isVisible(), dialog.error.text()))
        dialog.findChild(QLineEdit, "newPassword").setText("li-pass-1")
        dialog.findChild(QLineEdit, "repeatPassword").setText("li-pass-1")
        dialog.ok_button.click()
    when_modal(fill)
    qtbot.mouseClick(screen.add_button, Qt.MouseButton.LeftButton)
    assert seen == [(True, "The two passwords differ.")]
    assert screen.message.text() == "li can sign in now."
    assert (row_of(screen, "li")["Role"], screen.current()) == ("stock clerk", "li")
    assert users.sign_in(shop.engine, "li", "li-pass-1").role == "clerk"


def test_a_refusal_shows_on_the_screen(qtbot, shop):
    screen = screen_for(qtbot, shop)
    assert not screen.add_user("amy", "cashier", "abc")
    assert screen.error.isVisible() and "too short" in screen.error.text()
    assert [a.name for a in shop.books.list_users()] == [shop.owner.name]


def test_the_owner_changes_a_role_sets_a_password_and_deactivates(qtbot, shop):
    shop.books.add_user("amy", "cashier", "amy-pw-1")
    screen = screen_for(qtbot, shop)
    click_row(qtbot, screen, "amy")
    assert screen.change_role("manager")
    assert row_of(screen, "amy")["Role"] == "manager" and screen.current() == "amy"
    assert users.sign_in(shop.engine, "amy", "amy-pw-1").role == "manager"
    assert screen.set_password("amy-new-1")
    assert users.sign_in(shop.engine, "amy", "amy-new-1").name == "amy"
    assert screen.deactivate(ask=False)
    assert row_of(screen, "amy")["Can sign in"] == "no (deactivated)"
    assert not screen.deactivate_button.isEnabled()


def test_a_manager_does_not_see_the_accounts(qtbot, shop):
    manager = shop.as_user("mona", "manager")
    screen = screen_for(qtbot, shop, manager.actor)
    assert screen.table.rowCount() == 0
    assert screen.error.isVisible() and "may not do this: users" in screen.error.text()


def test_the_password_dialog_catches_a_typo_then_changes_the_password(qtbot, shop):
    amy = shop.as_user("amy", "cashier", "amy-pw-1")
    dialog = ChangePasswordDialog(shop.engine, amy.actor)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.old, "amy-pw-1")
    qtbot.keyClicks(dialog.new, "amy-pw-2")
    qtbot.keyClicks(dialog.repeat, "amy-pw-3")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and dialog.error.text() == "The two new passwords differ."
    assert users.sign_in(shop.engine, "amy", "amy-pw-1").name == "amy"       # unchanged

    qtbot.keyClicks(dialog.new, "amy-pw-2")
    qtbot.keyClicks(dialog.repeat, "amy-pw-2")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Accepted and not dialog.isVisible()
    assert users.sign_in(shop.engine, "amy", "amy-pw-2").name == "amy"
    with pytest.raises(SignInFailed):                       # the old one no longer
        users.sign_in(shop.engine, "amy", "amy-pw-1")


def test_the_password_dialog_refuses_a_wrong_current_password(qtbot, shop):
    amy = shop.as_user("amy", "cashier", "amy-pw-1")
    dialog = ChangePasswordDialog(shop.engine, amy.actor)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.old.setText("guess")
    dialog.new.setText("amy-pw-2")
    dialog.repeat.setText("amy-pw-2")
    assert not dialog.try_change()
    assert dialog.isVisible() and dialog.error.text() == "The current password is wrong."
    assert dialog.old.text() == "" and dialog.new.text() == "amy-pw-2"     # only that to retype
    assert users.sign_in(shop.engine, "amy", "amy-pw-1").name == "amy"
