"""Platform workers (drivers, couriers, riders of a gig platform) as a kind of data subject.

WP248 criterion 7 and consent imbalance as for employees (pia default); the EU Platform Work Directive
(Directive (EU) 2024/2831 Art. 7, 8) where the GDPR applies; PIPL Art. 24 where the PIPL applies.
"""
from __future__ import annotations

import copy

import pytest
import yaml

from pia import config
from pia.declare.lint import lint
from pia.declare.manifest import Manifest
from pia.declare.subjects import IMBALANCE_KINDS, VULNERABLE_KINDS
from pia.risk.screening import screen, summary
from pia.sources import unknown

DIDU = config.DATA_SAMPLES / "didu-ride"


@pytest.fixture()
def proposed() -> dict:
    return yaml.safe_load((DIDU / "didu-ride.proposed.pia.yaml").read_text(encoding="utf-8"))


def _with(data: dict, jurisdictions: list[str]) -> Manifest:
    data = copy.deepcopy(data)
    data["service"]["jurisdictions"] = jurisdictions
    return Manifest.model_validate(data)


def _rules(m: Manifest, activity: str) -> dict[str, str]:
    return {f.rule: f.clause or "" for f in lint(m) if f.path.startswith(f"processing_activities[{activity}]")}


def test_platform_workers_are_a_vulnerable_kind_with_a_labelled_default():
    kind = VULNERABLE_KINDS["platform_workers"]
    assert "platform_workers" in IMBALANCE_KINDS and "pia default" in kind.wp248


def test_didu_ride_declares_its_drivers_as_platform_workers():
    data = yaml.safe_load((DIDU / "didu-ride.pia.yaml").read_text(encoding="utf-8"))
    acts = {a["id"]: a["data_subjects"] for a in data["processing_activities"]}
    assert acts["driver_vetting"] == ["platform_workers"] and acts["driver_face_check"] == ["platform_workers"]
    assert "platform_workers" in acts["trip_safety"] and acts["ride_matching"] == ["customers"]


def test_under_the_gdpr_platform_workers_meet_wp248_criterion_7_like_employees(proposed):
    m = _with(proposed, ["CN", "NL"])
    crit = {c.id: c for c in screen(m, "driver_vetting")}
    assert crit["wp248.7"].met and "platform" in str(crit["wp248.7"].evidence)
    employees = copy.deepcopy(proposed)
    next(a for a in employees["processing_activities"] if a["id"] == "driver_vetting")["data_subjects"] = ["employees"]
    assert {c.id: c.met for c in screen(_with(employees, ["CN", "NL"]), "driver_vetting")}["wp248.7"]


def test_directive_art_8_requires_a_dpia_for_automated_management_of_platform_workers(proposed):
    """driver_fatigue monitors drivers and decides by automated means: a DPIA under Art. 8, whatever WP248 counts."""
    m = _with(proposed, ["NL"])
    s = summary(screen(m, "driver_fatigue"))
    assert s["pwd_met"] == 1 and s["assessment_required"]
    assert any("Directive (EU) 2024/2831 Art. 8" in str(r) for r in s["reasons"])
    # an activity on drivers without automated monitoring or decisions is no Art. 8 case
    assert summary(screen(m, "driver_vetting"))["pwd_met"] == 0
    rules = _rules(m, "driver_fatigue")
    assert "Directive (EU) 2024/2831 Art. 8" in rules["platform_work_dpia"]
    assert "consent_imbalance" in rules  # consent asked of people who depend on the platform (GDPR Recital 43)


def test_directive_art_7_flags_limited_data_in_automated_systems(proposed):
    """trip_safety records in-car audio (private conversations) of drivers under systematic monitoring."""
    rules = _rules(_with(proposed, ["NL"]), "trip_safety")
    assert rules["platform_work_limits"] == "Directive (EU) 2024/2831 Art. 7"


def test_the_directive_is_not_screened_without_the_eu_or_without_platform_workers(proposed):
    assert "pwd_met" not in summary(screen(_with(proposed, ["CN"]), "driver_fatigue"))
    assert "pwd_met" not in summary(screen(_with(proposed, ["GB"]), "driver_fatigue"))  # the UK is not bound
    customers = copy.deepcopy(proposed)
    for a in customers["processing_activities"]:
        a["data_subjects"] = [s for s in a["data_subjects"] if s != "platform_workers"] or ["customers"]
    assert "pwd_met" not in summary(screen(_with(customers, ["NL"]), "driver_fatigue"))


def test_under_the_pipl_only_automated_decisions_cite_pipl_art_24_and_no_eu_text(proposed):
    m = _with(proposed, ["CN"])
    rules = _rules(m, "driver_fatigue")
    assert rules["platform_work_automated_decisions"] == "PIPL Art. 24; PIPL Art. 13(2)"
    assert "platform_work_dpia" not in rules and "consent_imbalance" not in rules
    assert not [f for f in lint(m) if "2024/2831" in (f.clause or "") or "GDPR" in (f.clause or "")]


def test_every_platform_work_citation_is_in_the_catalogue(proposed):
    found = [f.clause for f in lint(_with(proposed, ["CN", "NL"])) if f.rule.startswith("platform_work")]
    assert len(found) >= 3 and not [u for c in found for u in unknown(c)]


def test_a_new_activity_on_platform_workers_needs_a_dpia_by_the_directive(proposed):
    """A new activity deciding about drivers by automated means needs a DPIA in the change review, and names the
    Directive's Art. 8 case beside WP248 (platform workers add criterion 7, so WP248 counts two as well)."""
    from pia.changes.rules import new_activities_needing_assessment

    old = copy.deepcopy(proposed)
    old["processing_activities"] = [a for a in old["processing_activities"] if a["id"] != "driver_fatigue"]
    new = copy.deepcopy(proposed)
    fatigue = next(a for a in new["processing_activities"] if a["id"] == "driver_fatigue")
    # no monitoring, technology, blocking, sensitive data or scale: WP248 counts criterion 2 only (and 7, the drivers)
    fatigue.update(systematic_monitoring=False, innovative_technology=[], may_block_service=False, subjects_count=50,
                   data_elements=["driver_name"], recipients=["cloud_host"])
    fatigue["data_subjects"] = ["customers"]
    plain = new_activities_needing_assessment(_with(old, ["NL"]), _with(new, ["NL"]))
    assert plain == []  # one WP248 criterion, no platform workers: no DPIA by these rules
    fatigue["data_subjects"] = ["platform_workers"]
    (found,) = new_activities_needing_assessment(_with(old, ["NL"]), _with(new, ["NL"]))
    assert found.criteria == ["wp248.2", "wp248.7", "pwd.8"]


def test_fides_export_declares_platform_workers_as_a_data_subject():
    from pia.declare.manifest import load_manifest
    from pia.export.fides import fideslang_document

    doc = fideslang_document(load_manifest(DIDU / "didu-ride.pia.yaml"))
    assert "platform_worker" in {s["fides_key"] for s in doc.get("data_subject", [])}
