"""Labels from the books (db.labels) on SQLite and PostgreSQL, and the `labels`
command (CLI.md): what is printed, how many, in-store barcodes, templates.

The bars themselves (whole dots, quiet zones, every template at 203 and 300
dpi) are tests/unit/test_label_barcodes.py; here the PDFs are read back
with pdftotext and zxing-cpp to see that the right products came out.
"""
from __future__ import annotations

import datetime as dt
import json
from concurrent.futures import ThreadPoolExecutor

import pytest
from sqlalchemy import select

from db import clock
from db import labels as L
from db.codes import gtin_check_digit
from db.errors import BooksError, NotFound, PermissionDenied
from db.masters import ProductChanges
from db.schema import audit_log, barcodes, label_templates, products
from desktop.printing.label_templates import BUILTIN
from desktop.printing.labels import labels_pdf
from tests.integration.test_cli import decoded_barcodes, ok, pdf_text, refused, run_cli

EAN = "6901234567892"


def _stock(shop) -> None:
    shop.product("A1", "12.50", name="海天金标生抽", barcodes=[EAN], unit="瓶")
    shop.product("B2", "13.90", name="散装鸡蛋", unit="千克", batch_tracked=True)
    shop.product("C3", "4.50", name="康师傅红烧牛肉面", barcodes=["96385074", "SK-C3"], unit="袋")


def _ean(body: str) -> str:
    return body + str(gtin_check_digit(body))


def _audit(shop, action: str) -> list:
    return shop.rows(select(audit_log.c.entity_id, audit_log.c.detail)
                     .where(audit_log.c.action == action).order_by(audit_log.c.seq))


# ---------------------------------------------------------------- what is printed

def test_items_from_skus_copies_and_bad_input(shop):
    _stock(shop)
    shop.books.set_setting("scale.prefixes", "20-25")
    items = L.items_for_skus(shop.books, [("A1", 2), ("C3", 1), (EAN, 3)])
    assert [(i.sku, i.code, i.copies) for i in items] == [("A1", EAN, 2), ("C3", "96385074", 1),
                                                          ("A1", EAN, 3)]
    assert (items[0].name, items[0].price, items[0].unit) == ("海天金标生抽", 1250, "瓶")
    assert L.parse_sku_copies("A1:7") == ("A1", 7) and L.parse_sku_copies(" A1 ", 4) == ("A1", 4)
    for bad, words in (("A1:x", "A1: copies 'x' is not a whole number"),
                       ("A1:0", "A1: copies must be from 1 to 1000, not 0"),
                       ("A1:1001", "not 1001"), (":3", "give a SKU")):
        with pytest.raises(BooksError, match=words):
            L.parse_sku_copies(bad)
    with pytest.raises(NotFound, match="no product with SKU or barcode 'NOPE'"):
        L.items_for_skus(shop.books, [("A1", 1), ("NOPE", 1)])
    with pytest.raises(BooksError, match="at most 20000"):
        L.items_for_skus(shop.books, [("A1", 1000)] * 21)
    shop.books.update_product("C3", ProductChanges(active=False))
    with pytest.raises(BooksError, match="C3 is retired"):
        L.items_for_skus(shop.books, [("C3", 1)])


