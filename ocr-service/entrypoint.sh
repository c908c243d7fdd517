#!/usr/bin/env sh
# The seed's dev/prod split: `entrypoint.sh dev` runs Uvicorn with --reload on port 9000;
# anything else runs Gunicorn with Uvicorn workers (arguments go to `python -m ocr_service`).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
python="${CESTA_PYTHON:-$here/.venv/bin/python}"
[ -x "$python" ] || python=python3
export PYTHONPATH="$here/src${PYTHONPATH:+:$PYTHONPATH}"
if [ "${1:-}" = "dev" ]; then
  shift
  exec "$python" -m ocr_service --reload --bind "${INTELLIGENCE_SERVICE_BIND:-127.0.0.1:9000}" "$@"
fi
exec "$python" -m ocr_service "$@"
