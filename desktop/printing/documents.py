"""The sales invoice, the delivery note, the purchase order and the stocktake
count sheet, on A4 or A5 (desktop.printing.page).

The data comes from db.printdata. Money is integer fen and quantities
integer thousandths, formatted by db.money. Fixed words are Chinese for
zh_CN, English for any other language.
"""
from __future__ import annotations

import os
from pathlib import Path

from reportlab.lib.units import mm

from db.money import line_amount, money_str, qty_str
from db.printdata import CountSheet, InvoiceData, OrderData
from desktop.printing.page import Column, Sheet, Span, figures
from desktop.printing.receipt import _lang, method_label

LABELS = {
    "zh_CN": {
        "invoice": "销售单", "invoice-return": "销售退货单",
        "delivery": "送货单", "delivery-return": "退货收货单",
        "order": "采购订单", "count": "盘点表",
        "cancelled": "此单已作废（{at}）", "return_note": "退货：数量与金额为负数",
        "customer": "客户", "supplier": "供应商", "phone": "电话", "number": "单号",
        "date": "日期", "clerk": "经手人", "ref": "原销售单", "walk_in": "零售客户",
        "no": "序号", "sku": "编码", "item": "品名", "unit": "单位", "qty": "数量",
        "price": "单价", "cost": "单价", "amount": "金额", "remark": "备注",
        "total": "合计", "total_qty": "数量合计", "refund_total": "退款合计",
        "paid": "付款方式", "refunded": "退款方式", "note": "备注",
        "delivered_by": "送货人", "received_by": "收货人", "sign_date": "日期",
        "expected": "预计到货", "status": "状态", "urgent": "加急",
        "prepared": "制单", "approved": "审核", "supplier_ok": "供应商确认",
        "category": "类别", "all": "全部", "uncategorised": "（未分类）", "books": "账面数量",
        "counted": "实盘数量", "blind": "盲盘（不显示账面数量）", "products": "共 {n} 种商品",
        "counter": "盘点人", "checker": "复核人",
        "statuses": {"draft": "草稿", "awaiting-approval": "待审批", "approved": "已审批",
                     "rejected": "已驳回", "partly-received": "部分到货", "received": "已到货",
                     "cancelled": "已作废"},
    },
    "en": {
        "invoice": "Sales invoice", "invoice-return": "Credit note (sales return)",
        "delivery": "Delivery note", "delivery-return": "Returned goods note",
        "order": "Purchase order", "count": "Stocktake count sheet",
        "cancelled": "CANCELLED ({at})", "return_note": "Return: quantities and amounts are negative",
        "customer": "Customer", "supplier": "Supplier", "phone": "Phone", "number": "No.",
        "date": "Date", "clerk": "Clerk", "ref": "Original sale", "walk_in": "Walk-in customer",
        "no": "#", "sku": "SKU", "item": "Item", "unit": "Unit", "qty": "Qty",
        "price": "Price", "cost": "Unit cost", "amount": "Amount", "remark": "Remarks",
        "total": "Total", "total_qty": "Total quantity", "refund_total": "Refund total",
        "paid": "Paid by", "refunded": "Refunded by", "note": "Note",
        "delivered_by": "Delivered by", "received_by": "Received by", "sign_date": "Date",
        "expected": "Expected", "status": "Status", "urgent": "URGENT",
        "prepared": "Prepared by", "approved": "Approved by", "supplier_ok": "Supplier",
        "category": "Category", "all": "All", "uncategorised": "(no category)",
        "books": "Books", "counted": "Counted", "blind": "Blind count (book quantities hidden)",
        "products": "{n} products", "counter": "Counted by", "checker": "Checked by",
        "statuses": {"draft": "Draft", "awaiting-approval": "Awaiting approval",
                     "approved": "Approved", "rejected": "Rejected",
                     "partly-received": "Partly received", "received": "Received",
                     "cancelled": "Cancelled"},
    },
}


def _qty_total(lines) -> str:
    """The lines' quantities added up, when they share one unit (else '')."""
    units = {l.unit for l in lines}
    if len(units) != 1:
        return ""
    return f"{qty_str(sum(l.qty for l in lines))} {units.pop()}".strip()


def _sales_sheet(data: InvoiceData, size: str, language: str, title_key: str) -> tuple[Sheet, dict]:
    L = LABELS[_lang(language)]
    ret = data.kind == "sale-return"
    notice = ""
    if data.cancelled:
        at = data.cancelled_at.strftime("%Y-%m-%d %H:%M") if data.cancelled_at else ""
        notice = L["cancelled"].format(at=at).replace("（）", "").replace(" ()", "")
    elif ret:
        notice = L["return_note"]
    left = [f"{L['customer']}: {data.customer or L['walk_in']}"]
    if data.customer_phone:
        left.append(f"{L['phone']}: {data.customer_phone}")
    right = [f"{L['number']}: {data.number}", f"{L['date']}: {data.at:%Y-%m-%d %H:%M}"]
    if data.ref_number:
        right.append(f"{L['ref']}: {data.ref_number}")
    right.append(f"{L['clerk']}: {data.clerk}")
    title = L[title_key + ("-return" if ret else "")]
    sheet = Sheet(size, shop=data.shop, title=title, language=language, notice=notice,
                  left=left, right=right, running=data.number)
    return sheet, L


