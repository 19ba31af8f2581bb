"""Writing a printed file so no reader ever sees half of it: a temporary file beside
the target, renamed onto it when the writing succeeded, removed when it did not.

    with atomic_file(path) as tmp:
        canvas = Canvas(tmp, ...)
        ...
        canvas.save()

A missing folder or a failed write is a BooksError naming the file."""
from __future__ import annotations

import os
import tempfile
from pathlib import Path

from db.errors import BooksError


class atomic_file:
    """A temporary file name beside path, moved onto path if the block succeeds."""

    def __init__(self, path: str | os.PathLike):
        self.path = Path(path)

    def __enter__(self) -> str:
        folder = self.path.parent
        if not folder.is_dir():
            raise BooksError(f"cannot write {self.path}: there is no folder {folder}")
        try:
            fd, self.tmp = tempfile.mkstemp(prefix=f".{self.path.name}.", suffix=".part",
                                            dir=folder)
        except OSError as exc:
            raise BooksError(f"cannot write {self.path}: {exc.strerror or exc}") from None
        os.close(fd)
        return self.tmp

    def __exit__(self, kind, exc, tb) -> bool:
        if kind is None:
            try:
                os.chmod(self.tmp, 0o644)
                os.replace(self.tmp, self.path)
                return False
            except OSError as err:
                exc, kind = err, OSError
        try:
            os.unlink(self.tmp)
        except OSError:
            pass
        if issubclass(kind, OSError):
            raise BooksError(f"cannot write {self.path}: {exc.strerror or exc}") from None
        return False