def test_purchase_receipt_labels_one_per_unit_received(shop, tmp_path):
    _stock(shop)
    shop.books.set_setting("scale.prefixes", "20-21")
    posted = shop.receive("海天", ("A1", "3", "8.00"), ("B2", "2.5", "9.00", "B7",
                                                       dt.date(2027, 1, 31)),
                          ("C3", "12", "3.00"))
    items = L.items_for_document(shop.books, posted.number.lower())     # any case
    assert [(i.sku, i.copies, i.batch, i.expiry) for i in items] == [
        ("A1", 3, "", None), ("B2", 1, "B7", dt.date(2027, 1, 31)), ("C3", 12, "", None)]
    eggs = items[1].code                     # B2 had no barcode: an in-store one now
    assert eggs.startswith("22") and len(eggs) == 13
    out = labels_pdf(items, BUILTIN["a4-3x8"], tmp_path / "rk.pdf", language="zh_CN", dpi=300)
    assert (out.labels, out.pages) == (16, 1)
    text = pdf_text(out.path)
    for words in ("海天金标生抽", "¥12.50", "批号 B7", "有效期至 2027-01-31", "散装鸡蛋"):
        assert words in text, f"{words!r} not on the labels:\n{text}"
    assert sorted(decoded_barcodes(out.path, 300)) == sorted([EAN] * 3 + [eggs]
                                                             + ["96385074"] * 12)

    sale = shop.sell(("A1", "1"))
    with pytest.raises(BooksError, match=f"{sale.number} is a sale: labels print from a "
                                         "purchase receipt"):
        L.items_for_document(shop.books, sale.number)
    with pytest.raises(NotFound, match="no document numbered 'RK19990101-0001'"):
        L.items_for_document(shop.books, "RK19990101-0001")
    second = shop.receive("海天", ("C3", "1", "3.00"))
    shop.books.cancel(second.number)
    with pytest.raises(BooksError, match=f"purchase receipt {second.number} is cancelled"):
        L.items_for_document(shop.books, second.number)
    with pytest.raises(BooksError, match="reversal of a cancelled receipt"):
        L.items_for_document(shop.books, second.number + "-C")


def test_price_change_labels_only_since_the_date(shop):
    _stock(shop)
    shop.product("D4", "2.00", name="农夫山泉", barcodes=["6921168509256"])
    try:
        clock.shift(dt.timedelta(days=-3))
        shop.books.update_product("C3", ProductChanges(price="4.80"))     # three days ago
    finally:
        clock.reset()
    shop.books.update_product("D4", ProductChanges(price="2.20"))
    shop.books.update_product("A1", ProductChanges(price="11.90"))
    shop.books.update_product("B2", ProductChanges(name="土鸡蛋"))          # not a price change
    today = clock.today()
    items = L.items_changed_since(shop.books, today, copies=2)
    assert [(i.sku, i.price, i.copies) for i in items] == [("A1", 1190, 2), ("D4", 220, 2)]
    since = L.items_changed_since(shop.books, today - dt.timedelta(days=5))
    assert [i.sku for i in since] == ["A1", "C3", "D4"] and since[1].price == 480
    with pytest.raises(BooksError, match="no product's price changed since"):
        L.items_changed_since(shop.books, today + dt.timedelta(days=1))


# ---------------------------------------------------------------- in-store barcodes

def test_instore_ean13_unique_check_digit_and_clear_of_scale_prefixes(shop):
    _stock(shop)
    shop.product("Z9", "1.00")
    first = L.allocate_instore_barcode(shop.books, "Z9")        # the default layout leaves 20
    assert first == _ean("200000000001")
    shop.books.set_setting("scale.prefixes", "20-29")
    with pytest.raises(BooksError, match="no in-store barcode prefix is free: the scale "
                                         "labels use 20-29"):
        L.allocate_instore_barcode(shop.books, "B2")           # scales claim all of them
    assert shop.count(barcodes) == 4                            # nothing more written
    shop.books.set_setting("scale.prefixes", "20-23,25")
    first_free = "24"
    taken = _ean(f"{first_free}0000000001")                     # someone's code already
    shop.product("E5", "1.00", barcodes=[taken])
    for sku in ("F6", "G7", "H8"):
        shop.product(sku, "1.00")
    codes = {sku: L.allocate_instore_barcode(shop.books, sku) for sku in ("B2", "F6", "G7")}
    assert len(set(codes.values()) | {taken}) == 4
    for code in codes.values():
        assert code[:2] == first_free and len(code) == 13 and code.isdigit()
        assert gtin_check_digit(code[:12]) == int(code[12])
    assert codes["B2"] == _ean(f"{first_free}0000000002")      # after the taken one
    assert L.allocate_instore_barcode(shop.books, "B2") == codes["B2"]     # kept, not a new one
    assert L.allocate_instore_barcode(shop.books, "A1") == EAN             # has one: no change
    stored = dict(shop.rows(select(barcodes.c.code, products.c.sku).join(products)))
    assert all(stored[c] == sku for sku, c in codes.items())
    assert [(e, json.loads(d)["barcode"]) for e, d in _audit(shop, "barcode.allocate")] == \
        [("Z9", first), ("B2", codes["B2"]), ("F6", codes["F6"]), ("G7", codes["G7"])]
    # labels of a product with no barcode carry the new one, found again by the till
    (item,) = L.items_for_skus(shop.books, [("H8", 1)])
    from db.counter import lookup, scale_layout
    with shop.engine.connect() as c:
        assert lookup(c, item.code, scale_layout(c)).sku == "H8"


