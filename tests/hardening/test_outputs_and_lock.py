"""The output layer writes regular files only, and one report directory takes one `pia report` run at a time."""
from __future__ import annotations

import os
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

from pia import config
from pia.errors import InputError
from pia.output import output_problem, write_atomic

REPO = config.PROJECT_ROOT


def _chardev(path: Path) -> Path:
    os.mknod(path, stat.S_IFCHR | 0o666, os.makedev(1, 3))
    return path


@pytest.mark.parametrize("kind", ["chardev", "fifo", "dir"])
def test_write_atomic_refuses_a_non_regular_target_and_leaves_it(tmp_path: Path, kind: str) -> None:
    target = tmp_path / "out"
    {"chardev": _chardev, "fifo": os.mkfifo, "dir": os.mkdir}[kind](target)
    before = os.stat(target).st_mode
    with pytest.raises(InputError) as exc:
        write_atomic(target, "x")
    assert len(exc.value.lines) == 1 and "regular file" in exc.value.lines[0]
    assert os.stat(target).st_mode == before
    assert [p.name for p in tmp_path.iterdir()] == ["out"]  # no temporary file left behind


def test_write_atomic_through_a_symlink_keeps_the_link(tmp_path: Path) -> None:
    real = tmp_path / "real.json"
    real.write_text("old")
    link = tmp_path / "link.json"
    link.symlink_to(real.name)
    write_atomic(link, "new")
    assert link.is_symlink() and real.read_text() == "new"


def test_dev_null_is_never_replaced() -> None:
    """As root, an atomic rename onto /dev/null would replace the system's /dev/null with a regular file."""
    if not stat.S_ISCHR(os.stat("/dev/null").st_mode):  # pragma: no cover - the machine is already broken
        pytest.skip("/dev/null is not a character device on this machine (replaced by an earlier process)")
    assert output_problem("/dev/null"), "the output layer must refuse /dev/null before any CLI run below"
    proc = subprocess.run([sys.executable, "-m", "pia.cli", "check", "--format", "json", "-o", "/dev/null"],
                          cwd=REPO, env=dict(os.environ, PYTHONPATH=str(REPO)), capture_output=True, text=True,
                          timeout=120)
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    assert proc.stderr.count("\n") == 1 and "character device" in proc.stderr
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)


def test_a_second_report_into_a_locked_directory_fails_cleanly(tmp_path: Path) -> None:
    """The lock is taken before any kernel starts: a second run is an input error naming the directory."""
    from pia.report.params import load_params
    from pia.report.run import lock_report_dir, make_report_dir, report_dir, run_report

    params, used = load_params(None, [("estate", ""), ("proposed", "")])
    directory = report_dir(params, tmp_path)
    make_report_dir(directory, tmp_path)
    held = lock_report_dir(directory)
    try:
        started = time.monotonic()
        with pytest.raises(InputError) as exc:
            run_report(params, tmp_path, params_file=used)
        assert time.monotonic() - started < 30
        assert len(exc.value.lines) == 1 and "another pia report" in exc.value.lines[0]
        assert list(directory.iterdir()) == []  # nothing written by the refused run
    finally:
        os.close(held)
    lock = lock_report_dir(directory)  # released: the next run may start
    os.close(lock)


@pytest.mark.slow
def test_two_concurrent_report_runs_into_one_out(tmp_path: Path) -> None:
    """Real processes: the second run exits 2 with one line while the first writes its report whole."""
    env = dict(os.environ, PYTHONPATH=str(REPO), PIA_GX_WORKER="0")
    argv = [sys.executable, "-m", "pia.cli", "report", "-p", "estate", "", "-p", "proposed", "", "--out", str(tmp_path)]
    first = subprocess.Popen(argv, cwd=REPO, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 300
        while not list(tmp_path.glob("*/report.partial.ipynb")):  # the first run is executing its notebook
            assert first.poll() is None, first.communicate()
            assert time.monotonic() < deadline
            time.sleep(0.2)
        second = subprocess.run(argv, cwd=REPO, env=env, capture_output=True, text=True, timeout=300)
        out, err = first.communicate(timeout=600)
    finally:
        if first.poll() is None:
            first.kill()
    assert second.returncode == 2 and "Traceback" not in second.stderr
    assert second.stderr.count("\n") == 1 and "another pia report" in second.stderr
    assert first.returncode in (0, 3), err
    html = next(tmp_path.glob("*/report.html")).read_text(encoding="utf-8")
    assert html.rstrip().endswith("</html>")
    assert not list(tmp_path.glob("*/report.partial.ipynb"))
