"""An old book to a preview of what it would do, then all of it or nothing.

    preview = build_preview(conn, "products", path)     # reads, cleanses, validates
    summary = commit(engine, actor, preview)            # one transaction (db.imports)

The preview keeps every issue with the spreadsheet's own row number and the
column's header as written. Rows: skipped (blank, title, totals, a note
line: nothing to import), rejected (an error: not imported, listed in
--rejects), merged (the same as an earlier row), unchanged (already in the
books exactly so), imported. Importing the same book again finds every row
unchanged (or, for opening stock and sales history, the same rows already
imported), so it changes nothing.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Callable

from sqlalchemy import Connection

from db.errors import BooksError
from desktop.books import cleansing as C
from desktop.books.mapping import KINDS, find_header, norm_header, signature
from desktop.books.reading import Sheet, read_book
from desktop.books.text import T

TOTAL_WORDS = {"合计", "总计", "小计", "共计", "总数", "合 计", "total", "totals", "sum",
               "grandtotal"}
CLEANERS: dict[str, Callable] = {
    "sku": C.code, "barcode": C.barcode, "name": C.text, "category": C.text, "unit": C.unit,
    "price": C.money, "cost": C.money, "qty": C.qty, "min_qty": C.qty, "max_qty": C.qty,
    "party": C.text, "phone": C.phone, "balance": C.money, "credit_limit": C.money,
    "date": C.date, "amount": C.money, "customer": C.text,
}
# a bad value in these fields drops the value (a warning); in any other, the row
DROPPABLE = {"barcode", "phone", "category", "min_qty", "max_qty", "credit_limit"}


@dataclass
class Issue:
    row: int                 # the spreadsheet's own row number (1 = the first row)
    column: str              # the header as written in the book ("" for the row as a whole)
    severity: str            # "error" (row refused), "warning" (a value left out), "info"
    message: str

    def as_dict(self) -> dict:
        return {"row": self.row, "column": self.column, "severity": self.severity,
                "message": self.message}


@dataclass
class Record:
    row: int
    values: dict
    cells: list              # the row as read, for the rejects file
    status: str = "new"      # new | merged | unchanged | rejected


@dataclass
class Preview:
    kind: str
    file: str
    sheet: Sheet
    header_index: int                     # 0-based index of the header row in sheet.rows
    headers: list[str]
    mapping: dict[int, str]               # column index -> field
    records: list[Record] = field(default_factory=list)
    issues: list[Issue] = field(default_factory=list)
    skipped: int = 0
    content_hash: str = ""
    already: str | None = None            # "imported already as batch N on ..." (same rows)

    def count(self, status: str) -> int:
        return sum(1 for r in self.records if r.status == status)

    @property
    def to_import(self) -> list[Record]:
        return [] if self.already else [r for r in self.records if r.status == "new"]

    def summary(self) -> dict:
        imported = len(self.to_import)
        return {"kind": self.kind, "file": self.file, "sheet": self.sheet.name,
                "header_row": self.header_index + 1,
                "mapping": {self.headers[c]: f for c, f in sorted(self.mapping.items())},
                "rows_read": len(self.records), "rows_imported": imported,
                "rows_merged": self.count("merged"),
                "rows_unchanged": self.count("unchanged") + (self.count("new")
                                                             if self.already else 0),
                "rows_rejected": self.count("rejected"), "rows_skipped": self.skipped,
                "issues": [i.as_dict() for i in self.issues]}


def fill_merged(sheet: Sheet) -> None:
    """A value written once in a merged block running down a column applies to every
    row of the block, as a person reads it (a category beside its group)."""
    rows = sheet.rows
    for (r0, c0), (r1, c1) in sheet.merged:
        if r1 <= r0 or r0 >= len(rows):
            continue
        for c in range(c0, c1 + 1):
            top = rows[r0][c] if c < len(rows[r0]) else None
            if C.is_blank(top):
                continue
            for r in range(r0 + 1, min(r1, len(rows) - 1) + 1):
                if c < len(rows[r]) and C.is_blank(rows[r][c]):
                    rows[r][c] = top


def open_book(kind: str, path, sheet: str | None = None) -> tuple[Sheet, int, dict[int, str]]:
    """The sheet read (merged blocks filled), the header row's index, its automatic mapping."""
    book = path if isinstance(path, Sheet) else read_book(path, sheet)
    if not any(not C.is_blank(c) for r in book.rows for c in r):
        raise BooksError(f"{book.file}: the book is empty")
    fill_merged(book)
    try:
        h, auto = find_header(book.rows, kind)
    except BooksError as exc:
        raise BooksError(f"{book.file}: {exc.message}") from None
    return book, h, auto


