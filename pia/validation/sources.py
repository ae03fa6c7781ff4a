"""Where `pia validate` reads the estate: a directory of files, a PostgreSQL or SQLite database, or Spark.

`parse_source` turns the command's SOURCE and `--engine` into a `Source`; `SqlCatalog` and `spark_columns`
check that every dataset's table exists with the contract's columns and compatible types, so that a missing
table, a wrong column type or an unreachable database is one line naming it (never a traceback). Drivers are
imported only when a database is opened.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path
from typing import Any

from pia.errors import InputError, Problem
from pia.validation.contract import ColumnMapping, ColumnType


class EngineKind(str, Enum):
    """Which engine runs the frames and GX."""

    local = "local"  # files on this machine
    postgresql = "postgresql"  # pushdown: SQL query assets in the database
    sqlite = "sqlite"  # SQL query assets in a SQLite file
    spark = "spark"  # Spark DataFrames (local[N] or a cluster)


@dataclass(frozen=True)
class Source:
    """The estate to validate and the engine that reads it."""

    engine: EngineKind
    location: str  # a directory, or a SQLAlchemy URL
    master: str | None = None  # Spark master (local[N] or a URL)
    tables: dict[str, str] = field(default_factory=dict)  # dataset -> table (schema.table); default: its name
    given: str | None = None  # the location as the user wrote it

    @property
    def shown(self) -> str:
        """The location as it may be printed: as given, a database URL without its password."""
        return hide_password(self.given or self.location)

    def table(self, dataset: str) -> str:
        """The table (or, for Spark on files, the file stem) holding `dataset`."""
        return self.tables.get(dataset, dataset)


def hide_password(url: str) -> str:
    """`url` with any password replaced by ***."""
    head, sep, tail = url.partition("://")
    if not sep or "@" not in tail.split("/", 1)[0]:
        return url
    auth, _, rest = tail.partition("@")
    if ":" in auth:
        auth = auth.split(":", 1)[0] + ":***"
    return f"{head}://{auth}@{rest}"


def sqlalchemy_url(url: str) -> str:
    """A URL GX's SQLAlchemy accepts: psycopg2 driver, and a host even when connecting over a unix socket."""
    scheme, _, rest = url.partition("://")
    if scheme in ("postgresql", "postgres"):
        scheme = "postgresql+psycopg2"
    authority, slash, path = rest.partition("/")
    host_part = authority.rsplit("@", 1)[-1]
    if scheme.startswith("postgresql") and host_part == "":  # postgresql:///db?host=/run/postgresql
        authority = authority + "localhost"
    if scheme.startswith("postgresql") and "options=" not in path:
        # calendar parts (ages) and date casts are taken in UTC, as on every other engine
        path += ("&" if "?" in path else "?") + "options=-c%20TimeZone%3DUTC"
    return f"{scheme}://{authority}{slash}{path}"


