"""The privacy policy as data: its title, version and clauses, against which clause references are checked.

A manifest may declare `policy: {title, version, effective_date, clauses: [{id, title}]}`; every clause
reference in the manifest must then name a declared clause (or an item `(n)` of one). Without the section,
clause references are free-form labels, so any numbering ("1", "2.3", "Art. 4", "IV.1(3)") is accepted.
"""
from __future__ import annotations

import datetime as dt
import difflib
import re
from collections.abc import Iterator
from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, field_validator

from pia.declare.text import Text
from pia.errors import Problem
from pia.i18n import _
from pia.yamlsource import Loc, YamlDocument

# An item of a declared clause: "V.2(3)" is item 3 of "V.2", "IV.1(3)(a)" an item of "IV.1(3)".
_ITEM_RE = re.compile(r"^(?P<parent>.+?)\((?:\d+|[a-z]{1,3})\)$")
# Fields that hold lists of clause references, wherever they appear in a manifest.
CLAUSE_FIELDS = ("clauses", "contact_clauses")
# What the kit cites a policy clause for, and the reference policy's clause for each (used when a manifest
# follows the reference numbering). Significant-change kinds after GB/T 35273-2020 Annex D; `posting`: every
# update is published; the security controls an activity relies on.
KIT_CONCEPTS: dict[str, str | None] = {
    "service_mode": "VII.2(1)", "ownership": "VII.2(2)", "recipients": "VII.2(3)", "user_rights": "VII.2(4)",
    "high_risk_assessment": "VII.2(5)", "contact_channel": None, "posting": "VII.1", "collection": "I",
    "encryption_in_transit": "III.2", "encryption_at_rest": "III.3", "access_control": "III.4",
    "staff_training": "III.5", "breach_response": "III.7",
    # Not promised by the reference policy: I.5(10) is the academic-research exemption and V.4 is deletion on
    # the user's request, neither a de-identification or retention measure (issue 13).
    "deidentification": None, "retention_enforcement": None,
}


def _clause_text(value: Any) -> Any:
    """Accept a clause written as a YAML integer (`1`); refuse floats, which YAML reads lossily ("2.10" -> 2.1)."""
    if isinstance(value, bool):
        return value  # left to the str validator, which repeats the value
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        raise ValueError(_("clause {value!r} was read as a number: quote it (e.g. \"{value}\"), since YAML reads 2.10 "
                           "as the number 2.1", value=value))
    return value


def _clause(value: str) -> str:
    if not value.strip() or value != value.strip():
        raise ValueError(_("{value!r} is not a clause reference (a non-empty label without surrounding spaces)",
                           value=value))
    return value


ClauseRef = Annotated[str, BeforeValidator(_clause_text), AfterValidator(_clause)]


class PolicyClause(BaseModel):
    """One clause of the privacy policy: its number as the policy writes it and a short title."""

    model_config = ConfigDict(extra="forbid")

    id: ClauseRef = Field(description="The clause's number as the policy writes it, e.g. 'IV.1', '2.3', 'preamble'.")
    title: Text = Field(min_length=1, description="Short title of the clause, in the assessor's own words.")


class Policy(BaseModel):
    """The privacy policy the manifest documents, with the clauses references may cite."""

    model_config = ConfigDict(extra="forbid")

    title: Text = Field(min_length=1, description="Title of the privacy policy.")
    version: str | None = Field(None, description="Version label of the policy (quote numbers: \"2.1\").")
    effective_date: dt.date | None = Field(None, description="Date this version takes effect.")
    location: str | None = Field(None, description="Where the policy text is published or stored.")
    clauses: list[PolicyClause] = Field(
        default_factory=list,
        description="The policy's clauses; when given, every clause reference in the manifest must name one of "
                    "them or an item '(n)' of one. Empty: references are free-form.")
    clause_for: dict[str, ClauseRef] = Field(
        default_factory=dict,
        description="This policy's clause for what the kit cites: significant-change kinds (service_mode, "
                    "ownership, recipients, user_rights, high_risk_assessment, contact_channel), posting of updates "
                    "(posting), the section listing the data collected (collection) and security controls "
                    "(encryption_at_rest, access_control, ...). Without an entry the kit cites the standard its rule "
                    "rests on.")

    @field_validator("clause_for")
    @classmethod
    def _known_concepts(cls, value: dict[str, str]) -> dict[str, str]:
        unknown = sorted(set(value) - set(KIT_CONCEPTS))
        if unknown:
            raise ValueError(_("unknown key(s) {keys} (allowed: {allowed})", keys=", ".join(map(repr, unknown)),
                               allowed=", ".join(KIT_CONCEPTS)))
        return value

    def clause_ids(self) -> list[str]:
        """The declared clause ids, in the policy's order."""
        return [c.id for c in self.clauses]

    def title_of(self, ref: str) -> str | None:
        """The short title of the clause `ref` cites (its own, or that of the clause it is an item of)."""
        titles = {c.id: c.title for c in self.clauses}
        for candidate in clause_ancestry(ref):
            if candidate in titles:
                return titles[candidate]
        return None


