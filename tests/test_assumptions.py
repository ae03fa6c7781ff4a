"""Assumptions: every `about` resolves or is `FILE:LINE: assumptions.N.about: ...`; typed listing; `pia check`."""
from __future__ import annotations

import pytest

from pia.cli import main
from pia.declare.assumptions import Assumption, list_assumptions, resolve, split_path
from pia.declare.manifest import load_manifest
from pia.errors import InputError


def _problems(path) -> list[str]:
    with pytest.raises(InputError) as exc:
        load_manifest(path)
    return exc.value.lines


def test_reference_assumptions_are_typed_and_in_file_order():
    got = list_assumptions(load_manifest())
    assert got and all(isinstance(a, Assumption) for a in got)
    assert got[0].about == "controller.jurisdiction"
    assert any(a.about == "processing_activities[alert_snapshots].measures.retention_enforcement" for a in got)


@pytest.mark.parametrize("path", [
    "processing_activities[alert_snapshots].subjects_count",
    "processing_activities[alert_snapshots].measures.retention_enforcement",
    "processing_activities[alert_snapshots].storage",
    "recipients[cloud_provider].data_groups[snapshot]",
    "rights[delete].how",
    "consent_exemptions[I.5(7)]",
    "settings.erasure_grace_days",
])
def test_paths_resolve(path, reference_data):
    loc, why = resolve(reference_data if "settings" not in path else {**reference_data, "settings": {
        "erasure_grace_days": 15}}, path)
    assert loc is not None, why


@pytest.mark.parametrize("about,message", [
    ("processing_activities[alert_snapshot].subjects_count", "no item 'alert_snapshot'"),
    ("processing_activities[alert_snapshots].subject_count",
     "'processing_activities[alert_snapshots].subject_count' does not exist"),
    ("recipients[cloud_provider].data_groups[tracking]", "no item 'tracking'"),
    ("processing_activities[alert_snapshots].measures.backups", "does not exist"),
    ("not a path!", "is not a path"),
])
def test_unresolved_about_is_file_line_path_message(reference_data, write_manifest, about, message):
    reference_data["assumptions"].append({"about": about, "why": "planted"})
    n = len(reference_data["assumptions"]) - 1
    path = write_manifest(reference_data)
    (line,) = _problems(path)
    assert f"assumptions.{n}.about: " in line and message in line
    lineno = int(line.split(":")[1])
    assert about.split("[")[0] in path.read_text(encoding="utf-8").splitlines()[lineno - 1]


def test_duplicate_and_self_reference_are_refused(reference_data, write_manifest):
    first = reference_data["assumptions"][0]["about"]
    reference_data["assumptions"] += [{"about": first, "why": "again"}, {"about": "assumptions", "why": "loop"}]
    lines = _problems(write_manifest(reference_data))
    assert len(lines) == 2 and "already listed (assumptions.0)" in lines[0] and "cannot be about" in lines[1]


def test_an_assumption_needs_a_reason(reference_data, write_manifest):
    reference_data["assumptions"][0].pop("why")
    (line,) = _problems(write_manifest(reference_data))
    assert "assumptions.0.why: required field is missing" in line


def test_ids_with_dots_split_inside_brackets():
    assert split_path("processing_activities[x].legal_basis") == [("processing_activities", ["x"]), ("legal_basis", [])]
    assert split_path("consent_exemptions[I.5(7)].summary") == [("consent_exemptions", ["I.5(7)"]), ("summary", [])]


def test_check_cli_exit_2_one_line(reference_data, write_manifest, capsys):
    reference_data["assumptions"].append({"about": "recipients[nobody].location", "why": "planted"})
    path = write_manifest(reference_data)
    with pytest.raises(SystemExit) as exc:
        main(["check", str(path)])
    _, err = capsys.readouterr()
    assert exc.value.code == 2 and len(err.strip().splitlines()) == 1 and "no item 'nobody'" in err


def test_check_lists_assumptions_to_confirm(capsys):
    with pytest.raises(SystemExit) as exc:
        main(["check"])
    out, _ = capsys.readouterr()
    assert exc.value.code == 0
    assert "assumptions to confirm" in out
    assert "- recipients[cloud_provider].data_groups[snapshot] [not disclosed]:" in out
    assert "not disclosed by the policy" in out
