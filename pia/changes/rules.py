"""Change review: classify each manifest change under the significant-change categories, decide and plan.

Rules are data (`RULES`, `TRIGGERS`); every change carries its trigger, clause and the rule's reason,
and the decision (notify, re-consent) names the changes and facts it rests on.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel, Field, PrivateAttr

from pia.changes.diff import Change, ChangeKind, diff, pattern_of
from pia.declare.manifest import LEGAL_BASES, FlowKind, Manifest, RecipientBasis
from pia.declare.taxonomy import load_taxonomy

# --------------------------------------------------------------------------- catalogue (data)


@dataclass(frozen=True)
class TriggerDef:
    """A significant-change category: stable id, the clause it rests on, and where that clause is."""

    id: str
    clause: str
    title: str
    in_policy_list: bool = True
    note: str = ""


TRIGGERS: dict[str, TriggerDef] = {t.id: t for t in (
    TriggerDef("service_mode", "VII.2(1)",
               "Service mode: the purpose of processing, the type of personal data or the way it is used"),
    TriggerDef("ownership", "VII.2(2)",
               "Ownership or organisational structure (merger, acquisition, bankruptcy, change of controller)"),
    TriggerDef("recipients", "VII.2(3)",
               "Main recipients of sharing, transfer or public disclosure"),
    TriggerDef("user_rights", "VII.2(4)",
               "The rights users have over their data and how they exercise them"),
    TriggerDef("high_risk_assessment", "VII.2(5)",
               "The personal-information impact assessment shows high risk"),
    TriggerDef("contact_channel", "GB/T 35273-2020 Annex D",
               "Department responsible for personal-information security, its contact details or the complaint channel",
               in_policy_list=False,
               note="Significant under the privacy-policy template of GB/T 35273-2020 Annex D; "
                    "the policy's own list (VII.2(1)-(5)) omits it."),
)}

MINOR_CLAUSE = "VII.1"
_MINOR = "no significant-change category covers it: posting the updated policy is enough (VII.1)"
_WORDING = "wording only: the processing it describes is unchanged"
_CITATION = "clause citations document the manifest; they do not change the processing"


@dataclass(frozen=True)
class Rule:
    """Classify changes at `pattern` (ids written `[*]`) or anywhere beneath it; the first matching rule wins."""

    pattern: str
    trigger: str | None
    reason: str

    def matches(self, path: str) -> bool:
        """Whether the change path `path` falls under this rule."""
        p = pattern_of(path)
        return p == self.pattern or (p.startswith(self.pattern) and p[len(self.pattern)] in ".[")


RULES: tuple[Rule, ...] = (
    # data elements: what is collected (VII.2(1) "type of personal data")
    Rule("data_elements[*].name", None, _WORDING),
    Rule("data_elements[*].description", None, _WORDING),
    Rule("data_elements[*].clauses", None, _CITATION),
    Rule("data_elements[*].retention", None,
         "retention is not among the significant changes of VII.2; posting the update is enough (VII.1)"),
    Rule("data_elements[*]", "service_mode",
         "a type of personal data is added or removed, or its category, sensitivity, group or source changes"),
    # processing activities: purposes and ways of use (VII.2(1)); their recipients (VII.2(3))
    Rule("processing_activities[*].name", None, _WORDING),
    Rule("processing_activities[*].clauses", None, _CITATION),
    Rule("processing_activities[*].subjects_count", None,
         "an estimate of scale; its effect on risk is judged under VII.2(5)"),
    Rule("processing_activities[*].controls", None,
         "security measures; their effect on risk is judged under VII.2(5)"),
    Rule("processing_activities[*].consent_scope", None, "internal id of the consent records"),
    Rule("processing_activities[*].recipients", "recipients",
         "an activity starts or stops giving data to a recipient"),
    Rule("processing_activities[*]", "service_mode",
         "a purpose of processing, the data it uses, whose data, its legal basis or the way data is used changes"),
    # recipients (VII.2(3))
    Rule("recipients[*].name", None, _WORDING),
    Rule("recipients[*].clauses", None, _CITATION),
    Rule("recipients[*]", "recipients",
         "who receives data by sharing, transfer or public disclosure, what they receive, where or on what ground"),
    # controller: ownership (VII.2(2)) and contact points (GB/T 35273-2020 Annex D)
    Rule("controller.ownership.clauses", None, _CITATION),
    Rule("controller.ownership", "ownership", "the parent company or controlling shareholders change"),
    Rule("controller.legal_entity", "ownership", "the legal entity that controls the data changes"),
    Rule("controller.jurisdiction", "ownership", "the controller moves to another jurisdiction"),
    Rule("controller.security_department.clauses", None, _CITATION),
    Rule("controller.security_department", "contact_channel",
         "the department responsible for personal-information security or its contact details change"),
    Rule("controller.contact_clauses", None, _CITATION),
    Rule("controller.contact", "contact_channel", "the contact for questions and requests changes"),
    Rule("controller.complaint_channels[*].clauses", None, _CITATION),
    Rule("controller.complaint_channels", "contact_channel", "the channels for complaints change"),
    # rights (VII.2(4))
    Rule("rights[*].clauses", None, _CITATION),
    Rule("rights", "user_rights", "a right, how it is exercised, its limits or its deadline changes"),
    Rule("rejection_grounds[*].clauses", None, _CITATION),
    Rule("rejection_grounds", "user_rights", "the grounds on which a rights request may be refused change"),
    Rule("settings.rights_response_days", "user_rights", "the deadline to answer rights requests changes"),
    Rule("settings.erasure_grace_days", "user_rights", "the time to erase data after cancellation changes"),
    Rule("settings.minor_age", "service_mode", "who is treated as a minor needing a guardian's consent changes"),
    Rule("consent_exemptions[*].summary", None, _WORDING),
    Rule("consent_exemptions", "service_mode", "the situations in which data is used without consent change"),
    # announced as minor on purpose, with their reason
    Rule("notification_channels", None, "how changes are announced (VII.1); not a change of processing"),
    Rule("commitments", None, "commitments restate the policy; the facts they rest on are compared field by field"),
    Rule("service", None, "name, description and policy metadata of the service"),
)


def classify(change: Change) -> tuple[str | None, str]:
    """Trigger id (None: minor) and the reason, from the first rule matching the change's path."""
    for rule in RULES:
        if rule.matches(change.path):
            return rule.trigger, rule.reason
    return None, _MINOR


