"""Storage: SQLAlchemy 2 async models, repositories and Alembic migrations.

SQLite (aiosqlite) is the embedded default; PostgreSQL (asyncpg) the scale-out path.
"""
