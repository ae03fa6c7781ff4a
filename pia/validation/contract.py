"""The data contract of `pia validate`: datasets, their columns and types, and the readers.

Reads CSV or Parquet into pandas with blanks as missing, date-times as UTC and booleans parsed, and
applies a `--columns` mapping file; bad input raises `InputError` naming file, line and column.
"""
from __future__ import annotations

import csv
import io
import os
from pathlib import Path
from typing import TYPE_CHECKING

from pydantic import BaseModel, Field

from pia.declare.datasets import ColumnType
from pia.errors import InputError, Problem, quote
from pia.i18n import N_
from pia.masking import mask_value
from pia.discovery.value_patterns import duplicate_names, header_problem, positions_text

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd


class Dataset(BaseModel):
    """One table of the data contract."""

    name: str = Field(description="Dataset id (the file name without extension).")
    key: str = Field(description="Column that identifies a row; samples name failing rows by it.")
    columns: dict[str, ColumnType] = Field(description="Every column of the contract and its type.")
    required: list[str] = Field(description="Columns the checks read; a present file must have them.")
    description: str = Field("", description="What one row is.")
    source: str | None = Field(None, description="Declared source: a file or folder (relative to DIR) or a URL.")

    @property
    def file_names(self) -> tuple[str, ...]:
        """The file names looked for, in order of preference."""
        if self.source and "://" not in self.source and not self.source.endswith("/"):
            return (self.source,)
        prefix = self.source if self.source and "://" not in self.source else ""
        return (f"{prefix}{self.name}.csv", f"{prefix}{self.name}.parquet")


def contract_of(datasets: dict, checks: list) -> dict[str, Dataset]:
    """The data contract of declared datasets: a column is required when a check reads it (or it is the key)."""
    out: dict[str, Dataset] = {}
    for ds in datasets.values():
        used = {ds.key}
        for chk in checks:
            used.update(chk.reads.get(ds.id, []))
        out[ds.id] = Dataset(name=ds.id, key=ds.key, description=ds.description, source=ds.source,
                             columns={name: col.type for name, col in ds.columns.items()},
                             required=[name for name in ds.columns if name in used])
    return out


def reference_contract() -> dict[str, Dataset]:
    """The contract of the reference manifest's datasets and checks."""
    from pia.validation.checks import CHECKS, reference_datasets

    return contract_of(reference_datasets(), CHECKS)


def __getattr__(name: str):
    # DATASETS: the reference contract, built from the reference manifest on first use.
    if name == "DATASETS":
        return reference_contract()
    raise AttributeError(name)


ColumnMapping = dict[str, dict[str, str]]
"""dataset -> {contract column: the export's column}."""

_MAX_PROBLEMS_PER_COLUMN = 5


# --------------------------------------------------------------------------- mapping file


