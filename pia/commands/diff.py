"""`pia diff`: review a proposed manifest against the current one, from files or git revisions.

Prints the changes, the significant-change triggers, whom to notify and how, re-consent, and a draft notice.
"""
from __future__ import annotations

import click

from pia.commands.options import apply_language, lang_option, warn_prohibited


@click.command()
@click.argument("old", required=False)
@click.argument("new", required=False)
@click.option("--method", default=None,
              help="Risk method (shipped name or method file) for the high-risk trigger VII.2(5).")
@click.option("--format", "fmt", type=click.Choice(["table", "json", "markdown"]), default="table",
              show_default=True, help="Output format.")
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write the review to this file (whole or not at all).")
@click.option("--notice", type=click.Path(dir_okay=False), help="Also write a draft user notice (Markdown) to this file.")
@click.option("--fail-on-significant", is_flag=True, help="Exit with status 3 when the change is significant.")
@click.option("--allow-different-services", is_flag=True,
              help="Compare manifests of two different services (refused by default: a diff reviews one service).")
@click.option("--repo", type=click.Path(file_okay=False, exists=True),
              help="Git repository to read REV:PATH sides from (default: the working directory); "
                   "file paths stay relative to the working directory.")
@click.option("--effective-date", "effective_date", metavar="YYYY-MM-DD",
              help="Date the updated policy takes effect, for the notice (default: NEW's policy.effective_date).")
@lang_option
def diff(old: str | None, new: str | None, method: str | None, fmt: str, output: str | None, notice: str | None,
         fail_on_significant: bool, allow_different_services: bool, repo: str | None, effective_date: str | None,
         lang: str | None) -> int:
    """Review NEW against OLD: what changed, which changes are significant, whom to notify and how.

    OLD and NEW are manifest files or git REV:PATH (e.g. HEAD~1:data_samples/zosi-camera.pia.yaml).
    With neither, OLD is the reference inventory and NEW the proposed one in data_samples/.
    The review and the notice are written in --lang, else NEW's `language`, else the locale's.
    """
    from pia.changes.notice import draft_notice
    from pia.changes.render import render_markdown, render_table
    from pia.changes.rules import review as make_review
    from pia.config import PROPOSED_MANIFEST, REFERENCE_MANIFEST
    from pia.errors import InputError, Problem
    from pia.i18n import _
    from pia.output import emit, to_json

    apply_language(lang)
    when = None
    if effective_date is not None:
        import datetime as dt

        try:
            when = dt.date.fromisoformat(effective_date)
        except ValueError:
            raise InputError(Problem("--effective-date", _("{value} is not a date YYYY-MM-DD",
                                                            value=repr(effective_date)))) from None
    if old is None or new is None:
        if old is not None or new is not None:
            raise click.UsageError("give both OLD and NEW, or neither (to review the shipped pair)")
        old, new = str(REFERENCE_MANIFEST), str(PROPOSED_MANIFEST)
    _check_method(method)
    before, after = _load_both(old, new, repo)
    apply_language(lang, after)
    result = make_review(before, after, method=method, allow_different_services=allow_different_services)
    warn_prohibited(after, "NEW")
    if fmt == "json":
        text = to_json(result.to_dict())
    elif fmt == "markdown":
        text = render_markdown(result)
    else:
        text = render_table(result)
    notice_text = draft_notice(result, effective_date=when) if notice else None  # built before anything is written
    if notice_text is not None:
        emit(notice_text, notice)
    emit(text, output)
    return 3 if fail_on_significant and result.significant else 0


def _load_both(old: str, new: str, repo: str | None):
    """Both sides, or one InputError listing the problems of both."""
    from pathlib import Path

    from pia.declare.revisions import load_side
    from pia.errors import InputError

    loaded, problems = [], []
    for spec, side in ((old, "OLD"), (new, "NEW")):
        if repo is not None and Path(spec).exists():
            spec = str(Path(spec).resolve())  # a file named on the command line is relative to the working directory
        try:
            loaded.append(load_side(spec, repo, side=side))
        except InputError as exc:
            problems.extend(exc.problems)
    if problems:
        raise InputError(problems)
    return loaded[0], loaded[1]


def _check_method(method: str | None) -> None:
    """Reject an unknown risk method up front, even when nothing changed (None: the regimes' default)."""
    from pia.risk.methods import load_method

    if method is not None:
        load_method(method)
