"""Phone photos of paper tickets: find the ticket in the picture, straighten it, flatten the light.

A flatbed scan is paper from edge to edge under even light. A phone photo is a strip of paper on a
table, at an angle, in perspective, under a lamp that leaves a gradient or a hand's shadow, and
often turned a quarter (the photo engine finds which way is up: `engines.RapidOcrEngine`).
Invariants of what `rectify` returns, given the outline `look_at` found:
- only the paper is kept: the table, tray or hand around it is cropped away, so the engine neither
  reads the background's texture as text nor spends its time on it;
- the ticket's outline becomes a rectangle (perspective and tilt undone);
- the light is flat: every pixel is divided by its neighbourhood's paper brightness, so shadows and
  gradients become white paper and faded thermal print keeps its contrast.
"""

from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np
from PIL import Image

from ocr_service.extraction.ocr import image_prep
from ocr_service.extraction.ocr.geometry import PageMap

# The picture is analysed at this size: enough to find a ticket's outline, cheap to do.
ANALYSIS_SIDE_PX = 640
# A paper region smaller than this share of the picture is not a ticket we can read; larger than
# the upper share, the ticket fills the frame and there is nothing to crop.
MIN_PAPER_SHARE = 0.04
FILLS_FRAME_SHARE = 0.90
# Paper in a shadow is still paper down to this share of the lit paper's threshold brightness.
SHADOWED_PAPER_SHARE = 0.7
# An outline is taken as the ticket's four corners when the quadrilateral covers the paper this
# well; a curled or torn ticket falls back to its rotated bounding box.
MIN_QUAD_FIT = 0.90
# A photo is told from a scan by its border (a scan's border is paper, a photo's is mostly not) or,
# when the ticket fills the frame, by its light: a scanner lights the paper evenly, a room does not.
# Measured on the dev sets: the paper's brightness spreads 0-3 grey levels on the es-dev scans and
# most sroie-dev scans, 11-148 on the phone photos.
PHOTO_BORDER_PAPER_SHARE = 0.75
PHOTO_LIGHT_SPREAD = 10
# Corners found are pushed out by this share of the ticket's size, so that a shadowed edge of the
# paper that the mask missed is kept rather than cut off with the words printed on it.
OUTLINE_MARGIN = 0.03
# Light flattening estimates the paper's brightness over windows this many times the text height,
# so that letters disappear from the estimate but shadows and gradients stay in it.
BACKGROUND_WINDOW_LINES = 3
DEFAULT_TEXT_HEIGHT_PX = 20
LIGHT_TEXT_HEIGHT_PX = 6


@dataclass(frozen=True)
class Look:
    """What one glance at a reduced copy tells: whether the picture is a photo, and where in it
    (in the picture's own pixels) the ticket's four corners are, when they can be told."""

    photo: bool
    outline: np.ndarray | None


