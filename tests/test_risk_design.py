"""Risk engine: design facts (where data is held, random identifiers), recipients' data groups, measures the
assessment does not mention, the likelihood rounding rule, and the scale of centrally held data (issue 12 calibration
findings). Each test fails when its rule is taken out."""
from __future__ import annotations

from pathlib import Path

import pytest

from pia.declare.design import Identifiers, Place, ProcessingDesign
from pia.declare.manifest import load_manifest, parse_manifest
from pia.declare.measures import FearedEvent, MeasureState, MeasureStatus
from pia.errors import InputError
from pia.risk.methods import Method, NotAssessed, Rounding, load_method
from pia.risk.scoring import Stage, _level, assess
from tests.risk_hand import FIX, HAND, group, one, with_

ACCESS, MODIFY = FearedEvent.illegitimate_access, FearedEvent.unwanted_modification


_one, _with, _group = one, with_, group


# --------------------------------------------------------------------------- where the data is held


def test_data_held_only_on_the_devices_gives_no_online_point_nor_scale():
    # big_directory: uid of 10,000,000 people. On the service: network 1 (online), participants 1, business 1
    # (scale): 1.0. Held only on each person's device: network 0, business 0 (one breach reaches one person),
    # participants 1 (staff): (1 + 0) / 2 = 0.5.
    central = _one(HAND, "big_directory")
    local = _one(_with("big_directory", design=ProcessingDesign(held_at={"uid": [Place.user_device]})),
                 "big_directory")
    assert central.exposure[ACCESS] == 1.0 and local.exposure[ACCESS] == 0.5
    assert _group(local, ACCESS, "network").rating == 0 and _group(local, ACCESS, "business").rating == 0
    assert any("own devices" in n for n in _group(local, ACCESS, "network").notes)
    assert any("10,000,000" in n for n in _group(local, ACCESS, "business").notes)
    # the design is a fact of the processing: it counts at the inherent stage too
    assert local.stages[Stage.inherent][ACCESS].likelihood_score == 0.5


def test_one_element_on_the_service_keeps_the_online_point_and_its_attractiveness():
    # camera_alerts: uid on the device, the snapshot on the service: still online, still attractive
    both = _one(_with("camera_alerts", design=ProcessingDesign(held_at={"uid": [Place.user_device]})), "camera_alerts")
    assert both.exposure[ACCESS] == 2.5
    local = _one(_with("camera_alerts", design=ProcessingDesign(held_at={"snap": [Place.user_device]})), "camera_alerts")
    business = _group(local, ACCESS, "business")
    assert business.rating == 0 and any("snap" in n for n in business.notes)


def test_cnil_sources_read_the_design_too():
    local = _one(_with("big_directory", design=ProcessingDesign(held_at={"uid": [Place.user_device]})),
                 "big_directory", "cnil")
    assert _group(local, ACCESS, "external").rating == 0 and _group(local, ACCESS, "motivation").rating == 0


def test_held_at_names_only_elements_of_its_activity():
    text = (FIX / "hand.pia.yaml").read_text(encoding="utf-8").replace(
        "    storage: {locations: [CN]}\n    measures: {encryption_in_transit: implemented, encryption_at_rest: implemented, "
        "access_control: implemented,\n               staff_training: implemented, breach_response: implemented, "
        "retention_enforcement: implemented}\n    clauses: [II.2]",
        "    storage: {locations: [CN]}\n    design: {held_at: {snap: [user_device]}}\n    clauses: [II.2]", 1)
    assert "design:" in text
    with pytest.raises(InputError) as exc:
        parse_manifest(text, "hand.pia.yaml")
    (problem,) = exc.value.problems
    assert problem.path == "processing_activities[newsletter].design.held_at.snap" and problem.line
    assert "not a data element of this activity" in problem.message


# --------------------------------------------------------------------------- identifiers


