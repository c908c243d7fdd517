"""Writes the service's OpenAPI document, the machine-readable half of docs/contract.md:
`python -m ocr_service.devtools.openapi docs/openapi.json` (`./cesta openapi` does it). A test
compares the committed file with what the service declares, so the two cannot drift apart."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from pydantic import SecretStr

from ocr_service.config import Settings
from ocr_service.main import create_app


def openapi_document() -> dict[str, Any]:
    return create_app(Settings(api_key=SecretStr("openapi-export"))).openapi()


def render() -> str:
    return json.dumps(openapi_document(), indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print("usage: python -m ocr_service.devtools.openapi OUT.json", file=sys.stderr)
        return 2
    Path(argv[0]).write_text(render(), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
