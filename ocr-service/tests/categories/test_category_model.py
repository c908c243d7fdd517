"""The shipped category model on real ticket lines, and the rules it is built from."""

from __future__ import annotations

import csv
import sys
from collections import Counter

import pytest

from ocr_service.categories.catalogue_lookup import CatalogueLookup
from ocr_service.categories.examples import categorise
from ocr_service.categories.model import DEFAULT_MODEL, load_category_model
from ocr_service.categories.taxonomy import CATALOGUE_SECTIONS, CATEGORIES
from ocr_service.categories.text import normalise
from ocr_service.devtools.correction_walk import read_labels, tickets_in_date_order, walk
from tests.conftest import SHARED

CATEGORIES_DATA = SHARED / "categories"


@pytest.fixture(scope="module")
def model():
    return load_category_model(str(DEFAULT_MODEL))


def test_the_model_ships_small_and_knows_every_category(model):
    assert DEFAULT_MODEL.stat().st_size <= 10 * 1024 * 1024
    assert set(model.classifier.classes_) == set(CATEGORIES)
    assert len(CATALOGUE_SECTIONS) == 26 and len(CATEGORIES) == 30


def test_the_taxonomy_is_the_catalogues_sections_spelled_alike():
    with (CATEGORIES_DATA / "catalog.csv").open(encoding="utf-8") as f:
        assert {r["category_l1"] for r in csv.DictReader(f)} == set(CATALOGUE_SECTIONS)


def test_dev_ticket_lines_meet_the_floors(model, tmp_path):
    sys.path.insert(0, str(CATEGORIES_DATA))
    import evaluate  # the dataset's own scorer

    with (CATEGORIES_DATA / "tickets-dev.csv").open(encoding="utf-8") as f:
        rows = [r for r in csv.DictReader(f) if r["category_l1"]]
    answers = categorise(model, [r["description"] for r in rows])
    distinct = [(r["category_l1"], a.category, 1) for r, a in zip(rows, answers)]
    lines = [(r["category_l1"], a.category, int(r["n_lines"])) for r, a in zip(rows, answers)]
    distinct_accuracy, distinct_f1, _ = evaluate.scores(distinct)
    lines_accuracy, lines_f1, _ = evaluate.scores(lines)
    assert lines_accuracy >= 0.93 and distinct_accuracy >= 0.90
    assert distinct_f1 >= 0.80 and lines_f1 >= 0.80


def test_a_description_corrected_once_is_never_wrong_again(model):
    result = walk(model, tickets_in_date_order(SHARED / "receipts" / "es-dev"),
                  read_labels(CATEGORIES_DATA / "tickets-dev.csv"))
    summary = result.summary()
    assert summary["lines_of_a_corrected_description_seen_later"] > 0
    assert summary["accuracy_on_those_lines"] == 1.0
    assert summary["accuracy_with_corrections"] >= summary["accuracy_model_alone"]
    assert 0 < summary["corrections"] < 0.1 * summary["labelled_lines"]


@pytest.mark.parametrize("line, expected", [
    ("Tomate frito sin azúcar Hacendado 400 g", "TOMATE FRITO SIN AZUCAR HACENDADO"),
    ("LECHE ENTERA 6X1L", "LECHE ENTERA"),
    ("PECHUGA DE POLLO 1,2 KG", "PECHUGA POLLO"),
    ("ACT O% NAT ED 8", "ACT O% NAT ED"),
    ("2 KG", ""),
])
def test_lines_and_names_are_reduced_alike(line, expected):
    assert normalise(line) == expected


def test_the_lookup_reads_abbreviations_and_keeps_the_tightest_products():
    lookup = CatalogueLookup([("TIRAS PECHUGA POLLO NATURAL HACENDADO", "Charcutería y quesos"),
                              ("POLLO ENTERO", "Carne"), ("POLLO ENTERO LIMPIO CAMPERO", "Congelados")])
    assert lookup.votes("T POLLO NATURAL") == Counter({"Charcutería y quesos": 1})
    assert lookup.votes("POLLO ENT BANDEJA") == Counter({"Carne": 1})  # the tighter name; pack words skipped
    assert lookup.votes("NATURAL POLLO") == Counter()  # the head word must lead


def test_the_request_time_features_and_probabilities_are_scikit_learns(model):
    # The service computes the vectorisers' and the classifier's output itself, for speed; it
    # must be the same numbers as scikit-learn's own transform and predict_proba.
    import numpy as np

    from ocr_service.categories.model import softmax
    from ocr_service.categories.text import char_ngrams

    with (CATEGORIES_DATA / "tickets-dev.csv").open(encoding="utf-8") as f:
        lines = [normalise(r["description"]) for r in csv.DictReader(f)] + ["", "A", "AB C", "ZZZZ"]
    ours, theirs = model.vectoriser.transform(lines), model.vectoriser.sklearn_transform(lines)
    assert ours.shape == theirs.shape and abs(ours - theirs).max() < 1e-6
    analyser = model.vectoriser.chars.build_analyzer()
    assert all(char_ngrams(line) == analyser(line) for line in lines)
    probabilities = softmax(ours @ model.classifier.coef_.T + model.classifier.intercept_)
    assert np.allclose(probabilities, model.classifier.predict_proba(theirs), atol=1e-5)
