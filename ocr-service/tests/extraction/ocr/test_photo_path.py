"""The photo path on phone photos of a generated ticket whose content is known: the picture is told
from a scan, the ticket is cut out of the table and its light flattened, a quarter-turned or
upside-down photo is read in order, and the fields come out right."""

from __future__ import annotations

import dataclasses
import io
import uuid

import numpy as np
import pypdfium2 as pdfium
import pytest
from PIL import Image

from ocr_service.config import Settings
from ocr_service.devtools.phone_photo import Strength, simulate
from ocr_service.extraction.documents import Upload
from ocr_service.extraction.ocr import engines, image_prep, photo_prep
from ocr_service.extraction.pipeline import process_ticket
from tests.factory import SIMPLE_TICKET, ticket_pdf

# A phone photo a person takes in a kitchen: tilted, in perspective, on a dark table, under a lamp
# that leaves a gradient and the shadow of the hand, a little out of focus.
KITCHEN = Strength(ink_grey=50, fade=0.2, curl_px=6, tilt_degrees=5, quarter_turns=0, perspective=0.05,
                   table_share=0.4, gradient=0.3, shadow=0.3, blur_sigma=0.8, jpeg_quality=80)


def printed_ticket() -> np.ndarray:
    page = pdfium.PdfDocument(ticket_pdf(SIMPLE_TICKET))[0].render(scale=5, grayscale=True).to_pil()
    grey = np.asarray(page.convert("L"))
    rows = np.nonzero((grey < 128).any(axis=1))[0]
    return grey[: rows.max() + 40]


def photo(strength: Strength = KITCHEN, seed: int = 1) -> Image.Image:
    return simulate(printed_ticket(), strength, np.random.default_rng(seed))


def jpeg(image: Image.Image) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", quality=85)
    return buffer.getvalue()


def test_a_photo_is_told_from_a_scan_by_the_picture_not_the_file_type():
    scan = Image.fromarray(printed_ticket()).convert("RGB")
    assert not photo_prep.is_photo(scan)
    assert photo_prep.is_photo(photo())
    # Paper filling the frame, but lit by a lamp, is a photo too.
    close_up = dataclasses.replace(KITCHEN, table_share=0.0, tilt_degrees=0, perspective=0.0, shadow=0.0, gradient=0.4)
    assert photo_prep.is_photo(photo(close_up))


def test_the_ticket_is_cut_out_of_the_table_and_its_light_flattened():
    picture = photo()
    look = photo_prep.look_at(picture)
    assert look.outline is not None
    rectified = photo_prep.rectify(picture, look.outline)
    ticket_height, ticket_width = printed_ticket().shape
    width, height = rectified.size
    # The table is cropped away (a margin stays, so that no print is cut off).
    assert width * height < 0.7 * picture.width * picture.height
    assert abs(height / width - ticket_height / ticket_width) < 0.4 * ticket_height / ticket_width
    # Shadow and gradient are gone: the paper is evenly white (the raw photo's paper spans ~100 levels).
    grey = np.asarray(rectified)
    paper = grey[grey > np.percentile(grey, 40)]
    assert np.percentile(paper, 95) - np.percentile(paper, 5) < 25


@pytest.mark.parametrize("quarter_turns", [0, 1, 2, 3])
def test_a_photo_is_read_upright_whichever_way_it_was_taken(quarter_turns):
    turned = dataclasses.replace(KITCHEN, quarter_turns=quarter_turns)
    answer = process_ticket(uuid.uuid4(), Upload("photo.jpg", jpeg(photo(turned))), Settings(api_key="k"))
    assert answer.source == "ocr"
    assert str(answer.total) == "2.15"
    assert answer.date is not None and answer.date.isoformat() == "2024-03-14"
    # Lines in reading order: the shop's header comes before the total.
    assert answer.text.upper().find("EJEMPLO") < answer.text.upper().find("TOTAL")


def test_lines_recognised_in_several_threads_read_as_in_one(monkeypatch):
    engine = engines.get_engine("rapidocr")
    prepared, _ = image_prep.prepare(photo_prep.rectify(photo(), photo_prep.look_at(photo()).outline), False)
    monkeypatch.setattr(engines, "READING_THREADS", 1)
    alone = engine.read_lines(prepared)
    monkeypatch.setattr(engines, "READING_THREADS", 3)  # three shares, of unequal lengths
    shared = engine.read_lines(prepared)
    assert len(alone.lines) > 5
    assert [line.text for line in shared.lines] == [line.text for line in alone.lines]
    assert "TOTAL" in shared.text.upper()


def test_the_detector_reads_a_page_on_the_reading_threads_and_the_recogniser_on_one():
    engine = engines.get_engine("rapidocr")
    def threads(session):
        return session.session.get_session_options().intra_op_num_threads

    assert threads(engine._engine.text_det.infer) == engines.READING_THREADS
    assert threads(engine._engine.text_rec.session) == 1