def parse_source(location: str, engine: str | None = None, master: str | None = None,
                 tables: dict[str, str] | None = None) -> Source:
    """The `Source` of `pia validate SOURCE [--engine E] [--master M]`.

    A `postgresql://` (or `postgres://`, `postgresql+driver://`) URL runs in PostgreSQL; `sqlite:///path` in
    SQLite; anything else is a directory of CSV or Parquet files, run locally or with `--engine spark`.
    """
    text = str(location)
    scheme = text.split("://", 1)[0].lower() if "://" in text else ""
    wanted = (engine or "").lower() or None
    if scheme.startswith(("postgresql", "postgres")):
        kind = EngineKind.postgresql
    elif scheme.startswith("sqlite"):
        kind = EngineKind.sqlite
    elif scheme:
        raise InputError(Problem(hide_password(text), f"unsupported URL scheme {scheme!r} "
                                                      "(postgresql://, sqlite:/// or a directory)"))
    else:
        kind = EngineKind.spark if wanted == "spark" else EngineKind.local
    if wanted not in (None, "auto") and wanted != kind.value and not (wanted == "local" and kind is EngineKind.local):
        if wanted == "spark" and kind is not EngineKind.local:
            raise InputError(Problem("--engine spark", "reads a directory of Parquet/CSV files or Spark catalog "
                                                       "tables (spark-catalog:DATABASE), not a database URL"))
        if wanted not in {k.value for k in EngineKind}:
            raise InputError(Problem("--engine", f"unknown engine {engine!r} (local, spark)"))
    if text.startswith("spark-catalog:"):
        if wanted != "spark":
            raise InputError(Problem(text, "catalog tables need --engine spark"))
        kind = EngineKind.spark
    if kind is EngineKind.sqlite:
        path = text.split(":///", 1)[1] if ":///" in text else ""
        if not path or not Path(path).is_file():
            raise InputError(Problem(text, "no such SQLite file"))
    if kind is EngineKind.spark and not text.startswith("spark-catalog:") and "://" not in text \
            and not Path(text).is_dir():  # checked before a JVM starts
        raise InputError(Problem(text, "no such directory (expected Parquet/CSV files, or spark-catalog:DATABASE)"))
    if master is not None and kind is not EngineKind.spark:
        raise InputError(Problem("--master", "only with --engine spark"))
    location_out = sqlalchemy_url(text) if kind is EngineKind.postgresql else text
    return Source(engine=kind, location=location_out, master=(master or "local[2]") if kind is EngineKind.spark
                  else None, tables=dict(tables or {}), given=text)


# --------------------------------------------------------------------------- SQL catalogues


_PG_TYPES: dict[ColumnType, tuple[str, ...]] = {
    ColumnType.text: ("text", "character varying", "character", "varchar", "char", "name", "citext"),
    ColumnType.datetime: ("timestamp with time zone", "timestamp without time zone"),
    ColumnType.date: ("date",),
    ColumnType.boolean: ("boolean",),
}
# SQLite declares types freely (type affinity): accept the declared names that store these values as text/0-1.
_SQLITE_TYPES: dict[ColumnType, tuple[str, ...]] = {
    ColumnType.text: ("", "TEXT", "CHAR", "CLOB", "VARCHAR"),
    ColumnType.datetime: ("TIMESTAMP", "DATETIME", "TEXT", "VARCHAR", "CHAR"),
    ColumnType.date: ("DATE", "TEXT", "VARCHAR", "CHAR"),
    ColumnType.boolean: ("BOOLEAN", "BOOL", "INTEGER", "INT", "TINYINT"),
}
_SPARK_TYPES: dict[ColumnType, tuple[str, ...]] = {
    ColumnType.text: ("string",),
    ColumnType.datetime: ("timestamp", "timestamp_ntz"),
    ColumnType.date: ("date",),
    ColumnType.boolean: ("boolean",),
}


def _type_ok(kind: ColumnType, declared: str, engine: EngineKind) -> bool:
    declared = declared.strip()
    if engine is EngineKind.sqlite:
        base = declared.upper().split("(")[0].strip()
        return base in _SQLITE_TYPES[kind]
    if engine is EngineKind.spark:
        return declared.lower() in _SPARK_TYPES[kind]
    base = declared.lower().split("(")[0].strip()
    return base in _PG_TYPES[kind] or (kind is ColumnType.text and base.startswith(("character", "varchar")))


def check_columns(source: Source, spec: Any, columns: dict[str, str], mapping: ColumnMapping) -> list[Problem]:
    """Problems with one dataset's table: required columns missing or of a type the contract cannot read.

    `spec` is the dataset's contract (`pia.validation.contract.Dataset`); `columns` the table's column -> type.
    """
    dataset = spec.name
    renames = mapping.get(dataset, {})
    where = f"{source.shown}: table {source.table(dataset)}"
    problems = []
    for col in spec.required:
        theirs = renames.get(col, col)
        alias = f" (mapped from {col})" if theirs != col else ""
        if theirs not in columns:
            problems.append(Problem(where, f"missing required column {theirs!r}{alias}"))
        elif not _type_ok(spec.columns[col], columns[theirs], source.engine):
            allowed = {EngineKind.sqlite: _SQLITE_TYPES, EngineKind.spark: _SPARK_TYPES}.get(source.engine, _PG_TYPES)
            accepted = ", ".join(t or "none" for t in allowed[spec.columns[col]])
            problems.append(Problem(where, f"column {theirs!r}{alias} has type {columns[theirs] or 'none'}, expected "
                                           f"{spec.columns[col].value} ({accepted})"))
    return problems


