"""Gunicorn in this very process (so our pid is the master's), configured by gunicorn_config."""

from __future__ import annotations

import sys

from gunicorn.app.wsgiapp import WSGIApplication


def run_gunicorn() -> int:
    sys.argv = ["ocr_service", "--config", "python:ocr_service.server.gunicorn_config"]
    WSGIApplication("%(prog)s [OPTIONS]").run()
    return 0