# --------------------------------------------------------------------------- result model


class ClassifiedChange(BaseModel):
    """A manifest change with its classification."""

    path: str = Field(description="Where the manifests differ (`[id]` addresses a record or a set member).")
    kind: ChangeKind = Field(description="added, removed or changed.")
    before: Any = Field(None, description="Value in OLD.")
    after: Any = Field(None, description="Value in NEW.")
    trigger: str | None = Field(None, description="Significant-change category, or None for a minor change.")
    clause: str = Field(description="Clause or standard the classification rests on.")
    reason: str = Field(description="Why the change falls under its trigger, or why it is minor.")


class Trigger(BaseModel):
    """A significant-change category that applies, with the changes behind it."""

    id: str = Field(description="Stable trigger id (service_mode, ownership, ...).")
    clause: str = Field(description="Clause of the policy, or the standard, that makes it significant.")
    title: str = Field(description="What the category covers.")
    in_policy_list: bool = Field(description="Whether the policy's own list in VII.2 names it.")
    changes: list[str] = Field(default_factory=list, description="Paths of the changes behind it.")
    detail: str = Field("", description="Further explanation (e.g. the risk verdicts, a gap in the policy's list).")


class Notify(BaseModel):
    """How users are told."""

    required: bool = Field(description="Whether users must be notified actively (a significant change).")
    channels: list[str] = Field(default_factory=list, description="Channels from NEW's notification_channels, when required.")
    posted: bool = Field(True, description="Every change is posted with the updated policy (VII.1).")
    clause: str = Field("VII.1", description="Clause requiring posting and active notification.")


