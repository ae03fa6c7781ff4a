"""Backends that run the check frames where the data lives: PostgreSQL and SQLite (SQL), and Spark.

Each implements `pia.validation.frames.Backend` over unbound Ibis tables: a frame expression is compiled to the
engine's SQL (`ibis.to_sql`) and never executed here; GX runs it (query asset or Spark DataFrame, see
`pia.validation.gx_remote`). Only counts and the bounded samples come back to this process.

`_row` (a row's 0-based position, which samples report) is the table's own `_row` column when it has one (an
export that keeps its file order, as `pia` loads estates), else the row's rank in key order.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

from pia.errors import InputError, Problem
from pia.validation.sources import EngineKind, Source, SqlCatalog, check_columns, quote_ident, spark_columns

if TYPE_CHECKING:  # pragma: no cover
    import ibis.expr.types as ir
    import pandas as pd

ROW = "_row"
IBIS_DIALECT = {EngineKind.postgresql: "postgres", EngineKind.sqlite: "sqlite", EngineKind.spark: "pyspark"}


def _ibis_type(kind: str) -> str:
    return {"text": "string", "datetime": "timestamp('UTC')", "date": "date", "boolean": "boolean"}[kind]


class _IbisTables:
    """Shared part: unbound Ibis tables named as the contract, with `_row`, compiled to one SQL dialect."""

    engine: EngineKind

    def __init__(self, source: Source, columns: dict[str, dict[str, str]], keys: dict[str, str],
                 mapping: dict[str, dict[str, str]], physical: dict[str, dict[str, str]]):
        self.source = source
        self.columns = columns  # dataset -> contract column -> type name (text, datetime, date, boolean)
        self.keys = keys
        self.mapping = mapping
        self.physical = physical  # dataset -> the table's column -> its declared type
        self._tables: dict[str, ir.Table] = {}

    @property
    def name(self) -> str:
        return self.source.engine.value

    @property
    def lacks(self) -> frozenset[str]:
        """Capabilities the engine lacks (see `pia.validation.context.FrameContext.lacks`)."""
        from pia.validation.context import LACKS_LIST_SPLIT, LACKS_TIMESTAMP_DELTA

        sqlite = self.source.engine is EngineKind.sqlite
        return frozenset({LACKS_TIMESTAMP_DELTA, LACKS_LIST_SPLIT}) if sqlite else frozenset()

    def table(self, dataset: str) -> ir.Table:
        if dataset not in self._tables:
            import ibis

            present = self.physical[dataset]
            renames = self.mapping.get(dataset, {})
            wanted = {c: renames.get(c, c) for c in self.columns[dataset] if renames.get(c, c) in present}
            schema = {theirs: _ibis_type(self.columns[dataset][ours]) for ours, theirs in wanted.items()}
            stored_row = ROW in present
            if stored_row:
                schema[ROW] = "int64"
            name = self.source.table(dataset)
            db, _, tname = name.rpartition(".")
            raw = ibis.table(schema, name=tname, database=db or None)
            cols: dict[str, Any] = {}
            for ours, theirs in wanted.items():
                col = raw[theirs]
                if self.columns[dataset][ours] == "date":  # the frames see dates as midnight UTC
                    col = col.cast("timestamp('UTC')")
                cols[ours] = col
            t = raw.select(**cols, **({ROW: raw[ROW]} if stored_row else {}))
            if not stored_row:
                key = t[self.keys[dataset]]
                t = t.mutate(**{ROW: ibis.row_number().over(order_by=[key.isnull(), key])})
            self._tables[dataset] = t
        return self._tables[dataset]

    def sql(self, expr: ir.Table) -> str:
        """`expr` in the engine's SQL."""
        import ibis

        if self.source.engine is EngineKind.spark and ibis.options.pyspark is None:
            from ibis.backends.pyspark import Backend  # its SQL compiler reads the options a connection registers

            Backend.register_options()

        sql = str(ibis.to_sql(expr, dialect=IBIS_DIALECT[self.source.engine]))
        if sql.lstrip()[:4].upper() == "WITH":
            # GX's query assets must start with SELECT; Ibis puts a named relation (the parent of an opaque SQL
            # view, see `FrameContext.list_items`) in a leading WITH: it moves into a subquery
            sql = f"SELECT * FROM ({sql}) AS pia_with"
        return sql


