"""The language of the screens: English source strings, Chinese from a .qm.

$STOREKEEPER_LANG (zh_CN, en, ...) wins; then the language chosen in
Settings (desktop.config, per computer); otherwise the system locale. A
language without a catalogue falls back to English.

install() also makes that locale QLocale's default (zh_CN; en_US for English),
which is what desktop.ui.formats writes numbers, money and dates by, and what
printed documents take their language from (print_actions.print_language).
"""
from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator


def resources_dir() -> Path:
    """resources/ of the source tree (or of a frozen build)."""
    base = getattr(sys, "_MEIPASS", None)
    if base:
        return Path(base) / "resources"
    return Path(__file__).resolve().parents[2] / "resources"


TRANSLATIONS = resources_dir() / "translations"


def configured_language() -> str:
    """The language saved in Settings ("zh_CN", "en"), or "" for the system's."""
    try:
        from desktop import config
        return config.load().language
    except Exception:  # the screens must come up whatever the settings file holds
        return ""


def wanted_locale() -> QLocale:
    name = os.environ.get("STOREKEEPER_LANG", "").strip() or configured_language()
    return QLocale(name) if name else QLocale.system()


def install(app: QCoreApplication, locale: QLocale | None = None) -> str:
    """Load the catalogues for `locale` into the app; returns the language used ('en', 'zh_CN')."""
    locale = locale or wanted_locale()
    for old in getattr(app, "_storekeeper_translators", []):
        app.removeTranslator(old)
    loaded: list[QTranslator] = []
    ours = QTranslator(app)
    if locale.language() != QLocale.Language.English and \
            ours.load(locale, "storekeeper", "_", str(TRANSLATIONS)):
        loaded.append(ours)
        qt = QTranslator(app)  # Qt's own strings: OK, Cancel, context menus
        if qt.load(locale, "qtbase", "_", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
            loaded.append(qt)
    for t in loaded:
        app.installTranslator(t)
    app._storekeeper_translators = loaded  # keep them alive with the app
    if loaded:
        QLocale.setDefault(locale)
        return locale.name()
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    return "en"
