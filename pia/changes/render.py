"""Change review as text: a terminal table and Markdown for analysts (the user notice is `pia.changes.notice`).

Sentences are made here, from the typed review; nothing downstream parses them back.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

from pia.changes.rules import TRIGGERS
from pia.i18n import N_, Listing, Message, Term, _, localize, ngettext, pick

if TYPE_CHECKING:  # pragma: no cover
    from pia.changes.assessment import AssessmentCase
    from pia.changes.rules import ChangeReview, LevelChange, ScreenedActivity

CHANGE_COLUMNS = ["path", "kind", "trigger", "clause", "before", "after"]
TABLE_COLUMNS = ["path", "kind", "trigger", "before", "after"]
# Headers and words for the reader (the JSON keeps the ids).
COLUMN_WORDS = {"path": N_("path"), "kind": N_("kind"), "trigger": N_("trigger"), "clause": N_("clause"),
                "before": N_("before"), "after": N_("after"), "name": N_("name"), "changes": N_("changes"),
                "title": N_("title")}
KIND_WORDS = {"added": N_("added"), "removed": N_("removed"), "changed": N_("changed")}


def _headers(columns: list[str]) -> list[str]:
    return [_(COLUMN_WORDS[c]) for c in columns]


def _brief(value: Any) -> str:
    """A short cell for a before/after value: a record by its name or id, never its raw YAML."""
    if value is None:
        return ""
    if isinstance(value, dict):
        label = value.get("name") or value.get("id") or value.get("kind") or value.get("authority")
        return _("(record) {label}", label=label) if label else _("(record)")
    if isinstance(value, list):
        return ", ".join(_brief(v) for v in value)
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    return str(value)


def _short(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _rows(review: ChangeReview, width: int | None = None) -> list[dict[str, Any]]:
    cut = (lambda t: _short(t, width)) if width else (lambda t: t)
    return [{"path": c.path, "kind": _(KIND_WORDS.get(c.kind.value, c.kind.value)), "trigger": c.trigger or _("minor"),
             "clause": c.clause,
             "before": cut(_brief(c.before)), "after": cut(_brief(c.after))} for c in review.changes]


# The notification channels by their names in the language in force (the same messages as the report's names);
# the JSON keeps the ids.
CHANNEL_WORDS = {"push": N_("push"), "popup": N_("popup"), "email": N_("email"), "sms": N_("sms"),
                 "website": N_("website")}


def _verdict_line(review: ChangeReview) -> str:
    if not review.changes:
        return _("No change: OLD and NEW describe the same processing; nothing to post or notify.")
    if not review.significant:
        return _("Minor changes only ({n}): post the updated policy ({clause}); no active notification needed.",
                 n=len(review.changes), clause=review.notify.clause)
    channels = localize(Listing(Message(CHANNEL_WORDS[c]) if c in CHANNEL_WORDS else c
                                for c in review.notify.channels)) or _("no channel listed in NEW")
    text = _("SIGNIFICANT: notify users actively by {channels} ({clause}), and post the updated policy.",
             channels=channels, clause=review.notify.clause)
    aud = review.notify.audience
    if not aud.everyone and aud.subjects:  # the changes concern some kinds of data subject only (notify.audience)
        text += " " + _("The changes concern only {subjects}: send the notice to them.",
                        subjects=localize(Listing(Term(k) for k in aud.subjects)))
    if review.reconsent_required:
        text += " " + ngettext("Fresh consent required ({n} reason).", "Fresh consent required ({n} reasons).",
                               len(review.reasons))
    return text


def prohibited_lines(review: ChangeReview) -> list[str]:
    """NEW's processing the law prohibits (`pia check` errors), in the language in force: a heading, then one line each.

    Empty when NEW has none. The notification and re-consent plan cannot make such processing lawful, so the review
    says it before its decision.
    """
    if not review.prohibited:
        return []
    head = _("PROHIBITED ({n}): NEW declares processing the law does not allow (`pia check` refuses NEW); settle it "
             "before the change goes live: notifying users or asking consent does not make it lawful.",
             n=len(review.prohibited))
    return [head] + [f"- {localize(f.message)} [{'; '.join(f.sources)}]" for f in review.prohibited]


def new_warning_lines(review: ChangeReview) -> list[str]:
    """NEW's warnings OLD did not have, in the language in force: a heading, then one line each (empty if none)."""
    if not review.new_warnings:
        return []
    head = ngettext("NEW LEGAL WARNING ({n}): `pia check` gives it for NEW, not for OLD; settle it before the change "
                    "goes live (a notice does not):",
                    "NEW LEGAL WARNINGS ({n}): `pia check` gives them for NEW, not for OLD; settle them before the "
                    "change goes live (a notice does not):", len(review.new_warnings))
    return [head] + [f"- {localize(f.message)} [{'; '.join(f.sources)}]" for f in review.new_warnings]


def rise_text(rise: LevelChange) -> str:
    """`alert_snapshots: medium -> high` (a new activity: `new -> severe`)."""
    before = _(rise.before.replace("_", " ")) if rise.before else _("new")
    return f"{rise.activity}: {before} -> {_(rise.after.replace('_', ' '))}"


