"""OCR engines behind one small interface, so that the pipeline and the benchmark can swap them."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any, Protocol

from PIL import Image

if TYPE_CHECKING:  # numpy is loaded with the engines, not when the module is imported
    import numpy as np

# A detected line: its four corners (4 x 2), its text and the recogniser's score.
BoxReading = tuple["np.ndarray", str, float]


@dataclass(frozen=True)
class EngineLine:
    """One printed line as the engine read it, and the corners of its box (N x 2) on the image read."""

    text: str
    corners: np.ndarray


@dataclass(frozen=True)
class EngineReading:
    text: str
    # Quarter turns counter-clockwise that make the picture upright (see `read_upright`).
    turns: int
    lines: list[EngineLine]

# Tesseract's OpenMP threads fight each other (and the other workers) for the cores: one
# thread per process is several times faster here. Parallelism comes from the workers.
os.environ.setdefault("OMP_THREAD_LIMIT", "1")
# ONNX Runtime (RapidOCR's) otherwise keeps a device id and a usage database in the person's home
# folder (~/.cache/Microsoft/DeveloperTools): Cesta writes nothing outside its data folder.
os.environ.setdefault("ORT_DISABLE_TELEMETRY", "1")


class OcrEngine(Protocol):
    name: str

    def version(self) -> str: ...

    def read(self, image: Image.Image) -> str:
        """The text of a prepared (grey, straight) ticket image, one printed line per text line."""
        ...

    def read_upright(self, image: Image.Image, quick: bool = False) -> tuple[str, int]:
        """The text in reading order, and the quarter turns (counter-clockwise) that make the picture
        upright: 0 from an engine that does not judge it. `quick` asks for a second-look reading,
        which may trade a little completeness for speed."""
        ...

    def read_lines(self, image: Image.Image) -> EngineReading:
        """`read_upright`, with where each line was read (page boxes for the review)."""
        ...


class OcrUnavailable(RuntimeError):
    pass


class TesseractEngine:
    """Tesseract run in the worker's own process (tesserocr): its models are loaded once per worker
    instead of once per page, and the picture is handed over in memory instead of as a temporary
    PNG for a `tesseract` program. The language models are the system's (Debian's tesseract-ocr-*)."""

    name = "tesseract"

    def __init__(self, languages: str = "spa+eng"):
        try:
            import tesserocr
        except ImportError as exc:
            raise OcrUnavailable("tesserocr is not installed") from exc
        self._tesserocr = tesserocr
        self._models = _tessdata_folder()
        installed = set(tesserocr.get_languages(self._models)[1])
        wanted = [lang for lang in languages.split("+") if lang in installed]
        if not wanted:
            raise OcrUnavailable(f"none of the Tesseract languages {languages} is installed in {self._models}")
        self.languages = "+".join(wanted)
        self._version = f"tesseract {tesserocr.tesseract_version().split()[1]} ({self.languages})"
        self._api: Any = None
        # One page at a time: the engine keeps the page it reads, and a worker may run requests
        # in more than one thread.
        self._lock = threading.Lock()

    def version(self) -> str:
        return self._version

    def read(self, image: Image.Image) -> str:
        with self._lock:
            return self._recognise(image)

    def _recognise(self, image: Image.Image) -> str:
        """Reads one page; the caller holds the lock."""
        if self._api is None:  # the models load with the first page, not with /health
            # psm 4: one column of lines of varying size, which is what a ticket is; keeping
            # the spaces keeps the price columns apart from the names.
            self._api = self._tesserocr.PyTessBaseAPI(path=self._models, lang=self.languages,
                                                      psm=self._tesserocr.PSM.SINGLE_COLUMN)
            self._api.SetVariable("preserve_interword_spaces", "1")
        # The pixels themselves, not an encoded picture (tesserocr's SetImage writes a BMP that
        # Leptonica decodes again).
        grey = image if image.mode == "L" else image.convert("L")
        self._api.SetImageBytes(grey.tobytes(), grey.width, grey.height, 1, grey.width)
        return str(self._api.GetUTF8Text())

    def read_upright(self, image: Image.Image, quick: bool = False) -> tuple[str, int]:
        return self.read(image), 0

    def read_lines(self, image: Image.Image) -> EngineReading:
        import numpy as np

        level = self._tesserocr.RIL.TEXTLINE
        with self._lock:
            text = self._recognise(image)
            lines = []
            for found in self._tesserocr.iterate_level(self._api.GetIterator(), level):
                words, box = found.GetUTF8Text(level), found.BoundingBox(level)
                if words and words.strip() and box:
                    left, top, right, bottom = box
                    corners = [[left, top], [right, top], [right, bottom], [left, bottom]]
                    lines.append(EngineLine(words.strip(), np.array(corners, dtype=np.float64)))
        return EngineReading(text, 0, lines)


def _tessdata_folder() -> str:
    """Where Tesseract's language models are: TESSDATA_PREFIX when set, else where the system's
    `tesseract` program says it keeps them."""
    folder = os.environ.get("TESSDATA_PREFIX")
    if folder:
        return folder.rstrip("/") + "/"
    if shutil.which("tesseract") is None:
        raise OcrUnavailable("Tesseract's language models are not installed (Debian: tesseract-ocr, -spa, -eng)")
    listed = subprocess.run(["tesseract", "--list-langs"], capture_output=True, text=True, check=False).stdout
    found = re.search(r'"([^"]+)"', listed)
    if found is None:
        raise OcrUnavailable("the tesseract program does not say where its language models are")
    return found.group(1).rstrip("/") + "/"


# Lines recognised together. Every line of a batch is padded to the widest one's shape; at 6
# (RapidOCR's default) the padding cost a fifth of the recognition time on sroie scans. One at a
# time is faster still: 464 lines of 5 sroie-dev pages and 2 photos-dev photos, one thread, three
# alternating rounds, 15.3 s instead of 18.1 s, with the same sroie-dev, photos-dev and
# simulated-photo scores (ocr-engines.md). The padding to 320 px is the model's own and stays: the
# recogniser attends over the whole width, and a narrower pad changed 10 of 117 lines' text,
# decimal points among them.
REC_BATCH = 1


class RapidOcrEngine:
    """PaddleOCR models run by ONNX Runtime (rapidocr-onnxruntime ships them inside the wheel)."""

    name = "rapidocr"

    def __init__(self) -> None:
        try:
            from rapidocr_onnxruntime import RapidOCR
        except ImportError as exc:
            raise OcrUnavailable("rapidocr-onnxruntime is not installed") from exc
        # One thread per worker, as for Tesseract: the service's parallelism is its workers. The
        # detector is given a reduced copy (`_read_boxes`), which it must not enlarge again.
        self._engine = RapidOCR(intra_op_num_threads=1, inter_op_num_threads=1, det_limit_side_len=DET_MIN_SIDE_PX,
                                rec_batch_num=REC_BATCH)
        # The detector reads the page in one call, which ONNX Runtime shares out over its own threads
        # (the classifier's and recogniser's lines are shared out by `_shared_out` instead). The
        # one-thread session RapidOCR made is dropped: 29 ms once per worker.
        self._engine.text_det.infer = _detector_session(READING_THREADS)

    def version(self) -> str:
        return _rapidocr_version()

    def read(self, image: Image.Image) -> str:
        return self.read_upright(image)[0]

    def read_upright(self, image: Image.Image, quick: bool = False) -> tuple[str, int]:
        reading = self._read(image, quick)
        return reading.text, reading.turns

    def read_lines(self, image: Image.Image) -> EngineReading:
        return self._read(image, False)

    def _read(self, image: Image.Image, quick: bool) -> EngineReading:
        """RapidOCR reads a turned line right (it turns tall boxes and flips upside-down ones
        itself) but leaves the page's order to us: the boxes say which way the lines run, and the
        direction classifier says which way is up. A quick reading finds the lines on a reduced
        copy (`QUICK_DET_SCALE`); each line is still recognised at full size."""
        import numpy as np

        from ocr_service.extraction.ocr.layout import Word, line_groups, line_text

        given_width = image.width
        if max(image.size) > MAX_SIDE_PX:  # as RapidOCR itself does: beyond this, only slower
            image = image.resize((round(image.width * MAX_SIDE_PX / max(image.size)),
                                  round(image.height * MAX_SIDE_PX / max(image.size))), Image.Resampling.LANCZOS)
        pixels = np.asarray(image.convert("RGB"))
        result = self._read_boxes(pixels, QUICK_DET_SCALE if quick else 1.0)
        boxes = [box for box, _text, _score in result]
        turns = self._quarter_turns(pixels, boxes)
        height, width = pixels.shape[:2]
        upright = [np.stack(_turned(box[:, 0], box[:, 1], turns, width, height), axis=1) for box in boxes]
        level = _levelled(upright)
        words = [Word(text, float(b[:, 0].min()), float(b[:, 0].max()), float(b[:, 1].min()), float(b[:, 1].max()))
                 for b, (_, text, _score) in zip(level, result)]
        groups = line_groups(words)
        back = given_width / image.width  # the boxes on the picture as it was given
        lines = [EngineLine(line_text(words, g), np.concatenate([boxes[i] for i in g]) * back) for g in groups]
        return EngineReading("\n".join(line.text for line in lines), turns, lines)

    def _read_boxes(self, pixels: np.ndarray, det_scale: float) -> list[BoxReading]:
        """RapidOCR's own steps (detect, classify the direction, recognise), with the detector on a
        copy `det_scale` times the size."""
        import cv2
        import numpy as np

        scale = det_scale if min(pixels.shape[:2]) * det_scale >= DET_MIN_SIDE_PX else 1.0
        small = cv2.resize(pixels, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA) if scale < 1 else pixels
        found, _ = self._engine.auto_text_det(small)
        if found is None:
            return []
        boxes = [np.asarray(box, dtype=np.float32) / scale for box in found]
        crops = self._engine.get_crop_img_list(pixels, boxes)
        crops = _shared_out(crops, lambda part: self._engine.text_cls(part)[0])
        texts = _shared_out(crops, lambda part: self._engine.text_rec(part)[0])
        return [(box, text, score) for box, (text, score) in zip(boxes, texts) if score >= self._engine.text_score]

    def _quarter_turns(self, pixels: np.ndarray, boxes: list[np.ndarray]) -> int:
        """0 upright, 1 turned clockwise (undone by one turn counter-clockwise), 2 upside down, 3."""
        import numpy as np

        sizes = [(np.linalg.norm(b[0] - b[1]), np.linalg.norm(b[0] - b[3])) for b in boxes]
        worded = [(b, w, h) for b, (w, h) in zip(boxes, sizes) if max(w, h) >= ORIENTATION_MIN_BOX_RATIO * min(w, h)]
        if len(worded) < ORIENTATION_MIN_BOXES:
            return 0
        tall = sum(h > w for _, w, h in worded) > len(worded) / 2
        sample = sorted(worded, key=lambda t: -max(t[1], t[2]))[:ORIENTATION_SAMPLE]
        crops = self._engine.get_crop_img_list(pixels, [b for b, _, _ in sample])
        _, labels, _ = self._engine.text_cls(crops)
        flipped = sum(label == "180" for label, _score in labels) > len(labels) / 2
        return (3 if flipped else 1) if tall else (2 if flipped else 0)


# A page's lines are shared out over this many threads for RapidOCR's direction classifier and
# recogniser, and its detector runs on as many. Each line share runs on one core (the engine's own
# threads are held to one), and a worker reading one ticket (a person dropping one picture) would
# otherwise leave the other core idle. Measured (2 cores): a sroie-dev second look's recognition
# 2.12 -> 1.24 s and 3.20 -> 1.64 s, every line read the same. With every worker busy the threads
# take turns (ocr-engines.md, "stop 28").
READING_THREADS = min(2, os.cpu_count() or 1)
_reading_pool: ThreadPoolExecutor | None = None
_reading_pool_lock = threading.Lock()


def _shared_out(crops: list[Any], run: Callable[[list[Any]], Sequence[Any]]) -> list[Any]:
    """`run` over the crops in READING_THREADS interleaved shares at once (so that long and short
    lines spread evenly; ONNX Runtime releases the GIL while it computes), its answers put back in
    the crops' order."""
    global _reading_pool
    if READING_THREADS < 2 or len(crops) < 2:
        return list(run(crops))
    with _reading_pool_lock:  # made in the worker that uses it, never inherited through a fork
        if _reading_pool is None:
            _reading_pool = ThreadPoolExecutor(READING_THREADS, thread_name_prefix="ocr-reading")
    answers: list[Any] = [None] * len(crops)
    shares = [crops[start::READING_THREADS] for start in range(READING_THREADS)]
    for start, found in enumerate(_reading_pool.map(run, shares)):
        answers[start::READING_THREADS] = list(found)
    return answers


