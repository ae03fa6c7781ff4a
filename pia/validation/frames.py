"""Check frames: ONE definition per check (an Ibis expression, `pia.validation.templates`), run by a backend.

The frame of a check is the few columns GX judges, one row per dataset row in the check's scope, with `_row`
(the row's 0-based position in its dataset). GX (the engine of record) decides pass/fail and counts on it.

How a backend plugs in
----------------------
A backend implements `Backend` (below):

- `table(dataset)` returns an `ibis.Table` of the dataset with the declared column names (after any
  `--columns` mapping) and a `_row` int64 column: the 0-based position of the row in its source, which samples
  and GX's unexpected indices refer to (for a CSV file, line `_row + 2`). Types: text as string (blank is NULL),
  datetime and date columns as timestamps in UTC (a `date` at midnight), booleans as boolean. The local backend
  (`DuckDBBackend`) registers the frames read by `pia.validation.contract` in an in-process DuckDB;
  a PostgreSQL/SQLite backend returns `con.table(...)` (plus `ibis.row_number()` ordered by the key, or a stored
  row id, as `_row`); a Spark backend returns the Spark-session table the same way.
- `execute(expr)` runs a frame expression and returns it as a pandas DataFrame indexed by `_row` (the local
  engine hands that compact frame to GX's pandas engine). A pushdown backend may instead compile the expression
  (`ibis.to_sql(expr, dialect="postgres")`, or the Spark backend's DataFrame) and hand GX a query asset: the
  expression is the same, so the counts are the same.
- `rows(dataset)` counts the dataset's rows; `sample_values(dataset, rows, columns)` fetches the few sample rows
  a failed check shows (masked by the caller: never more than `SAMPLE_LIMIT` rows cross to the client).

`IbisFrames(backend, settings, datasets)` is the `FrameSource` `pia.validation.run` uses: `frame(check)` builds
the check's expression with `templates.build_frame` and executes it on the backend; `expression(check)` gives
the unexecuted expression for a pushdown engine.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any, Protocol

from pia.validation.context import Backend, FrameContext, FrameSettings
from pia.validation.spec import Check
from pia.validation.templates import build_frame

if TYPE_CHECKING:  # pragma: no cover
    import ibis.expr.types as ir
    import pandas as pd

    from pia.declare.datasets import DatasetDecl

PERSONAL_FIELDS = ("username", "email", "phone", "birth_date", "password_hash")


class FrameSource(Protocol):
    """Prepares the frame GX validates for a check; index = row position in the check's dataset."""

    def frame(self, check: Check) -> pd.DataFrame:
        """The prepared frame of `check` (only rows the check applies to)."""
        ...  # pragma: no cover

    def rows(self, dataset: str) -> int:
        """Number of rows of `dataset`."""
        ...  # pragma: no cover


class IbisFrames:
    """`FrameSource` over any `Backend`: one Ibis expression per check (`templates.build_frame`)."""

    def __init__(self, backend: Backend, settings: FrameSettings, datasets: dict[str, DatasetDecl]):
        self.backend = backend
        self.settings = settings
        self.ctx = FrameContext(backend, settings, datasets)

    def expression(self, check: Check) -> ir.Table:
        """The unexecuted frame expression of `check` (for a pushdown engine)."""
        return build_frame(self.ctx, check)

    def frame(self, check: Check) -> pd.DataFrame:
        """The frame of `check`, executed on the backend (indexed by `_row`)."""
        return self.backend.execute(self.expression(check))

    def rows(self, dataset: str) -> int:
        """Number of rows of `dataset` on the backend."""
        return self.backend.rows(dataset)


# --------------------------------------------------------------------------- the local backend (DuckDB)


