"""Validation of a data estate against the policy: read, prepare, let GX judge, report without leaking.

`validate(data_dir, ...)` returns a `ValidationResult` whose `to_dict()` is the `pia.validation`
evidence document that `pia assess --evidence` reads.
"""
from __future__ import annotations

import re

import datetime as dt
import functools
import hashlib
import math
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from enum import Enum
from pathlib import Path
from typing import Any

from pydantic import BaseModel, Field

from pia.validation.checks import Check
from pia.validation.contract import ColumnMapping, find_file, load_column_mapping, read_dataset
from pia.errors import InputError, Problem
from pia.masking import mask_value

ProgressFn = Callable[[str], None]


class CheckStatus(str, Enum):
    """The outcome of one dataset check."""

    passed = "pass"
    failed = "fail"
    skipped = "skipped"


class Sample(BaseModel):
    """One failing row: where it is, its key, and masked values (secrets are never shown)."""

    row: int = Field(description="Line of the CSV file (header is line 1), or 1-based row of a Parquet file.")
    key: str | None = Field(description="Value of the dataset's key column (None when blank).")
    values: dict[str, str] = Field(default_factory=dict, description="Columns shown, personal values masked.")


class CheckResult(BaseModel):
    """The outcome of one check, with its reason and what it is evidence for."""

    id: str = Field(description="Check id.")
    clause: str = Field(description="Clause(s) of the policy tested.")
    dataset: str = Field(description="Dataset whose rows are counted.")
    description: str = Field(description="When a row fails.")
    status: CheckStatus = Field(description="pass, fail or skipped.")
    rows_checked: int = Field(description="Rows of the dataset examined (0 when skipped).")
    rows_in_scope: int = Field(description="Rows the condition applies to (e.g. active accounts only).")
    failed_rows: int = Field(description="Rows that fail, as counted by GX.")
    samples: list[Sample] = Field(default_factory=list, description="Up to 5 failing rows, sorted by key and row.")
    reason: str = Field(description="Why the check has its status.")
    activities: list[str] = Field(default_factory=list, description="Manifest activities it is evidence for.")
    controls: list[str] = Field(default_factory=list, description="Controls it is evidence for.")
    template: str = Field("", description="Template the check instantiates.")
    kind: str = Field("", description="Kind of evidence: which feared events it bears on (pia/data/evidence_events.yaml).")
    categories: list[str] = Field(default_factory=list, description="Taxonomy categories of the data it judged.")
    elements: list[str] = Field(default_factory=list, description="The manifest's data elements of those categories.")
    mapped_by: str = Field("", description="How `activities` were found: elements, consent_scope, flows or declaration.")


def with_coverage(results: list[CheckResult], checks: list[Any], man: Any, declared: dict[str, Any]) -> list[CheckResult]:
    """The results with `activities` those that process the data each check judged, and its kind of evidence.

    The activities come from the data (pia.declare.coverage), not from the check's declaration, so that a failed
    check bears on the activities whose data it found wanting.
    """
    from pia.declare.coverage import check_coverage
    from pia.declare.datasets import CheckDecl
    from pia.risk.bearing import load_evidence_map

    emap = load_evidence_map()
    by_id = {c.id: c for c in checks}
    known = {a.id for a in man.processing_activities}
    out = []
    for r in results:
        c = by_id[r.id]
        decl = CheckDecl(id=c.id, template=c.template, dataset=c.dataset, parameters=c.parameters, scope=c.scope,
                         clauses=[x.strip() for x in c.clause.split(",")], activities=c.activities, controls=c.controls)
        cov = check_coverage(man, decl, declared)
        out.append(r.model_copy(update={
            "activities": [a for a in cov.activities if a in known], "template": c.template,
            "kind": emap.kind_of(c.template, c.parameters).id, "categories": cov.categories,
            "elements": cov.elements, "mapped_by": cov.how}))
    return out


class ValidationResult(BaseModel):
    """Every check's outcome, the settings used and the sha256 of every input read."""

    passed: bool = Field(description="True when no check failed.")
    as_of: dt.date = Field(description="The date the checks are judged at.")
    settings: dict[str, Any] = Field(description="minor_age, erasure_grace_days, rights_response_days, manifest.")
    inputs: dict[str, str] = Field(description="File name -> sha256 of every file read.")
    checks: list[CheckResult] = Field(description="One result per check, in catalogue order sorted by id.")

    @property
    def failed(self) -> list[CheckResult]:
        """The checks that failed."""
        return [c for c in self.checks if c.status is CheckStatus.failed]

    def to_dict(self) -> dict[str, Any]:
        """The `pia.validation` evidence document (plain JSON data)."""
        data = self.model_dump(mode="json")
        data["kind"] = "pia.validation"
        data["schema_version"] = 1  # read by pia.risk.evidence.ValidationDocument
        return data


