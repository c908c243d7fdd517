"""Which engine reads which picture, and who takes the second look.

Invariants:
- a scan (paper from edge to edge under even light) is read by the scan engine (Tesseract) on the
  image prepared for scans (grey, straight, text at the engine's size); a clean ticket keeps that
  one reading, so scans and text-layer PDFs cost what they cost before photos had a path;
- a photo (background around the paper, or uneven light; judged from the picture, not the file
  type) is cut out of its background and straightened first (`photo_prep.rectify`) and read by the
  photo engine: RapidOCR when it is installed, whose detector finds the small, unevenly lit lines
  of phone photos that Tesseract loses (ocr-engines.md has the measurements);
- a doubtful reading gets one second look: by the other engine when two are installed (their
  mistakes differ), else by the same engine on the other binarisation; the parser lets the
  readings vote.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field

from PIL import Image

from ocr_service.config import Settings
from ocr_service.extraction.locating import LocatedLine
from ocr_service.extraction.ocr import image_prep, photo_prep
from ocr_service.extraction.ocr.cleanup import clean_ocr_text
from ocr_service.extraction.ocr.engines import OcrEngine, OcrUnavailable, describe, get_engine
from ocr_service.extraction.ocr.geometry import PageMap
from ocr_service.extraction.timing import StageTimer


@dataclass
class PageReading:
    text: str
    # The ticket as the first engine saw it before binarisation (cut out and straightened when a photo).
    straight: Image.Image
    prepared: Image.Image
    binarised: bool
    engine: OcrEngine
    # Each printed line and where it is on the page (for the review's boxes).
    lines: list[LocatedLine] = field(default_factory=list)


class OcrReader:
    def __init__(self, scan_engine: OcrEngine, photo_engine: OcrEngine, other_engine: OcrEngine | None):
        self.scan_engine = scan_engine
        self.photo_engine = photo_engine
        self.other_engine = other_engine

    @classmethod
    def from_settings(cls, settings: Settings) -> OcrReader:
        """Raises OcrUnavailable when not even the scan engine can be used."""
        scan = get_engine(settings.ocr_engine, settings.ocr_languages)
        try:
            second = get_engine(settings.second_ocr_engine, settings.ocr_languages) if settings.second_ocr_engine else None
        except OcrUnavailable:
            second = None  # one engine still reads everything; the second look changes the binarisation
        photo = second if second is not None and settings.photo_ocr_engine == second.name else scan
        return cls(scan, photo, second)

    @staticmethod
    def describe(settings: Settings) -> str:
        """The engines the settings name and their versions, without loading any models. Raises
        OcrUnavailable when not even the scan engine can be used."""
        found = [describe(settings.ocr_engine, settings.ocr_languages)]
        for name in filter(None, (settings.second_ocr_engine, settings.photo_ocr_engine)):
            try:
                found.append(describe(name, settings.ocr_languages))
            except OcrUnavailable:
                pass  # the scan engine reads everything then
        return ", ".join(dict.fromkeys(found))

    def read(self, image: Image.Image, timer: StageTimer, page_index: int = 0) -> PageReading:
        started = time.perf_counter()
        look = photo_prep.look_at(image)
        page = PageMap.of(image.size)
        straight, page = photo_prep.rectify_mapped(image, look.outline, page) if look.photo else (image, page)
        # Photos stay grey: measured on photos-dev, binarising them costs the photo engine dates and totals.
        prepared, info, page = image_prep.prepare_mapped(straight, page, False if look.photo else None)
        engine = self.photo_engine if look.photo else self.scan_engine
        started = timer.lap("prepare", started)
        reading = engine.read_lines(prepared)
        if reading.turns:  # the second look reads the page upright
            straight, prepared = (im.rotate(90 * reading.turns, expand=True) for im in (straight, prepared))
        timer.lap("ocr", started)
        lines = [LocatedLine(page_index, clean_ocr_text(line.text), box) for line in reading.lines
                 if (box := page.to_page(line.corners)) is not None]
        return PageReading(clean_ocr_text(reading.text), straight, prepared, bool(info["binarised"]), engine, lines)

    def second_look_leads(self, pages: list[PageReading]) -> bool:
        """Whether the second look's reading leads the vote on ties: the second engine's look at a
        scan does (RapidOCR's, measured on sroie-dev: shop 78.3 -> 81.7 %, total and date the same),
        the scan engine's look at a photo does not."""
        return self.other_engine not in (None, self.scan_engine) and all(
            page.engine is self.scan_engine for page in pages)

    def second_look(self, page: PageReading, timer: StageTimer) -> str:
        started = time.perf_counter()
        other = next((e for e in (self.other_engine, self.scan_engine) if e is not None and e is not page.engine), None)
        if other is not None:
            text = other.read_upright(page.prepared, quick=True)[0]
        else:
            prepared, _ = image_prep.prepare(page.straight, not page.binarised)
            started = timer.lap("prepare", started)
            text = page.engine.read(prepared)
        timer.lap("ocr_second_look", started)
        return clean_ocr_text(text)
