"""Short help per screen, opened with F1 (or the status bar's Help button).

For every screen of screens.SCREENS: what it is for and how the usual task
goes, in a few plain sentences for the shop's staff (only what the signed-in
role can do there), then the keys of that screen and the keys that work
everywhere in the window. The texts name the buttons through the very
strings the screens show (same context, same source), so a translation names
them as the screen does; each sentence is its own string, joined by a
translatable pattern (Chinese puts no space between sentences).

The keys listed are kept honest by tests/ui/test_help.py: every key a help
names exists on its screen (a QShortcut, a QAction's or a button's shortcut,
or -- `typed=True` -- a key the screen's own key handling reads, each checked
by pressing it), every shortcut on a screen is listed in its help, and every
button a text names is on the screen.
"""
from __future__ import annotations

import html
from dataclasses import dataclass
from typing import Callable, Sequence

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QFont, QFontMetrics, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from db.audit import Actor
from db.permissions import may

translate = QCoreApplication.translate
NATIVE = QKeySequence.SequenceFormat.NativeText

# scopes of a group of keys: where its keys work
SCREEN, WINDOW = "screen", "window"
PAYMENT, RETURN = "payment", "return"        # the counter's payment and return windows


@dataclass(frozen=True)
class Key:
    """One row of a keys table: the key (or keys) and what it does.

    typed: read by the screen's own key handling (the scan line's Enter, a list's
    Enter), not by a shortcut object. span: a run of keys (Ctrl+1 … Ctrl+9), shown
    as its first and last."""
    keys: tuple[QKeySequence, ...]
    does: str
    typed: bool = False
    span: bool = False

    def text(self) -> str:
        """The key as the platform shows it (Ctrl+F, F5, Del, ⌘F on a Mac)."""
        shown = [k.toString(NATIVE) for k in self.keys]
        if self.span and len(shown) > 1:
            return f"{shown[0]} … {shown[-1]}"
        return " / ".join(shown)


@dataclass(frozen=True)
class KeyGroup:
    heading: str
    keys: tuple[Key, ...]
    scope: str = SCREEN
    empty: str = ""                   # said instead of an empty table
    note: str = ""                    # a sentence under the heading


@dataclass(frozen=True)
class ScreenHelp:
    key: str                          # the screen's key in SCREENS
    title: str
    text: str                         # plain text
    rich: str                         # the same, the buttons' names in bold (HTML)
    names: tuple[str, ...]            # the names of buttons and boxes the text mentions
    sentences: int
    groups: tuple[KeyGroup, ...]      # this screen's keys (and its windows'), then the window's

    def keys_of(self, scope: str) -> list[Key]:
        return [k for g in self.groups if g.scope == scope for k in g.keys]


def seq(key) -> QKeySequence:
    return QKeySequence(key)


def _k(key, does: str, typed: bool = False) -> Key:
    return Key((seq(key),), does, typed)


# ---------------------------------------------------------------- the text

@dataclass(frozen=True)
class Sentence:
    plain: str
    rich: str                         # HTML, the names in bold
    names: tuple[str, ...]


def _s(template: str, **names: str) -> Sentence:
    """One sentence, its {placeholders} filled with the names of buttons."""
    rich = html.escape(template, quote=False).format(
        **{k: f"<b>{html.escape(v, quote=False)}</b>" for k, v in names.items()})
    return Sentence(template.format(**names), rich, tuple(names.values()))


@dataclass(frozen=True)
class Text:
    plain: str
    rich: str
    names: tuple[str, ...]
    sentences: int


def _text(*sentences: Sentence | None) -> Text:
    """The sentences that apply (None: not for this role), one after the other."""
    said = [s for s in sentences if s is not None]
    joiner = translate("Help", "{text} {more}", "one sentence of a help text after another "
                                                "(Chinese: no space between them)")
    plain, rich = said[0].plain, said[0].rich
    for s in said[1:]:
        plain = joiner.format(text=plain, more=s.plain)
        rich = html.escape(joiner, quote=False).format(text=rich, more=s.rich)
    return Text(plain, rich, tuple(n for s in said for n in s.names), len(said))


def _if(condition: bool, sentence: Callable[[], Sentence]) -> Sentence | None:
    return sentence() if condition else None


