"""Risk scoring: impact x likelihood per activity and feared event, inherent and residual, and the verdict.

`assess` explains every step (rule, source, level before -> after) and decides `high_risk` (VII.2(5)).
"""
from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path
from typing import Any

from pydantic import BaseModel, Field, PrivateAttr

from pia.config import display_path
from pia.errors import InputError, Problem
from pia.inputs import decode_utf8, read_bytes
from pia.declare.manifest import (
    DataElement,
    FlowKind,
    Manifest,
    ProcessingActivity,
    RecipientType,
)
from pia.risk.methods import INTERNAL_IMPACT, INTERNAL_LIKELIHOOD, Method, load_method
from pia.risk.screening import (
    LARGE_SENSITIVE_SUBJECTS,
    cross_border_reasons,
    screen,
    summary,
    vulnerable_reasons,
)
from pia.declare.measures import FearedEvent, MeasureStatus
from pia.declare.taxonomy import IMPACT_LEVELS, load_taxonomy

GBT_D = "GB/T 39335-2020 Annex D"
LIKELIHOOD_FLOORS = ((10_000_000, 2), (1_000_000, 1))  # subjects -> at least this internal likelihood step
HIGH = IMPACT_LEVELS.index("high")
MEDIUM = IMPACT_LEVELS.index("medium")
TOP = 3


class Control(str, Enum):
    """The measures this scoring reads (ids of the catalogue pia/data/measures.yaml)."""

    encryption_in_transit = "encryption_in_transit"
    encryption_at_rest = "encryption_at_rest"
    access_control = "access_control"
    staff_training = "staff_training"
    breach_response = "breach_response"
    deidentification = "deidentification"
    retention_enforcement = "retention_enforcement"


CONTROL_CLAUSES: dict[Control, str] = {
    Control.encryption_in_transit: "III.2",
    Control.encryption_at_rest: "III.3",
    Control.access_control: "III.4",
    Control.staff_training: "III.5",
    Control.breach_response: "III.7",
    Control.deidentification: "I.5(10)",
    Control.retention_enforcement: "V.4",
}


class Stage(str, Enum):
    """Which measures a risk is scored with."""

    inherent = "inherent"  # controls ignored
    residual = "residual"  # implemented controls counted


@dataclass(frozen=True)
class FearedEventRule:
    """How a feared event is scored: its impact offset and the controls that make it less likely."""

    title: str
    impact_offset: int
    controls: tuple[Control, ...]
    offset_reason: str = ""


# Relevant controls per feared event, as data. De-identification acts on impact, not likelihood.
FEARED_EVENTS: dict[FearedEvent, FearedEventRule] = {
    FearedEvent.illegitimate_access: FearedEventRule(
        "illegitimate access", 0,
        (Control.encryption_in_transit, Control.encryption_at_rest, Control.access_control,
         Control.staff_training, Control.retention_enforcement)),
    FearedEvent.unwanted_modification: FearedEventRule(
        "unwanted modification", -1,
        (Control.encryption_in_transit, Control.access_control, Control.staff_training),
        "altered data can be corrected (V.1) and harms less than disclosure, which cannot be undone"),
    FearedEvent.disappearance: FearedEventRule(
        "disappearance of data", -1,
        (Control.access_control, Control.breach_response, Control.staff_training),
        "lost data harms through the lost service, less than disclosure, which cannot be undone"),
}
ALL_CONTROLS = tuple(Control)
CONTROL_NOTES = {
    Control.deidentification: "only where the purpose can be served without identifying people",
    Control.retention_enforcement: "automatic deletion at the end of the retention period",
}


# --------------------------------------------------------------------------- models


class Step(BaseModel):
    """One explanation line: which rule moved which level, why, on what source."""

    feared_event: FearedEvent = Field(description="The feared event the step scores.")
    stage: Stage = Field(description="inherent (controls ignored) or residual (implemented controls counted).")
    axis: str = Field(description="impact or likelihood.")
    rule: str = Field(description="Id of the rule, e.g. likelihood.processors.")
    source: str = Field(description="Standard, clause or evidence the rule rests on.")
    before: str | None = Field(description="Level before the step (internal scale); null for the starting level.")
    after: str = Field(description="Level after the step (internal scale).")
    reason: str = Field(description="The facts that made the rule apply.")
    evidence: list[str] = Field(default_factory=list, description="Evidence cited (check ids, scan findings).")


