"""Screenshots of every screen, for looking at before a release.

    xvfb-run -s "-screen 0 1366x768x24" .venv/bin/python packaging/screenshots.py \
        --db sqlite:////tmp/demo.db --lang zh_CN --out /tmp/shots

Opens the main window on the shop given (signed in as its owner with
$STOREKEEPER_PASSWORD, or taken as the owner), maximised on the screen, in the
language given, and for every screen the owner sees waits for its first page
and saves <out>/<lang>-<screen>.png. Then the extras: the account menu's
change-password dialog and the window
locked by the idle lock, and Settings scrolled to Security. Under Xvfb (platform xcb) the picture is taken from
the screen, as a person would see it; offscreen, from the window.

Writes nothing to the shop but what opening screens writes (nothing). It is a
release step, not a test: it asserts nothing.
"""
from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", required=True, help="the shop (a demo shop is best)")
    ap.add_argument("--lang", default="en", help="en or zh_CN")
    ap.add_argument("--out", required=True, type=Path)
    ap.add_argument("--screens", default="", help="comma-separated keys; default all")
    ap.add_argument("--wait", type=float, default=1.5, help="seconds to let a screen fill")
    args = ap.parse_args(argv)
    os.environ["STOREKEEPER_LANG"] = args.lang

    from PySide6.QtCore import QTimer
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QApplication, QDialog

    from db.engine import make_engine, read_connection
    from db import users
    from desktop.ui import i18n, style
    from desktop.ui.main_window import MainWindow
    from desktop.ui.screens import screens_for

    app = QApplication.instance() or QApplication(sys.argv[:1])
    style.apply(app)
    app.setApplicationName("Storekeeper")
    i18n.install(app)
    engine = make_engine(args.db)
    with read_connection(engine) as conn:
        owner = users.owner(conn)
        from db import masters
        shop = masters.get_setting(conn, "shop_name") or "Storekeeper"
    if owner is None:
        print("error: this database has no shop yet", file=sys.stderr)
        return 1
    password = os.environ.get("STOREKEEPER_PASSWORD")
    actor = users.sign_in(engine, owner.name, password) if password else owner
    args.out.mkdir(parents=True, exist_ok=True)
    wanted = [k.strip() for k in args.screens.split(",") if k.strip()]

    window = MainWindow(engine, actor, shop, args.db)
    window.idle_lock.stop()
    window.setGeometry(QGuiApplication.primaryScreen().availableGeometry())
    window.show()

    def settle(seconds: float) -> None:
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            app.processEvents()
            time.sleep(0.02)

    def shot(name: str, widget=None) -> None:
        settle(0.3)
        screen = QGuiApplication.primaryScreen()
        if QGuiApplication.platformName() == "xcb":
            picture = screen.grabWindow(0)
        else:
            picture = (widget or window).grab()
        path = args.out / f"{args.lang}-{name}.png"
        picture.save(str(path))
        print(path)

    settle(args.wait)
    for spec in screens_for(actor):
        if wanted and spec.key not in wanted:
            continue
        screen = window.open_screen(spec.key)
        settle(args.wait)
        shot(spec.key)
        if spec.key == "settings" and hasattr(screen, "security"):
            from PySide6.QtWidgets import QScrollArea
            scroll = screen.findChild(QScrollArea)
            if scroll is not None:                  # the owner's part below the fold
                scroll.ensureWidgetVisible(screen.security)
                shot("settings-security")

    if not wanted:
        # a dialog shows modal: take the picture from a timer while it is up
        def take_dialog(name: str) -> None:
            dialog = app.activeModalWidget()
            shot(name, dialog)
            if isinstance(dialog, QDialog):
                dialog.reject()

        from desktop.ui.password_dialog import ChangePasswordDialog
        QTimer.singleShot(800, lambda: take_dialog("change-password"))
        ChangePasswordDialog(engine, actor, window).exec()
        window.idle_lock.lock()
        settle(args.wait)
        shot("locked")
    engine.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