class DuckDBBackend:
    """In-process DuckDB over the pandas frames read by `pia.validation.contract` (zero-copy Arrow where it can).

    Time stamps are registered with time zone UTC and the session time zone is UTC, so calendar parts (ages) are
    UTC parts. `execute` returns pandas frames with the dtypes GX saw from the former pandas preparers: nullable
    booleans and integers as `boolean`/`Int64`, numbers as float64, time stamps as naive UTC `datetime64[us]`.
    """

    name = "duckdb"

    def __init__(self, tables: dict[str, pd.DataFrame], threads: int | None = None):
        import ibis

        self.frames = tables
        self.con = ibis.duckdb.connect(threads=threads) if threads else ibis.duckdb.connect()
        self.con.raw_sql("SET TimeZone = 'UTC'")
        self._tables: dict[str, ir.Table] = {}

    def table(self, dataset: str) -> ir.Table:
        """The dataset registered in DuckDB (zero-copy Arrow) with `_row`."""
        if dataset not in self._tables:
            import numpy as np
            import pyarrow as pa

            df = self.frames[dataset]
            # from a numpy range, not a Python one: pyarrow would box every position as a Python int
            arrays, names = [pa.array(np.arange(len(df), dtype=np.int64))], ["_row"]
            for col in df.columns:
                arrays.append(pa.array(df[col], from_pandas=True))
                names.append(col)
            arrow = pa.Table.from_arrays(arrays, names=names)
            name = f"pia_{dataset}"
            self.con.con.register(name, arrow)
            import warnings

            with warnings.catch_warnings():  # ibis 12 calls a DuckDB method DuckDB 2 deprecates: not ours to fix
                warnings.simplefilter("ignore", DeprecationWarning)
                self._tables[dataset] = self.con.table(name)
        return self._tables[dataset]

    def execute(self, expr: ir.Table) -> pd.DataFrame:
        """Run the frame in DuckDB; the pandas frame GX judges."""
        import warnings

        import ibis.expr.operations as ops

        if expr.op().find((ops.JoinChain, ops.Aggregate, ops.Distinct)):
            # joins and aggregates come back in any order: DuckDB sorts them on its threads, cheaper than a sort in
            # Arrow afterwards (0.8 s less CPU on a 5M-row frame); scans keep the tables' order and need none
            expr = expr.order_by("_row")
        with warnings.catch_warnings():  # ibis 12 calls a DuckDB method DuckDB 2 deprecates: not ours to fix
            warnings.simplefilter("ignore", DeprecationWarning)
            return arrow_frame(self.con.to_pyarrow(expr))

    def rows(self, dataset: str) -> int:
        """Number of rows of `dataset`."""
        return len(self.frames[dataset])


def warm_up() -> None:
    """Import Ibis and DuckDB and compile a small frame once (sqlglot builds its DuckDB dialect tables then).

    About a second of pure-Python work; `pia.validation.run` does it in a thread while pyarrow (which releases
    the GIL) reads the CSV files, so that the first check's frame does not pay it.
    """
    import warnings

    import ibis

    with warnings.catch_warnings():  # ibis 12 calls a DuckDB method DuckDB 2 deprecates: not ours to fix
        warnings.simplefilter("ignore", DeprecationWarning)
        t = ibis.table({"_row": "int64", "a": "string", "b": "timestamp('UTC')"}, name="t")
        t = t.filter(t.a.notnull())
        ibis.to_sql(t.select("_row", n=t.a.length(), y=t.b.year()), dialect="duckdb")
        import ibis.backends.duckdb  # noqa: F401


IBIS_TYPES = {"text": "string", "datetime": "timestamp('UTC')", "date": "timestamp('UTC')", "boolean": "boolean"}
"""The Ibis type of each declared column type (dates are timestamps at midnight UTC, see the module docstring)."""


