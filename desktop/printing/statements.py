"""The customer statement (客户对账单) and the supplier statement (供应商对账单),
on A4 (desktop.printing.page); the data is db.statements.Statement.

The opening balance, each document and payment of the period with the
running balance after it, the closing balance; the period's charges and
credits; the ageing of the closing balance. A page that breaks the list
ends with the balance carried forward and the next opens with it.
"""
from __future__ import annotations

import os
from pathlib import Path

from db.money import money_str
from db.statements import Statement, StatementLine
from desktop.printing.page import Column, Sheet, figures
from desktop.printing.receipt import _lang, method_label

LABELS = {
    "zh_CN": {
        "customer-title": "客户对账单", "supplier-title": "供应商对账单",
        "customer": "客户", "supplier": "供应商", "phone": "电话", "period": "期间",
        "date": "日期", "number": "单号", "what": "摘要", "balance": "余额",
        "customer-up": "应收", "customer-down": "已收/冲减",
        "supplier-up": "应付", "supplier-down": "已付/冲减",
        "opening": "期初余额", "closing": "期末余额", "forward": "过次页", "brought": "承前页",
        "customer-sum-up": "本期应收", "customer-sum-down": "本期收款及冲减",
        "supplier-sum-up": "本期应付", "supplier-sum-down": "本期付款及冲减",
        "ageing": "期末余额账龄（截至 {d}）", "total": "合计",
        "buckets": ("0–30 天", "31–60 天", "61–90 天", "90 天以上"),
        "archived": "已归档单据合计", "sale": "销售", "sale-return": "销售退货（原单 {ref}）", "customer-payment": "收款",
        "purchase-receipt": "采购入库", "purchase-return": "采购退货",
        "supplier-payment": "付款", "opening-balance": "期初余额导入",
        "reversal": "冲销 {ref}", "none": "本期无往来",
    },
    "en": {
        "customer-title": "Customer statement", "supplier-title": "Supplier statement",
        "customer": "Customer", "supplier": "Supplier", "phone": "Phone", "period": "Period",
        "date": "Date", "number": "No.", "what": "Description", "balance": "Balance",
        "customer-up": "Charges", "customer-down": "Credits",
        "supplier-up": "Purchases", "supplier-down": "Payments",
        "opening": "Opening balance", "closing": "Closing balance",
        "forward": "Carried forward", "brought": "Brought forward",
        "customer-sum-up": "Charges in the period", "customer-sum-down": "Payments and credits",
        "supplier-sum-up": "Purchases in the period", "supplier-sum-down": "Payments and credits",
        "ageing": "Ageing of the closing balance (as of {d})", "total": "Total",
        "buckets": ("0-30 days", "31-60 days", "61-90 days", "Over 90 days"),
        "archived": "Archived documents, in total", "sale": "Sale", "sale-return": "Return (sale {ref})", "customer-payment": "Payment",
        "purchase-receipt": "Goods received", "purchase-return": "Goods returned",
        "supplier-payment": "Payment", "opening-balance": "Opening balance (imported)",
        "reversal": "Cancellation of {ref}", "none": "No transactions in the period",
    },
}


def describe(line: StatementLine, language: str = "zh_CN") -> str:
    """What a statement line says the document was, in the language."""
    L = LABELS[_lang(language)]
    if line.reversal:
        return L["reversal"].format(ref=line.ref_number or "")
    text = L.get(line.kind, line.kind).format(ref=line.ref_number or "")
    if line.method:
        text += f" ({method_label(line.method, language)})"
    return text


def statement_pdf(data: Statement, path: str | os.PathLike, *, size: str = "A4",
                  language: str = "zh_CN") -> Path:
    """The customer's or supplier's statement as a PDF, written to path."""
    L = LABELS[_lang(language)]
    p = data.party
    left = [f"{L[p]}: {data.name}"]
    if data.phone:
        left.append(f"{L['phone']}: {data.phone}")
    period = f"{data.date_from:%Y-%m-%d} ~ {data.date_to:%Y-%m-%d}"
    sheet = Sheet(size, shop=data.shop, title=L[f"{p}-title"], language=language, left=left,
                  right=[f"{L['period']}: {period}"], running=f"{data.name}  {period}")
    cols = [Column(L["date"], auto=True), Column(L["number"], auto=True),
            Column(L["what"], wrap=True),
            figures(L[f"{p}-up"]),
            figures(L[f"{p}-down"]),
            figures(L["balance"])]
    rows = [["", "", L["opening"], "", "", money_str(data.opening)]]
    for l in data.lines:
        rows.append([f"{l.date:%Y-%m-%d}", l.number, describe(l, language),
                     money_str(l.amount) if l.amount > 0 else "",
                     money_str(-l.amount) if l.amount < 0 else "", money_str(l.balance)])
    if not data.lines:
        rows.append(["", "", L["none"], "", "", ""])
    rows.append(["", "", L["closing"], "", "", money_str(data.closing)])
    balances = [data.opening] + [l.balance for l in data.lines] + [data.opening] * (
        0 if data.lines else 1) + [data.closing]

    def carry(i: int, forward: bool) -> list[str]:
        return ["", "", L["forward" if forward else "brought"], "", "", money_str(balances[i])]

    sheet.table(cols, rows, bold_rows={0, len(rows) - 1}, carry=carry)
    sheet.totals([(L[f"{p}-sum-up"], money_str(data.charges)),
                  (L[f"{p}-sum-down"], money_str(data.credits)),
                  (L["closing"], money_str(data.closing))])
    sheet.space(4)
    sheet.text(L["ageing"].format(d=f"{data.date_to:%Y-%m-%d}"), bold=True)
    ageing_cols = [Column(b, align="right") for b in L["buckets"]] + [
        Column(L["total"], align="right")]
    sheet.table(ageing_cols, [[money_str(v) for v in data.ageing] + [money_str(sum(data.ageing))]])
    return sheet.save(path, title=f"{L[f'{p}-title']} {data.name} {period}")
