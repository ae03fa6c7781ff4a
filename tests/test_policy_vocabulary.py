"""Any service's policy and vocabulary: declared clauses, data groups, GDPR legal bases, rights, jurisdictions."""
from __future__ import annotations

import subprocess
import sys

import pytest
import yaml

from pia.config import DATA_SAMPLES, PROJECT_ROOT
from pia.declare.lint import lint
from pia.declare.manifest import load_manifest
from pia.declare.policy import clause_ancestry
from pia.declare.vocabulary import basis_id, legal_basis_info, regime_of
from pia.errors import InputError

PULSEWEAR = DATA_SAMPLES / "pulsewear" / "pulsewear.pia.yaml"


@pytest.fixture()
def pulse_text() -> str:
    return PULSEWEAR.read_text(encoding="utf-8")


def problems(path) -> list[str]:
    with pytest.raises(InputError) as info:
        load_manifest(path)
    return info.value.lines


def line_of(text: str, needle: str) -> int:
    return next(i for i, line in enumerate(text.splitlines(), 1) if needle in line)


def rules(m) -> dict[str, list]:
    out: dict[str, list] = {}
    for f in lint(m):
        out.setdefault(f.rule, []).append(f)
    return out


# --------------------------------------------------------------------------- the GDPR vocabulary validates


def test_pulsewear_with_gdpr_vocabulary_loads():
    m = load_manifest(PULSEWEAR)
    assert m.policy is not None and m.policy.version == "2.1" and "6.5" in m.policy.clause_ids()
    assert [g.id for g in m.data_groups] == ["account", "health", "activity", "billing", "diagnostics"]
    acts = {a.id: a for a in m.processing_activities}
    assert acts["product_analytics"].legal_basis == "legitimate_interest"
    assert acts["product_analytics"].balancing_test.outcome.startswith("The interest is not overridden")
    assert acts["health_insights"].special_category_basis == "GDPR Art. 9(2)(a)"
    assert {r.kind.value for r in m.rights} >= {"portability", "objection", "restriction", "erasure"}
    assert m.regimes == {"EU"}
    assert m.policy_ref.title == "PulseWear Privacy Notice"


def test_legal_basis_by_article_names_the_same_ground():
    assert basis_id("GDPR Art. 6(1)(f)") == "legitimate_interest"
    assert basis_id("PIPL Art. 13(2)") == "contract"
    assert legal_basis_info("consent").sources == ("PIPL Art. 13(1)", "GDPR Art. 6(1)(a)")
    assert basis_id("I.5(7)") == "I.5(7)"  # a consent exemption of the policy stays itself


def test_article_form_of_legitimate_interest_also_needs_the_balancing_test(pulse_text, write_manifest):
    text = pulse_text.replace("legal_basis: legitimate_interest   # GDPR Art. 6(1)(f)",
                              'legal_basis: "GDPR Art. 6(1)(f)"', 1)
    assert load_manifest(write_manifest(text)).activity("product_analytics").legal_basis == "GDPR Art. 6(1)(f)"


@pytest.mark.parametrize("code, regime", [("NL", "EU"), ("ie", "EU"), ("NO", "EU"), ("GB", "UK"), ("CN", "CN"),
                                          ("US", "US"), ("EU", "EU")])
def test_regime_of_places(code, regime):
    assert regime_of(code) == regime


def test_clause_items_belong_to_their_clause():
    assert clause_ancestry("IV.1(3)") == ["IV.1(3)", "IV.1"]
    assert clause_ancestry("2.3") == ["2.3"]


# --------------------------------------------------------------------------- bad declarations: FILE:LINE: path: message


def test_undeclared_clause_is_refused_with_its_line_and_a_hint(pulse_text, write_manifest):
    text = pulse_text.replace('clauses: ["2.3", "3.1"]', 'clauses: ["2.3", "3.10"]', 1)
    path = write_manifest(text)
    (line,) = problems(path)
    assert line.startswith(f"{path}:{line_of(text, '3.10')}: processing_activities[workout_tracking].clauses.1: '3.10' is not a "
                           "clause reference of the policy")
    assert "did you mean 3.1" in line


def test_an_item_of_a_declared_clause_is_accepted(pulse_text, write_manifest):
    text = pulse_text.replace('clauses: ["2.3", "3.1"]', 'clauses: ["2.3", "3.1(2)"]', 1)
    assert "3.1(2)" in load_manifest(write_manifest(text)).all_clauses()


def test_clause_read_as_a_number_must_be_quoted(pulse_text, write_manifest):
    text = pulse_text.replace('clauses: ["2.3", "3.1"]', "clauses: [2.3, 3.1]", 1)
    lines = problems(write_manifest(text))
    assert len(lines) == 2 and all("was read as a number: quote it" in x for x in lines)


