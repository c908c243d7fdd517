"""Train the next-shop ranker and measure it the way ../shared/visits/evaluate.py does.

Data recipe: real per-user visit histories (../shared/visits/fsq-dev.csv, Foursquare check-ins)
plus synthetic grocery shoppers (ocr_service.prediction.synthetic, seeds 0..N-1). Examples are one
row per (moment, candidate shop) at every visit after the fifth, with a `current_time` drawn
between the previous visit and the target, as the evaluation does.

Evaluation: users are split into folds; each fold is scored with a model trained without its
users (Acc@1, Acc@3, MRR, per-user Acc@1, top-1 Brier, against most-frequent and first-order
Markov on the same targets), and held-out synthetic users measure the 80% interval coverage.
The shipped model is then trained on every user. Usage (from ocr-service/):

    PYTHONPATH=src .venv/bin/python training/train_next_shop.py ../../shared/visits/fsq-dev.csv
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import random
import sys
from collections import Counter, defaultdict
from itertools import pairwise
from pathlib import Path

import joblib
import numpy as np
from sklearn.ensemble import HistGradientBoostingClassifier

from ocr_service.prediction.features import MAX_CANDIDATES, candidate_features
from ocr_service.prediction.history import build_history
from ocr_service.prediction.ranker import DEFAULT_MODEL, NextShopRanker, predict
from ocr_service.prediction.synthetic import synthetic_user
from ocr_service.schemas import PastVisit

MIN_POSITION = 5
MAX_TARGETS_PER_USER = 400
TEMPERATURES = (0.6, 0.8, 1.0, 1.25, 1.5, 2.0)


def load_csv(path: Path) -> dict[str, list[PastVisit]]:
    users: dict[str, list[PastVisit]] = defaultdict(list)
    with path.open() as f:
        for row in csv.DictReader(f):
            users[row["user"]].append(PastVisit(shop=row["shop"], datetime=dt.datetime.fromisoformat(row["datetime"]),
                                                total=row.get("total") or None))
    return {u: sorted(v, key=lambda x: x.datetime) for u, v in users.items()}


def examples(users: dict[str, list[PastVisit]], seed: int) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    features, labels = [], []
    for visits in users.values():
        history = build_history(visits)
        positions = np.arange(MIN_POSITION, len(history))
        if len(positions) > MAX_TARGETS_PER_USER:
            positions = np.sort(rng.choice(positions, MAX_TARGETS_PER_USER, replace=False))
        for i in positions:
            prefix = history.prefix(int(i))
            truth = int(history.shops[i])
            if truth >= len(prefix.names):
                continue  # a first visit: no candidate can be right, the new-shop estimate covers it
            previous, target = history.times[i - 1], history.times[i]
            now = previous + (target - previous) * rng.random()
            candidates, rows = candidate_features(prefix, now)
            hit = candidates == truth
            if hit.any():
                features.append(rows)
                labels.append(hit)
    return np.vstack(features), np.concatenate(labels)


def fit(users: dict[str, list[PastVisit]], seed: int = 0) -> HistGradientBoostingClassifier:
    x, y = examples(users, seed)
    model = HistGradientBoostingClassifier(max_iter=400, learning_rate=0.05, max_leaf_nodes=31,
                                           l2_regularization=1.0, random_state=seed)
    return model.fit(x, y)


def mf_rank(history: list[PastVisit]) -> list[str]:
    return [s for s, _ in Counter(v.shop for v in history).most_common()]


def markov_rank(history: list[PastVisit]) -> list[str]:
    last = history[-1].shop
    nxt = Counter(b.shop for a, b in pairwise(history) if a.shop == last)
    return [s for s, _ in nxt.most_common()] + [s for s in mf_rank(history) if s not in nxt]


def evaluate(users: dict[str, list[PastVisit]], ranker: NextShopRanker) -> dict:
    """evaluate.py's protocol: the last 20% of each user's visits (users with >= 20), same seeds."""
    per_user: dict[str, dict[str, list[tuple[bool, bool, float]]]] = {}
    top1: list[tuple[float, bool]] = []
    coverage: list[bool] = []
    for user, visits in sorted(users.items()):
        if len(visits) < 20:
            continue
        rng = random.Random(user)
        rows: dict[str, list[tuple[bool, bool, float]]] = defaultdict(list)
        for i in range(len(visits) - max(1, len(visits) // 5), len(visits)):
            history, target = visits[:i], visits[i]
            now = history[-1].datetime + (target.datetime - history[-1].datetime) * rng.random()
            answer = predict(history, now, ranker)
            ranked = [p.shop for p in answer.predictions]
            for name, ranking in (("service", ranked), ("most_frequent", mf_rank(history)),
                                  ("markov1", markov_rank(history))):
                rank = ranking.index(target.shop) + 1 if target.shop in ranking else None
                rows[name].append((rank == 1, rank is not None and rank <= 3, 1 / rank if rank else 0.0))
            p1 = answer.predictions[0].probability if answer.predictions else 0.0
            top1.append((p1, bool(ranked[:1] == [target.shop])))
            if answer.next_visit:
                start, end = answer.next_visit.interval_80
                coverage.append(start <= target.datetime <= end)
        per_user[user] = rows
    summary: dict = {"users": len(per_user), "targets": len(top1)}
    for name in ("service", "most_frequent", "markov1"):
        flat = [r for rows in per_user.values() for r in rows[name]]
        summary[name] = {
            "acc1": round(100 * np.mean([r[0] for r in flat]), 1), "acc3": round(100 * np.mean([r[1] for r in flat]), 1),
            "mrr": round(100 * np.mean([r[2] for r in flat]), 1),
            "macro_acc1": round(100 * np.mean([np.mean([r[0] for r in rows[name]]) for rows in per_user.values()]), 1)}
    summary["service_top1_brier"] = round(float(np.mean([(p - hit) ** 2 for p, hit in top1])), 4)
    summary["next_visit_interval_80_coverage"] = round(100 * float(np.mean(coverage)), 1) if coverage else None
    return summary


def choose_temperature(model: HistGradientBoostingClassifier, users: dict[str, list[PastVisit]]) -> float:
    """The temperature that minimises the top-1 Brier score on the training users' own last visits."""
    sample = dict(sorted(users.items())[:60])
    best = min(TEMPERATURES, key=lambda t: evaluate(sample, NextShopRanker(model, t, "tmp", {}))["service_top1_brier"])
    return best


