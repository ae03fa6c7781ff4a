"""A child process that imports great_expectations and runs the GX suites while the parent reads the data.

The GX import takes seconds of pure-Python work; in a child it runs on another core instead of competing
for the parent's GIL. Same engine (`GxEngine.run`), same results; the parent falls back in-process on failure.

Frames hold personal values, so they cross to the child through memory only: pickles in a private (0700)
directory on the RAM-backed /dev/shm, each deleted as soon as it is read; without a usable /dev/shm (or when it
is full) GX runs in the parent instead, and nothing of the inspected data is ever written to disk.

Protocol (one JSON object a line): the parent writes `setup` (settings), `run` (check id, a pickled frame in
the private directory), `export` (suite directory) and `end` to the child's stdin; the child answers once, after
`end`, with `{"results": {check: [success, failed_rows, rows_in_scope, sample_rows]}, "error": null|[kind, msg]}`.
Error kinds: "engine" (an EngineError, raised as such by the parent) or "crash" (the parent runs in-process).
"""
from __future__ import annotations

import atexit
import json
import os
import pickle
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

ENV_SWITCH = "PIA_GX_WORKER"  # "0" runs GX in-process
ENV_TIMEOUT = "PIA_GX_WORKER_TIMEOUT"  # seconds to wait for the answer after the last frame
DEFAULT_TIMEOUT = 1800.0
SHM = "/dev/shm"  # RAM-backed: the only place frames (which hold personal values) may be handed over


def enabled() -> bool:
    """Whether GX should run in a worker process (env PIA_GX_WORKER, default on)."""
    return os.environ.get(ENV_SWITCH, "1").strip().lower() not in ("0", "false", "no", "off")


class WorkerFailed(Exception):
    """The worker could not do its job (not a GX verdict): the caller runs GX in-process instead."""


