"""Placeholder router, filled in by the checkin feature."""

from __future__ import annotations

from handlers.router import Router

router = Router()
