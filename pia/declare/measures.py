"""Measures: the catalogue of security and privacy measures and each activity's status for them.

The catalogue ships as data (`pia/data/measures.yaml`); a manifest may add its own measures in a top-level
`measures:` list. Each activity maps measure ids to a status, written `id: status` or `id: {status, note}`.
"""
from __future__ import annotations

import difflib
from enum import Enum
from functools import lru_cache
from typing import Annotated, Any

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, ValidationError, model_validator

from pia.config import PACKAGE_DATA
from pia.declare.text import Text
from pia.errors import InputError, Problem
from pia.field_errors import field_message
from pia.i18n import _
from pia.yamlsource import Loc, YamlDocument, load_yaml

MEASURES_FILE = PACKAGE_DATA / "measures.yaml"


class FearedEvent(str, Enum):
    """The three feared events of a privacy risk analysis (CNIL PIA methodology).

    They are the loss of confidentiality, integrity and availability of personal data.
    """

    illegitimate_access = "illegitimate_access"
    unwanted_modification = "unwanted_modification"
    disappearance = "disappearance"


class Gauge(str, Enum):
    """What a measure lowers: the severity (impact) of a feared event or its likelihood."""

    severity = "severity"
    likelihood = "likelihood"


class MeasureStatus(str, Enum):
    """Where a measure stands for one activity (the CNIL PIA tool's 'existing or planned' split, refined)."""

    implemented = "implemented"  # in place and effective
    improvable = "improvable"  # in place but with known gaps: counts partly in the current stage
    planned = "planned"  # decided, not yet in place: counts from the planned stage on
    missing = "missing"  # not in place and not decided
    not_applicable = "not_applicable"  # cannot apply to this activity (e.g. no stored data to back up)
    not_assessed = "not_assessed"  # the assessment does not say (how it counts: MethodParameters.not_assessed)


class Assurance(str, Enum):
    """Assurance obtained from the processor responsible for a measure outside the assessment's scope."""

    obtained = "obtained"  # a contract binds the processor to the measure, with a right to audit it
    planned = "planned"  # decided, not yet obtained: counts from the planned stage on
    none = "none"  # none obtained or none stated: counts as missing


# How an out-of-scope measure counts: as the assurance obtained from its responsible processor (GDPR Art. 28(1),
# 28(3)(c) and (h): the controller uses processors with sufficient guarantees, binds them by contract to the
# Art. 32 measures and can audit them)
ASSURED_STATUS = {Assurance.obtained: MeasureStatus.implemented, Assurance.planned: MeasureStatus.planned,
                  Assurance.none: MeasureStatus.missing}


class MeasureKind(str, Enum):
    """The CNIL PIA knowledge base's three families of measures."""

    data = "data"  # measures on the personal data processed
    system = "system"  # general security measures of the system
    organisation = "organisation"  # organisational measures (governance)


class Requirement(str, Enum):
    """A supporting asset or fact a measure needs to apply to an activity (derived from the manifest's facts).

    The CNIL PIA method has measures act on supporting assets (hardware, software, networks, people, paper) and on
    the data; a measure whose asset is absent from an activity has nothing to protect there. How each is read from
    the manifest: `pia.risk.applicability`.
    """

    stored = "stored"  # data is stored somewhere (on the service, a processor or the subjects' devices)
    held_centrally = "held_centrally"  # data is stored on the service's or a processor's systems
    reached = "reached"  # data is held or relayed by the service's or a processor's systems (servers, staff)
    own_systems = "own_systems"  # data is held or relayed on the controller's own systems (its hardware, premises)
    network = "network"  # data travels over a network (to or through the service, or to a recipient)
    internet = "internet"  # the systems holding or relaying the data are reachable from the internet
    connected_devices = "connected_devices"  # internet-facing devices, or devices that generate the activity's data
    processor = "processor"  # a processor receives or holds the activity's data
    consent = "consent"  # the activity rests on consent
    abroad = "abroad"  # data is stored or received outside the regime of the controller or of the data subjects


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class MeasureState(_Model):
    """The status of one measure for one activity, with the assessor's note."""

    status: MeasureStatus = Field(description=(
        "implemented, improvable, planned, missing, not_applicable or not_assessed."))
    note: Text = Field("", description="Why this status (what is in place, what is missing, when it is planned).")
    responsible: str | None = Field(None, description=(
        "With status not_assessed: the processor (a recipient of the activity) that carries out the measure, "
        "outside this assessment's scope. The measure then counts as the assurance obtained from it, and the "
        "action plan asks for that assurance."))
    assurance: Assurance = Field(Assurance.none, description=(
        "Assurance obtained from the responsible processor that the measure is in place (a contract binding it "
        "to the measure with a right to audit, GDPR Art. 28(3)(c) and (h)): obtained, planned or none (default)."))