def test_instore_barcodes_allocated_at_once_never_collide(shop):
    shop.books.set_setting("scale.prefixes", "20-28")
    skus = [f"P{i}" for i in range(6)]
    for sku in skus:
        shop.product(sku, "1.00")
    with ThreadPoolExecutor(max_workers=6) as pool:
        codes = list(pool.map(lambda s: L.allocate_instore_barcode(shop.books, s), skus))
    assert len(set(codes)) == 6 and all(c.startswith("29") for c in codes)


# ---------------------------------------------------------------- templates

SPEC = {"base": "roll-50x30", "fields": [
    {"field": "name", "box": [2, 1, 46, 6], "size": 7, "lines": 2},
    {"field": "price", "box": [2, 8, 46, 6], "size": 14, "bold": True},
    {"field": "barcode", "box": [2, 15, 46, 14]}]}


def test_owner_defined_templates(shop, tmp_path):
    _stock(shop)
    saved = L.save_template(shop.books, "shelf-50", json.dumps(SPEC))
    assert (saved.width, saved.height, len(saved.fields)) == (50, 30, 3)
    assert [t.name for t in L.templates(shop.books)] == list(BUILTIN) + ["shelf-50"]
    assert L.template(shop.books, "shelf-50").spec() == saved.spec()
    assert L.save_template(shop.books, "shelf-50", SPEC) == saved          # unchanged: no row
    items = L.items_for_skus(shop.books, [("A1", 2)])
    out = labels_pdf(items, L.template(shop.books, "shelf-50"), tmp_path / "own.pdf")
    assert out.labels == 2 and EAN in decoded_barcodes(out.path)

    clerk = shop.as_user("li", "clerk")
    with pytest.raises(PermissionDenied, match="li \\(clerk\\) may not do this: change label"):
        L.save_template(clerk, "mine", SPEC)
    with pytest.raises(PermissionDenied):
        L.delete_template(clerk, "shelf-50")
    assert [i.code for i in L.items_for_skus(clerk, [("A1", 1)])] == [EAN]  # clerks print them
    cashier = shop.as_user("wang", "cashier")
    with pytest.raises(PermissionDenied, match="wang \\(cashier\\) may not do this: labels"):
        L.items_for_skus(cashier, [("A1", 1)])
    with pytest.raises(BooksError, match="'a4-3x8' is a built-in label template"):
        L.save_template(shop.books, "a4-3x8", SPEC)
    with pytest.raises(BooksError, match="label template 'bad': fields 1 \\(name\\) and 2"):
        L.save_template(shop.books, "bad", {"size": [50, 30], "fields": [
            {"field": "name", "box": [0, 0, 30, 8]}, {"field": "price", "box": [10, 2, 30, 8]}]})
    with pytest.raises(BooksError, match="no spaces"):
        L.save_template(shop.books, "my labels", SPEC)
    assert shop.count(label_templates) == 1

    L.delete_template(shop.books, "shelf-50")
    with pytest.raises(NotFound, match="no label template named 'shelf-50'"):
        L.template(shop.books, "shelf-50")
    with pytest.raises(NotFound):
        L.delete_template(shop.books, "shelf-50")
    assert [e for e, _ in _audit(shop, "label-template.save")] == ["shelf-50"]
    assert [e for e, _ in _audit(shop, "label-template.delete")] == ["shelf-50"]


