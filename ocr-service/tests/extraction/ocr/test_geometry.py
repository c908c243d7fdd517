"""The page map: each preparation step's map agrees with what the image library does to the pixels,
and a line read on the prepared image lands where it is printed on the page."""

from __future__ import annotations

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageOps

from ocr_service.extraction.ocr import image_prep
from ocr_service.extraction.ocr.engines import TesseractEngine
from ocr_service.extraction.ocr.geometry import PageMap, exif_turn, pil_rotation
from tests.factory import SIMPLE_TICKET


def marked(size: tuple[int, int], spot: tuple[int, int]) -> Image.Image:
    image = Image.new("L", size, 255)
    ImageDraw.Draw(image).rectangle([spot[0] - 2, spot[1] - 2, spot[0] + 2, spot[1] + 2], fill=0)
    return image


def ink_centre(image: Image.Image) -> np.ndarray:
    ys, xs = np.nonzero(np.asarray(image.convert("L")) < 128)
    return np.array([xs.mean(), ys.mean()])


def mapped(matrix: np.ndarray, point: tuple[float, float]) -> np.ndarray:
    x, y, w = matrix @ np.array([point[0], point[1], 1.0])
    return np.array([x / w, y / w])


@pytest.mark.parametrize("orientation", range(2, 9))
def test_the_exif_turn_moves_a_spot_where_pillow_moves_it(orientation):
    image = marked((60, 40), (12, 7))
    exif = image.getexif()
    exif[0x0112] = orientation
    tagged = Image.open(_as_jpeg(image, exif))
    turned = ImageOps.exif_transpose(tagged)
    assert np.allclose(mapped(exif_turn(orientation, tagged.size), (12, 7)), ink_centre(turned), atol=1.5)


def _as_jpeg(image: Image.Image, exif: Image.Exif):
    import io

    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", exif=exif, quality=95)
    buffer.seek(0)
    return buffer


@pytest.mark.parametrize("degrees", [-5.3, 2.0, 30.0])
def test_the_rotation_map_is_pillows_rotation_with_expand(degrees):
    image = marked((200, 120), (150, 30))
    turned = image.rotate(degrees, expand=True, fillcolor=255)
    assert np.allclose(mapped(pil_rotation(degrees, image.size, turned.size), (150, 30)), ink_centre(turned), atol=1.5)


def test_a_box_goes_back_to_page_shares_and_off_page_boxes_are_none():
    page = PageMap.of((400, 200)).then(np.diag([2.0, 2.0, 1.0]))  # the engine read it twice the size
    assert page.to_page(np.array([[80, 40], [400, 120]])) == (0.1, 0.1, 0.5, 0.3)
    assert page.to_page(np.array([[-50, -50], [-10, -10]])) is None


TILT_DEGREES = 4


def ticket_picture() -> tuple[Image.Image, np.ndarray]:
    """The test ticket printed small on a large white page, turned a few degrees (the preparation
    crops, deskews and enlarges it), and the corners of its TOTAL line as printed on that page."""
    page = Image.new("L", (1400, 1000), 255)
    draw = ImageDraw.Draw(page)
    for row, line in enumerate(SIMPLE_TICKET):
        draw.text((300, 200 + 22 * row), line, fill=0)
    left, top, right, bottom = draw.textbbox((300, 200 + 22 * SIMPLE_TICKET.index("TOTAL (€)                2,15")),
                                             "TOTAL (€)                2,15")
    turn = pil_rotation(TILT_DEGREES, page.size, page.size)
    corners = np.array([mapped(turn, p) for p in ((left, top), (right, top), (right, bottom), (left, bottom))])
    return page.rotate(TILT_DEGREES, fillcolor=255, resample=Image.Resampling.BICUBIC), corners


def overlap(a: tuple[float, ...], b: tuple[float, ...]) -> float:
    """Intersection over union of two boxes."""
    width = max(0.0, min(a[2], b[2]) - max(a[0], b[0]))
    height = max(0.0, min(a[3], b[3]) - max(a[1], b[1]))
    area = lambda box: (box[2] - box[0]) * (box[3] - box[1])
    return width * height / (area(a) + area(b) - width * height)


def test_a_line_read_on_the_prepared_image_lands_on_its_print_on_the_page():
    page, printed = ticket_picture()
    prepared, info, page_map = image_prep.prepare_mapped(page, PageMap.of(page.size))
    assert info["skew_degrees"] != 0 and info["scale"] > 1, info  # it was turned and enlarged
    lines = TesseractEngine().read_lines(prepared).lines
    total = next(line for line in lines if line.text.startswith("TOTAL"))
    found = page_map.to_page(total.corners)
    expected = PageMap.of(page.size).to_page(printed)
    assert found is not None and expected is not None
    assert overlap(found, expected) > 0.6, (found, expected)
