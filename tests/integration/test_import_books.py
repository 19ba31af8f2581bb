"""Old books in: the fixture books (../shared/fixtures/books, its README's table
row by row) and books these tests write with other headers, layouts, languages
and encodings -- on SQLite and PostgreSQL."""
from __future__ import annotations

import datetime as dt
import json
import time
import zipfile
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook
from sqlalchemy import select

from db import imports
from db.check import check_books
from db.engine import write_transaction
from db.errors import BooksError
from db.schema import (barcodes, customers, documents, import_batches, products, sales_history,
                       stock, suppliers)
from desktop.books.pipeline import commit, preview_for, write_rejects

FIXTURES = Path(__file__).resolve().parents[3] / "shared" / "fixtures" / "books"
EXPECTED = json.loads((FIXTURES / "expected.json").read_text()) if FIXTURES.is_dir() else {}
needs_fixtures = pytest.mark.skipif(not FIXTURES.is_dir(), reason=f"no fixtures at {FIXTURES}")


def run(shop, kind, path, **kw):
    p = preview_for(shop.engine, kind, path, **kw)
    return p, commit(shop.engine, shop.owner, p)


def product_rows(shop) -> dict[str, dict]:
    out = {}
    for r in shop.rows(select(products.c.id, products.c.sku, products.c.name, products.c.unit,
                              products.c.category, products.c.price, stock.c.qty, stock.c.value,
                              stock.c.last_cost).join(stock)):
        codes = [c for (c,) in shop.rows(select(barcodes.c.code)
                                         .where(barcodes.c.product_id == r.id))]
        out[r.sku] = {"name": r.name, "unit": r.unit, "category": r.category, "price": r.price,
                      "on_hand": r.qty, "last_cost": r.last_cost, "barcodes": codes}
    return out


def fen(text: str) -> int:
    return round(float(text) * 100)


# ---------------------------------------------------------------- the fixture books

@needs_fixtures
@pytest.mark.parametrize("name", ["legacy_products.xls", "legacy_products.xlsx"])
def test_the_legacy_product_book_lands_as_its_owner_expects(shop, name):
    p, done = run(shop, "products", FIXTURES / name)
    got = product_rows(shop)
    assert set(got) == {e["sku"] for e in EXPECTED["products"]}          # no title, note, 合计
    for e in EXPECTED["products"]:
        g = got[e["sku"]]
        assert (g["name"], g["unit"], g["category"]) == (e["name"], e["unit"], e["category"]), e
        assert g["price"] == fen(e["price"]) and g["last_cost"] == fen(e["cost"]), e
        assert g["on_hand"] == int(e["on_hand"]) * 1000, e                # opening stock
        assert g["barcodes"] == ([e["barcode"]] if e["barcode"] else []), e
    stored = {c for (c,) in shop.rows(select(barcodes.c.code))}
    assert not stored & set(EXPECTED["forbidden_barcodes"])               # never "corrected"
    flagged = {i["row"] for i in done["issues"] if i["severity"] != "info"}
    assert {e["excel_row"] for e in EXPECTED["products"] if e.get("flag_row")} <= flagged
    assert not {n for n in EXPECTED["not_products"]} & {g["name"] for g in got.values()}
    assert len(done["documents"]) == 1 and done["documents"][0].startswith("QC")
    assert check_books(shop.engine) == []


@needs_fixtures
def test_importing_the_same_book_again_changes_nothing_and_dry_run_writes_nothing(shop):
    dry = preview_for(shop.engine, "products", FIXTURES / "legacy_products.xlsx")
    assert dry.summary()["rows_imported"] == 15 and shop.count(products) == 0
    run(shop, "products", FIXTURES / "legacy_products.xlsx")
    docs_before, stock_before = shop.count(documents), product_rows(shop)
    _p, again = run(shop, "products", FIXTURES / "legacy_products.xls")    # the same rows
    assert again["rows_imported"] == 0 and again["rows_unchanged"] == 15
    assert shop.count(documents) == docs_before and product_rows(shop) == stock_before


@needs_fixtures
def test_customers_with_numeric_phones_spaces_and_opening_balances(shop):
    _p, done = run(shop, "customers", FIXTURES / "customers.xlsx")
    got = {r.name: (r.phone, r.balance) for r in shop.rows(select(customers))}
    assert got == {e["name"]: (e["phone"], fen(e["opening_balance"]))
                   for e in EXPECTED["customers"]}
    assert done["rows_merged"] == 1 and done["documents"][0].startswith("QE")
    assert check_books(shop.engine) == []
    _p, again = run(shop, "customers", FIXTURES / "customers.xlsx")
    assert again["rows_imported"] == 0 and shop.count(documents) == 1


