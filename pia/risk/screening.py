"""High-risk screening of one processing activity against GB/T 39335-2020, EDPB/WP29 WP248 and PIPL Art. 55.

Criteria are data (id, framework, source, the manifest fact read); each answer cites the facts it rests on.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum

from pydantic import BaseModel, Field

from pia.declare.manifest import DataSubject, FlowKind, Manifest, ProcessingActivity, RecipientType
from pia.declare.platform_work import algorithmic_management, concerns_platform_workers, directive_applies
from pia.declare.subjects import GBT_VULNERABLE, VULNERABLE_KINDS
from pia.declare.taxonomy import load_taxonomy
from pia.declare.text import Sentence
from pia.declare.transfers import kept_in, leaving, subject_regimes
from pia.declare.vocabulary import regime_of
from pia.risk.scale import judge_scale
from pia.i18n import L_, N_, Listing, Message, Term

# "Large scale" is the assessor's setting (manifest settings.large_scale_subjects, WP248 gives no number), weighed
# with WP243 rev.01 2.1.3's other factors below it (pia.risk.scale).
# WP248 criterion 7's vulnerable data subjects (pia.declare.subjects); GB/T 39335-2020's criterion names minors.
VULNERABLE_SUBJECTS = frozenset(DataSubject(k) for k in VULNERABLE_KINDS)
GBT_VULNERABLE_SUBJECTS = frozenset(DataSubject(k) for k in GBT_VULNERABLE)
CHILDREN_CATEGORY = "user.childrens"
WP248_REQUIRED = 2


class Framework(str, Enum):
    """Where a screening criterion comes from."""

    gbt39335 = "gbt39335"
    wp248 = "wp248"
    pipl55 = "pipl55"
    pwd = "pwd"  # the EU Platform Work Directive (Directive (EU) 2024/2831), for a service with platform workers


class Criterion(BaseModel):
    """One screening criterion applied to one activity."""

    id: str = Field(description="Stable id, e.g. 'wp248.4' or 'pipl55.1'.")
    framework: Framework = Field(description="gbt39335, wp248 or pipl55.")
    name: str = Field(description="The criterion in a few words.")
    source: str = Field(description="Where the criterion is stated (standard and item).")
    met: bool = Field(description="Whether the activity meets it.")
    evidence: Sentence = Field(description="The manifest facts the answer rests on.")
    reading: bool = Field(False, description=(
        "The answer rests on a reading of whose data a place holds (declared or inferred): an unmet criterion "
        "with a reading is listed for the assessor to confirm."))

    def to_dict(self) -> dict[str, object]:
        """The criterion as JSON-ready data."""
        return {"id": self.id, "framework": self.framework.value, "name": self.name, "source": self.source,
                "met": self.met, "evidence": self.evidence}


Test = Callable[[Manifest, ProcessingActivity], tuple[bool, str]]


@dataclass(frozen=True)
class _Rule:
    id: str
    framework: Framework
    name: str
    source: str
    test: Test


# --------------------------------------------------------------------------- the facts a criterion reads


def _flag(field: str, words: str) -> Test:
    def test(m: Manifest, a: ProcessingActivity) -> tuple[bool, str]:
        value = bool(getattr(a, field))
        return value, (L_("{field}: yes ({words})", field=field, words=Message(words)) if value
                       else L_("{field}: no", field=field))
    return test


def _sensitive(m: Manifest, a: ProcessingActivity) -> tuple[bool, str]:
    found = [e for e in m.elements_of(a) if e.sensitive]
    if not found:
        return False, L_("no sensitive data element")
    return True, L_("sensitive: {elements}", elements=", ".join(f"{e.id} ({e.category})" for e in found))


def _sensitive_large(m: Manifest, a: ProcessingActivity) -> tuple[bool, str]:
    sens, why = _sensitive(m, a)
    scale = judge_scale(m, a)
    return sens and scale.large, L_("{why}; {scale}", why=why, scale=scale.reason)


def _large_scale(m: Manifest, a: ProcessingActivity) -> tuple[bool, str]:
    # WP243 rev.01 2.1.3's factors, to which WP248 criterion 5 refers (pia.risk.scale)
    scale = judge_scale(m, a)
    return scale.large, scale.reason


def vulnerable_reasons(m: Manifest, a: ProcessingActivity, kinds: frozenset[DataSubject] = VULNERABLE_SUBJECTS,
                       regimes: tuple[str, ...] = ("EU", "UK"), children_data: bool = True) -> list[str]:
    """Why an activity concerns vulnerable people: its data subjects of `kinds`, and children's data.

    `kinds` defaults to every kind WP248 criterion 7 covers; `children_data` False leaves out children's data;
    minors are named with the minor age of `regimes`. Each kind is one reason; WP248 criterion 7 is still one
    criterion however many reasons it has (a pupil who is a minor is one fact, not two).
    """
    # WP248's words only where its regimes are named (a PIPL-only service's reasons cite no GDPR guidance)
    wp248 = kinds != GBT_VULNERABLE_SUBJECTS and bool(set(regimes) & {"EU", "UK"})
    out: list[str] = [L_("data subjects include {subjects} (WP248: {words})", subjects=_subject_words(m, s, regimes),
                         words=Message(VULNERABLE_KINDS[s.value].wp248)) if wp248
                      else L_("data subjects include {subjects}", subjects=_subject_words(m, s, regimes))
                      for s in a.data_subjects if s in kinds]
    tax = load_taxonomy()
    out += [L_("{element} is children's data ({category})", element=e.id, category=e.category) for e in m.elements_of(a)
            if children_data and tax.is_within(e.category, CHILDREN_CATEGORY)]
    return out


def _subject_words(m: Manifest, s: DataSubject, regimes: tuple[str, ...]) -> str:
    """A kind of data subject in words; minors with the age of the regimes (under 16 for the GDPR, 14 for the PIPL)."""
    if s is not DataSubject.minors:
        return Term(s.value)
    under = [r for r in regimes if r in m.regimes] or list(regimes)
    ages = sorted({m.settings.minor_age_for(r) for r in under})
    if len(ages) == 1:
        return L_("minors under {age}", age=ages[0])
    each = [L_("{age} ({regime})", age=m.settings.minor_age_for(r), regime=r) for r in under]
    return L_("minors under {ages}", ages=Listing(each, ", "))


def _vulnerable_test(kinds: frozenset[DataSubject], regimes: tuple[str, ...]) -> Test:
    def test(m: Manifest, a: ProcessingActivity) -> tuple[bool, str]:
        found = vulnerable_reasons(m, a, kinds, regimes)
        if found:
            return True, Listing(found, "; ")
        return False, L_("data subjects: {subjects}", subjects=Listing(Term(s.value) for s in a.data_subjects))
    return test


def _platform_work(m: Manifest, a: ProcessingActivity) -> tuple[bool, str]:
    """Directive (EU) 2024/2831 Art. 8: platform workers' data processed by automated monitoring or decisions."""
    if not concerns_platform_workers(a):
        return False, L_("data subjects: {subjects}", subjects=Listing(Term(s.value) for s in a.data_subjects))
    facts = [f for f in ("systematic_monitoring", "automated_decisions") if getattr(a, f)]
    if not algorithmic_management(a):
        return False, L_("platform workers; no automated monitoring or decision-making declared")
    return True, L_("platform workers; {facts}: yes", facts=", ".join(facts))


