"""Decide what an upload is from its bytes (never from its name) and refuse what we cannot read."""

from __future__ import annotations

import io
from dataclasses import dataclass
from typing import Literal

from PIL import Image

from ocr_service.errors import BadRequest, PayloadTooLarge, Unprocessable, UnsupportedType

Kind = Literal["pdf", "jpeg", "png"]

# Formats people do drag in by mistake: named so that the refusal says what the file is.
_KNOWN_UNSUPPORTED: tuple[tuple[bytes, str], ...] = (
    (b"PK\x03\x04", "a ZIP archive (or an Office document)"),
    (b"PK\x05\x06", "an empty ZIP archive"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"II*\x00", "a TIFF image"),
    (b"MM\x00*", "a TIFF image"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"Rar!", "a RAR archive"),
    (b"7z\xbc\xaf", "a 7-Zip archive"),
    (b"\xd0\xcf\x11\xe0", "an old Office document"),
    (b"{\\rtf", "an RTF document"),
)


@dataclass(frozen=True)
class Upload:
    file_name: str
    data: bytes


def sniff_kind(upload: Upload) -> Kind:
    """PDF, JPEG or PNG by magic bytes; a clear refusal for anything else."""
    data = upload.data
    if not data:
        raise BadRequest(f"'{upload.file_name}' is empty (0 bytes).", code="empty_file")
    head = data[:1024]
    if b"%PDF-" in head:
        return "pdf"
    if data.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if len(data) >= 12 and data[4:8] == b"ftyp" and data[8:12] in (b"heic", b"heix", b"mif1", b"heim"):
        raise UnsupportedType(
            f"'{upload.file_name}' is a HEIC photo; export it as JPEG (Cesta reads PDF, JPEG and PNG).",
            code="unsupported_type",
        )
    if data.startswith(b"RIFF") and data[8:12] == b"WEBP":
        raise UnsupportedType(f"'{upload.file_name}' is a WebP image; Cesta reads PDF, JPEG and PNG.")
    for magic, what in _KNOWN_UNSUPPORTED:
        if data.startswith(magic):
            raise UnsupportedType(f"'{upload.file_name}' is {what}, not a ticket; Cesta reads PDF, JPEG and PNG.")
    raise BadRequest(
        f"'{upload.file_name}' is not a PDF, JPEG or PNG document (its content matches no known format).",
        code="not_a_document",
    )


def check_upload_size(upload: Upload, max_bytes: int) -> None:
    if len(upload.data) > max_bytes:
        raise PayloadTooLarge(
            f"'{upload.file_name}' is {len(upload.data) / 1e6:.1f} MB; the limit is {max_bytes / 1e6:.0f} MB.",
            code="file_too_large",
        )


def open_image(upload: Upload, max_pixels: int) -> Image.Image:
    """Open a JPEG/PNG, checking its declared size before any pixel is decoded (decompression bombs)."""
    try:
        image = Image.open(io.BytesIO(upload.data))
    except Image.DecompressionBombError as exc:
        raise PayloadTooLarge(
            f"'{upload.file_name}' has more pixels than any ticket photo; the limit is {max_pixels / 1e6:.0f} megapixels.",
            code="image_too_large",
        ) from exc
    except (OSError, ValueError) as exc:
        raise Unprocessable(f"'{upload.file_name}' is not a readable image: {exc}", code="unreadable_image") from exc
    width, height = image.size
    if width * height > max_pixels:
        raise PayloadTooLarge(
            f"'{upload.file_name}' is {width}x{height} pixels; the limit is {max_pixels / 1e6:.0f} megapixels.",
            code="image_too_large",
        )
    return image
