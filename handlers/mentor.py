"""Placeholder router, filled in by the mentor feature."""

from __future__ import annotations

from handlers.router import Router

router = Router()
