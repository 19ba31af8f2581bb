"""Issue 7's documents: invoice, delivery note, purchase order, count sheet,
customer and supplier statements -- posted through db.books on SQLite and
PostgreSQL, printed to PDF and read back with poppler (pdftotext -layout,
pdffonts, pdfinfo, pdfimages). Dates are moved with db.clock."""
from __future__ import annotations

import base64
import datetime as dt
import io
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import select

from db import clock
from db.errors import BooksError, NotFound
from db.printdata import count_sheet_data, invoice_data, order_data
from db.schema import documents, suppliers
from db.statements import statement
from desktop.printing.documents import (count_sheet_pdf, delivery_note_pdf, invoice_pdf,
                                        purchase_order_pdf)
from desktop.printing.statements import statement_pdf

ROOT = Path(__file__).resolve().parents[2]
DAY = dt.timedelta(days=1)
LONG = "康师傅红烧牛肉面（五连包）加量不加价特别版超长商品名称用来检查换行显示效果"
CUSTOMER, SUPPLIER = "王小明", "海天味业"


def poppler(tool: str, *args: str) -> str:
    if shutil.which(tool) is None:
        pytest.skip(f"{tool} (poppler-utils) is not installed")
    return subprocess.run([tool, *args], capture_output=True, text=True, check=True).stdout


def text_of(path) -> str:
    return poppler("pdftotext", "-layout", str(path), "-")


def page_size(path) -> tuple[int, int]:
    info = poppler("pdfinfo", str(path))
    w, h = re.search(r"Page size:\s+([\d.]+) x ([\d.]+) pts", info).groups()
    return round(float(w)), round(float(h))


def pages_of(path) -> int:
    return int(re.search(r"Pages:\s+(\d+)", poppler("pdfinfo", str(path))).group(1))


def assert_font_embedded(path) -> None:
    rows = [l.split() for l in poppler("pdffonts", str(path)).splitlines()[2:] if l.strip()]
    assert rows, "no fonts in the PDF"
    for r in rows:        # name type encoding emb sub uni id gen
        assert "WenQuanYi" in r[0] and r[-5] == "yes", f"font not embedded: {r}"


def line_with(text: str, *words: str) -> str:
    found = [l for l in text.splitlines() if all(w in l for w in words)]
    assert found, f"no line with {words} in:\n{text}"
    return found[0]


def total(text: str, label: str) -> str:
    """The figure at the end of the line whose label (the word before it) is label."""
    found = [l.split()[-1] for l in text.splitlines() if l.split()[-2:-1] == [label]]
    assert found, f"no {label!r} line in:\n{text}"
    return found[0]


@pytest.fixture
def docs(shop):
    """A shop with its name, address and phone set, goods received, a
    customer and a supplier. The clock is put back after each test."""
    b = shop.books
    b.set_setting("shop_name", "街角小店")
    b.set_setting("shop_address", "人民路 1 号")
    b.set_setting("shop_phone", "021-1234 5678")
    shop.product("A1", "12.50", name="海天金标生抽", unit="瓶", category="调味品")
    shop.product("B1", "3.20", name=LONG, unit="袋", category="方便食品")
    shop.product("C1", "18.00", name="李锦记蚝油", unit="瓶", category="调味品")
    b.add_customer(CUSTOMER, phone="13800138000")
    shop.receive(SUPPLIER, ("A1", 100, "8.00"), ("B1", 200, "2.00"), ("C1", 50, "11.00"))
    yield shop
    clock.reset()


def sell(shop, *lines, payment="account"):
    return shop.sell(*lines, customer=CUSTOMER, payment=payment)


# ---------------------------------------------------------------- invoice, delivery note

