"""The help on F1 (desktop/ui/help.py): every screen's own help opens on F1 and on
the Help button; for every role and screen the keys it lists are the keys the
screen has -- every shortcut named exists on the screen and every shortcut on the
screen is named, no key is bound twice -- every key a screen reads itself (the
till's Enter, a list's Enter) does what the help says when pressed, and every
button the text names is on the screen; the idle lock turns F1 off; F5 reaches
the screen that uses it."""
from __future__ import annotations

from typing import Callable

import pytest
from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import QAbstractButton, QApplication, QComboBox, QGroupBox, QLabel, QWidget

from db.audit import Actor
from desktop.ui.help import PAYMENT, RETURN, SCREEN, WINDOW, ScreenHelp, screen_help
from desktop.ui.main_window import MainWindow
from desktop.ui.screens import SCREENS, screens_for

pytestmark = pytest.mark.parametrize("backend", ["sqlite"])

ROLES = ["owner", "manager", "cashier", "clerk", "bookkeeper"]
# every screen of every role, as (role, screen key)
EVERY = [(role, spec.key) for role in ROLES for spec in screens_for(Actor(0, "", role))]

PORTABLE = QKeySequence.SequenceFormat.PortableText

# Buttons a help's text names that are not on the screen itself, by screen key, with where.
ELSEWHERE = {
    "purchasing": {"Receive…"},                 # on an order's window, opened from the list
}

# Shortcuts on a screen that its help leaves out on purpose, by screen key, with why.
# (None today: every shortcut of every screen is for the people using it.)
UNLISTED: dict[str, set[str]] = {}


# ---------------------------------------------------------------- helpers

def open_window(qtbot, shop, actor=None, **kw) -> MainWindow:
    window = MainWindow(shop.engine, actor or shop.owner, "老王杂货店", "shop.db", **kw)
    qtbot.addWidget(window)
    window.resize(1280, 720)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    return window


def press(qtbot, window: MainWindow, key) -> None:
    """A key as a person presses it: into whatever has the focus in the window."""
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(QApplication.focusWidget() or window, key)


def press_seq(qtbot, widget: QWidget, portable: str) -> None:
    """The key a help names (portable text, e.g. "Enter", "Del"), pressed on widget."""
    combo = QKeySequence(portable)[0]
    qtbot.keyClick(widget, combo.key(), combo.keyboardModifiers())


def titles(window: MainWindow) -> list[str]:
    return [SCREENS[k].title() for k in window.visible]


def help_of(window: MainWindow, key: str) -> ScreenHelp:
    return screen_help(key, window.actor, titles(window))


def documented(h: ScreenHelp, scope: str, typed: bool | None = None) -> set[str]:
    return {seq.toString(PORTABLE) for row in h.keys_of(scope)
            if typed is None or row.typed == typed for seq in row.keys}


def bound_keys(root: QWidget, visible_only: bool = False) -> dict[str, list[QObject]]:
    """Every key bound in root's widget tree: enabled QShortcuts, enabled QActions'
    shortcuts and enabled buttons' shortcuts; portable text -> what binds it.
    visible_only: only those Qt would fire now (their widget shown)."""
    found: dict[str, list[QObject]] = {}

    def add(seq: QKeySequence, owner: QObject, widget: QObject | None) -> None:
        if seq.isEmpty() or (visible_only and not (isinstance(widget, QWidget)
                                                   and widget.isVisible())):
            return
        found.setdefault(seq.toString(PORTABLE), []).append(owner)

    for s in root.findChildren(QShortcut):
        if s.isEnabled():
            for seq in s.keys():
                add(seq, s, s.parent())
    widgets = [root, *root.findChildren(QWidget)]
    actions = {a: w for w in widgets for a in w.actions()}
    for a in root.findChildren(QAction):
        parent = a.parent()
        actions.setdefault(a, parent if isinstance(parent, QWidget) else None)
    for a, w in actions.items():
        if a.isEnabled():
            for seq in a.shortcuts():
                add(seq, a, w)
    for b in root.findChildren(QAbstractButton):
        if b.isEnabled():
            add(b.shortcut(), b, b)
    return found


def window_shortcuts(window: MainWindow) -> dict[str, QShortcut]:
    """The window's own shortcuts (not its screens')."""
    direct = Qt.FindChildOption.FindDirectChildrenOnly
    return {s.key().toString(PORTABLE): s for s in window.findChildren(QShortcut, options=direct)}


def build_everything(screen: QWidget, key: str) -> None:
    """Reports are built one by one as they are picked: build them all."""
    if key == "reports":
        for i in range(screen.picker.count()):
            screen.show_report(i)
        screen.show_report(0)


def settle(qtbot, screen) -> None:
    qtbot.waitUntil(lambda: not screen.model.loading and screen.model.total >= 0, timeout=10_000)


