"""Data discovery: read a bounded sample of CSV, Parquet and SQLite tables and find their personal data.

Evidence is pattern names, shares and counts, never values; see `_read_csv` for how a CSV is sampled.
"""
from __future__ import annotations

import csv
import io
import math
import os
import re
import sqlite3
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

from pydantic import BaseModel, Field

from pia.config import SAMPLE_ESTATE, display_path
from pia.discovery.detectors import (
    DETECTORS_BY_ID,
    ColumnProfile,
    ColumnVerdict,
    classify_column,
    classify_eav_value,
    cross_table,
    eav_key_column,
    is_password_hash,
    normalise_name,
    polymorphic_person_key,
    polymorphic_type_column,
)
from pia.errors import InputError, Problem
from pia.declare.taxonomy import load_taxonomy
from pia.discovery.value_patterns import (
    PASSWORD_HASH_RE,
    duplicate_names,
    header_problem,
    positions_text,
    safe_column_name,
)

DEFAULT_SAMPLE = 50_000
MAX_DISTINCT = 2_000  # distinct values per column tested against the value patterns
SPREAD_RUNS = 8
CSV_EXT = {".csv": ",", ".tsv": "\t"}
PARQUET_EXT = {".parquet", ".pq"}
SQLITE_EXT = {".db", ".sqlite", ".sqlite3"}
_SQLITE_MAGIC = b"SQLite format 3\x00"
_IMAGE_MAGIC = (b"\xff\xd8\xff", b"\x89PNG", b"GIF8", b"RIFF")
_ENCRYPTION_FLAG = re.compile(r"^(is_)?(encrypted|encryption|encrypted_at_rest)$")
_TRUE = {"true", "1", "yes", "y", "t"}
_FALSE = {"false", "0", "no", "n", "f"}

Progress = Callable[[str], None]


# --------------------------------------------------------------------------- result model


class ColumnFinding(BaseModel):
    """What the scan concluded about one column; it carries no value of the column."""

    name: str = Field(description="Column name as stored.")
    category: str | None = Field(description="Taxonomy key of the personal data found, or None.")
    confidence: float = Field(description="Confidence in the verdict (category or not personal), 0 to 1.")
    sensitive: bool = Field(description="Whether the category is sensitive (taxonomy, GB/T 35273-2020 Annex B).")
    detector: str | None = Field(None, description="Id of the detector that decided.")
    evidence: list[str] = Field(default_factory=list, description="Name patterns, value-pattern shares, decoy rules.")
    value_share: float | None = Field(None, description="Share of sampled non-blank values matching the pattern.")
    non_blank: int = Field(0, description="Non-blank values in the sample.")
    distinct: int = Field(0, description="Distinct non-blank values in the sample.")
    stored_form: str | None = Field(None, description="For secrets: one_way_hash, digest, encrypted or plaintext.")
    unprotected_rows: int | None = Field(None, description="For secrets: sampled rows not stored as a one-way hash.")


class EncryptionFlag(BaseModel):
    """A column that says per row whether stored content is encrypted, and its counts in the sample."""

    column: str = Field(description="Name of the flag column.")
    rows_true: int = Field(description="Rows flagged encrypted.")
    rows_false: int = Field(description="Rows flagged not encrypted.")
    rows_blank: int = Field(description="Rows with a blank or unrecognised flag.")


class TableScan(BaseModel):
    """One table (a file, or a table of a database) and its columns."""

    source: str = Field(description="File the table was read from, as the user named it.")
    table: str = Field(description="Table name (file stem, or the database's table name).")
    format: str = Field(description="csv, parquet or sqlite.")
    rows_sampled: int = Field(description="Rows read.")
    rows_total_known: int | None = Field(description="Rows in the table, when known without a full read.")
    rows_estimated: int | None = Field(None, description="Estimated rows (CSV: from file size and row length).")
    sampling: str = Field(description="How the sample was taken.")
    columns: list[ColumnFinding] = Field(description="Every column, in table order.")
    encryption_flag: EncryptionFlag | None = Field(None, description="Per-row encryption flag, if the table has one.")


