"""Whom a change notice concerns: only the data subjects whose data the changed records hold (pia.changes.audience)."""
from __future__ import annotations

import copy

import pytest
import yaml

from pia import config
from pia.changes import rules as changes
from pia.changes.audience import audience, change_subjects
from pia.changes.notice import draft_notice
from pia.changes.render import render_table
from pia.changes.rules import Verdict, review
from pia.declare.manifest import Manifest

DIDU = config.DATA_SAMPLES / "didu-ride"


@pytest.fixture(autouse=True)
def not_high_risk(monkeypatch):
    monkeypatch.setattr(changes, "_verdict", lambda m, method: Verdict(False))


@pytest.fixture()
def didu() -> dict:
    return yaml.safe_load((DIDU / "didu-ride.pia.yaml").read_text(encoding="utf-8"))


def _drivers_only(didu: dict) -> dict:
    """NEW: the current Didu Ride plus the proposed fatigue camera only (an activity on drivers, a new element)."""
    proposed = yaml.safe_load((DIDU / "didu-ride.proposed.pia.yaml").read_text(encoding="utf-8"))
    new = copy.deepcopy(didu)
    new["data_elements"].append(next(e for e in proposed["data_elements"] if e["id"] == "driver_video"))
    fatigue = copy.deepcopy(next(a for a in proposed["processing_activities"] if a["id"] == "driver_fatigue"))
    fatigue["recipients"] = ["cloud_host"]
    fatigue["data_subjects"] = ["platform_workers"]
    new["processing_activities"].append(fatigue)
    return new


def test_a_change_on_drivers_only_targets_the_drivers(didu):
    r = review(Manifest.model_validate(didu), Manifest.model_validate(_drivers_only(didu)))
    assert r.significant and r.notify.channels == ["push", "popup", "sms"]  # the channels stay the policy's
    assert r.notify.audience.everyone is False and r.notify.audience.subjects == ["platform_workers"]
    assert r.to_dict()["notify"]["audience"] == {"everyone": False, "subjects": ["platform_workers"]}
    text = draft_notice(r)
    assert "**This notice is for drivers, couriers and others who work through our platform:**" in text
    assert "Other users are not sent it" in text
    assert "(Concerns:" not in text  # every bullet concerns the people the notice is for: no tag repeats it
    assert "The changes concern only platform_workers: send the notice to them." in render_table(r)


def test_a_change_to_minors_data_targets_minors_only(reference_data):
    """minor_protection processes minors' data only (`data_subjects: [minors]`): a new element for it concerns them."""
    new = copy.deepcopy(reference_data)
    el = copy.deepcopy(next(e for e in new["data_elements"] if e["id"] == "guardian_consent"))
    el.update(id="guardian_id_number", name="Guardian's ID number", category="user.government_id.national_identification_number")
    del el["sensitivity"]
    new["data_elements"].append(el)
    next(a for a in new["processing_activities"] if a["id"] == "minor_protection")["data_elements"].append(el["id"])
    r = review(Manifest.model_validate(reference_data), Manifest.model_validate(new))
    assert r.notify.required
    assert (r.notify.audience.everyone, r.notify.audience.subjects) == (False, ["minors"])
    assert "**This notice is for young users (and their parents or guardians):**" in draft_notice(r)


def test_a_change_of_ownership_concerns_everyone(didu):
    """The proposed Didu Ride changes its owner too: every user is told, the driver-only bullets say whom they concern."""
    proposed = yaml.safe_load((DIDU / "didu-ride.proposed.pia.yaml").read_text(encoding="utf-8"))
    r = review(Manifest.model_validate(didu), Manifest.model_validate(proposed))
    assert r.notify.audience.everyone is True
    text = draft_notice(r)
    assert "This notice is for" not in text
    fatigue = next(line for line in text.splitlines() if "driver fatigue detection" in line and line.startswith("- **New"))
    assert fatigue.endswith("*(Concerns: drivers, couriers and others who work through our platform and people who "
                            "appear in recordings.)*")
    # people who only appear in recordings have no channel: the notice says the posted policy informs them
    assert "no message reaches them" in text


def test_change_subjects_reads_each_side_and_falls_back_to_everyone(didu):
    old = Manifest.model_validate(didu)
    new = Manifest.model_validate(_drivers_only(didu))
    assert change_subjects("processing_activities[driver_fatigue]", old, new) == {"platform_workers"}
    assert change_subjects("data_elements[driver_video]", old, new) == {"platform_workers"}  # by the activities using it
    assert change_subjects("recipients[map_provider]", old, new) == {"customers"}
    assert change_subjects("controller.ownership.parent_company", old, new) is None
    assert change_subjects("rights[access].how", old, new) is None
    # a change everyone's data is touched by makes the audience everyone, however narrow the others are
    both = audience(["processing_activities[driver_fatigue]", "settings.rights_response_days"], old, new)
    assert both.everyone is True and "customers" in both.subjects


def test_no_significant_change_keeps_everyone(reference_data):
    new = copy.deepcopy(reference_data)
    new["data_elements"][0]["name"] = "Account id"
    r = review(Manifest.model_validate(reference_data), Manifest.model_validate(new))
    assert not r.notify.required and r.notify.audience.everyone is True
    assert "This notice is for" not in draft_notice(r)


def test_the_report_action_names_the_people_concerned(didu, tmp_path, monkeypatch):
    from pia.report import run as report

    old, new = tmp_path / "old.pia.yaml", tmp_path / "new.pia.yaml"
    old.write_text(yaml.safe_dump(didu, allow_unicode=True), encoding="utf-8")
    new.write_text(yaml.safe_dump(_drivers_only(didu), allow_unicode=True), encoding="utf-8")
    d = report.gather(str(old), str(new), as_of="2026-12-01", run_started="2026-12-01T00:00:00Z")
    (notify,) = [a for a in report.action_plan(d) if a["what"].startswith("Notify")]
    assert notify["what"].startswith("Notify the people the changes concern") and notify["where"] == "platform workers"
