"""What each kind of book holds, the words people head its columns with, and
finding the header row below whatever title block sits above it.

A header cell is compared after NFKC, lower case, spaces and bracketed units
taken out ("零售价（元）" reads as "零售价"). An exact synonym scores above one
the cell merely contains; columns are given to fields best score first, each
field and each column once. The header row is the row among the first 30
that names the most fields of the kind, provided it names the kind's key.
"""
from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from db.errors import BooksError

# field -> synonyms (Chinese and English), most specific first
SYNONYMS: dict[str, tuple[str, ...]] = {
    "sku": ("货号", "商品编码", "商品编号", "货品编号", "货品编码", "自编码", "品号", "sku",
            "itemcode", "productcode", "itemno", "code", "编码", "编号"),
    "name": ("商品名称", "货品名称", "品名", "商品名", "名称", "商品", "productname", "itemname",
             "description", "product", "item", "name"),
    "barcode": ("条形码", "条码", "国际条码", "商品条码", "barcode", "ean", "upc", "gtin"),
    "category": ("商品分类", "商品类别", "分类", "类别", "品类", "大类", "category", "group"),
    "unit": ("计量单位", "单位", "unit", "uom"),
    "price": ("零售价", "售价", "销售价", "单价", "价格", "retailprice", "saleprice",
              "sellingprice", "price"),
    "cost": ("成本价", "进货价", "采购价", "进价", "成本", "costprice", "purchaseprice",
             "buyingprice", "cost"),
    "qty": ("库存数量", "期初数量", "现存量", "结存数量", "数量", "库存", "结存", "qtyonhand",
            "onhand", "quantity", "stock", "qty"),
    "min_qty": ("最低库存", "库存下限", "下限", "reorderlevel", "minimum", "min"),
    "max_qty": ("最高库存", "库存上限", "上限", "maximum", "max"),
    "party": ("客户名称", "单位名称", "客户", "供应商名称", "供应商", "厂商", "customer",
              "supplier", "company", "名称", "name"),
    "phone": ("联系电话", "电话", "手机号", "手机", "telephone", "phone", "mobile", "tel"),
    "balance": ("应收余额", "应付余额", "期初余额", "欠款", "应收", "应付", "余额",
                "openingbalance", "amountowed", "balance", "owed", "owes"),
    "credit_limit": ("信用额度", "额度", "creditlimit"),
    "date": ("销售日期", "单据日期", "日期", "date"),
    "amount": ("销售金额", "销售额", "金额", "合计金额", "amount", "total", "sales"),
    "customer": ("客户名称", "客户", "customer"),
}

# kind -> its fields (in the preview's order), its key and what a row must have
KINDS: dict[str, dict] = {
    "products": {"fields": ("sku", "name", "barcode", "category", "unit", "price", "cost", "qty",
                            "min_qty", "max_qty"),
                 "key": ("sku", "barcode", "name"), "needs": ("name",)},
    "customers": {"fields": ("party", "phone", "balance", "credit_limit"),
                  "key": ("party",), "needs": ("party",)},
    "suppliers": {"fields": ("party", "phone", "balance"), "key": ("party",), "needs": ("party",)},
    "opening-stock": {"fields": ("sku", "barcode", "name", "qty", "cost"),
                      "key": ("sku", "barcode"), "needs": ("qty",)},
    "sales-history": {"fields": ("date", "sku", "barcode", "name", "qty", "price", "amount",
                                 "customer"),
                      "key": ("date",), "needs": ("date",)},
}
HEADER_ROWS = 30
_BRACKETS = re.compile(r"[（(\[【].*?[）)\]】]")
_NOISE = re.compile(r"[\s:：_\-./*#]+")


def norm_header(cell) -> str:
    s = unicodedata.normalize("NFKC", str(cell if cell is not None else "")).lower()
    s = _BRACKETS.sub("", s)
    return _NOISE.sub("", s)


def _score(header: str, field: str) -> int:
    best = 0
    for i, syn in enumerate(SYNONYMS[field]):
        rank = len(SYNONYMS[field]) - i           # earlier synonyms weigh more
        if header == syn:
            best = max(best, 100 + rank)
        elif len(syn) >= 2 and syn in header and len(header) <= len(syn) + 6:
            best = max(best, 10 + rank)
    return best


def auto_map(headers: list, kind: str) -> dict[int, str]:
    """Column index -> field, best matches first, each once."""
    fields = KINDS[kind]["fields"]
    cands = []
    for c, cell in enumerate(headers):
        h = norm_header(cell)
        if not h:
            continue
        for f in fields:
            s = _score(h, f)
            if s:
                cands.append((s, -c, c, f))
    out: dict[int, str] = {}
    used: set[str] = set()
    for _s, _neg, c, f in sorted(cands, reverse=True):
        if c not in out and f not in used:
            out[c] = f
            used.add(f)
    return out


def find_header(rows: list[list], kind: str) -> tuple[int, dict[int, str]]:
    """(index of the header row, its mapping); BooksError when no row names the kind's key."""
    key = set(KINDS[kind]["key"])
    best: tuple[int, int, dict] | None = None
    for i, row in enumerate(rows[:HEADER_ROWS]):
        m = auto_map(row, kind)
        if not key & set(m.values()) or len(m) < 2 and len(KINDS[kind]["fields"]) > 2:
            continue
        if best is None or len(m) > best[1]:
            best = (i, len(m), m)
    if best is None:
        words = " / ".join(SYNONYMS[f][0] + "/" + SYNONYMS[f][-1] for f in KINDS[kind]["key"])
        raise BooksError(f"no header row found: none of the first {HEADER_ROWS} rows names "
                         f"the columns of {kind} (such as {words})")
    return best[0], best[2]


def signature(headers: list) -> str:
    """The header row's fingerprint: a mapping changed by hand is kept under it."""
    text = json.dumps([norm_header(h) for h in headers], ensure_ascii=False)
    return hashlib.sha1(text.encode()).hexdigest()[:16]


def field_names(kind: str) -> tuple[str, ...]:
    return KINDS[kind]["fields"]
