"""`labels ...`: barcode labels as PDF (desktop.printing.labels).

    labels --sku SKU[:COPIES] ... [--template NAME] -o OUT.pdf      picked products
    labels --document NUMBER ...                                   a purchase receipt
    labels --changed-since DATE ...                                price-change labels
    labels --list-templates                                        name, size, layout
    labels --save-template NAME --spec FILE.json / --delete-template NAME
Extras: --copies N (for --sku without :COPIES and --changed-since), --dpi 203|300,
--start N (cells of the first sheet already used), --outline (cell borders).
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path

from db.books import Books
from db.errors import BooksError
from desktop.cli import emit

_parser = None


def add_parser(sub, common, with_json, parser_class) -> None:
    global _parser
    p = sub.add_parser("labels", parents=[with_json], help="barcode labels as PDF",
                       description="Barcode labels of products, a purchase receipt's goods, "
                                   "or the products whose price changed, as a PDF.")
    what = p.add_mutually_exclusive_group(required=True)
    what.add_argument("--sku", action="append", metavar="SKU[:COPIES]",
                      help="a product and how many labels (default --copies); repeatable")
    what.add_argument("--document", metavar="NUMBER",
                      help="a purchase receipt: one label per unit received")
    what.add_argument("--changed-since", metavar="DATE",
                      help="every product whose sale price changed on or after DATE")
    what.add_argument("--list-templates", action="store_true",
                      help="the templates, one a line: name, size, layout")
    what.add_argument("--save-template", metavar="NAME",
                      help="save the shop's own template NAME from --spec FILE.json")
    what.add_argument("--delete-template", metavar="NAME", help="delete the shop's template NAME")
    p.add_argument("--template", metavar="NAME", help="label template (default roll-40x30)")
    p.add_argument("-o", "--output", metavar="OUT.pdf")
    p.add_argument("--copies", default="1", metavar="N",
                   help="labels of each product where not given (default 1)")
    p.add_argument("--dpi", type=int, default=203, choices=(203, 300),
                   help="the printer's resolution: bars on its dot grid (default 203)")
    p.add_argument("--start", type=int, default=0, metavar="N",
                   help="skip the first N labels of the first sheet (already used)")
    p.add_argument("--outline", action="store_true", help="draw each label's border")
    p.add_argument("--spec", metavar="FILE.json", help="with --save-template: the template")
    _parser = p


def _usage(message: str):
    _parser.error(message)          # exits 2


def run(args, books: Books) -> int:
    from db import labels as db_labels
    if args.list_templates:
        return _list(args, books)
    if args.save_template:
        if not args.spec:
            _usage("--save-template needs --spec FILE.json")
        try:
            text = Path(args.spec).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise BooksError(f"cannot read {args.spec}: {getattr(exc, 'strerror', None) or exc}") \
                from None
        tpl = db_labels.save_template(books, args.save_template, text)
        emit(args, _template_json(tpl), f"label template {tpl.name} saved: "
                                        f"{tpl.size_text}, {tpl.layout_text}")
        return 0
    if args.delete_template:
        db_labels.delete_template(books, args.delete_template)
        emit(args, {"deleted": args.delete_template.strip()},
             f"label template {args.delete_template.strip()} deleted")
        return 0
    if not args.output:
        _usage("-o/--output OUT.pdf is required")
    return _print(args, books)


def _print(args, books: Books) -> int:
    from db import labels as db_labels
    from desktop.printing.labels import labels_pdf
    from desktop.printing.receipt import print_language
    template = db_labels.template(books, args.template)
    copies = db_labels.parse_copies(args.copies, "--copies")
    if args.sku:
        items = db_labels.items_for_skus(
            books, [db_labels.parse_sku_copies(s, copies) for s in args.sku])
        source = {"skus": [i.sku for i in items]}
    elif args.document:
        items = db_labels.items_for_document(books, args.document)
        source = {"document": args.document.strip()}
    else:
        try:
            since = dt.date.fromisoformat(args.changed_since.strip())
        except ValueError:
            raise BooksError(f"--changed-since '{args.changed_since}' is not a date "
                             "(YYYY-MM-DD)") from None
        items = db_labels.items_changed_since(books, since, copies)
        source = {"changed_since": since.isoformat()}
    written = labels_pdf(items, template, args.output, language=print_language(), dpi=args.dpi,
                         shop=db_labels.shop_name(books), start=args.start, outline=args.outline)
    data = {"file": str(written.path), "template": template.name, "labels": written.labels,
            "pages": written.pages, "products": len({i.sku for i in items}), "dpi": args.dpi,
            **source, "items": [{"sku": i.sku, "barcode": i.code, "copies": i.copies}
                                for i in items]}
    emit(args, data, f"{written.labels} label(s) of {data['products']} product(s) on "
                     f"{written.pages} page(s) ({template.name}) written to {written.path}")
    return 0


def _template_json(t) -> dict:
    return {"name": t.name, "size": t.size_text, "width_mm": f"{t.width:g}",
            "height_mm": f"{t.height:g}", "page": t.page, "columns": t.columns, "rows": t.rows,
            "per_page": t.per_page, "layout": t.layout_text, "builtin": t.builtin,
            "spec": t.spec()}


def _list(args, books: Books) -> int:
    from db import labels as db_labels
    found = db_labels.templates(books)
    if getattr(args, "json", False):
        emit(args, [_template_json(t) for t in found])
        return 0
    width = max(len(t.name) for t in found)
    size = max(len(t.size_text) for t in found)
    for t in found:
        own = "" if t.builtin else "  (the shop's own)"
        print(f"{t.name:<{width}}  {t.size_text:<{size}}  {t.layout_text}{own}")
    return 0
