"""`python -m ocr_service` as the desktop starts it: READY line, health, and no orphans ever."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import httpx
import psutil
import pytest

from ocr_service.devtools.local_service import SRC_DIR, LocalService
from tests.conftest import REPO_ROOT


def still_running(pid: int) -> bool:
    """Alive and not a zombie; a process that exits while being asked counts as gone."""
    try:
        return psutil.Process(pid).status() != psutil.STATUS_ZOMBIE
    except psutil.NoSuchProcess:
        return False


def gone_within(pids: list[int], seconds: float) -> list[int]:
    """The pids still alive (zombies count as gone) after waiting up to `seconds`."""
    deadline = time.monotonic() + seconds
    alive = pids
    while time.monotonic() < deadline:
        alive = [p for p in pids if still_running(p)]
        if not alive:
            break
        time.sleep(0.1)
    return alive


def tree(pid: int) -> list[int]:
    master = psutil.Process(pid)
    return [pid, *(c.pid for c in master.children(recursive=True))]


def test_ready_line_health_and_stdin_eof_stops_master_and_workers():
    service = LocalService(workers=3, exit_on_stdin_eof=True).start()
    try:
        ready_lines = [line for line in service.log if line.startswith("READY")]
        assert ready_lines == [f"READY port={service.port}"]
        assert httpx.get(f"{service.url}/health", timeout=5).json()["instance_id"] == service.instance_id
        pids = tree(service.process.pid)
        assert len(pids) == 4  # master + 3 workers
        service.process.stdin.close()
        started = time.monotonic()
        assert gone_within(pids, 5) == []
        assert time.monotonic() - started < 5
        assert service.process.wait(1) == 0
    finally:
        service.stop()


def test_kill_9_of_the_master_leaves_no_orphan_worker():
    service = LocalService(workers=2).start()
    try:
        pids = tree(service.process.pid)
        os.kill(service.process.pid, signal.SIGKILL)
        assert gone_within(pids, 5) == []
    finally:
        service.stop()


def test_without_the_flag_a_closed_stdin_does_not_stop_the_service():
    service = LocalService(workers=1, exit_on_stdin_eof=False).start()
    try:
        service.process.stdin.close()
        time.sleep(1.5)
        assert service.process.poll() is None
        assert httpx.get(f"{service.url}/health", timeout=5).status_code == 200
    finally:
        service.process.terminate()
        service.process.wait(10)


def test_uvicorn_server_path_also_announces_and_serves():
    service = LocalService(workers=2)
    service.command = lambda: [sys.executable, "-m", "ocr_service", "--server", "uvicorn", "--bind", "127.0.0.1:0",
                               "--workers", "2", "--exit-on-stdin-eof"]
    service.start()
    try:
        pids = tree(service.process.pid)
        answer = httpx.get(f"{service.url}/health", timeout=5).json()
        assert answer["instance_id"] == service.instance_id
        service.process.stdin.close()
        assert gone_within(pids, 8) == []
    finally:
        service.stop()


def run_cli(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "ocr_service", *args], check=False, capture_output=True, text=True, timeout=30,
                          env={**os.environ, "PYTHONPATH": str(SRC_DIR), **env}, stdin=subprocess.DEVNULL)


@pytest.mark.parametrize("bind", ["0.0.0.0:0", "192.168.1.10:9000"])
def test_refuses_to_listen_beyond_loopback(bind):
    result = run_cli(["--bind", bind], {"INTELLIGENCE_API_KEY": "k" * 32})
    assert result.returncode == 2
    assert "loopback" in result.stderr


def test_refuses_to_start_without_a_key():
    env = {k: v for k, v in os.environ.items() if k != "INTELLIGENCE_API_KEY"}
    result = subprocess.run([sys.executable, "-m", "ocr_service", "--bind", "127.0.0.1:0"], check=False, capture_output=True,
                            text=True, timeout=30, env={**env, "PYTHONPATH": str(SRC_DIR)}, cwd="/",
                            stdin=subprocess.DEVNULL)
    assert result.returncode == 2
    assert "INTELLIGENCE_API_KEY" in result.stderr


def test_entrypoint_script_runs_gunicorn():
    service = LocalService(workers=1)
    script = str(REPO_ROOT / "ocr-service" / "entrypoint.sh")
    service.command = lambda: [script, "--bind", "127.0.0.1:0", "--workers", "1", "--exit-on-stdin-eof"]
    service.start()
    try:
        assert any("gunicorn" in line.lower() for line in service.log)
    finally:
        service.stop()
