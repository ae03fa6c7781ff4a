"""Sources of `pia validate` in a database: URLs, reachability, tables and column types (a real PostgreSQL)."""
from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from pia.errors import InputError
from pia.validation.contract import DATASETS
from pia.validation.sources import EngineKind, hide_password, parse_source

ESTATE = Path(__file__).resolve().parent.parent / "data_samples" / "estate"

pytest_plugins = ["db_services"]


def test_source_kinds_by_scheme_and_engine(tmp_path):
    assert parse_source("postgresql://u@h/db").engine is EngineKind.postgresql
    assert parse_source(str(tmp_path)).engine is EngineKind.local
    spark = parse_source(str(tmp_path), engine="spark", master="spark://h:7077")
    assert (spark.engine, spark.master) == (EngineKind.spark, "spark://h:7077")
    assert parse_source(str(tmp_path), engine="spark").master == "local[2]"


def test_socket_url_gets_a_host_the_psycopg2_driver_and_utc():
    url = parse_source("postgresql:///pia?host=/run/postgresql").location
    assert url.startswith("postgresql+psycopg2://localhost/pia?host=/run/postgresql&")
    assert "TimeZone" in url


def test_password_never_shown():
    assert hide_password("postgresql://ann:s3cret@db/x") == "postgresql://ann:***@db/x"
    assert "s3cret" not in parse_source("postgresql://ann:s3cret@db/x").shown


@pytest.mark.parametrize(("arg", "kw", "says"), [
    ("mysql://h/db", {}, "unsupported URL scheme"),
    ("postgresql://h/db", {"engine": "spark"}, "not a database URL"),
    ("sqlite:///no/such/file.db", {}, "no such SQLite file"),
    (".", {"master": "local[2]"}, "only with --engine spark"),
])
def test_bad_sources_are_one_line(arg, kw, says):
    with pytest.raises(InputError) as err:
        parse_source(arg, **kw)
    assert len(err.value.problems) == 1 and says in str(err.value)


def test_unreachable_database_is_one_line(tmp_path):
    from pia.validation.remote import open_sql

    src = parse_source(f"postgresql://pia:secret@localhost/none?host={tmp_path}")
    with pytest.raises(InputError) as err:
        open_sql(src, DATASETS, {})
    (problem,) = err.value.problems
    assert "cannot connect" in problem.message and "secret" not in str(err.value)


def test_postgres_tables_types_and_row_positions(postgres, postgres_estate):
    from pia.validation.remote import open_sql

    url = postgres_estate("estate_shipped", ESTATE)
    backend = open_sql(parse_source(url), DATASETS, {})
    assert backend.rows("users") == sum(1 for _ in open(ESTATE / "users.csv", encoding="utf-8")) - 1
    first = backend.sample_values("users", [0], ["user_id", "birth_date"])
    with open(ESTATE / "users.csv", encoding="utf-8", newline="") as fh:
        reader = csv.reader(fh)
        next(reader)
        line2 = next(reader)
    assert first.loc[0, "user_id"] == line2[0]  # _row 0 is the file's first data line
    assert str(first.loc[0, "birth_date"])[:10] == line2[5]  # a date arrives as midnight UTC


def test_missing_column_and_wrong_type_name_the_table(postgres, postgres_estate):
    from pia.validation.remote import open_sql

    url = postgres_estate("estate_wrong_type", ESTATE, types={("users", "registered_at"): "text"},
                          skip=("devices",))
    with pytest.raises(InputError) as err:
        open_sql(parse_source(url), DATASETS, {})
    (problem,) = err.value.problems
    assert "table users" in problem.file and "options" not in problem.file
    assert "'registered_at' has type text, expected datetime" in problem.message
    renamed = {"users": {"email": "mail"}}
    url = postgres_estate("estate_ok", ESTATE)
    with pytest.raises(InputError) as err:
        open_sql(parse_source(url), DATASETS, renamed)
    assert "missing required column 'mail' (mapped from email)" in str(err.value)