# ---------------------------------------------------------------- the screens

def _find() -> Key:
    return _k(QKeySequence.StandardKey.Find, translate("Help", "go to the search box"))


def _enter(does: str) -> Key:
    return _k(Qt.Key.Key_Enter, does, typed=True)


def _screen_keys(*keys: Key) -> KeyGroup:
    return KeyGroup(translate("Help", "Keys on this screen"), keys,
                    empty=translate("Help", "This screen has no keys of its own: the buttons "
                                            "and the keys below do everything."))


def _counter(actor: Actor):
    text = _text(
        _s(translate("Help", "The till, for ringing up a customer's goods and taking the "
                             "payment.")),
        _s(translate("Help", "Scan each item, or type its barcode or SKU and press Enter; type "
                             "3* before a code to sell three.")),
        _s(translate("Help", "When everything is scanned, press F12 (or Enter on an empty "
                             "line), choose how the customer pays and press Enter: the change "
                             "shows in large figures.")),
        _s(translate("Help", "F5 puts a sale aside while the customer fetches something, F6 "
                             "brings it back, and F8 takes goods back against the receipt.")),
        _s(translate("Help", "Open your shift with F9 when you start, counting the float into "
                             "the drawer, and close it with F9 when you hand over.")),
        _if(not may(actor, "price-override"), lambda: _s(translate(
            "Help", "A price change or a discount (F4) needs a manager to sign in on the "
                    "spot."))))
    keys = (
        _enter(translate("Help", "add the code scanned or typed; on an empty line: pay")),
        _k("F12", translate("Help", "pay")),
        _k("F2", translate("Help", "find a product by name, pinyin initials, SKU or barcode")),
        _k("F3", translate("Help", "change the quantity of the chosen line")),
        _k("F4", translate("Help", "change the price of the chosen line, or give a discount "
                                   "such as 10%")),
        Key((seq(Qt.Key.Key_Up), seq(Qt.Key.Key_Down)), translate("Help", "choose a line"),
            typed=True),
        _k(Qt.Key.Key_Delete, translate("Help", "delete the chosen line (the scan line "
                                                "empty)"), typed=True),
        _k("F5", translate("Help", "hold the sale: put it aside")),
        _k("F6", translate("Help", "resume a held sale, from any till")),
        _k("F7", translate("Help", "choose the customer, for a sale on account")),
        _k("F8", translate("Help", "take goods back (a return)")),
        _k("F9", translate("Help", "open or close your shift")),
        _k("F10", translate("Help", "void the whole sale")),
        _k(Qt.Key.Key_Escape, translate("Help", "clear the scan line"), typed=True),
    )
    payment = (
        _k("F1", translate("Help", "pay in cash")),
        _k("F2", translate("Help", "pay by card")),
        _k("F3", translate("Help", "pay by WeChat Pay")),
        _k("F4", translate("Help", "pay by Alipay")),
        _k("F5", translate("Help", "put it on the customer's account")),
    )
    returns = (
        _k("F4", translate("Help", "goods back without a receipt (a manager signs in)")),
        _k("Ctrl+Return", translate("Help", "post the return")),
    )
    return text, (
        KeyGroup(translate("Help", "Keys on this screen"), keys),
        KeyGroup(translate("Help", "In the payment window"), payment, PAYMENT,
                 note=translate("Help", "Type the amount and press Enter; an amount short of "
                                        "what is due leaves the rest for the next way of "
                                        "paying. Esc goes back to the sale.")),
        KeyGroup(translate("Help", "In the return window"), returns, RETURN,
                 note=translate("Help", "Scan the receipt's barcode or type the sale's number "
                                        "and press Enter, then type how many of each line "
                                        "come back.")),
    )


