"""Placeholder router, filled in by the sessions feature."""

from __future__ import annotations

from handlers.router import Router

router = Router()
