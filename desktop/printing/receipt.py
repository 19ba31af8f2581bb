"""The sales receipt and the shift-close slip, on 80 mm or 58 mm roll paper.

Both are laid out with desktop.printing.roll; the data of a receipt comes
from db.receipts.receipt_data. Money is integer fen and quantities integer
thousandths, formatted by db.money. Labels are Chinese for zh_CN, English
for any other language.
"""
from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from db.money import money_str, qty_str
from db.receipts import Receipt
from desktop.printing.roll import Roll

LABELS = {
    "zh_CN": {
        "sale": "销售小票", "sale-return": "退货单", "cancelled": "（此单已作废）",
        "address": "地址", "phone": "电话", "number": "单号", "date": "时间",
        "cashier": "收银员", "customer": "顾客", "ref": "原销售单",
        "item": "商品", "qty": "数量", "price": "单价", "amount": "金额",
        "total": "合计", "refund_total": "退款合计", "refund": "退款",
        "tendered": "实收", "change": "找零", "thanks": "谢谢惠顾，欢迎再来",
        "shift": "交班/日结", "opened": "开班", "closed": "交班", "float": "备用金",
        "method": "支付方式", "expected": "应有", "counted": "实点", "difference": "差额",
        "sum": "合计", "sales": "销售 {n} 笔", "returns": "退货 {n} 笔", "net": "净收",
        "sign": "收银员签字", "check": "复核",
    },
    "en": {
        "sale": "Sales receipt", "sale-return": "Return receipt", "cancelled": "(cancelled)",
        "address": "Address", "phone": "Phone", "number": "No.", "date": "Date",
        "cashier": "Cashier", "customer": "Customer", "ref": "Original sale",
        "item": "Item", "qty": "Qty", "price": "Price", "amount": "Amount",
        "total": "Total", "refund_total": "Refund total", "refund": "Refund",
        "tendered": "Tendered", "change": "Change", "thanks": "Thank you",
        "shift": "Shift close", "opened": "Opened", "closed": "Closed", "float": "Opening float",
        "method": "Method", "expected": "Expected", "counted": "Counted",
        "difference": "Difference", "sum": "Total", "sales": "Sales ({n})",
        "returns": "Returns ({n})", "net": "Net", "sign": "Cashier's signature",
        "check": "Checked by",
    },
}
METHODS = {
    "zh_CN": {"cash": "现金", "card": "银行卡", "wechat": "微信", "alipay": "支付宝",
              "account": "挂账"},
    "en": {"cash": "Cash", "card": "Card", "wechat": "WeChat Pay", "alipay": "Alipay",
           "account": "On account"},
}


def _lang(language: str) -> str:
    return "zh_CN" if (language or "").replace("-", "_").lower().startswith("zh") else "en"


