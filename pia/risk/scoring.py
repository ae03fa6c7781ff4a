"""Risk scoring: severity x likelihood per activity and feared event at four stages, the verdict and the action plan.

Stages: inherent (no measure), current (implemented; improvable partly), planned (implemented and planned)
and target (after the action plan). The verdict uses the current stage and reports the VII.2(5) state.
"""
from __future__ import annotations

import itertools
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from enum import Enum
from pathlib import Path
from typing import Any

from pydantic import BaseModel, Field, PrivateAttr

from pia.declare.citations import applies, by_regime
from pia.declare.consent import ConsentFinding, activity_consent_findings
from pia.declare.findings import LegalFinding, legal_findings
from pia.declare.design import CENTRAL, DEFAULT_DESIGN, Identifiers
from pia.declare.manifest import DataElement, DataSubject, Manifest, ProcessingActivity
from pia.declare.roles import CONSULTATION_SOURCE as ROLE_SOURCE
from pia.declare.measures import ASSURED_STATUS, FearedEvent, Gauge, Measure, MeasureStatus
from pia.declare.taxonomy import IMPACT_LEVELS, load_taxonomy
from pia.declare.text import Sentence, TextValue
from pia.declare.vocabulary import covered_rights
from pia.errors import InputError, Problem
from pia.i18n import L_, N_, Listing, Message, Term, pick
from pia.risk.applicability import Applicability, applicabilities
from pia.risk.evidence import EvidenceContext, EvidenceSummary, load_evidence
from pia.risk.likelihood import FactorRating, exposure, factor_ratings
from pia.risk.methods import (
    INTERNAL_IMPACT,
    default_method,
    INTERNAL_LIKELIHOOD,
    Method,
    MethodParameters,
    NotAssessed,
    Rounding,
    load_method,
)
from pia.declare.subjects import SEVERITY_SOURCE
from pia.declare.whose import is_childs
from pia.risk.scale import judge_scale
from pia.risk.screening import GBT_VULNERABLE_SUBJECTS, VULNERABLE_SUBJECTS, screen, summary, vulnerable_reasons

__all__ = ["Assessment", "FearedEvent", "Stage", "assess", "load_evidence"]

HIGH = IMPACT_LEVELS.index("high")
MEDIUM = IMPACT_LEVELS.index("medium")
TOP = 3
CHILDREN = "user.childrens"
# Categories WP248 rev.01 criterion 4 names as data of a highly personal nature besides the special categories:
# location and financial data, and data of household and private activities (private content, a home camera's images)
HIGHLY_PERSONAL = ("user.location", "user.financial", "user.payment", "user.content.private",
                   "user.content.camera_snapshot", "user.content.video_recording")
# Unwanted modification and disappearance harm less than disclosure, which cannot be undone (pia default,
# after the CNIL's feared events: altered data can be corrected, lost data costs the service, not the secret).
EVENT_OFFSET = {FearedEvent.illegitimate_access: 0, FearedEvent.unwanted_modification: -1,
                FearedEvent.disappearance: -1}
OFFSET_REASON = {  # {clause}: the service's own right to rectification, if it declares one
    FearedEvent.unwanted_modification: N_("altered data can be corrected{clause} and harms less than disclosure"),
    FearedEvent.disappearance: N_("lost data harms through the lost service, less than disclosure"),
}
MAX_PLAN_SIZE = 4


class Stage(str, Enum):
    """The four stages of an assessment (names and meaning in pia/data/measures.yaml)."""

    inherent = "inherent"
    current = "current"
    planned = "planned"
    target = "target"


# --------------------------------------------------------------------------- models


class Step(BaseModel):
    """One explanation line: which rule moved which level, why, on what source."""

    feared_event: FearedEvent = Field(description="The feared event the step scores.")
    stage: Stage = Field(description="The stage the step belongs to.")
    axis: str = Field(description="impact or likelihood.")
    rule: str = Field(description="Id of the rule, e.g. likelihood.exposure.")
    source: Sentence = Field(description="Standard clause, 'pia default: ...' or evidence the rule rests on.")
    before: str | None = Field(description="Level before the step (internal scale); null for the starting level.")
    after: str = Field(description="Level after the step (internal scale).")
    reason: Sentence = Field(description="The facts that made the rule apply.")
    evidence: list[str] = Field(default_factory=list, description="Evidence cited (check ids, scan findings).")


class Score(BaseModel):
    """Impact, likelihood and risk of one feared event at one stage, in the method's levels, with the scores."""

    impact: str = Field(description="Impact (severity) level of the method.")
    likelihood: str = Field(description="Likelihood level of the method.")
    level: str = Field(description="Risk level read from the method's matrix.")
    impact_score: float = Field(description="Internal severity score 0-3 before rounding up to a level.")
    likelihood_score: float = Field(description="Internal likelihood score 0-3 before rounding up to a level.")
    impact_min: float = Field(description="Lowest severity score measures can reach (floors and caps).")
    likelihood_min: float = Field(description="Lowest likelihood score measures can reach.")


class MeasureUse(BaseModel):
    """How one measure counts for one activity at each stage."""

    measure: str = Field(description="Measure id of the catalogue.")
    status: MeasureStatus = Field(description=(
        "Status the manifest gives (not_assessed when not mentioned); not_applicable when the manifest gives none "
        "and the activity's facts show the measure has nothing to protect (see applicability)."))
    applies_by_facts: bool = Field(True, description=(
        "Whether the activity's facts give the measure something to protect (the catalogue's `requires`); a "
        "status the manifest declares counts whatever this says."))
    applicability: Sentence = Field("", description="Why the measure applies or not: the facts found or missing, "
                                                    "with the rule's source.")
    note: str = Field("", description="The assessor's note.")
    effective: bool = Field(True, description="False when evidence contradicts an implemented measure.")
    contradicted_by: list[str] = Field(default_factory=list, description="Evidence that contradicts it.")
    credit: dict[Stage, float | None] = Field(description="Credit 0-1 at each stage; null when not applicable.")


class ActivityRisk(BaseModel):
    """The assessment of one processing activity."""

    id: str
    name: TextValue
    screening: dict[str, Any] = Field(description="Screening criteria met and whether an assessment is required.")
    consent_findings: list[ConsentFinding] = Field(default_factory=list, description=(
        "Doubts about the activity's consent: people who depend on the controller (GDPR Recital 43), consent that "
        "conditions the service (GDPR Art. 7(4), PIPL Art. 16)."))
    stages: dict[Stage, dict[FearedEvent, Score]] = Field(description="Risk per stage and feared event.")
    inherent: dict[FearedEvent, Score] = Field(description="Risk per feared event with no measure counted.")
    residual: dict[FearedEvent, Score] = Field(description="Risk per feared event at the current stage (verdict).")
    inherent_level: str = Field(description="Highest inherent risk over the feared events.")
    level: str = Field(description="Highest current risk over the feared events: the verdict stage.")
    planned_level: str = Field(description="Highest risk once the planned measures are in place.")
    target_level: str = Field(description="Highest risk after the action plan.")
    unacceptable: bool = Field(description="The current risk reaches the organisation's unacceptable level.")
    likelihood_factors: dict[FearedEvent, list[FactorRating]] = Field(
        description="The method's likelihood factor groups, rated per feared event.")
    exposure: dict[FearedEvent, float] = Field(description="Combined exposure 0-3 per feared event.")
    measures: list[MeasureUse] = Field(description="Every catalogue measure and how it counts.")
    factors: list[Step] = Field(description="Every step of the scoring at the inherent and current stages.")


