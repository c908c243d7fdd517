"""POST /predict/next-shop: ranked next shops with probabilities, and when the next visit is due.
POST /predict/next-basket: the products likely on the next trip, each with its rhythm and when it is due."""

from __future__ import annotations

from fastapi import APIRouter

from ocr_service.api.deps import ApiKeyChecked, GateDep, ReservedWork, SettingsDep
from ocr_service.prediction.next_basket import predict_basket
from ocr_service.prediction.ranker import DEFAULT_MODEL, load_ranker, predict
from ocr_service.schemas import NextBasketRequest, NextBasketResponse, PredictRequest, PredictResponse

router = APIRouter(prefix="/predict", tags=["predict"], dependencies=[ApiKeyChecked, ReservedWork])


@router.post("/next-shop")
def next_shop(request: PredictRequest, gate: GateDep, settings: SettingsDep) -> PredictResponse:
    with gate.run_slot():
        ranker = load_ranker(settings.prediction_model or str(DEFAULT_MODEL))
        return predict(request.purchase_history_summary, request.user_context.current_time, ranker)


@router.post("/next-basket")
def next_basket(request: NextBasketRequest, gate: GateDep) -> NextBasketResponse:
    with gate.run_slot():
        return predict_basket(request.history, request.user_context.current_time, request.k)
