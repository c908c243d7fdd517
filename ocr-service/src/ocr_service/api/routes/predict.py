"""POST /predict/next-shop: ranked next shops with probabilities, and when the next visit is due."""

from __future__ import annotations

from fastapi import APIRouter

from ocr_service.api.deps import ApiKeyChecked, GateDep, ReservedWork, SettingsDep
from ocr_service.prediction.ranker import DEFAULT_MODEL, load_ranker, predict
from ocr_service.schemas import PredictRequest, PredictResponse

router = APIRouter(prefix="/predict", tags=["predict"], dependencies=[ApiKeyChecked, ReservedWork])


@router.post("/next-shop")
def next_shop(request: PredictRequest, gate: GateDep, settings: SettingsDep) -> PredictResponse:
    with gate.run_slot():
        ranker = load_ranker(settings.prediction_model or str(DEFAULT_MODEL))
        return predict(request.purchase_history_summary, request.user_context.current_time, ranker)
