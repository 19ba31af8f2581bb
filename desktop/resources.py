"""Files shipped with the program (resources/), found beside the source tree
or inside a frozen build (PyInstaller unpacks them under sys._MEIPASS).

No Qt here: the printing code and the command line use it too.
"""
from __future__ import annotations

import sys
from pathlib import Path


def resources_dir() -> Path:
    """resources/ of the source tree, or of a frozen build."""
    base = getattr(sys, "_MEIPASS", None)
    if base:
        return Path(base) / "resources"
    return Path(__file__).resolve().parents[1] / "resources"


def resource_path(relative: str) -> Path:
    """A file under resources/, e.g. resource_path("fonts/wqy-microhei.ttc")."""
    return resources_dir() / relative
