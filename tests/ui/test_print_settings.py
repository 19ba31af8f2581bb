"""Settings for paper: the shop's logo (in the books, audit-logged without its bytes),
and this computer's printers (in its settings file)."""
from __future__ import annotations

import base64
import json

import pytest
from PySide6.QtGui import QColor, QImage
from sqlalchemy import select

from db.masters import get_setting
from db.schema import audit_log
from desktop import config
from desktop.ui.settings_printing import LOGO_MAX_PX, PrintingBox


@pytest.fixture(autouse=True)
def config_file(tmp_path, monkeypatch):
    path = tmp_path / "config" / "config.json"
    monkeypatch.setenv("STOREKEEPER_CONFIG", str(path))
    return path


def box(qtbot, books) -> PrintingBox:
    widget = PrintingBox(books)
    qtbot.addWidget(widget)
    widget.show()
    return widget


def picture(path, width=1200, height=300):
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor("#c00000"))
    assert image.save(str(path))
    return path


def test_a_logo_is_kept_scaled_in_the_books_and_audited_by_its_hash(qtbot, shop, tmp_path):
    widget = box(qtbot, shop.books)
    assert widget.set_logo(str(picture(tmp_path / "logo.jpg")))
    with shop.engine.connect() as conn:
        kept = get_setting(conn, "shop_logo")
        detail = conn.execute(select(audit_log.c.detail).where(audit_log.c.entity_id == "shop_logo")
                              .order_by(audit_log.c.seq.desc())).scalars().first()
    image = QImage.fromData(base64.b64decode(kept))
    assert (image.width(), image.height()) == (LOGO_MAX_PX, 150)     # scaled, proportions kept
    assert kept not in detail and "sha256" in detail
    assert widget.logo.pixmap() is not None and not widget.logo.pixmap().isNull()
    widget.clear_logo()
    with shop.engine.connect() as conn:
        assert get_setting(conn, "shop_logo") == ""


def test_a_file_that_is_not_a_picture_is_refused_by_name(qtbot, shop, tmp_path):
    widget = box(qtbot, shop.books)
    bad = tmp_path / "logo.png"
    bad.write_bytes(b"not a picture at all")
    assert not widget.set_logo(str(bad))
    assert "logo.png" in widget.note.text()
    with shop.engine.connect() as conn:
        assert get_setting(conn, "shop_logo") is None


def test_only_the_owner_changes_the_logo(qtbot, shop):
    widget = box(qtbot, shop.as_user("mia", "manager"))
    assert not widget.choose_logo.isVisible()


def test_printers_are_this_computers(qtbot, shop, config_file):
    widget = box(qtbot, shop.books)
    widget.receipt_mode.setCurrentIndex(widget.receipt_mode.findData("escpos"))
    assert widget.receipt_target.isEnabled()
    assert not widget.save_printers()                               # no target yet
    widget.receipt_target.setText("192.168.1.50:9100")
    widget.receipt_width.setCurrentIndex(widget.receipt_width.findData(58))
    assert widget.save_printers()
    saved = json.loads(config_file.read_text(encoding="utf-8"))
    assert saved["receipt_printer"] == {"kind": "escpos", "target": "192.168.1.50:9100",
                                        "paper_width": 58}
    loaded = config.load()
    assert (loaded.receipt_printer, loaded.escpos_target, loaded.paper_width) == (
        "escpos", "192.168.1.50:9100", 58)
