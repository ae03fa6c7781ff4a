"""The manifest's lint findings reach the person who signs: `pia assess` JSON (`legal_findings`) and the report.

Found by a fresh-eyes trial on the face-recognition access sample (data_samples/facegate/): the face-recognition,
separate-consent and guardian findings were printed by `pia check` only. Also: `pia check --format json` must not
change with `--lang` (JSON documents are language-neutral, README).
"""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from pia.cli import cli
from pia.declare import findings as findings_module
from pia.declare.findings import SEVERITY_RANK, legal_findings
from pia.declare.lint import Finding, Level, lint
from pia.declare.manifest import load_manifest
from pia.i18n import localize, use_language

ROOT = Path(__file__).resolve().parents[1]
FACEGATE = ROOT / "data_samples" / "facegate" / "facegate.pia.yaml"
REFERENCE = ROOT / "data_samples" / "zosi-camera.pia.yaml"
CJK = re.compile(r"[\u4e00-\u9fff]")


def _invoke(*args: str) -> str:
    res = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    assert res.exit_code in (0, 1), res.output
    return res.stdout


@pytest.mark.parametrize("manifest", [FACEGATE, REFERENCE], ids=["facegate", "reference"])
def test_check_json_is_the_same_in_every_language_and_the_text_is_translated(manifest):
    en = _invoke("check", str(manifest), "--format", "json", "--lang", "en")
    zh = _invoke("check", str(manifest), "--format", "json", "--lang", "zh")
    assert en == zh  # byte-identical: the messages are English in JSON
    found = json.loads(en)["findings"]
    assert found and not [f for f in found if CJK.search(f["message"])]  # (assumptions keep the manifest's text)
    text_zh = _invoke("check", str(manifest), "--lang", "zh")
    assert CJK.search(text_zh.split("\n", 1)[1])  # the findings themselves, not only the header, are translated


def test_assess_json_carries_every_lint_finding_in_english_whatever_the_language():
    en = _invoke("assess", str(FACEGATE), "--format", "json", "--lang", "en")
    zh = _invoke("assess", str(FACEGATE), "--format", "json", "--lang", "zh")
    assert en == zh
    doc = json.loads(en)["legal_findings"]
    with use_language("en"):
        linted = lint(load_manifest(FACEGATE))
    assert sorted((f["rule"], f["path"], f["message"]) for f in doc) == sorted((f.rule, f.path, f.message)
                                                                               for f in linted)
    rules = {f["rule"] for f in doc}
    # the trial's findings: face-recognition duties, separate consent, a guardian's consent
    assert {"face_recognition_assessment", "face_recognition_minors", "sensitive_without_separate_consent",
            "minors_without_consent_basis"} <= rules
    assert set(doc[0]) == {"rule", "severity", "activity", "element", "recipient", "path", "line", "message", "sources"}
    face = next(f for f in doc if f["rule"] == "face_recognition_assessment")
    assert face["activity"] == "face_entry" and "PIPL Art. 55(1)" in face["sources"]
    keys = [(SEVERITY_RANK[Level(f["severity"])], f["activity"] or "", f["rule"], f["path"], f["message"]) for f in doc]
    assert keys == sorted(keys)


def test_findings_name_the_activity_element_and_recipient_they_are_about():
    m = load_manifest(REFERENCE)
    by_path = {f.path: f for f in legal_findings(m)}
    elements = [f for p, f in by_path.items() if p.startswith("data_elements[")]
    recipients = [f for p, f in by_path.items() if p.startswith("recipients[")]
    activities = [f for p, f in by_path.items() if p.startswith("processing_activities[")]
    assert elements and recipients and activities  # the reference manifest has all three kinds
    for f in elements:
        assert f.element == f.path.split("[", 1)[1].split("]", 1)[0] and f.activity is None
    for f in recipients:
        assert f.recipient == f.path.split("[", 1)[1].split("]", 1)[0]
    for f in activities:
        assert f.activity == f.path.split("[", 1)[1].split("]", 1)[0]


def test_a_rule_the_kit_does_not_know_yet_is_carried_and_translated_generically(monkeypatch):
    # a rule added later (another engineer's) writes its message with _(): each language's run gives its text
    def fake_lint(m):
        from pia.i18n import current_language

        said = {"en": "a new duty", "zh": "一项新义务"}[current_language()]
        return [Finding(level=Level.error, rule="zz_new_rule", path="processing_activities[face_entry].purposes",
                        line=3, message=said, clause="PIPL Art. 5; pia default: a choice")]

    monkeypatch.setattr(findings_module, "lint", fake_lint)
    (f,) = legal_findings(load_manifest(FACEGATE))
    assert (f.rule, f.activity, f.sources) == ("zz_new_rule", "face_entry", ["PIPL Art. 5", "pia default: a choice"])
    assert f.model_dump(mode="json")["message"] == "a new duty"
    assert localize(f.message, "zh") == "一项新义务"


def _report(manifest: Path, lang: str):
    from pia.report import run as report

    return report.gather(str(manifest), None, as_of="2026-06-30", run_started="2026-06-30T00:00:00Z", lang=lang)


def test_report_shows_the_findings_after_the_verdict_by_severity_in_its_language():
    from pia.report import run as report

    en, zh = _report(FACEGATE, "en"), _report(FACEGATE, "zh")
    html = report.findings_html(en)
    assert "Legal findings to act on" in html
    warn, notes = html.index("Warnings: to act on"), html.index("Notes: to check")
    assert warn < notes and "Errors:" not in html  # facegate has no error; an empty group is left out
    assert html.count("<li>") == len(en.assessment["legal_findings"])
    assert "Face Recognition Measures (2025) Art. 9" in html and "PIPL Art. 29" in html
    html_zh = report.findings_html(zh)
    assert "须处理的法律问题" in html_zh and "Legal findings" not in html_zh
    with use_language("zh"):
        first = localize(next(f for f in legal_findings(load_manifest(FACEGATE))
                              if f.rule == "face_recognition_assessment").message)
    assert CJK.search(first) and first.replace("'", "&#39;") in html_zh
    assert "Face Recognition Measures (2025) Art. 9" in html_zh  # citations stay as the catalogue writes them


def test_report_omits_the_section_when_the_manifest_has_no_finding():
    from pia.report import run as report

    data = _report(FACEGATE, "en")
    data.assessment["legal_findings"] = []
    assert report.findings_html(data) == ""


def test_assess_text_and_markdown_list_the_findings_after_the_verdict():
    md = _invoke("assess", str(FACEGATE), "--format", "markdown", "--lang", "en")
    part = md[md.index("## Legal findings to act on"):]
    assert md.index("## Verdict") < md.index("## Legal findings to act on")
    assert "**Warnings: to act on before the processing goes on**" in part
    assert "[Face Recognition Measures (2025) Art. 9; PIPL Art. 55(1); PIPL Art. 56]" in part
    text = _invoke("assess", str(FACEGATE), "--lang", "zh")
    assert "须处理的法律问题：" in text and "提示：须核实并记入评估" in text
