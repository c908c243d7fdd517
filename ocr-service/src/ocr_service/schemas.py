"""The API contract (docs/contract.md, docs/openapi.json) as Pydantic v2 models. Amounts are Decimal, sent as strings."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Annotated, Any, Literal, NotRequired

from pydantic import UUID4, AfterValidator, BaseModel, ConfigDict, Field, PlainSerializer, WithJsonSchema
from typing_extensions import TypedDict

from ocr_service.categories.taxonomy import CATEGORIES

# Decimal goes out as a plain string ("38.23"), never a float and never in exponent form.
Amount = Annotated[Decimal, PlainSerializer(lambda d: format(d, "f"), return_type=str, when_used="json")]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


def _known_category(name: str) -> str:
    if name not in CATEGORIES:
        raise ValueError(f"'{name}' is not one of the categories of the contract")
    return name


# One of the taxonomy's keys (categories/taxonomy.py), spelled exactly: the window translates them.
Category = Annotated[str, AfterValidator(_known_category), WithJsonSchema({"type": "string", "enum": list(CATEGORIES)})]
Confidence = Annotated[float, Field(ge=0, le=1)]


class ErrorBody(Strict):
    code: str
    message: str
    details: list[dict[str, Any]] | None = None


class HealthResponse(Strict):
    status: Literal["ok"]
    version: str
    instance_id: str
    workers: int
    pid: int
    worker_pid: int
    engines: dict[str, str]


class OcrRequest(Strict):
    ticket_id: UUID4
    file_name: str = Field(min_length=1, max_length=512)
    file_content_b64: str


class Shop(Strict):
    name: str | None = None
    legal_name: str | None = None
    tax_id: str | None = None
    address: str | None = None


class LineItem(Strict):
    description: str
    quantity: Amount | None = None
    unit: str | None = None
    unit_price: Amount | None = None
    amount: Amount
    category: Category | None = None
    category_confidence: Confidence | None = None


class TaxLine(Strict):
    rate: Amount
    base: Amount | None = None
    amount: Amount | None = None


class Checks(Strict):
    items_sum_matches_total: bool | None = None
    taxes_match_total: bool | None = None


Share = Annotated[float, Field(ge=0, le=1)]


class PageBox(Strict):
    """Where a field was read: the page (0 is the first) and the box on it, as shares of the page's
    width and height from its top left corner (the picture as stored, or the PDF page)."""

    page: int = Field(ge=0)
    left: Share
    top: Share
    right: Share
    bottom: Share


class FieldBoxes(Strict):
    """Where each key field was read. Items, discounts and taxes are in the response's order; a
    field that no printed line holds (worked out from other amounts, or read only on a second look)
    has none."""

    shop: PageBox | None = None
    tax_id: PageBox | None = None
    date: PageBox | None = None
    time: PageBox | None = None
    total: PageBox | None = None
    items: list[PageBox | None] = []
    discounts: list[PageBox | None] = []
    taxes: list[PageBox | None] = []


class OcrResponse(Strict):
    ticket_id: UUID4
    source: Literal["text_layer", "ocr"]
    pages: int
    shop: Shop
    date: dt.date | None = None
    time: str | None = Field(default=None, pattern=r"^\d{2}:\d{2}$")
    currency: str | None = None
    total: Amount | None = None
    items: list[LineItem] = []
    # Promotions, coupons and club discounts: negative lines kept apart from the products.
    discounts: list[LineItem] = []
    taxes: list[TaxLine] = []
    payment_method: Literal["card", "cash", "other"] | None = None
    invoice_number: str | None = None
    confidence: dict[str, float] = {}
    checks: Checks = Checks()
    warnings: list[str] = []
    text: str = ""
    timings_ms: dict[str, int] = {}
    boxes: FieldBoxes = FieldBoxes()


class UserContext(Strict):
    current_time: dt.datetime
    is_weekend: bool | None = None


class PastVisit(Strict):
    shop: str = Field(min_length=1, max_length=200)
    datetime: dt.datetime
    total: Amount | None = None
    items: list[str] | None = None


class PredictRequest(Strict):
    user_context: UserContext
    purchase_history_summary: list[PastVisit] = Field(default_factory=list, max_length=100_000)


class VisitWindow(Strict):
    expected: dt.datetime
    interval_80: tuple[dt.datetime, dt.datetime]


class ShopPrediction(Strict):
    shop: str
    probability: float = Field(ge=0, le=1)
    expected_visit: dt.datetime | None = None
    interval_80: tuple[dt.datetime, dt.datetime] | None = None


class PredictResponse(Strict):
    predictions: list[ShopPrediction]
    new_shop_probability: float = Field(ge=0, le=1)
    next_visit: VisitWindow | None = None
    model: str
    # What the model was compared with, and its cross-validated scores against it.
    baseline: str | None = None
    model_metrics: dict[str, float] = {}
    history_size: int
    confidence: Literal["none", "low", "normal"]
    warnings: list[str] = []


# A plain dictionary, not a model: a history holds thousands of lines, and validating them as
# dictionaries takes 2.6 ms instead of 6.7 ms for 6,000 lines (and makes fewer objects for the
# collector to walk). typing_extensions' TypedDict, which Pydantic needs on Python 3.11.
class BasketLine(TypedDict):
    """One line of a past ticket."""

    __pydantic_config__ = ConfigDict(extra="forbid")  # type: ignore[misc]
    description: Annotated[str, Field(min_length=1, max_length=200)]
    category: NotRequired[Category | None]
    quantity: NotRequired[Amount | None]


class PastTicket(Strict):
    datetime: dt.datetime
    shop: str | None = Field(default=None, max_length=200)
    items: list[BasketLine] = Field(default_factory=list, max_length=1_000)


class NextBasketRequest(Strict):
    user_context: UserContext
    history: list[PastTicket] = Field(default_factory=list, max_length=20_000)
    k: int = Field(default=10, ge=1, le=200)


class DueProduct(Strict):
    """A product the person is likely to buy on the next trip, with its rhythm."""

    description: str  # as the latest ticket prints it
    spellings: list[str] = []  # every description grouped as this product, first seen first
    category: Category | None = None
    probability: float = Field(ge=0, le=1)
    # Bought on two tickets or more: a habit with a rhythm; else tried once so far.
    repeat: bool
    times_bought: int = Field(ge=1)
    last_bought: dt.date
    every_days: float | None = None  # the median interval between purchases
    due: dt.date | None = None  # last bought + every_days
    days_overdue: int | None = None  # today - due: negative while not due yet
    usual_shop: str | None = None


class NextBasketResponse(Strict):
    items: list[DueProduct]
    model: str
    history_size: int  # tickets with items
    products: int  # distinct products in them
    reason: str | None = None  # why the list is empty, when it is
    warnings: list[str] = []


class Description(Strict):
    description: str = Field(min_length=1, max_length=200)


class CategoryExample(Strict):
    description: str = Field(min_length=1, max_length=200)
    category: Category


class CategorizeRequest(Strict):
    items: list[Description] = Field(max_length=2_000)
    # The person's own corrections, oldest first: a later one of the same line wins.
    examples: list[CategoryExample] = Field(default_factory=list, max_length=50_000)


class CategorizedItem(Strict):
    description: str
    category: Category
    category_confidence: Confidence


class CategorizeResponse(Strict):
    items: list[CategorizedItem]
    model: str