class Worker:
    """Parent side: starts the child, feeds it frames, collects `EngineResult`s."""

    command: tuple[str, ...] = ("-m", "pia.validation.gx_worker")  # arguments of the Python interpreter

    def __init__(self) -> None:
        if not (os.path.isdir(SHM) and os.access(SHM, os.W_OK | os.X_OK)):
            raise WorkerFailed(f"{SHM} is not available: frames must not be written to disk")
        self.dir = Path(tempfile.mkdtemp(prefix="pia-gx-", dir=SHM))  # mode 0700, in RAM: frames are private
        self._count = 0
        self._stderr = open(self.dir / "worker.log", "wb")  # noqa: SIM115 - closed in close()
        env = dict(os.environ, GX_ANALYTICS_ENABLED="False", PIA_GX_WORKER_DIR=str(self.dir))
        try:
            self.proc = subprocess.Popen([sys.executable, *self.command], stdin=subprocess.PIPE,
                                         stdout=subprocess.PIPE, stderr=self._stderr, env=env)
        except Exception:
            self.close()
            raise
        self.failed = False
        atexit.register(self.close)

    # ------------------------------------------------------------------ sending
    def _send(self, msg: dict[str, Any]) -> None:
        if self.failed:
            return
        try:
            self.proc.stdin.write((json.dumps(msg) + "\n").encode())
            self.proc.stdin.flush()
        except (OSError, ValueError):  # the child is gone: report at finish()
            self.failed = True

    def setup(self, settings: dict[str, Any]) -> None:
        """Send the settings of the suites (the child builds its context meanwhile)."""
        self._send({"op": "setup", "settings": settings})

    def submit(self, check: Any, frame: Any, sample_limit: int) -> None:
        """Hand over the prepared frame of a check (the child runs it as soon as it can).

        `check` is a `Check` (its definition travels with the frame: declared checks differ per manifest) or,
        for callers of the former protocol, the id of a reference check.
        """
        check_def = None if isinstance(check, str) else check.model_dump(mode="json")
        check_id = check if isinstance(check, str) else check.id
        if self.failed:
            return
        self._count += 1
        path = self.dir / f"frame-{self._count}.pkl"
        try:
            with open(path, "wb") as fh:
                pickle.dump(frame, fh, protocol=pickle.HIGHEST_PROTOCOL)
        except OSError:  # e.g. /dev/shm is full: GX runs in this process instead (see finish)
            path.unlink(missing_ok=True)
            self.failed = True
            return
        self._send({"op": "run", "check": check_id, "def": check_def, "path": str(path),
                    "sample_limit": sample_limit})

    def export(self, directory: str | Path, checks: Any = None) -> None:
        """Ask the child to write every check's suite JSON to `directory` (default: the reference checks)."""
        defs = None if checks is None else [c.model_dump(mode="json") for c in checks]
        self._send({"op": "export", "dir": str(directory), "defs": defs})

    # ------------------------------------------------------------------ answer
    def finish(self, timeout: float | None = None) -> dict[str, Any]:
        """The EngineResult of every submitted check; raises EngineError or WorkerFailed."""
        from pia.validation.gx_engine import EngineError, EngineResult

        self._send({"op": "end"})
        if self.failed:
            raise WorkerFailed("the worker is gone")
        if timeout is None:
            timeout = float(os.environ.get(ENV_TIMEOUT) or DEFAULT_TIMEOUT)
        try:
            self.proc.stdin.close()
        except OSError:
            pass
        line = self._read_line(timeout)
        try:
            answer = json.loads(line)
        except ValueError:
            self.close()
            raise WorkerFailed(f"the worker exited with code {self.proc.returncode} and no answer") from None
        error = answer.get("error")
        if error:
            kind, message = error
            if kind == "engine":
                raise EngineError(message)
            raise WorkerFailed(message)
        return {cid: EngineResult(success=bool(r[0]), failed_rows=int(r[1]), rows_in_scope=int(r[2]),
                                  sample_rows=tuple(int(i) for i in r[3]))
                for cid, r in answer["results"].items()}

    def _read_line(self, timeout: float) -> bytes:
        """The answer line (b"" if the child exits without one); EngineError after `timeout` seconds."""
        import selectors
        import time

        from pia.validation.gx_engine import EngineError

        deadline = time.monotonic() + timeout
        fd = self.proc.stdout.fileno()
        chunks: list[bytes] = []
        with selectors.DefaultSelector() as sel:
            sel.register(fd, selectors.EVENT_READ)
            while True:
                left = deadline - time.monotonic()
                if left <= 0 or not sel.select(left):
                    self.close()
                    raise EngineError(f"great-expectations worker gave no answer within {timeout:g} s")
                chunk = os.read(fd, 1 << 16)
                if not chunk:
                    self.proc.wait()
                    return b"".join(chunks)
                chunks.append(chunk)
                if chunk.endswith(b"\n"):
                    return b"".join(chunks)

    def close(self) -> None:
        """Stop the child if still running and remove the temp dir (idempotent)."""
        proc = getattr(self, "proc", None)
        if proc is not None:
            if proc.poll() is None:
                proc.kill()
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:  # pragma: no cover - a kill that does not take
                pass
            for stream in (proc.stdin, proc.stdout):
                if stream is not None:
                    try:
                        stream.close()
                    except OSError:  # pragma: no cover
                        pass
        if not self._stderr.closed:
            self._stderr.close()
        shutil.rmtree(self.dir, ignore_errors=True)
        atexit.unregister(self.close)


_early: Worker | None = None


def start_early() -> None:
    """Start a worker now (idempotent) so GX imports while the caller does other work; see `claim`."""
    global _early
    if _early is None and enabled():
        try:
            _early = Worker()
        except Exception:  # noqa: BLE001 - claim() tries again, then the in-process path
            _early = None


def claim() -> Worker | None:
    """The worker started early, or a new one; None when disabled or it cannot start."""
    global _early
    worker, _early = _early, None
    if worker is not None and worker.proc.poll() is None:
        return worker
    if worker is not None:
        worker.close()
    if not enabled():
        return None
    try:
        return Worker()
    except Exception:  # noqa: BLE001 - no worker: the in-process path
        return None


# ---------------------------------------------------------------------------- child side
def _orphaned(*_args: Any) -> None:
    """The parent died without cleaning up: remove its temp dir of frames, then exit."""
    target = os.environ.get("PIA_GX_WORKER_DIR", "")
    if Path(target).name.startswith("pia-gx-"):
        shutil.rmtree(target, ignore_errors=True)
    os._exit(1)


def _die_with_parent() -> None:
    """Linux: get SIGTERM when the parent dies (otherwise stdin EOF ends the worker)."""
    try:
        import ctypes
        import signal

        signal.signal(signal.SIGTERM, _orphaned)
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, int(signal.SIGTERM))  # PR_SET_PDEATHSIG
    except Exception:  # noqa: BLE001, S110 - best effort
        pass


