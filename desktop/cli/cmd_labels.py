"""`labels ...`: barcode labels as PDF (desktop.printing.labels)."""
from __future__ import annotations

from db.books import Books


def add_parser(sub, common, with_json, parser_class) -> None:
    sub.add_parser("labels", parents=[with_json], help="barcode labels as PDF")


def run(args, books: Books) -> int:
    raise NotImplementedError("labels: being built (issue 7)")
