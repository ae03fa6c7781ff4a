"""`pia assess`: formats, exit codes (0, 2, 3), atomic output and byte-identical JSON."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from pia.cli import main

FIX = Path(__file__).parent / "fixtures" / "risk"
HAND = str(FIX / "hand.pia.yaml")


def run(args: list[str], capsys) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exc:
        main(["assess", *args])
    out, err = capsys.readouterr()
    return exc.value.code, out, err


def test_default_is_the_reference_inventory_with_verdict_and_reasons(capsys):
    code, out, _ = run([], capsys)
    assert code == 0
    assert "VERDICT: HIGH RISK" in out and "VII.2(5)" in out
    assert "== alert_snapshots" in out
    assert "screening: assessment required" in out
    assert "impact     high -> severe" in out  # an adjustment step with before -> after
    assert "actions:" in out and "carry out (planned): retention_enforcement" in out
    assert "the VII.2(5) condition holds" in out and "must be notified" not in out
    assert "inherent" in out and "planned" in out and "target" in out


def test_fail_on_high_exits_3(capsys):
    code, _, _ = run([HAND, "--fail-on-high", "--format", "json"], capsys)
    assert code == 3


def test_fail_on_high_exits_0_when_not_high(tmp_path, capsys):
    text = Path(HAND).read_text()
    low = text.split("  - id: camera_alerts")[0] + "recipients: []\n"
    p = tmp_path / "low.pia.yaml"
    p.write_text(low)
    code, out, _ = run([str(p), "--fail-on-high"], capsys)
    assert code == 0 and "VERDICT: not high risk" in out


def test_json_is_byte_identical_and_has_the_issue_fields(tmp_path, capsys):
    args = [HAND, "--format", "json", "--evidence", str(FIX / "validation.json"), "--evidence", str(FIX / "scan.json")]
    _, first, _ = run(args, capsys)
    _, second, _ = run(args, capsys)
    assert first == second
    doc = json.loads(first)
    assert doc["method"] == "gbt39335" and doc["threshold"] == "high" and doc["high_risk"] is True
    assert {a["id"] for a in doc["activities"]} >= {"newsletter", "camera_alerts"}


def test_markdown_has_verdict_action_plan_and_steps(capsys):
    code, out, _ = run([HAND, "--format", "markdown", "--method", "ico"], capsys)
    assert code == 0
    assert out.startswith("# Risk assessment: hand-worked")
    assert "## Verdict: **HIGH RISK**" in out and "## Action plan" in out
    assert "| axis | level | rule | reason |" in out and "→" in out
    assert "| activity | screening | inherent | current | planned | target | verdict |" in out


def test_output_file_written_whole(tmp_path, capsys):
    target = tmp_path / "risk.json"
    code, out, _ = run([HAND, "--format", "json", "-o", str(target)], capsys)
    assert code == 0 and out == ""
    doc = json.loads(target.read_text())
    assert doc["kind"] == "pia.assessment" and doc["method"] == "gbt39335"


@pytest.mark.parametrize("args, needle", [
    (["--method", "nosuch"], "unknown method 'nosuch'"),
    (["--method", str(FIX / "method_missing_cell.yaml")], "method_missing_cell.yaml:30"),
    (["--evidence", str(FIX / "unknown_kind.json")], "unknown evidence kind"),
    (["--evidence", str(FIX / "malformed.json")], "malformed.json:2"),
    ([str(FIX / "missing.pia.yaml")], "no such file"),
])
def test_input_errors_exit_2_with_one_line_and_no_traceback(args, needle, capsys):
    code, out, err = run(args, capsys)
    assert code == 2 and out == ""
    assert needle in err and "Traceback" not in err
    assert all(line.startswith("pia: ") for line in err.strip().splitlines())


def test_failed_output_leaves_no_file(tmp_path, capsys):
    target = tmp_path / "out.json"
    code, _, _ = run(["--evidence", str(FIX / "unknown_kind.json"), "-o", str(target)], capsys)
    assert code == 2 and not target.exists()


def test_subprocess_exit_code_and_no_heavy_imports(tmp_path):
    # Not `-o /dev/null`: the kit refuses to replace a device (as root, an atomic rename would replace /dev/null).
    probe = ("import sys; from pia.cli import main\n"
             f"try:\n    main(['assess', '--format', 'json', '-o', {str(tmp_path / 'a.json')!r}])\n"
             "except SystemExit as e:\n"
             "    heavy = [m for m in ('great_expectations', 'papermill', 'nbconvert', 'plotly') if m in sys.modules]\n"
             "    print(e.code, heavy)\n")
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=120)
    assert done.stdout.strip() == "0 []", done.stderr


def test_other_method_explains_how_internal_steps_map(capsys):
    _, out, _ = run([HAND, "--method", "cnil"], capsys)
    assert "mapped onto this method as: impact low=negligible" in out
    _, out, _ = run([HAND], capsys)
    assert "mapped onto this method" not in out  # gbt39335 is the internal scale


def test_json_byte_identical_across_processes_and_hash_seeds():
    import os
    args = [sys.executable, "-m", "pia.cli", "assess", HAND, "--format", "json",
            "--evidence", str(FIX / "validation.json"), "--evidence", str(FIX / "scan.json")]
    outs = {subprocess.run(args, capture_output=True, env={**os.environ, "PYTHONHASHSEED": seed},
                           timeout=120).stdout for seed in ("1", "2")}
    assert len(outs) == 1 and b'"high_risk": true' in outs.pop()


def test_schema_command_prints_json_schemas(capsys):
    for name in ("manifest", "validation", "scan", "assessment", "change-review"):
        with pytest.raises(SystemExit) as exc:
            main(["schema", name])
        out, _ = capsys.readouterr()
        doc = json.loads(out)
        assert exc.value.code == 0 and doc["$id"] == f"pia:{name}" and "properties" in doc
    with pytest.raises(SystemExit) as exc:
        main(["schema", "nosuch"])
    assert exc.value.code == 2


def test_assumptions_to_confirm_are_in_the_text_and_the_json(capsys):
    from pia.declare.manifest import load_manifest

    manifest = load_manifest()
    assert manifest.assumptions  # the reference marks its estimates (pia.declare.assumptions)
    first = manifest.assumptions[0]
    _, out, _ = run(["--format", "json"], capsys)
    doc = json.loads(out)
    assert doc["assumptions"][0]["about"] == first.about and len(doc["assumptions"]) == len(manifest.assumptions)
    _, out, _ = run([], capsys)
    assert "Assumptions to confirm (the verdict rests on them):" in out and first.about in out