def print_language() -> str:
    """The language of documents printed from the command line: $STOREKEEPER_LANG,
    else the system locale ($LC_ALL, $LC_MESSAGES, $LANG); Chinese when none is set."""
    for name in ("STOREKEEPER_LANG", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(name, "").strip()
        if value:
            return _lang(value)
    return "zh_CN"


def method_label(method: str, language: str = "zh_CN") -> str:
    return METHODS[_lang(language)].get(method, method)


def _when(at: dt.datetime) -> str:
    return at.strftime("%Y-%m-%d %H:%M:%S")


def _signed(fen: int) -> str:
    return ("+" if fen > 0 else "") + money_str(fen)


def _header(roll: Roll, L: dict, title: str, shop_name: str, address: str = "",
            phone: str = "") -> None:
    """Shop name (large), address and phone (small), the document's title."""
    if shop_name:
        roll.text(shop_name, size=roll.paper.large, align="center", bold=True)
    for key, value in (("address", address), ("phone", phone)):
        if value:
            roll.text(f"{L[key]}: {value}", size=roll.paper.small, align="center")
    roll.space(2)
    roll.text(title, size=roll.paper.body + 2, align="center")


# ---------------------------------------------------------------- the receipt

def receipt_pdf(receipt: Receipt, path: str | os.PathLike, *, width_mm: int = 80,
                tendered: int | None = None, change: int | None = None,
                language: str = "zh_CN") -> Path:
    """The receipt of a sale or a return as a PDF on roll paper, written to path."""
    L = LABELS[_lang(language)]
    refund = receipt.kind == "sale-return"
    roll = Roll(width_mm)
    _header(roll, L, L[receipt.kind], receipt.shop_name, receipt.shop_address,
            receipt.shop_phone)
    if receipt.cancelled:
        roll.text(L["cancelled"], align="center")
    roll.rule()
    roll.text(f"{L['number']}: {receipt.number}")
    if receipt.ref_number:
        roll.text(f"{L['ref']}: {receipt.ref_number}")
    roll.text(f"{L['date']}: {_when(receipt.at)}")
    roll.text(f"{L['cashier']}: {receipt.cashier}")
    if receipt.customer:
        roll.text(f"{L['customer']}: {receipt.customer}")
    roll.rule()

    heading = [L["qty"], L["price"], L["amount"]]
    cells = [[f"{qty_str(l.qty)} {l.unit}".rstrip(), f"× {money_str(l.price)}",
              money_str(l.amount)] for l in receipt.lines]
    widths = roll.column_widths([heading] + cells)
    roll.row(L["item"], heading, widths)
    for line, row in zip(receipt.lines, cells):
        roll.row(line.name, row, widths)
    roll.rule()

    total_size = roll.paper.body + 2
    roll.pair(L["refund_total" if refund else "total"], money_str(abs(receipt.total)),
              size=total_size, bold=True)
    for method, amount in receipt.payments:
        name = method_label(method, language)
        roll.pair(f"{L['refund']} ({name})" if refund else name, money_str(abs(amount)))
    if tendered is not None:
        roll.pair(L["tendered"], money_str(tendered))
    if change is not None:
        roll.pair(L["change"], money_str(change))
    roll.rule()
    roll.barcode(receipt.number)
    roll.space(2)
    roll.text(L["thanks"], align="center")
    return roll.save(path, title=f"{L[receipt.kind]} {receipt.number}")


# ---------------------------------------------------------------- the shift slip

def shift_close_pdf(path: str | os.PathLike, *, shop_name: str, cashier: str,
                    opened_at: dt.datetime, closed_at: dt.datetime, opening_float: int,
                    rows: list[tuple[str, int, int]], sales: int, returns: int,
                    sales_total: int, returns_total: int, width_mm: int = 80,
                    language: str = "zh_CN") -> Path:
    """The slip a cashier prints on closing a shift: per payment method what the
    till should hold, what was counted and the difference (counted - expected);
    the number and value of sales and returns. returns_total is refunds in fen
    (its sign is ignored: the slip shows it as money out)."""
    L = LABELS[_lang(language)]
    roll = Roll(width_mm)
    _header(roll, L, L["shift"], shop_name)
    roll.rule()
    roll.text(f"{L['cashier']}: {cashier}")
    roll.text(f"{L['opened']}: {_when(opened_at)}")
    roll.text(f"{L['closed']}: {_when(closed_at)}")
    roll.pair(L["float"], money_str(opening_float))
    roll.rule()

    heading = [L["expected"], L["counted"], L["difference"]]
    cells = [[money_str(e), money_str(c), _signed(c - e)] for _m, e, c in rows]
    expected, counted = sum(r[1] for r in rows), sum(r[2] for r in rows)
    sums = [money_str(expected), money_str(counted), _signed(counted - expected)]
    widths = roll.column_widths([heading, sums] + cells)
    roll.row(L["method"], heading, widths)
    for (method, _e, _c), row in zip(rows, cells):
        roll.row(method_label(method, language), row, widths)
    roll.rule()
    roll.row(L["sum"], sums, widths)
    roll.rule()

    refunds = abs(returns_total)
    roll.pair(L["sales"].format(n=sales), money_str(sales_total))
    roll.pair(L["returns"].format(n=returns), money_str(-refunds))
    roll.pair(L["net"], money_str(sales_total - refunds), size=roll.paper.body + 2, bold=True)
    roll.rule()
    roll.blank(f"{L['sign']}:")
    roll.blank(f"{L['check']}:")
    return roll.save(path, title=f"{L['shift']} {cashier} {closed_at:%Y-%m-%d %H:%M}")
