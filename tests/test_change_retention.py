"""Retention changes stated only in words: read and ordered, or flagged for the assessor, never silently minor."""

from __future__ import annotations

import math
from pathlib import Path

import pytest
import yaml

from pia.changes.retention import text_days
from pia.changes.rules import review, trigger_clause
from pia.declare.manifest import Manifest
from pia.sources import unknown

ROOT = Path(__file__).resolve().parents[1]
EXAMSIGHT = ROOT / "data_samples" / "examsight" / "examsight.pia.yaml"


@pytest.mark.parametrize("text, days", [
    ("90 days after the exam", 90), ("Two years after the exam", 730), ("Kept at most 6 months", 180),
    ("three weeks", 21), ("a year", 365), ("48 hours", 2), ("保存 30 天", 30), ("两年", 730), ("六个月后删除", 180),
    ("十二个月", 360), ("保存2周", 14), ("Kept until account deletion", math.inf),
    ("Kept while the account exists", math.inf), ("账户注销前保存", math.inf), ("As long as accounting law requires", None),
    ("Permanently", math.inf), ("", None)])
def test_retention_phrases_are_read(text, days):
    assert text_days(text) == days


def _pair(before: dict, after: dict) -> tuple[Manifest, Manifest]:
    """Two versions of ExamSight whose webcam recordings have the retentions `before` and `after`."""
    sides = []
    for retention in (before, after):
        data = yaml.safe_load(EXAMSIGHT.read_text(encoding="utf-8"))
        next(e for e in data["data_elements"] if e["id"] == "webcam_video")["retention"] = retention
        sides.append(Manifest.model_validate(data))
    return sides[0], sides[1]


def _triggers(before: dict, after: dict) -> dict[str, list[str]]:
    r = review(*_pair(before, after))
    return {t.id: t.changes for t in r.triggers}


def test_longer_retention_in_words_only_is_lengthened():
    """'90 days' -> 'Two years' without max_days came out minor (the kit read a missing max_days as unbounded)."""
    t = _triggers({"rule": "90 days after the exam"}, {"rule": "Two years after the exam"})
    assert t == {"retention_lengthened": ["data_elements[webcam_video].retention.rule"]}
    # one side with max_days, the other in words only
    t = _triggers({"rule": "90 days after the exam", "max_days": 90}, {"rule": "Two years after the exam"})
    assert set(t) == {"retention_lengthened"}


def test_shorter_or_equal_retention_in_words_is_minor():
    assert _triggers({"rule": "Two years after the exam"}, {"rule": "90 days after the exam"}) == {}
    assert _triggers({"rule": "90 days after the exam"}, {"rule": "Kept 90 days after the exam, then deleted"}) == {}
    assert _triggers({"rule": "Kept until account deletion"}, {"rule": "30 天"}) == {}


def test_bounded_retention_becoming_open_ended_is_lengthened():
    t = _triggers({"rule": "30 days"}, {"rule": "Kept until account deletion"})
    assert set(t) == {"retention_lengthened"}


def test_retention_the_kit_cannot_order_goes_to_the_assessor():
    r = review(*_pair({"rule": "As long as the school requires"}, {"rule": "As long as accounting law requires"}))
    (t,) = r.triggers
    assert t.id == "retention_unclear" and r.significant and r.notify.required
    (c,) = [c for c in r.changes if c.trigger == "retention_unclear"]
    assert c.reason.startswith("pia default:") and "assessor" in c.reason
    # two open-ended periods cannot be ordered either
    assert set(_triggers({"rule": "While the account exists"}, {"rule": "Until the user asks for deletion"})) == \
        {"retention_unclear"}
    assert unknown(trigger_clause(r.manifests[1], "retention_unclear")) == []


def test_max_days_on_both_sides_still_decides():
    assert _triggers({"rule": "Two years", "max_days": 730}, {"rule": "Ninety days", "max_days": 90}) == {}
    t = _triggers({"rule": "x", "max_days": 90}, {"rule": "y", "max_days": 730})
    assert t == {"retention_lengthened": ["data_elements[webcam_video].retention.max_days"]}


def test_examsight_rule_text_change_now_carries_the_trigger_it_belongs_to():
    from pia.changes.notice import draft_notice

    old, new = _pair({"rule": "90 days after the exam"}, {"rule": "Two years after the exam"})
    text = draft_notice(review(old, new))
    assert "longer" in text and "no fixed limit" not in text
