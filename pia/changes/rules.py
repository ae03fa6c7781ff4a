"""Change review: classify each manifest change under the significant-change categories, decide and plan.

Rules are data (`RULES`, `TRIGGERS`); every change carries its trigger, clause and the rule's reason,
and the decision (notify, re-consent) names the changes and facts it rests on.
"""
from __future__ import annotations

import math
import os
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel, Field, PrivateAttr

from pia.changes.audience import Audience, audience, declared_kinds, sort_kinds
from pia.changes.assessment import AssessmentCase, pipl_cases
from pia.changes.diff import Change, ChangeKind, diff, pattern_of
from pia.changes.retention import Bound as RetentionBound
from pia.changes.retention import bound as retention_bound
from pia.declare.citations import by_regime
from pia.declare.findings import LegalFinding, legal_findings
from pia.declare.lint import Level
from pia.declare.manifest import DataElement, DataSubject, FlowKind, Manifest, ProcessingActivity, RecipientBasis
from pia.declare.measures import FearedEvent, MeasureStatus, catalogue, event_title
from pia.declare.taxonomy import load_taxonomy
from pia.declare.whose import is_childs
from pia.declare.transfers import leaving, regimes_left
from pia.declare.vocabulary import TRANSFER_RULES, basis_id, regime_of
from pia.errors import InputError, Problem
from pia.declare.text import Sentence
from pia.i18n import L_, N_, Listing, Message, Renumbered, Term, _

# --------------------------------------------------------------------------- catalogue (data)


@dataclass(frozen=True)
class TriggerDef:
    """A significant-change category: stable id, the clause it rests on, its short name and why users care."""

    id: str
    clause: str
    title: str
    name: str
    why: str
    in_policy_list: bool = True
    note: str = ""



TRIGGERS: dict[str, TriggerDef] = {t.id: t for t in (
    TriggerDef("service_mode", "VII.2(1)",
               N_("Service mode: the purpose of processing, the type of personal data or the way it is used"),
               N_("Service mode"),
               N_("We will use your information for something new, or use new kinds of information. "
               "You have a right to know what we collect and why before it starts.")),
    TriggerDef("ownership", "VII.2(2)",
               N_("Ownership or organisational structure (merger, acquisition, bankruptcy, change of controller)"),
               N_("Ownership"),
               N_("The companies that own or control the business behind the service change. "
               "Who stands behind your information matters, so we tell you directly.")),
    TriggerDef("recipients", "VII.2(3)",
               N_("Main recipients of sharing, transfer or public disclosure"), N_("Recipients"),
               N_("The organisations that receive your information, or what they receive, change. "
               "You should know who gets your information and why.")),
    TriggerDef("user_rights", "VII.2(4)",
               N_("The rights users have over their data and how they exercise them"), N_("Your rights"),
               N_("The way you use your rights over your information changes. The new way is described below.")),
    TriggerDef("high_risk_assessment", "VII.2(5)",
               N_("The personal-information impact assessment shows a higher risk"), N_("Impact assessment"),
               N_("Our own privacy impact assessment of the new version finds a higher risk for your information. "
               "We tell you directly so you can decide with full knowledge.")),
    TriggerDef("retention_lengthened", "PIPL Art. 17",
               N_("Personal data is kept longer"), N_("Longer retention"),
               N_("We will keep some of your information for longer than before. How long we keep it is part of "
               "what you are entitled to know."),
               in_policy_list=False,
               note=L_("VII.2 says its list is not exhaustive; the retention period is part of what users must be "
                       "told (PIPL Art. 17).")),
    TriggerDef("retention_unclear", "PIPL Art. 17",
               N_("The retention of personal data changes in words the kit cannot order (possibly longer)"),
               N_("Retention to confirm"),
               N_("How long we keep some of your information changes. The new period is described below."),
               in_policy_list=False,
               note=L_("pia default: the kit could not tell whether the new retention is longer; it is treated as "
                       "significant until the assessor compares the two periods (a longer retention is significant: "
                       "PIPL Art. 17).")),
    TriggerDef("promised_measure", "III",
               N_("A security measure the policy promises stops being in place"), N_("Promised protection"),
               N_("A protection of your information that our policy promises will no longer be fully in place."),
               in_policy_list=False,
               note=L_("VII.2 says its list is not exhaustive; section III promises these measures, so dropping one "
                       "changes what users were told.")),
    TriggerDef("cross_border", "PIPL Art. 38; PIPL Art. 39",
               N_("Personal data is stored abroad or provided to a recipient abroad"), N_("Cross-border"),
               N_("Some of your information will be stored or received outside the country. The law requires "
               "your separate consent for this."),
               in_policy_list=False,
               note=L_("VII.2 says its list is not exhaustive; providing data abroad needs separate consent "
                       "(PIPL Art. 39).")),
    TriggerDef("contact_channel", "GB/T 35273-2020 Annex D",
               N_("Department responsible for personal-information security, its contact details or the complaint channel"),
               N_("Contacts"),
               N_("Where to send questions, requests or complaints about your information changes."),
               in_policy_list=False,
               note=L_("Significant under the privacy-policy template of GB/T 35273-2020 Annex D; "
                       "the policy's own list (VII.2(1)-(5)) omits it.")),
)}

MINOR_CLAUSE = "VII.1"
_MINOR = L_("no significant-change category covers it: posting the updated policy is enough (VII.1)")
_WORDING = L_("wording only: the processing it describes is unchanged")
_CITATION = L_("clause citations document the manifest; they do not change the processing")


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
         L_("retention wording, or a shorter retention: posting the update is enough (VII.1)")),
    Rule("data_elements[*]", "service_mode",
         L_("a type of personal data is added or removed, or its category, sensitivity, group or source changes")),
    # processing activities: purposes and ways of use (VII.2(1)); their recipients (VII.2(3))
    Rule("processing_activities[*].name", None, _WORDING),
    Rule("processing_activities[*].clauses", None, _CITATION),
    Rule("processing_activities[*].subjects_count", None,
         L_("an estimate of scale; its effect on risk is judged under VII.2(5)")),
    Rule("processing_activities[*].measures", None,
         L_("a measure the policy does not promise, or one that improves; its effect on risk is judged under VII.2(5)")),
    Rule("processing_activities[*].consent_scope", None, L_("internal id of the consent records")),
    Rule("processing_activities[*].recipients", "recipients",
         L_("an activity starts or stops giving data to a recipient")),
    Rule("processing_activities[*]", "service_mode",
         L_("a purpose of processing, the data it uses, whose data, its legal basis or the way data is used changes")),
    # recipients (VII.2(3))
    Rule("recipients[*].name", None, _WORDING),
    Rule("recipients[*].clauses", None, _CITATION),
    Rule("recipients[*]", "recipients",
         L_("who receives data by sharing, transfer or public disclosure, what they receive, where or on what ground")),
    # controller: ownership (VII.2(2)) and contact points (GB/T 35273-2020 Annex D)
    Rule("controller.ownership.clauses", None, _CITATION),
    Rule("controller.ownership", "ownership", L_("the parent company or controlling shareholders change")),
    Rule("controller.legal_entity", "ownership", L_("the legal entity that controls the data changes")),
    Rule("controller.jurisdiction", "ownership", L_("the controller moves to another jurisdiction")),
    Rule("controller.security_department.clauses", None, _CITATION),
    Rule("controller.security_department", "contact_channel",
         L_("the department responsible for personal-information security or its contact details change")),
    Rule("controller.contact_clauses", None, _CITATION),
    Rule("controller.contact", "contact_channel", L_("the contact for questions and requests changes")),
    Rule("controller.complaint_channels[*].clauses", None, _CITATION),
    Rule("controller.complaint_channels", "contact_channel", L_("the channels for complaints change")),
    # rights (VII.2(4))
    Rule("rights[*].clauses", None, _CITATION),
    Rule("rights", "user_rights", L_("a right, how it is exercised, its limits or its deadline changes")),
    Rule("rejection_grounds[*].clauses", None, _CITATION),
    Rule("rejection_grounds", "user_rights", L_("the grounds on which a rights request may be refused change")),
    Rule("settings.rights_response_days", "user_rights", L_("the deadline to answer rights requests changes")),
    Rule("settings.erasure_grace_days", "user_rights", L_("the time to erase data after cancellation changes")),
    Rule("settings.minor_age", "service_mode", L_("who is treated as a minor needing a guardian's consent changes")),
    Rule("consent_exemptions[*].summary", None, _WORDING),
    Rule("consent_exemptions", "service_mode", L_("the situations in which data is used without consent change")),
    # announced as minor on purpose, with their reason
    Rule("notification_channels", None, L_("how changes are announced (VII.1); not a change of processing")),
    Rule("commitments", None, L_("commitments restate the policy; the facts they rest on are compared field by field")),
    Rule("service", None, L_("name, description and policy metadata of the service")),
    Rule("assumptions", None, L_("assumptions document the assessment; the facts they name are compared field by field")),
)