def _innovative(m: Manifest, a: ProcessingActivity) -> tuple[bool, str]:
    if a.innovative_technology:
        return True, L_("innovative technology: {technologies}", technologies=", ".join(sorted(a.innovative_technology)))
    return False, L_("no innovative technology declared")


def _recipients_of_types(types: set[RecipientType], flows: set[FlowKind], what: str) -> Test:
    def test(m: Manifest, a: ProcessingActivity) -> tuple[bool, str]:
        found = [r for r in m.recipients_of(a) if r.type in types or r.flow in flows]
        if found:
            return True, L_("{what}: {recipients}", what=Message(what), recipients=Listing(
                L_("{recipient} ({type}, {flow})", recipient=r.id, type=Term(r.type.value), flow=Term(r.flow.value))
                for r in found))
        return False, L_("no {what}", what=Message(what))
    return test


def cross_border_reasons(m: Manifest, a: ProcessingActivity) -> list[str]:
    """Why an activity provides the personal information of people in China abroad (empty when it does not).

    PIPL Art. 55(4) is PIPL's case, so it reads PIPL's view of the transfers (`pia.declare.transfers.leaving`):
    the data of people in China leaving China, not EU people's data a Chinese controller keeps in the EU (PIPL
    Art. 3). A controller outside China whose users are not in China has no such transfer; the kit keeps its
    earlier reading there (data leaving the controller's regime), as the frameworks it screens are chosen by the
    service's jurisdictions.
    """
    regime = "CN" if "CN" in subject_regimes(m, a) else regime_of(m.controller.jurisdiction)
    where = {r.id: r.location for r in m.recipients}
    out = []
    for t in leaving(m, a, regime):
        if t.kind == "cross_border":
            out.append("storage.cross_border: yes")
        elif t.kind == "storage":
            out.append(L_("stored in {location}", location=t.fact))
        else:
            out.append(L_("recipient {recipient} in {location}", recipient=t.fact, location=where[t.fact]))
    return out


