"""What a failing dataset check bears on: its feared events and likelihood factor group, as data.

`pia/data/evidence_events.yaml` classifies each check template into a kind of evidence (a format defect is data
quality, an unhashed password is confidentiality, ...); each kind names the feared events it makes more likely, the
GB/T 39335-2020 5.4 and CNIL groups it counts in, the source of that choice and the duty it evidences per regime.
"""
from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict, Field

from pia.config import PACKAGE_DATA
from pia.declare.measures import FearedEvent

EVIDENCE_EVENTS_FILE = PACKAGE_DATA / "evidence_events.yaml"
GBT_GROUP_IDS = ("network", "flow", "participants", "business")
CNIL_GROUP_IDS = ("internal", "external", "motivation")
UNCLASSIFIED = "unclassified"


class EvidenceKind(BaseModel):
    """One kind of dataset evidence and what it bears on."""

    model_config = ConfigDict(extra="forbid")

    id: str = Field(description="Kind id, e.g. data_quality.")
    title: str = Field(description="What a failing check of this kind shows, in words.")
    events: list[FearedEvent] = Field(description="Feared events whose likelihood it raises (none: listed, not scored).")
    gbt39335: str = Field(description="GB/T 39335-2020 5.4 factor group it counts in.")
    cnil: str = Field(description="CNIL risk-source group it counts in.")
    source: str = Field(description="Why these events and group: a standard clause or 'pia default: <rationale>'.")
    duty: dict[str, str] = Field(default_factory=dict, description="Regime (CN, EU) -> the legal duty the check evidences.")

    def group(self, likelihood_model: str) -> str:
        """The factor group of a likelihood model (gbt39335_factors or cnil_sources)."""
        return self.cnil if likelihood_model == "cnil_sources" else self.gbt39335

    def duties(self, regimes: frozenset[str]) -> list[str]:
        """The duties of the service's regimes (UK follows the EU entry); all of them when none is known."""
        wanted = {"EU" if r == "UK" else r for r in regimes} & set(self.duty)
        return [self.duty[r] for r in sorted(wanted or self.duty)]


class EvidenceMap(BaseModel):
    """The whole mapping: kinds, and how templates (and their named patterns or value lists) choose one."""

    model_config = ConfigDict(extra="forbid")

    kinds: dict[str, EvidenceKind]
    templates: dict[str, str] = Field(description="Template -> kind.")
    patterns: dict[str, str] = Field(default_factory=dict, description="Named regex of `pattern` -> kind.")
    values: dict[str, str] = Field(default_factory=dict, description="Named value list of `value_allowed` -> kind.")

    def kind_of(self, template: str | None, parameters: Mapping[str, Any] | None = None) -> EvidenceKind:
        """The kind of a check from its template and parameters (unclassified when the template is unknown)."""
        p = parameters or {}
        kid = self.templates.get(template or "", UNCLASSIFIED)
        if template == "pattern" and p.get("regex") in self.patterns:
            kid = self.patterns[p["regex"]]
        if template == "value_allowed" and isinstance(p.get("values"), str) and p["values"] in self.values:
            kid = self.values[p["values"]]
        return self.kinds[kid]


@cache
def load_evidence_map() -> EvidenceMap:
    """Read and check `pia/data/evidence_events.yaml` (groups and kinds must exist)."""
    raw = yaml.safe_load(EVIDENCE_EVENTS_FILE.read_text(encoding="utf-8"))
    kinds = {k: EvidenceKind(id=k, **v) for k, v in raw["kinds"].items()}
    out = EvidenceMap(kinds=kinds, templates=raw["templates"], patterns=raw.get("patterns") or {},
                      values=raw.get("values") or {})
    for k in kinds.values():
        if k.gbt39335 not in GBT_GROUP_IDS or k.cnil not in CNIL_GROUP_IDS:
            raise ValueError(f"{EVIDENCE_EVENTS_FILE.name}: kind {k.id}: unknown group")
    for name, kid in [*out.templates.items(), *out.patterns.items(), *out.values.items()]:
        if kid not in kinds:
            raise ValueError(f"{EVIDENCE_EVENTS_FILE.name}: {name} -> unknown kind {kid}")
    if UNCLASSIFIED not in kinds:
        raise ValueError(f"{EVIDENCE_EVENTS_FILE.name}: the kind {UNCLASSIFIED} is required")
    return out
