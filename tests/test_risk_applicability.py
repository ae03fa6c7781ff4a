"""Applicability of measures: derived from the manifest's facts, shown with the reason, never proposed nor counted."""
from __future__ import annotations

from pathlib import Path

import pytest

from pia.declare.design import Place, ProcessingDesign
from pia.declare.manifest import DataSource, load_manifest
from pia.declare.measures import MeasureState, MeasureStatus, Requirement, load_measures
from pia.risk.applicability import REQUIRES_SOURCES, asset_facts
from pia.risk.render import render_text
from pia.risk.scoring import FearedEvent, Stage, assess
from pia.sources import unknown

FIX = Path(__file__).parent / "fixtures" / "risk"
REFERENCE = Path(__file__).parent.parent / "data_samples" / "zosi-camera.pia.yaml"
ACCESS = FearedEvent.illegitimate_access

# The rule of each measure (any one requirement suffices; none: it always applies). Changing one is a decision:
# update this table and the sources in pia/data/measures.yaml together.
EXPECTED = {
    "minimisation": [], "pseudonymisation": [], "deidentification": [], "integrity_checking": [],
    "vulnerability_management": [], "breach_response": [], "supervision_audits": [], "rights_handling": [],
    "encryption_in_transit": ["network"], "encryption_at_rest": ["stored"], "retention_enforcement": ["stored"],
    "partitioning": ["held_centrally"], "backups": ["held_centrally"], "access_control": ["reached"],
    "logging": ["reached"], "network_security": ["reached"], "workstation_security": ["reached"],
    "anti_malware": ["reached"], "staff_training": ["reached"], "physical_security": ["own_systems"],
    "maintenance_security": ["own_systems"], "website_security": ["internet"], "processor_contracts": ["processor"],
    "consent_management": ["consent"], "device_security": ["connected_devices"], "transfer_safeguards": ["abroad"],
}


@pytest.fixture()
def hand():
    return load_manifest(FIX / "hand.pia.yaml")


def _uses(result, activity):
    return {u.measure: u for u in next(a for a in result.activities if a.id == activity).measures}


def test_each_measure_names_its_supporting_assets_with_a_source():
    measures = load_measures()
    assert {k: [r.value for r in m.requires] for k, m in measures.items()} == EXPECTED
    for m in measures.values():
        if m.requires:
            assert m.requires_source and not unknown(m.requires_source), m.id
            # a kit choice reads in the reader's language: its rationale is marked for the catalogs
            assert not m.requires_source.startswith("pia default") or m.requires_source in REQUIRES_SOURCES, m.id


def test_no_processor_makes_processor_contracts_not_applicable_with_the_reason(hand):
    uses = _uses(assess(hand), "newsletter")  # no recipient, no data held by a processor
    u = uses["processor_contracts"]
    assert u.status is MeasureStatus.not_applicable and not u.applies_by_facts
    assert "no processor receives or holds" in u.applicability and "GB/T 35273-2020 9.1" in u.applicability
    assert all(c is None for c in u.credit.values())
    assert uses["access_control"].applies_by_facts and uses["access_control"].status is MeasureStatus.implemented


def test_a_processor_recipient_makes_processor_contracts_applicable(hand):
    act = next(a for a in hand.processing_activities if a.id == "newsletter")
    act.recipients = ["cloud"]  # a processor that receives the account group
    u = _uses(assess(hand), "newsletter")["processor_contracts"]
    assert u.applies_by_facts and u.status is MeasureStatus.not_assessed and "cloud" in u.applicability
    assert u.credit[Stage.current] == 0.0  # not assessed: counted as missing (method default)


def test_a_declared_status_overrides_the_facts(hand):
    act = next(a for a in hand.processing_activities if a.id == "newsletter")
    act.measures["processor_contracts"] = MeasureState(status=MeasureStatus.implemented)
    result = assess(hand)
    u = _uses(result, "newsletter")["processor_contracts"]
    assert u.status is MeasureStatus.implemented and not u.applies_by_facts
    assert u.credit[Stage.current] == 1.0
    assert "declared implemented although the facts give it nothing to protect" in render_text(result)