class SqlBackend(_IbisTables):
    """PostgreSQL or SQLite through SQLAlchemy; frames become GX query assets."""

    def __init__(self, source: Source, catalog: SqlCatalog, columns: dict[str, dict[str, str]],
                 keys: dict[str, str], mapping: dict[str, dict[str, str]], physical: dict[str, dict[str, str]]):
        super().__init__(source, columns, keys, mapping, physical)
        self.catalog = catalog
        self.engine = source.engine

    def close(self) -> None:
        """Release the database connections."""
        self.catalog.dispose()

    session: Any = None  # PostgreSQL: the session shared with GX, once open (see `keep`)
    _engine: Any = None  # the engine of `on`, else the catalogue's

    def keep(self, expr: ir.Table) -> ir.Table:
        """`expr` written once to a temporary table of the shared session, as an Ibis table reading it.

        For a part several frames read (the first row of each user: a window over the whole table), so that it is
        computed once rather than once per frame. Without a shared session, `expr` itself.
        """
        if self.session is None:
            return expr
        import ibis

        from pia.validation.gx_remote import materialise

        self._kept = getattr(self, "_kept", 0) + 1
        name = materialise(self.session, self.sql(expr), True, f"pia_part_{self._kept}")
        return ibis.table(expr.schema(), name=name)

    def on(self, engine: Any) -> SqlBackend:
        """The same backend, running its queries on `engine` (e.g. GX's session, which holds a frame's temporary table)."""
        import copy

        other = copy.copy(self)
        other._engine = engine
        return other

    @property
    def _connect(self) -> Any:
        return (self._engine or self.catalog.engine).connect

    def query(self, sql: str) -> list[tuple]:
        """Run a bounded query (counts, samples) and return its rows."""
        with self._connect() as conn:
            return [tuple(r) for r in conn.exec_driver_sql(sql).fetchall()]

    def execute(self, expr: ir.Table) -> pd.DataFrame:
        """Run a frame in the database and fetch it (for small frames and tests; validation never does)."""
        import pandas as pd

        with self._connect() as conn:
            frame = pd.read_sql_query(self.sql(expr), conn)
        return frame.set_index(ROW).sort_index()

    def rows(self, dataset: str) -> int:
        """Number of rows of the dataset's table."""
        return int(self.query(f"SELECT COUNT(*) FROM {quote_ident(self.source.table(dataset))}")[0][0])

    def sample_values(self, dataset: str, rows: list[int], columns: list[str]) -> pd.DataFrame:
        """`columns` of the rows at positions `rows` (at most a sample's few), indexed by `_row`."""
        import pandas as pd

        if not rows:
            return pd.DataFrame(columns=columns)
        t = self.table(dataset)
        # positions are unique: the scan may stop at the last one found rather than read the table to its end
        picked = t.filter(t[ROW].isin([int(r) for r in rows])).select(ROW, *columns).limit(len(set(rows)))
        with self._connect() as conn:
            frame = pd.read_sql_query(self.sql(picked), conn)
        return frame.set_index(ROW)


def one_scan(expr: ir.Table) -> bool:
    """Whether a frame is a filter and projection of one table (no join, window, aggregate, unnest or distinct).

    Such a frame costs one scan wherever it is read, so writing it to a temporary table first saves nothing.
    """
    import ibis.expr.operations as ops

    return not expr.op().find((ops.JoinChain, ops.WindowFunction, ops.Aggregate, ops.Unnest, ops.Distinct,
                               ops.Union, ops.TableUnnest))


