"""Fixtures for the engines that run where the data lives: a real PostgreSQL, SQLite files, a local Spark.

PostgreSQL (Debian's server, started for the session in a temp dir, unix socket only) and Spark (pyspark with
Java 17, `local[2]`) are skipped when absent locally, and fail the tests under CI (env CI set), where
`.ci/run` installs them.
"""
from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

import estate_db
import pg_server


def _missing(what: str) -> None:
    if os.environ.get("CI"):
        pytest.fail(f"{what} (required under CI)")
    pytest.skip(what)


@pytest.fixture(scope="session")
def postgres() -> Iterator[pg_server.PgServer]:
    """A running PostgreSQL server for the session (stopped and removed at the end)."""
    try:
        import psycopg2  # noqa: F401 - GX's SQLAlchemy dialect and the loader need it
    except ImportError:
        _missing("psycopg2 is not installed")
    try:
        server = pg_server.start_postgres()
    except pg_server.PostgresUnavailable as exc:
        _missing(f"PostgreSQL unavailable: {exc}")
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture(scope="session")
def postgres_estate(postgres: pg_server.PgServer) -> Callable[..., str]:
    """`load(name, estate_dir, **kw)`: a new database `name` holding the estate; returns its SQLAlchemy URL."""
    import psycopg2

    made: dict[str, str] = {}

    def load(name: str, estate: str | Path, **kwargs) -> str:
        if name in made:
            return made[name]
        conn = psycopg2.connect(postgres.dsn)
        conn.autocommit = True
        with conn.cursor() as cur:
            cur.execute(f'DROP DATABASE IF EXISTS "{name}"')
            cur.execute(f'CREATE DATABASE "{name}"')
        conn.close()
        dsn = postgres.dsn.replace(f"dbname={pg_server.DATABASE}", f"dbname={name}")
        estate_db.load_postgres(dsn, estate, **kwargs)
        made[name] = postgres.url.replace(f"/{pg_server.DATABASE}?", f"/{name}?")
        return made[name]

    return load


@pytest.fixture()
def sqlite_estate(tmp_path: Path) -> Callable[[str | Path], str]:
    """`load(estate_dir)`: a SQLite file holding the estate; returns its `sqlite:///` URL."""

    def load(estate: str | Path) -> str:
        path = tmp_path / "estate.sqlite"
        estate_db.load_sqlite(path, estate)
        return f"sqlite:///{path}"

    return load


def _java_ok() -> bool:
    java = shutil.which("java")
    if java is None:
        return False
    try:
        out = subprocess.run([java, "-version"], capture_output=True, text=True, timeout=60)
    except (OSError, subprocess.TimeoutExpired):
        return False
    return out.returncode == 0


@pytest.fixture(scope="session")
def spark():
    """A `local[2]` SparkSession for the session (pyspark, the `spark` extra, and Java 17)."""
    try:
        import pyspark  # noqa: F401
    except ImportError:
        _missing("pyspark is not installed (pip install -e '.[spark]')")
    if not _java_ok():
        _missing("Java is not installed (openjdk-17-jre-headless)")
    from pia.validation.spark import spark_session

    session = spark_session("local[2]")
    yield session
    session.stop()
