"""The kit serves any service under PIPL, the GDPR or both: citations and clauses come from the service and its law.

Each test fails on the kit as a new-user trial found it (reference clauses and GDPR Art. 9 cited for every service).
"""
from __future__ import annotations

import copy
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
import yaml

from pia import config
from pia.changes.render import render_markdown, render_table
from pia.changes.rules import review
from pia.declare.lint import lint
from pia.declare.manifest import load_manifest
from pia.discovery.scan import scan
from pia.i18n import use_language
from pia.report.data import gather
from pia.report.params import ReportParams
from pia.report.sections import reconciliation_reason
from pia.risk.scoring import assess, harm_source, verdict_sentence
from pia.sources import unknown

PULSE_DIR = config.DATA_SAMPLES / "pulsewear"
PULSEWEAR = PULSE_DIR / "pulsewear.pia.yaml"
REFERENCE = config.REFERENCE_MANIFEST

_W = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)


def _national_id(seq: int) -> str:
    body = f"11010119900307{seq:03d}"
    return body + "10X98765432"[sum(int(c) * w for c, w in zip(body, _W, strict=False)) % 11]


def variant(tmp_path: Path, source: Path, change: Callable[[dict[str, Any]], None], name: str = "v") -> Path:
    """A copy of a manifest with `change` applied to its data (paths in it stay relative to the sample's folder)."""
    data = yaml.safe_load(source.read_text(encoding="utf-8"))
    change(data)
    out = source.parent / f".{name}-{tmp_path.name}.pia.yaml"
    out.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return out


@pytest.fixture
def cleanup():
    made: list[Path] = []
    yield made
    for p in made:
        p.unlink(missing_ok=True)


def _base_steps(result) -> dict[str, str]:
    """Most harmful element -> source of the impact.base step, over every activity and event."""
    out = {}
    for a in result.activities:
        for s in a.factors:
            if s.rule == "impact.base":
                out[s.reason.removeprefix("most harmful data: ").split(" ")[0]] = s.source
    return out


# --------------------------------------------------------------------------- 1. what makes data harmful


def test_most_harmful_data_cites_its_own_reason_under_the_gdpr():
    sources = _base_steps(assess(load_manifest(PULSEWEAR)))
    assert sources["heart_rate"] == "GDPR Art. 9(1) (data concerning health)"
    assert sources["gps_track"].startswith("WP248 criterion 4")  # location data: highly personal (WP248)
    # neither a password hash nor a pseudonymous id is a special category: the kit's own choice, labelled so
    assert sources["password_hash"].startswith("pia default:") and "Art. 9" not in sources["password_hash"]
    assert sources["analytics_id"].startswith("pia default:")
    assert not any("through the pia taxonomy" in s for s in sources.values())
    assert all(unknown(s) == [] for s in sources.values())


def test_most_harmful_data_cites_pipl_and_gbt_under_chinese_law():
    sources = _base_steps(assess(load_manifest(REFERENCE)))
    assert "PIPL Art. 28" in sources["alert_snapshot"] and "GB/T 35273-2020 Annex B" in sources["alert_snapshot"]
    assert sources["guardian_consent"] == "PIPL Art. 28; GB/T 35273-2020 3.2"  # sensitive by the manifest's override
    assert sources["email"].startswith("pia default:")
    assert not any("GDPR" in s for s in sources.values())
    assert all(unknown(s) == [] for s in sources.values())


@pytest.mark.parametrize(("category", "regimes", "expected"), [
    ("user.criminal_history", {"EU"}, "GDPR Art. 10 (personal data relating to criminal convictions and offences)"),
    ("user.criminal_history", {"CN"}, "GB/T 35273-2020 Annex B (undisclosed criminal records)"),
    ("user.childrens", {"EU"}, "WP248 criterion 7 (vulnerable data subjects: children)"),
    ("user.health.sleep", {"CN", "EU"}, "GDPR Art. 9(1) (data concerning health); PIPL Art. 28 (medical health); "
                                        "GB/T 35273-2020 Annex B (personal health and physiological information)"),
])
def test_harm_source_by_category_and_regime(category, regimes, expected):
    element = load_manifest(PULSEWEAR).data_elements[0].model_copy(update={"category": category, "sensitivity": None})
    assert harm_source(element, frozenset(regimes)) == expected
    assert unknown(expected) == []


# --------------------------------------------------------------------------- 2. the service's rectification clause


