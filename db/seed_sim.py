"""The simulated history behind db.seed: a shop's days, in Python, under the
rules of db.posting and db.documents (see db.seed for the whole story).

Simulation is pure: it reads nothing from the database, it is handed where
to start (free ids, the audit chain's tip, names already taken) and sends its
rows out through `emit` in batches, so it can run in another process.
"""
from __future__ import annotations

import datetime as dt
import heapq
import random
from bisect import bisect
from typing import Callable

from db.errors import BooksError
from db.masters import pinyin_initials
from db.money import cost_share, line_amount, money_str, round_div, unit_cost
from db.posting import ledger_unit_cost
from db.seed_data import ProductSpec, make_people, make_products, make_suppliers
from db.seed_rows import RowWriter

LINES_PER_SALE = (1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 5, 5, 6, 6, 7, 8)
PIECE_QTY = (1000,) * 70 + (2000,) * 18 + (3000,) * 5 + (4000, 5000, 6000) * 2 + (10000, 12000)
N_PIECE_QTY = len(PIECE_QTY)
PAYMENTS = ("wechat",) * 38 + ("alipay",) * 27 + ("cash",) * 22 + ("card",) * 13
OPEN_US, CLOSE_US = 8 * 3600 * 10**6 + 30 * 60 * 10**6, 21 * 3600 * 10**6 + 30 * 60 * 10**6
FLUSH_ROWS = 150_000