def _kept_reasons(m: Manifest, a: ProcessingActivity) -> list[Message]:
    """The places outside China that PIPL's view does not read as taking people in China's data out, and on what."""
    out = []
    for k in kept_in(m, a, "CN"):
        field = (f"processing_activities[{a.id}].storage.residency" if k.transfer.kind == "storage"
                 else f"recipients[{k.transfer.fact}].data_of")
        what = (L_("storage in {place}", place=k.place) if k.transfer.kind == "storage"
                else L_("recipient {recipient} in {location}", recipient=k.transfer.fact, location=k.place))
        if k.declared:
            out.append(L_("{what} holds the data of people in {holds} only (declared: {field})",
                          what=what, holds=", ".join(k.holds), field=field))
        else:
            out.append(L_("{what} is read as holding the data of the activity's data subjects in {holds} (pia default: "
                          "the manifest does not say whose data it holds; declare {field})",
                          what=what, holds=", ".join(k.holds), field=field))
    return out


def _handler_abroad_reading(m: Manifest, a: ProcessingActivity) -> Message | None:
    """For a handler outside China serving people in China: which facts the kit reads as providing abroad, and why."""
    if regime_of(m.controller.jurisdiction) == "CN" or "CN" not in subject_regimes(m, a):
        return None
    return L_("reading (pia default): PIPL reaches a handler outside China through Art. 3(2) for the people in China it "
              "serves (with a representative in China, Art. 53); collecting their data directly and keeping it in "
              "{home} is not read as providing it abroad, passing it to a recipient outside China is, as PIPL Art. "
              "38, 39 and 55(4) do not say whether a handler already abroad provides abroad and the kit applies the "
              "three criteria of a transfer of EDPB Guidelines 05/2021 (v2.0), section 2, to every regime",
              home=L_("the EU/EEA") if regime_of(m.controller.jurisdiction) == "EU" else m.controller.jurisdiction)


def _cross_border(m: Manifest, a: ProcessingActivity) -> tuple[bool, str]:
    why: list[object] = list(cross_border_reasons(m, a))
    met = bool(why)
    kept = _kept_reasons(m, a) if regime_of(m.controller.jurisdiction) == "CN" or "CN" in subject_regimes(m, a) else []
    reading = _handler_abroad_reading(m, a)
    if not met:
        if len(subject_regimes(m, a)) > 1 and "CN" in subject_regimes(m, a):
            # several regimes: a place outside China may hold other people's data (pia.declare.transfers.leaving)
            why = [L_("no personal information of people in China leaves China (stored in {locations})",
                      locations=", ".join(sorted(set(a.storage.locations))))]
        else:
            why = [L_("stored in {locations}; every recipient in {jurisdiction}",
                      locations=", ".join(sorted(set(a.storage.locations))), jurisdiction=m.controller.jurisdiction)]
    why += kept + ([reading] if reading is not None else [])
    return met, Listing(why, "; ")


