"""The app's icon and style (desktop/ui/style.py): the icon files exist and load,
apply() sets Fusion and the window icon, and every screen the owner sees fits a
1366x768 screen with room for a taskbar."""
from __future__ import annotations

import pytest
from PySide6.QtCore import QLocale, QSize
from PySide6.QtGui import QFont, QIcon, QPixmap
from PySide6.QtWidgets import QApplication

from desktop.ui import i18n, style
from desktop.ui.i18n import resources_dir
from desktop.ui.main_window import MainWindow

pytestmark = pytest.mark.parametrize("backend", ["sqlite"])

ICONS = resources_dir() / "icons"
SMALL_SCREEN = QSize(1366, 768 - 60)      # a laptop's screen less a taskbar


def base_style_name(app: QApplication) -> str:
    """The style under the stylesheet (app.style() is then Qt's stylesheet wrapper)."""
    sheet = app.styleSheet()
    app.setStyleSheet("")
    try:
        return app.style().name().lower()
    finally:
        app.setStyleSheet(sheet)


@pytest.fixture
def styled(qapp):
    """style.apply on the test's app, undone afterwards for the tests that follow."""
    before = (base_style_name(qapp), qapp.palette(), QFont(qapp.font()), qapp.styleSheet(),
              qapp.windowIcon())
    style.apply(qapp)
    yield qapp
    name, palette, font, sheet, icon = before
    qapp.setStyleSheet("")
    qapp.setStyle(name)
    qapp.setStyleSheet(sheet)
    qapp.setPalette(palette)
    qapp.setFont(font)
    qapp.setWindowIcon(icon)


def test_the_icon_files_exist_and_load(backend):
    assert (ICONS / "storekeeper.svg").is_file()
    for size in style.ICON_SIZES:
        picture = QPixmap(str(ICONS / f"storekeeper-{size}.png"))
        assert not picture.isNull() and picture.size() == QSize(size, size), size
    icon = style.app_icon()
    assert not icon.isNull()
    sizes = icon.availableSizes()
    assert QSize(16, 16) in sizes and QSize(256, 256) in sizes
    assert not QIcon(str(ICONS / "storekeeper.ico")).isNull()
    assert (ICONS / "storekeeper.icns").read_bytes()[:4] == b"icns"


def test_the_ico_holds_every_small_size(backend):
    image = pytest.importorskip("PIL.Image")
    with image.open(ICONS / "storekeeper.ico") as ico:
        assert {(16, 16), (32, 32), (48, 48), (256, 256)} <= set(ico.info["sizes"])
    with image.open(ICONS / "storekeeper.icns") as icns:
        assert (512, 512, 2) in icns.info["sizes"]


def test_apply_sets_fusion_the_palette_the_font_and_the_icon(backend, qapp, styled):
    qapp.setStyle("Windows")                 # whatever the platform chose, apply() decides
    style.apply(qapp)
    app = QApplication.instance()
    assert base_style_name(app) == "fusion"
    assert not app.windowIcon().isNull()
    assert app.palette().highlight().color().name() == style.ACCENT
    assert app.font().pointSizeF() >= style.BASE_POINT_SIZE
    assert "screenHeading" in app.styleSheet()


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_every_screen_of_the_owner_fits_a_1366x768_screen(qtbot, qapp, styled, stocked,
                                                          backend, language):
    i18n.install(qapp, QLocale(language))
    window = MainWindow(stocked.engine, stocked.owner, "老王杂货店", "shop.db")
    qtbot.addWidget(window)
    window.idle_lock.stop()
    window.show()
    qtbot.waitExposed(window)
    too_big = {}
    for key in window.visible:
        screen = window.open_screen(key)
        qtbot.wait(10)
        need = window.minimumSizeHint()
        if need.width() > SMALL_SCREEN.width() or need.height() > SMALL_SCREEN.height():
            own = screen.minimumSizeHint()
            too_big[key] = (need.width(), need.height(), own.width(), own.height())
    assert not too_big, f"screens larger than {SMALL_SCREEN}: {too_big}"