@needs_fixtures
def test_english_headers_dollar_prices_and_a_gb18030_csv(shop):
    run(shop, "products", FIXTURES / "inventory_en.xlsx")
    run(shop, "products", FIXTURES / "products_gb18030.csv")
    got = product_rows(shop)
    for e in EXPECTED["english"]:
        g = got[e["sku"]]
        assert (g["name"], g["unit"], g["price"], g["on_hand"], g["barcodes"]) == (
            e["name"], e["unit"], fen(e["price"]), int(e["on_hand"]) * 1000, [e["barcode"]])
    for e in EXPECTED["gb18030"]:
        assert (got[e["sku"]]["name"], got[e["sku"]]["price"]) == (e["name"], fen(e["price"]))


@needs_fixtures
@pytest.mark.parametrize("name, words", [
    ("broken_truncated.xlsx", "damaged"), ("broken_not_excel.xlsx", "not a workbook"),
    ("broken_zipbomb.xlsx", "zip bomb"), ("broken_entities.xlsx", "XML entities"),
    ("broken_no_header.xlsx", "no header row"), ("broken_empty.xlsx", "empty")])
def test_broken_books_get_one_clear_message_and_touch_nothing(shop, name, words):
    started = time.perf_counter()
    with pytest.raises(BooksError, match=words) as got:
        preview_for(shop.engine, "products", FIXTURES / name)
    assert name in got.value.message and "\n" not in got.value.message
    assert time.perf_counter() - started < 1.0                      # the bomb: refused at once
    assert shop.count(products) == 0 and shop.count(import_batches) == 0


# ---------------------------------------------------------------- books the tests write

def book(path: Path, rows: list[list], *, merge: list[str] = ()) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.title = "Sheet"
    for r in rows:
        ws.append(r)
    for ref in merge:
        ws.merge_cells(ref)
    wb.save(path)
    return path


def test_another_shops_book_other_words_duplicates_and_rejects(shop, tmp_path):
    path = book(tmp_path / "货品.xlsx", [
        ["", "库存盘点表"],
        ["品号", "品名", "国际条码", "类别", "计量单位", "售价（元）", "进价", "库存数量"],
        ["P1", "可口可乐 330ml", "6901234567892", "饮料", "罐", "3.50", "2.10", "240"],
        ["P2", "雪碧 330ml", "４００６３８１３３３９３１", "", "罐", "￥3.50", "2.10", "１２０"],
        ["P1", "可口可乐 330ml", "6901234567892", "饮料", "罐", "3.50", "2.10", "240"],   # again
        ["P3", "芬达 330ml", "6901234567892", "饮料", "罐", "3.50", "2.10", "10"],   # P1's code
        ["P1", "可口可乐 500ml", "", "饮料", "瓶", "4.50", "", ""],              # conflicts
        ["P4", "", "", "", "", "1", "", ""],                                       # no name
        ["P5", "百事可乐", "", "饮料", "罐", "abc", "", ""],                        # bad price
        ["", "", "", "", "", "", "总计", "370"],
    ], merge=["D3:D4"])
    p, done = run(shop, "products", path)
    assert p.header_index == 1 and p.mapping[4] == "unit" and p.mapping[5] == "price"
    got = product_rows(shop)
    assert set(got) == {"P1", "P2", "P3"}
    assert got["P2"]["category"] == "饮料"                    # from the merged block
    assert got["P2"]["barcodes"] == ["4006381333931"] and got["P2"]["on_hand"] == 120_000
    assert got["P3"]["barcodes"] == []                        # one barcode, one product
    assert (done["rows_read"], done["rows_imported"], done["rows_merged"],
            done["rows_rejected"]) == (7, 3, 1, 3)
    errors = {(i["row"], i["column"]) for i in done["issues"] if i["severity"] == "error"}
    assert errors == {(7, "品名"), (8, "品名"), (9, "售价（元）")}
    rejects = tmp_path / "rejects.xlsx"
    assert write_rejects(p, rejects) == 3
    ws = load_workbook(rejects).active
    rows = list(ws.values)
    assert rows[0][-1] == "原因 / Reason" and [r[0] for r in rows[1:]] == ["P1", "P4", "P5"]
    assert "also on row 3" in rows[1][-1] and "not a number" in rows[3][-1]


