"""Start a real service (Gunicorn, `python -m ocr_service`) as a child process, as the desktop does.

Used by `./cesta extract`, the benchmarks and the tests: the key travels in the environment, the
port comes from the `READY port=` line, and readiness is a /health answer with our instance id.
"""

from __future__ import annotations

import os
import secrets
import subprocess
import sys
import threading
import time
import uuid
from collections import deque
from pathlib import Path
from typing import Self

import httpx

SRC_DIR = Path(__file__).resolve().parents[2]


class ServiceStartError(RuntimeError):
    pass


class LocalService:
    def __init__(self, workers: int | None = None, bind: str = "127.0.0.1:0",
                 exit_on_stdin_eof: bool = True, extra_env: dict[str, str] | None = None):
        self.api_key = secrets.token_urlsafe(32)
        self.instance_id = str(uuid.uuid4())
        self.workers = workers
        self.bind = bind
        self.exit_on_stdin_eof = exit_on_stdin_eof
        self.extra_env = extra_env or {}
        self.process: subprocess.Popen[bytes] | None = None
        self.port: int | None = None
        self.log: deque[str] = deque(maxlen=2000)
        self.launched_at = 0.0
        self.ready_at = 0.0
        self.healthy_at = 0.0

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def headers(self) -> dict[str, str]:
        return {"X-API-Key": self.api_key}

    def command(self) -> list[str]:
        cmd = [sys.executable, "-m", "ocr_service", "--bind", self.bind]
        if self.workers is not None:
            cmd += ["--workers", str(self.workers)]
        if self.exit_on_stdin_eof:
            cmd.append("--exit-on-stdin-eof")
        return cmd

    def start(self, timeout_s: float = 30.0) -> Self:
        env = dict(os.environ, INTELLIGENCE_API_KEY=self.api_key, INTELLIGENCE_INSTANCE_ID=self.instance_id,
                   PYTHONPATH=str(SRC_DIR), **self.extra_env)
        self.launched_at = time.perf_counter()
        self.process = subprocess.Popen(self.command(), stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                        stderr=subprocess.PIPE, env=env)
        ready = threading.Event()
        threading.Thread(target=self._drain, args=(self.process.stdout, ready), daemon=True).start()
        threading.Thread(target=self._drain, args=(self.process.stderr, None), daemon=True).start()
        if not ready.wait(timeout_s) or self.port is None:
            self.stop()
            raise ServiceStartError(f"no READY line within {timeout_s:.0f} s:\n" + "\n".join(self.log))
        self._wait_healthy(timeout_s)
        return self

    def _drain(self, stream, ready: threading.Event | None) -> None:  # type: ignore[no-untyped-def]
        for raw in iter(stream.readline, b""):
            line = raw.decode(errors="replace").rstrip()
            if ready is not None and line.startswith("READY port=") and not ready.is_set():
                self.port = int(line.split("=", 1)[1])
                self.ready_at = time.perf_counter()
                ready.set()
            self.log.append(line)

    def _wait_healthy(self, timeout_s: float) -> None:
        deadline = time.monotonic() + timeout_s
        with httpx.Client(timeout=2.0) as client:
            while time.monotonic() < deadline:
                try:
                    answer = client.get(f"{self.url}/health")
                    if answer.status_code == 200 and answer.json().get("instance_id") == self.instance_id:
                        self.healthy_at = time.perf_counter()
                        return
                except httpx.TransportError:
                    pass
                time.sleep(0.05)
        self.stop()
        raise ServiceStartError(f"no healthy /health within {timeout_s:.0f} s:\n" + "\n".join(self.log))

    def stop(self, timeout_s: float = 10.0) -> None:
        """Close stdin (the owner's way to say goodbye), then SIGTERM, then SIGKILL."""
        process = self.process
        if process is None or process.poll() is not None:
            return
        if process.stdin:
            process.stdin.close()
        try:
            process.wait(timeout_s if self.exit_on_stdin_eof else 0.1)
        except subprocess.TimeoutExpired:
            process.terminate()
            try:
                process.wait(timeout_s)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()

    def __enter__(self) -> Self:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()