def _paper_mask(rgb_small: np.ndarray) -> np.ndarray:
    """Bright, colourless pixels: paper against a table, tray, hand or cloth. Paper in a shadow is
    darker than the threshold that separates lit paper from the table, so the region grows from
    the lit paper into dimmer paper it touches (hysteresis, as an edge detector grows its edges)."""
    hsv = cv2.cvtColor(rgb_small, cv2.COLOR_RGB2HSV)
    whiteness = cv2.GaussianBlur(hsv[:, :, 2].astype(np.int16) - hsv[:, :, 1].astype(np.int16) // 2, (5, 5), 0)
    whiteness = np.clip(whiteness, 0, 255).astype(np.uint8)
    threshold, lit = cv2.threshold(whiteness, 0, 255, cv2.THRESH_BINARY + cv2.THRESH_OTSU)
    dim = (whiteness >= threshold * SHADOWED_PAPER_SHARE).astype(np.uint8)
    # Close the print's holes so that the ticket is one region, not one per blank band.
    kernel = cv2.getStructuringElement(cv2.MORPH_RECT, (9, 9))
    lit = cv2.morphologyEx(lit, cv2.MORPH_CLOSE, kernel)
    _, labels = cv2.connectedComponents(cv2.morphologyEx(dim, cv2.MORPH_CLOSE, kernel))
    grown = np.unique(labels[(lit > 0) & (labels > 0)])
    mask = np.isin(labels, grown).astype(np.uint8) * 255
    # Grown into the table too (a pale table, or no real border): keep the lit paper alone.
    return lit if mask.mean() > FILLS_FRAME_SHARE * 255 else mask


def _light_spread(grey_small: np.ndarray) -> float:
    """How unevenly the paper is lit: the spread of its brightness once the print is closed over."""
    kernel = cv2.getStructuringElement(cv2.MORPH_ELLIPSE, (25, 25))
    paper = cv2.morphologyEx(grey_small, cv2.MORPH_CLOSE, kernel)
    brightest = paper[paper >= np.percentile(paper, 40)]
    return float(np.percentile(brightest, 95) - np.percentile(brightest, 5))


def look_at(image: Image.Image) -> Look:
    """A photo of a ticket rather than a scan of one: a border that is mostly not paper, or uneven
    light; and, for a photo, the ticket's outline. One reduced copy serves both, made before the
    colour conversion (a scan's page is large, and this runs on every page that is OCR'd)."""
    copy = image.copy()
    copy.thumbnail((ANALYSIS_SIDE_PX, ANALYSIS_SIDE_PX), Image.Resampling.BILINEAR)
    small = np.asarray(copy.convert("RGB"))
    mask = _paper_mask(small)
    paper = mask > 0
    band = max(2, min(paper.shape) // 40)
    border = np.concatenate([paper[:band].ravel(), paper[-band:].ravel(), paper[:, :band].ravel(),
                             paper[:, -band:].ravel()])
    photo = (float(border.mean()) < PHOTO_BORDER_PAPER_SHARE
             or _light_spread(cv2.cvtColor(small, cv2.COLOR_RGB2GRAY)) >= PHOTO_LIGHT_SPREAD)
    corners = _outline(mask) if photo else None
    return Look(photo, None if corners is None else corners * (image.width / copy.width))


def is_photo(image: Image.Image) -> bool:
    return look_at(image).photo


def _order_corners(points: np.ndarray) -> np.ndarray:
    """Clockwise from the corner nearest the top left (a tilted outline keeps its corners apart,
    which sorting by x + y alone does not)."""
    centre = points.mean(axis=0)
    clockwise = points[np.argsort(np.arctan2(points[:, 1] - centre[1], points[:, 0] - centre[0]))]
    first = int(np.argmin(clockwise.sum(axis=1)))
    return np.roll(clockwise, -first, axis=0).astype(np.float32)


def _outline(mask: np.ndarray) -> np.ndarray | None:
    """The four corners of the largest paper region (in analysis pixels), or None."""
    contours, _ = cv2.findContours(mask, cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_SIMPLE)
    if not contours:
        return None
    paper = max(contours, key=cv2.contourArea)
    area = cv2.contourArea(paper)
    if area < MIN_PAPER_SHARE * mask.size or area > FILLS_FRAME_SHARE * mask.size:
        return None
    hull = cv2.convexHull(paper)
    perimeter = cv2.arcLength(hull, True)
    for epsilon in (0.02, 0.03, 0.05, 0.08):
        quad = cv2.approxPolyDP(hull, epsilon * perimeter, True)
        if len(quad) == 4 and cv2.contourArea(quad) >= MIN_QUAD_FIT * cv2.contourArea(hull):
            return _order_corners(quad.reshape(4, 2).astype(np.float32))
    return _order_corners(cv2.boxPoints(cv2.minAreaRect(hull)).astype(np.float32))


def _widen(corners: np.ndarray, shape: tuple[int, ...]) -> np.ndarray:
    centre = corners.mean(axis=0)
    widened = centre + (corners - centre) * (1 + 2 * OUTLINE_MARGIN)
    return np.asarray(np.clip(widened, 0, [shape[1] - 1, shape[0] - 1]), dtype=np.float32)


def _warp(image: np.ndarray, corners: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The quadrilateral cut out as a rectangle, and the perspective map that did it."""
    top_left, top_right, bottom_right, bottom_left = corners
    width = int(max(np.linalg.norm(top_right - top_left), np.linalg.norm(bottom_right - bottom_left)))
    height = int(max(np.linalg.norm(bottom_left - top_left), np.linalg.norm(bottom_right - top_right)))
    target = np.array([[0, 0], [width - 1, 0], [width - 1, height - 1], [0, height - 1]], dtype=np.float32)
    matrix = cv2.getPerspectiveTransform(corners, target)
    cut = cv2.warpPerspective(image, matrix, (width, height), flags=cv2.INTER_CUBIC, borderMode=cv2.BORDER_REPLICATE)
    return cut, np.asarray(matrix, dtype=np.float64)


def flatten_light(grey: np.ndarray, text_height_px: float) -> np.ndarray:
    """Each pixel over its neighbourhood's paper brightness: shadows and gradients become white.
    The light changes slowly, so it is estimated on a copy where text is a few pixels high."""
    shrink = min(1.0, LIGHT_TEXT_HEIGHT_PX / max(text_height_px, 1.0))
    small = cv2.resize(grey, None, fx=shrink, fy=shrink, interpolation=cv2.INTER_AREA) if shrink < 1 else grey
    window = int(max(5, BACKGROUND_WINDOW_LINES * text_height_px * shrink)) | 1
    kernel = cv2.getStructuringElement(cv2.MORPH_ELLIPSE, (window, window))
    paper = cv2.morphologyEx(small, cv2.MORPH_CLOSE, kernel)  # the print closed over, the light kept
    paper = cv2.GaussianBlur(paper, (0, 0), window / 4)
    paper = cv2.resize(paper, (grey.shape[1], grey.shape[0]), interpolation=cv2.INTER_LINEAR)
    flat = cv2.divide(grey, np.maximum(paper, 1), scale=255)
    # Faded print: stretch so that the darkest ink is black again.
    low = float(np.percentile(flat[::4, ::4], 0.5))
    stretched = (flat.astype(np.float32) - low) * (255.0 / max(1.0, 255.0 - low))
    return np.asarray(np.clip(stretched, 0, 255), dtype=np.uint8)


def rectify(image: Image.Image, outline: np.ndarray | None) -> Image.Image:
    """The ticket cut out of the photo along `outline` (from `look_at`; the whole picture when
    None), in grey, with its light flattened (see the module's invariants)."""
    return rectify_mapped(image, outline, PageMap.of(image.size))[0]


def rectify_mapped(image: Image.Image, outline: np.ndarray | None, page: PageMap) -> tuple[Image.Image, PageMap]:
    """`rectify`, and `page` carried through the cut-out (geometry.py)."""
    grey = np.asarray(image.convert("L"))
    if outline is not None:
        grey, matrix = _warp(grey, _widen(outline, grey.shape))
        page = page.then(matrix)
    flat = flatten_light(grey, image_prep.line_height(Image.fromarray(grey)) or DEFAULT_TEXT_HEIGHT_PX)
    return Image.fromarray(flat), page
