"""Preview and printing through QtPdf: what the printer gets is the PDF's own pages,
at their own sizes, looking as they do on screen and in the file."""
from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter
from reportlab.lib.pagesizes import A5
from reportlab.pdfgen import canvas

from desktop.ui.print_preview import PrintPreview, print_pdf

MM = 72 / 25.4
needs_poppler = pytest.mark.skipif(shutil.which("pdftoppm") is None,
                                   reason="poppler-utils (pdftoppm, pdfinfo) not installed")


def two_pages(path: Path) -> Path:
    """A 58 mm roll page, then an A5 page, each with a black block and text."""
    c = canvas.Canvas(str(path), pagesize=(58 * MM, 120 * MM))
    c.rect(10, 10, 100, 50, stroke=0, fill=1)
    c.drawString(20, 200, "ROLL PAGE")
    c.showPage()
    c.setPageSize(A5)
    c.rect(100, 100, 200, 30, stroke=0, fill=1)
    c.drawString(50, 400, "A5 PAGE")
    c.showPage()
    c.save()
    return path


def to_file_printer(path: Path) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    return printer


def page_sizes(pdf: Path) -> list[tuple[float, float]]:
    out = subprocess.run(["pdfinfo", "-f", "1", "-l", "99", str(pdf)], capture_output=True,
                         text=True, check=True).stdout
    sizes = []
    for line in out.splitlines():
        if line.startswith("Page") and "size:" in line:
            w, _x, h = line.split("size:")[1].split()[:3]
            sizes.append((float(w), float(h)))
    return sizes


def raster(pdf: Path, stem: Path):
    from PIL import Image
    subprocess.run(["pdftoppm", "-r", "40", "-gray", "-png", str(pdf), str(stem)], check=True)
    return [Image.open(p).convert("L") for p in sorted(stem.parent.glob(stem.name + "-*.png"))]


@needs_poppler
def test_paper_matches_the_file_page_by_page(qtbot, tmp_path):
    original = two_pages(tmp_path / "in.pdf")
    document = QPdfDocument()
    document.load(str(original))
    printed = tmp_path / "printed.pdf"
    assert print_pdf(document, to_file_printer(printed)) == 2

    for (w0, h0), (w1, h1) in zip(page_sizes(original), page_sizes(printed), strict=True):
        assert abs(w0 - w1) < 1.5 and abs(h0 - h1) < 1.5      # each page at its own size
    from PIL import ImageChops, ImageStat
    want, got = raster(original, tmp_path / "a"), raster(printed, tmp_path / "b")
    assert len(want) == len(got) == 2
    for a, b in zip(want, got):
        assert a.size == b.size
        assert ImageStat.Stat(ImageChops.difference(a, b)).mean[0] < 4    # the same marks
        assert ImageStat.Stat(b).mean[0] < 254                            # and not blank


def test_the_preview_shows_every_page_and_saves_the_same_file(qtbot, tmp_path):
    original = two_pages(tmp_path / "in.pdf")
    preview = PrintPreview(original, "invoice", "Invoice")
    qtbot.addWidget(preview)
    preview.show()
    assert preview.document.pageCount() == 2
    assert "2" in preview.pages.text()
    saved = preview.save_as(str(tmp_path / "copy"))
    assert saved.endswith("copy.pdf") and Path(saved).read_bytes() == original.read_bytes()


def test_print_now_goes_to_the_printer_without_a_dialog(qtbot, tmp_path):
    original = two_pages(tmp_path / "in.pdf")
    preview = PrintPreview(original, "labels", "Labels")
    qtbot.addWidget(preview)
    out = tmp_path / "paper.pdf"
    with qtbot.waitSignal(preview.printed) as got:
        assert preview.print_document(ask=False, printer=to_file_printer(out)) == 2
    assert got.args == [2] and out.stat().st_size > 0


def test_a_file_goes_straight_to_the_printer_from_a_worker_thread(qtbot, tmp_path):
    """As a receipt after checkout: laid out and printed off the GUI thread."""
    from concurrent.futures import ThreadPoolExecutor

    from desktop.ui.print_preview import print_file
    original = two_pages(tmp_path / "in.pdf")
    out = tmp_path / "paper.pdf"
    with ThreadPoolExecutor(1) as pool:
        pages = pool.submit(lambda: print_file(original, "receipt", to_file_printer(out))).result()
    assert pages == 2 and len(page_sizes(out)) == 2 if shutil.which("pdfinfo") else pages == 2
    with pytest.raises(OSError):
        print_file(tmp_path / "missing.pdf", "receipt", to_file_printer(out))
