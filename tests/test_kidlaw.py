"""Legal judgement after the kidwatch trial: large scale by WP243's factors, children profiled or monitored, whose
data an element is, and the voice and social-graph categories (data_samples/kidwatch)."""

from __future__ import annotations

import copy
import json
from typing import Any

import pytest
import yaml

from pia import config
from pia.changes.rules import review
from pia.declare.manifest import Manifest, load_manifest
from pia.declare.taxonomy import IMPACT_LEVELS, load_taxonomy
from pia.risk.scale import judge_scale
from pia.risk.scoring import HIGH, assess, element_impact
from pia.risk.screening import screen
from pia.sources import load_sources

KIDWATCH_DIR = config.DATA_SAMPLES / "kidwatch"
KIDWATCH = KIDWATCH_DIR / "kidwatch.pia.yaml"
KIDWATCH_NEXT = KIDWATCH_DIR / "kidwatch.proposed.pia.yaml"


def _data(path=KIDWATCH) -> dict[str, Any]:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def _activity(data: dict[str, Any], act_id: str) -> dict[str, Any]:
    return next(a for a in data["processing_activities"] if a["id"] == act_id)


def _met(m: Manifest, act_id: str) -> dict[str, str]:
    return {c.id: c.evidence for c in screen(m, act_id) if c.met}


def _lines(result, act_id: str, event: str = "illegitimate_access") -> list[Any]:
    act = next(a for a in result.activities if a.id == act_id)
    return [f for f in act.factors if f.feared_event == event and f.axis == "impact" and f.stage == "current"]


def _up(step) -> bool:
    """Whether a step raised the level by one (levels are names on the internal scale)."""
    return IMPACT_LEVELS.index(step.after) == IMPACT_LEVELS.index(step.before) + 1


# --------------------------------------------------------------------------- 1. large scale: WP243 rev.01 2.1.3


def test_continuous_permanent_international_tracking_of_800k_children_is_large_scale():
    """800,000 children tracked every five minutes in China and the EU: below the 1,000,000 threshold, but
    continuous, permanent and international (WP243 rev.01 2.1.3's other factors all hold)."""
    m = load_manifest(KIDWATCH)
    met = _met(m, "location_tracking")
    assert "wp248.5" in met and "gbt39335.large_scale" in met
    reason = met["wp248.5"]
    for factor in ("800,000 subjects", "volume of data", "continuous", "duration", "permanent",
                   "geographical extent", "international", "WP243 rev.01 2.1.3"):
        assert factor in reason, factor
    # the same judgement raises the severity's large-scale step, with the factors as its source
    result = assess(m)
    scale = [f for f in _lines(result, "location_tracking", "unwanted_modification") if f.rule == "impact.sensitive_scale"]
    assert scale and "WP243 rev.01 2.1.3" in scale[0].source and _up(scale[0])


def test_without_the_collection_fact_the_number_alone_decides():
    data = _data()
    del _activity(data, "location_tracking")["scale"]
    m = Manifest.model_validate(data)
    assert "wp248.5" not in _met(m, "location_tracking")
    j = judge_scale(m, m.activity("location_tracking"))
    assert not j.large and [f.name for f in j.factors if not f.met] == ["volume of data"]


@pytest.mark.parametrize("change, large", [
    ({"duration": "temporary"}, False),         # a limited campaign: not permanent
    ({"extent": "regional"}, False),            # one region only
    ({"extent": "national"}, True),
])
def test_each_declared_factor_counts(change, large):
    data = _data()
    _activity(data, "location_tracking")["scale"].update(change)
    m = Manifest.model_validate(data)
    assert judge_scale(m, m.activity("location_tracking")).large is large


def test_the_assessor_threshold_of_issue_12_stays_and_the_factor_floor_is_a_setting():
    data = _data()
    data["settings"]["large_scale_subjects"] = 700_000  # the number alone: the words documents always carried
    m = Manifest.model_validate(data)
    assert _met(m, "location_tracking")["wp248.5"] == "800,000 subjects (large scale from 700,000, settings)"
    data = _data()
    data["settings"]["large_scale_factors_from"] = 900_000  # below the floor the factors are not weighed
    m = Manifest.model_validate(data)
    assert "wp248.5" not in _met(m, "location_tracking")


def test_duration_and_extent_are_derived_when_not_declared():
    data = _data()
    act = _activity(data, "step_goals")  # 700,000 children, steps kept a year, CN and EU
    act["scale"] = {"collection": "continuous"}
    m = Manifest.model_validate(data)
    j = judge_scale(m, m.activity("step_goals"))
    assert j.large and j.by_factors
    data["service"]["jurisdictions"] = ["CN"]
    act["scale"] = {"collection": "continuous", "duration": "temporary"}
    j = judge_scale(Manifest.model_validate(data), Manifest.model_validate(data).activity("step_goals"))
    assert not j.large
    assert any("national" in f.fact for f in j.factors)


def test_wp243_is_in_the_catalogue():
    assert "WP243 rev.01 2.1.3" in load_sources()


# --------------------------------------------------------------------------- 2. children profiled or monitored