def clause_ancestry(ref: str) -> list[str]:
    """`ref` and the clauses it is an item of, nearest first: 'V.2(3)' -> ['V.2(3)', 'V.2']."""
    out = [ref]
    m = _ITEM_RE.match(ref)
    while m:
        ref = m.group("parent")
        out.append(ref)
        m = _ITEM_RE.match(ref)
    return out


def is_declared(ref: str, declared: set[str]) -> bool:
    """Whether `ref` names a declared clause or an item `(n)` of one."""
    return any(c in declared for c in clause_ancestry(ref))


def _references(data: Any, loc: Loc = ()) -> Iterator[tuple[Loc, Any]]:
    """Every clause reference in raw manifest data with its location (the policy's own list excluded)."""
    if isinstance(data, dict):
        for key, value in data.items():
            if loc == () and key == "policy":
                continue
            if key in CLAUSE_FIELDS and isinstance(value, list):
                for i, ref in enumerate(value):
                    yield loc + (key, i), ref
            elif key == "clause" and not isinstance(value, (dict, list)):
                yield loc + (key,), value  # a single reference (a consent exemption, a dataset check)
            else:
                yield from _references(value, loc + (key,))
    elif isinstance(data, list):
        for i, value in enumerate(data):
            yield from _references(value, loc + (i,))


def declared_clauses(data: Any) -> list[str] | None:
    """The clause ids a raw manifest's `policy:` section declares; None when it declares none."""
    policy = data.get("policy") if isinstance(data, dict) else None
    clauses = policy.get("clauses") if isinstance(policy, dict) else None
    if not isinstance(clauses, list) or not clauses:
        return None
    ids = [_clause_text(c.get("id")) if isinstance(c, dict) and not isinstance(c.get("id"), float) else None
           for c in clauses]
    return [str(i) for i in ids if isinstance(i, str)]


def clause_problems(doc: YamlDocument) -> list[Problem]:
    """Clause references that name no clause of the declared policy, and duplicate clause ids.

    Nothing is checked when the manifest declares no clauses: references are then free-form labels.
    """
    declared_list = declared_clauses(doc.data)
    if declared_list is None:
        return []
    problems: list[Problem] = []
    seen: dict[str, int] = {}
    for i, c in enumerate(doc.data["policy"]["clauses"]):
        cid = c.get("id") if isinstance(c, dict) else None
        if isinstance(cid, (str, int)) and not isinstance(cid, bool):
            key = str(cid)
            loc: Loc = ("policy", "clauses", i, "id")
            if key in seen:
                first = doc.line_of(("policy", "clauses", seen[key], "id"))
                problems.append(Problem(doc.source, _("duplicate clause id {key!r} (first defined on line {first})", key=key,
                                                          first=first),
                                        doc.line_of(loc), doc.path_of(loc)))
            else:
                seen[key] = i
    declared = set(declared_list)
    mapping = doc.data["policy"].get("clause_for")
    mapped = [(("policy", "clause_for", k), v) for k, v in mapping.items()] if isinstance(mapping, dict) else []
    for loc, ref in [*_references(doc.data), *mapped]:
        if isinstance(ref, bool) or not isinstance(ref, (str, int)):
            continue  # wrong types are reported by the model
        ref = str(ref)
        if is_declared(ref, declared):
            continue
        close = difflib.get_close_matches(ref, declared_list, n=3, cutoff=0.5)
        hint = _("; did you mean {names}?", names=", ".join(close)) if close else ""
        problems.append(Problem(
            doc.source,
            _("{ref!r} is not a clause reference of the policy (it declares {declared} under policy.clauses; an item "
              "'(n)' of a declared clause is accepted too)", ref=ref, declared=_span(declared_list)) + hint,
            doc.line_of(loc), doc.path_of(loc)))
    return problems


def _span(ids: list[str]) -> str:
    """A short description of the declared ids for messages: all of them when few, else first and last."""
    if len(ids) <= 6:
        return ", ".join(repr(i) for i in ids)
    return f"{len(ids)} clauses, {ids[0]!r} to {ids[-1]!r}"


__all__ = ["CLAUSE_FIELDS", "KIT_CONCEPTS", "ClauseRef", "Policy", "PolicyClause", "clause_ancestry", "clause_problems",
           "declared_clauses", "is_declared"]
