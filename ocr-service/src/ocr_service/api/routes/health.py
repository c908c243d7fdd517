"""GET /health: liveness plus who this is, so a client never talks to a foreign process."""

from __future__ import annotations

import os

from fastapi import APIRouter, Request

from ocr_service import __version__
from ocr_service.api.deps import SettingsDep
from ocr_service.extraction.pipeline import engines
from ocr_service.schemas import HealthResponse

router = APIRouter(tags=["health"])


@router.get("/health")
def health(request: Request, settings: SettingsDep) -> HealthResponse:
    return HealthResponse(
        status="ok",
        version=__version__,
        instance_id=request.app.state.instance_id,
        workers=settings.workers,
        pid=int(os.environ.get("INTELLIGENCE_MASTER_PID", os.getpid())),
        worker_pid=os.getpid(),
        engines=engines(settings),
    )
