"""Running slow work off the GUI thread.

`run_in_background(fn, on_done, on_failed, on_progress)` runs `fn(report)`
on Qt's global thread pool; the work may call `report(done, total)` as often
as it likes. `on_progress(done, total)`, then `on_done(result)` or
`on_failed(message)`, are called on the GUI thread: the worker only emits
signals of a Task that lives there, so every callback arrives queued. A
BooksError fails with its own message, in the screen's language where
desktop.ui.refusals knows it; anything else with its type.

A result that arrives after its owner (the `owner` given, or the QObject
whose method the callback is) has been deleted is dropped: a screen closed
while its query ran has nobody left to tell.
"""
from __future__ import annotations

import traceback
from typing import Any, Callable

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot
from shiboken6 import isValid

from db.errors import BooksError
from desktop.ui.refusals import refusal_text

Report = Callable[[int, int], None]


class Task(QObject):
    progress = Signal(int, int)
    _finished = Signal(bool, object)  # (succeeded, result or message)

    def __init__(self, fn: Callable[[Report], Any], on_done: Callable[[Any], None],
                 on_failed: Callable[[str], None], on_progress: Report | None,
                 owner: QObject | None = None):
        super().__init__()
        self._fn = fn
        self._owners = [o for o in (owner, *(getattr(cb, "__self__", None)
                                             for cb in (on_done, on_failed, on_progress)))
                        if isinstance(o, QObject)]
        self._on_done, self._on_failed, self._on_progress = on_done, on_failed, on_progress
        self.progress.connect(self._report)
        self._finished.connect(self._deliver)

    def work(self) -> None:
        """Runs on a pool thread."""
        try:
            result = self._fn(self.progress.emit)
        except BooksError as exc:
            self._finish(False, refusal_text(exc.message))
        except Exception as exc:  # shown to the person, never swallowed
            traceback.print_exc()
            self._finish(False, f"{type(exc).__name__}: {exc}")
        else:
            self._finish(True, result)

    def _finish(self, ok: bool, value: Any) -> None:
        try:
            self._finished.emit(ok, value)
        except RuntimeError:    # the application is gone (work still running as it quit)
            pass

    def _owner_gone(self) -> bool:
        return any(not isValid(o) for o in self._owners)

    @Slot(int, int)
    def _report(self, done: int, total: int) -> None:
        if self._on_progress is not None and not self._owner_gone():
            self._on_progress(done, total)

    @Slot(bool, object)
    def _deliver(self, ok: bool, value: Any) -> None:
        _live.discard(self)
        if self._owner_gone():
            return
        (self._on_done if ok else self._on_failed)(value)


class _Runnable(QRunnable):
    def __init__(self, task: Task):
        super().__init__()
        self._task = task

    def run(self) -> None:
        self._task.work()


_live: set[Task] = set()  # a task stays alive until it has reported


def run_in_background(fn: Callable[[Report], Any], on_done: Callable[[Any], None],
                      on_failed: Callable[[str], None], on_progress: Report | None = None,
                      owner: QObject | None = None, pool: QThreadPool | None = None) -> Task:
    """pool: a pool of the caller's (the reports' low-priority one); else Qt's global one."""
    task = Task(fn, on_done, on_failed, on_progress, owner)
    _live.add(task)
    (pool or QThreadPool.globalInstance()).start(_Runnable(task))
    return task
