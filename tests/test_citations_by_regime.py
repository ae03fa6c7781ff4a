"""Citations follow the manifest's regimes: a GDPR-only service gets no GB/T (or PIPL) source, the reference keeps its own."""
from __future__ import annotations

import json

from click.testing import CliRunner

from pia import config
from pia.cli import cli
from pia.declare.citations import by_regime
from pia.declare.manifest import load_manifest
from pia.risk.methods import default_method
from pia.risk.scoring import assess, verdict_sentence

PULSE_DIR = config.DATA_SAMPLES / "pulsewear"
PULSEWEAR = PULSE_DIR / "pulsewear.pia.yaml"
CHINESE = ("GB/T", "PIPL Art. 6", "PIPL Art. 17")


def run(*args: str) -> str:
    result = CliRunner().invoke(cli, list(args), standalone_mode=False, catch_exceptions=False)
    return result.output


def _no_chinese_source(text: str) -> None:
    found = [w for w in CHINESE if w in text]
    assert not found, found


def test_by_regime_and_default_method():
    assert by_regime({"CN"}, "A", "B") == "A" and by_regime({"EU"}, "A", "B") == "B"
    assert by_regime({"CN", "EU"}, "A", "B") == "A; B" and by_regime({"US"}, "A", "B") == "A; B"
    assert by_regime({"UK"}, "A", "B") == "B"
    assert default_method(frozenset({"CN"})) == "gbt39335" and default_method(frozenset({"EU"})) == "cnil"
    assert default_method(frozenset({"CN", "EU"})) == "gbt39335"


def test_pulsewear_assess_cites_no_chinese_source(tmp_path):
    for fmt in ("table", "json", "markdown"):
        _no_chinese_source(run("assess", str(PULSEWEAR), "--format", fmt))
    doc = json.loads(run("assess", str(PULSEWEAR), "--format", "json"))
    assert doc["method"] == "cnil"


def test_pulsewear_verdict_without_a_policy_clause_names_the_gdpr_condition():
    m = load_manifest(PULSEWEAR)
    m.policy.clause_for.pop("high_risk_assessment", None)
    result = assess(m)
    text = verdict_sentence(result)
    assert "GDPR Art. 36(1)" in text and "GB/T" not in text


def test_pulsewear_scan_minimisation_and_plaintext_cite_the_gdpr_and_its_own_policy(tmp_path):
    out = tmp_path / "scan.json"
    run("scan", str(PULSE_DIR / "estate"), "--manifest", str(PULSEWEAR), "--format", "json", "-o", str(out))
    text = out.read_text(encoding="utf-8")
    _no_chinese_source(text)
    rec = json.loads(text)["reconciliation"]
    assert all("GDPR Art. 5(1)(c)" in x["reason"] for x in rec["not_found"])
    assert all(x["clause"] == "7.1" for x in rec["plaintext_sensitive"])  # PulseWear's own encryption clause
    _no_chinese_source(run("scan", str(PULSE_DIR / "estate"), "--manifest", str(PULSEWEAR)))


def test_pulsewear_diff_and_cnil_export_cite_no_chinese_source(tmp_path):
    _no_chinese_source(run("diff", str(PULSEWEAR), str(PULSE_DIR / "pulsewear.proposed.pia.yaml"), "--format", "json"))
    _no_chinese_source(run("diff", str(PULSEWEAR), str(PULSE_DIR / "pulsewear.proposed.pia.yaml")))
    out = tmp_path / "cnil.json"
    run("export", str(PULSEWEAR), "--format", "cnil-pia", "-o", str(out))
    _no_chinese_source(out.read_text(encoding="utf-8"))


def test_reference_keeps_its_chinese_sources():
    doc = json.loads(run("assess", "--format", "json"))
    assert doc["method"] == "gbt39335" and "VII.2(5)" in doc["verdict"]
    assert "GB/T 35273-2020 Annex B" in json.dumps(doc["activities"])
