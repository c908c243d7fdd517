"""Where a pixel of the image an engine read lies on the page the person sees.

Invariants:
- the page is the picture as stored (its pixels as decoded, EXIF orientation not applied: that is
  how the window shows it) or the PDF page as rendered, so a box divided by the page's size is the
  page-relative box of the contract, the same on any rendering of that page;
- every preparation step that moves pixels (EXIF turn, perspective cut-out, crop, deskew rotation,
  rescale) composes its own map onto `PageMap.matrix`, page -> image read, as a 3x3 projective
  matrix; a box read on the prepared image goes back through the inverse;
- a step that does not move pixels (grey, light flattening, binarisation) leaves the map alone.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

# A box on the page: left, top, right, bottom as shares of the page's width and height.
RelativeBox = tuple[float, float, float, float]


def translation(dx: float, dy: float) -> np.ndarray:
    return np.array([[1, 0, dx], [0, 1, dy], [0, 0, 1]], dtype=np.float64)


def scaling(fx: float, fy: float) -> np.ndarray:
    return np.array([[fx, 0, 0], [0, fy, 0], [0, 0, 1]], dtype=np.float64)


def pil_rotation(degrees: float, old_size: tuple[int, int], new_size: tuple[int, int]) -> np.ndarray:
    """The map of Pillow's `rotate(degrees, expand=True)`: counter-clockwise about the old image's
    centre, the result centred in the new (expanded) size."""
    turn = math.radians(degrees)
    cos, sin = math.cos(turn), math.sin(turn)
    # y points down, so a counter-clockwise turn on screen is this matrix.
    rotation = np.array([[cos, sin, 0], [-sin, cos, 0], [0, 0, 1]], dtype=np.float64)
    centred: np.ndarray = translation(new_size[0] / 2, new_size[1] / 2) @ rotation
    result: np.ndarray = centred @ translation(-old_size[0] / 2, -old_size[1] / 2)
    return result


def exif_turn(orientation: int, size: tuple[int, int]) -> np.ndarray:
    """The map of Pillow's `ImageOps.exif_transpose` for an EXIF orientation (1-8)."""
    w, h = size
    maps = {
        2: [[-1, 0, w], [0, 1, 0]],
        3: [[-1, 0, w], [0, -1, h]],
        4: [[1, 0, 0], [0, -1, h]],
        5: [[0, 1, 0], [1, 0, 0]],
        6: [[0, -1, h], [1, 0, 0]],
        7: [[0, -1, h], [-1, 0, w]],
        8: [[0, 1, 0], [-1, 0, w]],
    }
    rows = maps.get(orientation)
    return np.eye(3) if rows is None else np.array([*rows, [0, 0, 1]], dtype=np.float64)


@dataclass(frozen=True)
class PageMap:
    page_size: tuple[int, int]
    matrix: np.ndarray

    @classmethod
    def of(cls, size: tuple[int, int]) -> PageMap:
        return cls(size, np.eye(3))

    def then(self, step: np.ndarray) -> PageMap:
        return PageMap(self.page_size, step @ self.matrix)

    def to_page(self, points: np.ndarray) -> RelativeBox | None:
        """The page-relative box around points (N x 2) of the image read, clipped to the page;
        None when nothing of it is on the page."""
        ones = np.ones((len(points), 1))
        back = np.hstack([np.asarray(points, dtype=np.float64), ones]) @ np.linalg.inv(self.matrix).T
        xy = back[:, :2] / back[:, 2:3]
        width, height = self.page_size
        left, right = (float(np.clip(v / width, 0, 1)) for v in (xy[:, 0].min(), xy[:, 0].max()))
        top, bottom = (float(np.clip(v / height, 0, 1)) for v in (xy[:, 1].min(), xy[:, 1].max()))
        if right <= left or bottom <= top:
            return None
        return round(left, 4), round(top, 4), round(right, 4), round(bottom, 4)
