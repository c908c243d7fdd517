"""`./cesta bench extraction`: service time of text-layer PDFs, scans and phone photos, against the
bare engine.

One worker (so the figures are per worker), requests one at a time:
- text-layer tickets (es-dev digital PDFs): service-side time (Server-Timing), p50 / p95 / mean;
- scanned tickets (es-dev scan-*.pdf, the first --sroie flatbed scans of sroie-dev) and phone photos
  (photos-dev, the es-dev photos, and sroie-dev's camera shots, told apart as the service does):
  service-side time p50 / p95 / mean, the engines' own time inside the service (timings_ms.ocr, plus
  ocr_second_look for the doubtful readings read twice), and, as the yardstick a person would use,
  bare `tesseract --psm 4` (one thread) on the original image, outside the service;
- peak resident memory of the worker while reading (sampled every 20 ms; RapidOCR runs inside it).
Each set is run --runs times; figures are medians over runs. JSON to bench/results/.
"""

from __future__ import annotations

import argparse
import base64
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from pathlib import Path

import httpx
import psutil

from benchlib import machine, now_iso, percentile, write_report
from ocr_service.devtools.local_service import LocalService

ROOT = Path(__file__).resolve().parents[1]
RECEIPTS = ROOT.parent / "shared" / "receipts"


def kind_of(pdf: Path) -> str | None:
    truth = pdf.with_suffix(".json")
    return json.loads(truth.read_text()).get("kind") if truth.exists() else None


def ticket_sets(sroie_count: int, photo_count: int) -> dict[str, list[Path]]:
    es = sorted((RECEIPTS / "es-dev").glob("*.pdf"))
    sroie_scans, sroie_photos = split_by_look(sorted((RECEIPTS / "sroie-dev").glob("*.pdf")))
    return {
        "text_layer": [p for p in es if kind_of(p) == "digital-pdf"],
        "scanned_es": [p for p in es if kind_of(p) == "scan-pdf"],
        "scanned_sroie": sroie_scans[:sroie_count],
        "photos_sroie": sroie_photos,
        "photos_en": sorted((RECEIPTS / "photos-dev").glob("*.jpg"))[:photo_count],
        "photos_es": sorted((RECEIPTS / "es-dev").glob("photo-*.jpg")),
    }


def split_by_look(pdfs: list[Path]) -> tuple[list[Path], list[Path]]:
    """Scans and camera shots, as the service itself tells them apart (`photo_prep.look_at`):
    sroie-dev holds both as PDFs, and each kind has its own speed target (scans a mean of 2 s,
    photos a median of 3 s), so a set that mixed them would measure neither."""
    from ocr_service.config import Settings
    from ocr_service.extraction import pdf
    from ocr_service.extraction.documents import Upload
    from ocr_service.extraction.ocr import photo_prep

    scans, photos = [], []
    for path in pdfs:
        with pdf.open_pdf(Upload(path.name, path.read_bytes()), 1) as document:
            page = pdf.render_page(document, 0, Settings().max_image_pixels)
        (photos if photo_prep.look_at(page).photo else scans).append(path)
    return scans, photos


def original_images(files: list[Path], folder: Path) -> list[Path]:
    """The pictures as a person has them: photos as they are, a scanned PDF's page as the service
    renders it (PNG, untimed), for the bare engine to read."""
    from ocr_service.config import Settings
    from ocr_service.extraction import pdf
    from ocr_service.extraction.documents import Upload

    images = []
    for path in files:
        if path.suffix.lower() != ".pdf":
            images.append(path)
            continue
        with pdf.open_pdf(Upload(path.name, path.read_bytes()), 1) as document:
            page = folder / f"{path.stem}.png"
            pdf.render_page(document, 0, Settings().max_image_pixels).save(page)
            images.append(page)
    return images


def bare_tesseract_ms(images: list[Path]) -> list[float]:
    """`tesseract IMAGE - --psm 4 -l spa+eng`, one thread, as a person would run it."""
    times = []
    for image in images:
        started = time.perf_counter()
        subprocess.run(["tesseract", str(image), "-", "--psm", "4", "-l", "spa+eng"], capture_output=True,
                       check=True, env=dict(os.environ, OMP_THREAD_LIMIT="1"))
        times.append((time.perf_counter() - started) * 1000)
    return times


