"""Findings of an assessor's trial on a children's smartwatch under PIPL and the GDPR (data_samples/kidwatch)."""

from __future__ import annotations

import copy
import csv
import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
import yaml

from pia import config
from pia.cli import main
from pia.declare.lint import lint
from pia.declare.manifest import Manifest, load_manifest
from pia.risk.scoring import assess
from pia.samples.declared import generate_declared

KIDWATCH_DIR = config.DATA_SAMPLES / "kidwatch"
KIDWATCH = KIDWATCH_DIR / "kidwatch.pia.yaml"
KIDWATCH_NEXT = KIDWATCH_DIR / "kidwatch.proposed.pia.yaml"
POLICY = KIDWATCH_DIR / "policy.md"


def _data() -> dict[str, Any]:
    return yaml.safe_load(KIDWATCH.read_text(encoding="utf-8"))


def _manifest(data: dict[str, Any]) -> Manifest:
    return Manifest.model_validate(data)


def _run(capsys, *args: str) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exc:
        main(list(args))
    out, err = capsys.readouterr()
    return int(exc.value.code or 0), out, err


# --------------------------------------------------------------------------- risk: a child's location


def test_saying_whose_location_it_is_does_not_lower_its_severity():
    """Declaring `data_subjects: [minors]` on a child's GPS track (a more precise fact) took the children's severity
    step away: the location was counted as "children's data as such" although it is sensitive as a location. The
    activity fell from severe to high; now both forms score the same."""
    with_subjects = _data()
    without = copy.deepcopy(with_subjects)
    for e in without["data_elements"]:
        if e["category"].startswith("user.location"):
            e.pop("data_subjects", None)
    a = next(x for x in assess(_manifest(with_subjects)).activities if x.id == "location_tracking")
    b = next(x for x in assess(_manifest(without)).activities if x.id == "location_tracking")
    assert a.inherent_level == b.inherent_level == "severe"
    assert a.level == b.level
    rules = [s.rule for s in a.factors if s.axis == "impact"]
    assert "impact.vulnerable" in rules


def test_childrens_data_by_override_is_still_counted_once():
    """A general category made sensitive because it is a child's (the override) carries the minors fact: the
    children's step is not added again (the rule the fix above keeps)."""
    data = _data()
    a = next(x for x in assess(_manifest(data)).activities if x.id == "step_goals")
    steps = [s for s in a.factors if s.rule == "impact.vulnerable"]
    assert steps and all(s.before == s.after for s in steps)


# --------------------------------------------------------------------------- lint: PIPL Art. 28


def _without_overrides(data: dict[str, Any]) -> dict[str, Any]:
    data = copy.deepcopy(data)
    for e in data["data_elements"]:
        e.pop("sensitivity", None)
    return data


def test_minors_data_of_a_general_category_is_flagged_sensitive_under_pipl():
    """Under PIPL all personal information of a minor under 14 is sensitive; the taxonomy marks a child's nickname
    or step count general, so without an override the separate-consent and PIPL Art. 55(1) rules missed it."""
    found = [f for f in lint(_manifest(_without_overrides(_data()))) if f.rule == "minors_data_not_sensitive"]
    # friend_list is a friend list (user.social), sensitive by its category (GB/T 35273-2020 Annex B): no override due
    assert sorted(f.path.split("[")[1].split("]")[0] for f in found) == [
        "child_birth_date", "child_nickname", "class_schedule", "step_counts"]
    assert all(f.clause == "PIPL Art. 28; GB/T 35273-2020 3.2" for f in found)
    # the shipped sample declares the overrides: nothing left to flag
    assert not [f for f in lint(load_manifest(KIDWATCH)) if f.rule == "minors_data_not_sensitive"]


def test_minors_data_rule_is_pipl_only_and_needs_elements_declared_minors():
    eu_only = _without_overrides(_data())
    eu_only["service"]["jurisdictions"] = ["EU"]
    eu_only["settings"]["minor_age"] = 16
    eu_only["controller"]["jurisdiction"] = "NL"  # a Chinese controller is under PIPL whoever its users are
    assert not [f for f in lint(_manifest(eu_only)) if f.rule == "minors_data_not_sensitive"]
    # the reference holds everyone's birth date in its minors' activity: not flagged (no element-level minors)
    assert not [f for f in lint(load_manifest(config.REFERENCE_MANIFEST)) if f.rule == "minors_data_not_sensitive"]


# --------------------------------------------------------------------------- samples: a chain of links