def test_a_not_applicable_measure_does_not_count_as_missing(hand):
    base = assess(hand)
    act = next(a for a in hand.processing_activities if a.id == "newsletter")
    act.measures["processor_contracts"] = MeasureState(status=MeasureStatus.missing)
    act.measures["device_security"] = MeasureState(status=MeasureStatus.missing)
    declared_missing = assess(hand)
    before = next(a for a in base.activities if a.id == "newsletter").stages[Stage.current]
    after = next(a for a in declared_missing.activities if a.id == "newsletter").stages[Stage.current]
    # missing, they would weigh in the share of measures in place (the trial's complaint): here they do not
    assert all(before[e].likelihood_score <= after[e].likelihood_score for e in FearedEvent)
    assert any(before[e].likelihood_score < after[e].likelihood_score for e in FearedEvent)
    step = next(s for s in next(a for a in base.activities if a.id == "newsletter").factors
                if s.rule == "likelihood.measures" and s.stage is Stage.current and s.feared_event is ACCESS)
    assert "not applicable by the facts, not counted: processor_contracts, device_security" in step.reason


def test_device_only_activity_needs_no_server_side_measure(hand):
    act = next(a for a in hand.processing_activities if a.id == "newsletter")
    act.design = ProcessingDesign(held_at={e: [Place.user_device] for e in act.data_elements})
    facts = asset_facts(hand, act)
    assert facts[Requirement.stored] and not facts[Requirement.reached] and not facts[Requirement.network]
    uses = _uses(assess(hand), "newsletter")
    silent = {k for k in EXPECTED if k not in act.measures}
    gone = {k for k, u in uses.items() if u.status is MeasureStatus.not_applicable}
    assert gone == silent & {"backups", "partitioning", "logging", "network_security", "workstation_security",
                             "anti_malware", "physical_security", "maintenance_security", "website_security",
                             "processor_contracts", "device_security", "transfer_safeguards"}


@pytest.mark.parametrize("method", ["gbt39335", "cnil"])
def test_the_action_plan_never_proposes_a_measure_without_a_supporting_asset(method):
    m = load_manifest(REFERENCE)
    # cameras that are no longer internet-facing and whose data is read as provided by the users: device binding
    # then relies on no connected device
    binding = next(a for a in m.processing_activities if a.id == "device_binding")
    binding.internet_facing_devices = False
    for e in m.elements_of(binding):
        e.source = DataSource.user_provided
    result = assess(m, method=method)
    for action in result.actions:
        uses = _uses(result, action.activity)
        proposed = {x.measure for x in action.measures}
        assert not {k for k in proposed if uses[k].status is MeasureStatus.not_applicable}, action.activity
    assert _uses(result, "device_binding")["device_security"].status is MeasureStatus.not_applicable
    plan = next(x for x in result.actions if x.activity == "device_binding")
    assert plan.measures and "device_security" not in {x.measure for x in plan.measures}
    # and on the reference as shipped, device security is proposed where cameras are involved
    shipped = assess(load_manifest(REFERENCE), method=method)
    assert "device_security" in {x.measure for x in next(p for p in shipped.actions
                                                          if p.activity == "device_binding").measures}


def test_the_rule_cites_the_sources_of_the_services_regimes(hand):
    from pia.risk.applicability import applicability

    act = next(a for a in hand.processing_activities if a.id == "newsletter")
    rule = load_measures()["processor_contracts"]
    facts = asset_facts(hand, act)
    assert "[GDPR Art. 28(3)]" in applicability(rule, facts, act, frozenset({"EU"})).reason
    cn = applicability(rule, facts, act, frozenset({"CN"})).reason
    assert "PIPL Art. 21" in cn and "GDPR" not in cn
