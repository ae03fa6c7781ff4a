"""Options shared by several subcommands."""
from __future__ import annotations

import click

from pia.i18n import LANGUAGES

# `--lang`: None means "not given": the command resolves it from the manifest's `language`, then the locale
# (pia.i18n.resolve_language) once it has read the manifest.
lang_option = click.option(
    "--lang", type=click.Choice(LANGUAGES), default=None,
    help="Language of the output (default: the manifest's `language`, then the locale, then en).")


def apply_language(lang: str | None, manifest: object = None) -> str:
    """Set the language of this run: `--lang`, else the manifest's `language`, else the locale, else en.

    Commands call it once before reading the manifest (so its errors follow `--lang` or the locale) and
    again with the manifest once it is read.
    """
    from pia.i18n import resolve_language, set_language

    return set_language(resolve_language(lang, getattr(manifest, "language", None)))