# ---------------------------------------------------------------- (a) F1 opens the screen's help

@pytest.mark.parametrize("key", list(SCREENS))
def test_f1_opens_the_help_of_the_screen_shown(qtbot, stocked, key):
    window = open_window(qtbot, stocked)
    window.open_screen(key)
    press(qtbot, window, Qt.Key.Key_F1)
    dialog = window.help_dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    title = SCREENS[key].title()
    h = help_of(window, key)
    assert dialog.windowTitle() == f"Help: {title}"
    shown = dialog.text()
    assert shown.startswith(title)
    assert h.text in shown
    assert 3 <= h.sentences <= 6, "a few plain sentences"
    for group in h.groups:
        assert group.heading in shown and group.note in shown
        assert group.keys or group.empty in shown
        for row in group.keys:
            assert row.text() in shown and row.does in shown
    assert "Keys everywhere in the window" in shown and "F1" in shown
    qtbot.keyClick(dialog.browser, Qt.Key.Key_Escape)
    assert not dialog.isVisible()


def test_the_help_button_opens_the_help_and_another_screen_gets_its_own(qtbot, stocked):
    window = open_window(qtbot, stocked)
    assert window.help_button.isVisible()
    qtbot.mouseClick(window.help_button, Qt.MouseButton.LeftButton)
    dialog = window.help_dialog
    qtbot.waitUntil(dialog.isVisible)
    assert dialog.windowTitle() == "Help: Stock"
    assert not dialog.isModal()                  # the screen stays usable beside it
    window.activateWindow()
    window.open_screen("products")
    press(qtbot, window, Qt.Key.Key_F1)
    assert window.help_dialog is dialog and dialog.windowTitle() == "Help: Products"
    assert "New product…" in dialog.text()       # a button named as the screen names it
    room = dialog.screen().availableGeometry()
    assert dialog.width() <= room.width() and dialog.height() <= room.height()


# ---------------------------------------------------------------- (b) the keys are the screen's

def as_role(shop, role: str):
    return shop.owner if role == "owner" else shop.as_user(f"u-{role}", role).actor


@pytest.mark.parametrize("role, key", EVERY)
def test_the_help_lists_exactly_the_shortcuts_of_its_screen(qtbot, stocked, role, key):
    window = open_window(qtbot, stocked, as_role(stocked, role))
    screen = window.open_screen(key)
    build_everything(screen, key)
    h = help_of(window, key)
    listed = documented(h, SCREEN, typed=False)
    bound = set(bound_keys(screen)) - UNLISTED.get(key, set())
    assert listed <= bound, f"the help of {key} names keys that do nothing: {listed - bound}"
    assert bound <= listed, f"{key} has shortcuts its help does not list: {bound - listed}"
    # and no key is bound twice where both would fire (Qt then fires neither)
    for i in range(screen.picker.count()) if key == "reports" else [None]:
        if i is not None:
            screen.show_report(i)
        assert twice(window, screen) == {}, (key, i)


def twice(window: MainWindow, screen: QWidget) -> dict[str, list]:
    """Keys bound more than once among the screen's shown widgets and the window's own."""
    active: dict[str, list] = {}
    for k, owners in [*bound_keys(screen, visible_only=True).items(),
                      *((k, [s]) for k, s in window_shortcuts(window).items())]:
        active.setdefault(k, []).extend(owners)
    return {k: v for k, v in active.items() if len(v) > 1}


@pytest.mark.parametrize("role, key", EVERY)
def test_the_buttons_a_help_names_are_on_its_screen(qtbot, stocked, role, key):
    window = open_window(qtbot, stocked, as_role(stocked, role))
    screen = window.open_screen(key)
    build_everything(screen, key)
    shown = {w.text() for w in screen.findChildren(QAbstractButton)}
    shown |= {w.text() for w in screen.findChildren(QLabel)}
    shown |= {w.title() for w in screen.findChildren(QGroupBox)}
    for box in screen.findChildren(QComboBox):
        shown |= {box.itemText(i) for i in range(box.count())}
    h = help_of(window, key)
    assert 3 <= h.sentences <= 6, "a few plain sentences"
    assert set(h.names) - ELSEWHERE.get(key, set()) <= shown


