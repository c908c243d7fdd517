"""`./cesta bench import`: all es-dev tickets through the CLI (`cesta import`), into an empty library.

For the default worker count and for 1 worker, --runs runs each: wall time, tickets/s, and the
peak resident memory of the JVM and of the service (master + workers + OCR processes), sampled
every 50 ms. Medians over runs; JSON to bench/results/.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psutil
from benchlib import desktop_jvm_options, machine, now_iso, write_report

ROOT = Path(__file__).resolve().parents[1]
ES_DEV = ROOT.parent / "shared" / "receipts" / "es-dev"
JAR = ROOT / "desktop" / "target" / "cesta-desktop.jar"


def one_run(workers: int | None) -> dict:
    home = Path(tempfile.mkdtemp(prefix="cesta-bench-"))
    env = dict(os.environ, CESTA_HOME=str(home))
    if workers:
        env["INTELLIGENCE_WORKERS"] = str(workers)
    command = ["java", *desktop_jvm_options(), f"-Dcesta.serviceDir={ROOT / 'ocr-service'}", "-jar", str(JAR), "import", str(ES_DEV)]
    started = time.perf_counter()
    app = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    jvm = psutil.Process(app.pid)
    peak_jvm = peak_service = 0
    while app.poll() is None:
        try:
            peak_jvm = max(peak_jvm, jvm.memory_info().rss)
            service = sum(c.memory_info().rss for c in jvm.children(recursive=True))
            peak_service = max(peak_service, service)
        except psutil.NoSuchProcess:
            pass
        time.sleep(0.05)
    wall = time.perf_counter() - started
    output = app.stdout.read() if app.stdout else ""
    imported = next((int(line.split()[-1]) for line in output.splitlines() if line.startswith("imported")), 0)
    shutil.rmtree(home, ignore_errors=True)
    return {"wall_s": wall, "tickets": imported, "tickets_per_s": imported / wall, "exit_code": app.returncode,
            "peak_jvm_rss_mb": peak_jvm / 2**20, "peak_service_rss_mb": peak_service / 2**20}


def main() -> int:
    parser = argparse.ArgumentParser(prog="cesta bench import", description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    cores = os.cpu_count() or 1
    report: dict = {"benchmark": "import", "when": now_iso(),
                    "machine": machine(), "runs": args.runs, "results": {}}
    for label, workers in ((f"default ({2 * cores + 1} workers)", None), ("1 worker", 1)):
        runs = [one_run(workers) for _ in range(args.runs)]
        summary = {key: round(statistics.median(r[key] for r in runs), 2) for key in runs[0]}
        report["results"][label] = summary
        print(f"{label}: " + ", ".join(f"{k} {v}" for k, v in summary.items()), flush=True)
    out = write_report("import", report)
    print(f"cores={cores}; written {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
