"""Windows version information for storekeeper.exe, filled from pyproject.toml.

packaging/storekeeper.spec writes write_version_file() under build/ and passes
it as EXE(version=...) when it builds on Windows, so Explorer's Properties → Details and the installer show
the version of pyproject.toml, never a number typed twice. Run as a script it
prints the resource in PyInstaller's text form (what `pyi-grab_version`
writes), for looking at or for a `--version-file` given by hand:

    .venv/bin/python packaging/version_info.py > build/file_version_info.txt

Plain text, no PyInstaller import (its version-resource classes need pefile,
which is installed on Windows only), so this runs and is checked on any OS;
only the EXE step on Windows embeds the result.
"""
from __future__ import annotations

import re
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

COMPANY = "Storekeeper"
PRODUCT = "Storekeeper"
DESCRIPTION = "Storekeeper: purchase, sales and stock (进销存)"
COPYRIGHT = "© Storekeeper contributors"


def project_version(root: Path = ROOT) -> str:
    """[project] version of pyproject.toml, e.g. "0.1.0"."""
    with open(root / "pyproject.toml", "rb") as f:
        return tomllib.load(f)["project"]["version"]


def version_tuple(version: str) -> tuple[int, int, int, int]:
    """"1.2.3", "1.2", "1.2.3rc1", "1.2.3.post4" as the four 16-bit numbers Windows wants."""
    numbers = [int(n) for n in re.findall(r"\d+", version.split("+")[0])[:4]]
    numbers += [0] * (4 - len(numbers))
    if any(n > 0xFFFF for n in numbers):
        raise ValueError(f"version {version!r} does not fit a Windows version resource")
    return tuple(numbers)  # type: ignore[return-value]


TEMPLATE = """\
# UTF-8
# Windows version resource for {exe_name}, written by packaging/version_info.py
# from pyproject.toml (version {version}). PyInstaller reads this form.
VSVersionInfo(
  ffi=FixedFileInfo(
    filevers={numbers},
    prodvers={numbers},
    mask=0x3f,
    flags=0x0,
    OS=0x40004,
    fileType=0x1,
    subtype=0x0,
    date=(0, 0)
  ),
  kids=[
    StringFileInfo([
      StringTable(
        '040904B0',
        [StringStruct('CompanyName', {company!r}),
         StringStruct('FileDescription', {description!r}),
         StringStruct('FileVersion', {dotted!r}),
         StringStruct('InternalName', {internal!r}),
         StringStruct('LegalCopyright', {copyright!r}),
         StringStruct('OriginalFilename', {exe_name!r}),
         StringStruct('ProductName', {product!r}),
         StringStruct('ProductVersion', {version!r})])
    ]),
    VarFileInfo([VarStruct('Translation', [1033, 1200])])
  ]
)
"""


def version_text(version: str | None = None, exe_name: str = "storekeeper.exe") -> str:
    """The version resource in PyInstaller's text form (OS 0x40004: Windows NT; type 1:
    an application; 040904B0 and [1033, 1200]: U.S. English, Unicode)."""
    version = version or project_version()
    numbers = version_tuple(version)
    return TEMPLATE.format(exe_name=exe_name, version=version, numbers=numbers,
                           dotted=".".join(str(n) for n in numbers),
                           internal=exe_name.rsplit(".", 1)[0], company=COMPANY,
                           description=DESCRIPTION, copyright=COPYRIGHT, product=PRODUCT)


def write_version_file(path: Path, version: str | None = None,
                       exe_name: str = "storekeeper.exe") -> Path:
    """Write version_text() to path (the spec: under build/) and return it, for EXE(version=path)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(version_text(version, exe_name), encoding="utf-8")
    return path


if __name__ == "__main__":
    print(version_text(sys.argv[1] if len(sys.argv) > 1 else None), end="")
