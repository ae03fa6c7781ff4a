"""GDPR Art. 10 (criminal data) and Art. 22 (solely automated decisions): the conditions each article itself sets.

An Art. 9(2) condition does not lift Art. 10, nor PIPL Art. 29 Art. 9(1); solely automated decisions with legal or
similar effect need an exception of Art. 22(2), and may not rest on special categories unless Art. 9(2)(a) or (g)
applies (Art. 22(4)). Built on PulseWear (a GDPR-only service): its health_insights activity and its elements.
"""
from __future__ import annotations

import subprocess
import sys

import pytest
import yaml

from pia.config import DATA_SAMPLES, PROJECT_ROOT
from pia.declare.lint import lint
from pia.declare.manifest import load_manifest

PULSEWEAR = DATA_SAMPLES / "pulsewear" / "pulsewear.pia.yaml"
HIRELENS = DATA_SAMPLES / "hirelens" / "hirelens.pia.yaml"


@pytest.fixture()
def pulse() -> dict:
    return yaml.safe_load(PULSEWEAR.read_text(encoding="utf-8"))


def _act(data: dict, ident: str = "health_insights") -> dict:
    return next(a for a in data["processing_activities"] if a["id"] == ident)


def _with_criminal_record(data: dict) -> dict:
    group = data["data_elements"][0]["group"]
    data["data_elements"].append({"id": "conviction", "name": "Conviction record", "category": "user.criminal_history",
                                  "group": group, "source": "user_provided",
                                  "retention": {"rule": "Six months", "max_days": 183},
                                  "clauses": data["data_elements"][0]["clauses"]})
    _act(data)["data_elements"].append("conviction")
    return data


def rules(path) -> dict[str, list]:
    out: dict[str, list] = {}
    for f in lint(load_manifest(path)):
        out.setdefault(f.rule, []).append(f)
    return out


def test_criminal_data_under_an_art_9_2_condition_is_an_error(pulse, write_manifest):
    # health data under 9(2)(a) is fine; the conviction record in the same activity is not: Art. 10 asks for
    # official authority or an authorising law, which explicit consent does not give
    got = rules(write_manifest(_with_criminal_record(pulse)))
    (f,) = got["criminal_data_without_authorisation"]
    assert f.level.value == "error" and f.clause == "GDPR Art. 10"
    assert f.path == "processing_activities[health_insights].special_category_basis"
    assert "conviction" in f.message and "GDPR Art. 9(2)(a)" in f.message and "heart_rate" not in f.message
    assert "special_category_without_condition" not in got  # the health data keeps its Art. 9(2)(a) condition


def test_criminal_data_without_condition_suggests_art_10_not_art_9(pulse, write_manifest):
    data = _with_criminal_record(pulse)
    _act(data)["data_elements"] = ["user_id", "conviction"]
    del _act(data)["special_category_basis"]
    got = rules(write_manifest(data))
    (f,) = got["criminal_data_without_authorisation"]
    assert f.path == "processing_activities[health_insights].legal_basis"
    assert "special_category_basis: GDPR Art. 10" in f.message and "9(2)(a)" not in f.message
    assert "special_category_without_condition" not in got


def test_art_10_declared_leaves_a_note_to_record_the_authorising_law(pulse, write_manifest):
    data = _with_criminal_record(pulse)
    _act(data)["data_elements"] = ["user_id", "conviction"]
    _act(data)["special_category_basis"] = "GDPR Art. 10"
    got = rules(write_manifest(data))
    assert "criminal_data_without_authorisation" not in got
    (f,) = got["criminal_data_authorisation"]
    assert f.level.value == "note" and f.clause == "GDPR Art. 10"


def test_pipl_separate_consent_is_no_art_9_2_condition(pulse, write_manifest):
    _act(pulse)["special_category_basis"] = "PIPL Art. 29"
    (f,) = rules(write_manifest(pulse))["special_category_without_condition"]
    assert f.level.value == "error" and f.clause == "GDPR Art. 9(1); GDPR Art. 9(2)"
    assert "'PIPL Art. 29'" in f.message and "heart_rate" in f.message


def test_automated_decisions_on_legitimate_interest_have_no_art_22_exception(pulse, write_manifest):
    act = next(a for a in pulse["processing_activities"] if a["legal_basis"] == "contract")
    act["automated_decisions"] = True
    assert "automated_decision_without_exception" not in rules(write_manifest(pulse))  # contract: Art. 22(2)(a)
    act["legal_basis"] = "legitimate_interest"
    act["balancing_test"] = {"interest": "Fraud", "necessity": "Needed", "impact": "Low", "safeguards": "Review",
                             "outcome": "Not overridden"}
    (f,) = rules(write_manifest(pulse))["automated_decision_without_exception"]
    assert f.level.value == "warning" and f.clause == "GDPR Art. 22(1); GDPR Art. 22(2)"
    assert f.path == f"processing_activities[{act['id']}].automated_decisions"