class Simulation(RowWriter):
    """The shop's history, day by day; rows go out through `emit` in batches."""

    def __init__(self, plan: dict, emit: Callable[[tuple], None]):
        super().__init__(plan, emit)
        self.plan = plan
        self.rng = random.Random(plan["seed"])
        self.end = plan["end"]
        self.days = plan["days"]
        self.start = self.end - dt.timedelta(days=self.days - 1)
        self.count = {k: 0 for k in ("sales", "sale_lines", "returns", "cancelled", "receipts",
                                     "customer_payments", "supplier_payments", "stock_ledger_rows",
                                     "batches")}

    def run_all(self) -> None:
        p = self.plan
        self.masters(p["products"], p["customers"])
        self.emit(("masters-done",))
        self.run(p["sales_lines"])
        self.emit(("final", self.final()))

    # ------------------------------------------------------------ master data
    def masters(self, n_products: int, n_customers: int) -> None:
        rng, plan = self.rng, self.plan
        specs = make_products(rng, n_products, set(plan["skus"]), set(plan["codes"]))
        people = make_people(rng, n_customers, set(plan["customer_names"]))
        n_sup = max(1, min(200, n_products // 250 + 3)) if n_products else 0
        firms = make_suppliers(rng, n_sup, set(plan["supplier_names"]))
        self._set_day(self.start - dt.timedelta(days=1))

        sup_rows, self.sup_ids, self.sup_names = [], [], {}
        for k, (name, ph) in enumerate(firms):
            sid = self.ids["suppliers"] + k
            at, at_s = self._ts(9 * 3600 * 10**6 + k * 10**6)
            sup_rows.append((sid, name, ph, 0, at_s))
            self.sup_ids.append(sid)
            self.sup_names[sid] = name
            self._audit(at, at_s, "supplier.add", "supplier", str(sid), {"name": name, "phone": ph})
        self.emit(("rows", "suppliers", ("id", "name", "phone", "balance", "created_at"), sup_rows))

        brand_sup: dict[str, int] = {}
        prod_rows, code_rows = [], []
        pinyin_cache: dict[str, str] = {}
        self.specs: list[ProductSpec] = specs
        self.pid, self.supplier_of = [], []
        for k, p in enumerate(specs):
            pid = self.ids["products"] + k
            at, at_s = self._ts(10 * 3600 * 10**6 + k * 1000)
            py = ""
            for w in p.name.split():
                if w not in pinyin_cache:
                    pinyin_cache[w] = pinyin_initials(w)
                py += pinyin_cache[w]
            prod_rows.append((pid, p.sku, p.name, py, p.category, p.unit, p.price, p.min_qty,
                              p.max_qty, bool(p.batch_days), True, at_s))
            if p.barcode:
                code_rows.append((p.barcode, pid))
            self.pid.append(pid)
            self.supplier_of.append(brand_sup.setdefault(p.brand, rng.choice(self.sup_ids)))
            self._audit(at, at_s, "product.add", "product", p.sku, {
                "name": p.name, "barcodes": [p.barcode] if p.barcode else [],
                "price": money_str(p.price), "cost": money_str(p.cost), "category": p.category,
                "unit": p.unit, "batch_tracked": bool(p.batch_days)})
        self.emit(("rows", "products", ("id", "sku", "name", "pinyin", "category", "unit", "price",
                                        "min_qty", "max_qty", "batch_tracked", "active",
                                        "created_at"), prod_rows))
        self.emit(("rows", "barcodes", ("code", "product_id"), code_rows))

        cust_rows, self.cust_ids, self.cust_names = [], [], {}
        for k, (name, ph) in enumerate(people):
            cid = self.ids["customers"] + k
            at, at_s = self._ts(12 * 3600 * 10**6 + k * 10**4)
            cust_rows.append((cid, name, ph, None, 0, at_s))
            self.cust_ids.append(cid)
            self.cust_names[cid] = name
            self._audit(at, at_s, "customer.add", "customer", str(cid), {"name": name, "phone": ph})
        self.emit(("rows", "customers", ("id", "name", "phone", "credit_limit", "balance",
                                         "created_at"), cust_rows))
        self.flush()
        n = len(specs)
        self.qty = [0] * n
        self.val = [0] * n
        self.last_cost = [p.cost for p in specs]
        self.batch_of: dict[int, list[list]] = {k: [] for k, p in enumerate(specs) if p.batch_days}
        self.is_kg = [p.unit == "kg" for p in specs]
        self.prices = [p.price for p in specs]

    # ------------------------------------------------------------ the days
    def run(self, sales_lines: int) -> None:
        rng, specs, n = self.rng, self.specs, len(self.specs)
        days = self.days
        # Popularity: a long tail over a shuffled catalogue.
        order = list(range(n))
        rng.shuffle(order)
        weight = [0.0] * n
        for rank, k in enumerate(order):
            weight[k] = 1.0 / (rank + 8) ** 0.9
        cum, acc = [], 0.0
        for w in weight:
            acc += w
            cum.append(acc)
        self.cum, self.cum_total = cum, acc
        self.by_rank = order
        # Lines per day: weekends busier, slow growth, day-to-day noise.
        shape = []
        for d in range(days):
            day = self.start + dt.timedelta(days=d)
            f = {5: 1.3, 6: 1.25, 4: 1.1}.get(day.weekday(), 1.0) * (1 + 0.3 * d / days)
            shape.append(f * rng.uniform(0.85, 1.15))
        total_shape = sum(shape)
        per_day_lines = sales_lines / days if days else 0
        # Reorder policy from the expected demand of each product (milli-units per day).
        self.rop, self.order_qty = [0] * n, [0] * n
        mean_piece = sum(PIECE_QTY) / len(PIECE_QTY)
        for k, p in enumerate(specs):
            demand = per_day_lines * 1.4 * weight[k] / acc * (1350 if p.unit == "kg" else mean_piece)
            whole = 1 if p.unit == "kg" else 1000    # countable goods in whole units
            self.rop[k] = -(-max(p.case // 2, int(demand * 4), 2000) // whole) * whole
            self.order_qty[k] = max(p.case, -(-int(demand * 14) // p.case) * p.case)
        self.on_order = [False] * n
        reorder: list[int] = list(range(n))          # the opening stock comes first
        pending: dict[int, list] = {}                # day index -> [(time, seq, kind, payload)]
        self.sale_info: dict[int, tuple] = {}        # sales that will see a return
        cum_shape, done, ev_seq = 0.0, 0, 0
        for d in range(days):
            day = self.start + dt.timedelta(days=d)
            self._set_day(day)
            cum_shape += shape[d]
            budget = round(sales_lines * cum_shape / total_shape) - done
            heap = pending.pop(d, [])
            heapq.heapify(heap)
            self._receipts(day, d, reorder)
            reorder = []
            # the day's sales: line counts first, then their times in order
            counts, left = [], budget
            while left > 0:
                k = min(LINES_PER_SALE[int(rng.random() * len(LINES_PER_SALE))], left)
                counts.append(k)
                left -= k
            times = sorted(rng.randrange(OPEN_US, CLOSE_US) for _ in counts)
            self._payments(day, heap)
            ev_seq_box = [ev_seq]
            si = 0
            while si < len(counts) or heap:
                if heap and (si >= len(counts) or heap[0][0] <= times[si]):
                    t, _, kind, payload = heapq.heappop(heap)
                    if kind == "return":
                        self._return(day, t, payload)
                    elif kind == "cancel":
                        self._cancel(day, t, payload)
                    elif kind == "cpay":
                        self._customer_payment(day, t, payload)
                    else:
                        self._supplier_payment(day, t, payload)
                    continue
                t = times[si]
                sale_id, fate = self._sale(day, t, counts[si], reorder)
                si += 1
                if fate == "cancel":
                    ev_seq_box[0] += 1
                    heapq.heappush(heap, (min(t + rng.randrange(60, 1200) * 10**6,
                                              24 * 3600 * 10**6 - 1), ev_seq_box[0], "cancel", sale_id))
                elif fate == "return":
                    later = rng.choice((0, 0, 1, 1, 2, 3, 5, 7))
                    ev_seq_box[0] += 1
                    if later == 0:
                        rt = rng.randrange(t + 1, CLOSE_US + 3600 * 10**6)
                        heapq.heappush(heap, (rt, ev_seq_box[0], "return", sale_id))
                    elif d + later < days:
                        pending.setdefault(d + later, []).append(
                            (rng.randrange(OPEN_US, CLOSE_US), ev_seq_box[0], "return", sale_id))
                    else:
                        self.sale_info.pop(sale_id, None)
            ev_seq = ev_seq_box[0]
            done += budget
            if sum(len(b) for b in self.buf.values()) >= FLUSH_ROWS:
                self.flush()
            self.emit(("progress", done, sales_lines))
        self.flush()

    # ------------------------------------------------------------ documents
    def _receipts(self, day: dt.date, d: int, reorder: list[int]) -> None:
        """Morning deliveries: what ran low yesterday, grouped by supplier."""
        if not reorder:
            return
        rng, daykey, day_s = self.rng, self.daykey, self.day_s
        by_sup: dict[int, list[int]] = {}
        for k in reorder:
            by_sup.setdefault(self.supplier_of[k], []).append(k)
        t = 7 * 3600 * 10**6 + 30 * 60 * 10**6
        # 1 to 120 s between deliveries, squeezed when there are so many (a catalogue of
        # hundreds of thousands stocked on the first day) that they would run past midnight
        n_docs = sum(-(-len(items) // 60) for items in by_sup.values())
        room = 24 * 3600 * 10**6 - 1 - t
        squeeze = (room, n_docs * 120 * 10**6) if n_docs * 120 * 10**6 > room else None
        drift = 1 + 0.04 * d / 365
        lines_buf, ledger_buf = self.buf["document_lines"], self.buf["stock_ledger"]
        uid = self.actor.id
        for sid in sorted(by_sup):
            items = by_sup[sid]
            for part in range(0, len(items), 60):
                chunk = items[part:part + 60]
                step = rng.randrange(10**6, 120 * 10**6)
                t += max(1, step * squeeze[0] // squeeze[1]) if squeeze else step
                at, at_s = self._ts(t)
                number = self._number("purchase-receipt", daykey)
                doc_id = self.ids["documents"]
                total = 0
                for no, k in enumerate(chunk, 1):
                    p = self.specs[k]
                    q = self.order_qty[k] + (self.rop[k] if d == 0 else 0)
                    cost = max(1, int(p.cost * drift * rng.uniform(0.96, 1.04)))
                    value = line_amount(cost, q)
                    bid = None
                    if p.batch_days:
                        bid = self.ids["batches"]
                        self.ids["batches"] += 1
                        expiry = day + dt.timedelta(days=p.batch_days)
                        self.new_batches.append((bid, self.pid[k], f"B{daykey}", expiry.isoformat(), 0))
                        self.batch_of[k].append([bid, q])
                        self.count["batches"] += 1
                    # apply_moves, incoming with a fixed value that sets the last cost
                    self.last_cost[k] = unit_cost(value, q)
                    self.qty[k] += q
                    self.val[k] += value
                    self.on_order[k] = False
                    lid = self.ids["document_lines"]
                    self.ids["document_lines"] = lid + 1
                    lines_buf.append((lid, doc_id, no, self.pid[k], bid, q, cost, value, 0, None, None))
                    ledger_buf.append((self.ids["stock_ledger"], doc_id, no, self.pid[k], bid, q,
                                       ledger_unit_cost(value, q), value, None, uid, at_s))
                    self.ids["stock_ledger"] += 1
                    total += value
                self._doc("purchase-receipt", number, day_s, at_s, supplier_id=sid, total=total)
                self._account(doc_id, "supplier", sid, total, at_s)
                self._audit(at, at_s, "post", "purchase-receipt", number,
                            {"total": money_str(total), "supplier": self.sup_names[sid]})
                self.count["receipts"] += 1
                self.count["stock_ledger_rows"] += len(chunk)

    def _pick(self, chosen: list[int]) -> tuple[int, int]:
        """A product for the next line, by popularity, and its quantity (limited to stock)."""
        rng, qty, specs = self.rng, self.qty, self.specs
        for attempt in range(12):
            if attempt < 8:
                k = bisect(self.cum, rng.random() * self.cum_total)
            else:  # the best sellers are always restocked
                k = self.by_rank[int(rng.random() * 50)]
            if k in chosen or qty[k] <= 0:
                continue
            if specs[k].unit == "kg":
                q = rng.randrange(200, 2500)
            else:
                q = PIECE_QTY[int(rng.random() * len(PIECE_QTY))]
            if q > qty[k]:
                q = qty[k]
            return k, q
        for k in self.by_rank:       # last resort: anything on the shelf
            if k not in chosen and qty[k] > 0:
                return k, min(qty[k], 1000)
        raise BooksError("seed: the shop ran out of every product")

    def _from_batches(self, k: int, q: int, value: int) -> list[tuple[int, int, int]]:
        """Splits an outgoing move over batches, first expiry first out, the value shared
        as db.posting._apply_batches shares it: [(batch id, qty, value)]."""
        parts = self.batch_of[k]   # a product's batches expire in the order they came
        out, left_q, left_v = [], q, value
        for b in parts:
            if b[1] <= 0:
                continue
            take = min(left_q, b[1])
            v = left_v if take == left_q else round_div(value * take, q)
            out.append((b[0], take, v))
            b[1] -= take
            left_q -= take
            left_v -= v
            if left_q == 0:
                break
        while parts and parts[0][1] == 0:
            parts.pop(0)
        return out

    def _sale(self, day: dt.date, t: int, nlines: int, reorder: list[int]) -> tuple[int, str | None]:
        """One sale as db.documents.sale posts it (the hot loop of the seed: kept lean)."""
        rng, rand, ids = self.rng, self.rng.random, self.ids
        at, at_s = self._ts(t)
        number = self._number("sale", self.daykey)
        doc_id = ids["documents"]
        cust = None
        if self.cust_ids and rand() < 0.12:
            cust = self.cust_ids[min(int(rng.paretovariate(1.2)) - 1, len(self.cust_ids) - 1)
                                 if rand() < 0.5 else int(rand() * len(self.cust_ids))]
        payment = "account" if cust and rand() < 0.45 else PAYMENTS[int(rand() * 100)]
        r = rand()
        fate = "cancel" if r < 0.003 else ("return" if r < 0.023 else None)
        chosen: list[int] = []
        lines_buf, ledger_buf = self.buf["document_lines"], self.buf["stock_ledger"]
        pid, uid, qty, val = self.pid, self.actor.id, self.qty, self.val
        cum, cum_total, kg, prices = self.cum, self.cum_total, self.is_kg, self.prices
        lid, sid = ids["document_lines"], ids["stock_ledger"]
        total = 0
        kept = [] if fate else None
        for no in range(1, nlines + 1):
            k = bisect(cum, rand() * cum_total)
            q = rng.randrange(200, 2500) if kg[k] else PIECE_QTY[int(rand() * N_PIECE_QTY)]
            s_q = qty[k]
            if k in chosen or s_q <= 0:
                k, q = self._pick(chosen)
                s_q = qty[k]
            elif q > s_q:
                q = s_q
            chosen.append(k)
            price = prices[k]
            if rand() < 0.04:
                price = round_div(price * 9, 10)       # a promotion
            amount = line_amount(price, q)
            # apply_moves: out at moving weighted average cost
            s_v = val[k]
            value = -cost_share(s_v, s_q, q)
            qty[k] = s_q - q
            val[k] = s_v + value
            if k in self.batch_of:
                parts = self._from_batches(k, q, value)
                for bid, take, v in parts:
                    ledger_buf.append((sid, doc_id, no, pid[k], bid, -take,
                                       ledger_unit_cost(v, -take), v, None, uid, at_s))
                    sid += 1
                self.count["stock_ledger_rows"] += len(parts) - 1
            else:
                parts = ((None, q, value),)
                ledger_buf.append((sid, doc_id, no, pid[k], None, -q, ledger_unit_cost(value, -q),
                                   value, None, uid, at_s))
                sid += 1
            lines_buf.append((lid, doc_id, no, pid[k], None, q, price, amount, -value, None, None))
            if kept is not None:
                kept.append((lid, no, k, q, price, amount, -value, parts))
            lid += 1
            total += amount
            if qty[k] < self.rop[k] and not self.on_order[k]:
                self.on_order[k] = True
                reorder.append(k)
        ids["document_lines"], ids["stock_ledger"] = lid, sid
        self.count["stock_ledger_rows"] += nlines
        if fate:
            self.sale_info[doc_id] = (number, cust, payment, total, kept, at_s)
        # a sale that will be cancelled today is written as cancelled; _cancel adds the time
        self._doc("sale", number, self.day_s, at_s,
                  status="cancelled" if fate == "cancel" else "posted",
                  customer_id=cust, payment=payment, total=total)
        self._pay(doc_id, payment, total)
        if payment == "account":
            self._account(doc_id, "customer", cust, total, at_s)
        # dump_detail({"total", "payment", "lines"}), spelled out: sorted keys, no spaces
        self._audit(at, at_s, "post", "sale", number, None,
                    f'{{"lines":{nlines},"payment":"{payment}","total":"{money_str(total)}"}}')
        self.count["sales"] += 1
        self.count["sale_lines"] += nlines
        return doc_id, fate

    def _return(self, day: dt.date, t: int, sale_id: int) -> None:
        """Goods back against a sale, priced and costed as db.documents.sale_return does."""
        info = self.sale_info.pop(sale_id, None)
        if info is None:
            return
        rng = self.rng
        number_s, cust, payment, sale_total, kept, _ = info
        picks = kept if rng.random() < 0.2 else [rng.choice(kept)]
        daykey, day_s = self.daykey, self.day_s
        at, at_s = self._ts(t)
        number = self._number("sale-return", daykey)
        doc_id = self.ids["documents"]
        uid, total = self.actor.id, 0
        for no, (lid, _, k, q, price, amount, cost, parts) in enumerate(picks, 1):
            take = q
            if rng.random() < 0.3 and q > 1000:
                take = (q // 2000) * 1000 or q // 2
            ramount, rcost = cost_share(amount, q, take), cost_share(cost, q, take)
            batch = parts[0][0]
            self.buf["document_lines"].append((self.ids["document_lines"], doc_id, no, self.pid[k],
                                               batch, take, price, ramount, rcost, None, lid))
            self.ids["document_lines"] += 1
            self.buf["stock_ledger"].append((self.ids["stock_ledger"], doc_id, no, self.pid[k], batch,
                                             take, ledger_unit_cost(rcost, take), rcost, None, uid,
                                             at_s))
            self.ids["stock_ledger"] += 1
            self.count["stock_ledger_rows"] += 1
            self.qty[k] += take
            self.val[k] += rcost
            if batch is not None:
                self._batch_in(k, batch, take)
            total += ramount
        self._doc("sale-return", number, day_s, at_s, customer_id=cust, payment=payment,
                  total=total, ref_id=sale_id)
        # money back the way it was paid (one method per seeded sale)
        if total:
            self._pay(doc_id, payment, -total)
            if payment == "account":
                self._account(doc_id, "customer", cust, -total, at_s)
        self._audit(at, at_s, "post", "sale-return", number,
                    {"total": money_str(total), "sale": number_s})
        self.count["returns"] += 1

    def _batch_in(self, k: int, batch: int, take: int) -> None:
        parts = self.batch_of[k]
        for b in parts:
            if b[0] == batch:
                b[1] += take
                return
        # the batch had run out: it goes back in its place (ordered by id = by expiry)
        parts.append([batch, take])
        parts.sort(key=lambda b: b[0])

    def _cancel(self, day: dt.date, t: int, sale_id: int) -> None:
        """A reversal beside the sale, as db.documents.cancel posts it."""
        number_s, cust, payment, total, kept, _ = self.sale_info.pop(sale_id)
        at, at_s = self._ts(t)
        day_s = self.day_s
        # the sale's row was written as cancelled: give it the time of the cancel
        for i in range(len(self.buf["documents"]) - 1, -1, -1):
            row = self.buf["documents"][i]
            if row[0] == sale_id:
                self.buf["documents"][i] = row[:15] + (at_s,) + row[16:]
                break
        else:  # cannot happen: buffers are flushed between days, cancels come the same day
            raise AssertionError(f"seed: sale {number_s} left the buffer before its cancel")
        rev_number = f"{number_s}-C"
        rev_id = self.ids["documents"]
        self._doc("sale", rev_number, day_s, at_s, customer_id=cust, payment=payment, total=-total,
                  reverses_id=sale_id, note=f"reversal of {number_s}")
        uid = self.actor.id
        for lid, no, k, q, price, amount, cost, parts in kept:
            self.buf["document_lines"].append((self.ids["document_lines"], rev_id, no, self.pid[k],
                                               None, -q, price, -amount, -cost, None, None))
            self.ids["document_lines"] += 1
        for lid, no, k, q, price, amount, cost, parts in kept:
            for bid, take, v in parts:
                self.buf["stock_ledger"].append((self.ids["stock_ledger"], rev_id, no, self.pid[k],
                                                 bid, take, ledger_unit_cost(-v, take), -v, None,
                                                 uid, at_s))
                self.ids["stock_ledger"] += 1
                self.count["stock_ledger_rows"] += 1
                self.qty[k] += take
                self.val[k] -= v
                if bid is not None:
                    self._batch_in(k, bid, take)
        self._pay(rev_id, payment, -total)
        if payment == "account":
            self._account(rev_id, "customer", cust, -total, at_s)
        self._audit(at, at_s, "cancel", "sale", number_s, {"reversal": rev_number})
        self.count["cancelled"] += 1

    # ------------------------------------------------------------ money
    def _payments(self, day: dt.date, heap: list) -> None:
        """Who pays today: customers settling accounts, the shop paying suppliers."""
        rng = self.rng
        seq = 10**12 + len(heap)
        for cid, bal in self.cust_bal.items():
            if bal > 0 and rng.random() < 0.07:
                seq += 1
                heapq.heappush(heap, (rng.randrange(OPEN_US, CLOSE_US), seq, "cpay", cid))
        for sid, bal in self.sup_bal.items():
            if bal > 0 and rng.random() < 0.1:
                seq += 1
                heapq.heappush(heap, (rng.randrange(10 * 3600 * 10**6, 17 * 3600 * 10**6), seq,
                                      "spay", sid))

    def _money(self, day: dt.date, t: int, party: str, pid: int, amount: int, method: str) -> None:
        kind = "customer-payment" if party == "customer" else "supplier-payment"
        at, at_s = self._ts(t)
        number = self._number(kind, self.daykey)
        doc_id = self.ids["documents"]
        self._doc(kind, number, self.day_s, at_s, payment=method, total=amount,
                  **({"customer_id": pid} if party == "customer" else {"supplier_id": pid}))
        self._pay(doc_id, method, amount)
        self._account(doc_id, party, pid, -amount, at_s)
        name = (self.cust_names if party == "customer" else self.sup_names)[pid]
        self._audit(at, at_s, "post", kind, number, {"total": money_str(amount), party: name})
        self.count["customer_payments" if party == "customer" else "supplier_payments"] += 1

    def _customer_payment(self, day: dt.date, t: int, cid: int) -> None:
        bal = self.cust_bal.get(cid, 0)
        if bal <= 0:
            return
        amount = bal if self.rng.random() < 0.6 or bal < 10000 else (bal // 2 // 100) * 100
        self._money(day, t, "customer", cid, amount, self.rng.choice(("cash", "wechat", "alipay", "card")))

    def _supplier_payment(self, day: dt.date, t: int, sid: int) -> None:
        bal = self.sup_bal.get(sid, 0)
        amount = min(bal, max(100, int(bal * self.rng.uniform(0.4, 0.9)) // 10000 * 10000))
        if amount > 0:
            self._money(day, t, "supplier", sid, amount, "card")

    # ------------------------------------------------------------ the end
    def final(self) -> dict:
        """The caches as the ledgers leave them, and what was made."""
        self.flush()
        c = self.count
        return {
            "stock": [(self.pid[k], self.qty[k], self.val[k], self.last_cost[k])
                      for k in range(len(self.specs))],
            "batches": [(b[1], b[0]) for parts in self.batch_of.values() for b in parts],
            "customer_balances": [(v, k) for k, v in self.cust_bal.items() if v],
            "supplier_balances": [(v, k) for k, v in self.sup_bal.items() if v],
            "counters": [(kind, day, n) for (kind, day), n in sorted(self.counters.items())],
            "seq": self.seq, "hash": self.hash,
            "summary": {"products": len(self.specs), "customers": len(self.cust_ids),
                        "suppliers": len(self.sup_ids), "from": self.start.isoformat(),
                        "to": self.end.isoformat(), **c,
                        "documents": self.ids["documents"] - self.plan["ids"]["documents"],
                        "audit_rows": self.seq - self.plan["seq"]},
        }