class SparkBackend(_IbisTables):
    """Spark: datasets are files read by Spark (Parquet/CSV) or catalog tables; frames become DataFrames."""

    def __init__(self, source: Source, session: Any, columns: dict[str, dict[str, str]], keys: dict[str, str],
                 mapping: dict[str, dict[str, str]], physical: dict[str, dict[str, str]]):
        super().__init__(source, columns, keys, mapping, physical)
        self.session = session
        self.engine = EngineKind.spark

    def dataframe(self, expr: ir.Table) -> Any:
        """The Spark DataFrame of a frame expression (lazy: nothing runs until GX asks)."""
        return self.session.sql(self.sql(expr))

    FRAME_VIEW = "pia_frame"

    def query(self, sql: str) -> list[tuple]:
        """Run a bounded Spark SQL query (counts, samples) and return its rows."""
        return [tuple(r) for r in self.session.sql(sql).collect()]

    def cached_frame(self, sql: str) -> Any:
        """The frame of `sql`, persisted and registered as the view `FRAME_VIEW` until `release`.

        GX's metrics and then the sample query of a failed check read it: its joins run once per check.
        """
        from pyspark import StorageLevel

        frame = self.session.sql(sql).persist(StorageLevel.MEMORY_AND_DISK)
        frame.createOrReplaceTempView(self.FRAME_VIEW)
        return frame

    def release(self, frame: Any) -> None:
        """Drop the view and the cached blocks of a `cached_frame`."""
        self.session.catalog.dropTempView(self.FRAME_VIEW)
        frame.unpersist()

    def close(self) -> None:
        """Leave the session running (a cluster's, or reused by the next run in this process)."""

    def execute(self, expr: ir.Table) -> pd.DataFrame:
        """Run a frame on Spark and fetch it (for small frames and tests; validation never does)."""
        return self.dataframe(expr).toPandas().set_index(ROW).sort_index()

    def rows(self, dataset: str) -> int:
        """Number of rows of the dataset's view."""
        return int(self.query(f"SELECT COUNT(*) FROM {_spark_ident(self.source.table(dataset))}")[0][0])

    def sample_values(self, dataset: str, rows: list[int], columns: list[str]) -> pd.DataFrame:
        """`columns` of the rows at positions `rows` (a sample's few), indexed by `_row`."""
        import pandas as pd

        if not rows:
            return pd.DataFrame(columns=columns)
        t = self.table(dataset)
        picked = t.filter(t[ROW].isin([int(r) for r in rows])).select(ROW, *columns)
        return self.dataframe(picked).toPandas().set_index(ROW)


def _spark_ident(name: str) -> str:
    return ".".join(f"`{p}`" for p in name.split("."))


# --------------------------------------------------------------------------- opening a source


def _columns_keys(contract: dict[str, Any]) -> tuple[dict[str, dict[str, str]], dict[str, str]]:
    columns = {d: {c: t.value for c, t in spec.columns.items()} for d, spec in contract.items()}
    return columns, {d: spec.key for d, spec in contract.items()}


def open_remote(where: Source, declared: dict[str, Any], contract: dict[str, Any],
                mapping: dict[str, dict[str, str]]) -> tuple[Any, dict[str, str]]:
    """The backend of a PostgreSQL, SQLite or Spark source for the declared datasets, and what each dataset read.

    A dataset whose declared `source` is a table name (`table` or `schema.table`, not a file) is read from that
    table; otherwise from the table named as the dataset.
    """
    tables = dict(where.tables)
    for ds in declared.values():
        src = getattr(ds, "source", None)
        if src and "://" not in src and "/" not in src and not src.lower().endswith((".csv", ".parquet")):
            tables.setdefault(ds.id, src)
    where = Source(engine=where.engine, location=where.location, master=where.master, tables=tables,
                   given=where.given)
    if where.engine is EngineKind.spark:
        from pia.validation.spark import spark_session

        return open_spark(where, spark_session(where.master or "local[2]"), contract, mapping)
    backend = open_sql(where, contract, mapping)
    return backend, {d: where.table(d) for d in backend.physical}


def open_sql(source: Source, contract: dict[str, Any], mapping: dict[str, dict[str, str]]) -> SqlBackend:
    """Connect, check each dataset's table (exists, required columns, types) and return the backend.

    Datasets without a table are left out (their checks are skipped, as a missing file's are).
    Raises `InputError`: unreachable database, a declared table missing, a missing column or a wrong type.
    """
    columns, keys = _columns_keys(contract)
    catalog = SqlCatalog(source)
    try:
        physical = catalog.present(contract, mapping)
    except InputError:
        catalog.dispose()
        raise
    return SqlBackend(source, catalog, {d: columns[d] for d in physical}, keys, mapping, physical)


