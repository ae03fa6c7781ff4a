"""Evidence documents of `pia validate` and `pia scan`, read through pydantic models and filed by activity.

A bad document raises `InputError` with one `FILE: path: message` line per problem; what a good one says
(failed checks, undisclosed categories, measures it contradicts) is gathered in an `EvidenceContext`.
"""
from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from pia.config import display_path
from pia.declare.citations import by_regime
from pia.declare.coverage import activities_for_categories, check_coverage
from pia.declare.datasets import parameters_with_defaults
from pia.declare.manifest import Manifest
from pia.declare.measures import MeasureStatus
from pia.errors import InputError, Problem
from pia.field_errors import field_message
from pia.i18n import L_, N_, _
from pia.inputs import load_json
from pia.risk.bearing import load_evidence_map

EVIDENCE_SCHEMA_VERSION = 1


class _Doc(BaseModel):
    # other fields of the documents (samples, timings) are not evidence for the assessment: ignored
    model_config = ConfigDict(extra="ignore")


class ValidationCheck(_Doc):
    """One dataset check of a `pia validate` document."""

    id: str = Field(description="Check id, e.g. users.password_hashed.")
    clause: str = Field("", description="Policy clause(s) the check tests, comma separated.")
    status: Literal["pass", "fail", "skipped"] = Field(description="pass, fail or skipped.")
    failed_rows: int | None = Field(None, ge=0, description="Rows that failed the check.")
    activities: list[str] = Field(default_factory=list, description="Manifest activities the check bears on.")
    controls: list[str] = Field(default_factory=list, description="Measure ids the check is evidence for.")
    template: str | None = Field(None, description="Template the check instantiates (older documents: absent).")
    kind: str | None = Field(None, description="Kind of evidence (pia/data/evidence_events.yaml).")
    categories: list[str] = Field(default_factory=list, description="Taxonomy categories of the data it judged.")


class ValidationDocument(_Doc):
    """What `pia validate` writes (kind pia.validation)."""

    kind: Literal["pia.validation"] = Field(description="Always pia.validation.")
    schema_version: int = Field(EVIDENCE_SCHEMA_VERSION, ge=1, le=EVIDENCE_SCHEMA_VERSION,
                                description="Format version of the document.")
    checks: list[ValidationCheck] = Field(description="Every check run, with its status.")


class ScanFinding(_Doc):
    """One reconciliation finding of a `pia scan` document."""

    category: str = Field(description="Taxonomy category found (or declared and not found).")
    sensitive: bool = Field(False, description="Whether the category is sensitive.")
    where: list[str] = Field(default_factory=list, description="table.column places where it was found.")
    activities: list[str] = Field(default_factory=list, description="Manifest activities it bears on.")
    confidence: float | None = Field(None, ge=0, le=1, description="Detector confidence.")


class Reconciliation(_Doc):
    """The scan's comparison of found data with the manifest."""

    undeclared: list[ScanFinding] = Field(default_factory=list, description="Found, not declared.")
    not_found: list[ScanFinding] = Field(default_factory=list, description="Declared, not found.")
    plaintext_sensitive: list[ScanFinding] = Field(default_factory=list,
                                                   description="Sensitive data found unencrypted.")


class ScanDocument(_Doc):
    """What `pia scan` writes (kind pia.scan)."""

    kind: Literal["pia.scan"] = Field(description="Always pia.scan.")
    schema_version: int = Field(EVIDENCE_SCHEMA_VERSION, ge=1, le=EVIDENCE_SCHEMA_VERSION,
                                description="Format version of the document.")
    reconciliation: Reconciliation = Field(description="Findings of the reconciliation.")


class EvidenceSummary(BaseModel):
    """One evidence document the assessment read."""

    kind: str = Field(description="pia.validation or pia.scan.")
    source: str = Field(description="File name (or <dict> for a parsed document).")
    sha256: str | None = Field(description="sha256 of the file's bytes.")
    findings: int = Field(description="Failed checks (validation) or reconciliation findings (scan).")


@dataclass
class EvidenceContext:
    """What the evidence says, by activity: failed checks, undisclosed collection, measures contradicted."""

    failed_checks: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    undeclared: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    contradicted: dict[str, dict[str, list[str]]] = field(default_factory=dict)
    service_factors: list[str] = field(default_factory=list)
    summaries: list[EvidenceSummary] = field(default_factory=list)

    def without(self, activity: str, evidence_ids: set[str]) -> EvidenceContext:
        """The evidence with some findings on one activity remedied (failed checks, undeclared categories)."""
        failed = [c for c in self.failed_checks.get(activity, []) if c["id"] not in evidence_ids]
        undeclared = [f for f in self.undeclared.get(activity, [])
                      if f"undeclared:{f['category']}" not in evidence_ids]
        contradicted: dict[str, list[str]] = {}
        for measure, why in self.contradicted.get(activity, {}).items():
            kept = [w for w in why if not any(w == f"check {x} failed" for x in evidence_ids)]
            if kept:
                contradicted[measure] = kept
        return EvidenceContext(failed_checks={**self.failed_checks, activity: failed},
                               undeclared={**self.undeclared, activity: undeclared},
                               contradicted={**self.contradicted, activity: contradicted})


