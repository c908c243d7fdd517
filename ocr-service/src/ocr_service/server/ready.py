"""The one line the owner waits for on stdout before polling /health."""

from __future__ import annotations

import sys


def announce_ready(port: int) -> None:
    sys.stdout.write(f"READY port={port}\n")
    sys.stdout.flush()
