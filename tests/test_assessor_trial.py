"""Findings of an assessor's trial on a service unlike the samples (a proctoring service under GDPR and PIPL)."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

from pia.declare.lint import lint
from pia.declare.manifest import load_manifest
from pia.sources import unknown

ROOT = Path(__file__).resolve().parents[1]
PULSEWEAR = ROOT / "data_samples" / "pulsewear" / "pulsewear.pia.yaml"
REFERENCE = ROOT / "data_samples" / "zosi-camera.pia.yaml"


def _variant(tmp_path: Path, change: Callable[[dict[str, Any]], None]) -> Path:
    data = yaml.safe_load(PULSEWEAR.read_text(encoding="utf-8"))
    change(data)
    out = tmp_path / "variant.pia.yaml"
    out.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return out


def _activity(data: dict[str, Any], activity: str) -> dict[str, Any]:
    return next(a for a in data["processing_activities"] if a["id"] == activity)


def _minors(activity: str, regimes: list[str]) -> Callable[[dict[str, Any]], None]:
    def change(data: dict[str, Any]) -> None:
        data["service"]["jurisdictions"] = regimes
        _activity(data, activity)["data_subjects"] = ["customers", "minors"]
    return change


def _rules(path: Path, rule: str) -> list:
    return [f for f in lint(load_manifest(path)) if f.rule == rule]


def test_gdpr_asks_no_guardian_consent_under_contract(tmp_path):
    """GDPR Art. 8(1) applies where consent is the basis: a contract-based activity with minors was told the GDPR asks
    a guardian's consent (cited 'GDPR Art. 8(1)'); under PIPL Art. 31 the note stays, citing PIPL only."""
    assert not _rules(_variant(tmp_path, _minors("account_management", ["EU"])), "minors_without_consent_basis")
    (both,) = _rules(_variant(tmp_path, _minors("account_management", ["EU", "CN"])), "minors_without_consent_basis")
    assert both.clause == "PIPL Art. 31"
    # the reference keeps its own policy's promise (VI.1)
    assert {f.clause for f in _rules(REFERENCE, "minors_without_consent_basis")} == {"VI.1"}


def test_consent_of_minors_under_the_gdpr_needs_the_parent(tmp_path):
    """A consent-based activity with minors under the GDPR: the consent must come from or be authorised by the parent."""
    (note,) = _rules(_variant(tmp_path, _minors("health_insights", ["EU"])), "minors_parental_consent")
    assert note.clause == "GDPR Art. 8(1); GDPR Art. 8(2)" and unknown(note.clause) == []
    assert "below 16" in note.message and note.path == "processing_activities[health_insights].data_subjects"
    in_china = _minors("health_insights", ["CN"])
    assert not _rules(_variant(tmp_path, lambda d: (in_china(d), d["controller"].update(jurisdiction="CN"))),
                      "minors_parental_consent")
    assert not _rules(PULSEWEAR, "minors_parental_consent")


def test_handler_abroad_serving_china_needs_a_representative(tmp_path):
    """PIPL Art. 53: a handler outside China serving people in China names a body or representative there."""
    assert not _rules(PULSEWEAR, "cn_representative") and not _rules(REFERENCE, "cn_representative")
    (note,) = _rules(_variant(tmp_path, lambda d: d["service"].update(jurisdictions=["EU", "CN"])), "cn_representative")
    assert note.clause == "PIPL Art. 3; PIPL Art. 53" and unknown(note.clause) == []
    assert note.path == "controller.jurisdiction" and "NL" in note.message


def test_verdict_of_a_service_under_both_laws_is_written_in_chinese(tmp_path):
    """The verdict's condition for a service under PIPL and the GDPR was one joined msgid, left in English in zh."""
    from pia.i18n import localize
    from pia.risk.scoring import assess, verdict_sentence

    result = assess(load_manifest(_variant(tmp_path, lambda d: d["service"].update(jurisdictions=["EU", "CN"]))))
    english = verdict_sentence(result)
    assert "the condition of a significant change under GB/T 35273-2020 Annex D; the condition of prior " \
           "consultation under GDPR Art. 36(1)" in english  # the English text (and JSON) is unchanged
    zh = localize(english, "zh")
    assert "the condition of" not in zh and "GDPR Art. 36(1) 规定的事先咨询情形" in zh, zh


