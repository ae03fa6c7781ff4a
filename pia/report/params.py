"""Parameters of a report run: the `ReportParams` model and `load_params` (params YAML plus `-p` overrides).

Path-valued parameters are resolved to absolute paths here, before the report's kernel ever sees them.
"""
from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from pia import config
from pia.errors import InputError, Problem, quote
from pia.field_errors import field_message
from pia.i18n import LANGUAGES, N_, _

REPORT_PARAMS = config.REPORT_PARAMS
# Path-valued parameters: resolved to absolute paths before the kernel sees them.
PATH_PARAMS = ("manifest", "proposed", "estate", "columns")
# The inputs that belong to one service: taken from the shipped samples' file only for the shipped manifest.
SERVICE_INPUTS = ("proposed", "estate", "columns", "as_of")
# What the report cannot show when an input is absent (recorded as `not_provided` in the report data).
# English msgids: the report shows them translated (`_(why)`), the JSON summary keeps the keys.
OPTIONAL_INPUTS = {"proposed": N_("no change review: no proposed manifest was given"),
                   "estate": N_("no dataset validation or discovery scan: no tables (estate) were given"),
                   # tables given, but nothing to check them against: the reference service's contract would only
                   # report its own camera tables as missing, so the report runs the discovery scan alone
                   "datasets": N_("no dataset validation: the manifest declares no datasets (datasets: section); "
                                  "the discovery scan ran on the tables")}


class ReportParams(BaseModel):
    """The parameters of a report run (the parameters cell of notebooks/assessment_report.ipynb)."""

    model_config = ConfigDict(extra="forbid")

    manifest: str = Field(str(config.REFERENCE_MANIFEST), description="Manifest of the service (YAML).")
    proposed: str = Field("", description="Proposed next manifest for the change review; empty: no review.")
    estate: str = Field("", description="Directory of the service's tables; empty: no validation or discovery.")
    columns: str = Field("", description="Column mapping YAML for `pia validate`; empty: contract names.")
    as_of: str = Field(description="Reference date YYYY-MM-DD of the assessment (fixes every time-based check).")
    method: str = Field("", description="Risk method: gbt39335, cnil, ico or a method YAML file; empty: gbt39335 "
                                         "where Chinese law applies, cnil for a GDPR-only service.")
    scan_sample: int = Field(50_000, ge=1, description="Rows sampled per table by the discovery scan.")
    lang: str = Field("", description="Language of the report: en or zh; empty: the manifest's `language`, then "
                                      "the locale, then en.")

    @field_validator("lang", mode="before")
    @classmethod
    def _lang(cls, value: Any) -> str:
        text = "" if value is None else str(value)
        if text and text not in LANGUAGES:
            raise ValueError(f"{quote(text)} is not a language of the report (allowed: {', '.join(LANGUAGES)})")
        return text

    @field_validator("as_of", mode="before")
    @classmethod
    def _date(cls, value: Any) -> str:
        # Strict: exactly YYYY-MM-DD naming a real day (fromisoformat alone takes 20260630 and 2026-W26-1).
        if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
            return value.isoformat()
        text = value if isinstance(value, str) else repr(value)
        try:
            if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
                raise ValueError
            return dt.date.fromisoformat(text).isoformat()
        except ValueError:
            raise ValueError(_("{value} is not a date YYYY-MM-DD", value=quote(text))) from None

    def not_provided(self) -> dict[str, str]:
        """The optional inputs left out, each with what the report cannot show without it."""
        out = {k: why for k in ("proposed", "estate") if not getattr(self, k) and (why := OPTIONAL_INPUTS[k])}
        if self.estate and not declares_datasets(self.manifest):
            out["datasets"] = OPTIONAL_INPUTS["datasets"]
        return out


def declares_datasets(manifest: str | os.PathLike[str]) -> bool:
    """Whether the manifest declares its own datasets, which `pia validate` checks the tables against."""
    from pia.declare.manifest import load_manifest

    return bool(load_manifest(Path(manifest)).datasets)