class MeasureAction(BaseModel):
    """One measure of an action plan."""

    measure: str = Field(description="Measure id.")
    name: TextValue = Field(description="Measure name.")
    status: str = Field(description="Its status now: planned, improvable, missing, or 'not effective'.")
    clauses: list[str] = Field(default_factory=list, description="Policy clauses that promise it.")
    note: TextValue = Field("", description="When it applies.")
    responsible: str | None = Field(None, description=(
        "Processor that answers for the measure outside the assessment's scope: the action is to obtain assurance "
        "from it (GDPR Art. 28(3)(c), (h)); null for the controller's own measures."))


class EvidenceAction(BaseModel):
    """An evidence finding the action plan remedies."""

    evidence: str = Field(description="The finding to remedy: a failed check id, or undeclared:<category>.")
    remedy: Sentence = Field(description="What remedying it means.")


class Action(BaseModel):
    """Per unacceptable activity: the smallest set of measures that brings it below the unacceptable level."""

    activity: str
    level: str = Field(description="Current (verdict) level.")
    planned: list[MeasureAction] = Field(description="Planned measures to carry out (counted in the target).")
    measures: list[MeasureAction] = Field(description="The smallest set of further measures that suffices.")
    evidence: list[EvidenceAction] = Field(description="Evidence findings to remedy, part of the smallest set.")
    level_after: str = Field(description="Highest risk once the plan is carried out (the target stage).")
    reaches_acceptable: bool = Field(description="Whether some set of measures reaches an acceptable level.")
    note: Sentence


class Assessment(BaseModel):
    """The result of `assess`: per-activity risks at four stages, the VII.2(5) state and the action plan."""

    method: str
    method_title: str
    method_source: str
    threshold: str = Field(description="The organisation's unacceptable risk level (manifest settings).")
    threshold_source: Sentence = Field(description="Where the threshold comes from (the organisation, not a standard).")
    high_risk: bool = Field(description="Some current risk reaches the threshold: the VII.2(5) condition holds.")
    service: TextValue
    manifest: str
    manifest_sha256: str | None
    activities: list[ActivityRisk]
    actions: list[Action]
    evidence: list[EvidenceSummary]
    service_factors: list[Sentence] = Field(description="Evidence findings that bear on no single activity.")
    assumptions: list[dict[str, Any]] = Field(default_factory=list,
                                              description="Manifest facts the assessor marked as assumptions to confirm.")
    legal_findings: list[LegalFinding] = Field(default_factory=list, description=(
        "The manifest's lint findings (`pia check`): rule, severity, activity/element/recipient, English message "
        "and sources; errors first, then by activity and rule."))
    parameters: MethodParameters = Field(description="The method's pia default choices used.")
    levels: dict[str, list[str]] = Field(description="The method's impact, likelihood and risk levels, lowest first.")
    scale: dict[str, dict[str, str]] = Field(
        description="How the internal steps of the explanation lines map onto the method's impact and likelihood.")
    _notify_clause: str | None = PrivateAttr("VII.2(5)")  # the policy's clause for a high-risk assessment
    _regimes: frozenset[str] = PrivateAttr(frozenset({"CN"}))  # the service's regimes (citations of the verdict)
    _processed_for: dict[str, str] = PrivateAttr(default_factory=dict)  # processor activity -> controllers it serves

    def to_dict(self) -> dict[str, Any]:
        """The assessment JSON: deterministic (activities and actions sorted by id, no run timestamp)."""
        data = self.model_dump(mode="json")
        data["kind"] = "pia.assessment"
        data["schema_version"] = 1
        data["verdict"] = verdict_sentence(self)
        return data

    def unacceptable_activities(self) -> list[ActivityRisk]:
        """The activities whose current risk reaches the organisation's unacceptable level."""
        return [a for a in self.activities if a.unacceptable]


# --------------------------------------------------------------------------- measure credits


@dataclass(frozen=True)
class _Measures:
    """Catalogue and statuses of one activity, with the evidence that contradicts some of them."""

    catalogue: dict[str, Measure]
    status: dict[str, MeasureStatus]
    contradicted: dict[str, list[str]]
    params: MethodParameters
    by_design: frozenset[str] = frozenset()  # measures the activity's design facts already account for
    # measures the design provides where its own step could not count (random identifiers under the sensitive-data
    # floor): credited as implemented at every stage after inherent, whatever the manifest's status
    design_credit: frozenset[str] = frozenset()
    # measures outside the assessment's scope: id -> (responsible processor, status its assurance counts as)
    assured: Mapping[str, tuple[str, MeasureStatus]] = field(default_factory=dict)
    # measures the activity's facts give nothing to protect and the manifest gives no status: id -> why
    inapplicable: Mapping[str, str] = field(default_factory=dict)
    applicability: Mapping[str, Applicability] = field(default_factory=dict)

    def credit(self, mid: str, stage: Stage, extra: frozenset[str] = frozenset()) -> float | None:
        """Credit 0-1 of a measure at a stage; None when not applicable. `extra`: measures the plan adds."""
        status = self.status[mid]
        if mid in self.design_credit:
            return 0.0 if stage is Stage.inherent else 1.0
        if status is MeasureStatus.not_applicable or mid in self.by_design or mid in self.inapplicable:
            return None
        if mid in self.assured:
            status = self.assured[mid][1]  # not assessed here, but the assessment says who answers for it
        if status is MeasureStatus.not_assessed and self.params.not_assessed is NotAssessed.left_out:
            return None
        if stage is Stage.inherent:
            return 0.0
        if mid in extra:
            return 1.0
        if mid in self.contradicted:
            return 0.0  # evidence shows it is not effective
        if status is MeasureStatus.implemented:
            return 1.0
        if status is MeasureStatus.improvable:
            return self.params.improvable_credit
        if status is MeasureStatus.planned and stage in (Stage.planned, Stage.target):
            return 1.0
        return 0.0


def _measures_of(m: Manifest, a: ProcessingActivity, ev: EvidenceContext, params: MethodParameters) -> _Measures:
    cat = m.measure_catalogue()
    design = a.design or DEFAULT_DESIGN
    # random identifiers are a design fact rated at every stage (impact.identifiers): pseudonymisation, the measure
    # that would replace direct identifiers, has nothing left to replace and would count the same fact twice
    by_design = frozenset({"pseudonymisation"} & set(cat)) if design.identifiers is Identifiers.random else frozenset()
    status = {k: a.measure(k) for k in cat}
    assured = {k: (st.responsible, ASSURED_STATUS[st.assurance]) for k, st in a.measures.items()
               if k in cat and st.responsible and status[k] is MeasureStatus.not_assessed}
    # a measure the manifest says nothing about and whose supporting asset the activity lacks is not applicable:
    # derived from the facts, never from silence alone; a declared status overrides it. Only silent measures are
    # derived, so a fact that makes one applicable adds it as not assessed: it never lowers a risk.
    app = applicabilities(m, a, cat)
    inapplicable = {k: x.reason for k, x in app.items() if x.derived_not_applicable}
    return _Measures(catalogue=cat, status=status,
                     contradicted={k: v for k, v in ev.contradicted.get(a.id, {}).items() if k in cat},
                     params=params, by_design=by_design, assured=assured, inapplicable=inapplicable,
                     applicability=app)


# --------------------------------------------------------------------------- severity