def load_column_mapping(path: str | Path | None, contract: dict[str, Dataset] | None = None) -> ColumnMapping:
    """Read a `--columns` YAML file: dataset -> {contract column: their column}; None gives no mapping."""
    DATASETS = contract if contract is not None else reference_contract()  # noqa: N806
    if path is None:
        return {}
    from pia.inputs import read_text
    from pia.yamlsource import load_yaml

    path = Path(path)
    _, text = read_text(path, expected=N_("a column mapping YAML file"))
    doc = load_yaml(path, text)
    data = doc.data if doc.data is not None else {}
    if not isinstance(data, dict):
        raise InputError(Problem(doc.source, "a column mapping must be a mapping: dataset -> {contract column: "
                                             "your column}", 1))
    problems: list[Problem] = []
    mapping: ColumnMapping = {}
    for dataset, cols in data.items():
        if dataset not in DATASETS:
            problems.append(Problem(doc.source, f"unknown dataset {dataset!r} (allowed: {', '.join(DATASETS)})",
                                    doc.line_of((dataset,)), str(dataset)))
            continue
        if not isinstance(cols, dict):
            problems.append(Problem(doc.source, "expected a mapping {contract column: your column}",
                                    doc.line_of((dataset,)), str(dataset)))
            continue
        known = DATASETS[dataset].columns
        seen: dict[str, str] = {}
        for col, theirs in cols.items():
            where = doc.line_of((dataset, col))
            if col not in known:
                problems.append(Problem(doc.source, f"unknown column {col!r} of {dataset} (allowed: "
                                                    f"{', '.join(known)})", where, f"{dataset}.{col}"))
            elif not isinstance(theirs, str) or not theirs:
                problems.append(Problem(doc.source, "expected the name of a column of your export",
                                        where, f"{dataset}.{col}"))
            elif theirs in seen:
                problems.append(Problem(doc.source, f"column {theirs!r} is already mapped to {seen[theirs]!r}",
                                        where, f"{dataset}.{col}"))
            else:
                seen[theirs] = col
        # Two contract columns read from one column of the export (two entries onto one name, or an entry
        # onto the name an unmapped contract column keeps) would make two columns of one name.
        effective: dict[str, list[str]] = {}
        for col in known:
            target = cols.get(col, col) if isinstance(cols.get(col, col), str) else col
            effective.setdefault(target, []).append(col)
        for theirs, ours in effective.items():
            if len(ours) > 1 and sum(c in cols for c in ours) == 1:  # two mapped entries: reported above
                unmapped = [c for c in ours if c not in cols]
                hint = f" ({unmapped[0]} keeps its own name: map it too)" if unmapped else ""
                problems.append(Problem(doc.source, f"column {quote(theirs)} would be read as "
                                                    f"{' and '.join(ours)}{hint}",
                                        doc.line_of((dataset, next(c for c in ours if c in cols))),
                                        f"{dataset}.{next(c for c in ours if c in cols)}"))
        if not any(p.path.startswith(f"{dataset}.") for p in problems):
            mapping[dataset] = {str(k): str(v) for k, v in cols.items()}
    if problems:
        raise InputError(problems)
    return mapping


# --------------------------------------------------------------------------- locating and reading


def find_file(data_dir: str | Path, dataset: str, contract: dict[str, Dataset] | None = None) -> Path | None:
    """The CSV or Parquet file of `dataset` in `data_dir`, or None when there is none (its checks are skipped).

    Raises `InputError` when the name is there but is not a readable regular file (a directory, a FIFO, a
    device, a symbolic-link loop or a dangling link, or unreadable): skipping it would hide a broken export.
    """
    from pia.inputs import exists, regular_file_problem

    DATASETS = contract if contract is not None else reference_contract()  # noqa: N806
    source = DATASETS[dataset].source or ""
    if "://" in source:
        raise InputError(Problem(source, f"dataset {dataset}: a database source needs that database's engine; the "
                                         "local engine reads files (CSV or Parquet)"))
    for name in DATASETS[dataset].file_names:
        candidate = Path(data_dir) / name
        if not exists(candidate):
            continue
        problem = regular_file_problem(candidate, expected=f"the {dataset} table (a CSV or Parquet file)")
        if problem is None and not os.access(candidate, os.R_OK):
            problem = "cannot read: permission denied"
        if problem:
            raise InputError(Problem(name, problem))
        return candidate
    return None


def read_dataset(path: str | Path, dataset: str | Dataset, mapping: ColumnMapping | None = None) -> pd.DataFrame:
    """Read the required columns of `dataset` from `path` (CSV or Parquet), parsed and named as the contract.

    The frame has a RangeIndex: row position `i` is line `i + 2` of a CSV file (after the header).
    Raises `InputError` for a missing required column, a malformed file or an unparseable value.
    """
    path = Path(path)
    spec = dataset if isinstance(dataset, Dataset) else reference_contract()[dataset]
    dataset = spec.name
    renames = (mapping or {}).get(dataset, {})
    theirs = {c: renames.get(c, c) for c in spec.required}
    if path.suffix.lower() == ".parquet":
        return _to_frame(_read_parquet(path, spec, theirs), path, spec, theirs, csv_lines=False)
    table, structural, skipped = _read_csv(path, spec, theirs)
    if not structural:
        return _to_frame(table, path, spec, theirs, csv_lines=True)
    # Rows with the wrong number of fields were skipped: report them, and every bad value of the other
    # lines at once (their positions mapped back to line numbers of the file).
    try:
        _to_frame(table, path, spec, theirs, csv_lines=True)
        values: list[Problem] = []
    except InputError as exc:
        values = _renumber(exc.problems, skipped, table.num_rows)
    raise InputError(structural + values)


