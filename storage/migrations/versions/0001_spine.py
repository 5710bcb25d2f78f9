"""The spine: exchanges, cohorts, invite codes, participants and the consent ledger.

Revision ID: 0001
Revises:
Create Date: 2026-11-25
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from storage.types import UtcDateTime

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "exchanges",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("slug", sa.String(40), nullable=False),
        sa.Column("name", sa.String(120), nullable=False),
        sa.Column("starts_on", sa.Date(), nullable=False),
        sa.Column("ends_on", sa.Date(), nullable=False),
        sa.Column("created_by", sa.BigInteger(), nullable=True),
        sa.Column("created_at", UtcDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_exchanges"),
        sa.UniqueConstraint("slug", name="uq_exchanges_slug"),
    )
    op.create_table(
        "cohorts",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("exchange_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(120), nullable=False),
        sa.Column("created_at", UtcDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_cohorts"),
        sa.ForeignKeyConstraint(
            ["exchange_id"], ["exchanges.id"], ondelete="CASCADE",
            name="fk_cohorts_exchange_id_exchanges",
        ),
        sa.UniqueConstraint("exchange_id", "name", name="uq_cohorts_exchange_name"),
    )
    op.create_table(
        "invite_codes",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("code", sa.String(32), nullable=False),
        sa.Column("cohort_id", sa.Integer(), nullable=False),
        sa.Column("role", sa.String(20), nullable=False),
        sa.Column("created_by", sa.BigInteger(), nullable=True),
        sa.Column("created_at", UtcDateTime(), nullable=False),
        sa.Column("revoked_at", UtcDateTime(), nullable=True),
        sa.Column("uses", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_invite_codes"),
        sa.ForeignKeyConstraint(
            ["cohort_id"], ["cohorts.id"], ondelete="CASCADE",
            name="fk_invite_codes_cohort_id_cohorts",
        ),
        sa.UniqueConstraint("code", name="uq_invite_codes_code"),
    )
    op.create_table(
        "participants",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("telegram_id", sa.BigInteger(), nullable=False),
        sa.Column("cohort_id", sa.Integer(), nullable=True),
        sa.Column("role", sa.String(20), nullable=False),
        sa.Column("language", sa.String(8), nullable=False),
        sa.Column("step", sa.String(40), nullable=False),
        sa.Column("step_data", sa.JSON(), nullable=False),
        sa.Column("region", sa.String(30), nullable=True),
        sa.Column("timezone", sa.String(64), nullable=True),
        sa.Column("quiet_start", sa.SmallInteger(), nullable=False),
        sa.Column("quiet_end", sa.SmallInteger(), nullable=False),
        sa.Column("coc_accepted_at", UtcDateTime(), nullable=True),
        sa.Column("onboarded_at", UtcDateTime(), nullable=True),
        sa.Column("last_press", sa.String(80), nullable=True),
        sa.Column("blocked_at", UtcDateTime(), nullable=True),
        sa.Column("created_at", UtcDateTime(), nullable=False),
        sa.Column("updated_at", UtcDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_participants"),
        sa.ForeignKeyConstraint(
            ["cohort_id"], ["cohorts.id"], ondelete="SET NULL",
            name="fk_participants_cohort_id_cohorts",
        ),
        sa.UniqueConstraint("telegram_id", name="uq_participants_telegram_id"),
    )
    op.create_index("ix_participants_cohort_id", "participants", ["cohort_id"])
    op.create_table(
        "consent_events",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("participant_id", sa.Integer(), nullable=False),
        sa.Column("purpose", sa.String(20), nullable=False),
        sa.Column("granted", sa.Boolean(), nullable=False),
        sa.Column("policy_version", sa.String(20), nullable=False),
        sa.Column("created_at", UtcDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_consent_events"),
        sa.ForeignKeyConstraint(
            ["participant_id"], ["participants.id"], ondelete="CASCADE",
            name="fk_consent_events_participant_id_participants",
        ),
    )
    op.create_index(
        "ix_consent_events_lookup", "consent_events", ["participant_id", "purpose", "id"]
    )


def downgrade() -> None:
    op.drop_table("consent_events")
    op.drop_index("ix_participants_cohort_id", table_name="participants")
    op.drop_table("participants")
    op.drop_table("invite_codes")
    op.drop_table("cohorts")
    op.drop_table("exchanges")
