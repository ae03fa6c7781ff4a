"""Scanning: readers (CSV, Parquet, SQLite, directories), bounded samples, problems, determinism."""
from __future__ import annotations

import sqlite3
from pathlib import Path

import pandas as pd
import pytest

from pia.errors import InputError
from pia.discovery.scan import scan

USERS = pd.DataFrame({
    "user_id": [f"U{i:05d}" for i in range(200)],
    "email": [f"person{i}@example.com" for i in range(200)],
    "phone": [f"+86138{i:08d}" for i in range(200)],
    "product": ["ZS-C1-1080P", "ZS-C2-4K"] * 100,
})


@pytest.fixture()
def users_csv(tmp_path: Path) -> Path:
    path = tmp_path / "users.csv"
    USERS.to_csv(path, index=False)
    return path


def _cats(result, table: str) -> dict[str, str | None]:
    t = next(t for t in result.tables if t.table == table)
    return {c.name: c.category for c in t.columns}


def test_csv_read_whole_when_smaller_than_sample(users_csv):
    r = scan([users_csv], sample=1000)
    t = r.tables[0]
    assert (t.rows_sampled, t.rows_total_known, t.sampling) == (200, 200, "whole file")
    assert _cats(r, "users") == {"user_id": "user.id", "email": "user.contact.email",
                                 "phone": "user.contact.phone_number", "product": None}


def test_csv_sample_is_bounded_and_spread_over_the_file(tmp_path):
    # The email column is blank in the first 3000 rows: a head-only sample would miss it.
    n = 6000
    df = pd.DataFrame({"id": range(n), "contact": [""] * 3000 + [f"p{i}@example.org" for i in range(3000)]})
    path = tmp_path / "late.csv"
    df.to_csv(path, index=False)
    r = scan([path], sample=1000)
    t = r.tables[0]
    assert t.rows_sampled <= 1000 and t.rows_total_known is None
    assert 4500 <= t.rows_estimated <= 7500  # an estimate: rows of very unequal length here
    assert _cats(r, "late")["contact"] == "user.contact.email"


def test_parquet_with_numeric_phone_column(tmp_path):
    df = USERS.copy()
    df["phone"] = [13800000000 + 7919 * i for i in range(200)]  # integers, not text
    path = tmp_path / "people.parquet"
    df.to_parquet(path, index=False)
    r = scan([path], sample=50)
    t = r.tables[0]
    assert (t.format, t.rows_sampled, t.rows_total_known) == ("parquet", 50, 200)
    assert _cats(r, "people")["phone"] == "user.contact.phone_number"


def test_sqlite_url_scans_every_table(tmp_path):
    db = tmp_path / "app.db"
    con = sqlite3.connect(db)
    USERS.to_sql("accounts", con, index=False)
    pd.DataFrame({"device_id": ["D1", "D2"], "client_ip": ["10.1.2.3", "172.16.0.9"]}).to_sql("logins", con, index=False)
    con.close()
    r = scan([f"sqlite:///{db}"])
    assert sorted(t.table for t in r.tables) == ["accounts", "logins"]
    assert _cats(r, "logins")["client_ip"] == "user.device.ip_address"
    assert next(t for t in r.tables if t.table == "accounts").rows_total_known == 200


def test_directory_skips_non_data_files_and_lists_them(tmp_path, users_csv):
    (tmp_path / "notes.yaml").write_text("a: 1\n")
    (tmp_path / "expected.json").write_text("{}")
    r = scan([tmp_path])
    assert [t.table for t in r.tables] == ["users"]
    assert [s["file"].rsplit("/", 1)[-1] for s in r.skipped] == ["expected.json", "notes.yaml"]
    assert r.problems == []


def test_unknown_format_and_missing_file_are_problems_when_something_else_scans(tmp_path, users_csv):
    odd = tmp_path / "data.xlsx"
    odd.write_bytes(b"PK\x03\x04")
    r = scan([users_csv, odd, tmp_path / "missing.csv"])
    messages = sorted(p["message"] for p in r.problems)
    assert len(r.tables) == 1
    assert messages[0] == "no such file or directory" and messages[1].startswith("unknown format (.xlsx)")


def test_header_only_csv_is_a_problem_but_its_columns_are_judged_by_name(tmp_path, users_csv):
    (tmp_path / "empty.csv").write_text("email,phone\n")
    r = scan([tmp_path])
    assert any("empty table" in p["message"] for p in r.problems)
    assert _cats(r, "empty") == {"email": "user.contact.email", "phone": "user.contact.phone_number"}


