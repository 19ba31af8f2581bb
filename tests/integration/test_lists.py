"""The lists behind the desktop (db.lists) on both databases: keyset pages in every
order without gaps or repeats, the product search rules, counts, parties,
documents and the import history."""
from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select, text

from db import audit, lists
from db.codes import gtin_check_digit
from db.engine import write_transaction
from db.lists import Query
from db.masters import NewProduct
from db.money import unit_cost
from db.schema import product_grams, products

PAGE = 4


def ean13(body12: str) -> str:
    return body12 + str(gtin_check_digit(body12))


# name, sku, category, unit, price, barcodes, min, max
CATALOGUE = [
    ("海天金标生抽 500ml", "HT-001", "调味品", "瓶", "12.90", [ean13("690123456789")], "6", "240"),
    ("海天金标生抽 1.9L", "HT-002", "调味品", "瓶", "29.90", [ean13("690123456790")], None, None),
    ("海天特级老抽", "ht-003", "调味品", "瓶", "12.90", [], "6", None),
    ("李锦记蚝油 520g", "LJJ-1", "调味品", "瓶", "9.90", [ean13("690400000001")], None, "100"),
    ("金龙鱼花生油 5L", "JLY-1", "粮油", "桶", "89.00", [ean13("692200000001"), "IN-STORE-7"], None, None),
    ("五常大米 5kg", "DM-5", "粮油", "袋", "39.90", [], "2", "20"),
    ("散装大米", "DM-0", "粮油", "kg", "5.20", [], None, None),
    ("青岛啤酒 330ml ×6", "QD-6", "酒水", "罐", "21.00", [ean13("690100000006")], "12", "240"),
    ("青岛纯生 500ml", "QD-1", "酒水", "罐", "6.50", [ean13("690100000001")], None, None),
    ("农夫山泉 550ml", "NF-550", "饮料", "瓶", "2.00", [ean13("693300000550")], "24", "480"),
    ("可口可乐 Coca-Cola 500ml", "KO-500", "饮料", "瓶", "3.50", [ean13("693300000500")], None, None),
    ("乐事薯片 原味 70g", "LS-70", "零食", "袋", "6.50", [], None, None),
    ("卫龙辣条 106g", "WL-106", "零食", "包", "2.50", [], "10", "200"),
    ("舒肤佳香皂 100g", "SFJ-100", "日用品", "块", "4.10", [ean13("695500000100")], None, None),
    ("维达抽纸 3包", "VD-3", "日用品", "提", "9.90", [], None, None),
    ("生抽王", "SC-WANG", "调味品", "瓶", "15.00", [], None, None),
    ("金标", "JB-0", "调味品", "", "0.50", [], None, None),
    ("HTJB 进口酱油", "IMP-1", "调味品", "瓶", "45.00", [], None, None),
    ("苹果 红富士", "PG-1", "生鲜", "kg", "8.00", [], "5", "50"),
    ("香蕉", "XJ-1", "生鲜", "kg", "5.00", [], None, None),
]
INACTIVE = "DM-0"
STOCKED = {"HT-001": ("10", "5.00"), "HT-002": ("10", "5.00"), "LJJ-1": ("3", "4.00"),
           "QD-6": ("0.5", "12.00"), "NF-550": ("10", "0.80"), "KO-500": ("7", "1.90"),
           "PG-1": ("2.5", "4.00"), "XJ-1": ("10", "3.00")}


@pytest.fixture
def catalogue(shop):
    for name, sku, cat, unit, price, codes, lo, hi in CATALOGUE:
        shop.books.add_product(NewProduct(sku=sku, name=name, barcodes=codes, unit=unit, price=price,
                                          category=cat, min_qty=lo, max_qty=hi,
                                          cost="1.00" if sku == "VD-3" else None))
    shop.receive("Acme", *[(sku, qty, cost) for sku, (qty, cost) in STOCKED.items()])
    shop.receive("Acme", ("HT-001", "10", "7.00"))
    shop.sell(("KO-500", "7"))                   # nothing left: the cost is the last one
    shop.execute("UPDATE products SET active = :f WHERE sku = :s", f=False, s=INACTIVE)
    return shop


