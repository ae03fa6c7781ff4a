"""`pia scan` end to end: exit codes, outputs, problems, and no personal value in anything it writes."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from pia.cli import main
from pia.config import SAMPLE_ESTATE

needs_estate = pytest.mark.skipif(not (SAMPLE_ESTATE / "users.csv").is_file(), reason="data_samples/estate not generated")


def run(argv: list[str], capsys) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exc:
        main(argv)
    out, err = capsys.readouterr()
    return exc.value.code, out, err


@pytest.fixture()
def small_dir(tmp_path: Path) -> Path:
    pd.DataFrame({"user_id": ["U1", "U2", "U3"], "email": ["a1@example.com", "b2@example.com", "c3@example.com"]}) \
        .to_csv(tmp_path / "users.csv", index=False)
    return tmp_path


def test_declared_data_only_exits_0_and_prints_a_table(small_dir, capsys):
    code, out, err = run(["scan", str(small_dir)], capsys)
    assert code == 0
    assert "user.contact.email" in out and "Declared but not found" in out
    assert err == ""  # not a terminal: no progress


def test_json_to_file_is_the_scan_document(small_dir, tmp_path, capsys):
    target = tmp_path / "scan.json"
    code, out, _ = run(["scan", str(small_dir), "--format", "json", "-o", str(target)], capsys)
    doc = json.loads(target.read_text())
    assert code == 0 and out == ""
    assert doc["kind"] == "pia.scan" and doc["manifest"]["sha256"]
    assert [c["column"] for c in doc["columns"]] == ["email", "user_id"]


def test_undeclared_category_exits_1(small_dir, capsys):
    pd.DataFrame({"gender": ["f", "m"]}).to_csv(small_dir / "extra.csv", index=False)
    code, out, _ = run(["scan", str(small_dir)], capsys)
    assert code == 1 and "Found but not declared" in out


def test_nothing_scannable_exits_2_with_one_line_per_problem(tmp_path, capsys):
    (tmp_path / "a.txt").write_text("hello")
    code, out, err = run(["scan", str(tmp_path / "a.txt"), str(tmp_path / "missing.csv")], capsys)
    lines = err.strip().splitlines()
    assert code == 2 and out == ""
    assert len(lines) == 2 and all(line.startswith("pia: ") for line in lines)
    assert "Traceback" not in err


def test_partial_problems_are_reported_on_stderr_but_the_scan_runs(small_dir, tmp_path, capsys):
    (small_dir / "broken.parquet").write_bytes(b"not parquet")
    code, out, err = run(["scan", str(small_dir)], capsys)
    assert code == 0 and "broken.parquet: not a readable Parquet file" in err and "user.contact.email" in out


def test_bad_sample_exits_2(small_dir, capsys):
    code, _, err = run(["scan", str(small_dir), "--sample", "0"], capsys)
    assert code == 2 and "--sample" in err


def test_subprocess_exit_code_and_no_traceback_for_missing_manifest(small_dir):
    proc = subprocess.run([sys.executable, "-m", "pia.cli", "scan", str(small_dir), "--manifest", "nope.yaml"],
                          capture_output=True, text=True, check=False)
    assert proc.returncode == 2 and "nope.yaml: no such file" in proc.stderr and "Traceback" not in proc.stderr


@needs_estate
def test_sample_estate_every_personal_column_found_and_reconciled(capsys, tmp_path):
    target = tmp_path / "scan.json"
    code, _, _ = run(["scan", "--format", "json", "-o", str(target)], capsys)
    doc = json.loads(target.read_text())
    found = {(c["table"], c["column"]): c["category"] for c in doc["columns"]}
    expected = {
        ("users", "user_id"): "user.id", ("users", "username"): "user.account.username",
        ("users", "email"): "user.contact.email", ("users", "phone"): "user.contact.phone_number",
        ("users", "password_hash"): "user.authorization.credentials",
        ("users", "birth_date"): "user.demographic.date_of_birth",
        ("users", "guardian_consent"): "user.authorization.consent",
        ("devices", "device_id"): "user.device.device_id",
        ("devices", "serial_number"): "user.device.camera.serial_number",
        ("devices", "verification_code_hash"): "user.device.camera.verification_code",
        ("alert_snapshots", "storage_uri"): "user.content.camera_snapshot",
        ("orders", "order_id"): "user.order.record",
        ("consents", "consent_id"): "user.authorization.consent",
        ("rights_requests", "request_id"): "user.support",
        ("users", "registered_at"): "user.account.status", ("users", "status"): "user.account.status",
        ("users", "cancelled_at"): "user.account.status", ("users", "country"): "user.contact.address.country",
        ("alert_snapshots", "device_id"): "user.device.device_id",
    }
    expected.update({(t, "user_id"): "user.id" for t in ("users", "devices", "orders", "alert_snapshots", "consents",
                                                           "data_sharing", "rights_requests")})
    assert found == expected  # every personal column, and nothing else (no product, amount, scope, ...)
    assert code == 1  # the shipped estate has planted plaintext secrets and unencrypted snapshots
    plaintext = {i["category"] for i in doc["reconciliation"]["plaintext_sensitive"]}
    assert {"user.authorization.credentials", "user.device.camera.verification_code",
            "user.content.camera_snapshot"} <= plaintext
    # the default is the reference's estate only (data_samples/ also holds other services' estates)
    assert [s["file"].rsplit("/", 1)[-1] for s in doc["skipped"]] == ["expected_violations.json"]


@needs_estate
def test_nothing_printed_or_written_contains_a_personal_value_of_the_estate(capsys, tmp_path):
    target = tmp_path / "scan.json"
    _, table_out, table_err = run(["scan"], capsys)
    _, _, _ = run(["scan", "--format", "json", "-o", str(target)], capsys)
    written = table_out + table_err + target.read_text()
    users = pd.read_csv(SAMPLE_ESTATE / "users.csv", dtype=str, keep_default_na=False)
    devices = pd.read_csv(SAMPLE_ESTATE / "devices.csv", dtype=str, keep_default_na=False)
    values = set()
    for col in ("username", "email", "phone", "password_hash", "birth_date"):
        values |= {v for v in users[col] if len(v) >= 6}
    for col in ("serial_number", "verification_code_hash"):
        values |= {v for v in devices[col] if len(v) >= 6}
    assert len(values) > 1000
    assert [v for v in values if v in written] == []


def test_progress_on_a_terminal_only_and_never_with_json(small_dir, capsys, monkeypatch):
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    _, _, err = run(["scan", str(small_dir)], capsys)
    assert "pia scan: reading" in err and "pia scan: scanning users" in err
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    _, _, err = run(["scan", str(small_dir), "--format", "json"], capsys)
    assert err == ""