def build_preview(conn: Connection | None, kind: str, path, *, sheet: str | None = None,
                  mapping: dict[str, str] | None = None, remembered=None,
                  existing: Callable | None = None, progress: Callable | None = None,
                  cancelled: Callable | None = None) -> Preview:
    """mapping: header text -> field (or "" to ignore), changes to the automatic one.
    remembered: a mapping kept for this header (db.imports.remembered_mapping).
    existing: checks the records against the books (db.imports.check_existing)."""
    if kind not in KINDS:
        raise BooksError(f"unknown kind '{kind}': one of {', '.join(KINDS)}")
    book, h, auto = open_book(kind, path, sheet)
    if callable(remembered):
        remembered = remembered([str(c).strip() if c is not None else "" for c in book.rows[h]])
    headers = [str(c).strip() if c is not None else "" for c in book.rows[h]]
    chosen = dict(auto)
    changes = dict(remembered or {})
    changes.update(mapping or {})
    if changes:
        by_header = {norm_header(t): c for c, t in enumerate(headers)}
        for text, f in changes.items():
            c = by_header.get(norm_header(text))
            if c is None:
                raise BooksError(f"{book.file}: no column headed '{text}'")
            if f and f not in KINDS[kind]["fields"]:
                raise BooksError(f"'{f}' is not a field of {kind}: one of "
                                 f"{', '.join(KINDS[kind]['fields'])}")
            chosen = {k: v for k, v in chosen.items() if v != f and k != c}
            if f:
                chosen[c] = f
    p = Preview(kind, book.file, book, h, headers, chosen)
    _read_rows(p, progress, cancelled)
    _dedupe(p)
    if existing is not None and conn is not None:
        existing(conn, p)
    p.records.sort(key=lambda r: r.row)
    p.issues.sort(key=lambda i: (i.row, i.column))
    p.content_hash = _hash(p)
    return p


def _header_of(p: Preview, f: str) -> str:
    for c, g in p.mapping.items():
        if g == f:
            return p.headers[c]
    return ""


def _read_rows(p: Preview, progress=None, cancelled=None) -> None:
    kind = KINDS[p.kind]
    total = len(p.sheet.rows)
    plan = [(c, f, C.barcodes if (f == "barcode" and p.kind == "products") else CLEANERS[f],
             p.headers[c], T(f.replace("_", " ")), f in DROPPABLE) for c, f in p.mapping.items()]
    key_cols = [c for c, f in p.mapping.items() if f in kind["key"]]
    code_cols = [c for c, f in p.mapping.items() if f in ("sku", "barcode")]
    blank = C.is_blank
    issues, records = p.issues, p.records
    for i in range(p.header_index + 1, total):
        if i % 2000 == 0:
            if cancelled is not None and cancelled():
                raise BooksError(f"{p.file}: import cancelled; nothing was written")
            if progress is not None:
                progress(i, total)
        cells = p.sheet.rows[i]
        n = len(cells)
        row_no = i + 1
        if all(blank(c) for c in cells):
            p.skipped += 1
            continue
        key_blank = all(c >= n or blank(cells[c]) for c in key_cols)
        codeless = p.kind == "products" and all(c >= n or blank(cells[c]) for c in code_cols)
        if (key_blank or codeless) and {norm_header(c) for c in cells
                                        if isinstance(c, str)} & TOTAL_WORDS:
            p.skipped += 1
            issues.append(Issue(row_no, "", "info", T("totals row skipped")))
            continue
        if key_blank:
            first = next(str(c).strip() for c in cells if not blank(c))
            p.skipped += 1
            issues.append(Issue(row_no, "", "info",
                                T("note line skipped: '{text}'", text=first[:40])))
            continue
        rec = Record(row_no, {}, cells)
        values = rec.values
        for c, f, cleaner, column, what, droppable in plan:
            try:
                value, note = cleaner(cells[c] if c < n else None, what)
            except C.Bad as exc:
                if droppable:
                    issues.append(Issue(row_no, column, "warning",
                                        T("{problem}; left out", problem=exc.args[0])))
                    value, note = None, None
                else:
                    rec.status = "rejected"
                    issues.append(Issue(row_no, column, "error", exc.args[0]))
                    continue
            if note:
                issues.append(Issue(row_no, column, "info", note))
            values[f] = value
        if rec.status != "rejected":
            _complete(p, rec)
        if rec.status == "skipped":
            p.skipped += 1
            continue
        records.append(rec)


