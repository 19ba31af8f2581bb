"""`period show|close|reopen`: the books closed through a day (db.periods).

    period show [--json]                       {"closed_through": "2026-10-31" | null}
    period close --through DATE [--json]       owner: nothing dated on or before DATE is
                                               posted or cancelled any more; an earlier
                                               DATE than the one closed reopens the days
                                               after it
    period reopen [--through DATE] [--json]    owner: the closed day moved back to DATE,
                                               or without --through the books all open

close and reopen print {"closed_through", "was"}: the closed day after and before.
"""
from __future__ import annotations

from db import periods
from db.books import Books
from desktop.cli import emit, parse_date


def add_parser(sub, common, with_json, parser_class) -> None:
    p = sub.add_parser("period", parents=[common],
                       help="the books closed through a day: nothing posted or cancelled "
                            "on or before it",
                       description="Once the books are closed through a day, no document dated "
                                   "on or before it is posted or cancelled (sales, returns, "
                                   "receipts, adjustments, counts, payments, imported sales "
                                   "history). Closing and reopening are the owner's.")
    acts = p.add_subparsers(dest="action", required=True, parser_class=parser_class,
                            metavar="ACTION")
    acts.add_parser("show", parents=[with_json], help="the day the books are closed through")
    c = acts.add_parser("close", parents=[with_json],
                        help="close the books through a day (owner)")
    c.add_argument("--through", required=True, metavar="DATE",
                   help="the last closed day (YYYY-MM-DD), today at the latest")
    r = acts.add_parser("reopen", parents=[with_json],
                        help="move the closed day back, or open the books entirely (owner)")
    r.add_argument("--through", metavar="DATE",
                   help="the books stay closed through this earlier day (YYYY-MM-DD); "
                        "without it nothing stays closed")


def _iso(day) -> str | None:
    return day.isoformat() if day else None


def run(args, books: Books) -> int:
    with books.engine.connect() as conn:
        was = periods.closed_through(conn)
    if args.action == "show":
        emit(args, {"closed_through": _iso(was)},
             f"the books are closed through {was.isoformat()}" if was
             else "the books are open: no day is closed")
        return 0
    if args.action == "close":
        now = periods.close_through(books.engine, books.actor,
                                    parse_date(args.through, "--through"))
    else:
        through = parse_date(args.through, "--through") if args.through else None
        now = periods.reopen(books.engine, books.actor, through)
    if now is None:
        text = "the books are open: no day is closed" + ("" if was else " (nor was one)")
    elif now == was:
        text = f"the books were closed through {now.isoformat()} already"
    else:
        text = f"the books are closed through {now.isoformat()}" + (
            f" (were {was.isoformat()})" if was else "")
    emit(args, {"closed_through": _iso(now), "was": _iso(was)}, text)
    return 0
