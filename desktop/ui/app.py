"""Start the desktop app: open the books, first start, sign in, main window.

`main(url, smoke=True)` is the `gui --smoke` check: offscreen, no dialogs,
signed in as the owner; it prints {"first_paint_ms": N, "rows_shown": N}
once the chosen screen has painted its first page, and returns 0.
"""
from __future__ import annotations

import json
import os
import sys
import time

from sqlalchemy import Engine
from sqlalchemy.engine import make_url
from sqlalchemy.exc import SQLAlchemyError

from db import masters, migrate, users
from db.audit import Actor
from db.engine import make_engine, read_connection, resolve_url
from db.errors import BooksError

SMOKE_TIMEOUT_S = 60


def main(url: str | None, *, smoke: bool = False, screen: str | None = None) -> int:
    started = time.perf_counter()
    if smoke:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication, QMessageBox

    from desktop.ui import i18n, style
    from desktop.ui.screens import DEFAULT_SCREEN, SCREENS

    key = (screen or DEFAULT_SCREEN).strip().lower()
    if key not in SCREENS:
        print(f"error: no screen named '{screen}'; the screens are: "
              f"{', '.join(SCREENS)}", file=sys.stderr)
        return 2
    app = QApplication.instance() or QApplication(sys.argv[:1])
    style.apply(app)
    app.setApplicationName("Storekeeper")
    app.setOrganizationName("Storekeeper")
    i18n.install(app)

    engine: Engine | None = None
    try:
        if not url and not os.environ.get("STOREKEEPER_DB"):
            from desktop import config
            url = config.configured_url()          # Settings' choice; None: the default file
            if url is not None and not smoke:
                from desktop.ui.settings import ask_missing_password
                url = ask_missing_password(url)    # a server password not in the keyring
                if url is None:
                    return 0
        resolved = resolve_url(url)
        if smoke:
            _require_sqlite_file(resolved)
        engine = make_engine(resolved)
        _open_books(engine, upgrade=not smoke)
        if smoke:
            actor = _smoke_actor(engine)
            return _smoke(engine, actor, key, _db_label(resolved), started)
        actor = _interactive_sign_in(engine)
        if actor is None:
            return 0
        window = _open_window(engine, actor, _db_label(resolved), key if screen else None)
        _daily_housekeeping(engine, window)
        return app.exec()
    except (BooksError, SQLAlchemyError) as exc:
        message = exc.message if isinstance(exc, BooksError) else \
            f"cannot use the database: {str(exc).splitlines()[0]}"
        print(f"error: {message}", file=sys.stderr)
        if not smoke:
            QMessageBox.critical(None, "Storekeeper", message)
        return 1
    finally:
        if engine is not None:
            engine.dispose()


def _require_sqlite_file(url: str) -> None:
    """--smoke reads an existing shop; it never creates a database file."""
    parsed = make_url(url)
    path = parsed.database or ""
    if parsed.get_backend_name() == "sqlite" and path and path != ":memory:" \
            and not os.path.exists(path):
        raise BooksError(f"no database at {path}: run `storekeeper init` to create one")


def _open_books(engine: Engine, *, upgrade: bool) -> None:
    """The schema at head: a new or older database is brought there by the desktop
    (its first start is `init`), but only checked by --smoke, which only reads and signs in."""
    current = migrate.current_revision(engine)
    if current == migrate.head_revision():
        return
    if upgrade:
        migrate.upgrade(engine)
    elif current is None:
        raise BooksError("this database holds no shop yet: run `storekeeper init` first")
    else:
        raise BooksError("the database's schema is older than this program: "
                         "run `storekeeper init` to upgrade it")


def _shop_name(engine: Engine) -> str:
    with read_connection(engine) as conn:
        return masters.get_setting(conn, "shop_name") or ""


def _db_label(url: str) -> str:
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        return parsed.database or ""
    return parsed.render_as_string(hide_password=True)


def _interactive_sign_in(engine: Engine) -> Actor | None:
    from desktop.ui.first_start import FirstStartDialog
    from desktop.ui.sign_in import SignInDialog

    with read_connection(engine) as conn:
        owner = users.owner(conn) if users.user_count(conn) else None
    name = owner.name if owner else ""
    if owner is None:
        first = FirstStartDialog(engine)
        created = first.exec()
        name = first.owner_name or ""
        first.deleteLater()
        if not created:
            return None
    dialog = SignInDialog(engine, _shop_name(engine), name)
    actor = dialog.actor if dialog.exec() else None
    dialog.deleteLater()
    return actor