def _purchasing(actor: Actor):
    receives = may(actor, "purchase-receipt")
    text = _text(
        _s(translate("Help", "Everything bought from suppliers: orders, goods received, goods "
                             "sent back and payments.")),
        _if(may(actor, "purchase-order"), lambda: _s(translate(
            "Help", "To order goods, click {new_order}, choose the supplier and scan or type "
                    "the goods; the last cost is filled in."),
            new_order=translate("Purchasing", "New order…"))),
        _s(translate("Help", "An order above the limits the owner set waits in Approvals "
                             "before its goods can be received.")),
        _s(translate("Help", "When the goods come, open the order (double-click it or press "
                             "Enter) and click {receive}; goods that came without an order go "
                             "in with {direct}."),
           receive=translate("Purchasing", "Receive…"),
           direct=translate("Purchasing", "Receive without an order…")) if receives else
        _s(translate("Help", "Double-click an order or press Enter to see its lines and where "
                             "it stands.")),
        _s(translate("Help", "{more} holds the rest your role may do: reorder suggestions, "
                             "returns to a supplier, paying a supplier, printing."),
           more=translate("Purchasing", "More")))
    return text, (_screen_keys(_find(), _enter(translate("Help", "open the chosen order"))),)


def _approvals(actor: Actor):
    if not may(actor, "approve"):         # a stock clerk: their own orders that came back
        text = _text(
            _s(translate("Help", "Your purchase orders that came back rejected, with the "
                                 "reasons.")),
            _s(translate("Help", "An order above the limits the owner set waits for a manager "
                                 "or the owner to approve it before its goods can be "
                                 "received.")),
            _s(translate("Help", "Read why an order was rejected, then make a new one in "
                                 "Purchasing if the goods are still needed.")))
        return text, (_screen_keys(),)
    text = _text(
        _s(translate("Help", "The purchase orders waiting for your decision, urgent and "
                             "overdue ones in red at the top.")),
        _s(translate("Help", "Click an order to see its lines below, then click {approve}, or "
                             "{reject} and write why: whoever made the order reads your "
                             "reason."),
           approve=translate("Approvals", "Approve"), reject=translate("Approvals", "Reject…")),
        _s(translate("Help", "Nobody approves their own order, and an order left waiting too "
                             "long moves up to the next person.")),
        _s(translate("Help", "Your own orders that came back rejected are listed at the bottom, "
                             "with the reasons.")),
        _s(translate("Help", "The number beside {title} on the left counts the orders waiting "
                             "for you."), title=translate("Screens", "Approvals")))
    return text, (_screen_keys(),)


def _stock(actor: Actor):
    text = _text(
        _s(translate("Help", "How much of each product is on the shelves, with its price.")),
        _s(translate("Help", "Type in the search box to find a product by name, pinyin "
                             "initials (htjb finds 海天金标生抽), SKU or barcode, and click a "
                             "column heading to sort by it.")),
        _if(may(actor, "stocktake"), lambda: _s(translate(
            "Help", "{count_sheet} prints a sheet to count the shelves with."),
            count_sheet=translate("Printing", "Count sheet…"))),
        _if(may(actor, "adjustment"), lambda: _s(translate(
            "Help", "{adjust} corrects the quantity of the chosen product, with the reason."),
            adjust=translate("Adjust", "Adjust stock…"))),
        _s(translate("Help", "{export} saves the list as shown."),
           export=translate("Lists", "Export to Excel…")))
    return text, (_screen_keys(_find()),)


def _counts(actor: Actor):
    text = _text(
        _s(translate("Help", "Counting the shelves.")),
        _s(translate("Help", "Start a count with {schedule} (the products due today), "
                             "{category} or {full}; a blind count hides what the books say."),
           schedule=translate("Counts", "Count today's schedule"),
           category=translate("Counts", "Count a category…"),
           full=translate("Counts", "Full count")),
        _s(translate("Help", "Scan each item, or type its code and press Enter; 12*code counts "
                             "twelve at once.")),
        _s(translate("Help", "To type in a printed count sheet instead, double-click a line.")),
        _s(translate("Help", "When all is counted, click {finish}, then {review} to check the "
                             "differences and {post} to put them in the books."),
           finish=translate("Counts", "Finish counting"),
           review=translate("Counts", "Review variances"),
           post=translate("Counts", "Post variances")) if may(actor, "adjustment") else
        _s(translate("Help", "When all is counted, click {finish}; a manager then reviews the "
                             "differences and puts them in the books."),
           finish=translate("Counts", "Finish counting")))
    return text, (_screen_keys(),)


