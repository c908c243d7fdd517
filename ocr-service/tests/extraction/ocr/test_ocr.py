"""Image clean-up and the OCR engine on generated tickets with known content."""

import io
import uuid

import numpy as np
import pypdfium2 as pdfium
import pytest
from PIL import Image, ImageDraw

from ocr_service.config import Settings
from ocr_service.extraction.documents import Upload
from ocr_service.extraction.ocr import image_prep
from ocr_service.extraction.ocr.engines import get_engine
from ocr_service.extraction.ocr.layout import Word, words_to_lines
from ocr_service.extraction.pipeline import process_ticket
from tests.factory import SIMPLE_TICKET, ticket_pdf


def ticket_image(scale: float = 4.0) -> Image.Image:
    document = pdfium.PdfDocument(ticket_pdf(SIMPLE_TICKET))
    image = document[0].render(scale=scale, grayscale=True).to_pil()
    return image.crop((0, 0, image.width, int(image.height * 0.15)))


@pytest.mark.parametrize("angle", [-3.0, -1.2, 0.0, 2.4])
def test_skew_is_measured_within_half_a_degree(angle):
    tilted = ticket_image().rotate(angle, resample=Image.BICUBIC, expand=True, fillcolor=255)
    assert abs(image_prep.estimate_skew(tilted) - angle) <= 0.5


def test_small_print_is_enlarged_to_the_target_line_height():
    small = ticket_image(scale=2.5)
    scaled, factor = image_prep.normalise_scale(small)
    assert factor > 1.2
    assert image_prep.line_height(scaled) == pytest.approx(image_prep.TARGET_LINE_HEIGHT_PX, rel=0.3)


def ticket_on_a_dusty_page(ticket: Image.Image, at: tuple[int, int]) -> Image.Image:
    """A flatbed scan of a small ticket on an A4 page (200 dpi), with dust specks all over it."""
    page = Image.new("L", (1654, 2339), 255)
    page.paste(ticket, at)
    draw = ImageDraw.Draw(page)
    rng = np.random.default_rng(3)
    for x, y in rng.integers(0, (page.width, page.height), size=(150, 2)):
        size = int(rng.integers(2, 6))
        draw.ellipse((int(x), int(y), int(x) + size, int(y) + size), fill=int(rng.integers(0, 120)))
    return page


def test_a_ticket_scanned_on_a_larger_page_is_cut_out_of_it():
    ticket = ticket_image(scale=2.0)
    page = ticket_on_a_dusty_page(ticket, (900, 300))
    cut = image_prep.crop_to_print(page)
    assert cut.width * cut.height < 0.2 * page.width * page.height
    assert cut.width >= ticket.width * 0.9 and cut.height >= ticket.height  # none of the print is lost


def test_a_page_that_is_all_ticket_is_not_cut():
    ticket = ticket_image(scale=2.0)
    full = Image.new("L", (ticket.width, ticket.height * 6), 255)
    for row in range(6):
        full.paste(ticket, (0, row * ticket.height))
    assert image_prep.crop_to_print(full).size == full.size


def test_a_dusty_a4_scan_of_a_small_ticket_is_prepared_as_the_ticket_and_read():
    document = pdfium.PdfDocument(ticket_pdf(SIMPLE_TICKET))
    rendered = document[0].render(scale=200 / 72 * 0.9, grayscale=True).to_pil()
    ticket = rendered.crop((0, 0, rendered.width, int(rendered.height * 0.15)))
    page = ticket_on_a_dusty_page(ticket, (120, 1500))
    prepared, info = image_prep.prepare(page)
    assert prepared.width * prepared.height < 0.3 * page.width * page.height * info["scale"] ** 2
    buffer = io.BytesIO()
    page.save(buffer, format="PNG")
    answer = process_ticket(uuid.uuid4(), Upload("scan.png", buffer.getvalue()), Settings(api_key="k"))
    assert str(answer.total) == "2.15"
    assert answer.date.isoformat() == "2024-03-14"


def test_lines_printed_with_no_blank_row_between_them_are_not_measured_as_one_tall_line():
    ticket = ticket_image(scale=2.0)
    pixels = np.asarray(ticket)
    rows = [pixels[y:y + 1] for y in range(ticket.height) if (pixels[y] < 128).mean() > 0.05]
    gap = np.full((12, ticket.width), 255, dtype=np.uint8)
    packed = Image.fromarray(np.vstack((rows + [gap]) * 3))  # three blocks of lines that touch
    assert image_prep.line_height(ticket) is not None
    assert image_prep.line_height(packed) is None
    assert image_prep.normalise_scale(packed)[1] == 1.0  # left at its size, not shrunk


def test_boxes_are_grouped_into_lines_left_to_right():
    words = [Word("2,15", 300, 340, 52, 70), Word("TOTAL", 10, 80, 50, 68), Word("LECHE", 10, 80, 10, 28)]
    assert words_to_lines(words) == "LECHE\nTOTAL   2,15"


def test_tesseract_reads_a_tilted_photo_of_a_generated_ticket():
    tilted = ticket_image().rotate(2.0, resample=Image.BICUBIC, expand=True, fillcolor=255).convert("RGB")
    buffer = io.BytesIO()
    tilted.save(buffer, format="JPEG", quality=85)
    answer = process_ticket(uuid.uuid4(), Upload("photo.jpg", buffer.getvalue()), Settings(api_key="k"))
    assert answer.source == "ocr"
    assert str(answer.total) == "2.15"
    assert answer.date.isoformat() == "2024-03-14"
    assert answer.shop.tax_id == "B12345674"
    assert get_engine("tesseract").version().startswith("tesseract 5")


def test_tesseract_reads_in_the_worker_and_says_where_its_models_are_missing(tmp_path, monkeypatch):
    from ocr_service.extraction.ocr.engines import OcrUnavailable, TesseractEngine

    engine = TesseractEngine("spa+eng")
    assert engine.languages == "spa+eng"
    assert "SUPERMERCADO EJEMPLO" in engine.read(ticket_image())
    assert "SUPERMERCADO EJEMPLO" in engine.read(ticket_image()), "the same engine reads a second page"
    monkeypatch.setenv("TESSDATA_PREFIX", str(tmp_path))
    with pytest.raises(OcrUnavailable, match=str(tmp_path)):
        TesseractEngine("spa+eng")
