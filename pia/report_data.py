"""Everything the report shows, gathered as JSON-ready documents: `gather`, the dataset checks in a background
process (`ValidationJob`), and the provenance of the inputs (sha256 of files, versions).
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from typing import Any

from . import config
from .errors import InputError, PiaError, Problem

REPORT_NOTEBOOK = config.REPORT_NOTEBOOK
VERSIONED = ("pia", "great-expectations", "pandas", "plotly", "papermill", "nbconvert", "pydantic")


# --------------------------------------------------------------------------- the gathered results


@dataclass
class ReportData:
    """Everything the report shows, as JSON-ready documents (the objects stay out of the HTML)."""

    params: dict[str, Any]
    service: dict[str, Any]
    inventory: dict[str, Any]
    grid: dict[str, Any]
    assessment: dict[str, Any]
    validation: dict[str, Any] | None = None
    scan: dict[str, Any] | None = None
    review: dict[str, Any] | None = None
    notice_markdown: str = ""
    provenance: dict[str, Any] = field(default_factory=dict)

    @property
    def high_risk(self) -> bool:
        return bool(self.assessment.get("high_risk"))

    def notification(self) -> dict[str, Any]:
        """Must users be notified (VII.2), through which channels, and why."""
        reasons: list[dict[str, str]] = []
        channels = list(self.service.get("notification_channels", []))
        if self.review:
            for t in self.review.get("triggers", []):
                reasons.append({"clause": str(t.get("clause", "")),
                                "text": trigger_text(t, self.review.get("changes", []))})
            channels = list((self.review.get("notify") or {}).get("channels") or channels)
        if self.high_risk and not any(r["clause"].startswith("VII.2(5)") for r in reasons):
            reasons.append({"clause": "VII.2(5)",
                            "text": "this assessment, with the data evidence, finds a high residual risk"})
        return {"required": bool(reasons), "channels": channels if reasons else [], "reasons": reasons,
                "reconsent_required": bool(self.review and self.review.get("reconsent_required")),
                "reconsent_reasons": [f"{str(x.get('kind', '')).replace('_', ' ')}: {x.get('subject', '')}"
                                      if isinstance(x, Mapping) else str(x)
                                      for x in (self.review or {}).get("reasons") or []]}

    def summary(self) -> dict[str, Any]:
        """The verdict in a few fields (recorded in the executed notebook for `pia report --fail-on-high`)."""
        n = self.notification()
        return {"high_risk": self.high_risk, "notify": n["required"], "channels": n["channels"],
                "service": self.service["id"], "as_of": self.params["as_of"]}


def trigger_text(t: Mapping[str, Any], changes: Sequence[Mapping[str, Any]] = ()) -> str:
    """A trigger in plain words: its short title, then what changed (`new processing activity: ...`)."""
    title = re.split(r"[:(]", str(t.get("title") or t.get("id", "")).replace("_", " "))[0].strip()
    by_path = {str(c.get("path")): c for c in changes}
    paths = [str(p.get("path", p)) if isinstance(p, Mapping) else str(p) for p in t.get("changes") or []]
    if t.get("id") == "high_risk_assessment" and t.get("detail"):
        return f"{title}: {t['detail']}"
    phrases = list(dict.fromkeys(change_phrase(by_path.get(p, {"path": p})) for p in paths))
    more = f" and {len(phrases) - 4} more" if len(phrases) > 4 else ""
    return f"{title}: {'; '.join(phrases[:4])}{more}" if phrases else title


def change_phrase(change: Mapping[str, Any]) -> str:
    """One change in words, e.g. `new processing activity "Familiar-face recognition"`, from its path and values."""
    path = str(change.get("path", ""))
    kind = str(change.get("kind", "changed"))
    value = change.get("after") if kind != "removed" else change.get("before")
    m = re.match(r"^([a-z_]+)\[([^\]]+)\]$", path)
    if m and isinstance(value, Mapping):
        what = re.sub(r"ies$", "y", m.group(1)).rstrip("s").replace("_", " ")
        name = value.get("name") or value.get("id") or m.group(2)
        word = {"added": "new", "removed": "removed", "changed": "changed"}.get(kind, kind)
        return f'{word} {what} "{name}"'
    parts = []
    for ident, name in re.findall(r"\[([^\]]+)\]|([^.\[\]]+)", path):
        if ident:
            parts[-1:] = [f"{parts[-1]} {ident}" if parts else ident]
        else:
            parts.append(name.replace("_", " "))
    return f"{' › '.join(parts)} {kind}".strip()


def method_grid(method: Any) -> dict[str, Any]:
    """A risk method (from `pia.methods.load_method`) as the plain grid the risk map draws."""
    def get(*names: str) -> Any:
        for n in names:
            v = method.get(n) if isinstance(method, Mapping) else getattr(method, n, None)
            if v is not None:
                return v
        raise PiaError(f"risk method has none of {names}")

    def plain(v: Any) -> Any:
        if isinstance(v, Mapping):
            return v.get("id")
        return getattr(v, "id", None) or getattr(v, "value", None) or v

    impacts = [plain(x) for x in get("impact_levels", "impact")]
    likelihoods = [plain(x) for x in get("likelihood_levels", "likelihood")]
    matrix = get("matrix")
    grid = {str(plain(i)): {str(plain(lk)): str(plain(v)) for lk, v in row.items()} for i, row in matrix.items()}
    return {"name": str(get("title", "name")), "impact_levels": [str(x) for x in impacts],
            "likelihood_levels": [str(x) for x in likelihoods],
            "risk_levels": [str(plain(x)) for x in get("risk_levels", "levels")],
            "matrix": grid, "unacceptable_from": str(plain(get("unacceptable_from")))}


# --------------------------------------------------------------------------- the dataset checks, in another process


class ValidationJob:
    """`pia validate` running in a separate process, so that great-expectations' import (seconds) and the
    checks overlap the rest of the report's work on another core. `result()` waits and returns its JSON.

    With `status_file`, a thread publishes the outcome there when the process ends, so that another
    process (the report's kernel, through `attach_validation`) can collect it; `close()` then cleans up.
    """

    def __init__(self, estate: str, manifest: str, columns: str = "", as_of: str = "",
                 status_file: Path | None = None):
        self._dir = Path(tempfile.mkdtemp(prefix="pia-validate-"))
        self.output = self._dir / "validation.json"
        self.status_file = status_file
        cmd = [sys.executable, "-m", "pia.cli", "validate", estate, "--manifest", manifest, "--format", "json",
               "-o", str(self.output)]
        cmd += ["--columns", columns] if columns else []
        cmd += ["--as-of", as_of] if as_of else []
        self._proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        if status_file is not None:
            threading.Thread(target=self._publish, name="pia-validate-status", daemon=True).start()

    def _publish(self) -> None:
        from .output import write_atomic

        _, err = self._proc.communicate()
        assert self.status_file is not None
        write_atomic(self.status_file, json.dumps({"returncode": self._proc.returncode, "stderr": err,
                                                   "output": str(self.output)}))

    def result(self) -> dict[str, Any]:
        """The validation document; InputError with `pia validate`'s own messages if it could not run."""
        try:
            _, err = self._proc.communicate()
            return _validation_outcome(self._proc.returncode, err, self.output)
        finally:
            self.close()

    def close(self) -> None:
        """Stop the process if it still runs and remove its temporary files."""
        if self._proc.poll() is None:
            self._proc.kill()
            self._proc.wait()
        shutil.rmtree(self._dir, ignore_errors=True)


class AttachedValidation:
    """The checks `pia report` started before the kernel: `result()` waits for their status file."""

    def __init__(self, status_file: str | os.PathLike[str], timeout: float = 3600.0):
        self.status_file = Path(status_file)
        self.timeout = timeout

    def result(self) -> dict[str, Any]:
        import time

        deadline = time.monotonic() + self.timeout
        while not self.status_file.exists():
            if time.monotonic() > deadline:
                raise PiaError(f"the dataset checks did not finish within {self.timeout:.0f} s")
            time.sleep(0.05)
        status = json.loads(self.status_file.read_text(encoding="utf-8"))
        return _validation_outcome(status["returncode"], status["stderr"], Path(status["output"]))


def _validation_outcome(returncode: int | None, stderr: str, output: Path) -> dict[str, Any]:
    # `pia validate` exits 1 when a check fails: that is a finding, and the document is complete.
    if returncode not in (0, 1) or not output.exists():
        lines = [ln.removeprefix("pia: ") for ln in stderr.splitlines() if ln.strip()] or [
            f"exited with status {returncode}"]
        raise InputError([Problem("pia validate", ln) for ln in lines[-20:]])
    return json.loads(output.read_text(encoding="utf-8"))


def start_validation(estate: str, manifest: str, columns: str = "", as_of: str = "") -> ValidationJob | None:
    """Start the dataset checks in the background (None when there is no estate)."""
    return ValidationJob(estate, manifest, columns, as_of) if estate else None


def attach_validation(status_file: str) -> AttachedValidation:
    """Collect the dataset checks `pia report` started before the kernel (see `ValidationJob`)."""
    return AttachedValidation(status_file)


# --------------------------------------------------------------------------- gathering


def gather(manifest: str, proposed: str = "", estate: str = "", columns: str = "", as_of: str = "",
           method: str = "gbt39335", scan_sample: int = 50_000, params_file: str = "",
           run_started: str = "",
           validation: ValidationJob | AttachedValidation | Mapping[str, Any] | None = None) -> ReportData:
    """Run every part of the kit on the inputs: inventory, validation, discovery, risk and change review.

    `validation` may be a job from `start_validation` or `attach_validation` (its result is awaited last, so
    the checks overlap the rest) or a finished document; without it the checks run here.
    """
    from .changes import review as review_changes
    from .inventory import inventory_document
    from .manifest import load_manifest
    from .methods import load_method
    from .risk import assess

    m = load_manifest(manifest)
    rev = notice = None
    if proposed:
        cr = review_changes(m, load_manifest(proposed), method=method)
        rev, notice = cr.to_dict(), cr.notice_markdown()
    evidence: list[dict[str, Any]] = []
    scan_doc = None
    if estate:
        from .scan import scan as scan_paths

        scan_doc = scan_paths([estate], m, scan_sample).to_dict()
        if isinstance(validation, (ValidationJob, AttachedValidation)):
            validation = validation.result()
        elif validation is None:
            from .validation import validate

            validation = validate(estate, m, columns or None,
                                  dt.date.fromisoformat(as_of) if as_of else None).to_dict()
        evidence = [dict(validation), scan_doc]
    else:
        validation = None
    assessment = assess(m, method=method, evidence=evidence).to_dict()
    params = {"manifest": manifest, "proposed": proposed, "estate": estate, "columns": columns, "as_of": as_of,
              "method": method, "scan_sample": scan_sample}
    service = {"id": m.service.id, "name": m.service.name, "controller": m.controller.legal_entity,
               "policy": m.service.policy.title if m.service.policy else "",
               "notification_channels": [c.value for c in m.notification_channels]}
    data = ReportData(params=params, service=service, inventory=inventory_document(m),
                      grid=method_grid(load_method(method)), assessment=assessment,
                      validation=dict(validation) if validation is not None else None,
                      scan=scan_doc, review=rev, notice_markdown=notice or "")
    data.provenance = provenance(params, params_file=params_file, run_started=run_started)
    return data


# --------------------------------------------------------------------------- provenance


def sha256_file(path: str | os.PathLike[str]) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def input_files(params: Mapping[str, Any], params_file: str = "") -> list[Path]:
    """Every file the run reads: manifests, params file, column mapping, method file, the estate's tables."""
    files: list[Path] = []
    for key in ("manifest", "proposed", "columns"):
        if params.get(key):
            files.append(Path(params[key]))
    if str(params.get("method", "")).endswith((".yaml", ".yml")):
        files.append(Path(params["method"]))
    if params_file:
        files.append(Path(params_file))
    if params.get("estate"):
        files.extend(p for p in sorted(Path(params["estate"]).rglob("*")) if p.is_file())
    return files


def versions() -> dict[str, str]:
    out = {}
    for dist in VERSIONED:
        try:
            out[dist] = metadata.version(dist)
        except metadata.PackageNotFoundError:
            out[dist] = "not installed"
    return out


def provenance(params: Mapping[str, Any], params_file: str = "", run_started: str = "") -> dict[str, Any]:
    """What this report was made from: input files with sha256, versions, method, as_of, time of the run."""
    files = [{"path": config.display_path(p), "sha256": sha256_file(p), "bytes": p.stat().st_size}
             for p in input_files(params, params_file)]
    return {"files": files, "versions": versions(), "method": params.get("method"), "as_of": params.get("as_of"),
            "run_started": run_started or dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
            "notebook": config.display_path(REPORT_NOTEBOOK)}


__all__ = [
    "REPORT_NOTEBOOK",
    "VERSIONED",
    "AttachedValidation",
    "ReportData",
    "ValidationJob",
    "attach_validation",
    "change_phrase",
    "gather",
    "input_files",
    "method_grid",
    "provenance",
    "sha256_file",
    "start_validation",
    "trigger_text",
    "versions",
]
