"""Change review as text: a terminal table and Markdown for analysts (the user notice is `pia.changes.notice`).

Sentences are made here, from the typed review; nothing downstream parses them back.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

from pia.changes.rules import TRIGGERS

if TYPE_CHECKING:  # pragma: no cover
    from pia.changes.rules import ChangeReview, LevelChange

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


def rise_text(rise: LevelChange) -> str:
    """`alert_snapshots: medium -> high` (a new activity: `new -> severe`)."""
    return f"{rise.activity}: {rise.before or 'new'} -> {rise.after}"


def _risk_line(review: ChangeReview) -> str:
    from pia.changes.rules import trigger_clause

    r = review.risk
    clause = trigger_clause(review.manifests[1], "high_risk_assessment")
    if not review.changes or not r.assessed:
        return f"Risk ({clause}): not assessed, nothing changed."

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
        rows = [{"trigger": t.id, "name": TRIGGERS[t.id].name, "clause": t.clause, "changes": len(t.changes),
                 "title": t.title} for t in review.triggers]
        out += ["Triggers", table(rows, ["trigger", "name", "clause", "changes", "title"], max_width=70)]
        out += [f"risk rises: {rise_text(x)}" for t in review.triggers for x in t.rises]
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
            out.append(f"- **{t.id}** ({TRIGGERS[t.id].name}; {t.clause}{listed}): {md_escape(t.title)}.")
            if t.rises:
                out.append("  Residual risk rises: " + "; ".join(md_escape(rise_text(x)) for x in t.rises) + ".")
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


