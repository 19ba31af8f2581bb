"""The app icon's files, made from resources/icons/storekeeper.svg.

    .venv/bin/python packaging/make_icons.py [--out resources/icons]

Renders the SVG with Qt (QtSvg) to storekeeper-<size>.png for every size in
SIZES, then writes the Windows storekeeper.ico (16 to 256 px) and the macOS
storekeeper.icns (32 to 1024 px) from those renderings with Pillow. Each size
is rendered from the SVG, never scaled down from a bigger picture, so the small
ones stay sharp. Pillow is a build-time tool here (the `dev` extra), not
something the app needs; the app reads only the PNGs (desktop/ui/style.py).

Run it again after changing the SVG and commit what it writes.
"""
from __future__ import annotations

import argparse
import io
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCE = ROOT / "resources" / "icons" / "storekeeper.svg"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)       # 256 is the largest an .ico holds
ICNS_SIZES = (32, 64, 128, 256, 512, 1024)       # what Pillow's .icns writer stores


def render(svg: Path, size: int):
    """The SVG drawn on a transparent size x size QImage."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"error: cannot read {svg} as SVG")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter)
    painter.end()
    return image.convertToFormat(QImage.Format.Format_ARGB32)


def png_bytes(image) -> bytes:
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice

    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, "PNG"):
        raise SystemExit("error: Qt could not encode a PNG")
    buffer.close()
    return bytes(data.data())


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--svg", type=Path, default=SOURCE, help="the source drawing")
    ap.add_argument("--out", type=Path, default=SOURCE.parent, help="where the files go")
    args = ap.parse_args(argv)

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication
    try:
        from PIL import Image
    except ImportError:
        print("error: Pillow is needed to write .ico and .icns: pip install -e '.[dev]'",
              file=sys.stderr)
        return 1

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])   # QPainter wants one
    args.out.mkdir(parents=True, exist_ok=True)
    pictures: dict[int, Image.Image] = {}
    for size in sorted(set(SIZES) | set(ICO_SIZES) | set(ICNS_SIZES)):
        data = png_bytes(render(args.svg, size))
        pictures[size] = Image.open(io.BytesIO(data)).convert("RGBA")
        if size in SIZES:
            path = args.out / f"storekeeper-{size}.png"
            pictures[size].save(path, "PNG", optimize=True)
            print(path)

    ico = args.out / "storekeeper.ico"
    largest = max(ICO_SIZES)
    pictures[largest].save(ico, "ICO", sizes=[(s, s) for s in ICO_SIZES],
                           append_images=[pictures[s] for s in ICO_SIZES if s != largest])
    print(ico)

    icns = args.out / "storekeeper.icns"
    largest = max(ICNS_SIZES)
    pictures[largest].save(icns, "ICNS",
                           append_images=[pictures[s] for s in ICNS_SIZES if s != largest])
    print(icns)
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
