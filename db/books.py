"""The books as one object: what a signed-in person can do to them.

Each method is one user action: permission checked, one transaction,
retried on conflicts, idempotent under a client id. The desktop, the
command line and the tests all come through here.
"""
from __future__ import annotations

import dataclasses
import datetime as dt

from sqlalchemy import Engine

from db import documents as docs
from db import abc, alerts, approvals, backup, clock, counter, counts, drafts, fastsale, masters, orders, security, shifts, users
from db.audit import Actor
from db.documents import LineIn
from db.engine import write_transaction
from db.errors import BooksError
from db.permissions import may, require
from db.posting import Posted, get_document, run_posting


class Books:
    def __init__(self, engine: Engine, actor: Actor):
        self.engine = engine
        self.actor = actor

    def _post(self, action: str, fn, *args, client_id: str | None = None, **kw) -> Posted:
        require(self.actor, action)
        return run_posting(self.engine, lambda conn: fn(conn, self.actor, *args,
                                                        client_id=client_id, **kw),
                           client_id=client_id)

    # documents
    def post_sale(self, lines: list[LineIn], *, customer: str | None = None,
                  payment: str = "cash", payments: list[tuple[str, int]] | None = None,
                  client_id: str | None = None, doc_date: dt.date | None = None,
                  authorised_by: Actor | None = None) -> Posted:
        """payments: [(method, fen), ...] adding up to the total exactly (a split);
        without it `payment` pays it all (the way the fast path takes). authorised_by: the manager who allowed a price the seller may not set."""
        if (self.engine.dialect.name == "postgresql" and payments is None
                and (all(l.price is None for l in lines) or may(self.actor, "price-override"))):
            # the common sale: one locked round trip. Prices set by someone who may
            # not set them go the ordinary way, which checks who allowed it and audits it.
            require(self.actor, "sale")
            done = fastsale.post_sale(self.engine, self.actor, lines, customer=customer,
                                      payment=payment, client_id=client_id, doc_date=doc_date)
            if done is not None:
                return done
        return self._post("sale", docs.sale, lines, customer=customer, payment=payment,
                          payments=payments, client_id=client_id, doc_date=doc_date,
                          authorised_by=authorised_by)

    def post_return(self, sale_number: str, lines: list[LineIn], *,
                    client_id: str | None = None) -> Posted:
        return self._post("sale-return", docs.sale_return, sale_number, lines, client_id=client_id)

    def post_return_without_receipt(self, lines: list[LineIn], *, refund: str = "cash",
                                    client_id: str | None = None,
                                    authorised_by: Actor | None = None) -> Posted:
        return self._post("sale-return", docs.return_without_receipt, lines, refund=refund,
                          client_id=client_id, authorised_by=authorised_by)

    def post_purchase_receipt(self, supplier: str, lines: list[LineIn], *,
                              client_id: str | None = None,
                              doc_date: dt.date | None = None) -> Posted:
        return self._post("purchase-receipt", docs.purchase_receipt, supplier, lines,
                          client_id=client_id, doc_date=doc_date)

    def post_purchase_return(self, supplier: str, lines: list[LineIn], *,
                             client_id: str | None = None) -> Posted:
        return self._post("purchase-return", docs.purchase_return, supplier, lines,
                          client_id=client_id)

    def post_adjustment(self, lines: list[LineIn], *, reason: str, note: str = "",
                        client_id: str | None = None) -> Posted:
        return self._post("adjustment", docs.adjustment, lines, reason=reason, note=note,
                          client_id=client_id)

    def post_stocktake(self, lines: list[LineIn], *, client_id: str | None = None) -> Posted:
        return self._post("stocktake", docs.stocktake, lines, client_id=client_id)

    def post_customer_payment(self, customer: str, amount: int, *, method: str = "cash",
                              client_id: str | None = None) -> Posted:
        return self._post("customer-payment", docs.payment, "customer", customer, amount,
                          method=method, client_id=client_id)

    def post_supplier_payment(self, supplier: str, amount: int, *, method: str = "cash",
                              client_id: str | None = None) -> Posted:
        return self._post("supplier-payment", docs.payment, "supplier", supplier, amount,
                          method=method, client_id=client_id)

    def cancel(self, number: str, *, client_id: str | None = None) -> Posted:
        with self.engine.connect() as conn:
            kind = get_document(conn, number).kind
        if kind == "purchase-order":       # nothing moved: its creator or a manager calls it off
            with write_transaction(self.engine) as conn:
                return orders.cancel(conn, self.actor, number)
        return self._post("cancel", docs.cancel, number, client_id=client_id)

    # purchasing
    def post_purchase_order(self, supplier: str, lines: list[LineIn], *,
                            expected: dt.date | None = None, urgent: bool = False,
                            submit: bool = True, note: str = "",
                            client_id: str | None = None) -> Posted:
        """status of the result: 'approved', 'awaiting-approval', or 'draft' (submit=False)."""
        return self._post("purchase-order", orders.create, supplier, lines, expected=expected,
                          urgent=urgent, submit=submit, note=note, client_id=client_id)

    def submit_order(self, number: str) -> Posted:
        require(self.actor, "purchase-order")
        with write_transaction(self.engine) as conn:
            return orders.submit(conn, self.actor, number)

    def approve(self, number: str) -> Posted:
        require(self.actor, "approve")
        with write_transaction(self.engine) as conn:
            return orders.decide(conn, self.actor, number, True)

    def reject(self, number: str, reason: str) -> Posted:
        require(self.actor, "approve")
        with write_transaction(self.engine) as conn:
            return orders.decide(conn, self.actor, number, False, reason)

    def receive_order(self, number: str, lines: list[LineIn] | None = None, *,
                      confirmed_by: Actor | None = None,
                      client_id: str | None = None) -> Posted:
        """Goods in against an approved order; lines=None: everything still due."""
        return self._post("purchase-receipt", orders.receive, number, lines,
                          confirmed_by=confirmed_by, client_id=client_id)

    def order_detail(self, number: str) -> orders.Order:
        require(self.actor, "see-cost")        # an order's lines are costs
        with self.engine.connect() as conn:
            return orders.detail(conn, number)

    def catch_up_approvals(self) -> None:
        """Escalates the approvals whose time limit has passed (see db.approvals.tick)."""
        now = clock.now()
        with self.engine.connect() as conn:
            if not approvals.due_now(conn, now):
                return
        with write_transaction(self.engine) as conn:
            approvals.tick(conn, now)

    def approvals_inbox(self) -> list[approvals.Waiting]:
        self.catch_up_approvals()
        with self.engine.connect() as conn:
            return approvals.inbox(conn, self.actor)

    def rejected_orders(self, days: int = 30) -> list[approvals.Rejected]:
        """This user's own orders rejected in the last days, with the reasons."""
        with self.engine.connect() as conn:
            return approvals.rejected_for(conn, self.actor,
                                          clock.now() - dt.timedelta(days=days))

    def approval_rules(self) -> approvals.ApprovalRules:
        with self.engine.connect() as conn:
            return approvals.rules(conn)

    def set_approval_rules(self, rules: approvals.ApprovalRules) -> None:
        require(self.actor, "settings")
        with write_transaction(self.engine) as conn:
            approvals.save_rules(conn, self.actor, rules)

    def reorder_suggestions(self) -> list[orders.Suggestion]:
        with self.engine.connect() as conn:
            return orders.reorder_suggestions(conn)

    def draft_reorders(self) -> tuple[list[Posted], list[orders.Suggestion]]:
        require(self.actor, "purchase-order")
        with write_transaction(self.engine) as conn:
            return orders.draft_reorders(conn, self.actor)

    def process_report(self, date_from: dt.date, date_to: dt.date) -> list[orders.ProcessMonth]:
        require(self.actor, "reports")
        self.catch_up_approvals()
        with self.engine.connect() as conn:
            return orders.process_report(conn, date_from, date_to)

    # stock counts (db.counts)
    def start_count(self, kind: str, *, blind: bool = False, product_ids: list[int] | None = None,
                    title: str = "") -> int:
        with write_transaction(self.engine) as conn:
            return counts.start(conn, self.actor, kind, blind=blind, product_ids=product_ids,
                                title=title)

    def count_scan(self, count_id: int, code: str, qty: int = 1000) -> counts.Counted:
        with write_transaction(self.engine) as conn:
            return counts.scan(conn, self.actor, count_id, code, qty)

    def count_set(self, count_id: int, code: str, qty: int) -> counts.Counted:
        with write_transaction(self.engine) as conn:
            return counts.set_counted(conn, self.actor, count_id, code, qty)

    def finish_count(self, count_id: int) -> None:
        with write_transaction(self.engine) as conn:
            counts.finish(conn, self.actor, count_id)

    def post_count(self, count_id: int) -> Posted:
        with write_transaction(self.engine) as conn:
            return counts.post(conn, self.actor, count_id)

    def cancel_count(self, count_id: int) -> None:
        with write_transaction(self.engine) as conn:
            counts.cancel(conn, self.actor, count_id)

    def alerts(self) -> list[dict]:
        self.catch_up_approvals()
        with self.engine.connect() as conn:
            return alerts.alerts(conn, with_cost=may(self.actor, "see-cost"))

    # drafts
    def save_draft(self, kind: str, lines: list[LineIn], *, customer: str | None = None,
                   supplier: str | None = None, payment: str | None = None,
                   note: str = "") -> Posted:
        require(self.actor, kind)
        with write_transaction(self.engine) as conn:
            return drafts.save_draft(conn, self.actor, kind, lines, customer=customer,
                                     supplier=supplier, payment=payment, note=note)

    def edit_draft(self, number: str, lines: list[LineIn]) -> Posted:
        with write_transaction(self.engine) as conn:
            require(self.actor, get_document(conn, number).kind)
            return drafts.replace_lines(conn, self.actor, number, lines)

    def discard_draft(self, number: str) -> Posted:
        with write_transaction(self.engine) as conn:
            require(self.actor, get_document(conn, number).kind)
            return drafts.discard(conn, self.actor, number)

    def post_draft(self, number: str, *, client_id: str | None = None) -> Posted:
        with self.engine.connect() as conn:
            kind = get_document(conn, number).kind
        return self._post(kind, drafts.post, number, client_id=client_id)

    # master data
    def add_product(self, p: masters.NewProduct) -> int:
        require(self.actor, "master-data")
        with write_transaction(self.engine) as conn:
            return masters.add_product(conn, self.actor, p)

    def add_customer(self, name: str, phone: str = "", credit_limit: str | None = None) -> int:
        require(self.actor, "master-data")
        with write_transaction(self.engine) as conn:
            return masters.add_customer(conn, self.actor, name, phone, credit_limit)

    def add_supplier(self, name: str, phone: str = "") -> int:
        require(self.actor, "master-data")
        with write_transaction(self.engine) as conn:
            return masters.add_supplier(conn, self.actor, name, phone)

    def product_detail(self, sku: str) -> masters.ProductDetail:
        """Anyone signed in may look a product up; costs only for those who may see them."""
        with self.engine.connect() as conn:
            detail = masters.product_detail(conn, sku)
        if not may(self.actor, "see-cost"):
            detail = dataclasses.replace(detail, avg_cost=None, last_cost=None)
        return detail

    def update_product(self, sku: str, changes: masters.ProductChanges) -> bool:
        """True if something changed; False (nothing written) if the save changed nothing."""
        require(self.actor, "master-data")
        with write_transaction(self.engine) as conn:
            return masters.update_product(conn, self.actor, sku, changes)

    def customer_detail(self, name: str) -> masters.PartyDetail:
        with self.engine.connect() as conn:
            return masters.customer_detail(conn, name)

    def supplier_detail(self, name: str) -> masters.PartyDetail:
        require(self.actor, "see-cost")        # what the shop owes for its goods
        with self.engine.connect() as conn:
            return masters.supplier_detail(conn, name)

    def update_customer(self, name: str, *, new_name: str | None = None,
                        phone: str | None = None, credit_limit: str | None = None) -> bool:
        require(self.actor, "master-data")
        with write_transaction(self.engine) as conn:
            return masters.update_customer(conn, self.actor, name, new_name=new_name,
                                           phone=phone, credit_limit=credit_limit)

    def update_supplier(self, name: str, *, new_name: str | None = None,
                        phone: str | None = None) -> bool:
        require(self.actor, "master-data")
        with write_transaction(self.engine) as conn:
            return masters.update_supplier(conn, self.actor, name, new_name=new_name, phone=phone)

    def add_user(self, name: str, role: str, password: str) -> Actor:
        require(self.actor, "users")
        with write_transaction(self.engine) as conn:
            return users.add_user(conn, self.actor, name, role, password)

    def set_user_role(self, name: str, role: str) -> None:
        """A new role for an account; orders waiting on the old one find another approver."""
        require(self.actor, "users")
        with write_transaction(self.engine) as conn:
            users.set_role(conn, self.actor, name, role)
            approvals.reassign_all(conn, clock.now())

    def deactivate_user(self, name: str) -> None:
        """The account can no longer sign in; orders waiting on it find another approver."""
        require(self.actor, "users")
        with write_transaction(self.engine) as conn:
            users.deactivate(conn, self.actor, name)
            approvals.reassign_all(conn, clock.now())

    def unlock_user(self, name: str) -> bool:
        """The account's failed sign-ins forgotten and its lock lifted; False if
        there was nothing to forget."""
        require(self.actor, "users")
        with write_transaction(self.engine) as conn:
            return users.unlock(conn, self.actor, name)

    def set_user_password(self, name: str, password: str) -> None:
        """The owner's reset of another account's password (it unlocks it too).
        One's own password is changed with change_password, giving the current one."""
        require(self.actor, "users")
        if (name or "").strip() == self.actor.name:
            raise BooksError("to change your own password, give the current one "
                             "(change password, not reset)")
        with write_transaction(self.engine) as conn:
            users.set_password(conn, self.actor, name, password)

    def change_password(self, old: str, new: str) -> None:
        """The acting person's own password; a wrong `old` counts toward the lock."""
        users.change_password(self.engine, self.actor, old, new)

    def list_users(self) -> list[users.Account]:
        require(self.actor, "users")
        with self.engine.connect() as conn:
            return users.list_users(conn)

    def set_setting(self, key: str, value: str) -> None:
        require(self.actor, "settings")
        with write_transaction(self.engine) as conn:
            counter.check_scale_setting(conn, key, value)
            alerts.check_setting(key, value)
            abc.check_setting(key, value)
            backup.check_setting(key, value)
            security.check_setting(key, value)
            masters.set_setting(conn, self.actor, key, value)

    def set_scale_layout(self, layout: counter.ScaleLayout) -> None:
        require(self.actor, "settings")
        with write_transaction(self.engine) as conn:
            counter.save_scale_layout(conn, self.actor, layout)

    # the counter: held sales (挂单) and the cashier's shift
    def hold_sale(self, lines: list[LineIn], *, customer: str | None = None,
                  note: str = "") -> int:
        require(self.actor, "sale")
        with write_transaction(self.engine) as conn:
            return counter.hold_sale(conn, self.actor, lines, customer=customer, note=note)

    def held_sales(self) -> list[counter.HeldSale]:
        with self.engine.connect() as conn:
            return counter.held(conn)

    def resume_sale(self, held_id: int) -> counter.HeldSale:
        require(self.actor, "sale")
        with write_transaction(self.engine) as conn:
            return counter.resume_sale(conn, self.actor, held_id)

    def current_shift(self) -> shifts.Shift | None:
        with self.engine.connect() as conn:
            return shifts.current(conn, self.actor.id)

    def open_shift(self, opening_float: int) -> shifts.Shift:
        require(self.actor, "shift")
        with write_transaction(self.engine) as conn:
            return shifts.open_shift(conn, self.actor, opening_float)

    def shift_expected(self) -> dict[str, int]:
        with self.engine.connect() as conn:
            shift = shifts.current(conn, self.actor.id)
            if shift is None:
                raise BooksError(f"{self.actor.name} has no shift open")
            return shifts.expected(conn, shift)

    def close_shift(self, counted: dict[str, int]) -> shifts.ShiftReport:
        require(self.actor, "shift")
        with write_transaction(self.engine) as conn:
            return shifts.close_shift(conn, self.actor, counted)
