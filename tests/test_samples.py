"""Synthetic estates: contract shape, determinism, coherence, planted violations, and `pia samples`."""
from __future__ import annotations

import csv
import datetime as dt
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from pia.cli import cli
from pia.config import REFERENCE_MANIFEST
from pia.errors import InputError
from pia.samples.generate import (
    CHECK_IDS,
    DATASETS,
    EXPECTED_FILE,
    MIN_USERS_WITH_VIOLATIONS,
    generate_estate,
)

REF = dt.date(2026, 6, 30)
TS_RE = re.compile(r"^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}(\+08:00)?$")


def rows(root: Path, name: str) -> list[dict[str, str]]:
    with open(root / f"{name}.csv", newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


@pytest.fixture(scope="module")
def clean(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("clean")
    generate_estate(root, 400, 3)
    return root


@pytest.fixture(scope="module")
def planted(tmp_path_factory) -> tuple[Path, dict[str, int]]:
    root = tmp_path_factory.mktemp("planted")
    return root, generate_estate(root, 500, 9, violations=True)


def test_writes_the_seven_contract_files_with_their_headers(clean):
    for name, columns in DATASETS.items():
        with open(clean / f"{name}.csv", encoding="utf-8") as fh:
            assert fh.readline().rstrip("\n").split(",") == list(columns)
    assert sorted(p.name for p in clean.iterdir()) == sorted([f"{n}.csv" for n in DATASETS] + [EXPECTED_FILE])


def test_clean_estate_expects_zero_for_every_check(tmp_path):
    expected = generate_estate(tmp_path, 250, 1)
    assert list(expected) == list(CHECK_IDS) and set(expected.values()) == {0}


def test_violations_plant_every_check_and_json_matches_return_value(planted):
    root, expected = planted
    assert all(expected[c] >= 1 for c in CHECK_IDS)
    text = (root / EXPECTED_FILE).read_text()
    doc = json.loads(text)
    assert doc["failed_rows"] == expected
    assert (doc["reference_date"], doc["seed"], doc["users"], doc["violations"]) == ("2026-06-30", 9, 500, True)
    assert text == json.dumps(doc, indent=2, sort_keys=True) + "\n"


def test_same_seed_same_bytes_other_seed_other_bytes(tmp_path):
    a, b, c = tmp_path / "a", tmp_path / "b", tmp_path / "c"
    generate_estate(a, 300, 42, violations=True)
    generate_estate(b, 300, 42, violations=True)
    generate_estate(c, 300, 43, violations=True)
    for name in list(DATASETS) + ["expected_violations"]:
        suffix = ".json" if name == "expected_violations" else ".csv"
        assert (a / f"{name}{suffix}").read_bytes() == (b / f"{name}{suffix}").read_bytes()
    assert (a / "users.csv").read_bytes() != (c / "users.csv").read_bytes()


def test_shape_per_user_roughly_as_in_the_issue(tmp_path):
    generate_estate(tmp_path, 5000, 2)
    per_user = {n: len(rows(tmp_path, n)) / 5000 for n in DATASETS if n != "users"}
    assert 1.0 < per_user["devices"] < 1.4 and 1.7 < per_user["orders"] < 2.3
    assert 4.0 < per_user["alert_snapshots"] < 6.0 and 1.5 < per_user["consents"] < 2.3
    assert 0.8 < per_user["data_sharing"] < 1.2 and 0.05 < per_user["rights_requests"] < 0.15


def test_children_belong_to_existing_users(clean):
    ids = {r["user_id"] for r in rows(clean, "users")}
    for name in ("devices", "orders", "alert_snapshots", "consents", "data_sharing", "rights_requests"):
        assert {r["user_id"] for r in rows(clean, name)} <= ids, name
    devices = {r["device_id"]: r["user_id"] for r in rows(clean, "devices")}
    assert all(devices[s["device_id"]] == s["user_id"] for s in rows(clean, "alert_snapshots"))


def test_values_are_synthetic_and_well_formed(clean):
    users = rows(clean, "users")
    emails = [u["email"] for u in users if u["email"]]
    assert emails and all(re.fullmatch(r"[a-z]+\.[a-z]+\d+@example\.(com|net|org)", e) for e in emails)
    assert all(re.fullmatch(r"\+[1-9]\d{6,14}", u["phone"]) for u in users if u["phone"])
    assert all(re.fullmatch(r"ZS-[0-9A-Z]{4}-[0-9A-Z]{4}", d["serial_number"]) for d in rows(clean, "devices"))
    hashes = [u["password_hash"] for u in users if u["password_hash"]]
    assert any(h.startswith("$2") and len(h) == 60 for h in hashes) and any(h.startswith("$argon2id$") for h in hashes)


def test_cancelled_users_are_erased_and_old_enough(clean):
    grace_end = dt.datetime(2026, 6, 30) - dt.timedelta(days=15)
    cancelled = [u for u in rows(clean, "users") if u["status"] == "cancelled"]
    assert cancelled
    for u in cancelled:
        assert not any(u[c] for c in ("username", "email", "phone", "birth_date", "password_hash"))
        assert dt.datetime.fromisoformat(u["cancelled_at"][:19].replace("T", " ")) < grace_end


def test_every_timestamp_is_before_reference_date_and_formats_vary(clean):
    seen = set()
    for name, columns in DATASETS.items():
        for r in rows(clean, name):
            for col in columns:
                if col.endswith("_at") and r[col]:
                    assert TS_RE.match(r[col]), (name, col, r[col])
                    when = dt.datetime.fromisoformat(r[col].replace(" ", "T"))
                    when = when.astimezone(dt.UTC) if when.tzinfo else when.replace(tzinfo=dt.UTC)
                    assert when < dt.datetime(2026, 6, 30, tzinfo=dt.UTC)
                    seen.add("T" if "T" in r[col] else " ")
                    seen.add("+08:00" if r[col].endswith("+08:00") else "utc")
    assert seen == {"T", " ", "+08:00", "utc"}


def test_booleans_vary_in_case_and_no_pending_requests_when_clean(clean):
    assert {r["encrypted"] for r in rows(clean, "alert_snapshots")} == {"true", "True", "TRUE"}
    assert {r["status"] for r in rows(clean, "rights_requests")} <= {"completed", "rejected"}


def test_sharing_uses_declared_recipients_and_their_groups(clean):
    m = yaml.safe_load(REFERENCE_MANIFEST.read_text())
    groups = {r["id"]: set(r["data_groups"]) for r in m["recipients"]}
    shares = rows(clean, "data_sharing")
    assert shares and all(set(s["data_categories"].split(";")) <= groups[s["recipient"]] for s in shares)


def test_too_few_users_for_violations_is_an_input_error(tmp_path):
    with pytest.raises(InputError, match=str(MIN_USERS_WITH_VIOLATIONS)):
        generate_estate(tmp_path, MIN_USERS_WITH_VIOLATIONS - 1, 1, violations=True)


def test_manifest_settings_are_respected(tmp_path):
    data = yaml.safe_load(REFERENCE_MANIFEST.read_text())
    data["settings"] = {"minor_age": 14, "erasure_grace_days": 400, "rights_response_days": 15}
    manifest = tmp_path / "m.pia.yaml"
    manifest.write_text(yaml.safe_dump(data, sort_keys=False))
    root = tmp_path / "estate"
    expected = generate_estate(root, 400, 4, violations=True, manifest=manifest)
    doc = json.loads((root / EXPECTED_FILE).read_text())
    assert doc["settings"] == {"minor_age": 14, "erasure_grace_days": 400, "rights_response_days": 15}
    import importlib.util

    from pia.config import PROJECT_ROOT
    spec = importlib.util.spec_from_file_location("bl", PROJECT_ROOT / "benchmarks" / "baseline_pandas.py")
    bl = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bl)
    assert bl.run_checks(root, REF, manifest) == expected
    assert bl.run_checks(root, REF + dt.timedelta(days=900), manifest) == expected


# --------------------------------------------------------------------------- the command


def test_cli_writes_estate_and_prints_one_line_summary(tmp_path):
    target = tmp_path / "estate"
    result = CliRunner().invoke(cli, ["samples", str(target), "--users", "300", "--seed", "5", "--violations"])
    assert result.exit_code == 0, result.output
    assert result.output.count("\n") == 1 and "300 users" in result.output and "20 checks" in result.output
    assert json.loads((target / EXPECTED_FILE).read_text())["seed"] == 5
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]  # temp dir cleaned up


