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
# /app/data belongs to the bot's user: a new named volume mounted there starts as a copy of
# it (owner included), so the bot can write its database. A bind-mounted host folder must be
# writable by uid 10001 (README, "Running in Docker").
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
    DATABASE_URL=sqlite+aiosqlite:////app/data/exchange-bot.db \
    WEBHOOK_LISTEN=0.0.0.0:8080
USER exchangebot
# The /stats chart's font cache: somewhere the bot's user may write, built once here rather
# than on a coordinator's first press.
ENV MPLCONFIGDIR=/tmp/matplotlib
RUN python -c "import matplotlib.font_manager"
VOLUME ["/app/data"]
# The webhook listener (WEBHOOK_URL set): Telegram's updates through a reverse proxy, and
# /healthz. Long polling (the default) opens no port.
EXPOSE 8080
# Webhook mode: /healthz must answer 200 (503 while Telegram cannot be reached). Polling
# mode has no port to ask: the probe passes while the process lives (bot/healthcheck.py).
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
    CMD ["python", "-m", "bot.healthcheck"]
CMD ["exchange-bot", "run"]
