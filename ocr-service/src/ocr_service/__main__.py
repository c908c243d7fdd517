import sys

from ocr_service.server.cli import main

sys.exit(main())
