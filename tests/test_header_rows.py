"""Header rows: a file without one, or with a repeated name, is reported by position and never echoes a value."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pia.cli import main
from pia.discovery.value_patterns import (
    cn_resident_id_ok,
    duplicate_names,
    header_problem,
    header_value_pattern,
    safe_column_name,
)

HEADER = "user_id,username,email,phone,password_hash,birth_date,guardian_consent,registered_at,status,cancelled_at,country"
ARGON = "$argon2id$v=19$m=65536,t=3,p=4$wKOKpGGdhZZc4aXXJe7LxC$jZyGvZdU8JNZSUS0bD/8jdc3de8fHi/KZum.qDOTVGM"
RESIDENT_ID = "11010519491231002X"
ROWS = [
    (f'U00001,jun_tan3654,jun.tan3654@example.com,+8613838976537,"{ARGON}",1995-08-08,,2025-11-06 03:55:19,'
     f"active,,{RESIDENT_ID}"),
    ("U00002,ella_m944,ella.m944@example.net,,$2b$12$pGJlSXbpqRQru3Gm.l3aUvKinTOQyPw1Sx6YWTbYe/EL8VCH57azz,"
     "1984-09-02,false,2023-07-13 15:03:53,active,,CN"),
]
RAW = ["jun.tan3654", "+8613838976537", "8613838976537", ARGON, "wKOKpGGdhZZc4aXXJe7LxC", "1995-08-08",
       RESIDENT_ID, "2025-11-06 03:55:19", "jun_tan3654"]


def run(capsys, *args) -> tuple[int, str]:
    with pytest.raises(SystemExit) as exc:
        main([*map(str, args)])
    out, err = capsys.readouterr()
    return exc.value.code, out + err


def leaks(text: str) -> list[str]:
    return [v for v in RAW if v in text]


@pytest.fixture()
def headerless(tmp_path: Path) -> Path:
    """A users.csv whose header line was cut off: its first line is a data row."""
    (tmp_path / "users.csv").write_text("\n".join(ROWS) + "\n", encoding="utf-8")
    return tmp_path


def test_fixture_resident_id_is_valid():
    assert cn_resident_id_ok(RESIDENT_ID)


@pytest.mark.parametrize("fmt", ["table", "json"])
def test_scan_headerless_csv_only_exits_2_naming_position_never_value(capsys, headerless, fmt):
    code, text = run(capsys, "scan", headerless / "users.csv", "--format", fmt)
    assert code == 2 and "Traceback" not in text
    assert "no header row" in text and "column 3 looks like an email address" in text
    assert leaks(text) == []


@pytest.mark.parametrize("fmt", ["table", "json"])
def test_scan_headerless_beside_a_good_table_skips_it_as_a_problem(capsys, headerless, fmt):
    (headerless / "orders.csv").write_text("order_id,user_id\nO1,U00001\n", encoding="utf-8")
    code, text = run(capsys, "scan", headerless, "--format", fmt)
    assert code in (0, 1) and "no header row" in text
    assert leaks(text) == []
    if fmt == "json":
        doc = json.loads(text[:text.rindex("}") + 1])
        assert [t["table"] for t in doc["tables"]] == ["orders"]
        assert [p["message"].split(":")[0] for p in doc["problems"]] == ["no header row"]


def test_scan_duplicate_header_is_a_table_problem_not_a_mangled_column(capsys, tmp_path):
    (tmp_path / "users.csv").write_text("user_id,email,name,email\nU1,a@example.com,x,b@example.com\n")
    (tmp_path / "orders.csv").write_text("order_id,user_id\nO1,U1\n")
    code, text = run(capsys, "scan", tmp_path, "--format", "json")
    assert code in (0, 1) and "duplicate column name: 'email' in columns 2 and 4" in text
    assert "email.1" not in text and "a@example.com" not in text


def test_validate_headerless_users_is_input_error_naming_file_and_column(capsys, headerless):
    code, text = run(capsys, "validate", headerless, "--as-of", "2026-06-30")
    assert code == 2 and "Traceback" not in text
    assert "users.csv:1: no header row: the first line holds data values (column 3 looks like an email address)" \
        in text
    assert leaks(text) == [] and "missing required column" not in text


def test_validate_duplicate_contract_column_names_both_positions(capsys, tmp_path):
    (tmp_path / "users.csv").write_text(HEADER + ",email\n" + ROWS[1] + ",x@example.com\n", encoding="utf-8")
    code, text = run(capsys, "validate", tmp_path, "--as-of", "2026-06-30")
    assert code == 2 and "users.csv:1: duplicate column 'email' in columns 3 and 12" in text


def test_validate_duplicate_unknown_name_is_not_echoed(capsys, tmp_path):
    (tmp_path / "users.csv").write_text(HEADER + ",notes,notes\n" + ROWS[1] + ",a,b\n", encoding="utf-8")
    code, text = run(capsys, "validate", tmp_path, "--as-of", "2026-06-30")
    assert code == 2 and "duplicate column name in columns 12 and 13" in text and "notes" not in text


@pytest.mark.parametrize("files", [[], ["inventory.csv"]], ids=["empty_dir", "only_unrelated_csv"])
def test_validate_dir_without_any_contract_file_exits_2(capsys, tmp_path, files):
    for f in files:
        (tmp_path / f).write_text("a,b\n1,2\n")
    code, text = run(capsys, "validate", tmp_path)
    assert code == 2 and text.count("\n") == 1
    assert f"{tmp_path}: none of the data contract's files found (expected users.csv, devices.csv" in text


def test_validate_dir_that_is_a_file_is_one_line(capsys, tmp_path):
    f = tmp_path / "some.yaml"
    f.write_text("a: 1\n")
    code, text = run(capsys, "validate", f)
    assert code == 2 and text == f"pia: {f}: is not a directory\n"


@pytest.mark.parametrize("name", ["user_id", "email", "birth_date", "USER_ID2", "2024", "Unnamed: 3", "phone_1",
                                  "registered_at", "col 12", "x.y", "ip_v4", "md5"])
def test_real_column_names_are_not_values(name):
    assert header_value_pattern(name) is None and safe_column_name(name) == name


@pytest.mark.parametrize("value", ["jun.tan3654@example.com", "+8613838976537", ARGON, "1995-08-08", RESIDENT_ID,
                                   "2025-11-06 03:55:19", "192.168.1.20", "00:1A:2B:3C:4D:5E", "4111 1111 1111 1111",
                                   "13812345678", "5d41402abc4b2a76b9719d911017c592", "6222021234567890"])
def test_values_as_names_are_flagged_and_masked(value):
    assert header_value_pattern(value) is not None
    assert value not in safe_column_name(value)


def test_header_problem_names_first_value_position_and_duplicates_all_positions():
    assert header_problem(["id", "x@example.com"]) == "column 2 looks like an email address"
    assert header_problem(["id", "name"]) is None
    assert duplicate_names(["a", "b", "a", "b", "a"]) == [("a", [1, 3, 5]), ("b", [2, 4])]


@given(st.from_regex(r"[a-z]{3,12}\.[a-z]{3,12}@example\.(com|net|cn)", fullmatch=True))
def test_an_email_as_a_name_is_flagged_and_its_local_part_masked(email):
    assert header_value_pattern(email).id == "email"
    assert email.split("@")[0] not in safe_column_name(email)


def test_parquet_with_values_as_column_names_is_not_scanned(capsys, tmp_path):
    import pandas as pd

    pd.DataFrame({"U1": ["U2"], "jun.tan3654@example.com": ["b@example.com"]}).to_parquet(tmp_path / "users.parquet")
    code, text = run(capsys, "scan", tmp_path / "users.parquet", "--format", "json")
    assert code == 2 and "column names hold data values (column 2 looks like an email address)" in text
    assert leaks(text) == []


def test_scan_table_masks_a_value_like_name_that_got_through():
    from pia.discovery.scan import _RawTable, scan_table

    raw = _RawTable("x.db", "t", "sqlite", ["user_id", "jun.tan3654@example.com"], [["U1", "a@example.com"]])
    names = [c.name for c in scan_table(raw).columns]
    assert names == ["user_id", "j***@example.com"]