def parse_as_of(value: str | dt.date | None) -> dt.date:
    """`--as-of`: a date, 'YYYY-MM-DD', or None for today (UTC)."""
    if value is None:
        return dt.datetime.now(dt.UTC).date()
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value).strip()) if len(str(value).strip()) == 10 else _bad_date(value)
    except ValueError:
        return _bad_date(value)


def _bad_date(value: object) -> dt.date:
    from pia.i18n import _

    raise InputError(Problem("--as-of", _("{value!r} is not a date (YYYY-MM-DD)", value=value)))


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 22), b""):
            digest.update(block)
    return digest.hexdigest()


def validate(data_dir: str | Path, manifest: str | Path | Any | None = None, columns: str | Path | ColumnMapping | None = None,
             as_of: str | dt.date | None = None, progress: ProgressFn | None = None,
             overrides: dict[str, int] | None = None, export_suites: str | Path | None = None,
             engine: str | None = None, master: str | None = None) -> ValidationResult:
    """Run every check of the catalogue over the estate in `data_dir`.

    Parameters
    ----------
    data_dir : directory with the contract's CSV or Parquet files, or a `postgresql://` / `sqlite:///` URL
        (the checks run in that database), or with `engine="spark"` a directory or `spark-catalog:DB`.
    engine : None or "local" (files on this machine), or "spark".
    master : Spark master for engine "spark": `local[N]` (default local[2]) or a cluster URL.
    manifest : manifest path or `Manifest` (recipients and settings); None reads the reference manifest.
    columns : a `--columns` mapping file, or an already loaded mapping.
    as_of : the date the checks are judged at (default today, UTC).
    progress : called with a short message before each dataset is read and each check runs.
    overrides : settings that replace the manifest's (minor_age, erasure_grace_days, rights_response_days).
    export_suites : a directory to write each check's GX suite to, as JSON.

    Returns
    -------
    ValidationResult

    Raises
    ------
    InputError : missing directory, none of the contract's files in it, bad mapping or as_of, a header row
        missing, holding data values or repeating a name, missing required column, unparseable file.
    """
    from pia.validation import gx_engine
    from pia.validation import gx_worker
    from pia.validation.sources import EngineKind, parse_source

    where = parse_source(str(data_dir), engine, master)
    if where.engine is not EngineKind.local:  # the checks run where the data lives
        gx_engine.import_in_thread()
        return _validate_remote(where, manifest, columns, as_of, progress, overrides, export_suites)
    # GX takes seconds to import: a worker process imports it (and later runs the suites) on another
    # core while this one reads and prepares the data; without a worker, a thread imports it here.
    worker = gx_worker.claim()
    if worker is None:
        gx_engine.import_in_thread()
    try:
        return _validate(worker, data_dir, manifest, columns, as_of, progress, overrides, export_suites)
    finally:
        if worker is not None:
            worker.close()


