"""The app's look: Fusion, one palette, the base font, one stylesheet, the icon.

`apply(app)` is called once, right after the QApplication is made and before
any window (desktop.ui.app, packaging/screenshots.py), so every widget starts
from the same font and colours.

- Palette: a calm grey-white window, white fields and lists, near-black text,
  one accent (teal, ACCENT) for the selection, focus and primary (default)
  buttons; disabled text is a mid grey that still reads (about 4:1).
- Font: the platform's own UI font (it carries the Chinese glyphs or falls back
  to the system's CJK font), with a Chinese UI face put next in line where one
  is installed, at BASE_POINT_SIZE or larger on Windows and Linux: readable on a
  1366x768 screen. macOS keeps its own size. No font file is loaded.
- Stylesheet (STYLESHEET): what the screens share: the screen headings
  (objectName "screenHeading"), error labels ("error", widgets.error_label),
  group boxes, push buttons (the default one in the accent), the status bar and
  the navigation list's background.
- The named colours below are what the screens use for errors, good news,
  warnings and quiet notes; use them rather than writing a colour in a screen.
"""
from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtGui import QColor, QFont, QFontDatabase, QFontInfo, QIcon, QPalette
from PySide6.QtWidgets import QApplication, QStyleFactory

from desktop.ui.i18n import resources_dir

# -- the palette ----------------------------------------------------------------
WINDOW = "#f3f4f6"          # the window's background
BASE = "#ffffff"            # fields, lists, tables
ALTERNATE_BASE = "#f6f8fa"  # every other row of a list
TEXT = "#1f2933"            # text: 13:1 on WINDOW
BUTTON = "#fbfcfd"
BORDER = "#c5cbd3"          # frames of buttons and group boxes
STATUS_BAR = "#e8ebef"
NAVIGATION = "#eaeef2"      # the navigation list's background
ACCENT = "#0e7490"          # selection, focus, primary buttons: white on it 5.4:1
ACCENT_DARK = "#155e75"     # headings, links, a pressed primary button
ACCENT_LIGHT = "#d8eef3"    # a hover, a highlighted row that is not the selection
HOVER = "#edf1f4"
PRESSED = "#dce3e9"
DISABLED_TEXT = "#727a85"   # 3.9:1 on WINDOW, 4.3:1 on BASE
DISABLED_BUTTON = "#eceef1"
DISABLED_BORDER = "#d6dae0"
PLACEHOLDER = "#6b7280"

# -- what the screens say with colour ---------------------------------------------
ERROR = "#b00020"           # refusals, errors, overdue, alert counts (7.3:1 on white)
GOOD = "#1b7f3b"            # a test that passed, the change to give
WARNING = "#9a6700"         # a warning that does not stop anything
MUTED = "#5f6b7a"           # quiet notes, accounts that cannot sign in

ERROR_STYLE = f"color: {ERROR};"

BASE_POINT_SIZE = 10.0
# Chinese UI faces, tried in this order after the platform's UI font (only the
# installed ones are used): Windows, macOS, then the common Linux ones.
CJK_FAMILIES = ("Microsoft YaHei UI", "Microsoft YaHei", "PingFang SC",
                "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei",
                "Droid Sans Fallback")

ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)

STYLESHEET = f"""
QLabel#screenHeading {{ color: {ACCENT_DARK}; padding-bottom: 2px; }}
QLabel#error {{ color: {ERROR}; }}

QStatusBar {{ background: {STATUS_BAR}; border-top: 1px solid {BORDER}; color: {TEXT}; }}
QStatusBar::item {{ border: none; }}

QListWidget#navigation {{ background: {NAVIGATION}; border: none;
                          border-right: 1px solid {BORDER}; }}
QListWidget#navigation::item:hover:!selected {{ background: {ACCENT_LIGHT}; }}

QGroupBox {{ background: {BASE}; border: 1px solid {BORDER}; border-radius: 6px;
            margin-top: 1.6em; padding: 4px 2px 2px 2px; }}
QGroupBox::title {{ subcontrol-origin: margin; subcontrol-position: top left;
                   left: 8px; top: 0.3em; padding: 0 2px; color: {ACCENT_DARK}; }}

QPushButton {{ background: {BUTTON}; color: {TEXT}; border: 1px solid {BORDER};
              border-radius: 4px; padding: 4px 12px; min-width: 3em; }}
QPushButton:hover {{ background: {HOVER}; border-color: {ACCENT}; }}
QPushButton:focus {{ border-color: {ACCENT}; }}
QPushButton:pressed {{ background: {PRESSED}; }}
QPushButton:disabled {{ background: {DISABLED_BUTTON}; color: {DISABLED_TEXT};
                       border-color: {DISABLED_BORDER}; }}
QPushButton:default {{ background: {ACCENT}; color: #ffffff; border-color: {ACCENT_DARK}; }}
QPushButton:default:hover, QPushButton:default:pressed {{ background: {ACCENT_DARK}; }}
QPushButton:default:disabled {{ background: {DISABLED_BUTTON}; color: {DISABLED_TEXT};
                               border-color: {DISABLED_BORDER}; }}
QPushButton:flat {{ background: transparent; border-color: transparent; }}
QPushButton:flat:hover {{ background: {HOVER}; }}
QPushButton::menu-indicator {{ subcontrol-origin: padding; subcontrol-position: center right;
                              right: -6px; }}

QDialogButtonBox {{ dialogbuttonbox-buttons-have-icons: 0; }}

QStatusBar QToolButton {{ background: {BUTTON}; color: {TEXT}; border: 1px solid {BORDER};
                         border-radius: 4px; padding: 3px 10px; }}
QStatusBar QToolButton:hover {{ background: {HOVER}; border-color: {ACCENT}; }}
QStatusBar QToolButton:pressed {{ background: {PRESSED}; }}
QToolButton#accountButton {{ padding-right: 20px; }}
QToolButton#accountButton::menu-indicator {{ subcontrol-origin: padding;
                                            subcontrol-position: center right; right: 6px; }}

QToolTip {{ color: {TEXT}; background: {BASE}; border: 1px solid {BORDER}; padding: 3px; }}
"""


