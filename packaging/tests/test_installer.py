"""The installed Cesta (`./cesta test --package`): install the .deb built by `./cesta package`,
import two real tickets offline with the installed launcher, open its window under Xvfb, uninstall.

Runs as root (CI does): apt-get installs into /opt/cesta. Figures go to desktop/target/package/report.json.
"""

from __future__ import annotations

import csv
import json
import os
import re
import shutil
import signal
import statistics
import subprocess
import time
from pathlib import Path

import psutil
import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "desktop" / "target" / "package"
ES_DEV = ROOT.parent / "shared" / "receipts" / "es-dev"
INSTALLED = Path("/opt/cesta")
LAUNCHER = INSTALLED / "bin" / "cesta"
DIGITAL = ES_DEV / "mercadona-2023-11-25-d5cb91a5.pdf"  # total 37.76
SCAN = ES_DEV / "scan-mercadona-2023-12-15-2d5f7f25.pdf"  # total 3.20
PHOTO = ES_DEV / "photo-lidl-burgos.jpg"  # total 3.04: read by the photo engine and its bundled models
REPORT: dict = {}


def as_root(command: list[str]) -> list[str]:
    return command if os.geteuid() == 0 else ["sudo", *command]


def installed_processes() -> list[psutil.Process]:
    found = []
    for process in psutil.process_iter(["exe", "cmdline"]):
        text = " ".join([process.info.get("exe") or "", *(process.info.get("cmdline") or [])])
        if str(INSTALLED) in text:
            found.append(process)
    return found


def wait_until_none_left(seconds: float) -> list[psutil.Process]:
    deadline = time.monotonic() + seconds
    left = installed_processes()
    while left and time.monotonic() < deadline:
        time.sleep(0.2)
        left = [p for p in installed_processes() if p.status() != psutil.STATUS_ZOMBIE]
    return left


def files_under(folder: Path) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*"))


@pytest.fixture(scope="module")
def user(tmp_path_factory) -> dict[str, Path]:
    """A user with an empty home, temp folder and data dir, to see where the app writes."""
    base = tmp_path_factory.mktemp("user")
    folders = {name: base / name for name in ("home", "tmp", "data")}
    for folder in folders.values():
        folder.mkdir()
    return folders


def environment(user: dict[str, Path], **extra: str) -> dict[str, str]:
    return {"PATH": "/usr/bin:/bin:/usr/sbin:/sbin", "HOME": str(user["home"]), "TMPDIR": str(user["tmp"]),
            "CESTA_HOME": str(user["data"]), "LANG": "C.UTF-8", **extra}


@pytest.fixture(scope="module", autouse=True)
def install():
    debs = sorted(PACKAGE.glob("cesta_*.deb"))
    assert len(debs) == 1, f"build it first with ./cesta package: {debs}"
    REPORT["installer_mb"] = round(debs[0].stat().st_size / 2**20, 1)
    subprocess.run(as_root(["apt-get", "install", "-y", "-qq", "--no-install-recommends", str(debs[0])]),
                   check=True, env=dict(os.environ, DEBIAN_FRONTEND="noninteractive"))
    assert LAUNCHER.exists()
    REPORT["installed_mb"] = round(sum(p.stat().st_size for p in INSTALLED.rglob("*") if p.is_file()) / 2**20, 1)
    yield
    (PACKAGE / "report.json").write_text(json.dumps(REPORT, indent=2))
    print(f"\ninstaller report: {json.dumps(REPORT)}")


def test_headless_import_offline_reads_the_right_totals_and_leaves_nothing_behind(user):
    # A network namespace of its own: only loopback, no way out.
    script = 'ip link set lo up && exec "$0" import "$1" "$2" "$3"'
    result = subprocess.run(["unshare", "-n", "sh", "-c", script, str(LAUNCHER), str(DIGITAL), str(SCAN), str(PHOTO)],
                            env=environment(user), capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    assert wait_until_none_left(10) == [], "service processes outlived the command"
    export = user["tmp"].parent / "tickets.csv"
    listed = subprocess.run(["unshare", "-n", str(LAUNCHER), "export", "--csv", str(export)],
                            env=environment(user), capture_output=True, text=True, timeout=60)
    assert listed.returncode == 0, listed.stderr
    with export.open(newline="") as rows:
        totals = {row["file"]: row["total"] for row in csv.DictReader(rows)}
    assert totals == {DIGITAL.name: "37.76", SCAN.name: "3.20", PHOTO.name: "3.04"}
    assert files_under(user["home"]) == [], "written into the home folder"
    assert files_under(user["tmp"]) == [], "left in the temp folder"
    assert (user["data"] / "cesta.db").exists()


def test_the_installed_window_reaches_service_ready_and_closes_without_leftovers(user, tmp_path):
    xvfb = subprocess.Popen(["Xvfb", "-displayfd", "1", "-screen", "0", "1600x1000x24", "-nolisten", "tcp"],
                            stdout=subprocess.PIPE, text=True)
    try:
        display = ":" + xvfb.stdout.readline().strip()
        starts = []
        for run in range(5):
            data = tmp_path / f"data-{run}"
            env = environment(user, DISPLAY=display, CESTA_HOME=str(data))
            started = time.monotonic()
            app = subprocess.Popen([str(LAUNCHER)], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            log_text = ""
            while "service READY" not in log_text and time.monotonic() - started < 60:
                time.sleep(0.05)
                log_text = "".join(p.read_text(errors="replace") for p in data.glob("logs/cesta-*.log"))
            assert "service READY" in log_text, log_text[-2000:]
            starts.append(time.monotonic() - started)
            shown = re.search(r"window shown (\d+) ms", log_text)
            assert shown, "the window was not shown"
            if run == 0:
                time.sleep(1.5)  # let the first paint settle
                shot = PACKAGE / "installed-window.png"
                subprocess.run(["import", "-display", display, "-window", "root", str(shot)], check=True)
                colours = int(subprocess.run(["identify", "-format", "%k", str(shot)], capture_output=True,
                                             text=True, check=True).stdout)
                assert colours > 50, f"the screenshot is nearly blank ({colours} colours)"
            app.send_signal(signal.SIGTERM)  # the desktop closing the window
            app.wait(timeout=30)
            assert wait_until_none_left(10) == [], "processes left after closing"
        REPORT["start_to_service_ready_s"] = {"median": round(statistics.median(starts), 2),
                                              "runs": [round(s, 2) for s in starts]}
    finally:
        xvfb.terminate()
        xvfb.wait(10)
    # GTK keeps its own settings cache (~/.cache/dconf) for any GTK window; Cesta itself writes nothing
    # there: no unpacked JavaFX libraries, no Java preferences, no PDFBox font cache.
    written = files_under(user["home"])
    assert not [f for f in written if f.startswith((".openjfx", ".java", ".pdfbox"))], written


def test_uninstall_leaves_the_users_data_alone(user):
    before = files_under(user["data"])
    assert "cesta.db" in before
    subprocess.run(as_root(["apt-get", "remove", "-y", "-qq", "cesta"]), check=True,
                   env=dict(os.environ, DEBIAN_FRONTEND="noninteractive"))
    assert not LAUNCHER.exists()
    assert files_under(user["data"]) == before
