"""A phone photo of a paper ticket, simulated from a born-digital one, so that the photo path can be
measured on Spanish tickets whose ground truth is exact (it comes from the PDF's text layer).

`./cesta simulate-photos PDF... --out DIR` writes NAME.jpg and NAME.json (the PDF's ground truth,
kind "photo-sim") for each ticket. What a phone does to a thermal ticket, each step at a random
strength drawn from a seeded generator, so that a tier is the same every time it is made:
- thermal print: grey, uneven ink that fades along the paper;
- paper: grain and a slow wave of brightness;
- curl: the paper bows, so its lines bend;
- the table: the ticket lies on a darker, textured surface, smaller than the frame;
- the camera: perspective, a tilt of a few degrees, sometimes a quarter or half turn;
- the room: a light gradient and the shadow of a hand or phone across part of it;
- the picture: defocus blur, resampling to a phone's resolution, JPEG compression.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass
from pathlib import Path

import cv2
import numpy as np
import pypdfium2 as pdfium
from PIL import Image

# A thermal ticket printed at 203 dpi is about 8 px a millimetre; pages are rendered near that.
RENDER_SCALE = 2.8
PHONE_LONG_SIDE = (1400, 2200)
MARGIN_PX = 24


@dataclass(frozen=True)
class Strength:
    """How hard each step hits one photo."""

    ink_grey: int
    fade: float
    curl_px: float
    tilt_degrees: float
    quarter_turns: int
    perspective: float
    table_share: float
    gradient: float
    shadow: float
    blur_sigma: float
    jpeg_quality: int

    @classmethod
    def draw(cls, rng: np.random.Generator) -> Strength:
        turn = rng.random()
        return cls(
            ink_grey=int(rng.integers(10, 80)),
            fade=float(rng.uniform(0.0, 0.45)),
            curl_px=float(rng.uniform(0, 14)),
            tilt_degrees=float(rng.uniform(-8, 8)),
            quarter_turns=1 if turn < 0.08 else 2 if turn < 0.12 else 3 if turn < 0.16 else 0,
            perspective=float(rng.uniform(0.0, 0.08)),
            table_share=float(rng.uniform(0.15, 0.45)),
            gradient=float(rng.uniform(0.0, 0.35)),
            shadow=float(rng.uniform(0.0, 0.4)),
            blur_sigma=float(rng.uniform(0.3, 1.3)),
            jpeg_quality=int(rng.integers(65, 92)),
        )


def render_ticket(pdf: Path) -> np.ndarray:
    """The ticket's first page in grey, cropped to its print plus a margin of paper."""
    page = pdfium.PdfDocument(str(pdf))[0]
    grey = np.asarray(page.render(scale=RENDER_SCALE, grayscale=True).to_pil().convert("L"))
    ys, xs = np.nonzero(grey < 200)
    if len(xs) == 0:
        return grey
    top, bottom = max(0, ys.min() - MARGIN_PX), min(grey.shape[0], ys.max() + MARGIN_PX)
    left, right = max(0, xs.min() - MARGIN_PX), min(grey.shape[1], xs.max() + MARGIN_PX)
    return grey[top:bottom, left:right]


def _thermal(grey: np.ndarray, s: Strength, rng: np.random.Generator) -> np.ndarray:
    ink = 1.0 - grey.astype(np.float32) / 255.0
    fade = 1.0 - s.fade * np.linspace(0, 1, grey.shape[0], dtype=np.float32)[:, None]
    speckle = rng.uniform(0.75, 1.0, grey.shape).astype(np.float32)
    paper = 245 - 12 * _slow_noise(grey.shape, rng) - rng.normal(0, 3, grey.shape).astype(np.float32)
    printed: np.ndarray = paper - ink * fade * speckle * (paper - s.ink_grey)
    return printed