def _products(actor: Actor):
    edits = may(actor, "master-data")
    text = _text(
        _s(translate("Help", "Everything the shop sells, with prices and stock.")),
        _s(translate("Help", "Find a product by name, pinyin initials, SKU or barcode in the "
                             "search box; click a column heading to sort by it.")),
        _s(translate("Help", "Double-click a product or press Enter to change it; {new} adds "
                             "one."), new=translate("Products", "New product…")) if edits else
        _s(translate("Help", "Double-click a product or press Enter to see its details.")),
        _if(may(actor, "labels"), lambda: _s(translate(
            "Help", "{labels} prints shelf labels for the chosen products (hold Ctrl or Shift "
                    "to choose several), or for every price changed since a date."),
            labels=translate("Products", "Labels"))))
    return text, (_screen_keys(_find(), _enter(translate("Help", "open the chosen product"))),)


def _customers(actor: Actor):
    edits = may(actor, "master-data")
    text = _text(
        _s(translate("Help", "The shop's customers, their credit limits and what each owes the "
                             "shop.")),
        _s(translate("Help", "Find one by name or phone in the search box.")),
        _if(edits, lambda: _s(translate(
            "Help", "Double-click a customer or press Enter to change their details; {new} "
                    "adds one."), new=translate("Parties", "New customer…"))),
        _if(may(actor, "print-statement"), lambda: _s(translate(
            "Help", "{statement} prints what a customer bought and paid over a period."),
            statement=translate("Printing", "Statement…"))),
        _if(may(actor, "sale"), lambda: _s(translate(
            "Help", "At the till, F7 chooses the customer for a sale on account."))))
    keys = [_find()]
    if edits:                               # the others have nothing to open (parties.py)
        keys.append(_enter(translate("Help", "open the chosen customer")))
    return text, (_screen_keys(*keys),)


def _suppliers(actor: Actor):
    edits = may(actor, "master-data")
    text = _text(
        _s(translate("Help", "The shop's suppliers and what the shop owes each.")),
        _s(translate("Help", "Find one by name or phone in the search box.")),
        _s(translate("Help", "What the shop owes a supplier goes up with each goods receipt "
                             "and down with each payment to them.")),
        _if(edits, lambda: _s(translate(
            "Help", "Double-click a supplier or press Enter to change their details; {new} "
                    "adds one."), new=translate("Parties", "New supplier…"))),
        _if(may(actor, "print-statement"), lambda: _s(translate(
            "Help", "{statement} prints what was bought from a supplier and paid over a "
                    "period."), statement=translate("Printing", "Statement…"))))
    keys = [_find()]
    if edits:
        keys.append(_enter(translate("Help", "open the chosen supplier")))
    return text, (_screen_keys(*keys),)


def _reports(actor: Actor):
    text = _text(
        _s(translate("Help", "Answers about the shop's books.")),
        _s(translate("Help", "Choose a report in the {report} box at the top: stock on hand, "
                             "sales and returns, what customers owe and what the shop owes, "
                             "the sales summary and charts, best and slowest sellers, stock as "
                             "of a date, a product's history, a batch recall and more."),
           report=translate("Screens", "Report")),
        _s(translate("Help", "Set the dates and other choices, then click {show}; a long "
                             "report works in the background and {cancel} stops it."),
           show=translate("SalesReport", "Show (F5)"), cancel=translate("SalesReport", "Cancel")),
        _s(translate("Help", "{export} and {print} take the report as shown."),
           export=translate("SalesReport", "Export to Excel…"),
           print=translate("SalesReport", "Print…")))
    return text, (_screen_keys(
        _k("F5", translate("Help", "show the report with the choices made (a list: read it "
                                   "again)")),
        _k(QKeySequence.StandardKey.Find,
           translate("Help", "go to the search box (the reports that are lists)"))),)