# Changes whose classification depends on their values or on the manifests, tried before the path rules.


def _element(m: Manifest | None, path: str) -> Any:
    """The data element a `data_elements[id]...` path names in `m` (None if absent)."""
    if m is None or not path.startswith("data_elements["):
        return None
    eid = path[len("data_elements["):path.index("]")]
    return next((e for e in m.data_elements if e.id == eid), None)


def _period(days: float) -> Message:
    return L_("no upper bound") if math.isinf(days) else L_("{days} days", days=format(days, "g"))


def _lengthened(change: Change, old: Manifest | None, new: Manifest | None) -> tuple[str, str] | None:
    """A retention that gets longer (PIPL Art. 17), or that changes in words the kit cannot order.

    Both sides with `max_days`: the numbers decide and the rule's wording is minor. Otherwise both periods are
    read from their text (`pia.changes.retention`); a change the kit cannot order goes to the assessor as
    `retention_unclear`, never silently minor.
    """
    p = pattern_of(change.path)
    if not p.startswith("data_elements[*].retention") or p.startswith("data_elements[*].retention.clauses"):
        return None
    if change.kind is ChangeKind.added and p == "data_elements[*].retention.max_days" and old is None:
        return None
    el_old, el_new = _element(old, change.path), _element(new, change.path)
    if el_old is not None and el_new is not None:
        b_old, b_new = retention_bound(el_old.retention), retention_bound(el_new.retention)
    elif p == "data_elements[*].retention.max_days":  # values only (no manifests): the numbers as before
        b_old = RetentionBound(None if change.before is None else float(change.before), "max_days")
        b_new = RetentionBound(math.inf if change.after is None else float(change.after), "max_days")
        if b_old.days is None:
            return None
    else:
        return None
    if b_old.how == "max_days" and b_new.how == "max_days" and p != "data_elements[*].retention.max_days":
        return None  # the bounds are compared on the max_days change; the wording alone is minor
    if b_old.days is None or b_new.days is None or (math.isinf(b_old.days) and math.isinf(b_new.days)):
        return "retention_unclear", L_(
            "pia default: the retention changes and the kit cannot tell whether it gets longer ({before} -> {after}); "
            "treated as possibly significant until the assessor orders the two periods (set max_days on both)",
            before=_period(b_old.days) if b_old.days is not None else L_("unreadable"),
            after=_period(b_new.days) if b_new.days is not None else L_("unreadable"))
    if b_new.days > b_old.days:
        src = "" if b_old.how == b_new.how == "max_days" else L_(" (read from the retention text)")
        return "retention_lengthened", L_("retention lengthened from {before} to {after}{src}", before=_period(b_old.days),
                                          after=_period(b_new.days), src=src)
    return None


def _status(value: Any) -> str | None:
    """A measure's status from a diff value (`{status, note}` or the status alone)."""
    return value.get("status") if isinstance(value, dict) else value


def _measure_dropped(change: Change, old: Manifest | None, new: Manifest | None) -> tuple[str, str] | None:
    """A measure the policy promises in section III that was implemented and no longer is."""
    p = pattern_of(change.path)
    if not p.startswith("processing_activities[*].measures."):
        return None
    parts = p.split(".")
    if len(parts) not in (3, 4) or (len(parts) == 4 and parts[3] != "status"):
        return None
    measure = parts[2]
    entry = catalogue(new.measures if new is not None else None).get(measure)
    promised = [c for c in (entry.policy_clauses if entry else []) if c.startswith("III.")]
    if not promised or _status(change.before) != MeasureStatus.implemented.value:
        return None
    after = _status(change.after)
    state = L_("removed") if after is None else L_("now {status}", status=Term(str(after)))
    return "promised_measure", L_("{measure}, promised by {clauses}, was implemented and is {state}", measure=measure,
                                  clauses=", ".join(promised), state=state)


def _leaves(m: Manifest | None, fact: Any, activity: str | None = None) -> list[str]:
    """The regimes whose people's data a storage location or recipient of `m` takes out (pia.declare.transfers).

    Each regime read by its own rule (`leaving`): for a Chinese controller serving the EU, Frankfurt takes no one's
    data out (PIPL Art. 3), a processor in China takes the EU people's; for a Dutch controller Ireland is not abroad.
    `activity`: that activity only, else every activity that stores there or names the recipient.
    """
    if m is None or not isinstance(fact, str):
        return []
    out: list[str] = []
    for a in m.processing_activities:
        if (activity is None or a.id == activity) and (fact in a.storage.locations or fact in a.recipients):
            out += [r for r in regimes_left(m, a, fact) if r not in out]
    return out


def _outside(m: Manifest, regimes: list[str]) -> str:
    """Whose territory the data leaves, in words: the controller's country when only its regime is left (as before)."""
    return m.controller.jurisdiction if regimes == [regime_of(m.controller.jurisdiction)] else " / ".join(regimes)


def _activity_of(path: str) -> str | None:
    return path[len("processing_activities["):].split("]", 1)[0] if path.startswith("processing_activities[") else None


def _cross_border(change: Change, old: Manifest | None, new: Manifest | None) -> tuple[str, str] | None:
    p = pattern_of(change.path)
    if p == "processing_activities[*].storage.locations[*]" and change.kind is ChangeKind.added \
            and new is not None and (left := _leaves(new, change.after, _activity_of(change.path))):
        return "cross_border", L_("data starts being stored in {location}, outside {jurisdiction}",
                                  location=change.after, jurisdiction=_outside(new, left))
    if p == "processing_activities[*].storage.cross_border" and change.after is True:
        return "cross_border", L_("the activity now declares a cross-border transfer")
    if p == "recipients[*].location" and new is not None:
        rid = change.path[len("recipients["):].split("]", 1)[0]
        left = _leaves(new, rid)
        if left and not _leaves(old, rid):
            return "cross_border", L_("a recipient now processes data in {location}, outside {jurisdiction}",
                                      location=change.after, jurisdiction=_outside(new, left))
    return None


VALUE_RULES = (_lengthened, _measure_dropped, _cross_border)


def classify(change: Change, old: Manifest | None = None, new: Manifest | None = None) -> tuple[str | None, str]:
    """Trigger id (None: minor) and the reason: value rules first, then the first rule matching the path."""
    for value_rule in VALUE_RULES:
        found = value_rule(change, old, new)
        if found is not None:
            return found
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
    also: list[str] = Field(default_factory=list, description="Further triggers the same change falls under.")
    clause: str = Field(description="Clause or standard the classification rests on.")
    reason: Sentence = Field(description="Why the change falls under its trigger, or why it is minor.")


class LevelChange(BaseModel):
    """An activity whose residual risk level rises from OLD to NEW (VII.2(5))."""

    activity: str = Field(description="Id of the processing activity.")
    before: str | None = Field(None, description="Residual level in OLD (None: the activity is new).")
    after: str = Field(description="Residual level in NEW.")
    unacceptable: bool = Field(False, description="Whether the NEW level reaches the method's unacceptable level.")