def test_automated_decisions_on_special_categories_need_art_9_2_a_or_g(pulse, write_manifest):
    _act(pulse)["automated_decisions"] = True
    assert "automated_decision_special_category" not in rules(write_manifest(pulse))  # 9(2)(a): allowed
    _act(pulse)["special_category_basis"] = "GDPR Art. 9(2)(h)"
    got = rules(write_manifest(pulse))
    (f,) = got["automated_decision_special_category"]
    assert f.level.value == "error" and f.clause.startswith("GDPR Art. 22(4)")
    assert "special_category_without_condition" not in got  # 9(2)(h) lifts Art. 9(1), not Art. 22(4)
    path = write_manifest(pulse)
    proc = subprocess.run([sys.executable, "-m", "pia.cli", "check", str(path)], capture_output=True, text=True,
                          cwd=PROJECT_ROOT, timeout=120)
    assert proc.returncode == 2 and "Traceback" not in proc.stderr and "GDPR Art. 22(4)" in proc.stdout + proc.stderr


def test_hirelens_is_clean_and_records_its_art_10_condition():
    got = rules(HIRELENS)
    assert not [f for fs in got.values() for f in fs if f.level.value == "error"]
    assert [f.path for f in got["criminal_data_authorisation"]] == \
        ["processing_activities[background_checks].special_category_basis"]
    assert "automated_decision_without_exception" not in got  # the screening rests on the contract (22(2)(a))


# --------------------------------------------------------------------------- the change review of a NEW that is unlawful


def _unlawful_new(write_manifest) -> tuple:
    from pia.changes.rules import review

    proposed = yaml.safe_load((DATA_SAMPLES / "pulsewear" / "pulsewear.proposed.pia.yaml").read_text(encoding="utf-8"))
    del _act(proposed)["special_category_basis"]  # health data with no GDPR Art. 9(2) condition: Art. 9(1)
    new = write_manifest(proposed, "new.pia.yaml")
    return new, review(load_manifest(PULSEWEAR), load_manifest(new))


def test_change_review_carries_what_new_may_not_do(write_manifest):
    from pia.changes.render import assessments, render_markdown, render_table
    from pia.changes.rules import review

    _new, cr = _unlawful_new(write_manifest)
    assert [(f.rule, f.activity) for f in cr.prohibited] == [("special_category_without_condition", "health_insights")]
    doc = cr.to_dict()
    assert doc["prohibited"][0]["sources"] == ["GDPR Art. 9(1)", "GDPR Art. 9(2)"]
    table = render_table(cr)
    assert table.index("PROHIBITED (1)") < table.index("SIGNIFICANT")  # before the notification plan
    assert "PROHIBITED (1)" in render_markdown(cr)
    assert assessments(cr)["prohibited"][0]["activity"] == "health_insights"
    # a lawful NEW: the document is as before, without the key
    lawful = review(load_manifest(PULSEWEAR), load_manifest(DATA_SAMPLES / "pulsewear" / "pulsewear.proposed.pia.yaml"))
    assert not lawful.prohibited and "prohibited" not in lawful.to_dict() and "PROHIBITED" not in render_table(lawful)


def test_report_puts_the_unlawful_change_first(write_manifest):
    from pia import report

    new, _cr = _unlawful_new(write_manifest)
    d = report.gather(str(PULSEWEAR), str(new), as_of="2026-06-30", run_started="2026-06-30T00:00:00Z")
    first = report.action_plan(d)[0]
    assert first["what"].startswith("Stop or change the processing the law does not allow")
    assert "GDPR Art. 9(1)" in first["why"] and first["priority"] == "1"
    assert "declares processing the law does not allow" in report.summary_html(d)
    assert "Processing the law does not allow in the proposed version" in report.changes_html(d)


def test_storage_abroad_names_an_unstated_cross_border_as_unstated(write_manifest):
    # HireLens's interviews are stored in the US by its video vendor; the manifest never wrote cross_border: false
    data = yaml.safe_load(HIRELENS.read_text(encoding="utf-8"))
    (f,) = rules(HIRELENS)["storage_abroad_undeclared"]
    assert "does not declare storage.cross_border: true" in f.message and "says cross_border: false" not in f.message
    _act(data, "video_interviews")["storage"]["cross_border"] = False
    (f,) = rules(write_manifest(data))["storage_abroad_undeclared"]
    assert "says cross_border: false" in f.message


def test_summary_says_which_activities_need_the_impact_assessment():
    """A verdict read as 'no DPIA needed' when no activity is at unacceptable risk: HireLens's automated screening
    meets 5 WP248 criteria (GDPR Art. 35(1)) and every activity but the talent pool is a PIPL Art. 55 case; the
    summary says so next to the verdict."""
    from pia import report

    d = report.gather(str(HIRELENS), "", as_of="2026-06-30", run_started="2026-06-30T00:00:00Z")
    text = report.summary_html(d)
    assert "High risk" in text  # the background checks (criminal records of candidates), until integrity checking
    assert "An impact assessment is required before the processing for 5 of 6 activities" in text
    assert "GDPR Art. 35(1): two or more WP248 criteria; PIPL Art. 55" in text and "Automated CV screening" in text
    assert "Talent pool" not in text.split("An impact assessment is required")[1].split("</p>")[0]