def test_without_declared_clauses_references_are_free_form(pulse_text, write_manifest):
    data = yaml.safe_load(pulse_text)
    del data["policy"]["clauses"]
    data["processing_activities"][0]["clauses"] = ["Art. 4 para. 2", "anything"]
    m = load_manifest(write_manifest(data))
    assert "Art. 4 para. 2" in m.all_clauses()


def test_duplicate_clause_id(pulse_text, write_manifest):
    text = pulse_text.replace('- {id: "1.2", title: Data protection officer', '- {id: "1.1", title: Data protection '
                              'officer', 1)
    (line,) = [x for x in problems(write_manifest(text)) if "duplicate clause id" in x]
    assert ": policy.clauses.2.id: duplicate clause id '1.1' (first defined on line" in line


def test_group_must_be_declared(pulse_text, write_manifest):
    text = pulse_text.replace("    group: health\n", "    group: helth\n", 1)
    path = write_manifest(text)
    (line,) = problems(path)
    assert line.startswith(f"{path}:{line_of(text, 'group: helth')}: data_elements[heart_rate].group: 'helth' is not a "
                           "declared data group")
    assert "did you mean health" in line


def test_recipient_group_must_be_declared(pulse_text, write_manifest):
    text = pulse_text.replace("data_groups: [diagnostics, activity]", "data_groups: [diagnostics, crash]", 1)
    (line,) = problems(write_manifest(text))
    assert ": recipients[band_manufacturer].data_groups.1: 'crash' is not a declared data group" in line


def test_legitimate_interest_without_balancing_test(pulse_text, write_manifest):
    data = yaml.safe_load(pulse_text)
    del data["processing_activities"][4]["balancing_test"]
    (line,) = problems(write_manifest(data))
    assert ": processing_activities[product_analytics].legal_basis: legitimate interest needs a balancing_test" in line
    assert "GDPR Art. 6(1)(f)" in line


def test_balancing_test_with_another_basis_and_missing_part(pulse_text, write_manifest):
    data = yaml.safe_load(pulse_text)
    data["processing_activities"][0]["balancing_test"] = {"interest": "x" * 5}
    lines = problems(write_manifest(data))
    assert any("processing_activities[account_management].balancing_test: a balancing_test is only for legal_basis "
               "legitimate_interest" in x for x in lines)
    assert any("processing_activities[account_management].balancing_test.necessity: required field is missing" in x
               for x in lines)


def test_unknown_legal_basis_lists_what_is_allowed(pulse_text, write_manifest):
    text = pulse_text.replace("legal_basis: legitimate_interest   #", "legal_basis: legitimate_interests   #", 1)
    (line,) = problems(write_manifest(text))
    assert "'legitimate_interests' is not a legal basis" in line and "did you mean legitimate_interest" in line
    assert "none declared under consent_exemptions" in line


def test_bad_special_category_condition(pulse_text, write_manifest):
    text = pulse_text.replace("special_category_basis: GDPR Art. 9(2)(a)", "special_category_basis: GDPR Art. 9(2)(z)")
    (line,) = problems(write_manifest(text))
    assert "processing_activities[health_insights].special_category_basis: 'GDPR Art. 9(2)(z)' is not a condition" in line


def test_unknown_right_lists_the_rights(pulse_text, write_manifest):
    text = pulse_text.replace("  - kind: portability\n", "  - kind: portabilty\n", 1)
    (line,) = problems(write_manifest(text))
    assert "rights.4.kind: 'portabilty' is not a right" in line and "'portability'" in line


def test_consent_exemption_of_the_policy_is_a_legal_basis(reference_text, write_manifest):
    text = reference_text.replace('- {clause: "I.5(8)", summary:', '- {clause: "I.5(8)x", summary:', 1)
    lines = problems(write_manifest(text))
    assert any("'I.5(8)' is not a legal basis" in x and "a consent exemption the manifest declares" in x
               for x in lines)


def test_bad_declaration_exits_2_one_line_per_problem(pulse_text, tmp_path):
    bad = tmp_path / "bad.pia.yaml"
    bad.write_text(pulse_text.replace("    group: health\n", "    group: helth\n", 1)
                   .replace('clauses: ["2.3", "3.1"]', 'clauses: ["2.3", "3.10"]', 1), encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "pia.cli", "check", str(bad)], capture_output=True, text=True,
                          cwd=PROJECT_ROOT)
    assert proc.returncode == 2
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 2 and all(x.startswith(f"pia: {bad}:") for x in lines)
    assert "Traceback" not in proc.stderr


# --------------------------------------------------------------------------- rules that depend on the jurisdiction


def test_pulsewear_lint_uses_gdpr_rules():
    got = rules(load_manifest(PULSEWEAR))
    abroad = got["recipient_abroad"]
    assert [f.path for f in abroad] == ["recipients[band_manufacturer].location"]  # CN; Ireland and Germany: EU
    assert abroad[0].clause == "GDPR Art. 44; GDPR Art. 46"
    assert got["processed_in_cn"][0].clause.startswith("PIPL Art. 3")
    assert "right_missing" not in got and "storage_abroad_undeclared" not in got
    assert all(f.clause is None or not f.clause.startswith(("III.", "IV.", "VII.")) for fs in got.values() for f in fs)