def _validate(worker: Any, data_dir: str | Path, manifest: Any, columns: Any, as_of: Any,
              progress: ProgressFn | None, overrides: dict[str, int] | None,
              export_suites: str | Path | None) -> ValidationResult:
    from pia.validation import gx_engine
    from pia.validation import gx_worker
    from pia.declare.manifest import Manifest, load_manifest

    say = progress or (lambda _msg: None)
    day = parse_as_of(as_of)
    data_dir = Path(data_dir)
    if data_dir.exists() and not data_dir.is_dir():
        raise InputError(Problem(str(data_dir), "is not a directory"))
    if not data_dir.is_dir():
        raise InputError(Problem(str(data_dir), "no such directory (expected a directory of CSV or Parquet files)"))
    man = manifest if isinstance(manifest, Manifest) else load_manifest(manifest)
    from pia.validation.checks import compile_checks
    from pia.validation.contract import contract_of

    declared, CHECKS = compile_checks(man)  # noqa: N806
    DATASETS = contract_of(declared, CHECKS)  # noqa: N806
    mapping = columns if isinstance(columns, dict) else load_column_mapping(columns, DATASETS)
    settings = _settings(man, overrides or {}, day)
    if worker is not None:
        worker.setup(_gx_settings(settings, man))  # the worker builds its GX context meanwhile
    if export_suites is not None and not Path(export_suites).is_dir():
        raise InputError(Problem(str(export_suites), "no such directory for --export-suites"))

    files = {name: find_file(data_dir, name, DATASETS) for name in DATASETS}
    present = {name: path for name, path in files.items() if path is not None}
    if not present:
        expected = ", ".join(DATASETS[n].file_names[0] for n in DATASETS)
        # a new service that has not declared its tables yet gets the reference's contract: say so, or the list of
        # camera tables reads as a mistake of the kit
        hint = ("; this manifest declares no datasets:, so the reference service's tables are expected: declare "
                "your own under datasets: and checks:") if not man.datasets and not man.checks else ""
        raise InputError(Problem(str(data_dir), f"none of the data contract's files found (expected {expected}, "
                                                f"or the same names as .parquet){hint}"))
    from pia.validation.frames import warm_up

    with ThreadPoolExecutor(max_workers=2) as pool:
        warming = pool.submit(warm_up)  # Ibis and DuckDB import while pyarrow reads (it releases the GIL)
        digests = {path.name: pool.submit(_sha256, path) for path in present.values()}
        tables = {}
        problems: list[Problem] = []
        for name, path in present.items():
            say(f"reading {path.name}")
            try:
                tables[name] = read_dataset(path, DATASETS[name], mapping)
            except InputError as exc:
                problems.extend(exc.problems)
        if problems:
            raise InputError(problems)
        inputs = {name: fut.result() for name, fut in digests.items()}
        warming.result()
    if man.sha256 and man.source:
        inputs[Path(man.source).name] = man.sha256

    from pia.validation.frames import DuckDBBackend, FrameSettings, IbisFrames

    frame_settings = FrameSettings(as_of=day, minor_age=settings["minor_age"],
                                   erasure_grace_days=settings["erasure_grace_days"],
                                   rights_response_days=settings["rights_response_days"],
                                   recipients={r.id: frozenset(g.value for g in r.data_groups) for r in man.recipients})
    source = IbisFrames(DuckDBBackend(tables), frame_settings, declared)
    activity_ids = {a.id for a in man.processing_activities}
    runnable = [c for c in CHECKS if all(d in tables for d in c.datasets)]
    frames = {}
    for check in runnable:  # pandas preparation, while GX may still be importing
        say(f"preparing {check.id}")
        frames[check.id] = source.frame(check)
        if worker is not None:
            worker.submit(check, frames[check.id], gx_engine.SAMPLE_LIMIT)

    say("starting great-expectations")
    outcomes: dict[str, Any] | None = None
    if worker is not None:
        if export_suites is not None:
            worker.export(export_suites, CHECKS)
        try:
            outcomes = worker.finish()
        except gx_worker.WorkerFailed:
            outcomes = None  # the worker could not do it: GX runs in this process, as without a worker
    if outcomes is None:
        engine = gx_engine.GxEngine(_gx_settings(settings, man))
        if export_suites is not None:
            from pia.output import to_json, write_atomic

            for check in CHECKS:
                write_atomic(Path(export_suites) / f"{gx_engine.SUITE_PREFIX}{check.id}.json",
                             to_json(engine.suite_json(check)))

    results: list[CheckResult] = []
    for check in CHECKS:
        acts = [a for a in check.activities if a in activity_ids]
        missing = [d for d in check.datasets if d not in tables]
        if missing:
            names = ", ".join(f"{d}.csv" for d in missing)
            results.append(CheckResult(
                id=check.id, clause=check.clause, dataset=check.dataset, description=_describe(check.description, settings, man),
                status=CheckStatus.skipped, rows_checked=0, rows_in_scope=0, failed_rows=0,
                reason=f"skipped: {names} not found in {data_dir.name or data_dir} (nor as .parquet)",
                activities=acts, controls=list(check.controls)))
            continue
        say(f"checking {check.dataset}: {check.id}")
        frame = frames.pop(check.id)
        outcome = outcomes[check.id] if outcomes is not None else engine.run(check, frame)
        rows = source.rows(check.dataset)
        status = CheckStatus.passed if outcome.success else CheckStatus.failed
        if status is CheckStatus.passed:
            reason = f"no failing row among {outcome.rows_in_scope} in scope ({check.clause})"
        else:
            reason = (f"{outcome.failed_rows} of {outcome.rows_in_scope} {check.dataset} rows in scope fail: "
                      f"{_describe(check.description, settings, man)} ({check.clause})")
        samples = _samples(check, outcome.sample_rows, tables, frame, frame_settings, declared[check.dataset],
                           csv_lines=present[check.dataset].suffix.lower() != ".parquet")
        results.append(CheckResult(
            id=check.id, clause=check.clause, dataset=check.dataset, description=_describe(check.description, settings, man),
            status=status, rows_checked=rows, rows_in_scope=outcome.rows_in_scope,
            failed_rows=outcome.failed_rows, samples=samples, reason=reason,
            activities=acts, controls=list(check.controls)))
    results = with_coverage(results, CHECKS, man, declared)
    results.sort(key=lambda r: r.id)
    return ValidationResult(passed=not any(r.status is CheckStatus.failed for r in results), as_of=day,
                            settings={k: v for k, v in settings.items() if k != "as_of"},
                            inputs=dict(sorted(inputs.items())), checks=results)