class ReconsentReason(BaseModel):
    """Why fresh consent must be asked before NEW applies."""

    kind: str = Field(description="new_purpose, new_sensitive_category or new_consent_recipient.")
    subject: str = Field(description="Id of the activity, category or recipient concerned.")
    clause: str = Field(description="Clause and law the reason rests on.")
    text: str = Field(description="The reason in words.")


class RiskComparison(BaseModel):
    """The risk engine's verdicts on OLD and NEW, for VII.2(5)."""

    method: str = Field(description="Risk method used.")
    assessed: bool = Field(description="Whether the risk engine was available and ran.")
    new_high_risk: bool | None = Field(None, description="Verdict on NEW.")
    old_high_risk: bool | None = Field(None, description="Verdict on OLD.")
    new_high_activities: list[str] = Field(default_factory=list, description="Activities of NEW judged high risk.")
    old_high_activities: list[str] = Field(default_factory=list, description="Activities of OLD judged high risk.")
    decision: str = Field("", description="Whether VII.2(5) applies, and why.")


class Side(BaseModel):
    """Provenance of one side of the comparison."""

    source: str = Field(description="File or REV:PATH the manifest was read from.")
    sha256: str | None = Field(None, description="sha256 of its bytes.")
    service: str = Field(description="Service id.")


class ChangeReview(BaseModel):
    """The review of a proposed manifest against the current one: changes, triggers, decision and plan."""

    method: str = Field(description="Risk method used for VII.2(5).")
    old: Side
    new: Side
    significant: bool = Field(description="Whether any significant-change trigger applies.")
    triggers: list[Trigger] = Field(default_factory=list, description="Triggers that apply, in catalogue order.")
    changes: list[ClassifiedChange] = Field(default_factory=list, description="Every change, sorted by path.")
    notify: Notify
    reconsent_required: bool = Field(description="Whether fresh consent must be asked.")
    reasons: list[ReconsentReason] = Field(default_factory=list, description="Why re-consent is required.")
    risk: RiskComparison

    _old: Manifest | None = PrivateAttr(None)
    _new: Manifest | None = PrivateAttr(None)

    @property
    def minor_changes(self) -> list[ClassifiedChange]:
        """The changes that trigger nothing (posting the updated policy is enough)."""
        return [c for c in self.changes if c.trigger is None]

    def trigger(self, trigger_id: str) -> Trigger | None:
        """The trigger `trigger_id` if this review fired it, else None."""
        return next((t for t in self.triggers if t.id == trigger_id), None)

    def to_dict(self) -> dict[str, Any]:
        """The review as JSON-ready data (deterministic: lists sorted, no run timestamp)."""
        data = self.model_dump(mode="json")
        data["kind"] = "pia.change_review"
        data["summary"] = {
            "changes": len(self.changes),
            "significant_changes": sum(1 for c in self.changes if c.trigger is not None),
            "minor_changes": len(self.minor_changes),
            "triggers": [t.id for t in self.triggers],
        }
        return data

    @property
    def manifests(self) -> tuple[Manifest, Manifest]:
        """The OLD and NEW manifests this review was made from (renderers such as the notice need them)."""
        if self._new is None or self._old is None:
            raise ValueError("the review was not made from manifests; use pia.changes.review()")
        return self._old, self._new


# --------------------------------------------------------------------------- risk verdict (VII.2(5))


@dataclass(frozen=True)
class Verdict:
    """The risk engine's verdict on one manifest."""

    high_risk: bool
    high_activities: tuple[str, ...] = ()


def _verdict(manifest: Manifest, method: str) -> Verdict | None:
    """The risk engine's verdict, or None when the engine is not installed (imported lazily)."""
    try:
        from pia.risk.scoring import assess
    except ImportError:
        return None
    assessment = assess(manifest, method=method)
    return Verdict(bool(assessment.high_risk), tuple(_high_activities(assessment)))


def _high_activities(assessment: Any) -> list[str]:
    """Ids of the activities the assessment marks high risk (empty when it does not say per activity)."""
    out = []
    for act in getattr(assessment, "activities", None) or []:
        data = act.model_dump(mode="json") if hasattr(act, "model_dump") else act
        if isinstance(data, dict) and data.get("unacceptable", data.get("high_risk")) and data.get("id"):
            out.append(str(data["id"]))
    return sorted(set(out))