class ScanResult(BaseModel):
    """The outcome of a scan: tables, reconciliation with the manifest, and input problems."""

    kind: str = Field("pia.scan", description="Document kind, for `pia assess --evidence`.")
    schema_version: int = Field(1, description="Format version, read by pia.risk.evidence.ScanDocument.")
    sample: int = Field(description="Row budget per table.")
    manifest: dict[str, Any] | None = Field(None, description="Source and sha256 of the manifest reconciled against.")
    tables: list[TableScan] = Field(default_factory=list)
    reconciliation: dict[str, list[dict[str, Any]]] = Field(
        default_factory=lambda: {"undeclared": [], "not_found": [], "plaintext_sensitive": []},
        description="undeclared, not_found and plaintext_sensitive findings (see pia.reconcile).")
    problems: list[dict[str, str]] = Field(default_factory=list, description="Inputs that could not be scanned.")
    skipped: list[dict[str, str]] = Field(default_factory=list, description="Files in directories that are not data.")

    @property
    def scanned(self) -> int:
        """Tables with at least one data row read."""
        return sum(1 for t in self.tables if t.rows_sampled > 0)

    @property
    def has_findings(self) -> bool:
        """Whether the reconciliation found undeclared or plaintext data."""
        return bool(self.reconciliation.get("undeclared") or self.reconciliation.get("plaintext_sensitive"))

    def personal_columns(self) -> list[dict[str, Any]]:
        """A flat list of the columns holding personal data, sorted by table and column."""
        rows = [{"table": t.table, "column": c.name, "source": t.source, "category": c.category,
                 "sensitive": c.sensitive, "confidence": c.confidence, "detector": c.detector}
                for t in self.tables for c in t.columns if c.category]
        return sorted(rows, key=lambda r: (r["table"], r["column"]))

    def to_dict(self) -> dict[str, Any]:
        """The JSON document (deterministic: tables and lists sorted, no run timestamps)."""
        data = self.model_dump(mode="json")
        data["columns"] = self.personal_columns()
        return data


# --------------------------------------------------------------------------- reading


class _Unreadable(Exception):
    """A source that cannot be read; the message says why, for the user."""


class _RawTable:
    """A sampled table: column names and their values as text (or bytes for BLOBs)."""

    def __init__(self, source: str, table: str, fmt: str, columns: list[str], rows: list[list[Any]] | None,
                 frame: Any = None, total: int | None = None, estimated: int | None = None, sampling: str = "",
                 header: list[str] | None = None):
        self.source, self.table, self.format = source, table, fmt
        self.columns, self.rows, self.frame = columns, rows, frame
        self.total, self.estimated, self.sampling = total, estimated, sampling
        self.header = header if header is not None else list(columns)  # names as stored (CSV: before pandas renames)

    def column_values(self, i: int) -> list[Any]:
        if self.frame is not None:
            return self.frame.iloc[:, i].tolist()
        return [r[i] if i < len(r) else None for r in (self.rows or [])]

    @property
    def n_rows(self) -> int:
        return len(self.frame) if self.frame is not None else len(self.rows or [])


def _decode(data: bytes, source: str) -> str:
    for enc in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(enc)
        except UnicodeDecodeError:
            continue
    raise _Unreadable("not UTF-8 (or GB18030) text")


