"""Exposure: the likelihood factors of one activity and feared event, each rated from manifest facts and evidence.

GB/T 39335-2020 5.4 groups the risk sources that make a security event likely in four; the CNIL PIA
methodology reads likelihood from the risk sources' capabilities. Each group is rated 0-3 with its reasons;
`exposure` combines the ratings so that no single kind of exposure saturates the result.
"""
from __future__ import annotations

from pydantic import BaseModel, Field

from pia.declare.design import CENTRAL, DEFAULT_DESIGN, REACHED, Identifiers, Network
from pia.declare.manifest import FlowKind, Manifest, ProcessingActivity, RecipientType
from pia.declare.measures import FearedEvent
from pia.declare.text import Sentence
from pia.declare.transfers import leaving, subject_regimes
from pia.declare.vocabulary import regime_of
from pia.i18n import L_, N_, Listing, Message
from pia.risk.bearing import UNCLASSIFIED, load_evidence_map
from pia.risk.evidence import EvidenceContext
from pia.risk.methods import LikelihoodModel, MethodParameters
from pia.risk.scale import judge_scale

TOP = 3
ACCESS = FearedEvent.illegitimate_access

# Where each group is described. The four GB/T groups are the standard's own (5.4, risk-source identification);
# the CNIL's risk sources are those of the PIA knowledge bases (typology of risk sources).
GBT_GROUPS = {
    "network": (N_("network environment and technical measures (网络环境和技术措施)"), "GB/T 39335-2020 5.4.1"),
    "flow": (N_("personal information processing flow (个人信息处理流程)"), "GB/T 39335-2020 5.4.2"),
    "participants": (N_("participants and third parties (参与人员与第三方)"), "GB/T 39335-2020 5.4.3"),
    "business": (N_("business characteristics, scale and security situation (业务特点与规模及安全态势)"),
                 "GB/T 39335-2020 5.4.4"),
}
CNIL_GROUPS = {
    "internal": (N_("internal human sources: staff and processors"),
                 "CNIL PIA Knowledge Bases (2018), Typology of risk sources"),
    "external": (N_("external human sources: recipients and attackers"),
                 "CNIL PIA Knowledge Bases (2018), Typology of risk sources"),
    "motivation": (N_("what drives the sources: attractiveness, scale, known weaknesses"),
                   "CNIL PIA Knowledge Bases (2018), Scale and rules for estimating likelihood"),
}


class FactorRating(BaseModel):
    """One likelihood factor group rated for one activity and feared event."""

    group: str = Field(description="Id of the group (network, flow, participants, business; or CNIL sources).")
    title: str = Field(description="The group in the standard's words.")
    source: str = Field(description="Clause that names the group.")
    rating: int = Field(ge=0, le=TOP, description="0 (none) to 3 (high), capped per group.")
    reasons: list[Sentence] = Field(description="The facts that gave each point, each with its rule.")
    notes: list[Sentence] = Field(default_factory=list, description="Facts considered that gave no point, and why.")


