"""What every Telegram adapter shares: the command list and the retry policy for replies."""

from __future__ import annotations

from dataclasses import dataclass

from bot.i18n import DEFAULT_LANGUAGE, LANGUAGES, Translator

# The public command list, in the order Telegram shows it. Admin commands stay out of it.
PUBLIC_COMMANDS = ("start", "menu", "help", "language", "consent")


def command_lists(translator: Translator) -> dict[str | None, list[tuple[str, str]]]:
    """``language_code`` → [(command, description)]; None is the default (English) list."""
    lists: dict[str | None, list[tuple[str, str]]] = {}
    for lang in (None, *LANGUAGES):
        lists[lang] = [(cmd, translator.format(lang or DEFAULT_LANGUAGE, f"cmd-{cmd}"))
                       for cmd in PUBLIC_COMMANDS]
    return lists


@dataclass(frozen=True)
class RetryPolicy:
    """Neither framework retries a failed send; a reply lost to a 429 or a 5xx is gone
    unless we try again. Replies are worth a few quick tries, not a long wait."""

    attempts: int = 4
    first_delay: float = 0.5
    max_retry_after: float = 30.0

    def delay(self, attempt: int) -> float:
        return self.first_delay * (2**attempt)


REPLY_RETRY = RetryPolicy()
