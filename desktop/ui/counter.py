"""The sales counter: keyboard-first selling for the cashier at the till.

The scan field keeps the focus whatever happens: a barcode scanner types a
code and Enter, and `3*` typed before a scan sells three. A code is looked
up on the GUI thread (one or two indexed queries, well under a frame; see
db.counter.lookup); everything slower -- posting, printing the receipt --
runs on the thread pool, so the screen never waits on the database's disk
or a printer. Every action has a key (the panel on the right lists them);
the mouse is optional.

Posting goes through db.books with a client id made when the payment starts,
so a second Enter (or a retry after a lost answer) posts the sale once.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QFontMetrics, QKeySequence, QShortcut
from PySide6.QtWidgets import (QDialog, QFrame, QHBoxLayout, QHeaderView, QLabel, QLineEdit,
                               QVBoxLayout, QWidget)
from sqlalchemy import Engine
from sqlalchemy.exc import SQLAlchemyError

from db import counter as counter_db
from db.audit import Actor
from db.books import Books
from db.engine import read_connection
from db.errors import BooksError
from db.money import money_str, qty_str
from db.permissions import may
from desktop.ui import style
from desktop.ui.cart import CartLine, CartModel
from desktop.ui.counter_dialogs import (AskDialog, AuthoriseDialog, HeldDialog, customer_picker,
                                        product_picker)
from desktop.ui.counter_money import PaymentDialog, ReturnDialog, ShiftDialog
from desktop.ui.formats import (count_text, money_text, parse_money_text, parse_qty_text,
                                qty_text, time_text)
from desktop.ui.list_screen import PagedTableView
from desktop.ui.refusals import refusal_text
from desktop.ui.widgets import enlarge

translate = QCoreApplication.translate
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


# ---------------------------------------------------------------- the screen


class FitLabel(QLabel):
    """Bold figures as big as `pixels`, smaller when the text would not fit the width
    (a grouped total of a big sale: 123,456.78)."""

    def __init__(self, text: str, pixels: int, parent=None):
        super().__init__(text, parent)
        self._pixels = pixels
        font = self.font()
        font.setPixelSize(pixels)
        font.setBold(True)
        self.setFont(font)
        self.setMinimumWidth(1)

    def setText(self, text: str) -> None:
        super().setText(text)
        self._fit()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        font = self.font()
        room = self.contentsRect().width()
        size = self._pixels
        font.setPixelSize(size)
        while size > 24 and QFontMetrics(font).horizontalAdvance(self.text()) > room:
            size -= 4
            font.setPixelSize(size)
        if font.pixelSize() != self.font().pixelSize():
            self.setFont(font)


class CounterScreen(QWidget):
    """The till. See the module's notes; the keys are listed on the screen."""

    posted = Signal(str)  # a sale or return was posted: its number
    line_added = Signal(int)  # the row scanned into (for the scan benchmark)

    def __init__(self, engine: Engine, actor: Actor, parent=None):
        super().__init__(parent)
        self.setObjectName("counter")
        self.engine = engine
        self.actor = actor
        self.books = Books(engine, actor)
        self.customer: str | None = None
        self.credit: tuple[int, int | None] | None = None
        self.authorised_by: Actor | None = None
        self.last_change: int | None = None
        self.receipts: list[str] = []  # receipt files written this session
        self._layout: counter_db.ScaleLayout | None = None

        self.cart = self.model = CartModel(self)
        self.view = PagedTableView(self)
        self.view.setObjectName("cart")
        self.view.setModel(self.cart)
        self.view.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.view.setSortingEnabled(False)
        self.view.horizontalHeader().setSortIndicatorShown(False)
        unit = self.view.fontMetrics().averageCharWidth()
        for c, w in enumerate((4, 30, 13, 12, 5, 11, 13)):    # room for 1,234.500, 123,456.78
            self.view.horizontalHeader().resizeSection(c, w * unit + 16)
        self.view.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        enlarge(self.view, 1.25, bold=False)
        self.view.verticalHeader().setDefaultSectionSize(self.view.fontMetrics().height() + 12)

        self.scan = QLineEdit(self)
        self.scan.setObjectName("scan")
        self.scan.setPlaceholderText(
            translate("Counter", "Scan or type a barcode or SKU; 3* before it sells 3")
        )
        enlarge(self.scan, 1.6, bold=False)
        self.scan.returnPressed.connect(self.enter)
        self.scan.installEventFilter(self)

        self.message = QLabel(self)
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        enlarge(self.message, 1.15, bold=False)

        # the right-hand panel: total, change, customer, shift, keys
        self.total_label = FitLabel("0.00", 72, self)  # readable from two metres
        self.total_label.setObjectName("total")
        self.total_label.setAlignment(_RIGHT)
        self.items_label = QLabel(self)
        self.items_label.setObjectName("items")
        self.items_label.setAlignment(_RIGHT)
        enlarge(self.items_label, 1.2, bold=False)
        self.change_label = QLabel(self)
        self.change_label.setObjectName("change")
        self.change_label.setAlignment(_RIGHT)
        font = self.change_label.font()
        font.setPixelSize(40)
        font.setBold(True)
        self.change_label.setFont(font)
        self.change_label.setStyleSheet(f"color: {style.GOOD};")
        self.customer_label = QLabel(self)
        self.customer_label.setObjectName("customer")
        self.customer_label.setWordWrap(True)
        self.shift_label = QLabel(self)
        self.shift_label.setObjectName("shift")
        self.shift_label.setWordWrap(True)
        self.held_label = QLabel(self)
        self.held_label.setObjectName("heldCount")

        keys = [
            ("Enter", translate("Counter", "add the code; on an empty line: pay")),
            ("F12", translate("Counter", "pay")),
            ("F2", translate("Counter", "find a product")),
            ("F3", translate("Counter", "quantity of the line")),
            ("F4", translate("Counter", "price or discount of the line")),
            ("Del", translate("Counter", "delete the line")),
            ("↑ ↓", translate("Counter", "choose a line")),
            ("F5", translate("Counter", "hold the sale")),
            ("F6", translate("Counter", "resume a held sale")),
            ("F7", translate("Counter", "customer (on account)")),
            ("F8", translate("Counter", "return")),
            ("F9", translate("Counter", "open or close the shift")),
            ("F10", translate("Counter", "void the sale")),
            ("Esc", translate("Counter", "clear the scan line")),
        ]
        key_text = (
            "<table cellspacing=2>"
            + "".join(
                f"<tr><td><b>{html.escape(k)}</b>&nbsp;&nbsp;</td><td>{html.escape(t)}</td></tr>"
                for k, t in keys
            )
            + "</table>"
        )
        key_help = QLabel(key_text, self)
        key_help.setObjectName("keys")
        key_help.setTextFormat(Qt.TextFormat.RichText)

        panel = QFrame(self)
        panel.setObjectName("panel")
        panel.setFrameShape(QFrame.Shape.StyledPanel)
        panel.setMinimumWidth(330)
        side = QVBoxLayout(panel)
        caption = QLabel(translate("Counter", "Total"), panel)
        enlarge(caption, 1.2)
        side.addWidget(caption)
        side.addWidget(self.total_label)
        side.addWidget(self.items_label)
        side.addWidget(self.change_label)
        side.addSpacing(8)
        side.addWidget(self.customer_label)
        side.addWidget(self.shift_label)
        side.addWidget(self.held_label)
        side.addStretch(1)
        side.addWidget(key_help)

        left = QVBoxLayout()
        heading = QLabel(translate("Counter", "Counter"), self)
        heading.setObjectName("screenHeading")
        enlarge(heading, 1.4)
        left.addWidget(heading)
        left.addWidget(self.view, 1)
        left.addWidget(self.message)
        left.addWidget(self.scan)
        row = QHBoxLayout(self)
        row.addLayout(left, 3)
        row.addWidget(panel, 1)

        for key, slot in (
            ("F12", self.pay),
            ("F2", self.find_product),
            ("F3", self.edit_qty),
            ("F4", self.edit_price),
            ("F5", self.hold),
            ("F6", self.resume),
            ("F7", self.choose_customer),
            ("F8", self.open_return),
            ("F9", self.open_shift_dialog),
            ("F10", self.void),
        ):
            QShortcut(
                QKeySequence(key),
                self,
                activated=slot,
                context=Qt.ShortcutContext.WidgetWithChildrenShortcut,
            )
        self.cart.changed.connect(self._show_total)
        self.cart.rowsInserted.connect(lambda _p, first, _last: self.view.selectRow(first))
        self._show_total()
        self.setFocusProxy(self.scan)

    # -- focus: the scan line keeps it
    def showEvent(self, event):
        super().showEvent(event)
        QTimer.singleShot(0, self.scan.setFocus)

    def _back_to_scan(self) -> None:
        """After a dialog: the till's window active again and the scan line focused,
        whatever the window manager does, so the next scan and key land here."""
        window = self.window()
        if self.isVisible() and not window.isActiveWindow():
            window.activateWindow()
        self.scan.setFocus()
        self.scan.selectAll()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.scan and event.type() == QEvent.Type.KeyPress:
            key = event.key()
            if key in (Qt.Key.Key_Up, Qt.Key.Key_Down) and self.cart.rowCount():
                row = self.current_row()
                row = (
                    self.cart.rowCount() - 1
                    if row < 0
                    else row + (1 if key == Qt.Key.Key_Down else -1)
                )
                self.view.selectRow(max(0, min(self.cart.rowCount() - 1, row)))
                return True
            if key == Qt.Key.Key_Delete and not self.scan.text():
                self.delete_line()
                return True
            if key == Qt.Key.Key_Escape:
                self.scan.clear()
                return True
        if watched is self.scan and event.type() == QEvent.Type.FocusOut:
            # a click elsewhere on the screen must not leave the till deaf to the scanner
            QTimer.singleShot(0, self._refocus_if_ours)
        return super().eventFilter(watched, event)

    def _refocus_if_ours(self) -> None:
        focus = self.window().focusWidget() if self.window() else None
        if (
            self.isVisible()
            and self.window().isActiveWindow()
            and (focus is None or self.isAncestorOf(focus))
            and focus is not self.scan
        ):
            self.scan.setFocus()

    def current_row(self) -> int:
        index = self.view.currentIndex()
        return index.row() if index.isValid() else -1

    def say(self, text: str, error: bool = False) -> None:
        self.message.setStyleSheet(style.ERROR_STYLE if error else "")
        self.message.setText(text)

    # -- the shop's settings the counter reads
    def scale_layout(self, conn) -> "counter_db.ScaleLayout":
        if self._layout is None:
            self._layout = counter_db.scale_layout(conn)
        return self._layout

    def refresh(self) -> None:
        """Re-reads what may have changed elsewhere: the scale layout, the shift, held sales."""
        self._layout = None
        try:
            shift = self.books.current_shift()
            held = self.books.held_sales()
        except BooksError as exc:
            self.say(refusal_text(exc.message), error=True)
            return
        if shift is None:
            self.shift_label.setText(
                translate("Counter", "No shift open: F9 opens it with the float.")
            )
        else:
            self.shift_label.setText(
                translate("Counter", "Shift open since {time}").format(
                    time=time_text(shift.opened_at)
                )
            )
        self.held_label.setText(
            translate("Counter", "Held sales: {n} (F6)").format(n=count_text(len(held)))
            if held else ""
        )

    # -- ringing up
    def enter(self) -> None:
        text = self.scan.text().strip()
        if not text:
            if self.cart.rowCount():
                self.pay()
            return
        self.add_code(text)

    def add_code(self, text: str) -> int | None:
        """The scan line's Enter: looks the code up and adds the line. Returns its row."""
        try:
            qty, code = counter_db.parse_scan(text)
            if qty is not None and qty <= 0:
                raise BooksError(translate("Counter", "The quantity must be above zero."))
            if not code:
                raise BooksError(
                    translate("Counter", "Type or scan a code after the {star}.").format(star="*")
                )
            with read_connection(self.engine) as conn:
                found = counter_db.lookup(conn, code, self.scale_layout(conn))
        except BooksError as exc:
            self.say(refusal_text(exc.message), error=True)
            self.scan.selectAll()
            return None
        except SQLAlchemyError:              # the server gone, a disk error: say so, keep the sale
            self.say(translate("Counter", "The database did not answer: scan {code} again in "
                                          "a moment.").format(code=code), error=True)
            self.scan.selectAll()
            return None
        if found is None:
            self.say(
                translate("Counter", "No product has the code {code}. F2 finds it by name.").format(
                    code=code
                ),
                error=True,
            )
            self.scan.selectAll()
            return None
        return self._add_found(found, qty)

    def _add_found(self, found, qty: int | None) -> int:
        weighed = found.qty is not None
        line = CartLine(
            found.product_id,
            found.sku,
            found.name,
            found.unit,
            found.price,
            found.price,
            found.qty if weighed else (qty or 1000),
            weighed=weighed,
            batch=found.batch,
        )
        if weighed and qty:
            line.qty = found.qty * qty // 1000  # 2* before a scale label: two packs
        row = self.cart.add(line)
        self.view.selectRow(row)
        self.scan.clear()
        self.last_change = None
        self.change_label.clear()
        added = self.cart.lines[row]
        self.say(
            f"{added.name}  {qty_text(added.qty)} {added.unit} × {money_text(added.price)}"
            f" = {money_text(added.amount)}"
        )
        self.line_added.emit(row)
        return row

    def find_product(self) -> None:
        text = self.scan.text().strip()
        dialog = product_picker(self.engine, self.actor, "" if "*" in text else text, self)
        qty = None
        try:
            qty, _ = counter_db.parse_scan(text) if "*" in text else (None, "")
        except BooksError:
            pass
        if dialog.exec() == QDialog.DialogCode.Accepted:
            sku = dialog.value("sku")
            with read_connection(self.engine) as conn:
                found = counter_db.lookup(conn, sku, None)
            if found is not None:
                self._add_found(found, qty)
        self._back_to_scan()

    def edit_qty(self) -> None:
        row = self.current_row()
        if row < 0:
            return self.say(translate("Counter", "Choose a line first (↑ ↓)."), error=True)
        line = self.cart.lines[row]
        dialog = AskDialog(
            translate("Counter", "Quantity (F3)"),
            line.name,
            qty_str(line.qty),
            lambda t: parse_qty_text(t, translate("Counter", "quantity")),
            parent=self,
        )
        if dialog.exec() == QDialog.DialogCode.Accepted:
            if dialog.value <= 0:
                self.delete_line()
            else:
                self.cart.set_qty(row, dialog.value)
        self._back_to_scan()

    def edit_price(self) -> None:
        """A new price for the line, or a discount typed as a percentage ('10%')."""
        row = self.current_row()
        if row < 0:
            return self.say(translate("Counter", "Choose a line first (↑ ↓)."), error=True)
        line = self.cart.lines[row]

        def parse(text: str) -> int:
            text = text.strip()
            if text.endswith("%"):
                pct = parse_money_text(
                    text[:-1] or "0", translate("Counter", "discount")
                )  # hundredths of a per cent
                if not 0 <= pct <= 10000:
                    raise BooksError(translate("Counter", "A discount is between 0% and 100%."))
                return line.list_price - (line.list_price * pct + 5000) // 10000
            price = parse_money_text(text, translate("Counter", "price"))
            if price < 0:
                raise BooksError(translate("Counter", "A price cannot be below zero."))
            return price

        dialog = AskDialog(
            translate("Counter", "Price or discount (F4)"),
            line.name,
            money_str(line.price),
            parse,
            note=translate(
                "Counter", "A new price, or a discount such as 10%. List price: {price}"
            ).format(price=money_text(line.list_price)),
            parent=self,
        )
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return self._back_to_scan()
        price = dialog.value
        if (
            price != line.list_price
            and not may(self.actor, "price-override")
            and self.authorised_by is None
        ):
            if not self.authorise(
                translate(
                    "Counter", "Changing the price of {name} to {price} needs a manager."
                ).format(name=line.name, price=money_text(price))
            ):
                self.say(
                    translate(
                        "Counter", "The price stays {price}: no manager allowed the change."
                    ).format(price=money_text(line.price)),
                    error=True,
                )
                return self._back_to_scan()
        self.cart.set_price(row, price)
        self._back_to_scan()

    def authorise(self, what: str) -> bool:
        dialog = AuthoriseDialog(self.engine, "price-override", what, self)
        self.authorise_dialog = dialog
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.authorised_by = dialog.actor
            self.say(translate("Counter", "Allowed by {name}.").format(name=dialog.actor.name))
            return True
        return False

    def delete_line(self) -> None:
        row = self.current_row()
        if row < 0:
            return
        name = self.cart.lines[row].name
        self.cart.remove(row)
        if self.cart.rowCount():
            self.view.selectRow(min(row, self.cart.rowCount() - 1))
        self.say(translate("Counter", "Deleted {name}.").format(name=name))

    def void(self) -> None:
        if self.cart.rowCount():
            self.new_sale()
            self.say(translate("Counter", "The sale was voided."))

    def new_sale(self) -> None:
        self.cart.clear()
        self.customer, self.credit, self.authorised_by = None, None, None
        self._show_customer()
        self.scan.clear()

    def _show_total(self) -> None:
        self.total_label.setText(money_text(self.cart.total()))
        n = self.cart.items()
        self.items_label.setText(translate("Counter", "{n} lines").format(n=count_text(n))
                                 if n else "")

    # -- customer
    def choose_customer(self) -> None:
        dialog = customer_picker(self.engine, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.set_customer(dialog.value("name"))
        self._back_to_scan()

    def set_customer(self, name: str | None) -> None:
        self.customer = name
        self.credit = None
        if name:
            with read_connection(self.engine) as conn:
                self.credit = counter_db.credit_status(conn, name)
        self._show_customer()

    def _show_customer(self) -> None:
        if not self.customer:
            self.customer_label.setText(translate("Counter", "Walk-in customer (F7 chooses one)"))
            self.customer_label.setStyleSheet("")
            return
        balance, limit = self.credit or (0, None)
        text = translate("Counter", "Customer: {name}, owes {balance}").format(
            name=self.customer, balance=money_text(balance)
        )
        if limit is not None:
            text += translate("Counter", " of a {limit} limit").format(limit=money_text(limit))
        self.customer_label.setText(text)
        past = limit is not None and balance + self.cart.total() > limit
        self.customer_label.setStyleSheet(style.ERROR_STYLE if past else "")

    # -- paying
    def pay(self) -> None:
        if not self.cart.rowCount():
            return self.say(translate("Counter", "Nothing to pay for yet."), error=True)
        if self.customer:
            self.set_customer(self.customer)  # today's balance, not the one of an hour ago
        dialog = PaymentDialog(
            self.books,
            self.cart.lines_in(),
            self.cart.total(),
            customer=self.customer,
            credit=self.credit,
            authorised_by=self.authorised_by,
            parent=self,
        )
        self.payment_dialog = dialog
        dialog.posted.connect(lambda posted: self._sold(posted, dialog))
        dialog.open()

    def _sold(self, posted, dialog: PaymentDialog) -> None:
        self.last_change = dialog.change if dialog.tendered is not None else None
        self.new_sale()
        if self.last_change is not None:
            self.change_label.setText(
                translate("Counter", "Change {amount}").format(amount=money_text(self.last_change))
            )
        else:
            self.change_label.clear()
        self.say(
            translate("Counter", "{number} posted: {total}.").format(
                number=posted.number, total=money_text(posted.total)
            )
        )
        self.posted.emit(posted.number)
        self._print_receipt(posted.number, dialog.tendered, dialog.change)
        QTimer.singleShot(0, self._back_to_scan)

    def _print_receipt(self, number: str, tendered: int | None, change: int | None) -> None:
        from desktop.ui.receipts import print_receipt

        self.receipt_task = print_receipt(
            self.engine,
            number,
            tendered,
            change,
            self.receipts.append,
            lambda m: self.say(m, error=True),
        )

    # -- hold and resume
    def hold(self) -> None:
        if not self.cart.rowCount():
            return self.say(translate("Counter", "Nothing to hold."), error=True)
        try:
            self.books.hold_sale(self.cart.lines_in(), customer=self.customer)
        except BooksError as exc:
            return self.say(refusal_text(exc.message), error=True)
        self.new_sale()
        self.say(translate("Counter", "The sale is held: F6 resumes it."))
        self.refresh()

    def resume(self) -> None:
        try:
            held = self.books.held_sales()
        except BooksError as exc:
            return self.say(refusal_text(exc.message), error=True)
        if not held:
            return self.say(translate("Counter", "No sale is held."), error=True)
        if self.cart.rowCount():
            return self.say(
                translate("Counter", "Finish, hold (F5) or void (F10) this sale first."), error=True
            )
        dialog = HeldDialog(held, self)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.chosen is not None:
            try:
                sale = self.books.resume_sale(dialog.chosen.id)
                lines = []
                with read_connection(self.engine) as conn:
                    for l in sale.lines:
                        found = counter_db.lookup(conn, l.code, None)
                        if found is None:
                            raise BooksError(
                                translate("Counter", "{code} is no longer sold.").format(
                                    code=l.code
                                )
                            )
                        price = found.price if l.price is None else l.price
                        lines.append(
                            CartLine(
                                found.product_id,
                                found.sku,
                                found.name,
                                found.unit,
                                found.price,
                                price,
                                l.qty,
                                batch=l.batch,
                            )
                        )
            except BooksError as exc:
                self.say(refusal_text(exc.message), error=True)
            else:
                self.cart.replace_all(lines)
                if lines:
                    self.view.selectRow(len(lines) - 1)
                self.set_customer(sale.customer)
                self.say(
                    translate("Counter", "Resumed the sale held at {time}.").format(
                        time=time_text(sale.held_at)
                    )
                )
        self.refresh()
        self._back_to_scan()

    # -- returns and the shift
    def open_return(self) -> None:
        dialog = ReturnDialog(self.books, self.engine, self.scale_layout, self)
        self.return_dialog = dialog
        dialog.posted.connect(self._returned)
        dialog.finished.connect(lambda _r: self._back_to_scan())
        dialog.open()

    def _returned(self, posted) -> None:
        self.say(
            translate("Counter", "{number} posted: {total} refunded.").format(
                number=posted.number, total=money_text(posted.total)
            )
        )
        self.posted.emit(posted.number)
        self._print_receipt(posted.number, None, None)

    def open_shift_dialog(self) -> None:
        dialog = ShiftDialog(self.books, self)
        self.shift_dialog = dialog
        dialog.changed.connect(self.refresh)
        dialog.finished.connect(lambda _r: self._back_to_scan())
        dialog.open()