class Score(BaseModel):
    """Impact, likelihood and risk of one feared event, in the method's own levels."""

    impact: str
    likelihood: str
    level: str


class ActivityRisk(BaseModel):
    """The assessment of one processing activity."""

    id: str
    name: str
    screening: dict[str, Any] = Field(description="Screening criteria met and whether an assessment is required.")
    inherent: dict[FearedEvent, Score] = Field(description="Risk per feared event with controls ignored.")
    residual: dict[FearedEvent, Score] = Field(description="Risk per feared event with implemented controls counted.")
    inherent_level: str = Field(description="Highest inherent risk over the feared events.")
    level: str = Field(description="Highest residual risk over the feared events.")
    unacceptable: bool = Field(description="Residual risk reaches the method's unacceptable level.")
    factors: list[Step] = Field(description="Every step of the scoring, in order.")


class ControlAction(BaseModel):
    """An action-plan step: put a control in place, with the level it would reach."""

    control: Control
    clause: str
    status: str = Field(description="missing, planned, or 'not effective' (implemented but contradicted by evidence).")
    level_after: str = Field(description="Residual level of the activity once this control alone is effective.")
    lowers: bool = Field(description="Whether this control alone lowers the activity's residual level.")
    note: str = Field("", description="When the control applies, if not always.")


class EvidenceAction(BaseModel):
    """An action-plan step: fix what a dataset check or the scan found."""

    evidence: str = Field(description="The finding to remedy: a failed check id, or undeclared:<category>.")
    remedy: str = Field(description="What remedying it means.")
    level_after: str = Field(description="Residual level of the activity once this finding alone is remedied.")
    lowers: bool = Field(description="Whether remedying it alone lowers the activity's residual level.")


class Action(BaseModel):
    """What would bring an activity below the unacceptable level."""

    activity: str
    level: str
    controls: list[ControlAction] = Field(description="Missing, planned or ineffective controls, each with its effect.")
    evidence: list[EvidenceAction] = Field(description="Evidence findings to remedy, each with its effect.")
    level_after_all: str = Field(description="Residual level once every listed control and finding is dealt with.")
    below_threshold_after_all: bool
    note: str


class EvidenceSummary(BaseModel):
    """The evidence documents an assessment read, by kind."""

    kind: str
    source: str
    sha256: str | None
    findings: int = Field(description="Failed checks (validation) or reconciliation findings (scan).")


class Assessment(BaseModel):
    """The result of `assess`: per-activity risks, the verdict and the action plan."""

    method: str
    method_title: str
    method_source: str
    threshold: str = Field(description="The method's unacceptable risk level.")
    high_risk: bool = Field(description="Some residual risk reaches the threshold: the VII.2(5) trigger.")
    service: str
    manifest: str
    manifest_sha256: str | None
    activities: list[ActivityRisk]
    actions: list[Action]
    evidence: list[EvidenceSummary]
    service_factors: list[str] = Field(description="Evidence findings that bear on no single activity.")
    levels: dict[str, list[str]] = Field(description="The method's impact, likelihood and risk levels, lowest first.")
    scale: dict[str, dict[str, str]] = Field(
        description="How the internal steps of the explanation lines map onto the method's impact and likelihood.")

    _notify_clause: str | None = PrivateAttr("VII.2(5)")
    """The policy's clause that makes a high-risk assessment a significant change (None: the policy has none)."""

    def to_dict(self) -> dict[str, Any]:
        """The JSON of the issue: deterministic (activities and actions sorted by id, no run timestamp)."""
        data = self.model_dump(mode="json")
        data["kind"] = "pia.assessment"
        data["verdict"] = verdict_sentence(self)
        return data

    def unacceptable_activities(self) -> list[ActivityRisk]:
        """The activities whose residual risk reaches the unacceptable level."""
        return [a for a in self.activities if a.unacceptable]


# --------------------------------------------------------------------------- evidence


@dataclass
class EvidenceContext:
    """What the evidence says, by activity: failed checks, undisclosed collection, controls contradicted."""

    failed_checks: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    undeclared: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    contradicted: dict[str, dict[Control, list[str]]] = field(default_factory=dict)
    service_factors: list[str] = field(default_factory=list)
    summaries: list[EvidenceSummary] = field(default_factory=list)