class UnboundBackend:
    """Tables with the declared schema and no data: compile a check's frame to SQL without a connection.

    `ibis.to_sql(IbisFrames(UnboundBackend(datasets), settings, datasets).expression(check), dialect="postgres")`
    is the query a database backend would run (table names are the dataset ids).
    """

    name = "unbound"

    def __init__(self, datasets: dict[str, DatasetDecl]):
        self.datasets = datasets

    def table(self, dataset: str) -> ir.Table:
        """An unbound Ibis table named after the dataset, with the declared schema and `_row`."""
        import ibis

        cols = {"_row": "int64", **{c: IBIS_TYPES[col.type.value] for c, col in self.datasets[dataset].columns.items()}}
        return ibis.table(cols, name=dataset)

    def execute(self, expr: ir.Table) -> pd.DataFrame:
        """Not available: there is no data."""
        raise NotImplementedError("an unbound backend compiles frames; it has no data to run them on")

    def rows(self, dataset: str) -> int:
        """Not available: there is no data."""
        raise NotImplementedError("an unbound backend has no data")


def arrow_frame(table: Any) -> pd.DataFrame:
    """A frame result (Arrow, with `_row`) as the pandas frame GX judges, indexed by `_row`."""
    import pandas as pd
    import pyarrow as pa
    import pyarrow.compute as pc

    rows = table.column("_row")
    if len(rows) > 1 and not pc.all(pc.greater(rows[1:], rows[:-1])).as_py():
        # joins and aggregates come back in any order; scans keep DuckDB's insertion order (no sort needed)
        table = table.take(pc.sort_indices(rows))
    out: dict[str, pd.Series] = {}
    for name, col in zip(table.column_names, table.columns, strict=True):
        if name == "_row":
            continue
        typ = col.type
        if pa.types.is_boolean(typ):
            out[name] = pd.Series(col.to_pandas(types_mapper={pa.bool_(): pd.BooleanDtype()}.get), dtype="boolean")
        elif pa.types.is_integer(typ):
            out[name] = (pd.Series(col.to_pandas(), dtype="int64") if col.null_count == 0
                         else pd.Series(col.to_pandas(types_mapper=lambda t: pd.Int64Dtype()), dtype="Int64"))
        elif pa.types.is_timestamp(typ):
            series = pd.Series(col.to_pandas())
            if series.dt.tz is not None:
                series = series.dt.tz_convert(None)
            # naive UTC: GX compares pairs through Series.values, which drops time zones with a warning
            out[name] = series.astype("datetime64[us]")
        elif pa.types.is_string(typ) or pa.types.is_large_string(typ) or pa.types.is_string_view(typ):
            # Arrow-backed strings (pandas' "str" dtype): no Python string objects are built
            out[name] = pd.Series(pd.arrays.ArrowStringArray(col.cast(pa.large_string())), dtype="str")
        else:
            out[name] = pd.Series(col.to_pandas())
    index = pd.Index(table.column("_row").to_numpy(), name=None)
    return pd.DataFrame({k: v.array for k, v in out.items()}, index=index)


class PandasFrames(IbisFrames):
    """The local engine over already-read pandas frames (kept for callers of the former pandas preparers)."""

    def __init__(self, tables: dict[str, pd.DataFrame], settings: FrameSettings,
                 datasets: dict[str, DatasetDecl] | None = None):
        if datasets is None:
            from pia.validation.checks import reference_datasets

            datasets = reference_datasets()
        super().__init__(DuckDBBackend(tables), settings, datasets)
        self.tables = tables


def undeclared_groups(groups: object, declared: frozenset[str], separator: str = ";") -> str:
    """The listed data groups not in `declared`, sorted and joined by ';' (for samples)."""
    if not isinstance(groups, str):
        return ""
    return ";".join(sorted({g.strip() for g in groups.split(separator) if g.strip()} - declared))


def _age_years(birth: pd.Series, at: pd.Series) -> pd.Series:
    """Whole years between a birth date and an instant (UTC calendar date), in pandas (a reference for tests)."""
    by, bm, bd = birth.dt.year, birth.dt.month, birth.dt.day
    ay, am, ad = at.dt.year, at.dt.month, at.dt.day
    before_birthday = (am * 100 + ad) < (bm * 100 + bd)
    return (ay - by - before_birthday.astype("float64")).astype("float64")
