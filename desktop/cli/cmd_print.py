"""`print KIND ...`: printable documents as PDF (desktop.printing)."""
from __future__ import annotations

from db.books import Books
from desktop.cli import emit


def add_parser(sub, common, with_json, parser_class) -> None:
    out = sub.add_parser("print", parents=[common], help="a printable document as PDF").add_subparsers(
        dest="kind", required=True, parser_class=parser_class, metavar="KIND")
    orc = out.add_parser("receipt", parents=[with_json], help="a sale's or a return's receipt")
    orc.add_argument("number", metavar="NUMBER")
    orc.add_argument("-o", "--output", required=True, metavar="OUT.pdf")
    orc.add_argument("--width", type=int, default=80, choices=(58, 80), help="roll width in mm")


def run(args, books: Books) -> int:
    from desktop.printing.receipt import print_language
    written = {"receipt": _print_receipt}[args.kind](args, books, print_language())
    emit(args, written, f"{args.kind} {written['number']} written to {written['file']}")
    return 0


def _print_receipt(args, books: Books, language: str) -> dict:
    from db.receipts import receipt_data
    from desktop.printing.receipt import receipt_pdf
    with books.engine.connect() as conn:
        data = receipt_data(conn, args.number)
    path = receipt_pdf(data, args.output, width_mm=args.width, language=language)
    return {"kind": "receipt", "number": data.number, "file": str(path)}
