"""One Settings object for the whole service, read from the environment and `.env`."""

from __future__ import annotations

import os
from functools import lru_cache

from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict

MIB = 1024 * 1024


def default_worker_count() -> int:
    """The product owner's formula: 2 x cores + 1."""
    return 2 * (os.cpu_count() or 1) + 1


class Settings(BaseSettings):
    """Every knob of the service; env names are `INTELLIGENCE_<FIELD>` (e.g. INTELLIGENCE_API_KEY)."""

    model_config = SettingsConfigDict(
        env_prefix="INTELLIGENCE_", env_file=".env", extra="ignore", frozen=True
    )

    api_key: SecretStr = SecretStr("")
    service_url: str = "http://127.0.0.1:9000"
    service_bind: str = "127.0.0.1:9000"
    workers: int = Field(default_factory=default_worker_count, ge=1, le=64)
    # Passed in by whoever spawns the service so that it can tell its own child from a
    # foreign process that happens to own the port; generated when absent.
    instance_id: str = ""

    max_upload_bytes: int = Field(default=20 * MIB, ge=1)
    max_pages: int = Field(default=30, ge=1)
    # Decompression-bomb guard: a 48 Mpx phone photo passes, a 400 Mpx PNG does not.
    max_image_pixels: int = Field(default=60_000_000, ge=1)
    request_time_budget_s: float = Field(default=25.0, gt=0)
    # Work admitted per worker (running + waiting). Beyond it the worker answers 503 with
    # Retry-After instead of piling request bodies up in memory.
    max_pending_per_worker: int = Field(default=16, ge=1)
    concurrency_per_worker: int = Field(default=1, ge=1)
    # Chosen by measurement (docs/ocr-engines.md): Tesseract reads scans; the second engine reads
    # phone photos and takes the second look at doubtful readings ("" for none: the second look
    # then re-reads with the other binarisation).
    ocr_engine: str = "tesseract"
    second_ocr_engine: str = "rapidocr"
    photo_ocr_engine: str = "rapidocr"
    ocr_languages: str = "spa+eng"
    # Next-shop model file; the shipped one unless a retrained model is pointed at.
    prediction_model: str = ""
    # Category model file, likewise.
    category_model: str = ""

    @property
    def max_body_bytes(self) -> int:
        """Largest request body: the file as base64 (4/3) plus room for the JSON or multipart frame."""
        return self.max_upload_bytes * 4 // 3 + MIB


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return Settings()
