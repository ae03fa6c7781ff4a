"""Face recognition under Chinese law (pia.declare.face_recognition), on the FaceGate sample (PIPL only).

The rules and their sources: another way in (Face Recognition Measures (2025) Art. 10, PIPL Art. 16, SPC Face
Recognition Provisions (2021) Art. 10), guardians (Art. 7, PIPL Art. 31), storage off the device (Art. 8), public
places (PIPL Art. 26, Art. 13), filing from 100,000 people (Art. 15), the assessment (Art. 9, PIPL Art. 55-56).
"""
from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from pia.cli import cli, main
from pia.declare.face_recognition import FILING_THRESHOLD, face_findings
from pia.declare.lint import Level, lint
from pia.declare.manifest import load_manifest, parse_manifest
from pia.sources import load_sources

ROOT = Path(__file__).resolve().parents[1]
FACEGATE = ROOT / "data_samples" / "facegate" / "facegate.pia.yaml"
FACEGATE_NEXT = ROOT / "data_samples" / "facegate" / "facegate.proposed.pia.yaml"
FACE = "face_entry"


@pytest.fixture(autouse=True)
def _english():
    from pia.i18n import use_language

    with use_language("en"):
        yield


@pytest.fixture(scope="module")
def data() -> dict:
    return yaml.safe_load(FACEGATE.read_text(encoding="utf-8"))


def _m(data: dict, edit=None):
    data = copy.deepcopy(data)
    data["assumptions"] = []  # the variants change the facts the assumptions name
    if edit:
        edit(data)
    return parse_manifest(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), "variant.pia.yaml")


def _act(data: dict, ident: str = FACE) -> dict:
    return next(a for a in data["processing_activities"] if a["id"] == ident)


def _el(data: dict, ident: str = "face_template") -> dict:
    return next(e for e in data["data_elements"] if e["id"] == ident)


def _rules(m, activity: str | None = None) -> dict[str, object]:
    return {f.rule: f for f in face_findings(m) if activity is None or f.activity == activity}


def test_the_sample_gets_the_duties_of_a_face_recognition_service():
    m = load_manifest(FACEGATE)
    got = {(f.activity, f.rule) for f in face_findings(m)}
    assert got == {(FACE, "face_recognition_minors"), (FACE, "face_recognition_storage"),
                   (FACE, "face_recognition_assessment"), ("unknown_face_alerts", "face_recognition_public_places")}
    # 2.3: a card, a PIN and the guard room open every gate, so no alternative finding; 9,000 faces: no filing
    assert "face_recognition_alternative" not in {r for _a, r in got}
    assert "face_recognition_filing" not in {r for _a, r in got}


def test_face_as_the_only_way_in_is_a_warning_naming_the_measures_and_the_court(data):
    m = _m(data, lambda d: _act(d).update(refusal_denies_service=True))
    f = _rules(m, FACE)["face_recognition_alternative"]
    assert f.warning and "only way" in f.message
    assert f.source == ("Face Recognition Measures (2025) Art. 10; PIPL Art. 16; "
                        "SPC Face Recognition Provisions (2021) Art. 10")
    hit = [x for x in lint(m) if x.rule == "face_recognition_alternative"]
    assert len(hit) == 1 and hit[0].level is Level.warning
    assert hit[0].path == "processing_activities[face_entry].refusal_denies_service" and hit[0].line


def test_an_unstated_alternative_is_a_note_asking_for_it(data):
    m = _m(data, lambda d: _act(d).pop("refusal_denies_service"))
    f = _rules(m, FACE)["face_recognition_alternative"]
    assert not f.warning and "refusal_denies_service: false" in f.message


@pytest.mark.parametrize("count, filed", [(FILING_THRESHOLD - 1, False), (FILING_THRESHOLD, True)])
def test_filing_from_100000_stored_faces_boundary(data, count, filed):
    m = _m(data, lambda d: _el(d).update(subjects_count=count))
    rules = _rules(m, FACE)
    assert ("face_recognition_filing" in rules) is filed
    if filed:
        assert f"{count:,}" in rules["face_recognition_filing"].message
        assert rules["face_recognition_filing"].source == "Face Recognition Measures (2025) Art. 15"


def test_filing_counts_the_activity_when_the_element_gives_no_count(data):
    def edit(d):
        _el(d).pop("subjects_count")
        _act(d)["subjects_count"] = 150_000
    assert "face_recognition_filing" in _rules(_m(data, edit), FACE)


def test_templates_kept_on_the_device_or_never_kept_need_no_storage_consent_nor_filing(data):
    def on_device(d):
        _el(d)["subjects_count"] = 500_000
        _act(d)["design"] = {"held_at": {"face_template": ["user_device"]}}

    def never_kept(d):
        _el(d)["subjects_count"] = 500_000
        _el(d)["retention"] = {"rule": "not kept", "max_days": 0, "clauses": ["6"]}

    for edit in (on_device, never_kept):
        rules = _rules(_m(data, edit), FACE)
        assert "face_recognition_storage" not in rules and "face_recognition_filing" not in rules