def read_all(lst, conn, query: Query, page: int = PAGE) -> list[tuple]:
    """Every row of the query, a page at a time, following the cursors."""
    rows, after = [], None
    while True:
        got = lst.page(conn, query, after, page)
        assert len(got) <= page
        rows += got
        if len(got) < page:
            return rows
        after = lst.cursor(query, got[-1])


def expected_order(conn, lst, sort: str, desc: bool, rows: list[tuple]) -> list[tuple]:
    """rows in the order the query should give them, worked out apart from db.lists: one
    ORDER BY over a VALUES list of (sort value, key), so that the database's own
    collation decides, NULLs first ascending and last descending."""
    if not rows:
        return []
    i, k = lst.fields.index(sort), lst.fields.index(lst.key)
    values = ", ".join(f"(:a{n}, :b{n}, {n})" for n in range(len(rows)))
    params = {}
    for n, r in enumerate(rows):
        params[f"a{n}"], params[f"b{n}"] = r[i], r[k]
    d, nulls = (" DESC", " NULLS LAST") if desc else ("", " NULLS FIRST")
    order = conn.execute(text(f"SELECT n FROM (VALUES {values}) AS v(a, b, n) "
                              f"ORDER BY a{d}{nulls}, b{d}") if conn.dialect.name == "postgresql"
                         else text(f"WITH v(a, b, n) AS (VALUES {values}) SELECT n FROM v "
                                   f"ORDER BY a{d}{nulls}, b{d}"), params).scalars().all()
    return [rows[n] for n in order]


# ---------------------------------------------------------------- paging

@pytest.mark.parametrize("lst", [lists.STOCK, lists.PRODUCTS, lists.PRODUCTS_WITH_COST],
                         ids=lambda l: l.name)
def test_products_page_to_the_end_in_every_order(catalogue, lst):
    with catalogue.engine.connect() as conn:
        everything = read_all(lst, conn, Query(), page=1000)
        assert len(everything) == len(CATALOGUE) - 1              # the inactive one is not listed
        assert lst.count(conn, Query()) == len(everything)
        assert INACTIVE not in [r[0] for r in everything]
        for sort in lst.sortable:
            for desc in (False, True):
                for page in (1, PAGE, 7):
                    got = read_all(lst, conn, Query(sort=sort, descending=desc), page)
                    assert got == expected_order(conn, lst, sort, desc, everything), (sort, desc, page)


@pytest.mark.parametrize("probe", [2, 20000])
def test_on_hand_order_through_the_stock_table(catalogue, monkeypatch, probe):
    """The on-hand order reads equal quantities in SKU order (a large group) or sorts
    them (a small one); most of the catalogue has none on hand."""
    monkeypatch.setattr(lists, "PROBE_ROWS", probe)
    catalogue.product("ZZ-9", "1.00", name="最后一个")
    catalogue.execute("UPDATE products SET active = :f WHERE sku = 'LS-70'", f=False)
    with catalogue.engine.connect() as conn:
        for lst in (lists.STOCK, lists.PRODUCTS):
            everything = read_all(lst, conn, Query(), page=1000)
            for desc in (False, True):
                want = expected_order(conn, lst, "on_hand", desc, everything)
                for page in (1, 2, 3, 5, 100):
                    got = read_all(lst, conn, Query(sort="on_hand", descending=desc), page)
                    assert got == want, (lst.name, desc, page)


def test_default_order_and_cursor_shapes(catalogue):
    p = lists.PRODUCTS
    assert p.default_sort == "sku" and p.key == "sku" and "barcodes" not in p.sortable
    assert "cost" not in lists.PRODUCTS_WITH_COST.sortable
    with catalogue.engine.connect() as conn:
        first = p.page(conn, Query(), None, 2)
        assert p.cursor(Query(), first[-1]) == (first[-1][0],)
        assert p.cursor(Query(sort="price"), first[-1]) == (first[-1][5], first[-1][0])
        with pytest.raises(ValueError):
            p.page(conn, Query(sort="barcodes"), None, 5)
        assert p.page(conn, Query(), None, 0) == []


