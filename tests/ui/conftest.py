"""Fixtures for the desktop's tests: English screens and a stocked shop."""
from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before PySide6 is imported

import pytest  # noqa: E402
from PySide6.QtCore import QLocale  # noqa: E402

from db import masters  # noqa: E402
from db.engine import make_engine, write_transaction  # noqa: E402

from desktop.ui import i18n  # noqa: E402


@pytest.fixture(autouse=True)
def english(qapp):
    """Tests read English texts; a test that switches language is undone here."""
    i18n.install(qapp, QLocale("en"))
    yield
    i18n.install(qapp, QLocale("en"))


@pytest.fixture
def empty_engine(empty_db_url):
    """An engine on a database with nothing in it yet (the first start's)."""
    engine = make_engine(empty_db_url)
    yield engine
    engine.dispose()


@pytest.fixture
def add_products(shop):
    """add_products(n) -> SKUs of n plain products made in one transaction, in key order."""
    def add(n: int, prefix: str = "P") -> list[str]:
        skus = [f"{prefix}{i:05d}" for i in range(n)]
        with write_transaction(shop.engine) as conn:
            for sku in skus:
                masters.add_product(conn, shop.owner, masters.NewProduct(
                    sku=sku, name=f"商品 {sku}", price="1.00", unit="个"))
        return skus
    return add


@pytest.fixture
def stocked(shop):
    """Three products (two received), a supplier owed, a customer owing."""
    shop.product("A001", "12.50", name="海天金标生抽", unit="瓶", category="调味品",
                 barcodes=["6901234567892"])
    shop.product("A002", "3.20", name="康师傅红烧牛肉面", unit="袋", category="方便食品")
    shop.product("B001", "0.80", name="散装白糖", unit="kg", category="散装")
    shop.receive("海天味业", ("A001", "10", "8.00"), ("B001", "2.5", "0.50"))
    shop.books.add_customer("张三")
    shop.sell(("A001", "2"), customer="张三", payment="account")
    return shop
