"""Reading a side of a review: plain files, `REV:PATH` from git, and one clear error line per problem."""
from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from pia.changes.rules import review
from pia.config import REFERENCE_MANIFEST
from pia.errors import InputError
from pia.declare.revisions import load_side

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


def git(repo: Path, *args: str) -> str:
    return subprocess.run(["git", "-c", "user.email=test@example.com", "-c", "user.name=Test",
                           "-c", "commit.gpgsign=false", *args],
                          cwd=repo, check=True, capture_output=True, text=True).stdout


@pytest.fixture()
def repo(tmp_path: Path, reference_data: dict) -> Path:
    """A repository with two commits: the reference inventory, then a new recipient relying on consent."""
    root = tmp_path / "repo"
    (root / "inv").mkdir(parents=True)
    git(root, "init", "-q")
    (root / "inv" / "m.pia.yaml").write_text(REFERENCE_MANIFEST.read_text(encoding="utf-8"), encoding="utf-8")
    git(root, "add", ".")
    git(root, "commit", "-q", "-m", "reference")
    data = reference_data
    data["recipients"].append({"id": "ad_partner", "name": "Advertising partner", "type": "partner",
                               "flow": "share", "data_groups": ["tracking"], "legal_basis": "consent",
                               "confidentiality_agreement": True, "location": "CN", "clauses": ["IV.1(1)"]})
    (root / "inv" / "m.pia.yaml").write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    git(root, "commit", "-q", "-am", "ad partner")
    return root


def test_revision_and_worktree_are_compared_by_ids(repo):
    old = load_side("HEAD~1:inv/m.pia.yaml", repo)
    new = load_side("inv/m.pia.yaml", repo)
    assert old.source == "HEAD~1:inv/m.pia.yaml" and old.sha256
    r = review(old, new)
    assert [c.path for c in r.changes] == ["recipients[ad_partner]"]
    assert [t.id for t in r.triggers][:1] == ["recipients"]


def test_two_revisions_same_content_no_change(repo):
    git(repo, "commit", "-q", "--allow-empty", "-m", "empty")
    r = review(load_side("HEAD~1:inv/m.pia.yaml", repo), load_side("HEAD:inv/m.pia.yaml", repo))
    assert r.changes == [] and not r.significant


def test_revision_of_the_git_index(repo):
    assert load_side(":inv/m.pia.yaml", repo).recipient("ad_partner").name == "Advertising partner"


def test_unknown_revision_names_the_side_and_the_revision(repo):
    with pytest.raises(InputError) as exc:
        load_side("HEAD~7:inv/m.pia.yaml", repo, side="OLD")
    assert exc.value.lines == ["HEAD~7:inv/m.pia.yaml: OLD: unknown git revision 'HEAD~7'"]


def test_missing_path_in_revision(repo):
    with pytest.raises(InputError) as exc:
        load_side("HEAD:inv/nope.yaml", repo, side="NEW")
    assert exc.value.lines == ["HEAD:inv/nope.yaml: NEW: no file 'inv/nope.yaml' in revision 'HEAD'"]


def test_directory_in_revision(repo):
    with pytest.raises(InputError, match="is a directory"):
        load_side("HEAD:inv", repo)


def test_invalid_manifest_in_revision_gives_line_and_side(repo):
    (repo / "inv" / "m.pia.yaml").write_text("schema_version: 1\nservice: {id: x, name: X}\n", encoding="utf-8")
    git(repo, "commit", "-q", "-am", "broken")
    with pytest.raises(InputError) as exc:
        load_side("HEAD:inv/m.pia.yaml", repo, side="NEW")
    assert exc.value.problems and all(p.file == "HEAD:inv/m.pia.yaml" for p in exc.value.problems)
    assert all(p.path.startswith("NEW ") and p.line is not None for p in exc.value.problems)


def test_rev_path_outside_a_repository(tmp_path):
    with pytest.raises(InputError, match="not in a git repository"):
        load_side("HEAD:m.yaml", tmp_path, side="OLD")


def test_existing_file_with_colon_wins_over_rev_path(tmp_path, reference_text):
    (tmp_path / "v1:m.yaml").write_text(reference_text, encoding="utf-8")
    m = load_side("v1:m.yaml", tmp_path)
    assert m.service.id == "zosi-camera"


def test_missing_plain_file_says_how_to_read_git(tmp_path):
    with pytest.raises(InputError) as exc:
        load_side("nope.yaml", tmp_path, side="OLD")
    assert exc.value.lines == [("nope.yaml: OLD: no such file (to read from git, write REV:PATH, "
                                "e.g. HEAD~1:path/to/manifest.yaml)")]


def test_empty_path_after_colon(repo):
    with pytest.raises(InputError, match="the path is empty"):
        load_side("HEAD:", repo)
