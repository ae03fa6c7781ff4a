"""The Spark engine's session: `local[N]` or a cluster's master URL, quiet, UTC, sized for validation.

pyspark (the `spark` extra) and Java 17 are needed; both are imported or started only when asked for.
"""
from __future__ import annotations

from typing import Any

from pia.errors import InputError, Problem


def spark_session(master: str = "local[2]", app_name: str = "pia validate") -> Any:
    """A SparkSession on `master` (session time zone UTC, no UI, few shuffle partitions on `local`).

    Raises `InputError` when pyspark is missing or the session cannot start (one line, no traceback).
    """
    try:
        from pyspark.sql import SparkSession
    except ImportError:
        raise InputError(Problem("--engine spark", "pyspark is not installed (pip install 'pia[spark]')")) from None
    local = master.startswith("local")
    builder = (SparkSession.builder.master(master).appName(app_name)
               .config("spark.sql.session.timeZone", "UTC")
               .config("spark.ui.enabled", "false")
               .config("spark.ui.showConsoleProgress", "false")
               .config("spark.sql.ansi.enabled", "false")
               .config("spark.driver.extraJavaOptions", "-Duser.timezone=UTC")
               .config("spark.executor.extraJavaOptions", "-Duser.timezone=UTC"))
    if local:  # one machine: a few partitions per core, not Spark's 200
        builder = builder.config("spark.sql.shuffle.partitions", "8").config("spark.driver.memory", "2g")
    try:
        session = builder.getOrCreate()
    except Exception as exc:  # noqa: BLE001 - Java missing, bad master URL: one line for the user
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise InputError(Problem(f"--master {master}", f"cannot start Spark ({first[:200]})")) from None
    session.sparkContext.setLogLevel("ERROR")
    return session
