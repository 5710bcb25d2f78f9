"""The APScheduler job layer: short periodic sweeps that read due work from the database.

Jobs live in memory (never in a shared job store) and have explicit ids, so a restart or a
second replica simply schedules them again; the work they do is idempotent. Check-ins,
reminders and retention of free text arrive with their issues.
"""