def _import(actor: Actor):
    text = _text(
        _s(translate("Help", "Brings in the shop's old books from Excel (.xlsx, .xls, .ods) or "
                             "CSV: products with their opening stock, customers and suppliers "
                             "with what they owe, and past sales.")),
        _s(translate("Help", "Click {import_book} and follow the steps: the wizard shows the "
                             "sheet as it was read and what it took each column to be (change "
                             "any that are wrong), and lists every problem by the sheet's own "
                             "row number."), import_book=translate("Import", "Import a book…")),
        _s(translate("Help", "Nothing is imported until every row is right; then all of it "
                             "is.")),
        _s(translate("Help", "The list shows past imports: choose one and click {undo} to take "
                             "a whole batch back out."),
           undo=translate("Import", "Undo the chosen import")))
    return text, (_screen_keys(_find()),)


def _users(actor: Actor):
    text = _text(
        _s(translate("Help", "Who may sign in, and as what.")),
        _s(translate("Help", "{add} makes an account with its role: owner, manager, cashier, "
                             "stock clerk or bookkeeper; the role decides which screens and "
                             "actions the person gets."),
           add=translate("UsersScreen", "Add user…")),
        _s(translate("Help", "Choose an account to change its role, set a new password, or "
                             "deactivate it when someone leaves.")),
        _s(translate("Help", "After five wrong passwords an account is locked for a while; "
                             "{unlock} lets the person try again at once."),
           unlock=translate("UsersScreen", "Unlock")))
    return text, (_screen_keys(),)


def _audit(actor: Actor):
    text = _text(
        _s(translate("Help", "Who did what, and when: every sale, order, price change and "
                             "sign-in is written here and never changed.")),
        _s(translate("Help", "Narrow the list by user, dates, document number or kind of "
                             "action and click {show}."), show=translate("Audit", "Show")),
        _s(translate("Help", "Click a row, or press Enter on it, to read its details below.")),
        _s(translate("Help", "{verify} checks that no row has been altered or removed since it "
                             "was written."), verify=translate("Audit", "Verify the chain")))
    return text, (_screen_keys(_enter(translate("Help", "read the chosen row's details"))),)


def _settings(actor: Actor):
    text = _text(
        _s(translate("Help", "This computer's choices and the shop's.")),
        _s(translate("Help", "The database and the language of this computer take effect the "
                             "next time the program starts.")),
        _s(translate("Help", "You also set the shop's details for receipts and invoices, scale "
                             "labels, printers, stock alerts and counts, backups and security "
                             "(the idle lock, and closing the books through a day).")
           ) if may(actor, "settings") else
        _s(translate("Help", "Most of the shop's own settings below are the owner's to "
                             "change.")),
        _s(translate("Help", "Change what you need, then click that box's {save} button."),
           save=translate("SettingsScreen", "Save")))
    return text, (_screen_keys(),)


_BUILDERS: dict[str, Callable[[Actor], tuple[Text, tuple[KeyGroup, ...]]]] = {
    "counter": _counter, "purchasing": _purchasing, "approvals": _approvals, "stock": _stock,
    "counts": _counts, "products": _products, "customers": _customers,
    "suppliers": _suppliers, "reports": _reports, "import": _import,
    "users": _users, "audit": _audit, "settings": _settings,
}

SCREEN_SHORTCUTS = 9     # Ctrl+1 ... Ctrl+9: the first nine screens in the navigation


def refresh_key() -> QKeySequence:
    return QKeySequence(QKeySequence.StandardKey.Refresh)


def help_key() -> QKeySequence:
    return QKeySequence(Qt.Key.Key_F1)


def screen_key(n: int) -> QKeySequence:
    """Ctrl+n goes to the n-th screen of the navigation (n = 1..9)."""
    return QKeySequence(f"Ctrl+{n}")


def window_keys(screen_titles: Sequence[str], taken: set[str] = frozenset()) -> KeyGroup:
    """The keys the main window reads whatever the screen; a key the screen uses
    itself (`taken`, portable text) is the screen's there and left out."""
    n = min(len(screen_titles), SCREEN_SHORTCUTS)
    names = translate("Help", ", ", "between the screens' names in a list").join(
        screen_titles[:n])
    keys = []
    if n:
        keys.append(Key(tuple(screen_key(i) for i in range(1, n + 1)),
                        translate("Help", "go to {screens}, in the order of the list on the "
                                          "left").format(screens=names), span=True))
    if refresh_key().toString() not in taken:
        keys.append(Key((refresh_key(),), translate("Help", "read the screen again"),
                        typed=True))
    keys.append(Key((help_key(),), translate("Help", "this help")))
    return KeyGroup(translate("Help", "Keys everywhere in the window"), tuple(keys), WINDOW)