def test_invoice_and_delivery_note_in_both_sizes_and_languages(docs, tmp_path):
    sale = sell(docs, ("A1", 3), ("B1", 10))                    # 37.50 + 32.00
    with docs.engine.connect() as c:
        data = invoice_data(c, sale.number.lower())            # any letter case
    a4 = invoice_pdf(data, tmp_path / "invoice.pdf")
    text = text_of(a4)
    for words in ("街角小店", "人民路 1 号", "021-1234 5678", "销售单", sale.number, CUSTOMER,
                  "13800138000", "海天金标生抽", "挂账"):
        assert words in text, f"{words!r} not on the invoice:\n{text}"
    assert line_with(text, "海天金标生抽").split()[-3:] == ["3", "12.50", "37.50"]
    assert total(text, "合计") == "69.50"
    # the long name wraps inside its column: its start and its end are on two lines
    lines = text.splitlines()
    i = lines.index(line_with(text, LONG[:6]))
    assert lines[i].split()[-3:] == ["10", "3.20", "32.00"]
    first = lines[i].split()[2]
    assert first != LONG and first + lines[i + 1].strip() == LONG
    assert page_size(a4) == (595, 842)
    assert_font_embedded(a4)

    a5 = invoice_pdf(data, tmp_path / "invoice-a5.pdf", size="A5", language="en")
    text = text_of(a5)
    assert page_size(a5) == (420, 595)
    assert "Sales invoice" in text and "On account" in text and CUSTOMER in text
    assert total(text, "Total") == "69.50"

    note = delivery_note_pdf(data, tmp_path / "delivery.pdf", size="A5")
    text = text_of(note)
    assert page_size(note) == (420, 595)
    assert "送货单" in text and "海天金标生抽" in text and "送货人" in text and "收货人" in text
    assert "12.50" not in text and "69.50" not in text                # no prices
    assert line_with(text, "海天金标生抽").split()[-1] == "3"
    assert "Delivery note" in text_of(delivery_note_pdf(data, tmp_path / "d.pdf", language="en"))
    with pytest.raises(BooksError, match="A3"):
        invoice_pdf(data, tmp_path / "a3.pdf", size="A3")


def test_a_return_prints_negative_and_a_cancelled_sale_says_so(docs, tmp_path):
    sale = sell(docs, ("A1", 2), ("C1", 1))
    back = docs.books.post_return(sale.number, [docs.line("C1", 1)])
    other = sell(docs, ("A1", 1))
    reversal = docs.books.cancel(other.number)
    with docs.engine.connect() as c:
        ret, cancelled = invoice_data(c, back.number), invoice_data(c, other.number)
        with pytest.raises(BooksError, match=re.escape(other.number)):
            invoice_data(c, reversal.number)                         # print the original
        with pytest.raises(NotFound, match="XS19990101-0001"):
            invoice_data(c, "XS19990101-0001")
        receipt_no = docs.scalar(select(documents.c.number)
                                 .where(documents.c.kind == "purchase-receipt"))
        with pytest.raises(BooksError, match=f"{receipt_no} is a purchase receipt"):
            invoice_data(c, receipt_no)
    text = text_of(invoice_pdf(ret, tmp_path / "return.pdf"))
    assert "销售退货单" in text and sale.number in text and "李锦记蚝油" in text
    assert line_with(text, "李锦记蚝油").split()[-3:] == ["-1", "18.00", "-18.00"]
    assert line_with(text, "退款合计").split()[-1] == "-18.00"
    assert "Credit note" in text_of(invoice_pdf(ret, tmp_path / "r.pdf", language="en"))

    text = text_of(invoice_pdf(cancelled, tmp_path / "cancelled.pdf"))
    assert "此单已作废" in text and other.number in text
    assert "CANCELLED" in text_of(invoice_pdf(cancelled, tmp_path / "c.pdf", language="en"))
    with docs.engine.connect() as c:
        live = invoice_data(c, sale.number)
    assert not live.cancelled and "作废" not in text_of(invoice_pdf(live, tmp_path / "live.pdf"))


def test_the_shop_logo_prints_and_a_broken_one_is_left_out(docs, tmp_path):
    from PIL import Image
    buf = io.BytesIO()
    Image.new("RGB", (120, 60), (200, 30, 30)).save(buf, "PNG")
    good = base64.b64encode(buf.getvalue()).decode()
    sale = sell(docs, ("A1", 1), payment="cash")
    for value, images in ((good, 1), ("not a picture", 0), (good[:80], 0), ("", 0)):
        docs.books.set_setting("shop_logo", value)
        with docs.engine.connect() as c:
            out = invoice_pdf(invoice_data(c, sale.number), tmp_path / "logo.pdf")
        listed = poppler("pdfimages", "-list", str(out)).splitlines()[2:]
        assert len(listed) == images, (value[:20], listed)
        assert "街角小店" in text_of(out)