def _risk_line(review: ChangeReview) -> str:
    from pia.changes.rules import trigger_clause

    r = review.risk
    clause = trigger_clause(review.manifests[1], "high_risk_assessment")
    if not review.changes or not r.assessed:
        return _("Risk ({clause}): not assessed, nothing changed.", clause=clause)

    def side(high: bool | None, acts: list[str]) -> str:
        if high and acts:
            return _("high risk ({activities})", activities=", ".join(acts))
        return _("high risk") if high else _("not high risk")

    return _("Risk ({clause}, method {method}): NEW {new}; OLD {old}. {decision}", clause=clause, method=r.method,
             new=side(r.new_high_risk, r.new_high_activities), old=side(r.old_high_risk, r.old_high_activities),
             decision=localize(r.decision))


def decision(review: ChangeReview) -> str:
    """The review's decision in two lines: notify and re-consent, then the risk engine's VII.2(5) state."""
    return f"{_verdict_line(review)}\n{_risk_line(review)}"


def _assessment_line(x: ScreenedActivity) -> str:
    """A new activity whose screening calls for an impact assessment, with the criteria and the rule."""
    return _("impact assessment required before new activity {activity} starts: {n} of 9 WP248 criteria met ({criteria}),"
             " two or more, whatever its risk level ({level}) ({clause})", activity=x.activity, n=x.wp248_met,
             criteria=", ".join(x.criteria), level=_(x.level.replace("_", " ")) if x.level else "-", clause=_(x.clause))


def abroad_line() -> str:
    """What providing personal information abroad needs besides the assessment (PIPL Art. 38, 39)."""
    return _("before data goes abroad: a condition of PIPL Art. 38 (the CAC security assessment, a certification, the "
             "CAC standard contract, or another condition set by law); users told of the foreign recipient's name, "
             "contact, purposes, methods and data categories and how to exercise their rights with it, and their "
             "separate consent (PIPL Art. 39)")


def content_line() -> str:
    """What every PIPL impact assessment covers and how long it is kept (PIPL Art. 56), said once."""
    from pia.changes.assessment import ASSESSMENT_CONTENT

    return _("The assessment covers whether the purposes and methods are lawful, legitimate and necessary, the "
             "impact on individuals' rights and the security risks, and whether the protection measures are "
             "lawful, effective and fit the risk; its report and the processing records are kept for at least "
             "three years ({clause}).", clause=ASSESSMENT_CONTENT)


def pipl_case_line(x: AssessmentCase) -> str:
    """One PIPL Art. 55 case the change brings, in words: the item of the law, the activity and the facts."""
    where = _("new activity {activity}", activity=x.activity) if x.new_activity else \
        _("activity {activity}", activity=x.activity)
    return _("personal-information protection impact assessment required before this change goes live "
             "({clause}: {item}): {where}: {evidence}", clause=x.clause, item=localize(x.item), where=where,
             evidence=localize(x.evidence))


def _pipl_lines(cases: list[AssessmentCase]) -> list[str]:
    """Each PIPL Art. 55 case the change brings, what providing abroad needs besides, then what Art. 56 asks once."""
    out = []
    for x in cases:
        out.append(pipl_case_line(x))
        if x.case == "pipl55.4":
            out.append("  " + abroad_line())
    if cases:
        out.append(content_line())
    return out


def assessments(review: ChangeReview) -> dict[str, Any]:
    """What the review says about impact assessments, in the language in force, for readers other than `pia diff`.

    The same sentences `pia diff` prints, made from the same review: the risk decision (VII.2(5) or the policy's
    own clause; where the GDPR applies it says when the assessment is reviewed, GDPR Art. 35(11)), the new
    activities whose screening calls for a DPIA (GDPR Art. 35(1)), and each PIPL Art. 55 case the change brings,
    with what providing abroad needs besides (PIPL Art. 38, 39) and what every assessment covers (PIPL Art. 56).

    Returns
    -------
    dict
        `prohibited` (NEW's processing the law does not allow: message, sources, activity), `new_warnings` (NEW's
        `pia check` warnings OLD did not have: message, sources, activity),
        `clause` and `decision` (the risk line's clause and the decision sentence), `dpia` (one sentence per new
        activity), `pipl` (per case: activity, new_activity, case, clause, item, evidence, abroad: the extra
        conditions or ""), `content` (the Art. 56 sentence, "" without a case).
    """
    from pia.changes.rules import trigger_clause

    cases = review.risk.pipl_assessment_required
    return {
        "clause": trigger_clause(review.manifests[1], "high_risk_assessment"),
        "decision": localize(review.risk.decision) if review.changes and review.risk.assessed else "",
        "dpia": [_assessment_line(x) for x in review.risk.assessment_required],
        "pipl": [{"activity": x.activity, "new_activity": x.new_activity, "case": x.case, "clause": x.clause,
                  "item": localize(x.item), "evidence": localize(x.evidence),
                  "abroad": abroad_line() if x.case == "pipl55.4" else ""} for x in cases],
        "content": content_line() if cases else "",
        "prohibited": [{"message": localize(f.message), "sources": "; ".join(f.sources), "activity": f.activity}
                       for f in review.prohibited],
        "new_warnings": [{"message": localize(f.message), "sources": "; ".join(f.sources), "activity": f.activity}
                         for f in review.new_warnings],
    }


