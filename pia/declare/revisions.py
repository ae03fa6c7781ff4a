"""Read one side of a change review: a manifest file, or `REV:PATH` taken from git with `git show`.

A spec that names an existing file is always that file, even if it contains ':'; errors name the side.
"""
from __future__ import annotations

import os
import subprocess
from collections.abc import Callable
from pathlib import Path

from pia.errors import InputError, Problem, quote
from pia.inputs import check_size, exists
from pia.declare.manifest import Manifest, load_manifest, parse_manifest


def _fail(spec: str, side: str | None, message: str) -> InputError:
    return InputError(Problem(spec, message, path=side or ""))


def _git(args: list[str], repo_dir: Path) -> subprocess.CompletedProcess[bytes]:
    env = dict(os.environ, GIT_TERMINAL_PROMPT="0", LC_ALL="C")
    return subprocess.run(["git", *args], cwd=repo_dir, capture_output=True, env=env, check=False)


def read_revision(spec: str, repo_dir: str | os.PathLike[str] | None = None, side: str | None = None) -> str:
    """The text of `REV:PATH` in the git repository at `repo_dir` (default: the working directory).

    PATH is relative to the repository root, as in `git show` (`REV:./PATH` is relative to `repo_dir`).
    An empty REV (`:PATH`) reads the staged version.
    """
    rev, _, path = spec.partition(":")
    if not path:
        raise _fail(spec, side, "expected REV:PATH (e.g. HEAD~1:data_samples/zosi-camera.pia.yaml), the path is empty")
    where = Path(repo_dir) if repo_dir is not None else Path.cwd()
    if not where.is_dir():
        raise _fail(spec, side, f"cannot read a git revision: {where} is not a directory")
    try:
        probe = _git(["rev-parse", "--is-inside-work-tree"], where)
    except FileNotFoundError:
        raise _fail(spec, side, "cannot read a git revision: git is not installed") from None
    if probe.returncode != 0:
        raise _fail(spec, side, f"no such file, and {where} is not in a git repository to read REV:PATH from")
    if rev:
        found = _git(["rev-parse", "--verify", "--quiet", "--end-of-options", f"{rev}^{{commit}}"], where)
        if found.returncode != 0:
            raise _fail(spec, side, f"unknown git revision {quote(rev)}")
    kind = _git(["cat-file", "-t", f"{rev}:{path}"], where)
    if kind.returncode != 0:
        at = f"revision {rev!r}" if rev else "the index"
        raise _fail(spec, side, f"no file {quote(path)} in {at}")
    if kind.stdout.decode().strip() != "blob":
        raise _fail(spec, side, f"{quote(path)} is a directory in that revision, expected a manifest YAML file")
    size = _git(["cat-file", "-s", f"{rev}:{path}"], where)
    try:
        check_size(int(size.stdout.decode().strip() or 0), spec)
    except InputError as exc:
        raise _fail(spec, side, exc.problems[0].message) from None
    shown = _git(["show", f"{rev}:{path}"], where)
    if shown.returncode != 0:  # pragma: no cover - cat-file succeeded just before
        raise _fail(spec, side, f"git show failed: {shown.stderr.decode(errors='replace').strip()}")
    try:
        return shown.stdout.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise _fail(spec, side, f"not UTF-8 text (byte {exc.start})") from None


def load_side(spec: str, repo_dir: str | os.PathLike[str] | None = None, side: str | None = None) -> Manifest:
    """Load one side of a comparison: a manifest file, or `REV:PATH` from the git repository at `repo_dir`.

    Parameters
    ----------
    spec
        A file path (relative to `repo_dir` when given and relative, else to the working directory), or `REV:PATH`.
        An existing file wins over the `REV:PATH` reading.
    repo_dir
        Directory inside the git repository (default: the working directory).
    side
        Label such as "OLD" or "NEW" that every error message carries.

    Raises
    ------
    InputError
        Missing file, unknown revision, path absent in the revision, or an invalid manifest.
    """
    base = Path(repo_dir) if repo_dir is not None else None
    candidate = Path(spec)
    if base is not None and not candidate.is_absolute():
        candidate = base / candidate
    if exists(candidate):
        # Anything at that path is the side (the input layer names a directory, FIFO or symlink loop).
        return _labelled(lambda: load_manifest(candidate), side)
    if ":" not in spec:
        raise _fail(spec, side, "no such file (to read from git, write REV:PATH, e.g. HEAD~1:path/to/manifest.yaml)")
    text = read_revision(spec, repo_dir, side)
    return _labelled(lambda: parse_manifest(text, source=spec), side)


def _labelled(load: Callable[[], Manifest], side: str | None) -> Manifest:
    try:
        return load()
    except InputError as exc:
        if not side:
            raise
        raise InputError([Problem(p.file, p.message, p.line, f"{side} {p.path}" if p.path else side)
                          for p in exc.problems]) from None
