"""ESC/POS receipts (desktop.printing.escpos), sending bytes to a printer
(desktop.printing.printer_out) and the receipt printer in this computer's
settings (desktop.config) -- without a database."""
from __future__ import annotations

import datetime as dt
import json
import os
import socket
import time
from pathlib import Path

import pytest

from db.errors import BooksError
from db.receipts import Receipt, ReceiptLine
from desktop import config
from desktop.config import Config
from desktop.printing import escpos, printer_out
from desktop.printing.escpos import CUT, INIT, printed_lines, receipt_bytes, text_width, wrap

LONG = "海天金标生抽特级酱油 1.9L 家庭装 Premium Soy Sauce Family Pack"
NUMBER = "XS20261202-0001"


def receipt(**kw) -> Receipt:
    values = dict(
        shop_name="街角小店", shop_address="人民路 1 号", shop_phone="0571-8888 8888",
        number=NUMBER, kind="sale", at=dt.datetime(2026, 12, 2, 9, 30, 5), cashier="小李",
        customer="张三",
        lines=[ReceiptLine(LONG, 3000, "瓶", 1250, 3750),
               ReceiptLine("散装猪肉", 1250, "kg", 800, 1000),
               ReceiptLine("Cola", 2000, "can", 999_999_99, 1_999_999_98)],
        total=2_000_004_48, payments=[("wechat", 2_000_000_00), ("cash", 4_48)])
    values.update(kw)
    return Receipt(**values)


@pytest.fixture(autouse=True)
def config_file(tmp_path, monkeypatch) -> Path:
    path = tmp_path / "settings" / "config.json"
    monkeypatch.setenv("STOREKEEPER_CONFIG", str(path))
    return path


# ---------------------------------------------------------------- display width and wrapping

def test_a_chinese_character_takes_two_columns():
    assert text_width("abc") == 3 and text_width("生抽") == 4 and text_width("1.9L 装") == 7
    assert text_width("×") == 2 and text_width("（") == 2     # two bytes in GB18030: full width


@pytest.mark.parametrize("width", [8, 12, 32, 48])
def test_wrapping_keeps_to_the_width_and_loses_nothing(width):
    lines = wrap(LONG, width)
    assert all(text_width(line) <= width for line in lines)
    assert "".join(lines).replace(" ", "") == LONG.replace(" ", "")
    assert len(lines) > 1


def test_wrapping_breaks_latin_at_spaces_and_splits_only_a_word_too_long():
    assert wrap("Premium Soy Sauce Family Pack", 12) == ["Premium Soy", "Sauce Family", "Pack"]
    assert wrap("ABCDEFGHIJKLMNOPQRST", 8) == ["ABCDEFGH", "IJKLMNOP", "QRST"]
    assert wrap("", 10) == [""]
    assert wrap("生抽生抽生", 4) == ["生抽", "生抽", "生"]


def test_control_characters_from_the_books_never_reach_the_printer():
    evil = receipt(shop_name="小店\x1bV\x00", lines=[ReceiptLine("面\x1d\x56\x41\x00包", 1000, "个",
                                                                 100, 100)], total=100,
                   payments=[("cash", 100)])
    payload = receipt_bytes(evil)
    body = payload[len(INIT):-len(CUT)]
    assert b"\x1dVA" not in payload and b"\x1bV" not in body
    text = escpos.receipt_text_preview(payload)
    assert "面VA包" in text


# ---------------------------------------------------------------- the receipt

@pytest.mark.parametrize("width_mm, cols", [(58, 32), (80, 48)])
def test_the_receipt_keeps_to_the_paper(width_mm, cols):
    payload = receipt_bytes(receipt(), width_mm=width_mm, tendered=2_000_010_00, change=5_52)
    assert payload.startswith(INIT + escpos.CHINESE_ON) and payload.endswith(CUT)
    lines = printed_lines(payload)
    assert max(line.columns for line in lines) <= cols
    assert max(line.columns for line in lines) >= cols - 2      # the rules run across
    shop = next(line for line in lines if "街角小店" in line.text)
    assert shop.double_w and shop.double_h and shop.bold
    total = next(line for line in lines if line.text.startswith("合计"))
    assert total.bold and total.double_h and total.text.endswith("2000004.48")
    text = escpos.receipt_text_preview(payload)
    for words in ("销售小票", "单号: " + NUMBER, "2026-12-02 09:30:05", "收银员: 小李",
                  "顾客: 张三", "微信", "现金", "实收", "2000010.00", "找零", "5.52", "12.50",
                  "37.50", "1.250kg", "谢谢惠顾"):
        assert words in text, f"{words!r} not in\n{text}"
    joined = "".join(text.split()).replace("3瓶12.5037.50", "")   # 80 mm: numbers beside it
    assert joined.count("海天金标生抽特级酱油1.9L家庭装PremiumSoySauceFamilyPack") == 1
    barcode = [line for line in lines if line.barcode]
    assert [b.text for b in barcode] == [NUMBER]