class RiskShift(BaseModel):
    """An activity in both versions whose risk changes without its residual level rising (e.g. already at the top).

    GDPR Art. 35(11) asks for a review at least when the risk represented by the processing changes; a level that
    cannot rise any more hides such a change, so the kit compares what the level is made of.
    """

    activity: str = Field(description="Id of the processing activity (present in OLD and NEW).")
    high: bool = Field(description="Whether the activity is at the organisation's unacceptable level in NEW.")
    criteria: list[str] = Field(default_factory=list, description="Screening criteria newly met (wp248.8, pipl55.4, ...).")
    causes: list[str] = Field(default_factory=list, description=(
        "Screening criteria met in both versions whose facts change (new causes: a technology, data or recipient)."))
    events: list[str] = Field(default_factory=list, description=(
        "Feared events whose residual severity or likelihood score rises (`event:impact`, `event:likelihood`)."))
    exposure: list[str] = Field(default_factory=list, description=(
        "Feared events whose combined exposure rises, and likelihood factor groups whose rating rises "
        "(`event` or `event:group`)."))
    evidence: Sentence = Field("", description="The shift in words.")


class Trigger(BaseModel):
    """A significant-change category that applies, with the changes behind it."""

    id: str = Field(description="Stable trigger id (service_mode, ownership, ...).")
    clause: str = Field(description="Clause of the policy, or the standard, that makes it significant.")
    title: str = Field(description="What the category covers.")
    name: str = Field("", description="Short name of the category (from the trigger catalogue).")
    in_policy_list: bool = Field(description="Whether the policy's own list in VII.2 names it.")
    changes: list[str] = Field(default_factory=list, description="Paths of the changes behind it.")
    rises: list[LevelChange] = Field(default_factory=list,
                                     description="VII.2(5) only: activities whose residual level rises, before -> after.")
    shifts: list[RiskShift] = Field(default_factory=list, description=(
        "VII.2(5) only: activities at the unacceptable level whose risk changes without the level rising."))
    detail: Sentence = Field("", description="Further explanation (e.g. a gap in the policy's list).")


class Notify(BaseModel):
    """How users are told."""

    required: bool = Field(description="Whether users must be notified actively (a significant change).")
    channels: list[str] = Field(default_factory=list, description="Channels from NEW's notification_channels, when required.")
    posted: bool = Field(True, description="Every change is posted with the updated policy (VII.1).")
    clause: str = Field("VII.1", description="Clause requiring posting and active notification.")
    audience: Audience = Field(default_factory=lambda: Audience(everyone=True), description=(
        "Whom the significant changes concern (the manifests' data subjects): the notice goes to them only when "
        "no change concerns everyone."))


@dataclass(frozen=True)
class ReasonDef:
    """A kind of re-consent reason and the law it rests on."""

    kind: str
    clause: str


# A DPIA is needed before processing likely to result in a high risk (GDPR Art. 35(1)); WP248 rev.01: in most cases
# processing meeting two criteria requires one, so a new activity is flagged even when its scored risk is medium
DPIA_SOURCE = N_("GDPR Art. 35(1); WP248 (in most cases, two criteria call for a DPIA)")  # its remark translated
# The review of an assessment when the risk represented by the processing changes
REVIEW_SOURCE = "GDPR Art. 35(11)"

REASONS: dict[str, ReasonDef] = {r.kind: r for r in (
    ReasonDef("new_purpose", "preamble; I; PIPL Art. 14"),
    ReasonDef("purpose_outside_exemption", "I.5; PIPL Art. 13; PIPL Art. 14"),
    ReasonDef("new_data_type", "PIPL Art. 14"),
    ReasonDef("new_sensitive_category", "PIPL Art. 29; GB/T 35273-2020 5.4"),
    ReasonDef("cross_border", "PIPL Art. 39"),
    ReasonDef("new_consent_recipient", "PIPL Art. 23"),
)}


class ReconsentReason(BaseModel):
    """Why fresh consent must be asked before NEW applies."""

    kind: str = Field(description="One of REASONS: new_purpose, purpose_outside_exemption, new_data_type, "
                                  "new_sensitive_category, cross_border or new_consent_recipient.")
    subject: str = Field(description="Id of the activity, category or recipient concerned.")
    activity: str | None = Field(None, description=(
        "new_sensitive_category only: the activity that starts processing the category (judged per activity)."))
    clause: str = Field(description="Clause and law the reason rests on.")
    text: Sentence = Field(description="The reason in words.")


class ScreenedActivity(BaseModel):
    """A new activity whose screening calls for an impact assessment before it starts, whatever its risk level."""

    activity: str = Field(description="Id of the new processing activity.")
    level: str | None = Field(None, description="Its residual risk level in NEW.")
    wp248_met: int = Field(description="How many of the nine WP248 criteria it meets (two or more: DPIA).")
    criteria: list[str] = Field(default_factory=list, description="Ids of the WP248 criteria met (wp248.4, ...).")
    clause: str = Field(DPIA_SOURCE, description="The rule: GDPR Art. 35(1) and the WP248 two-criteria rule.")


class RiskComparison(BaseModel):
    """The risk engine's verdicts on OLD and NEW, for VII.2(5)."""

    method: str = Field(description="Risk method used.")
    assessed: bool = Field(description="Whether the risk engine ran (it runs only when something changed).")
    new_high_risk: bool | None = Field(None, description="Verdict on NEW.")
    old_high_risk: bool | None = Field(None, description="Verdict on OLD.")
    new_high_activities: list[str] = Field(default_factory=list, description="Activities of NEW judged high risk.")
    old_high_activities: list[str] = Field(default_factory=list, description="Activities of OLD judged high risk.")
    rises: list[LevelChange] = Field(default_factory=list, description="Activities whose residual level rises.")
    shifts: list[RiskShift] = Field(default_factory=list, description=(
        "Activities in both versions whose risk changes although their residual level does not rise (GDPR Art. 35(11))."))
    decision: Sentence = Field("", description="Whether VII.2(5) applies, and why.")
    assessment_required: list[ScreenedActivity] = Field(default_factory=list, description=(
        "New activities whose WP248 screening calls for an impact assessment (GDPR Art. 35(1)), at any risk level."))
    pipl_assessment_required: list[AssessmentCase] = Field(default_factory=list, description=(
        "Where PIPL applies: each PIPL Art. 55 case the change newly brings to an activity, which needs a "
        "personal-information protection impact assessment before the change goes live."))


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
    prohibited: list[LegalFinding] = Field(default_factory=list, description=(
        "NEW's findings of processing the law prohibits (`pia check` errors, e.g. special-category data with no GDPR "
        "Art. 9(2) condition): the change cannot go live as declared, whatever the notice says. In the JSON only "
        "when there is one."))
    new_warnings: list[LegalFinding] = Field(default_factory=list, description=(
        "NEW's warnings (`pia check`) that OLD did not give for the same rule and item: what the change brings to act "
        "on besides the notice (e.g. a processor using its customers' data for its own purpose, GDPR Art. 28(10)). "
        "In the JSON only when there is one."))

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
        if not self.prohibited:  # documents of lawful versions stay as they were
            data.pop("prohibited", None)
        if not self.new_warnings:
            data.pop("new_warnings", None)
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
    """The risk engine's verdict on one manifest: per activity residual level, on the method's scale."""

    high_risk: bool
    high_activities: tuple[str, ...] = ()
    levels: tuple[tuple[str, str], ...] = ()
    scale: tuple[str, ...] = ()
    profiles: tuple[tuple[str, Profile], ...] = ()


@dataclass(frozen=True)
class Profile:
    """What one activity's risk is made of: screening criteria with their facts, scores, exposure, factor ratings."""

    criteria: tuple[tuple[str, str], ...] = ()  # (criterion id, its evidence in English) for each criterion met
    scores: tuple[tuple[str, float, float, float], ...] = ()  # (feared event, impact, likelihood, exposure)
    factors: tuple[tuple[str, str, int], ...] = ()  # (feared event, likelihood factor group, rating)
    evidence: tuple[tuple[str, Any], ...] = ()  # (criterion id, its evidence as a Message, for the reader's language)