def _level(score: float, rounding: Rounding = Rounding.up) -> int:
    """Internal step of a score 0-3: rounded up, or the nearest step with halves up (a pia default, MethodParameters)."""
    s = round(score, 6)
    step = math.floor(s + 0.5) if rounding is Rounding.nearest else math.ceil(s)
    return min(TOP, max(0, step))


def _sensitive_source(regimes: frozenset[str] | None) -> str:
    """Why sensitive data harms at least highly, in the sources of the service's regimes."""
    return by_regime(regimes or frozenset(), "GB/T 35273-2020 3.2", "WP248 criterion 4")


def element_impact(element: DataElement, regimes: frozenset[str] | None = None) -> tuple[int, str]:
    """Internal impact step of one data element, and why (citations of `regimes`; all of them when None)."""
    cat = load_taxonomy()[element.category]
    step = IMPACT_LEVELS.index(cat.impact)
    details: list[Message] = []
    if element.sensitive and step < HIGH:
        step = HIGH
        details.append(L_(", sensitive so at least high ({source})", source=_sensitive_source(regimes)))
    elif element.sensitive:
        details.append(L_(", sensitive"))
    if element.sensitivity is not None and not element.sensitive and step > MEDIUM:
        step = MEDIUM
        details.append(L_(", overridden to general so at most medium"))
    if element.sensitivity is not None:
        details.append(L_("; override: {reason}", reason=element.sensitivity.reason))
    return step, L_("{element} ({category}: taxonomy impact {impact}{details})", element=element.id,
                    category=element.category, impact=Term(cat.impact), details=Listing(details, ""))


def most_harmful(elements: list[DataElement], regimes: frozenset[str] | None = None,
                 ) -> tuple[int, str, DataElement, list[DataElement]]:
    """The activity's most harmful element: (its impact step, why, the element, the others of the same step).

    On a tie the element whose own facts raise the step comes first (pia default): sensitive by its category before
    sensitive by an override (a child's nickname is sensitive only because it is a child's), then the higher
    taxonomy impact of its category, then the activity's declared order. Never the alphabetical order of the ids.
    """
    tax = load_taxonomy()
    scored = []
    for i, e in enumerate(elements):
        step, why = element_impact(e, regimes)
        cat = tax[e.category]
        by_override = e.sensitive and not cat.sensitive
        scored.append(((-step, by_override, -IMPACT_LEVELS.index(cat.impact), i), step, why, e))
    scored.sort(key=lambda x: x[0])
    _, step, why, top = scored[0]
    return step, why, top, [e for _, s, _, e in scored[1:] if s == step]


def harm_source(element: DataElement, regimes: frozenset[str] | None = None) -> str:
    """What makes `element` as harmful as its impact step says, in the sources of the service's regimes.

    A GDPR special category (Art. 9(1), Art. 10) or the sensitive personal information of PIPL Art. 28 and
    GB/T 35273-2020 (the category's Annex B basis, or 3.2 for an override) where those laws apply; children's data
    under the GDPR rests on WP248 criterion 7; anything else is the taxonomy's default impact, a kit choice.
    """
    cn, eu = applies(regimes or frozenset())
    tax = load_taxonomy()
    cat = tax[element.category]
    parts: list[str] = []
    if eu and cat.special_category:
        parts.append(cat.special_category)
    if element.sensitive:
        if cn:
            overridden = element.sensitivity is not None or not cat.basis
            parts.append("PIPL Art. 28; GB/T 35273-2020 3.2" if overridden else cat.basis or "")
        if eu and not cat.special_category:
            # sensitive because it is children's data (not a location or content sensitive in its own right)
            children = tax.is_within(element.category, CHILDREN) or (
                element.data_subjects == [DataSubject.minors] and not cat.sensitive)
            personal = element.sensitivity is not None or any(tax.is_within(element.category, k) for k in HIGHLY_PERSONAL)
            parts.append("WP248 criterion 7 (vulnerable data subjects: children)" if children else
                         "WP248 criterion 4 (data of a highly personal nature)" if personal else
                         L_("pia default: the pia taxonomy marks {category} ({name}) sensitive with impact {impact}; "
                            "the GDPR makes it no special category", category=element.category,
                            name=cat.name.lower(), impact=Term(cat.impact)))
    # a kit choice cannot share a citation with catalogued sources (a `pia default:` citation stands alone)
    cited = [x for x in parts if x and not x.startswith("pia default:")]
    if cited:
        return "; ".join(dict.fromkeys(cited))
    if parts:
        return parts[0]
    return L_("pia default: the taxonomy's default impact of {category} ({impact}) if the data is leaked, altered "
              "or lost; no law cited makes it sensitive", category=element.category, impact=Term(cat.impact))


def undeclared_impact(finding: Mapping[str, Any]) -> int | None:
    """Internal impact step of a category found by a scan but not declared (None if not in the taxonomy)."""
    tax = load_taxonomy()
    if finding["category"] not in tax:
        return None
    cat = tax[finding["category"]]
    step = IMPACT_LEVELS.index(cat.impact)
    return max(step, HIGH) if (cat.sensitive or finding.get("sensitive")) else step


@dataclass
class _Line:
    axis: str
    rule: str
    source: str
    before: int | None
    after: int
    reason: str
    evidence: list[str]


def _correction_clause(m: Manifest) -> str:
    """` (clause)` of the service's own right to rectification, or nothing when its manifest declares none."""
    for r in m.rights:
        if "rectification" in covered_rights([r.kind.value]):
            return f" ({r.clauses[0]})"
    return ""


def _sensitive_held(m: Manifest, a: ProcessingActivity, ev: EvidenceContext) -> tuple[int, list[str], list[str]]:
    """Subjects whose sensitive data the activity holds, the sensitive elements it processes, and those it holds.

    Held means stored by the service or a processor (design.held_at): data only relayed ([transit]) discloses what
    passes while a breach of the relay lasts, data held only on the subjects' devices one person per breach, not the
    data of everyone (pia default, the likelihood's scale rule). Both still count in the base impact and the
    sensitive-data floor.
    """
    held = 0
    names, kept = [], []
    design = a.design or DEFAULT_DESIGN
    for e in m.elements_of(a):
        if e.sensitive:
            names.append(e.id)
            if design.places(e.id) & CENTRAL:
                held = max(held, e.subjects_count if e.subjects_count is not None else a.subjects_count)
                kept.append(e.id)
    for f in ev.undeclared.get(a.id, []):
        if f.get("sensitive"):
            held = max(held, a.subjects_count)
            names.append(L_("{category} (found by scan)", category=f["category"]))
            kept.append(names[-1])
    return held, names, kept