_windows: set = set()        # the main window in use (a sign-out makes the next one)


def _open_window(engine: Engine, actor: Actor, db_label: str, screen: str | None):
    """The main window for `actor`; on sign-out (its account menu, or the idle
    lock's) it goes and the sign-in comes back for whoever is next."""
    from PySide6.QtWidgets import QApplication

    from desktop.ui.main_window import MainWindow
    from desktop.ui.screens import home_screen

    window = MainWindow(engine, actor, _shop_name(engine), db_label,
                        screen or home_screen(actor))

    def sign_out() -> None:
        app = QApplication.instance()
        window.idle_lock.stop()
        window.hide()
        quits = app.quitOnLastWindowClosed()
        app.setQuitOnLastWindowClosed(False)   # the sign-in alone on screen is not the end
        try:
            following = _interactive_sign_in(engine)
        finally:
            app.setQuitOnLastWindowClosed(quits)
        _windows.discard(window)
        window.deleteLater()
        if following is None:
            app.quit()
            return
        _open_window(engine, following, db_label, None)

    window.sign_out_requested.connect(sign_out)
    _windows.add(window)
    window.show()
    return window


def _smoke_actor(engine: Engine) -> Actor:
    """The owner: signed in with $STOREKEEPER_PASSWORD when set, else taken as is."""
    with read_connection(engine) as conn:
        owner = users.owner(conn)
    if owner is None:
        raise BooksError("this database has no shop yet: run `storekeeper init` first")
    password = os.environ.get("STOREKEEPER_PASSWORD")
    if password:
        return users.sign_in(engine, owner.name, password)
    return owner


def _quiet_offscreen(previous):
    """A Qt message handler dropping the offscreen plugin's harmless size-hint notice."""
    def handler(mode, context, message):
        if "propagateSizeHints" in message:
            return
        if previous is not None:
            previous(mode, context, message)
        else:
            sys.stderr.write(message + "\n")
    return handler


def _smoke(engine: Engine, actor: Actor, key: str, db_label: str, started: float) -> int:
    from PySide6.QtCore import qInstallMessageHandler

    previous = qInstallMessageHandler(None)
    qInstallMessageHandler(_quiet_offscreen(previous))
    try:
        return _smoke_window(engine, actor, key, db_label, started)
    finally:
        qInstallMessageHandler(previous)


def _daily_housekeeping(engine: Engine, window) -> None:
    """At the start of the app, off the GUI thread: today's backup of an SQLite shop
    (the first start of the day; the last `backup_keep` kept: db.backup.daily) and
    yesterday's stock snapshot (and any month end still missing: db.snapshots). A
    failure is shown in the status bar and logged: the next start tries again."""
    import logging

    from db import backup, snapshots
    from desktop.ui.workers import run_in_background

    def work(_report):
        made = None
        if engine.dialect.name == "sqlite":
            with engine.connect() as conn:
                keep = backup.keep_setting(conn)
            made = backup.daily(engine, backup.folder_of(engine), keep)
        snapshots.catch_up(engine)
        return made

    def failed(message: str) -> None:
        logging.getLogger(__name__).warning("daily backup or snapshots not made: %s", message)
        window.statusBar().showMessage(message, 60_000)
    run_in_background(work, lambda _made: None, failed, owner=window)


def _smoke_window(engine: Engine, actor: Actor, key: str, db_label: str, started: float) -> int:
    from PySide6.QtCore import QEventLoop, QTimer

    from desktop.ui.main_window import MainWindow

    window = MainWindow(engine, actor, _shop_name(engine), db_label, key)
    screen = window.screens[key]
    result: dict[str, int] = {}
    loop = QEventLoop()
    view = getattr(screen, "view", None)      # a list screen; Settings is a form

    def painted() -> None:
        if result or (view is not None and screen.model.loading):
            return                            # the first page is still on its way
        result["first_paint_ms"] = round((time.perf_counter() - started) * 1000)
        result["rows_shown"] = view.visible_rows() if view is not None else 0
        loop.quit()

    if view is not None:
        view.painted.connect(painted)
    else:
        QTimer.singleShot(0, painted)
    QTimer.singleShot(SMOKE_TIMEOUT_S * 1000, loop.quit)
    window.resize(1280, 800)
    window.show()
    loop.exec()
    window.close()
    window.deleteLater()
    if not result:
        print(f"error: the {key} screen did not paint within {SMOKE_TIMEOUT_S} s",
              file=sys.stderr)
        return 1
    print(json.dumps(result), flush=True)
    return 0