def _read_evidence(item: str | Path | Mapping[str, Any]) -> tuple[str, str | None, dict[str, Any]]:
    if isinstance(item, Mapping):
        return "<dict>", None, dict(item)
    path = Path(item)
    src = display_path(path)
    raw = read_bytes(path, "the JSON of pia validate or pia scan", src, missing="evidence file not found")
    try:
        data = json.loads(decode_utf8(raw, src, "evidence"))
    except json.JSONDecodeError as exc:
        raise InputError(Problem(src, f"evidence is not valid JSON: {exc.msg} (column {exc.colno})", exc.lineno)) from None
    if not isinstance(data, dict):
        raise InputError(Problem(src, "evidence must be a JSON object with a 'kind'"))
    return path.name, hashlib.sha256(raw).hexdigest(), data


def _str_list(value: Any) -> bool:
    return isinstance(value, list) and all(isinstance(v, str) for v in value)


def _validation_evidence(ctx: EvidenceContext, src: str, data: dict[str, Any], known: set[str],
                         problems: list[Problem]) -> int:
    """File the failed checks of a `pia validate` document; return how many checks failed."""
    checks = data.get("checks")
    if not isinstance(checks, list):
        problems.append(Problem(src, "'checks' must be a list", path="checks"))
        return 0
    failed = 0
    for i, check in enumerate(checks):
        where = f"checks.{i}"
        if not isinstance(check, dict) or not isinstance(check.get("id"), str):
            problems.append(Problem(src, "a check must be an object with an 'id'", path=where))
            continue
        cid, status = check["id"], check.get("status")
        if status not in ("pass", "fail", "skipped"):
            problems.append(Problem(src, f"check {cid}: status {status!r} is not pass, fail or skipped",
                                    path=f"{where}.status"))
            continue
        bad = [k for k in ("activities", "controls") if check.get(k) is not None and not _str_list(check[k])]
        for key in bad:
            problems.append(Problem(src, f"check {cid}: '{key}' must be a list of ids", path=f"{where}.{key}"))
        if status != "fail" or bad:
            continue
        failed += 1
        acts, controls = check.get("activities") or [], check.get("controls") or []
        record = {"id": cid, "clause": str(check.get("clause", "")), "failed_rows": check.get("failed_rows"),
                  "controls": sorted(controls)}
        if not acts:
            ctx.service_factors.append(f"failed check {cid} ({record['clause']}) names no activity")
        for act in acts:
            if act not in known:
                ctx.service_factors.append(f"failed check {cid} bears on activity {act!r}, which this manifest "
                                           "does not define: not counted")
                continue
            if any(r["id"] == cid for r in ctx.failed_checks.get(act, [])):
                continue  # the same document given twice
            ctx.failed_checks.setdefault(act, []).append(record)
            for c in controls:
                if c in Control.__members__:
                    ctx.contradicted.setdefault(act, {}).setdefault(Control(c), []).append(f"check {cid} failed")
    return failed


def _scan_evidence(ctx: EvidenceContext, src: str, data: dict[str, Any], known: set[str],
                   problems: list[Problem]) -> int:
    """File the reconciliation findings of a `pia scan` document; return how many there are."""
    rec = data.get("reconciliation")
    if not isinstance(rec, dict):
        problems.append(Problem(src, "'reconciliation' must be an object", path="reconciliation"))
        return 0
    findings = 0
    for section in ("undeclared", "not_found", "plaintext_sensitive"):
        entries = rec.get(section, [])
        if not isinstance(entries, list):
            problems.append(Problem(src, f"'{section}' must be a list", path=f"reconciliation.{section}"))
            continue
        for i, entry in enumerate(entries):
            where = f"reconciliation.{section}.{i}"
            if not isinstance(entry, dict) or not isinstance(entry.get("category"), str):
                problems.append(Problem(src, "a finding must be an object with a 'category'", path=where))
                continue
            bad = [k for k in ("where", "activities") if entry.get(k) is not None and not _str_list(entry[k])]
            for key in bad:
                problems.append(Problem(src, f"'{key}' must be a list of text", path=f"{where}.{key}"))
            if bad:
                continue
            findings += 1
            acts, places = entry.get("activities") or [], sorted(entry.get("where") or [])
            confidence = entry.get("confidence")
            finding = {"category": entry["category"], "sensitive": bool(entry.get("sensitive")), "where": places,
                       "confidence": confidence if isinstance(confidence, (int, float)) else None}
            label = f"{entry['category']} in {', '.join(places) or 'scanned data'}"
            if section == "not_found":
                users = f" (used by {', '.join(sorted(acts))})" if acts else ""
                ctx.service_factors.append(f"declared category {entry['category']}{users} not found in scanned "
                                           "data: is it still needed? (minimisation, GB/T 35273-2020 5.2)")
                continue
            if finding["confidence"] is not None:
                label += f" (scan confidence {finding['confidence']:.2f})"
            if not acts:
                what = "undisclosed collection" if section == "undeclared" else "sensitive data stored in plaintext"
                ctx.service_factors.append(f"{what}: {label}; the scan names no activity, so no single activity's "
                                           "risk was raised")
            for act in acts:
                if act not in known:
                    ctx.service_factors.append(f"scan finding {label} bears on activity {act!r}, which this "
                                               "manifest does not define: not counted")
                elif section == "undeclared":
                    if finding not in ctx.undeclared.get(act, []):
                        ctx.undeclared.setdefault(act, []).append(finding)
                else:
                    ctx.contradicted.setdefault(act, {}).setdefault(Control.encryption_at_rest, []).append(
                        f"scan found {label} in plaintext")
    return findings


