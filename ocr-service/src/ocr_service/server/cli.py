"""`python -m ocr_service`: start the service the way its owner asked, and say when it is ready."""

from __future__ import annotations

import argparse
import ipaddress
import os
import sys
import uuid

from ocr_service.config import Settings, default_worker_count

LOOPBACK_NAMES = {"localhost"}


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m ocr_service", description=__doc__)
    parser.add_argument("--bind", default=os.environ.get("INTELLIGENCE_SERVICE_BIND", "127.0.0.1:9000"),
                        help="HOST:PORT on loopback; port 0 picks a free one (default %(default)s)")
    parser.add_argument("--workers", type=int, default=None,
                        help=f"worker processes (default INTELLIGENCE_WORKERS or 2 x cores + 1 = {default_worker_count()})")
    parser.add_argument("--exit-on-stdin-eof", action="store_true",
                        help="shut the whole service down when stdin reaches EOF (the owner died)")
    parser.add_argument("--server", choices=("gunicorn", "uvicorn"),
                        default="gunicorn" if os.name == "posix" else "uvicorn",
                        help="process manager (Gunicorn is POSIX only)")
    parser.add_argument("--reload", action="store_true", help="development: one Uvicorn process reloading on change")
    parser.add_argument("--nice", type=int, default=0,
                        help="lower the service's CPU priority by N (POSIX); the desktop app passes 10 so that "
                             "OCR never starves its window")
    return parser.parse_args(argv)


def split_bind(bind: str) -> tuple[str, int]:
    host, sep, port = bind.rpartition(":")
    if not sep or not port.isdigit():
        raise ValueError(f"--bind must be HOST:PORT, got {bind!r}")
    host = host.strip("[]")
    if host not in LOOPBACK_NAMES and not ipaddress.ip_address(host).is_loopback:
        raise ValueError(f"the service only listens on loopback; {host!r} is not a loopback address")
    return host, int(port)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    try:
        host, port = split_bind(args.bind)
    except ValueError as exc:
        print(f"ocr_service: {exc}", file=sys.stderr)
        return 2
    if not Settings().api_key.get_secret_value():  # environment or .env
        print("ocr_service: INTELLIGENCE_API_KEY is not set; every request but /health would be refused.",
              file=sys.stderr)
        return 2
    if args.nice > 0 and hasattr(os, "nice"):
        os.nice(args.nice)  # inherited by the workers and the OCR processes they start
    # Settings are read from the environment in this process and in every forked worker.
    os.environ["INTELLIGENCE_SERVICE_BIND"] = f"{host}:{port}"
    if args.workers is not None:
        os.environ["INTELLIGENCE_WORKERS"] = str(args.workers)
    os.environ.setdefault("INTELLIGENCE_INSTANCE_ID", str(uuid.uuid4()))
    os.environ["INTELLIGENCE_MASTER_PID"] = str(os.getpid())
    os.environ["INTELLIGENCE_EXIT_ON_STDIN_EOF"] = "1" if args.exit_on_stdin_eof else "0"

    if args.reload:
        os.environ["INTELLIGENCE_WORKERS"] = "1"  # one reloading process, whatever the default says
        from ocr_service.server.uvicorn_runner import run_reloading
        return run_reloading(host, port)
    if args.server == "gunicorn":
        from ocr_service.server.gunicorn_runner import run_gunicorn
        return run_gunicorn()
    from ocr_service.server.uvicorn_runner import run_uvicorn
    return run_uvicorn(host, port, args.exit_on_stdin_eof)