def test_guardian_consent_only_on_consent_and_with_children(data):
    assert "face_recognition_minors" in _rules(_m(data), FACE)
    no_children = _m(data, lambda d: _act(d).update(data_subjects=["customers", "elderly"]))
    assert "face_recognition_minors" not in _rules(no_children, FACE)
    contract = _m(data, lambda d: [_act(d).update(legal_basis="contract"), _act(d).pop("special_category_basis"),
                                   _act(d).pop("consent_scope")])
    assert "face_recognition_minors" not in _rules(contract, FACE)


def test_recognised_bystanders_verify_nothing_so_no_alternative_but_public_places(data):
    m = _m(data, lambda d: _act(d, "unknown_face_alerts").update(refusal_denies_service=True))
    rules = _rules(m, "unknown_face_alerts")
    assert "face_recognition_alternative" not in rules
    assert rules["face_recognition_public_places"].source == "PIPL Art. 26; Face Recognition Measures (2025) Art. 13"


def test_the_technology_alone_makes_an_activity_face_recognition(data):
    # the unknown-face alerts hold snapshots, no template: `innovative_technology: [face_recognition]` decides
    m = _m(data, lambda d: _act(d, "unknown_face_alerts").update(innovative_technology=[]))
    assert _rules(m, "unknown_face_alerts") == {}


def test_the_assessment_duty_is_said_once(data):
    m = _m(data)
    assert [f.activity for f in face_findings(m) if f.rule == "face_recognition_assessment"] == [FACE]


def test_no_finding_where_chinese_law_does_not_apply(data):
    def gdpr_only(d):
        d["service"]["jurisdictions"] = ["EU"]
        d["controller"]["jurisdiction"] = "NL"
        d["settings"]["minor_age"] = 16
        for a in d["processing_activities"]:
            a["storage"] = {"locations": ["NL"]}
            if a.get("special_category_basis") == "PIPL Art. 29":
                a["special_category_basis"] = "GDPR Art. 9(2)(a)"
        for r in d["recipients"]:
            r["location"] = "NL"
    assert face_findings(_m(data, gdpr_only)) == []


def test_every_citation_is_in_the_catalogue():
    sources = load_sources()
    m = load_manifest(FACEGATE_NEXT)
    m2 = _m(yaml.safe_load(FACEGATE.read_text(encoding="utf-8")),
            lambda d: [_act(d).update(refusal_denies_service=True), _el(d).update(subjects_count=200_000)])
    for f in face_findings(m) + face_findings(m2):
        for part in f.source.split("; "):
            assert part in sources, part


def test_check_json_of_the_sample_and_its_zh_text(tmp_path):
    runner = CliRunner()
    res = runner.invoke(cli, ["check", str(FACEGATE), "--format", "json", "--lang", "en"])
    assert res.exit_code == 0, res.output
    rules = {f["rule"] for f in json.loads(res.output)["findings"]}
    assert {"face_recognition_minors", "face_recognition_storage", "face_recognition_public_places",
            "face_recognition_assessment"} <= rules
    res = runner.invoke(cli, ["check", str(FACEGATE), "--lang", "zh"])
    assert res.exit_code == 0 and "合理限定采集区域" in res.output and "[PIPL Art. 26; Face Recognition Measures" in res.output


def test_the_sample_estate_holds_exactly_the_planted_violations(tmp_path, capsys):
    out = tmp_path / "validation.json"
    with pytest.raises(SystemExit) as exc:
        main(["validate", str(FACEGATE.parent / "estate"), "--manifest", str(FACEGATE), "--as-of", "2026-11-30",
              "--format", "json", "-o", str(out)])
    assert exc.value.code == 1, capsys.readouterr()
    got = {c["id"]: (c["status"], c["failed_rows"]) for c in json.loads(out.read_text())["checks"]}
    assert got == {"access_log.retention": ("fail", 6), "face_enrolments.consent_recorded": ("fail", 2)}


def test_the_sample_verdict_and_change_review():
    from pia.changes import review
    from pia.risk.scoring import assess

    m = load_manifest(FACEGATE)
    result = assess(m)
    assert result.high_risk and {a.id for a in result.activities if a.unacceptable} == {
        "face_entry", "access_logging", "resident_enrolment", "unknown_face_alerts"}
    r = review(m, load_manifest(FACEGATE_NEXT))
    assert r.significant and r.reconsent_required
    assert {t.id for t in r.triggers} >= {"service_mode", "recipients"}


@pytest.mark.parametrize("word", ["Face recognition", "face-recognition", " FACE_RECOGNITION "])
def test_the_technology_is_read_however_it_is_written(data, word):
    m = _m(data, lambda d: _act(d, "unknown_face_alerts").update(innovative_technology=[word]))
    assert "face_recognition_public_places" in _rules(m, "unknown_face_alerts")


