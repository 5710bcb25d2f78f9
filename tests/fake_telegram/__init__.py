"""A fake Telegram Bot API server for end-to-end tests.

``FakeTelegram`` is an aiohttp web server on 127.0.0.1 (random free port) that answers, for
real aiogram 3 and python-telegram-bot 22 clients, the Bot API methods the bot calls and no
others: getMe, getUpdates, setWebhook, deleteWebhook, setMyCommands, sendMessage,
editMessageText, answerCallbackQuery and sendDocument.  Any other method gets Telegram's 404
"Not Found", so a bot that starts calling one fails loudly until the fake learns it.  Clients
POST to ``{root}/bot{token}/{method}`` (form-encoded, multipart or JSON bodies, or an empty
``application/octet-stream`` body).  Point them at it with::

    server = FakeTelegram()
    url = await server.start()                          # "http://127.0.0.1:PORT"
    aiogram.Bot(token, session=AiohttpSession(api=TelegramAPIServer.from_base(url)))
    telegram.Bot(token, base_url=f"{url}/bot")
    ...
    await server.stop()

Tests act as Telegram users through the async user-side API (``send_text``, ``press``,
``edit_text``, ``send_photo`` and the other media, ``block``), which queues realistic updates
for ``getUpdates`` (or pushes them to a webhook set with ``setWebhook``), and inspect what the
bot did through ``calls``, ``messages()``, ``events()``, ``answers``, ``commands()``,
``next_event()``, ``wait_for()`` and ``settle()``.

Errors mimic the real API (status code + ``{"ok": false, "error_code", "description"}``):
"chat not found", 403 for a user who blocked the bot, too long or empty text, malformed HTML,
bad button data, "message is not modified", an answered or unknown callback query.
``fail_next()`` injects one-shot 429/5xx answers and ``drop_next()`` closes the connection
without an answer (before or after the call is carried out); ``go_down()`` refuses every
connection until ``come_up()``.  ``enqueue_raw()`` queues any update: one no framework can
read, or (``force=True``) one of a kind the bot never asked for.  ``set_rate_limit()`` turns
on Telegram's flood limits (off by default): a call over them is not carried out and gets 429
with ``retry_after``.  Only ``parse_mode="HTML"`` is parsed; other text is taken verbatim.

Behaviour worth knowing, all as in Telegram: a chat is unknown until the user has written (or
``add_user()``); user and bot messages share one message_id counter per chat;
editMessageText without reply_markup removes the inline keyboard; updates stay pending until
a later getUpdates offset confirms them; ``allowed_updates`` persists and filters delivery; a
second concurrent getUpdates ends the first with 409; getUpdates while a webhook is set is a
409 too; a webhook gets each update POSTed until it answers 2xx (three tries in a row, then
again at the next update).

The modules, by idea: ``server`` (``FakeTelegram``: HTTP, faults, flood limits, the user-side
API, inspection and waiting), ``wire`` (how calls are read and errors answered), ``chats``
(chat state and the methods that change it), ``markup`` (HTML, length limits, inline
keyboards), ``updates`` (the update queue, long polling, webhook delivery) and ``rate_limit``
(the token buckets).
"""

from tests.fake_telegram.chats import BOT_ID, NOT_MODIFIED, QUERY_TOO_OLD, BotMessage
from tests.fake_telegram.server import FakeTelegram
from tests.fake_telegram.wire import DROPPED, Call

__all__ = ["BOT_ID", "DROPPED", "NOT_MODIFIED", "QUERY_TOO_OLD", "BotMessage", "Call",
           "FakeTelegram"]