_PROCESSOR = {RecipientType.processor}
_OTHERS = {RecipientType.partner, RecipientType.acquirer, RecipientType.authority}
_OTHER_FLOWS = {FlowKind.transfer, FlowKind.disclosure}
# The same readings for other rooms (the change review's PIPL Art. 55 cases): entrusting = a processor; providing
# to another handler or disclosing = any other recipient type, or a transfer or public disclosure flow.
PIPL_ENTRUSTED_TYPES = frozenset(_PROCESSOR)
PIPL_PROVIDED_TYPES = frozenset(_OTHERS)
PIPL_PROVIDED_FLOWS = frozenset(_OTHER_FLOWS)


@dataclass(frozen=True)
class LawItem:
    """One item of a law's list: the stable id documents carry, the clause cited and the item in words."""

    id: str
    clause: str
    words: str
    short: str = ""  # a few words for a figure's row label (the report's screening figure); the words elsewhere


# PIPL Art. 55: the cases in which a personal-information protection impact assessment is made beforehand, items
# (1)-(5), worded as close to the law as English allows. Item (3) names entrusting the processing, providing to
# other handlers and disclosing publicly; the kit reads them from two kinds of facts (a processor; any other
# recipient or flow), hence two ids. The screening (items (1)-(4)) and the change review (all five) both read this
# table; the ids are stable in JSON.
PIPL55_ITEMS: dict[str, LawItem] = {i.id: i for i in (
    LawItem("pipl55.1", "PIPL Art. 55(1)", N_("processing sensitive personal information"),
            N_("sensitive personal information")),
    LawItem("pipl55.2", "PIPL Art. 55(2)", N_("using personal information for automated decision-making"),
            N_("automated decision-making")),
    LawItem("pipl55.3a", "PIPL Art. 55(3)", N_("entrusting the processing of personal information"),
            N_("entrusted processing")),
    LawItem("pipl55.3b", "PIPL Art. 55(3)", N_("providing personal information to other personal information "
                                               "handlers, or disclosing it publicly"),
            N_("provision to other handlers, disclosure")),
    LawItem("pipl55.4", "PIPL Art. 55(4)", N_("providing personal information abroad"), N_("provision abroad")),
    LawItem("pipl55.5", "PIPL Art. 55(5)", N_("other processing of personal information with a major impact on "
                                              "individuals' rights and interests"),
            N_("major impact on individuals")),
)}


def _pipl(item_id: str, test: Test) -> _Rule:
    """The screening rule of a PIPL Art. 55 item: its id, clause and words from `PIPL55_ITEMS`."""
    item = PIPL55_ITEMS[item_id]
    return _Rule(item.id, Framework.pipl55, item.words, item.clause, test)


