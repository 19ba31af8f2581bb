"""Who may do what."""
from __future__ import annotations

import pytest

from db.audit import Actor
from db.errors import PermissionDenied
from db.permissions import ALLOWED, may, require
from db.schema import ROLES

EXPECTED_YES = {
    "owner": set(ALLOWED),
    "cashier": {"sale", "sale-return", "customer-payment", "shift"},
    "clerk": {"purchase-receipt", "purchase-return", "stocktake", "see-cost", "purchase-order",
              "labels"},
    "bookkeeper": {"customer-payment", "supplier-payment", "see-cost", "reports", "check",
                   "print-statement"},
    "manager": set(ALLOWED) - {"users", "settings", "archive", "restore"},
}


@pytest.mark.parametrize("role", ROLES)
def test_permission_table(role):
    actor = Actor(1, "x", role)
    allowed = {a for a in ALLOWED if may(actor, a)}
    assert allowed == EXPECTED_YES[role]


@pytest.mark.parametrize("role, action", [
    ("cashier", "cancel"), ("cashier", "purchase-receipt"), ("cashier", "adjustment"),
    ("cashier", "master-data"), ("clerk", "sale"), ("clerk", "cancel"),
    ("bookkeeper", "sale"), ("manager", "users"), ("cashier", "price-override"),
    ("cashier", "return-without-receipt"), ("clerk", "shift"), ("clerk", "approve"),
    ("clerk", "over-receive"), ("cashier", "purchase-order"), ("cashier", "print-statement"),
    ("cashier", "labels"), ("clerk", "label-templates"),
])
def test_require_refuses_naming_user_and_action(role, action):
    with pytest.raises(PermissionDenied) as info:
        require(Actor(3, "amy", role), action)
    assert "amy" in str(info.value) and action in str(info.value)


def test_every_role_is_known_and_owner_may_do_everything():
    for action, roles in ALLOWED.items():
        assert roles <= set(ROLES), action
        require(Actor(1, "boss", "owner"), action)
