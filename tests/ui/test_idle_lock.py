"""The window locks after idle time (issue 10): the screens out of sight, nothing
behind the lock takes a key, the signed-in user's password opens it with the
sale in progress as it was; wrong passwords count toward the lockout."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from db import security
from db.errors import BooksError
from desktop.ui.main_window import MainWindow

pytestmark = pytest.mark.parametrize("backend", ["sqlite"])

NOODLES = "A002"


def open_window(qtbot, shop, books, screen="counter") -> MainWindow:
    window = MainWindow(shop.engine, books.actor, "老王杂货店", "shop.db", screen=screen)
    qtbot.addWidget(window)
    window.resize(1200, 700)
    window.show()
    qtbot.waitExposed(window)
    return window


@pytest.fixture
def cashier(stocked):
    return stocked.as_user("xiaoli", "cashier", "till-pass-1")


def test_idle_time_locks_the_window_and_the_password_opens_it_as_it_was(qtbot, stocked, cashier):
    stocked.books.set_setting(security.IDLE_KEY, "1")
    window = open_window(qtbot, stocked, cashier)
    lock = window.idle_lock
    assert lock.minutes == 1
    counter = window.current_screen()
    qtbot.waitUntil(lambda: counter.scan.hasFocus())
    qtbot.keyClicks(counter.scan, NOODLES)
    qtbot.keyClick(counter.scan, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: counter.cart.rowCount() == 1)

    lock.check()                               # not idle yet: nothing happens
    assert not lock.is_locked
    lock._last_input -= 61                     # a minute and a second without input
    lock.check()
    assert lock.is_locked
    panel = lock._panel
    assert panel.isVisible() and panel.isModal()
    assert not counter.isVisible()             # the sale is out of sight
    assert window.centralWidget() is lock._blank
    assert not window.statusBar().isVisible()
    # the screens' shortcuts (Ctrl+1 ...) are off while locked
    shortcuts = list(lock._shortcuts)
    assert shortcuts and all(not s.isEnabled() for s in shortcuts)

    qtbot.keyClicks(panel.password, "wrong-one")
    qtbot.keyClick(panel.password, Qt.Key.Key_Return)
    assert lock.is_locked and panel.error.text() == "Wrong password."
    assert panel.password.text() == ""

    qtbot.keyClicks(panel.password, "till-pass-1")
    qtbot.mouseClick(panel.unlock_button, Qt.MouseButton.LeftButton)
    assert not lock.is_locked
    assert counter.isVisible() and counter.cart.rowCount() == 1   # the sale as it was
    assert window.statusBar().isVisible()
    assert all(s.isEnabled() for s in shortcuts)


def test_wrong_passwords_at_the_lock_lock_the_account(qtbot, stocked, cashier):
    window = open_window(qtbot, stocked, cashier, screen="stock")
    window.idle_lock.lock()
    panel = window.idle_lock._panel
    for _ in range(5):
        panel.password.setText("guess")
        window.idle_lock.try_unlock()
    panel.password.setText("till-pass-1")      # right, but the account is locked now
    assert not window.idle_lock.try_unlock()
    assert "locked" in panel.error.text()


def test_escape_does_not_open_it_and_sign_out_is_offered(qtbot, stocked, cashier):
    window = open_window(qtbot, stocked, cashier, screen="stock")
    window.idle_lock.lock()
    panel = window.idle_lock._panel
    qtbot.keyClick(panel, Qt.Key.Key_Escape)
    assert window.idle_lock.is_locked and panel.isVisible()
    with qtbot.waitSignal(window.sign_out_requested, timeout=2000):
        qtbot.mouseClick(panel.sign_out_button, Qt.MouseButton.LeftButton)


def test_never_when_the_setting_is_zero_and_the_setting_is_checked(qtbot, stocked, cashier):
    stocked.books.set_setting(security.IDLE_KEY, "0")
    window = open_window(qtbot, stocked, cashier, screen="stock")
    window.idle_lock._last_input -= 10 * 3600
    window.idle_lock.check()
    assert not window.idle_lock.is_locked
    for bad in ("-1", "481", "ten"):
        with pytest.raises(BooksError, match="idle_lock_minutes"):
            stocked.books.set_setting(security.IDLE_KEY, bad)


def test_the_owner_sets_the_idle_time_in_settings_and_the_window_takes_it(qtbot, stocked):
    window = open_window(qtbot, stocked, stocked.books, screen="settings")
    box = window.current_screen().security
    box.idle.setValue(5)
    assert box.save_idle()
    assert window.idle_lock.minutes == 5
    with stocked.engine.connect() as conn:
        assert security.idle_minutes(conn) == 5


def test_the_owner_closes_the_books_in_settings(qtbot, stocked):
    import datetime as dt

    from PySide6.QtCore import QDate

    from db import clock, periods
    window = open_window(qtbot, stocked, stocked.books, screen="settings")
    box = window.current_screen().security
    day = clock.today() - dt.timedelta(days=3)
    box.closed.setChecked(True)
    box.closed_date.setDate(QDate(day.year, day.month, day.day))
    assert box.save_period()
    with stocked.engine.connect() as conn:
        assert periods.closed_through(conn) == day
    assert f"{day.month}/{day.day}/{day.year}" in box.message.text()      # en_US, as shown
    future = clock.today() + dt.timedelta(days=2)
    box.closed_date.setDate(QDate(future.year, future.month, future.day))
    assert not box.save_period()                # only days gone by
    assert "after today" in box.error.text()
    box.closed.setChecked(False)
    assert box.save_period()
    with stocked.engine.connect() as conn:
        assert periods.closed_through(conn) is None


def test_a_manager_sees_the_security_settings_but_cannot_change_them(qtbot, stocked):
    manager = stocked.as_user("wang", "manager", "boss-pass-1")
    window = open_window(qtbot, stocked, manager, screen="settings")
    box = window.current_screen().security
    assert not box.idle.isEnabled() and not box.save_period_button.isEnabled()
