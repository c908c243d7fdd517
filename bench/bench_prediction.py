"""`./cesta bench prediction`: latency of POST /predict/next-shop by history size, and of
POST /predict/next-basket on the shopping list's target size, real service.

Next shop: histories of 10, 100, 1,000 and 10,000 visits (synthetic grocery shoppers, repeated to
size). Next basket: 300 tickets over two years holding 1,500 distinct products (Spanish-style
descriptions, popularity falling as in real baskets, some printed two ways), asked again as it is
and with a description corrected (the worker's product catalogue rebuilt). --requests per size
and run, --runs runs; p50 / p95 of the client-side and service-side (Server-Timing) latency,
medians over runs. One worker. JSON to bench/results/.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import statistics
import sys
import time

import httpx

from benchlib import machine, now_iso, percentile, write_report
from ocr_service.devtools.local_service import LocalService
from ocr_service.prediction.synthetic import synthetic_user



def history_of(size: int) -> list[dict]:
    visits, seed = [], 0
    while len(visits) < size:
        visits += synthetic_user(seed)
        seed += 1
    # Stretch several shoppers into one long history, keeping visits in time order.
    start = dt.datetime(2015, 1, 1)
    return [{"shop": v.shop, "datetime": (start + dt.timedelta(hours=9 * i)).isoformat(), "total": None}
            for i, v in enumerate(visits[:size])]



NOUNS = ("LECHE", "YOGUR", "PAN", "QUESO", "JAMON", "ATUN", "ARROZ", "PASTA", "TOMATE", "PATATA", "CEBOLLA",
         "MANZANA", "PLATANO", "NARANJA", "POLLO", "LOMO", "HUEVOS", "ACEITE", "AGUA", "CERVEZA", "ZUMO", "GALLETAS",
         "CAFE", "AZUCAR", "HARINA", "DETERGENTE", "SUAVIZANTE", "PAPEL", "CHAMPU", "GEL")
ADJECTIVES = ("ENTERA", "DESNATADA", "NATURAL", "GRIEGO", "INTEGRAL", "CURADO", "TIERNO", "CLARO", "REDONDO",
              "FRITO", "ROJA", "DULCE", "ECOLOGICO", "FRESCO", "LIGERO", "EXTRA", "SUAVE", "TOSTADO", "BLANCO",
              "NEGRO", "VERDE", "GRANDE", "PEQUENO", "FAMILIAR", "CLASICO", "CASERO", "RALLADO", "LONCHAS",
              "SIN SAL", "SIN LACTOSA", "BIO", "PACK", "MINI", "MAXI", "GOURMET", "ORIGINAL", "LIMON", "FRESA",
              "VAINILLA", "CHOCOLATE", "NUECES", "MIEL", "AVENA", "COCO", "ALMENDRA", "SOJA", "MANGO", "PINA",
              "MELOCOTON", "CEREZA")


def basket_history(tickets: int = 300, products: int = 1500, seed: int = 7) -> list[dict]:
    """`tickets` tickets over two years holding `products` distinct products, a tenth of the lines
    printed with the first word after the product's cut short ("LECHE ENT. SUAVE")."""
    import random

    pick = random.Random(seed)
    every = [f"{noun} {a} {b}" for noun in NOUNS for a in ADJECTIVES for b in ADJECTIVES if a != b]
    names = pick.sample(every, products)
    weights = [1 / (rank + 1) ** 0.8 for rank in range(len(names))]
    start = dt.datetime(2024, 1, 1, 18, 0)
    history = []
    for t in range(tickets):
        lines = set(pick.choices(range(len(names)), weights, k=pick.randint(5, 30)))
        lines |= {(t * 5 + j) % len(names) for j in range(5)}  # every product appears somewhere
        history.append({"datetime": (start + dt.timedelta(days=t * 730 / tickets)).isoformat(), "shop": "MERCADONA",
                        "items": [{"description": spelled(names[i], pick)} for i in sorted(lines)]})
    return history


