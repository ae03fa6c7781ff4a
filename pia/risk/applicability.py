"""Applicability: which catalogue measures can apply to an activity, derived from the manifest's facts.

The CNIL PIA method has measures act on the supporting assets of the data (hardware, software, networks, people,
paper) and on the data itself. A measure whose supporting asset the activity does not have protects nothing
there: it is not applicable, with the reason, unless the activity declares a status for it (an override).
"""
from __future__ import annotations

from dataclasses import dataclass

from pia.declare.citations import applies
from pia.declare.design import CENTRAL, DEFAULT_DESIGN, REACHED, Network, Place
from pia.declare.manifest import Manifest, ProcessingActivity, RecipientType
from pia.declare.measures import Measure, MeasureStatus, Requirement
from pia.declare.text import Sentence
from pia.declare.transfers import leaving, subject_regimes
from pia.declare.vocabulary import basis_id
from pia.i18n import L_, N_, Listing, Message, _

# What each requirement is, in words, when present and when absent (the reason a measure does not apply).
PRESENT = {
    Requirement.stored: N_("data stored ({elements})"),
    Requirement.held_centrally: N_("data stored on the service's or a processor's systems ({elements})"),
    Requirement.reached: N_("data held or relayed by the service's or a processor's systems, which staff "
                            "administer ({elements})"),
    Requirement.own_systems: N_("data held or relayed on the controller's own systems ({elements})"),
    Requirement.network: N_("data travels over a network ({elements})"),
    Requirement.internet: N_("systems holding or relaying the data reachable from the internet ({elements})"),
    Requirement.connected_devices: N_("connected devices: internet-facing, or generating the data ({elements})"),
    Requirement.processor: N_("processors receive or hold the data ({elements})"),
    Requirement.consent: N_("the activity rests on consent ({elements})"),
    Requirement.abroad: N_("data leaves the jurisdiction ({elements})"),
}
ABSENT = {
    Requirement.stored: N_("no data is stored: it is only relayed"),
    Requirement.held_centrally: N_("no data is stored on the service's or a processor's systems (design.held_at)"),
    Requirement.reached: N_("no data is held or relayed by the service's or a processor's systems: it stays on the "
                            "subjects' devices (design.held_at)"),
    Requirement.own_systems: N_("no data is held or relayed on the controller's own systems (design.held_at: "
                                "processors or the subjects' devices only)"),
    Requirement.network: N_("no data travels over a network: it stays on the subjects' devices and no recipient "
                            "receives it"),
    Requirement.internet: N_("the systems holding or relaying the data are reachable only from a private network, "
                             "or hold none of it (design)"),
    Requirement.connected_devices: N_("the activity relies on no connected device (internet_facing_devices: false) "
                                      "and processes no device-generated data"),
    Requirement.processor: N_("no processor receives or holds this activity's data (recipients, design.held_at)"),
    Requirement.consent: N_("the activity does not rest on consent (legal_basis, consent_scope)"),
    Requirement.abroad: N_("no data leaves the jurisdiction of the controller or of the data subjects (storage, "
                           "recipients' locations)"),
}

