"""A 100,000-row product book: read, cleanse, preview and commit, against the time
python-calamine alone needs to read the same file in the same run.

    .venv/bin/python tests/benchmarks/bench_import.py [--rows 100000] [--db URL]

Writes the book (openpyxl, a title block, Chinese headers, values as people
type them: ¥ prices, full-width digits, barcodes as numbers), then in this
process: calamine reading it (median of 3), then the whole import (preview
with every check against the books, and the commit in one transaction) into
a fresh database (SQLite in a temporary folder unless --db names an empty
one). Prints the seconds, the ratio and the peak memory of the process.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

WORDS = ["海天", "康师傅", "统一", "蒙牛", "伊利", "农夫山泉", "娃哈哈", "金龙鱼", "李锦记", "老干妈"]
THINGS = ["生抽", "老抽", "红烧牛肉面", "纯牛奶", "酸奶", "矿泉水", "八宝粥", "食用油", "蚝油", "辣酱"]
SIZES = ["500ml", "1L", "250g", "5kg", "24袋", "12瓶", "330ml", "1.8L"]


def ean13(n: int) -> str:
    from db.codes import gtin_check_digit
    body = f"69{n:010d}"
    return body + str(gtin_check_digit(body))


def write_book(path: Path, rows: int, seed: int = 7) -> None:
    from openpyxl import Workbook
    rng = random.Random(seed)
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("商品资料")
    ws.append(["某某超市 商品资料表"])
    ws.append([])
    ws.append(["货号", "商品名称", "条形码", "分类", "单位", "成本价", "零售价", "数量"])
    for i in range(rows):
        name = f"{rng.choice(WORDS)}{rng.choice(THINGS)}{rng.choice(SIZES)} {i}"
        cost = rng.randint(100, 20000)
        price = cost + rng.randint(10, 5000)
        code = ean13(i)
        ws.append([f"S{i:06d}", name,
                   int(code) if i % 5 == 0 else code,               # numbers Excel made of codes
                   rng.choice(["调味品", "方便食品", "乳制品", "饮料"]), rng.choice(["瓶", "袋", "箱"]),
                   cost / 100, f"¥{price / 100:,.2f}" if i % 7 == 0 else price / 100,
                   "１２" if i % 11 == 0 else rng.randint(0, 300)])
    ws.append(["", "合计"])
    wb.save(path)


def calamine_read(path: Path) -> float:
    from python_calamine import CalamineWorkbook
    t0 = time.perf_counter()
    wb = CalamineWorkbook.from_path(str(path))
    wb.get_sheet_by_index(0).to_python(skip_empty_area=False)
    return time.perf_counter() - t0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rows", type=int, default=100_000)
    ap.add_argument("--db", help="an empty database (default: SQLite in a temporary folder)")
    args = ap.parse_args()

    from db import shop
    from db.engine import make_engine
    from db.users import owner
    from desktop.books.pipeline import commit, preview_for

    with tempfile.TemporaryDirectory() as tmp:
        book = Path(tmp) / "products.xlsx"
        t0 = time.perf_counter()
        write_book(book, args.rows)
        written = time.perf_counter() - t0
        engine = make_engine(args.db or f"sqlite:///{tmp}/shop.db")
        shop.init(engine, shop="Bench", owner="boss", password="bench-pass-1")
        with engine.connect() as c:
            boss = owner(c)
        reads = [calamine_read(book) for _ in range(3)]
        read = statistics.median(reads)
        t0 = time.perf_counter()
        p = preview_for(engine, "products", book)
        previewed = time.perf_counter() - t0
        done = commit(engine, boss, p)
        total = time.perf_counter() - t0
        engine.dispose()
        result = {
            "rows": args.rows, "backend": engine.dialect.name,
            "file_mb": round(book.stat().st_size / 2 ** 20, 1),
            "write_book_s": round(written, 2),
            "calamine_read_s": round(read, 2),
            "preview_s": round(previewed, 2), "commit_s": round(total - previewed, 2),
            "import_total_s": round(total, 2), "ratio_to_read": round(total / read, 2),
            "rows_imported": done["rows_imported"], "rows_rejected": done["rows_rejected"],
            "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        }
    print(json.dumps(result, ensure_ascii=False, indent=2))
    return 0


if __name__ == "__main__":
    os.environ.setdefault("STOREKEEPER_CONFIG", os.devnull)
    sys.exit(main())