def _state(value: Any) -> Any:
    # `id: implemented` is shorthand for `id: {status: implemented}`
    if isinstance(value, (str, MeasureStatus)):
        return {"status": value}
    return value


MeasureEntry = Annotated[MeasureState, BeforeValidator(_state)]


class Measure(_Model):
    """One measure of the catalogue: what it is, which feared events it mitigates and how."""

    id: Annotated[str, Field(pattern=r"^[a-z][a-z0-9_]*$")] = Field(description="Unique id (lower case, digits, _).")
    name: Text = Field(description="Name of the measure for people.")
    kind: MeasureKind = Field(MeasureKind.system, description="data, system or organisation (CNIL PIA families).")
    description: Text = Field("", description="What the measure consists of, in a sentence.")
    mitigates: list[FearedEvent] = Field(min_length=1, description="Feared events the measure mitigates.")
    lowers: Gauge = Field(description="Whether it lowers the severity or the likelihood of those events.")
    weight: float = Field(1.0, gt=0, le=3, description=(
        "Relative strength among the measures of the same feared event and gauge (pia default 1; "
        "a core measure 2)."))
    policy_clauses: list[str] = Field(default_factory=list, description="Clauses of the policy that promise it.")
    sources: list[str] = Field(min_length=1, description="Where the measure and its effect are described.")
    note: Text = Field("", description="When the measure applies, if not always.")
    requires: list[Requirement] = Field(default_factory=list, description=(
        "Supporting assets or facts the measure needs to apply to an activity (any one suffices; empty: it always "
        "applies). Without them the measure is not applicable, derived from the facts, unless the activity "
        "declares a status for it."))
    requires_source: str = Field("", description=(
        "Why the measure needs them: a catalogued source, or 'pia default: <rationale>'."))

    @model_validator(mode="after")
    def _sourced(self) -> Measure:
        if self.requires and not self.requires_source:
            raise ValueError("requires needs requires_source (a catalogued source or 'pia default: <rationale>')")
        return self


class Term(_Model):
    """A name the outputs use, with its meaning: one source for feared events and assessment stages."""

    id: str = Field(description="Id used in JSON.")
    title: str = Field(description="Name for people.")
    description: str = Field("", description="What it means.")
    source: str = Field("", description="Where the term comes from.")


class MeasureCatalogue(_Model):
    """The shipped catalogue file."""

    feared_events: list[Term] = Field(min_length=3, max_length=3, description="The three feared events.")
    stages: list[Term] = Field(min_length=4, max_length=4, description="The assessment stages.")
    measures: list[Measure] = Field(min_length=1, description="The measures, in display order.")


@lru_cache(maxsize=1)
def load_catalogue() -> MeasureCatalogue:
    """The shipped catalogue file, checked (InputError with file and line on a bad file)."""
    doc = load_yaml(MEASURES_FILE)
    try:
        cat = MeasureCatalogue.model_validate(doc.data)
    except ValidationError as exc:
        raise InputError([Problem(doc.source, field_message(e), doc.line_of(tuple(e["loc"])),
                                  doc.path_of(tuple(e["loc"]))) for e in exc.errors()]) from None
    ids = [m.id for m in cat.measures]
    dup = sorted({i for i in ids if ids.count(i) > 1})
    if dup:
        raise InputError(Problem(doc.source, f"duplicate measure id(s): {', '.join(dup)}"))
    if [t.id for t in cat.feared_events] != [e.value for e in FearedEvent]:
        raise InputError(Problem(doc.source, "feared_events must be " + ", ".join(e.value for e in FearedEvent)))
    return cat