def _tracer() -> Any:
    """With env PIA_GX_WORKER_TRACE=<file>, append the time of each step there (for benchmarks)."""
    target = os.environ.get("PIA_GX_WORKER_TRACE")
    if not target:
        return lambda _what: None
    import time

    def trace(what: str) -> None:
        with open(target, "a") as fh:
            fh.write(f"{time.time():.3f} worker {what}\n")

    return trace


def _serve(lines: Any, answer: Any) -> None:
    from pia.validation.checks import Check
    from pia.validation.gx_engine import SUITE_PREFIX, EngineError, GxEngine, _import_gx

    trace = _tracer()
    _import_gx(pandas_only=True)  # this process only runs GX's pandas engine
    trace("imported great_expectations")

    def reference(check_id: str) -> Check:
        from pia.validation.checks import CHECKS_BY_ID

        return CHECKS_BY_ID[check_id]
    engine: GxEngine | None = None
    results: dict[str, list[Any]] = {}
    error: list[str] | None = None
    for line in lines:
        msg = json.loads(line)
        op = msg.get("op")
        if op == "end":
            break
        if op == "run":
            path = Path(msg["path"])
            if error is None:
                try:
                    with open(path, "rb") as fh:
                        frame = pickle.load(fh)  # our own file, in our private temp dir
                    path.unlink()
                    chk = Check.model_validate(msg["def"]) if msg.get("def") else reference(msg["check"])
                    res = engine.run(chk, frame, int(msg["sample_limit"]))
                    del frame
                    trace(f"ran {msg['check']}")
                    results[msg["check"]] = [res.success, res.failed_rows, res.rows_in_scope, list(res.sample_rows)]
                except EngineError as exc:
                    error = ["engine", str(exc)]
                except Exception as exc:  # noqa: BLE001 - the parent redoes it in-process
                    error = ["crash", f"{type(exc).__name__}: {exc}"]
            path.unlink(missing_ok=True)
        elif op == "setup" and error is None:
            try:
                engine = GxEngine(msg["settings"])
                trace("context ready")
            except Exception as exc:  # noqa: BLE001
                error = ["crash", f"{type(exc).__name__}: {exc}"]
        elif op == "export" and (error is None or error[0] == "engine"):
            try:
                from pia.output import to_json, write_atomic

                from pia.validation.checks import CHECKS

                defs = msg.get("defs")
                for check in ([Check.model_validate(d) for d in defs] if defs is not None else CHECKS):
                    write_atomic(Path(msg["dir"]) / f"{SUITE_PREFIX}{check.id}.json", to_json(engine.suite_json(check)))
            except Exception as exc:  # noqa: BLE001
                error = ["crash", f"{type(exc).__name__}: {exc}"]
    else:  # no "end": the parent is gone
        _orphaned()
    answer.write(json.dumps({"results": results, "error": error}) + "\n")
    answer.flush()


def import_in_background(lean: bool = True) -> None:
    """Start importing great_expectations early (it takes seconds); idempotent.

    By default a worker process (`pia.validation.gx_worker`) imports GX on another core and later runs the suites;
    with PIA_GX_WORKER=0 a daemon thread imports it in this process. `lean` skips an optional package
    GX never uses (see `_SLOW_OPTIONAL_MODULES`).
    """
    if enabled():
        start_early()
        return
    from pia.validation.gx_engine import import_in_thread

    import_in_thread(lean)



def main() -> int:
    """Child entry point: protocol on the original stdout; anything GX prints goes to stderr."""
    _die_with_parent()
    answer = os.fdopen(os.dup(1), "w")
    os.dup2(2, 1)
    sys.stdout = sys.stderr
    try:
        _serve(sys.stdin, answer)
    except Exception as exc:  # noqa: BLE001 - e.g. GX failed to import: the parent runs in-process
        answer.write(json.dumps({"results": {}, "error": ["crash", f"{type(exc).__name__}: {exc}"]}) + "\n")
        answer.flush()
        return 1
    sys.stderr.flush()
    os._exit(0)  # the answer is out: skip tearing down GX's modules (the parent waits for nothing else)


if __name__ == "__main__":
    sys.exit(main())