def _verdict(manifest: Manifest, method: str) -> Verdict:
    """The risk engine's verdict (imported lazily; a broken engine fails here, it is never 'not assessed')."""
    from pia.risk.scoring import assess

    assessment = assess(manifest, method=method)
    profiles = []
    for a in assessment.activities:
        met = [c for c in a.screening.get("criteria", []) if c.get("met")]
        criteria = tuple(sorted((str(c["id"]), str(c.get("evidence", ""))) for c in met))
        evidence = tuple(sorted(((str(c["id"]), c.get("evidence", "")) for c in met), key=lambda x: x[0]))
        scores = tuple(sorted((_fe(fe), s.impact_score, s.likelihood_score, float(a.exposure.get(fe, 0.0)))
                              for fe, s in a.residual.items()))
        factors = tuple(sorted((_fe(fe), f.group, f.rating) for fe, rs in a.likelihood_factors.items() for f in rs))
        profiles.append((a.id, Profile(criteria, scores, factors, evidence)))
    return Verdict(bool(assessment.high_risk),
                   tuple(sorted(a.id for a in assessment.activities if a.unacceptable)),
                   tuple(sorted((a.id, a.level) for a in assessment.activities)),
                   tuple(assessment.levels["risk"]), tuple(sorted(profiles, key=lambda x: x[0])))


def _fe(event: Any) -> str:
    return str(getattr(event, "value", event))


# a score must rise by more than rounding noise to count (scores are kept to four decimals)
_EPS = 1e-3


def _criteria_words(ids: list[str]) -> Listing:
    """Screening criteria for the reader: each one's name and source, in the reader's language.

    E.g. `providing personal information abroad (PIPL Art. 55(4))`; the ids stay in the JSON fields `criteria`
    and `causes`.
    """
    from pia.risk.screening import RULES

    # names and sources are msgids (pia.report.names.SCREENING_NAMES, pia.risk.screening.PIPL55_ITEMS, the sources'
    # words), so a Message of each renders in the reader's language; an id no rule has is shown as it is
    rules = {r.id: r for r in RULES}
    return Listing((L_("{criterion} ({source})", criterion=Message(rules[c].name), source=Message(rules[c].source))
                    if c in rules else c for c in ids), ", ")


# The gauges of a score that rises (`event:impact`, `event:likelihood`), in words: `impact` is the severity of the
# feared event (the CNIL's word; GB/T 39335-2020 calls it the impact, Annex D).
_GAUGE_WORDS = {"impact": N_("severity of {event}"), "likelihood": N_("likelihood of {event}")}


def _event_words(event: str) -> Message | str:
    """A feared event by its name (pia/data/measures.yaml titles, marked in pia.report.names.EVENT_NAMES)."""
    return Message(event_title(event)) if event in {e.value for e in FearedEvent} else event


def _score_words(key: str) -> Message | str:
    """`event:gauge` in words in the reader's language (`likelihood of illegitimate access`); an unknown key as is."""
    event, _sep, gauge = key.partition(":")
    return L_(_GAUGE_WORDS[gauge], event=_event_words(event)) if gauge in _GAUGE_WORDS else key


def _exposure_words(key: str) -> Message | str:
    """`event` or `event:group` in words: the feared event, or the likelihood factor group for it."""
    from pia.risk.likelihood import CNIL_GROUPS, GBT_GROUPS

    event, _sep, group = key.partition(":")
    if not group:
        return _event_words(event)
    groups = {**GBT_GROUPS, **CNIL_GROUPS}
    return L_("{group}, for {event}", group=Message(groups[group][0]), event=_event_words(event)) \
        if group in groups else key


def risk_shifts(old_v: Verdict, new_v: Verdict, rises: list[LevelChange]) -> list[RiskShift]:
    """Activities in both versions whose risk changes although their residual level does not rise.

    A shift is a screening criterion newly met (WP248, GB/T 39335-2020, PIPL Art. 55), new facts behind a criterion
    already met, a feared event whose residual severity or likelihood score rises, or a rise of exposure or of a
    likelihood factor group's rating.
    """
    old_p, new_p = dict(old_v.profiles), dict(new_v.profiles)
    risen = {r.activity for r in rises}
    high = set(new_v.high_activities)
    out = []
    for act in sorted(set(old_p) & set(new_p) - risen):
        o, n = old_p[act], new_p[act]
        o_crit, n_crit = dict(o.criteria), dict(n.criteria)
        criteria = sorted(set(n_crit) - set(o_crit))
        causes = sorted(c for c in set(n_crit) & set(o_crit) if n_crit[c] != o_crit[c])
        o_scores = {fe: (i, li, ex) for fe, i, li, ex in o.scores}
        events, exposure = [], []
        for fe, i, li, ex in n.scores:
            bi, bli, bex = o_scores.get(fe, (0.0, 0.0, 0.0))
            events += [f"{fe}:impact"] if i > bi + _EPS else []
            events += [f"{fe}:likelihood"] if li > bli + _EPS else []
            exposure += [fe] if ex > bex + _EPS else []
        o_fac = {(fe, g): r for fe, g, r in o.factors}
        exposure += [f"{fe}:{g}" for fe, g, r in n.factors if r > o_fac.get((fe, g), 0)]
        if not (criteria or causes or events or exposure):
            continue
        parts = []
        if criteria:
            parts.append(L_("screening criteria newly met: {criteria}", criteria=_criteria_words(criteria)))
        if causes:
            said = dict(n.evidence)
            facts = list({n_crit[c]: said.get(c, n_crit[c]) for c in causes}.values())  # once each, in its language
            parts.append(L_("new facts behind {criteria}: {facts}", criteria=_criteria_words(causes),
                            facts=Listing(facts, "; ")))
        if events:
            parts.append(L_("residual scores rise for {events}", events=Listing(map(_score_words, events), ", ")))
        if exposure:
            parts.append(L_("exposure rises for {events}", events=Listing(map(_exposure_words, sorted(exposure)),
                                                                          "; ")))
        out.append(RiskShift(activity=act, high=act in high, criteria=criteria, causes=causes, events=events,
                             exposure=sorted(exposure), evidence=Listing(parts, "; ")))
    return out


def level_rises(old_v: Verdict, new_v: Verdict) -> list[LevelChange]:
    """Activities whose residual level rises from OLD to NEW, and new activities at an unacceptable level."""
    old_levels, new_levels = dict(old_v.levels), dict(new_v.levels)
    scale = new_v.scale or old_v.scale
    high = set(new_v.high_activities)
    out: dict[str, LevelChange] = {}
    for act, after in new_levels.items():
        before = old_levels.get(act)
        rises = (before is None and act in high) or (
            before is not None and before in scale and after in scale and scale.index(after) > scale.index(before))
        if rises:
            out[act] = LevelChange(activity=act, before=before, after=after, unacceptable=act in high)
    for act in sorted(high - set(old_v.high_activities) - set(out)):  # engines that give no levels
        out[act] = LevelChange(activity=act, before=old_levels.get(act), after=new_levels.get(act, "unacceptable"),
                               unacceptable=True)
    return [out[a] for a in sorted(out)]


def new_activities_needing_assessment(old: Manifest, new: Manifest, levels: dict[str, str] | None = None
                                      ) -> list[ScreenedActivity]:
    """The activities of NEW absent from OLD that meet two or more WP248 criteria (where the GDPR applies).

    The Directive (EU) 2024/2831 Art. 8 case (`pwd.8`, automated monitoring or decisions on platform workers) is
    listed among the criteria; it always comes with two WP248 criteria (2 or 3, and 7 for the platform workers).
    """
    from pia.risk.screening import WP248_REQUIRED, Framework, screen

    known = {a.id for a in old.processing_activities}
    out = []
    for a in new.processing_activities:
        if a.id in known:
            continue
        criteria = screen(new, a)
        met = [c.id for c in criteria if c.met and c.framework is Framework.wp248]
        pwd = [c.id for c in criteria if c.met and c.framework is Framework.pwd]
        if len(met) >= WP248_REQUIRED or pwd:  # pwd alone cannot happen today; the Directive binds regardless
            out.append(ScreenedActivity(activity=a.id, level=(levels or {}).get(a.id), wp248_met=len(met),
                                        criteria=met + pwd))
    return sorted(out, key=lambda x: x.activity)