def _read_csv(path: Path, source: str, sample: int, sep: str) -> _RawTable:
    """Read a bounded sample of a CSV file.

    The first `sample // 2` data rows, then the rest of the budget as short runs of lines from
    8 byte offsets spread over the remainder of the file (each run starts after the next newline).
    Exports are often sorted by time, so the head alone would miss columns filled only later (or
    that stopped being hashed); seeking costs a few reads, never a pass over the whole file, so a
    multi-gigabyte CSV is sampled in a fraction of a second. A run that starts inside a quoted
    multi-line field may lose a row; rows with the wrong number of fields are dropped. Parquet is
    read from its first row groups (its row count is in the footer), SQLite with `LIMIT`.
    """
    import pandas as pd

    size = path.stat().st_size
    if size == 0:
        raise _Unreadable("empty file (no header row)")
    head_n = sample if sample < 1000 else sample // 2
    with open(path, "rb") as fh:
        header = fh.readline()
        head = []
        for _ in range(head_n):
            line = fh.readline()
            if not line:
                break
            head.append(line)
        body_start = fh.tell()
        at_end = fh.read(1) == b""
        runs: list[bytes] = []
        if not at_end and sample > head_n:
            budget = sample - head_n
            span = size - body_start
            for k in range(SPREAD_RUNS):
                per_run = budget * (k + 1) // SPREAD_RUNS - budget * k // SPREAD_RUNS
                start = body_start + span * k // SPREAD_RUNS
                stop = body_start + span * (k + 1) // SPREAD_RUNS
                fh.seek(max(start - 1, 0))
                if k > 0 or start > body_start:
                    fh.readline()  # finish the line we landed in
                lines = []
                while len(lines) < per_run and fh.tell() < stop:
                    line = fh.readline()
                    if not line:
                        break
                    lines.append(line)
                runs.append(b"".join(lines))
    if not header.strip():
        raise _Unreadable("empty file (no header row)")
    header_text = _decode(header, source)
    if sep == "," and header_text.count(";") > header_text.count(",") and header_text.count(";") > 0:
        sep = ";"
    try:
        header_cells = next(csv.reader(io.StringIO(header_text), delimiter=sep), [])
    except csv.Error:
        header_cells = []

    def parse(chunk: bytes) -> Any:
        text = header_text + _decode(chunk, source)
        return pd.read_csv(io.StringIO(text), sep=sep, dtype=str, keep_default_na=False, na_filter=False,
                           on_bad_lines="skip", engine="c")

    frame = None
    # The head may end inside a quoted multi-line field: drop its last lines until it parses.
    for cut in range(1 if at_end else min(len(head), 20) + 1):
        try:
            frame = parse(b"".join(head[:len(head) - cut]))
            break
        except (pd.errors.ParserError, pd.errors.EmptyDataError, ValueError) as exc:
            error = exc
    if frame is None:
        raise _Unreadable(f"not a readable CSV file ({str(error).splitlines()[0][:120]})") from None
    parts = [frame]
    for chunk in runs:
        if not chunk:
            continue
        try:
            part = parse(chunk)
        except (pd.errors.ParserError, pd.errors.EmptyDataError, ValueError):
            continue  # a run that landed inside a quoted field: drop it, the other runs carry the sample
        if list(part.columns) == list(frame.columns):
            parts.append(part)
    if len(parts) > 1:
        frame = pd.concat(parts, ignore_index=True)
    if at_end:
        return _RawTable(source, path.stem, "csv", [str(c) for c in frame.columns], None, frame, total=len(frame),
                         sampling="whole file", header=header_cells or None)
    # The head is counted; the rest is estimated from the line length of the spread runs (the head's
    # lines alone are biased on exports sorted by time).
    # Each run stands for its 1/8 of the rest of the file: rows there = bytes / that run's line length.
    head_len = (body_start - len(header)) / max(1, len(head))
    seg = (size - body_start) / SPREAD_RUNS
    estimated = len(head) + int(sum(seg / (len(c) / c.count(b"\n") if c.count(b"\n") else head_len or 1)
                                    for c in runs)) if runs else None
    return _RawTable(source, path.stem, "csv", [str(c) for c in frame.columns], None, frame, total=None,
                     estimated=estimated, header=header_cells or None,
                     sampling=f"first {len(head)} rows and {len(frame) - len(parts[0])} rows from "
                              f"{SPREAD_RUNS} offsets spread over the rest")


