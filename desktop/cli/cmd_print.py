"""`print KIND ...`: printable documents as PDF (desktop.printing).

receipt (roll paper); invoice and delivery-note (A4 or A5); purchase-order;
statement (a customer's) and supplier-statement; count-sheet. --json
prints {"kind", "number" | "party" | "category", "file"}.
"""
from __future__ import annotations


from db.books import Books
from desktop.cli import emit, parse_date as _date


def add_parser(sub, common, with_json, parser_class) -> None:
    out = sub.add_parser("print", parents=[common], help="a printable document as PDF").add_subparsers(
        dest="kind", required=True, parser_class=parser_class, metavar="KIND")

    def kind(name: str, text: str):
        return out.add_parser(name, parents=[with_json], help=text)

    def output(p) -> None:
        p.add_argument("-o", "--output", required=True, metavar="OUT.pdf")

    orc = kind("receipt", "a sale's or a return's receipt")
    orc.add_argument("number", metavar="NUMBER")
    output(orc)
    orc.add_argument("--width", type=int, default=80, choices=(58, 80), help="roll width in mm")

    for name, text in (("invoice", "a sale's invoice or a return's credit note"),
                       ("delivery-note", "a sale's delivery note: goods, no prices, signatures")):
        p = kind(name, text)
        p.add_argument("number", metavar="NUMBER")
        output(p)
        p.add_argument("--size", type=str.upper, default="A4", choices=("A4", "A5"),
                       help="paper size (default A4)")

    po = kind("purchase-order", "a purchase order, to send to the supplier")
    po.add_argument("number", metavar="NUMBER")
    output(po)

    for name, party in (("statement", "CUSTOMER"), ("supplier-statement", "SUPPLIER")):
        p = kind(name, f"a {party.lower()}'s statement: opening balance, each document and "
                       "payment with the running balance, closing balance, ageing")
        p.add_argument("party", metavar=party, help="name (or id)")
        p.add_argument("--from", dest="date_from", required=True, metavar="DATE")
        p.add_argument("--to", dest="date_to", required=True, metavar="DATE")
        output(p)

    cs = kind("count-sheet", "a stocktake count sheet: products by category, a column to "
                             "write the count in")
    cs.add_argument("--category", metavar="C", help="only this category")
    cs.add_argument("--blind", action="store_true", help="leave out the quantities the books expect")
    output(cs)


# who may print what (db.permissions): an order shows unit costs; a statement, what a
# party owes; a count sheet that is not blind, the quantities the books expect
NEEDS = {"purchase-order": "see-cost", "statement": "print-statement",
         "supplier-statement": "print-statement", "count-sheet": "stocktake"}


def run(args, books: Books) -> int:
    from db.permissions import require
    from desktop.printing.receipt import print_language
    if args.kind in NEEDS:
        require(books.actor, NEEDS[args.kind])
    handler = {"receipt": _print_receipt, "invoice": _print_sales, "delivery-note": _print_sales,
               "purchase-order": _print_order, "statement": _print_statement,
               "supplier-statement": _print_statement, "count-sheet": _print_count}[args.kind]
    written = handler(args, books, print_language())
    what = written.get("number") or written.get("party") or written.get("category") or ""
    emit(args, written, f"{args.kind} {what} written to {written['file']}".replace("  ", " "))
    return 0


def _print_receipt(args, books: Books, language: str) -> dict:
    from db.receipts import receipt_data
    from desktop.printing.receipt import receipt_pdf
    with books.engine.connect() as conn:
        data = receipt_data(conn, args.number)
    path = receipt_pdf(data, args.output, width_mm=args.width, language=language)
    return {"kind": "receipt", "number": data.number, "file": str(path)}


def _print_sales(args, books: Books, language: str) -> dict:
    from db.printdata import invoice_data
    from desktop.printing.documents import delivery_note_pdf, invoice_pdf
    with books.engine.connect() as conn:
        data = invoice_data(conn, args.number)
    make = invoice_pdf if args.kind == "invoice" else delivery_note_pdf
    path = make(data, args.output, size=args.size, language=language)
    return {"kind": args.kind, "number": data.number, "file": str(path)}


def _print_order(args, books: Books, language: str) -> dict:
    from db.printdata import order_data
    from desktop.printing.documents import purchase_order_pdf
    with books.engine.connect() as conn:
        data = order_data(conn, args.number)
    path = purchase_order_pdf(data, args.output, language=language)
    return {"kind": "purchase-order", "number": data.order.number, "file": str(path)}




def _print_statement(args, books: Books, language: str) -> dict:
    from db.statements import statement
    from desktop.printing.statements import statement_pdf
    party = "customer" if args.kind == "statement" else "supplier"
    date_from, date_to = _date(args.date_from, "--from"), _date(args.date_to, "--to")
    with books.engine.connect() as conn:
        data = statement(conn, party, args.party, date_from, date_to)
    path = statement_pdf(data, args.output, language=language)
    return {"kind": args.kind, "party": data.name, "file": str(path)}


def _print_count(args, books: Books, language: str) -> dict:
    from db.printdata import count_sheet_data
    from desktop.printing.documents import count_sheet_pdf
    with books.engine.connect() as conn:
        data = count_sheet_data(conn, category=args.category, blind=args.blind)
    path = count_sheet_pdf(data, args.output, language=language)
    return {"kind": "count-sheet", "category": data.category, "blind": data.blind,
            "products": data.count, "file": str(path)}
