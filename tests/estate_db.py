"""Load an estate directory (the contract's CSV files) into PostgreSQL or SQLite, typed as the contract says.

Used by the engine tests and the benchmarks. Contract columns get their SQL types (timestamptz, date,
boolean, text); other columns are text. Blank fields are NULL. With `row_column` (the default) a `_row`
column keeps each row's 0-based position in the file, which `pia validate` reports as the sample's line (a table
without it numbers rows in key order).
"""
from __future__ import annotations

import csv
import datetime as dt
import sqlite3
from pathlib import Path

from pia.validation.contract import DATASETS, ColumnType

PG_TYPES = {ColumnType.text: "text", ColumnType.datetime: "timestamptz", ColumnType.date: "date",
            ColumnType.boolean: "boolean"}
SQLITE_TYPES = {ColumnType.text: "TEXT", ColumnType.datetime: "TIMESTAMP", ColumnType.date: "DATE",
                ColumnType.boolean: "BOOLEAN"}


def _header(path: Path) -> list[str]:
    with open(path, encoding="utf-8-sig", newline="") as fh:
        return next(csv.reader(fh))


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def estate_files(estate: str | Path) -> dict[str, Path]:
    """dataset -> CSV file of the estate (only the contract's datasets present)."""
    return {name: Path(estate) / f"{name}.csv" for name in DATASETS if (Path(estate) / f"{name}.csv").is_file()}


def load_postgres(dsn: str, estate: str | Path, schema: str = "public", tables: dict[str, str] | None = None,
                  types: dict[tuple[str, str], str] | None = None, row_column: bool = True,
                  skip: tuple[str, ...] = ()) -> dict[str, int]:
    """COPY each CSV of `estate` into `schema` (created if needed; tables replaced); rows per table.

    `tables` renames datasets (dataset -> table); `types` overrides a column's SQL type ((dataset, column) -> type),
    for tests that plant a wrong type.
    """
    import psycopg2

    counts: dict[str, int] = {}
    conn = psycopg2.connect(dsn)
    try:
        with conn, conn.cursor() as cur:
            cur.execute("SET TIME ZONE 'UTC'")
            cur.execute(f"CREATE SCHEMA IF NOT EXISTS {_quote(schema)}")
            for name, path in estate_files(estate).items():
                table = f"{_quote(schema)}.{_quote((tables or {}).get(name, name))}"
                cols = _header(path)
                spec = DATASETS[name].columns
                if name in skip:
                    continue
                decl = ", ".join(f"{_quote(c)} {(types or {}).get((name, c)) or PG_TYPES.get(spec.get(c), 'text')}"
                                 for c in cols)
                if row_column:  # filled in COPY order, which is the file's order
                    decl += ', "_row" bigint GENERATED ALWAYS AS IDENTITY (START WITH 0 MINVALUE 0)'
                cur.execute(f"DROP TABLE IF EXISTS {table}")
                cur.execute(f"CREATE TABLE {table} ({decl})")
                names = ", ".join(_quote(c) for c in cols)
                with open(path, encoding="utf-8-sig") as fh:
                    cur.copy_expert(f"COPY {table} ({names}) FROM STDIN WITH (FORMAT csv, HEADER true)", fh)
                cur.execute(f"ANALYZE {table}")
                cur.execute(f"SELECT count(*) FROM {table}")
                counts[name] = cur.fetchone()[0]
    finally:
        conn.close()
    return counts


def load_sqlite(db_path: str | Path, estate: str | Path, row_column: bool = True) -> dict[str, int]:
    """Write each CSV of `estate` as a table of a new SQLite file (date-times as ISO text, booleans 0/1)."""
    db_path = Path(db_path)
    if db_path.exists():
        db_path.unlink()
    conn = sqlite3.connect(db_path)
    counts: dict[str, int] = {}
    try:
        for name, path in estate_files(estate).items():
            spec = DATASETS[name].columns
            with open(path, encoding="utf-8-sig", newline="") as fh:
                reader = csv.reader(fh)
                cols = next(reader)
                kinds = [spec.get(c, ColumnType.text) for c in cols]
                decl = ", ".join(f"{_quote(c)} {SQLITE_TYPES[k]}" for c, k in zip(cols, kinds, strict=True))
                if row_column:
                    decl += ', "_row" INTEGER'
                conn.execute(f"CREATE TABLE {_quote(name)} ({decl})")
                marks = ", ".join("?" for _ in cols) + (", ?" if row_column else "")
                rows = ([*(_sqlite_value(v, k) for v, k in zip(row, kinds, strict=True)), *([n] if row_column else [])]
                        for n, row in enumerate(reader))
                conn.executemany(f"INSERT INTO {_quote(name)} VALUES ({marks})", rows)
            counts[name] = conn.execute(f"SELECT count(*) FROM {_quote(name)}").fetchone()[0]
        conn.commit()
    finally:
        conn.close()
    return counts


def _sqlite_value(value: str, kind: ColumnType) -> object:
    if value == "":
        return None
    if kind is ColumnType.boolean:
        low = value.strip().lower()
        return 1 if low == "true" else 0 if low == "false" else value
    if kind is ColumnType.datetime:  # SQLite has no time zones: store UTC, as the contract reads offsets
        try:
            parsed = dt.datetime.fromisoformat(value.strip())
        except ValueError:
            return value
        if parsed.tzinfo is not None:
            parsed = parsed.astimezone(dt.UTC).replace(tzinfo=None)
        return parsed.isoformat(sep=" ")
    return value
