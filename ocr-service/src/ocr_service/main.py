"""The FastAPI application factory: routers, error mapping, per-worker state in the lifespan."""

from __future__ import annotations

import gc
import logging
import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.requests import ClientDisconnect

from ocr_service import __version__
from ocr_service.api.admission import AdmissionGate
from ocr_service.api.body_limit import BodyLimitMiddleware
from ocr_service.api.routes import categorize, health, ocr, predict
from ocr_service.api.server_timing import ServerTimingMiddleware
from ocr_service.categories.service import category_model
from ocr_service.config import Settings, get_settings
from ocr_service.errors import ServiceError

log = logging.getLogger("ocr_service")


def _error(status: int, code: str, message: str, headers: dict[str, str] | None = None,
           details: list[dict[str, Any]] | None = None) -> JSONResponse:
    body: dict[str, Any] = {"code": code, "message": message}
    if details:
        body["details"] = details
    return JSONResponse(body, status_code=status, headers=headers)


async def _service_error(_: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, ServiceError)
    return _error(exc.status, exc.code, exc.message, exc.headers)


async def _validation_error(_: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    errors = exc.errors()
    if any(e.get("type") == "json_invalid" for e in errors):
        return _error(400, "invalid_json", "The request body is not valid JSON.")
    first = errors[0] if errors else {"loc": (), "msg": "invalid"}
    where = ".".join(str(p) for p in first["loc"]) or "body"
    details = [{"loc": [str(p) for p in e["loc"]], "msg": e["msg"], "type": e["type"]} for e in errors[:20]]
    return _error(422, "invalid_request", f"Invalid request: {where}: {first['msg']}", details=details)


async def _http_error(_: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, StarletteHTTPException)
    codes = {404: "not_found", 405: "method_not_allowed"}
    return _error(exc.status_code, codes.get(exc.status_code, "http_error"), str(exc.detail), dict(exc.headers or {}))


async def _client_gone(_: Request, exc: Exception) -> JSONResponse:
    # The client closed the connection while sending its body: nobody is left to answer.
    log.info("client disconnected before sending its whole request")
    return _error(400, "client_disconnected", "The client went away before sending its whole request.")


async def _unexpected_error(_: Request, exc: Exception) -> JSONResponse:
    log.exception("unexpected error")
    return _error(500, "internal_error", f"The service failed on this request: {type(exc).__name__}.")


def create_app(settings: Settings | None = None) -> FastAPI:
    settings = settings or get_settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        # One gate per worker process: admission is counted where the work runs.
        app.state.gate = AdmissionGate(settings.concurrency_per_worker, settings.max_pending_per_worker)
        app.state.instance_id = settings.instance_id or str(uuid.uuid4())
        category_model(settings)  # loaded before the first ticket, not during it
        # What is loaded by now lives as long as the worker: the collector stops walking it. A
        # next-basket request makes some 50,000 objects, and each full collection walked the
        # models too; measured on 2 cores, p95 service-side 164-181 ms before, 52-60 ms after.
        gc.freeze()
        yield

    app = FastAPI(title="Cesta intelligence service", version=__version__, lifespan=lifespan)
    app.dependency_overrides[get_settings] = lambda: settings
    app.add_middleware(BodyLimitMiddleware, max_body_bytes=settings.max_body_bytes)
    app.add_middleware(ServerTimingMiddleware)  # outermost: times everything, refusals included
    app.add_exception_handler(ServiceError, _service_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_exception_handler(ClientDisconnect, _client_gone)
    app.add_exception_handler(Exception, _unexpected_error)
    app.include_router(health.router)
    app.include_router(ocr.router)
    app.include_router(predict.router)
    app.include_router(categorize.router)
    return app