def spelled(name: str, pick) -> str:
    if pick.random() >= 0.1:
        return name
    noun, first, rest = name.split(" ", 2)
    return f"{noun} {first[:3]}. {rest}"


def timed(client: httpx.Client, url: str, runs: int, requests: int, body_of) -> dict:
    """p50 / p95 client-side and service-side (Server-Timing) latency of POSTs to `url`, medians over
    runs; `body_of(run, k)` is the k-th request's body of a run."""
    results = []
    for run in range(runs):
        client_ms, server_ms = [], []
        for k in range(requests):
            began = time.perf_counter()
            answer = client.post(url, json=body_of(run, k))
            client_ms.append((time.perf_counter() - began) * 1000)
            answer.raise_for_status()
            server_ms.append(float(answer.headers["server-timing"].split("dur=")[1]))
        results.append({"client_p50_ms": percentile(client_ms, 0.5), "client_p95_ms": percentile(client_ms, 0.95),
                        "service_p50_ms": percentile(server_ms, 0.5), "service_p95_ms": percentile(server_ms, 0.95)})
    return {k: round(statistics.median(r[k] for r in results), 1) for k in results[0]}


def time_next_basket(client: httpx.Client, url: str, runs: int, requests: int) -> dict:
    """The same history asked again (the list shown again, a category corrected): the worker's
    catalogue is reused. And the history with its oldest ticket's first line renamed at every
    request (a description corrected): the catalogue is built afresh each time."""
    history = basket_history()
    distinct = len({line["description"] for ticket in history for line in ticket["items"]})

    def moment(run: int, k: int) -> str:
        return (dt.datetime(2026, 1, 2) + dt.timedelta(hours=k * 7 + run)).isoformat()

    def again(run: int, k: int) -> dict:
        return {"user_context": {"current_time": moment(run, k)}, "history": history, "k": 20}

    def renamed(run: int, k: int) -> dict:
        first = history[0]
        line = {**first["items"][0], "description": f"{first['items'][0]['description']} {run}X{k}"}
        edited = [{**first, "items": [line, *first["items"][1:]]}, *history[1:]]
        return {"user_context": {"current_time": moment(run, k)}, "history": edited, "k": 20}

    asked_again = timed(client, f"{url}/predict/next-basket", runs, requests, again)
    corrected = timed(client, f"{url}/predict/next-basket", runs, requests, renamed)
    return {"tickets": len(history), "distinct_descriptions": distinct, **asked_again,
            "after_a_correction": corrected}


def main() -> int:
    parser = argparse.ArgumentParser(prog="cesta bench prediction", description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--requests", type=int, default=40)
    parser.add_argument("--sizes", default="10,100,1000,10000")
    args = parser.parse_args()
    report: dict = {"benchmark": "prediction", "when": now_iso(),
                    "machine": machine(), "workers": 1,
                    "runs": args.runs, "requests_per_run": args.requests, "sizes": {}}
    with LocalService(workers=1) as service, httpx.Client(timeout=60, headers=service.headers) as client:
        for size in (int(s) for s in args.sizes.split(",")):
            history = history_of(size)
            last = dt.datetime.fromisoformat(history[-1]["datetime"])

            def body(run: int, k: int, history: list[dict] = history, last: dt.datetime = last) -> dict:
                now = (last + dt.timedelta(hours=1 + (k * 7 + run) % 48)).isoformat()
                return {"user_context": {"current_time": now}, "purchase_history_summary": history}

            report["sizes"][str(size)] = timed(client, f"{service.url}/predict/next-shop", args.runs, args.requests,
                                               body)
            print(f"{size:>6} visits: " + ", ".join(f"{k} {v}" for k, v in report["sizes"][str(size)].items()),
                  flush=True)
        report["next_basket"] = time_next_basket(client, service.url, args.runs, args.requests)
        print("next basket: " + ", ".join(f"{k} {v}" for k, v in report["next_basket"].items()), flush=True)
    out = write_report("prediction", report)
    print(f"cores={os.cpu_count()} workers=1; written {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
