"""High-risk screening: each criterion met or not from the manifest's facts, with its evidence."""
from __future__ import annotations

from pathlib import Path

import pytest

from pia.declare.manifest import DataSubject, load_manifest
from pia.risk.screening import Framework, screen, summary

DEFAULT_LARGE = 1_000_000  # Settings.large_scale_subjects default (pia default)

FIX = Path(__file__).parent / "fixtures" / "risk"


@pytest.fixture
def hand():
    return load_manifest(FIX / "hand.pia.yaml")


def _met(criteria) -> set[str]:
    return {c.id for c in criteria if c.met}


def test_every_framework_is_screened_with_nine_wp248_criteria(hand):
    criteria = screen(hand, "newsletter")
    by_fw = {fw: [c for c in criteria if c.framework is fw] for fw in Framework}
    assert len(by_fw[Framework.wp248]) == 9
    assert len(by_fw[Framework.gbt39335]) == 9
    assert {c.source for c in by_fw[Framework.pipl55]} == {f"PIPL Art. 55({n})" for n in (1, 2, 3, 4)}
    assert all(c.evidence for c in criteria)


def test_plain_newsletter_meets_no_criterion(hand):
    assert _met(screen(hand, "newsletter")) == set()
    s = summary(screen(hand, "newsletter"))
    assert s["assessment_required"] is False and s["wp248_met"] == 0


def test_camera_alerts_meet_monitoring_sensitive_vulnerable_innovative(hand):
    met = _met(screen(hand, "camera_alerts"))
    assert {"wp248.3", "wp248.4", "wp248.7", "wp248.8"} <= met
    assert {"gbt39335.vulnerable", "gbt39335.innovative"} <= met
    # 600,000 people: below the default large scale (1,000,000, settings), so not a large volume of sensitive data
    assert "gbt39335.sensitive_large" not in met
    assert {"pipl55.1", "pipl55.3a"} <= met
    assert "wp248.5" not in met  # 600,000 subjects: below the large-scale threshold
    s = summary(screen(hand, "camera_alerts"))
    assert s["wp248_met"] == 4 and s["assessment_required"]
    assert "4 of 9 WP248 criteria met" in s["summary"]


def test_evidence_names_the_facts(hand):
    by_id = {c.id: c for c in screen(hand, "camera_alerts")}
    assert "snap (user.content.camera_snapshot)" in by_id["wp248.4"].evidence
    assert "minors" in by_id["wp248.7"].evidence
    assert "iot_camera" in by_id["wp248.8"].evidence
    assert "cloud" in by_id["pipl55.3a"].evidence


def test_cross_border_from_storage_and_recipient_location(hand):
    by_id = {c.id: c for c in screen(hand, "abroad_sharing")}
    assert by_id["pipl55.4"].met
    assert "stored in US" in by_id["pipl55.4"].evidence and "partner_us in US" in by_id["pipl55.4"].evidence
    assert by_id["pipl55.3b"].met  # a partner is another handler, not a processor


def test_sensitivity_override_to_general_is_not_sensitive(hand):
    # pay is user.payment (sensitive in the taxonomy) overridden to general
    assert not {c.id: c for c in screen(hand, "abroad_sharing")}["wp248.4"].met
    assert {c.id: c for c in screen(hand, "guardian_check")}["pipl55.1"].met  # consent overridden to sensitive


@pytest.mark.parametrize("count, met", [(DEFAULT_LARGE - 1, False), (DEFAULT_LARGE, True)])
def test_large_scale_boundary_at_the_default_one_million(hand, count, met):
    act = hand.activity("newsletter").model_copy(update={"subjects_count": count})
    assert ({c.id: c for c in screen(hand, act)}["wp248.5"].met) is met


@pytest.mark.parametrize("count, met", [(DEFAULT_LARGE - 1, False), (DEFAULT_LARGE, True)])
def test_large_volume_of_sensitive_data_uses_the_same_setting(hand, count, met):
    act = hand.activity("camera_alerts").model_copy(update={"subjects_count": count})
    assert ({c.id: c for c in screen(hand, act)}["gbt39335.sensitive_large"].met) is met


def test_large_scale_is_the_assessors_setting(hand):
    m = hand.model_copy(deep=True)
    m.settings = m.settings.model_copy(update={"large_scale_subjects": 1000})
    crit = {c.id: c for c in screen(m, "newsletter")}["wp248.5"]
    assert crit.met and "large scale from 1,000, settings" in crit.evidence


def test_one_wp248_criterion_alone_does_not_require_a_dpia(hand):
    act = hand.activity("newsletter").model_copy(update={"profiling": True})
    s = summary(screen(hand, act))
    assert s["wp248_met"] == 1 and not s["assessment_required"]
    act2 = act.model_copy(update={"data_subjects": [DataSubject.customers, DataSubject.minors]})
    s2 = summary(screen(hand, act2))
    assert s2["wp248_met"] == 2 and s2["assessment_required"]


def test_reference_alert_snapshots_require_an_assessment():
    m = load_manifest()
    s = summary(screen(m, "alert_snapshots"))
    assert s["assessment_required"] and s["wp248_met"] >= 2


def test_childrens_data_category_counts_as_vulnerable_subjects(hand):
    from pia.declare.manifest import DataElement

    m = hand.model_copy(deep=True)
    m.data_elements.append(DataElement(id="kid_photo", name="Child's photo", category="user.childrens",
                                       group="account", source="user_provided", retention={"rule": "1 year"},
                                       clauses=["VI.1"]))
    act = m.activity("newsletter").model_copy(update={"data_elements": ["uid", "kid_photo"]})
    by_id = {c.id: c for c in screen(m, act)}
    assert by_id["wp248.7"].met and "kid_photo is children's data (user.childrens)" in by_id["wp248.7"].evidence
