"""`pia check`: consistency findings of a valid manifest, each with its line and clause."""
from __future__ import annotations

import json

from click.testing import CliRunner

from pia.cli import cli
from pia.declare.lint import lint
from pia.declare.manifest import load_manifest


def rules(m) -> dict[str, list]:
    out: dict[str, list] = {}
    for f in lint(m):
        out.setdefault(f.rule, []).append(f)
    return out


def test_reference_has_only_the_known_gaps():
    got = rules(load_manifest())
    # device_binding films children in frame under a contract basis; three flows are not disclosed by the policy;
    # sensitive data (order records, verification codes, video) on a contract basis: PIPL Art. 29 / Art. 28(2) note
    assert set(got) == {"contact_email_missing", "ownership_unknown", "consent_scope_missing",
                        "minors_without_consent_basis", "not_disclosed", "sensitive_without_separate_consent"}
    assert {f.path for f in got["sensitive_without_separate_consent"]} == {
        f"processing_activities[{a}].legal_basis" for a in ("order_fulfilment", "device_binding", "legal_claims")}
    assert got["contact_email_missing"][0].clause == "VIII"


def test_unused_element_is_flagged_with_its_line(reference_data, write_manifest):
    reference_data["data_elements"].append({
        "id": "fingerprint", "name": "Fingerprint", "category": "user.biometric.fingerprint", "group": "account",
        "source": "user_provided", "retention": {"rule": "forever"}, "clauses": ["I.1"]})
    m = load_manifest(write_manifest(reference_data))
    (f,) = rules(m)["element_unused"]
    # named by id, as assumptions name items; the line still points at the element
    assert f.path == "data_elements[fingerprint].id"
    assert f.line is not None and "fingerprint" in f.message


def test_storage_abroad_without_cross_border_flag(reference_data, write_manifest):
    reference_data["processing_activities"][0]["storage"] = {"locations": ["CN", "SG"]}
    reference_data["recipients"][0]["location"] = "US"
    got = rules(load_manifest(write_manifest(reference_data)))
    assert "SG" in got["storage_abroad_undeclared"][0].message
    assert got["recipient_abroad"][0].path == "recipients[payment_processor].location"
    assert got["storage_abroad_undeclared"][0].path == "processing_activities[account_management].storage"


def test_sensitive_data_without_encryption_at_rest(reference_data, write_manifest):
    reference_data["processing_activities"][0]["measures"]["encryption_at_rest"] = "planned"
    (f,) = rules(load_manifest(write_manifest(reference_data)))["sensitive_unencrypted"]
    assert "password" in f.message and f.clause == "III.3"


def test_check_cli_strict_and_schema(tmp_path):
    runner = CliRunner()
    res = runner.invoke(cli, ["check"])
    assert res.exit_code == 0 and "valid manifest; 4 warning(s)" in res.output
    assert "assumptions to confirm" in res.output and "processing_activities[alert_snapshots].storage" in res.output
    res = runner.invoke(cli, ["check", "--strict"], standalone_mode=False)
    assert res.return_value == 1
    res = runner.invoke(cli, ["check", "--format", "json"])
    assert json.loads(res.output)["valid"] is True
    out = tmp_path / "schema.json"
    runner.invoke(cli, ["check", "--schema", "-o", str(out)])
    schema = json.loads(out.read_text())
    assert "data_elements" in schema["properties"] and "$defs" in schema


def test_lint_paths_name_items_by_id_and_keep_lines(reference_data, write_manifest):
    from pia.declare.lint import id_path

    assert id_path(reference_data, ("processing_activities", 4, "recipients", 1)) == \
        "processing_activities[alert_snapshots].recipients[push_provider]"
    assert id_path({"xs": [{"name": "no id"}]}, ("xs", 0, "name")) == "xs[0].name"  # no id: the index stays
    m = load_manifest(write_manifest(reference_data))
    for f in lint(m):
        assert not any(part.isdigit() for part in f.path.split(".")), f.path
        assert f.line is not None, f.path