def test_random_identifiers_lower_access_severity_at_every_stage_but_not_below_high_for_sensitive_data():
    # newsletter: email (medium) -> random identifiers: low, from the inherent stage on
    plain = _one(HAND, "newsletter")
    rnd = _one(_with("newsletter", design=ProcessingDesign(identifiers=Identifiers.random)), "newsletter")
    assert plain.inherent[ACCESS].impact == "medium" and rnd.inherent[ACCESS].impact == "low"
    assert rnd.inherent[MODIFY].impact_score == plain.inherent[MODIFY].impact_score  # disclosure only
    assert any(s.rule == "impact.identifiers" for s in rnd.factors)
    # guardian_check: consent is sensitive -> stays high
    g = _one(_with("guardian_check", design=ProcessingDesign(identifiers=Identifiers.random)), "guardian_check")
    assert g.inherent[ACCESS].impact == "high"


def test_random_identifiers_take_away_the_attractiveness_of_sensitive_data():
    # camera_alerts: the snapshot is sensitive -> business point "attractive data"; under random identifiers a stolen
    # record points at nobody: no point, a note says why (GB/T groups and CNIL motivation alike)
    rnd = _with("camera_alerts", design=ProcessingDesign(identifiers=Identifiers.random))
    plain, local = _one(HAND, "camera_alerts"), _one(rnd, "camera_alerts")
    assert any("attractive" in r for r in _group(plain, ACCESS, "business").reasons)
    business = _group(local, ACCESS, "business")
    assert not any("attractive" in r for r in business.reasons)
    assert business.rating == _group(plain, ACCESS, "business").rating - 1
    assert any("random identifiers" in n for n in business.notes)
    cnil = _group(_one(rnd, "camera_alerts", "cnil"), ACCESS, "motivation")
    assert not any("attracts" in r for r in cnil.reasons) and any("random identifiers" in n for n in cnil.notes)


def test_random_identifiers_and_pseudonymisation_are_not_counted_twice():
    base = _with("newsletter", design=ProcessingDesign(identifiers=Identifiers.random))
    both = _with("newsletter", design=ProcessingDesign(identifiers=Identifiers.random),
                 measures={**HAND.activity("newsletter").measures,
                           "pseudonymisation": MeasureState(status=MeasureStatus.implemented)})
    a, b = _one(base, "newsletter"), _one(both, "newsletter")
    assert a.residual[ACCESS].impact_score == b.residual[ACCESS].impact_score
    use = next(u for u in b.measures if u.measure == "pseudonymisation")
    assert use.credit[Stage.current] is None


# --------------------------------------------------------------------------- recipients' data groups


def test_a_recipient_counts_only_for_activities_whose_data_groups_it_receives():
    # the cloud processor receives account and snapshot data; an activity of order data only is not exposed to it
    m = HAND.model_copy(deep=True)
    m.data_elements = [*m.data_elements, m.element("pay").model_copy(update={"id": "pay2"})]
    m.processing_activities = [a.model_copy(update={"data_elements": ["pay2"], "recipients": ["cloud"]})
                               if a.id == "abroad_sharing" else a for a in m.processing_activities]
    act = _one(m, "abroad_sharing")
    participants = _group(act, ACCESS, "participants")
    assert participants.rating == 1 and any("cloud" in n for n in participants.notes)
    m2 = m.model_copy(deep=True)
    m2.processing_activities = [a.model_copy(update={"data_elements": ["pay2", "uid"]}) if a.id == "abroad_sharing"
                                else a for a in m2.processing_activities]
    assert _group(_one(m2, "abroad_sharing"), ACCESS, "participants").rating == 2


# --------------------------------------------------------------------------- scale of centrally held data


def test_scale_counts_the_people_whose_data_is_held_centrally():
    # big_directory: 10,000,000 subjects, but uid is held for 50,000 of them (element subjects_count)
    m = HAND.model_copy(deep=True)
    m.data_elements = [e.model_copy(update={"subjects_count": 50_000}) if e.id == "uid" else e for e in m.data_elements]
    act = _one(m, "big_directory")
    business = _group(act, ACCESS, "business")
    assert business.rating == 0 and any("50,000" in n for n in business.notes)
    assert _group(_one(HAND, "big_directory"), ACCESS, "business").rating == 1


