"""Conversation logic. Handlers speak only ``bot.core`` types; none imports a Telegram
framework."""

from __future__ import annotations

from handlers.router import Router


def build_router() -> Router:
    """Every feature's router, collected in one place."""
    from handlers import (
        admin,
        assessment,
        broadcast,
        broadcast_audience,
        broadcast_status,
        checkin,
        consent,
        fallback,
        glossary,
        incident,
        incident_desk,
        learning,
        library,
        library_submit,
        live_sessions,
        live_sessions_add,
        live_sessions_feedback,
        mentor,
        mentor_pairing,
        mentor_safety,
        menu,
        menu_choice,
        offline,
        onboarding,
        plan,
        plan_input,
        privacy,
        profile,
        reports,
        safety_setup,
        stories,
    )

    root = Router()
    for feature in (onboarding, profile, consent, menu, menu_choice, assessment, learning, offline,
                    admin, broadcast, broadcast_audience, broadcast_status, reports, plan,
                    plan_input, checkin, glossary, library, library_submit, mentor, mentor_pairing,
                    mentor_safety, live_sessions, live_sessions_add, live_sessions_feedback,
                    incident, incident_desk, safety_setup, stories, privacy, fallback):
        root.include(feature.router)
    return root
