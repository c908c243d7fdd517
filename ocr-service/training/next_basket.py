"""Tune and measure the next-basket model (prediction/next_basket.py) on real order histories.

    PYTHONPATH=src .venv/bin/python training/next_basket.py ../../shared/baskets [--report R.json]

Every household's baskets go through the service's own `predict_basket` (its product grouping
included), each target predicted from the earlier baskets only, with "now" the target's day and
hour (the person opens the list on the day they shop). The predictions are scored by the corpus's
own `evaluate.py`, next to the two baselines of its README (personal top-frequent, and frequency
x recency), with a paired bootstrap interval of the model's recall gain over frequency x recency.
The calibration (CALIBRATION in the model) is fitted here: a logistic curve of the log score to
whether each listed product was bought. Nothing is trained into a file: the model's few weights
are constants in its module, and no basket data ships.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import importlib.util
import json
import math
import random
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

import numpy as np
from sklearn.linear_model import LogisticRegression

from ocr_service.prediction import next_basket
from ocr_service.schemas import BasketLine, PastTicket

START = dt.datetime(2017, 1, 2)
K = 10


def load(corpus: Path) -> dict[str, list[dict]]:
    """{user: [{"id", "when", "products": {product_id: name}}, ...] in order}"""
    users: dict[str, dict[str, dict]] = defaultdict(dict)
    with (corpus / "baskets-dev.csv").open(newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            basket = users[row["user_id"]].setdefault(row["basket_id"], {
                "id": row["basket_id"], "order": (float(row["time"]), float(row["seq"])),
                "when": START + dt.timedelta(days=float(row["time"]), hours=int(row["hour"])), "products": {}})
            basket["products"][row["product_id"]] = row["product_name"]
    return {u: sorted(b.values(), key=lambda b: b["order"]) for u, b in users.items()}


def tickets(baskets: list[dict]) -> list[PastTicket]:
    return [PastTicket(datetime=b["when"], items=[BasketLine(description=n) for n in b["products"].values()])
            for b in baskets]


def model_top(baskets: list[dict], target: dict) -> tuple[list[str], list[float]]:
    ids = {name: pid for b in baskets for pid, name in b["products"].items()}
    answer = next_basket.predict_basket(tickets(baskets), target["when"], K)
    return [ids[i.description] for i in answer.items], [i.probability for i in answer.items]


def top_frequent(baskets: list[dict], target: dict) -> list[str]:
    count: dict[str, float] = defaultdict(float)
    for j, b in enumerate(baskets):
        for pid in b["products"]:
            count[pid] += 1 + j * 1e-6  # ties: the most recent first
    return sorted(count, key=lambda p: -count[p])[:K]


def frequency_recency(baskets: list[dict], target: dict) -> list[str]:
    score: dict[str, float] = defaultdict(float)
    for b in baskets:
        for pid in b["products"]:
            score[pid] += math.exp(-(target["when"] - b["when"]).days / 60)
    return sorted(score, key=lambda p: -score[p])[:K]


def targets(users: dict[str, list[dict]]):
    """(user, earlier baskets, target, protocol) for the `last` and `after-5th` protocols."""
    for user, baskets in users.items():
        for i in range(1, len(baskets)):
            if i == len(baskets) - 1 or i >= 5:
                yield user, baskets[:i], baskets[i]


def score(corpus: Path, rows: list[tuple[str, str, list[str]]]) -> dict:
    spec = importlib.util.spec_from_file_location("baskets_evaluate", corpus / "evaluate.py")
    evaluate = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    spec.loader.exec_module(evaluate)  # type: ignore[union-attr]
    with tempfile.NamedTemporaryFile("w", suffix=".csv", delete=False, newline="") as out:
        writer = csv.writer(out)
        writer.writerow(["user_id", "basket_id", "rank", "product_id"])
        for user, basket, top in rows:
            writer.writerows([user, basket, rank, pid] for rank, pid in enumerate(top, 1))
    result: dict = evaluate.evaluate(evaluate.load_baskets(str(corpus / "baskets-dev.csv")),
                                     evaluate.load_predictions(out.name, K), K)
    Path(out.name).unlink()
    return result


def bootstrap_gain(a: list[float], b: list[float], rounds: int = 2000) -> tuple[float, float]:
    """95 % interval of the mean of a - b over users resampled with replacement."""
    pick = random.Random(0)
    diffs = [x - y for x, y in zip(a, b, strict=True)]
    means = sorted(sum(pick.choice(diffs) for _ in diffs) / len(diffs) for _ in range(rounds))
    return means[int(0.025 * rounds)], means[int(0.975 * rounds)]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--report", type=Path, default=Path(__file__).parent / "next_basket_report.json")
    args = parser.parse_args()
    users = load(args.corpus)
    rows: dict[str, list] = {"model": [], "top_frequent": [], "frequency_recency": []}
    calibration_x, calibration_y, last_recall = [], [], defaultdict(dict)
    for user, earlier, target in targets(users):
        top, probabilities = model_top(earlier, target)
        rows["model"].append((user, target["id"], top))
        rows["top_frequent"].append((user, target["id"], top_frequent(earlier, target)))
        rows["frequency_recency"].append((user, target["id"], frequency_recency(earlier, target)))
        bought = set(target["products"])
        calibration_x += [math.log(max(1e-9, p / (1 - p))) for p in probabilities]  # back to the log-odds
        calibration_y += [pid in bought for pid in top]
        if target is users[user][-1]:
            for name in rows:
                last_recall[name][user] = len(set(rows[name][-1][2]) & bought) / len(bought)
    report: dict = {"k": K, "users": len(users), "model": next_basket.MODEL,
                    "weights": {"recency_days": next_basket.RECENCY_DAYS, "rhythm_weight": next_basket.RHYTHM_WEIGHT,
                                "rhythm_spread": next_basket.RHYTHM_SPREAD}}
    for name, predicted in rows.items():
        result = score(args.corpus, predicted)
        report[name] = {protocol: {m: round(result[protocol][m], 4) for m in
                                   ("recall", "ndcg", "phr", "recall_repeat", "recall_new")}
                        for protocol in ("last", "after-5th")}
    users_in_order = sorted(last_recall["model"])
    low, high = bootstrap_gain([last_recall["model"][u] for u in users_in_order],
                               [last_recall["frequency_recency"][u] for u in users_in_order])
    report["recall_gain_over_frequency_recency_95"] = [round(low, 4), round(high, 4)]
    # The listed products' outcome against the model's log-odds: the calibration's refit.
    fit = LogisticRegression().fit(np.array(calibration_x).reshape(-1, 1), np.array(calibration_y))
    report["calibration_refit_on_log_odds"] = {"intercept": round(float(fit.intercept_[0]), 3),
                                               "slope": round(float(fit.coef_[0][0]), 3),
                                               "listed_bought_share": round(float(np.mean(calibration_y)), 4),
                                               "mean_probability": round(float(np.mean(
                                                   [1 / (1 + math.exp(-x)) for x in calibration_x])), 4)}
    args.report.write_text(json.dumps(report, indent=1) + "\n")
    print(json.dumps({k: report[k] for k in ("model", "top_frequent", "frequency_recency")}, indent=1))
    print("recall gain 95 %:", report["recall_gain_over_frequency_recency_95"], report["calibration_refit_on_log_odds"])
    return 0


if __name__ == "__main__":
    sys.exit(main())
