"""Errors a person can act on.

Every failure caused by input or by the state of the books is a BooksError
whose message names the item, row or document at fault. The command line
prints it as one line and exits 1; the desktop shows it in a dialog.
"""


class BooksError(Exception):
    """Wrong input or a rule of the books refused the action. Nothing was written."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class InsufficientStock(BooksError):
    def __init__(self, sku: str, wanted: str, on_hand: str):
        super().__init__(
            f"not enough stock of {sku}: wanted {wanted}, on hand {on_hand}")
        self.sku = sku


class NotFound(BooksError):
    pass


class PermissionDenied(BooksError):
    pass


class SignInFailed(BooksError):
    pass
