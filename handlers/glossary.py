"""Placeholder router, filled in by the glossary feature."""

from __future__ import annotations

from handlers.router import Router

router = Router()
