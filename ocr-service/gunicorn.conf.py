# Gunicorn configuration for `gunicorn -c gunicorn.conf.py`; the settings live in the package so
# that `python -m ocr_service` and the installed app use the very same ones.
from ocr_service.server.gunicorn_config import *
from ocr_service.server.gunicorn_config import post_worker_init, when_ready  # noqa: F401
