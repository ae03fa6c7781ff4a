"""Options shared by several subcommands."""
from __future__ import annotations

import click

from pia.commands.help import group_language
from pia.i18n import LANGUAGES

# `--lang`: None means "not given" (here nor before the command, `pia --lang zh check`): the command resolves it
# from the manifest's `language`, then the locale (pia.i18n.resolve_language) once it has read the manifest.
lang_option = click.option(
    "--lang", type=click.Choice(LANGUAGES), default=None, callback=group_language,
    help="Language of the output (default: the manifest's `language`, then the locale, then en).")


def apply_language(lang: str | None, manifest: object = None) -> str:
    """Set the language of this run: `--lang`, else the manifest's `language`, else the locale, else en.

    Commands call it once before reading the manifest (so its errors follow `--lang` or the locale) and
    again with the manifest once it is read.
    """
    from pia.i18n import resolve_language, set_language

    return set_language(resolve_language(lang, getattr(manifest, "language", None)))


def warn_prohibited(manifest: object, side: str = "") -> None:
    """Say on standard error, one line each, which processing of `manifest` the law prohibits (`pia check` errors).

    The risk and change engines score the facts they are given: a manifest that declares, say, special-category
    data with no GDPR Art. 9(2) condition still gets a verdict, which must not read as a clean bill of health.
    The output and the exit status stay those of the command; `pia check` exits 2 on these findings.
    """
    from pia.declare.lint import Level, lint
    from pia.i18n import _

    for finding in lint(manifest):  # type: ignore[arg-type]
        if finding.level is Level.error:
            click.echo(_("pia: {side}{source}:{finding} (`pia check` refuses this manifest; this output does not make "
                         "the processing lawful)", side=side + " " if side else "",
                         source=getattr(manifest, "source", ""), finding=finding), err=True)
