"""Languages: the message catalogs, the language in force, and bilingual manifest text.

The kit's messages are written in English (the msgids) and translated through gettext catalogs in
`pia/locale/<lang>/LC_MESSAGES/pia.po`; the compiled `.mo` files ship in the package, so the runtime needs only
the standard library's `gettext`. Babel extracts, updates and compiles the catalogs (`python -m pia.i18n
extract|update|compile|check`, tooling in `pia/catalogs.py`; the build compiles them too).

The language in force is a context variable: a command sets it once (`use_language`) from `--lang`, else the
manifest's `language`, else the locale (`resolve_language`), and every `_()` below it follows.
"""
from __future__ import annotations

import contextlib
import contextvars
import gettext as _gettext
import locale
import os
from collections.abc import Iterable, Iterator, Mapping
from functools import cache
from pathlib import Path

DOMAIN = "pia"
LOCALE_DIR = Path(__file__).parent / "locale"
LANGUAGES = ("en", "zh")
SOURCE_LANGUAGE = "en"

_current: contextvars.ContextVar[str] = contextvars.ContextVar("pia_language", default=SOURCE_LANGUAGE)


def normalize_language(tag: str | None) -> str | None:
    """The kit's language for a tag (`zh`, `zh-CN`, `zh_CN.UTF-8`, `en_GB` ...), or None if it has none."""
    if not tag:
        return None
    base = tag.replace("-", "_").split(".")[0].split("@")[0].split("_")[0].lower()
    return base if base in LANGUAGES else None


def locale_language() -> str | None:
    """The language of the process locale (LC_ALL, LC_MESSAGES, LANG, then the C library's), if the kit has it."""
    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
        if value := os.environ.get(var):
            return normalize_language(value)
    with contextlib.suppress(ValueError):
        return normalize_language(locale.getlocale(locale.LC_MESSAGES)[0])
    return None


def resolve_language(explicit: str | None = None, manifest_language: str | None = None) -> str:
    """The language to write in: `--lang`, else the manifest's `language`, else the locale, else English."""
    for candidate in (explicit, manifest_language, locale_language()):
        if (lang := normalize_language(candidate)) is not None:
            return lang
    return SOURCE_LANGUAGE


@cache
def translations(lang: str) -> _gettext.NullTranslations:
    """The compiled catalog of `lang` (English is the source language: its messages pass through)."""
    if lang == SOURCE_LANGUAGE:
        return _gettext.NullTranslations()
    return _gettext.translation(DOMAIN, localedir=LOCALE_DIR, languages=[lang], fallback=True)


def current_language() -> str:
    """The language in force."""
    return _current.get()


@contextlib.contextmanager
def use_language(lang: str) -> Iterator[str]:
    """Write in `lang` inside the block."""
    token = _current.set(normalize_language(lang) or SOURCE_LANGUAGE)
    try:
        yield _current.get()
    finally:
        _current.reset(token)


def set_language(lang: str) -> str:
    """Write in `lang` from now on (a command sets it once for its run)."""
    _current.set(normalize_language(lang) or SOURCE_LANGUAGE)
    return _current.get()


def _(message: str, /, **values: object) -> str:
    """`message` in the language in force, with `{name}` fields filled from `values`."""
    text = translations(_current.get()).gettext(message)
    return text.format(**values) if values else text


def ngettext(singular: str, plural: str, n: int, /, **values: object) -> str:
    """The singular or plural form of a message for `n`, in the language in force (`{n}` is filled in)."""
    text = translations(_current.get()).ngettext(singular, plural, n)
    return text.format(n=n, **values)


def N_(message: str, /) -> str:
    """Mark `message` for extraction without translating it yet (tables of labels defined at import)."""
    return message


class Message(str):
    """A sentence of the kit kept as its msgid and values: a `str` in English, written again in any language.

    Engines build their reasons with `L_()`: the value is the English sentence (what JSON documents keep,
    byte-identical whatever the language) and renderers call `localize()` to write it in the language in force.
    Values may be numbers (formatted by the message's own `{n:,}` fields), manifest texts (`pick`ed), other
    messages, or `Listing`s of them.
    """

    msgid: str
    values: dict[str, object]

    def __new__(cls, msgid: str, values: Mapping[str, object] | None = None) -> Message:
        """The English sentence of `msgid` with `values` (the manifest's own text for manifest fields)."""
        values = dict(values or {})
        obj = super().__new__(cls, msgid.format(**{k: _english(v) for k, v in values.items()}) if values else msgid)
        obj.msgid = msgid
        obj.values = values
        return obj

    def __getnewargs__(self) -> tuple[str, dict[str, object]]:  # type: ignore[override]
        # copy, deepcopy and pickle rebuild the sentence from its msgid and values
        return (self.msgid, self.values)

    def render(self, lang: str | None = None) -> str:
        """The sentence in `lang` (default: the language in force)."""
        lang = lang or _current.get()
        if lang == SOURCE_LANGUAGE:
            return str.__str__(self)
        text = translations(lang).gettext(self.msgid)
        return text.format(**{k: localize(v, lang) if isinstance(v, str) else v for k, v in self.values.items()}) \
            if self.values else text