def _risk_trigger(rises: list[LevelChange], changes: list[ClassifiedChange], clause: str = "VII.2(5)",
                  listed: bool = True, shifts: list[RiskShift] | None = None) -> Trigger | None:
    """VII.2(5) applies when a change raises an activity's residual level, or changes the risk of one already high.

    pia default: for an activity already at the unacceptable level, the assessment of the changed processing shows
    a high risk with causes the earlier one did not weigh; a level at the top of the scale cannot rise to show it.
    """
    high_shifts = [x for x in shifts or [] if x.high]
    if not changes or not (rises or high_shifts):
        return None
    prefixes = tuple(f"processing_activities[{a}]" for a in [r.activity for r in rises] + [x.activity for x in high_shifts])
    paths = sorted(c.path for c in changes if c.path.startswith(prefixes))
    d = TRIGGERS["high_risk_assessment"]
    return Trigger(id=d.id, clause=clause, title=d.title, name=d.name, in_policy_list=listed,
                   changes=paths, rises=rises, shifts=high_shifts)


def _shift_words(shifts: list[RiskShift]) -> Message:
    return Listing((L_("{activity}: {evidence}", activity=x.activity, evidence=x.evidence) for x in shifts), "; ")



def _finding_key(f: LegalFinding) -> tuple[str, str | None, str | None, str | None]:
    return (f.rule, f.activity, f.element, f.recipient)


def new_warnings(old: Manifest, found: list[LegalFinding]) -> list[LegalFinding]:
    """The warnings among NEW's findings (`found`) that OLD did not give for the same rule and item.

    A change can bring a legal fault no notice settles (a processor's own use of its customers' data, GDPR Art.
    28(10); a transfer with no safeguard): the review lists it beside the notification plan. Errors are `prohibited`.
    """
    before = {_finding_key(f) for f in legal_findings(old)}
    return [f for f in found if f.severity is Level.warning and _finding_key(f) not in before]

def _risk_decision(risk: RiskComparison, clause: str = "VII.2(5)", review_clause: str = "") -> str:
    """Whether the risk condition applies; never 'does not apply' when the risk of an activity changed."""
    if not risk.assessed:
        return L_("Not assessed: nothing changed, so there is no policy update to classify.")
    high = [x for x in risk.shifts if x.high]
    other = [x for x in risk.shifts if not x.high]
    review = L_(" The assessment of these activities is reviewed ({source}).", source=review_clause) \
        if review_clause else ""
    if risk.rises:
        moves = Listing(L_("{activity} {before} -> {after}", activity=r.activity,
                           before=Term(r.before) if r.before else L_("new"), after=Term(r.after)) for r in risk.rises)
        more = L_(" The risk also changes at an unchanged level: {shifts}.", shifts=_shift_words(risk.shifts)) \
            if risk.shifts else ""
        return L_("{clause} applies: residual risk rises ({moves}).{more}", clause=clause, moves=moves, more=more)
    if high:
        return L_("{clause} applies: the risk of activities already at the unacceptable level changes ({shifts}); "
                  "their level cannot rise further, but the risk they pose is not the one assessed before.{review}",
                  clause=clause, shifts=_shift_words(high), review=review)
    if other:
        return L_("No activity's residual level rises, but the risk of the processing changes ({shifts}).{review}",
                  shifts=_shift_words(other), review=review)
    if risk.new_high_risk:
        return L_("{clause} does not apply to this revision: NEW is high risk, but no activity's residual level rises.",
                  clause=clause)
    return L_("{clause} does not apply: no activity's residual level rises.", clause=clause)


# Where the policy has no clause for a kind of change, the kit cites the list it takes the kinds from.
STANDARD_LIST = "GB/T 35273-2020 Annex D"
# Under the GDPR no list of significant changes exists; the transparency guidelines say material changes are told
GDPR_CHANGES = "WP260 rev.01"


def standard_list(m: Manifest) -> str:
    """The source the kit takes the kinds of significant change from, for `m`'s regimes."""
    return by_regime(m.regimes, STANDARD_LIST, GDPR_CHANGES)


# The GDPR source of a kind of change whose kit source is Chinese, used where the GDPR applies
GDPR_TRIGGER_CLAUSES = {"retention_lengthened": "GDPR Art. 13(2)(a)", "retention_unclear": "GDPR Art. 13(2)(a)",
                        "contact_channel": "GDPR Art. 13(1)(a)",
                        "high_risk_assessment": "GDPR Art. 35(11)"}


# Each regime's rule for personal data leaving it, cited for the people that regime protects: the GDPR's Chapter V
# (Art. 44 general principle, Art. 45 adequacy, Art. 46 safeguards) and PIPL's conditions and separate consent.
CHANGE_TRANSFER_RULES = {"CN": "PIPL Art. 38; PIPL Art. 39", "EU": "GDPR Art. 44; GDPR Art. 45; GDPR Art. 46",
                         "UK": "GDPR Art. 44; GDPR Art. 45; GDPR Art. 46 (as the UK GDPR)"}


def transfer_regimes(m: Manifest, locations: Iterable[str] | None = None) -> list[str]:
    """The regimes of `m` whose people's data leaves them to `locations` (None: any place abroad), in order."""
    locs = None if locations is None else [regime_of(x) for x in locations]
    return [r for r in sorted(m.regimes) if r in CHANGE_TRANSFER_RULES and (locs is None or any(x != r for x in locs))]


def trigger_clause(m: Manifest, trigger: str | None, locations: Iterable[str] | None = None) -> str:
    """The clause that makes a kind of change significant (or, for None, requires posting) in `m`'s policy.

    For `cross_border`, each regime's rule for the people it protects (`locations`: where the data goes).
    """
    if trigger is None:
        return m.cite("posting", MINOR_CLAUSE) or standard_list(m)
    d = TRIGGERS[trigger]
    if trigger == "cross_border" and m.cite(trigger, None) is None:
        rules = [CHANGE_TRANSFER_RULES[r] for r in transfer_regimes(m, locations)]
        return "; ".join(rules) if rules else TRANSFER_RULES.get(regime_of(m.controller.jurisdiction), d.clause)
    own = m.cite(trigger, d.clause if d.in_policy_list else None)
    if own:
        return own
    fallback = STANDARD_LIST if d.in_policy_list else d.clause
    if trigger in GDPR_TRIGGER_CLAUSES:
        return by_regime(m.regimes, fallback, GDPR_TRIGGER_CLAUSES[trigger])
    return standard_list(m) if fallback == STANDARD_LIST else fallback


def trigger_why(m: Manifest, trigger: str) -> str:
    """Why users care about a kind of change, in words true under `m`'s laws."""
    if trigger == "cross_border" and "CN" in m.regimes and m.regimes & {"EU", "UK"}:
        # each law's rule for the people it protects: PIPL's separate consent is not a GDPR rule
        return _("Some of your information will be stored or received outside the country or region whose "
                 "data-protection law covers you. If you are in China, Chinese law requires your separate consent for "
                 "this. If you are in the European Union or the United Kingdom, the GDPR requires safeguards for it, "
                 "such as standard contractual clauses, rather than your consent.")
    if trigger == "cross_border" and "CN" not in m.regimes:
        return _("Some of your information will be stored or received outside the region whose data-protection law "
                 "covers you. The law requires safeguards for this, such as standard contractual clauses.")
    return _(TRIGGERS[trigger].why)


def _in_policy(m: Manifest, d: TriggerDef) -> tuple[bool, str]:
    """Whether `m`'s policy lists the kind of change `d`, and the note to give when it does not."""
    listed = m.cite(d.id, d.clause if d.in_policy_list else None) is not None
    if listed or m.cite("service_mode") == TRIGGERS["service_mode"].clause:
        return listed, d.note  # the reference numbering: its own note
    if d.id == "cross_border":
        return False, L_("pia default: data leaving the regime of the controller's law is treated as significant; "
                         "this policy does not list it.")
    if "CN" in m.regimes:
        return False, L_("Significant under the privacy-policy template of {source}; this policy does not list it.",
                         source=standard_list(m))
    return False, L_("Significant under {source}; this policy does not list it.", source=standard_list(m))


