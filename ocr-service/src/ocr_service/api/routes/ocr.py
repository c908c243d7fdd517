"""POST /ocr/process: a ticket (JSON with base64, or multipart) in, the parsed receipt out."""

from __future__ import annotations

import base64
import binascii
from dataclasses import dataclass
from typing import Annotated, Any
from uuid import UUID

from fastapi import APIRouter, Depends, Request
from pydantic import ValidationError
from starlette.datastructures import UploadFile

from ocr_service.api.deps import ApiKeyChecked, GateDep, ReservedWork, SettingsDep
from ocr_service.errors import BadRequest, PayloadTooLarge, Unprocessable, UnsupportedType
from ocr_service.extraction.documents import Upload
from ocr_service.extraction.pipeline import process_ticket
from ocr_service.schemas import OcrRequest, OcrResponse

router = APIRouter(prefix="/ocr", tags=["ocr"], dependencies=[ApiKeyChecked])

_OPENAPI_BODY: dict[str, Any] = {
    "requestBody": {
        "required": True,
        "content": {
            "application/json": {"schema": OcrRequest.model_json_schema()},
            "multipart/form-data": {
                "schema": {
                    "type": "object",
                    "required": ["file", "ticket_id"],
                    "properties": {
                        "file": {"type": "string", "format": "binary"},
                        "ticket_id": {"type": "string", "format": "uuid"},
                    },
                }
            },
        },
    }
}


@dataclass(frozen=True)
class TicketUpload:
    ticket_id: UUID
    upload: Upload


def _decode_base64(content: str, file_name: str) -> bytes:
    try:
        return base64.b64decode("".join(content.split()), validate=True)
    except (binascii.Error, ValueError) as exc:
        raise BadRequest(f"file_content_b64 of '{file_name}' is not valid base64: {exc}", code="invalid_base64") from exc


def _invalid(exc: ValidationError) -> Unprocessable:
    first = exc.errors()[0]
    where = ".".join(str(p) for p in first["loc"]) or "body"
    return Unprocessable(f"Invalid request: {where}: {first['msg']}", code="invalid_request")


async def _from_json(request: Request) -> TicketUpload:
    body = await request.body()
    try:
        parsed = OcrRequest.model_validate_json(body)
    except ValidationError as exc:
        if any(e["type"] == "json_invalid" for e in exc.errors()):
            raise BadRequest("The request body is not valid JSON.", code="invalid_json") from exc
        raise _invalid(exc) from exc
    data = _decode_base64(parsed.file_content_b64, parsed.file_name)
    return TicketUpload(parsed.ticket_id, Upload(parsed.file_name, data))


async def _from_multipart(request: Request, max_file_bytes: int) -> TicketUpload:
    async with request.form(max_files=1, max_fields=4) as form:
        file = form.get("file")
        raw_id = form.get("ticket_id")
        if not isinstance(file, UploadFile) or not isinstance(raw_id, str):
            raise Unprocessable("A multipart request needs a 'file' part and a 'ticket_id' field.", code="invalid_request")
        if file.size is not None and file.size > max_file_bytes:
            raise PayloadTooLarge(
                f"'{file.filename}' is {file.size / 1e6:.1f} MB; the limit is {max_file_bytes / 1e6:.0f} MB.",
                code="file_too_large",
            )
        data = await file.read()
        name = file.filename or "upload"
    try:
        ticket_id = OcrRequest.model_validate(
            {"ticket_id": raw_id, "file_name": name, "file_content_b64": ""}
        ).ticket_id
    except ValidationError as exc:
        raise _invalid(exc) from exc
    return TicketUpload(ticket_id, Upload(name, data))


async def read_ticket_upload(
    request: Request, settings: SettingsDep, _reserved: Annotated[None, ReservedWork]
) -> TicketUpload:
    """Both input forms of the contract; the body is read only once work has been admitted."""
    content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if content_type == "application/json":
        return await _from_json(request)
    if content_type == "multipart/form-data":
        return await _from_multipart(request, settings.max_upload_bytes)
    raise UnsupportedType(
        f"Content-Type '{content_type or 'none'}' is not accepted; send application/json or multipart/form-data.",
        code="unsupported_media_type",
    )


@router.post("/process", openapi_extra=_OPENAPI_BODY)
def process(
    ticket: Annotated[TicketUpload, Depends(read_ticket_upload)], settings: SettingsDep, gate: GateDep
) -> OcrResponse:
    # Plain def: FastAPI runs it in the thread pool, so the event loop stays free.
    with gate.run_slot():
        return process_ticket(ticket.ticket_id, ticket.upload, settings)