class PeakMemory:
    """Largest RSS of one worker (with its OCR engine process) seen while the block runs."""

    def __init__(self, master_pid: int):
        self.master = psutil.Process(master_pid)
        self.peak = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)

    def _sample(self) -> None:
        while not self._stop.is_set():
            for worker in self.master.children():
                try:  # a worker and the OCR engine process it runs (Tesseract is a child process)
                    rss = worker.memory_info().rss + sum(c.memory_info().rss for c in worker.children())
                    self.peak = max(self.peak, rss)
                except psutil.NoSuchProcess:
                    pass
            time.sleep(0.02)

    def __enter__(self) -> PeakMemory:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()



def run_set(service: LocalService, client: httpx.Client, files: list[Path]) -> dict:
    service_ms, engine_ms, failures, second_looks = [], [], 0, 0
    for path in files:
        body = {"ticket_id": str(uuid.uuid4()), "file_name": path.name,
                "file_content_b64": base64.b64encode(path.read_bytes()).decode()}
        answer = client.post(f"{service.url}/ocr/process", json=body, headers=service.headers)
        if answer.status_code != 200:
            failures += 1
            continue
        service_ms.append(float(answer.headers["server-timing"].split("dur=")[1]))
        timings = answer.json()["timings_ms"]
        # The engine's own time, both readings when the first was doubtful and got a second look.
        engine_ms.append(timings.get("ocr", 0) + timings.get("ocr_second_look", 0))
        second_looks += "ocr_second_look" in timings
    result = {"tickets": len(files), "failures": failures, "second_looks": second_looks,
              "service_p50_ms": percentile(service_ms, 0.5), "service_p95_ms": percentile(service_ms, 0.95),
              "service_mean_ms": round(statistics.mean(service_ms), 1)}
    if any(engine_ms):
        result["engines_in_service_p50_ms"] = percentile(engine_ms, 0.5)
    return result


def main() -> int:
    parser = argparse.ArgumentParser(prog="cesta bench extraction", description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--sroie", type=int, default=20, help="how many sroie-dev scans per run")
    parser.add_argument("--photos", type=int, default=27, help="how many photos-dev photos per run")
    args = parser.parse_args()
    sets = ticket_sets(args.sroie, args.photos)
    report: dict = {
        "benchmark": "extraction", "when": now_iso(),
        "machine": machine(),
        "workers": 1, "runs": args.runs, "sets": {},
    }
    with LocalService(workers=1) as service, httpx.Client(timeout=120) as client:
        report["engines"] = client.get(f"{service.url}/health").json()["engines"]
        run_set(service, client, sets["text_layer"][:3] + sets["scanned_es"][:1])  # warm the worker
        for name, files in sets.items():
            runs = []
            with PeakMemory(service.process.pid) as memory:
                for _ in range(args.runs):
                    runs.append(run_set(service, client, files))
            summary = {key: round(statistics.median(r[key] for r in runs), 2) for key in runs[0]
                       if isinstance(runs[0][key], (int, float))}
            summary["peak_worker_rss_mb"] = round(memory.peak / 2**20, 1)
            if name != "text_layer":
                with tempfile.TemporaryDirectory() as folder:
                    images = original_images(files, Path(folder))
                    bare = [statistics.mean(bare_tesseract_ms(images)) for _ in range(args.runs)]
                summary["bare_tesseract_mean_ms"] = round(statistics.median(bare), 1)
                summary["service_mean_over_bare"] = round(summary["service_mean_ms"] / summary["bare_tesseract_mean_ms"], 2)
            report["sets"][name] = summary
    out = write_report("extraction", report)
    print(f"cores={os.cpu_count()} workers=1 runs={args.runs} engines={report['engines']}")
    for name, summary in report["sets"].items():
        print(f"{name}: " + ", ".join(f"{k} {v}" for k, v in summary.items()))
    print(f"written {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