# A new user's mistakes: one line per problem, FILE:LINE: path: message, exit 2, in the language of the run.
def _check(capsys, tmp_path, edit, lang: str) -> tuple[int, list[str]]:
    d = yaml.safe_load(FACEGATE.read_text(encoding="utf-8"))
    edit(d)
    path = tmp_path / "facegate.pia.yaml"
    path.write_text(yaml.safe_dump(d, sort_keys=False, allow_unicode=True), encoding="utf-8")
    with pytest.raises(SystemExit) as exc:
        main(["check", str(path), "--lang", lang])
    return exc.value.code, capsys.readouterr().err.strip().splitlines()


@pytest.mark.parametrize("where, value, path, hint", [
    (lambda d: d["service"]["jurisdictions"], "China", "service.jurisdictions.0", "CN"),
    (lambda d: d["controller"], "PRC", "controller.jurisdiction", "CN"),
    (lambda d: d["recipients"][0], "Hangzhou", "recipients[cloud_cn].location", None),
    (lambda d: _act(d)["storage"]["locations"], "mainland China", f"processing_activities[{FACE}].storage.locations.0", "CN"),
])
def test_a_place_name_instead_of_a_code_is_an_error_not_a_new_regime(capsys, tmp_path, where, value, path, hint):
    def edit(d):
        target = where(d)
        if isinstance(target, list):
            target[0] = value
        else:
            target["jurisdiction" if "jurisdiction" in target else "location"] = value
    for lang in ("en", "zh"):
        code, lines = _check(capsys, tmp_path, edit, lang)
        assert code == 2 and len(lines) == 1, lines
        assert "facegate.pia.yaml:" in lines[0] and f": {path}: {value!r}" in lines[0]
        assert ("ISO 3166" in lines[0]) and (hint is None or hint in lines[0].split(value, 1)[1])
        assert ("不是地点代码" in lines[0]) is (lang == "zh")


def test_codes_in_any_case_and_the_regions_stay_valid(data):
    def edit(d):
        d["service"]["jurisdictions"] = ["cn"]
        _act(d)["storage"]["locations"] = ["CN", "eea"]
    assert _m(data, edit).regimes == {"CN"}  # parsed: storage places are no regime of the service


def test_an_unknown_legal_basis_and_data_group_are_said_in_chinese(capsys, tmp_path):
    def edit(d):
        _act(d)["legal_basis"] = "separate_consent"
        _el(d)["group"] = "faces"
    code, lines = _check(capsys, tmp_path, edit, "zh")
    assert code == 2 and len(lines) == 2, lines
    assert any("'separate_consent' 不是合法性基础" in x and "您是否指 consent" in x for x in lines), lines
    assert any("'faces' 不是已声明的数据组" in x and "您是否指 face" in x for x in lines), lines
    code, en = _check(capsys, tmp_path, edit, "en")
    assert code == 2 and any("'separate_consent' is not a legal basis" in x and "did you mean consent?" in x
                             for x in en), en


def test_an_english_report_names_changes_in_english_when_the_manifest_is_chinese_first():
    from pia.i18n import use_language
    from pia.report.data import change_phrase, manifest_names

    names = manifest_names(load_manifest(FACEGATE), load_manifest(FACEGATE_NEXT))
    # what `pia diff` records: the manifest's primary language (zh)
    change = {"path": "data_elements[emotion_scores]", "kind": "added",
              "after": {"id": "emotion_scores", "name": "门岗人脸情绪评分"}}
    assert "Emotion scores of faces at the gates" in change_phrase(change, names)
    recipient = {"path": "processing_activities[access_logging].recipients[police_station]", "kind": "added",
                 "after": "police_station"}
    assert change_phrase(recipient, names).startswith("Access records: ")
    with use_language("zh"):
        zh = manifest_names(load_manifest(FACEGATE), load_manifest(FACEGATE_NEXT))
        assert "门岗人脸情绪评分" in change_phrase(change, zh)


def test_init_for_a_chinese_service_writes_a_pipl_skeleton_that_passes_check(tmp_path, capsys):
    with pytest.raises(SystemExit) as exc:
        main(["init", str(tmp_path / "gate"), "--jurisdiction", "CN", "--lang", "zh"])
    assert exc.value.code == 0
    m = load_manifest(tmp_path / "gate" / "gate.pia.yaml")
    assert m.regimes == {"CN"} and m.settings.minor_age == 14 and m.language == "zh"
    assert all(a.storage.locations == ["CN"] for a in m.processing_activities)
    assert not [f for f in lint(m) if f.level is not Level.note]  # no transfer abroad, no GDPR rule
    from pia.risk.scoring import assess

    assert assess(m).method == "gbt39335"


def test_init_without_jurisdiction_keeps_the_eu_skeleton(tmp_path):
    from pia.declare.scaffold import BLANK_TEMPLATE, manifest_text

    assert manifest_text("blank", "x", "X") == BLANK_TEMPLATE.read_text(encoding="utf-8").replace(
        "SERVICE_ID", "x").replace("SERVICE_NAME", "X")
    assert "jurisdictions: [EU]" in manifest_text("blank", "x", "X")