# The catalogue's `pia default:` rationales (pia/data/measures.yaml `requires_source`), marked for the catalogs so
# that a reason reads in the reader's language; citations of standards stay as they are.
REQUIRES_SOURCES = (
    N_("pia default: encryption in transit protects data on the networks it crosses; data that stays on the subjects' "
       'devices and goes to no recipient crosses none'),
    N_('pia default: encryption at rest protects stored data; data only relayed is not at rest'),
    N_('pia default: partitioning separates the data of many people or tenants in one store; data held only on each '
       "subject's own device or only relayed is no shared store"),
    N_("pia default: logical access control governs who reaches the data on the service's or a processor's systems; "
       "the service grants no access to data held only on the subjects' devices"),
    N_('pia default: logging traces access to and changes of the data on the systems that hold or relay it; the '
       "service logs nothing on the subjects' own devices"),
    N_("pia default: a backup copies data the service or a processor stores; data held only on the subjects' devices "
       'or only relayed leaves the service nothing to back up'),
    N_('pia default: network security protects the networks of the systems that hold or relay the data (networks, a '
       'kind of supporting asset: CNIL PIA Knowledge Bases (2018), Typology of personal data supporting assets)'),
    N_("pia default: physical security protects the controller's premises and hardware (hardware, a kind of supporting"
       " asset: CNIL PIA Knowledge Bases (2018), Typology of personal data supporting assets); a processor's premises "
       "are its own, covered by processor contracts, and the subjects' devices are outside the controller's premises"),
    N_("pia default: workstations are how staff reach the data held or relayed by the service's or a processor's "
       'systems (people and hardware, kinds of supporting assets: CNIL PIA Knowledge Bases (2018), Typology of '
       "personal data supporting assets); no staff reach data held only on the subjects' devices"),
    N_('pia default: anti-malware protects the servers and staff workstations that hold, relay or reach the data; the '
       "subjects' own devices are theirs to protect"),
    N_("pia default: training and confidentiality bind the staff who reach the data held or relayed by the service's "
       "or a processor's systems (people, a kind of supporting asset: CNIL PIA Knowledge Bases (2018), Typology of "
       'personal data supporting assets)'),
    N_('pia default: device security protects the connected devices the service relies on (hardware, a kind of '
       'supporting asset: CNIL PIA Knowledge Bases (2018), Typology of personal data supporting assets); an activity '
       'that relies on none has none to protect'),
    N_("pia default: maintenance and disposal concern the controller's own hardware that holds or relays the data; a "
       "processor's hardware is covered by processor contracts"),
    N_('pia default: website security protects the web front of systems reachable from the internet; systems reachable'
       ' only from a private network, or holding none of the data, expose no website'),
)


def _source(text: str, regimes: frozenset[str] | None = None) -> str:
    """A rule's source for a reason: a `pia default:` rationale as a message, else the regimes' citations.

    PIPL and GB/T under Chinese law, the GDPR and its guidance in the EU and the UK (`declare.citations.applies`).
    """
    if text in REQUIRES_SOURCES:
        return Message(text)
    cn, eu = applies(regimes if regimes is not None else frozenset())
    parts = [x.strip() for x in text.split(";") if x.strip()]
    kept = [x for x in parts if (cn and x.startswith(("PIPL", "GB/T"))) or (eu and x.startswith(("GDPR", "WP", "ICO")))
            or not x.startswith(("PIPL", "GB/T", "GDPR", "WP", "ICO"))]
    return "; ".join(kept or parts)


@dataclass(frozen=True)
class Applicability:
    """Whether a measure applies to an activity by the facts, why, and whether the manifest overrides it."""

    applies: bool  # what the facts say (the catalogue's `requires`)
    reason: Sentence  # the facts found, or the asset missing, with the rule's source
    declared: bool  # the activity declares a status for the measure: it counts as declared, whatever the facts

    @property
    def derived_not_applicable(self) -> bool:
        """Not applicable by the facts and not overridden by a declared status."""
        return not self.applies and not self.declared


