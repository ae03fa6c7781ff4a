"""The malformed-input corpus (tests/hardening/corpus.py), run against every command.

Each case must end with its expected exit status, one `pia: ...` line per problem on stderr, no traceback,
within its timeout, and leave hostile output targets (devices, FIFOs, directories) as they were. Cases run
in-process through click's runner; devices, memory bombs and two FIFOs run as real subprocesses.
"""
from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from . import corpus

GROUPS = ["kind", "device", "yaml", "evidence", "params", "validate", "scan", "diff", "output", "manifest", "usage"]


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, list[corpus.Case]]]:
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("PIA_GX_WORKER", "0")  # validation in-process: no worker per case
        root = tmp_path_factory.mktemp("hardening")
        yield root, corpus.build(root / "corpus")


def test_corpus_is_large_and_covers_every_command(built: tuple[Path, list[corpus.Case]]) -> None:
    _, cases = built
    assert len(cases) >= 150
    assert len({c.id for c in cases}) == len(cases)
    commands = {c.argv[0] for c in cases}
    assert {"check", "inventory", "assess", "diff", "validate", "samples", "scan", "report", "init",
            "taxonomy", "export"} <= commands
    assert {c.id.split("-")[0] for c in cases} == set(GROUPS)


@pytest.mark.parametrize("group", GROUPS)
def test_corpus_group(group: str, built: tuple[Path, list[corpus.Case]]) -> None:
    root, cases = built
    failures = []
    for case in (c for c in cases if c.id.split("-")[0] == group):
        outcome = corpus.run(case, root)
        wrong = corpus.judge(case, outcome)
        if wrong:
            failures.append(f"{case.id}: {'; '.join(wrong)}")
    assert not failures, "\n".join(failures)


def test_judge_catches_what_the_corpus_counts() -> None:
    """The judge is not a rubber stamp: a traceback, a second line, a hang and a wrong status all fail."""
    case = corpus.Case("x", ["check"], 2, "fifo", lines=1)
    ok = corpus.Outcome(2, "", "pia: a.yaml: is a named pipe (FIFO), expected a file\n")
    assert corpus.judge(case, ok) == []
    assert corpus.judge(case, corpus.Outcome(2, "", "pia: a: FIFO\n  in line 2\n"))
    assert corpus.judge(case, corpus.Outcome(1, "", "pia: a: FIFO\n"))
    assert corpus.judge(case, corpus.Outcome(None, "", "", hung=True))
    assert corpus.judge(case, corpus.Outcome(2, "", "Traceback (most recent call last):\n", traceback=True))
    assert corpus.judge(case, corpus.Outcome(2, "", "pia: a: FIFO \x1b[2J\n"))


def test_inproc_timeout_turns_a_blocking_read_into_a_hang(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The runner's timeout works: reading a FIFO with no writer (what the kit used to do) is reported as hung."""
    import pia.declare.manifest as manifest_module

    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    monkeypatch.setattr(manifest_module, "load_manifest", lambda path=None: Path(path).read_bytes())  # unbounded
    outcome = corpus.run_inproc(corpus.Case("self-test", ["check", str(fifo)], timeout=1.0), tmp_path)
    assert outcome.hung and stat.S_ISFIFO(os.stat(fifo).st_mode)
