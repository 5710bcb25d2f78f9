# Build: a virtualenv with the bot and its dependencies.
FROM python:3.11-slim AS build
WORKDIR /src
COPY pyproject.toml README.md ./
COPY bot ./bot
COPY handlers ./handlers
COPY storage ./storage
COPY scheduler ./scheduler
RUN python -m venv /opt/venv \
    && /opt/venv/bin/pip install --no-cache-dir --upgrade pip \
    && /opt/venv/bin/pip install --no-cache-dir .

# Run: the virtualenv, the texts and the content pack, as an unprivileged user.
FROM python:3.11-slim
RUN useradd --create-home --uid 10001 exchangebot \
    && mkdir -p /app/data && chown exchangebot /app/data
COPY --from=build /opt/venv /opt/venv
COPY locales /app/locales
COPY content /app/content
WORKDIR /app
ENV PATH=/opt/venv/bin:$PATH \
    PYTHONUNBUFFERED=1 \
    LOCALES_DIR=/app/locales \
    CONTENT_DIR=/app/content \
    DATABASE_URL=sqlite+aiosqlite:////app/data/exchange-bot.db
USER exchangebot
VOLUME ["/app/data"]
CMD ["exchange-bot", "run"]