def _read(item: str | Path | Mapping[str, Any]) -> tuple[str, str, str | None, Any]:
    """(name, source for messages, sha256, parsed JSON) of one evidence item."""
    if isinstance(item, Mapping):
        return "<dict>", "<dict>", None, dict(item)
    path = Path(item)
    src = display_path(path)
    # The shared input layer bounds the file (regular file, size, nesting depth) and the JSON parse.
    raw, data = load_json(path, N_("the JSON of pia validate or pia scan"), src,
                          missing=N_("evidence file not found"), what=N_("evidence"))
    return path.name, src, hashlib.sha256(raw).hexdigest(), data


def _problems(src: str, exc: ValidationError) -> list[Problem]:
    out = []
    for err in exc.errors():
        loc = ".".join(str(p) for p in err["loc"])
        msg = field_message(err)
        if err["type"] in ("literal_error", "enum"):
            msg = _("{problem}; got {value}", problem=msg, value=repr(err.get("input")))
        out.append(Problem(src, msg, path=loc))
    return out


def parse_evidence(data: Any, src: str) -> ValidationDocument | ScanDocument:
    """Validate one parsed evidence document; raise InputError naming the file and the bad entries."""
    if not isinstance(data, dict):
        raise InputError(Problem(src, "evidence must be a JSON object with a 'kind'"))
    kind = data.get("kind")
    # a kind that is no string (a list, an object) cannot be a dict key: it is just another unknown kind
    model = {"pia.validation": ValidationDocument, "pia.scan": ScanDocument}.get(kind) if isinstance(kind, str) else None
    if model is None:
        raise InputError(Problem(src, f"unknown evidence kind {kind!r} (expected 'pia.validation' from pia "
                                      "validate or 'pia.scan' from pia scan)", path="kind"))
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        raise InputError(_problems(src, exc)) from None


# measures an activity claims to have in place: a failing check contradicts them (they stop counting)
_CLAIMED = (MeasureStatus.implemented, MeasureStatus.improvable)
# measures not in place (planned counts only from the planned stage): a failing check is that absence, already counted
_ABSENT = (MeasureStatus.planned, MeasureStatus.missing)


def _bearing(check: ValidationCheck, manifest: Manifest, declared: dict[str, Any]) -> tuple[list[str], str, Any, list[str]]:
    """(activities, how they were found, evidence kind, measures) of one failed check, read from the manifest first.

    A check the manifest declares is mapped through the data its judged columns hold (pia.declare.coverage);
    otherwise through the categories the document says it covers; otherwise through the activities it lists.
    """
    emap = load_evidence_map()
    decl = declared.get(check.id)
    if decl is not None:
        cov = check_coverage(manifest, decl)
        kind = emap.kind_of(decl.template, parameters_with_defaults(decl))
        return cov.activities, cov.how, kind, sorted(set(decl.controls) | set(decl.measures))
    kind = emap.kinds.get(check.kind or "") or emap.kind_of(check.template or None)
    if check.categories:
        acts = activities_for_categories(manifest, check.categories)
        if acts:
            return acts, "categories", kind, sorted(check.controls)
    return sorted(set(check.activities)), "declaration", kind, sorted(check.controls)