def pooled(folds: list[dict]) -> dict[str, float]:
    """Acc@1 over all cross-validation targets (folds weighted by their targets)."""
    if not folds:
        return {}
    total = sum(f["targets"] for f in folds)
    return {f"cv_{name}_acc1" if name != "service" else "cv_acc1":
            round(sum(f[name]["acc1"] * f["targets"] for f in folds) / total, 1)
            for name in ("service", "most_frequent", "markov1")}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("visits", type=Path)
    parser.add_argument("--synthetic-users", type=int, default=300)
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--out", type=Path, default=DEFAULT_MODEL)
    parser.add_argument("--report", type=Path, default=Path(__file__).with_name("next_shop_report.json"))
    parser.add_argument("--exclude", type=Path, help="a visits CSV whose users the model must never see "
                        "(to score it with evaluate.py afterwards); skips the cross-validation")
    args = parser.parse_args()
    real = load_csv(args.visits)
    if args.exclude:
        excluded = set(load_csv(args.exclude))
        real = {u: v for u, v in real.items() if u not in excluded}
        args.folds = 0
    synthetic = {f"synthetic-{s}": synthetic_user(s) for s in range(args.synthetic_users)}
    held_out_synthetic = {f"synthetic-{s}": synthetic_user(s) for s in range(100_000, 100_100)}
    names = sorted(real)
    folds = [set(names[k::args.folds]) for k in range(args.folds)]
    report: dict = {"folds": []}
    for k, fold in enumerate(folds):
        train = {u: v for u, v in real.items() if u not in fold} | synthetic
        model = fit(train, seed=k)
        ranker = NextShopRanker(model, choose_temperature(model, train), f"fold-{k}", {})
        scored = evaluate({u: real[u] for u in fold}, ranker)
        scored["temperature"] = ranker.temperature
        report["folds"].append(scored)
        print(f"fold {k}: {json.dumps(scored)}", flush=True)
    everyone = real | synthetic
    model = fit(everyone, seed=42)
    temperature = choose_temperature(model, everyone)
    final = NextShopRanker(model, temperature, "ranker-v1", {})
    report["held_out_synthetic"] = evaluate(held_out_synthetic, final)
    print(f"held-out synthetic: {json.dumps(report['held_out_synthetic'])}", flush=True)
    metrics = pooled(report["folds"])
    args.out.parent.mkdir(parents=True, exist_ok=True)
    joblib.dump({"classifier": model, "temperature": temperature, "name": "ranker-v1", "metrics": metrics,
                 "max_candidates": MAX_CANDIDATES}, args.out, compress=3)
    report["shipped"] = {"temperature": temperature, "metrics": metrics, "file": str(args.out)}
    args.report.write_text(json.dumps(report, indent=1))
    print(f"model written to {args.out} ({args.out.stat().st_size / 1024:.0f} KiB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
