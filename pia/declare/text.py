"""Free text of a manifest in one or both languages: `name: Alert snapshots` or `name: {en: ..., zh: ...}`.

`Text` is the pydantic type of every free-text field: a plain string stays a plain `str`; a mapping of
languages becomes a `pia.i18n.LocalizedText` (a `str` in the manifest's primary language that keeps the
others), so code that needs *a* text is unchanged and renderers call `pia.i18n.pick`. `fallbacks` lists the
fields of a bilingual manifest that miss a language (`pia check` shows them as warnings).
"""
from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Annotated, Any, Literal

from pydantic import BaseModel, PlainSerializer, SerializationInfo, ValidatorFunctionWrapHandler, WithJsonSchema
from pydantic.functional_validators import WrapValidator

from pia.i18n import LANGUAGES, LocalizedText, Message, _


def _validate(value: Any, handler: ValidatorFunctionWrapHandler) -> Any:
    """A plain string as before; `{en: ..., zh: ...}` (one language at least) as LocalizedText."""
    if isinstance(value, LocalizedText):
        return value
    if isinstance(value, dict):
        unknown = [k for k in value if k not in LANGUAGES]
        if unknown and value[unknown[0]] is None and not (len(str(unknown[0])) == 2 and str(unknown[0]).isalpha()):
            # `{en: Trip records (pick-up, drop-off), zh: ...}`: YAML ends the English at the comma and reads the
            # rest as a key without a value; the mistake is the missing quotes, not a language
            raise ValueError(_("unknown language {language!r}: it looks like the end of the text before it; a comma "
                               "inside braces ends a value, so quote text that holds a comma (\"...\")",
                               language=unknown[0]))
        if unknown:
            raise ValueError(_("unknown language {language!r} (allowed: {allowed}); a text is a string or a mapping "
                               "{{en: ..., zh: ...}}", language=unknown[0], allowed=", ".join(LANGUAGES)))
        bad = [k for k, v in value.items() if not isinstance(v, str)]
        if bad:
            raise ValueError(_("the {language} text must be a string", language=bad[0]))
        texts = {k: v.strip() and v for k, v in value.items()}
        if not any(texts.values()):
            raise ValueError(_("a bilingual text needs the text of one language at least"))
        return LocalizedText(texts)
    return handler(value)


def _serialize(value: Any, info: SerializationInfo) -> Any:
    """The primary text (JSON documents stay as they were), or every language when the context asks for them."""
    if isinstance(value, LocalizedText):
        if (info.context or {}).get("languages"):
            return dict(value.translations)
        return str(value)
    return value


_SCHEMA = {"anyOf": [
    {"type": "string"},
    {"type": "object", "description": "The text in each language (a missing one falls back to the other).",
     "properties": {lang: {"type": "string"} for lang in LANGUAGES},
     "additionalProperties": False, "minProperties": 1},
]}

# A language of the kit (pia.i18n.LANGUAGES).
Language = Literal["en", "zh"]

# The type of a free-text field: a string, or the text in several languages.
Text = Annotated[str, WrapValidator(_validate), PlainSerializer(_serialize, when_used="always"),
                 WithJsonSchema(_SCHEMA)]


def with_primary(model: BaseModel, primary: str) -> None:
    """Make `primary` the `str` value of every bilingual text in `model` (the manifest's `language`)."""
    for owner, name, value in _texts(model):
        if isinstance(value, LocalizedText) and str(value) != value.translations.get(primary, str(value)):
            new = LocalizedText(value.translations, primary=primary)
            if isinstance(owner, BaseModel):
                object.__setattr__(owner, name, new)  # no re-validation: the value is already a checked text
            else:
                owner[name] = new