# ---------------------------------------------------------------- the command line

def test_cli_labels(shop, tmp_path):
    """CLI.md's `labels`, as subprocesses (the shop set up through the books)."""
    shop.product("A1", "12.50", name="海天金标生抽", barcodes=[EAN], unit="瓶")
    shop.product("B2", "13.90", name="散装鸡蛋")
    shop.books.set_setting("scale.prefixes", "20-27")
    password = {"STOREKEEPER_PASSWORD": shop.owner_password}
    cli = lambda *a, env=None: run_cli(*a, db=shop.url, env={**password, **(env or {})})  # noqa

    out, english, bad = tmp_path / "labels.pdf", tmp_path / "en.pdf", tmp_path / "bad.pdf"
    zh, en = {"STOREKEEPER_LANG": "zh_CN"}, {"STOREKEEPER_LANG": "en"}
    refusals = ((("--sku", "ZZ9"), ["ZZ9"]), (("--sku", "A1:lots"), ["A1", "lots"]),
                (("--sku", "A1", "--template", "nope"), ["nope"]),
                (("--document", "RK19990101-0001"), ["RK19990101-0001"]))
    usage = (("labels", "--sku", "A1"), ("labels", "-o", str(bad)),
             ("labels", "--sku", "A1", "--document", "X", "-o", str(bad)))
    calls = [(("labels", "--list-templates"), {}), (("labels", "--list-templates", "--json"), {}),
             (("labels", "--sku", "A1:2", "--sku", "B2", "--template", "a4-3x8", "-o", str(out),
               "--json"), zh),
             (("labels", "--sku", "A1", "-o", str(english), "--dpi", "300"), en)]
    calls += [(("labels", *args, "-o", str(bad)), {}) for args, _ in refusals]
    calls += [(args, {}) for args in usage]
    with ThreadPoolExecutor(max_workers=4) as pool:      # each is a process of its own
        results = list(pool.map(lambda c: cli(*c[0], env=c[1]), calls))
    listed, as_json, done, done_en, *rest = results

    names = ok(listed).out.splitlines()
    assert [l.split()[0] for l in names] == list(BUILTIN)      # one a line, name first
    assert names[3].split()[1:3] == ["70x36", "mm"] and "3x8" in names[3]
    as_json = json.loads(ok(as_json).out)
    assert as_json[5]["name"] == "a4-5x13" and as_json[5]["per_page"] == 65

    done = json.loads(ok(done).out)
    eggs = done["items"][1]["barcode"]                   # B2 had none: an in-store EAN-13
    assert (done["labels"], done["pages"], done["template"]) == (3, 1, "a4-3x8")
    assert eggs.startswith("28") and gtin_check_digit(eggs[:12]) == int(eggs[12])
    text = pdf_text(out)
    for words in ("海天金标生抽", "12.50", "散装鸡蛋", "13.90", "售价"):
        assert words in text, f"{words!r} not on the labels:\n{text}"
    assert sorted(decoded_barcodes(out)) == sorted([EAN, EAN, eggs])
    ok(done_en)
    assert "Price" in pdf_text(english) and decoded_barcodes(english, 300) == [EAN]

    for (args, words), r in zip(refusals, rest):
        refused(r, *words)
    for r in rest[len(refusals):]:
        assert r.code == 2 and "Traceback" not in r.err and r.err.strip(), r
    assert not bad.exists()
    assert sorted(p.name for p in tmp_path.iterdir() if ".pdf" in p.name) == ["en.pdf",
                                                                              "labels.pdf"]