def test_product_rows_hold_raw_values(catalogue):
    with catalogue.engine.connect() as conn:
        rows = {r[0]: r for r in read_all(lists.PRODUCTS_WITH_COST, conn, Query())}
        stock_rows = {r[0]: r for r in read_all(lists.STOCK, conn, Query())}
    jly = rows["JLY-1"]
    assert jly[:9] == ("JLY-1", "金龙鱼花生油 5L", f"{ean13('692200000001')}, IN-STORE-7", "粮油", "桶",
                       8900, 0, None, None)
    assert rows["HT-001"][6] == 20_000 and rows["HT-001"][7:9] == (6000, 240_000)
    assert rows["HT-001"][9] == unit_cost(12_000, 20_000) == 600        # moving average
    assert rows["KO-500"][6] == 0 and rows["KO-500"][9] == 190           # none left: last cost
    assert rows["VD-3"][9] == 100                                        # never received
    assert rows["QD-6"][9] == 1200
    assert stock_rows["PG-1"] == ("PG-1", "苹果 红富士", "生鲜", "kg", 2500, 800)


# ---------------------------------------------------------------- search

def matches(search: str) -> set[str]:
    """The search rules, written out in Python over CATALOGUE."""
    s = lists.normalise_search(search)
    low = s.translate(str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz"))
    from db.masters import pinyin_initials
    out = set()
    for name, sku, _, _, _, codes, _, _ in CATALOGUE:
        if sku == INACTIVE:
            continue
        sku_low = sku.translate(str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ",
                                              "abcdefghijklmnopqrstuvwxyz"))
        if (sku_low.startswith(low) or any(c.startswith(s) for c in codes)
                or (low.isascii() and low.isalnum() and pinyin_initials(name).startswith(low))
                or s in name):
            out.add(sku)
    return out


SEARCHES = ["htjb", "HTJB", "ｈｔｊｂ", "ht", "h", "ht-00", "Ht-0", "ljj", "690123", "6901",
            "69", "IN-STORE", "in-store", "生抽", "金标", "金", "海天金标生抽", "抽 5", "Coca", "coca",
            "ml", "500", "星巴克", "zz", "  生抽  ", "老抽", "5L", "ht-003"]


@pytest.mark.parametrize("limits", [{}, {"FEW": 1, "CAP": 1, "PROBE_ROWS": 3, "LEAD": 1},
                                    {"FEW": 0, "CAP": 1, "PROBE_ROWS": 3, "LEAD": 10**6},
                                    {"FEW": 1, "CAP": 2, "PROBE_ROWS": 1000},
                                    {"FEW": 0, "CAP": 3, "PROBE_ROWS": 2},
                                    {"FEW": 0, "CAP": 0, "PROBE_ROWS": 2}],
                         ids=["few", "common-rules", "pairs-intersected", "long-probe",
                              "by-id", "all-common"])
def test_search_rules(catalogue, monkeypatch, limits):
    """Rules with at most FEW matches give their ids; with more, the list is read in
    order (PROBE_ROWS), else their matches read by id (CAP) or through their indexes;
    SQLite intersects a fragment's pairs (LEAD)."""
    for name, value in limits.items():
        monkeypatch.setattr(lists, name, value)
    with catalogue.engine.connect() as conn:
        for search in SEARCHES:
            want = matches(search)
            for lst in (lists.PRODUCTS, lists.STOCK):
                q = Query(search=search)
                got = read_all(lst, conn, q)
                everything = read_all(lst, conn, Query(), page=1000)
                assert got == [r for r in everything if r[0] in want], search
                assert lst.count(conn, q) == len(want), search
            for sort in ("name", "price", "on_hand", "min_qty"):
                for desc in (False, True):
                    q = Query(sort=sort, descending=desc, search=search)
                    got = read_all(lists.PRODUCTS, conn, q, page=3)
                    everything = read_all(lists.PRODUCTS, conn, Query(sort=sort, descending=desc),
                                          page=1000)
                    assert got == [r for r in everything if r[0] in want], (search, sort, desc)