def _file_validation(ctx: EvidenceContext, doc: ValidationDocument, manifest: Manifest) -> int:
    known = {a.id for a in manifest.processing_activities}
    catalogue = manifest.measure_catalogue()
    declared = {c.id: c for c in manifest.checks} if manifest.datasets else {}
    failed = 0
    for check in doc.checks:
        if check.status != "fail":
            continue
        failed += 1
        acts, how, kind, controls = _bearing(check, manifest, declared)
        if not acts:
            ctx.service_factors.append(L_("failed check {check} ({clause}) names no activity", check=check.id,
                                          clause=check.clause))
        for act in acts:
            if act not in known:
                ctx.service_factors.append(L_("failed check {check} bears on activity '{activity}', which this "
                                              "manifest does not define: not counted", check=check.id, activity=act))
                continue
            if any(r["id"] == check.id for r in ctx.failed_checks.get(act, [])):
                continue  # the same document given twice
            activity = manifest.activity(act)
            mine = [k for k in controls if k in catalogue]
            claimed = [k for k in mine if activity.measure(k) in _CLAIMED]
            absent = [k for k in mine if activity.measure(k) in _ABSENT]
            # each failing fact counts once per activity: through the measure it shows not effective, else as the
            # absence of a measure already counted, else as a likelihood factor of its kind
            counted = "measure" if claimed else "absence" if absent else "factor" if kind.events else "listed"
            record = {"id": check.id, "clause": check.clause, "failed_rows": check.failed_rows,
                      "controls": sorted(controls), "kind": kind.id, "events": [e.value for e in kind.events],
                      "mapped_by": how, "counted": counted, "measures": claimed or absent}
            ctx.failed_checks.setdefault(act, []).append(record)
            for measure in claimed:
                ctx.contradicted.setdefault(act, {}).setdefault(measure, []).append(
                    L_("check {check} failed", check=check.id))
    return failed


def _file_scan(ctx: EvidenceContext, doc: ScanDocument, manifest: Manifest) -> int:
    known = {a.id for a in manifest.processing_activities}
    minimisation = by_regime(manifest.regimes, "GB/T 35273-2020 5.2", "GDPR Art. 5(1)(c)")
    findings = 0
    rec = doc.reconciliation
    for section, entries in (("undeclared", rec.undeclared), ("not_found", rec.not_found),
                             ("plaintext_sensitive", rec.plaintext_sensitive)):
        for entry in entries:
            findings += 1
            acts, places = entry.activities, sorted(entry.where)
            finding = {"category": entry.category, "sensitive": entry.sensitive, "where": places,
                       "confidence": entry.confidence}
            label = L_("{category} in {where}", category=entry.category, where=", ".join(places) or L_("scanned data"))
            if section == "not_found":
                users = L_(" (used by {activities})", activities=", ".join(sorted(acts))) if acts else ""
                ctx.service_factors.append(L_("declared category {category}{users} not found in scanned data: is it "
                                              "still needed? (minimisation, {source})", category=entry.category,
                                              users=users, source=minimisation))
                continue
            if entry.confidence is not None:
                label = L_("{label} (scan confidence {confidence:.2f})", label=label, confidence=entry.confidence)
            if not acts:
                what = L_("undisclosed collection") if section == "undeclared" else L_("sensitive data stored in plaintext")
                ctx.service_factors.append(L_("{what}: {label}; the scan names no activity, so no single activity's "
                                              "risk was raised", what=what, label=label))
            for act in acts:
                if act not in known:
                    ctx.service_factors.append(L_("scan finding {label} bears on activity '{activity}', which this "
                                                  "manifest does not define: not counted", label=label, activity=act))
                elif section == "undeclared":
                    if finding not in ctx.undeclared.get(act, []):
                        ctx.undeclared.setdefault(act, []).append(finding)
                elif manifest.activity(act).measure("encryption_at_rest") in _CLAIMED:
                    ctx.contradicted.setdefault(act, {}).setdefault("encryption_at_rest", []).append(
                        L_("scan found {label} in plaintext", label=label))
                # encryption at rest planned or missing: the plaintext is that absence, already counted
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
        Failed checks, undisclosed categories and contradicted measures by activity, and service-level notes.

    Raises
    ------
    InputError
        An unreadable or malformed file, or an unknown `kind`: one problem per bad entry, naming the file.
    """
    ctx = EvidenceContext()
    problems: list[Problem] = []
    for item in items:
        name, src, sha, data = _read(item)
        try:
            doc = parse_evidence(data, src)
        except InputError as exc:
            problems.extend(exc.problems)
            continue
        if isinstance(doc, ValidationDocument):
            findings = _file_validation(ctx, doc, manifest)
        else:
            findings = _file_scan(ctx, doc, manifest)
        ctx.summaries.append(EvidenceSummary(kind=doc.kind, source=name, sha256=sha, findings=findings))
    if problems:
        raise InputError(problems)
    ctx.service_factors = sorted(set(ctx.service_factors))
    ctx.summaries.sort(key=lambda s: (s.kind, s.source, s.sha256 or ""))
    for records in ctx.failed_checks.values():
        records.sort(key=lambda r: r["id"])
    for found in ctx.undeclared.values():
        found.sort(key=lambda r: (r["category"], r["where"]))
    for by_measure in ctx.contradicted.values():
        for measure in by_measure:
            by_measure[measure] = sorted(set(by_measure[measure]))
    return ctx
