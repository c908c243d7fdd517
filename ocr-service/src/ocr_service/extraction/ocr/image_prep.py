"""Make a ticket image easy to read: grey, straight, and with text at the size engines like.

Phone photos and scans come tilted and at any resolution. OCR engines read best when lines
are horizontal (a tilted ticket mixes the name of one line with the price of the next) and
when a text line is a few dozen pixels high, so the image is rescaled to that height rather
than to a fixed resolution.
"""

from __future__ import annotations

import cv2
import numpy as np
from PIL import Image, ImageOps

from ocr_service.extraction.ocr.geometry import PageMap, exif_turn, pil_rotation, scaling, translation

ANALYSIS_WIDTH = 800
EXIF_ORIENTATION = 0x0112
MAX_SKEW_DEGREES = 6.0
SKEW_STEP_DEGREES = 0.2
COARSE_SKEW_STEP_DEGREES = 1.0
# Measured on the dev tickets (docs/ocr-engines.md): smaller text reads faster and, with the
# fast Tesseract models, no worse.
TARGET_LINE_HEIGHT_PX = 30
SCALE_LIMITS = (0.35, 2.5)
MAX_SCALE_TO_BINARISE = 1.5
# A ticket's line holds a few dozen characters, each about half a line high: a "line" taller than
# a tenth of the print's width is several lines printed so close that no blank row parts them
# (or shadows that run together), not a line. The picture is then left at its size.
MIN_LINE_WIDTH_IN_HEIGHTS = 10
# A pixel is ink when darker than 3/4 of its neighbourhood's brightness.
LOCAL_INK_NUMERATOR, LOCAL_INK_DENOMINATOR = 3, 4
# A ticket scanned on a page larger than itself (a receipt on an A4 flatbed) is cut out of the
# page: the blank rest of the page, and its dust, cost the engine time and throw the line-height
# measure off (dust specks are "lines" a few pixels high). Print is found on the analysis copy by
# smearing the ink over PRINT_SMEAR_PX, so that a ticket's characters and lines join into blocks;
# the ticket is the largest block, with every block near it (a footer after a blank gap) and
# every block of a comparable size (a second ticket on the page). Specks far from the print,
# even a few smeared together, are left out.
PRINT_SMEAR_PX = 15
NEAR_PRINT_PX = 2 * PRINT_SMEAR_PX
COMPARABLE_BLOCK_SHARE = 0.1
# Cut only when the print covers less than this share of the page, and keep this much of the
# page's size around it.
CROP_BELOW_PAGE_SHARE = 0.6
CROP_MARGIN_SHARE = 0.03


def to_grey(image: Image.Image) -> Image.Image:
    image = ImageOps.exif_transpose(image)  # phone photos carry their rotation in EXIF
    if image.mode in ("RGBA", "LA", "P"):
        background = Image.new("RGB", image.size, "white")
        background.paste(image.convert("RGBA"), mask=image.convert("RGBA").split()[-1])
        image = background
    return ImageOps.autocontrast(image.convert("L"), cutoff=1)


def _ink_mask(grey: Image.Image) -> np.ndarray:
    """Dark pixels against a local background (robust to the uneven light of phone photos)."""
    pixels = np.asarray(grey, dtype=np.float32)
    threshold = np.percentile(pixels, 50) * 0.72
    return pixels < threshold


def _analysis_copy(grey: Image.Image) -> tuple[Image.Image, float]:
    """A copy at most ANALYSIS_WIDTH wide, for measuring skew and line height quickly."""
    scale = min(1.0, ANALYSIS_WIDTH / grey.width)
    size = (max(1, int(grey.width * scale)), max(1, int(grey.height * scale)))
    return grey.resize(size, Image.Resampling.BILINEAR), scale


def _projection_score(ys: np.ndarray, xs: np.ndarray, angle: float) -> float:
    rows = np.round(ys + xs * np.tan(np.deg2rad(angle))).astype(np.int64)
    rows -= rows.min()
    return float(np.sum(np.bincount(rows).astype(np.float64) ** 2))