# --------------------------------------------------------------------------- emotion recognition (AI Act)


def test_emotion_recognition_of_students_is_prohibited_in_the_eu(write_manifest):
    data = yaml.safe_load((DATA_SAMPLES / "examsight" / "examsight.pia.yaml").read_text(encoding="utf-8"))
    act = next(a for a in data["processing_activities"] if "behaviour_analysis" in a.get("innovative_technology", []))
    assert "emotion_recognition_prohibited" not in rules(write_manifest(data))
    act["innovative_technology"].append("emotion_recognition")
    (f,) = rules(write_manifest(data))["emotion_recognition_prohibited"]
    assert f.level.value == "error" and f.clause == "Regulation (EU) 2024/1689 Art. 5(1)(f)"
    assert "students" in f.message and f.path == f"processing_activities[{act['id']}].innovative_technology"


def test_emotion_recognition_elsewhere_is_a_warning_and_not_for_a_chinese_only_service(pulse, write_manifest):
    _act(pulse)["innovative_technology"] = ["emotion_recognition"]
    got = rules(write_manifest(pulse))
    assert "emotion_recognition_prohibited" not in got  # customers: the kit cannot tell a workplace
    (f,) = got["emotion_recognition"]
    assert f.level.value == "warning" and "Regulation (EU) 2024/1689 Art. 50(3)" in f.clause
    facegate = DATA_SAMPLES / "facegate" / "facegate.proposed.pia.yaml"  # PIPL only: emotion analysis at the gates
    assert not {"emotion_recognition", "emotion_recognition_prohibited"} & set(rules(facegate))


@pytest.mark.parametrize("method", ["gbt39335", "cnil", "ico"])
def test_hirelens_verdict_per_method(method):
    """The shipped sample's verdict: the criminal-record checks of candidates (vulnerable: under evaluation) are at
    unacceptable risk until integrity checking is in place; the action plan brings them to medium (GDPR Art. 36(1))."""
    from pia.risk.scoring import assess

    result = assess(load_manifest(HIRELENS), method=method).to_dict()
    assert result["high_risk"] is True
    assert [a["id"] for a in result["activities"] if a["unacceptable"]] == ["background_checks"]
    (checks,) = [a for a in result["activities"] if a["id"] == "background_checks"]
    assert checks["target_level"] not in ("high", "very_high", "severe")  # the action plan brings it below
    assert "GDPR Art. 36(1)" in str(result["verdict"])


def test_report_names_vulnerable_adults_as_such_not_as_children():
    """The risk table said 'children's data' for the background checks of adult candidates declared vulnerable."""
    from pia import report
    from pia.report.names import main_factors

    d = report.gather(str(HIRELENS), "", as_of="2026-06-30", run_started="2026-06-30T00:00:00Z")
    (checks,) = [a for a in d.assessment["activities"] if a["id"] == "background_checks"]
    why = main_factors(checks, "unwanted_modification", "current", limit=10)
    assert "vulnerable people's data" in why and "children's data" not in why
    kid = report.gather(str(DATA_SAMPLES / "kidwatch" / "kidwatch.pia.yaml"), "", as_of="2026-06-30",
                        run_started="2026-06-30T00:00:00Z")
    texts = {t for a in kid.assessment["activities"] for ev in ("illegitimate_access", "unwanted_modification")
             for t in main_factors(a, ev, "current", limit=10)}
    assert "children's data" in texts and "vulnerable people's data" not in texts


def test_init_skeleton_names_every_kind_of_data_subject():
    """A new user found `vulnerable` (job candidates under evaluation) only in the JSON Schema: the skeleton named
    four kinds of the eleven."""
    from pia.declare.manifest import DataSubject
    from pia.declare.scaffold import BLANK_TEMPLATE

    text = BLANK_TEMPLATE.read_text(encoding="utf-8")
    assert [k.value for k in DataSubject if k.value not in text] == []


def test_dual_law_consent_on_a_gdpr_condition_notes_pipl_separate_consent(write_manifest):
    """HireLens's diversity survey records GDPR Art. 9(2)(a); for candidates in China PIPL Art. 29 asks separate
    consent, which the one-valued special_category_basis cannot record: a note, not for a GDPR-only service."""
    (f,) = rules(HIRELENS)["separate_consent_unrecorded"]
    assert f.level.value == "note" and f.clause == "PIPL Art. 29"
    assert f.path == "processing_activities[diversity_monitoring].special_category_basis"
    assert "separate_consent_unrecorded" not in rules(PULSEWEAR)  # GDPR only
    data = yaml.safe_load(HIRELENS.read_text(encoding="utf-8"))
    _act(data, "diversity_monitoring")["special_category_basis"] = "PIPL Art. 29"  # then the GDPR's is missing
    got = rules(write_manifest(data))
    assert "separate_consent_unrecorded" not in got and "special_category_without_condition" in got
