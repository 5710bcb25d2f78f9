"""A problem of the pack, said the way the person editing its files needs it: the file, the
place in it by the ids they wrote (``en.toml, card call, step s1, choice deny``) and what is
wrong. :func:`from_validation` turns pydantic's errors into such lines."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from pydantic import ValidationError
from pydantic_core import ErrorDetails

from bot.content.schema import CARD_MODELS, ID_RULE, OWN_ERROR


@dataclass(frozen=True)
class Problem:
    where: str  # a file, and the card or step inside it
    what: str

    def __str__(self) -> str:
        return f"{self.where}: {self.what}"


class ContentError(Exception):
    """The pack has problems; ``problems`` says which file and why."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__(f"{len(problems)} problem(s) in the content pack")
        self.problems = problems


# Lists of tables, and what one of their tables is called in a problem ("card intro").
TABLES = {"cards": "card", "choices": "choice", "steps": "step", "tracks": "track",
          "terms": "term"}
NOT_A_TABLE = frozenset({"model_type", "model_attributes_type", "dict_type"})
# pydantic's errors in the pack's words: {field} is where in the table ('title.es'), {key} its
# last name, {input} the value given; the rest is pydantic's context of the error.
MESSAGES = {
    "missing": "{field} is missing",
    "string_type": "{field} must be text",
    "string_too_short": "{field} is empty",
    "string_too_long": "{field} is {length} characters; at most {max_length}",
    "string_pattern_mismatch": f"'{{key}}': '{{input}}' is not an id ({ID_RULE})",
    "too_long": "{field} has {actual_length}; at most {max_length}",
    "literal_error": "{key} must be one of {expected}",
    "union_tag_invalid": "kind must be one of {expected_tags}",
    "union_tag_not_found": "'kind' is missing",
    "bool_type": "{field} must be true or false",
    "bool_parsing": "{field} must be true or false",
    "list_type": "{field} must be a list",
    "tuple_type": "{field} must be a list",
    "dict_type": "{field} must be a table",
    "model_type": "{field} must be a table",
    "model_attributes_type": "{field} must be a table",
}


def from_validation(error: ValidationError, where: str, raw: dict[str, Any]) -> list[Problem]:
    """One problem per pydantic error, placed by walking ``raw`` (the file as read) along the
    error's location."""
    return [_problem(details, where, raw) for details in error.errors(include_url=False)]


def _problem(error: ErrorDetails, where: str, raw: dict[str, Any]) -> Problem:
    places, table, tagged = [where], "", False
    path: list[str | int] = []
    node: Any = raw
    loc = list(error["loc"])
    for n, key in enumerate(loc):
        if isinstance(key, int) and isinstance(node, list) and path and path[-1] in TABLES:
            item = _child(node, key)
            last = n == len(loc) - 1
            if isinstance(item, dict) or (last and error["type"] in NOT_A_TABLE):
                table = TABLES[str(path[-1])]
                places.append(f"{table} {_name(item, key)}")
                path, node, tagged = [], item, table == "card"
                continue
        if tagged:  # pydantic puts the card's kind (the model it chose) after the card
            tagged = False
            if isinstance(node, dict) and key == node.get("kind"):
                continue
        path.append(key)
        node = _child(node, key)
    return Problem(", ".join(places), _what(error, path, table))


def _child(node: object, key: str | int) -> object:
    if isinstance(node, dict):
        return node.get(key)
    if isinstance(node, list) and isinstance(key, int) and key < len(node):
        return node[key]
    return None


def _name(item: object, index: int) -> str:
    """A table by the id it gives, else by its number in the list (#1 is the first)."""
    given = item.get("id") if isinstance(item, dict) else None
    return given if isinstance(given, str) and given else f"#{index + 1}"


def _what(error: ErrorDetails, path: list[str | int], table: str) -> str:
    kind = error["type"]
    key = next((k for k in reversed(path) if isinstance(k, str)), "")
    if kind == OWN_ERROR:
        return error["msg"]
    if kind in NOT_A_TABLE and not path:
        return f"a {table or 'file'} must be a table"
    if kind == "string_pattern_mismatch" and path == ["id"]:
        return ID_RULE  # said of the table it names ("card Intro Card")
    if kind == "extra_forbidden":
        kinds = [k for k, model in CARD_MODELS.items() if key in model.model_fields]
        if table == "card" and kinds:
            return f"'{key}' is only for {' and '.join(kinds)} cards"
        return f"unknown key '{key}' (a typo?)"
    template = MESSAGES.get(kind)
    if template is None:  # not met in a pack so far: pydantic's own words, placed
        return f"{_field(path)}: {error['msg']}" if path else error["msg"]
    ctx = {k: _plain(v) if isinstance(v, str) else v for k, v in error.get("ctx", {}).items()}
    value = error["input"]
    return template.format(field=_field(path), key=key, input=value,
                           length=len(value.strip()) if isinstance(value, str) else 0, **ctx)


def _field(path: list[str | int]) -> str:
    """``'label'``, ``'title.es'``, or for an item of a list of values ``'modules' item 2``."""
    names = ".".join(k for k in path if isinstance(k, str))
    indexes = [k for k in path if isinstance(k, int)]
    return f"'{names}'" + (f" item {indexes[-1] + 1}" if indexes else "")


def _plain(expected: str) -> str:
    """pydantic's "'a', 'b' or 'c'" as "a, b, c"."""
    return expected.replace("'", "").replace(" or ", ", ")
