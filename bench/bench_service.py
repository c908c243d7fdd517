"""`./cesta bench service`: launch time, memory and throughput of the real service per worker count.

For 1, cores and 2 x cores + 1 workers: launch -> READY and launch -> healthy /health (median of
--launches runs), resident memory (RSS and PSS) of master + workers when idle and after load, and
throughput / latency of POST /ocr/process on the es-dev text-layer PDFs with 1, 4 and 16 clients
(median of --runs runs). Service-side time comes from the Server-Timing header. JSON goes to
bench/results/service-<UTC time>.json.
"""

from __future__ import annotations

import argparse
import base64
import json
import os
import platform
import statistics
import sys
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import psutil

from benchlib import now_iso, percentile, write_report
from ocr_service.devtools.local_service import LocalService

ROOT = Path(__file__).resolve().parents[1]
ES_DEV = ROOT.parent / "shared" / "receipts" / "es-dev"


def text_layer_bodies() -> list[dict]:
    bodies = []
    for truth in sorted(ES_DEV.glob("*.json")):
        if json.loads(truth.read_text()).get("kind") == "digital-pdf":
            pdf = truth.with_suffix(".pdf")
            bodies.append({"file_name": pdf.name, "file_content_b64": base64.b64encode(pdf.read_bytes()).decode()})
    return bodies


def memory_mb(pid: int) -> dict:
    master = psutil.Process(pid)
    processes = [master, *master.children(recursive=True)]
    rss = sum(p.memory_info().rss for p in processes)
    try:  # PSS splits pages shared by forked workers fairly; Linux only
        pss = sum(p.memory_full_info().pss for p in processes)
    except (AttributeError, psutil.AccessDenied):
        pss = None
    return {"rss_mb": round(rss / 2**20, 1), "pss_mb": round(pss / 2**20, 1) if pss else None,
            "processes": len(processes)}



def load_run(service: LocalService, bodies: list[dict], clients: int) -> dict:
    latencies, server_ms, failures = [], [], 0

    def send(body: dict) -> tuple[float, float | None, int]:
        http = thread_client()
        started = time.perf_counter()
        answer = http.post(f"{service.url}/ocr/process", json={"ticket_id": str(uuid.uuid4()), **body},
                           headers=service.headers)
        elapsed = (time.perf_counter() - started) * 1000
        timing = answer.headers.get("server-timing", "")
        dur = float(timing.split("dur=")[1]) if "dur=" in timing else None
        return elapsed, dur, answer.status_code

    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=clients) as pool:
        for elapsed, dur, status in pool.map(send, bodies):
            latencies.append(elapsed)
            if dur is not None:
                server_ms.append(dur)
            failures += status != 200
    wall = time.perf_counter() - started
    return {"tickets_per_s": len(bodies) / wall, "p50_ms": percentile(latencies, 0.5),
            "p95_ms": percentile(latencies, 0.95), "server_p50_ms": percentile(server_ms, 0.5),
            "server_p95_ms": percentile(server_ms, 0.95), "failures": failures}


_local = __import__("threading").local()


def thread_client() -> httpx.Client:
    if not hasattr(_local, "client"):
        _local.client = httpx.Client(timeout=60)
    return _local.client


def median_of(runs: list[dict], key: str) -> float:
    return round(statistics.median(r[key] for r in runs), 2)


def bench_workers(workers: int, bodies: list[dict], launches: int, runs: int, client_levels: list[int]) -> dict:
    launch_ready, launch_healthy, idle_memory = [], [], []
    for _ in range(launches):
        with LocalService(workers=workers) as service:
            launch_ready.append(service.ready_at - service.launched_at)
            launch_healthy.append(service.healthy_at - service.launched_at)
            time.sleep(1.0)  # let every worker finish booting before reading memory
            idle_memory.append(memory_mb(service.process.pid))
    result: dict = {
        "workers": workers,
        "launch_to_ready_s": round(statistics.median(launch_ready), 3),
        "launch_to_healthy_s": round(statistics.median(launch_healthy), 3),
        "launch_to_healthy_all_s": [round(x, 3) for x in launch_healthy],
        "idle_memory": idle_memory[-1],
        "load": {},
    }
    with LocalService(workers=workers) as service:
        load_run(service, bodies, max(client_levels))  # warm every worker's PDF engine first
        for clients in client_levels:
            measured = [load_run(service, bodies, clients) for _ in range(runs)]
            result["load"][str(clients)] = {key: median_of(measured, key) for key in measured[0]}
        result["loaded_memory"] = memory_mb(service.process.pid)
    return result


def main() -> int:
    parser = argparse.ArgumentParser(prog="cesta bench service", description=__doc__)
    parser.add_argument("--launches", type=int, default=5)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--clients", default="1,4,16")
    parser.add_argument("--workers", default=None, help="comma list; default 1, cores, 2 x cores + 1")
    args = parser.parse_args()
    cores = os.cpu_count() or 1
    counts = sorted({int(w) for w in args.workers.split(",")} if args.workers else {1, cores, 2 * cores + 1})
    bodies = text_layer_bodies()
    if not bodies:
        print(f"no text-layer tickets under {ES_DEV}", file=sys.stderr)
        return 2
    report = {
        "benchmark": "service", "when": now_iso(),
        "machine": {"cores": cores, "memory_gb": round(psutil.virtual_memory().total / 2**30, 1),
                    "platform": platform.platform(), "python": platform.python_version()},
        "tickets_per_run": len(bodies), "launches": args.launches, "runs": args.runs,
        "results": [bench_workers(w, bodies, args.launches, args.runs, [int(c) for c in args.clients.split(",")])
                    for w in counts],
    }
    out = write_report("service", report)
    print(f"cores={cores}  tickets/run={len(bodies)}  medians of {args.launches} launches / {args.runs} runs")
    for r in report["results"]:
        print(f"workers={r['workers']}: ready {r['launch_to_ready_s']} s, healthy {r['launch_to_healthy_s']} s, "
              f"idle RSS {r['idle_memory']['rss_mb']} MB (PSS {r['idle_memory']['pss_mb']}), "
              f"loaded RSS {r['loaded_memory']['rss_mb']} MB (PSS {r['loaded_memory']['pss_mb']})")
        for clients, load in r["load"].items():
            print(f"   {clients:>2} clients: {load['tickets_per_s']} tickets/s, client p50 {load['p50_ms']} ms "
                  f"p95 {load['p95_ms']} ms, service p50 {load['server_p50_ms']} ms p95 {load['server_p95_ms']} ms, "
                  f"failures {load['failures']}")
    print(f"written {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