def _read_parquet(path: Path, source: str, sample: int) -> _RawTable:
    """The first half of the budget from the first rows, the rest from row groups spread over the file."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    def take(row_groups: list[int] | None, budget: int) -> list[Any]:
        got, n = [], 0
        for batch in pf.iter_batches(batch_size=min(max(budget, 1), 65_536), row_groups=row_groups):
            got.append(batch.slice(0, budget - n))
            n += min(batch.num_rows, budget - n)
            if n >= budget:
                break
        return got

    try:
        pf = pq.ParquetFile(path)
        total = pf.metadata.num_rows
        names = [str(n) for n in pf.schema_arrow.names]
        groups = pf.num_row_groups
        if total <= sample or groups < 3:
            batches, sampling = take(None, sample), "whole file" if total <= sample else f"first {sample} rows"
        else:
            head = sample // 2
            batches = take(None, head)
            # Row groups after those the head covered, evenly spaced; each gives an equal share.
            start, seen = 0, 0
            while start < groups and seen + pf.metadata.row_group(start).num_rows <= head:
                seen += pf.metadata.row_group(start).num_rows
                start += 1
            rest = list(range(start + 1, groups)) or [start]
            picks = sorted({rest[len(rest) * k // SPREAD_RUNS] for k in range(SPREAD_RUNS)})
            for k, g in enumerate(picks):
                budget = (sample - head) * (k + 1) // len(picks) - (sample - head) * k // len(picks)
                batches += take([g], budget)
            sampling = f"first {head} rows and {sample - head} rows from {len(picks)} row groups spread over the rest"
        table = pa.Table.from_batches(batches, schema=pf.schema_arrow) if batches else pf.schema_arrow.empty_table()
    except (pa.ArrowException, OSError) as exc:
        raise _Unreadable(f"not a readable Parquet file ({str(exc).splitlines()[0][:120]})") from None
    rows = [list(r.values()) for r in table.to_pylist()]
    return _RawTable(source, path.stem, "parquet", names, rows, total=total, sampling=sampling)


def _read_sqlite(path: Path, source: str, sample: int) -> list[_RawTable]:
    if not path.is_file():
        raise _Unreadable("no such database file")
    try:
        con = sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True)
    except sqlite3.Error as exc:
        raise _Unreadable(f"cannot open SQLite database ({exc})") from None
    out = []
    try:
        names = [r[0] for r in con.execute(
            "SELECT name FROM sqlite_master WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite_%' ORDER BY name")]
        for name in names:
            quoted = '"' + name.replace('"', '""') + '"'
            total = con.execute(f"SELECT COUNT(*) FROM {quoted}").fetchone()[0]
            cols, rows, sampling = _sqlite_sample(con, quoted, total, sample)
            out.append(_RawTable(source, name, "sqlite", cols, rows, total=total, sampling=sampling))
    except sqlite3.DatabaseError as exc:
        raise _Unreadable(f"not a readable SQLite database ({exc})") from None
    finally:
        con.close()
    if not names:
        raise _Unreadable("the database has no tables")
    return out


def _sqlite_sample(con: sqlite3.Connection, quoted: str, total: int, sample: int) -> tuple[list[str], list[list[Any]], str]:
    """The first half of the budget with LIMIT, the rest as runs from rowids spread between the ends.

    Seeking by rowid uses the table's b-tree, so no run scans the table; views and tables without a
    rowid fall back to the first rows.
    """
    if total <= sample:
        cur = con.execute(f"SELECT * FROM {quoted}")
        return [d[0] for d in cur.description], [list(r) for r in cur.fetchall()], "whole table"
    head = sample // 2
    cur = con.execute(f"SELECT * FROM {quoted} LIMIT ?", (head,))
    cols = [d[0] for d in cur.description]
    rows = [list(r) for r in cur.fetchall()]
    try:
        low, high = con.execute(f"SELECT MAX(rowid), (SELECT MAX(rowid) FROM {quoted}) FROM "
                                f"(SELECT rowid FROM {quoted} LIMIT ?)", (head,)).fetchone()
    except sqlite3.OperationalError:  # a WITHOUT ROWID table
        low = high = None
    if not isinstance(low, int) or not isinstance(high, int):  # views have no rowid either
        cur = con.execute(f"SELECT * FROM {quoted} LIMIT ?", (sample,))
        return cols, [list(r) for r in cur.fetchall()], f"first {sample} rows"
    budget = sample - head
    for k in range(SPREAD_RUNS):
        start = low + 1 + (high - low) * k // SPREAD_RUNS
        stop = low + 1 + (high - low) * (k + 1) // SPREAD_RUNS if k < SPREAD_RUNS - 1 else high + 1
        n = budget * (k + 1) // SPREAD_RUNS - budget * k // SPREAD_RUNS
        cur = con.execute(f"SELECT * FROM {quoted} WHERE rowid >= ? AND rowid < ? ORDER BY rowid LIMIT ?",
                          (start, stop, n))
        rows += [list(r) for r in cur.fetchall()]
    return cols, rows, f"first {head} rows and runs from {SPREAD_RUNS} rowids spread over the rest"


# --------------------------------------------------------------------------- profiling


def _text(value: Any) -> str:
    """A cell as text for pattern tests; blanks and NaN become ''."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        if math.isnan(value):
            return ""
        return str(int(value)) if value.is_integer() and abs(value) < 1e18 else repr(value)
    if hasattr(value, "isoformat"):
        return value.isoformat(sep=" ") if hasattr(value, "hour") else value.isoformat()
    return str(value).strip()


