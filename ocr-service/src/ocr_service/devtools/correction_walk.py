"""Simulates a person correcting categories: tickets in date order, a wrong line corrected at once.

For each line of each ticket (in purchase order) the model is asked with the person's corrections
so far; if its answer differs from the line's label, the person corrects it, and the correction
joins the examples of every later request. Measures how many corrections the person makes and how
the lines after each correction fare. Only labelled lines count (`tickets-dev.csv`). Usage:

    PYTHONPATH=src .venv/bin/python -m ocr_service.devtools.correction_walk ../../shared
"""

from __future__ import annotations

import argparse
import csv
import json
from dataclasses import dataclass, field
from pathlib import Path

from ocr_service.categories.examples import categorise
from ocr_service.categories.model import DEFAULT_MODEL, CategoryModel, load_category_model


@dataclass
class Walk:
    lines: int = 0
    right_without_examples: int = 0
    right_with_examples: int = 0
    corrections: list[str] = field(default_factory=list)
    # Lines whose description the person had corrected before: [right, seen].
    seen_after_correction: list[int] = field(default_factory=lambda: [0, 0])

    def summary(self) -> dict[str, float]:
        right, seen = self.seen_after_correction
        return {"labelled_lines": self.lines, "corrections": len(self.corrections),
                "accuracy_model_alone": round(self.right_without_examples / max(self.lines, 1), 4),
                "accuracy_with_corrections": round(self.right_with_examples / max(self.lines, 1), 4),
                "lines_of_a_corrected_description_seen_later": seen,
                "accuracy_on_those_lines": round(right / seen, 4) if seen else 1.0}


def tickets_in_date_order(receipts: Path) -> list[list[str]]:
    """The item descriptions of each ground-truth ticket, oldest first (scan copies of a digital
    ticket are left out: the same purchase would be counted twice)."""
    dated = []
    for path in sorted(receipts.glob("*.json")):
        truth = json.loads(path.read_text())
        if path.name.startswith("scan") or not truth.get("items"):
            continue
        dated.append((truth.get("date") or "", truth.get("time") or "", [i["description"] for i in truth["items"]]))
    return [descriptions for *_, descriptions in sorted(dated)]


def walk(model: CategoryModel, tickets: list[list[str]], labels: dict[str, str]) -> Walk:
    result = Walk()
    examples: list[tuple[str, str]] = []
    for descriptions in tickets:
        alone = categorise(model, descriptions)
        learnt = categorise(model, descriptions, examples)
        corrected_before = {d for d, _ in examples}
        for description, model_answer, answer in zip(descriptions, alone, learnt):
            label = labels.get(description.strip())
            if not label:
                continue
            result.lines += 1
            result.right_without_examples += model_answer.category == label
            result.right_with_examples += answer.category == label
            if description in corrected_before:
                result.seen_after_correction[0] += answer.category == label
                result.seen_after_correction[1] += 1
            if answer.category != label:
                result.corrections.append(description)
                examples.append((description, label))
    return result


def read_labels(tickets_csv: Path) -> dict[str, str]:
    with tickets_csv.open(newline="", encoding="utf-8-sig") as f:
        return {r["description"].strip(): r["category_l1"].strip() for r in csv.DictReader(f) if r["category_l1"].strip()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("shared", type=Path, help="the shared data folder (receipts/es-dev, categories/)")
    args = parser.parse_args()
    model = load_category_model(str(DEFAULT_MODEL))
    result = walk(model, tickets_in_date_order(args.shared / "receipts" / "es-dev"),
                  read_labels(args.shared / "categories" / "tickets-dev.csv"))
    print(json.dumps(result.summary(), indent=2))


if __name__ == "__main__":
    main()