def _renumber(problems: list[Problem], skipped: list[int], rows: int) -> list[Problem]:
    """Problems located as if no line were skipped, moved to the lines of the file the rows came from."""
    import dataclasses

    gone = set(skipped)
    kept = [n for n in range(2, rows + len(gone) + 2) if n not in gone]
    return [dataclasses.replace(p, line=kept[p.line - 2]) if p.line is not None and 0 <= p.line - 2 < len(kept)
            else p for p in problems]


def _check_header(path: Path, header: list[str], spec: Dataset, theirs: dict[str, str], csv_file: bool) -> None:
    """Raise `InputError` when header cells are data values (no header row) or a column name repeats.

    Messages name column positions; a repeated name is echoed only when it is a contract or mapped column name
    (a header cell may be personal data, contract names are not).
    """
    looks = header_problem(header)
    if looks:
        what = "no header row: the first line holds data values" if csv_file else "column names hold data values"
        raise InputError(Problem(path.name, f"{what} ({looks})", 1 if csv_file else None))
    known = set(spec.columns) | set(theirs.values())
    problems = [Problem(path.name, f"duplicate column {name!r} in {positions_text(pos)}" if name in known
                        else f"duplicate column name in {positions_text(pos)}", 1 if csv_file else None)
                for name, pos in duplicate_names(header)]
    if problems:
        raise InputError(problems)


def _missing_columns(path: Path, header: list[str], theirs: dict[str, str]) -> None:
    present = set(header)
    problems = []
    for contract_col, col in theirs.items():
        if col not in present:
            alias = f" (mapped from {contract_col})" if col != contract_col else ""
            problems.append(Problem(path.name, f"missing required column {col!r}{alias}", 1))
    if problems:
        raise InputError(problems)


def _read_csv(path: Path, spec: Dataset, theirs: dict[str, str]):
    import pyarrow as pa
    from pyarrow import csv as pacsv

    with open(path, "rb") as fh:
        first = fh.readline()
    try:
        header = next(csv.reader(io.StringIO(first.decode("utf-8-sig"))), [])
    except UnicodeDecodeError:
        raise InputError(Problem(path.name, "not UTF-8 text", 1)) from None
    if not header:
        raise InputError(Problem(path.name, "empty file: expected a header row", 1))
    _check_header(path, header, spec, theirs, csv_file=True)
    _missing_columns(path, header, theirs)
    cols = list(theirs.values())
    convert = pacsv.ConvertOptions(include_columns=cols, column_types={c: pa.string() for c in cols},
                                   null_values=[""], strings_can_be_null=True, quoted_strings_can_be_null=True)
    try:
        return pacsv.read_csv(path, read_options=pacsv.ReadOptions(use_threads=True),
                              parse_options=pacsv.ParseOptions(newlines_in_values=False),
                              convert_options=convert), [], []
    except (pa.ArrowInvalid, pa.ArrowException):
        pass
    # Again, single-threaded (so pyarrow knows line numbers), skipping rows with the wrong number of fields.
    # pyarrow's messages quote the offending row, which may hold personal data: never pass them on.
    bad: list[tuple[int | None, int, int]] = []

    def skip(row) -> str:
        bad.append((row.number, row.expected_columns, row.actual_columns))
        return "skip"

    try:
        table = pacsv.read_csv(path, read_options=pacsv.ReadOptions(use_threads=False),
                               parse_options=pacsv.ParseOptions(newlines_in_values=False, invalid_row_handler=skip),
                               convert_options=convert)
    except (pa.ArrowInvalid, pa.ArrowException):
        table = None
    if table is None or not bad or any(n is None for n, _, _ in bad):
        raise InputError(_locate_csv_problem(path, len(header))) from None
    problems = [Problem(path.name, f"expected {want} fields, found {got}", n)
                for n, want, got in bad[:_MAX_PROBLEMS_PER_COLUMN]]
    if len(bad) > _MAX_PROBLEMS_PER_COLUMN:
        problems.append(Problem(path.name, f"{len(bad) - _MAX_PROBLEMS_PER_COLUMN} more lines have the wrong "
                                           f"number of fields"))
    return table, problems, [n for n, _, _ in bad]


