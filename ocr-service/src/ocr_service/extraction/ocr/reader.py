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
from dataclasses import dataclass

from PIL import Image

from ocr_service.config import Settings
from ocr_service.extraction.ocr import image_prep, photo_prep
from ocr_service.extraction.ocr.cleanup import clean_ocr_text
from ocr_service.extraction.ocr.engines import OcrEngine, OcrUnavailable, RapidOcrEngine, get_engine
from ocr_service.extraction.timing import StageTimer


# A second look is a vote on a few fields of a scan, not the page's only reading: RapidOCR finds its
# lines on a copy at 0.6 of the size there (lines of ~18 px instead of ~30). Measured on sroie-dev
# (60, 2 cores): mean 2.0 s a receipt instead of 2.6 s, total 94.9 % instead of 96.6 %, date and shop
# the same. Photos, which RapidOCR reads first, keep the full size: on photos-dev 0.6 costs total 88.9
# -> 85.2 % and date 88.0 -> 80.0 % for 0.25 s.
SECOND_LOOK_DET_SCALE = 0.6


@dataclass
class PageReading:
    text: str
    # The ticket as the first engine saw it before binarisation (cut out and straightened when a photo).
    straight: Image.Image
    prepared: Image.Image
    binarised: bool
    engine: OcrEngine


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

    def versions(self) -> str:
        names = dict.fromkeys(e.version() for e in (self.scan_engine, self.photo_engine, self.other_engine) if e)
        return ", ".join(names)

    def read(self, image: Image.Image, timer: StageTimer) -> PageReading:
        started = time.perf_counter()
        photo = photo_prep.is_photo(image)
        straight = photo_prep.rectify(image).image if photo else image
        # Photos stay grey: measured on photos-dev, binarising them costs the photo engine dates and totals.
        prepared, info = image_prep.prepare(straight, False if photo else None)
        engine = self.photo_engine if photo else self.scan_engine
        started = timer.lap("prepare", started)
        if isinstance(engine, RapidOcrEngine):
            text, turns = engine.read_upright(prepared)
            if turns:  # the second look reads the page upright
                straight, prepared = (im.rotate(90 * turns, expand=True) for im in (straight, prepared))
        else:
            text = engine.read(prepared)
        timer.lap("ocr", started)
        text = clean_ocr_text(text)
        return PageReading(text, straight, prepared, bool(info["binarised"]), engine)

    def second_look_leads(self, pages: list[PageReading]) -> bool:
        """Whether the second look's reading leads the vote on ties: RapidOCR's second look at a
        scan does (measured on sroie-dev: shop 78.3 -> 81.7 %, total and date the same), Tesseract's
        at a photo does not."""
        return isinstance(self.other_engine, RapidOcrEngine) and all(
            page.engine is not self.other_engine for page in pages)

    def second_look(self, page: PageReading, timer: StageTimer) -> str:
        started = time.perf_counter()
        other = next((e for e in (self.other_engine, self.scan_engine) if e is not None and e is not page.engine), None)
        if isinstance(other, RapidOcrEngine):
            text = other.read_upright(page.prepared, det_scale=SECOND_LOOK_DET_SCALE)[0]
        elif other is not None:
            text = other.read(page.prepared)
        else:
            prepared, _ = image_prep.prepare(page.straight, not page.binarised)
            started = timer.lap("prepare", started)
            text = page.engine.read(prepared)
        timer.lap("ocr_second_look", started)
        return clean_ocr_text(text)