def test_search_examples(catalogue):
    with catalogue.engine.connect() as conn:
        def skus(search, lst=lists.PRODUCTS):
            return [r[0] for r in read_all(lst, conn, Query(search=search))]
        # pinyin initials: 海天金标生抽 is htjbsc; IMP-1's name starts with HTJB too (pinyin "htjb…")
        assert skus("htjb") == ["HT-001", "HT-002", "IMP-1"]
        # SKU prefix, any case; found by SKU and by pinyin, listed once
        assert skus("ht-00") == ["HT-001", "HT-002", "ht-003"]
        assert skus("HT-00") == skus("ht-00") == skus("Ht-00")
        # barcode prefix, and a product with two barcodes
        assert skus("690123") == ["HT-001", "HT-002"]
        assert skus("6901234") == ["HT-001", "HT-002"]
        assert skus("IN-STORE") == ["JLY-1"]
        # name contains: one character, two, many; a fragment found nowhere
        assert skus("生抽") == ["HT-001", "HT-002", "SC-WANG"]
        assert skus("抽") == ["HT-001", "HT-002", "SC-WANG", "VD-3", "ht-003"]
        assert skus("金标生抽 1.9") == ["HT-002"]
        assert skus("星巴克") == [] and skus("抽王x") == []
        assert lists.PRODUCTS.count(conn, Query(search="星巴克")) == 0
        # NFKC and white space
        assert skus("ＨＴ－００") == skus("ht-00")
        assert skus("  生抽 ") == skus("生抽")
        assert skus("") == skus("   ") and len(skus("")) == len(CATALOGUE) - 1


def test_renamed_and_new_products_are_found_by_their_new_names(catalogue):
    catalogue.execute("UPDATE products SET name = :n WHERE sku = 'SC-WANG'", n="老字号生抽王 特级")
    catalogue.product("NEW-1", "1.00", name="星巴克咖啡")
    with catalogue.engine.connect() as conn:
        def skus(search):
            return [r[0] for r in read_all(lists.PRODUCTS, conn, Query(search=search))]
        assert skus("老字号") == ["SC-WANG"]
        assert skus("星巴克") == ["NEW-1"]
        assert skus("王 特") == ["SC-WANG"]
        if conn.dialect.name == "sqlite":   # the triggers keep product_grams as a rebuild makes it
            kept = set(conn.execute(select(product_grams.c.gram, product_grams.c.product_id)).all())
            names = conn.execute(select(products.c.id, products.c.name)).all()
            assert kept == {(g, pid) for pid, name in names for g in lists.name_grams(name)}
            with write_transaction(catalogue.engine) as w:
                lists.rebuild_name_grams(w)
            assert set(conn.execute(select(product_grams.c.gram, product_grams.c.product_id)
                                    ).all()) == kept


def test_prefix_end():
    assert lists.prefix_end("ab") == "ac"
    assert lists.prefix_end("a\U0010ffff") == "b"
    assert lists.prefix_end("\U0010ffff") is None
    assert lists.prefix_end("a\ud7ff") == "a\ue000"


# ---------------------------------------------------------------- parties