def load_evidence(items: Iterable[str | Path | Mapping[str, Any]], manifest: Manifest) -> EvidenceContext:
    """Read validation and scan evidence and file what it says under the activities it bears on.

    Parameters
    ----------
    items
        Paths of, or parsed, JSON documents of kind ``pia.validation`` or ``pia.scan``.
    manifest
        The manifest whose activities the evidence is matched to (unknown activity ids are reported,
        not counted).

    Returns
    -------
    EvidenceContext
        Failed checks, undisclosed categories and contradicted controls by activity, and service-level notes.

    Raises
    ------
    InputError
        An unreadable or malformed file, or an unknown `kind`, naming the file and the offending entry.
    """
    ctx = EvidenceContext()
    known = {a.id for a in manifest.processing_activities}
    problems: list[Problem] = []
    readers = {"pia.validation": _validation_evidence, "pia.scan": _scan_evidence}
    for item in items:
        name, sha, data = _read_evidence(item)
        src = name if sha is None else display_path(item)  # type: ignore[arg-type]
        kind = data.get("kind")
        if kind not in readers:
            problems.append(Problem(src, f"unknown evidence kind {kind!r} (expected 'pia.validation' from pia "
                                         "validate or 'pia.scan' from pia scan)", path="kind"))
            continue
        findings = readers[kind](ctx, src, data, known, problems)
        ctx.summaries.append(EvidenceSummary(kind=kind, source=name, sha256=sha, findings=findings))
    if problems:
        raise InputError(problems)
    ctx.service_factors = sorted(set(ctx.service_factors))
    ctx.summaries.sort(key=lambda s: (s.kind, s.source, s.sha256 or ""))
    for records in ctx.failed_checks.values():
        records.sort(key=lambda r: r["id"])
    for found in ctx.undeclared.values():
        found.sort(key=lambda r: (r["category"], r["where"]))
    for by_control in ctx.contradicted.values():
        for control in by_control:
            by_control[control] = sorted(set(by_control[control]))
    return ctx


# --------------------------------------------------------------------------- scoring


def _rows(n: Any) -> str:
    return f"{n} failed row" if n == 1 else f"{n} failed rows"


def element_impact(element: DataElement) -> tuple[int, str]:
    """Internal impact step of one data element, and why."""
    cat = load_taxonomy()[element.category]
    step = IMPACT_LEVELS.index(cat.impact)
    why = f"{element.id} ({element.category}: taxonomy impact {cat.impact}"
    if element.sensitive and step < HIGH:
        step = HIGH
        why += ", sensitive so at least high (GB/T 35273-2020 3.2)"
    elif element.sensitive:
        why += ", sensitive"
    if element.sensitivity is not None and not element.sensitive and step > MEDIUM:
        step = MEDIUM
        why += ", overridden to general so at most medium"
    if element.sensitivity is not None:
        why += f"; override: {element.sensitivity.reason}"
    return step, why + ")"