@lru_cache(maxsize=1)
def _by_id() -> dict[str, Measure]:
    return {m.id: m for m in load_catalogue().measures}


def load_measures() -> dict[str, Measure]:
    """The shipped catalogue of measures, by id, in display order (a copy: callers may extend it)."""
    return dict(_by_id())


def event_title(event: FearedEvent | str) -> str:
    """People's name of a feared event (from the catalogue file)."""
    key = event.value if isinstance(event, FearedEvent) else event
    return next(t.title for t in load_catalogue().feared_events if t.id == key)


def catalogue(own: list[Measure] | None = None) -> dict[str, Measure]:
    """The shipped catalogue extended by a manifest's own measures (a manifest may not redefine a shipped id)."""
    out = dict(load_measures())
    for m in own or []:
        out[m.id] = m
    return out


def measure_reference_problems(doc: YamlDocument) -> list[Problem]:
    """Unknown measure ids in activities and manifest measures that redefine shipped ones, read from the raw data."""
    data = doc.data if isinstance(doc.data, dict) else {}
    shipped = load_measures()
    own_raw = data.get("measures")
    own: set[str] = set()
    problems: list[Problem] = []
    if isinstance(own_raw, list):
        for i, m in enumerate(own_raw):
            if isinstance(m, dict) and isinstance(m.get("id"), str):
                if m["id"] in shipped:
                    loc: Loc = ("measures", i, "id")
                    problems.append(Problem(doc.source, _("measure {id!r} is already in the shipped catalogue (use "
                                                          "another id for your own measure)", id=m["id"]),
                                            doc.line_of(loc), doc.path_of(loc)))
                own.add(m["id"])
    known = set(shipped) | own
    # an id of the wrong type (a list, a mapping) is the model's error to report, not a key here
    recipients = {r["id"]: r.get("type") for r in _as_list(data.get("recipients"))
                  if isinstance(r, dict) and isinstance(r.get("id"), str)}
    acts = data.get("processing_activities")
    for i, act in enumerate(acts if isinstance(acts, list) else []):
        ms = act.get("measures") if isinstance(act, dict) else None
        if not isinstance(ms, dict):
            continue
        problems += _responsible_problems(doc, i, act, ms, recipients)
        for key in ms:
            if key not in known:
                loc = ("processing_activities", i, "measures", key)
                close = difflib.get_close_matches(str(key), sorted(known), n=3, cutoff=0.6)
                hint = _("; did you mean {names}?", names=", ".join(close)) if close else \
                    _(" (declare it under top-level measures:)")
                problems.append(Problem(doc.source, _("measure {key!r} is not in the catalogue", key=key) + hint,
                                        doc.line_of(loc), doc.path_of(loc)))
    return problems


def _responsible_problems(doc: YamlDocument, i: int, act: dict, ms: dict, recipients: dict) -> list[Problem]:
    """`responsible` must name a processor of the activity, on a measure the assessment does not assess."""
    out = []
    raw = act.get("recipients")
    named: list = raw if isinstance(raw, list) else []
    for key, entry in ms.items():
        if not isinstance(entry, dict) or entry.get("responsible") is None:
            continue
        loc: Loc = ("processing_activities", i, "measures", key, "responsible")
        who = entry["responsible"]
        if entry.get("status") != MeasureStatus.not_assessed.value:
            msg = _("responsible is for a measure outside the assessment's scope: use status not_assessed (the "
                    "measure then counts as the assurance obtained from the processor)")
        elif who not in named or recipients.get(who) != "processor":
            # another controller's measures protect its own copy, which this activity's measure does not cover
            msg = _("{who!r} is not a processor among this activity's recipients (the responsible party of an "
                    "out-of-scope measure is a processor bound under GDPR Art. 28(3)(c))", who=who)
        else:
            continue
        out.append(Problem(doc.source, msg, doc.line_of(loc), doc.path_of(loc)))
    return out


def _as_list(value: object) -> list:
    """`value` when it is a list, else empty (a mistyped section is the model's error to report)."""
    return value if isinstance(value, list) else []