_PLACEHOLDER = re.compile(r"\$(retention\.[A-Za-z0-9_]+|[a-z_]+)")


def _describe(text: str, settings: dict[str, Any], man: Any) -> str:
    """A check's description with its `$setting` and `$retention.<element>` placeholders filled in."""

    def fill(m: re.Match[str]) -> str:
        name = m.group(1)
        if name.startswith("retention."):
            element = {e.id: e for e in man.data_elements}.get(name.split(".", 1)[1])
            days = element.retention.max_days if element is not None and element.retention else None
            return str(days) if days is not None else m.group(0)
        value = settings.get(name)
        return str(value) if isinstance(value, int) and not isinstance(value, bool) else m.group(0)

    return _PLACEHOLDER.sub(fill, text)


def _settings(man: Any, overrides: dict[str, int], day: dt.date) -> dict[str, Any]:
    out: dict[str, Any] = {"minor_age": man.settings.highest_minor_age, "erasure_grace_days": man.settings.erasure_grace_days,
                           "rights_response_days": man.settings.rights_response_days}
    for key, value in overrides.items():
        if value is None:
            continue
        if key not in out:
            raise InputError(Problem(f"--{key.replace('_', '-')}", "unknown setting"))
        if not isinstance(value, int) or value < 0:
            raise InputError(Problem(f"--{key.replace('_', '-')}", f"{value!r} is not a whole number >= 0"))
        out[key] = value
    out["manifest"] = Path(man.source).name if man.source else "<memory>"
    out["as_of"] = day.isoformat()
    return out


def _gx_settings(settings: dict[str, Any], man: Any) -> dict[str, Any]:
    return {"minor_age": settings["minor_age"], "rights_response_days": settings["rights_response_days"],
            "recipients": sorted(r.id for r in man.recipients)}


def _shown(value: Any) -> str:
    """A non-personal frame value as text (numbers rounded, missing as '')."""
    if _is_missing(value):
        return ""
    if isinstance(value, float):
        return "" if math.isnan(value) else (str(int(value)) if value.is_integer() else f"{value:.2f}")
    if hasattr(value, "item"):
        return _shown(value.item())
    return str(value)


def _samples(check: Check, rows: tuple[int, ...], tables: dict[str, Any], frame: Any,
             settings: Any, decl: Any, csv_lines: bool) -> list[Sample]:
    from pia.validation.frames import undeclared_groups

    table = tables[check.dataset]
    key_col = decl.key
    out = []
    for pos in rows:
        key = table[key_col].iloc[pos]
        values: dict[str, str] = {}
        for col in check.show:
            values[col] = mask_value(table[col].iloc[pos], _mask_kind(decl, col))
        for col in check.show_frame:
            if col == "undeclared":
                p = check.parameters
                recipient = table[p["recipient"]].iloc[pos]
                values[col] = undeclared_groups(table[p["groups"]].iloc[pos],
                                                settings.recipients.get(recipient, frozenset()), p["separator"])
            elif col in frame.columns:
                values[col] = _shown(frame[col].loc[pos]) if pos in frame.index else ""
            else:  # a non-personal column of the dataset (e.g. recipient)
                values[col] = _shown(table[col].iloc[pos])
        out.append(Sample(row=pos + 2 if csv_lines else pos + 1, key=None if _is_missing(key) else str(key),
                          values=values))
    out.sort(key=lambda s: (s.key is None, s.key or "", s.row))
    return out