def invoice_pdf(data: InvoiceData, path: str | os.PathLike, *, size: str = "A4",
                language: str = "zh_CN") -> Path:
    """The sales invoice (销售单) of a sale, or the credit note of a return."""
    sheet, L = _sales_sheet(data, size, language, "invoice")
    cols = [figures(L["no"], 7), Column(L["sku"], auto=True),
            Column(L["item"], wrap=True), Column(L["unit"], auto=True, align="center"),
            figures(L["qty"], 12), figures(L["price"]),
            figures(L["amount"])]
    rows = [[str(i), l.sku, l.name, l.unit, qty_str(l.qty), money_str(l.price),
             money_str(l.amount)] for i, l in enumerate(data.lines, 1)]
    sheet.table(cols, rows)
    pairs = []
    qty = _qty_total(data.lines)
    if qty:
        pairs.append((L["total_qty"], qty))
    paid = L["refunded" if data.kind == "sale-return" else "paid"]
    pairs += [(f"{paid}: {method_label(m, language)}", money_str(a)) for m, a in data.payments]
    pairs.append((L["refund_total" if data.kind == "sale-return" else "total"],
                  money_str(data.total)))
    sheet.totals(pairs)
    if data.note:
        sheet.text(f"{L['note']}: {data.note}")
    return sheet.save(path, title=f"{sheet.title} {data.number}")


def delivery_note_pdf(data: InvoiceData, path: str | os.PathLike, *, size: str = "A4",
                      language: str = "zh_CN") -> Path:
    """The delivery note (送货单): goods and quantities, no prices, signature lines."""
    sheet, L = _sales_sheet(data, size, language, "delivery")
    cols = [figures(L["no"], 7), Column(L["sku"], auto=True),
            Column(L["item"], wrap=True, weight=3), Column(L["unit"], auto=True, align="center"),
            figures(L["qty"], 12), Column(L["remark"], weight=1.2)]
    rows = [[str(i), l.sku, l.name, l.unit, qty_str(l.qty), ""]
            for i, l in enumerate(data.lines, 1)]
    sheet.table(cols, rows, min_row_mm=7)
    qty = _qty_total(data.lines)
    if qty:
        sheet.totals([(L["total_qty"], qty)])
    if data.note:
        sheet.text(f"{L['note']}: {data.note}")
    sheet.signatures([L["delivered_by"], L["received_by"], L["sign_date"]])
    return sheet.save(path, title=f"{sheet.title} {data.number}")


def purchase_order_pdf(data: OrderData, path: str | os.PathLike, *, size: str = "A4",
                       language: str = "zh_CN") -> Path:
    """The purchase order (采购订单) to send to the supplier."""
    L = LABELS[_lang(language)]
    o = data.order
    status = L["statuses"].get(o.status, o.status)
    left = [f"{L['supplier']}: {o.supplier}"]
    if data.supplier_phone:
        left.append(f"{L['phone']}: {data.supplier_phone}")
    right = [f"{L['number']}: {o.number}", f"{L['date']}: {data.date:%Y-%m-%d}"]
    if o.expected:
        right.append(f"{L['expected']}: {o.expected:%Y-%m-%d}")
    right.append(f"{L['status']}: {status}" + (f"  {L['urgent']}" if o.urgent else ""))
    notice = "" if o.status in ("approved", "partly-received", "received") else status
    if o.status == "rejected" and o.reason:
        notice = f"{status}: {o.reason}"
    sheet = Sheet(size, shop=data.shop, title=L["order"], language=language, notice=notice,
                  left=left, right=right, running=o.number)
    cols = [figures(L["no"], 7), Column(L["sku"], auto=True),
            Column(L["item"], wrap=True), Column(L["unit"], auto=True, align="center"),
            figures(L["qty"], 12), figures(L["cost"]),
            figures(L["amount"])]
    rows = [[str(i), l.sku, l.name, l.unit, qty_str(l.qty), money_str(l.cost),
             money_str(line_amount(l.cost, l.qty))] for i, l in enumerate(o.lines, 1)]
    sheet.table(cols, rows)
    pairs = []
    qty = _qty_total(o.lines)
    if qty:
        pairs.append((L["total_qty"], qty))
    pairs.append((L["total"], money_str(o.total)))
    sheet.totals(pairs)
    if o.note:
        sheet.text(f"{L['note']}: {o.note}")
    sheet.signatures([f"{L['prepared']}: {o.creator}" if o.creator else L["prepared"],
                      L["approved"], L["supplier_ok"]])
    return sheet.save(path, title=f"{L['order']} {o.number}")


def count_sheet_pdf(data: CountSheet, path: str | os.PathLike, *, size: str = "A4",
                    language: str = "zh_CN") -> Path:
    """The stocktake count sheet (盘点表): products by category with a blank
    column to write the count in; the books' quantity unless blind."""
    L = LABELS[_lang(language)]
    left = [f"{L['category']}: {data.category or L['all']}", L["products"].format(n=data.count)]
    right = [f"{L['date']}: {data.date:%Y-%m-%d}"]
    if data.blind:
        right.append(L["blind"])
    sheet = Sheet(size, shop=data.shop, title=L["count"], language=language, left=left,
                  right=right, running=f"{data.date:%Y-%m-%d}")
    cols = [figures(L["no"], 7), Column(L["sku"], auto=True),
            Column(L["item"], wrap=True, weight=3), Column(L["unit"], auto=True, align="center")]
    if not data.blind:
        cols.append(figures(L["books"]))
    cols += [Column(L["counted"], width=28 * mm, box=True), Column(L["remark"], weight=1)]
    rows: list = []
    n = 0
    for category, lines in data.groups:
        rows.append(Span(category or L["uncategorised"]))
        for l in lines:
            n += 1
            row = [str(n), l.sku, l.name, l.unit]
            if not data.blind:
                row.append(qty_str(l.expected or 0))
            rows.append(row + ["", ""])
    sheet.table(cols, rows, min_row_mm=7)
    sheet.signatures([L["counter"], L["checker"], L["sign_date"]])
    return sheet.save(path, title=f"{L['count']} {data.date:%Y-%m-%d}")
