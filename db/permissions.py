"""Who may do what. Checked in db.books, below every screen and command."""
from __future__ import annotations

from db.audit import Actor
from db.errors import PermissionDenied

ALLOWED: dict[str, frozenset[str]] = {k: frozenset(v) for k, v in {
    "sale": {"owner", "manager", "cashier"},
    "sale-return": {"owner", "manager", "cashier"},
    "purchase-receipt": {"owner", "manager", "clerk"},
    "purchase-return": {"owner", "manager", "clerk"},
    "adjustment": {"owner", "manager"},
    "stocktake": {"owner", "manager", "clerk"},
    "customer-payment": {"owner", "manager", "bookkeeper", "cashier"},
    "supplier-payment": {"owner", "manager", "bookkeeper"},
    "cancel": {"owner", "manager"},
    # a copy of the books, and the books replaced by one (db.backup)
    "backup": {"owner", "manager"},
    "restore": {"owner"},
    "master-data": {"owner", "manager"},
    "users": {"owner"},
    "settings": {"owner"},
    "see-cost": {"owner", "manager", "bookkeeper", "clerk"},
    "reports": {"owner", "manager", "bookkeeper"},
    "check": {"owner", "manager", "bookkeeper"},
    # the counter: a price other than the product's (a discount is a lower price),
    # goods back without the sale's receipt, opening and closing one's own shift
    "price-override": {"owner", "manager"},
    "return-without-receipt": {"owner", "manager"},
    "shift": {"owner", "manager", "cashier"},
    # purchasing: making and submitting orders, deciding them (who decides which
    # step is db.approvals' ladder), goods in beyond what was ordered
    "purchase-order": {"owner", "manager", "clerk"},
    "approve": {"owner", "manager"},
    "over-receive": {"owner", "manager"},
    # old books in (and a batch undone)
    "import": {"owner", "manager"},
    # paper: statements of what a customer or supplier owes (money the cashier does
    # not handle), shelf labels, and the label templates the shop keeps
    "print-statement": {"owner", "manager", "bookkeeper"},
    "labels": {"owner", "manager", "clerk"},
    "label-templates": {"owner", "manager"},
    # old documents moved to the archive (db.archive)
    "archive": {"owner"},
    # the audit log read back, filtered (db.audit_list); users are unlocked,
    # renamed and given new passwords under "users"
    "audit": {"owner", "manager"},
}.items()}


def may(actor: Actor, action: str) -> bool:
    return actor.role in ALLOWED[action]


def require(actor: Actor, action: str) -> None:
    if not may(actor, action):
        raise PermissionDenied(f"{actor.name} ({actor.role}) may not do this: {action}")
