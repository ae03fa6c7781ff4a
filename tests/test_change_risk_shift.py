"""A change of the risk of an activity already at the top level is a change of the risk (GDPR Art. 35(11))."""

from __future__ import annotations

from pathlib import Path

import yaml

from pia.changes.rules import review
from pia.declare.manifest import Manifest, load_manifest

ROOT = Path(__file__).resolve().parents[1]
EXAMSIGHT = ROOT / "data_samples" / "examsight" / "examsight.pia.yaml"
EXAMSIGHT_NEXT = ROOT / "data_samples" / "examsight" / "examsight.proposed.pia.yaml"


def test_face_recognition_and_a_processor_abroad_on_a_top_level_activity_trigger_the_risk_condition():
    """exam_recording is already at the top level: face recognition and a processor in Singapore triggered nothing
    and the review printed that GDPR Art. 35(11) 'does not apply'."""
    r = review(load_manifest(EXAMSIGHT), load_manifest(EXAMSIGHT_NEXT))
    assert not r.risk.rises  # the level cannot rise: it is at the top in both versions
    (shift,) = r.risk.shifts
    assert shift.activity == "exam_recording" and shift.high
    assert {"wp248.8", "wp248.4", "pipl55.4"} <= set(shift.causes)
    assert "face_recognition" in shift.evidence and "gaze_ai" in shift.evidence
    t = r.trigger("high_risk_assessment")
    assert t is not None and [x.activity for x in t.shifts] == ["exam_recording"]
    assert "processing_activities[exam_recording].innovative_technology[face_recognition]" in t.changes
    assert "does not apply" not in r.risk.decision and "GDPR Art. 35(11)" in r.risk.decision


def test_a_new_screening_criterion_on_an_activity_below_the_top_is_reported_not_denied():
    data = yaml.safe_load(EXAMSIGHT.read_text(encoding="utf-8"))
    acct = next(a for a in data["processing_activities"] if a["id"] == "account_management")
    acct["may_block_service"] = True  # WP248 criterion 9; the activity's level stays where it was
    old, new = load_manifest(EXAMSIGHT), Manifest.model_validate(data)
    r = review(old, new)
    assert not r.risk.rises
    (shift,) = r.risk.shifts
    assert shift.activity == "account_management" and "wp248.9" in shift.criteria and not shift.high
    assert "does not apply" not in r.risk.decision and "account_management" in r.risk.decision
    assert "GDPR Art. 35(11)" in r.risk.decision
    # below the unacceptable level the change is reported for review, not notified under the risk condition
    assert r.trigger("high_risk_assessment") is None


def test_wording_change_leaves_the_risk_alone():
    data = yaml.safe_load(EXAMSIGHT.read_text(encoding="utf-8"))
    data["policy"]["version"] = "3.0.1"
    r = review(load_manifest(EXAMSIGHT), Manifest.model_validate(data))
    assert r.risk.shifts == [] and r.trigger("high_risk_assessment") is None and "does not apply" in r.risk.decision


ZOSI = ROOT / "data_samples" / "zosi-camera.pia.yaml"
ZOSI_NEXT = ROOT / "data_samples" / "zosi-camera.proposed.pia.yaml"


def test_the_sentence_names_each_criterion_with_its_source_never_its_id():
    """An assessor read 'screening criteria newly met: pipl55.4': the sentence names the criterion and its source,
    in each language; the JSON fields `criteria` and `causes` keep the stable ids."""
    from pia.i18n import Message, localize
    from pia.risk.screening import RULES

    rules = {r.id: r for r in RULES}
    shifts = {x.activity: x for old, new in ((ZOSI, ZOSI_NEXT), (EXAMSIGHT, EXAMSIGHT_NEXT))
              for x in review(load_manifest(old), load_manifest(new)).risk.shifts}
    newly, causes = shifts["email_tracking"], shifts["exam_recording"]
    assert newly.criteria == ["pipl55.3b"] and {"pipl55.4", "wp248.8"} <= set(causes.causes)
    for shift in (newly, causes):
        ids = shift.criteria + shift.causes
        for lang in ("en", "zh"):
            text = localize(shift.evidence, lang)
            assert not [c for c in ids if c in text], text
            assert all(localize(Message(rules[c].source), lang) in text for c in ids), text
    assert ("screening criteria newly met: providing personal information to other personal information handlers, "
            "or disclosing it publicly (PIPL Art. 55(3))") in newly.evidence
    assert "providing personal information abroad (PIPL Art. 55(4))" in causes.evidence
    assert "innovative use of technology (WP248 criterion 8)" in causes.evidence
    assert "向境外提供个人信息（PIPL Art. 55(4)）" in localize(causes.evidence, "zh")


def test_the_sentence_names_feared_events_gauges_and_factor_groups_in_words():
    """An assessor read 'residual scores rise for illegitimate_access:likelihood': the sentence names the feared event,
    the gauge and the likelihood factor group in words, in each language; `events` and `exposure` keep the ids."""
    from pia.i18n import localize

    shifts = {x.activity: x for old, new in ((ZOSI, ZOSI_NEXT), (EXAMSIGHT, EXAMSIGHT_NEXT))
              for x in review(load_manifest(old), load_manifest(new)).risk.shifts}
    tracking, recording = shifts["email_tracking"], shifts["exam_recording"]
    assert tracking.events == ["illegitimate_access:likelihood"] and "illegitimate_access:flow" in tracking.exposure
    assert "disappearance:impact" in recording.events
    for shift in (tracking, recording):
        for lang in ("en", "zh"):
            text = localize(shift.evidence, lang)
            assert not [k for k in shift.events + shift.exposure if k in text], text
            assert not [e for e in ("illegitimate_access", "unwanted_modification", ":likelihood", ":impact")
                        if e in text], text
    assert "residual scores rise for likelihood of illegitimate access" in tracking.evidence
    assert "personal information processing flow (个人信息处理流程), for illegitimate access" in tracking.evidence
    assert "severity of disappearance of data" in recording.evidence
    zh = localize(tracking.evidence, "zh")
    assert "非法访问的可能性" in zh and "非法访问的个人信息处理流程" in zh
