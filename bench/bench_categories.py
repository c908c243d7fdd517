"""`./cesta bench categories`: how long the service takes to categorise, on one worker.

- POST /categorize for 40-line tickets (real es-dev item lines, 40 at a time) with 0, 50 and 500
  of the person's examples: service-side time from the Server-Timing header, median and p95 per
  run, median over --runs runs.
- POST /ocr/process on the es-dev text-layer PDFs: the `categorise` stage of `timings_ms` (what
  categories add to reading a ticket) and the whole service-side time, medians over --runs runs.
JSON goes to bench/results/categories-<UTC time>.json.
"""

from __future__ import annotations

import argparse
import base64
import csv
import json
import statistics
import uuid
from pathlib import Path

import httpx

from benchlib import machine, now_iso, percentile, write_report
from ocr_service.devtools.local_service import LocalService

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
ES_DEV = SHARED / "receipts" / "es-dev"
LINES_PER_TICKET = 40
REQUESTS_PER_RUN = 100


def dev_lines() -> list[str]:
    lines = []
    for truth in sorted(ES_DEV.glob("*.json")):
        lines += [item["description"] for item in json.loads(truth.read_text()).get("items") or []]
    return lines


def examples(count: int) -> list[dict]:
    with (SHARED / "categories" / "tickets-dev.csv").open(encoding="utf-8") as f:
        labelled = [r for r in csv.DictReader(f) if r["category_l1"]]
    return [{"description": r["description"], "category": r["category_l1"]} for r in labelled[:count]]


def server_ms(answer: httpx.Response) -> float:
    return float(answer.headers["server-timing"].split("dur=")[1])


def categorize_run(http: httpx.Client, service: LocalService, lines: list[str], taught: list[dict]) -> dict:
    times = []
    for i in range(REQUESTS_PER_RUN):
        start = (i * LINES_PER_TICKET) % (len(lines) - LINES_PER_TICKET)
        body = {"items": [{"description": d} for d in lines[start:start + LINES_PER_TICKET]], "examples": taught}
        answer = http.post(f"{service.url}/categorize", json=body, headers=service.headers)
        answer.raise_for_status()
        times.append(server_ms(answer))
    return {"median_ms": statistics.median(times), "p95_ms": percentile(times, 0.95)}


def ocr_run(http: httpx.Client, service: LocalService, pdfs: list[Path]) -> dict:
    stage, whole = [], []
    for pdf in pdfs:
        answer = http.post(f"{service.url}/ocr/process", headers=service.headers, json={
            "ticket_id": str(uuid.uuid4()), "file_name": pdf.name,
            "file_content_b64": base64.b64encode(pdf.read_bytes()).decode()})
        answer.raise_for_status()
        stage.append(answer.json()["timings_ms"].get("categorise", 0))
        whole.append(server_ms(answer))
    return {"categorise_median_ms": statistics.median(stage), "categorise_p95_ms": percentile(stage, 0.95),
            "service_median_ms": statistics.median(whole)}


def main() -> int:
    parser = argparse.ArgumentParser(prog="cesta bench categories", description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    lines = dev_lines()
    pdfs = [t.with_suffix(".pdf") for t in sorted(ES_DEV.glob("*.json"))
            if json.loads(t.read_text()).get("kind") == "digital-pdf"]
    report: dict = {"benchmark": "categories", "when": now_iso(), "machine": machine(), "workers": 1,
                    "runs": args.runs, "lines_per_ticket": LINES_PER_TICKET, "requests_per_run": REQUESTS_PER_RUN,
                    "categorize": {}, "ocr_process": {}}
    with LocalService(workers=1) as service, httpx.Client(timeout=60) as http:
        for taught in (0, 50, 500):
            categorize_run(http, service, lines, examples(taught))  # warm-up
            runs = [categorize_run(http, service, lines, examples(taught)) for _ in range(args.runs)]
            report["categorize"][str(taught)] = {k: round(statistics.median(r[k] for r in runs), 2) for k in runs[0]}
        ocr_run(http, service, pdfs[:10])  # warm-up
        runs = [ocr_run(http, service, pdfs) for _ in range(args.runs)]
        report["ocr_process"] = {k: round(statistics.median(r[k] for r in runs), 2) for k in runs[0]}
        report["ocr_process"]["tickets"] = len(pdfs)
    out = write_report("categories", report)
    print(f"cores={report['machine']['cores']}, 1 worker, medians of {args.runs} runs")
    for taught, figures in report["categorize"].items():
        print(f"/categorize, {LINES_PER_TICKET} lines, {taught:>3} examples: service median {figures['median_ms']} ms, "
              f"p95 {figures['p95_ms']} ms")
    o = report["ocr_process"]
    print(f"/ocr/process on {o['tickets']} text-layer PDFs: categorise stage median {o['categorise_median_ms']} ms "
          f"(p95 {o['categorise_p95_ms']}), whole request median {o['service_median_ms']} ms")
    print(f"wrote {out.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