def test_a_return_in_english_shows_refunds_as_money_out():
    back = receipt(kind="sale-return", ref_number="XS20261201-0007", cancelled=True,
                   lines=[ReceiptLine("散装猪肉", -1250, "kg", 800, -1000)], total=-1000,
                   payments=[("cash", -1000)], customer=None)
    text = escpos.receipt_text_preview(receipt_bytes(back, width_mm=58, language="en"))
    for words in ("Return receipt", "(cancelled)", "Original sale: XS20261201-0007",
                  "Refund total", "Refund (Cash)", "-1.250kg", "-10.00", "Thank you"):
        assert words in text, f"{words!r} not in\n{text}"
    assert "Customer" not in text
    refund = next(line for line in text.splitlines() if line.startswith("Refund total"))
    assert refund.endswith(" 10.00")


def test_on_58_mm_long_names_get_their_own_lines():
    lines = [line.text for line in printed_lines(receipt_bytes(receipt(), width_mm=58))]
    start = lines.index("商品")
    assert lines[start + 1].split() == ["数量", "单价", "金额"]
    assert lines[start + 2].startswith("海天金标生抽")
    amounts = next(line for line in lines[start:] if line.endswith("37.50"))
    assert amounts.split() == ["3瓶", "12.50", "37.50"]


def test_on_80_mm_names_and_amounts_share_a_line():
    lines = [line.text for line in printed_lines(receipt_bytes(receipt(), width_mm=80))]
    first = next(line for line in lines if line.startswith("海天金标"))
    assert first.split()[-3:] == ["3瓶", "12.50", "37.50"]
    assert any(line.split()[-3:] == ["2can", "999999.99", "1999999.98"] for line in lines)


def test_paper_of_another_width_is_refused():
    with pytest.raises(ValueError, match="58 or 80"):
        receipt_bytes(receipt(), width_mm=76)


# ---------------------------------------------------------------- Code 128

def test_the_number_is_a_code_128_with_its_digits_packed():
    data = escpos.code128_data(NUMBER)
    assert data == b"{BXS{C" + bytes([20, 26, 12, 2]) + b"{B-{C" + bytes([0, 1])
    assert escpos._barcode_text(data) == NUMBER
    assert escpos.code128_modules(data) == (12 + 2) * 11 + 13
    command = b"\x1dk" + bytes([73, len(data)]) + data
    for width_mm in (58, 80):
        payload = receipt_bytes(receipt(), width_mm=width_mm)
        assert command in payload
        assert b"\x1dH\x02" in payload                       # its text below it
    assert escpos.code128_data("{x}") == b"{B{{x}"
    assert escpos.code128_data("123456") == b"{C" + bytes([12, 34, 56])
    assert escpos.code128_data("票") is None


def test_a_number_too_long_for_the_paper_is_printed_as_text():
    long_number = "XS-" + "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    payload = receipt_bytes(receipt(number=long_number), width_mm=58)
    assert b"\x1dk" not in payload
    assert escpos.receipt_text_preview(payload).count(long_number) == 2


# ---------------------------------------------------------------- the shift slip

@pytest.mark.parametrize("width_mm, cols", [(58, 32), (80, 48)])
def test_the_shift_slip(width_mm, cols):
    payload = escpos.shift_close_bytes(
        shop_name="街角小店", cashier="小李", opened_at=dt.datetime(2026, 12, 2, 8),
        closed_at=dt.datetime(2026, 12, 2, 20, 15), opening_float=500_00,
        rows=[("cash", 1234_00, 1233_00), ("wechat", 50_00, 50_00), ("alipay", 0, 0)],
        sales=12, returns=1, sales_total=1284_00, returns_total=-12_50, width_mm=width_mm)
    assert payload.startswith(INIT) and payload.endswith(CUT)
    lines = printed_lines(payload)
    assert max(line.columns for line in lines) <= cols
    text = escpos.receipt_text_preview(payload)
    for words in ("交班/日结", "开班: 2026-12-02 08:00:00", "备用金", "500.00", "-1.00",
                  "销售 12 笔", "-12.50", "1271.50", "收银员签字"):
        assert words in text, f"{words!r} not in\n{text}"
    cash = next(line.text for line in lines if line.text.startswith("现金"))
    assert cash.split() == ["现金", "1234.00", "1233.00", "-1.00"]


# ---------------------------------------------------------------- targets

@pytest.mark.parametrize("target, expected", [
    ("192.168.1.50:9100", printer_out.Network("192.168.1.50", 9100)),
    ("192.168.1.50", printer_out.Network("192.168.1.50", 9100)),
    ("tcp://printer.local", printer_out.Network("printer.local", 9100)),
    (" pos-58:9101 ", printer_out.Network("pos-58", 9101)),
    ("[::1]:9100", printer_out.Network("::1", 9100)),
    ("/dev/usb/lp0", "/dev/usb/lp0"),
    (r"\\shop-pc\POS58", r"\\shop-pc\POS58"),
    ("COM3", "COM3"),
    ("receipt.bin", "receipt.bin"),
    (r"C:\receipts\out.bin", r"C:\receipts\out.bin"),
])
def test_targets(target, expected):
    assert printer_out.parse_target(target) == expected


