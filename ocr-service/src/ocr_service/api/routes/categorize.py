"""POST /categorize: a spending category per item line, the person's examples overriding the model."""

from __future__ import annotations

from fastapi import APIRouter

from ocr_service.api.deps import ApiKeyChecked, GateDep, ReservedWork, SettingsDep
from ocr_service.categories.service import answer, category_model
from ocr_service.schemas import CategorizeRequest, CategorizeResponse

router = APIRouter(tags=["categorize"], dependencies=[ApiKeyChecked, ReservedWork])


@router.post("/categorize")
def categorize(request: CategorizeRequest, gate: GateDep, settings: SettingsDep) -> CategorizeResponse:
    with gate.run_slot():
        return answer(request, category_model(settings))