def asset_facts(m: Manifest, a: ProcessingActivity) -> dict[Requirement, list[str]]:
    """Per requirement, the facts of the activity that meet it (empty list: absent). Pure."""
    design = a.design or DEFAULT_DESIGN
    elements = m.elements_of(a)
    places = {e.id: design.places(e.id) for e in elements}
    groups = {e.group for e in elements}
    # a recipient counts only through the data groups it receives (as in the likelihood factors, pia default)
    recipients = [r for r in m.recipients_of(a) if set(r.data_groups) & groups]
    reached = [e for e, p in places.items() if p & REACHED]
    out: dict[Requirement, list[str]] = {
        Requirement.stored: [e for e, p in places.items() if p - {Place.transit}],
        Requirement.held_centrally: [e for e, p in places.items() if p & CENTRAL],
        Requirement.reached: reached,
        Requirement.own_systems: [e for e, p in places.items() if p & {Place.service, Place.transit}],
        Requirement.network: reached + [r.id for r in recipients],
        Requirement.internet: reached if design.reachable_from is Network.internet else [],
        Requirement.processor: ([r.id for r in recipients if r.type is RecipientType.processor]
                                + [e for e, p in places.items() if Place.processor in p]),
        # each regime's own view (pia.declare.transfers.leaving), as the likelihood reads it: a region declared to
        # hold only its own people's data takes nobody's data abroad, so no safeguard is owed for it
        Requirement.abroad: [t.label for regime in subject_regimes(m, a) for t in leaving(m, a, regime)],
    }
    # connected devices: internet-facing ones, or devices that generate the activity's data. Where that data is then
    # held does not matter: a rule that read `held_at` here would drop the measure when data moves from the devices
    # to the service, and moving data to the service must never lower a risk
    devices = ["internet_facing_devices"] if a.internet_facing_devices else []
    devices += [e.id for e in elements if e.source.value == "device_generated"]
    out[Requirement.connected_devices] = devices
    consent = [f"legal_basis: {a.legal_basis}"] if basis_id(a.legal_basis) == "consent" else []
    consent += [f"consent_scope: {a.consent_scope}"] if a.consent_scope else []
    if a.special_category_basis is not None and "9(2)(a)" in str(a.special_category_basis):
        consent.append(f"special_category_basis: {a.special_category_basis}")
    out[Requirement.consent] = consent
    return out


def applicability(measure: Measure, facts: dict[Requirement, list[str]], a: ProcessingActivity,
                  regimes: frozenset[str] | None = None) -> Applicability:
    """Whether `measure` applies to activity `a` by its facts (`asset_facts`), and why (citing `regimes`' sources)."""
    declared = a.measure(measure.id) is not MeasureStatus.not_assessed or bool(
        (st := a.measures.get(measure.id)) and st.responsible)
    if not measure.requires:
        return Applicability(True, L_("applies to every activity"), declared)
    met = [(r, facts.get(r, [])) for r in measure.requires if facts.get(r)]
    if met:
        found = Listing([Message(PRESENT[r], {"elements": _some(items)}) for r, items in met], "; ")
        return Applicability(True, L_("applies: {facts} [{source}]", facts=found,
                                      source=_source(measure.requires_source, regimes)), declared)
    absent = Listing([Message(ABSENT[r]) for r in measure.requires], "; ")
    return Applicability(False, L_("not applicable: {facts} [{source}]", facts=absent,
                                   source=_source(measure.requires_source, regimes)), declared)


def _some(items: list[str], limit: int = 3) -> str:
    """The first few facts that meet a requirement (the reason names examples, not every element)."""
    unique = list(dict.fromkeys(items))
    return ", ".join(unique[:limit]) + (f", … (+{len(unique) - limit})" if len(unique) > limit else "")


def absent_reason(measure: Measure) -> str:
    """Why `measure` does not apply where its assets are absent, in the language in force (for renderers)."""
    return _("; ").join(_(ABSENT[r]) for r in measure.requires)


def source_text(source: str) -> str:
    """A rule's source as an assessment wrote it (`[...]` of `applicability`), in the language in force."""
    return _(source) if source in REQUIRES_SOURCES else source


def applicabilities(m: Manifest, a: ProcessingActivity, catalogue: dict[str, Measure]) -> dict[str, Applicability]:
    """Every catalogue measure's applicability to activity `a`, in catalogue order."""
    facts = asset_facts(m, a)
    # the laws cited: the service's regimes and those of this activity's data subjects (`subjects_in`)
    regimes = m.regimes | frozenset(subject_regimes(m, a))
    return {k: applicability(x, facts, a, regimes) for k, x in catalogue.items()}