def test_customers_and_suppliers(shop):
    people = [("王伟", "13800000001", "500.00"), ("李娜", "13900000002", None),
              ("王记餐馆", "13800000003", "2000.00"), ("张三", "", None), ("Zhang Wei", "0755-123", None)]
    for name, phone, limit in people:
        shop.books.add_customer(name, phone, limit)
    for name, phone in (("广州市恒丰商贸有限公司", "020-1"), ("深圳市鑫源食品贸易有限公司", "0755-2"),
                        ("恒丰二号", "")):
        shop.books.add_supplier(name, phone)
    shop.product("A1", "10.00")
    shop.receive("广州市恒丰商贸有限公司", ("A1", "10", "5.00"))
    shop.sell(("A1", "2"), customer="王伟", payment="account")
    with shop.engine.connect() as conn:
        c = lists.CUSTOMERS
        assert c.fields == ("name", "phone", "credit_limit", "balance") and c.key == "name"
        rows = read_all(c, conn, Query(), page=1000)
        assert {r[0]: r for r in rows}["王伟"] == ("王伟", "13800000001", 50_000, 2_000)
        assert {r[0]: r for r in rows}["李娜"][2] is None
        for sort in c.sortable:
            for desc in (False, True):
                got = read_all(c, conn, Query(sort=sort, descending=desc), page=2)
                assert got == expected_order(conn, c, sort, desc, rows), (sort, desc)
        def names(lst, search):
            return sorted(r[0] for r in read_all(lst, conn, Query(search=search)))
        assert names(c, "王") == ["王伟", "王记餐馆"]
        assert names(c, "1380") == ["王伟", "王记餐馆"]          # phone prefix
        assert names(c, "0001") == []                           # not a prefix of a phone
        assert names(c, "Wei") == ["Zhang Wei"]
        assert c.count(conn, Query(search="王")) == 2 and c.count(conn, Query()) == 5
        s = lists.SUPPLIERS
        assert s.fields == ("name", "phone", "balance")
        assert names(s, "恒丰") == ["广州市恒丰商贸有限公司", "恒丰二号"]
        assert names(s, "0755") == ["深圳市鑫源食品贸易有限公司"]
        sup = {r[0]: r for r in read_all(s, conn, Query())}
        assert sup["广州市恒丰商贸有限公司"] == ("广州市恒丰商贸有限公司", "020-1", 5_000)


# ---------------------------------------------------------------- documents

def test_sales_and_purchases(shop):
    shop.product("A1", "10.00")
    shop.product("B2", "3.00")
    shop.books.add_customer("王伟")
    shop.books.add_customer("李娜")
    day1, day2 = dt.date(2026, 3, 1), dt.date(2026, 3, 2)
    r1 = shop.receive("恒丰商贸", ("A1", "50", "5.00"), ("B2", "50", "1.00"))
    shop.receive("鑫源食品", ("B2", "10", "1.10"))
    sales = [shop.books.post_sale([shop.line("A1", "1")], doc_date=day1),
             shop.books.post_sale([shop.line("A1", "2")], customer="王伟", payment="account",
                                  doc_date=day1),
             shop.books.post_sale([shop.line("B2", "3")], customer="李娜", doc_date=day2),
             shop.books.post_sale([shop.line("B2", "1")], payment="wechat", doc_date=day2)]
    ret = shop.books.post_return(sales[1].number, [shop.line("A1", "1")])
    cancelled = shop.books.cancel(sales[3].number)
    shop.books.post_purchase_return("恒丰商贸", [shop.line("B2", "5")])
    shop.books.post_supplier_payment("恒丰商贸", 10_000)
    shop.books.post_customer_payment("王伟", 500)          # neither list
    with shop.engine.connect() as conn:
        s = lists.SALES
        assert s.fields == ("number", "doc_date", "kind", "customer", "payment", "total", "status",
                            "user")
        assert s.key == "number" and s.default_sort == "doc_date" and s.default_descending
        rows = read_all(s, conn, Query(), page=2)
        assert s.count(conn, Query()) == len(rows) == 6     # 4 sales, a return, a reversal (-C)
        assert {r[2] for r in rows} == {"sale", "sale-return"}
        # newest day first, the number breaking ties (descending too)
        keys = [(r[1], r[0]) for r in rows]
        assert keys == sorted(keys, reverse=True)
        by_number = {r[0]: r for r in rows}
        assert by_number[sales[1].number][3:8] == ("王伟", "account", 2000, "posted", "boss")
        assert by_number[sales[0].number][3] == ""
        assert by_number[sales[3].number][6] == "cancelled"
        assert by_number[ret.number][2] == "sale-return"
        assert cancelled.number in by_number
        # Query(descending=True) reverses the default order; every field sorts both ways
        assert read_all(s, conn, Query(descending=True)) == rows[::-1]
        for sort in s.sortable:
            for desc in (False, True):
                got = read_all(s, conn, Query(sort=sort, descending=desc), page=3)
                assert sorted(got) == sorted(rows) and len(got) == len(rows), (sort, desc)
                assert got == expected_order(conn, s, sort, desc, rows), (sort, desc)

        def numbers(lst, search):
            return sorted(r[0] for r in read_all(lst, conn, Query(search=search)))
        xs = sales[0].number[:10]                                # XS and a day
        assert numbers(s, xs.lower()) == sorted(r[0] for r in rows if r[0].startswith(xs))
        assert numbers(s, sales[1].number) == [sales[1].number]
        assert numbers(s, ret.number) == [ret.number]
        assert numbers(s, "王") == sorted([sales[1].number, ret.number])
        assert numbers(s, "李娜") == [sales[2].number]
        assert numbers(s, "nobody") == []
        assert s.count(conn, Query(search="王")) == 2

        p = lists.PURCHASES
        assert p.fields == ("number", "doc_date", "kind", "supplier", "total", "status")
        prow = read_all(p, conn, Query(), page=2)
        assert {r[2] for r in prow} == {"purchase-receipt", "purchase-return", "supplier-payment"}
        assert len(prow) == p.count(conn, Query()) == 4
        assert numbers(p, "恒丰") == sorted(r[0] for r in prow if r[3] == "恒丰商贸")
        assert numbers(p, r1.number.lower()) == [r1.number]
        for sort in p.sortable:
            for desc in (False, True):
                got = read_all(p, conn, Query(sort=sort, descending=desc), page=3)
                assert got == expected_order(conn, p, sort, desc, prow), (sort, desc)