def test_nothing_scannable_raises_input_error_with_every_problem(tmp_path):
    (tmp_path / "zero.csv").write_bytes(b"")
    (tmp_path / "bad.db").write_bytes(b"not a database at all, just text" * 10)
    with pytest.raises(InputError) as exc:
        scan([tmp_path / "zero.csv", tmp_path / "bad.db", tmp_path / "nope.parquet"])
    lines = exc.value.lines
    assert len(lines) == 3
    assert any("empty file" in line for line in lines) and any("SQLite" in line for line in lines)


def test_gb18030_csv_is_read(tmp_path):
    path = tmp_path / "cn.csv"
    path.write_bytes("手机号,姓名\n13800138000,张伟\n13912345678,王芳\n".encode("gb18030"))
    assert _cats(scan([path]), "cn") == {"手机号": "user.contact.phone_number", "姓名": "user.name"}


def test_sample_must_be_positive(users_csv):
    with pytest.raises(InputError):
        scan([users_csv], sample=0)


def test_same_inputs_give_identical_documents(users_csv, tmp_path):
    from pia.output import to_json

    (tmp_path / "b.csv").write_text("dob\n1970-01-02\n")
    assert to_json(scan([tmp_path]).to_dict()) == to_json(scan([tmp_path]).to_dict())


def test_tables_with_the_same_name_are_told_apart(tmp_path, users_csv):
    sub = tmp_path / "sub"
    sub.mkdir()
    USERS.to_csv(sub / "users.csv", index=False)
    names = [t.table for t in scan([tmp_path]).tables]
    assert len(set(names)) == 2


def test_document_has_the_contract_keys(users_csv):
    d = scan([users_csv]).to_dict()
    assert d["kind"] == "pia.scan" and d["sample"] == 50_000
    col = d["tables"][0]["columns"][1]
    assert {"name", "category", "confidence", "sensitive", "evidence"} <= set(col)
    assert {"rows_sampled", "rows_total_known", "source", "table"} <= set(d["tables"][0])
    assert set(d["reconciliation"]) == {"undeclared", "not_found", "plaintext_sensitive"}


def test_sqlite_blob_with_image_bytes_is_a_camera_snapshot(tmp_path):
    db = tmp_path / "cam.sqlite"
    con = sqlite3.connect(db)
    con.execute("CREATE TABLE frames (id INTEGER, data BLOB)")
    con.executemany("INSERT INTO frames VALUES (?, ?)", [(i, b"\xff\xd8\xff\xe0" + bytes(20)) for i in range(5)])
    con.commit()
    con.close()
    r = scan([db])  # a .sqlite file given as a path, not a URL
    assert _cats(r, "frames") == {"id": None, "data": "user.content.camera_snapshot"}


def test_quoted_multiline_fields_cut_by_the_sample_boundary_still_parse(tmp_path):
    path = tmp_path / "notes.csv"
    rows = [f'{i},"line one\nline two of note {i}",p{i}@example.com' for i in range(400)]
    path.write_text("id,note,email\n" + "\n".join(rows) + "\n")
    r = scan([path], sample=101)  # the head of 50 physical lines ends inside a quoted field
    assert r.problems == [] and r.tables[0].rows_sampled > 0
    assert _cats(r, "notes")["email"] == "user.contact.email"


def _late_emails(n: int = 4000) -> pd.DataFrame:
    """An id column, and an email column blank in the first half (a head-only sample would miss it)."""
    return pd.DataFrame({"id": range(n), "contact": [""] * (n // 2) + [f"p{i}@example.org" for i in range(n // 2)]})


def test_parquet_sample_is_spread_over_row_groups(tmp_path):
    import pyarrow as pa
    import pyarrow.parquet as pq

    path = tmp_path / "late.parquet"
    pq.write_table(pa.Table.from_pandas(_late_emails(), preserve_index=False), path, row_group_size=250)
    r = scan([path], sample=400)
    t = r.tables[0]
    assert t.rows_sampled == 400 and t.rows_total_known == 4000 and "row groups" in t.sampling
    assert _cats(r, "late")["contact"] == "user.contact.email"


def test_sqlite_sample_is_spread_over_rowids(tmp_path):
    db = tmp_path / "late.db"
    con = sqlite3.connect(db)
    _late_emails().to_sql("late", con, index=False)
    con.close()
    r = scan([f"sqlite:///{db}"], sample=400)
    t = r.tables[0]
    assert t.rows_sampled == 400 and t.rows_total_known == 4000 and "rowids" in t.sampling
    assert _cats(r, "late")["contact"] == "user.contact.email"


def test_sqlite_view_falls_back_to_first_rows(tmp_path):
    db = tmp_path / "v.db"
    con = sqlite3.connect(db)
    _late_emails(100).to_sql("base", con, index=False)
    con.execute("CREATE VIEW people AS SELECT * FROM base")
    con.commit()
    con.close()
    r = scan([db], sample=10)
    view = next(t for t in r.tables if t.table == "people")
    assert view.rows_sampled == 10 and view.sampling == "first 10 rows"
