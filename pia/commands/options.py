"""Options shared by several subcommands."""
from __future__ import annotations

import click

from pia.i18n import LANGUAGES

# `--lang`: None means "not given": the command resolves it from the manifest's `language`, then the locale
# (pia.i18n.resolve_language) once it has read the manifest.
lang_option = click.option(
    "--lang", type=click.Choice(LANGUAGES), default=None,
    help="Language of the output (default: the manifest's `language`, then the locale, then en).")
