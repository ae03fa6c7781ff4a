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


def test_check_of_a_gdpr_only_service_cites_no_chinese_source(tmp_path):
    """`pia check` findings name the law of the service's regimes (they cited 'GDPR Art. 7(1); PIPL Art. 14')."""
    text = PULSEWEAR.read_text(encoding="utf-8")
    for old, new in [("    consent_scope: health_insights\n", ""),  # consent_scope_missing
                     ("    may_block_service: true", "    may_block_service: true\n    data_subjects: [customers, minors]"),
                     ("    confidentiality_agreement: true\n    location: DE", "    confidentiality_agreement: false\n"
                                                                              "    location: DE"),
                     ("    parent_company: PulseWear Holding B.V.   # estimate: not stated in the notice",
                      "    parent_company: null")]:
        assert old in text
        text = text.replace(old, new, 1)
    # account_management: its data subjects now come after may_block_service (minors on a contract basis)
    text = text.replace("    data_subjects: [customers]\n    legal_basis: contract          # GDPR Art. 6(1)(b)\n",
                        "    legal_basis: contract          # GDPR Art. 6(1)(b)\n", 1)
    path = tmp_path / "gdpr-only.pia.yaml"
    path.write_text(text, encoding="utf-8")
    doc = json.loads(run("check", str(path), "--format", "json"))
    rules = {f["rule"]: f["clause"] for f in doc["findings"]}
    assert {"consent_scope_missing", "recipient_unbound", "ownership_unknown"} <= set(rules)
    assert rules["consent_scope_missing"] == "GDPR Art. 7(1)"
    # GDPR Art. 8(1) conditions consent only: minors on a contract basis get no guardian's-consent note under the GDPR
    assert "minors_without_consent_basis" not in rules
    _no_chinese_source(json.dumps(doc["findings"]))
    for f in doc["findings"]:  # a processor in China is under PIPL Art. 3 whatever the controller's law
        assert f["rule"] == "processed_in_cn" or "PIPL" not in (f["clause"] or ""), f
    # a service under Chinese law keeps its Chinese sources only
    ref = json.loads(run("check", "--format", "json"))
    assert all("GDPR" not in (f["clause"] or "") for f in ref["findings"] if f["rule"] != "text_fallback")
