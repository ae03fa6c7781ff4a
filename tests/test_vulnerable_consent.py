"""Vulnerable data subjects (WP248 criterion 7), consent that is not free (GDPR Recital 43, Art. 7(4), PIPL Art. 16)
and the age of a minor per regime (GDPR Art. 8(1), PIPL Art. 28 and 31), on ExamSight (GDPR + PIPL)."""
from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from pia.cli import cli
from pia.declare.consent import consent_findings
from pia.declare.lint import lint
from pia.declare.manifest import load_manifest, parse_manifest
from pia.errors import InputError
from pia.risk.scoring import assess
from pia.risk.screening import screen, summary
from pia.sources import load_sources

ROOT = Path(__file__).resolve().parents[1]
EXAMSIGHT = ROOT / "data_samples" / "examsight" / "examsight.pia.yaml"
EXAMSIGHT_NEXT = ROOT / "data_samples" / "examsight" / "examsight.proposed.pia.yaml"


@pytest.fixture(autouse=True)
def _english():
    from pia.i18n import use_language

    with use_language("en"):
        yield


@pytest.fixture()
def es() -> dict:
    return yaml.safe_load(EXAMSIGHT.read_text(encoding="utf-8"))


def _m(data: dict, *, jurisdictions: list[str] | None = None, controller: str | None = None):
    data = copy.deepcopy(data)
    data["assumptions"] = []  # the variants change the facts the assumptions name
    if jurisdictions is not None:
        data["service"]["jurisdictions"] = jurisdictions
    if controller is not None:
        data["controller"]["jurisdiction"] = controller
    return parse_manifest(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), "variant.pia.yaml")


def _act(data: dict, ident: str) -> dict:
    return next(a for a in data["processing_activities"] if a["id"] == ident)


def _met(m, activity: str) -> set[str]:
    return {c.id for c in screen(m, activity) if c.met}


def _impact_lines(m, activity: str) -> list:
    act = next(a for a in assess(m).activities if a.id == activity)
    return [s for s in act.factors if s.stage.value == "inherent" and s.feared_event.value == "illegitimate_access"
            and s.rule.startswith("impact.vulnerable")]


# --------------------------------------------------------------------------- 1. vulnerable data subjects


@pytest.mark.parametrize("kind", ["employees", "students", "patients", "elderly", "asylum_seekers", "vulnerable",
                                  "platform_workers"])
def test_each_vulnerable_kind_meets_wp248_criterion_7_but_not_the_gbt_minors_criterion(es, kind):
    _act(es, "website_analytics")["data_subjects"] = ["website_visitors", kind]
    m = _m(es)
    met = _met(m, "website_analytics")
    assert "wp248.7" in met and "gbt39335.vulnerable" not in met
    (c,) = [c for c in screen(m, "website_analytics") if c.id == "wp248.7"]
    assert kind in c.evidence


def test_criterion_7_counts_once_for_a_minor_who_is_a_student(es):
    for a in es["processing_activities"]:
        a["data_subjects"] = [s for s in a["data_subjects"] if s != "students"]
    alone = _m(es)
    _act(es, "account_management")["data_subjects"].append("students")
    both = _m(es)
    assert summary(screen(both, "account_management"))["wp248_met"] == summary(screen(alone, "account_management"))["wp248_met"]
    one = {a.id: a.stages for a in assess(alone).activities}
    two = {a.id: a.stages for a in assess(both).activities}
    assert one["account_management"] == two["account_management"]  # the same levels: one criterion-7 fact in the severity
    (line,) = _impact_lines(both, "account_management")
    assert line.after != line.before and "students" in line.reason


@pytest.mark.parametrize("kind", ["employees", "platform_workers"])
def test_severity_counts_employees_where_the_gdpr_applies_with_its_source(es, kind):
    _act(es, "website_analytics")["data_subjects"] = [kind]
    eu = _m(es, jurisdictions=["EU"])
    (line,) = _impact_lines(eu, "website_analytics")
    assert line.after != line.before
    assert line.source == "GDPR Recital 75; WP248 criterion 7 (one level up: pia default)"
    plain = copy.deepcopy(es)
    _act(plain, "website_analytics")["data_subjects"] = ["website_visitors"]
    assert not _impact_lines(_m(plain, jurisdictions=["EU"]), "website_analytics")


@pytest.mark.parametrize("kind", ["employees", "platform_workers"])
def test_severity_does_not_count_employees_under_chinese_law_alone_and_says_why(es, kind):
    _act(es, "website_analytics")["data_subjects"] = [kind]
    cn = _m(es, jurisdictions=["CN"], controller="CN")
    assert "wp248.7" not in _met(cn, "website_analytics")  # WP248 is not screened under PIPL alone
    (line,) = _impact_lines(cn, "website_analytics")
    assert line.rule == "impact.vulnerable_screening_only" and line.after == line.before
    assert line.source.startswith("pia default:")
    # under Chinese law alone neither the source nor the reason cites the GDPR's guidance
    assert "GDPR" not in line.source and "WP248" not in line.reason
    plain = copy.deepcopy(es)
    _act(plain, "website_analytics")["data_subjects"] = ["website_visitors"]
    assert {a.id: a.level for a in assess(cn).activities} == \
        {a.id: a.level for a in assess(_m(plain, jurisdictions=["CN"], controller="CN")).activities}