def _reject(p: Preview, rec: Record, column: str, message: str) -> None:
    rec.status = "rejected"
    p.issues.append(Issue(rec.row, column, "error", message))


def _complete(p: Preview, rec: Record) -> None:
    """Rules of a whole row, after its cells were cleansed."""
    v = rec.values
    if p.kind == "products":
        v["barcode"] = v.get("barcode") or []
        if not v.get("sku"):
            if v["barcode"]:
                v["sku"] = v["barcode"][0]
                p.issues.append(Issue(rec.row, _header_of(p, "barcode"), "info",
                                      T("no SKU: the barcode is used as the SKU")))
            else:
                return _reject(p, rec, _header_of(p, "sku"), T("no SKU and no barcode"))
        if not v.get("name"):
            return _reject(p, rec, _header_of(p, "name"), T("no product name"))
        for f in ("price", "cost", "qty"):
            if v.get(f) is not None and v[f] < 0:
                return _reject(p, rec, _header_of(p, f),
                               T("{what} cannot be below zero", what=T(f)))
        if (v.get("min_qty") is not None and v.get("max_qty") is not None
                and v["min_qty"] > v["max_qty"]):
            return _reject(p, rec, _header_of(p, "min_qty"),
                           T("the minimum is above the maximum"))
    elif p.kind in ("customers", "suppliers"):
        name = v.get("party", "")
        if not any(ch.isalpha() for ch in name):
            rec.status = "skipped"
            p.issues.append(Issue(rec.row, _header_of(p, "party"), "warning",
                                  T("'{name}' is not a name (a phone number or a note?): "
                                    "skipped", name=name)))
    elif p.kind == "opening-stock":
        if not (v.get("sku") or v.get("barcode")):
            return _reject(p, rec, _header_of(p, "sku"), T("no SKU or barcode"))
        if v.get("qty") is None or v["qty"] < 0:
            return _reject(p, rec, _header_of(p, "qty"), T("no quantity, or one below zero"))
    elif p.kind == "sales-history":
        if not (v.get("sku") or v.get("barcode") or v.get("name")):
            return _reject(p, rec, _header_of(p, "name"), T("no product"))
        if v.get("amount") is None:
            if v.get("price") is not None and v.get("qty") is not None:
                v["amount"] = (v["price"] * v["qty"] + 500) // 1000
            else:
                return _reject(p, rec, _header_of(p, "amount"),
                               T("no amount (nor price and quantity)"))


def _key(p: Preview, rec: Record):
    v = rec.values
    if p.kind == "products":
        return v.get("sku")
    if p.kind in ("customers", "suppliers"):
        return v.get("party")
    return None                                         # documents' rows are all different


