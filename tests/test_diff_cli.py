"""`pia diff`: defaults to the shipped pair, formats, files written whole, exit codes 0/2/3, one line per error."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from pia.cli import main
from pia.config import PROPOSED_MANIFEST, REFERENCE_MANIFEST

REF = str(REFERENCE_MANIFEST)
INVALID = str(Path(__file__).parent / "fixtures" / "changes" / "invalid.pia.yaml")


def run(capsys, *args: str) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exc:
        main(["diff", *args])
    out, err = capsys.readouterr()
    return exc.value.code, out, err


def test_no_arguments_reviews_the_shipped_pair(capsys):
    code, out, err = run(capsys)
    assert code == 0, err
    assert "SIGNIFICANT" in out and "zosi-camera.proposed.pia.yaml" in out
    for trigger in ("service_mode", "ownership", "recipients", "user_rights", "contact_channel"):
        assert trigger in out


def test_same_file_twice_no_change_exit_0_even_with_the_gate(capsys):
    code, out, _ = run(capsys, REF, REF, "--format", "json", "--fail-on-significant")
    doc = json.loads(out)
    assert code == 0 and doc["changes"] == [] and doc["significant"] is False
    assert doc["notify"] == {"channels": [], "clause": "VII.1", "posted": True, "required": False,
                             # nothing to notify: the posted policy is for everyone
                             "audience": {"everyone": True,
                                          "subjects": ["customers", "minors", "bystanders", "website_visitors"]}}


def test_gate_trips_with_exit_3_on_significant(capsys):
    code, _, _ = run(capsys, REF, str(PROPOSED_MANIFEST), "--fail-on-significant")
    assert code == 3


def test_json_has_the_issue_fields(capsys):
    code, out, _ = run(capsys, "--format", "json")
    doc = json.loads(out)
    assert code == 0 and doc["kind"] == "pia.change_review" and doc["significant"] is True
    assert all({"id", "clause", "changes"} <= set(t) for t in doc["triggers"])
    assert all({"path", "kind", "before", "after", "trigger"} <= set(c) for c in doc["changes"])
    assert doc["notify"]["required"] is True and doc["notify"]["channels"] == ["push", "popup", "email"]
    # 4 since per-activity judgement: the new familiar_faces activity needs separate consent for the camera
    # snapshots too, although other activities already processed that sensitive category (PIPL Art. 29)
    assert doc["reconsent_required"] is True and len(doc["reasons"]) == 4


def test_output_and_notice_files_and_byte_identical_json(capsys, tmp_path):
    out1, out2, notice = tmp_path / "a.json", tmp_path / "b.json", tmp_path / "notice.md"
    assert run(capsys, "--format", "json", "-o", str(out1), "--notice", str(notice))[0] == 0
    assert run(capsys, "--format", "json", "-o", str(out2))[0] == 0
    assert out1.read_bytes() == out2.read_bytes()
    assert notice.read_text(encoding="utf-8").startswith("# We are updating how ZOSI camera")


def test_markdown_report_lists_triggers_and_reasons(capsys):
    code, out, _ = run(capsys, "--format", "markdown")
    assert code == 0 and out.startswith("# Change review")
    assert "## Triggers" in out and "## Re-consent" in out and "| path | kind | trigger |" in out
    assert "not in the policy's VII.2 list" in out


def test_invalid_manifest_exit_2_one_line_per_problem_and_no_file_written(capsys, tmp_path):
    target, notice = tmp_path / "r.json", tmp_path / "n.md"
    code, out, err = run(capsys, INVALID, REF, "-o", str(target), "--notice", str(notice))
    lines = err.strip().splitlines()
    assert code == 2 and out == "" and len(lines) == 2
    assert all(line.startswith("pia: ") and "invalid.pia.yaml:" in line and "OLD" in line for line in lines)
    assert not target.exists() and not notice.exists()


def test_both_sides_bad_are_both_reported(capsys):
    code, _, err = run(capsys, "HEAD~999999:data_samples/zosi-camera.pia.yaml", "missing.yaml")
    lines = err.strip().splitlines()
    assert code == 2 and len(lines) == 2
    assert "OLD: unknown git revision 'HEAD~999999'" in lines[0] and "missing.yaml: NEW: no such file" in lines[1]


def test_one_side_only_is_a_usage_error(capsys):
    code, _, err = run(capsys, REF)
    assert code == 2 and "give both OLD and NEW" in err


def test_unknown_method_is_bad_input(capsys):
    code, _, err = run(capsys, REF, REF, "--method", "nope")
    assert code == 2 and "nope" in err and "Traceback" not in err


@pytest.mark.slow
def test_subprocess_git_revision_against_worktree_has_no_traceback(tmp_path):
    proc = subprocess.run([sys.executable, "-m", "pia.cli", "diff", "HEAD:nope/m.yaml", REF],
                          capture_output=True, text=True, cwd=REFERENCE_MANIFEST.parent.parent, check=False)
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    assert proc.stderr.strip() == "pia: HEAD:nope/m.yaml: OLD: no file 'nope/m.yaml' in revision 'HEAD'"


def test_repo_option_reads_both_sides_from_git_revisions(capsys, tmp_path, reference_text):
    def git(*args: str) -> None:
        subprocess.run(["git", "-c", "user.email=test@example.com", "-c", "user.name=Test", "-c", "commit.gpgsign=false",
                        *args], cwd=tmp_path, check=True, capture_output=True)

    git("init", "-q")
    (tmp_path / "m.yaml").write_text(reference_text, encoding="utf-8")
    git("add", "m.yaml")
    git("commit", "-q", "-m", "v1")
    (tmp_path / "m.yaml").write_text(reference_text.replace("controlling_shareholders: []",
                                                            "controlling_shareholders: [Newco Ltd.]"), encoding="utf-8")
    git("commit", "-q", "-am", "v2")
    code, out, err = run(capsys, "--repo", str(tmp_path), "HEAD~1:m.yaml", "HEAD:m.yaml", "--format", "json",
                         "--fail-on-significant")
    doc = json.loads(out)
    assert code == 3, err
    assert [t["id"] for t in doc["triggers"]] == ["ownership"]
    assert doc["old"]["source"] == "HEAD~1:m.yaml" and doc["new"]["source"] == "HEAD:m.yaml"


def test_zh_text_names_the_notification_channels_in_chinese(capsys):
    # the verdict line printed the channel ids ("通过 push, popup, email 主动通知用户")
    code, out, _ = run(capsys, "--lang", "zh")
    line = next(ln for ln in out.splitlines() if ln.startswith("重大变更"))
    assert "推送通知" in line and "弹窗" in line and "电子邮件" in line and "push" not in line
    code, out, _ = run(capsys)
    assert "notify users actively by push, popup, email" in out  # English keeps the words
