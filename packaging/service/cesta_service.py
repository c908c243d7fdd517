"""Entry point of the frozen service (PyInstaller): the same `python -m ocr_service` command line."""

import multiprocessing
import sys

from ocr_service.server.cli import main

if __name__ == "__main__":
    multiprocessing.freeze_support()  # harmless on Linux; needed if a Windows build ever spawns
    sys.exit(main())