def _effective(activity: ProcessingActivity, ev: EvidenceContext, extra: frozenset[Control]) -> dict[Control, str]:
    """State of each control for residual risk: implemented, planned, missing or 'not effective'."""
    out = {}
    contradicted = ev.contradicted.get(activity.id, {})
    for c in ALL_CONTROLS:
        if c in extra:
            out[c] = "implemented"
            continue
        status = activity.measure(c.value)
        if status is MeasureStatus.implemented and c in contradicted:
            out[c] = "not effective"
        elif status in (MeasureStatus.implemented, MeasureStatus.planned, MeasureStatus.missing):
            out[c] = status.value
        else:
            out[c] = "planned" if status is MeasureStatus.improvable else "missing"
    return out


class _Tracker:
    """Moves a level on an internal scale and records each move as a Step."""

    def __init__(self, scale: tuple[str, ...], axis: str, event: FearedEvent, stage: Stage, steps: list[Step]):
        self.scale, self.axis, self.event, self.stage, self.steps = scale, axis, event, stage, steps
        self.value = 0

    def start(self, value: int, rule: str, source: str, reason: str) -> None:
        self.value = value
        self.steps.append(Step(feared_event=self.event, stage=self.stage, axis=self.axis, rule=rule, source=source,
                               before=None, after=self.scale[value], reason=reason))

    def move(self, delta: int, rule: str, source: str, reason: str, evidence: Sequence[str] = (),
             floor: int | None = None) -> None:
        before = self.value
        after = max(before, floor) if floor is not None else min(max(before + delta, 0), TOP)
        self.value = after
        self.steps.append(Step(feared_event=self.event, stage=self.stage, axis=self.axis, rule=rule, source=source,
                               before=self.scale[before], after=self.scale[after], reason=reason,
                               evidence=list(evidence)))


def undeclared_impact(finding: Mapping[str, Any]) -> int | None:
    """Internal impact step of a category found by a scan but not declared (None if not in the taxonomy)."""
    tax = load_taxonomy()
    if finding["category"] not in tax:
        return None
    cat = tax[finding["category"]]
    step = IMPACT_LEVELS.index(cat.impact)
    return max(step, HIGH) if (cat.sensitive or finding.get("sensitive")) else step


def _impact(m: Manifest, a: ProcessingActivity, event: FearedEvent, stage: Stage, controls: dict[Control, str],
            ev: EvidenceContext, steps: list[Step]) -> int:
    t = _Tracker(INTERNAL_IMPACT, "impact", event, stage, steps)
    scored = sorted((element_impact(e) for e in m.elements_of(a)), key=lambda x: (-x[0], x[1]))
    base, why = scored[0]
    t.start(base, "impact.base", "pia taxonomy (GB/T 35273-2020 Annex B)", f"most harmful data: {why}")
    found = ev.undeclared.get(a.id, [])
    hidden = [(undeclared_impact(f), f) for f in found]
    worse = sorted(((s, f) for s, f in hidden if s is not None and s > t.value), key=lambda x: -x[0])
    if worse:
        step, f = worse[0]
        t.move(0, "impact.undisclosed_data", "pia scan (data found, not declared)",
               f"the scan found {f['category']} in {', '.join(f['where'])}, more harmful than the declared data",
               evidence=[f"undeclared:{f['category']}"], floor=step)
    rule = FEARED_EVENTS[event]
    if rule.impact_offset:
        t.move(rule.impact_offset, "impact.feared_event", "pia rule (feared events after the CNIL PIA method)",
               f"{rule.title}: {rule.offset_reason}")
    sensitive = [e.id for e in m.elements_of(a) if e.sensitive]
    sensitive += [f"{f['category']} (found by scan)" for f in found if f.get("sensitive")]
    if sensitive and a.subjects_count >= LARGE_SENSITIVE_SUBJECTS:
        t.move(+1, "impact.sensitive_scale", GBT_D,
               f"sensitive data ({', '.join(sensitive)}) of {a.subjects_count:,} people "
               f"(>= {LARGE_SENSITIVE_SUBJECTS:,})")
    vulnerable = vulnerable_reasons(m, a)
    if vulnerable:
        t.move(+1, "impact.vulnerable", GBT_D, "vulnerable people: " + "; ".join(vulnerable))
    if stage is Stage.residual and controls[Control.deidentification] == "implemented":
        t.move(-1, "impact.deidentification", _with_policy(GBT_D, m.cite(Control.deidentification.value,
                                                                       CONTROL_CLAUSES[Control.deidentification])),
               "de-identification is implemented")
    return t.value