def test_a_changed_mapping_is_remembered_for_the_next_book_with_that_header(shop, tmp_path):
    rows = [["Code", "Label", "Retail price", "Notes"], ["X1", "Widget", "9.99", "12"]]
    first = book(tmp_path / "a.xlsx", rows)
    assert preview_for(shop.engine, "products", first).mapping == {0: "sku", 2: "price"}
    p = preview_for(shop.engine, "products", first, mapping={"Label": "name", "Notes": "qty"})
    assert p.mapping == {0: "sku", 1: "name", 2: "price", 3: "qty"}
    commit(shop.engine, shop.owner, p)
    assert product_rows(shop)["X1"]["on_hand"] == 12_000
    second = book(tmp_path / "b.xlsx", [rows[0], ["X2", "Gadget", "1.00", "5"]])
    assert preview_for(shop.engine, "products", second).mapping == p.mapping
    with pytest.raises(BooksError, match="no column headed 'Nope'"):
        preview_for(shop.engine, "products", second, mapping={"Nope": "qty"})


def test_a_utf8_csv_with_bom_suppliers_and_what_the_shop_owes(shop, tmp_path):
    path = tmp_path / "suppliers.csv"
    path.write_bytes("\ufeff供应商名称\t电话\t应付余额\n海天味业\t020-88886666\t\"1,200.50\"\n"
                     "康师傅\t13800000000\t0\n".encode("utf-8"))
    _p, done = run(shop, "suppliers", path)
    got = {r.name: (r.phone, r.balance) for r in shop.rows(select(suppliers))}
    assert got == {"海天味业": ("020-88886666", 120050), "康师傅": ("13800000000", 0)}
    assert check_books(shop.engine) == []


def test_opening_stock_and_sales_history_import_once(shop, tmp_path):
    shop.product("A1", "5.00", barcodes=["6901234567892"])
    stock_book = book(tmp_path / "stock.xlsx", [["条码", "数量", "成本价"],
                                                ["6901234567892", "10", "3.00"],
                                                ["NOPE", "1", "1"]])
    _p, done = run(shop, "opening-stock", stock_book)
    assert shop.stock_of("A1") == (10_000, 3000) and done["rows_rejected"] == 1
    _p, again = run(shop, "opening-stock", stock_book)
    assert again["rows_imported"] == 0 and shop.stock_of("A1") == (10_000, 3000)
    history = book(tmp_path / "sales.xlsx", [
        ["日期", "商品编码", "商品名称", "数量", "金额", "客户"],
        ["2024/3/5", "A1", "Product A1", 2, "¥10.00", "张三"],
        [45360, "B9", "旧商品", "1", "3.5", ""],                      # an Excel date number
        ["2024年3月7日", "", "散装糖", "0.5", "4", ""],
        ["2024-13-01", "A1", "", 1, 5, ""]])                           # no such month
    _p, done = run(shop, "sales-history", history)
    got = shop.rows(select(sales_history.c.day, sales_history.c.sku, sales_history.c.amount,
                           sales_history.c.product_id).order_by(sales_history.c.id))
    assert [(r.day, r.sku, r.amount) for r in got] == [
        (dt.date(2024, 3, 5), "A1", 1000), (dt.date(2024, 3, 9), "B9", 350),
        (dt.date(2024, 3, 7), "", 400)]
    assert got[0].product_id is not None and got[1].product_id is None
    assert done["rows_rejected"] == 1 and shop.stock_of("A1") == (10_000, 3000)   # not moved
    _p, again = run(shop, "sales-history", history)
    assert again["rows_imported"] == 0 and shop.count(sales_history) == 3


def test_undo_reverses_a_whole_batch(shop, tmp_path):
    path = book(tmp_path / "p.xlsx", [["SKU", "Name", "Price", "Cost", "Qty"],
                                      ["U1", "One", "2.00", "1.00", "5"],
                                      ["U2", "Two", "3.00", "1.50", "4"]])
    _p, done = run(shop, "products", path)
    with write_transaction(shop.engine) as conn:
        undone = imports.undo(conn, shop.owner, done["batch"])
    assert undone["products_retired"] == 2 and len(undone["reversals"]) == 1
    assert shop.stock_of("U1") == (0, 0)
    assert shop.count(products, products.c.active.is_(True)) == 0
    assert check_books(shop.engine) == []
    with write_transaction(shop.engine) as conn, pytest.raises(BooksError, match="undone"):
        imports.undo(conn, shop.owner, done["batch"])
    # the owner fixes the book and imports it again: the products come back as written
    fixed = book(tmp_path / "p2.xlsx", [["SKU", "Name", "Price", "Cost", "Qty"],
                                        ["U1", "One", "2.50", "1.00", "5"],
                                        ["U2", "Two", "3.00", "1.50", "4"]])
    _p, again = run(shop, "products", fixed)
    assert again["rows_imported"] == 2 and shop.count(products, products.c.active.is_(True)) == 2
    assert shop.stock_of("U1") == (5000, 500) and product_rows(shop)["U1"]["price"] == 250
    assert check_books(shop.engine) == []