def test_unknown_data_subject_kind_is_one_line_with_its_line(es, write_manifest):
    _act(es, "website_analytics")["data_subjects"] = ["website_visitors", "pupils"]
    path = write_manifest(es, "bad.pia.yaml")
    with pytest.raises(InputError) as err:
        load_manifest(path)
    (p,) = err.value.problems
    assert p.line is not None and "data_subjects" in p.path and "students" in p.message


# --------------------------------------------------------------------------- consent findings


def test_consent_from_students_is_flagged_under_the_gdpr_only(es):
    m = _m(es)
    (f,) = [f for f in consent_findings(m) if f.rule == "consent_imbalance"]
    assert f.activity == "identity_check" and f.source == "GDPR Recital 43; EDPB Guidelines 05/2020 3.1.1"
    assert not [f for f in consent_findings(_m(es, jurisdictions=["CN"], controller="CN"))
                if f.rule == "consent_imbalance"]
    _act(es, "identity_check")["data_subjects"] = ["customers", "minors"]  # no one who depends on the controller
    assert not [f for f in consent_findings(_m(es)) if f.rule == "consent_imbalance"]


def test_a_contract_basis_with_employees_is_no_consent_finding(es):
    _act(es, "account_management")["data_subjects"] = ["employees"]
    assert not [f for f in consent_findings(_m(es)) if f.activity == "account_management"]


@pytest.mark.parametrize(("jurisdictions", "controller", "source"), [
    (["EU"], "NL", "GDPR Art. 7(4); GDPR Recital 43; EDPB Guidelines 05/2020 3.1.2"),
    (["CN"], "CN", "PIPL Art. 16"),
    (["EU", "CN"], "NL", "GDPR Art. 7(4); GDPR Recital 43; EDPB Guidelines 05/2020 3.1.2; PIPL Art. 16"),
])
def test_consent_that_conditions_the_service_cites_the_laws_of_the_service(es, jurisdictions, controller, source):
    _act(es, "identity_check")["refusal_denies_service"] = True
    m = _m(es, jurisdictions=jurisdictions, controller=controller)
    (f,) = [f for f in consent_findings(m) if f.rule == "consent_conditions_service"]
    assert f.activity == "identity_check" and f.source == source and f.field == "refusal_denies_service"


def test_no_conditionality_finding_when_necessary_or_not_denied_or_not_consent(es):
    act = _act(es, "identity_check")
    for facts in ({"refusal_denies_service": True, "necessary_for_service": True}, {"refusal_denies_service": False},
                  {}):
        act.pop("refusal_denies_service", None)
        act.update(facts)
        assert not [f for f in consent_findings(_m(es)) if f.rule == "consent_conditions_service"], facts
    _act(es, "exam_recording")["refusal_denies_service"] = True  # a contract: Art. 7(4) is about consent
    assert not [f for f in consent_findings(_m(es)) if f.rule == "consent_conditions_service"]


def test_proposed_examsight_shows_the_conditionality_finding_in_assess_json_and_report_text():
    res = CliRunner().invoke(cli, ["assess", str(EXAMSIGHT_NEXT), "--format", "json"], catch_exceptions=False)
    doc = json.loads(res.stdout)
    by_id = {a["id"]: a for a in doc["activities"]}
    rules = {f["rule"] for f in by_id["identity_check"]["consent_findings"]}
    assert rules == {"consent_imbalance", "consent_conditions_service"}
    assert by_id["website_analytics"]["consent_findings"] == []
    assert all(f["message"].isascii() for f in by_id["identity_check"]["consent_findings"])  # JSON stays English
    current = json.loads(CliRunner().invoke(cli, ["assess", str(EXAMSIGHT), "--format", "json"]).stdout)
    assert {f["rule"] for a in current["activities"] for f in a["consent_findings"]} == {"consent_imbalance"}
    text = CliRunner().invoke(cli, ["assess", str(EXAMSIGHT_NEXT), "--lang", "zh"]).stdout
    assert "PIPL Art. 16" in text and "拒绝" in text
    assert {f.rule for f in lint(load_manifest(EXAMSIGHT_NEXT))} >= {"consent_imbalance", "consent_conditions_service"}


def test_every_new_citation_is_in_the_catalogue():
    from pia.declare.consent import CONDITIONAL_SOURCES, IMBALANCE_SOURCE
    from pia.declare.subjects import LAW_FLOOR, SEVERITY_SOURCE

    known = load_sources()
    cited = [IMBALANCE_SOURCE, SEVERITY_SOURCE, *CONDITIONAL_SOURCES.values(), *(s for _a, s in LAW_FLOOR.values())]
    for citation in cited:
        for part in citation.split("; "):
            assert part in known, part


