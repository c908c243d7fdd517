"""Uvicorn without Gunicorn: the Windows path (with --workers) and the --reload development mode."""

from __future__ import annotations

from pathlib import Path

import uvicorn
from uvicorn.supervisors import Multiprocess

from ocr_service.config import get_settings
from ocr_service.server.ready import announce_ready
from ocr_service.server.watchdogs import watch_stdin_eof

APP = "ocr_service.main:create_app"


def run_uvicorn(host: str, port: int, exit_on_stdin_eof: bool) -> int:
    workers = get_settings().workers
    config = uvicorn.Config(APP, factory=True, host=host, port=port, workers=workers, timeout_graceful_shutdown=3)
    sock = config.bind_socket()  # bound here, so port 0 resolves once for every worker
    announce_ready(sock.getsockname()[1])
    if exit_on_stdin_eof:
        watch_stdin_eof()
    server = uvicorn.Server(config)
    if workers > 1:
        Multiprocess(config, sockets=[sock]).run()
    else:
        server.run(sockets=[sock])
    return 0


def run_reloading(host: str, port: int) -> int:
    source = Path(__file__).resolve().parents[1]
    uvicorn.run(APP, factory=True, host=host, port=port, reload=True, reload_dirs=[str(source)])
    return 0