def test_cli_overwrites_a_previous_estate(tmp_path):
    target = tmp_path / "estate"
    runner = CliRunner()
    assert runner.invoke(cli, ["samples", str(target), "--users", "50", "--seed", "1"]).exit_code == 0
    assert runner.invoke(cli, ["samples", str(target), "--users", "60", "--seed", "2"]).exit_code == 0
    assert json.loads((target / EXPECTED_FILE).read_text())["users"] == 60


def test_cli_refuses_non_empty_foreign_directory_exit_2(tmp_path):
    (tmp_path / "notes.txt").write_text("keep me")
    proc = subprocess.run([sys.executable, "-m", "pia.cli", "samples", str(tmp_path), "--users", "20"], check=False,
                          capture_output=True, text=True)
    assert proc.returncode == 2
    assert proc.stderr.count("\n") == 1 and "not empty" in proc.stderr and "Traceback" not in proc.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.txt"]


def test_cli_force_writes_beside_foreign_files(tmp_path):
    (tmp_path / "notes.txt").write_text("keep me")
    result = CliRunner().invoke(cli, ["samples", str(tmp_path), "--users", "20", "--force"])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "notes.txt").read_text() == "keep me" and (tmp_path / "users.csv").exists()


def test_cli_reference_date_option_moves_every_timestamp(tmp_path):
    result = CliRunner().invoke(cli, ["samples", str(tmp_path / "e"), "--users", "30", "--reference-date", "2025-01-01"])
    assert result.exit_code == 0, result.output
    latest = max(r["registered_at"][:10] for r in rows(tmp_path / "e", "users"))
    assert latest < "2025-01-01"
    assert json.loads((tmp_path / "e" / EXPECTED_FILE).read_text())["reference_date"] == "2025-01-01"


def test_cli_too_few_users_for_violations_names_dir_and_leaves_nothing(tmp_path):
    target = tmp_path / "estate"
    proc = subprocess.run([sys.executable, "-m", "pia.cli", "samples", str(target), "--users", "10", "--violations"],
                          check=False, capture_output=True, text=True)
    assert proc.returncode == 2
    assert proc.stderr == f"pia: {target}: --violations needs at least 200 users (got 10)\n"
    assert list(tmp_path.iterdir()) == []


def test_shipped_estate_is_small_and_regenerates_byte_for_byte(tmp_path):
    from pia.config import SAMPLE_ESTATE

    generate_estate(tmp_path, 1800, 7, violations=True, reference_date=REF)
    shipped = sorted(p.name for p in SAMPLE_ESTATE.iterdir())
    assert shipped == sorted(p.name for p in tmp_path.iterdir())
    assert sum((SAMPLE_ESTATE / name).stat().st_size for name in shipped) < 2_000_000
    for name in shipped:  # after a generator change: pia samples data_samples/estate --violations
        assert (SAMPLE_ESTATE / name).read_bytes() == (tmp_path / name).read_bytes(), name
