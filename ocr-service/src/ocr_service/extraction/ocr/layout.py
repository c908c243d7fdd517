"""Boxes of recognised text back into printed lines (for engines that answer with boxes)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Word:
    text: str
    left: float
    right: float
    top: float
    bottom: float

    @property
    def middle(self) -> float:
        return (self.top + self.bottom) / 2

    @property
    def height(self) -> float:
        return self.bottom - self.top


def line_groups(words: list[Word]) -> list[list[int]]:
    """The words of each printed line (indices into `words`), top to bottom and left to right:
    boxes whose vertical middles fall within half a box height go together. The current line's
    middle and smallest height are kept as it grows (a letter-spaced PDF has a run per letter)."""
    lines: list[list[int]] = []
    middle_sum = smallest = 0.0
    for index in sorted(range(len(words)), key=lambda i: words[i].middle):
        word = words[index]
        if lines and abs(word.middle - middle_sum / len(lines[-1])) <= 0.5 * max(word.height, smallest):
            lines[-1].append(index)
            middle_sum += word.middle
            smallest = min(smallest, word.height)
            continue
        lines.append([index])
        middle_sum, smallest = word.middle, word.height
    return [sorted(line, key=lambda i: words[i].left) for line in lines]


def line_text(words: list[Word], line: list[int]) -> str:
    return "   ".join(words[i].text for i in line)


def words_to_lines(words: list[Word]) -> str:
    return "\n".join(line_text(words, line) for line in line_groups(words))
