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
from collections.abc import Iterator, Mapping
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