def test_samples_fill_links_between_datasets_that_are_not_the_root(tmp_path):
    """guardians <- children <- locations: children.guardian_id was filled with the children's own keys, so the
    clean estate failed its `references` check on every row (100 failed rows instead of the 3 planted)."""
    m = load_manifest(KIDWATCH)
    expected = generate_declared(tmp_path, m, users=100, seed=3, violations=True,
                                 reference_date=dt.date(2026, 11, 30))
    with (tmp_path / "guardians.csv").open(encoding="utf-8") as f:
        guardians = {r["guardian_id"] for r in csv.DictReader(f)}
    with (tmp_path / "children.csv").open(encoding="utf-8") as f:
        children = list(csv.DictReader(f))
    dangling = [r for r in children if r["guardian_id"] not in guardians]
    assert len(dangling) == expected["children.guardian_exists"] == 3
    # an IMEI column holds made-up IMEIs (15 digits, Luhn check digit), not "SN-..." serials discovery cannot place
    for imei in (r["imei"] for r in children):
        digits = [int(d) for d in imei]
        assert len(digits) == 15 and sum(d if i % 2 == 0 else sum(divmod(2 * d, 10))
                                         for i, d in enumerate(digits)) % 10 == 0
    with (tmp_path / "locations.csv").open(encoding="utf-8") as f:
        positions = [r["position"] for r in csv.DictReader(f)]
    lat, lon = (float(x) for x in positions[0].split(","))  # a made-up "lat,lon" pair, not "text LO..."
    assert -90 <= lat <= 90 and -180 <= lon <= 180


def test_shipped_kidwatch_estate_is_what_pia_samples_writes(tmp_path):
    generate_declared(tmp_path, load_manifest(KIDWATCH), users=100, seed=7, violations=True,
                      reference_date=dt.date(2026, 11, 30))
    shipped = KIDWATCH_DIR / "estate"
    assert sorted(p.name for p in shipped.iterdir()) == sorted(p.name for p in tmp_path.iterdir())
    for p in shipped.glob("*.csv"):
        assert p.read_bytes() == (tmp_path / p.name).read_bytes(), p.name


# --------------------------------------------------------------------------- the sample end to end


def test_kidwatch_is_valid_and_cited_under_both_laws(capsys):
    code, out, _ = _run(capsys, "check", str(KIDWATCH), "--format", "json")
    assert code == 0
    rules = {f["rule"] for f in json.loads(out)["findings"]}
    assert {"eu_representative", "minors_parental_consent", "minors_without_consent_basis",
            "sensitive_without_separate_consent"} <= rules


def test_kidwatch_verdict_and_change_review(capsys):
    result = assess(load_manifest(KIDWATCH))
    assert result.high_risk and result.method == "gbt39335"
    unacceptable = {a.id for a in result.activities if a.unacceptable}
    assert unacceptable == {"account_management", "location_tracking", "sos_calls"}
    location = next(a for a in result.activities if a.id == "location_tracking")
    met = {c["id"] for c in location.screening["criteria"] if c["met"]}
    assert {"wp248.3", "wp248.4", "wp248.7", "pipl55.1"} <= met
    # PIPL's view (pia.declare.transfers.leaving, PIPL Art. 3): EU families' data kept in Frankfurt by the Chinese
    # controller is not provided abroad; the positions for EU children reaching the Chinese map provider are the
    # GDPR's transfer (`pia check`: recipient_abroad_for_subjects), not a PIPL Art. 55(4) case
    assert "pipl55.4" not in met
    code, out, _ = _run(capsys, "diff", str(KIDWATCH), str(KIDWATCH_NEXT), "--lang", "en")
    assert code == 0 and "SIGNIFICANT" in out and "Fresh consent required" in out
    assert "PIPL Art. 55(4)" in out and "speech_ai" in out and "GDPR Art. 35(1)" in out


def test_kidwatch_policy_is_paraphrased_not_copied():
    """The manifests paraphrase the sample's own notice (the house rule for the reference policy, kept here)."""
    words = POLICY.read_text(encoding="utf-8").lower().split()
    runs = {" ".join(words[i:i + 8]) for i in range(len(words) - 7)}
    for path in (KIDWATCH, KIDWATCH_NEXT):
        ours = path.read_text(encoding="utf-8").lower().split()
        assert [" ".join(ours[i:i + 8]) for i in range(len(ours) - 7) if " ".join(ours[i:i + 8]) in runs] == []