def _severity(m: Manifest, a: ProcessingActivity, event: FearedEvent, ev: EvidenceContext,
              ms: _Measures) -> tuple[float, float, list[str], list[_Line]]:
    """(unreduced score, floor, severity-lowering measure ids, explanation lines) of one event."""
    lines: list[_Line] = []
    value, why, top, tied = most_harmful(m.elements_of(a), m.regimes)
    # cite what makes the most harmful element harmful (its law, or the taxonomy's default), not Art. 9 for all
    base = harm_source(top, m.regimes)
    lines.append(_Line("impact", "impact.base", base, None, value,
                       L_("most harmful data: {why}", why=why) if not tied else
                       L_("most harmful data: {why}; as harmful: {others} (pia default: on a tie, data sensitive by "
                          "its category before data sensitive by an override, then the higher taxonomy impact, then "
                          "the declared order)", why=why, others=", ".join(e.id for e in tied)), []))
    hidden = [(undeclared_impact(f), f) for f in ev.undeclared.get(a.id, [])]
    worse = sorted(((s, f) for s, f in hidden if s is not None and s > value), key=lambda x: -x[0])
    if worse:
        step, f = worse[0]
        lines.append(_Line("impact", "impact.undisclosed_data",
                           L_("pia default: data a scan finds and the manifest does not declare is processed data"),
                           value, step, L_("the scan found {category} in {where}, more harmful than the declared data",
                                           category=f["category"], where=", ".join(f["where"])),
                           [f"undeclared:{f['category']}"]))
        value = step
    held, sensitive, kept = _sensitive_held(m, a, ev)
    sensitive_floor = value >= HIGH and event is FearedEvent.illegitimate_access and bool(sensitive)
    design = a.design or DEFAULT_DESIGN
    if event is FearedEvent.illegitimate_access and design.identifiers is Identifiers.random and value > 0:
        new = max(value - 1, HIGH if sensitive_floor else 0)
        lines.append(_Line("impact", "impact.identifiers", L_(
                           "pia default: a design fact rated at every stage; random identifiers not derived from other "
                           "data make a disclosed record point at a person only with information held elsewhere (one "
                           "step lower; sensitive data stays at least high, GB/T 35273-2020 3.2)"), value, new,
                           L_("design.identifiers: random; sensitive data, so not below high") if new == value
                           else L_("design.identifiers: random"), []))
        value = new
    offset = EVENT_OFFSET[event]
    if offset:
        new = max(0, value + offset)
        lines.append(_Line("impact", "impact.feared_event", L_(
                           "pia default: feared events after the CNIL PIA methodology; the sensitive-data floor "
                           "concerns disclosure ({source})", source=_sensitive_source(m.regimes)),
                           value, new, L_("{event}: {reason}", event=Message(event.value.replace("_", " ")),
                                          reason=Message(OFFSET_REASON[event], {"clause": _correction_clause(m)})),
                           []))
        value = new
    limit = m.settings.large_scale_subjects
    scale = judge_scale(m, a, held)  # WP243 rev.01 2.1.3's factors below the threshold (pia.risk.scale)
    if kept and scale.large and value < TOP:
        lines.append(_Line("impact", "impact.sensitive_scale", L_("WP248 criterion 4; WP248 criterion 5 (threshold: "
                           "settings.large_scale_subjects, pia default 1,000,000)") if not scale.by_factors else
                           L_("WP248 criterion 4; WP248 criterion 5; {factors}", factors=scale.source), value, value + 1,
                           L_("sensitive data ({elements}) held for {held:,} people (large scale from {limit:,})",
                              elements=Listing(kept), held=held, limit=limit) if not scale.by_factors else
                           L_("sensitive data ({elements}) held for {scale}", elements=Listing(kept),
                              scale=scale.reason), []))
        value += 1
    tax = load_taxonomy()
    # the minors fact counts once: not again when sensitive data is sensitive because it is minors' data (a children's
    # category, or an override of a general category for minors' data). A child's location or voiceprint is sensitive
    # in its own right: saying whose it is (data_subjects: [minors]) must not take the children's step away.
    minors_counted = any(e.sensitive and (tax.is_within(e.category, CHILDREN) or (
                             e.data_subjects == [DataSubject.minors] and not tax[e.category].sensitive))
                         for e in m.elements_of(a))
    # WP248 criterion 7 counts once however many of its facts the activity has (a pupil who is a minor is one fact).
    # Minors and children's data count as before; the other kinds of the criterion (employees, students, patients,
    # ...) where GDPR Recital 75 and WP248 apply, the service's laws' sources of vulnerable people's risk: the
    # Chinese sources name minors only (PIPL Art. 28, 31), so under them alone the other kinds are screening facts.
    _cn, eu = applies(m.regimes)
    others = frozenset(s for s in a.data_subjects if s in VULNERABLE_SUBJECTS and s is not DataSubject.minors)
    ages = tuple(r for r in ("CN", "EU", "UK") if r in m.regimes) or ("CN", "EU", "UK")
    minors = vulnerable_reasons(m, a, GBT_VULNERABLE_SUBJECTS, ages)
    # the children's step follows whose the most harmful data is (the element's data_subjects, else the activity's):
    # a parent's own phone number in an activity about children is not a child's (pia default)
    childs = [e for e in m.elements_of(a) if is_childs(e, a) or tax.is_within(e.category, CHILDREN)]
    adults_top = minors and not any(e in childs for e in (top, *tied))
    if adults_top:
        lines.append(_Line("impact", "impact.vulnerable", L_(
                           "pia default: the step for children follows whose the most harmful data is (an element's "
                           "data_subjects, else the activity's); an adult's own data is not made a child's by the "
                           "activity's subjects"), value, value,
                           L_("the most harmful data ({elements}) is not children's data; children's data: {children}",
                              elements=Listing([top.id, *(e.id for e in tied)]),
                              children=Listing([e.id for e in childs]) if childs else L_("none")), []))
        minors = []
    rest = vulnerable_reasons(m, a, others, ages, children_data=False)
    vulnerable = minors + (rest if eu else [])
    uncounted = [] if eu else rest
    only_others = bool(rest) and eu and not minors
    if vulnerable and not minors_counted and value < TOP:
        # WP248 names vulnerable subjects a factor of high risk; the size of the step is the kit's choice
        lines.append(_Line("impact", "impact.vulnerable",
                           L_("{source} (one level up: pia default)", source=SEVERITY_SOURCE) if only_others
                           else L_("WP248 criterion 7 (one level up: pia default)"),
                           value, value + 1,
                           L_("vulnerable people: {reasons}", reasons=Listing(vulnerable, "; ")), []))
        value += 1
    elif vulnerable and minors_counted:
        lines.append(_Line("impact", "impact.vulnerable", L_("pia default: each fact counts once"), value, value,
                           L_("minors already counted through children's data ({reasons})",
                              reasons=Listing(vulnerable, "; ")), []))
    watched = [L_("{fact}: yes", fact=f) for f in ("profiling", "systematic_monitoring") if getattr(a, f)]
    if event is FearedEvent.illegitimate_access and watched and childs and value < TOP:
        # WP248 criteria 1/3 combined with 7: a disclosure reveals the profile of a child or the record of their
        # monitoring, which GDPR Recital 38 singles out for specific protection; a fact apart from the child's data
        criteria = (["WP248 criterion 1"] if a.profiling else []) + (["WP248 criterion 3"] if a.systematic_monitoring
                                                                     else [])
        lines.append(_Line("impact", "impact.children_profiled",
                           L_("GDPR Recital 38; GDPR Recital 75; {criteria}; WP248 criterion 7 (illegitimate access, "
                              "one level up: pia default)", criteria="; ".join(criteria)) if eu else
                           L_("pia default: profiling or systematic monitoring of children raises the harm of a "
                              "disclosure one level; the Chinese sources protect all of minors' information as "
                              "sensitive (PIPL Art. 28, PIPL Art. 31) and do not grade it"),
                           value, value + 1,
                           L_("children's data ({elements}) under {facts}: a disclosure reveals a child's profile or "
                              "the record of their monitoring", facts=Listing(watched),
                              elements=Listing([e.id for e in childs])), []))
        value += 1
    if uncounted:
        lines.append(_Line("impact", "impact.vulnerable_screening_only", L_(
                           "pia default: a screening fact only; the sources of the service's laws on the risk of "
                           "vulnerable people name minors only (PIPL Art. 28, PIPL Art. 31)"), value, value,
                           L_("vulnerable people: {reasons}", reasons=Listing(uncounted, "; ")),
                           []))
    lowering = [k for k, x in ms.catalogue.items() if x.lowers is Gauge.severity and event in x.mitigates]
    floor = float(HIGH) if sensitive_floor else 0.0
    return float(value), floor, lowering, lines