class _Facts:
    """The facts of one activity that exposure reads, computed once."""

    def __init__(self, m: Manifest, a: ProcessingActivity, ev: EvidenceContext):
        design = a.design or DEFAULT_DESIGN
        elements = m.elements_of(a)
        # data held only on the subjects' own devices is out of reach of the online service and of its recipients
        reached = [e for e in elements if design.places(e.id) & REACHED]
        central = [e for e in reached if design.places(e.id) & CENTRAL]
        self.device_only = [e.id for e in elements if not design.places(e.id) & REACHED]
        # relayed, never stored: a breach of the relay reaches what passes while it lasts, not a store of everyone
        self.transit_only = [e.id for e in reached if e not in central]
        self.central = bool(reached) or bool(ev.undeclared.get(a.id))  # a scan finds data in the service's tables
        self.private = design.reachable_from is Network.private
        # people whose data the central store holds: per-element counts where the manifest gives them
        held = [e.subjects_count if e.subjects_count is not None else a.subjects_count for e in central]
        held += [a.subjects_count] if ev.undeclared.get(a.id) else []
        self.held = max(held, default=0)
        groups = {e.group for e in elements}
        # a recipient exposes the activity's data only through the data groups it receives (pia default)
        listed = m.recipients_of(a)
        recipients = [r for r in listed if set(r.data_groups) & groups]
        self.unrelated = [r.id for r in listed if r not in recipients]
        self.processors = [r.id for r in recipients if r.type is RecipientType.processor and r.flow is FlowKind.share]
        self.others = [r.id for r in recipients if r.id not in self.processors]
        self.unbound = [r.id for r in recipients if not r.confidentiality_agreement and r.id in self.others]
        home = regime_of(m.controller.jurisdiction)
        # a place counts as abroad only where it takes some data subjects' data out of their regime as that regime
        # reads it (`leaving`): a declared `storage.residency` / `recipients[].data_of` (or, for a controller in China,
        # the labelled inference) keeps a region that holds only its own people's data from counting
        out_of_home = {t.fact for t in leaving(m, a, home)}
        self.cross = ["storage.cross_border: yes"] if a.storage.cross_border else []
        self.cross += [L_("stored in {location}", location=loc) for loc in sorted(set(a.storage.locations))
                       if regime_of(loc) != home and loc in out_of_home]
        self.cross += [L_("recipient {recipient} in {location}", recipient=r.id, location=r.location)
                       for r in recipients if regime_of(r.location) != home and r.id in out_of_home]
        # data that leaves the regime of the data subjects (a service under several laws, pia.declare.transfers)
        self.cross += [L_("{fact} (out of {regime})", fact=t.fact, regime=t.regime)
                       for regime in subject_regimes(m, a) if regime != home for t in leaving(m, a, regime)]
        # sensitive data a risk source can obtain through the service, stored or relayed, is a target (motivation)
        self.sensitive = [e.id for e in reached if e.sensitive]
        self.sensitive_on_device = [e.id for e in elements if e.sensitive and e.id in self.device_only]
        self.sensitive += [L_("{category} (found by scan)", category=f["category"])
                           for f in ev.undeclared.get(a.id, []) if f.get("sensitive")]
        # random identifiers not derived from other data: a stolen record points at nobody without data held elsewhere
        self.random_ids = design.identifiers is Identifiers.random
        self.a = a
        self.large = m.settings.large_scale_subjects
        # WP243 rev.01 2.1.3's factors for the people whose data one breach reaches (pia.risk.scale)
        self.scale = judge_scale(m, a, self.held)
        self.failed = ev.failed_checks.get(a.id, [])
        self.undeclared = ev.undeclared.get(a.id, [])


def _evidence(facts: _Facts, event: FearedEvent, model: str) -> dict[str, list[str]]:
    """Likelihood points from failed checks, by factor group: one per kind of evidence bearing on the event.

    Only the checks counted as factors (not those already counted through a measure shown not effective or
    absent); the kind's events and group come from pia/data/evidence_events.yaml. Several checks of one kind
    are one weakness: one point (pia default).
    """
    emap = load_evidence_map()
    by_kind: dict[str, list[str]] = {}
    for c in facts.failed:
        if c.get("counted", "factor") == "factor" and event.value in c.get("events", [ACCESS.value]):
            by_kind.setdefault(c.get("kind", UNCLASSIFIED), []).append(c["id"])
    out: dict[str, list[str]] = {}
    for kid, ids in sorted(by_kind.items()):
        kind = emap.kinds.get(kid, emap.kinds[UNCLASSIFIED])
        out.setdefault(kind.group(model), []).append(
            L_("security situation: {kind}: dataset checks failed ({checks}) [{source}]", kind=Message(kind.title),
               checks=", ".join(sorted(ids)), source=Message(kind.source)))
    return out


def _scale_reason(facts: _Facts) -> str:
    """The scale point's reason: the number against the threshold, or the WP243 factors that made it large."""
    if facts.scale.by_factors:
        return L_("scale: {scale}", scale=facts.scale.reason)
    return L_("scale: {held:,} subjects (large scale from {large:,}, settings)", held=facts.held, large=facts.large)


def _cap(points: list[str]) -> int:
    return min(TOP, len(points))


