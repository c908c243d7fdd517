"""POST /predict/next-shop: ranked next shops with probabilities, and when the next visit is due."""

from __future__ import annotations

from fastapi import APIRouter

from ocr_service.api.deps import ApiKeyChecked, GateDep, ReservedWork
from ocr_service.prediction.frequency_model import predict
from ocr_service.schemas import PredictRequest, PredictResponse

router = APIRouter(prefix="/predict", tags=["predict"], dependencies=[ApiKeyChecked, ReservedWork])


@router.post("/next-shop")
def next_shop(request: PredictRequest, gate: GateDep) -> PredictResponse:
    with gate.run_slot():
        now = request.user_context.current_time.replace(tzinfo=None)
        return predict(request.purchase_history_summary, now)
