"""Storekeeper: `python main.py` opens the desktop app; `python main.py COMMAND ...` runs headless.

See README.md ("Command line") and ../shared/CLI.md.
"""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from desktop.cli import run  # noqa: E402

if __name__ == "__main__":
    sys.exit(run())
