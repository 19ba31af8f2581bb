"""A real sale's receipt as ESC/POS bytes, sent to a file, to a network
printer (a TCP server here) and to nowhere; and the counter's receipt
(desktop.ui.receipts) sent on after its PDF -- on SQLite and PostgreSQL."""
from __future__ import annotations

import socket
import socketserver
import threading
import time
from pathlib import Path

import pytest

from db.engine import read_connection
from db.errors import BooksError
from db.receipts import receipt_data
from desktop import config
from desktop.printing import escpos, printer_out

SHOP = "街角小店"
SOY = "海天金标生抽"
PORK = "散装猪肉（前腿肉，精选，冷鲜，产地：浙江金华）"
ENC = "gb18030"


@pytest.fixture
def sale(shop):
    shop.books.set_setting("shop_name", SHOP)
    shop.product("A1", "12.50", name=SOY, unit="瓶")
    shop.product("B1", "8.00", name=PORK, unit="kg")
    shop.receive("海天味业", ("A1", "10", "8.00"), ("B1", "20", "5.00"))
    posted = shop.sell(("A1", "3"), ("B1", "1.25"), payments=[("wechat", 3000), ("cash", 1750)])
    assert posted.total == 4750
    with read_connection(shop.engine) as conn:
        return receipt_data(conn, posted.number)


class Printer(socketserver.ThreadingTCPServer):
    """A network receipt printer: keeps what each connection sent."""
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self):
        self.received: list[bytes] = []
        self.got = threading.Event()
        super().__init__(("127.0.0.1", 0), _Take)

    @property
    def target(self) -> str:
        return f"127.0.0.1:{self.server_address[1]}"


class _Take(socketserver.BaseRequestHandler):
    def handle(self) -> None:
        self.request.settimeout(5)
        chunks = []
        while chunk := self.request.recv(65536):
            chunks.append(chunk)
        self.server.received.append(b"".join(chunks))
        self.server.got.set()


@pytest.fixture
def printer():
    server = Printer()
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05},
                              daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


def closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


# ---------------------------------------------------------------- the bytes

@pytest.mark.parametrize("width_mm, cols", [(58, 32), (80, 48)])
def test_a_sales_receipt_in_esc_pos(sale, width_mm, cols):
    payload = escpos.receipt_bytes(sale, width_mm=width_mm, tendered=5000, change=250)
    assert payload.startswith(b"\x1b@") and payload.endswith(b"\x1dVB\x00")
    assert b"\x1c&" in payload[:8]                               # Chinese character mode
    for words in (SHOP, SOY, "合计", "47.50", "微信", "30.00", "现金", "17.50", "找零", "2.50"):
        assert words.encode(ENC) in payload, words
    data = escpos.code128_data(sale.number)
    assert b"\x1dk" + bytes([73, len(data)]) + data in payload
    lines = escpos.printed_lines(payload)
    assert [line.text for line in lines if line.barcode] == [sale.number]
    assert all(line.columns <= cols for line in lines), \
        [(line.text, line.columns) for line in lines if line.columns > cols]
    # the long name wraps by display width and nothing of it is lost
    text = escpos.receipt_text_preview(payload)
    assert "".join(text.split()).replace("1.250kg8.0010.00", "").count(PORK) == 1
    assert sum(PORK[:4] in line for line in text.splitlines()) == 1     # wrapped, not cut
    assert not any(PORK in line for line in text.splitlines())
    total = next(line for line in lines if line.text.startswith("合计"))
    assert total.text.split() == ["合计", "47.50"] and total.bold and total.double_h
    shop = next(line for line in lines if SHOP in line.text)
    assert shop.double_w and shop.columns <= cols


def test_an_english_receipt(sale):
    text = escpos.receipt_text_preview(escpos.receipt_bytes(sale, width_mm=58, language="en"))
    assert "Sales receipt" in text and "WeChat Pay" in text and "Total" in text


# ---------------------------------------------------------------- where it goes

def test_to_a_file(sale, tmp_path):
    payload = escpos.receipt_bytes(sale)
    out = tmp_path / "printer.bin"
    printer_out.send(str(out), payload)
    assert out.read_bytes() == payload


def test_to_a_network_printer(sale, printer):
    payload = escpos.receipt_bytes(sale, width_mm=58)
    printer_out.send(printer.target, payload, timeout=5)
    assert printer.got.wait(5)
    assert printer.received == [payload]


def test_an_unreachable_printer_fails_in_time(sale):
    payload = escpos.receipt_bytes(sale)
    port = closed_port()
    with pytest.raises(BooksError, match=f"127.0.0.1:{port} cannot be reached"):
        printer_out.send(f"127.0.0.1:{port}", payload, timeout=2)
    started = time.monotonic()
    with pytest.raises(BooksError, match=r"the receipt printer 192\.0\.2\.1:9100 "):
        printer_out.send("192.0.2.1", payload, timeout=1)      # TEST-NET-1: never answers
    assert time.monotonic() - started < 2


def test_a_printer_that_stops_reading_fails_in_time(sale):
    listener = socket.socket()
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
    listener.bind(("127.0.0.1", 0))
    listener.listen(1)
    held = []
    accepting = threading.Thread(target=lambda: held.append(listener.accept()[0]), daemon=True)
    accepting.start()
    payload = escpos.receipt_bytes(sale) * 40_000           # tens of megabytes
    try:
        started = time.monotonic()
        with pytest.raises(BooksError, match=r"took \d+ of \d+ bytes and then stopped"):
            printer_out.send(f"127.0.0.1:{listener.getsockname()[1]}", payload, timeout=0.7)
        assert time.monotonic() - started < 2.5
    finally:
        accepting.join(2)
        for s in held:
            s.close()
        listener.close()


# ---------------------------------------------------------------- after checkout

def receipt_printer(target: str, width: int = 58) -> None:
    config.save(config.Config(receipt_printer="escpos", escpos_target=target,
                              paper_width=width))


def test_after_checkout_the_pdf_then_the_printer(sale, shop, printer, qtbot):
    from desktop.ui.receipts import _language, print_receipt

    receipt_printer(printer.target, 58)
    written, failed = [], []
    print_receipt(shop.engine, sale.number, 5000, 250, written.append, failed.append)
    qtbot.waitUntil(lambda: bool(written or failed), timeout=10_000)
    assert failed == [] and Path(written[0]).stat().st_size > 0
    assert printer.got.wait(5)
    assert printer.received == [escpos.receipt_bytes(sale, 58, _language(), tendered=5000,
                                                     change=250)]


def test_a_printer_that_fails_keeps_the_pdf_and_says_so(sale, shop, qtbot):
    from desktop.ui.receipts import print_receipt

    port = closed_port()
    receipt_printer(f"127.0.0.1:{port}", 80)
    written, failed = [], []
    print_receipt(shop.engine, sale.number, None, None, written.append, failed.append)
    qtbot.waitUntil(lambda: bool(written and failed), timeout=10_000)
    assert Path(written[0]).stat().st_size > 0
    message = failed[0]
    assert message.startswith(f"Receipt {sale.number} not printed: ")
    assert f"127.0.0.1:{port}" in message and written[0] in message


def test_pdf_only_sends_nothing(sale, shop, printer, qtbot):
    from desktop.ui.receipts import print_receipt

    config.save(config.Config(escpos_target=printer.target))    # kept, but PDF is chosen
    written, failed = [], []
    print_receipt(shop.engine, sale.number, None, None, written.append, failed.append)
    qtbot.waitUntil(lambda: bool(written or failed), timeout=10_000)
    assert failed == [] and written
    assert not printer.got.wait(0.3)
