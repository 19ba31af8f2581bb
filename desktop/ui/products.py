"""Products: the list (search by name, pinyin initials, SKU or barcode prefix) and the editor.

Cost appears only for roles that may see it (db.permissions "see-cost"): the
list then reads PRODUCTS_WITH_COST and the editor shows the moving average
and the last receipt's cost; for anyone else the list never reads a cost and
db.books.Books.product_detail hands back none.
"""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QRegularExpression, Qt, Signal
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (QAbstractItemView, QCheckBox, QDialog, QDialogButtonBox,
                               QFormLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit, QListWidget,
                               QMenu, QMessageBox, QPushButton, QVBoxLayout, QWidget)
from sqlalchemy import Engine

from db import lists
from db.audit import Actor
from db.books import Books
from db.codes import normalise_barcode
from db.errors import BooksError
from db.masters import NewProduct, ProductChanges
from db.money import money_str, qty_str
from db.permissions import may
from desktop.ui.formats import (count_text, money_text, number_pattern, parse_money_text,
                                parse_qty_text, plain_number, qty_text)
from desktop.ui.list_screen import ListScreen, money_column, qty_column
from desktop.ui.paged_model import Column
from desktop.ui.refusals import refusal_text, show_refusal
from desktop.ui.widgets import error_label

translate = QCoreApplication.translate



def money_re() -> QRegularExpression:
    """Typing a price: plain (12.5) or grouped as the locale groups (1,234.50)."""
    return QRegularExpression(number_pattern(2))


def qty_re() -> QRegularExpression:
    return QRegularExpression(number_pattern(3))


def product_columns(with_cost: bool) -> list[Column]:
    cols = [Column(translate("Products", "SKU"), width=12),
            Column(translate("Products", "Name"), width=30, stretch=True),
            Column(translate("Products", "Barcodes"), width=16),
            Column(translate("Products", "Category"), width=12),
            Column(translate("Products", "Unit"), width=6),
            money_column(translate("Products", "Price")),
            qty_column(translate("Products", "On hand")),
            qty_column(translate("Products", "Min"), 7),
            qty_column(translate("Products", "Max"), 7)]
    if with_cost:
        cols.append(money_column(translate("Products", "Cost")))
    return cols


class ProductsScreen(ListScreen):
    def __init__(self, engine: Engine, actor: Actor, parent=None):
        self.actor = actor
        self.books = Books(engine, actor)
        self.sees_cost = may(actor, "see-cost")
        self.may_edit = may(actor, "master-data")
        source = lists.PRODUCTS_WITH_COST if self.sees_cost else lists.PRODUCTS
        super().__init__(engine, source, product_columns(self.sees_cost),
                         translate("Products", "Products"),
                         lambda n: translate("Products", "Products: {n}").format(n=count_text(n)),
                         search_hint=translate("Products", "Name, pinyin initials, SKU or barcode"),
                         parent=parent)
        if self.may_edit:
            self.new_button = self.add_action(translate("Products", "New product…"),
                                              self.new_product, "newProduct")
        self.edit_button = self.add_action(
            translate("Products", "Edit…") if self.may_edit else translate("Products", "Details…"),
            self.open_selected, "editProduct")
        self.opened.connect(self.open_row)
        self.editor: ProductEditor | None = None
        if may(actor, "labels"):
            self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
            menu = QMenu(self)
            menu.addAction(translate("Products", "For the selected products…"),
                           lambda: self.print_labels())
            menu.addAction(translate("Products", "Price changes since a date…"),
                           lambda: self.price_change_labels())
            self.labels_button = self.add_action(translate("Products", "Labels"), lambda: None,
                                                 "labels")
            self.labels_button.setMenu(menu)

    def selected_skus(self) -> list[str]:
        rows = sorted({i.row() for i in self.view.selectionModel().selectedRows()})
        if not rows and self.view.currentIndex().isValid():
            rows = [self.view.currentIndex().row()]
        return [self.model.value(r, "sku") for r in rows]

    def print_labels(self, accept: bool = False, on_shown=None):
        from desktop.ui.labels_dialog import ask_labels
        skus = self.selected_skus()
        if not skus:
            QMessageBox.information(self, translate("Products", "Labels"),
                                    translate("Products", "Choose the products in the list first "
                                                          "(Ctrl or Shift for several)."))
            return None
        return ask_labels(self, self.books, ("skus", skus), accept, on_shown)

    def price_change_labels(self, accept: bool = False, on_shown=None):
        from desktop.ui.labels_dialog import ask_labels
        return ask_labels(self, self.books, ("changed", None), accept, on_shown)


    def open_row(self, row: int) -> None:
        self.edit_product(self.model.value(row, "sku"))

    def new_product(self) -> ProductEditor:
        return self.show_editor(ProductEditor(self.books, None, parent=self))

    def edit_product(self, sku: str) -> ProductEditor | None:
        try:
            detail = self.books.product_detail(sku)
        except BooksError as exc:
            show_refusal(self.status, exc.message)
            return None
        return self.show_editor(ProductEditor(self.books, detail, parent=self))