def _modification_reasons(m) -> set[str]:
    return {s.reason for a in assess(m).activities for s in a.factors if s.rule == "impact.feared_event"
            and s.reason.startswith("unwanted modification")}


def test_altered_data_cites_the_services_own_rectification_clause(tmp_path, cleanup):
    assert _modification_reasons(load_manifest(PULSEWEAR)) == {
        "unwanted modification: altered data can be corrected (6.2) and harms less than disclosure"}
    assert all("(V.1)" in r for r in _modification_reasons(load_manifest(REFERENCE)))
    path = variant(tmp_path, PULSEWEAR, lambda d: d.update(rights=[r for r in d["rights"]
                                                                   if r["kind"] != "rectification"]))
    cleanup.append(path)
    assert _modification_reasons(load_manifest(path)) == {
        "unwanted modification: altered data can be corrected and harms less than disclosure"}


# --------------------------------------------------------------------------- 3. scan findings cite the service's clauses


def _undeclared_id(tmp_path: Path, manifest: Path) -> dict[str, Any]:
    tables = tmp_path / "tables"
    tables.mkdir(exist_ok=True)
    pd.DataFrame({"id_card": [_national_id(i) for i in range(30)]}).to_csv(tables / "members.csv", index=False)
    items = scan([tables], manifest=load_manifest(manifest)).reconciliation["undeclared"]
    return next(i for i in items if i["category"] == "user.government_id.national_identification_number")


def test_undeclared_data_cites_the_services_collection_and_change_clauses(tmp_path):
    item = _undeclared_id(tmp_path, PULSEWEAR)
    assert item["clause"] == "2" and item["clauses"] == ["2", "9.2"]
    assert "section I" not in item["reason"] and "VII.2" not in item["reason"]
    assert "(2) does not disclose" in item["reason"] and "significant change under 9.2" in item["reason"]
    with use_language("zh"):
        zh = reconciliation_reason("undeclared", item, 1)
    assert "（2）" in zh and "9.2" in zh and "VII.2" not in zh and "第 I 节" not in zh


def test_undeclared_data_without_declared_clauses_says_the_manifest_declares_none(tmp_path, cleanup):
    def drop(d: dict[str, Any]) -> None:
        for k in ("collection", "service_mode"):
            d["policy"]["clause_for"].pop(k)

    path = variant(tmp_path, PULSEWEAR, drop)
    cleanup.append(path)
    item = _undeclared_id(tmp_path, path)
    assert item["clauses"] == [] and item["clause"] == "GDPR Art. 13"
    assert "declares no clause listing the collected data" in item["reason"]
    assert "declares no clause on notifying users" in item["reason"] and "VII.2" not in item["reason"]
    with use_language("zh"):
        zh = reconciliation_reason("undeclared", item, 1)
    assert "清单未声明列出" in zh and "VII.2" not in zh


def test_reference_undeclared_data_keeps_its_section_i_and_vii21(tmp_path):
    item = _undeclared_id(tmp_path, REFERENCE)
    assert item["clause"] == "I" and item["clauses"] == ["I", "VII.2(1)"]


# --------------------------------------------------------------------------- 4. tables but no datasets declared


def test_report_with_tables_and_no_datasets_runs_discovery_only(tmp_path, cleanup):
    def drop(d: dict[str, Any]) -> None:
        d.pop("datasets")
        d.pop("checks")

    path = variant(tmp_path, PULSEWEAR, drop)
    cleanup.append(path)
    estate = str(PULSE_DIR / "estate")
    data = gather(str(path), estate=estate, as_of="2026-06-30")  # raised: the reference's tables were expected
    assert data.validation is None and data.scan is not None
    assert set(data.not_provided) == {"datasets", "proposed"}
    params = ReportParams(manifest=str(path), estate=estate, as_of="2026-06-30")
    assert "datasets" in params.not_provided()
    assert "datasets" not in ReportParams(manifest=str(PULSEWEAR), estate=estate, as_of="2026-06-30").not_provided()


# --------------------------------------------------------------------------- 5. prior consultation and the action plan


def test_prior_consultation_is_needed_unless_the_plan_is_carried_out_first():
    result = assess(load_manifest(PULSEWEAR))
    bad = result.unacceptable_activities()
    assert [a.id for a in bad] == ["authority_requests"] and bad[0].target_level == "medium"
    text = verdict_sentence(result)
    assert "GDPR Art. 36(1)" in text
    assert "prior consultation under GDPR Art. 36(1) is needed unless the action plan is carried out before the " \
           "processing" in text
    assert "unless the action plan" not in verdict_sentence(assess(load_manifest(REFERENCE)))  # PIPL only