# A quick reading is a second look, a vote on a few fields of a scan rather than the page's only
# reading: the detector finds its lines on a copy at 0.6 of the size (lines of ~18 px instead of ~30).
# Measured on sroie-dev (60, 2 cores): mean 2.0 s a receipt instead of 2.6 s, total 94.9 % instead of
# 96.6 %, date and shop the same. Photos, which RapidOCR reads first, keep the full size: on
# photos-dev 0.6 costs total 88.9 -> 85.2 % and date 88.0 -> 80.0 % for 0.25 s.
QUICK_DET_SCALE = 0.6
# The detector is never given a copy narrower than this (nor enlarges one itself).
DET_MIN_SIDE_PX = 320
MAX_SIDE_PX = 2000
# Orientation is judged from boxes clearly longer than thick, and only with enough of them.
ORIENTATION_MIN_BOX_RATIO = 2.5
ORIENTATION_MIN_BOXES = 5
ORIENTATION_SAMPLE = 16


def _detector_session(threads: int) -> Any:
    """RapidOCR's detector session as its configuration makes it, on `threads` threads: RapidOCR
    gives every model the same thread count. Measured on four sroie-dev second looks (2 cores):
    0.26-0.51 s on one thread, 0.15-0.29 s on two."""
    from rapidocr_onnxruntime.main import DEFAULT_CFG_PATH
    from rapidocr_onnxruntime.utils import OrtInferSession, read_yaml, update_model_path

    detector = update_model_path(read_yaml(DEFAULT_CFG_PATH))["Det"]
    return OrtInferSession({**detector, "intra_op_num_threads": threads, "inter_op_num_threads": 1})


