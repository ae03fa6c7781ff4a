"""Risk scoring: hand-worked cases, evidence handling, the verdict and the action plan."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from pia.errors import InputError
from pia.declare.manifest import load_manifest
from pia.declare.measures import MeasureState
from pia.risk.scoring import Control
from pia.output import to_json
from pia.risk.scoring import FearedEvent, assess

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


def test_newsletter_hand_worked(plain):
    # impact: email (user.contact.email, taxonomy medium) -> medium; no sensitive data, no minors.
    # residual likelihood: low, no recipient/cross-border/internet device; every access control
    #   implemented -> -1 (stays low); 1,000 subjects -> no floor.  medium x low = low (Table D.5).
    # inherent likelihood: low +1 (controls ignored) = medium.       medium x medium = medium.
    # modification: impact medium -1 = low; likelihood low -> low x low = low.
    a = plain["newsletter"]
    assert _triple(a.residual[ACCESS]) == ("medium", "low", "low")
    assert _triple(a.inherent[ACCESS]) == ("medium", "medium", "medium")
    assert _triple(a.residual[MODIFY]) == ("low", "low", "low")
    assert a.level == "low" and not a.unacceptable


def test_camera_alerts_hand_worked(plain):
    # impact: snapshot (camera_snapshot, sensitive, high) = high; +1 sensitive of 600,000 >= 500,000 -> severe;
    #   +1 minors -> severe (top).
    # residual likelihood (access): low +1 processor (cloud) = medium, +1 internet-facing = high,
    #   +1 retention_enforcement planned = very high; 600,000 < 1,000,000: no floor.  severe x very high = severe.
    # modification: impact high -1 = medium, +1 = high, +1 = severe; likelihood high, access_control,
    #   encryption_in_transit, staff_training implemented -> -1 = medium.  severe x medium = high.
    a = plain["camera_alerts"]
    assert _triple(a.residual[ACCESS]) == ("severe", "very_high", "severe")
    assert _triple(a.residual[MODIFY]) == ("severe", "medium", "high")
    assert _triple(a.residual[LOSS]) == ("severe", "medium", "high")
    assert _triple(a.inherent[MODIFY]) == ("severe", "very_high", "severe")
    assert a.level == "severe" and a.unacceptable


def test_abroad_sharing_hand_worked_override_to_general_caps_impact(plain):
    # impact: pay is user.payment (taxonomy high) overridden to general -> at most medium; not sensitive,
    #   so no 500,000 step.  likelihood: low +1 partner (other recipient) = medium, +1 cross-border = high,
    #   +1 controls missing (none listed) = very high; 2,000,000 >= 1,000,000: at least medium (no change).
    #   medium x very high = high -> unacceptable.
    a = plain["abroad_sharing"]
    assert _triple(a.residual[ACCESS]) == ("medium", "very_high", "high")
    assert a.unacceptable


def test_big_directory_hand_worked_floor_from_ten_million(plain):
    # impact: uid (user.id, low) = low; residual -1 de-identification implemented stays low.
    # likelihood: low; every control implemented -1 stays low; 10,000,000 subjects -> at least high.
    #   low x high = medium (Table D.5).
    a = plain["big_directory"]
    assert _triple(a.residual[ACCESS]) == ("low", "high", "medium")
    floor = [s for s in a.factors if s.rule == "likelihood.scale" and s.stage.value == "residual"
             and s.feared_event is ACCESS]
    assert floor[0].before == "low" and floor[0].after == "high"
    assert "10,000,000" in floor[0].reason


def test_guardian_check_override_to_sensitive_raises_impact_to_high(plain):
    # consent (user.authorization.consent, taxonomy low) overridden to sensitive -> at least high.
    # likelihood low, all controls -> low.  high x low = medium.
    a = plain["guardian_check"]
    assert _triple(a.residual[ACCESS]) == ("high", "low", "medium")
    base = next(s for s in a.factors if s.rule == "impact.base")
    assert "override: identifies a minor" in base.reason


def test_other_methods_map_the_internal_scale(hand):
    # camera_alerts access: internal impact severe, likelihood very high.
    cnil = {a.id: a for a in assess(hand, method="cnil").activities}["camera_alerts"]
    ico = {a.id: a for a in assess(hand, method="ico").activities}["camera_alerts"]
    assert _triple(cnil.residual[ACCESS]) == ("maximum", "maximum", "high")
    assert _triple(ico.residual[ACCESS]) == ("severe", "probable", "high")
    # newsletter access residual: internal medium x low -> CNIL limited x negligible = low; ICO significant x remote = low
    news = {a.id: a for a in assess(hand, method="ico").activities}["newsletter"]
    assert _triple(news.residual[ACCESS]) == ("significant", "remote", "low")


def test_every_step_names_rule_source_and_levels(plain):
    for a in plain.values():
        for st in a.factors:
            assert st.rule and st.source and st.reason and st.after
    a = plain["camera_alerts"]
    step = next(s for s in a.factors if s.rule == "impact.sensitive_scale")
    assert (step.before, step.after) == ("high", "severe")
    assert "GB/T 39335-2020" in step.source and "600,000" in step.reason


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


def test_failed_check_raises_likelihood_and_is_cited(with_evidence):
    # newsletter access impact: email medium, but the scan found precise location (sensitive, high) -> high.
    # likelihood low; encryption_at_rest contradicted by users.password_hashed -> not effective, +1 = medium;
    # failed check +1 = high; scan: undisclosed collection +1 = very high.  high x very high = severe.
    a = {x.id: x for x in with_evidence.activities}["newsletter"]
    assert _triple(a.residual[ACCESS]) == ("high", "very_high", "severe")
    step = next(s for s in a.factors if s.rule == "likelihood.failed_checks" and s.stage.value == "residual")
    assert step.evidence == ["users.password_hashed"]
    assert "I.1, III.3" in step.reason and "2 failed rows" in step.reason
    missing = next(s for s in a.factors if s.rule == "likelihood.controls_missing")
    assert "encryption_at_rest (not effective: check users.password_hashed failed)" in missing.reason
    assert missing.evidence == ["check users.password_hashed failed"]
    # the check names encryption_at_rest only: modification likelihood is not raised (impact high -1 = medium)
    assert _triple(a.residual[MODIFY]) == ("medium", "low", "low")
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
    # guardian_check: every control implemented, but the scan found credentials in plaintext:
    # likelihood low +1 (encryption_at_rest not effective) = medium.  high x medium = medium.
    a = {x.id: x for x in with_evidence.activities}["guardian_check"]
    assert _triple(a.residual[ACCESS]) == ("high", "medium", "medium")


def test_evidence_summary_has_file_name_and_sha256(with_evidence):
    kinds = [(e.kind, e.source, e.findings) for e in with_evidence.evidence]
    assert kinds == [("pia.scan", "scan.json", 4), ("pia.validation", "validation.json", 2)]
    assert all(len(e.sha256) == 64 for e in with_evidence.evidence)


@pytest.mark.parametrize("name, message", [
    ("unknown_kind.json", "unknown evidence kind 'pia.report'"),
    ("malformed.json", "evidence is not valid JSON"),
    ("bad_status.json", "status 'broken' is not pass, fail or skipped"),
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


def test_verdict_high_when_any_residual_reaches_threshold(hand):
    result = assess(hand)
    assert result.high_risk and result.threshold == "high"
    assert {a.id for a in result.unacceptable_activities()} == {"camera_alerts", "abroad_sharing"}
    assert "VII.2(5)" in result.to_dict()["verdict"]


def test_not_high_risk_once_the_risky_activities_are_gone(hand):
    m = hand.model_copy(deep=True)
    m.processing_activities = [a for a in m.processing_activities if a.id in ("newsletter", "guardian_check")]
    result = assess(m)
    assert not result.high_risk and result.actions == []
    assert result.to_dict()["verdict"].startswith("Not high risk")


def test_action_plan_gives_level_after_each_control(hand):
    actions = {x.activity: x for x in assess(hand).actions}
    cam = actions["camera_alerts"]
    by = {c.control: c for c in cam.controls}
    # retention alone: access likelihood high -1 = medium -> severe x medium = high (still unacceptable)
    assert by[Control.retention_enforcement].status == "planned"
    assert by[Control.retention_enforcement].level_after == "high"
    # with de-identification too: impact severe -1 = high; high x medium = medium
    assert cam.level_after_all == "medium" and cam.below_threshold_after_all
    assert "no single measure" in cam.note
    # abroad_sharing: de-identification alone: impact medium -1 = low; low x very high = medium
    abroad = {c.control: c for c in actions["abroad_sharing"].controls}
    assert abroad[Control.deidentification].level_after == "medium" and abroad[Control.deidentification].lowers
    assert "deidentification alone brings it below high" in actions["abroad_sharing"].note


def test_action_plan_lists_evidence_remedies(with_evidence):
    news = {x.activity: x for x in with_evidence.actions}["newsletter"]
    assert {e.evidence for e in news.evidence} == {"users.password_hashed", "undeclared:user.location.precise"}
    assert news.level_after_all == "low"


def test_action_plan_when_every_control_is_in_place(hand):
    m = hand.model_copy(deep=True)
    act = m.activity("camera_alerts")
    act.measures = {c.value: MeasureState(status="implemented") for c in Control}
    act.subjects_count = 10_000_000
    # impact severe -1 (de-identified) = high; likelihood floor high: high x high = high
    (action,) = [x for x in assess(m).actions if x.activity == "camera_alerts"]
    assert action.controls == [] and "minimisation" in action.note


def test_to_dict_shape_and_determinism(hand):
    a = assess(hand, evidence=[FIX / "validation.json", FIX / "scan.json"]).to_dict()
    b = assess(hand, evidence=[FIX / "scan.json", FIX / "validation.json"]).to_dict()
    assert to_json(a) == to_json(b)
    assert {"method", "threshold", "high_risk", "activities", "actions"} <= set(a)
    act = a["activities"][0]
    assert {"id", "screening", "inherent", "residual", "factors"} <= set(act)
    assert set(act["residual"]) == {"illegitimate_access", "unwanted_modification", "disappearance"}
    assert set(act["residual"]["disappearance"]) == {"impact", "likelihood", "level"}
    assert [x["id"] for x in a["activities"]] == sorted(x["id"] for x in a["activities"])


def test_reference_inventory_verdict_follows_from_the_rules():
    result = assess(load_manifest())
    by = {a.id: a for a in result.activities}
    assert result.high_risk
    # alert snapshots: camera images of households incl. minors for 800,000 people, retention not enforced
    assert by["alert_snapshots"].level == "severe"
    assert by["rights_handling"].level == "low"


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
    ({"kind": "pia.scan", "reconciliation": []}, "'reconciliation' must be an object"),
    ({"kind": "pia.scan", "reconciliation": {"undeclared": [{"where": ["t.c"]}]}}, "must be an object with a 'category'"),
    ({"kind": "pia.validation", "checks": [{"id": "a", "status": "fail", "activities": "newsletter"}]},
     "'activities' must be a list of ids"),
    ({"checks": []}, "unknown evidence kind None"),
])
def test_malformed_parsed_evidence_is_an_input_error(hand, doc, message):
    with pytest.raises(InputError) as exc:
        assess(hand, evidence=[doc])
    assert message in str(exc.value) and str(exc.value).startswith("<dict>")