# --------------------------------------------------------------------------- re-consent


def _consent(legal_basis: str) -> bool:
    """Whether the basis is the person's consent (`consent`, PIPL Art. 13(1), GDPR Art. 6(1)(a))."""
    return basis_id(legal_basis) == "consent"


def _exemption(legal_basis: str, m: Manifest) -> bool:
    """Whether the basis is a consent exemption the policy declares (contract is the twin of I.5(7)).

    A legal obligation is no exemption the service chose: a changed purpose under it needs no consent.
    """
    declared = {x.clause for x in m.consent_exemptions}
    return basis_id(legal_basis) == "contract" or legal_basis in declared or legal_basis.startswith("I.5(")


def _reason(kind: str, subject: str, text: str, clause: str | None = None) -> ReconsentReason:
    return ReconsentReason(kind=kind, subject=subject, clause=clause or REASONS[kind].clause, text=text)


def _consent_clause(flow: FlowKind) -> str:
    return {FlowKind.share: "IV.1(1)", FlowKind.transfer: "IV.2(1)", FlowKind.disclosure: "IV.3(1)"}[flow]


def _purpose_reasons(old: Manifest, new: Manifest) -> list[ReconsentReason]:
    """New or changed purposes that need consent.

    A consent-based purpose needs consent again; an exemption claimed for the old purpose does not carry over to a
    changed one (pia default: the kit cannot tell whether the exemption still covers it).
    """
    out: list[ReconsentReason] = []
    old_acts = {a.id: a for a in old.processing_activities}
    for act in sorted(new.processing_activities, key=lambda a: a.id):
        before = old_acts.get(act.id)
        if before is not None and before.purpose == act.purpose:
            continue
        if _consent(act.legal_basis):
            what = L_("new purpose") if before is None else L_("changed purpose")
            out.append(_reason("new_purpose", act.id,
                               L_("{what} '{name}' (activity {activity}, legal basis consent): {purpose} The policy "
                                  "limits use to the purposes it lists; consent given for another purpose does not "
                                  "cover it.", what=what, name=act.name, activity=act.id, purpose=act.purpose)))
        elif before is not None and _exemption(act.legal_basis, new) and before.legal_basis == act.legal_basis:
            out.append(_reason("purpose_outside_exemption", act.id,
                               L_("changed purpose of '{name}' (activity {activity}) under {basis}: {purpose} The "
                                  "exemption was claimed for the old purpose; unless the assessor shows it still covers "
                                  "the new one, the user's consent is needed.", name=act.name, activity=act.id,
                                  basis=act.legal_basis, purpose=act.purpose)))
    return out


def _data_type_reasons(old: Manifest, new: Manifest) -> list[ReconsentReason]:
    """A consent-based activity that starts using another data element needs consent for it (PIPL Art. 14)."""
    out: list[ReconsentReason] = []
    old_acts = {a.id: a for a in old.processing_activities}
    names = {e.id: e.name for e in new.data_elements}
    for act in sorted(new.processing_activities, key=lambda a: a.id):
        before = old_acts.get(act.id)
        if before is None or not _consent(act.legal_basis):
            continue
        added = sorted(set(act.data_elements) - set(before.data_elements))
        if added:
            what = Listing(L_("{name} ({element})", name=names.get(e, e), element=e) for e in added)
            out.append(_reason("new_data_type", act.id,
                               L_("'{name}' (activity {activity}, legal basis consent) starts using {elements}: the "
                                  "consent given covers the data types the user was told of, not new ones.",
                                  name=act.name, activity=act.id, elements=what)))
    return out


def _explicit_consent_condition(act: ProcessingActivity) -> bool:
    """Whether the GDPR condition for the activity's special-category data is explicit consent (Art. 9(2)(a))."""
    return act.special_category_basis == "GDPR Art. 9(2)(a)" or (
        act.special_category_basis is None and _consent(act.legal_basis))


def _sensitive_reasons(old: Manifest, new: Manifest) -> list[ReconsentReason]:
    """Each activity that starts processing a sensitive category it did not process before (judged per activity).

    Separate consent for sensitive personal information is given for a processing, not for the service: another
    activity's earlier use of the category does not cover this one (PIPL Art. 29; GB/T 35273-2020 5.4). Under the
    GDPR the reason holds where explicit consent is the activity's Art. 9(2) condition (GDPR Art. 9(2)(a)).
    """
    tax = load_taxonomy()
    out: list[ReconsentReason] = []
    old_acts = {a.id: a for a in old.processing_activities}
    for act in sorted(new.processing_activities, key=lambda a: a.id):
        before = old_acts.get(act.id)
        had = {e.category for e in old.elements_of(before) if e.sensitive} if before is not None else set()
        by_cat: dict[str, list[str]] = {}
        overridden: dict[str, list[DataElement]] = {}
        for el in new.elements_of(act):
            if el.sensitive and el.category not in had:
                by_cat.setdefault(el.category, []).append(el.id)
                if not tax[el.category].sensitive:  # sensitive by its override, not by its category
                    overridden.setdefault(el.category, []).append(el)
        for cat, elements in sorted(by_cat.items()):
            laws = REASONS["new_sensitive_category"].clause
            if tax[cat].special_category and _explicit_consent_condition(act):
                laws += "; GDPR Art. 9(2)(a)"
            caveat = "" if _consent(act.legal_basis) or act.special_category_basis == "PIPL Art. 29" else L_(
                " Its basis {basis} does not carry the sensitive data unless the assessor shows another ground of "
                "PIPL Art. 13 covers it.", basis=act.legal_basis)
            if cat in overridden:
                # the category is general (user.name): say what makes these elements sensitive, not "sensitive category"
                children = [e.id for e in overridden[cat] if DataSubject.minors in e.data_subjects]
                why = L_("a child's information, sensitive under PIPL Art. 28 (the elements' override)") \
                    if len(children) == len(overridden[cat]) else L_("sensitive by the elements' override: {reasons}",
                                                                     reasons="; ".join(sorted(
                                                                         {str(e.sensitivity.reason) for e in
                                                                          overridden[cat] if e.sensitivity})))
                if len(children) == len(overridden[cat]):
                    laws += "; PIPL Art. 28"
                out.append(ReconsentReason(
                    kind="new_sensitive_category", subject=cat, activity=act.id, clause=laws,
                    text=L_("'{name}' (activity {activity}) starts processing {elements} ({cname}, {category}), "
                            "{why}: sensitive personal information needs the user's separate consent for this "
                            "processing; consent given for another activity does not cover it.{caveat}", name=act.name,
                            activity=act.id, category=cat, cname=Message(tax[cat].name), why=why,
                            elements=", ".join(sorted(elements)), caveat=caveat)))
                continue
            out.append(ReconsentReason(
                kind="new_sensitive_category", subject=cat, activity=act.id, clause=laws,
                text=L_("'{name}' (activity {activity}) starts processing sensitive category {category} ({cname}) in "
                        "{elements}: sensitive personal information needs the user's separate consent for this "
                        "processing; consent given for another activity does not cover it.{caveat}", name=act.name,
                        activity=act.id, category=cat, cname=Message(tax[cat].name),
                        elements=", ".join(sorted(elements)), caveat=caveat)))
    return out