# The catalogue. GB/T 39335-2020 lists high-risk processing situations that line up with the nine WP248
# criteria; PIPL Art. 55 lists the cases in which a personal-information impact assessment is mandatory.
RULES: tuple[_Rule, ...] = (
    _Rule("gbt39335.profiling", Framework.gbt39335, "profiling or scoring", "GB/T 39335-2020 (high-risk processing)",
          _flag("profiling", N_("evaluates or predicts personal aspects"))),
    _Rule("gbt39335.automated_decisions", Framework.gbt39335, "automated decisions",
          "GB/T 39335-2020 (high-risk processing)", _flag("automated_decisions", N_("decides without a human"))),
    _Rule("gbt39335.systematic_monitoring", Framework.gbt39335, "systematic monitoring",
          "GB/T 39335-2020 (high-risk processing)", _flag("systematic_monitoring", N_("observes people systematically"))),
    _Rule("gbt39335.sensitive_large", Framework.gbt39335, "large volume of sensitive data",
          "GB/T 39335-2020 (high-risk processing)", _sensitive_large),
    _Rule("gbt39335.large_scale", Framework.gbt39335, "large scale", "GB/T 39335-2020 (high-risk processing)",
          _large_scale),
    _Rule("gbt39335.matching", Framework.gbt39335, "matching or combining datasets",
          "GB/T 39335-2020 (high-risk processing)", _flag("matches_datasets", N_("combines datasets"))),
    _Rule("gbt39335.vulnerable", Framework.gbt39335, "vulnerable subjects (minors)",
          "GB/T 39335-2020 (high-risk processing)", _vulnerable_test(GBT_VULNERABLE_SUBJECTS, ("CN",))),
    _Rule("gbt39335.innovative", Framework.gbt39335, "innovative technology (IoT cameras, biometrics)",
          "GB/T 39335-2020 (high-risk processing)", _innovative),
    _Rule("gbt39335.blocking", Framework.gbt39335, "blocking rights or services",
          "GB/T 39335-2020 (high-risk processing)", _flag("may_block_service", N_("can block a service or a right"))),
    _Rule("wp248.1", Framework.wp248, "evaluation or scoring", "WP248 criterion 1", _flag("profiling", N_("profiling"))),
    _Rule("wp248.2", Framework.wp248, "automated decision with legal or similar effect", "WP248 criterion 2",
          _flag("automated_decisions", N_("automated decisions"))),
    _Rule("wp248.3", Framework.wp248, "systematic monitoring", "WP248 criterion 3",
          _flag("systematic_monitoring", N_("systematic monitoring"))),
    _Rule("wp248.4", Framework.wp248, "sensitive or highly personal data", "WP248 criterion 4", _sensitive),
    _Rule("wp248.5", Framework.wp248, "data processed on a large scale", "WP248 criterion 5", _large_scale),
    _Rule("wp248.6", Framework.wp248, "matching or combining datasets", "WP248 criterion 6",
          _flag("matches_datasets", N_("combines datasets"))),
    _Rule("wp248.7", Framework.wp248, "vulnerable data subjects", "WP248 criterion 7",
          _vulnerable_test(VULNERABLE_SUBJECTS, ("EU", "UK"))),
    _Rule("wp248.8", Framework.wp248, "innovative use of technology", "WP248 criterion 8", _innovative),
    _Rule("wp248.9", Framework.wp248, "prevents exercising a right or using a service", "WP248 criterion 9",
          _flag("may_block_service", N_("can block a service or a right"))),
    _pipl("pipl55.1", _sensitive),
    _pipl("pipl55.2", _flag("automated_decisions", N_("automated decisions"))),
    _pipl("pipl55.3a", _recipients_of_types(_PROCESSOR, set(), N_("processor"))),
    _pipl("pipl55.3b", _recipients_of_types(_OTHERS, _OTHER_FLOWS, N_("recipient other than a processor"))),
    _pipl("pipl55.4", _cross_border),
    _Rule("pwd.8", Framework.pwd, "automated monitoring or decisions on platform workers",
          "Directive (EU) 2024/2831 Art. 8", _platform_work),
)
#: How many GB/T 39335-2020 high-risk criteria the screening applies (the denominator shown beside the count met).
GBT39335_CRITERIA = sum(rule.framework is Framework.gbt39335 for rule in RULES)


# Which frameworks apply where: GB/T 39335-2020 and PIPL Art. 55 where PIPL applies, WP248 where the GDPR
# (or the UK GDPR) does. A manifest that declares no user jurisdictions gets every framework (as before).
REGIME_FRAMEWORKS: dict[str, frozenset[Framework]] = {
    "CN": frozenset({Framework.gbt39335, Framework.pipl55}),
    "EU": frozenset({Framework.wp248}),
    "UK": frozenset({Framework.wp248}),
}