def test_the_window_keys_in_the_help_are_the_windows(qtbot, stocked):
    window = open_window(qtbot, stocked)
    assert len(window.visible) == 13
    shortcuts = window_shortcuts(window)
    assert set(shortcuts) == {f"Ctrl+{n}" for n in range(1, 10)} | {"F1"}
    assert all(s.isEnabled() for s in shortcuts.values())
    for key in SCREENS:
        h = help_of(window, key)
        assert documented(h, WINDOW, typed=False) == set(shortcuts)
        # F5 is the screen's own on the till (hold) and in the reports (show)
        assert ("F5" in documented(h, WINDOW, typed=True)) == (key not in ("counter", "reports"))
    (go,) = [row for row in help_of(window, "stock").keys_of(WINDOW) if row.span]
    assert go.text() == "Ctrl+1 … Ctrl+9"
    assert go.does.startswith("go to Counter, Purchasing, Approvals, Stock,")
    # the tenth screen on has no key (there is no Ctrl+10), and no tooltip saying one
    assert window.navigation.item(8).toolTip() == "Ctrl+9"
    assert window.navigation.item(9).toolTip() == ""
    qtbot.keyClick(QApplication.focusWidget() or window, Qt.Key.Key_9,
                   Qt.KeyboardModifier.ControlModifier)
    assert window.current_key() == "reports"


@pytest.mark.parametrize("scope", [PAYMENT, RETURN])
def test_the_keys_of_the_counters_payment_and_return_windows(qtbot, stocked, scope):
    from desktop.ui.counter_money import PaymentDialog, ReturnDialog
    if scope == PAYMENT:
        dialog = PaymentDialog(stocked.books, [], 1250, customer=None, credit=None,
                               authorised_by=None)
    else:
        dialog = ReturnDialog(stocked.books, stocked.engine, lambda conn: None)
    qtbot.addWidget(dialog)
    h = screen_help("counter", stocked.owner)
    assert documented(h, scope) == set(bound_keys(dialog))


# ---------------------------------------------------------------- keys a screen reads itself

def _till(qtbot, window):
    counter = window.open_screen("counter")
    qtbot.waitUntil(lambda: counter.scan.hasFocus())
    return counter


def _scan(qtbot, counter, *codes: str) -> None:
    for code in codes:
        qtbot.keyClicks(counter.scan, code)
        qtbot.keyClick(counter.scan, Qt.Key.Key_Return)


def check_till_enter(qtbot, window, shop) -> None:
    counter = _till(qtbot, window)
    qtbot.keyClicks(counter.scan, "A001")
    press_seq(qtbot, counter.scan, "Enter")
    assert counter.cart.rowCount() == 1


def check_till_arrows(qtbot, window, shop) -> None:
    counter = _till(qtbot, window)
    _scan(qtbot, counter, "A001", "A002")
    assert counter.current_row() == 1
    press_seq(qtbot, counter.scan, "Up")
    assert counter.current_row() == 0
    press_seq(qtbot, counter.scan, "Down")
    assert counter.current_row() == 1


def check_till_delete(qtbot, window, shop) -> None:
    counter = _till(qtbot, window)
    _scan(qtbot, counter, "A001", "A002")
    press_seq(qtbot, counter.scan, "Del")
    assert counter.cart.rowCount() == 1


def check_till_escape(qtbot, window, shop) -> None:
    counter = _till(qtbot, window)
    qtbot.keyClicks(counter.scan, "690")
    press_seq(qtbot, counter.scan, "Esc")
    assert counter.scan.text() == ""


def _enter_on_row(qtbot, window, key: str, pick: Callable = lambda screen: 0):
    screen = window.open_screen(key)
    settle(qtbot, screen)
    screen.view.selectRow(pick(screen))
    screen.view.setFocus()
    press_seq(qtbot, screen.view, "Enter")
    return screen


def _opened(qtbot, dialog) -> None:
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    dialog.reject()


def check_products_enter(qtbot, window, shop) -> None:
    screen = _enter_on_row(qtbot, window, "products")
    _opened(qtbot, screen.editor)


def check_customers_enter(qtbot, window, shop) -> None:
    screen = _enter_on_row(qtbot, window, "customers")
    _opened(qtbot, screen.editor)


def check_suppliers_enter(qtbot, window, shop) -> None:
    screen = _enter_on_row(qtbot, window, "suppliers")
    _opened(qtbot, screen.editor)


def check_purchasing_enter(qtbot, window, shop) -> None:
    from desktop.ui.purchasing import OrderView
    shop.books.post_purchase_order("海天味业", [shop.line("A001", "5", "8.00")])
    screen = window.open_screen("purchasing")
    screen.refresh()

    def order_row(s):
        return next(r for r in range(s.model.rowCount())
                    if s.model.value(r, "kind") == "purchase-order")
    screen = _enter_on_row(qtbot, window, "purchasing", order_row)
    assert isinstance(getattr(screen, "dialog", None), OrderView)
    _opened(qtbot, screen.dialog)


def check_audit_enter(qtbot, window, shop) -> None:
    screen = window.open_screen("audit")
    settle(qtbot, screen)
    screen.view.selectRow(0)
    screen.detail.clear()
    screen.view.setFocus()
    press_seq(qtbot, screen.view, "Enter")
    assert screen.detail.toPlainText() and screen.detail.hasFocus()


