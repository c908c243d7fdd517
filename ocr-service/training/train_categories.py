"""Train the spending-category model and measure it on labelled ticket lines.

Data recipe: the supermarket catalogue (../shared/categories/catalog.csv: product display names with
the shop's level-1 section) plus `extra_lines.csv` (lines of fuel, restaurant, pharmacy and
other tickets, written for this project). Ticket lines are upper case, cut at about 20 characters
and abbreviated, so each name is also taught as a ticket would print it: cut to 16 and 20
characters, and `VARIANTS` random abbreviations (words dropped, words cut to 3-6 letters, the first
word cut to one or two letters as in "Q CREMOSO", vowels dropped, cut at 18-30 characters).

Model: TF-IDF over character 2-5-grams and word prefixes (`categories/text.py`), logistic
regression; plus the catalogue lookup over the product names whose source is MIT-licensed.

Evaluation: ../shared/categories/evaluate.py's measures (accuracy and macro-F1, per distinct
description and by lines) on the labelled dev lines, for the shipped blend and for the classifier
alone. Usage (from ocr-service/):

    PYTHONPATH=src .venv/bin/python training/train_categories.py ../../shared/categories
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import re
import sys
from pathlib import Path

import joblib
from sklearn.linear_model import LogisticRegression

from ocr_service.categories.catalogue_lookup import CatalogueLookup
from ocr_service.categories.examples import categorise
from ocr_service.categories.model import DEFAULT_MODEL, CategoryModel
from ocr_service.categories.taxonomy import CATALOGUE_SECTIONS, CATEGORIES
from ocr_service.categories.text import LineFeatures, normalise

HERE = Path(__file__).parent
VARIANTS = 8
EXTRA_REPEATS = 3  # ~170 hand-written lines against ~6,000 products: seen a few times each
LICENSED_SOURCE = "mercadona-2025-03"  # the MIT-licensed scrape; only its names ship in the lookup
C = 10.0
VOWEL = re.compile(r"(?<=.)[AEIOU]")


def ticket_variants(name: str, rng: random.Random) -> set[str]:
    base = normalise(name)
    words = base.split()
    out = {base, base[:20].strip(), base[:16].strip()}
    for _ in range(VARIANTS):
        kept = [w for w in words if rng.random() > 0.15 or len(words) < 3]
        if len(kept) > 2 and rng.random() < 0.15:
            kept = kept[1:]
        if len(kept) > 1 and rng.random() < 0.2:
            kept[0] = kept[0][:rng.randint(1, 2)]
        kept = [w[:rng.randint(3, 6)] if len(w) > 4 and rng.random() < 0.5 else w for w in kept]
        kept = [VOWEL.sub("", w) if len(w) > 5 and rng.random() < 0.1 else w for w in kept]
        out.add(" ".join(kept)[:rng.choice([18, 20, 22, 30])].strip())
    return {v for v in out if v}


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(newline="", encoding="utf-8-sig") as f:
        return list(csv.DictReader(f))


def training_set(catalogue: list[dict[str, str]], extra: list[dict[str, str]], seed: int) -> tuple[list[str], list[str]]:
    rng = random.Random(seed)
    texts, labels = [], []
    named = [(r["display_name"], r["category_l1"]) for r in catalogue]
    named += [(r["description"], r["category"]) for r in extra] * EXTRA_REPEATS
    for name, category in named:
        for variant in sorted(ticket_variants(name, rng)):
            texts.append(variant)
            labels.append(category)
    return texts, labels


def fit(texts: list[str], labels: list[str]) -> tuple[LineFeatures, LogisticRegression]:
    vectoriser = LineFeatures()
    classifier = LogisticRegression(C=C, max_iter=3000)
    classifier.fit(vectoriser.fit_transform(texts), labels)
    return vectoriser, classifier


def lookup_products(catalogue: list[dict[str, str]], extra: list[dict[str, str]]) -> list[tuple[str, str]]:
    products = {(normalise(r["display_name"]), r["category_l1"]) for r in catalogue if LICENSED_SOURCE in r["source"]}
    products |= {(normalise(r["description"]), r["category"]) for r in extra}
    return sorted(p for p in products if p[0])


def scores(evaluate_py: Path, tickets: list[dict[str, str]], predicted: dict[str, str]) -> dict[str, float]:
    sys.path.insert(0, str(evaluate_py.parent))
    import evaluate  # the dataset's own scorer (standard library), so the figures are its figures

    gold = [r for r in tickets if r["category_l1"].strip()]
    out = {}
    for view, weight in (("distinct", lambda r: 1), ("lines", lambda r: int(r["n_lines"] or 1))):
        pairs = [(r["category_l1"], predicted.get(r["description"], ""), weight(r)) for r in gold]
        accuracy, macro_f1, _ = evaluate.scores(pairs)
        out[f"{view}_accuracy"] = round(accuracy, 4)
        out[f"{view}_macro_f1"] = round(macro_f1, 4)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("data", type=Path, help="the categories folder (catalog.csv, tickets-dev.csv, evaluate.py)")
    parser.add_argument("--out", type=Path, default=DEFAULT_MODEL)
    parser.add_argument("--report", type=Path, default=HERE / "categories_report.json")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()

    catalogue = read_csv(args.data / "catalog.csv")
    extra = read_csv(HERE / "extra_lines.csv")
    sections = {r["category_l1"] for r in catalogue}
    if sections != set(CATALOGUE_SECTIONS) or not {r["category"] for r in extra} <= set(CATEGORIES):
        raise SystemExit("the catalogue's sections or the extra lines' categories are not the taxonomy's")
    texts, labels = training_set(catalogue, extra, args.seed)
    vectoriser, classifier = fit(texts, labels)
    products = lookup_products(catalogue, extra)
    model = CategoryModel(vectoriser, classifier, CatalogueLookup(products), "categories-v1")

    tickets = read_csv(args.data / "tickets-dev.csv")
    descriptions = [r["description"] for r in tickets]
    blended = {d: a.category for d, a in zip(descriptions, categorise(model, descriptions))}
    alone = dict(zip(descriptions, classifier.predict(vectoriser.transform([normalise(d) for d in descriptions]))))
    report = {
        "training_lines": len(texts), "features": vectoriser.size,
        "lookup_products": len(products), "seed": args.seed,
        "dev_shipped": scores(args.data / "evaluate.py", tickets, blended),
        "dev_classifier_alone": scores(args.data / "evaluate.py", tickets, alone),
    }
    model.metrics = report["dev_shipped"]
    joblib.dump({"vectoriser": vectoriser, "classifier": classifier, "lookup": products, "name": model.name,
                 "metrics": model.metrics}, args.out, compress=3)
    report["model_bytes"] = args.out.stat().st_size
    args.report.write_text(json.dumps(report, indent=2) + "\n")
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
