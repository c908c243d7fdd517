"""Threads that end the service when the process that owns it is gone.

The desktop app keeps our stdin open as a pipe: when the app dies, even by kill -9, the kernel
closes the pipe and we read EOF. Workers watch their parent instead, so that killing the master
never leaves orphaned workers holding memory.
"""

from __future__ import annotations

import os
import signal
import sys
import threading
import time
from collections.abc import Callable

PARENT_POLL_S = 0.5


def terminate_self() -> None:
    os.kill(os.getpid(), signal.SIGTERM)


def watch_stdin_eof(on_eof: Callable[[], None] = terminate_self) -> threading.Thread:
    def run() -> None:
        try:
            fd = sys.stdin.fileno()
            while os.read(fd, 4096):
                pass  # The owner never writes; anything read is ignored.
        except (OSError, ValueError):
            pass  # A closed or invalid stdin means the owner is gone, as EOF does.
        on_eof()

    thread = threading.Thread(target=run, name="stdin-eof-watchdog", daemon=True)
    thread.start()
    return thread


def watch_parent(parent_pid: int, on_orphaned: Callable[[], None] = terminate_self) -> threading.Thread:
    def run() -> None:
        while os.getppid() == parent_pid:
            time.sleep(PARENT_POLL_S)
        on_orphaned()
        # If a graceful stop hangs (a long OCR call holding the thread), leave anyway.
        time.sleep(5)
        os._exit(1)

    thread = threading.Thread(target=run, name="parent-watchdog", daemon=True)
    thread.start()
    return thread