def frameworks_for(manifest: Manifest) -> frozenset[Framework]:
    """The screening frameworks for a manifest's jurisdictions (all of them when it declares none it knows).

    The Platform Work Directive only for a digital labour platform, with users in the EU (or no user jurisdiction
    declared, as for the others): a manifest declaring platform workers among an activity's data subjects (pia
    default: the manifest has no other fact saying so).
    """
    platform = any(concerns_platform_workers(a) for a in manifest.processing_activities)
    every = frozenset(Framework) if platform else frozenset(Framework) - {Framework.pwd}
    if not manifest.service.jurisdictions:
        return every
    found = frozenset().union(*(REGIME_FRAMEWORKS.get(r, frozenset()) for r in manifest.regimes))
    if platform and directive_applies(manifest):
        found |= {Framework.pwd}
    return found or every


def screen(manifest: Manifest, activity: ProcessingActivity | str) -> list[Criterion]:
    """Apply every screening criterion of the frameworks that apply to the manifest to one activity.

    Parameters
    ----------
    manifest
        The manifest the activity belongs to (for its data elements and recipients).
    activity
        The activity, or its id.

    Returns
    -------
    list of Criterion
        Every criterion, met or not, in catalogue order, each with the evidence it rests on.
    """
    act = manifest.activity(activity) if isinstance(activity, str) else activity
    applicable = frameworks_for(manifest)
    out = []
    for rule in RULES:
        if rule.framework not in applicable:
            continue
        met, evidence = rule.test(manifest, act)
        # PIPL Art. 55(4) unmet because a place outside China is read as holding only others' data: say so
        reading = rule.id == "pipl55.4" and bool(_kept_reasons(manifest, act))
        out.append(Criterion(id=rule.id, framework=rule.framework, name=rule.name, source=rule.source,
                             met=met, evidence=evidence, reading=reading))
    return out


def summary(criteria: list[Criterion]) -> dict[str, object]:
    """What the screening means: WP248 count, whether an assessment is required and why, met criteria."""
    met = [c for c in criteria if c.met]
    applied = {c.framework for c in criteria}
    wp = [c for c in met if c.framework is Framework.wp248]
    pipl = [c for c in met if c.framework is Framework.pipl55]
    pwd = [c for c in met if c.framework is Framework.pwd]
    reasons = []
    if len(wp) >= WP248_REQUIRED:
        reasons.append(L_("{n} of 9 WP248 criteria met (two or more: DPIA required)", n=len(wp)))
    if pwd:  # Art. 8(1): high risk whatever the WP248 count
        reasons.append(L_("platform workers monitored or decided about by automated means (Directive (EU) 2024/2831 "
                          "Art. 8: DPIA required)"))
    if pipl:
        reasons.append(L_("PIPL Art. 55 case(s): {cases}", cases=", ".join(dict.fromkeys(c.source for c in pipl))))
    if reasons:
        verdict = L_("assessment required: {reasons}", reasons=Listing(reasons, "; "))
    else:
        why = ([L_("{n} of 9 WP248 criteria met, fewer than two", n=len(wp))] if Framework.wp248 in applied else []) + \
              ([L_("no PIPL Art. 55 case")] if Framework.pipl55 in applied else [])
        verdict = L_("no assessment required by these criteria ({why})",
                     why=Listing(why, "; ") or L_("no framework applies"))
    return {
        "summary": verdict,
        "criteria": [c.to_dict() for c in met],
        # unmet on a reading of whose data a place holds (only where there is one, so other documents stay as they were)
        **({"unmet_on_a_reading": [c.to_dict() for c in criteria if not c.met and c.reading]}
           if any(not c.met and c.reading for c in criteria) else {}),
        "wp248_met": len(wp),
        "gbt39335_met": sum(c.framework is Framework.gbt39335 for c in met),
        "pipl55_met": len(pipl),
        **({"pwd_met": len(pwd)} if Framework.pwd in applied else {}),  # only where the Directive is screened
        # which frameworks were screened: a count of 0 means "none met" only where its framework applies
        "frameworks": sorted(f.value for f in applied),
        "assessment_required": bool(reasons),
        "reasons": reasons,
    }