def test_a_pdf_is_never_half_written(docs, tmp_path, monkeypatch):
    sale = sell(docs, ("A1", 1), payment="cash")
    with docs.engine.connect() as c:
        data = invoice_data(c, sale.number)
    with pytest.raises(BooksError, match="no folder"):
        invoice_pdf(data, tmp_path / "missing" / "x.pdf")
    (tmp_path / "out").mkdir()
    target = tmp_path / "out" / "x.pdf"
    target.write_bytes(b"old")

    def broken(canvas):
        raise RuntimeError("disk on fire")
    monkeypatch.setattr("desktop.printing.page.Canvas.save", broken)
    with pytest.raises(RuntimeError, match="disk on fire"):
        invoice_pdf(data, target)
    assert target.read_bytes() == b"old"                      # untouched, no temporary left
    assert [p.name for p in target.parent.iterdir()] == ["x.pdf"]


# ---------------------------------------------------------------- purchase order, count sheet

def test_purchase_order(docs, tmp_path):
    order = docs.books.post_purchase_order(
        SUPPLIER, [docs.line("A1", 50, "8.00"), docs.line("B1", 100, "2.10")],
        expected=clock.today() + 7 * DAY, note="请周五前送到后门")
    sale = sell(docs, ("A1", 1))
    with docs.engine.connect() as c:
        data = order_data(c, order.number.lower())
        with pytest.raises(BooksError, match=f"{sale.number} is a sale, not a purchase order"):
            order_data(c, sale.number)
        with pytest.raises(NotFound, match="CG19990101-0009"):
            order_data(c, "CG19990101-0009")
    out = purchase_order_pdf(data, tmp_path / "po.pdf")
    text = text_of(out)
    for words in ("采购订单", order.number, SUPPLIER, "海天金标生抽", "已审批", "请周五前送到后门",
                  f"{clock.today() + 7 * DAY:%Y-%m-%d}"):
        assert words in text, f"{words!r} not on the order:\n{text}"
    assert line_with(text, "海天金标生抽").split()[-3:] == ["50", "8.00", "400.00"]
    assert total(text, "合计") == "610.00"
    assert_font_embedded(out)
    en = text_of(purchase_order_pdf(data, tmp_path / "po-en.pdf", language="en"))
    assert "Purchase order" in en and "Approved" in en and total(en, "Total") == "610.00"


def test_count_sheet_by_category_blind_or_not(docs, tmp_path):
    docs.sell(("A1", 4))
    with docs.engine.connect() as c:
        full, blind = count_sheet_data(c), count_sheet_data(c, category=" 调味品 ", blind=True)
        with pytest.raises(NotFound, match="饮料"):
            count_sheet_data(c, category="饮料")
    assert [g for g, _lines in full.groups] == ["方便食品", "调味品"]
    text = text_of(count_sheet_pdf(full, tmp_path / "count.pdf"))
    assert "盘点表" in text and "实盘数量" in text and "账面数量" in text and "共 3 种商品" in text
    assert line_with(text, "海天金标生抽").split()[-2:] == ["瓶", "96"]     # 100 in, 4 sold
    assert text.index("方便食品") < text.index(LONG[:6]) < text.index("调味品")
    text = text_of(count_sheet_pdf(blind, tmp_path / "blind.pdf", language="en"))
    assert "Stocktake count sheet" in text and "Blind count" in text and "Books" not in text
    assert line_with(text, "海天金标生抽").split()[-1] == "瓶" and LONG[:6] not in text


# ---------------------------------------------------------------- statements

