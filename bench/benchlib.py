"""What every benchmark shares: percentiles, the machine's description, the JSON report file."""

from __future__ import annotations

import datetime as dt
import json
import os
import platform
from pathlib import Path

RESULTS = Path(__file__).resolve().parent / "results"
JVM_OPTIONS_FILE = Path(__file__).resolve().parents[1] / "desktop" / "jvm.options"


def desktop_jvm_options() -> list[str]:
    """The desktop app's JVM options (desktop/jvm.options), as ./cesta and the installer start it with."""
    lines = (line.split("#")[0].strip() for line in JVM_OPTIONS_FILE.read_text().splitlines())
    return [line for line in lines if line]


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def machine() -> dict:
    return {"cores": os.cpu_count(), "platform": platform.platform(), "python": platform.python_version()}


def now_iso() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")


def write_report(name: str, report: dict) -> Path:
    """bench/results/<name>-<UTC time>.json"""
    RESULTS.mkdir(parents=True, exist_ok=True)
    out = RESULTS / f"{name}-{dt.datetime.now(dt.timezone.utc):%Y%m%dT%H%M%SZ}.json"
    out.write_text(json.dumps(report, indent=1))
    return out
