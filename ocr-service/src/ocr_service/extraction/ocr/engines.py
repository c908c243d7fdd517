"""OCR engines behind one small interface, so that the pipeline and the benchmark can swap them."""

from __future__ import annotations

import os
import shutil
from functools import lru_cache
from typing import Protocol

from PIL import Image

# Tesseract's OpenMP threads fight each other (and the other workers) for the cores: one
# thread per process is several times faster here. Parallelism comes from the workers.
os.environ.setdefault("OMP_THREAD_LIMIT", "1")


class OcrEngine(Protocol):
    name: str

    def version(self) -> str: ...

    def read(self, image: Image.Image) -> str:
        """The text of a prepared (grey, straight) ticket image, one printed line per text line."""
        ...


class OcrUnavailable(RuntimeError):
    pass


class TesseractEngine:
    name = "tesseract"

    def __init__(self, languages: str = "spa+eng"):
        if shutil.which("tesseract") is None:
            raise OcrUnavailable("the tesseract program is not installed (Debian: tesseract-ocr, -spa, -eng)")
        import pytesseract

        self._tesseract = pytesseract
        installed = set(pytesseract.get_languages(config=""))
        wanted = [lang for lang in languages.split("+") if lang in installed]
        if not wanted:
            raise OcrUnavailable(f"none of the Tesseract languages {languages} is installed")
        self.languages = "+".join(wanted)
        self._version = f"tesseract {pytesseract.get_tesseract_version()} ({self.languages})"

    def version(self) -> str:
        return self._version

    def read(self, image: Image.Image) -> str:
        # psm 4: one column of lines of varying size, which is what a ticket is; keeping the
        # spaces keeps the price columns apart from the names.
        config = "--psm 4 -c preserve_interword_spaces=1"
        return str(self._tesseract.image_to_string(image, lang=self.languages, config=config))


class RapidOcrEngine:
    """PaddleOCR models run by ONNX Runtime (rapidocr-onnxruntime ships them inside the wheel)."""

    name = "rapidocr"

    def __init__(self) -> None:
        try:
            from rapidocr_onnxruntime import RapidOCR
        except ImportError as exc:
            raise OcrUnavailable("rapidocr-onnxruntime is not installed") from exc
        self._engine = RapidOCR()

    def version(self) -> str:
        from importlib.metadata import version

        return f"rapidocr-onnxruntime {version('rapidocr-onnxruntime')}"

    def read(self, image: Image.Image) -> str:
        import numpy as np

        from ocr_service.extraction.ocr.layout import Word, words_to_lines

        result, _ = self._engine(np.asarray(image.convert("RGB")))
        words = [Word(text, min(p[0] for p in box), max(p[0] for p in box), min(p[1] for p in box),
                      max(p[1] for p in box)) for box, text, _score in (result or [])]
        return words_to_lines(words)


@lru_cache(maxsize=4)
def get_engine(name: str, languages: str = "spa+eng") -> OcrEngine:
    """One engine per worker process, made on first use (loading models takes a moment)."""
    if name == "tesseract":
        return TesseractEngine(languages)
    if name == "rapidocr":
        return RapidOcrEngine()
    raise OcrUnavailable(f"unknown OCR engine {name!r}; known: tesseract, rapidocr")
