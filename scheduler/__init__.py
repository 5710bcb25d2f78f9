"""The APScheduler job layer: periodic sweeps that read due work from the database.

Nothing is scheduled yet: check-ins, reminders and retention arrive with their issues.
"""
