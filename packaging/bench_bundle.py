"""Figures of the PyInstaller bundle: size, start time, optionally build time.

    .venv/bin/python packaging/bench_bundle.py               # the bundle in dist/storekeeper
    .venv/bin/python packaging/bench_bundle.py --build       # make package first, timed
    .venv/bin/python packaging/bench_bundle.py --dev         # also `python main.py`, to compare

prints one JSON document:

    {"build_s": 35.2 | null, "size_mb": 188.8, "files": 406,
     "smoke_wall_ms_median": 666, "smoke_wall_ms": [...], "first_paint_ms": 204,
     "first_run_wall_ms": 654, "dev_smoke_wall_ms_median": 630 (--dev), ...,
     "load_average": 1.04, "cpus": 2}

The start time is the wall clock of `storekeeper --db sqlite:///... gui --smoke`
(offscreen, the owner signed in, the default screen painted, the process gone),
on a fresh shop made by the bundle's own `init`; one run first warms the disk
cache (its time is first_run_wall_ms), then --runs (5) are timed and the median
given. first_paint_ms is the app's own figure (from main() to the first page
painted), median of the same runs. size_mb is the space the folder takes on
disk, as `du -sm` counts it. Measure on an idle machine: load_average says
whether it was.

tests/packaging/test_bundle.py uses the helpers here too.
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BUNDLE = ROOT / "dist" / "storekeeper"
PASSWORD = "bench-owner-pw"


def executable(bundle: Path = BUNDLE) -> Path:
    """The bundle's program for the command line (on Windows the console one)."""
    if sys.platform.startswith("win"):
        return bundle / "storekeeper-cli.exe"
    return bundle / "storekeeper"


def contents(bundle: Path = BUNDLE) -> Path:
    """Where PyInstaller put everything but the executable (sys._MEIPASS at run time)."""
    inner = bundle / "_internal"
    return inner if inner.is_dir() else bundle


def size_mb(folder: Path) -> float:
    """MiB the folder takes on disk (du -sm), symlinks counted once, as links."""
    total = 0
    for dirpath, dirnames, filenames in os.walk(folder):
        for name in dirnames + filenames:
            st = os.lstat(os.path.join(dirpath, name))
            if name in dirnames and not os.path.islink(os.path.join(dirpath, name)):
                continue
            total += st.st_blocks * 512 if hasattr(st, "st_blocks") else st.st_size
    return round(total / 2 ** 20, 1)


def file_count(folder: Path) -> int:
    return sum(len(files) for _, _, files in os.walk(folder))


def clean_env(home: Path, **extra: str) -> dict[str, str]:
    """The environment of a run: this shop's owner password, offscreen Qt, settings and
    per-user data in home (never the person's own), no $STOREKEEPER_DB."""
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("STOREKEEPER_", "PYTHON")) and k != "QT_QPA_PLATFORM"}
    env.update(STOREKEEPER_PASSWORD=PASSWORD, QT_QPA_PLATFORM="offscreen",
               STOREKEEPER_CONFIG=str(home / "config.json"), XDG_DATA_HOME=str(home / "data"),
               XDG_CONFIG_HOME=str(home / "config"), STOREKEEPER_LANG="zh_CN")
    env.update(extra)
    return env


def run(cmd: list[str], env: dict[str, str], timeout: float = 180) -> subprocess.CompletedProcess:
    return subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=timeout,
                          stdin=subprocess.DEVNULL)


def make_shop(program: list[str], db_file: Path, env: dict[str, str]) -> str:
    """A new shop (`init`) at db_file; returns its URL."""
    url = f"sqlite:///{db_file.as_posix()}"
    done = run([*program, "init", "--db", url, "--shop", "老王杂货店", "--json"], env)
    if done.returncode != 0:
        raise RuntimeError(f"init failed ({done.returncode}): {done.stderr.strip()}")
    return url


def timed_smoke(program: list[str], url: str, env: dict[str, str]) -> tuple[float, dict]:
    """(wall ms, the JSON printed) of one `gui --smoke`."""
    started = time.perf_counter()
    done = run([*program, "--db", url, "gui", "--smoke"], env)
    wall = (time.perf_counter() - started) * 1000
    if done.returncode != 0:
        raise RuntimeError(f"gui --smoke failed ({done.returncode}): {done.stderr.strip()}")
    return wall, json.loads(done.stdout.strip().splitlines()[-1])


def measure(program: list[str], runs: int, home: Path, db_name: str) -> dict:
    env = clean_env(home)
    url = make_shop(program, home / db_name, env)
    first, _ = timed_smoke(program, url, env)
    walls, paints = [], []
    for _ in range(runs):
        wall, shown = timed_smoke(program, url, env)
        walls.append(round(wall))
        paints.append(shown["first_paint_ms"])
    return {"median": round(statistics.median(walls)), "walls": walls,
            "first_paint": round(statistics.median(paints)), "first": round(first)}


def build() -> float:
    started = time.perf_counter()
    subprocess.run(["make", "package"], cwd=ROOT, check=True, stdout=sys.stderr)  # stdout: the JSON
    return round(time.perf_counter() - started, 1)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--build", action="store_true", help="run `make package` first, timed")
    parser.add_argument("--runs", type=int, default=5, help="timed gui --smoke runs (default 5)")
    parser.add_argument("--dev", action="store_true",
                        help="also time `.venv/bin/python main.py ... gui --smoke`")
    parser.add_argument("--bundle", type=Path, default=BUNDLE, help="the one-folder bundle")
    args = parser.parse_args(argv)

    build_s = build() if args.build else None
    program = executable(args.bundle)
    if not program.exists():
        print(f"no bundle at {args.bundle}: run `make package` (or --build)", file=sys.stderr)
        return 1
    result: dict = {"build_s": build_s, "size_mb": size_mb(args.bundle),
                    "files": file_count(args.bundle)}
    with tempfile.TemporaryDirectory(prefix="sk-bench-") as tmp:
        frozen = measure([str(program)], args.runs, Path(tmp), "frozen.db")
        result.update(smoke_wall_ms_median=frozen["median"], smoke_wall_ms=frozen["walls"],
                      first_paint_ms=frozen["first_paint"], first_run_wall_ms=frozen["first"])
        if args.dev:
            dev = measure([sys.executable, str(ROOT / "main.py")], args.runs, Path(tmp), "dev.db")
            result.update(dev_smoke_wall_ms_median=dev["median"], dev_smoke_wall_ms=dev["walls"],
                          dev_first_paint_ms=dev["first_paint"])
    result.update(load_average=round(os.getloadavg()[0], 2) if hasattr(os, "getloadavg") else None,
                  cpus=os.cpu_count())
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