class ProductEditor(QDialog):
    """A new product (detail None) or an existing one. Saves through the books; a refusal
    is shown in the dialog, which stays open."""
    saved = Signal(str)

    def __init__(self, books: Books, detail, parent=None):
        super().__init__(parent)
        self.books = books
        self.detail = detail
        self.may_edit = may(books.actor, "master-data")
        self.sees_cost = may(books.actor, "see-cost")
        new = detail is None
        self.setWindowTitle(translate("Products", "New product") if new else
                            translate("Products", "Product {sku}").format(sku=detail.sku))
        self.setMinimumWidth(520)

        def line(name: str, text: str = "", regex: QRegularExpression | None = None) -> QLineEdit:
            w = QLineEdit(text, self)
            w.setObjectName(name)
            if regex is not None:
                w.setValidator(QRegularExpressionValidator(regex, w))
            w.setReadOnly(not self.may_edit)
            return w

        d = detail
        self.sku = line("sku", d.sku if d else "")
        self.name = line("name", d.name if d else "")
        self.category = line("category", d.category if d else "")
        self.unit = line("unit", d.unit if d else "")
        # what is filled in stays plain (money_str), as it is typed back
        self.price = line("price", money_str(d.price) if d else "", money_re())
        self.min_qty = line("minQty", qty_str(d.min_qty) if d and d.min_qty is not None else "",
                            qty_re())
        self.max_qty = line("maxQty", qty_str(d.max_qty) if d and d.max_qty is not None else "",
                            qty_re())
        self.batch = QCheckBox(translate("Products", "Tracked by batch and expiry"), self)
        self.batch.setObjectName("batchTracked")
        self.batch.setChecked(bool(d and d.batch_tracked))
        self.batch.setEnabled(self.may_edit)
        self.active = QCheckBox(translate("Products", "On sale (active)"), self)
        self.active.setObjectName("active")
        self.active.setChecked(True if d is None else bool(d.active))
        self.active.setEnabled(self.may_edit and not new)

        form = QFormLayout()
        form.addRow(translate("Products", "SKU"), self.sku)
        form.addRow(translate("Products", "Name"), self.name)
        form.addRow(translate("Products", "Category"), self.category)
        form.addRow(translate("Products", "Unit"), self.unit)
        form.addRow(translate("Products", "Sale price"), self.price)
        limits = QHBoxLayout()
        limits.addWidget(QLabel(translate("Products", "Min"), self))
        limits.addWidget(self.min_qty)
        limits.addWidget(QLabel(translate("Products", "Max"), self))
        limits.addWidget(self.max_qty)
        form.addRow(translate("Products", "Stock limits"), limits)
        form.addRow("", self.batch)
        form.addRow("", self.active)

        self.opening_cost: QLineEdit | None = None
        cost_box = None
        if self.sees_cost:
            cost_box = QGroupBox(translate("Products", "Cost"), self)
            cost_form = QFormLayout(cost_box)
            if new:
                self.opening_cost = line("openingCost", "", money_re())
                cost_form.addRow(translate("Products", "Expected cost"), self.opening_cost)
            else:
                avg = QLabel(money_text(d.avg_cost) if d.avg_cost is not None else "", self)
                avg.setObjectName("avgCost")
                last = QLabel(money_text(d.last_cost) if d.last_cost is not None else "", self)
                last.setObjectName("lastCost")
                cost_form.addRow(translate("Products", "Average cost"), avg)
                cost_form.addRow(translate("Products", "Last receipt"), last)
                cost_form.addRow(translate("Products", "On hand"),
                                 QLabel(qty_text(d.on_hand), self))
        elif d is not None:
            form.addRow(translate("Products", "On hand"), QLabel(qty_text(d.on_hand), self))

        codes = QGroupBox(translate("Products", "Barcodes"), self)
        self.barcodes = QListWidget(codes)
        self.barcodes.setObjectName("barcodes")
        self.barcodes.addItems(list(d.barcodes) if d else [])
        self.barcodes.setMaximumHeight(110)
        self.new_code = QLineEdit(codes)
        self.new_code.setObjectName("newBarcode")
        self.new_code.setPlaceholderText(translate("Products", "Scan or type a barcode"))
        self.add_code = QPushButton(translate("Products", "Add"), codes)
        self.add_code.setObjectName("addBarcode")
        self.remove_code = QPushButton(translate("Products", "Remove"), codes)
        self.remove_code.setObjectName("removeBarcode")
        self.add_code.clicked.connect(self.add_barcode)
        self.new_code.installEventFilter(self)
        self.remove_code.clicked.connect(self.remove_barcode)
        for w in (self.new_code, self.add_code, self.remove_code):
            w.setVisible(self.may_edit)
        code_row = QHBoxLayout()
        code_row.addWidget(self.new_code, 1)
        code_row.addWidget(self.add_code)
        code_row.addWidget(self.remove_code)
        code_layout = QVBoxLayout(codes)
        code_layout.addWidget(self.barcodes)
        code_layout.addLayout(code_row)

        self.error = error_label(self)

        buttons = QDialogButtonBox(self)
        if self.may_edit:
            self.save_button = buttons.addButton(translate("Products", "Save"),
                                                 QDialogButtonBox.ButtonRole.AcceptRole)
            self.save_button.setObjectName("save")
            buttons.addButton(translate("Products", "Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        else:
            buttons.addButton(translate("Products", "Close"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(codes)
        if cost_box is not None:
            layout.addWidget(cost_box)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        (self.sku if new else self.name).setFocus()

    def eventFilter(self, watched, event) -> bool:
        """A scanner ends a code with Enter: in the barcode field that adds the code
        rather than saving the dialog."""
        if (watched is self.new_code and event.type() == QEvent.Type.KeyPress
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)):
            self.add_barcode()
            return True
        return super().eventFilter(watched, event)

    # -- barcodes
    def codes(self) -> list[str]:
        return [self.barcodes.item(i).text() for i in range(self.barcodes.count())]

    def add_barcode(self) -> bool:
        raw = self.new_code.text().strip()
        if not raw:
            return False
        try:
            code = normalise_barcode(raw)
        except BooksError as exc:
            self._fail(refusal_text(exc.message))
            return False
        if code not in self.codes():
            self.barcodes.addItem(code)
        self.new_code.clear()
        self.error.hide()
        return True

    def remove_barcode(self) -> None:
        for item in self.barcodes.selectedItems():
            self.barcodes.takeItem(self.barcodes.row(item))

    # -- saving
    def _fail(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()

    def save(self) -> bool:
        if not self.may_edit:
            return False
        if self.new_code.text().strip() and not self.add_barcode():
            return False
        try:
            text = self._plain
            if self.detail is None:
                sku = self.sku.text().strip()
                cost = (text(self.opening_cost, translate("Products", "Expected cost"))
                        if self.opening_cost else None)
                self.books.add_product(NewProduct(
                    sku=sku, name=self.name.text(), barcodes=self.codes(),
                    unit=self.unit.text(),
                    price=text(self.price, translate("Products", "Sale price")) or "0",
                    cost=cost, category=self.category.text(),
                    min_qty=text(self.min_qty, translate("Products", "Min")) or None,
                    max_qty=text(self.max_qty, translate("Products", "Max")) or None,
                    batch_tracked=self.batch.isChecked()))
            else:
                sku = self.sku.text().strip()
                self.books.update_product(self.detail.sku, self._changes())
        except BooksError as exc:
            self._fail(refusal_text(exc.message))
            return False
        self.saved.emit(sku)
        self.accept()
        return True

    @staticmethod
    def _plain(widget: QLineEdit, what: str) -> str:
        """A typed number in the plain form the books read ('1,234.5' -> '1234.5');
        '' when empty; BooksError when it is no number in this locale."""
        t = widget.text().strip()
        return plain_number(t, what) if t else ""

    def _changes(self) -> ProductChanges:
        """Only what differs from the product as it was opened."""
        d = self.detail

        def changed_money(w, what, old):
            t = self._plain(w, what) or "0"
            try:
                return None if parse_money_text(t, what) == old else t
            except BooksError:
                return t                      # let the books word the refusal

        def changed_qty(w, what, old):
            t = self._plain(w, what)
            if not t:
                return "" if old is not None else None
            try:
                return None if parse_qty_text(t, what) == old else t
            except BooksError:
                return t

        new = {}
        for field, widget, old in (("sku", self.sku, d.sku), ("name", self.name, d.name),
                                   ("category", self.category, d.category),
                                   ("unit", self.unit, d.unit)):
            value = widget.text().strip()
            if field == "name":
                value = " ".join(value.split())
            if value != old:
                new[field] = value
        price = changed_money(self.price, translate("Products", "Sale price"), d.price)
        if price is not None:
            new["price"] = price
        if (q := changed_qty(self.min_qty, translate("Products", "Min"), d.min_qty)) is not None:
            new["min_qty"] = q
        if (q := changed_qty(self.max_qty, translate("Products", "Max"), d.max_qty)) is not None:
            new["max_qty"] = q
        if self.codes() != list(d.barcodes):
            new["barcodes"] = self.codes()
        if self.batch.isChecked() != bool(d.batch_tracked):
            new["batch_tracked"] = self.batch.isChecked()
        if self.active.isChecked() != bool(d.active):
            new["active"] = self.active.isChecked()
        return ProductChanges(**new)


def build(engine: Engine, actor: Actor) -> QWidget:
    return ProductsScreen(engine, actor)