def test_limits_and_an_encrypted_workbook(shop, tmp_path, monkeypatch):
    from desktop.books import reading
    monkeypatch.setattr(reading, "MAX_ROWS", 3)
    big = book(tmp_path / "big.xlsx", [["SKU", "Name"]] + [[f"S{i}", "x"] for i in range(5)])
    with pytest.raises(BooksError, match="has 6 rows, more than the 3 rows"):
        preview_for(shop.engine, "products", big)
    enc = tmp_path / "secret.xlsx"
    enc.write_bytes(reading.OLE_MAGIC + b"\0" * 100 + "EncryptedPackage".encode("utf-16-le"))
    with pytest.raises(BooksError, match="encrypted"):
        preview_for(shop.engine, "products", enc)
    z = tmp_path / "z.xlsx"
    with zipfile.ZipFile(z, "w", zipfile.ZIP_DEFLATED) as f:
        f.writestr("xl/worksheets/sheet1.xml", "<" + "a" * (60 << 20) + ">")
    with pytest.raises(BooksError, match="zip bomb"):
        preview_for(shop.engine, "products", z)


def test_what_is_exported_imports_back_as_it_was(shop, tmp_path, empty_db_url):
    """products, customers, suppliers, stock and sales out to .xlsx, then into a new
    shop: the same products (several barcodes, costs, limits), balances, stock, sales."""
    from db import shop as shop_init
    from db.books import Books
    from db.engine import make_engine
    from db.users import owner
    from desktop.books.exporting import export_kind
    shop.product("A1", "12.50", name="海天金标生抽", unit="瓶", category="调味品",
                 barcodes=["6901234567892", "4006381333931"], min_qty="5", max_qty="50")
    shop.product("B1", "0.80", name="散装白糖", unit="kg")
    shop.product("C1", "1.00", name="=SUM(A1)")                          # formula-like name
    shop.receive("海天味业", ("A1", "10", "8.00"), ("B1", "2.5", "0.55"))
    shop.books.add_customer("张三", phone="0755-8888 6666", credit_limit="500")
    shop.sell(("A1", "2"), ("B1", "0.5"), customer="张三", payment="account")
    files = {k: tmp_path / f"{k}.xlsx" for k in ("products", "stock", "customers", "suppliers",
                                                  "sales", "movements")}
    for kind, path in files.items():
        assert export_kind(shop.engine, shop.owner, kind, path) >= 1

    fresh = make_engine(empty_db_url)
    try:
        shop_init.init(fresh, shop="New", owner="boss", password="owner-pass-1")
        with fresh.connect() as c:
            boss = owner(c)
        for kind, path in (("products", files["products"]), ("customers", files["customers"]),
                           ("suppliers", files["suppliers"]), ("opening-stock", files["stock"]),
                           ("sales-history", files["sales"])):
            p = preview_for(fresh, kind, path)
            assert p.count("rejected") == 0, [i for i in p.issues if i.severity == "error"]
            commit(fresh, boss, p)
        books = Books(fresh, boss)
        a1 = books.product_detail("A1")
        assert (a1.name, a1.unit, a1.category, a1.price, a1.min_qty, a1.max_qty) == (
            "海天金标生抽", "瓶", "调味品", 1250, 5000, 50000)
        assert sorted(a1.barcodes) == ["4006381333931", "6901234567892"]
        assert (a1.on_hand, a1.avg_cost) == (8000, 800)
        assert books.product_detail("B1").on_hand == 2000
        assert books.product_detail("C1").name == "=SUM(A1)"
        cust = books.customer_detail("张三")
        assert (cust.phone, cust.balance, cust.credit_limit) == ("0755-8888 6666", 2540, 50000)
        assert books.supplier_detail("海天味业").balance == 8000 + 138
        with fresh.connect() as c:
            hist = c.execute(select(sales_history.c.sku, sales_history.c.qty,
                                    sales_history.c.amount).order_by(sales_history.c.id)).all()
        assert [tuple(h) for h in hist] == [("A1", 2000, 2500), ("B1", 500, 40)]
        assert check_books(fresh) == []
    finally:
        fresh.dispose()
    from desktop.books.reading import read_book
    moves = read_book(files["movements"]).rows
    assert moves[0][:4] == ["时间", "单号", "类型", "货号"] and len(moves) == 1 + 4


