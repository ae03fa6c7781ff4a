"""Risk scoring: hand-worked cases, evidence handling, the verdict and the action plan."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from pia.errors import InputError
from pia.declare.manifest import load_manifest
from pia.declare.measures import MeasureState
from pia.output import to_json
from pia.declare.manifest import DataSubject
from pia.risk.scoring import FearedEvent, Stage, assess

FIX = Path(__file__).parent / "fixtures" / "risk"
ACCESS, MODIFY, LOSS = FearedEvent.illegitimate_access, FearedEvent.unwanted_modification, FearedEvent.disappearance


@pytest.fixture(scope="module")
def hand():
    return load_manifest(FIX / "hand.pia.yaml")


@pytest.fixture(scope="module")
def plain(hand):
    return {a.id: a for a in assess(hand).activities}


def _triple(score) -> tuple[str, str, str]:
    return score.impact, score.likelihood, score.level


# Shared arithmetic of the hand-worked cases (pia/data/measures.yaml, default MethodParameters):
# - likelihood-lowering measures of illegitimate access weigh 19 in all (encryption in transit, at rest and
#   access control 2 each, 13 others 1 each); of unwanted modification 18 (core: transit, access control,
#   integrity checking, backups); of disappearance 14 (core: access control, backups).
# - likelihood score = exposure - 3 x coverage x gate; gate = 1 when every core measure is at least half in
#   place, 0.2 when one is missing. Severity score = base - min(1, credit of severity measures / 3).
# - a level is its score rounded up; the risk is read from GB/T 39335-2020 Table D.5 (method file).


def test_newsletter_hand_worked(plain):
    # severity: email (user.contact.email, taxonomy medium) = 1; retention_enforcement (1) and breach_response
    #   (1) lower severity by 2/3: 0.33 -> rounded up: medium.
    # exposure: network 1 (online service), flow 0, participants 1 (staff), business 0 (1,000 subjects, nothing
    #   sensitive): mean of the two highest = 1.0.
    # applicability: no processor receives its data and it relies on no connected device, so processor contracts
    #   and device security are not applicable (derived): out of the weights, 19 -> 17, 18 -> 16, 14 -> 12.
    # current likelihood: coverage (2+2+2+1)/17 = 0.41, core complete: 1.0 - 3 x 0.41 < 0 -> 0 = low.
    #   medium x low = low.  inherent: no measure: medium x medium (1.0) = medium.
    # modification: severity medium -1 = low; likelihood 1.0 - 3 x (5/16) x 0.2 (integrity checking and backups
    #   missing) = 0.81 -> medium.  low x medium = low.
    a = plain["newsletter"]
    assert _triple(a.residual[ACCESS]) == ("medium", "low", "low")
    assert a.residual[ACCESS].impact_score == pytest.approx(1 / 3, abs=1e-3)
    assert _triple(a.inherent[ACCESS]) == ("medium", "medium", "medium")
    assert _triple(a.residual[MODIFY]) == ("low", "medium", "low")
    assert a.residual[MODIFY].likelihood_score == pytest.approx(1 - 3 * 5 / 16 * 0.2, abs=1e-3)
    assert a.level == "low" and not a.unacceptable


def test_camera_alerts_hand_worked(plain):
    # severity (access): snapshot (camera_snapshot, sensitive) = high (2); 600,000 < 1,000,000 (large scale):
    #   no scale step; minors among the subjects, the snapshot is not children's data: +1 = severe (3);
    #   breach_response 1/3 -> 2.67, rounded up severe.
    # exposure (access): network 3 (online, internet-facing devices, iot_camera), participants 2 (staff, the
    #   cloud processor), business 1 (sensitive data attracts), flow 0: (3 + 2) / 2 = 2.5.
    # likelihood: coverage 7/19 = 0.37, core complete: 2.5 - 1.11 = 1.39 -> high.  severe x high = severe.
    # modification: severity high -1 +1 (minors) = high, -1/3 = 1.67 -> high; exposure 2.5 (flow and
    #   attractiveness do not count); 2.5 - 3 x 5/18 x 0.2 = 2.33 -> very high.  high x very high = severe.
    # planned stage: retention_enforcement counts too: severity 3 - 2/3 = 2.33, still severe.
    a = plain["camera_alerts"]
    assert _triple(a.residual[ACCESS]) == ("severe", "high", "severe")
    assert a.exposure[ACCESS] == 2.5 and a.residual[ACCESS].likelihood_score == pytest.approx(2.5 - 3 * 7 / 19, abs=1e-3)
    assert _triple(a.residual[MODIFY]) == ("high", "very_high", "severe")
    assert _triple(a.residual[LOSS]) == ("high", "very_high", "severe")
    assert a.stages[Stage.planned][ACCESS].impact_score == pytest.approx(3 - 2 / 3, abs=1e-3)
    assert a.level == "severe" and a.unacceptable


def test_abroad_sharing_hand_worked_override_to_general_caps_impact(plain):
    # severity: pay is user.payment (taxonomy high) overridden to general -> at most medium; no measure listed.
    # exposure: flow 2 (stored in US, partner in US: cross-border; a partner beyond processors), network 1,
    #   participants 1 (the partner is bound by a confidentiality agreement), business 1 (2,000,000 >= large
    #   scale): (2 + 1) / 2 = 1.5 -> high.  No measure: current = inherent.  medium x high = medium.
    a = plain["abroad_sharing"]
    assert _triple(a.residual[ACCESS]) == ("medium", "high", "medium")
    assert a.residual[ACCESS] == a.inherent[ACCESS]
    assert not a.unacceptable


def test_big_directory_hand_worked_scale_is_one_factor_not_a_floor(plain):
    # severity: uid (user.id, low) = 0.  exposure: network 1, participants 1, business 1 (10,000,000 subjects):
    #   1.0; every measure of the manifest implemented: 1.0 - 1.1 -> 0 = low.  low x low = low.
    # (before issue 12, 10,000,000 subjects forced likelihood to at least high on their own)
    a = plain["big_directory"]
    assert _triple(a.residual[ACCESS]) == ("low", "low", "low")
    business = next(g for g in a.likelihood_factors[ACCESS] if g.group == "business")
    assert business.rating == 1 and "10,000,000" in business.reasons[0]


def test_guardian_check_override_to_sensitive_keeps_severity_at_least_high(plain):
    # consent (user.authorization.consent, taxonomy low) overridden to sensitive -> at least high; retention and
    # breach response would lower it by 2/3, but sensitive data stays at least high (no de-identification).
    # likelihood: exposure 1.0 (network 1, participants 1, business 1: sensitive) - 1.1 -> low.  high x low = medium.
    a = plain["guardian_check"]
    assert _triple(a.residual[ACCESS]) == ("high", "low", "medium")
    assert a.residual[ACCESS].impact_score == 2.0
    base = next(s for s in a.factors if s.rule == "impact.base")
    assert "override: identifies a minor" in base.reason


def test_other_methods_map_the_internal_scale(hand):
    # camera_alerts access: internal severe x high; CNIL "significant" (it seems possible) is ICO "possible".
    cnil = {a.id: a for a in assess(hand, method="cnil").activities}["camera_alerts"]
    ico = {a.id: a for a in assess(hand, method="ico").activities}["camera_alerts"]
    assert _triple(cnil.residual[ACCESS]) == ("maximum", "significant", "high")
    assert _triple(ico.residual[ACCESS]) == ("severe", "possible", "high")
    # newsletter access current: internal medium x low -> ICO significant x remote = low
    news = {a.id: a for a in assess(hand, method="ico").activities}["newsletter"]
    assert _triple(news.residual[ACCESS]) == ("significant", "remote", "low")


def test_cnil_method_rates_risk_sources(hand):
    cnil = {a.id: a for a in assess(hand, method="cnil").activities}["camera_alerts"]
    assert [g.group for g in cnil.likelihood_factors[ACCESS]] == ["internal", "external", "motivation"]
    gbt = {a.id: a for a in assess(hand).activities}["camera_alerts"]
    assert [g.group for g in gbt.likelihood_factors[ACCESS]] == ["network", "flow", "participants", "business"]
    assert all(g.source.startswith("GB/T 39335-2020 5.4.") for g in gbt.likelihood_factors[ACCESS])


def test_every_step_names_rule_source_and_levels(plain):
    for a in plain.values():
        for st in a.factors:
            assert st.rule and st.source and st.reason and st.after
    a = plain["camera_alerts"]
    step = next(s for s in a.factors if s.rule == "impact.vulnerable" and s.feared_event is ACCESS)
    assert (step.before, step.after) == ("high", "severe")
    # WP248 makes minors a high-risk factor; the one-level step is the kit's, and says so (never the standard's)
    assert step.source == "WP248 criterion 7 (one level up: pia default)" and "minors" in step.reason


def test_minors_count_once(hand):
    # a sensitive element that is minors' data as such already carries the minors fact: no second step
    m = hand.model_copy(deep=True)
    m.data_elements = [e.model_copy(update={"data_subjects": [DataSubject.minors]}) if e.id == "consent" else e
                       for e in m.data_elements]
    act = m.activity("guardian_check")
    act.data_subjects = [DataSubject.customers, DataSubject.minors]
    a = {x.id: x for x in assess(m).activities}["guardian_check"]
    step = next(s for s in a.factors if s.rule == "impact.vulnerable" and s.feared_event is ACCESS)
    assert step.before == step.after == "high" and "already counted" in step.reason


def test_residual_never_exceeds_inherent(plain):
    from pia.risk.methods import load_method
    m = load_method("gbt39335")
    for a in plain.values():
        for ev in FearedEvent:
            assert m.risk_rank(a.residual[ev].level) <= m.risk_rank(a.inherent[ev].level)


# --------------------------------------------------------------------------- evidence


@pytest.fixture(scope="module")
def with_evidence(hand):
    return assess(hand, evidence=[FIX / "validation.json", FIX / "scan.json"])


def test_failed_check_counts_once_through_the_measure_it_contradicts(with_evidence):
    # newsletter access severity: email medium, but the scan found precise location (sensitive, high) -> high;
    #   retention and breach response would lower it, but sensitive data stays at least high.
    # exposure: business 2 (attractive: location found by scan; undisclosed data), network 1: (2 + 1) / 2 = 1.5.
    #   users.password_hashed fails and newsletter claims encryption_at_rest implemented: the failure counts once,
    #   through that measure (credit 0, a core measure missing -> gate 0.2), not again as a likelihood factor.
    #   coverage (2 + 2 + 1)/17 (processor contracts, device security not applicable): 1.5 - 3 x 0.294 x 0.2
    #   = 1.32 -> high.  high x high = high: unacceptable.
    a = {x.id: x for x in with_evidence.activities}["newsletter"]
    assert _triple(a.residual[ACCESS]) == ("high", "high", "high") and a.unacceptable
    assert a.residual[ACCESS].likelihood_score == pytest.approx(1.5 - 3 * 5 / 17 * 0.2, abs=1e-3)
    business = next(g for g in a.likelihood_factors[ACCESS] if g.group == "business")
    assert business.rating == 2 and not any("users.password_hashed" in r for r in business.reasons)
    assert not any("users.password_hashed" in r for g in a.likelihood_factors[ACCESS] for r in g.reasons)
    step = next(s for s in a.factors if s.rule == "likelihood.measures" and s.stage is Stage.current
                and s.feared_event is ACCESS)
    assert "encryption_at_rest (not effective: check users.password_hashed failed)" in step.reason
    assert step.evidence == ["check users.password_hashed failed"]
    # the check names encryption_at_rest only, which does not mitigate modification: its business group is 0
    assert next(g for g in a.likelihood_factors[MODIFY] if g.group == "business").rating == 0
    hidden = next(s for s in a.factors if s.rule == "impact.undisclosed_data")
    assert (hidden.before, hidden.after) == ("medium", "high") and "devices.gps_lat" in hidden.reason


def test_passed_and_skipped_checks_change_nothing(hand):
    doc = json.loads((FIX / "validation.json").read_text())
    doc["checks"] = [c for c in doc["checks"] if c["status"] != "fail"]
    before = assess(hand).to_dict()["activities"]
    after = assess(hand, evidence=[doc]).to_dict()["activities"]
    assert before == after


def test_undeclared_without_activity_and_unknown_activity_are_service_factors(with_evidence):
    joined = "\n".join(with_evidence.service_factors)
    assert "user.device.ip_address in logs.ip" in joined and "names no activity" in joined
    assert "'ghost_activity'" in joined
    assert "user.device.cookie_id not found" in joined


def test_plaintext_sensitive_makes_encryption_at_rest_not_effective(with_evidence):
    # guardian_check: the scan found credentials in plaintext: encryption_at_rest credit 0, a core measure
    # missing -> gate 0.2; likelihood 1.0 - 3 x (5/19) x 0.2 = 0.84 -> medium (low without the finding).
    # high x medium = medium.
    a = {x.id: x for x in with_evidence.activities}["guardian_check"]
    assert _triple(a.residual[ACCESS]) == ("high", "medium", "medium")
    use = next(u for u in a.measures if u.measure == "encryption_at_rest")
    assert not use.effective and use.credit[Stage.current] == 0


def test_evidence_summary_has_file_name_and_sha256(with_evidence):
    kinds = [(e.kind, e.source, e.findings) for e in with_evidence.evidence]
    assert kinds == [("pia.scan", "scan.json", 4), ("pia.validation", "validation.json", 2)]
    assert all(len(e.sha256) == 64 for e in with_evidence.evidence)


@pytest.mark.parametrize("name, message", [
    ("unknown_kind.json", "unknown evidence kind 'pia.report'"),
    ("malformed.json", "evidence is not valid JSON"),
    ("bad_status.json", "checks.0.status: Input should be 'pass', 'fail' or 'skipped'; got 'broken'"),
    ("does_not_exist.json", "evidence file not found"),
])
def test_bad_evidence_is_an_input_error_naming_the_file(hand, name, message):
    with pytest.raises(InputError) as exc:
        assess(hand, evidence=[FIX / name])
    assert name in str(exc.value) and message in str(exc.value)


def test_malformed_evidence_reports_the_line(hand):
    with pytest.raises(InputError) as exc:
        assess(hand, evidence=[FIX / "malformed.json"])
    assert exc.value.problems[0].line == 2


# --------------------------------------------------------------------------- verdict and actions


def test_verdict_states_the_vii_2_5_condition_and_names_the_organisations_threshold(hand):
    result = assess(hand)
    assert result.high_risk and result.threshold == "high"
    assert {a.id for a in result.unacceptable_activities()} == {"camera_alerts"}
    verdict = result.to_dict()["verdict"]
    assert verdict.startswith("The assessment indicates high risk: the VII.2(5) condition holds.")
    assert "organisation's unacceptable level" in verdict and "notified" not in verdict
    assert "organisation" in result.threshold_source and "GB/T 39335-2020 leaves" in result.threshold_source


def test_threshold_is_an_organisation_setting(hand):
    m = hand.model_copy(deep=True)
    m.settings = m.settings.model_copy(update={"unacceptable_risk": "severe"})
    result = assess(m)
    assert result.threshold == "severe" and {a.id for a in result.unacceptable_activities()} == {"camera_alerts"}
    m.settings = m.settings.model_copy(update={"unacceptable_risk": "medium"})
    assert {a.id for a in assess(m).unacceptable_activities()} >= {"camera_alerts", "abroad_sharing"}
    m.settings = m.settings.model_copy(update={"unacceptable_risk": "extreme"})
    with pytest.raises(InputError, match="unknown risk level 'extreme' for method gbt39335"):
        assess(m)


def test_not_high_risk_once_the_risky_activities_are_gone(hand):
    m = hand.model_copy(deep=True)
    m.processing_activities = [a for a in m.processing_activities if a.id in ("newsletter", "guardian_check")]
    result = assess(m)
    assert not result.high_risk and result.actions == []
    assert result.to_dict()["verdict"].startswith("The assessment does not indicate high risk")


def test_action_plan_is_the_smallest_set_and_the_target_stage_reaches_it(hand):
    result = assess(hand)
    (cam,) = result.actions
    assert cam.activity == "camera_alerts" and cam.reaches_acceptable
    assert [m.measure for m in cam.planned] == ["retention_enforcement"]
    chosen = {m.measure for m in cam.measures}
    act = {a.id: a for a in result.activities}["camera_alerts"]
    assert act.target_level == cam.level_after == "medium"
    # every measure of the set is needed: dropping any one leaves the target unacceptable
    from pia.risk.methods import load_method
    from pia.risk.evidence import EvidenceContext
    from pia.risk.scoring import _Activity
    meth = load_method("gbt39335")
    probe = _Activity(hand, hand.activity("camera_alerts"), meth, EvidenceContext())
    assert probe.top_rank(Stage.target, frozenset(chosen))[0] < meth.risk_rank("high")
    for m in chosen:
        assert probe.top_rank(Stage.target, frozenset(chosen - {m}))[0] >= meth.risk_rank("high"), m


def test_action_plan_lists_evidence_remedies(with_evidence):
    news = {x.activity: x for x in with_evidence.actions}["newsletter"]
    assert {e.evidence for e in news.evidence} == {"users.password_hashed", "undeclared:user.location.precise"}
    assert news.level_after == "low" and news.measures == []


def test_action_plan_says_when_no_measure_can(hand):
    m = hand.model_copy(deep=True)
    act = m.activity("camera_alerts")
    act.measures = {k: MeasureState(status="implemented") for k in m.measure_catalogue()}
    m.settings = m.settings.model_copy(update={"unacceptable_risk": "low"})
    (action,) = [x for x in assess(m).actions if x.activity == "camera_alerts"]
    assert not action.reaches_acceptable and action.measures == []
    assert "no set of catalogue measures" in action.note and "minimisation" in action.note


def test_top_rank_agrees_with_the_scores(hand):
    from pia.risk.evidence import EvidenceContext
    from pia.risk.methods import load_method
    from pia.risk.scoring import _Activity
    meth = load_method("gbt39335")
    for a in hand.processing_activities:
        probe = _Activity(hand, a, meth, EvidenceContext())
        for stage in Stage:
            assert probe.top_rank(stage)[0] == meth.risk_rank(probe.top(probe.score(stage)))


def test_to_dict_shape_and_determinism(hand):
    a = assess(hand, evidence=[FIX / "validation.json", FIX / "scan.json"]).to_dict()
    b = assess(hand, evidence=[FIX / "scan.json", FIX / "validation.json"]).to_dict()
    assert to_json(a) == to_json(b)
    assert {"method", "threshold", "high_risk", "activities", "actions"} <= set(a)
    act = a["activities"][0]
    assert {"id", "screening", "inherent", "residual", "stages", "level", "factors"} <= set(act)
    assert set(act["stages"]) == {"inherent", "current", "planned", "target"}
    assert set(act["residual"]) == {"illegitimate_access", "unwanted_modification", "disappearance"}
    assert {"impact", "likelihood", "level"} <= set(act["residual"]["disappearance"])
    assert [x["id"] for x in a["activities"]] == sorted(x["id"] for x in a["activities"])


def test_reference_inventory_verdict_follows_from_the_rules():
    result = assess(load_manifest())
    by = {a.id: a for a in result.activities}
    assert result.high_risk
    # alert snapshots: camera images of households incl. minors, internet-facing cameras, no integrity checking
    # or backups declared
    assert by["alert_snapshots"].level == "severe"
    assert by["rights_handling"].level == "low"


def test_reference_activities_differ_in_likelihood_for_stated_reasons():
    # cookie statistics: online service only, no processor, nothing sensitive; 2,000,000 visitors (large scale).
    #   exposure: network 1, participants 1, business 1 -> 1.0; current likelihood 0.87 -> medium.
    # camera snapshots: internet-facing cameras and iot_camera (network 3), cloud and push processors
    #   (participants 2), sensitive snapshots (business 1) -> 2.5; current likelihood 1.39 -> high.
    by = {a.id: a for a in assess(load_manifest()).activities}
    cookies, snaps = by["website_cookies"], by["alert_snapshots"]
    assert cookies.exposure[ACCESS] == 1.0 and snaps.exposure[ACCESS] == 2.5
    assert cookies.residual[ACCESS].likelihood == "medium" and snaps.residual[ACCESS].likelihood == "high"
    net = {a: next(g for g in by[a].likelihood_factors[ACCESS] if g.group == "network") for a in by}
    assert net["website_cookies"].rating == 1 and net["alert_snapshots"].rating == 3
    assert any("devices reachable from the internet" in r for r in net["alert_snapshots"].reasons)


def test_reference_implementing_a_planned_measure_moves_the_map():
    # alert_snapshots plans retention enforcement (a severity measure of illegitimate access): planned stage
    # severity score 2.67 -> 2.33 (visible on the map; the level stays severe until more is done).
    a = {x.id: x for x in assess(load_manifest()).activities}["alert_snapshots"]
    assert a.stages[Stage.planned][ACCESS].impact_score < a.stages[Stage.current][ACCESS].impact_score


def test_same_evidence_twice_counts_once(hand):
    once = assess(hand, evidence=[FIX / "validation.json"]).to_dict()["activities"]
    twice = assess(hand, evidence=[FIX / "validation.json", FIX / "validation.json"]).to_dict()["activities"]
    assert once == twice


def test_failed_check_without_activity_is_a_service_factor(hand):
    doc = {"kind": "pia.validation", "checks": [{"id": "x.orphan", "clause": "I.1", "status": "fail",
                                                 "failed_rows": 3, "activities": [], "controls": []}]}
    result = assess(hand, evidence=[doc])
    assert result.service_factors == ["failed check x.orphan (I.1) names no activity"]
    assert result.evidence[0].source == "<dict>" and result.evidence[0].findings == 1


@pytest.mark.parametrize("doc, message", [
    ({"kind": "pia.scan", "reconciliation": []}, "reconciliation: Input should be a valid dictionary"),
    ({"kind": "pia.scan", "reconciliation": {"undeclared": [{"where": ["t.c"]}]}},
     "reconciliation.undeclared.0.category: Field required"),
    ({"kind": "pia.validation", "checks": [{"id": "a", "status": "fail", "activities": "newsletter"}]},
     "checks.0.activities: Input should be a valid list"),
    ({"kind": "pia.validation", "schema_version": 2, "checks": []}, "schema_version: Input should be less than"),
    ({"checks": []}, "unknown evidence kind None"),
    ({"kind": [], "checks": []}, "unknown evidence kind []"),  # found by the loaders' fuzzing: no TypeError
])
def test_malformed_parsed_evidence_is_an_input_error(hand, doc, message):
    with pytest.raises(InputError) as exc:
        assess(hand, evidence=[doc])
    assert message in str(exc.value) and str(exc.value).startswith("<dict>")


@pytest.mark.parametrize("method", ["gbt39335", "cnil", "ico"])
def test_every_citation_of_an_assessment_is_catalogued(method):
    from pia.sources import unknown
    result = assess(load_manifest(), method=method, evidence=[FIX / "validation.json", FIX / "scan.json"])
    cited = {st.source for a in result.activities for st in a.factors}
    cited |= {g.source for a in result.activities for groups in a.likelihood_factors.values() for g in groups}
    cited |= {c["source"] for a in result.activities for c in a.screening["criteria"]}
    assert len(cited) > 5
    assert [(c, unknown(c)) for c in sorted(cited) if unknown(c)] == []
