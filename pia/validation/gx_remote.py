"""GX as the engine of record where the data lives: SQL query assets in PostgreSQL/SQLite, DataFrames in Spark.

Each check's frame arrives as SQL (run in the database) or a Spark DataFrame; GX computes the counts there in
SUMMARY mode (its COMPLETE-mode unexpected-rows query drops row conditions, so it is never used). The few
failing rows a result shows are fetched here with a bounded query (`LIMIT`) built from the same expectations,
and masked by the caller: no other row crosses to this process.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from pia.validation.checks import Check
from pia.validation.gx_engine import SUITE_PREFIX, EngineError, GxEngine, checked_results
from pia.validation.sources import EngineKind, Source, quote_ident

ROW_COLUMN = "_pia_row"  # a frame's row position (0-based) in its dataset, when the engine knows it


@dataclass(frozen=True)
class RemoteResult:
    """What GX decided for one check, and the failing rows to show (raw; the caller masks them)."""

    success: bool
    failed_rows: int
    rows_in_scope: int
    samples: tuple[dict[str, Any], ...]


def shared_session(source: Source) -> Any:
    """PostgreSQL: a SQLAlchemy engine over ONE connection (a static pool), which `RemoteGx` hands to GX as well.

    Made before GX is imported, so that frames can be written to temporary tables while it imports.
    """
    import sqlalchemy as sa

    return sa.create_engine(source.location, poolclass=sa.pool.StaticPool)


def materialise(session: Any, sql: str, write: bool, name: str = "pia_frame_tmp") -> str:
    """Make the frame `sql` a temporary relation `name` in `session`; its name, which GX reads as a table asset.

    `write`: a temporary table, written once, for a frame with joins, windows or aggregates (GX's metric
    queries and the sample query then scan the result instead of computing the frame again each); otherwise a
    temporary view (a frame that is one scan of one table costs the same read in place, and writing it would
    cost more). Not a query asset: without a temp table GX fetches a query's whole result once to learn its
    columns. `release` drops it.
    """
    with session.connect() as conn:
        conn.exec_driver_sql(f"CREATE TEMPORARY {'TABLE' if write else 'VIEW'} {name} AS {sql}")
        conn.commit()  # the pool rolls a connection back when it is returned: keep the relation
    return name


def release(session: Any, name: str, write: bool) -> None:
    """Drop the temporary relation `name` of `materialise`."""
    with session.connect() as conn:
        conn.exec_driver_sql(f"DROP {'TABLE' if write else 'VIEW'} IF EXISTS {name}")
        conn.commit()


class RemoteGx(GxEngine):
    """A `GxEngine` whose suites run in a SQL database (query assets) or on Spark DataFrames."""

    def __init__(self, settings: dict[str, Any], source: Source, session: Any = None):
        """`session`: PostgreSQL, the `shared_session` to run in (a new one if None)."""
        super().__init__(settings)
        self.source = source
        sources = self.context.data_sources
        if source.engine is EngineKind.postgresql:
            import sqlalchemy as sa

            # One database session for GX and the kit: GX's engines (the data source's, which tests an asset,
            # and the execution engine's) and the kit's all wrap the one DBAPI connection of a static pool, so
            # the temporary relation of a frame (`materialise`) is visible to every one of them. GX writes no
            # temp table of its own.
            self._shared = session if session is not None else shared_session(source)
            connection = self._shared.raw_connection().dbapi_connection
            self._remote = sources.add_postgres("pia_db", connection_string=source.location, create_temp_table=False,
                                                kwargs={"poolclass": sa.pool.StaticPool, "creator": lambda: connection})
        elif source.engine is EngineKind.sqlite:
            self._remote = sources.add_sqlite("pia_db", connection_string=source.location, create_temp_table=True)
        elif source.engine is EngineKind.spark:
            self._remote = sources.add_spark("pia_spark")
            self._spark_batch = self._remote.add_dataframe_asset("frame").add_batch_definition_whole_dataframe("whole")
        else:
            raise ValueError(f"not a remote engine: {source.engine}")

    @property
    def sql_engine(self) -> Any:
        """PostgreSQL: a SQLAlchemy engine on the database session GX's queries run in (for the kit's own)."""
        return self._shared

    def run_remote(self, check: Check, frame: Any, table: bool = False) -> tuple[bool, int, int]:
        """Run the suite of `check` on `frame` (SQL text or a Spark DataFrame): success, failed rows, rows.

        `table`: `frame` names a relation (`materialise`), read as a table asset.
        """
        name = SUITE_PREFIX + check.id
        result_format = {"result_format": "SUMMARY", "partial_unexpected_count": 0, "include_unexpected_rows": False}
        if isinstance(frame, str):
            asset = (self._remote.add_table_asset(name, table_name=frame) if table
                     else self._remote.add_query_asset(name, query=frame))
            batch, params = asset.add_batch_definition_whole_table("whole"), None
        else:
            from pyspark import StorageLevel

            # GX asks several metrics of the frame: compute its joins once, not once per metric (a frame the
            # caller already persisted, e.g. to fetch samples from it next, stays the caller's to release)
            owned = not (frame.storageLevel.useMemory or frame.storageLevel.useDisk)
            if owned:
                frame = frame.persist(StorageLevel.MEMORY_AND_DISK)
            asset, batch, params = None, self._spark_batch, {"dataframe": frame}
        suite = self.context.suites.add(self.suite(check))
        validation = self.context.validation_definitions.add(
            self._gx.ValidationDefinition(name=name, data=batch, suite=suite))
        try:
            outcome = validation.run(batch_parameters=params, result_format=result_format)
        finally:
            self.context.validation_definitions.delete(name)
            self.context.suites.delete(name)
            if asset is not None:
                self._remote.delete_asset(name)
            elif owned:
                frame.unpersist()
        failed, rows, success = 0, None, True
        for res, unexpected in checked_results(check, outcome):
            failed += unexpected
            success = success and bool(res.success)
            count = res.result.get("element_count")
            if count is not None:
                rows = int(count)
        if success != (failed == 0):
            raise EngineError(f"{check.id}: GX verdict and unexpected counts disagree")
        if rows is None:
            raise EngineError(f"{check.id}: GX returned no element count")
        return success, failed, rows


# --------------------------------------------------------------------------- bounded samples


def unexpected_sql(check: Check, settings: dict[str, Any], dialect: EngineKind) -> tuple[str, list[str]]:
    """The SQL condition and LEFT JOINs that select the rows some expectation of `check` finds unexpected.

    The condition is over the frame (`pia_frame`) and the joins it reads (each with a `{frame}` placeholder).

    Mirrors GX's semantics: value expectations ignore missing values, NOT NULL counts them, UNIQUE fails every
    row whose value repeats, a pair comparison ignores rows where either value is missing (as configured).
    A repeated value is found by a join to the repeated values (distinct, so it never fans out), not by
    `IN (subquery)` under an OR: PostgreSQL cannot turn that into a join and, once the values outgrow its
    `work_mem` hash, rescans the subquery for every row (hours at a million rows).
    """
    parts = []
    joins: list[str] = []
    for exp in check.expectations:
        kw = exp.resolve(settings)
        if exp.type == "expect_column_values_to_not_be_null":
            parts.append(f"{_col(kw['column'], dialect)} IS NULL")
            continue
        if exp.type == "expect_column_pair_values_a_to_be_greater_than_b":
            a, b = _col(kw["column_A"], dialect), _col(kw["column_B"], dialect)
            op = ">=" if kw.get("or_equal") else ">"
            ignore = kw.get("ignore_row_if", "both_values_are_missing")
            if ignore == "either_value_is_missing":
                parts.append(f"({a} IS NOT NULL AND {b} IS NOT NULL AND NOT ({a} {op} {b}))")
            else:
                parts.append(f"(NOT ({a} IS NULL AND {b} IS NULL) AND NOT COALESCE({a} {op} {b}, FALSE))")
            continue
        col = _col(kw["column"], dialect)
        if exp.type == "expect_column_values_to_be_unique":
            dups = f"pia_dups{len(joins)}"
            joins.append(f"LEFT JOIN (SELECT {col} AS pia_key FROM {{frame}} GROUP BY {col} HAVING COUNT(*) > 1) "
                         f"AS {dups} ON pia_frame.{col} = {dups}.pia_key")
            parts.append(f"{dups}.pia_key IS NOT NULL")
        elif exp.type == "expect_column_values_to_match_regex":
            parts.append(f"({col} IS NOT NULL AND NOT ({_regex(col, kw['regex'], dialect)}))")
        elif exp.type == "expect_column_values_to_be_in_set":
            values = ", ".join(_literal(v, dialect) for v in kw["value_set"]) or "NULL"
            parts.append(f"({col} IS NOT NULL AND {col} NOT IN ({values}))")
        elif exp.type == "expect_column_values_to_be_between":
            bounds = []
            if kw.get("min_value") is not None:
                bounds.append(f"{col} {'<=' if kw.get('strict_min') else '<'} {_literal(kw['min_value'], dialect)}")
            if kw.get("max_value") is not None:
                bounds.append(f"{col} {'>=' if kw.get('strict_max') else '>'} {_literal(kw['max_value'], dialect)}")
            parts.append(f"({col} IS NOT NULL AND ({' OR '.join(bounds)}))")
        else:
            raise EngineError(f"{check.id}: no sample condition for {exp.type}")
    return " OR ".join(f"({p})" for p in parts), joins


def _col(name: str, dialect: EngineKind) -> str:
    if dialect is EngineKind.spark:  # Spark SQL reads double quotes as a string
        return "`" + name.replace("`", "``") + "`"
    return quote_ident(name)


def _regex(col: str, pattern: str, dialect: EngineKind) -> str:
    lit = _literal(pattern, dialect)
    if dialect is EngineKind.postgresql:
        return f"{col} ~ {lit}"
    if dialect is EngineKind.spark:
        return f"{col} RLIKE {lit}"
    return f"{col} REGEXP {lit}"


def _literal(value: Any, dialect: EngineKind) -> str:
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, int | float):
        return repr(value)
    text = str(value).replace("'", "''")
    if dialect is EngineKind.spark:
        text = text.replace("\\", "\\\\")  # Spark SQL string literals take backslash escapes
    return f"'{text}'"


def sample_query(check: Check, frame_sql: str, settings: dict[str, Any], dialect: EngineKind, order_by: list[str],
                 columns: list[str], limit: int, below: int | None = None) -> str:
    """The bounded query returning `columns` of up to `limit` failing rows of the frame, in a stable order.

    With `below`, only rows whose first `order_by` column is under it (see `first_failing`).
    """
    frame = f"({frame_sql}) AS pia_frame"
    where, joins = unexpected_sql(check, settings, dialect)
    if below is not None:  # first, so that the database tests the cheap bound before the check's conditions
        where = f"pia_frame.{_col(order_by[0], dialect)} < {int(below)} AND ({where})"
    joined = "".join(" " + j.replace("{frame}", f"({frame_sql}) AS pia_dup") for j in joins)
    cols = ", ".join(f"pia_frame.{_col(c, dialect)}" for c in columns)
    order = ", ".join(f"pia_frame.{_col(c, dialect)} IS NULL, pia_frame.{_col(c, dialect)}" for c in order_by)
    return f"SELECT {cols} FROM {frame}{joined} WHERE {where} ORDER BY {order} LIMIT {int(limit)}"


def first_failing(run: Callable[[int | None], list[tuple]], failed: int, rows: int, limit: int) -> list[tuple]:
    """The first `limit` failing rows in position order, testing the check's conditions on as few rows as it can.

    `run(below)` runs `sample_query` restricted to positions under `below` (None: all). The failing rows are
    at most `limit` of `failed` among `rows` positions: if they were spread evenly, the `limit`-th would lie
    near `rows * limit / failed`; the first pass reads four times that prefix and widens it fourfold until it
    holds `min(limit, failed)` rows (or reads everything). The answer never depends on the guess: a prefix that
    holds `limit` failing rows holds the first `limit`. A check whose conditions cost (a regular expression
    over every row) then tests them on a prefix, not on the whole table a second time after GX.
    """
    want = min(limit, failed)
    if want <= 0:
        return []
    below: int | None = 4 * rows * want // failed + 1
    while True:
        if below is not None and below >= rows:
            below = None
        picked = run(below)
        if below is None or len(picked) >= want:
            return picked
        below *= 4
