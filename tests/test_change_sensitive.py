"""Fresh consent for sensitive data is judged per activity, not across the whole manifest."""

from __future__ import annotations

from pathlib import Path

import yaml

from pia.changes.rules import review
from pia.declare.manifest import Manifest
from pia.sources import unknown

ROOT = Path(__file__).resolve().parents[1]
EXAMSIGHT = ROOT / "data_samples" / "examsight" / "examsight.pia.yaml"
EXAMSIGHT_NEXT = ROOT / "data_samples" / "examsight" / "examsight.proposed.pia.yaml"


def _load(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def _act(data: dict, activity: str) -> dict:
    return next(a for a in data["processing_activities"] if a["id"] == activity)


def test_face_templates_added_to_another_activity_need_consent_for_it():
    """identity_check already used face templates; exam_recording (contract) starting to use them asked nothing."""
    old, new = Manifest.model_validate(_load(EXAMSIGHT)), Manifest.model_validate(_load(EXAMSIGHT_NEXT))
    assert any(e.category == "user.biometric.facial_template" for e in old.data_elements if e.sensitive)
    r = review(old, new)
    (s,) = [x for x in r.reasons if x.kind == "new_sensitive_category"]
    assert (s.subject, s.activity) == ("user.biometric.facial_template", "exam_recording")
    # PIPL for the people in China, explicit consent for the EU (the activity's Art. 9(2) condition is (a))
    # candidates include minors: their guardian consents (PIPL Art. 31; GDPR Art. 8(1))
    assert s.clause == ("PIPL Art. 29; GB/T 35273-2020 5.4; GDPR Art. 9(2)(a); PIPL Art. 31; PIPL Art. 28; "
                        "GDPR Art. 8(1)") and unknown(s.clause) == []
    assert "exam_recording" in s.text and "another activity does not cover it" in s.text


def test_gdpr_only_service_asks_explicit_consent_only_where_it_is_the_condition():
    data = _load(EXAMSIGHT_NEXT)
    data["service"]["jurisdictions"] = ["EU"]
    old = _load(EXAMSIGHT)
    old["service"]["jurisdictions"] = ["EU"]
    r = review(Manifest.model_validate(old), Manifest.model_validate(data))
    (s,) = [x for x in r.reasons if x.kind == "new_sensitive_category"]
    assert s.clause == "GDPR Art. 9(2)(a); GDPR Art. 8(1)"  # candidates include minors
    # another Art. 9(2) condition (here substantial public interest): the GDPR asks no consent for it
    _act(data, "exam_recording")["special_category_basis"] = "GDPR Art. 9(2)(g)"
    r = review(Manifest.model_validate(old), Manifest.model_validate(data))
    assert not [x for x in r.reasons if x.kind == "new_sensitive_category"]


def test_an_activity_keeping_its_sensitive_data_asks_nothing_again():
    data = _load(EXAMSIGHT)
    _act(data, "identity_check")["purpose"] += " "  # no change of data
    r = review(Manifest.model_validate(_load(EXAMSIGHT)), Manifest.model_validate(data))
    assert not [x for x in r.reasons if x.kind == "new_sensitive_category"]