def profile_values(values: Iterable[Any], max_distinct: int = MAX_DISTINCT) -> ColumnProfile:
    """Counts of a column's sampled values: non-blank, distinct, and up to `max_distinct` values with counts."""
    counts: dict[str, int] = {}
    non_blank = media = 0
    for raw in values:
        if isinstance(raw, (bytes, bytearray, memoryview)):
            if bytes(raw[:4]).startswith(_IMAGE_MAGIC):
                media += 1
            non_blank += 1
            continue
        v = _text(raw)
        if not v:
            continue
        non_blank += 1
        counts[v] = counts.get(v, 0) + 1
    distinct = len(counts)
    if distinct > max_distinct:
        counts = dict(list(counts.items())[:max_distinct])
    return ColumnProfile(non_blank=non_blank, distinct=distinct, values=counts, binary_media=media)


def _profile_text_column(series: Any, max_distinct: int = MAX_DISTINCT) -> ColumnProfile:
    """`profile_values` for a column read as text (CSV), vectorised with pandas."""
    text = series.astype(str).str.strip()
    text = text[text != ""]
    counts = text.value_counts(sort=False)
    distinct = len(counts)
    head = counts.iloc[:max_distinct]
    return ColumnProfile(non_blank=len(text), distinct=distinct,
                         values=dict(zip(head.index.tolist(), (int(n) for n in head.tolist()), strict=False)))


def _secret_rows_not_hashed(values: Iterable[Any]) -> int:
    """Rows of a secret column whose value is not a recognised one-way hash (plaintext or a bare digest)."""
    n = 0
    for raw in values:
        v = _text(raw)
        if v and not is_password_hash(v):
            n += 1
    return n


def _text_rows_not_hashed(series: Any) -> int:
    """`_secret_rows_not_hashed` for a column read as text (CSV), vectorised: one regex pass in pandas."""
    text = series.astype(str).str.strip()
    text = text[text != ""]
    if text.empty:
        return 0
    return int(len(text) - text.str.match(PASSWORD_HASH_RE.pattern).sum())  # a pattern string: arrow matches it natively


def _encryption_flag(raw: _RawTable) -> EncryptionFlag | None:
    for i, name in enumerate(raw.columns):
        if _ENCRYPTION_FLAG.match(normalise_name(name)):
            t = f = b = 0
            for v in raw.column_values(i):
                s = _text(v).lower()
                if s in _TRUE:
                    t += 1
                elif s in _FALSE:
                    f += 1
                else:
                    b += 1
            return EncryptionFlag(column=safe_column_name(name), rows_true=t, rows_false=f, rows_blank=b)
    return None


def scan_table(raw: _RawTable) -> TableScan:
    """Classify every column of a sampled table (pure given the sample)."""
    tax = load_taxonomy()
    findings = []
    profiles: dict[int, ColumnProfile] = {}

    def profile_of(k: int) -> ColumnProfile:
        # each column is profiled once, also when another column reads it (an EAV key, a polymorphic type).
        # A CSV's columns stay in pandas (vectorised); other formats give Python values.
        if k not in profiles:
            profiles[k] = _profile_text_column(raw.frame.iloc[:, k]) if raw.frame is not None \
                else profile_values(raw.column_values(k))
        return profiles[k]

    for i, name in enumerate(raw.columns):
        profile = profile_of(i)
        j = classify_column(name, raw.table, profile, siblings=raw.columns)
        key = eav_key_column(name, raw.columns) if j.category is None else None
        if key is not None:
            # an attribute-value table: the value column holds what its key column names (radcheck, usermeta)
            j = classify_eav_value(name, raw.table, profile, key, profile_of(raw.columns.index(key))) or j
        poly = polymorphic_type_column(name, raw.columns) if j.category is None else None
        if poly is not None:
            # a polymorphic reference: its type column says which class of rows the key points to (Rails, Laravel)
            j = polymorphic_person_key(name, profile, poly, profile_of(raw.columns.index(poly))) or j
        unprotected = None
        # (key material kept encrypted is protected: nothing to count as stored in clear)
        if j.detector and DETECTORS_BY_ID.get(j.detector) and DETECTORS_BY_ID[j.detector].secret and profile.non_blank \
                and j.stored_form != "encrypted":
            unprotected = (_text_rows_not_hashed(raw.frame.iloc[:, i]) if raw.frame is not None
                           else _secret_rows_not_hashed(raw.column_values(i)))
        findings.append(ColumnFinding(
            name=safe_column_name(name), category=j.category, confidence=j.confidence,
            sensitive=bool(j.category and tax[j.category].sensitive), detector=j.detector, evidence=j.evidence,
            value_share=j.value_share, non_blank=profile.non_blank, distinct=profile.distinct,
            stored_form=j.stored_form, unprotected_rows=unprotected))
    return TableScan(source=raw.source, table=raw.table, format=raw.format, rows_sampled=raw.n_rows,
                     rows_total_known=raw.total, rows_estimated=raw.estimated, sampling=raw.sampling,
                     columns=findings, encryption_flag=_encryption_flag(raw))