def test_profiling_and_monitoring_childrens_voice_messages_raises_the_severity_of_a_disclosure():
    """kidwatch's proposed voice transcription (5/9 WP248 criteria) scored medium: it profiles and monitors
    children's voice messages (WP248 criteria 1, 3 with 7; GDPR Recital 38, 75): access severity high -> severe."""
    result = assess(load_manifest(KIDWATCH_NEXT))
    lines = [f for f in _lines(result, "voice_transcription") if f.rule == "impact.children_profiled"]
    assert len(lines) == 1 and _up(lines[0])
    for cite in ("GDPR Recital 38", "GDPR Recital 75", "WP248 criterion 1", "WP248 criterion 3",
                 "WP248 criterion 7"):
        assert cite in lines[0].source
    act = next(a for a in result.activities if a.id == "voice_transcription")
    assert act.unacceptable and act.level == "high"
    # only disclosure: altered or lost transcripts harm through the service
    assert not [f for f in _lines(result, "voice_transcription", "unwanted_modification")
                if f.rule == "impact.children_profiled"]


def test_the_step_discriminates():
    # kidwatch's activities that neither profile nor monitor keep their levels; so does profiling of adults
    now = {a.id: a.level for a in assess(load_manifest(KIDWATCH)).activities}
    assert now == {"account_management": "high", "class_mode": "medium", "friends": "medium",
                   "location_tracking": "severe", "sos_calls": "high", "step_goals": "medium",
                   "voice_messaging": "medium"}
    pulse = assess(load_manifest(config.DATA_SAMPLES / "pulsewear" / "pulsewear.proposed.pia.yaml"))
    assert not [f for a in pulse.activities for f in a.factors if f.rule == "impact.children_profiled"]
    # the same activity without profiling or monitoring: no step
    data = _data(KIDWATCH_NEXT)
    act = _activity(data, "voice_transcription")
    act["profiling"] = act["systematic_monitoring"] = False
    result = assess(Manifest.model_validate(data))
    assert not [f for f in _lines(result, "voice_transcription") if f.rule == "impact.children_profiled"]
    # ... and with profiling of the parents' data only (every element declared theirs): no step either
    data = _data(KIDWATCH_NEXT)
    for e in data["data_elements"]:
        if e["id"] in ("voice_clips", "voice_transcripts", "child_nickname"):
            e["data_subjects"] = ["customers"]
    result = assess(Manifest.model_validate(data))
    assert not [f for f in _lines(result, "voice_transcription") if f.rule == "impact.children_profiled"]


def test_under_chinese_law_alone_the_step_is_a_labelled_kit_choice():
    data = _data(KIDWATCH_NEXT)
    data["service"]["jurisdictions"] = ["CN"]
    data["settings"]["minor_age"] = 14
    result = assess(Manifest.model_validate(data))
    line = next(f for f in _lines(result, "voice_transcription") if f.rule == "impact.children_profiled")
    assert line.source.startswith("pia default:") and "GDPR" not in line.source


# --------------------------------------------------------------------------- 3. whose data an element is


def _parents_only_activity() -> dict[str, Any]:
    data = _data()
    data["processing_activities"].append({
        "id": "parent_contact", "name": "Parent contact", "purpose": "Call the parent.",
        "data_elements": ["parent_name", "parent_phone"], "data_subjects": ["customers", "minors"],
        "legal_basis": "consent", "consent_scope": "contact", "subjects_count": 1000,
        "storage": {"locations": ["CN"]}, "clauses": ["2.1"]})
    return data


def test_a_parents_own_data_gets_no_childrens_step_in_an_activity_about_children():
    result = assess(Manifest.model_validate(_parents_only_activity()))
    lines = _lines(result, "parent_contact")
    vulnerable = [f for f in lines if f.rule == "impact.vulnerable"]
    assert vulnerable and vulnerable[0].before == vulnerable[0].after
    assert "not children's data" in vulnerable[0].reason
    act = next(a for a in result.activities if a.id == "parent_contact")
    assert act.stages["inherent"]["illegitimate_access"].impact == "medium"


def test_an_element_that_declares_no_subjects_follows_the_activity():
    data = _parents_only_activity()
    for e in data["data_elements"]:
        if e["id"] in ("parent_name", "parent_phone"):
            e.pop("data_subjects")
    result = assess(Manifest.model_validate(data))
    step = [f for f in _lines(result, "parent_contact") if f.rule == "impact.vulnerable"]
    assert step and _up(step[0])


def test_fresh_consent_names_no_guardian_for_a_parents_own_data():
    old = copy.deepcopy(_data())
    new = _parents_only_activity()
    r = review(Manifest.model_validate(old), Manifest.model_validate(new))
    mine = [x for x in r.reasons if x.activity == "parent_contact" or x.subject == "parent_contact"]
    assert mine and not any("PIPL Art. 31" in x.clause for x in mine)


# --------------------------------------------------------------------------- 4. voice messages and friend lists


@pytest.mark.parametrize("key, basis", [
    ("user.content.voice_recording.message", "communication records and content"),
    ("user.social", "friend list"),
])
def test_voice_messages_and_friend_lists_are_sensitive_under_annex_b(key, basis):
    tax = load_taxonomy()
    cat = tax[key]
    assert cat.sensitive and "GB/T 35273-2020 Annex B" in cat.basis and basis in cat.basis
    m = load_manifest(KIDWATCH)
    used = {e.category for e in m.data_elements}
    assert key in used
    element = next(e for e in m.data_elements if e.category == key)
    assert element.sensitivity is None and element_impact(element, m.regimes)[0] >= HIGH


def test_the_new_categories_are_found_by_pia_taxonomy(capsys):
    from pia.cli import main

    with pytest.raises(SystemExit):
        main(["taxonomy", "voice", "--format", "json"])
    keys = {c["key"] for c in json.loads(capsys.readouterr().out)["categories"]}
    assert {"user.content.voice_recording", "user.content.voice_recording.message", "user.biometric.voice"} <= keys
