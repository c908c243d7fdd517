"""What the routes call: the worker's category model, and the contract's shapes in and out."""

from __future__ import annotations

from ocr_service.categories.examples import categorise
from ocr_service.categories.model import DEFAULT_MODEL, CategoryModel, load_category_model
from ocr_service.config import Settings
from ocr_service.schemas import CategorizedItem, CategorizeRequest, CategorizeResponse, LineItem


def category_model(settings: Settings) -> CategoryModel:
    return load_category_model(settings.category_model or str(DEFAULT_MODEL))


def answer(request: CategorizeRequest, model: CategoryModel) -> CategorizeResponse:
    descriptions = [item.description for item in request.items]
    examples = [(example.description, example.category) for example in request.examples]
    found = categorise(model, descriptions, examples)
    return CategorizeResponse(
        items=[CategorizedItem(description=d, category=f.category, category_confidence=f.confidence)
               for d, f in zip(descriptions, found)],
        model=model.name,
    )


def with_categories(items: list[LineItem], model: CategoryModel) -> list[LineItem]:
    """The read ticket's items, each with the model's category (the person's examples come later,
    from the window's own call to /categorize, so /ocr/process stays stateless)."""
    found = categorise(model, [item.description for item in items])
    return [item.model_copy(update={"category": f.category, "category_confidence": f.confidence})
            for item, f in zip(items, found)]