def _dedupe(p: Preview) -> None:
    """Rows of the same key: identical ones merge into the first, conflicting ones are refused.
    A barcode on two products stays with the first."""
    first: dict = {}
    codes: dict[str, Record] = {}
    for rec in p.records:
        if rec.status != "new":
            continue
        k = _key(p, rec)
        if k is not None:
            if k in first:
                old = first[k]
                clash = [f for f, val in rec.values.items()
                         if val not in (None, "") and old.values.get(f) not in (None, "")
                         and old.values[f] != val]
                if clash:
                    _reject(p, rec, _header_of(p, clash[0]),
                            T("{key} is also on row {row}, with a different {column}", key=k,
                              row=old.row, column=_header_of(p, clash[0]) or clash[0]))
                    continue
                for f, val in rec.values.items():          # fill what the first left blank
                    if old.values.get(f) in (None, "") and val not in (None, ""):
                        old.values[f] = val
                rec.status = "merged"
                p.issues.append(Issue(rec.row, "", "info",
                                      T("the same as row {row}: merged", row=old.row)))
                continue
            first[k] = rec
        for code in list(rec.values.get("barcode") or []) if p.kind == "products" else []:
            if code in codes and codes[code].values.get("sku") != rec.values.get("sku"):
                p.issues.append(Issue(rec.row, _header_of(p, "barcode"), "warning",
                                      T("barcode {code} is also on row {row} ({sku}): left out "
                                        "here", code=code, row=codes[code].row,
                                        sku=codes[code].values.get("sku"))))
                rec.values["barcode"].remove(code)
            else:
                codes[code] = rec


def _hash(p: Preview) -> str:
    """Of the rows to import: the same rows give the same hash, whatever the file."""
    h = hashlib.sha256(p.kind.encode())
    for r in p.records:
        if r.status == "new":
            h.update(repr(sorted(r.values.items())).encode())
    return h.hexdigest()


def header_signature(p: Preview) -> str:
    return signature(p.headers)


def rejected_rows(p: Preview) -> list[tuple[list, str]]:
    """(the row as read, why) for every refused row."""
    why: dict[int, list[str]] = {}
    for i in p.issues:
        if i.severity == "error":
            why.setdefault(i.row, []).append(f"{i.column}: {i.message}" if i.column else i.message)
    return [(r.cells, "; ".join(why.get(r.row, []))) for r in p.records if r.status == "rejected"]


# ---------------------------------------------------------------- against the books

def check_existing(conn: Connection, p: Preview) -> None:
    """Rows already in the books exactly so are unchanged; rows that contradict the
    books are refused; a barcode that belongs to another product is left out."""
    from db import imports
    new = [r for r in p.records if r.status == "new"]
    if p.kind == "products":
        have = imports.existing_products(conn, [r.values["sku"] for r in new])
        owners = imports.barcode_owners(conn, [c for r in new for c in r.values["barcode"]])
        for r in new:
            v, ex = r.values, have.get(r.values["sku"])
            for code in list(v["barcode"]):
                if owners.get(code, v["sku"]) != v["sku"]:
                    p.issues.append(Issue(r.row, _header_of(p, "barcode"), "warning",
                                          T("barcode {code} belongs to product {sku} in the "
                                            "books: left out", code=code, sku=owners[code])))
                    v["barcode"].remove(code)
            if ex is None:
                continue
            if not ex["active"]:          # retired (an undone import): brought back as written
                v["_revive"] = ex["id"]
                p.issues.append(Issue(r.row, "", "info",
                                      T("{key} was retired: brought back", key=v["sku"])))
                continue
            differs = [f for f, mine, theirs in (
                ("name", v.get("name"), ex["name"]), ("unit", v.get("unit") or None, ex["unit"]),
                ("category", v.get("category") or None, ex["category"]),
                ("price", v.get("price"), ex["price"])) if mine is not None and mine != theirs]
            if set(v["barcode"]) - ex["barcodes"]:
                differs.append("barcode")
            if differs:
                _reject(p, r, _header_of(p, differs[0]),
                        T("{key} is in the books already as '{name}' with another {column}: "
                          "change it in the books or in the book", key=v["sku"], name=ex["name"],
                          column=_header_of(p, differs[0]) or differs[0]))
            else:
                r.status = "unchanged"
                p.issues.append(Issue(r.row, "", "info",
                                      T("{key} is in the books already", key=v["sku"])))
    elif p.kind in ("customers", "suppliers"):
        have = imports.existing_parties(conn, p.kind, [r.values["party"] for r in new])
        for r in new:
            v, ex = r.values, have.get(r.values["party"])
            if ex is None:
                continue
            if (v.get("phone") and v["phone"] != ex["phone"]) or (
                    v.get("balance") not in (None, 0) and v["balance"] != ex["balance"]):
                what = "phone" if v.get("phone") and v["phone"] != ex["phone"] else "balance"
                _reject(p, r, _header_of(p, what),
                        T("{key} is in the books already with another {what}", key=v["party"],
                          what=T(what)))
            else:
                r.status = "unchanged"
                p.issues.append(Issue(r.row, "", "info",
                                      T("{key} is in the books already", key=v["party"])))
    elif p.kind == "sales-history":       # nothing into the closed books (db.periods)
        from db import periods
        closed = periods.closed_through(conn)
        for i in imports.closed_rows(conn, p.kind, [r.values for r in new]):
            r = new[i]
            _reject(p, r, _header_of(p, "date"),
                    T("dated {date}: the books are closed through {closed}",
                      date=r.values["date"].isoformat(), closed=closed.isoformat()))
    elif p.kind in ("opening-stock",):
        found = imports.product_ids(conn, [r.values.get("sku") or r.values.get("barcode")
                                           for r in new])
        for r in new:
            code = r.values.get("sku") or r.values.get("barcode")
            if code not in found:
                _reject(p, r, _header_of(p, "sku" if r.values.get("sku") else "barcode"),
                        T("no product with SKU or barcode {code} in the books", code=code))


