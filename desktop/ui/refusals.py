"""The books' refusals in the screen's language.

The books (db/*.py) refuse in English: the command line and its tests read those
messages as they are. The screens pass a BooksError's message through
refusal_text(), which matches it against the catalogue below (each template is
the shape of a raise site's f-string, its {named} values captured) and returns
the template as translated in context "Refusal", the values put back in. A
message no template matches, or whose template has no translation yet, comes
back unchanged, so English screens show exactly what the books said.

Some captured values are words of the books themselves and are translated too,
with the names the screens already use: a role (UsersScreen), a document's
status, kind or payment method (Screens), the action a permission names, a
refusal nested in another ({reason}), the expired batches a sale could not use.

Covered (the refusals a person meets most):
  * permissions: "may not do this" (with the action named), price override,
    goods back without a receipt, cancelling someone else's order, approving
    one's own order or another role's step, receiving more than ordered
  * sign-in and users: wrong password, account locked, password too short,
    unknown role, duplicate or unknown user, the only owner, no longer active,
    own password reset
  * stock: not enough stock (also by batch, expired stock), a batch-tracked
    product without a batch, stock changed by another till while posting, unknown SKU or barcode, scale labels (check digit,
    unknown item code, no price, zero weight), GS1 batches unknown or expired
  * lines: quantity above zero, negative price, batch missing / unknown /
    expired, receipt line without cost, zero adjustment, negative count
  * payments: unknown method, payment not above zero, split not adding up,
    sale on account without a customer, refund method
  * returns: not a sale, sale not posted, more returned than sold (also by
    batch), empty return
  * shifts: negative float, shift already open, no shift open, negative count,
    shift closed elsewhere
  * cancelling: a reversal, already cancelled, not posted, a sale with returns,
    a nested refusal
  * the period lock: posting, cancelling, a draft posted, any other dated action
  * master data: SKU or name missing, negative price or minimum, minimum above
    maximum, duplicate SKU / barcode / customer / supplier, unknown customer or
    supplier, bad barcodes (check digit, unreadable characters)
  * purchasing and approvals: order status refusals, no approval waiting, a
    rejection without a reason, lines not on the order, twice on the order or
    without a cost, an expected date in the past, receiving only against an order
  * stock counts: unknown count, still counting, not finished, nothing counted,
    scans above zero, negative counts
  * drafts and holding sales: not a draft, nothing to hold, a held sale gone
Not covered: settings and set-up refusals (backups, scales layouts, webhooks,
archive, seed, bench), imports (the import wizard translates its own), reports'
period checks, labels and printing; money parsing ("'x' is not a number") keeps
the books' English for the value's name.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel

CONTEXT = "Refusal"
_PLACEHOLDER = re.compile(r"\{(\w+)\}")


def refusal_catalogue(translate: Callable[[str, str], str] = QCoreApplication.translate
                      ) -> list[str]:
    """Every template, through translate(...) so lupdate collects them; with an
    identity translate, the English templates themselves."""
    return [
        # -- permissions (db/permissions.py, db/documents.py, db/orders.py, db/approvals.py)
        translate("Refusal", "{user} ({role}) may not do this: {action}"),
        translate("Refusal", "{user} ({role}) may not change a price ({what}): a manager must allow it"),
        translate("Refusal", "{user} ({role}) may not take goods back without a receipt: a manager must allow it"),
        translate("Refusal", "{user} ({role}) may not cancel {number}, made by someone else"),
        translate("Refusal", "{user} created {number}: someone else must approve or reject it"),
        translate("Refusal", "{number} waits for {approver}'s approval; {user} is {user_role}"),
        translate("Refusal", "receiving more than ordered on {number} ({lines}) needs a manager's confirmation"),
        # -- sign-in and users (db/users.py, db/books.py)
        translate("Refusal", "sign-in refused: unknown user or wrong password"),
        translate("Refusal", "user {user} is locked until {until} after repeated failures"),
        translate("Refusal", "the password for {user} is too short (at least {n} characters)"),
        translate("Refusal", "a user needs a name"),
        translate("Refusal", "unknown role '{role}': one of {roles}"),
        translate("Refusal", "user '{user}' already exists"),
        translate("Refusal", "{user} can no longer sign in"),
        translate("Refusal", "no user named '{user}'"),
        translate("Refusal", "{user} is the shop's only owner: make another owner first"),
        translate("Refusal", "{user} is the shop's only owner and cannot be deactivated"),
        translate("Refusal", "to change your own password, give the current one (change password, not reset)"),
        # -- stock (db/errors.py, db/posting.py)
        translate("Refusal", "not enough stock of {sku}: wanted {wanted}, on hand {on_hand}"),
        translate("Refusal", "cannot sell {qty} of {sku}: the only stock left is expired and cannot be sold: {batches}"),
        translate("Refusal", "not enough stock of {sku} that can be sold: wanted {wanted}, {sellable} not expired; expired stock cannot be sold: {batches}"),
        translate("Refusal", "batch {batch} (expired {date}, {qty} on hand)"),
        translate("Refusal", "product {sku} is tracked by batch: give the batch number"),
        translate("Refusal", "stock changed while posting; please try again"),
        translate("Refusal", "the database changed while posting; please try again"),
        translate("Refusal", "no product with SKU or barcode '{code}'"),
        translate("Refusal", "no product with SKU '{code}'"),
        # -- the counter (db/counter.py)
        translate("Refusal", "scale label {code}: wrong check digit (misread: scan it again)"),
        translate("Refusal", "scale label {code}: no product has the item code {item}"),
        translate("Refusal", "scale label {code}: {name} has no price to weigh by"),
        translate("Refusal", "scale label {code}: the weight is zero"),
        translate("Refusal", "{sku} {name}: no batch {batch} was received"),
        translate("Refusal", "{sku} {name}: batch {batch} expired on {date} and cannot be sold"),
        translate("Refusal", "nothing to hold: the sale has no lines"),
        translate("Refusal", "{code}: quantity must be above zero, not {qty}"),
        translate("Refusal", "that held sale was resumed on another till or is gone"),
        # -- lines of a document (db/documents.py, db/orders.py)
        translate("Refusal", "line {line} ({code}): quantity must be above zero"),
        translate("Refusal", "line {line} ({code}): price cannot be negative"),
        translate("Refusal", "line {line} ({sku}): the product is tracked by batch; give a batch number"),
        translate("Refusal", "line {line} ({sku}): the product is not tracked by batch"),
        translate("Refusal", "line {line} ({sku}): batch {batch} expired on {date} and cannot be sold"),
        translate("Refusal", "line {line} ({sku}): no batch {batch}"),
        translate("Refusal", "line {line} ({code}): a receipt line needs its unit cost"),
        translate("Refusal", "line {line} ({code}): an adjustment of zero changes nothing"),
        translate("Refusal", "line {line} ({code}): a count cannot be negative"),
        translate("Refusal", "a sale needs at least one line"),
        translate("Refusal", "a return needs at least one line"),
        translate("Refusal", "a receipt needs at least one line"),
        translate("Refusal", "no {what} numbered '{number}'"),
        # -- payments (db/documents.py)
        translate("Refusal", "unknown payment '{method}': one of {methods}"),
        translate("Refusal", "a {method} payment must be above zero, not {amount}"),
        translate("Refusal", "the payments add up to {paid} but the sale comes to {total}"),
        translate("Refusal", "a sale on account needs a customer (--customer)"),
        translate("Refusal", "a payment must be above zero, not {amount}"),
        translate("Refusal", "a refund without a receipt is paid out, not '{method}'"),
        # -- returns (db/counter.py, db/documents.py)
        translate("Refusal", "{number} is not a sale: only a sale's goods can come back"),
        translate("Refusal", "sale {number} is {status}: nothing can be returned"),
        translate("Refusal", "line {line} ({sku}): cannot return {qty} of batch {batch}; sale {number} has {remaining} of that batch left to return"),
        translate("Refusal", "line {line} ({sku}): cannot return {qty}; sale {number} sold {sold} and {returned} came back already"),
        # -- shifts (db/shifts.py, db/books.py)
        translate("Refusal", "the float cannot be below zero, not {amount}"),
        translate("Refusal", "{user} already has a shift open: close it first"),
        translate("Refusal", "{user} has no shift open"),
        translate("Refusal", "counted {method} cannot be below zero, not {amount}"),
        translate("Refusal", "{user}'s shift was closed on another terminal"),
        # -- cancelling (db/documents.py)
        translate("Refusal", "{number} is itself a reversal and cannot be cancelled"),
        translate("Refusal", "{number} is already cancelled"),
        translate("Refusal", "{number} is {status}, not posted: nothing to cancel"),
        translate("Refusal", "sale {number} has returns ({returns}): cancel those first"),
        translate("Refusal", "cannot cancel {number}: {reason}"),
        # -- the period lock (db/periods.py)
        translate("Refusal", "cannot post {kind} dated {date}: the books are closed through {closed}"),
        translate("Refusal", "cannot cancel {number} dated {date}: the books are closed through {closed}"),
        translate("Refusal", "cannot post draft {number} dated {date}: the books are closed through {closed}"),
        translate("Refusal", "{what} dated {date}: the books are closed through {closed}"),
        # -- master data (db/masters.py, db/codes.py)
        translate("Refusal", "a product needs a SKU"),
        translate("Refusal", "product {sku} needs a name"),
        translate("Refusal", "product {sku}: price and cost cannot be negative"),
        translate("Refusal", "product {sku}: minimum {min} is above maximum {max}"),
        translate("Refusal", "a product with SKU {sku} already exists"),
        translate("Refusal", "barcode {code} already belongs to product {sku}"),
        translate("Refusal", "product {sku}: the SKU cannot be empty"),
        translate("Refusal", "product {sku}: SKU {new_sku} already belongs to another product"),
        translate("Refusal", "product {sku}: the price cannot be negative"),
        translate("Refusal", "product {sku}: barcode {code} already belongs to product {other}"),
        translate("Refusal", "product {sku}: {reason}"),
        translate("Refusal", "{what} cannot be negative"),
        translate("Refusal", "minimum of {sku} cannot be negative"),
        translate("Refusal", "maximum of {sku} cannot be negative"),
        translate("Refusal", "a {party} needs a name"),
        translate("Refusal", "customer '{name}' already exists"),
        translate("Refusal", "supplier '{name}' already exists"),
        translate("Refusal", "no customer named '{name}'"),
        translate("Refusal", "no supplier named '{name}'"),
        translate("Refusal", "{party} '{name}': the name cannot be empty"),
        translate("Refusal", "{party} '{name}': another {party} is already named '{new_name}'"),
        translate("Refusal", "{party} '{name}': the credit limit cannot be negative"),
        translate("Refusal", "barcode is empty"),
        translate("Refusal", "barcode '{code}' has characters a scanner cannot read"),
        translate("Refusal", "barcode {code}: wrong {symbology} check digit (expected {check})"),
        # -- purchasing and approvals (db/orders.py, db/approvals.py, db/documents.py)
        translate("Refusal", "a purchase order needs at least one line"),
        translate("Refusal", "line {line} ({sku}): the product is on the order twice"),
        translate("Refusal", "line {line} ({sku}): give the unit cost (it was never received)"),
        translate("Refusal", "line {line} ({sku}): not on order {number}"),
        translate("Refusal", "the expected date {date} is in the past"),
        translate("Refusal", "{number} is {status}: only a draft order is submitted"),
        translate("Refusal", "{number} is {status}: cancel its receipts first"),
        translate("Refusal", "{number} is already {status}"),
        translate("Refusal", "{number} is {status}: goods are received against an approved order"),
        translate("Refusal", "{number} is {status}, not awaiting approval"),
        translate("Refusal", "{number} has no approval waiting"),
        translate("Refusal", "rejecting {number} needs a reason for its creator"),
        translate("Refusal", "this shop receives goods against an approved purchase order only (--order NUMBER)"),
        # -- stock counts (db/counts.py)
        translate("Refusal", "no stock count {count}"),
        translate("Refusal", "stock count {count} ({title}) is still being counted: finish counting first"),
        translate("Refusal", "stock count {count} ({title}) is {status}: only a count whose counting has finished can be posted"),
        translate("Refusal", "stock count {count} ({title}): nothing was counted; cancel it"),
        translate("Refusal", "stock count {count} ({title}): counting has finished"),
        translate("Refusal", "stock count {count} ({title}): it is {status}"),
        translate("Refusal", "{code}: a scan adds a quantity above zero"),
        translate("Refusal", "{code}: a count cannot be negative"),
        # -- drafts (db/drafts.py, db/posting.py)
        translate("Refusal", "{number} is {status}, not a draft"),
        translate("Refusal", "draft {number} was posted or discarded meanwhile"),
    ]


# The books' own words met inside refusals, by the names the screens give them
# (imported when first needed: desktop.ui.screens imports the screens, which
# import this module through desktop.ui.workers).

def _kind(kind: str) -> str:
    from desktop.ui.screens import doc_kind_text
    return doc_kind_text(kind.replace(" ", "-"))


def _status(status: str) -> str:
    from desktop.ui.screens import status_text
    return status_text(status.replace(" ", "-"))


def _method(method: str) -> str:
    from desktop.ui.screens import payment_text
    return payment_text(method)


def _role(role: str) -> str:
    from desktop.ui.users_screen import role_text
    return role_text(role)


def _approver(role: str) -> str:
    """'a manager', 'an owner' (db.approvals.with_article) as the approvals screen names them."""
    translate = QCoreApplication.translate
    bare = role.split(" ", 1)[1] if role.startswith(("a ", "an ")) else role
    return {"manager": translate("Approvals", "a manager"),
            "owner": translate("Approvals", "the owner")}.get(bare, _role(bare))


def _user_role(role: str) -> str:
    return _role(role.split(" ", 1)[1] if role.startswith(("a ", "an ")) else role)


def _kind_with_article(text: str) -> str:
    """'a sale', 'an adjustment' (db.periods.posting_what)."""
    bare = text.split(" ", 1)[1] if text.startswith(("a ", "an ")) else text
    return _kind(bare)


def _action(action: str) -> str:
    """The action a permission refusal names (a key of db.permissions.ALLOWED)."""
    translate = QCoreApplication.translate
    if _kind(action) != action:
        return _kind(action)
    return {"cancel": translate("Refusal", "cancel a document"),
            "backup": translate("Refusal", "back up the books"),
            "restore": translate("Refusal", "restore the books from a backup"),
            "master-data": translate("Refusal", "change products, customers or suppliers"),
            "users": translate("Refusal", "manage users"),
            "settings": translate("Refusal", "change the settings"),
            "see-cost": translate("Refusal", "see costs"),
            "reports": translate("Refusal", "see reports"),
            "check": translate("Refusal", "check the books"),
            "price-override": translate("Refusal", "change a price"),
            "return-without-receipt": translate("Refusal", "take goods back without a receipt"),
            "shift": translate("Refusal", "open or close a shift"),
            "approve": translate("Refusal", "approve purchase orders"),
            "over-receive": translate("Refusal", "receive more than ordered"),
            "import": translate("Refusal", "import old books"),
            "print-statement": translate("Refusal", "print statements"),
            "labels": translate("Refusal", "print labels"),
            "label-templates": translate("Refusal", "change label templates"),
            "archive": translate("Refusal", "archive old documents"),
            "audit": translate("Refusal", "read the audit log")}.get(action, action)


def _party(party: str) -> str:
    translate = QCoreApplication.translate
    return {"customer": translate("Refusal", "customer"),
            "supplier": translate("Refusal", "supplier"),
            "document": translate("Refusal", "document")}.get(party, party)


def _on_hand(text: str) -> str:
    translate = QCoreApplication.translate
    return {"less in that batch": translate("Refusal", "less in that batch"),
            "nothing in any batch": translate("Refusal", "nothing in any batch")}.get(text, text)


def _batches(text: str) -> str:
    # the separator of a list of batches, as the screen's language writes it
    separator = QCoreApplication.translate("Refusal", "; ")
    return separator.join(refusal_text(part) for part in text.split("; "))


# how a captured value is put in the screen's language, by its placeholder's name
_VALUES: dict[str, Callable[[str], str]] = {
    "role": _role, "user_role": _user_role, "approver": _approver, "status": _status,
    "method": _method, "action": _action, "party": _party, "on_hand": _on_hand,
    "batches": _batches, "kind": _kind_with_article,
    "reason": lambda text: refusal_text(text),
    "what": lambda text: _kind(text) if _kind(text) != text else _party(text),
}


@dataclass(frozen=True)
class _Entry:
    source: str
    pattern: re.Pattern
    literal: int            # characters of fixed text: among matches, the most specific wins


def _compile(template: str) -> _Entry:
    parts, pos, seen = [], 0, set()
    for m in _PLACEHOLDER.finditer(template):
        parts.append(re.escape(template[pos:m.start()]))
        name = m.group(1)
        parts.append(f"(?P={name})" if name in seen else f"(?P<{name}>.+?)")
        seen.add(name)
        pos = m.end()
    parts.append(re.escape(template[pos:]))
    literal = len(_PLACEHOLDER.sub("", template))
    return _Entry(template, re.compile("".join(parts), re.DOTALL), literal)


@lru_cache(maxsize=1)
def _entries() -> tuple[_Entry, ...]:
    return tuple(_compile(t) for t in refusal_catalogue(lambda _context, source: source))


def match(message: str) -> tuple[str, dict[str, str]] | None:
    """(the English template, its values) of the most specific template the message
    fits, or None."""
    best, found = None, None
    for entry in _entries():
        m = entry.pattern.fullmatch(message)
        if m is not None and (best is None or entry.literal > best.literal):
            best, found = entry, m
    return None if best is None else (best.source, found.groupdict())


def refusal_text(message: str) -> str:
    """The books' refusal in the screen's language; unchanged when no template fits
    or the fitting one is not translated."""
    if not isinstance(message, str) or not message:
        return message
    found = match(message)
    if found is None:
        return message
    template, values = found
    shown = QCoreApplication.translate(CONTEXT, template)
    if shown == template:
        return message
    values = {k: _VALUES[k](v) if k in _VALUES else v for k, v in values.items()}
    try:
        return shown.format(**values)
    except (KeyError, IndexError, ValueError):   # a translation with broken placeholders
        return message


def show_refusal(label: QLabel, message: str) -> str:
    """Puts the refusal on the label in the screen's language, the books' English as its
    tooltip when they differ. Returns the text shown."""
    text = refusal_text(message)
    label.setText(text)
    label.setToolTip(message if text != message else "")
    return text