def _undisclosed(facts: _Facts, event: FearedEvent) -> list[str]:
    if event is ACCESS and facts.undeclared:
        return [L_("security situation: the scan found undisclosed data ({categories})",
                   categories=", ".join(f["category"] for f in facts.undeclared))]
    return []


ONLINE = L_("online service: the data is reachable through the internet service (pia default: every activity of a "
            "manifest is part of an online service, unless its design holds all its data on the subjects' devices "
            "or says its systems are reachable only from a private network)")
PRIVATE = L_("design.reachable_from: private: the systems that hold or relay the data are reachable only from a "
             "private or sector network, not from the internet (pia default: no online-service point; the network's "
             "member organisations count where they receive the data, as recipients)")


def _online(facts: _Facts) -> bool:
    """Whether the internet reaches the activity's central data (the online-service point)."""
    return facts.central and not facts.private


def _common_notes(facts: _Facts) -> dict[str, list[str]]:
    """Facts read and given no point, per kind, so that the reader sees why they did not count."""
    out: dict[str, list[str]] = {"online": [], "scale": [], "sensitive": [], "recipients": []}
    if facts.device_only:
        where = (L_("all its data") if not facts.central else ", ".join(facts.device_only))
        out["online"].append(L_("design: {where} held only on the subjects' own devices, out of reach of the online "
                                "service (pia default: no point for data the service does not hold)", where=where))
    if facts.central and facts.private:
        out["online"].append(PRIVATE)
    if facts.transit_only:
        out["scale"].append(L_("design: {elements} only relayed (transit), not stored: not counted in the scale of the "
                               "central store (pia default: a breach of a relay reaches what passes while it lasts)",
                               elements=Listing(facts.transit_only)))
    if facts.held < facts.large <= facts.a.subjects_count:
        out["scale"].append(L_("scale: {subjects:,} subjects, but the data held centrally concerns {held:,} (the rest "
                               "stays on each person's own device, is only relayed, or is held for fewer people: pia "
                               "default, scale counts the people whose data one breach of the service reaches)",
                               subjects=facts.a.subjects_count, held=facts.held))
    if facts.sensitive_on_device:
        out["sensitive"].append(L_("sensitive data held only on the subjects' devices is not a central target: "
                                   "{elements}", elements=", ".join(facts.sensitive_on_device)))
    if facts.sensitive and facts.random_ids:
        out["sensitive"].append(L_("sensitive data under random identifiers (design.identifiers: random) is of little "
                                   "value to risk sources: a stolen record points at nobody without data held "
                                   "elsewhere (pia default: no attractiveness point; {elements})",
                                   elements=Listing(facts.sensitive)))
    if facts.unrelated:
        out["recipients"].append(L_("recipients that receive none of this activity's data groups: {recipients} "
                                    "(pia default: a recipient exposes only what it receives)",
                                    recipients=", ".join(facts.unrelated)))
    return out