_MASK_ROLES = ("email", "phone", "birth_date", "secret_hash")


def _mask_kind(decl: Any, column: str) -> str:
    """How a shown column is masked: by its declared role when that says more than its name."""
    col = decl.columns.get(column)
    role = col.role.value if col is not None and col.role is not None else None
    return role if role in _MASK_ROLES else column


def _is_missing(value: Any) -> bool:
    import pandas as pd

    return value is None or bool(pd.isna(value))


# --------------------------------------------------------------------------- engines where the data lives


def _validate_remote(where: Any, manifest: Any, columns: Any, as_of: Any, progress: ProgressFn | None,
                     overrides: dict[str, int] | None, export_suites: str | Path | None) -> ValidationResult:
    """`validate` in PostgreSQL, SQLite or Spark: the same frames (compiled), GX there, bounded samples back."""
    from pia.declare.manifest import Manifest, load_manifest
    from pia.validation.checks import compile_checks
    from pia.validation.contract import contract_of
    from pia.validation.frames import FrameSettings, IbisFrames
    from pia.validation.gx_engine import SUITE_PREFIX
    from pia.validation.gx_remote import RemoteGx, materialise, release, shared_session
    from pia.validation.remote import one_scan, open_remote
    from pia.validation.sources import EngineKind

    say = progress or (lambda _msg: None)
    day = parse_as_of(as_of)
    man = manifest if isinstance(manifest, Manifest) else load_manifest(manifest)
    declared, checks = compile_checks(man)
    contract = contract_of(declared, checks)
    mapping = columns if isinstance(columns, dict) else load_column_mapping(columns, contract)
    settings = _settings(man, overrides or {}, day)
    if export_suites is not None and not Path(export_suites).is_dir():
        raise InputError(Problem(str(export_suites), "no such directory for --export-suites"))
    say(f"connecting to {where.shown}")
    backend, read = open_remote(where, declared, contract, mapping)
    try:
        gx_settings = {**_gx_settings(settings, man), "erasure_grace_days": settings["erasure_grace_days"]}
        frame_settings = FrameSettings(
            as_of=day, minor_age=settings["minor_age"], erasure_grace_days=settings["erasure_grace_days"],
            rights_response_days=settings["rights_response_days"],
            recipients={r.id: frozenset(g.value for g in r.data_groups) for r in man.recipients})
        frames = IbisFrames(backend, frame_settings, declared)
        side = counted = session = None
        early: dict[str, str] = {}  # check id -> temporary table its frame was written to while GX imported
        if where.engine is EngineKind.postgresql:
            # A second database session for the kit's own queries: the datasets' row counts while GX imports,
            # then the sample query of each failed one-scan frame while GX judges the next frames.
            side = ThreadPoolExecutor(max_workers=1, thread_name_prefix="pia-samples")
            counted = {d: side.submit(backend.rows, d) for d in backend.physical}
            session = backend.session = shared_session(backend.source)
            early = _write_frames_while_importing(checks, frames, backend, session)
        engine = RemoteGx(gx_settings, backend.source, session)
        if export_suites is not None:
            from pia.output import to_json, write_atomic

            for check in checks:
                write_atomic(Path(export_suites) / f"{SUITE_PREFIX}{check.id}.json", to_json(engine.suite_json(check)))
        activity_ids = {a.id for a in man.processing_activities}
        row_counts: dict[str, int] = {}
        results: list[CheckResult] = []
        later: list[tuple[int, Any, Any]] = []  # (result index, the side session's failing rows, what masks them)
        for check in checks:
            acts = [a for a in check.activities if a in activity_ids]
            missing = [d for d in check.datasets if d not in backend.physical]
            if missing:
                names = ", ".join(backend.source.table(d) for d in missing)
                results.append(CheckResult(
                    id=check.id, clause=check.clause, dataset=check.dataset,
                    description=_describe(check.description, settings, man),
                    status=CheckStatus.skipped, rows_checked=0, rows_in_scope=0, failed_rows=0,
                    reason=f"skipped: no table {names} in {where.shown}", activities=acts,
                    controls=list(check.controls)))
                continue
            say(f"checking {check.dataset}: {check.id}")
            expr = _unsorted(frames.expression(check))
            try:
                sql = backend.sql(expr)
            except Exception as exc:  # noqa: BLE001 - ibis has no translation of an operation for this engine
                if type(exc).__name__ not in ("OperationNotDefinedError", "UnsupportedOperationError"):
                    raise
                results.append(CheckResult(
                    id=check.id, clause=check.clause, dataset=check.dataset,
                    description=_describe(check.description, settings, man),
                    status=CheckStatus.skipped, rows_checked=0, rows_in_scope=0, failed_rows=0,
                    reason=f"skipped: template {check.template} cannot run on {where.engine.value} "
                           f"({_first_line(exc)})", activities=acts, controls=list(check.controls)))
                continue
            # Spark: the frame is computed once, for GX's metrics and then the sample query (from its view);
            # PostgreSQL: a temporary relation (a table written once for a frame with joins, else a view)
            cached = backend.cached_frame(sql) if where.engine is EngineKind.spark else None
            written = where.engine is EngineKind.postgresql and not one_scan(expr)
            relation = (early.get(check.id) or materialise(session, sql, written)
                        if where.engine is EngineKind.postgresql else None)
            try:
                success, failed, in_scope = engine.run_remote(check, (relation or sql) if cached is None else cached,
                                                              table=relation is not None)
                if check.dataset not in row_counts:
                    row_counts[check.dataset] = (counted[check.dataset].result() if counted is not None
                                                 else backend.rows(check.dataset))
                status = CheckStatus.passed if success else CheckStatus.failed
                if success:
                    reason = f"no failing row among {in_scope} in scope ({check.clause})"
                    samples: list[Sample] = []
                else:
                    reason = (f"{failed} of {in_scope} {check.dataset} rows in scope fail: "
                              f"{_describe(check.description, settings, man)} ({check.clause})")
                    frame_sql = sql if cached is None else f"SELECT * FROM {backend.FRAME_VIEW}"
                    counts = (failed, row_counts[check.dataset])
                    samples_of = functools.partial(
                        _remote_samples, check, frame_columns=list(expr.columns), gx_settings=gx_settings,
                        settings=frame_settings, key_col=contract[check.dataset].key,
                        read=read.get(check.dataset, ""), counts=counts)
                    samples = []
                    if side is not None and not written:  # the frame's own SQL, in the side session
                        rows = side.submit(_failing_rows, check, backend, frame_sql, list(expr.columns), gx_settings,
                                           counts)
                        later.append((len(results), rows, functools.partial(samples_of, backend, frame_sql)))
                    elif written:  # from the temporary table, in GX's session, before it is dropped
                        samples = samples_of(backend.on(engine.sql_engine), f"SELECT * FROM {relation}")
                    else:
                        samples = samples_of(backend, frame_sql)
            finally:
                if cached is not None:
                    backend.release(cached)
                if relation is not None:
                    release(session, relation, written)
            results.append(CheckResult(
                id=check.id, clause=check.clause, dataset=check.dataset, description=_describe(check.description, settings, man),
                status=status, rows_checked=row_counts[check.dataset], rows_in_scope=in_scope,
                failed_rows=failed, samples=samples, reason=reason, activities=acts, controls=list(check.controls)))
        for at, rows, finish in later:
            results[at] = results[at].model_copy(update={"samples": finish(picked=rows.result())})
    finally:
        if side is not None:
            side.shutdown(wait=True, cancel_futures=True)
        if session is not None:
            session.dispose()
        backend.close()
    # what was read: files by their sha256 (as the local engine records them), tables by name and row count
    inputs = {}
    for d in backend.physical:
        path = Path(read.get(d, ""))
        if where.engine is EngineKind.spark and path.is_file():
            inputs[path.name] = _sha256(path)
        else:
            inputs[f"{where.engine.value}:{read.get(d) or backend.source.table(d)}"] = f"{row_counts.get(d, 0)} rows"
    if man.sha256 and man.source:
        inputs[Path(man.source).name] = man.sha256
    results = with_coverage(results, checks, man, declared)
    results.sort(key=lambda r: r.id)
    return ValidationResult(passed=not any(r.status is CheckStatus.failed for r in results), as_of=day,
                            settings={k: v for k, v in settings.items() if k != "as_of"},
                            inputs=dict(sorted(inputs.items())), checks=results)


