"""Community and knowledge: mentorship, library submissions, live sessions and feedback.

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-25
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from storage.types import UtcDateTime

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def _fk(table: str, column: str, target: str, ondelete: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint([column], [f"{target}.id"], ondelete=ondelete,
                                   name=f"fk_{table}_{column}_{target}")


def upgrade() -> None:
    op.create_table(
        "mentorship_requests",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("participant_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(8), nullable=False),
        sa.Column("created_at", UtcDateTime(), nullable=False),
        _fk("mentorship_requests", "participant_id", "participants", "CASCADE"),
        sa.PrimaryKeyConstraint("id", name="pk_mentorship_requests"),
        sa.UniqueConstraint("participant_id", "kind",
                            name="uq_mentorship_requests_participant_kind"),
    )
    op.create_table(
        "pairings",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("mentor_id", sa.Integer(), nullable=False),
        sa.Column("mentee_id", sa.Integer(), nullable=False),
        sa.Column("cohort_id", sa.Integer(), nullable=True),
        sa.Column("status", sa.String(10), nullable=False),
        sa.Column("proposed_by", sa.BigInteger(), nullable=True),
        sa.Column("mentor_reveals", sa.Boolean(), nullable=False),
        sa.Column("mentee_reveals", sa.Boolean(), nullable=False),
        sa.Column("created_at", UtcDateTime(), nullable=False),
        sa.Column("started_at", UtcDateTime(), nullable=True),
        sa.Column("ended_at", UtcDateTime(), nullable=True),
        _fk("pairings", "mentor_id", "participants", "CASCADE"),
        _fk("pairings", "mentee_id", "participants", "CASCADE"),
        _fk("pairings", "cohort_id", "cohorts", "SET NULL"),
        sa.PrimaryKeyConstraint("id", name="pk_pairings"),
    )
    op.create_index("ix_pairings_mentor", "pairings", ["mentor_id", "status"])
    op.create_index("ix_pairings_mentee", "pairings", ["mentee_id", "status"])
    op.create_table(
        "library_submissions",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("author_id", sa.Integer(), nullable=True),
        sa.Column("submitted_by", sa.BigInteger(), nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("title", sa.String(120), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("language", sa.String(8), nullable=False),
        sa.Column("status", sa.String(10), nullable=False),
        sa.Column("created_at", UtcDateTime(), nullable=False),
        sa.Column("decided_at", UtcDateTime(), nullable=True),
        _fk("library_submissions", "author_id", "participants", "CASCADE"),
        sa.PrimaryKeyConstraint("id", name="pk_library_submissions"),
    )
    op.create_table(
        "live_sessions",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("exchange_id", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(120), nullable=False),
        sa.Column("starts_at", UtcDateTime(), nullable=False),
        sa.Column("minutes", sa.SmallInteger(), nullable=False),
        sa.Column("format", sa.String(10), nullable=False),
        sa.Column("where", sa.String(300), nullable=False),
        sa.Column("language", sa.String(8), nullable=False),
        sa.Column("created_by", sa.BigInteger(), nullable=True),
        sa.Column("created_at", UtcDateTime(), nullable=False),
        _fk("live_sessions", "exchange_id", "exchanges", "CASCADE"),
        sa.PrimaryKeyConstraint("id", name="pk_live_sessions"),
    )
    op.create_index("ix_live_sessions_start", "live_sessions", ["starts_at"])
    op.create_table(
        "session_attendance",
        sa.Column("session_id", sa.Integer(), nullable=False),
        sa.Column("participant_id", sa.Integer(), nullable=False),
        sa.Column("created_at", UtcDateTime(), nullable=False),
        _fk("session_attendance", "session_id", "live_sessions", "CASCADE"),
        _fk("session_attendance", "participant_id", "participants", "CASCADE"),
        sa.PrimaryKeyConstraint("session_id", "participant_id", name="pk_session_attendance"),
    )
    op.create_table(
        "session_feedback",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("session_id", sa.Integer(), nullable=False),
        sa.Column("participant_id", sa.Integer(), nullable=False),
        sa.Column("pacing", sa.SmallInteger(), nullable=True),
        sa.Column("inclusivity", sa.SmallInteger(), nullable=True),
        sa.Column("usefulness", sa.SmallInteger(), nullable=True),
        sa.Column("text", sa.Text(), nullable=True),
        sa.Column("created_at", UtcDateTime(), nullable=False),
        _fk("session_feedback", "session_id", "live_sessions", "CASCADE"),
        _fk("session_feedback", "participant_id", "participants", "CASCADE"),
        sa.PrimaryKeyConstraint("id", name="pk_session_feedback"),
        sa.UniqueConstraint("session_id", "participant_id",
                            name="uq_session_feedback_session_participant"),
    )


def downgrade() -> None:
    for table in ("session_feedback", "session_attendance", "live_sessions",
                  "library_submissions", "pairings", "mentorship_requests"):
        op.drop_table(table)