def _severity_score(unreduced: float, floor: float, lowering: list[str], ms: _Measures, stage: Stage,
                    extra: frozenset[str]) -> tuple[float, float]:
    """(score, lowest reachable score) after the severity-lowering measures of the stage."""
    p = ms.params
    total = sum(ms.catalogue[k].weight * (ms.credit(k, stage, extra) or 0.0) for k in lowering)
    # de-identification that is wholly in place removes the sensitive-data floor: the data no longer identifies
    deid = ms.credit("deidentification", stage, extra) if "deidentification" in ms.catalogue else None
    fl = 0.0 if deid == 1.0 else floor
    reduction = min(p.max_severity_reduction, total / p.severity_step_weight)
    score = max(min(fl, unreduced), unreduced - reduction)
    lowest = max(min(fl, unreduced), unreduced - p.max_severity_reduction)
    return max(0.0, score), max(0.0, min(lowest, score))


# --------------------------------------------------------------------------- likelihood


def _likelihood_score(expo: float, lowering: list[str], ms: _Measures, stage: Stage,
                      extra: frozenset[str]) -> tuple[float, float, float, float]:
    """(score, lowest reachable, coverage, weakest core credit) of one event at one stage."""
    p = ms.params
    weights = credits = 0.0
    core = []
    for k in lowering:
        c = ms.credit(k, stage, extra)
        if c is None:
            continue
        w = ms.catalogue[k].weight
        weights += w
        credits += w * c
        if w >= 2:
            core.append(c)
    coverage = credits / weights if weights else 0.0
    weakest = min(core) if core else 1.0
    gate = min(1.0, p.core_gate_floor + (1 - p.core_gate_floor) * weakest / p.core_gate_full_at)
    score = max(0.0, expo - p.max_measure_reduction * coverage * gate)
    lowest = max(0.0, expo - p.max_measure_reduction) if weights else expo
    return score, min(lowest, score), coverage, weakest


# --------------------------------------------------------------------------- one activity


@dataclass
class _EventFacts:
    severity: float
    severity_floor: float
    severity_lowering: list[str]
    severity_lines: list[_Line]
    ratings: list[FactorRating]
    exposure: float
    likelihood_lowering: list[str]


