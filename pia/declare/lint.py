"""Consistency checks of a valid manifest: what a reviewer should look at before the assessment.

A manifest can be valid and still contradict itself or the policy's promises (an unused data element,
a consent-based activity without a consent scope, a recipient abroad while storage claims no transfer).
"""
from __future__ import annotations

from enum import Enum

from pydantic import BaseModel, Field

from pia.declare.manifest import Control, ControlStatus, DataSubject, Manifest, RightKind


class Level(str, Enum):
    """How much a lint finding matters to the reviewer."""

    warning = "warning"
    note = "note"


class Finding(BaseModel):
    """One observation about a manifest, with where it is and why it matters."""

    level: Level
    rule: str = Field(description="Stable id of the rule.")
    path: str = Field(description="Dotted path of the manifest node concerned.")
    line: int | None = Field(None, description="Line of that node in the manifest file.")
    message: str
    clause: str | None = Field(None, description="Policy clause or standard the rule rests on.")

    def __str__(self) -> str:
        return f"{self.line or '-'}: {self.path}: {self.level.value}: {self.message}" + (
            f" [{self.clause}]" if self.clause else "")


def lint(m: Manifest) -> list[Finding]:
    """Every finding about `m`, ordered by line then rule."""
    out: list[Finding] = []

    def add(level: Level, rule: str, loc: tuple, message: str, clause: str | None = None) -> None:
        out.append(Finding(level=level, rule=rule, path=".".join(str(p) for p in loc),
                           line=m.line_of(*loc), message=message, clause=clause))

    used_elements = {e for a in m.processing_activities for e in a.data_elements}
    for i, el in enumerate(m.data_elements):
        if el.id not in used_elements:
            add(Level.warning, "element_unused", ("data_elements", i, "id"),
                f"data element {el.id!r} is declared but no activity uses it: is it still needed?",
                "GB/T 35273-2020 5.2 (minimisation)")

    named = {r for a in m.processing_activities for r in a.recipients}
    for i, r in enumerate(m.recipients):
        if r.id not in named:
            add(Level.note, "recipient_unused", ("recipients", i, "id"),
                f"recipient {r.id!r} is declared but no activity names it", "IV.1")
        if r.location != m.controller.jurisdiction:
            add(Level.warning, "recipient_abroad", ("recipients", i, "location"),
                f"recipient {r.id!r} processes data in {r.location}, outside {m.controller.jurisdiction}: "
                "a cross-border transfer", "PIPL Art. 38-39")
        if not r.confidentiality_agreement and r.type.value in ("partner", "processor"):
            add(Level.warning, "recipient_unbound", ("recipients", i, "confidentiality_agreement"),
                f"{r.type.value} {r.id!r} has no confidentiality agreement although the policy promises one", "IV.1")

    for i, a in enumerate(m.processing_activities):
        groups = {e.group for e in m.elements_of(a)}
        for j, r in enumerate(m.recipients_of(a)):
            if not groups & set(r.data_groups):
                add(Level.warning, "recipient_gets_nothing", ("processing_activities", i, "recipients", j),
                    f"recipient {r.id!r} receives none of the data groups activity {a.id!r} uses", "IV.1")
        if a.legal_basis == "consent" and not a.consent_scope:
            add(Level.note, "consent_scope_missing", ("processing_activities", i, "legal_basis"),
                f"activity {a.id!r} relies on consent but names no consent_scope, so consent records cannot be checked",
                "V.3")
        overriding = a.legal_basis == "legal_obligation" or a.legal_basis in {f"I.5({n})" for n in (1, 2, 3, 4, 11)}
        if DataSubject.minors in a.data_subjects and a.legal_basis != "consent" and not overriding:
            add(Level.note, "minors_without_consent_basis", ("processing_activities", i, "data_subjects"),
                f"activity {a.id!r} processes minors' data on basis {a.legal_basis!r}; the policy requires a guardian's "
                "prior consent for minors", "VI.1")
        abroad = [loc for loc in a.storage.locations if loc != m.controller.jurisdiction]
        if abroad and not a.storage.cross_border:
            add(Level.warning, "storage_abroad_undeclared", ("processing_activities", i, "storage"),
                f"activity {a.id!r} stores data in {', '.join(abroad)} but says cross_border: false", "PIPL Art. 38")
        sensitive = [e.id for e in m.elements_of(a) if e.sensitive]
        if sensitive and a.control(Control.encryption_at_rest) is not ControlStatus.implemented:
            add(Level.warning, "sensitive_unencrypted", ("processing_activities", i, "controls"),
                f"activity {a.id!r} stores sensitive data ({', '.join(sensitive)}) without encryption at rest "
                "implemented", "III.3")

    kinds = {r.kind for r in m.rights}
    for k in RightKind:
        if k not in kinds:
            add(Level.warning, "right_missing", ("rights",), f"no way to exercise the right {k.value!r} is declared", "V")
    contact = m.controller.contact
    if not contact.email:
        add(Level.warning, "contact_email_missing", ("controller", "contact"),
            "no contact email is given: users can only call (the policy's own contact leaves the email blank)", "VIII")
    if not (contact.phone or contact.email or contact.web or contact.address):
        add(Level.warning, "contact_missing", ("controller", "contact"), "no contact point at all", "VIII")
    if not m.controller.ownership.parent_company and not m.controller.ownership.controlling_shareholders:
        add(Level.note, "ownership_unknown", ("controller", "ownership"),
            "ownership (parent company, controlling shareholders) is not recorded, so a change of control cannot be "
            "detected by `pia diff`", "VII.2(2)")
    out.sort(key=lambda f: (f.line or 0, f.rule, f.path))
    return out