def _risk_trigger(old_v: Verdict | None, new_v: Verdict | None, has_changes: bool,
                  changes: list[ClassifiedChange]) -> Trigger | None:
    """VII.2(5) applies when NEW is high risk and OLD was not, or an activity of NEW is newly high risk."""
    if not has_changes or new_v is None or old_v is None or not new_v.high_risk:
        return None
    newly = sorted(set(new_v.high_activities) - set(old_v.high_activities))
    if old_v.high_risk and not newly:
        return None
    prefixes = tuple(f"processing_activities[{a}]" for a in newly)
    paths = sorted(c.path for c in changes if prefixes and c.path.startswith(prefixes))
    was = "was also high risk" if old_v.high_risk else "was not high risk"
    detail = f"The risk engine rates NEW high risk; OLD {was}."
    if newly:
        detail += f" Activities newly high risk: {', '.join(newly)}."
    d = TRIGGERS["high_risk_assessment"]
    return Trigger(id=d.id, clause=d.clause, title=d.title, in_policy_list=d.in_policy_list,
                   changes=paths, detail=detail)


def _risk_decision(risk: RiskComparison, trigger: Trigger | None) -> str:
    if not risk.assessed:
        return "Not assessed: the risk engine is not available; VII.2(5) could not be checked."
    if trigger is not None:
        return f"VII.2(5) applies. {trigger.detail}"
    if risk.new_high_risk:
        return ("VII.2(5) does not apply to this revision: NEW is high risk, but OLD was already high risk and "
                "no activity becomes high risk with these changes.")
    return "VII.2(5) does not apply: the risk engine does not rate NEW high risk."


# --------------------------------------------------------------------------- re-consent


def _purpose_needs_consent(legal_basis: str) -> bool:
    """A new purpose needs the user's agreement unless the law or a consent exemption (I.5) covers it."""
    return legal_basis in LEGAL_BASES and legal_basis != "legal_obligation"


def _consent_clause(flow: FlowKind) -> str:
    return {FlowKind.share: "IV.1(1)", FlowKind.transfer: "IV.2(1)", FlowKind.disclosure: "IV.3(1)"}[flow]


def reconsent_reasons(old: Manifest, new: Manifest) -> list[ReconsentReason]:
    """Reasons to ask for fresh consent: a new purpose, a new sensitive category, a new consent-based recipient."""
    reasons: list[ReconsentReason] = []
    old_acts = {a.id: a for a in old.processing_activities}
    for act in sorted(new.processing_activities, key=lambda a: a.id):
        before = old_acts.get(act.id)
        if before is not None and before.purpose == act.purpose:
            continue
        if not _purpose_needs_consent(act.legal_basis):
            continue
        what = "new purpose" if before is None else "changed purpose"
        reasons.append(ReconsentReason(
            kind="new_purpose", subject=act.id, clause="preamble, I; PIPL Art. 14",
            text=f"{what} '{act.name}' (activity {act.id}, legal basis {act.legal_basis}): {act.purpose} "
                 "The policy limits use to the purposes it lists, and a changed purpose needs fresh consent."))

    tax = load_taxonomy()
    old_sensitive = {e.category for e in old.data_elements if e.sensitive}
    new_by_cat: dict[str, list[str]] = {}
    for el in new.data_elements:
        if el.sensitive and el.category not in old_sensitive:
            new_by_cat.setdefault(el.category, []).append(el.id)
    for cat, elements in sorted(new_by_cat.items()):
        users = sorted({a.id for a in new.processing_activities if set(a.data_elements) & set(elements)})
        used = f", used by {', '.join(users)}" if users else ""
        reasons.append(ReconsentReason(
            kind="new_sensitive_category", subject=cat, clause="PIPL Art. 29; GB/T 35273-2020 5.4",
            text=f"new sensitive category {cat} ({tax[cat].name}) in {', '.join(sorted(elements))}{used}: "
                 "sensitive personal information needs the user's separate consent."))

    old_recips = {r.id: r for r in old.recipients}
    for rec in sorted(new.recipients, key=lambda r: r.id):
        if rec.legal_basis is not RecipientBasis.consent:
            continue
        before = old_recips.get(rec.id)
        groups = [g.value for g in rec.data_groups]
        if before is None:
            why = f"new recipient '{rec.name}' ({rec.id}) receives {', '.join(groups)} data"
        elif before.legal_basis is not RecipientBasis.consent:
            why = f"recipient '{rec.name}' ({rec.id}) now relies on consent instead of {before.legal_basis.value}"
        else:
            extra = sorted(set(groups) - {g.value for g in before.data_groups})
            if not extra:
                continue
            why = f"recipient '{rec.name}' ({rec.id}) now also receives {', '.join(extra)} data"
        reasons.append(ReconsentReason(
            kind="new_consent_recipient", subject=rec.id, clause=f"{_consent_clause(rec.flow)}; PIPL Art. 23",
            text=f"{why} on the ground of consent: the user's consent must be asked for it."))
    return reasons


