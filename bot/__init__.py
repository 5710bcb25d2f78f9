"""exchange-bot: app wiring, configuration and transports.

Nothing here imports a Telegram framework at import time; the adapters in
``bot.transports`` do, and only ``exchange-bot run`` loads them.
"""
