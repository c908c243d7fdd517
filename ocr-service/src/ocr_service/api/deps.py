"""Annotated dependency aliases shared by the routers."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated

from fastapi import Depends, Request

from ocr_service.api.admission import AdmissionGate
from ocr_service.api.security import require_api_key
from ocr_service.config import Settings, get_settings

SettingsDep = Annotated[Settings, Depends(get_settings)]
ApiKeyChecked = Depends(require_api_key)


def get_gate(request: Request) -> AdmissionGate:
    gate: AdmissionGate = request.app.state.gate
    return gate


GateDep = Annotated[AdmissionGate, Depends(get_gate)]


def reserve_work(gate: GateDep) -> Iterator[None]:
    with gate.reserve():
        yield


ReservedWork = Depends(reserve_work)