class Listing(Message):
    """Items joined by a separator (`a, b` / `a; b`), each written in the reader's language when rendered.

    Chinese joins with its own marks (`、` for a comma, `；` for a semicolon).
    """

    items: tuple[object, ...]
    sep: str

    def __new__(cls, items: Iterable[object], sep: str = ", ") -> Listing:
        """`items` joined by `sep` (in English: exactly `sep.join(items)`)."""
        items = tuple(items)
        obj = str.__new__(cls, sep.join(str(_english(i)) for i in items))
        obj.msgid, obj.values, obj.items, obj.sep = str.__str__(obj), {}, items, sep
        return obj

    def __getnewargs__(self) -> tuple[tuple[object, ...], str]:  # type: ignore[override]
        return (self.items, self.sep)

    def render(self, lang: str | None = None) -> str:
        """The items in `lang`, joined as that language joins them."""
        lang = lang or _current.get()
        if lang == SOURCE_LANGUAGE:
            return str.__str__(self)
        sep = _ZH_SEPARATORS.get(self.sep, self.sep) if lang == "zh" else self.sep
        return sep.join(localize(i, lang) for i in self.items)


class Term(Message):
    """An id shown in a sentence (`very_high`, `not_assessed`): the id in English, its words translated when rendered.

    The words (`very high`) are msgids marked elsewhere (tables of `N_`); an id the catalog does not know is
    shown as it is.
    """

    def __new__(cls, ident: str) -> Term:
        """The id `ident`, translated through its words (`_` as spaces)."""
        obj = str.__new__(cls, ident)
        obj.msgid, obj.values = str(ident).replace("_", " "), {}
        return obj

    def __getnewargs__(self) -> tuple[str]:  # type: ignore[override]
        return (str.__str__(self),)

    def render(self, lang: str | None = None) -> str:
        """The id's words in `lang` when the catalog has them, else the id."""
        lang = lang or _current.get()
        text = translations(lang).gettext(self.msgid)
        return str.__str__(self) if lang == SOURCE_LANGUAGE or text == self.msgid else text


class Renumbered(Message):
    """A message whose clause numbers are those of another policy (`VII.1` -> `2.1`), in every language.

    The translations keep clause numbers as written, so the same replacements apply to the rendered text.
    """

    base: Message
    pairs: tuple[tuple[str, str], ...]

    def __new__(cls, base: Message, pairs: Iterable[tuple[str, str]]) -> Renumbered:
        """`base` with each `(old, new)` of `pairs` replaced, in order."""
        pairs = tuple(pairs)
        obj = str.__new__(cls, _renumber(str.__str__(base), pairs))
        obj.msgid, obj.values, obj.base, obj.pairs = base.msgid, base.values, base, pairs
        return obj

    def __getnewargs__(self) -> tuple[Message, tuple[tuple[str, str], ...]]:  # type: ignore[override]
        return (self.base, self.pairs)

    def render(self, lang: str | None = None) -> str:
        """The base message in `lang`, renumbered."""
        return _renumber(self.base.render(lang), self.pairs)


def _renumber(text: str, pairs: tuple[tuple[str, str], ...]) -> str:
    for old, new in pairs:
        text = text.replace(old, new)
    return text


_ZH_SEPARATORS = {", ": "、", "; ": "；"}


def _english(value: object) -> object:
    """A value as the English sentence shows it (numbers stay numbers for the message's format spec)."""
    if isinstance(value, str):
        return str.__str__(value)  # a manifest text in its primary language, a message in English
    return value


def L_(message: str, /, **values: object) -> Message:  # noqa: N802 (gettext's naming)
    """Mark `message` for extraction and keep it with `values`: English now, any language at render (`localize`)."""
    return Message(message, values)


def localize(value: object, lang: str | None = None) -> str:
    """An engine's text for the reader: a `Message` in `lang` (default: in force), a manifest text `pick`ed.

    Any other value is shown as it is (ids, numbers, sentences the kit does not keep as messages).
    """
    if isinstance(value, Message):
        return value.render(lang)
    if isinstance(value, LocalizedText):
        return pick(value, lang or _current.get()) or ""
    return "" if value is None else str(value)


class LocalizedText(str):
    """Manifest text given in several languages: a `str` (the manifest's own language) that keeps the others.

    Code that only needs *a* text keeps working with it as a string; code that writes for a reader calls
    `pick(value)` to get the text in the language in force.
    """

    translations: dict[str, str]

    def __new__(cls, translations: Mapping[str, str], primary: str | None = None) -> LocalizedText:
        """The text in `primary` (else the first language present), keeping all `translations`."""
        texts = {lang: text for lang, text in translations.items() if text}
        order = [primary] if primary else []
        order += [lang for lang in LANGUAGES if lang != primary] + list(texts)
        first = next((texts[lang] for lang in order if lang in texts), "")
        obj = super().__new__(cls, first)
        obj.translations = texts
        return obj

    def __getnewargs__(self) -> tuple[dict[str, str], str | None]:  # type: ignore[override]
        # copy, deepcopy and pickle rebuild the text from its languages (a str subclass with its own __new__)
        primary = next((lang for lang, text in self.translations.items() if text == str.__str__(self)), None)
        return (self.translations, primary)

    def missing(self) -> list[str]:
        """The kit's languages this text lacks (listed by `pia check` as fallbacks)."""
        return [lang for lang in LANGUAGES if lang not in self.translations]


def pick(text: str | Mapping[str, str] | None, lang: str | None = None) -> str | None:
    """The `lang` text of a manifest field that may hold both languages (`{en: ..., zh: ...}`).

    A plain string is the text in every language; a missing translation falls back to the other language
    (`pia check` lists the fallbacks).
    """
    if text is None:
        return None
    if isinstance(text, LocalizedText):
        text = text.translations
    elif isinstance(text, str):
        return text
    lang = lang or _current.get()
    if text.get(lang):
        return text[lang]
    for other in LANGUAGES:
        if text.get(other):
            return text[other]
    return next((value for value in text.values() if value), None)


if __name__ == "__main__":  # the catalogs' tooling (Babel), never imported by the runtime
    from pia.catalogs import main

    raise SystemExit(main())