class SqlCatalog:
    """An open SQLAlchemy engine on the source's database, and what its tables look like."""

    def __init__(self, source: Source):
        self.source = source
        try:
            import sqlalchemy as sa
        except ImportError:
            raise InputError(Problem(source.shown, "SQLAlchemy is not installed")) from None
        try:
            self.engine = sa.create_engine(source.location, pool_pre_ping=False)
            with self.engine.connect() as conn:
                conn.exec_driver_sql("SELECT 1")
        except ModuleNotFoundError as exc:
            raise InputError(Problem(source.shown, f"database driver {exc.name!r} is not installed "
                                                   "(pip install psycopg2-binary)")) from None
        except Exception as exc:  # noqa: BLE001 - unreachable, refused, bad credentials: one line
            raise InputError(Problem(source.shown, f"cannot connect ({_first_line(exc)})")) from None

    def columns(self, table: str) -> dict[str, str] | None:
        """Column -> declared type of `table` (schema.table allowed), or None when there is no such table."""
        import sqlalchemy as sa

        schema, _, name = table.rpartition(".")
        inspector = sa.inspect(self.engine)
        try:
            cols = inspector.get_columns(name, schema=schema or None)
        except sa.exc.NoSuchTableError:
            return None
        if not cols:
            return None
        if self.source.engine is EngineKind.sqlite:
            with self.engine.connect() as conn:  # declared names as written (affinity), not SQLAlchemy's guess
                rows = conn.exec_driver_sql(f"PRAGMA table_info({quote_ident(name)})").fetchall()
            return {r[1]: str(r[2]) for r in rows}
        with self.engine.connect() as conn:
            rows = conn.exec_driver_sql(
                "SELECT column_name, data_type FROM information_schema.columns "
                "WHERE table_name = %(t)s AND table_schema = COALESCE(%(s)s, current_schema()) "
                "ORDER BY ordinal_position", {"t": name, "s": schema or None}).fetchall()
        return {r[0]: r[1] for r in rows}

    def present(self, contract: dict[str, Any], mapping: ColumnMapping) -> dict[str, dict[str, str]]:
        """Dataset -> its table's columns, for the datasets whose table exists; raises on wrong columns.

        A table the source names explicitly (manifest datasets) must exist; a default-named one may be absent,
        which skips its checks as a missing file does.
        """
        found: dict[str, dict[str, str]] = {}
        problems: list[Problem] = []
        for dataset, spec in contract.items():
            cols = self.columns(self.source.table(dataset))
            if cols is None:
                if dataset in self.source.tables:
                    problems.append(Problem(f"{self.source.shown}: table {self.source.table(dataset)}",
                                            f"no such table (declared for dataset {dataset})"))
                continue
            problems.extend(check_columns(self.source, spec, cols, mapping))
            found[dataset] = cols
        if problems:
            raise InputError(problems)
        if not found:
            names = ", ".join(self.source.table(d) for d in contract)
            raise InputError(Problem(self.source.shown, f"none of the data contract's tables found (expected {names})"))
        return found

    def dispose(self) -> None:
        """Release the database connections."""
        self.engine.dispose()


def quote_ident(name: str) -> str:
    """A SQL identifier in double quotes (schema.table quoted part by part)."""
    return ".".join('"' + part.replace('"', '""') + '"' for part in name.split("."))


def _first_line(exc: BaseException) -> str:
    orig = getattr(exc, "orig", None) or exc
    text = str(orig).strip().splitlines()
    return (text[0] if text else type(orig).__name__)[:240]


def spark_columns(frame: Any) -> dict[str, str]:
    """Column -> Spark type name of a DataFrame (for `check_columns`)."""
    return {f.name: f.dataType.typeName() for f in frame.schema.fields}
