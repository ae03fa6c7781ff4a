"""`pia validate`: exit codes, formats, output file, suite export, skipped files and input errors."""
from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from pia.cli import main

_spec = importlib.util.spec_from_file_location(
    "boundary_estate", Path(__file__).parent / "fixtures" / "validation" / "boundary_estate.py")
boundary = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(boundary)


def run(capsys, *args):
    with pytest.raises(SystemExit) as exc:
        main(["validate", *map(str, args)])
    out, err = capsys.readouterr()
    return exc.value.code, out, err


@pytest.fixture(scope="module")
def estate(tmp_path_factory):
    return boundary.write(tmp_path_factory.mktemp("estate"))


@pytest.fixture(scope="module")
def clean(tmp_path_factory):
    """Only the rows of the boundary estate that pass every check (users, orders, rights)."""
    d = tmp_path_factory.mktemp("clean")
    keep = {"users": {"U01", "U02", "U04", "U05", "U09", "U15", "U20", "U22", "U23", "U25", "U27"},
            "orders": {"O1"}, "rights_requests": {"R1", "R4", "R6", "R9"}}
    import csv
    for name, ids in keep.items():
        cols, rows = boundary.TABLES[name]
        with open(d / f"{name}.csv", "w", newline="") as fh:
            w = csv.writer(fh, lineterminator="\n")
            w.writerow(cols)
            w.writerows(r for r in rows if r[0] in ids)
    return d


def test_json_exit_1_on_findings_and_document_shape(capsys, estate):
    code, out, err = run(capsys, estate, "--as-of", boundary.AS_OF, "--format", "json")
    doc = json.loads(out)
    assert code == 1 and err == ""
    assert doc["kind"] == "pia.validation" and doc["passed"] is False and doc["as_of"] == boundary.AS_OF
    assert {c["id"]: c["failed_rows"] for c in doc["checks"]} == boundary.EXPECTED
    assert set(doc["inputs"]) >= {"users.csv", "zosi-camera.pia.yaml"}
    assert [c["id"] for c in doc["checks"]] == sorted(c["id"] for c in doc["checks"])


def test_json_is_byte_identical_across_runs(capsys, estate, tmp_path):
    run(capsys, estate, "--as-of", boundary.AS_OF, "--format", "json", "-o", tmp_path / "a.json")
    run(capsys, estate, "--as-of", boundary.AS_OF, "--format", "json", "-o", tmp_path / "b.json")
    assert (tmp_path / "a.json").read_bytes() == (tmp_path / "b.json").read_bytes()


def test_clean_data_exits_0_and_missing_files_are_skipped_with_reason(capsys, clean):
    code, out, _ = run(capsys, clean, "--as-of", boundary.AS_OF, "--format", "json")
    doc = json.loads(out)
    status = {c["id"]: c["status"] for c in doc["checks"]}
    assert code == 0 and doc["passed"] is True
    assert status["users.email_format"] == "pass" and status["orders.owner_exists"] == "pass"
    skipped = [c for c in doc["checks"] if c["status"] == "skipped"]
    assert skipped and all("not found" in c["reason"] for c in skipped)
    assert {c["id"] for c in skipped} >= {"snapshots.encrypted", "devices.owner_exists", "consents.minor_guardian"}


def test_table_lists_checks_and_masked_samples(capsys, estate):
    code, out, _ = run(capsys, estate, "--as-of", boundary.AS_OF)
    assert code == 1
    assert "users.email_format" in out and "result: FAIL" in out
    assert "key=U10" in out and "no-at-sign.example.com" not in out


def test_export_suites_writes_one_gx_suite_per_check(capsys, estate, tmp_path):
    code, _, _ = run(capsys, estate, "--as-of", boundary.AS_OF, "--format", "json", "-o", tmp_path / "v.json",
                     "--export-suites", tmp_path)
    suites = sorted(tmp_path.glob("pia.*.json"))
    assert code == 1 and len(suites) == 20
    suite = json.loads((tmp_path / "pia.users.email_format.json").read_text())
    assert suite["name"] == "pia.users.email_format"
    assert suite["expectations"][0]["type"] == "expect_column_values_to_match_regex"
    assert "id" not in suite


