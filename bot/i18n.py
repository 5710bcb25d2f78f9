"""Fluent translations from ``locales/<lang>/*.ftl``, falling back to English; and dates and
times written the way each language writes them (CLDR, through Babel)."""

from __future__ import annotations

import logging
from collections.abc import Mapping
from datetime import UTC, date, datetime, tzinfo
from pathlib import Path
from typing import Protocol

from babel import Locale
from babel import dates as cldr
from fluent.runtime import FluentBundle, FluentResource

log = logging.getLogger(__name__)

DEFAULT_LANGUAGE = "en"
# Order of the language buttons; the native name is each locale's `language-name`.
LANGUAGES = ("en", "es", "fr", "ar")
# The CLDR locale each language's dates follow. English is "world English" (en_001): an
# exchange's English readers live everywhere, and "4 Mar 2026" reads the same to all of them,
# where the US "3/4/26" would be the 3rd of April to most.
DATE_LOCALES = {"en": "en_001", "es": "es", "fr": "fr", "ar": "ar"}


class Translate(Protocol):
    """What handlers get: a message id and its arguments in, text in one language out."""

    def __call__(self, msg_id: str, /, **args: object) -> str: ...


def supported(language_code: str | None) -> str | None:
    """Our language for a Telegram ``language_code`` like "es-419", if we have one."""
    if not language_code:
        return None
    base = language_code.split("-", 1)[0].lower()
    return base if base in LANGUAGES else None


class Translator:
    """One Fluent bundle per language. English is read at once (every language falls back to
    it); another language's files are read the first time someone needs them: parsing takes
    about a fifth of a second per language, and a bot restarts often (deploys, crashes)."""

    def __init__(self, locales_dir: Path, languages: tuple[str, ...] = LANGUAGES) -> None:
        self.languages = languages
        self._dir = locales_dir
        self._bundles: dict[str, FluentBundle] = {}
        if not any((locales_dir / DEFAULT_LANGUAGE).glob("*.ftl")):
            raise RuntimeError(f"no {DEFAULT_LANGUAGE} locale under {locales_dir}")
        self._bundle(DEFAULT_LANGUAGE)

    def _bundle(self, lang: str) -> FluentBundle | None:
        bundle = self._bundles.get(lang)
        if bundle is None and lang in self.languages:
            # Isolation marks would leak into plain-text messages and button labels.
            bundle = FluentBundle([lang], use_isolating=False)
            for path in sorted((self._dir / lang).glob("*.ftl")):
                bundle.add_resource(FluentResource(path.read_text(encoding="utf-8")))
            self._bundles[lang] = bundle
        return bundle

    def format(self, lang: str, msg_id: str, args: Mapping[str, object] | None = None) -> str:
        for candidate in (lang, DEFAULT_LANGUAGE):
            bundle = self._bundle(candidate)
            if bundle is None or not bundle.has_message(msg_id):
                continue
            message = bundle.get_message(msg_id)
            if message.value is None:
                continue
            text, errors = bundle.format_pattern(message.value, _plain_ids(args))
            if errors:
                log.warning("i18n_error id=%s lang=%s errors=%d", msg_id, candidate, len(errors))
            return str(text)
        log.error("i18n_missing id=%s lang=%s", msg_id, lang)
        return msg_id

    def language_name(self, code: str) -> str:
        """A language as its speakers write it ("Español", "العربية"), as the language
        buttons show it; the stored code for a language we have no locale for."""
        return self.format(code, "language-name") if code in self.languages else code

    def for_language(self, lang: str) -> Translate:
        def translate(msg_id: str, /, **args: object) -> str:
            return self.format(lang, msg_id, args)

        return translate


def _plain_ids(args: Mapping[str, object] | None) -> dict[str, object]:
    """Numbers that name something (#1234, a Telegram id) are shown as typed: Fluent would
    group their digits by locale ("#1.234")."""
    return {key: str(value) if key == "id" or key.endswith("_id") else value
            for key, value in (args or {}).items()}


# -- dates and times -------------------------------------------------------------------------
def _cldr_locale(lang: str) -> Locale:
    return Locale.parse(DATE_LOCALES.get(lang, DATE_LOCALES[DEFAULT_LANGUAGE]))


def format_date(lang: str, day: date, *, zone: tzinfo | None = None, weekday: bool = False,
                year: bool = True) -> str:
    """"4 Mar 2026", "4 mar 2026", "4 mars 2026", "4 مارس 2026": the month named, so nobody
    has to guess which number is the day; with ``weekday`` the day's name too, without
    ``year`` only the day and month (a button's label, where the year goes without saying).
    A moment (a stored datetime) is shown as the day it is in ``zone``, where the reader is."""
    if isinstance(day, datetime):
        day = (_aware(day).astimezone(zone) if zone is not None else day).date()
    skeleton = ("yMMMEd" if weekday else "yMMMd") if year else ("MMMEd" if weekday else "MMMd")
    return cldr.format_skeleton(skeleton, day, locale=_cldr_locale(lang))


def format_time(lang: str, moment: datetime, zone: tzinfo) -> str:
    """The clock time of ``moment`` in ``zone``: "18:00", or "6:00 pm" where that is usual."""
    return cldr.format_time(_aware(moment).astimezone(zone), "short",
                            locale=_cldr_locale(lang))


def format_datetime(lang: str, moment: datetime, zone: tzinfo, *,
                    weekday: bool = False) -> str:
    """Date and clock time of ``moment`` in ``zone``, joined as the language joins them. The
    caller says which zone that is, where the reader may not know."""
    local = _aware(moment).astimezone(zone)
    locale = _cldr_locale(lang)
    # CLDR's own glue ("{1}, {0}", "{1}، {0}"): the date, then the time.
    glue = str(locale.datetime_formats["medium"]).replace("'", "")
    return glue.replace("{1}", format_date(lang, local.date(), weekday=weekday)) \
        .replace("{0}", format_time(lang, local, zone))


def _aware(moment: datetime) -> datetime:
    """Stored moments are UTC; a naive one (a test's, an old row's) is read as UTC."""
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment
