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


def words_to_lines(words: list[Word]) -> str:
    """Group boxes whose vertical middles fall within half a box height, left to right."""
    lines: list[list[Word]] = []
    for word in sorted(words, key=lambda w: w.middle):
        if lines:
            last = lines[-1]
            reference = sum(w.middle for w in last) / len(last)
            if abs(word.middle - reference) <= 0.5 * max(word.height, min(w.height for w in last)):
                last.append(word)
                continue
        lines.append([word])
    return "\n".join("   ".join(w.text for w in sorted(line, key=lambda w: w.left)) for line in lines)