def _slow_noise(shape: tuple[int, ...], rng: np.random.Generator) -> np.ndarray:
    coarse = rng.random((max(2, shape[0] // 200), max(2, shape[1] // 200))).astype(np.float32)
    return cv2.resize(coarse, (shape[1], shape[0]), interpolation=cv2.INTER_CUBIC)


def _curl(paper: np.ndarray, s: Strength) -> np.ndarray:
    height, width = paper.shape
    ys, xs = np.mgrid[0:height, 0:width].astype(np.float32)
    bow = s.curl_px * np.sin(np.pi * xs / width)
    return cv2.remap(paper, xs, ys - bow + s.curl_px / 2, cv2.INTER_LINEAR, borderValue=0)


def _on_table(paper: np.ndarray, s: Strength, rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    """The ticket on a table, with perspective and tilt; also where the ticket is (a mask)."""
    height, width = paper.shape
    pad = int(max(height, width) * s.table_share / 2)
    size = (height + 2 * pad, width + 2 * pad)
    table = (np.full(size, rng.uniform(40, 140), np.float32) + 40 * _slow_noise(size, rng)
             + rng.normal(0, 8, size).astype(np.float32))
    corners = np.array([[0, 0], [width, 0], [width, height], [0, height]], np.float32)
    jitter = rng.uniform(-s.perspective, s.perspective, (4, 2)).astype(np.float32) * [width, height]
    centre = np.array([size[1] / 2, size[0] / 2], np.float32)
    angle = np.deg2rad(s.tilt_degrees)
    rotation = np.array([[np.cos(angle), -np.sin(angle)], [np.sin(angle), np.cos(angle)]], np.float32)
    placed = (corners - [width / 2, height / 2] + jitter) @ rotation.T + centre
    matrix = cv2.getPerspectiveTransform(corners, placed.astype(np.float32))
    warped = cv2.warpPerspective(paper, matrix, (size[1], size[0]), flags=cv2.INTER_LINEAR, borderValue=0)
    mask = cv2.warpPerspective(np.ones_like(paper), matrix, (size[1], size[0]), flags=cv2.INTER_LINEAR)
    return np.where(mask > 0.5, warped, table), mask


def _room_light(image: np.ndarray, s: Strength, rng: np.random.Generator) -> np.ndarray:
    height, width = image.shape
    direction = rng.uniform(0, 2 * np.pi)
    ys, xs = np.mgrid[0:height, 0:width].astype(np.float32)
    ramp = (np.cos(direction) * xs / width + np.sin(direction) * ys / height)
    ramp = (ramp - ramp.min()) / max(float(np.ptp(ramp)), 1e-6)
    lit = image * (1.0 - s.gradient * ramp)
    if s.shadow > 0.05:  # a soft-edged shadow over one side, as a hand or phone casts
        edge = rng.uniform(0.2, 0.8)
        side = (xs / width if rng.random() < 0.5 else ys / height) - edge
        shade = 1.0 - s.shadow / (1.0 + np.exp(-side * 25))
        lit = lit * shade
    return np.asarray(lit, dtype=np.float32)


def simulate(ticket: np.ndarray, s: Strength, rng: np.random.Generator) -> Image.Image:
    """A phone photo of `ticket` (grey pixels of the printed ticket, black ink on white)."""
    paper = _curl(_thermal(ticket, s, rng), s)
    photo, _ = _on_table(paper, s, rng)
    photo = _room_light(photo, s, rng)
    photo = cv2.GaussianBlur(photo, (0, 0), s.blur_sigma)
    long_side = int(rng.integers(*PHONE_LONG_SIDE))
    factor = long_side / max(photo.shape)
    photo = cv2.resize(photo, None, fx=factor, fy=factor, interpolation=cv2.INTER_AREA)
    photo = np.rot90(photo, s.quarter_turns)
    tint = np.array([1.0, rng.uniform(0.96, 1.0), rng.uniform(0.88, 0.98)], np.float32)  # warm room light
    rgb = np.clip(photo[:, :, None] * tint, 0, 255).astype(np.uint8)
    return Image.fromarray(rgb)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="cesta simulate-photos", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("pdfs", nargs="+", type=Path)
    parser.add_argument("--out", required=True, type=Path)
    parser.add_argument("--seed", type=int, default=2026)
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    rng = np.random.default_rng(args.seed)
    made = 0
    for pdf in args.pdfs:
        truth_file = pdf.with_suffix(".json")
        strength = Strength.draw(rng)
        simulate(render_ticket(pdf), strength, rng).save(args.out / f"{pdf.stem}.jpg", quality=strength.jpeg_quality)
        if truth_file.exists():
            truth = json.loads(truth_file.read_text())
            truth["kind"] = "photo-sim"
            (args.out / truth_file.name).write_text(json.dumps(truth, indent=1, ensure_ascii=False))
        made += 1
    print(f"simulated {made} phone photos into {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