@pytest.mark.parametrize("target, why", [("", "no receipt printer is set"),
                                         ("  ", "no receipt printer is set"),
                                         ("host:70000", "not a port number"),
                                         ("tcp://a b", "not a network address")])
def test_wrong_targets_are_refused(target, why):
    with pytest.raises(BooksError, match=why):
        printer_out.send(target, b"x")


def test_sending_to_a_file_replaces_it(tmp_path):
    out = tmp_path / "receipt.bin"
    out.write_bytes(b"an older, longer receipt" * 10)
    printer_out.send(str(out), b"\x1b@hello")
    assert out.read_bytes() == b"\x1b@hello"


def test_a_file_that_cannot_be_written_names_itself(tmp_path):
    missing = tmp_path / "no-such-folder" / "out.bin"
    with pytest.raises(BooksError, match=f"the receipt printer {missing} cannot be opened"):
        printer_out.send(str(missing), b"x")
    with pytest.raises(BooksError, match="is a folder"):
        printer_out.send(str(tmp_path), b"x")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_a_device_that_stops_taking_bytes_gives_up_in_time(tmp_path):
    fifo = tmp_path / "lp0"
    os.mkfifo(fifo)
    with pytest.raises(BooksError, match="nothing is reading it"):      # printer off
        printer_out.send(str(fifo), b"x", timeout=1)
    reader = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)                  # on, never reads
    try:
        started = time.monotonic()
        with pytest.raises(BooksError, match=r"took \d+ of 4000000 bytes .* out of paper"):
            printer_out.send(str(fifo), b"x" * 4_000_000, timeout=0.5)
        assert time.monotonic() - started < 2
    finally:
        os.close(reader)


def test_nothing_listening_is_refused_at_once():
    with socket.socket() as probe:            # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    started = time.monotonic()
    with pytest.raises(BooksError, match=f"the receipt printer 127.0.0.1:{port} cannot be "
                                         "reached"):
        printer_out.send(f"127.0.0.1:{port}", b"x", timeout=3)
    assert time.monotonic() - started < 3


# ---------------------------------------------------------------- this computer's settings

def test_the_default_is_pdf_on_80_mm_and_is_not_written(config_file):
    cfg = config.load()
    assert (cfg.receipt_printer, cfg.escpos_target, cfg.paper_width) == ("pdf", "", 80)
    config.save(cfg)
    assert "receipt_printer" not in json.loads(config_file.read_text(encoding="utf-8"))


def test_the_receipt_printer_round_trips(config_file):
    config.save(Config(language="zh_CN", receipt_printer="escpos",
                       escpos_target=r"\\收银台\POS58", paper_width=58))
    data = json.loads(config_file.read_text(encoding="utf-8"))
    assert data["receipt_printer"] == {"kind": "escpos", "target": r"\\收银台\POS58",
                                       "paper_width": 58}
    cfg = config.load()
    assert (cfg.receipt_printer, cfg.escpos_target, cfg.paper_width, cfg.problem) == \
        ("escpos", r"\\收银台\POS58", 58, "")
    assert "receipt_printer" not in cfg.extra
    cfg.receipt_printer, cfg.escpos_target, cfg.paper_width = "pdf", "", 80   # back to PDF
    config.save(cfg)
    assert "receipt_printer" not in json.loads(config_file.read_text(encoding="utf-8"))
    assert config.load().receipt_printer == "pdf"


@pytest.mark.parametrize("printer, why, kept", [
    ({"kind": "laser", "target": "x:9100", "paper_width": 58}, "kind 'laser'",
     ("pdf", "x:9100", 58)),
    ({"kind": "escpos", "target": 9100}, "target", ("escpos", "", 80)),
    ({"kind": "escpos", "paper_width": 76}, "paper width 76", ("escpos", "", 80)),
    ({"kind": "escpos", "paper_width": True}, "paper width True", ("escpos", "", 80)),
    ("escpos", "not an object", ("pdf", "", 80)),
])
def test_a_wrong_receipt_printer_is_ignored_and_named(config_file, printer, why, kept):
    config_file.parent.mkdir(parents=True)
    config_file.write_text(json.dumps({"language": "en", "receipt_printer": printer}))
    cfg = config.load()
    assert (cfg.receipt_printer, cfg.escpos_target, cfg.paper_width) == kept
    assert cfg.language == "en" and why in cfg.problem


@pytest.mark.parametrize("fields, why", [({"receipt_printer": "laser"}, "receipt printer"),
                                         ({"paper_width": 76}, "80 or 58"),
                                         ({"escpos_target": None}, "not text")])
def test_saving_a_wrong_receipt_printer_is_refused(config_file, fields, why):
    with pytest.raises(config.ConfigError, match=why):
        config.save(Config(**fields))
    assert not config_file.exists()
