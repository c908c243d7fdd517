"""The shared secret between the desktop app and this service, compared in constant time."""

from __future__ import annotations

import secrets
from typing import Annotated

from fastapi import Depends
from fastapi.security import APIKeyHeader

from ocr_service.config import Settings, get_settings
from ocr_service.errors import Unauthorized

_api_key_header = APIKeyHeader(name="X-API-Key", auto_error=False)


def require_api_key(
    presented: Annotated[str | None, Depends(_api_key_header)],
    settings: Annotated[Settings, Depends(get_settings)],
) -> None:
    expected = settings.api_key.get_secret_value().encode()
    given = (presented or "").encode()
    # compare_digest even when lengths differ, so timing says nothing about the key.
    if not presented or not expected or not secrets.compare_digest(given, expected):
        raise Unauthorized("Missing or wrong X-API-Key header.", code="invalid_api_key")