class _Activity:
    """Everything about one activity that does not depend on the stage, and a fast score for any stage."""

    def __init__(self, m: Manifest, a: ProcessingActivity, method: Method, ev: EvidenceContext):
        self.m, self.a, self.method, self.ev = m, a, method, ev
        self.ms = _measures_of(m, a, ev, method.parameters)
        self.events: dict[FearedEvent, _EventFacts] = {}
        for event in FearedEvent:
            sev, floor, s_low, lines = _severity(m, a, event, ev, self.ms)
            if any(x.rule == "impact.identifiers" and x.before == x.after for x in lines) and self.ms.by_design:
                # random identifiers are pseudonymisation by design; where the sensitive-data floor keeps their step
                # from lowering the severity, the design counts as that measure in place (pia default), so random
                # identifiers never rate worse than direct identifiers pseudonymised (tests/test_risk_properties.py)
                self.ms = replace(self.ms, by_design=frozenset(), design_credit=self.ms.by_design)
            ratings = factor_ratings(m, a, event, ev, method.parameters)
            l_low = [k for k, x in self.ms.catalogue.items() if x.lowers is Gauge.likelihood and event in x.mitigates]
            self.events[event] = _EventFacts(sev, floor, s_low, lines, ratings, exposure(ratings), l_low)

    def _lv(self, score: float) -> int:
        """Internal severity step of a score: rounded up (a measure lowers severity only by whole steps)."""
        return _level(score, Rounding.up)

    def _lk(self, score: float) -> int:
        """Internal likelihood step of a score (MethodParameters.likelihood_rounding)."""
        return _level(score, self.ms.params.likelihood_rounding)

    def score(self, stage: Stage, extra: frozenset[str] = frozenset()) -> dict[FearedEvent, Score]:
        out = {}
        for event, f in self.events.items():
            s, s_min = _severity_score(f.severity, f.severity_floor, f.severity_lowering, self.ms, stage, extra)
            lk, l_min, _, _ = _likelihood_score(f.exposure, f.likelihood_lowering, self.ms, stage, extra)
            impact, likelihood, level = self.method.score(self._lv(s), self._lk(lk))
            out[event] = Score(impact=impact, likelihood=likelihood, level=level, impact_score=round(s, 4),
                               likelihood_score=round(lk, 4), impact_min=round(s_min, 4),
                               likelihood_min=round(l_min, 4))
        return out

    def _sums(self, stage: Stage) -> list[tuple[_EventFacts, dict[str, float], dict[str, float]]]:
        """Per event: credits of its severity and likelihood measures at a stage (applicable ones), cached."""
        cache = self.__dict__.setdefault("_sum_cache", {})
        if stage not in cache:
            rows = []
            for f in self.events.values():
                sev = {k: self.ms.credit(k, stage) or 0.0 for k in f.severity_lowering}
                lik = {k: c for k in f.likelihood_lowering if (c := self.ms.credit(k, stage)) is not None}
                rows.append((f, sev, lik))
            cache[stage] = rows
        return cache[stage]

    def top_rank(self, stage: Stage, extra: frozenset[str] = frozenset()) -> tuple[int, float]:
        """(risk rank of the worst event, sum of scores) without building models: for the plan search.

        Same arithmetic as `_severity_score` and `_likelihood_score`, on cached credits.
        """
        p = self.ms.params
        cat = self.ms.catalogue
        worst, total = 0, 0.0
        for f, sev, lik in self._sums(stage):
            s_total = sum(cat[k].weight * (1.0 if k in extra else c) for k, c in sev.items())
            deid = 1.0 if "deidentification" in extra else (self.ms.credit("deidentification", stage)
                                                            if "deidentification" in cat else None)
            fl = 0.0 if deid == 1.0 else f.severity_floor
            unreduced = f.severity
            s = max(min(fl, unreduced),
                    unreduced - min(p.max_severity_reduction, s_total / p.severity_step_weight))
            weights = credits = 0.0
            weakest = 1.0
            for k, c in lik.items():
                c = 1.0 if k in extra else c
                w = cat[k].weight
                weights += w
                credits += w * c
                if w >= 2 and c < weakest:
                    weakest = c
            coverage = credits / weights if weights else 0.0
            gate = min(1.0, p.core_gate_floor + (1 - p.core_gate_floor) * weakest / p.core_gate_full_at)
            lk = max(0.0, f.exposure - p.max_measure_reduction * coverage * gate)
            level = self.method.score(self._lv(max(0.0, s)), self._lk(lk))[2]
            worst = max(worst, self.method.risk_rank(level))
            total += s + lk
        return worst, total

    def top(self, scores: Mapping[FearedEvent, Score]) -> str:
        return max((s.level for s in scores.values()), key=self.method.risk_rank)

    # ------------------------------------------------------------------ explanation
    def steps(self, stage: Stage) -> list[Step]:
        out: list[Step] = []
        p = self.ms.params
        for event, f in self.events.items():
            def add(line: _Line, scale: tuple[str, ...] = INTERNAL_IMPACT, event: FearedEvent = event) -> None:
                out.append(Step(feared_event=event, stage=stage, axis=line.axis, rule=line.rule, source=line.source,
                                before=None if line.before is None else scale[line.before],
                                after=scale[line.after], reason=line.reason, evidence=line.evidence))

            for line in f.severity_lines:
                add(line)
            sev = int(f.severity)
            s, _ = _severity_score(f.severity, f.severity_floor, f.severity_lowering, self.ms, stage, frozenset())
            used = self._used(f.severity_lowering, stage)
            if stage is not Stage.inherent and used:
                why: Message = Listing(used)
                if f.severity_floor and self._lv(s) == sev and s <= f.severity_floor + 1e-9 < f.severity:
                    why = L_("{measures}; sensitive data: severity stays at least high unless de-identification is "
                             "in place", measures=why)
                add(_Line("impact", "impact.measures", L_("CNIL PIA Methodology (2018) (measures on the data lower "
                          "severity, step size a pia default: method parameter severity_step_weight)"),
                          sev, self._lv(s), L_("severity score {before:.2f} -> {after:.2f} with {measures}",
                                               before=f.severity, after=s, measures=why), []))
            lines = Listing((L_("{title}: {rating} ({reasons}; no point: {notes})", title=Message(r.title),
                                rating=r.rating, reasons=Listing(r.reasons, "; ") or L_("nothing counted"),
                                notes=Listing(r.notes, "; ")) if r.notes else
                             L_("{title}: {rating} ({reasons})", title=Message(r.title), rating=r.rating,
                                reasons=Listing(r.reasons, "; ") or L_("nothing counted")) for r in f.ratings), "; ")
            model = (L_("GB/T 39335-2020 5.4 (factor groups, combined by the pia default exposure_rule: mean of the "
                        "two highest groups)") if p.likelihood_model.value == "gbt39335_factors"
                     else L_("CNIL PIA Knowledge Bases (2018), Scale and rules for estimating likelihood (risk sources, "
                             "combined by the pia default exposure_rule: mean of the two highest groups)"))
            add(_Line("likelihood", "likelihood.exposure", model, None, self._lk(f.exposure),
                      L_("exposure {exposure:.2f}: {groups}", exposure=f.exposure, groups=lines), []),
                INTERNAL_LIKELIHOOD)
            lk, _, coverage, weakest = _likelihood_score(f.exposure, f.likelihood_lowering, self.ms, stage,
                                                         frozenset())
            if stage is not Stage.inherent:
                used = self._used(f.likelihood_lowering, stage)
                gaps = [k for k in f.likelihood_lowering if self.ms.catalogue[k].weight >= 2
                        and (self.ms.credit(k, stage) or 0) < 1 and self.ms.credit(k, stage) is not None]
                contradicted = sorted({w for k in f.likelihood_lowering for w in self.ms.contradicted.get(k, [])})
                parts = [L_("likelihood score {before:.2f} -> {after:.2f}: measures cover {coverage:.0%} (by weight); "
                            "weakest core measure at {weakest:.0%}", before=f.exposure, after=lk, coverage=coverage,
                            weakest=weakest)]
                if gaps:
                    parts.append(L_("core measures not fully in place: {measures}", measures=Listing(
                        L_("{measure} ({state})", measure=k, state=self._state(k)) for k in gaps)))
                if used:
                    parts.append(L_("counted: {measures}", measures=Listing(used)))
                unassessed = [k for k in f.likelihood_lowering if self.ms.status[k] is MeasureStatus.not_assessed
                              and k not in self.ms.by_design and k not in self.ms.assured
                              and k not in self.ms.inapplicable]
                inapplicable = [k for k in f.likelihood_lowering if k in self.ms.inapplicable]
                elsewhere = [k for k in f.likelihood_lowering if k in self.ms.assured]
                if elsewhere:
                    parts.append(L_("outside this assessment's scope, counted as the assurance obtained from the "
                                    "responsible processor (GDPR Art. 28(3)(c), (h)): {measures}", measures=Listing(
                                        L_("{measure} ({responsible}: {status})", measure=k,
                                           responsible=self.ms.assured[k][0], status=Term(self.ms.assured[k][1].value))
                                        for k in elsewhere)))
                if inapplicable:
                    parts.append(L_("not applicable by the facts, not counted: {measures}", measures=Listing(
                        inapplicable)))
                if unassessed:
                    how = (L_("counted as missing") if p.not_assessed is NotAssessed.as_missing
                           else L_("left out of the share"))
                    parts.append(L_("not assessed ({how}, pia default: method parameter not_assessed): {measures}",
                                    how=how, measures=Listing(unassessed)))
                src = L_("CNIL PIA Knowledge Bases (2018), Scale and rules for estimating likelihood (vulnerabilities "
                         "of the supporting assets, reduction a pia default: max_measure_reduction, core_gate_floor)")
                add(_Line("likelihood", "likelihood.measures", src, self._lk(f.exposure), self._lk(lk),
                          Listing(parts, "; "), contradicted), INTERNAL_LIKELIHOOD)
        return out

    def _state(self, mid: str) -> str:
        if mid in self.ms.contradicted:
            return L_("not effective: {evidence}", evidence=Listing(self.ms.contradicted[mid], "; "))
        if mid in self.ms.assured:
            who, counted = self.ms.assured[mid]
            return L_("outside the assessment's scope, {responsible}: assurance counted as {status}", responsible=who,
                      status=Term(counted.value))
        return Term(self.ms.status[mid].value)

    def _used(self, ids: list[str], stage: Stage) -> list[str]:
        out = []
        for k in ids:
            c = self.ms.credit(k, stage)
            if c and k in self.ms.design_credit:
                out.append(L_("{measure} (by design: random identifiers)", measure=k))
            elif c:
                out.append(k if c == 1 else L_("{measure} ({credit:.0%}, {status})", measure=k, credit=c,
                                               status=Term(self.ms.status[k].value)))
        return out

    def measure_uses(self, extra: frozenset[str]) -> list[MeasureUse]:
        out = []
        for k in self.ms.catalogue:
            state = self.a.measures.get(k)
            credit = {s: self.ms.credit(k, s, extra if s is Stage.target else frozenset()) for s in Stage}
            app = self.ms.applicability.get(k)
            status = MeasureStatus.not_applicable if k in self.ms.inapplicable else self.ms.status[k]
            out.append(MeasureUse(measure=k, status=status, note=state.note if state else "",
                                  effective=k not in self.ms.contradicted,
                                  contradicted_by=self.ms.contradicted.get(k, []), credit=credit,
                                  applies_by_facts=app.applies if app else True,
                                  applicability=app.reason if app else ""))
        return out


# --------------------------------------------------------------------------- action plan