def _special_without_condition(data: dict[str, Any]) -> None:
    # face templates added to a contract-based activity with no GDPR Art. 9(2) condition: `pia check` exits 2
    data["data_elements"].append({"id": "face", "name": "Face template", "category": "user.biometric.facial_template",
                                  "group": "account", "source": "observed", "retention": {"rule": "30 days"},
                                  "clauses": ["2.1"]})
    _activity(data, "account_management")["data_elements"].append("face")


def test_assess_and_diff_say_when_the_law_prohibits_the_processing(tmp_path):
    """`pia assess` and `pia diff` scored a manifest `pia check` refuses (GDPR Art. 9(1)) without a word."""
    from click.testing import CliRunner

    from pia.cli import cli

    bad = _variant(tmp_path, _special_without_condition)
    runner = CliRunner()
    for args in (["assess", str(bad), "--format", "json"], ["diff", str(PULSEWEAR), str(bad), "--format", "json"]):
        res = runner.invoke(cli, args, catch_exceptions=False)
        assert res.exit_code == 0  # the command still does its work
        (line,) = res.stderr.splitlines()
        assert "special-category data (face)" in line and "[GDPR Art. 9(1); GDPR Art. 9(2)]" in line
        assert str(bad) in line and line.startswith("pia: ") and "`pia check` refuses" in line
        assert json.loads(res.stdout)  # the JSON on standard output stays whole; the line is on standard error only
    clean = runner.invoke(cli, ["assess", str(PULSEWEAR), "--format", "json"], catch_exceptions=False)
    assert clean.exit_code == 0 and clean.stderr == ""


EXAMSIGHT = ROOT / "data_samples" / "examsight" / "examsight.pia.yaml"
EXAMSIGHT_NEXT = ROOT / "data_samples" / "examsight" / "examsight.proposed.pia.yaml"


def test_examsight_sample_is_lawful_as_declared_and_under_both_laws():
    from pia.declare.lint import Level

    for path in (EXAMSIGHT, EXAMSIGHT_NEXT):
        m = load_manifest(path)
        findings = lint(m)
        assert not [f for f in findings if f.level is Level.error], path
        assert m.regimes >= {"CN", "EU"}
        assert {"cn_representative", "minors_parental_consent", "sensitive_without_separate_consent"} <= {
            f.rule for f in findings}


def test_examsight_verdict_discriminates_and_moves_with_measures(tmp_path):
    """High risk as declared; implementing the action plan, or a low-risk design, comes out acceptable."""
    from pia.risk.scoring import assess

    base = assess(load_manifest(EXAMSIGHT))
    assert base.method == "gbt39335" and base.high_risk
    assert {a.id for a in base.unacceptable_activities()} == {"exam_recording", "identity_check"}
    assert {a.id: a.level for a in base.activities}["website_analytics"] == "low"
    # the action plan reaches an acceptable level for both, and the target stage says so
    assert all(x.reaches_acceptable for x in base.actions) and len(base.actions) == 2
    assert all(a.target_level == "medium" for a in base.unacceptable_activities())

    data = yaml.safe_load(EXAMSIGHT.read_text(encoding="utf-8"))
    catalogue = [x["id"] for x in yaml.safe_load((ROOT / "pia" / "data" / "measures.yaml").read_text())["measures"]]
    for a in data["processing_activities"]:
        a["measures"] = {k: "implemented" for k in catalogue}
    path = tmp_path / "all-measures.pia.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    done = assess(load_manifest(path))
    assert not done.high_risk
    assert {a.id: a.level for a in done.activities}["exam_recording"] == "medium"


def test_examsight_change_review_finds_the_significant_changes():
    from pia.changes.rules import review

    result = review(load_manifest(EXAMSIGHT), load_manifest(EXAMSIGHT_NEXT))
    assert result.significant and result.reconsent_required
    assert {"service_mode", "recipients", "retention_lengthened", "cross_border"} <= {t.id for t in result.triggers}


def test_an_id_of_the_wrong_type_is_an_input_error_not_a_traceback():
    """Found by the manifest fuzzer during this trial: a list as a recipient's or activity's id raised TypeError."""
    import pytest

    from pia.declare.manifest import parse_manifest
    from pia.errors import InputError

    base = yaml.safe_load(REFERENCE.read_text(encoding="utf-8"))
    for key, bad in (("recipients", [{"id": ["x"], "type": "processor"}]), ("processing_activities", [{"id": ["a"]}]),
                     ("recipients", 5), ("processing_activities", 5)):
        with pytest.raises(InputError) as err:
            parse_manifest(yaml.safe_dump({**base, key: bad}), "fuzz.yaml")
        assert all(p.path for p in err.value.problems)
