"""Gunicorn settings and hooks; `ocr-service/gunicorn.conf.py` re-exports this module.

Everything comes from Settings (environment / .env), which `python -m ocr_service` fills from
its command line before Gunicorn starts.
"""

from __future__ import annotations

import os

from ocr_service.config import get_settings
from ocr_service.server.ready import announce_ready
from ocr_service.server.watchdogs import watch_parent, watch_stdin_eof

_settings = get_settings()

wsgi_app = "ocr_service.main:create_app()"
bind = [_settings.service_bind]
workers = _settings.workers
worker_class = "uvicorn_worker.UvicornWorker"
# Workers stop within a few seconds of SIGTERM even when an OCR call is still running.
graceful_timeout = 3
# A worker whose event loop is stuck this long is replaced by the master.
timeout = 60
keepalive = 5
accesslog = "-"
errorlog = "-"
loglevel = os.environ.get("INTELLIGENCE_LOG_LEVEL", "info")
# Never a control socket, pid or temp file in the user's home.
control_socket_disable = True
worker_tmp_dir = "/dev/shm" if os.path.isdir("/dev/shm") else None


def when_ready(server) -> None:  # type: ignore[no-untyped-def]
    port = server.LISTENERS[0].sock.getsockname()[1]
    announce_ready(port)
    if os.environ.get("INTELLIGENCE_EXIT_ON_STDIN_EOF") == "1":
        watch_stdin_eof()


def post_worker_init(worker) -> None:  # type: ignore[no-untyped-def]
    watch_parent(worker.ppid)
