"""A second service end to end, and the new-user path: `pia init`, `pia taxonomy`, report inputs given or absent."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from pia import config
from pia.cli import cli
from pia.declare.manifest import load_manifest
from pia.declare.taxonomy import load_taxonomy
from pia.errors import InputError

PULSE_DIR = config.DATA_SAMPLES / "pulsewear"
PULSEWEAR = PULSE_DIR / "pulsewear.pia.yaml"
PROPOSED = PULSE_DIR / "pulsewear.proposed.pia.yaml"
REFERENCE_WORDS = ("zosi", "camera", "snapshot", "VII.2", "I.5(")


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, list(args), standalone_mode=False, catch_exceptions=False)
    return result.return_value or 0, result.output


def no_reference_facts(text: str) -> None:
    low = text.lower()
    leaked = [w for w in REFERENCE_WORDS if w.lower() in low]
    assert not leaked, leaked


# --------------------------------------------------------------------------- pulsewear through every command


def test_pulsewear_check_is_clean_of_errors():
    code, out = run("check", str(PULSEWEAR), "--format", "json")
    doc = json.loads(out)
    assert code == 0 and doc["valid"]
    assert {f["rule"] for f in doc["findings"]} == {"sensitive_unencrypted", "recipient_abroad", "processed_in_cn"}


def test_pulsewear_inventory_has_its_own_groups_and_bases():
    code, out = run("inventory", str(PULSEWEAR), "--format", "json")
    doc = json.loads(out)
    rows = doc["data_map"] if "data_map" in doc else doc["rows"]
    assert code == 0
    assert {r["group"] for r in rows} == {"account", "health", "activity", "billing", "diagnostics"}
    assert {r["legal_basis"] for r in rows} == {"contract", "consent", "legitimate_interest", "legal_obligation"}
    no_reference_facts(out)


def test_pulsewear_assess_screens_with_wp248_only():
    code, out = run("assess", str(PULSEWEAR), "--format", "json")
    doc = json.loads(out)
    assert code == 0
    for act in doc["activities"]:
        assert {c["id"].split(".")[0] for c in act["screening"]["criteria"]} <= {"wp248"}
    health = next(a for a in doc["activities"] if a["id"] == "health_insights")
    assert health["screening"]["assessment_required"]  # sensitive data + profiling: two WP248 criteria
    # Ireland and Germany are inside the EU: only the crash reports leave it
    assert doc["method"] == "cnil"  # the method of its regime (GDPR): risk sources, not GB/T 39335 factor groups
    cross = [a["id"] for a in doc["activities"] if "sources abroad" in json.dumps(a)]
    assert cross == ["crash_diagnostics"]


def test_pulsewear_diff_to_proposed_is_significant_on_its_own_facts(tmp_path):
    notice = tmp_path / "notice.md"
    code, out = run("diff", str(PULSEWEAR), str(PROPOSED), "--format", "json", "--notice", str(notice))
    doc = json.loads(out)
    assert code == 0 and doc["significant"]
    paths = {c["path"] for c in doc["changes"]}
    assert {"recipients[research_partner]", "processing_activities[stress_score]", "data_elements[hrv]",
            "controller.ownership.parent_company", "policy.version", "policy.clauses[4.4]"} <= paths
    assert {t["id"] for t in doc["triggers"]} >= {"service_mode", "recipients", "ownership", "contact_channel"}
    assert doc["reconsent_required"]
    text = notice.read_text(encoding="utf-8")
    assert "PulseWear" in text and "University sleep-research group" in text
    assert "zosi" not in (out + text).lower() and "camera" not in (out + text).lower()
    # its own clauses: 9.2 lists these kinds of change, 9.1 requires posting; the rest cite the standard
    assert {t["id"]: t["clause"] for t in doc["triggers"]}["recipients"] == "9.2"
    assert doc["notify"]["clause"] == "9.1" and "VII." not in out and "IV.1" not in out
    # Chapter V whole: adequacy (Art. 45) is the other way a transfer is lawful besides safeguards (Art. 46)
    assert {t["id"]: t["clause"] for t in doc["triggers"]}["cross_border"] == "GDPR Art. 44; GDPR Art. 45; GDPR Art. 46"
    assert "PIPL" not in json.dumps(doc["reasons"]) and "separate consent" not in text  # PIPL Art. 39 is not its law
    assert {r["clause"] for r in doc["reasons"]} <= {"GDPR Art. 6(1)(a); GDPR Art. 5(1)(b)",
                                                      "GDPR Art. 6(1)(a); GDPR Art. 13(1)(e)", "GDPR Art. 9(2)(a)"}


def test_pulsewear_verdict_cites_no_reference_clause():
    code, out = run("assess", str(PULSEWEAR), "--format", "json")
    doc = json.loads(out)
    # a GDPR-only service: the condition of its own law (prior consultation), no Chinese standard
    assert "VII.2" not in doc["verdict"] and "GDPR Art. 36(1)" in doc["verdict"] and "GB/T" not in doc["verdict"]
    # actions: planned measures and the smallest further set, each with the service's own clause (if any)
    clauses = {c for a in doc["actions"] for m in a["planned"] + a["measures"] for c in m["clauses"]}
    assert clauses <= {"7.1", "7.2", "5.1", "GB/T 39335-2020 Annex D"}, clauses


def test_report_params_of_pulsewear_name_only_its_own_inputs():
    from pia.report.params import load_params

    params, used = load_params(PULSE_DIR / "report-params.yaml")
    assert Path(params.manifest) == PULSEWEAR and Path(params.proposed) == PROPOSED
    assert Path(params.estate) == PULSE_DIR / "estate" and params.not_provided() == {}


def test_custom_manifest_never_picks_up_the_reference_inputs(monkeypatch, tmp_path):
    from pia.report.params import load_params

    monkeypatch.chdir(tmp_path)
    params, _ = load_params(None, [("manifest", str(PULSEWEAR))])
    assert (params.proposed, params.estate, params.columns) == ("", "", "")
    assert set(params.not_provided()) == {"proposed", "estate"}
    ref, _ = load_params(None, [("manifest", str(config.REFERENCE_MANIFEST))])  # the shipped manifest: its inputs
    assert ref.proposed and ref.estate and ref.as_of == "2026-06-30"


def test_reports_go_under_the_working_directory(monkeypatch, tmp_path):
    from pia.report.params import load_params
    from pia.report.run import report_dir

    monkeypatch.chdir(tmp_path)
    params, _ = load_params(PULSE_DIR / "report-params.yaml")
    assert report_dir(params) == tmp_path / "reports" / "2026-06-30-pulsewear"
    assert report_dir(params, tmp_path / "x") == tmp_path / "x" / "2026-06-30-pulsewear"


@pytest.mark.slow
def test_pulsewear_report_runs_on_its_own_data_only(tmp_path):
    proc = subprocess.run([sys.executable, "-m", "pia.cli", "report", "--params", str(PULSE_DIR / "report-params.yaml")],
                          capture_output=True, text=True, cwd=tmp_path, timeout=600)
    assert proc.returncode == 0, proc.stderr
    assert "not provided" not in proc.stdout  # manifest, proposed version and estate are all its own
    html = (tmp_path / "reports" / "2026-06-30-pulsewear" / "report.html").read_text(encoding="utf-8")
    assert "PulseWear" in html and "stress score" in html  # the change review of its own proposed version
    assert "accounts.password_hashed" in html  # its own dataset checks
    assert "zosi" not in html.lower() and "camera snapshot" not in html.lower()


# --------------------------------------------------------------------------- pia init


def test_init_blank_passes_check_and_its_params_load(tmp_path):
    code, out = run("init", str(tmp_path / "acme"), "--name", "Acme Fitness")
    assert code == 0
    manifest, params = tmp_path / "acme" / "acme.pia.yaml", tmp_path / "acme" / "acme.params.yaml"
    assert manifest.is_file() and params.is_file()
    proc = subprocess.run([sys.executable, "-m", "pia.cli", "check", str(manifest)], capture_output=True, text=True,
                          cwd=config.PROJECT_ROOT)
    assert proc.returncode == 0, proc.stderr
    m = load_manifest(manifest)
    assert (m.service.id, m.service.name) == ("acme", "Acme Fitness")
    assert "# " in manifest.read_text(encoding="utf-8").splitlines()[0]  # commented for the new user

    from pia.report.params import load_params

    p, _ = load_params(params)
    assert Path(p.manifest) == manifest.resolve() and p.proposed == "" and p.estate == ""


def test_init_from_reference_copies_the_reference(tmp_path):
    code, _ = run("init", str(tmp_path / "svc"), "--from", "reference", "--id", "my-cams")
    m = load_manifest(tmp_path / "svc" / "my-cams.pia.yaml")
    assert code == 0 and m.service.id == "my-cams"
    assert len(m.processing_activities) == len(load_manifest().processing_activities)


def test_init_refuses_to_overwrite_and_bad_ids(tmp_path):
    run("init", str(tmp_path / "a"))
    proc = subprocess.run([sys.executable, "-m", "pia.cli", "init", str(tmp_path / "a")], capture_output=True,
                          text=True, cwd=config.PROJECT_ROOT)
    assert proc.returncode == 2 and "already exists (use --force to overwrite)" in proc.stderr
    with pytest.raises(InputError, match="is not a service id"):
        run("init", str(tmp_path / "b"), "--id", "Bad Id")


# --------------------------------------------------------------------------- pia taxonomy


def test_unknown_key_suggestions_search_names_and_descriptions():
    tax = load_taxonomy()
    assert tax.suggest("user.health.heart_rate")[0] == "user.health.vital_signs"
    assert tax.suggest("user.contact.emial")[0] == "user.contact.email"
    assert "user.location.precise.track" in tax.suggest("user.gps_route")


def test_taxonomy_command_searches_and_filters():
    code, out = run("taxonomy", "heart", "rate", "--format", "json")
    doc = json.loads(out)
    assert code == 0 and [c["key"] for c in doc["categories"]] == ["user.health.vital_signs"]
    assert doc["categories"][0]["sensitive"] and doc["categories"][0]["special_category"].startswith("GDPR Art. 9(1)")
    code, out = run("taxonomy", "--special", "--format", "json")
    keys = {c["key"] for c in json.loads(out)["categories"]}
    assert {"user.health", "user.genetic", "user.biometric", "user.sex_life", "user.demographic.political_opinion",
            "user.demographic.religious_belief", "user.trade_union", "user.demographic.race_ethnicity",
            "user.criminal_history"} <= keys
    code, out = run("taxonomy", "no-such-thing-anywhere")
    assert code == 1 and out.startswith("0 of")


def test_every_sensitive_category_names_its_basis():
    tax = load_taxonomy()
    missing = [c.key for c in tax if c.sensitive and not c.basis]
    assert not missing
    for key in ("user.health", "user.genetic", "user.sex_life", "user.criminal_history", "user.financial",
                "user.location.precise", "user.childrens", "user.biometric"):
        assert tax[key].sensitive, key
    assert not load_taxonomy()["user.location.precise"].special_category  # sensitive under PIPL, not GDPR Art. 9


def test_special_categories_file_block_names_known_keys():
    raw = yaml.safe_load((config.PACKAGE_DATA / "taxonomy.yaml").read_text(encoding="utf-8"))
    assert set(raw["special_categories"]) <= set(raw["categories"])
    assert all(v.startswith(("GDPR Art. 9(1)", "GDPR Art. 10")) for v in raw["special_categories"].values())


# --------------------------------------------------------------------------- its own estate: validate, scan, assess


def test_pulsewear_scan_and_assess_with_its_own_evidence(tmp_path):
    estate = PULSE_DIR / "estate"
    scan_json, val_json = tmp_path / "scan.json", tmp_path / "validation.json"
    code, _ = run("scan", str(estate), "--manifest", str(PULSEWEAR), "--format", "json", "-o", str(scan_json))
    scan = json.loads(scan_json.read_text(encoding="utf-8"))
    assert code == 1  # planted: a few passwords not hashed
    rec = scan["reconciliation"]
    assert rec["undeclared"] == []
    assert [x["category"] for x in rec["plaintext_sensitive"]] == ["user.authorization.credentials"]
    declared = {e.category for e in load_manifest(PULSEWEAR).data_elements}
    assert {x["category"] for x in rec["not_found"]} <= declared
    code, _ = run("validate", str(estate), "--manifest", str(PULSEWEAR), "--as-of", "2026-06-30", "--format", "json",
                  "-o", str(val_json))
    validation = json.loads(val_json.read_text(encoding="utf-8"))
    assert code == 1 and not validation["passed"]
    assert all(c["id"].split(".")[0] in {d.id for d in load_manifest(PULSEWEAR).datasets} for c in validation["checks"])
    code, out = run("assess", str(PULSEWEAR), "--evidence", str(val_json), "--evidence", str(scan_json),
                    "--format", "json")
    doc = json.loads(out)
    assert code == 0 and doc["high_risk"]
    assert {e["kind"] for e in doc["evidence"]} == {"pia.validation", "pia.scan"}
    no_reference_facts(json.dumps(doc["activities"]))


@pytest.mark.parametrize("command", ["scan", "validate"])
def test_another_service_never_gets_the_reference_estate_by_default(command):
    proc = subprocess.run([sys.executable, "-m", "pia.cli", command, "--manifest", str(PULSEWEAR)],
                          capture_output=True, text=True, cwd=config.PROJECT_ROOT)
    assert proc.returncode == 2 and "belongs to the reference service" in proc.stderr and "Traceback" not in proc.stderr


def test_init_params_assess_with_the_method_pia_assess_picks(tmp_path):
    """The params of `pia init` leave the method to the jurisdictions, so the report and `pia assess` agree.

    They used to say `method: gbt39335`, so a GDPR-only service was rated on GB/T 39335 in its report and on the
    CNIL method by `pia assess`.
    """
    from pia.report.data import gather
    from pia.report.params import load_params

    run("init", str(tmp_path / "gym"), "--name", "Gym")  # the skeleton's users are in the EU
    p, _ = load_params(tmp_path / "gym" / "gym.params.yaml")
    assert p.method == ""
    _, out = run("assess", str(tmp_path / "gym" / "gym.pia.yaml"), "--format", "json")
    assert json.loads(out)["method"] == "cnil"
    assert gather(manifest=p.manifest, as_of="2026-06-30", method=p.method).params["method"] == "cnil"


def test_validate_of_a_new_service_without_datasets_says_to_declare_them(tmp_path):
    run("init", str(tmp_path / "gym"))
    (tmp_path / "exports").mkdir()
    (tmp_path / "exports" / "members.csv").write_text("member_id,email\nM1,a@example.com\n", encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "pia.cli", "validate", str(tmp_path / "exports"), "--manifest",
                           str(tmp_path / "gym" / "gym.pia.yaml")], capture_output=True, text=True,
                          cwd=config.PROJECT_ROOT, env={**os.environ, "PIA_GX_WORKER": "0"}, timeout=300)
    assert proc.returncode == 2 and len(proc.stderr.strip().splitlines()) == 1, proc.stderr
    assert "expected users.csv" in proc.stderr and "declares no datasets:" in proc.stderr