# --------------------------------------------------------------------------- the review


def _side(m: Manifest) -> Side:
    return Side(source=m.source, sha256=m.sha256, service=m.service.id)


def review(old: Manifest, new: Manifest, method: str | os.PathLike[str] = "gbt39335") -> ChangeReview:
    """Review NEW against OLD: every change classified, the triggers, notification and re-consent plan.

    Parameters
    ----------
    old, new
        The current and the proposed manifest (see `pia.declare.revisions.load_side` to read them from git).
    method
        Risk method for VII.2(5), passed to `pia.risk.scoring.assess`; the engine runs only when something changed.

    Returns
    -------
    ChangeReview
        Changes sorted by path, each with its trigger and reason; triggers; notify; re-consent reasons.
    """
    method = str(method)
    classified = []
    for ch in diff(old, new):
        trig, reason = classify(ch)
        clause = TRIGGERS[trig].clause if trig else MINOR_CLAUSE
        classified.append(ClassifiedChange(path=ch.path, kind=ch.kind, before=ch.before, after=ch.after,
                                           trigger=trig, clause=clause, reason=reason))

    triggers = []
    for d in TRIGGERS.values():
        if d.id == "high_risk_assessment":
            continue
        paths = [c.path for c in classified if c.trigger == d.id]
        if paths:
            triggers.append(Trigger(id=d.id, clause=d.clause, title=d.title, in_policy_list=d.in_policy_list,
                                    changes=paths, detail=d.note))

    new_v = _verdict(new, method) if classified else None
    old_v = _verdict(old, method) if classified else None
    risk_trigger = _risk_trigger(old_v, new_v, bool(classified), classified)
    if risk_trigger is not None:
        for c in classified:
            if c.path in risk_trigger.changes and c.trigger is None:
                c.trigger, c.clause = risk_trigger.id, risk_trigger.clause
                c.reason = "part of an activity the risk engine rates newly high risk"
        order = list(TRIGGERS)
        triggers = sorted(triggers + [risk_trigger], key=lambda t: order.index(t.id))
    if classified:
        risk = RiskComparison(method=method, assessed=new_v is not None,
                              new_high_risk=new_v.high_risk if new_v else None,
                              old_high_risk=old_v.high_risk if old_v else None,
                              new_high_activities=list(new_v.high_activities) if new_v else [],
                              old_high_activities=list(old_v.high_activities) if old_v else [])
        risk.decision = _risk_decision(risk, risk_trigger)
    else:  # nothing changed: no policy update, nothing to assess
        risk = RiskComparison(method=method, assessed=False,
                              decision="Not assessed: nothing changed, so there is no policy update to classify.")

    significant = bool(triggers)
    reasons = reconsent_reasons(old, new)
    result = ChangeReview(
        method=method, old=_side(old), new=_side(new), significant=significant, triggers=triggers,
        changes=classified,
        notify=Notify(required=significant, channels=[c.value for c in new.notification_channels] if significant else []),
        reconsent_required=bool(reasons), reasons=reasons, risk=risk,
    )
    result._old, result._new = old, new
    return result