def open_spark(source: Source, session: Any, contract: dict[str, Any],
               mapping: dict[str, dict[str, str]]) -> tuple[SparkBackend, dict[str, str]]:
    """Register each dataset's files (or catalog table) as a Spark view; return the backend and what was read.

    A directory source is read as `<dataset>.parquet` or `<dataset>.csv` (CSV typed by the contract); a
    `spark-catalog:DB` source reads the tables `DB.<dataset>` (or the declared table names).
    """
    from pathlib import Path

    columns, keys = _columns_keys(contract)
    physical: dict[str, dict[str, str]] = {}
    read: dict[str, str] = {}
    problems: list[Problem] = []
    catalog_db = source.location.split(":", 1)[1] if source.location.startswith("spark-catalog:") else None
    for dataset in columns:
        if catalog_db is not None:
            name = source.tables.get(dataset) or f"{catalog_db}.{dataset}"
            if not session.catalog.tableExists(name):
                if dataset in source.tables:
                    problems.append(Problem(f"{source.location}: table {name}", "no such table"))
                continue
            frame = session.table(name)
        else:
            base = Path(source.location)
            parquet, csv = base / f"{dataset}.parquet", base / f"{dataset}.csv"
            if csv.is_file():  # the local engine's order of preference
                frame, name = _read_csv(session, csv, dataset, columns[dataset], mapping), str(csv)
            elif parquet.exists():
                frame, name = session.read.parquet(str(parquet)), str(parquet)
            else:
                continue
            from pyspark import StorageLevel

            # parsed once, not once per check (spills to disk when memory is short); persisted before the
            # positions are counted, so that counting them is the job that fills the cache (one parse, not two)
            frame = frame.persist(StorageLevel.MEMORY_AND_DISK)
            if ROW not in frame.columns:  # the file's order, as the local engine numbers rows
                frame = _with_positions(session, frame)
        cols = spark_columns(frame)
        problems.extend(check_columns(source, contract[dataset], cols, mapping))
        frame.createOrReplaceTempView(f"pia_{dataset}")
        physical[dataset] = cols
        read[dataset] = name
    if problems:
        raise InputError(problems)
    if not physical:
        expected = ", ".join(contract[d].file_names[0] for d in contract)
        raise InputError(Problem(source.location, f"none of the data contract's datasets found (expected {expected}, "
                                                  "or .parquet, or catalog tables)"))
    routed = Source(engine=source.engine, location=source.location, master=source.master,
                    tables={d: f"pia_{d}" for d in physical}, given=source.given)
    return SparkBackend(routed, session, {d: columns[d] for d in physical}, keys, mapping, physical), read


def _with_positions(session: Any, frame: Any) -> Any:
    """`frame` with `_row`: each row's 0-based position in the file, computed in the JVM.

    A file scan's partitions follow the file's order and `monotonically_increasing_id` is (partition << 33) +
    position in the partition, so the position in the file is the partition's offset (rows of the partitions
    before it, one small aggregate) plus that position.
    """
    from pyspark.sql import functions as F  # noqa: N812

    tagged = (frame.withColumn("_pia_part", F.spark_partition_id())
              .withColumn("_pia_id", F.monotonically_increasing_id()))
    counts = dict(tagged.groupBy("_pia_part").count().collect())
    offsets, total = [], 0
    for part in range(max(counts, default=-1) + 1):
        offsets.append(total)
        total += counts.get(part, 0)
    offset = F.element_at(F.array(*[F.lit(o).cast("long") for o in offsets or [0]]), F.col("_pia_part") + 1)
    position = offset + (F.col("_pia_id") - F.shiftleft(F.col("_pia_part").cast("long"), 33))
    return tagged.withColumn(ROW, position).drop("_pia_part", "_pia_id")


def _read_csv(session: Any, path: Any, dataset: str, types: dict[str, str], mapping: dict[str, dict[str, str]]) -> Any:
    """A CSV file read by Spark with the contract's types (blank is NULL, offsets honoured, UTC otherwise)."""
    from pyspark.sql import functions as F  # noqa: N812

    raw = session.read.option("header", True).option("mode", "FAILFAST").option("inferSchema", False).csv(str(path))
    renames = {theirs: ours for ours, theirs in mapping.get(dataset, {}).items()}
    out = []
    for col in raw.columns:
        kind = types.get(renames.get(col, col), "text")
        c = F.col(f"`{col}`")
        blank = F.when(F.trim(c) == "", None).otherwise(c)
        if kind == "datetime":
            c = F.to_timestamp(blank)
        elif kind == "date":
            c = F.to_date(blank, "yyyy-MM-dd")
        elif kind == "boolean":
            low = F.lower(F.trim(blank))
            c = F.when(low == "true", True).when(low == "false", False).otherwise(None)
        else:
            c = blank
        out.append(c.alias(col))
    return raw.select(*out)