def _exposures(m: Manifest, a: ProcessingActivity) -> list[tuple[str, str]]:
    """(rule, reason) for each exposure of the activity's data."""
    out = []
    recipients = m.recipients_of(a)
    processors = [r.id for r in recipients if r.type is RecipientType.processor
                  and r.flow is FlowKind.share]
    others = [r.id for r in recipients if r.id not in processors]
    if processors:
        out.append(("likelihood.processors", f"entrusted to processors: {', '.join(processors)}"))
    if others:
        out.append(("likelihood.recipients", f"provided to other recipients: {', '.join(others)}"))
    cross = cross_border_reasons(m, a)
    if cross:
        out.append(("likelihood.cross_border", "data leaves the jurisdiction: " + "; ".join(cross)))
    if a.internet_facing_devices:
        out.append(("likelihood.internet_facing", "relies on devices reachable from the internet"))
    return out


def _likelihood(m: Manifest, a: ProcessingActivity, event: FearedEvent, stage: Stage, controls: dict[Control, str],
                ev: EvidenceContext, steps: list[Step]) -> int:
    t = _Tracker(INTERNAL_LIKELIHOOD, "likelihood", event, stage, steps)
    t.start(0, "likelihood.base", GBT_D, "no exposure counted yet")
    for rule, reason in _exposures(m, a):
        t.move(+1, rule, f"{GBT_D} (processing flow, recipients, network environment)", reason)
    relevant = FEARED_EVENTS[event].controls
    if stage is Stage.inherent:
        t.move(+1, "likelihood.controls_ignored", GBT_D,
               "inherent risk: as if none of the relevant controls were in place (" +
               ", ".join(c.value for c in relevant) + ")")
    else:
        weak = [(c, controls[c]) for c in relevant if controls[c] != "implemented"]
        if weak:
            why = ev.contradicted.get(a.id, {})
            cited = [x for x in (m.cite(c.value, CONTROL_CLAUSES[c]) for c, _ in weak) if x]
            t.move(+1, "likelihood.controls_missing", "policy " + ", ".join(cited) if cited else GBT_D,
                   "relevant controls not in place: " + ", ".join(
                       f"{c.value} ({s}" + (f": {'; '.join(sorted(set(why.get(c, []))))})" if s == "not effective"
                                            else ")") for c, s in weak),
                   evidence=sorted({w for c, s in weak if s == "not effective" for w in why.get(c, [])}))
        else:
            t.move(-1, "likelihood.controls_implemented", GBT_D,
                   "every relevant control is implemented: " + ", ".join(c.value for c in relevant))
    checks = [c for c in ev.failed_checks.get(a.id, [])
              if event is FearedEvent.illegitimate_access or set(c["controls"]) & {x.value for x in relevant}]
    if checks:
        cited = [f"{c['id']} ({c['clause']}, {_rows(c['failed_rows'])})" for c in checks]
        clauses = sorted({x.strip() for c in checks for x in c["clause"].split(",") if x.strip()})
        t.move(+1, "likelihood.failed_checks", "pia validate; policy " + ", ".join(clauses),
               "dataset checks show the commitments are not kept: " + "; ".join(cited),
               evidence=[c["id"] for c in checks])
    found = ev.undeclared.get(a.id, []) if event is FearedEvent.illegitimate_access else []
    if found:
        cited = [f"{f['category']} in {', '.join(f['where'])}"
                 + (f" (scan confidence {f['confidence']:.2f})" if f.get("confidence") is not None else "")
                 for f in found]
        t.move(+1, "likelihood.undisclosed_collection", "pia scan; policy I (collection disclosed)",
               "data found that the policy does not disclose: " + "; ".join(cited),
               evidence=[f"undeclared:{f['category']}" for f in found])
    for threshold, floor in LIKELIHOOD_FLOORS:
        if a.subjects_count >= threshold:
            t.move(0, "likelihood.scale", GBT_D,
                   f"{a.subjects_count:,} subjects (>= {threshold:,}): at least {INTERNAL_LIKELIHOOD[floor]}",
                   floor=floor)
            break
    return t.value


@dataclass
class _Scored:
    inherent: dict[FearedEvent, Score]
    residual: dict[FearedEvent, Score]
    steps: list[Step]