def load_params(params_file: str | os.PathLike[str] | None = None,
                overrides: Sequence[tuple[str, str]] = ()) -> tuple[ReportParams, Path]:
    """Read a params YAML file and apply `-p NAME VALUE` overrides; paths become absolute.

    Parameters
    ----------
    params_file
        YAML mapping of parameter names to values; None: data_samples/report-params.yaml. Its paths are
        relative to the file's directory.
    overrides
        `(name, value)` pairs from `-p`; their paths are relative to the working directory. When the shipped
        samples' file is used and `-p manifest` names another service, the samples' proposed manifest, estate,
        column mapping and date are not used: each input is given with `-p` or absent (`as_of`: today).

    Returns
    -------
    tuple
        The validated parameters and the resolved path of the params file used.

    Raises
    ------
    InputError
        Unknown parameter, bad value (with its line in the file), or an input path that does not exist.
    """
    from pia.inputs import directory_problem, regular_file_problem
    from pia.yamlsource import load_yaml

    path = Path(params_file) if params_file is not None else REPORT_PARAMS
    doc = load_yaml(path, expected=N_("a params YAML file"), missing=N_("no such params file"))
    data = doc.data if doc.data is not None else {}
    if not isinstance(data, dict):
        raise InputError(Problem(doc.source, "a params file must be a YAML mapping of parameter names to values", 1))
    allowed = ", ".join(ReportParams.model_fields)
    problems = [Problem(doc.source, f"unknown parameter (allowed: {allowed})", doc.line_of((k,)), str(k))
                for k in data if k not in ReportParams.model_fields]
    values: dict[str, Any] = {}
    for k, v in data.items():
        if k in ReportParams.model_fields:
            values[k] = _resolve(v, path.parent) if k in PATH_PARAMS or (k == "method" and _is_file(v)) else v
    given: set[str] = set()  # names given with -p: their problems are blamed on `-p NAME`, not on the file
    custom = dict(overrides).get("manifest")
    if params_file is None and custom is not None and \
            _resolve(custom, Path.cwd()) != _resolve(str(values.get("manifest", "")), Path.cwd()):
        # Another service with the samples' file: the samples' other inputs belong to the reference service.
        for k in SERVICE_INPUTS:
            values.pop(k, None)
        values["as_of"] = dt.date.today().isoformat()
    for name, value in overrides:
        if name not in ReportParams.model_fields:
            problems.append(Problem("-p", f"unknown parameter {quote(name)} (allowed: {allowed})"))
            continue
        given.add(name)
        values[name] = _resolve(value, Path.cwd()) if name in PATH_PARAMS or (
            name == "method" and _is_file(value)) else value
    if problems:
        raise InputError(problems)

    def blame(name: str, message: str) -> Problem:
        if name in given:
            return Problem(f"-p {name}", message)
        return Problem(doc.source, message, doc.line_of((name,)), name)

    try:
        params = ReportParams.model_validate(values)
    except ValidationError as exc:
        raise InputError([blame(".".join(map(str, e["loc"])) or "params", field_message(e).removeprefix("Value error, "))
                          for e in exc.errors()]) from None
    kinds = {"manifest": "file", "proposed": "file", "estate": "directory", "columns": "file"}
    missing = []
    for k, kind in kinds.items():
        value = getattr(params, k)
        if not value:
            continue
        # The same checks as every input: a FIFO or a symlink loop is named as such here, before any kernel.
        problem = (directory_problem(value, missing="") if kind == "directory"
                   else regular_file_problem(value, expected="a file", missing=""))
        if problem == "":
            missing.append(blame(k, f"no such {kind}: {value}"))
        elif problem:
            missing.append(blame(k, f"not a {kind}: {value} ({problem})"))
    if missing:
        raise InputError(missing)
    problems = _method_problems(params.method)
    if problems:
        raise InputError([blame("method", p.message) if p.file == "--method" else p for p in problems])
    if params.columns:  # read in the kernel otherwise: a bad mapping must fail here, before any kernel starts
        from pia.validation.contract import load_column_mapping

        load_column_mapping(params.columns)
    return params, path.resolve()


def _method_problems(method: str) -> list[Problem]:
    """What is wrong with the risk method (a shipped name or a method file), checked before any kernel starts."""
    from pia.risk.methods import load_method

    if not method:
        return []  # the method of the service's regimes, chosen when the manifest is read
    try:
        load_method(method)
    except InputError as exc:
        return exc.problems
    return []


def _is_file(value: Any) -> bool:
    """A method given as a YAML file rather than by name."""
    return isinstance(value, str) and value.endswith((".yaml", ".yml"))


def _resolve(value: Any, base: Path) -> Any:
    if value in (None, ""):
        return ""
    try:
        return str((base / str(value)).resolve())
    except (RuntimeError, OSError, ValueError):  # a symlink loop (3.11), a NUL byte: the checks below say so
        return os.path.abspath(base / str(value))


__all__ = ["OPTIONAL_INPUTS", "PATH_PARAMS", "REPORT_PARAMS", "ReportParams", "load_params"]