def history(shop):
    """The customer's account over 100 days (today T): returns (T, numbers).
    T-100 S1 +50.00 | T-60 S2 +36.00, P1 -20.00 | T-30 S3 +12.50, R1 -18.00
    (S2's C1 back) | T-5 S4 +25.00 cancelled the same day (-25.00); a cash
    sale (no account entry) on T-60."""
    b, today, n = shop.books, clock.today(), {}
    clock.shift(-100 * DAY)
    n["S1"] = sell(shop, ("A1", 4)).number
    clock.shift(40 * DAY)
    n["S2"] = sell(shop, ("C1", 2)).number
    sell(shop, ("A1", 1), payment="cash")
    n["P1"] = b.post_customer_payment(CUSTOMER, 2000, method="wechat").number
    clock.shift(30 * DAY)
    n["S3"] = sell(shop, ("A1", 1)).number
    n["R1"] = b.post_return(n["S2"], [shop.line("C1", 1)]).number
    clock.shift(25 * DAY)
    n["S4"] = sell(shop, ("A1", 2)).number
    n["S4-C"] = b.cancel(n["S4"]).number
    clock.reset()
    assert clock.today() == today
    return today, n


def test_customer_statement_running_balance_and_ageing(docs, tmp_path):
    today, n = history(docs)
    with docs.engine.connect() as c:
        st = statement(c, "customer", CUSTOMER, today - 80 * DAY, today)
        early = statement(c, "customer", f" {CUSTOMER} ", today - 200 * DAY, today - 90 * DAY)
    expected = [("S2", 3600, 8600), ("P1", -2000, 6600), ("S3", 1250, 7850),
                ("R1", -1800, 6050), ("S4", 2500, 8550), ("S4-C", -2500, 6050)]
    assert st.opening == 5000 and st.closing == 6050
    assert [(l.number, l.amount, l.balance) for l in st.lines] == [
        (n[k], amount, balance) for k, amount, balance in expected]
    assert (st.charges, st.credits) == (7350, 6300)
    # FIFO: P1 settles 20.00 of S1 (100 days); R1 settles S2 (60 days); S4 reversed
    assert st.ageing == (1250, 1800, 0, 3000) and sum(st.ageing) == st.closing
    assert (early.opening, early.closing, [l.number for l in early.lines]) == (0, 5000, [n["S1"]])
    assert early.ageing == (5000, 0, 0, 0)                     # 10 days old on its last day

    out = statement_pdf(st, tmp_path / "statement.pdf")
    text = text_of(out)
    for words in ("客户对账单", "街角小店", CUSTOMER, "13800138000",
                  f"{today - 80 * DAY:%Y-%m-%d} ~ {today:%Y-%m-%d}"):
        assert words in text
    assert line_with(text, "期初余额").split()[-1] == "50.00"
    for key, amount, balance in expected:
        row = line_with(text, n[key] + " ")
        assert row.split()[-2:] == [f"{abs(amount) / 100:.2f}", f"{balance / 100:.2f}"], row
    assert "收款 (微信)" in line_with(text, n["P1"]) and f"冲销 {n['S4']}" in text
    assert n["S2"] in line_with(text, n["R1"])                  # the return names its sale
    assert line_with(text, "期末余额", "60.50")
    assert line_with(text, "0–30 天").split() == ["0–30", "天", "31–60", "天", "61–90", "天",
                                                  "90", "天以上", "合计"]
    ageing_row = text.splitlines()[text.splitlines().index(line_with(text, "0–30 天")) + 1]
    assert ageing_row.split() == ["12.50", "18.00", "0.00", "30.00", "60.50"]
    assert_font_embedded(out)
    en = text_of(statement_pdf(st, tmp_path / "statement-en.pdf", language="en"))
    assert "Customer statement" in en and line_with(en, "Opening balance").endswith("50.00")
    assert line_with(en, "Closing balance", "60.50") and "Over 90 days" in en


def test_an_overpaid_account_ages_as_a_credit(docs):
    docs.books.add_customer("李四")
    clock.shift(-40 * DAY)
    docs.sell(("A1", 1), customer="李四", payment="account")            # 12.50
    clock.shift(5 * DAY)
    docs.books.post_customer_payment("李四", 3000)
    clock.reset()
    with docs.engine.connect() as c:
        st = statement(c, "customer", "李四", clock.today() - 60 * DAY, clock.today())
    assert st.closing == -1750 and st.ageing == (0, -1750, 0, 0)