def _plan(act: _Activity, threshold_rank: int) -> tuple[frozenset[str], list[str], bool]:
    """Smallest set of measures (and evidence remedies) that brings the activity below the threshold.

    Starts from the planned stage. Returns (measure ids, evidence ids, reaches acceptable).
    """
    method = act.method
    planned = act.score(Stage.planned)

    def ok(extra: frozenset[str], ev: EvidenceContext | None = None) -> bool:
        a = act if ev is None else _Activity(act.m, act.a, act.method, ev)
        return a.top_rank(Stage.target, extra)[0] < threshold_rank

    if method.risk_rank(act.top(planned)) < threshold_rank:
        return frozenset(), [], True
    bad_events = {e for e, s in planned.items() if method.risk_rank(s.level) >= threshold_rank}
    candidates = sorted(k for k, x in act.ms.catalogue.items()
                        if set(x.mitigates) & bad_events
                        and act.ms.credit(k, Stage.planned) is not None and (act.ms.credit(k, Stage.planned) or 0) < 1)
    findings = [c["id"] for c in act.ev.failed_checks.get(act.a.id, [])]
    findings += [f"undeclared:{f['category']}" for f in act.ev.undeclared.get(act.a.id, [])]
    remedied = act.ev.without(act.a.id, set(findings)) if findings else None
    # remedies of evidence first: a failed check is a fact to fix, not a choice
    base = act if remedied is None else _Activity(act.m, act.a, act.method, remedied)
    if not ok(frozenset(candidates), remedied):
        return frozenset(candidates), findings, False
    for size in range(min(MAX_PLAN_SIZE, len(candidates)) + 1):
        best = None
        for combo in itertools.combinations(candidates, size):
            extra = frozenset(combo)
            rank, total = base.top_rank(Stage.target, extra)
            if rank < threshold_rank:
                key = (round(total, 6), combo)
                if best is None or key < best[0]:
                    best = (key, extra)
        if best is not None:
            return best[1], findings, True
    # more than MAX_PLAN_SIZE measures needed: greedy, each time the measure that lowers the scores most
    chosen: set[str] = set()
    while not ok(frozenset(chosen), remedied):
        rest = [k for k in candidates if k not in chosen]
        pick = min(rest, key=lambda k: (round(base.top_rank(Stage.target, frozenset(chosen | {k}))[1], 6), k))
        chosen.add(pick)
    return frozenset(chosen), findings, True


def _measure_action(act: _Activity, mid: str) -> MeasureAction:
    x = act.ms.catalogue[mid]
    status = "not effective" if mid in act.ms.contradicted else act.ms.status[mid].value
    # the service's own policy clause for the measure (the catalogue's clause is the reference policy's)
    clause = act.m.cite(mid, x.policy_clauses[0]) if x.policy_clauses else act.m.cite(mid)
    return MeasureAction(measure=mid, name=x.name, status=status, clauses=[clause] if clause else [], note=x.note,
                         responsible=act.ms.assured[mid][0] if mid in act.ms.assured else None)


def _action(act: _Activity, level: str, threshold: str, threshold_rank: int) -> tuple[Action, frozenset[str]]:
    extra, findings, reaches = _plan(act, threshold_rank)
    remedied = act.ev.without(act.a.id, set(findings)) if findings else None
    target_act = act if remedied is None else _Activity(act.m, act.a, act.method, remedied)
    after = target_act.top(target_act.score(Stage.target, extra))
    planned = [_measure_action(act, k) for k, s in act.ms.status.items()
               if s is MeasureStatus.planned and k not in act.ms.contradicted]
    measures = [_measure_action(act, k) for k in sorted(extra)]
    remedies = []
    for c in act.ev.failed_checks.get(act.a.id, []):
        remedies.append(EvidenceAction(evidence=c["id"], remedy=L_("make the data keep the commitment checked by "
                                                                  "{check} ({clause})", check=c["id"],
                                                                  clause=c["clause"])))
    for f in act.ev.undeclared.get(act.a.id, []):
        remedies.append(EvidenceAction(evidence=f"undeclared:{f['category']}",
                                       remedy=L_("disclose {category} in the policy or stop collecting it",
                                                 category=f["category"])))
    if not reaches:
        note = L_("no set of catalogue measures brings it below {threshold}: even with every one of them the risk "
                  "stays {after}; reduce the data, the people or the exposure (minimisation, fewer recipients)",
                  threshold=Term(threshold), after=Term(after))
    elif not extra and not remedies:
        note = L_("the planned measures bring it below {threshold} ({after})", threshold=Term(threshold),
                  after=Term(after))
    else:
        parts = [x.measure for x in measures] + [x.evidence for x in remedies]
        how = (L_("smallest set") if len(extra) <= MAX_PLAN_SIZE else
               L_("no set of {n} or fewer measures suffices; set chosen greedily (each time the measure that lowers "
                  "the scores most)", n=MAX_PLAN_SIZE))
        note = L_("{how} that brings it below {threshold}, with the planned measures: {measures} (risk then {after})",
                  how=how, threshold=Term(threshold), measures=Listing(parts), after=Term(after))
    return Action(activity=act.a.id, level=level, planned=planned, measures=measures, evidence=remedies,
                  level_after=after, reaches_acceptable=reaches, note=note), extra


# --------------------------------------------------------------------------- assess


def _threshold(m: Manifest, meth: Method) -> str:
    level = m.settings.unacceptable_risk
    if level not in meth.risk_ids():
        line = m.line_of("settings", "unacceptable_risk")
        raise InputError(Problem(m.source, f"unknown risk level {level!r} for method {meth.name} (risk levels: "
                                           f"{', '.join(meth.risk_ids())})", line, "settings.unacceptable_risk"))
    return level


def _assumptions(m: Manifest) -> list[dict[str, Any]]:
    """The manifest's assumptions to confirm (pia.declare.assumptions), as plain data."""
    items = m.assumptions
    out = []
    for x in items:
        d = (x.model_dump(mode="json") if isinstance(x, BaseModel) else dict(x) if isinstance(x, Mapping)
             else {"text": str(x)})
        if isinstance(getattr(x, "why", None), str):
            d["why"] = x.why  # bilingual text kept for the renderers (its primary text in JSON)
        out.append(d)
    return out