def _write_frames_while_importing(checks: list[Check], frames: Any, backend: Any, session: Any) -> dict[str, str]:
    """PostgreSQL: write the frames with joins to temporary tables, in catalogue order, while GX still imports.

    The database works while this process imports GX (the driver releases the GIL); returns check id -> table.
    Stops as soon as the import is done: the others are written just before GX judges them.
    """
    from pia.validation import gx_engine
    from pia.validation.gx_remote import materialise
    from pia.validation.remote import one_scan

    early: dict[str, str] = {}
    for check in checks:
        if not gx_engine.importing():
            break
        if any(d not in backend.physical for d in check.datasets):
            continue
        expr = _unsorted(frames.expression(check))
        if one_scan(expr):
            continue
        try:
            sql = backend.sql(expr)
        except Exception:  # noqa: BLE001, S112 - the main loop reports a frame that cannot be compiled
            continue
        early[check.id] = materialise(session, sql, True, f"pia_frame_{len(early)}")
    return early


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return text[0][:200] if text else type(exc).__name__


def _unsorted(expr: Any) -> Any:
    """The frame without its final ORDER BY: GX counts need no order, and sorting billions of rows costs."""
    import ibis.expr.operations as ops

    op = expr.op()
    return op.parent.to_expr() if isinstance(op, ops.Sort) else expr