def test_special_category_without_condition_under_gdpr(pulse_text, write_manifest):
    text = pulse_text.replace("    special_category_basis: GDPR Art. 9(2)(a)  # explicit consent for data concerning "
                              "health\n", "", 1)
    (f,) = rules(load_manifest(write_manifest(text)))["special_category_without_condition"]
    assert f.path == "processing_activities[health_insights].legal_basis"
    assert f.clause == "GDPR Art. 9(1); GDPR Art. 9(2)" and f.level.value == "error"
    assert "heart_rate" in f.message


def test_health_data_under_legitimate_interest_without_art_9_2_is_an_error_of_check(pulse_text, write_manifest):
    # GDPR Art. 9(1): processing special categories is prohibited unless an Art. 9(2) condition applies; a
    # legitimate interest (Art. 6(1)(f)) with a balancing test is a legal basis, not such a condition
    text = pulse_text.replace(
        "    legal_basis: consent                       # GDPR Art. 6(1)(a)\n"
        "    special_category_basis: GDPR Art. 9(2)(a)  # explicit consent for data concerning health\n",
        "    legal_basis: legitimate_interest\n    balancing_test: {interest: Better insights, necessity: Needed "
        "readings, impact: Medium, safeguards: Pseudonyms, outcome: Not overridden}\n", 1)
    assert "special_category_basis: GDPR Art. 9(2)(a)" not in text
    path = write_manifest(text)
    proc = subprocess.run([sys.executable, "-m", "pia.cli", "check", str(path)], capture_output=True, text=True,
                          cwd=PROJECT_ROOT, timeout=120)
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    (line,) = [x for x in proc.stdout.splitlines() if ": error: " in x]
    where = text[: text.index("    legal_basis: legitimate_interest")].count("\n") + 1
    assert line.startswith(f"{path}:{where}: processing_activities[health_insights].legal_basis: error: ")
    assert "legitimate_interest" in line and line.endswith("[GDPR Art. 9(1); GDPR Art. 9(2)]")
    # the shipped PulseWear declares its Art. 9(2)(a) condition: no error
    proc = subprocess.run([sys.executable, "-m", "pia.cli", "check", str(PULSEWEAR)], capture_output=True, text=True,
                          cwd=PROJECT_ROOT, timeout=120)
    assert proc.returncode == 0 and ": error: " not in proc.stdout


def test_gdpr_rights_are_required_in_the_eu(pulse_text, write_manifest):
    data = yaml.safe_load(pulse_text)
    data["rights"] = [r for r in data["rights"] if r["kind"] not in ("portability", "objection")]
    got = {f.message.split("'")[1]: f.clause for f in rules(load_manifest(write_manifest(data)))["right_missing"]}
    assert got == {"portability": "GDPR Art. 20", "objection": "GDPR Art. 21"}


def test_automated_decisions_need_the_explanation_right(pulse_text, write_manifest):
    data = yaml.safe_load(pulse_text)
    data["processing_activities"][4]["automated_decisions"] = True
    (f,) = rules(load_manifest(write_manifest(data)))["right_missing"]
    assert "automated_decision_explanation" in f.message and f.clause == "GDPR Art. 22(3)"


def test_legitimate_interest_is_not_a_pipl_ground(reference_data, write_manifest):
    act = reference_data["processing_activities"][6]  # email_tracking, CN controller
    act["legal_basis"] = "legitimate_interest"
    act["balancing_test"] = {k: "assessed" for k in ("interest", "necessity", "impact", "safeguards", "outcome")}
    (f,) = rules(load_manifest(write_manifest(reference_data)))["basis_not_in_law"]
    assert f.clause == "PIPL Art. 13" and "GDPR Art. 6(1)(f)" in f.message


def test_screening_frameworks_follow_the_jurisdictions():
    from pia.risk.screening import Framework, screen

    pulse = load_manifest(PULSEWEAR)
    assert {c.framework for c in screen(pulse, "health_insights")} == {Framework.wp248}
    ref = load_manifest()
    # no jurisdictions declared: every framework, but the Platform Work Directive only for a service with platform workers
    assert {c.framework for c in screen(ref, "alert_snapshots")} == set(Framework) - {Framework.pwd}


def test_reference_declares_its_clauses_groups_and_exemptions():
    m = load_manifest()
    assert m.policy is not None and len(m.policy.clauses) == 37
    assert {g.id for g in m.data_groups} == {"account", "order", "device", "snapshot", "tracking"}
    assert [x.clause for x in m.consent_exemptions] == [f"I.5({n})" for n in range(1, 12)]
    assert m.policy.title_of("IV.1(3)") == "Sharing"