def _score(m: Manifest, a: ProcessingActivity, method: Method, ev: EvidenceContext,
           extra: frozenset[Control] = frozenset()) -> _Scored:
    controls = _effective(a, ev, extra)
    steps: list[Step] = []
    out: dict[Stage, dict[FearedEvent, Score]] = {Stage.inherent: {}, Stage.residual: {}}
    for stage in Stage:
        for event in FearedEvent:
            i = _impact(m, a, event, stage, controls, ev, steps)
            lk = _likelihood(m, a, event, stage, controls, ev, steps)
            impact, likelihood, level = method.score(i, lk)
            out[stage][event] = Score(impact=impact, likelihood=likelihood, level=level)
    return _Scored(out[Stage.inherent], out[Stage.residual], steps)


def _top(method: Method, scores: Mapping[FearedEvent, Score]) -> str:
    return max((s.level for s in scores.values()), key=method.risk_rank)


def _without(ev: EvidenceContext, activity: str, evidence_ids: set[str]) -> EvidenceContext:
    """The evidence with some findings on one activity remedied (failed checks and undeclared categories)."""
    failed = [c for c in ev.failed_checks.get(activity, []) if c["id"] not in evidence_ids]
    undeclared = [f for f in ev.undeclared.get(activity, []) if f"undeclared:{f['category']}" not in evidence_ids]
    contradicted: dict[Control, list[str]] = {}
    for control, why in ev.contradicted.get(activity, {}).items():
        kept = [w for w in why if not any(w == f"check {x} failed" for x in evidence_ids)]
        if kept:
            contradicted[control] = kept
    return EvidenceContext(failed_checks={**ev.failed_checks, activity: failed},
                           undeclared={**ev.undeclared, activity: undeclared},
                           contradicted={**ev.contradicted, activity: contradicted})


def _action(m: Manifest, a: ProcessingActivity, method: Method, ev: EvidenceContext, level: str) -> Action:
    def after(extra: frozenset[Control], fixed: set[str]) -> str:
        return _top(method, _score(m, a, method, _without(ev, a.id, fixed) if fixed else ev, extra).residual)

    state = _effective(a, ev, frozenset())
    candidates = [c for c in ALL_CONTROLS if state[c] != "implemented"]
    rank = method.risk_rank(level)
    controls = []
    for c in candidates:
        lv = after(frozenset({c}), set())
        controls.append(ControlAction(control=c, clause=m.cite(c.value, CONTROL_CLAUSES[c]) or GBT_D,
                                      status=state[c], level_after=lv,
                                      lowers=method.risk_rank(lv) < rank, note=CONTROL_NOTES.get(c, "")))
    findings = [(c["id"], f"make the data keep the commitment checked by {c['id']} ({c['clause']})")
                for c in ev.failed_checks.get(a.id, [])]
    findings += [(f"undeclared:{f['category']}", f"disclose {f['category']} in the policy or stop collecting it")
                 for f in ev.undeclared.get(a.id, [])]
    fixes = []
    for fid, remedy in findings:
        lv = after(frozenset(), {fid})
        fixes.append(EvidenceAction(evidence=fid, remedy=remedy, level_after=lv, lowers=method.risk_rank(lv) < rank))
    after_all = after(frozenset(candidates), {f for f, _ in findings})
    below = not method.unacceptable(after_all)
    enough = ([x.control.value for x in controls if not method.unacceptable(x.level_after)]
              + [x.evidence for x in fixes if not method.unacceptable(x.level_after)])
    threshold = method.unacceptable_from
    if not candidates and not findings:
        note = ("every control is already in place: only less data, fewer people or less exposure "
                "(minimisation, fewer recipients) can lower this risk")
    elif below:
        note = (f"{' or '.join(enough)} alone brings it below {threshold}" if enough
                else f"no single measure brings it below {threshold}")
        note += f"; with all of them the residual risk is {after_all}"
    else:
        note = (f"even with all of them the residual risk stays {after_all}: also reduce the data, the number of "
                "people or the exposure (minimisation, fewer recipients)")
    return Action(activity=a.id, level=level, controls=controls, evidence=fixes, level_after_all=after_all,
                  below_threshold_after_all=below, note=note)