def check_window_refresh(qtbot, window, shop) -> None:
    stock = window.open_screen("stock")
    settle(qtbot, stock)
    refreshed = []
    stock.refresh = lambda: refreshed.append(1)
    for widget in (stock.view, stock.search, window.navigation):
        widget.setFocus()
        press_seq(qtbot, widget, "F5")
    assert refreshed == [1, 1, 1]


# (screen key, or "window") and the key as the help names it -> a check that presses it
TYPED: dict[tuple[str, str], Callable] = {
    ("counter", "Enter"): check_till_enter,
    ("counter", "Up"): check_till_arrows,
    ("counter", "Down"): check_till_arrows,
    ("counter", "Del"): check_till_delete,
    ("counter", "Esc"): check_till_escape,
    ("products", "Enter"): check_products_enter,
    ("customers", "Enter"): check_customers_enter,
    ("suppliers", "Enter"): check_suppliers_enter,
    ("purchasing", "Enter"): check_purchasing_enter,
    ("audit", "Enter"): check_audit_enter,
    ("window", "F5"): check_window_refresh,
}


def test_every_key_a_screen_reads_itself_has_its_check(qtbot, stocked):
    window = open_window(qtbot, stocked)
    named = set()
    for key in SCREENS:
        h = help_of(window, key)
        named |= {(key, k) for k in documented(h, SCREEN, typed=True)}
        named |= {("window", k) for k in documented(h, WINDOW, typed=True)}
    assert named == set(TYPED)


@pytest.mark.parametrize("where, key", list(TYPED))
def test_a_key_the_help_names_does_what_it_says(qtbot, stocked, where, key):
    window = open_window(qtbot, stocked)
    TYPED[(where, key)](qtbot, window, stocked)


# ---------------------------------------------------------------- (c) the cashier, F5, the lock

def test_a_cashiers_f1_opens_the_counters_help(qtbot, stocked):
    cashier = stocked.as_user("till", "cashier").actor
    window = open_window(qtbot, stocked, cashier, screen="counter")
    counter = window.current_screen()
    qtbot.waitUntil(lambda: counter.scan.hasFocus())
    press(qtbot, window, Qt.Key.Key_F1)
    dialog = window.help_dialog
    qtbot.waitUntil(dialog.isVisible)
    assert dialog.windowTitle() == "Help: Counter"
    text = dialog.text()
    assert text.startswith("Counter\nThe till, for ringing up a customer's goods")
    assert "Ctrl+1 … Ctrl+4" in text
    assert "go to Counter, Stock, Products, Customers, in the order of the list" in text
    assert "In the payment window" in text
    qtbot.keyClick(dialog.browser, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    qtbot.waitUntil(lambda: window.isActiveWindow() and counter.scan.hasFocus())
    _scan(qtbot, counter, "A001")                     # back at the till, the scanner works
    assert counter.cart.rowCount() == 1
    # the cashier's customers: nothing opens on Enter, and the help says no such thing
    assert "Enter" not in documented(help_of(window, "customers"), SCREEN)
    assert [s.key for s in screens_for(cashier)] == window.visible


def test_f5_on_the_till_holds_the_sale_though_the_window_refreshes_on_f5(qtbot, stocked):
    window = open_window(qtbot, stocked, screen="counter")
    counter = _till(qtbot, window)
    _scan(qtbot, counter, "A001")
    press(qtbot, window, Qt.Key.Key_F5)               # hold: no longer two F5s cancelling out
    qtbot.waitUntil(lambda: counter.cart.rowCount() == 0)
    assert len(stocked.books.held_sales()) == 1


def test_the_idle_lock_closes_the_help_and_turns_f1_off(qtbot, stocked):
    window = open_window(qtbot, stocked)
    stock = window.current_screen()
    dialog = window.show_help()
    qtbot.waitUntil(dialog.isVisible)
    window.idle_lock.lock()
    assert not dialog.isVisible()
    assert not window.help_shortcut.isEnabled()
    refreshed = []
    stock.refresh = lambda: refreshed.append(1)
    qtbot.keyClick(window, Qt.Key.Key_F1)
    qtbot.keyClick(window, Qt.Key.Key_F5)
    assert window.show_help() is None
    assert not dialog.isVisible() and refreshed == []
    window.idle_lock.unlock()
    assert window.help_shortcut.isEnabled()
    press(qtbot, window, Qt.Key.Key_F1)
    qtbot.waitUntil(dialog.isVisible)


def test_signing_out_closes_the_help(qtbot, stocked):
    window = open_window(qtbot, stocked)
    dialog = window.show_help()
    qtbot.waitUntil(dialog.isVisible)
    window.sign_out_requested.emit()
    assert not dialog.isVisible()