def _failing_rows(check: Check, backend: Any, frame_sql: str, frame_columns: list[str], gx_settings: dict[str, Any],
                  counts: tuple[int, int] | None = None) -> list[tuple]:
    """`_row` and the shown frame columns of up to SAMPLE_LIMIT failing rows, lowest positions first.

    `counts` (failed rows, the dataset's rows) lets PostgreSQL look for them in a prefix first (`first_failing`).
    """
    from pia.validation.gx_engine import SAMPLE_LIMIT
    from pia.validation.gx_remote import first_failing, sample_query
    from pia.validation.sources import EngineKind

    frame_cols = [c for c in check.show_frame if c != "undeclared" and c in frame_columns]

    def run(below: int | None) -> list[tuple]:
        return backend.query(sample_query(check, frame_sql, gx_settings, backend.engine, ["_row"],
                                          ["_row", *frame_cols], SAMPLE_LIMIT, below))

    if counts is not None and backend.engine is EngineKind.postgresql:
        return first_failing(run, counts[0], counts[1], SAMPLE_LIMIT)
    return run(None)


def _remote_samples(check: Check, backend: Any, frame_sql: str, frame_columns: list[str], gx_settings: dict[str, Any],
                    settings: Any, key_col: str, read: str, counts: tuple[int, int] | None = None,
                    picked: list[tuple] | None = None) -> list[Sample]:
    """Up to SAMPLE_LIMIT failing rows (lowest positions first, as the local engine picks), masked here.

    `picked`: the rows of `_failing_rows`, when they were fetched already (in another session).
    """
    import decimal

    from pia.validation.frames import undeclared_groups

    frame_cols = [c for c in check.show_frame if c != "undeclared" and c in frame_columns]
    if picked is None:
        picked = _failing_rows(check, backend, frame_sql, frame_columns, gx_settings, counts)
    positions = [int(r[0]) for r in picked]
    from_frame = {int(r[0]): dict(zip(frame_cols, r[1:], strict=True)) for r in picked}
    p = check.parameters
    wanted = [key_col, *check.show]
    wanted += [c for c in check.show_frame if c not in frame_cols and c != "undeclared"]
    if "undeclared" in check.show_frame:
        wanted += [p["recipient"], p["groups"]]
    wanted = list(dict.fromkeys(wanted))
    table = backend.sample_values(check.dataset, positions, wanted)

    def plain(value: Any) -> Any:
        return float(value) if isinstance(value, decimal.Decimal) else value

    out = []
    for pos in positions:
        row = table.loc[pos]
        key = row[key_col]
        values: dict[str, str] = {}
        for col in check.show:
            values[col] = mask_value(row[col], col)
        for col in check.show_frame:
            if col == "undeclared":
                values[col] = undeclared_groups(row[p["groups"]], settings.recipients.get(row[p["recipient"]],
                                                                                          frozenset()), p["separator"])
            elif col in from_frame[pos]:
                values[col] = _shown(plain(from_frame[pos][col]))
            else:
                values[col] = _shown(plain(row[col]))
        line = pos + 2 if read.lower().endswith(".csv") else pos + 1
        out.append(Sample(row=line, key=None if _is_missing(key) else str(key), values=values))
    out.sort(key=lambda s: (s.key is None, s.key or "", s.row))
    return out