# --------------------------------------------------------------------------- 3. the age of a minor per regime


def test_age_per_regime_is_used_by_each_regimes_rules_and_texts(es):
    m = _m(es)  # minor_age: {EU: 16, CN: 14}
    assert m.settings.minor_age == {"CN": 14, "EU": 16}
    assert (m.settings.minor_age_for("NL"), m.settings.minor_age_for("CN"), m.settings.highest_minor_age) == (16, 14, 16)
    found = {f.rule: f for f in lint(m)}
    assert "below 16" in found["minors_parental_consent"].message  # GDPR Art. 8(1)
    assert "under 14" in found["minors_without_consent_basis"].message  # PIPL Art. 31
    crit = {c.id: c for c in screen(m, "account_management")}
    assert "minors under 14" in crit["gbt39335.vulnerable"].evidence
    assert "minors under 16" in crit["wp248.7"].evidence
    es["settings"]["minor_age"] = {"EU": 13, "CN": 14}
    assert "below 13" in {f.rule: f for f in lint(_m(es))}["minors_parental_consent"].message


def test_a_single_age_still_works_for_every_regime(es):
    es["settings"]["minor_age"] = 16
    m = _m(es)
    assert m.settings.minor_age == 16 and m.settings.minor_age_for("CN") == 16 and m.settings.highest_minor_age == 16
    assert "minors under 16" in {c.id: c for c in screen(m, "account_management")}["gbt39335.vulnerable"].evidence
    assert load_manifest().settings.minor_age == 18  # the reference manifest is unchanged


def test_an_age_below_what_a_law_protects_is_a_warning(es):
    es["settings"]["minor_age"] = {"EU": 12, "CN": 13}
    found = [f for f in lint(_m(es)) if f.rule == "minor_age_below_law"]
    assert {f.clause for f in found} == {"GDPR Art. 8(1)", "PIPL Art. 28; PIPL Art. 31"}
    es["settings"]["minor_age"] = {"EU": 13, "CN": 14}
    assert not [f for f in lint(_m(es)) if f.rule == "minor_age_below_law"]


@pytest.mark.parametrize(("value", "words"), [
    ({"EU": 16}, "no age for CN"),
    ({"EU": 16, "NL": 15, "CN": 14}, "second age for the regime EU"),
    ({"EU": 30, "CN": 14}, "EU: 30 is not an age from 1 to 25"),
    ({"EU": "sixteen", "CN": 14}, "not an age in whole years"),
    ({}, "not an empty mapping"),
    (True, "not an age in whole years"),
])
def test_bad_minor_age_is_one_line_with_file_and_line(es, write_manifest, value, words):
    es["settings"]["minor_age"] = value
    path = write_manifest(es, "age.pia.yaml")
    with pytest.raises(InputError) as err:
        load_manifest(path)
    (p,) = err.value.problems
    assert words in p.message and p.path == "settings.minor_age"
    assert p.line == path.read_text(encoding="utf-8").splitlines().index(
        next(x for x in path.read_text(encoding="utf-8").splitlines() if x.strip().startswith("minor_age"))) + 1
    assert str(p).count("\n") == 0 and str(path) in str(p)


def test_datasets_and_samples_use_the_highest_age(es):
    from pia.validation.run import _settings

    m = _m(es)
    import datetime as dt

    assert _settings(m, {}, dt.date(2026, 6, 30))["minor_age"] == 16


def test_fideslang_export_declares_the_new_subject_kinds():
    fideslang = pytest.importorskip("fideslang")
    from fideslang.models import Taxonomy

    from pia.export.fides import fideslang_document, to_yaml

    t = Taxonomy.model_validate(yaml.safe_load(to_yaml(fideslang_document(load_manifest(EXAMSIGHT)))))
    known = {s.fides_key for s in fideslang.DEFAULT_TAXONOMY.data_subject} | {s.fides_key for s in t.data_subject or []}
    used = {s for sys in t.system for d in sys.privacy_declarations for s in d.data_subjects}
    assert "student" in used and used <= known


def test_report_lists_each_consent_finding_once_by_activity_name():
    from pia.report import run as report

    data = report.gather(str(EXAMSIGHT_NEXT), None, as_of="2026-06-30", run_started="2026-06-30T00:00:00Z", lang="en")
    findings, risk = report.findings_html(data), report.risk_html(data)
    # the legal-findings section carries them (pia check's lint), the risk section does not repeat them
    assert findings.count("Identity check with face matching") >= 2
    assert "PIPL Art. 16" in findings and "who depend on their school" in findings
    assert "who depend on their school" not in risk and "Consent that may not be freely given" not in risk
    current = report.gather(str(EXAMSIGHT), None, as_of="2026-06-30", run_started="2026-06-30T00:00:00Z", lang="en")
    assert "PIPL Art. 16" not in report.risk_html(current) + report.findings_html(current)
