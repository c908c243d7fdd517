import pytest

from ocr_service.errors import BadRequest, PayloadTooLarge, UnsupportedType
from ocr_service.extraction.documents import Upload, check_upload_size, open_image, sniff_kind
from tests.factory import SIMPLE_TICKET, huge_png, random_bytes, ticket_pdf, zip_archive


def test_kind_comes_from_the_bytes_not_the_name():
    assert sniff_kind(Upload("photo.jpg", ticket_pdf(SIMPLE_TICKET))) == "pdf"
    assert sniff_kind(Upload("x.pdf", b"\xff\xd8\xff\xe0rest")) == "jpeg"
    assert sniff_kind(Upload("x.pdf", b"\x89PNG\r\n\x1a\nrest")) == "png"


@pytest.mark.parametrize("data,error,code", [
    (b"", BadRequest, "empty_file"),
    (random_bytes(), BadRequest, "not_a_document"),
    (zip_archive(), UnsupportedType, "unsupported_type"),
    (b"\x00\x00\x00\x18ftypheic0000", UnsupportedType, "unsupported_type"),
])
def test_refusals_name_the_problem(data, error, code):
    with pytest.raises(error) as caught:
        sniff_kind(Upload("ticket.pdf", data))
    assert caught.value.code == code
    assert "ticket.pdf" in caught.value.message


def test_size_limit():
    with pytest.raises(PayloadTooLarge):
        check_upload_size(Upload("a.pdf", b"x" * 11), 10)
    check_upload_size(Upload("a.pdf", b"x" * 10), 10)


def test_pixel_limit_is_checked_before_decoding():
    with pytest.raises(PayloadTooLarge) as caught:
        open_image(Upload("bomb.png", huge_png(4000, 4000)), max_pixels=10_000_000)
    assert caught.value.code == "image_too_large"
    assert open_image(Upload("ok.png", huge_png(100, 100)), max_pixels=10_000_000).size == (100, 100)