def _cross_border_reasons(old: Manifest, new: Manifest) -> list[ReconsentReason]:
    """Storage abroad or a recipient abroad that starts needs the user's separate consent (PIPL Art. 39)."""
    out: list[ReconsentReason] = []
    # separate consent is PIPL's rule: where the GDPR applies too, say whose consent it is
    whose = L_(" This is PIPL's rule for people in China; for people in the European Union or the United Kingdom the "
               "GDPR asks for a transfer under its Chapter V (adequacy or safeguards), not for their consent.") \
        if "CN" in new.regimes and new.regimes & {"EU", "UK"} else ""
    # PIPL's view (pia.declare.transfers.leaving): the data of people in China leaving China
    def out_of_cn(m: Manifest, a: ProcessingActivity | None, kind: str) -> set[str]:
        return {t.fact for t in leaving(m, a, "CN") if t.kind == kind} if a is not None else set()

    old_acts = {a.id: a for a in old.processing_activities}
    for act in sorted(new.processing_activities, key=lambda a: a.id):
        before = old_acts.get(act.id)
        was, now = out_of_cn(old, before, "storage"), out_of_cn(new, act, "storage")
        if now - was or (out_of_cn(new, act, "cross_border") and not out_of_cn(old, before, "cross_border")):
            where = ", ".join(sorted(now - was)) or L_("abroad")
            out.append(_reason("cross_border", act.id,
                               L_("'{name}' (activity {activity}) starts storing data in {where}: providing personal "
                                  "data outside the country needs the user's separate consent, after telling them the "
                                  "foreign recipient's name, contact, purposes, methods and data categories and how to "
                                  "exercise their rights with it.{whose}", name=act.name, activity=act.id, where=where,
                                  whose=whose)))
    was_abroad = set().union(*(out_of_cn(old, a, "recipient") for a in old.processing_activities))
    abroad = set().union(*(out_of_cn(new, a, "recipient") for a in new.processing_activities))
    for rec in sorted(new.recipients, key=lambda r: r.id):
        if rec.id in abroad and rec.id not in was_abroad:
            out.append(_reason("cross_border", rec.id,
                               L_("recipient '{name}' ({recipient}) processes data in {location}: providing "
                                  "personal data outside the country needs the user's separate consent, after telling "
                                  "them the foreign recipient's name, contact, purposes, methods and data categories "
                                  "and how to exercise their rights with it.{whose}", name=rec.name, recipient=rec.id,
                                  location=rec.location, whose=whose)))
    return out


# The GDPR's ground for each kind of re-consent reason, for services under it (REASONS cite PIPL).
GDPR_REASONS = {"new_purpose": "GDPR Art. 6(1)(a); GDPR Art. 5(1)(b)",
                "purpose_outside_exemption": "GDPR Art. 6(1); GDPR Art. 5(1)(b)",
                "new_data_type": "GDPR Art. 6(1)(a)",
                "new_consent_recipient": "GDPR Art. 6(1)(a); GDPR Art. 13(1)(e)"}
_LAWS = ("PIPL", "GDPR", "GB/T")


def _localise(reasons: list[ReconsentReason], m: Manifest) -> list[ReconsentReason]:
    """The reasons in `m`'s terms: its own policy clauses only, the laws of its jurisdictions.

    Separate consent for providing data abroad is PIPL's rule (Art. 39): without CN among the regimes the
    cross-border reasons are dropped (the GDPR asks for safeguards, GDPR Art. 46, which `pia check` reports).
    """
    cn, gdpr = "CN" in m.regimes, bool(m.regimes & {"EU", "UK"})
    out = []
    for r in reasons:
        if r.kind == "cross_border" and not cn:
            continue
        ids = [c.strip() for c in r.clause.split(";") if c.strip()]
        policy = [c for c in ids if not c.startswith(_LAWS) and m.cite("", c)]
        laws = [c for c in ids if c.startswith(_LAWS) and not c.startswith("GDPR")] if cn or not gdpr else []
        if gdpr:  # the GDPR grounds a reason carries itself (judged per activity), else its kind's
            laws += [c for c in ids if c.startswith("GDPR")]
            if r.kind in GDPR_REASONS:
                laws.append(GDPR_REASONS[r.kind])
        if not laws and not policy:
            continue  # no law of this service's regimes asks for consent on this ground
        out.append(r.model_copy(update={"clause": "; ".join(policy + laws)}))
    return out


def reconsent_reasons(old: Manifest, new: Manifest) -> list[ReconsentReason]:
    """Reasons to ask for fresh consent: purposes, data types, sensitive categories, cross-border, recipients."""
    return _guardian(_localise(_reconsent_reasons(old, new), new), new)


GUARDIAN_PIPL = "PIPL Art. 31; PIPL Art. 28"
GUARDIAN_GDPR = "GDPR Art. 8(1)"


def _childs(el: DataElement) -> bool:
    return DataSubject.minors in el.data_subjects


def children_concerned(r: ReconsentReason, m: Manifest) -> list[str]:
    """Ids of the children's data elements a re-consent reason concerns (empty: no child's data).

    A child's data: an element declared `data_subjects: [minors]` (which a child override of a general category
    carries, see lint's `minors_data_not_sensitive`), or an element that declares no subjects in an activity whose
    subjects include minors (an element declared another's, such as a parent's phone, is not a child's).
    A recipient's reason concerns the elements of its data groups, and those of the activities sending to it.
    """
    acts = {a.id: a for a in m.processing_activities}
    recs = {x.id: x for x in m.recipients}
    to_recipient = r.kind == "new_consent_recipient" or (r.kind == "cross_border" and r.subject not in acts)
    act = None if to_recipient else acts.get(r.activity or "") or acts.get(r.subject)
    if act is not None:
        elements = m.elements_of(act)
        if r.kind == "new_sensitive_category":
            elements = [e for e in elements if e.category == r.subject]
        # the element's own data_subjects when it declares them (a parent's phone stays the parent's), else the
        # activity's (pia.declare.whose)
        return sorted(e.id for e in elements if is_childs(e, act))
    rec = recs.get(r.subject)
    if rec is None:
        return []
    groups = {str(g) for g in rec.data_groups}
    senders = [a for a in m.processing_activities if rec.id in a.recipients and DataSubject.minors in a.data_subjects]
    return sorted({e.id for e in m.data_elements if str(e.group) in groups and (
        _childs(e) or (not e.data_subjects and any(e.id in a.data_elements for a in senders)))})


def _guardian(reasons: list[ReconsentReason], m: Manifest) -> list[ReconsentReason]:
    """Fresh consent for a child's data is the parent's or guardian's: say so, with each regime's law and age.

    PIPL Art. 31: the information of a minor under 14 is processed with the consent of the parent or guardian (and is
    sensitive, Art. 28). GDPR Art. 8(1): for an information society service offered directly to a child, consent
    below the age the member state sets (13 to 16; `settings.minor_age`) is given or authorised by the holder of
    parental responsibility. Runs on the localised reasons: a law is named only where it asks for the consent.
    """
    cn, gdpr = "CN" in m.regimes, sorted(m.regimes & {"EU", "UK"})
    if not (cn or gdpr):
        return reasons
    ages = {r: m.settings.minor_age_for(r) for r in (["CN"] if cn else []) + gdpr}
    out = []
    for r in reasons:
        children = children_concerned(r, m)
        if not children:
            out.append(r)
            continue
        # each law's guardian rule where that law asks for the consent (the localised clause cites it): separate
        # consent for providing data abroad is PIPL's alone, the GDPR asks for Chapter V safeguards instead
        ids = [c.strip() for c in r.clause.split(";")]
        pipl = cn and any(c.startswith("PIPL") for c in ids)
        eu = gdpr if any(c.startswith("GDPR") for c in ids) else []
        if not (pipl or eu):
            out.append(r)
            continue
        laws = []
        if pipl:
            laws.append(L_("under PIPL Art. 31 for a child under {age}", age=ages["CN"]))
        if eu:
            age = min(ages[g] for g in gdpr)
            laws.append(L_("under GDPR Art. 8(1), where the service is offered directly to the child, for a child "
                           "under {age}", age=age) if len({ages[g] for g in gdpr}) == 1 else
                        L_("under GDPR Art. 8(1), where the service is offered directly to the child, for a child "
                           "under the age of its country ({ages})",
                           ages=", ".join(f"{g} {ages[g]}" for g in gdpr)))
        text = L_("{reason} It is a child's information ({elements}): the consent must be given by the child's parent "
                  "or guardian ({laws}).", reason=r.text, elements=", ".join(children), laws=Listing(laws, "; "))
        clause = "; ".join([r.clause] + ([GUARDIAN_PIPL] if pipl else []) + ([GUARDIAN_GDPR] if eu else []))
        ids = list(dict.fromkeys(c.strip() for c in clause.split(";")))  # PIPL Art. 28 once
        out.append(r.model_copy(update={"text": text, "clause": "; ".join(ids)}))
    return out