def render_table(review: ChangeReview) -> str:
    """Plain-text report for a terminal."""
    from pia.output import render_table as table

    out = [_("Change review: {old} -> {new}", old=pick(review.old.service), new=pick(review.new.service)),
           _("OLD: {source}", source=review.old.source), _("NEW: {source}", source=review.new.source), ""]
    if review.prohibited:
        out += prohibited_lines(review) + [""]
    if review.new_warnings:
        out += new_warning_lines(review) + [""]
    out += [_verdict_line(review), _risk_line(review), ""]
    if review.triggers:
        rows = [{"trigger": t.id, "name": _(TRIGGERS[t.id].name), "clause": t.clause, "changes": len(t.changes),
                 "title": _(t.title)} for t in review.triggers]
        columns = ["trigger", "name", "clause", "changes", "title"]
        out += [_("Triggers"), table(rows, columns, _headers(columns), max_width=70)]
        out += [_("risk rises: {rise}", rise=rise_text(x)) for t in review.triggers for x in t.rises]
        out += [_("note: {trigger}: {detail}", trigger=t.id, detail=localize(t.detail)) for t in review.triggers
                if t.detail]
        out.append("")
    if review.risk.assessment_required:
        out += [_assessment_line(x) for x in review.risk.assessment_required] + [""]
    if review.risk.pipl_assessment_required:
        out += _pipl_lines(review.risk.pipl_assessment_required) + [""]
    if review.changes:
        out += [_("Changes"), table(_rows(review, width=36), TABLE_COLUMNS, _headers(TABLE_COLUMNS), max_width=90)]
    if review.reasons:
        out += [_("Re-consent required:")] + [f"- [{r.kind}] {localize(r.text)} ({r.clause})"
                                              for r in review.reasons] + [""]
    return "\n".join(out).rstrip("\n") + "\n"


def render_markdown(review: ChangeReview) -> str:
    """Markdown report for analysts (the user notice is separate: --notice)."""
    from pia.output import md_escape, render_markdown_table

    out = ["# " + _("Change review: {service}", service=md_escape(pick(review.new.service) or "")), "",
           "- " + _("OLD: `{source}`", source=review.old.source), "- " + _("NEW: `{source}`", source=review.new.source),
           ""]
    if review.prohibited:
        head, *items = prohibited_lines(review)
        out += [f"**{md_escape(head)}**", ""] + ["- " + md_escape(x[2:]) for x in items] + [""]
    if review.new_warnings:
        head, *items = new_warning_lines(review)
        out += [f"**{md_escape(head)}**", ""] + ["- " + md_escape(x[2:]) for x in items] + [""]
    out += [f"**{_verdict_line(review)}**", "", _risk_line(review), ""]
    if review.triggers:
        from pia.changes.rules import trigger_clause

        listing = trigger_clause(review.manifests[1], "service_mode")
        own_list = _("VII.2 list") if listing.startswith("VII.2") else _("list of significant changes")
        out += ["## " + _("Triggers"), ""]
        for t in review.triggers:
            listed = "" if t.in_policy_list else _("; not in the policy's {list}", list=own_list)
            out.append(f"- **{t.id}** ({_(TRIGGERS[t.id].name)}; {t.clause}{listed}): {md_escape(_(t.title))}.")
            if t.rises:
                out.append("  " + _("Residual risk rises: {rises}.",
                                    rises="; ".join(md_escape(rise_text(x)) for x in t.rises)))
            if t.detail:
                out.append(f"  {md_escape(localize(t.detail))}")
            out += [f"  - `{p}`" for p in t.changes]
        out.append("")
    if review.risk.assessment_required:
        out += ["## " + _("Impact assessment"), ""] + [
            "- " + md_escape(_assessment_line(x)) for x in review.risk.assessment_required] + [""]
    if review.risk.pipl_assessment_required:
        lines = _pipl_lines(review.risk.pipl_assessment_required)
        out += ["## " + _("Personal-information protection impact assessment (PIPL)"), ""]
        out += [("  " if line.startswith("  ") else "- ") + md_escape(line.strip()) for line in lines[:-1]]
        out += ["", md_escape(lines[-1]), ""]
    if review.reasons:
        out += ["## " + _("Re-consent"), ""] + [f"- **{r.kind}** `{r.subject}` ({r.clause}): {md_escape(localize(r.text))}"
                                        for r in review.reasons] + [""]
    if review.changes:
        out += ["## " + _("Changes"), "", render_markdown_table(_rows(review), CHANGE_COLUMNS, _headers(CHANGE_COLUMNS))]
        reasons = sorted({(c.trigger or _("minor"), localize(c.reason)) for c in review.changes})
        out += [_("Why each change is classified as it is:"), ""]
        out += [f"- {t}: {md_escape(r)}" for t, r in reasons] + [""]
    return "\n".join(out).rstrip("\n") + "\n"


