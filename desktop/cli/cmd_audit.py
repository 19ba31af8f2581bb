"""`audit`: the audit log, newest first, filtered (db.audit_list), and whether its
chain verifies.

    audit [--by NAME] [--from DATE] [--to DATE] [--document NUMBER] [--action A]
          [--limit N] [--no-verify] [--json]

Prints {"rows": [{"seq", "at", "user", "action", "entity", "entity_id",
"detail"}], "chain_ok": bool}: at most --limit rows (100), newest first; the
detail as the JSON object the row holds. The user filter is --by, because
--user is who the command acts as (CLI.md). --from and --to are inclusive days;
--action takes an action (`post`, `cancel`, `sign-in`, ...) or its family
(`import`, `user`). chain_ok walks the whole chain (db.audit.verify): about
half a minute at a million rows; --no-verify skips it (chain_ok is then null).
Needs the "audit" permission (owner, manager).
"""
from __future__ import annotations

from db import audit_list
from db.audit_list import AuditFilter
from db.books import Books
from db.errors import BooksError
from desktop.cli import emit, iso, parse_date

PAGE = 1000


def add_parser(sub, common, with_json, parser_class) -> None:
    p = sub.add_parser("audit", parents=[with_json],
                       help="the audit log, newest first, by user, days, document or action",
                       description="Lists the audit log's rows, newest first, filtered, and "
                                   "says whether its chain of hashes verifies.")
    p.add_argument("--by", metavar="NAME", default="",
                   help="rows of this user (--user is who runs the command)")
    p.add_argument("--from", dest="date_from", metavar="DATE", help="from this day (YYYY-MM-DD)")
    p.add_argument("--to", dest="date_to", metavar="DATE", help="through this day (YYYY-MM-DD)")
    p.add_argument("--document", metavar="NUMBER", default="",
                   help="rows about this document, or naming it (a cancel its reversal)")
    p.add_argument("--action", metavar="A", default="",
                   help="an action (" + ", ".join(audit_list.ACTIONS[:4]) + ", ...) or a "
                        "family (import, user)")
    p.add_argument("--limit", type=int, default=100, metavar="N",
                   help="at most N rows (default 100)")
    p.add_argument("--no-verify", dest="verify", action="store_false",
                   help="do not walk the chain (slow on a long log): chain_ok is null")


def row_json(r: audit_list.AuditRow) -> dict:
    return {"seq": r.seq, "at": iso(r.at), "user": r.user, "action": r.action,
            "entity": r.entity, "entity_id": r.entity_id, "detail": r.detail}


def _text(rows: list[audit_list.AuditRow], check: audit_list.ChainCheck | None) -> str:
    import json
    lines = [f"{r.seq}\t{iso(r.at)}\t{r.user or '-'}\t{r.description}"
             + (f"\t{json.dumps(r.detail, ensure_ascii=False)}" if r.detail else "")
             for r in rows] or ["(no rows)"]
    if check is None:
        lines.append("chain: not verified")
    else:
        lines.append(f"chain: intact ({check.rows} rows)" if check.ok else f"chain: {check.breach}")
    return "\n".join(lines)


def run(args, books: Books) -> int:
    if args.limit < 1:
        raise BooksError(f"--limit {args.limit}: give at least 1")
    date_from = parse_date(args.date_from, "--from") if args.date_from else None
    date_to = parse_date(args.date_to, "--to") if args.date_to else None
    if date_from and date_to and date_from > date_to:
        raise BooksError(f"--from {date_from} is after --to {date_to}")
    flt = AuditFilter(user=args.by, date_from=date_from, date_to=date_to,
                      document=args.document, action=args.action)
    rows: list[audit_list.AuditRow] = []
    with books.engine.connect() as conn:
        after = None
        while len(rows) < args.limit:
            want = min(PAGE, args.limit - len(rows))
            page = audit_list.read(conn, books.actor, flt, after=after, limit=want)
            rows += page
            if len(page) < want:
                break
            after = page[-1].seq
        check = audit_list.verify_chain(conn, books.actor) if args.verify else None
    emit(args, {"rows": [row_json(r) for r in rows], "chain_ok": check.ok if check else None},
         _text(rows, check))
    return 0