def test_documents_search_through_the_common_path(shop, monkeypatch):
    monkeypatch.setattr(lists, "CAP", 1)
    monkeypatch.setattr(lists, "PROBE_ROWS", 2)
    shop.product("A1", "1.00")
    shop.books.add_customer("王伟")
    shop.receive("恒丰", ("A1", "100", "0.50"))
    made = [shop.books.post_sale([shop.line("A1", "1")], customer="王伟" if n % 3 == 0 else None,
                                 doc_date=dt.date(2026, 3, 1 + n % 4)) for n in range(10)]
    with shop.engine.connect() as conn:
        got = read_all(lists.SALES, conn, Query(search="王"), page=2)
        assert sorted(r[0] for r in got) == sorted(m.number for i, m in enumerate(made) if i % 3 == 0)
        got = read_all(lists.SALES, conn, Query(search="xs"), page=3)
        assert len(got) == 10 == lists.SALES.count(conn, Query(search="XS"))


# ---------------------------------------------------------------- imports

def test_imports_history(shop):
    with write_transaction(shop.engine) as conn:
        audit.append(conn, shop.owner, "import.products", "file", "货品.xlsx", {"rows": 120})
        audit.append(conn, shop.owner, "product.add", "product", "X1", {})
        audit.append(conn, shop.owner, "import.customers", "file", "客户.csv", {"rows": 3})
    with shop.engine.connect() as conn:
        i = lists.IMPORTS
        assert i.fields == ("seq", "at", "user_name", "action", "entity_id", "detail")
        rows = read_all(i, conn, Query(), page=1)
        assert [r[3] for r in rows] == ["import.customers", "import.products"]   # newest first
        assert rows[0][0] > rows[1][0] and rows[0][2] == "boss"
        assert i.count(conn, Query()) == 2
        assert [r[4] for r in read_all(i, conn, Query(search="货品"))] == ["货品.xlsx"]
        assert [r[3] for r in read_all(i, conn, Query(sort="action"))] == [
            "import.customers", "import.products"]