def estimate_skew(grey: Image.Image) -> float:
    """Angle (degrees, counter-clockwise) that makes text lines horizontal: the one whose row
    projection of ink is the most peaked. Whole degrees first, then steps of 0.2 around the best
    one: 23 projections instead of 61 (same sroie-dev and es-dev scores as the full sweep)."""
    small, _ = _analysis_copy(grey)
    ys, xs = np.nonzero(_ink_mask(small))
    if len(xs) < 200:
        return 0.0
    if len(xs) > 60_000:
        keep = np.random.default_rng(0).choice(len(xs), 60_000, replace=False)
        ys, xs = ys[keep], xs[keep]
    centred = xs - small.width / 2
    coarse = max(np.arange(-MAX_SKEW_DEGREES, MAX_SKEW_DEGREES + 1e-9, COARSE_SKEW_STEP_DEGREES),
                 key=lambda a: _projection_score(ys, centred, float(a)))
    fine = np.arange(coarse - COARSE_SKEW_STEP_DEGREES, coarse + COARSE_SKEW_STEP_DEGREES + 1e-9, SKEW_STEP_DEGREES)
    best = max(fine, key=lambda a: (_projection_score(ys, centred, float(a)), -abs(a)))
    return round(float(best), 2)


def _print_box(ink: np.ndarray) -> tuple[int, int, int, int] | None:
    """Left, top, right, bottom of the print on an ink mask (see PRINT_SMEAR_PX), or None."""
    smeared = cv2.dilate(ink.astype(np.uint8), np.ones((PRINT_SMEAR_PX, PRINT_SMEAR_PX), np.uint8))
    count, _, stats, _ = cv2.connectedComponentsWithStats(smeared)
    found = (tuple(int(v) for v in stats[i]) for i in range(1, count))
    # A lone speck, smeared, is PRINT_SMEAR_PX across: print is larger in at least one direction.
    blocks = sorted((b for b in found if max(b[2], b[3]) >= 2 * PRINT_SMEAR_PX), key=lambda b: -b[4])
    if not blocks:
        return None
    largest_area = blocks[0][4]
    left, top, width, height, _ = blocks[0]
    box = [left, top, left + width, top + height]
    rest = blocks[1:]
    while True:
        joining = [b for b in rest if b[4] >= COMPARABLE_BLOCK_SHARE * largest_area or (
            b[0] <= box[2] + NEAR_PRINT_PX and b[0] + b[2] >= box[0] - NEAR_PRINT_PX
            and b[1] <= box[3] + NEAR_PRINT_PX and b[1] + b[3] >= box[1] - NEAR_PRINT_PX)]
        if not joining:
            return box[0], box[1], box[2], box[3]
        for b in joining:
            box = [min(box[0], b[0]), min(box[1], b[1]), max(box[2], b[0] + b[2]), max(box[3], b[1] + b[3])]
        rest = [b for b in rest if b not in joining]


def print_cut(grey: Image.Image) -> tuple[int, int, int, int] | None:
    """Left, top, right, bottom of the part of the page that holds the print, with a margin; None
    when the print covers most of the page or none is found (the whole page is kept)."""
    small, scale = _analysis_copy(grey)
    box = _print_box(_ink_mask(small))
    if box is None:
        return None
    left, top, right, bottom = box
    if (right - left) * (bottom - top) >= CROP_BELOW_PAGE_SHARE * small.width * small.height:
        return None
    margin = CROP_MARGIN_SHARE * max(small.size)
    cut = (max(0.0, left - margin) / scale, max(0.0, top - margin) / scale,
           min(small.width, right + margin) / scale, min(small.height, bottom + margin) / scale)
    return round(cut[0]), round(cut[1]), round(cut[2]), round(cut[3])


def crop_to_print(grey: Image.Image) -> Image.Image:
    cut = print_cut(grey)
    return grey if cut is None else grey.crop(cut)