def write_ods(path: Path, sheets: dict[str, list[list[str]]]) -> Path:
    """A minimal OpenDocument spreadsheet (what LibreOffice saves), cells as text or floats."""
    from xml.sax.saxutils import escape

    def cell(v):
        if isinstance(v, (int, float)):
            return (f'<table:table-cell office:value-type="float" office:value="{v}">'
                    f"<text:p>{v}</text:p></table:table-cell>")
        return (f'<table:table-cell office:value-type="string"><text:p>{escape(str(v))}'
                "</text:p></table:table-cell>")
    body = "".join(
        f'<table:table table:name="{escape(name)}">'
        + "".join("<table:table-row>" + "".join(cell(v) for v in row) + "</table:table-row>"
                  for row in rows) + "</table:table>" for name, rows in sheets.items())
    content = ('<?xml version="1.0" encoding="UTF-8"?><office:document-content '
               'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
               'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
               'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
               f"<office:body><office:spreadsheet>{body}</office:spreadsheet></office:body>"
               "</office:document-content>")
    manifest = ('<?xml version="1.0" encoding="UTF-8"?><manifest:manifest '
                'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" '
                'manifest:version="1.2"><manifest:file-entry manifest:full-path="/" '
                'manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
                '<manifest:file-entry manifest:full-path="content.xml" '
                'manifest:media-type="text/xml"/></manifest:manifest>')
    with zipfile.ZipFile(path, "w") as z:
        z.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.spreadsheet")
        z.writestr("META-INF/manifest.xml", manifest)
        z.writestr("content.xml", content)
    return path


def test_an_ods_book_and_the_sheet_chosen(shop, tmp_path):
    path = write_ods(tmp_path / "book.ods", {
        "说明": [["这本账的说明"]],
        "客户": [["客户名称", "手机", "欠款"], ["王记粮油", 13912345678, "¥88.00"]],
        "供应商": [["供应商", "电话", "应付"], ["金龙鱼", "400-888-8888", "1,000"]]})
    _p, done = run(shop, "customers", path, sheet="客户")
    assert shop.rows(select(customers.c.name, customers.c.phone, customers.c.balance))[0] == (
        "王记粮油", "13912345678", 8800)
    _p, done = run(shop, "suppliers", path, sheet="供应商")
    assert shop.balance(suppliers, "金龙鱼") == 100000
    with pytest.raises(BooksError, match="no sheet named '商品'; the sheets are: 说明, 客户, 供应商"):
        preview_for(shop.engine, "products", path, sheet="商品")


def test_a_big_book_goes_in_by_the_bulk_path_and_the_books_still_agree(shop, tmp_path):
    """Past a thousand lines the opening stock is written in bulk (COPY on PostgreSQL)
    and the products' indexes rebuilt after the load: check must find nothing, the
    lists must search the new names, and undo must take it all back."""
    from db import lists
    from db.engine import read_connection
    shop.product("OLD1", "1.00", name="早有的商品")
    rows = [["货号", "商品名称", "条码", "成本价", "零售价", "数量"]]
    for i in range(6000):
        code = f"69{i:010d}"
        from db.codes import gtin_check_digit
        rows.append([f"B{i:05d}", f"大包装米{i}号", code + str(gtin_check_digit(code)),
                     "1.25", "2.00", str(i % 7)])
    path = book(tmp_path / "big.xlsx", rows)
    _p, done = run(shop, "products", path)
    assert done["rows_imported"] == 6000 and check_books(shop.engine) == []
    assert shop.stock_of("B00006") == (6000, 750)
    with read_connection(shop.engine) as conn:
        found = lists.PRODUCTS.page(conn, lists.Query(search="大包装米5999"), None, 10)
    assert [r[0] for r in found] == ["B05999"]
    with write_transaction(shop.engine) as conn:
        imports.undo(conn, shop.owner, done["batch"])
    assert check_books(shop.engine) == [] and shop.stock_of("B00006") == (0, 0)