def _texts(obj: Any) -> Iterator[tuple[Any, Any, Any]]:
    """(owner, key, value) of every string in a model tree; owner is a model, list or dict."""
    if isinstance(obj, BaseModel):
        for name in type(obj).model_fields:
            value = getattr(obj, name)
            if isinstance(value, str):
                yield obj, name, value
            else:
                yield from _texts(value)
    elif isinstance(obj, list):
        for i, value in enumerate(obj):
            if isinstance(value, str):
                yield obj, i, value
            else:
                yield from _texts(value)
    elif isinstance(obj, dict):
        for key, value in obj.items():
            if isinstance(value, str):
                yield obj, key, value
            else:
                yield from _texts(value)


def text_paths(model: BaseModel) -> Iterator[tuple[tuple[str | int, ...], str]]:
    """(location in the YAML data, value) of every free-text field of a manifest (its `Text` fields)."""
    yield from _walk_text(model, ())


def _is_text_field(model: type[BaseModel], name: str) -> bool:
    meta = model.model_fields[name].metadata
    return any(isinstance(m, PlainSerializer) and m.func is _serialize for m in meta)


def _walk_text(obj: Any, loc: tuple[str | int, ...]) -> Iterator[tuple[tuple[str | int, ...], str]]:
    if isinstance(obj, BaseModel):
        for name in type(obj).model_fields:
            value = getattr(obj, name)
            if isinstance(value, str):
                if _is_text_field(type(obj), name) and value:
                    yield (*loc, name), value
            elif value is not None:
                yield from _walk_text(value, (*loc, name))
    elif isinstance(obj, list):
        for i, value in enumerate(obj):
            yield from _walk_text(value, (*loc, i))
    elif isinstance(obj, dict):
        for key, value in obj.items():
            yield from _walk_text(value, (*loc, key))


def is_bilingual(model: BaseModel, declared: Sequence[str] | None = None) -> bool:
    """Whether a manifest is bilingual: it declares several `languages`, or one of its texts has two."""
    if declared and len(set(declared)) > 1:
        return True
    return any(isinstance(v, LocalizedText) and len(v.translations) > 1 for _, v in text_paths(model))


def fallbacks(model: BaseModel, declared: Sequence[str] | None = None,
              primary: str | None = None) -> list[tuple[tuple[str | int, ...], list[str]]]:
    """The free-text fields of a bilingual manifest that lack a language: (location, missing languages).

    The rule (pia default): a manifest is bilingual once it declares two `languages` or gives any text in two;
    then every free-text field should be given in each of them (`languages`, else en and zh). A plain string
    is in the manifest's `language` (`primary`, else en); a mapping in the languages it names. A monolingual
    manifest has no fallbacks: its one language is its text in every language.
    """
    if not is_bilingual(model, declared):
        return []
    wanted = [lang for lang in LANGUAGES if lang in (declared or LANGUAGES)]
    if len(wanted) < 2:
        wanted = list(LANGUAGES)
    out = []
    for loc, value in text_paths(model):
        have = set(value.translations) if isinstance(value, LocalizedText) else {primary or LANGUAGES[0]}
        missing = [lang for lang in wanted if lang not in have]
        if missing:
            out.append((loc, missing))
    return out


def _keep(value: Any, handler: ValidatorFunctionWrapHandler) -> Any:
    return value if isinstance(value, LocalizedText) else handler(value)


# A manifest text carried into a result (an assessment's activity names): kept bilingual for the renderers,
# a plain string in JSON and its schema.
TextValue = Annotated[str, WrapValidator(_keep), PlainSerializer(_serialize, when_used="always"),
                      WithJsonSchema({"type": "string"})]


def _keep_sentence(value: Any, handler: ValidatorFunctionWrapHandler) -> Any:
    return value if isinstance(value, (Message, LocalizedText)) else handler(value)


def _english(value: Any) -> Any:
    return str.__str__(value) if isinstance(value, str) else value


# A sentence of an engine (`pia.i18n.L_`): kept as a message for the renderers (and in `model_dump()`), its
# English text in JSON and its schema (JSON documents stay language-neutral).
Sentence = Annotated[str, WrapValidator(_keep_sentence), PlainSerializer(_english, when_used="json"),
                     WithJsonSchema({"type": "string"})]