# --------------------------------------------------------------------------- measures not assessed


def _method_with(**params) -> Method:
    meth = load_method("gbt39335")
    return meth.model_copy(update={"parameters": meth.parameters.model_copy(update=params)})


def test_an_unmentioned_measure_is_not_assessed_and_counts_as_the_method_says():
    # newsletter mentions 6 measures; the others are not assessed. Default: counted as missing (same score as
    # stating them missing); left_out: only the assessed measures are weighed.
    act = _one(HAND, "newsletter")
    assert next(u for u in act.measures if u.measure == "logging").status is MeasureStatus.not_assessed
    stated = {k: MeasureState(status=MeasureStatus.missing)
              for k in ("logging", "integrity_checking", "backups", "network_security")}
    missing = _one(_with("newsletter", measures={**HAND.activity("newsletter").measures, **stated}), "newsletter")
    assert act.residual[MODIFY].likelihood_score == missing.residual[MODIFY].likelihood_score
    left = _one(HAND, "newsletter", _method_with(not_assessed=NotAssessed.left_out))
    # unwanted modification: the mentioned likelihood measures (transit, access control, staff training) are all
    # implemented -> 1.0 - 3 x 1 = 0
    assert left.residual[MODIFY].likelihood_score == 0.0 < act.residual[MODIFY].likelihood_score
    step = next(s for s in act.factors if s.rule == "likelihood.measures" and s.feared_event is MODIFY)
    assert "not assessed (counted as missing" in step.reason and "integrity_checking" in step.reason


def test_shipped_methods_state_their_not_assessed_and_rounding_choices():
    for name in ("gbt39335", "cnil", "ico"):
        p = load_method(name).parameters
        assert p.not_assessed is NotAssessed.as_missing and p.likelihood_rounding is Rounding.up


# --------------------------------------------------------------------------- rounding


@pytest.mark.parametrize(("score", "up", "nearest"), [(0.0, 0, 0), (0.08, 1, 0), (0.5, 1, 1), (1.39, 2, 1),
                                                      (1.5, 2, 2), (2.51, 3, 3), (3.0, 3, 3)])
def test_likelihood_rounding_rules(score, up, nearest):
    assert _level(score, Rounding.up) == up and _level(score, Rounding.nearest) == nearest


def test_nearest_rounding_reads_a_small_residual_as_the_lowest_level():
    # camera_alerts modification: 2.5 - 3 x 5/18 x 0.2 = 2.33: up -> very high, nearest -> high
    up = _one(HAND, "camera_alerts")
    near = _one(HAND, "camera_alerts", _method_with(likelihood_rounding=Rounding.nearest))
    assert up.residual[MODIFY].likelihood == "very_high" and near.residual[MODIFY].likelihood == "high"
    assert up.residual[MODIFY].likelihood_score == near.residual[MODIFY].likelihood_score
    # exposure is a whole or half step: the inherent stage is the same under both rules
    assert up.inherent == near.inherent


def test_method_file_rejects_an_unknown_rounding(tmp_path):
    src = Path(__file__).parents[1] / "pia" / "data" / "methods" / "ico.yaml"
    bad = tmp_path / "m.yaml"
    bad.write_text(src.read_text(encoding="utf-8").replace("likelihood_rounding: up", "likelihood_rounding: down"),
                   encoding="utf-8")
    with pytest.raises(InputError, match="likelihood_rounding"):
        load_method(bad)


# --------------------------------------------------------------------------- the reference


def test_reference_cookies_keep_their_preferences_on_the_visitors_devices():
    m = load_manifest()
    design = m.activity("website_cookies").design
    assert design is not None and design.places("cookie_preferences") == {Place.user_device}
    act = {a.id: a for a in assess(m).activities}["website_cookies"]
    assert any("cookie_preferences" in n for n in _group(act, ACCESS, "network").notes)