def _levelled(boxes: list[np.ndarray]) -> list[np.ndarray]:
    """The boxes turned about the page's centre by the median slope of their top edges, so that a
    line still tilted in the picture (a photo not quite square) groups as one line."""
    import numpy as np

    if not boxes:
        return boxes
    slopes = []
    for b in boxes:
        along, across = b[1] - b[0], b[3] - b[0]
        if np.linalg.norm(across) > np.linalg.norm(along):
            along, across = across, along
        if np.linalg.norm(along) >= ORIENTATION_MIN_BOX_RATIO * np.linalg.norm(across):
            # A line's direction, whichever corner the box starts at: within a quarter turn of level.
            slopes.append((np.arctan2(along[1], along[0]) + np.pi / 2) % np.pi - np.pi / 2)
    angle = float(np.median(slopes)) if slopes else 0.0
    if abs(angle) < np.deg2rad(0.5):
        return boxes
    centre = np.concatenate(boxes).mean(axis=0)
    rotation = np.array([[np.cos(-angle), -np.sin(-angle)], [np.sin(-angle), np.cos(-angle)]])
    return [(b - centre) @ rotation.T + centre for b in boxes]


def _turned(xs: np.ndarray, ys: np.ndarray, turns: int, width: int, height: int) -> tuple[Any, Any]:
    """Box coordinates in the upright page: `turns` quarter turns counter-clockwise."""
    if turns == 1:  # the page's top is at the right
        return ys, width - xs
    if turns == 2:
        return width - xs, height - ys
    if turns == 3:  # the page's top is at the left
        return height - ys, xs
    return xs, ys


def _rapidocr_version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return f"rapidocr-onnxruntime {version('rapidocr-onnxruntime')}"
    except PackageNotFoundError:  # a frozen build may leave the package's metadata behind
        return "rapidocr-onnxruntime"


def describe(name: str, languages: str = "spa+eng") -> str:
    """The engine and its version, without loading its models: the service says it at /health,
    which the desktop waits on at every start, so it must stay cheap (RapidOCR's models cost a
    worker ~90 MB and are loaded by the first photo or second look instead)."""
    if name == "rapidocr":
        from importlib.util import find_spec

        if find_spec("rapidocr_onnxruntime") is None:
            raise OcrUnavailable("rapidocr-onnxruntime is not installed")
        return _rapidocr_version()
    return get_engine(name, languages).version()


@lru_cache(maxsize=4)
def get_engine(name: str, languages: str = "spa+eng") -> OcrEngine:
    """One engine per worker process, made on first use (loading models takes a moment)."""
    if name == "tesseract":
        return TesseractEngine(languages)
    if name == "rapidocr":
        return RapidOcrEngine()
    raise OcrUnavailable(f"unknown OCR engine {name!r}; known: tesseract, rapidocr")