def test_no_progress_when_stderr_is_not_a_terminal(capsys, estate):
    _, _, err = run(capsys, estate, "--as-of", boundary.AS_OF)
    assert err == ""


@pytest.mark.parametrize("args, message", [
    (["--as-of", "2026-02-30"], "pia: --as-of: '2026-02-30' is not a date (YYYY-MM-DD)"),
    (["--as-of", "30/06/2026"], "pia: --as-of: '30/06/2026' is not a date (YYYY-MM-DD)"),
])
def test_bad_as_of_exits_2(capsys, estate, args, message):
    code, out, err = run(capsys, estate, *args)
    assert code == 2 and out == "" and err.strip() == message


def test_missing_directory_exits_2(capsys, tmp_path):
    code, _, err = run(capsys, tmp_path / "nope")
    assert code == 2 and "no such directory" in err and "Traceback" not in err


def test_missing_required_column_exits_2_naming_file_and_column(capsys, tmp_path):
    (tmp_path / "orders.csv").write_text("order_id,customer\no1,u1\n")
    code, _, err = run(capsys, tmp_path, "--as-of", boundary.AS_OF)
    assert code == 2 and err.strip() == "pia: orders.csv:1: missing required column 'user_id'"


def test_columns_mapping_fixes_it(capsys, tmp_path):
    (tmp_path / "orders.csv").write_text("order_id,customer\no1,u1\n")
    (tmp_path / "users.csv").write_text(",".join(boundary.USERS) + "\n")
    (tmp_path / "map.yaml").write_text("orders:\n  user_id: customer\n")
    code, out, _ = run(capsys, tmp_path, "--as-of", boundary.AS_OF, "--columns", tmp_path / "map.yaml",
                       "--format", "json")
    doc = json.loads(out)
    assert code == 1 and {c["id"]: c["failed_rows"] for c in doc["checks"]}["orders.owner_exists"] == 1


def test_bad_mapping_file_exits_2(capsys, estate, tmp_path):
    (tmp_path / "map.yaml").write_text("orders:\n  nonsense: x\n")
    code, _, err = run(capsys, estate, "--columns", tmp_path / "map.yaml")
    assert code == 2 and "map.yaml:2: orders.nonsense: unknown column 'nonsense'" in err


def test_unparseable_value_exits_2_and_writes_nothing(capsys, tmp_path):
    (tmp_path / "consents.csv").write_text("consent_id,user_id,scope,granted_at,withdrawn_at,granted_by\n"
                                           "c1,u1,alerts,not-a-date,,self\n")
    code, _, err = run(capsys, tmp_path, "-o", tmp_path / "out.json", "--format", "json")
    assert code == 2 and "consents.csv:2: column granted_at" in err
    assert not (tmp_path / "out.json").exists()


def test_pia_help_does_not_import_great_expectations():
    import subprocess
    import sys

    code = ("import sys; from pia.cli import main\n"
            "try:\n    main(['validate', '--help'])\nexcept SystemExit: pass\n"
            "assert 'great_expectations' not in sys.modules and 'pandas' not in sys.modules")
    proc = subprocess.run([sys.executable, "-c", code], check=False, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr


def test_default_directory_is_the_shipped_estate_with_its_planted_findings(capsys):
    from pia.config import SAMPLE_ESTATE

    expected_file = SAMPLE_ESTATE / "expected_violations.json"
    if not expected_file.is_file():
        pytest.skip("data_samples/estate is not there yet")
    expected = json.loads(expected_file.read_text())
    code, out, _ = run(capsys, "--as-of", expected["reference_date"], "--format", "json")
    assert code == 1
    assert {c["id"]: c["failed_rows"] for c in json.loads(out)["checks"]} == expected["failed_rows"]