# --------------------------------------------------------------------------- 6. a new activity that needs a DPIA


def test_diff_flags_a_new_activity_whose_screening_requires_a_dpia(tmp_path, cleanup):
    def add(d: dict[str, Any]) -> None:
        act = copy.deepcopy(next(a for a in d["processing_activities"] if a["id"] == "health_insights"))
        act["id"] = "sleep_coaching"
        d["processing_activities"].append(act)

    path = variant(tmp_path, PULSEWEAR, add)
    cleanup.append(path)
    cr = review(load_manifest(PULSEWEAR), load_manifest(path))
    flagged = cr.risk.assessment_required
    assert [(x.activity, x.level) for x in flagged] == [("sleep_coaching", "medium")]  # medium, yet a DPIA
    assert flagged[0].wp248_met >= 2 and unknown(flagged[0].clause) == []
    assert "GDPR Art. 35(1)" in flagged[0].clause
    assert "impact assessment required before new activity sleep_coaching" in render_table(cr)
    assert "sleep_coaching" in render_markdown(cr).split("## Impact assessment")[1]
    assert cr.to_dict()["risk"]["assessment_required"][0]["activity"] == "sleep_coaching"


def test_diff_does_not_flag_a_changed_activity_that_existed_before(tmp_path, cleanup):
    def reword(d: dict[str, Any]) -> None:
        next(a for a in d["processing_activities"] if a["id"] == "health_insights")["purpose"] = "Sleep trends."

    path = variant(tmp_path, PULSEWEAR, reword)
    cleanup.append(path)
    cr = review(load_manifest(PULSEWEAR), load_manifest(path))
    assert cr.changes and cr.risk.assessed and cr.risk.assessment_required == []


# --------------------------------------------------------------------------- 7. lint notes by law


def test_pipl_sensitive_data_on_contract_gets_the_separate_consent_note(tmp_path, cleanup):
    found = [f for f in lint(load_manifest(REFERENCE)) if f.rule == "sensitive_without_separate_consent"]
    assert "processing_activities[order_fulfilment].legal_basis" in {f.path for f in found}
    assert all(f.clause == "PIPL Art. 29; PIPL Art. 13; PIPL Art. 28(2)" and unknown(f.clause) == [] for f in found)

    def national_id(d: dict[str, Any]) -> None:  # the trial's case: a national ID number processed on contract
        d["data_elements"].append({**d["data_elements"][0], "id": "id_number",
                                   "category": "user.government_id.national_identification_number"})
        d["data_elements"][-1].pop("sensitivity", None)
        d["processing_activities"][0]["legal_basis"] = "contract"
        d["processing_activities"][0]["data_elements"].append("id_number")

    path = variant(tmp_path, REFERENCE, national_id)
    cleanup.append(path)
    m = load_manifest(path)
    first = m.processing_activities[0].id
    notes = {f.path: f for f in lint(m) if f.rule == "sensitive_without_separate_consent"}
    assert "id_number" in notes[f"processing_activities[{first}].legal_basis"].message

    def separate_consent(d: dict[str, Any]) -> None:
        national_id(d)
        d["processing_activities"][0]["special_category_basis"] = "PIPL Art. 29"

    path2 = variant(tmp_path, REFERENCE, separate_consent, "w")
    cleanup.append(path2)
    assert f"processing_activities[{first}].legal_basis" not in {
        f.path for f in lint(load_manifest(path2)) if f.rule == "sensitive_without_separate_consent"}
    # no PIPL, no note
    assert not [f for f in lint(load_manifest(PULSEWEAR)) if f.rule == "sensitive_without_separate_consent"]


def test_controller_outside_the_eu_with_eu_users_gets_the_representative_note(tmp_path, cleanup):
    assert not [f for f in lint(load_manifest(PULSEWEAR)) if f.rule == "eu_representative"]  # established in NL
    path = variant(tmp_path, PULSEWEAR, lambda d: d["controller"].update(jurisdiction="US"))
    cleanup.append(path)
    (note,) = [f for f in lint(load_manifest(path)) if f.rule == "eu_representative"]
    assert note.clause == "GDPR Art. 3(2); GDPR Art. 27" and unknown(note.clause) == []
    assert note.path == "controller.jurisdiction" and "US" in note.message
    assert not [f for f in lint(load_manifest(REFERENCE)) if f.rule == "eu_representative"]  # no EU users