def _apply_cross_table(tables: list[TableScan]) -> None:
    """Revise verdicts with evidence from the scan's other tables (`pia.discovery.detectors.cross_table`)."""
    verdicts = [ColumnVerdict(t.table, c.name, c.category, c.detector, c.non_blank, c.distinct)
                for t in tables for c in t.columns]
    changes = cross_table(verdicts)
    if not changes:
        return
    tax = load_taxonomy()
    for t in tables:
        for c in t.columns:
            j = changes.get((t.table, c.name))
            if j is None:
                continue
            c.category, c.confidence, c.detector = j.category, j.confidence, j.detector
            c.evidence = [*c.evidence, *j.evidence]
            c.sensitive = bool(j.category and tax[j.category].sensitive)
            c.value_share = j.value_share


# --------------------------------------------------------------------------- discovery of inputs


def _kind_of(path: Path) -> str | None:
    ext = path.suffix.lower()
    if ext in CSV_EXT:
        return "csv"
    if ext in PARQUET_EXT:
        return "parquet"
    if ext in SQLITE_EXT:
        return "sqlite"
    try:
        with open(path, "rb") as fh:
            if fh.read(16) == _SQLITE_MAGIC:
                return "sqlite"
    except OSError:
        pass
    return None


def _expand(paths: Sequence[str | os.PathLike[str]]) -> tuple[list[tuple[str, Path, str]], list[Problem],
                                                              list[dict[str, str]]]:
    """Inputs as (label, path, kind); problems for missing or unknown inputs; files skipped in directories."""
    items: list[tuple[str, Path, str]] = []
    problems: list[Problem] = []
    skipped: list[dict[str, str]] = []
    for given in paths:
        text = str(given)
        if text.startswith("sqlite:///"):
            items.append((text, Path(text[len("sqlite:///"):]), "sqlite"))
            continue
        if text.startswith("sqlite:"):
            problems.append(Problem(text, "unsupported database URL (use sqlite:///path/to/file.db)"))
            continue
        p = Path(text)
        if p.is_dir():
            for f in sorted(p.rglob("*")):
                rel = f.relative_to(p)
                if any(part.startswith(".") for part in rel.parts) or not f.is_file():
                    continue
                kind = _kind_of(f)
                if kind is None:
                    skipped.append({"file": display_path(f), "reason": f"not a data file ({f.suffix or 'no extension'})"})
                else:
                    items.append((display_path(f), f, kind))
        elif p.is_file():
            kind = _kind_of(p)
            if kind is None:
                problems.append(Problem(display_path(p), f"unknown format ({p.suffix or 'no extension'}): expected "
                                                          ".csv, .tsv, .parquet or a SQLite database"))
            else:
                items.append((display_path(p), p, kind))
        elif p.exists():
            problems.append(Problem(text, "not a regular file or directory"))
        else:
            problems.append(Problem(text, "no such file or directory"))
    return items, problems, skipped


