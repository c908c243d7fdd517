"""`./cesta run` until the desktop window lands: the service as the app will start it, in the foreground."""

from __future__ import annotations

import argparse
import signal
import socket
import sys

from ocr_service.devtools.local_service import LocalService

PREFERRED_PORT = 9000


def preferred_bind() -> str:
    """127.0.0.1:9000 when it is free, else port 0 (the kernel picks one), as the desktop does."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        try:
            probe.bind(("127.0.0.1", PREFERRED_PORT))
        except OSError:
            return "127.0.0.1:0"
    return f"127.0.0.1:{PREFERRED_PORT}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="cesta run")
    parser.add_argument("--workers", type=int, default=None)
    args = parser.parse_args(argv)
    service = LocalService(workers=args.workers, bind=preferred_bind())
    service.start()
    launch_to_healthy = service.healthy_at - service.launched_at
    print(f"Cesta intelligence service ready at {service.url} in {launch_to_healthy:.1f} s "
          f"(pid {service.process.pid}). The desktop window arrives with the desktop issue; Ctrl-C stops.",
          flush=True)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    try:
        code = service.process.wait()
        print(f"the service exited with code {code}:\n" + "\n".join(list(service.log)[-20:]), file=sys.stderr)
        return 1
    except (KeyboardInterrupt, SystemExit):
        return 0
    finally:
        service.stop()


if __name__ == "__main__":
    sys.exit(main())
