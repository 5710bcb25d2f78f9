"""The glossary: ``/glossary <term>`` explains a word the modules use in plain words, in the
person's language (English, marked, where a term is not translated); ``/glossary`` alone
lists the terms; cards link terms as small buttons that answer with a new message, so the
card stays where it is.

Open to people who have not joined yet: the words are public, and jargon is a barrier before
joining as much as after.
"""

from __future__ import annotations

import difflib
import re
import unicodedata

from bot.content import Card, Glossary, Term
from bot.core import Outcome, Reply, Rows
from handlers import buttons
from handlers.context import Ctx, ForgedButton, StaleButton
from handlers.guards import Int, Maybe
from handlers.router import Router

DEFINE, PAGE = "gl", "glp"  # button keys: a definition; a page of the list
PER_PAGE = 10  # five rows of two: one phone screen
MAX_QUERY = 60  # longer than any term; what is longer is not looked up
SUGGESTIONS = 3
LINK_MARK = "📖"
PAGE_NUMBER = Int(digits=3)

router = Router()


def fold(text: str) -> str:
    """Case, accents, hyphens and punctuation away: "Apoyo-Mútuo!" finds "apoyo mutuo"."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(re.sub(r"[\W_]+", " ", bare).split())


def _names(glossary: Glossary, lang: str) -> dict[str, str]:
    """Every way a term can be typed → its id: the id, and the term in the person's language
    and in English (people meet English jargon in international spaces)."""
    names: dict[str, str] = {}
    for term_id in glossary.ids:
        names.setdefault(fold(term_id), term_id)
        for language in (lang, "en"):
            found = glossary.entry(term_id, language)
            if found is not None:
                names.setdefault(fold(found[0].term), term_id)
    return names


def lookup(glossary: Glossary, lang: str, query: str) -> tuple[str | None, list[str]]:
    """The id ``query`` names, or None and the ids of up to three close matches."""
    wanted, names = fold(query), _names(glossary, lang)
    if wanted in names:
        return names[wanted], []
    close: list[str] = []
    if len(wanted) >= 3:  # "union" finds "tenant union"; two letters would find everything
        close += [names[n] for n in names if re.search(rf"\b{re.escape(wanted)}", n)]
    close += [names[n] for n in difflib.get_close_matches(wanted, names, n=6, cutoff=0.6)]
    return None, list(dict.fromkeys(close))[:SUGGESTIONS]


def _term(ctx: Ctx, term_id: str) -> tuple[Term, bool]:
    found = ctx.deps.content.glossary.entry(term_id, ctx.lang)
    if found is None:
        raise ForgedButton  # an id we never showed, or gone from the pack
    return found


def label(ctx: Ctx, term_id: str) -> str:
    return _term(ctx, term_id)[0].term


def definition(ctx: Ctx, term_id: str) -> str:
    term, fallback = _term(ctx, term_id)
    head = f"{LINK_MARK} {term.term}"
    if fallback:
        head += " " + ctx.t("learn-in-english")
    elif ctx.lang != "en" and (english := ctx.deps.content.glossary.entry(term_id, "en")):
        head += f" · {english[0].term}"  # the English word they will meet in other spaces
    return f"{head}\n{term.text}"


def term_rows(ctx: Ctx, card: Card) -> Rows:
    """The card's linked terms as small buttons; each answers with a new message."""
    links = [buttons.button(f"{LINK_MARK} {label(ctx, t)}", DEFINE, t) for t in card.terms
             if ctx.deps.content.glossary.entry(t, ctx.lang) is not None]
    return buttons.rows(links, per_row=2)


# -- the list ---------------------------------------------------------------------------------
def _sorted_ids(ctx: Ctx) -> list[str]:
    return sorted(ctx.deps.content.glossary.ids, key=lambda t: fold(label(ctx, t)))


def term_list(ctx: Ctx, page: int, *, edit: bool) -> Reply:
    ids = _sorted_ids(ctx)
    pages = max(1, -(-len(ids) // PER_PAGE))
    shown = ids[page * PER_PAGE:(page + 1) * PER_PAGE]
    rows = list(buttons.rows(buttons.button(label(ctx, t), DEFINE, t, str(page))
                             for t in shown))
    nav = ([buttons.button("◀", PAGE, str(page - 1))] if page > 0 else []) + \
        ([buttons.button("▶", PAGE, str(page + 1))] if page + 1 < pages else [])
    if nav:
        rows.append(tuple(nav))
    text = ctx.t("glossary-list", page=page + 1, pages=pages)
    return Reply(text, tuple(rows), edit=edit)


def _page(ctx: Ctx, page: int) -> int:
    if page * PER_PAGE >= max(len(ctx.deps.content.glossary.ids), 1):
        raise StaleButton  # a page of a longer glossary than this one
    return page


@router.command("glossary", public=True)
async def glossary_command(ctx: Ctx) -> Outcome:
    glossary = ctx.deps.content.glossary
    if not glossary.ids:
        return Outcome((Reply(ctx.t("glossary-empty")),))
    query = ctx.inbound.args.strip()
    if not query:
        return Outcome((term_list(ctx, 0, edit=False),))
    found, close = (None, []) if len(query) > MAX_QUERY else lookup(glossary, ctx.lang, query)
    if found is not None:
        return Outcome((Reply(definition(ctx, found)),))
    shown = query if len(query) <= MAX_QUERY else query[:MAX_QUERY] + "…"
    if not close:
        return Outcome((Reply(ctx.t("glossary-not-found", query=shown)),))
    keyboard = tuple((buttons.button(f"{LINK_MARK} {label(ctx, t)}", DEFINE, t),)
                     for t in close)
    return Outcome((Reply(ctx.t("glossary-did-you-mean", query=shown), keyboard),))


@router.button(DEFINE, public=True, args=(str, Maybe(PAGE_NUMBER)))
async def define_button(ctx: Ctx, term_id: str, page: int | None) -> Outcome:
    """From a card or a suggestion: a new message, the card stays. From the list (with its
    page): the list message turns into the definition, with a way back."""
    if page is None:
        return Outcome((Reply(definition(ctx, term_id)),))
    text = definition(ctx, term_id)
    back = buttons.button(ctx.t("glossary-back"), PAGE, str(_page(ctx, page)))
    return Outcome((Reply(text, ((back,),), edit=True),))


@router.button(PAGE, public=True, args=(PAGE_NUMBER,))
async def page_button(ctx: Ctx, page: int) -> Outcome:
    return Outcome((term_list(ctx, _page(ctx, page), edit=True),))
