"""`pia inventory`: formats, output files written whole, errors as one line each with exit 2, lean start-up."""
from __future__ import annotations

import csv
import io
import json
import subprocess
import sys

import pytest

from pia.config import REFERENCE_MANIFEST


def run(*args: str, cwd=None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "pia.cli", *args], capture_output=True, text=True, cwd=cwd)


def test_json_lists_every_policy_data_kind_with_clauses():
    proc = run("inventory", "--format", "json")
    assert proc.returncode == 0, proc.stderr
    doc = json.loads(proc.stdout)
    elements = {e["id"]: e for e in doc["data_elements"]}
    for el_id, clause in [("phone_number", "I.1"), ("email", "I.1"), ("username", "I.1"), ("password", "I.1"),
                          ("order_record", "I.2"), ("serial_number", "I.3"), ("verification_code", "I.3"),
                          ("alert_snapshot", "I.4"), ("cookie_id", "II.1"), ("pixel_events", "II.2")]:
        assert clause in elements[el_id]["clauses"]
    assert doc["unused_elements"] == []
    row = next(r for r in doc["rows"] if r["activity"] == "order_fulfilment" and r["data_element"] == "order_record")
    assert row["recipients"] == ["payment_processor", "logistics_partner", "cloud_provider"]
    # order records are transaction records: sensitive under GB/T 35273-2020 Annex B
    assert row["legal_basis"] == "contract" and row["sensitive"] is True
    assert len(doc["rows"]) == 55  # sum of len(activity.data_elements) over the 11 activities


def test_json_is_byte_identical_across_runs():
    assert run("inventory", "--format", "json").stdout == run("inventory", "--format", "json").stdout


def test_csv_has_header_and_one_row_per_activity_element():
    proc = run("inventory", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(proc.stdout)))
    assert len(rows) == 55
    assert rows[0]["activity"] == "account_management" and rows[0]["data_element"] == "user_id"
    assert {"purpose", "legal_basis", "sensitive", "recipients", "retention", "clauses"} <= set(rows[0])


def test_markdown_and_table_formats():
    md = run("inventory", "--format", "markdown").stdout
    assert md.startswith("# Data map: ZOSI camera and cloud service")
    assert "| account_management |" in md
    table = run("inventory").stdout
    assert "alert_snapshots" in table and "user.content.camera_snapshot" in table


def test_output_file_written_whole(tmp_path):
    out = tmp_path / "map.json"
    proc = run("inventory", str(REFERENCE_MANIFEST), "--format", "json", "-o", str(out))
    assert proc.returncode == 0 and proc.stdout == ""
    assert json.loads(out.read_text())["service"]["id"] == "zosi-camera"
    assert [p.name for p in tmp_path.iterdir()] == ["map.json"]  # no temporary file left


def test_invalid_manifest_exit_2_one_line_per_problem_no_traceback(tmp_path):
    bad = tmp_path / "bad.yaml"
    text = REFERENCE_MANIFEST.read_text().replace("category: user.contact.email", "category: user.contact.mail", 1)
    text = text.replace("    group: order\n", "    group: purchases\n", 1)
    bad.write_text(text)
    out = tmp_path / "out.json"
    proc = run("inventory", str(bad), "--format", "json", "-o", str(out))
    assert proc.returncode == 2
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 2
    assert all(l.startswith(f"pia: {bad}:") for l in lines)
    assert "Traceback" not in proc.stderr
    assert not out.exists()


def test_unwritable_output_is_an_input_error(tmp_path):
    proc = run("inventory", "-o", str(tmp_path / "no" / "such" / "dir.json"))
    assert proc.returncode == 2
    assert "does not exist" in proc.stderr and "Traceback" not in proc.stderr


def test_bad_option_is_a_usage_error():
    proc = run("inventory", "--format", "xml")
    assert proc.returncode == 2 and "Invalid value" in proc.stderr


@pytest.mark.parametrize("argv", [["--help"], ["inventory", "--format", "json"]])
def test_start_up_does_not_import_heavy_libraries(argv):
    code = ("import sys; from pia.cli import main\n"
            f"try:\n    main({argv!r})\nexcept SystemExit:\n    pass\n"
            "heavy = sorted(m for m in sys.modules if m.split('.')[0] in "
            "('great_expectations', 'papermill', 'nbconvert', 'jupyterlab', 'jupyter_client', 'plotly'))\n"
            "sys.stderr.write('HEAVY=' + ','.join(heavy))")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert "HEAVY=" in proc.stderr
    assert proc.stderr.split("HEAVY=")[1].strip() == ""


def test_usage_errors_are_one_line(tmp_path):
    proc = run("check", str(tmp_path))
    assert proc.returncode == 2
    assert proc.stderr.count("\n") == 1 and proc.stderr.startswith("pia: pia check: ")


def test_output_into_a_file_as_if_directory(tmp_path):
    blocker = tmp_path / "file.txt"
    blocker.write_text("x")
    proc = run("inventory", "-o", str(blocker / "out.json"))
    assert proc.returncode == 2 and "is a file, not a directory" in proc.stderr
    assert "Traceback" not in proc.stderr and blocker.read_text() == "x"


def test_public_api_names_all_resolve():
    import pia

    for name in pia.__all__:
        assert getattr(pia, name) is not None
    with pytest.raises(AttributeError):
        pia.no_such_thing  # noqa: B018