def screen_help(key: str, actor: Actor, screen_titles: Sequence[str] = ()) -> ScreenHelp:
    """The help of screen `key` for `actor`; screen_titles: the navigation's screens in
    order (for Ctrl+1...)."""
    from desktop.ui.screens import SCREENS
    text, groups = _BUILDERS[key](actor)
    taken = {k.toString() for g in groups if g.scope == SCREEN for row in g.keys
             for k in row.keys}
    return ScreenHelp(key, SCREENS[key].title(), text.plain, text.rich, text.names,
                      text.sentences, groups + (window_keys(screen_titles, taken),))


# ---------------------------------------------------------------- the dialog

def help_html(h: ScreenHelp, key_width: int = 0) -> str:
    """The help as rich text: the title, the text, then each group's keys in a table
    whose key column is key_width pixels wide (the same in every group, so that the
    keys line up from group to group; 0: as wide as its keys)."""
    width = f" width='{key_width}'" if key_width else ""
    parts = [f"<h2>{html.escape(h.title)}</h2>", f"<p>{h.rich}</p>"]
    for group in h.groups:
        parts.append(f"<h3>{html.escape(group.heading)}</h3>")
        if group.note:
            parts.append(f"<p>{html.escape(group.note)}</p>")
        if not group.keys:
            parts.append(f"<p><i>{html.escape(group.empty)}</i></p>")
            continue
        rows = "".join(
            f"<tr><td{width} style='padding: 3px 12px 3px 0;'><b>{html.escape(k.text())}</b>"
            f"</td><td style='padding: 3px 0;'>{html.escape(k.does)}</td></tr>"
            for k in group.keys)
        parts.append(f"<table cellspacing='0' width='100%'>{rows}</table>")
    return "".join(parts)


class HelpDialog(QDialog):
    """One screen's help: not modal (the screen stays usable beside it); Esc or Close
    closes it. The text scrolls when it is longer than the window."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("helpDialog")
        self.help: ScreenHelp | None = None
        self.browser = QTextBrowser(self)
        self.browser.setObjectName("helpText")
        self.browser.setOpenLinks(False)
        font = self.browser.font()
        font.setPointSizeF(font.pointSizeF() * 1.1)
        self.browser.setFont(font)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser, 1)
        layout.addWidget(self.buttons)
        screen = (parent.screen() if parent is not None else None) \
            or QGuiApplication.primaryScreen()
        room = screen.availableGeometry() if screen is not None else None
        self._width, self._most = 720, 660
        if room is not None:                  # 1366×768: most of the height, never more
            self._width = min(self._width, room.width() - 40)
            self._most = min(self._most, room.height() - 60)
        self.resize(self._width, self._most)

    def show_help(self, h: ScreenHelp) -> None:
        self.help = h
        self.setWindowTitle(translate("Help", "Help: {screen}").format(screen=h.title))
        bold = QFont(self.browser.font())
        bold.setBold(True)
        widest = max((QFontMetrics(bold).horizontalAdvance(k.text())
                      for g in h.groups for k in g.keys), default=0)
        self.browser.setHtml(help_html(h, widest + 16 if widest else 0))
        self.browser.verticalScrollBar().setValue(0)
        if self.isVisible():
            self._fit()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self._fit()          # (a size set before the first show does not hold)

    def _fit(self) -> None:
        """As tall as the text needs (a short help, a small window), scrolling beyond."""
        doc = self.browser.document()
        margins = self.layout().contentsMargins()
        inner = self._width - margins.left() - margins.right() - 2 * self.browser.frameWidth()
        doc.setTextWidth(inner - self.browser.verticalScrollBar().sizeHint().width())
        chrome = (margins.top() + margins.bottom() + self.layout().spacing()
                  + self.buttons.sizeHint().height())
        want = int(doc.size().height()) + 2 * self.browser.frameWidth() + chrome + 8
        self.resize(self._width, max(240, min(self._most, want)))

    def text(self) -> str:
        """What the dialog shows, as plain text."""
        return self.browser.toPlainText()