def _reconsent_reasons(old: Manifest, new: Manifest) -> list[ReconsentReason]:
    reasons = _purpose_reasons(old, new) + _data_type_reasons(old, new)

    reasons += _sensitive_reasons(old, new)
    reasons += _cross_border_reasons(old, new)

    old_recips = {r.id: r for r in old.recipients}
    for rec in sorted(new.recipients, key=lambda r: r.id):
        if rec.legal_basis is not RecipientBasis.consent:
            continue
        before = old_recips.get(rec.id)
        groups = [str(g) for g in rec.data_groups]
        if before is None:
            why = L_("new recipient '{name}' ({recipient}) receives {groups} data", name=rec.name, recipient=rec.id,
                     groups=Listing(Term(g) for g in groups))
        elif before.legal_basis is not RecipientBasis.consent:
            why = L_("recipient '{name}' ({recipient}) now relies on consent instead of {basis}", name=rec.name,
                     recipient=rec.id, basis=Term(before.legal_basis.value))
        else:
            extra = sorted(set(groups) - {str(g) for g in before.data_groups})
            if not extra:
                continue
            why = L_("recipient '{name}' ({recipient}) now also receives {groups} data", name=rec.name,
                     recipient=rec.id, groups=Listing(Term(g) for g in extra))
        reasons.append(_reason("new_consent_recipient", rec.id,
                               L_("{why} on the ground of consent: the user's consent must be asked for it.", why=why),
                               clause=f"{_consent_clause(rec.flow)}; {REASONS['new_consent_recipient'].clause}"))
    return reasons


# --------------------------------------------------------------------------- the review


def _side(m: Manifest) -> Side:
    return Side(source=m.source, sha256=m.sha256, service=m.service.id)


def _also(change: ClassifiedChange, new: Manifest) -> list[str]:
    """Further triggers of one change: a recipient added abroad is also a cross-border provision."""
    if pattern_of(change.path) == "recipients[*]" and change.kind is ChangeKind.added \
            and isinstance(change.after, dict) and _leaves(new, change.after.get("id")):
        return ["cross_border"]
    return []


def _destinations(change: Change | ClassifiedChange) -> list[str] | None:
    """Where a cross-border change sends data (None: abroad, place not named)."""
    p = pattern_of(change.path)
    if p == "processing_activities[*].storage.locations[*]" or p == "recipients[*].location":
        return [str(change.after)]
    if p == "recipients[*]" and isinstance(change.after, dict) and change.after.get("location"):
        return [str(change.after["location"])]
    return None


def _all_destinations(changes: Iterable[Change | ClassifiedChange]) -> list[str] | None:
    found = [_destinations(c) for c in changes]
    return None if any(f is None for f in found) else sorted({x for f in found if f for x in f})


def review(old: Manifest, new: Manifest, method: str | os.PathLike[str] | None = None,
           allow_different_services: bool = False) -> ChangeReview:
    """Review NEW against OLD: every change classified, the triggers, notification and re-consent plan.

    Parameters
    ----------
    old, new
        The current and the proposed manifest (see `pia.declare.revisions.load_side` to read them from git).
    method
        Risk method for VII.2(5), passed to `pia.risk.scoring.assess`; the engine runs only when something changed.
    allow_different_services
        Compare manifests of two different services (by default an `InputError`: such a diff is no revision).

    Returns
    -------
    ChangeReview
        Changes sorted by path, each with its trigger and reason; triggers; notify; re-consent reasons.
    """
    if old.service.id != new.service.id and not allow_different_services:
        raise InputError(Problem(new.source, f"service {new.service.id!r} is not {old.service.id!r} of OLD: a diff "
                                             "compares two versions of one service (--allow-different-services to "
                                             "compare anyway)", new.line_of("service", "id"), "service.id"))
    from pia.risk.methods import default_method

    # None: the method of the new version's regimes (gbt39335 under Chinese law, cnil for a GDPR-only service)
    method = str(method) if method else default_method(new.regimes)
    classified = []
    for ch in diff(old, new):
        trig, reason = classify(ch, old, new)
        clause = trigger_clause(new, trig, _destinations(ch) if trig == "cross_border" else None)
        if "VII." in reason and trigger_clause(new, "service_mode") != TRIGGERS["service_mode"].clause:
            # the reference policy's numbering in a rule's reason: say it in this policy's terms
            pairs = (("significant changes of VII.2", "significant changes"),
                     ("VII.2(5)", trigger_clause(new, "high_risk_assessment")), ("VII.1", trigger_clause(new, None)))
            reason = Renumbered(reason, pairs) if isinstance(reason, Message) else reason
        c = ClassifiedChange(path=ch.path, kind=ch.kind, before=ch.before, after=ch.after,
                             trigger=trig, clause=clause, reason=reason)
        c.also = _also(c, new)
        classified.append(c)

    triggers = []
    for d in TRIGGERS.values():
        if d.id == "high_risk_assessment":
            continue
        behind = [c for c in classified if c.trigger == d.id or d.id in c.also]
        paths = [c.path for c in behind]
        if paths:
            listed, note = _in_policy(new, d)
            where = _all_destinations(behind) if d.id == "cross_border" else None
            triggers.append(Trigger(id=d.id, clause=trigger_clause(new, d.id, where), title=d.title, name=d.name,
                                    in_policy_list=listed, changes=paths, detail=note))

    if classified:
        new_v, old_v = _verdict(new, method), _verdict(old, method)
        rises = level_rises(old_v, new_v)
        risk = RiskComparison(method=method, assessed=True, new_high_risk=new_v.high_risk,
                              old_high_risk=old_v.high_risk, new_high_activities=list(new_v.high_activities),
                              old_high_activities=list(old_v.high_activities), rises=rises,
                              shifts=risk_shifts(old_v, new_v, rises),
                              assessment_required=new_activities_needing_assessment(old, new, dict(new_v.levels)),
                              pipl_assessment_required=pipl_cases(
                                  old, new, [c.path for c in classified],
                                  [(r.activity, r.after) for r in rises if r.unacceptable]))
    else:  # nothing changed: no policy update, nothing to assess
        risk = RiskComparison(method=method, assessed=False)
    risk_clause = trigger_clause(new, "high_risk_assessment")
    risk.decision = _risk_decision(risk, risk_clause, REVIEW_SOURCE if new.regimes & {"EU", "UK"} else "")
    risk_trigger = _risk_trigger(risk.rises, classified, risk_clause, _in_policy(new, TRIGGERS["high_risk_assessment"])[0],
                                 risk.shifts)
    if risk_trigger is not None:
        shifted = {x.activity for x in risk_trigger.shifts}
        for c in classified:
            if c.path in risk_trigger.changes and c.trigger is None:
                c.trigger, c.clause = risk_trigger.id, risk_trigger.clause
                c.reason = L_("part of an activity whose risk changes at the unacceptable level") \
                    if any(c.path.startswith(f"processing_activities[{a}]") for a in shifted) \
                    else L_("part of an activity whose residual risk level rises")
        order = list(TRIGGERS)
        triggers = sorted(triggers + [risk_trigger], key=lambda t: order.index(t.id))

    significant = bool(triggers)
    reasons = reconsent_reasons(old, new)
    found = legal_findings(new)
    result = ChangeReview(
        method=method, old=_side(old), new=_side(new), significant=significant, triggers=triggers,
        changes=classified,
        notify=Notify(required=significant, channels=[c.value for c in new.notification_channels] if significant else [],
                      clause=trigger_clause(new, None),
                      audience=audience([c.path for c in classified if c.trigger is not None], old, new) if significant
                      else Audience(everyone=True, subjects=sort_kinds(declared_kinds(old, new)))),
        reconsent_required=bool(reasons), reasons=reasons, risk=risk,
        prohibited=[f for f in found if f.severity is Level.error], new_warnings=new_warnings(old, found),
    )
    result._old, result._new = old, new
    return result