def test_statement_pages_carry_the_balance(docs, tmp_path):
    docs.books.add_customer("赵六")
    clock.shift(-60 * DAY)
    for i in range(96):
        if i % 4 == 3:
            docs.books.post_customer_payment("赵六", 500 + i)
        else:
            docs.sell(("A1", 1), customer="赵六", payment="account")
        if i % 2:
            clock.shift(DAY)
    clock.reset()
    with docs.engine.connect() as c:
        st = statement(c, "customer", "赵六", clock.today() - 60 * DAY, clock.today())
    assert len(st.lines) == 96 and st.closing == sum(l.amount for l in st.lines)
    out = statement_pdf(st, tmp_path / "long.pdf")
    pages = text_of(out).split("\f")[:-1]
    assert len(pages) == pages_of(out) >= 3
    by_number = {l.number: l.balance for l in st.lines}
    seen = []
    for k, page in enumerate(pages, 1):
        assert re.search(rf"\s{k}/{len(pages)}\s*$", page), f"no page number {k}/{len(pages)}"
        rows = [l for l in page.splitlines() if re.search(r"(XS|SK)\d{8}-\d{4}", l)]
        seen += [r.split()[1] for r in rows]
        if k < len(pages):                       # closes with the balance after its last line
            forward = line_with(page, "过次页").split()[-1]
            assert forward == f"{by_number[rows[-1].split()[1]] / 100:.2f}"
            assert line_with(pages[k], "承前页").split()[-1] == forward
        if k > 1:
            assert "日期" in page and "余额" in page                # the header row again
    assert seen == [l.number for l in st.lines]                 # every line once, in order
    assert line_with(pages[-1], "期末余额").split()[-1] == f"{st.closing / 100:.2f}"


def test_supplier_statement_and_refusals(docs, tmp_path):
    docs.books.post_supplier_payment(SUPPLIER, 50000, method="card")
    sid = docs.scalar(select(suppliers.c.id).where(suppliers.c.name == SUPPLIER))
    today = clock.today()
    with docs.engine.connect() as c:
        st = statement(c, "supplier", str(sid), today - 30 * DAY, today)     # by id
        with pytest.raises(NotFound, match="no customer named '张三'"):
            statement(c, "customer", "张三", today, today)
        with pytest.raises(NotFound, match=f"no supplier named '{CUSTOMER}'"):
            statement(c, "supplier", CUSTOMER, today, today)
        with pytest.raises(BooksError, match="after it ends"):
            statement(c, "customer", CUSTOMER, today, today - DAY)
    assert st.name == SUPPLIER and (st.opening, st.closing) == (0, 125000)
    assert [l.amount for l in st.lines] == [175000, -50000]
    text = text_of(statement_pdf(st, tmp_path / "supplier.pdf"))
    assert "供应商对账单" in text and SUPPLIER in text and "采购入库" in text
    assert line_with(text, "付款 (银行卡)").split()[-2:] == ["500.00", "1250.00"]
    assert line_with(text, "期末余额", "1250.00")


# ---------------------------------------------------------------- the command line

def run_cli(db: str, *args: str, lang: str = "zh_CN") -> subprocess.CompletedProcess:
    env = {**os.environ, "STOREKEEPER_PASSWORD": "owner-pass-1", "STOREKEEPER_LANG": lang}
    env.pop("STOREKEEPER_DB", None)
    return subprocess.run([sys.executable, str(ROOT / "main.py"), "--db", db, "--user", "boss",
                           *args], capture_output=True, text=True, env=env, cwd=ROOT,
                          stdin=subprocess.DEVNULL, timeout=120)


