"""`./cesta bench ui`: how fast the window appears and whether it stays responsive while importing.

1. Window: one launch right after a build (it records the class-data-sharing archive, as the first
   `./cesta run` does), then --runs launches of the built jar with that archive, into an empty library; wall time from launch to the app's log line "window shown", and the JVM's own
   figure in that line. The app is then closed (SIGTERM) and must leave no process behind.
2. Responsiveness: one import recording the class archive, then --import-runs imports of 100 real tickets (all 89 es-dev + 11 SROIE scans) through the real
   window (es.cesta.ui.UiBench); the FX thread is watched by the gap between animation pulses and
   the delay of a runLater posted every 20 ms. Target: never above 100 ms.
3. Idle memory: --memory-runs launches with the service the window spawns by itself (one worker
   per core, at least 2) and with the plan's 2 x cores + 1 (INTELLIGENCE_WORKERS); once the service
   is ready and the app has settled, the PSS of the JVM and every process under it, summed.
Needs an X display; `./cesta bench ui` starts Xvfb when there is none. JSON to bench/results/.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

import psutil
from benchlib import desktop_jvm_options, machine, now_iso, write_report

ROOT = Path(__file__).resolve().parents[1]
DESKTOP = ROOT / "desktop"
JAR = DESKTOP / "target" / "cesta-desktop.jar"
JVM_OPTIONS = desktop_jvm_options()
RECEIPTS = ROOT.parent / "shared" / "receipts"
SHOWN = re.compile(r"window shown (\d+) ms after launch")


def tickets(count: int = 100) -> list[Path]:
    chosen = sorted(p for p in (RECEIPTS / "es-dev").iterdir() if p.suffix.lower() in {".pdf", ".jpg", ".jpeg", ".png"})
    extra = sorted(p for p in (RECEIPTS / "sroie-dev").iterdir() if p.suffix.lower() in {".pdf", ".jpg", ".jpeg", ".png"})
    return (chosen + extra)[:count]


def window_run(cds: list[str]) -> dict:
    """One launch as `./cesta run` does it (the same class-data-sharing flags)."""
    home = Path(tempfile.mkdtemp(prefix="cesta-bench-ui-"))
    env = dict(os.environ, CESTA_HOME=str(home))
    started = time.perf_counter()
    app = subprocess.Popen(["java", *JVM_OPTIONS, *cds, f"-Dcesta.serviceDir={ROOT / 'ocr-service'}", "-jar", str(JAR)], env=env,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wall = in_app = None
    deadline = time.time() + 30
    while time.time() < deadline and wall is None:
        for log in (home / "logs").glob("cesta-*.log"):
            found = SHOWN.search(log.read_text(errors="replace"))
            if found:
                wall, in_app = time.perf_counter() - started, int(found.group(1))
        time.sleep(0.01)
    family = [psutil.Process(app.pid)]
    time.sleep(2)  # let the service start too, so closing has something to stop
    family += family[0].children(recursive=True)
    app.send_signal(signal.SIGTERM)
    app.wait(timeout=30)
    _, alive = psutil.wait_procs(family, timeout=10)
    shutil.rmtree(home, ignore_errors=True)
    if wall is None:
        raise SystemExit("the window did not appear within 30 s")
    return {"launch_to_window_s": wall, "jvm_start_to_window_ms": in_app, "processes_left": len(alive)}


def idle_memory_run(cds: list[str], workers: str | None) -> dict:
    """The whole app at rest: JVM plus the spawned service, PSS (shared pages counted once)."""
    home = Path(tempfile.mkdtemp(prefix="cesta-bench-ui-"))
    env = dict(os.environ, CESTA_HOME=str(home))
    env.pop("INTELLIGENCE_WORKERS", None)
    if workers:
        env["INTELLIGENCE_WORKERS"] = workers
    app = subprocess.Popen(["java", *JVM_OPTIONS, *cds, f"-Dcesta.serviceDir={ROOT / 'ocr-service'}", "-jar", str(JAR)], env=env,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.time() + 120
        ready = False
        while time.time() < deadline and not ready:
            ready = any("service READY" in log.read_text(errors="replace") for log in (home / "logs").glob("cesta-*.log"))
            time.sleep(0.2)
        if not ready:
            raise SystemExit("the service did not become ready within 120 s")
        time.sleep(10)  # the first next-shop question and the spending refresh are over
        family = [psutil.Process(app.pid), *psutil.Process(app.pid).children(recursive=True)]
        jvm = family[0].memory_full_info().pss
        total = sum(p.memory_full_info().pss for p in family)
        return {"workers_setting": workers or "default", "processes": len(family),
                "jvm_pss_mb": round(jvm / 2**20, 1), "total_pss_mb": round(total / 2**20, 1)}
    finally:
        app.send_signal(signal.SIGTERM)
        app.wait(timeout=30)
        shutil.rmtree(home, ignore_errors=True)


def classpath() -> str:
    target = DESKTOP / "target" / "bench-classpath.txt"
    subprocess.run(["mvn", "-B", "-ntp", "-q", "test-compile", "dependency:build-classpath",
                    f"-Dmdep.outputFile={target}", "-Dmdep.includeScope=test"], cwd=DESKTOP, check=True)
    # Class-data sharing takes jars only (no class folders): the app's jar and one of the bench class.
    bench_jar = DESKTOP / "target" / "ui-bench.jar"
    with zipfile.ZipFile(bench_jar, "w") as jar:
        classes = DESKTOP / "target" / "test-classes"
        # The bench's classes and the test helper it waits on the service with.
        for pattern in ("es/cesta/ui/UiBench*.class", "es/cesta/service/TestServices*.class"):
            for compiled in classes.glob(pattern):
                jar.write(compiled, str(compiled.relative_to(classes)))
    return os.pathsep.join([str(JAR), str(bench_jar), target.read_text().strip()])


def import_run(cp: str, files: list[Path], cds: list[str]) -> dict:
    home = Path(tempfile.mkdtemp(prefix="cesta-bench-ui-"))
    out = home / "ui.json"
    env = dict(os.environ, CESTA_HOME=str(home))
    listing = home / "tickets.txt"
    listing.write_text("\n".join(map(str, files)))
    subprocess.run(["java", *JVM_OPTIONS, *cds, "-cp", cp, f"-Dcesta.serviceDir={ROOT / 'ocr-service'}", f"-Dcesta.benchOut={out}",
                    f"-Dcesta.benchFiles={listing}", "es.cesta.ui.UiBench$Main"], env=env, check=True, timeout=900,
                   stdout=subprocess.DEVNULL)
    result = json.loads(out.read_text())
    if result["failed"] or result["tickets"] != len(files):
        raise SystemExit(f"the bench import went wrong: {result}")
    shutil.rmtree(home, ignore_errors=True)
    return result


def median_of(runs: list[dict], *path: str) -> float:
    values = []
    for run in runs:
        value = run
        for key in path:
            value = value[key]
        values.append(value)
    return statistics.median(values)


def main() -> int:
    parser = argparse.ArgumentParser(prog="cesta bench ui", description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--import-runs", type=int, default=3)
    parser.add_argument("--memory-runs", type=int, default=3)
    args = parser.parse_args()
    report: dict = {"benchmark": "ui", "when": now_iso(), "machine": machine()}

    archive = DESKTOP / "target" / "cesta.jsa"
    archive.unlink(missing_ok=True)
    first = window_run([f"-XX:ArchiveClassesAtExit={archive}"])  # the first run after a build records the archive
    windows = [window_run([f"-XX:SharedArchiveFile={archive}", "-Xshare:auto"]) for _ in range(args.runs)]
    report["window"] = {"first_run_after_build": first, "runs": windows,
                        "median_launch_to_window_s": median_of(windows, "launch_to_window_s"),
                        "median_jvm_start_to_window_ms": median_of(windows, "jvm_start_to_window_ms"),
                        "processes_left": sum(w["processes_left"] for w in windows)}
    print(f"first run after a build (records the class archive): {first['launch_to_window_s']:.2f} s")
    print(f"window visible: median {report['window']['median_launch_to_window_s']:.2f} s after launch "
          f"(JVM start to shown {report['window']['median_jvm_start_to_window_ms']:.0f} ms), "
          f"processes left after closing: {report['window']['processes_left']}")

    cds = [f"-XX:SharedArchiveFile={archive}", "-Xshare:auto"]
    report["idle_memory"] = {}
    for setting in (None, str(2 * (os.cpu_count() or 1) + 1)):
        runs = [idle_memory_run(cds, setting) for _ in range(args.memory_runs)]
        if runs:
            summary = {"runs": runs, "processes": runs[0]["processes"],
                       "median_total_pss_mb": median_of(runs, "total_pss_mb"),
                       "median_jvm_pss_mb": median_of(runs, "jvm_pss_mb")}
            report["idle_memory"][setting or "default"] = summary
            print(f"idle memory, service workers {setting or 'default (cores, at least 2)'}: "
                  f"{summary['processes']} processes, PSS median {summary['median_total_pss_mb']:.0f} MB "
                  f"(JVM {summary['median_jvm_pss_mb']:.0f} MB)")

    if args.import_runs == 0:
        print(f"report: {write_report('ui', report)}")
        return 0
    cp = classpath()
    files = tickets()
    # As with `./cesta run`, the first run records the class archive and later runs map it; the
    # bench's class path differs from the jar's, so it keeps an archive of its own.
    archive = DESKTOP / "target" / "cesta-bench.jsa"
    archive.unlink(missing_ok=True)
    first_import = import_run(cp, files, [f"-XX:ArchiveClassesAtExit={archive}"])
    imports = [import_run(cp, files, [f"-XX:SharedArchiveFile={archive}", "-Xshare:auto"])
               for _ in range(args.import_runs)]
    report["import"] = {"tickets": len(files), "first_run_after_build": first_import, "runs": imports,
                        "median_import_s": median_of(imports, "import_s"),
                        "median_max_pulse_gap_ms": median_of(imports, "pulse_gap_ms", "max"),
                        "worst_max_pulse_gap_ms": max(r["pulse_gap_ms"]["max"] for r in imports),
                        "median_p99_pulse_gap_ms": median_of(imports, "pulse_gap_ms", "p99"),
                        "median_max_runlater_delay_ms": median_of(imports, "runlater_delay_ms", "max"),
                        "worst_max_runlater_delay_ms": max(r["runlater_delay_ms"]["max"] for r in imports),
                        "pulse_gaps_over_100ms": sum(r["pulse_gap_ms"]["over_100ms"] for r in imports),
                        # From selecting a row to its page on screen, after the import (one-page PDFs, photos).
                        "median_pdf_page_shown_ms": median_of(imports, "page_shown_ms", "pdf", "p50"),
                        "median_photo_page_shown_ms": median_of(imports, "page_shown_ms", "photo", "p50"),
                        "worst_page_pulse_gap_ms": max(r["page_pulse_gap_ms"]["max"] for r in imports)}
    i = report["import"]
    print(f"first import after a build (records the class archive): FX pulse gap max "
          f"{first_import['pulse_gap_ms']['max']:.1f} ms, runLater delay max {first_import['runlater_delay_ms']['max']:.1f} ms")
    print(f"import of {len(files)} tickets: median {i['median_import_s']:.1f} s; FX pulse gap max median "
          f"{i['median_max_pulse_gap_ms']:.1f} ms (worst {i['worst_max_pulse_gap_ms']:.1f}), p99 "
          f"{i['median_p99_pulse_gap_ms']:.1f} ms; runLater delay max median {i['median_max_runlater_delay_ms']:.1f} ms "
          f"(worst {i['worst_max_runlater_delay_ms']:.1f}); gaps over 100 ms: {i['pulse_gaps_over_100ms']}")
    print(f"page shown in the review after selecting its ticket: one-page PDF median {i['median_pdf_page_shown_ms']:.0f} ms, "
          f"photo median {i['median_photo_page_shown_ms']:.0f} ms; FX pulse gap max while pages are shown "
          f"{i['worst_page_pulse_gap_ms']:.1f} ms")
    print(f"report: {write_report('ui', report)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
