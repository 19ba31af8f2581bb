"""The Chinese catalogue: complete, current with the sources, compiled."""
from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QTranslator

from desktop.ui.i18n import TRANSLATIONS

ROOT = Path(__file__).resolve().parents[2]
TS = TRANSLATIONS / "storekeeper_zh_CN.ts"
PLACEHOLDER = re.compile(r"\{\w+\}|%p%|<b>|</b>")


def messages(path: Path) -> dict[tuple[str, str], ET.Element]:
    out = {}
    for ctx in ET.parse(path).getroot().iter("context"):
        for msg in ctx.iter("message"):
            out[(ctx.findtext("name"), msg.findtext("source"))] = msg.find("translation")
    return out


def test_every_string_is_translated_with_its_placeholders():
    found = messages(TS)
    assert found
    for (context, source), tr in found.items():
        assert tr.get("type") is None and tr.text, f"{context}: '{source}' is not translated"
        assert sorted(PLACEHOLDER.findall(source)) == sorted(PLACEHOLDER.findall(tr.text)), \
            f"{context}: '{source}' -> '{tr.text}' changes its placeholders"


def tool(name: str) -> str:
    found = shutil.which(name, path=str(Path(sys.executable).parent))
    if found is None:
        pytest.skip(f"{name} is not installed next to this Python")
    return found


def test_the_catalogue_is_current_with_the_sources(tmp_path):
    lupdate = tool("pyside6-lupdate")
    fresh = tmp_path / "fresh.ts"
    sources = sorted(str(p) for p in (ROOT / "desktop" / "ui").rglob("*.py"))
    subprocess.run([lupdate, *sources, "-ts", str(fresh)], check=True, capture_output=True)
    assert set(messages(fresh)) == set(messages(TS)), "run `make translations`"


def test_the_committed_qm_is_compiled_from_the_ts(tmp_path):
    qm = tmp_path / "fresh.qm"
    subprocess.run([tool("pyside6-lrelease"), str(TS), "-qm", str(qm)], check=True,
                   capture_output=True)
    assert qm.read_bytes() == TS.with_suffix(".qm").read_bytes(), "run `make translations`"


def test_the_compiled_catalogue_loads():
    translator = QTranslator()
    assert translator.load(str(TRANSLATIONS / "storekeeper_zh_CN.qm"))
    assert translator.translate("Screens", "Stock") == "库存"
    assert translator.translate("SignInDialog", "Sign in") == "登录"
