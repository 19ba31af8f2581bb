"""Storekeeper: `python main.py` opens the desktop app; `python main.py COMMAND ...` runs headless.

See README.md ("Command line") and ../shared/CLI.md.
"""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

if __name__ == "__main__":
    if getattr(sys, "frozen", False):  # the PyInstaller bundle (packaging/storekeeper.spec)
        import multiprocessing
        multiprocessing.freeze_support()  # db.seed and db.bench start worker processes
    from desktop.cli import main
    sys.exit(main())
