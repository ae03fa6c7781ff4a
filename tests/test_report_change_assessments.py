"""The report's change section shows the impact assessments the change calls for, from the same review `pia diff`
prints: the PIPL Art. 55 cases, the GDPR lines (Art. 35(1) for a new activity, Art. 35(11) review), in en and zh."""
from __future__ import annotations

import html

import pytest

from pia.changes.render import render_table
from pia.changes.rules import review
from pia.config import DATA_SAMPLES, PROPOSED_MANIFEST, REFERENCE_MANIFEST
from pia.declare.manifest import load_manifest
from pia.i18n import localize, use_language
from pia.report import run as report
from pia.report.data import change_phrase

PAIRS = {"reference": (REFERENCE_MANIFEST, PROPOSED_MANIFEST),
         "examsight": (DATA_SAMPLES / "examsight" / "examsight.pia.yaml",
                       DATA_SAMPLES / "examsight" / "examsight.proposed.pia.yaml"),
         "pulsewear": (DATA_SAMPLES / "pulsewear" / "pulsewear.pia.yaml",
                       DATA_SAMPLES / "pulsewear" / "pulsewear.proposed.pia.yaml"),
         "kidwatch": (DATA_SAMPLES / "kidwatch" / "kidwatch.pia.yaml",
                      DATA_SAMPLES / "kidwatch" / "kidwatch.proposed.pia.yaml"),
         "hirelens": (DATA_SAMPLES / "hirelens" / "hirelens.pia.yaml",
                      DATA_SAMPLES / "hirelens" / "hirelens.proposed.pia.yaml")}


@pytest.fixture(scope="module")
def sections():
    """(service, lang) -> the change section's HTML (unescaped), and the review each was made from."""
    out = {}
    for name, (old, new) in PAIRS.items():
        for lang in ("en", "zh"):
            data = report.gather(str(old), str(new), as_of="2026-06-30", run_started="2026-06-30T00:00:00Z", lang=lang)
            out[name, lang] = html.unescape(report.changes_html(data))
        out[name] = review(load_manifest(old), load_manifest(new))
    return out


def test_reference_section_lists_every_pipl_case_of_the_review(sections):
    cr = sections["reference"]
    cases = cr.risk.pipl_assessment_required
    assert {c.case for c in cases} >= {"pipl55.1", "pipl55.3a", "pipl55.3b", "pipl55.5"}
    for lang in ("en", "zh"):
        text = sections["reference", lang]
        with use_language(lang):
            for c in cases:
                assert f"{c.clause}: {localize(c.item)}" in text and localize(c.evidence) in text, (lang, c.case)
    assert "Cases of PIPL Art. 55 this change brings" in sections["reference", "en"]
    assert "本次变更带来的《个人信息保护法》第五十五条情形" in sections["reference", "zh"]
    assert "PIPL Art. 56 para. 2" in sections["reference", "en"]


def test_reference_section_says_the_new_activity_needs_a_dpia(sections):
    """The GDPR Art. 35(1) line `pia diff` prints for a new activity meeting two WP248 criteria."""
    assert [x.activity for x in sections["reference"].risk.assessment_required] == ["familiar_faces"]
    assert "impact assessment required before new activity familiar_faces starts" in sections["reference", "en"]
    assert "新处理活动 familiar_faces 开始前需进行影响评估：符合 WP248 的 9 项标准中的 5 项" in sections["reference", "zh"]
    assert "GDPR Art. 35(1)" in sections["reference", "zh"]


def test_service_under_both_laws_shows_the_gdpr_review_and_the_pipl_cases(sections):
    en, zh = sections["examsight", "en"], sections["examsight", "zh"]
    assert "The assessment of these activities is reviewed (GDPR Art. 35(11))" in en
    assert "应复核这些处理活动的影响评估（GDPR Art. 35(11)）" in zh
    assert "PIPL Art. 55(4): providing personal information abroad" in en
    assert "PIPL Art. 55(4): 向境外提供个人信息" in zh
    assert "a condition of PIPL Art. 38" in en and "PIPL Art. 39" in en  # what providing abroad needs besides


def test_childrens_watch_section_names_the_new_activity_and_the_provider_abroad(sections):
    en, zh = sections["kidwatch", "en"], sections["kidwatch", "zh"]
    assert "impact assessment required before new activity voice_transcription starts" in en
    assert "PIPL Art. 55(4): providing personal information abroad" in en and "speech_ai" in en
    assert "PIPL Art. 55(4): 向境外提供个人信息" in zh


def test_gdpr_only_service_shows_no_pipl_case(sections):
    en = sections["pulsewear", "en"]
    assert "GDPR Art. 35(11) applies" in en
    assert "PIPL Art. 55" not in en and sections["pulsewear"].risk.pipl_assessment_required == []


def test_recruitment_section_says_the_emotion_analysis_is_not_allowed(sections):
    """HireLens's proposed emotion analysis of interview videos has no GDPR Art. 9(2) condition: the section says
    so before the notice, in both languages, and the review carries it; the Shanghai subsidiary is a PIPL Art. 55(3)
    case (entrusted processing)."""
    cr = sections["hirelens"]
    assert [(f.rule, f.activity) for f in cr.prohibited] == [("special_category_without_condition", "video_interviews")]
    en, zh = sections["hirelens", "en"], sections["hirelens", "zh"]
    assert "Processing the law does not allow in the proposed version" in en and "interview_emotion" in en
    assert en.index("Processing the law does not allow") < en.index("Draft notice")
    assert "拟议版本中法律不允许的处理" in zh and "GDPR Art. 9(1)" in zh
    assert {(c.activity, c.case) for c in cr.risk.pipl_assessment_required} >= {
        ("accounts_applications", "pipl55.3a"), ("video_interviews", "pipl55.1")}


@pytest.mark.parametrize("name", ["reference", "examsight", "kidwatch", "hirelens"])
def test_the_section_says_what_pia_diff_prints(sections, name):
    """No second judgement: the report's sentences are the diff's, made from the same review."""
    cr = sections[name]
    printed = render_table(cr)
    decision = localize(cr.risk.decision)
    assert decision in printed and decision in sections[name, "en"]
    for c in cr.risk.pipl_assessment_required:
        assert f"({c.clause}: {localize(c.item)})" in printed and localize(c.evidence) in printed


def test_no_proposed_version_no_assessment_part():
    data = report.gather(str(REFERENCE_MANIFEST), "", as_of="2026-06-30", lang="en")
    text = report.changes_html(data)
    assert data.assessments == {} and "Impact assessment" not in text and "PIPL Art. 55" not in text


def test_an_assumption_change_is_named_by_what_it_is_about():
    names = {"processing_activities[familiar_faces]": "Familiar-face recognition"}
    path = "assumptions[processing_activities[familiar_faces].measures.deidentification]"
    assert change_phrase({"path": path, "kind": "added"}, names) == \
        "new assumption to confirm about Familiar-face recognition: measures deidentification"
    with use_language("zh"):
        assert change_phrase({"path": path, "kind": "added"}, names).startswith("新增待确认的假设：")