def test_new_user_mistakes_are_one_line_with_file_and_line(tmp_path, capsys):
    """An unquoted comma inside braces and a control without a clause_for key: one line each, exit 2."""
    text = KIDWATCH.read_text(encoding="utf-8").replace(
        'rule: "Until the account is closed, then 30 days"', "rule: Until the account is closed, then 30 days", 1)
    text = text.replace('    access_control: "6.2"\n', '    access_control: "6.2"\n    logging: "6.2"\n', 1)
    bad: Path = tmp_path / "kidwatch.pia.yaml"
    bad.write_text(text, encoding="utf-8")
    code, out, err = _run(capsys, "check", str(bad))
    lines = err.strip().splitlines()
    assert code == 2 and len(lines) == 2 and "Traceback" not in err
    assert all(line.startswith(f"pia: {bad}:") for line in lines)
    assert "policy.clause_for" in err and "quote text that holds a comma" in err


def test_misspelt_check_parameters_suggest_the_near_name(tmp_path, capsys):
    """A check naming 'recorded' (the column is recorded_at) or '$retention.gps_trak' said only "is not a column"
    / "is not a data element", while every other reference error of the manifest suggests the near name."""
    text = KIDWATCH.read_text(encoding="utf-8").replace(
        "parameters: {at: recorded_at, days: $retention.gps_track}", "parameters: {at: recorded, days: $retention.gps_trak}")
    bad = tmp_path / "kidwatch.pia.yaml"
    bad.write_text(text, encoding="utf-8")
    code, _, err = _run(capsys, "check", str(bad))
    assert code == 2 and len(err.strip().splitlines()) == 2
    assert "'recorded' is not a column of locations; did you mean recorded_at?" in err
    assert "'gps_trak' is not a data element of the manifest; did you mean gps_track?" in err


def test_a_basis_only_one_of_the_services_laws_offers_is_a_note():
    """SOS calls on vital interests (GDPR Art. 6(1)(d)) under PIPL and the GDPR passed silently: PIPL has no such
    ground (its nearest is the emergency of Art. 13(4)); `basis_not_in_law` fired only when no law offered it."""
    found = {f.path: f for f in lint(load_manifest(KIDWATCH)) if f.rule == "basis_not_in_every_law"}
    assert list(found) == ["processing_activities[sos_calls].legal_basis"]
    note = found["processing_activities[sos_calls].legal_basis"]
    assert note.level.value == "note" and note.clause == "PIPL Art. 13" and "law of CN" in note.message
    # a ground of both laws (consent, contract) is not flagged; a GDPR-only service keeps basis_not_in_law's silence
    data = _data()
    data["processing_activities"][3]["legal_basis"] = "emergency"  # PIPL Art. 13(4): the GDPR's side now lacks one
    (gdpr,) = [f for f in lint(_manifest(data)) if f.rule == "basis_not_in_every_law"]
    assert gdpr.clause == "GDPR Art. 6(1)" and "law of EU" in gdpr.message


def test_profiling_children_under_the_gdpr_is_a_note():
    """The proposed version flags children's words for the parent (profiling: true) and nothing said that the GDPR's
    recitals ask for children's specific protection against profiling (Recital 38) and keep solely automated
    decisions away from them (Recital 71)."""
    found = [f for f in lint(load_manifest(KIDWATCH_NEXT)) if f.rule == "minors_profiling"]
    assert [f.path for f in found] == ["processing_activities[voice_transcription].profiling"]
    assert found[0].clause == "GDPR Recital 38; GDPR Recital 71" and found[0].level.value == "note"
    assert not [f for f in lint(load_manifest(KIDWATCH)) if f.rule == "minors_profiling"]
    # under PIPL alone the recitals do not apply
    data = yaml.safe_load(KIDWATCH_NEXT.read_text(encoding="utf-8"))
    data["service"]["jurisdictions"] = ["CN"]
    data["settings"]["minor_age"] = 14
    assert not [f for f in lint(_manifest(data)) if f.rule == "minors_profiling"]


def test_a_changed_number_says_from_what_to_what_in_the_report():
    """The management summary said "Voice messages ...: retention max days changed" for 180 -> 365 days."""
    from pia.i18n import use_language
    from pia.report.data import change_phrase

    change = {"path": "data_elements[voice_clips].retention.max_days", "kind": "changed", "before": 180, "after": 365}
    names = {"data_elements[voice_clips]": "Voice messages"}
    assert change_phrase(change, names) == "Voice messages: retention max days changed from 180 to 365"
    with use_language("zh"):
        assert "180 改为 365" in change_phrase(change, names)
    # texts keep the short form (the values are in the change table)
    text = {"path": "data_elements[voice_clips].retention.rule", "kind": "changed", "before": "a", "after": "b"}
    assert change_phrase(text, names) == "Voice messages: retention rule changed"
