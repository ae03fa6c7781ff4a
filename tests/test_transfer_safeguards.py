"""Cross-border transfer safeguards: when the measure applies (a transfer out of the regime of the controller or of the
data subjects, pia.declare.transfers), why, with the law of each regime, and that it never lowers a risk unearned."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from pia import config
from pia.declare.manifest import load_manifest
from pia.declare.measures import FearedEvent, Gauge, MeasureStatus, load_measures
from pia.declare.transfers import subject_regimes, transfers
from pia.risk.scoring import Stage, assess

FIX = Path(__file__).parent / "fixtures" / "risk"
PULSEWEAR = config.DATA_SAMPLES / "pulsewear" / "pulsewear.pia.yaml"


@pytest.fixture()
def hand():
    return load_manifest(FIX / "hand.pia.yaml")


def _use(result, activity, measure="transfer_safeguards"):
    act = next(a for a in result.activities if a.id == activity)
    return next(u for u in act.measures if u.measure == measure)


def _activity(m, ident):
    return next(a for a in m.processing_activities if a.id == ident)


def test_the_measure_acts_on_the_recipient_abroad_and_lowers_likelihood():
    m = load_measures()["transfer_safeguards"]
    assert m.lowers is Gauge.likelihood and set(m.mitigates) == set(FearedEvent)
    assert {"PIPL Art. 38", "GDPR Art. 46(2)(c)", "GDPR Art. 45"} <= set(m.sources)


def test_a_recipient_abroad_makes_it_applicable_citing_the_home_law_only(hand):
    u = _use(assess(hand), "abroad_sharing")  # storage in CN and US, a partner in the US; controller in China
    assert u.applies_by_facts and u.status is MeasureStatus.not_assessed
    assert "storage.cross_border" in u.applicability and "partner_us" in u.applicability
    assert "PIPL Art. 38" in u.applicability and "GDPR" not in u.applicability


def test_no_transfer_makes_it_not_applicable_with_the_reason(hand):
    u = _use(assess(hand), "newsletter")
    assert u.status is MeasureStatus.not_applicable and not u.applies_by_facts
    assert "no data leaves the jurisdiction" in u.applicability
    assert all(c is None for c in u.credit.values())


def test_subjects_in_another_regime_judge_the_transfer_against_it_too(hand):
    # a Chinese controller whose users are also in the EU: a recipient in China receives EU users' data from it
    # (a transfer out of the EU); data the controller keeps in China itself, collected from the people, is none
    act = _activity(hand, "abroad_sharing")
    act.storage.locations, act.storage.cross_border = ["CN"], False
    act.recipients = ["cloud"]
    act.data_elements = ["uid", "email"]
    assert transfers(hand, act) == []
    act.subjects_in = ["CN", "EU"]
    assert subject_regimes(hand, act) == ["CN", "EU"]
    assert [t.label for t in transfers(hand, act)] == ["EU→cloud"]
    result = assess(hand)
    u = _use(result, "abroad_sharing")
    assert u.applies_by_facts and "EU→cloud" in u.applicability
    assert "PIPL Art. 38" in u.applicability and "GDPR Art. 44" in u.applicability
    # the likelihood factors count the same transfer (a source abroad for the EU users' data)
    doc = json.dumps(next(a for a in result.to_dict()["activities"] if a["id"] == "abroad_sharing"))
    assert "cloud (out of EU)" in doc


def test_service_jurisdictions_are_the_default_and_subjects_in_narrows_them(hand):
    act = _activity(hand, "newsletter")
    hand.service.jurisdictions = ["CN", "DE"]
    assert subject_regimes(hand, act) == ["CN", "EU"]
    act.subjects_in = ["CN"]
    assert subject_regimes(hand, act) == ["CN"]


def test_a_third_place_of_storage_leaves_the_subjects_regime(hand):
    act = _activity(hand, "abroad_sharing")
    act.subjects_in = ["EU"]
    labels = [t.label for t in transfers(hand, act)]
    # home (CN): the flag, the US storage and the US partner; EU: the US storage and the partner, not the CN storage
    assert labels == ["storage.cross_border", "US", "partner_us", "EU→US", "EU→partner_us"]


def test_an_eu_service_storing_in_china_cites_the_gdpr_only():
    result = assess(load_manifest(PULSEWEAR))
    uses = [u for a in result.activities for u in a.measures if u.measure == "transfer_safeguards" and u.applies_by_facts]
    assert uses, "PulseWear stores data in China: a transfer out of the EU"
    for u in uses:
        assert "GDPR Art. 44" in u.applicability and "PIPL" not in u.applicability


def test_implementing_the_safeguards_lowers_the_likelihood_of_a_transfer(hand):
    before = assess(hand)
    _activity(hand, "abroad_sharing").measures["transfer_safeguards"] = \
        _activity(hand, "abroad_sharing").measures.get("transfer_safeguards") or _state("implemented")
    after = assess(hand)
    a = next(x for x in before.activities if x.id == "abroad_sharing")
    b = next(x for x in after.activities if x.id == "abroad_sharing")
    for ev in FearedEvent:
        assert b.stages[Stage.current][ev].likelihood_score <= a.stages[Stage.current][ev].likelihood_score
        assert b.stages[Stage.current][ev].impact_score == a.stages[Stage.current][ev].impact_score
    assert any(b.stages[Stage.current][ev].likelihood_score < a.stages[Stage.current][ev].likelihood_score
               for ev in FearedEvent)


def _state(status: str):
    from pia.declare.measures import MeasureState

    return MeasureState(status=MeasureStatus(status))


def test_check_names_a_recipient_outside_the_subjects_regime_once_with_its_law():
    from pia.declare.lint import lint

    m = load_manifest(config.DATA_SAMPLES / "examsight" / "examsight.pia.yaml")  # NL controller, users in EU and CN
    found = {f.path: f for f in lint(m) if f.rule == "recipient_abroad_for_subjects"}
    assert set(found) == {f"recipients[{r}].location" for r in ("cloud_host", "face_vendor", "review_contractor",
                                                                  "school")}
    assert all(f.clause == "PIPL Art. 38; PIPL Art. 39" and "out of CN" in f.message for f in found.values())
    m.service.jurisdictions = ["EU"]
    assert not [f for f in lint(m) if f.rule == "recipient_abroad_for_subjects"]