def _locate_csv_problem(path: Path, width: int) -> Problem:
    """Find the first line of a CSV file that cannot be read, without quoting its content."""
    line_no = 1
    try:
        with open(path, encoding="utf-8-sig", newline="") as fh:
            reader = csv.reader(fh)
            for row in reader:
                line_no = reader.line_num
                if len(row) != width and row:
                    return Problem(path.name, f"expected {width} fields, found {len(row)}", line_no)
    except UnicodeDecodeError:
        return Problem(path.name, "not UTF-8 text", _first_bad_utf8_line(path))
    except csv.Error as exc:
        return Problem(path.name, f"malformed CSV ({str(exc).split(':')[0]})", line_no + 1)
    return Problem(path.name, "malformed CSV (cannot be parsed)", line_no)


def _first_bad_utf8_line(path: Path) -> int:
    with open(path, "rb") as fh:
        for number, raw in enumerate(fh, start=1):
            try:
                raw.decode("utf-8")
            except UnicodeDecodeError:
                return number
    return 1


def _read_parquet(path: Path, spec: Dataset, theirs: dict[str, str]):
    import pyarrow as pa
    import pyarrow.parquet as pq

    try:
        schema = pq.read_schema(path)
    except (pa.ArrowException, OSError):
        raise InputError(Problem(path.name, "not a readable Parquet file")) from None
    _check_header(path, list(schema.names), spec, theirs, csv_file=False)
    _missing_columns(path, list(schema.names), theirs)
    try:
        return pq.read_table(path, columns=list(theirs.values()))
    except (pa.ArrowException, OSError):
        raise InputError(Problem(path.name, "not a readable Parquet file")) from None


def _to_frame(table, path: Path, spec: Dataset, theirs: dict[str, str], csv_lines: bool) -> pd.DataFrame:
    import pandas as pd
    import pyarrow as pa

    problems: list[Problem] = []
    out: dict[str, pd.Series] = {}
    for contract_col, col in theirs.items():
        arr = table.column(col)
        kind = spec.columns[contract_col]
        if kind is ColumnType.text:
            if not pa.types.is_string(arr.type) and not pa.types.is_large_string(arr.type):
                arr = arr.cast(pa.string())
            series = pd.Series(arr.to_pandas(), name=contract_col)
            series = series.astype("str") if series.dtype != "str" else series
            out[contract_col] = series
        elif kind is ColumnType.boolean:
            out[contract_col] = _parse_boolean(arr, path, col, csv_lines, problems)
        else:
            out[contract_col] = _parse_time(arr, kind, path, col, csv_lines, problems)
    if problems:
        raise InputError(problems)
    frame = pd.DataFrame(out)
    frame.index = pd.RangeIndex(len(frame))
    return frame


def _where(pos: int, csv_lines: bool) -> int:
    return pos + 2 if csv_lines else pos + 1


def _report(bad, values, path: Path, col: str, csv_lines: bool, what: str, kind: str,
            problems: list[Problem]) -> None:
    import numpy as np

    positions = np.flatnonzero(bad)
    for pos in positions[:_MAX_PROBLEMS_PER_COLUMN]:
        shown = mask_value(values[pos], kind)
        unit = "line" if csv_lines else "row"
        problems.append(Problem(path.name, f"column {col}: {shown!r} is not {what}",
                                _where(int(pos), csv_lines) if csv_lines else None,
                                "" if csv_lines else f"{unit} {int(pos) + 1}"))
    if len(positions) > _MAX_PROBLEMS_PER_COLUMN:
        problems.append(Problem(path.name, f"column {col}: {len(positions) - _MAX_PROBLEMS_PER_COLUMN} more "
                                           f"values are not {what}"))