def _gbt_groups(facts: _Facts, event: FearedEvent) -> list[FactorRating]:
    a = facts.a
    notes = _common_notes(facts)
    network: list[str] = [ONLINE] if _online(facts) else []
    if a.internet_facing_devices:
        network.append(L_("devices reachable from the internet"))
    if a.innovative_technology:
        network.append(L_("new technology with a short security record: {technologies}",
                          technologies=", ".join(sorted(a.innovative_technology))))
    flow: list[str] = []
    if event is ACCESS:
        if facts.cross:
            flow.append(L_("data leaves the jurisdiction: {where}", where=Listing(facts.cross, "; ")))
        if facts.others:
            flow.append(L_("data provided to recipients beyond processors: {recipients}",
                           recipients=", ".join(facts.others)))
        if a.profiling or a.matches_datasets:
            flow.append(L_("data combined or derived (profiling or matching datasets): more copies and uses"))
    participants: list[str] = [L_("staff of the controller handle the data (pia default: always)")]
    if facts.processors:
        participants.append(L_("processors entrusted with the data: {processors}", processors=", ".join(facts.processors)))
    if event is ACCESS and facts.unbound:
        participants.append(L_("recipients bound by no confidentiality agreement: {recipients}",
                               recipients=", ".join(facts.unbound)))
    business: list[str] = []
    if facts.scale.large:
        business.append(_scale_reason(facts))
    if event is ACCESS and facts.sensitive and not facts.random_ids:
        business.append(L_("attractive data for risk sources: sensitive {elements}", elements=Listing(facts.sensitive)))
    business += _undisclosed(facts, event)
    rated = {"network": network, "flow": flow, "participants": participants, "business": business}
    for gid, reasons in _evidence(facts, event, "gbt39335_factors").items():
        rated[gid] += reasons
    noted = {"network": notes["online"], "flow": [], "participants": notes["recipients"],
             "business": notes["scale"] + (notes["sensitive"] if event is ACCESS else [])}
    out = []
    for gid, (title, source) in GBT_GROUPS.items():
        reasons = rated[gid]
        if gid == "flow" and event is not ACCESS and not reasons:
            reasons = [L_("not counted for this event (pia default: copies held by "
                          "recipients do not alter or destroy the controller's data)")]
            out.append(FactorRating(group=gid, title=title, source=source, rating=0, reasons=reasons))
            continue
        out.append(FactorRating(group=gid, title=title, source=source, rating=_cap(reasons), reasons=reasons,
                                notes=noted[gid]))
    return out


def _cnil_groups(facts: _Facts, event: FearedEvent) -> list[FactorRating]:
    a = facts.a
    notes = _common_notes(facts)
    internal: list[str] = [L_("staff of the controller (pia default: always)")]
    if facts.processors:
        internal.append(L_("processors: {processors}", processors=", ".join(facts.processors)))
    external: list[str] = ([L_("attackers reaching the online service (pia default: always, unless the design holds all the "
                    "data on the subjects' devices or its systems are reachable only from a private network)")]
                           if _online(facts) else [])
    if a.internet_facing_devices:
        external.append(L_("attackers reaching devices exposed on the internet"))
    if a.innovative_technology:
        external.append(L_("new technology with a short security record: {technologies}",
                           technologies=", ".join(sorted(a.innovative_technology))))
    if event is ACCESS:
        if facts.others:
            external.append(L_("recipients beyond processors: {recipients}", recipients=", ".join(facts.others)))
        if facts.cross:
            external.append(L_("sources abroad: {where}", where=Listing(facts.cross, "; ")))
    motivation: list[str] = []
    if event is ACCESS and facts.sensitive and not facts.random_ids:
        motivation.append(L_("sensitive data attracts risk sources: {elements}", elements=Listing(facts.sensitive)))
    if facts.scale.large:
        motivation.append(_scale_reason(facts))
    motivation += _undisclosed(facts, event)
    rated = {"internal": internal, "external": external, "motivation": motivation}
    for gid, reasons in _evidence(facts, event, "cnil_sources").items():
        rated[gid] += reasons
    noted = {"internal": notes["recipients"], "external": notes["online"],
             "motivation": notes["scale"] + (notes["sensitive"] if event is ACCESS else [])}
    return [FactorRating(group=g, title=t, source=s, rating=_cap(rated[g]), reasons=rated[g], notes=noted[g])
            for g, (t, s) in CNIL_GROUPS.items()]


def factor_ratings(m: Manifest, a: ProcessingActivity, event: FearedEvent, ev: EvidenceContext,
                   params: MethodParameters) -> list[FactorRating]:
    """Rate every likelihood factor group of the method for one activity and feared event."""
    facts = _Facts(m, a, ev)
    if params.likelihood_model is LikelihoodModel.cnil_sources:
        return _cnil_groups(facts, event)
    return _gbt_groups(facts, event)


def exposure(ratings: list[FactorRating]) -> float:
    """Combine the group ratings: the mean of the two highest (pia default, MethodParameters.exposure_rule).

    One group alone at the top of its scale gives 1.5 of 3: reaching the top needs two kinds of exposure.
    """
    top = sorted((r.rating for r in ratings), reverse=True)[:2]
    return sum(top) / 2 if len(top) == 2 else float(top[0] if top else 0)
