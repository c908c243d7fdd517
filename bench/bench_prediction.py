"""`./cesta bench prediction`: latency of POST /predict/next-shop by history size, real service.

Histories of 10, 100, 1,000 and 10,000 visits (synthetic grocery shoppers, repeated to size);
--requests per size and run, --runs runs; p50 / p95 of the client-side and service-side
(Server-Timing) latency, medians over runs. One worker. JSON to bench/results/.
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
            runs = []
            for run in range(args.runs):
                client_ms, server_ms = [], []
                for k in range(args.requests):
                    now = (last + dt.timedelta(hours=1 + (k * 7 + run) % 48)).isoformat()
                    body = {"user_context": {"current_time": now}, "purchase_history_summary": history}
                    began = time.perf_counter()
                    answer = client.post(f"{service.url}/predict/next-shop", json=body)
                    client_ms.append((time.perf_counter() - began) * 1000)
                    answer.raise_for_status()
                    server_ms.append(float(answer.headers["server-timing"].split("dur=")[1]))
                runs.append({"client_p50_ms": percentile(client_ms, 0.5), "client_p95_ms": percentile(client_ms, 0.95),
                             "service_p50_ms": percentile(server_ms, 0.5), "service_p95_ms": percentile(server_ms, 0.95)})
            report["sizes"][str(size)] = {k: round(statistics.median(r[k] for r in runs), 1) for k in runs[0]}
            print(f"{size:>6} visits: " + ", ".join(f"{k} {v}" for k, v in report["sizes"][str(size)].items()),
                  flush=True)
    out = write_report("prediction", report)
    print(f"cores={os.cpu_count()} workers=1; written {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
