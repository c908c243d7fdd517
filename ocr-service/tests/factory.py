"""Documents made on the fly for tests: small tickets, and the bad-input corpus."""

from __future__ import annotations

import io
import random
import struct
import zipfile
import zlib

import pypdfium2 as pdfium
from PIL import Image
from pypdf import PdfReader, PdfWriter
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas


def ticket_pdf(lines: list[str], pages: int = 1) -> bytes:
    """A born-digital PDF ticket: the given lines in a monospace font on each page."""
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=(226, 842))
    for _ in range(pages):
        pdf.setFont("Courier", 8)
        y = 820
        for line in lines:
            pdf.drawString(8, y, line)
            y -= 11
        pdf.showPage()
    pdf.save()
    return buffer.getvalue()


SIMPLE_TICKET = [
    "SUPERMERCADO EJEMPLO S.L.",
    "B12345674",
    "C/ MAYOR 1, 28001 MADRID",
    "14/03/2024 18:32  OP: 1234",
    "1 LECHE ENTERA           0,95",
    "2 PAN BARRA      0,60    1,20",
    "SUBTOTAL                 2,15",
    "TOTAL (€)                2,15",
    "TARJETA BANCARIA         2,15",
]


def blank_pdf(pages: int) -> bytes:
    writer = PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(width=A4[0], height=A4[1])
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def encrypted_pdf() -> bytes:
    writer = PdfWriter()
    writer.append(PdfReader(io.BytesIO(ticket_pdf(SIMPLE_TICKET))))
    writer.encrypt(user_password="secret", owner_password="owner", algorithm="RC4-128")
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def truncated_pdf() -> bytes:
    whole = ticket_pdf(SIMPLE_TICKET)
    return whole[: len(whole) // 3]


def huge_png(width: int = 20000, height: int = 20000) -> bytes:
    """A valid 1-bit PNG of width x height: tiny on disk, a decompression bomb in memory."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    row = b"\x00" + b"\x00" * ((width + 7) // 8)
    compressor = zlib.compressobj(9)
    idat = b"".join(compressor.compress(row) for _ in range(height)) + compressor.flush()
    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", idat) + chunk(b"IEND", b"")


def random_bytes(size: int = 4096, seed: int = 7) -> bytes:
    data = random.Random(seed).randbytes(size)
    return b"\x00" + data[1:]  # never starts like a known format by chance


def zip_archive() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("ticket.txt", "TOTAL 2,15")
    return buffer.getvalue()


def real_photo(name: str) -> bytes:
    """A real photo that is not a ticket (scikit-image ships "chelsea", a cat, and "coffee", a cup)."""
    from importlib.resources import files

    image = Image.open(io.BytesIO((files("skimage") / "data" / f"{name}.png").read_bytes())).convert("RGB")
    return jpeg_bytes(image)


def blank_page_photo() -> bytes:
    """A phone photo of an empty sheet of paper on a table."""
    import numpy as np

    from ocr_service.devtools.phone_photo import Strength, simulate

    strength = Strength(ink_grey=40, fade=0.0, curl_px=4, tilt_degrees=4, quarter_turns=0, perspective=0.04,
                        table_share=0.3, gradient=0.2, shadow=0.2, blur_sigma=0.8, jpeg_quality=85)
    return jpeg_bytes(simulate(np.full((1400, 700), 255, np.uint8), strength, np.random.default_rng(3)))


def text_screenshot() -> bytes:
    """A screenshot of a page of prose: words, but no prices, no total, no ticket."""
    prose = ["Dear neighbours,", "the meeting about the garden is on Thursday evening in the hall.",
             "Please bring your ideas for the spring planting and a chair if you have one.",
             "We will also talk about the new bicycle shed and who looks after the keys.", "See you there, Ana"]
    page = pdfium.PdfDocument(ticket_pdf(prose))[0].render(scale=3).to_pil()
    buffer = io.BytesIO()
    page.save(buffer, format="PNG")
    return buffer.getvalue()


def jpeg_bytes(image: Image.Image) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", quality=85)
    return buffer.getvalue()