def test_declared_table_missing_is_an_error_default_one_skips(postgres, postgres_estate):
    from pia.validation.remote import open_sql

    url = postgres_estate("estate_no_devices", ESTATE, skip=("devices",))
    backend = open_sql(parse_source(url), DATASETS, {})
    assert "devices" not in backend.physical and "users" in backend.physical
    src = parse_source(url, tables={"devices": "inventory.devices"})
    with pytest.raises(InputError) as err:
        open_sql(src, DATASETS, {})
    assert "table inventory.devices: no such table (declared for dataset devices)" in str(err.value)


def test_sqlite_types_checked(sqlite_estate, tmp_path):
    import sqlite3

    from pia.validation.remote import open_sql

    url = sqlite_estate(ESTATE)
    backend = open_sql(parse_source(url), DATASETS, {})
    assert backend.rows("consents") > 0
    conn = sqlite3.connect(url.split(":///", 1)[1])
    conn.execute("CREATE TABLE users2 AS SELECT * FROM users")
    conn.execute("DROP TABLE users")
    conn.execute('CREATE TABLE users ("user_id" TEXT, "username" TEXT, "email" INTEGER, "phone" TEXT, '
                 '"password_hash" TEXT, "birth_date" DATE, "guardian_consent" BOOLEAN, "registered_at" TIMESTAMP, '
                 '"status" TEXT, "cancelled_at" TIMESTAMP)')
    conn.commit()
    conn.close()
    with pytest.raises(InputError) as err:
        open_sql(parse_source(url), DATASETS, {})
    assert "'email' has type INTEGER, expected text" in str(err.value)


# --------------------------------------------------------------------------- the command


def _cli(capsys, *args):
    from pia.cli import main

    with pytest.raises(SystemExit) as exc:
        main(["validate", *map(str, args)])
    out, err = capsys.readouterr()
    return exc.value.code, out, err


def test_cli_unreachable_database_exit_2_one_line(capsys, tmp_path):
    code, out, err = _cli(capsys, f"postgresql://pia:secret@localhost/none?host={tmp_path}", "--as-of", "2026-06-30")
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and "cannot connect" in err and "secret" not in err and "Traceback" not in err


def test_cli_wrong_column_type_exit_2_one_line(capsys, postgres, postgres_estate):
    url = postgres_estate("cli_wrong_type", ESTATE, types={("alert_snapshots", "encrypted"): "text"})
    code, out, err = _cli(capsys, url, "--as-of", "2026-06-30")
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and "table alert_snapshots" in err and "'encrypted' has type text" in err


def test_cli_missing_declared_table_exit_2(capsys, postgres, postgres_estate, write_manifest, ref):
    url = postgres_estate("cli_missing", ESTATE)
    for ds in ref["datasets"]:
        if ds["id"] == "consents":
            ds["source"] = "privacy.consents"
    code, out, err = _cli(capsys, url, "--manifest", write_manifest(ref), "--as-of", "2026-06-30")
    assert code == 2 and "table privacy.consents: no such table (declared for dataset consents)" in err


def test_cli_json_from_postgres(capsys, postgres, postgres_estate, tmp_path):
    url = postgres_estate("estate_shipped", ESTATE)
    code, out, err = _cli(capsys, url, "--as-of", "2026-06-30", "--format", "json", "-o", tmp_path / "v.json")
    assert code == 1 and out == ""
    doc = json.loads((tmp_path / "v.json").read_text())
    assert doc["kind"] == "pia.validation" and any(k.startswith("postgresql:users") for k in doc["inputs"])


def test_cli_heavy_libraries_stay_out_of_the_import(tmp_path):
    import subprocess
    import sys

    code = ("import sys, pia.cli, pia.commands.validate, pia.validation.sources, pia.validation.remote, "
            "pia.validation.gx_remote; bad = [m for m in ('pyspark', 'ibis', 'sqlalchemy', 'psycopg2', "
            "'great_expectations', 'duckdb') if m in sys.modules]; print(bad)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