@pytest.mark.parametrize("backend", ["sqlite"])
def test_cli_print_documents(docs, tmp_path):
    from concurrent.futures import ThreadPoolExecutor
    today, n = history(docs)
    order = docs.books.post_purchase_order(SUPPLIER, [docs.line("A1", 5, "8.00")])
    docs.books.add_user("amy", "cashier", "owner-pass-1")     # a cashier prints no statement
    o = lambda name: str(tmp_path / name)  # noqa: E731
    period = ("--from", f"{today - 80 * DAY}", "--to", f"{today}")
    good = [("invoice", n["S2"].lower(), "-o", o("inv.pdf"), "--json"),
            ("delivery-note", n["S2"], "-o", o("dn.pdf"), "--size", "a5", "--json"),
            ("purchase-order", order.number, "-o", o("po.pdf"), "--json"),
            ("statement", CUSTOMER, *period, "-o", o("st.pdf"), "--json"),
            ("supplier-statement", SUPPLIER, *period, "-o", o("sst.pdf"), "--json"),
            ("count-sheet", "--category", "调味品", "--blind", "-o", o("cs.pdf"), "--json")]
    bad = [(("invoice", "XS19990101-0001", "-o", o("x1.pdf")), "XS19990101-0001"),
           (("statement", CUSTOMER, *period, "-o", o("x3.pdf"), "--user", "amy"),
            "may not do this: print-statement"),
           (("statement", "张三", *period, "-o", o("x2.pdf")), "no customer named '张三'")]
    with ThreadPoolExecutor(max_workers=4) as pool:      # the supplier's in English
        results = list(pool.map(lambda a: run_cli(docs.url, "print", *a, lang="en" if
                                                  a[0] == "supplier-statement" else "zh_CN"),
                                good + [b for b, _m in bad]))
    for args, r in zip(good, results):
        assert r.returncode == 0 and "Traceback" not in r.stderr, (args, r.stderr)
        printed = json.loads(r.stdout)
        assert printed["kind"] == args[0] and Path(printed["file"]).is_file()
    printed = [json.loads(r.stdout) for r in results[:len(good)]]
    assert printed[0]["number"] == n["S2"] and printed[2]["number"] == order.number
    assert printed[3]["party"] == CUSTOMER and printed[4]["party"] == SUPPLIER
    assert page_size(o("dn.pdf")) == (420, 595) and page_size(o("inv.pdf")) == (595, 842)
    assert line_with(text_of(o("st.pdf")), "期末余额").split()[-1] == "60.50"
    assert total(text_of(o("inv.pdf")), "合计") == "36.00"
    for (args, message), r in zip(bad, results[len(good):]):
        lines = [l for l in r.stderr.splitlines() if l.strip()]
        assert r.returncode == 1 and len(lines) == 1 and message in lines[0], (args, r.stderr)
        assert not Path(args[args.index("-o") + 1]).exists()
    text = text_of(o("sst.pdf"))
    assert "Supplier statement" in text and "Goods received" in text
    assert line_with(text, "Closing balance").split()[-1] == "1750.00"
    assert "海天金标生抽" in text_of(o("po.pdf"))
    text = text_of(o("cs.pdf"))
    assert "海天金标生抽" in text and "李锦记蚝油" in text and LONG[:6] not in text


def test_a_1000_line_statement_pages_carry_the_balance(tmp_path):
    """The benchmark's statement (tests/benchmarks/bench_statement.py times it):
    1,000 lines, no database, every page's balance carried to the next."""
    from db.printdata import ShopInfo
    from db.statements import Statement, StatementLine
    start, balance, lines = dt.date(2026, 1, 1), 100_00, []
    for i in range(1000):
        amount = -(1500 + i) if i % 3 == 2 else 4710 + i
        balance += amount
        lines.append(StatementLine(start + (i // 3) * DAY, f"XS2026{i:04d}-0001", "sale"
                                   if amount > 0 else "customer-payment", None if amount > 0
                                   else "cash", None, False, amount, balance))
    st = Statement(ShopInfo("街角小店", "人民路 1 号", "", None), "customer", CUSTOMER, "",
                   start, start + 400 * DAY, 100_00, lines, balance, (balance, 0, 0, 0))
    out = statement_pdf(st, tmp_path / "long.pdf")
    pages = text_of(out).split("\f")[:-1]
    assert len(pages) == pages_of(out) > 20
    assert line_with(pages[-1], "期末余额").split()[-1] == f"{balance / 100:.2f}"
    assert line_with(pages[-1], lines[-1].number).split()[-1] == f"{balance / 100:.2f}"