def mark_imported_before(conn: Connection, p: Preview) -> None:
    from db import imports
    before = imports.imported_before(conn, p.kind, p.content_hash)
    if before is not None and p.to_import:
        p.already = T("these rows were imported already from {file} on {when} (batch {batch}): "
                      "nothing to do", file=before.file, when=f"{before.at:%Y-%m-%d %H:%M}",
                      batch=before.id)
        p.issues.insert(0, Issue(0, "", "info", p.already))


def preview_for(engine, kind: str, path, *, sheet: str | None = None,
                mapping: dict[str, str] | None = None, progress: Callable | None = None,
                cancelled: Callable | None = None) -> Preview:
    """The preview against the books (remembered mapping, existing rows, earlier batches)."""
    from db import imports
    from db.engine import read_connection
    with read_connection(engine) as conn:
        p = build_preview(conn, kind, path, sheet=sheet, mapping=mapping,
                          remembered=lambda headers: imports.remembered_mapping(
                              conn, kind, signature(headers)),
                          existing=check_existing, progress=progress, cancelled=cancelled)
        mark_imported_before(conn, p)
    return p


def commit(engine, actor, p: Preview) -> dict:
    """All the preview's new rows, in one transaction; the summary with the batch."""
    from db import imports
    from db.engine import write_transaction
    from db.permissions import require
    require(actor, "import")
    summary = p.summary()
    rows = [r.values for r in p.to_import]
    if p.kind == "sales-history":        # a refusal at commit names the spreadsheet's rows
        rows = [{**v, "_row": r.row} for v, r in zip(rows, p.to_import)]
    with write_transaction(engine) as conn:
        imports.remember_mapping(conn, actor, p.kind, header_signature(p),
                                 {p.headers[c]: f for c, f in sorted(p.mapping.items())})
        if not rows:
            return {**summary, "batch": None, "documents": []}
        done = imports.commit_batch(conn, actor, p.kind, file=p.file, sheet=p.sheet.name,
                                    content_hash=p.content_hash, rows=rows, summary=summary)
    return {**summary, "batch": done["batch"], "documents": done["documents"]}


def write_rejects(p: Preview, path) -> int:
    """The refused rows as read, with a reason column, to fix and import again."""
    from desktop.export import neutralise as safe_cell
    from openpyxl import Workbook
    wb = Workbook(write_only=True)
    ws = wb.create_sheet(p.sheet.name or "rejects")
    ws.append([safe_cell(h) for h in p.headers] + ["原因 / Reason"])
    refused = rejected_rows(p)
    for cells, why in refused:
        ws.append([safe_cell(c) for c in cells] + [why])
    wb.save(str(path))
    return len(refused)