def palette() -> QPalette:
    """The one palette: Fusion derives its bevels (light, mid, dark) from button and window."""
    pal = QPalette(QColor(BUTTON), QColor(WINDOW))
    colours = {
        QPalette.ColorRole.Window: WINDOW,
        QPalette.ColorRole.WindowText: TEXT,
        QPalette.ColorRole.Base: BASE,
        QPalette.ColorRole.AlternateBase: ALTERNATE_BASE,
        QPalette.ColorRole.Text: TEXT,
        QPalette.ColorRole.Button: BUTTON,
        QPalette.ColorRole.ButtonText: TEXT,
        QPalette.ColorRole.BrightText: "#ffffff",
        QPalette.ColorRole.Highlight: ACCENT,
        QPalette.ColorRole.HighlightedText: "#ffffff",
        QPalette.ColorRole.Accent: ACCENT,
        QPalette.ColorRole.Link: ACCENT_DARK,
        QPalette.ColorRole.LinkVisited: ACCENT_DARK,
        QPalette.ColorRole.ToolTipBase: BASE,
        QPalette.ColorRole.ToolTipText: TEXT,
        QPalette.ColorRole.PlaceholderText: PLACEHOLDER,
    }
    for role, colour in colours.items():
        pal.setColor(role, QColor(colour))        # every group: active, inactive, disabled
    disabled = QPalette.ColorGroup.Disabled
    for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text,
                 QPalette.ColorRole.ButtonText, QPalette.ColorRole.PlaceholderText):
        pal.setColor(disabled, role, QColor(DISABLED_TEXT))
    pal.setColor(disabled, QPalette.ColorRole.Base, QColor(WINDOW))
    pal.setColor(disabled, QPalette.ColorRole.Button, QColor(DISABLED_BUTTON))
    pal.setColor(disabled, QPalette.ColorRole.Highlight, QColor("#9aa3ad"))
    return pal


def base_font(system: QFont) -> QFont:
    """The platform's UI font at a readable size, a Chinese UI face next in line."""
    font = QFont(system)
    if sys.platform != "darwin" and 0 < font.pointSizeF() < BASE_POINT_SIZE:
        font.setPointSizeF(BASE_POINT_SIZE)     # a larger system setting is kept
    families = [QFontInfo(font).family()]     # the face behind an alias ("Sans Serif")
    families += [f for f in CJK_FAMILIES
                 if f not in families and QFontDatabase.hasFamily(f)]
    font.setFamilies(families)
    return font


def icon_files() -> list[Path]:
    """The PNG renderings of resources/icons/storekeeper.svg (packaging/make_icons.py)."""
    folder = resources_dir() / "icons"
    return [folder / f"storekeeper-{size}.png" for size in ICON_SIZES]


def app_icon() -> QIcon:
    """The app's icon, every size drawn for its own size; null if the files are missing."""
    icon = QIcon()
    for path in icon_files():
        if path.is_file():
            icon.addFile(str(path))
    return icon


def apply(app: QApplication) -> None:
    """Fusion, the palette, the base font, the stylesheet and the window icon, app-wide."""
    fusion = QStyleFactory.create("Fusion")
    if fusion is not None:
        app.setStyle(fusion)
    app.setPalette(palette())
    app.setFont(base_font(QApplication.font()))
    app.setStyleSheet(STYLESHEET)
    icon = app_icon()
    if not icon.isNull():
        app.setWindowIcon(icon)
    if sys.platform == "win32":
        _own_taskbar_entry()


def _own_taskbar_entry() -> None:
    """Windows groups a script's windows under python.exe's icon unless the process
    names its own app (a frozen .exe carries the .ico itself)."""
    try:
        import ctypes
        ctypes.windll.shell32.SetCurrentProcessExplicitAppUserModelID("Storekeeper.Storekeeper")
    except (AttributeError, OSError):
        pass
