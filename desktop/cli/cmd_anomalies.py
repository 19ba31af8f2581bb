"""`report anomalies` and `report count-accuracy` (issue 9, db.anomalies).

    report anomalies [--week-of DATE]          the week (Monday to Sunday) holding DATE;
                                               default: last week
    report count-accuracy [--from DATE] [--to DATE]

Both need the "reports" permission (owner, manager, bookkeeper: a cashier
may run neither). Money and quantities come out as decimal strings (CLI.md);
adjustment values, the threshold and the sales below cost are costs, shown
only to roles with "see-cost" (the section is left out for the others).
Voids at the till are not recorded by the books, so only cancels are counted.
"""
from __future__ import annotations


from db import anomalies as an
from db.books import Books
from db.money import money_str, qty_str
from db.permissions import may, require
from desktop.cli import parse_date as _date

REPORTS = ("anomalies", "count-accuracy")


def add_parser(sub, report, common, with_json, parser_class) -> None:
    """report: the `report` command's subparsers; sub: the top level's."""
    a = report.add_parser(
        "anomalies", parents=[with_json],
        help="a week's after-hours activity, cancels per user, large adjustments, sales below "
             "cost and repeated count variances (owner, manager, bookkeeper; the sales below "
             "cost and adjustment values only for roles that see costs)")
    a.add_argument("--week-of", dest="week_of", metavar="DATE",
                   help="any day of the week (Monday to Sunday) to report; default: last week")
    c = report.add_parser("count-accuracy", parents=[with_json],
                          help="per stocktake: items counted, items as expected, accuracy %%")
    c.add_argument("--from", dest="date_from", metavar="DATE", help="counts from DATE on")
    c.add_argument("--to", dest="date_to", metavar="DATE", help="counts up to DATE")




def anomalies_json(answer: dict) -> dict:
    """db.anomalies' answer with money and quantities as decimal strings."""
    out = dict(answer)
    if "adjustment_threshold" in out:
        out["adjustment_threshold"] = money_str(out["adjustment_threshold"])
    out["large_adjustments"] = [{k: money_str(v) if k in ("value", "moved") else v
                                 for k, v in a.items()} for a in answer["large_adjustments"]]
    if "sales_below_cost" in out:
        out["sales_below_cost"] = [
            {k: qty_str(v) if k == "qty" else money_str(v)
             if k in ("price", "unit_cost", "amount", "cost", "loss") else v for k, v in s.items()}
            for s in answer["sales_below_cost"]]
    out["count_variances"] = [
        {**p, "history": [{k: qty_str(v) if k in ("expected", "counted", "difference") else v
                           for k, v in h.items()} for h in p["history"]]}
        for p in answer["count_variances"]]
    return out


def _text(d: dict) -> str:
    lines = [f"week {d['week_start']} to {d['week_end']}; shop hours {d['shop_hours']}"]
    lines.append("after hours:")
    lines += [f"  {u['user']}\t{u['count']}\t(postings {u['postings']}, cancels {u['cancels']}, "
              f"edits {u['edits']})\t" + ", ".join(f"{e['at']} {e['action']} {e['entity_id']}"
                                                 for e in u["examples"])
              for u in d["after_hours"]] or ["  (none)"]
    lines.append("cancels (voids at the till are not recorded):")
    lines += [f"  {u['user']}\t{u['count']}\t" + ", ".join(x["number"] for x in u["documents"])
              for u in d["cancels"]] or ["  (none)"]
    over = f" over {d['adjustment_threshold']}" if "adjustment_threshold" in d else ""
    lines.append(f"large adjustments{over}:")
    lines += [f"  {a['number']}\t{a['date']}\t{a['user']}\t"
              + (f"{a['value']}\t" if "value" in a else "") + a["reason"]
              for a in d["large_adjustments"]] or ["  (none)"]
    if "sales_below_cost" in d:
        lines.append("sales below cost:")
        lines += [f"  {s['number']}\t{s['user']}\t{s['sku']}\t{s['qty']} x {s['price']}\t"
                  f"cost {s['unit_cost']}\tloss {s['loss']}"
                  for s in d["sales_below_cost"]] or ["  (none)"]
    lines.append(f"count variances ({an.VARIANCES}+ of the last {an.LAST_COUNTS} counts):")
    lines += [f"  {p['sku']}\t{p['name']}\t{p['variances']} of {p['counts']}\t"
              + ", ".join(h["difference"] for h in p["history"])
              for p in d["count_variances"]] or ["  (none)"]
    return "\n".join(lines)


def run(args, books: Books) -> int:
    from desktop.cli import emit
    require(books.actor, "reports")
    with_cost = may(books.actor, "see-cost")
    if args.kind == "anomalies":
        first = an.week_of(_date(args.week_of, "--week-of") if args.week_of else None)
        with books.engine.connect() as conn:
            answer = an.anomalies(conn, first)
        data = anomalies_json(answer if with_cost else an.without_cost(answer))
        emit(args, data, _text(data))
        return 0
    date_from = _date(args.date_from, "--from") if args.date_from else None
    date_to = _date(args.date_to, "--to") if args.date_to else None
    with books.engine.connect() as conn:
        rows = an.count_accuracy(conn, date_from, date_to)
    emit(args, {"counts": rows},
         "\n".join(f"{r['number']}\t{r['date']}\t{r['user']}\t{r['matching']}/{r['items']}\t"
                   f"{r['accuracy']}%" for r in rows) or "(no counts)")
    return 0
