"""Labels into a PDF: how many a second (issue 7 asks for 2,000 or more).

    .venv/bin/python tests/benchmarks/bench_labels.py [--labels 3000] [--dpi 203] [--runs 3]

For an A4 3x8 sheet and a 40x30 mm roll (one label a page), two jobs of
--labels labels each: every label a different product (the worst case:
each one drawn), and a hundred products with --labels/100 copies each (the
usual case: each product drawn once, its copies placed). Chinese names,
EAN-13 barcodes, every third one with a batch and an expiry date. Prints
one JSON document: labels a second per job (the best of --runs), the PDF's
size, and the one-off cost of loading the font (the first call in a process).
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

NAMES = ["海天金标生抽", "康师傅红烧牛肉面", "农夫山泉天然水", "蒙牛纯牛奶", "洽洽香瓜子",
         "金龙鱼调和油", "李锦记蚝油", "老干妈风味豆豉"]
UNITS = ["瓶", "袋", "盒", "包", "桶"]


def items(n: int, copies: int):
    from db.codes import gtin_check_digit
    from db.labels import LabelItem
    out = []
    for i in range(n):
        body = f"69{i:010d}"
        batch = i % 3 == 0
        out.append(LabelItem(f"P{i:06d}", f"{NAMES[i % len(NAMES)]} {i % 97 + 1}号 500g",
                             UNITS[i % len(UNITS)], 100 + 7 * i,
                             body + str(gtin_check_digit(body)), copies,
                             f"B{i:05d}" if batch else "",
                             dt.date(2027, 1 + i % 12, 1) if batch else None))
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--labels", type=int, default=3000)
    ap.add_argument("--dpi", type=int, default=203, choices=(203, 300))
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()
    from desktop.printing.label_templates import BUILTIN
    from desktop.printing.labels import labels_pdf

    results: dict = {"labels": args.labels, "dpi": args.dpi}
    with tempfile.TemporaryDirectory() as tmp:
        t0 = time.perf_counter()
        labels_pdf(items(1, 1), BUILTIN["roll-40x30"], Path(tmp) / "warm.pdf", dpi=args.dpi)
        results["first_call_s"] = round(time.perf_counter() - t0, 3)
        per = max(1, args.labels // 100)
        jobs = {"distinct": items(args.labels, 1), "copies": items(args.labels // per, per)}
        for template in ("a4-3x8", "roll-40x30"):
            for job, its in jobs.items():
                best = None
                for _ in range(args.runs):
                    out = Path(tmp) / f"{template}-{job}.pdf"
                    t0 = time.perf_counter()
                    w = labels_pdf(its, BUILTIN[template], out, dpi=args.dpi)
                    took = time.perf_counter() - t0
                    best = took if best is None else min(best, took)
                results[f"{template}_{job}"] = {
                    "labels": w.labels, "pages": w.pages, "distinct": w.distinct,
                    "seconds": round(best, 3), "labels_per_second": int(w.labels / best),
                    "pdf_kb": out.stat().st_size // 1024}
    results["slowest_labels_per_second"] = min(v["labels_per_second"] for v in results.values()
                                               if isinstance(v, dict))
    print(json.dumps(results, indent=2))
    return 0 if results["slowest_labels_per_second"] >= 2000 else 1


if __name__ == "__main__":
    sys.exit(main())
