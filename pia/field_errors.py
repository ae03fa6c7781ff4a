"""Validation errors of pydantic in the kit's words, in the language in force.

pydantic writes its messages in English only. In English the kit shows them as pydantic writes them (the output
is unchanged); in another language it maps the error's type (`string_type`, `enum`, `greater_than` ...) and its
context (`expected`, `gt`, `min_length` ...) to the kit's own sentence in the catalog. A type the kit does not
know is shown as pydantic writes it. Messages of the kit's own validators (`value_error`) are the kit's: they are
translated where they are raised.
"""
from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from pia.i18n import N_, SOURCE_LANGUAGE, _, current_language

# error type -> the kit's sentence; `{name}` fields come from the error's context
MESSAGES: dict[str, str] = {
    "missing": N_("required field is missing"),
    "extra_forbidden": N_("unknown field (check its spelling)"),
    "string_type": N_("must be text (a string)"),
    "int_type": N_("must be a whole number"),
    "int_parsing": N_("must be a whole number"),
    "int_from_float": N_("must be a whole number, without a fractional part"),
    "float_type": N_("must be a number"),
    "float_parsing": N_("must be a number"),
    "finite_number": N_("must be a finite number"),
    "bool_type": N_("must be true or false"),
    "bool_parsing": N_("must be true or false"),
    "list_type": N_("must be a list"),
    "tuple_type": N_("must be a list"),
    "set_type": N_("must be a list"),
    "dict_type": N_("must be a mapping (key: value)"),
    "model_type": N_("must be a mapping (key: value)"),
    "model_attributes_type": N_("must be a mapping (key: value)"),
    "date_type": N_("must be a date (YYYY-MM-DD)"),
    "date_parsing": N_("must be a date (YYYY-MM-DD)"),
    "date_from_datetime_parsing": N_("must be a date (YYYY-MM-DD)"),
    "date_from_datetime_inexact": N_("must be a date without a time"),
    "datetime_type": N_("must be a date and time (ISO 8601)"),
    "datetime_parsing": N_("must be a date and time (ISO 8601)"),
    "datetime_from_date_parsing": N_("must be a date and time (ISO 8601)"),
    "enum": N_("must be one of {expected}"),
    "literal_error": N_("must be one of {expected}"),
    "greater_than": N_("must be greater than {gt}"),
    "greater_than_equal": N_("must be {ge} or more"),
    "less_than": N_("must be less than {lt}"),
    "less_than_equal": N_("must be {le} or less"),
    "string_too_short": N_("must have at least {min_length} character(s)"),
    "string_too_long": N_("must have at most {max_length} character(s)"),
    "too_short": N_("must have at least {min_length} item(s)"),
    "too_long": N_("must have at most {max_length} item(s)"),
    "string_pattern_mismatch": N_("does not match the pattern {pattern}"),
    "url_parsing": N_("must be a URL"),
    "url_type": N_("must be a URL"),
    "url_scheme": N_("the URL's scheme must be {expected_schemes}"),
    "none_required": N_("must be empty (null)"),
    "json_invalid": N_("is not valid JSON"),
}


def _choices(expected: str) -> str:
    """The list of choices pydantic gives (`'a', 'b' or 'c'`) joined as the language in force joins a list."""
    if current_language() != "zh":
        return expected
    return re.sub(r"(?<=['\"\d]),? or (?=['\"\d])|(?<=['\"\d]), (?=['\"\d])", "、", expected)


def field_message(err: Mapping[str, Any]) -> str:
    """One pydantic error's message (`err` from `ValidationError.errors()`), in the language in force."""
    msg = str(err.get("msg", ""))
    kind = str(err.get("type", ""))
    if current_language() == SOURCE_LANGUAGE:
        return msg  # pydantic's own words: the English output is what it always was
    if kind in ("value_error", "assertion_error"):  # the kit's validator, translated where it raised
        return msg.removeprefix("Value error, ").removeprefix("Assertion failed, ")
    if kind not in MESSAGES:
        return msg
    ctx = {k: (_choices(v) if k == "expected" and isinstance(v, str) else v) for k, v in (err.get("ctx") or {}).items()}
    try:
        return _(MESSAGES[kind]).format(**ctx)
    except (KeyError, IndexError, ValueError):  # a context field the sentence names is absent: pydantic's words
        return msg