def deskew(grey: Image.Image) -> tuple[Image.Image, float]:
    angle = estimate_skew(grey)
    if abs(angle) < 0.1:
        return grey, 0.0
    # Rows were straightened by y + x*tan(a); rotating the image by -a does the same.
    return grey.rotate(-angle, resample=Image.Resampling.BICUBIC, expand=True, fillcolor=255), angle


def line_height(grey: Image.Image) -> float | None:
    """Median height of the ink bands of the row projection: the printed line height."""
    small, scale = _analysis_copy(grey)
    rows = _ink_mask(small).sum(axis=1) > max(2, small.width * 0.01)
    heights, run = [], 0
    for inked in rows:
        if inked:
            run += 1
        elif run:
            heights.append(run)
            run = 0
    heights = [h for h in heights if h >= 3]
    if len(heights) < 3:
        return None
    height = float(np.median(heights)) / scale
    return None if height * MIN_LINE_WIDTH_IN_HEIGHTS > grey.width else height


def normalise_scale(grey: Image.Image) -> tuple[Image.Image, float]:
    height = line_height(grey)
    if not height:
        return grey, 1.0
    factor = float(np.clip(TARGET_LINE_HEIGHT_PX / height, *SCALE_LIMITS))
    if 0.9 < factor < 1.1:
        return grey, 1.0
    size = (max(1, round(grey.width * factor)), max(1, round(grey.height * factor)))
    return grey.resize(size, Image.Resampling.LANCZOS), factor


def binarise(grey: Image.Image) -> Image.Image:
    """Black ink on white paper, each pixel judged against its neighbourhood's brightness, so that
    the shadows and uneven light of a photo do not turn into ink (a single global threshold does).
    OpenCV's box filter, in whole numbers: on a 2,400 x 3,400 px scan 0.16 s instead of 0.8 s with
    Pillow's blur and float arrays, and the same pixels but for a few dozen of 8 million."""
    pixels = np.asarray(grey)
    side = 2 * TARGET_LINE_HEIGHT_PX + 1
    background = cv2.blur(pixels, (side, side), borderType=cv2.BORDER_REPLICATE)
    ink = pixels.astype(np.uint16) * LOCAL_INK_DENOMINATOR < background.astype(np.uint16) * LOCAL_INK_NUMERATOR
    return Image.fromarray(np.where(ink, 0, 255).astype(np.uint8))


def prepare(image: Image.Image, binarise_it: bool | None = None) -> tuple[Image.Image, dict[str, float]]:
    """The image grey, straight and rescaled; binarised when `binarise_it` says so, or (None) when
    its resolution allows."""
    prepared, info, _ = prepare_mapped(image, PageMap.of(image.size), binarise_it)
    return prepared, info


def prepare_mapped(image: Image.Image, page: PageMap,
                   binarise_it: bool | None = None) -> tuple[Image.Image, dict[str, float], PageMap]:
    """`prepare`, and `page` carried through every step that moves pixels (geometry.py)."""
    orientation = image.getexif().get(EXIF_ORIENTATION, 1)
    grey = to_grey(image)
    page = page.then(exif_turn(orientation, image.size))
    cut = print_cut(grey)
    if cut is not None:
        grey = grey.crop(cut)
        page = page.then(translation(-cut[0], -cut[1]))
    straight, angle = deskew(grey)
    if straight is not grey:
        page = page.then(pil_rotation(-angle, grey.size, straight.size))
    scaled, factor = normalise_scale(straight)
    page = page.then(scaling(scaled.width / straight.width, scaled.height / straight.height))
    # Binarising removes scanner noise and JPEG halos, but thin strokes of a low-resolution
    # image (one we had to enlarge a lot) break apart: those stay grey.
    binarised = factor <= MAX_SCALE_TO_BINARISE if binarise_it is None else binarise_it
    if binarised:
        scaled = binarise(scaled)
    return scaled, {"skew_degrees": round(angle, 2), "scale": round(factor, 3), "binarised": float(binarised)}, page