def assess(manifest: Manifest | str | Path, method: str | Path | Method = "gbt39335",
           evidence: Sequence[str | Path | Mapping[str, Any]] = ()) -> Assessment:
    """Assess every processing activity of a manifest and decide whether the assessment shows high risk.

    Parameters
    ----------
    manifest
        The service's manifest (or the path of its YAML file).
    method
        A shipped method name, a method file path, or a `Method`.
    evidence
        Paths of (or parsed) JSON documents written by ``pia validate`` (kind ``pia.validation``) or
        ``pia scan`` (kind ``pia.scan``).

    Returns
    -------
    Assessment
        Per-activity inherent and residual risk with every step explained, the verdict (``high_risk``)
        and the action plan.

    Raises
    ------
    InputError
        Unknown or inconsistent method; unreadable, malformed or unknown evidence.

    Notes
    -----
    Levels are reached on internal 4-step scales, then mapped onto the method (see `pia.risk.methods`).

    Impact: the most harmful data element (taxonomy `impact`; sensitive data at least high, an element
    overridden to general at most medium; a more harmful category a scan found undeclared replaces it);
    unwanted modification and disappearance one level below illegitimate access; +1 for sensitive data of
    500,000 or more people; +1 when minors are among the subjects; residual only: -1 when
    de-identification is implemented (GB/T 39335-2020 Annex D).

    Likelihood: low, +1 for each exposure (processors, other recipients, a cross-border flow,
    internet-facing devices); inherent: +1 (controls ignored); residual: +1 when a relevant control is
    missing, planned or contradicted by evidence, -1 when every relevant control is implemented; +1 for
    failed dataset checks bearing on the activity; +1 for undisclosed collection found by a scan; then at
    least medium from 1,000,000 subjects and at least high from 10,000,000 (GB/T 39335-2020 Annex D).
    """
    if not isinstance(manifest, Manifest):
        from pia.declare.manifest import load_manifest

        manifest = load_manifest(manifest)
    meth = load_method(method)
    ev = load_evidence(evidence, manifest)
    activities = []
    actions = []
    for a in sorted(manifest.processing_activities, key=lambda x: x.id):
        scored = _score(manifest, a, meth, ev)
        level = _top(meth, scored.residual)
        unacceptable = meth.unacceptable(level)
        activities.append(ActivityRisk(
            id=a.id, name=a.name, screening=summary(screen(manifest, a)), inherent=scored.inherent,
            residual=scored.residual, inherent_level=_top(meth, scored.inherent), level=level,
            unacceptable=unacceptable, factors=scored.steps))
        if unacceptable:
            actions.append(_action(manifest, a, meth, ev, level))
    result = Assessment(
        method=meth.name, method_title=meth.title, method_source=meth.source, threshold=meth.unacceptable_from,
        high_risk=any(a.unacceptable for a in activities), service=manifest.service.id,
        manifest=Path(manifest.source).name, manifest_sha256=manifest.sha256, activities=activities,
        actions=actions, evidence=ev.summaries, service_factors=ev.service_factors,
        levels={"impact": meth.impact_ids(), "likelihood": meth.likelihood_ids(), "risk": meth.risk_ids()},
        scale={"impact": dict(meth.impact_from_internal), "likelihood": dict(meth.likelihood_from_internal)})
    result._notify_clause = manifest.cite("high_risk_assessment")
    return result


def verdict_sentence(result: Assessment) -> str:
    """The verdict in one sentence, with the activities it rests on."""
    bad = result.unacceptable_activities()
    clause = result._notify_clause
    if not bad:
        return (f"Not high risk: no residual risk reaches {result.threshold!r} under {result.method_title}; "
                + (f"the {clause} trigger does not apply." if clause else "no notification is triggered."))
    listed = ", ".join(f"{a.id} ({a.level})" for a in bad)
    then = (f"This is a significant change under {clause}: users must be notified." if clause else
            "A high-risk assessment is a significant change to notify to users under GB/T 35273-2020 Annex D; "
            "the policy declares no clause for it (policy.clause_for.high_risk_assessment).")
    return (f"High risk: the residual risk of {len(bad)} of {len(result.activities)} activities reaches "
            f"{result.threshold!r} under {result.method_title}: {listed}. {then}")


def _with_policy(standard: str, clause: str | None) -> str:
    """A step's source: the standard, and the policy clause when the manifest's policy has one."""
    return f"{standard}; policy {clause}" if clause else standard