def read_tables(paths: Sequence[str | os.PathLike[str]], sample: int = DEFAULT_SAMPLE,
                progress: Progress | None = None) -> tuple[list[_RawTable], list[Problem], list[dict[str, str]]]:
    """Read a bounded sample of every table under `paths`; unreadable inputs become problems."""
    items, problems, skipped = _expand(paths)
    tables: list[_RawTable] = []
    for label, path, kind in items:
        if progress:
            progress(f"reading {label}")
        try:
            if kind == "csv":
                tables.append(_read_csv(path, label, sample, CSV_EXT.get(path.suffix.lower(), ",")))
            elif kind == "parquet":
                tables.append(_read_parquet(path, label, sample))
            else:
                tables.extend(_read_sqlite(path, label, sample))
        except _Unreadable as exc:
            problems.append(Problem(label, str(exc)))
        except PermissionError:
            problems.append(Problem(label, "cannot read: permission denied"))
        except OSError as exc:
            problems.append(Problem(label, f"cannot read: {exc.strerror or exc}"))
    return tables, problems, skipped


def _unique_names(tables: list[_RawTable]) -> None:
    """Tables that share a name are told apart by their source."""
    seen: dict[str, int] = {}
    for t in tables:
        seen[t.table] = seen.get(t.table, 0) + 1
    for t in tables:
        if seen[t.table] > 1:
            src = re.sub(r"\.(csv|tsv|parquet|pq)$", "", t.source, flags=re.IGNORECASE)
            t.table = src if t.format != "sqlite" else f"{src}:{t.table}"


def _label(raw: _RawTable) -> str:
    return raw.source if raw.format != "sqlite" else f"{raw.source}:{raw.table}"


def _header_problem(raw: _RawTable) -> str | None:
    """Why the table's column names cannot be trusted (data values as names, or a repeated name), else None.

    The message names column positions, never a name that looks like a data value.
    """
    looks = header_problem(raw.header)
    if looks:
        if raw.format == "csv":
            return f"no header row: the first line holds data values ({looks}); the table is not scanned"
        return f"column names hold data values ({looks}); the table is not scanned"
    dups = duplicate_names(raw.header)
    if dups:
        text = "; ".join(f"{safe_column_name(n)!r} in {positions_text(pos)}" for n, pos in dups)
        return f"duplicate column name: {text}; the table is not scanned"
    return None


def scan(paths: Sequence[str | os.PathLike[str]] | None = None, manifest: Any = None, sample: int = DEFAULT_SAMPLE,
         progress: Progress | None = None) -> ScanResult:
    """Scan tables for personal data and reconcile what is found with `manifest` (a `Manifest` or None).

    Parameters
    ----------
    paths
        Files (CSV, TSV, Parquet, SQLite), directories of them, or `sqlite:///file.db` URLs
        (default: the reference service's sample estate, `pia.config.SAMPLE_ESTATE`).
    manifest
        The manifest to reconcile against (a `Manifest` or a path to one); None skips reconciliation.
    sample
        Rows read per table at most.
    progress
        Called with a short message per file and table (for a terminal).

    Raises
    ------
    InputError
        When `sample` is not positive, or when nothing at all could be scanned (every problem listed).
    """
    if sample < 1:
        raise InputError(Problem("--sample", f"must be a positive number of rows, got {sample}"))
    paths = list(paths) if paths else [SAMPLE_ESTATE]
    raws, problems, skipped = read_tables(paths, sample, progress)
    _unique_names(raws)
    tables = []
    for raw in raws:
        bad_header = _header_problem(raw)
        if bad_header:
            problems.append(Problem(_label(raw), bad_header))
            continue
        if progress:
            progress(f"scanning {raw.table} ({raw.n_rows} rows)")
        if raw.n_rows == 0:
            problems.append(Problem(_label(raw), "empty table (header only): columns judged by name alone"))
        tables.append(scan_table(raw))
    tables.sort(key=lambda t: (t.table, t.source))
    _apply_cross_table(tables)
    result = ScanResult(sample=sample, tables=tables,
                        problems=sorted(({"file": p.file, "message": p.message} for p in problems),
                                        key=lambda d: (d["file"], d["message"])),
                        skipped=sorted(skipped, key=lambda d: d["file"]))
    if result.scanned == 0:
        if not problems:
            problems.append(Problem(", ".join(str(p) for p in paths), "no CSV, Parquet or SQLite tables found"))
        raise InputError(problems)
    if manifest is not None:
        from pia.declare.manifest import load_manifest
        from pia.discovery.reconcile import reconcile

        if isinstance(manifest, (str, os.PathLike)):
            manifest = load_manifest(manifest)
        result.manifest = {"source": display_path(manifest.source), "sha256": manifest.sha256}
        result.reconciliation = reconcile(result.tables, manifest)
    return result