def assess(manifest: Manifest | str | Path, method: str | Path | Method | None = None,
           evidence: Sequence[str | Path | Mapping[str, Any]] = ()) -> Assessment:
    """Assess every processing activity of a manifest and report whether the VII.2(5) condition holds.

    Parameters
    ----------
    manifest
        The service's manifest (or the path of its YAML file).
    method
        A shipped method name, a method file path, or a `Method`; None: the method of the service's regimes
        (`default_method`: gbt39335 under Chinese law, cnil otherwise).
    evidence
        Paths of (or parsed) JSON documents written by ``pia validate`` (kind ``pia.validation``) or
        ``pia scan`` (kind ``pia.scan``).

    Returns
    -------
    Assessment
        Per activity and feared event the risk at four stages (inherent, current, planned, target) with every
        step explained; the verdict on the current stage against the organisation's unacceptable level
        (``settings.unacceptable_risk``); the action plan.

    Raises
    ------
    InputError
        Unknown or inconsistent method, an unacceptable level the method does not have; unreadable,
        malformed or unknown evidence.

    Notes
    -----
    Severity: the most harmful data element (taxonomy; sensitive at least high); unwanted modification and
    disappearance one level lower; +1 for sensitive data held for at least ``settings.large_scale_subjects``
    people (or from ``settings.large_scale_factors_from`` when volume, duration and extent all point to large scale,
    `pia.risk.scale`); +1 for minors unless children's data already counted them or the most harmful data is not a
    child's; +1 for illegitimate access when the activity profiles or systematically monitors children's data;
    severity-lowering measures lower it by
    at most one level, never below high for sensitive data unless de-identified.

    Likelihood: the method's factor groups are rated 0-3 from the facts (GB/T 39335-2020 5.4 or the CNIL risk
    sources); exposure is the mean of the two highest ratings; the likelihood-lowering measures of the event
    remove up to three steps in proportion to their weighted coverage, gated by the weakest core measure.
    Levels are scores rounded up (`likelihood_rounding` may read likelihood as the nearest step instead).
    A measure the manifest does not mention is `not_assessed` and counts as `MethodParameters.not_assessed` says.
    Design facts (`design:` of an activity: where each element is held, random identifiers) count at every stage.
    Every choice the standards leave open is a `MethodParameters` field.
    """
    if not isinstance(manifest, Manifest):
        from pia.declare.manifest import load_manifest

        manifest = load_manifest(manifest)
    meth = load_method(method or default_method(manifest.regimes))
    threshold = _threshold(manifest, meth)
    rank = meth.risk_rank(threshold)
    ev = load_evidence(evidence, manifest)
    activities, actions = [], []
    for a in sorted(manifest.processing_activities, key=lambda x: x.id):
        act = _Activity(manifest, a, meth, ev)
        stages = {s: act.score(s) for s in (Stage.inherent, Stage.current, Stage.planned)}
        level = act.top(stages[Stage.current])
        unacceptable = meth.risk_rank(level) >= rank
        extra: frozenset[str] = frozenset()
        if unacceptable or meth.risk_rank(act.top(stages[Stage.planned])) >= rank:
            action, extra = _action(act, level, threshold, rank)
            if unacceptable:
                actions.append(action)
            findings = [x.evidence for x in action.evidence]
            target_act = act if not findings else _Activity(manifest, a, meth, ev.without(a.id, set(findings)))
            stages[Stage.target] = target_act.score(Stage.target, extra)
        else:
            stages[Stage.target] = act.score(Stage.target)
        activities.append(ActivityRisk(
            id=a.id, name=a.name, screening=summary(screen(manifest, a)),
            consent_findings=activity_consent_findings(manifest, a), stages=stages,
            inherent=stages[Stage.inherent], residual=stages[Stage.current],
            inherent_level=act.top(stages[Stage.inherent]), level=level,
            planned_level=act.top(stages[Stage.planned]), target_level=act.top(stages[Stage.target]),
            unacceptable=unacceptable,
            likelihood_factors={e: f.ratings for e, f in act.events.items()},
            exposure={e: round(f.exposure, 4) for e, f in act.events.items()},
            measures=act.measure_uses(extra),
            factors=act.steps(Stage.inherent) + act.steps(Stage.current)))
    result = Assessment(
        method=meth.name, method_title=meth.title, method_source=meth.source, threshold=threshold,
        threshold_source=(L_("the organisation's choice (manifest settings.unacceptable_risk; GB/T 39335-2020 "
                             "leaves the acceptable level to the organisation)") if meth.name == "gbt39335" else
                          L_("the organisation's choice (manifest settings.unacceptable_risk)")),
        high_risk=any(a.unacceptable for a in activities), service=manifest.service.id,
        manifest=Path(manifest.source).name, manifest_sha256=manifest.sha256, activities=activities,
        actions=actions, evidence=ev.summaries, service_factors=ev.service_factors,
        assumptions=_assumptions(manifest), legal_findings=legal_findings(manifest), parameters=meth.parameters,
        levels={"impact": meth.impact_ids(), "likelihood": meth.likelihood_ids(), "risk": meth.risk_ids()},
        scale={"impact": dict(meth.impact_from_internal), "likelihood": dict(meth.likelihood_from_internal)})
    result._notify_clause = manifest.cite("high_risk_assessment")
    result._regimes = manifest.regimes
    result._processed_for = {a.id: pick(a.on_behalf_of) or "" for a in manifest.processing_activities if a.is_processor}
    return result


def verdict_sentence(result: Assessment) -> str:
    """The VII.2(5) state of this version in one sentence, with the activities it rests on."""
    bad = result.unacceptable_activities()
    who = L_("the organisation's unacceptable level '{level}' (its own setting; the standard leaves it open)",
             level=Term(result.threshold))
    clause = result._notify_clause
    cn, eu = applies(result._regimes)
    # each regime's condition is its own msgid: joined into one string (as by_regime does for citations) a service
    # under both laws got the pair in English in every language
    unstated = Listing([Message(x) for x, on in (
        (N_("the condition of a significant change under GB/T 35273-2020 Annex D"), cn),
        (N_("the condition of prior consultation under GDPR Art. 36(1)"), eu)) if on], "; ")
    condition = (L_("the {clause} condition", clause=clause) if clause else
                 L_("{condition} (the policy declares no clause for it: policy.clause_for.high_risk_assessment)",
                    condition=unstated))
    title = Message(result.method_title)  # the shipped methods' titles are msgids (a method file's own passes through)
    if not bad:
        return L_("The assessment does not indicate high risk: no current risk reaches {who} under {method}; "
                  "{condition} does not hold.", who=who, method=title, condition=condition)
    listed = Listing(L_("{activity} ({level})", activity=a.id, level=Term(a.level)) for a in bad)
    return Listing([L_("The assessment indicates high risk: {condition} holds. The current risk of {n} of {total} "
                       "activities reaches {who} under {method}: {listed}.", condition=condition, n=len(bad),
                       total=len(result.activities), who=who, method=title, listed=listed),
                    _consultation_unless_plan(result, bad), _controllers_duty(result, bad)], "")


def _controllers_duty(result: Assessment, bad: list[ActivityRisk]) -> str:
    """Whose duty the assessment and consultation are for high-risk activities the service processes for others.

    The controller carries out the impact assessment and consults the authority (GDPR Art. 35(1), Art. 36(1); PIPL
    Art. 55); a processor assists it (GDPR Art. 28(3)(f); PIPL Art. 59). A verdict that reads as the service's own
    duty for its customers' processing points the signer at the wrong party.
    """
    theirs = [a.id for a in bad if a.id in result._processed_for]
    if not theirs:
        return ""
    named = list(dict.fromkeys(result._processed_for[a] for a in theirs if result._processed_for[a]))
    whom = Listing(named, "; ") if named else L_("their controllers")
    return L_(" The service processes {listed} as a processor for {whom}: their impact assessment and any "
              "prior consultation are for them to carry out, and the service assists them with the information it "
              "holds ({source}).", listed=Listing(theirs), whom=whom,
              source=by_regime(result._regimes, ROLE_SOURCE["CN"], ROLE_SOURCE["EU"]))


def _consultation_unless_plan(result: Assessment, bad: list[ActivityRisk]) -> str:
    """For the GDPR: which high-risk activities the action plan brings below the threshold, and what that means.

    GDPR Art. 36(1) asks for prior consultation when the processing would result in a high risk in the absence of
    measures the controller takes to mitigate it: planned measures count only once they are in place.
    """
    if not applies(result._regimes)[1]:
        return ""
    ranks = result.levels["risk"]
    mitigated = [a for a in bad if a.target_level in ranks and result.threshold in ranks
                 and ranks.index(a.target_level) < ranks.index(result.threshold)]
    if not mitigated:
        return ""
    listed = Listing(L_("{activity} ({level})", activity=a.id, level=Term(a.target_level)) for a in mitigated)
    return L_(" The action plan brings {listed} below that level (target stage): prior consultation under GDPR "
              "Art. 36(1) is needed unless the action plan is carried out before the processing (high risk in the "
              "absence of measures taken by the controller to mitigate it).", listed=listed)
