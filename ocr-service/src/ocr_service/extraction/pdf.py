"""PDF access through PDFium: open within limits, read the text layer page by page."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager

import pypdfium2 as pdfium
from PIL import Image

from ocr_service.errors import PayloadTooLarge, Unprocessable
from ocr_service.extraction.deadline import Deadline
from ocr_service.extraction.documents import Upload
from ocr_service.extraction.locating import LocatedLine
from ocr_service.extraction.ocr.layout import Word, line_groups

# PDFium keeps global state and is not thread-safe; one worker may run a few requests in threads.
PDFIUM_LOCK = threading.RLock()

PDFIUM_VERSION = f"pdfium {pdfium.version.PDFIUM_INFO.build} / pypdfium2 {pdfium.version.PYPDFIUM_INFO.version}"


@contextmanager
def open_pdf(upload: Upload, max_pages: int) -> Iterator[pdfium.PdfDocument]:
    """Yield an open document (holding the PDFium lock), or refuse with the reason."""
    with PDFIUM_LOCK:
        try:
            document = pdfium.PdfDocument(upload.data)
        except pdfium.PdfiumError as exc:
            if "password" in str(exc).lower():
                raise Unprocessable(
                    f"'{upload.file_name}' is protected by a password; save an unprotected copy and import that.",
                    code="encrypted_pdf",
                ) from exc
            raise Unprocessable(
                f"'{upload.file_name}' is a damaged or truncated PDF that cannot be opened ({exc}).",
                code="unreadable_pdf",
            ) from exc
        try:
            pages = len(document)
            if pages == 0:
                raise Unprocessable(f"'{upload.file_name}' is a PDF without pages.", code="unreadable_pdf")
            if pages > max_pages:
                raise PayloadTooLarge(
                    f"'{upload.file_name}' has {pages} pages; a ticket may have at most {max_pages}.",
                    code="too_many_pages",
                )
            yield document
        finally:
            document.close()


def page_texts(document: pdfium.PdfDocument, deadline: Deadline) -> list[str]:
    """The text layer of every page, in PDFium's reading order (lines keep their columns)."""
    texts = []
    for index in range(len(document)):
        deadline.check()
        page = document[index]
        try:
            textpage = page.get_textpage()
            try:
                # PDFium ends lines with CRLF; the parsers work on plain newlines.
                texts.append(textpage.get_text_bounded().replace("\r\n", "\n").replace("\r", "\n"))
            finally:
                textpage.close()
        finally:
            page.close()
    return texts


def page_lines(document: pdfium.PdfDocument) -> list[LocatedLine]:
    """The text layer's printed lines and where they are: PDFium's text runs (one font, one line;
    a letter-spaced font makes a run of each letter) grouped into lines as OCR boxes are, each line
    read back from its box so that PDFium spaces its words; page-relative boxes from the top left."""
    found = []
    for index in range(len(document)):
        page = document[index]
        try:
            width, height = page.get_size()
            textpage = page.get_textpage()
            try:
                # The runs' places alone group them into lines; each line's text is read once, from its box
                # (reading every run's text cost more than the rest of a text-layer ticket's extraction).
                runs = [textpage.get_rect(i) for i in range(textpage.count_rects())]
                words = [Word("", run[0], run[2], height - run[3], height - run[1]) for run in runs]
                for group in line_groups(words):
                    left, right = min(words[i].left for i in group), max(words[i].right for i in group)
                    top, bottom = min(words[i].top for i in group), max(words[i].bottom for i in group)
                    text = " ".join(textpage.get_text_bounded(left, height - bottom, right, height - top).split())
                    if text:
                        box = (left / width, top / height, right / width, bottom / height)
                        found.append(LocatedLine(index, text, _shares(box)))
            finally:
                textpage.close()
        finally:
            page.close()
    return found


def _shares(box: tuple[float, float, float, float]) -> tuple[float, float, float, float]:
    left, top, right, bottom = (round(min(max(v, 0.0), 1.0), 4) for v in box)
    return left, top, right, bottom


# Rendering resolution for pages without a text layer: an embedded scan is rendered at its own
# resolution (within these bounds); vector-drawn pages at the default.
DEFAULT_RENDER_DPI = 300
RENDER_DPI_BOUNDS = (150, 400)


def _native_dpi(page: pdfium.PdfPage) -> float | None:
    """Resolution of the largest image on the page (a scan is one big image)."""
    best: tuple[float, float] | None = None
    for obj in page.get_objects(filter=(pdfium.raw.FPDF_PAGEOBJ_IMAGE,)):
        left, bottom, right, top = obj.get_bounds()
        width_pt = right - left
        if width_pt <= 0:
            continue
        pixels_wide = obj.get_px_size()[0]
        area = width_pt * (top - bottom)
        if best is None or area > best[0]:
            best = (area, pixels_wide / (width_pt / 72))
    return best[1] if best else None


def render_page(document: pdfium.PdfDocument, index: int, max_pixels: int) -> Image.Image:
    """One page as a grey image, at the resolution its content deserves and within the pixel limit."""
    page = document[index]
    try:
        dpi = _native_dpi(page) or DEFAULT_RENDER_DPI
        dpi = min(max(dpi, RENDER_DPI_BOUNDS[0]), RENDER_DPI_BOUNDS[1])
        width_pt, height_pt = page.get_size()
        pixels = (width_pt * dpi / 72) * (height_pt * dpi / 72)
        if pixels > max_pixels:
            dpi *= (max_pixels / pixels) ** 0.5
        bitmap = page.render(scale=dpi / 72, grayscale=True)
        try:
            image: Image.Image = bitmap.to_pil().copy()
            return image
        finally:
            bitmap.close()
    finally:
        page.close()