def _parse_boolean(arr, path: Path, col: str, csv_lines: bool, problems: list[Problem]) -> pd.Series:
    import pandas as pd
    import pyarrow as pa
    import pyarrow.compute as pc

    if pa.types.is_boolean(arr.type):
        return pd.Series(arr.to_pandas(types_mapper={pa.bool_(): pd.BooleanDtype()}.get), name=col,
                         dtype="boolean")
    text = pc.utf8_lower(pc.utf8_trim_whitespace(arr.cast(pa.string())))
    is_true = pc.equal(text, "true")
    is_false = pc.equal(text, "false")
    known = pc.or_(is_true, is_false)
    bad = pc.and_(pc.is_valid(text), pc.invert(pc.fill_null(known, False)))
    if pc.any(bad).as_py():
        raw = arr.to_pylist()
        _report(bad.to_numpy(zero_copy_only=False), raw, path, col, csv_lines, "true or false", "text", problems)
    values = pc.if_else(known, is_true, pa.scalar(None, pa.bool_()))
    return pd.Series(values.to_pandas(types_mapper={pa.bool_(): pd.BooleanDtype()}.get), name=col,
                     dtype="boolean")


def _parse_time(arr, kind: ColumnType, path: Path, col: str, csv_lines: bool,
                problems: list[Problem]) -> pd.Series:
    """Date-times as `datetime64[us, UTC]` (values without an offset are UTC); dates at midnight UTC."""
    import numpy as np
    import pandas as pd
    import pyarrow as pa

    if pa.types.is_timestamp(arr.type) or pa.types.is_date(arr.type):
        series = pd.Series(arr.to_pandas(), name=col)
        series = pd.to_datetime(series)
        return (series.dt.tz_localize("UTC") if series.dt.tz is None else series.dt.tz_convert("UTC")
                ).astype("datetime64[us, UTC]")
    text = arr.cast(pa.string())
    fast = _fast_naive_timestamps(text, kind)
    if fast is not None:
        return pd.Series(fast, name=col)
    series = pd.Series(text.to_pandas(), dtype="str")
    fmt = "%Y-%m-%d" if kind is ColumnType.date else "ISO8601"
    parsed = pd.to_datetime(series, format=fmt, utc=True, errors="coerce")
    bad = (parsed.isna() & series.notna()).to_numpy()
    if bad.any():
        what = "a date (YYYY-MM-DD)" if kind is ColumnType.date else "an ISO 8601 date-time"
        masked_kind = "birth_date" if kind is ColumnType.date else "text"
        _report(bad, np.asarray(series, dtype=object), path, col, csv_lines, what, masked_kind, problems)
    return parsed.astype("datetime64[us, UTC]").rename(col)


def _fast_naive_timestamps(text, kind: ColumnType):
    """Multi-threaded pyarrow parse when every value is plain `YYYY-MM-DD[ T]HH:MM:SS` (no offset)."""
    import pandas as pd
    import pyarrow as pa
    import pyarrow.compute as pc

    try:
        if kind is ColumnType.date:
            if not pc.all(pc.fill_null(pc.equal(pc.utf8_length(text), 10), True)).as_py():
                return None
            parsed = text.cast(pa.date32()).cast(pa.timestamp("us"))
        else:
            offset = pc.fill_null(pc.match_substring_regex(text, r"(?:Z|[+-]\d\d:?\d\d)$"), False)
            if pc.any(offset).as_py():
                none = pa.scalar(None, pa.string())
                local = pc.if_else(offset, none, text).cast(pa.timestamp("us"))
                aware = pc.if_else(offset, text, none).cast(pa.timestamp("us", "UTC"))
                parsed = pc.if_else(offset, aware, pc.assume_timezone(local, "UTC"))
                return pd.Series(parsed.to_pandas(), dtype="datetime64[us, UTC]")
            parsed = text.cast(pa.timestamp("us"))
    except (pa.ArrowInvalid, pa.ArrowNotImplementedError):
        return None
    parsed = pc.assume_timezone(parsed, "UTC")
    return pd.Series(parsed.to_pandas(), dtype="datetime64[us, UTC]")
