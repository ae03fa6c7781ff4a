"""`pia diff`: review a proposed manifest against the current one, from files or git revisions.

Prints the changes, the significant-change triggers, whom to notify and how, re-consent, and a draft notice.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

import click

if TYPE_CHECKING:  # pragma: no cover
    from pia.changes.rules import ChangeReview

CHANGE_COLUMNS = ["path", "kind", "trigger", "clause", "before", "after"]
TABLE_COLUMNS = ["path", "kind", "trigger", "before", "after"]


def _brief(value: Any) -> str:
    """A short cell for a before/after value: a record by its name or id, never its raw YAML."""
    if value is None:
        return ""
    if isinstance(value, dict):
        label = value.get("name") or value.get("id") or value.get("kind") or value.get("authority")
        return f"(record) {label}" if label else "(record)"
    if isinstance(value, list):
        return ", ".join(_brief(v) for v in value)
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value)


def _short(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _rows(review: ChangeReview, width: int | None = None) -> list[dict[str, Any]]:
    cut = (lambda t: _short(t, width)) if width else (lambda t: t)
    return [{"path": c.path, "kind": c.kind.value, "trigger": c.trigger or "minor", "clause": c.clause,
             "before": cut(_brief(c.before)), "after": cut(_brief(c.after))} for c in review.changes]


def _verdict_line(review: ChangeReview) -> str:
    if not review.changes:
        return "No change: OLD and NEW describe the same processing; nothing to post or notify."
    if not review.significant:
        return (f"Minor changes only ({len(review.changes)}): post the updated policy ({review.notify.clause}); "
                "no active notification needed.")
    channels = ", ".join(review.notify.channels) or "no channel listed in NEW"
    text = f"SIGNIFICANT: notify users actively by {channels} ({review.notify.clause}), and post the updated policy."
    if review.reconsent_required:
        text += f" Fresh consent required ({len(review.reasons)} reason{'s' if len(review.reasons) != 1 else ''})."
    return text


def _risk_line(review: ChangeReview) -> str:
    from pia.changes.rules import trigger_clause

    r = review.risk
    clause = trigger_clause(review.manifests[1], "high_risk_assessment")
    if not review.changes:
        return f"Risk ({clause}): not assessed, nothing changed."
    if not r.assessed:
        return f"Risk ({clause}): not assessed (the risk engine is not available)."

    def side(high: bool | None, acts: list[str]) -> str:
        return f"high risk ({', '.join(acts)})" if high and acts else ("high risk" if high else "not high risk")

    return (f"Risk ({clause}, method {r.method}): NEW {side(r.new_high_risk, r.new_high_activities)}; "
            f"OLD {side(r.old_high_risk, r.old_high_activities)}. {r.decision}")


def render_table(review: ChangeReview) -> str:
    """Plain-text report for a terminal."""
    from pia.output import render_table as table

    out = [f"Change review: {review.old.service} -> {review.new.service}",
           f"OLD: {review.old.source}", f"NEW: {review.new.source}", "", _verdict_line(review), _risk_line(review), ""]
    if review.triggers:
        rows = [{"trigger": t.id, "clause": t.clause, "changes": len(t.changes), "title": t.title}
                for t in review.triggers]
        out += ["Triggers", table(rows, ["trigger", "clause", "changes", "title"], max_width=70)]
        out += [f"note: {t.id}: {t.detail}" for t in review.triggers if t.detail]
        out.append("")
    if review.changes:
        out += ["Changes", table(_rows(review, width=36), TABLE_COLUMNS, max_width=90)]
    if review.reasons:
        out += ["Re-consent required:"] + [f"- [{r.kind}] {r.text} ({r.clause})" for r in review.reasons] + [""]
    return "\n".join(out).rstrip("\n") + "\n"


def render_markdown(review: ChangeReview) -> str:
    """Markdown report for analysts (the user notice is separate: --notice)."""
    from pia.output import md_escape, render_markdown_table

    out = [f"# Change review: {md_escape(review.new.service)}", "",
           f"- OLD: `{review.old.source}`", f"- NEW: `{review.new.source}`", "",
           f"**{_verdict_line(review)}**", "", _risk_line(review), ""]
    if review.triggers:
        from pia.changes.rules import trigger_clause

        listing = trigger_clause(review.manifests[1], "service_mode")
        own_list = "VII.2 list" if listing.startswith("VII.2") else "list of significant changes"
        out += ["## Triggers", ""]
        for t in review.triggers:
            listed = "" if t.in_policy_list else f"; not in the policy's {own_list}"
            out.append(f"- **{t.id}** ({t.clause}{listed}): {md_escape(t.title)}.")
            if t.detail:
                out.append(f"  {md_escape(t.detail)}")
            out += [f"  - `{p}`" for p in t.changes]
        out.append("")
    if review.reasons:
        out += ["## Re-consent", ""] + [f"- **{r.kind}** `{r.subject}` ({r.clause}): {md_escape(r.text)}"
                                        for r in review.reasons] + [""]
    if review.changes:
        out += ["## Changes", "", render_markdown_table(_rows(review), CHANGE_COLUMNS)]
        reasons = sorted({(c.trigger or "minor", c.reason) for c in review.changes})
        out += ["Why each change is classified as it is:", ""]
        out += [f"- {t}: {md_escape(r)}" for t, r in reasons] + [""]
    return "\n".join(out).rstrip("\n") + "\n"


@click.command()
@click.argument("old", required=False)
@click.argument("new", required=False)
@click.option("--method", default="gbt39335", show_default=True,
              help="Risk method (shipped name or method file) for the high-risk trigger VII.2(5).")
@click.option("--format", "fmt", type=click.Choice(["table", "json", "markdown"]), default="table",
              show_default=True, help="Output format.")
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write the review to this file (whole or not at all).")
@click.option("--notice", type=click.Path(dir_okay=False), help="Also write a draft user notice (Markdown) to this file.")
@click.option("--fail-on-significant", is_flag=True, help="Exit with status 3 when the change is significant.")
@click.option("--repo", type=click.Path(file_okay=False, exists=True),
              help="Git repository to read REV:PATH sides from (default: the working directory); "
                   "file paths stay relative to the working directory.")
def diff(old: str | None, new: str | None, method: str, fmt: str, output: str | None, notice: str | None,
         fail_on_significant: bool, repo: str | None) -> int:
    """Review NEW against OLD: what changed, which changes are significant, whom to notify and how.

    OLD and NEW are manifest files or git REV:PATH (e.g. HEAD~1:data_samples/zosi-camera.pia.yaml).
    With neither, OLD is the reference inventory and NEW the proposed one in data_samples/.
    """
    from pia.changes.notice import draft_notice
    from pia.changes.rules import review as make_review
    from pia.config import PROPOSED_MANIFEST, REFERENCE_MANIFEST
    from pia.output import emit, to_json
    if (old is None) != (new is None):
        raise click.UsageError("give both OLD and NEW, or neither (to review the shipped pair)")
    if old is None:
        old, new = str(REFERENCE_MANIFEST), str(PROPOSED_MANIFEST)
    _check_method(method)
    before, after = _load_both(old, new, repo)
    result = make_review(before, after, method=method)
    if fmt == "json":
        text = to_json(result.to_dict())
    elif fmt == "markdown":
        text = render_markdown(result)
    else:
        text = render_table(result)
    notice_text = draft_notice(result) if notice else None  # built before anything is written
    if notice_text is not None:
        emit(notice_text, notice)
    emit(text, output)
    return 3 if fail_on_significant and result.significant else 0


def _load_both(old: str, new: str, repo: str | None):
    """Both sides, or one InputError listing the problems of both."""
    from pathlib import Path

    from pia.errors import InputError
    from pia.declare.revisions import load_side

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


def _check_method(method: str) -> None:
    """Reject an unknown risk method up front, even when nothing changed (the engine is optional)."""
    try:
        from pia.risk.methods import load_method
    except ImportError:  # pragma: no cover - the risk engine ships with the kit
        return
    load_method(method)
