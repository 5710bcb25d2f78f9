"""Transports: adapters between a chat channel and :class:`bot.app.App`.

Each adapter lives in its own module so that importing one framework never imports another.
"""
