"""The data contract: readers, parsing of date-times/booleans/blanks, column mapping, input errors."""
from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pia.validation.contract import DATASETS, find_file, load_column_mapping, read_dataset
from pia.errors import InputError
from pia.validation.frames import _age_years

HEADER = "consent_id,user_id,scope,granted_at,withdrawn_at,granted_by\n"


def _write(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_datetimes_with_space_t_and_offset_are_utc(tmp_path):
    path = _write(tmp_path, "consents.csv", HEADER
                  + "c1,u1,alerts,2026-03-01 08:00:00,,self\n"
                  + "c2,u1,alerts,2026-03-01T08:00:00,,self\n"
                  + "c3,u1,alerts,2026-03-01T16:00:00+08:00,,self\n")
    df = read_dataset(path, "consents")
    assert str(df["granted_at"].dtype) == "datetime64[us, UTC]"
    assert df["granted_at"].nunique() == 1
    assert df["withdrawn_at"].isna().all()


def test_blank_means_missing_everywhere(tmp_path):
    path = _write(tmp_path, "consents.csv", HEADER + "c1,,alerts,2026-03-01 08:00:00,,\n")
    df = read_dataset(path, "consents")
    assert df["user_id"].isna().all() and df["granted_by"].isna().all()


def test_booleans_any_case_and_blank_unknown(tmp_path):
    path = _write(tmp_path, "alert_snapshots.csv", "snapshot_id,device_id,user_id,captured_at,storage_uri,encrypted,deleted_at\n"
                  + "s1,d,u,2026-01-01 00:00:00,x,TRUE,\ns2,d,u,2026-01-01 00:00:00,x,False,\ns3,d,u,2026-01-01 00:00:00,x,,\n")
    assert read_dataset(path, "alert_snapshots")["encrypted"].tolist() == [True, False, pd.NA]


def test_bad_boolean_names_file_line_and_column_without_raw_value(tmp_path):
    path = _write(tmp_path, "alert_snapshots.csv", "snapshot_id,device_id,user_id,captured_at,storage_uri,encrypted,deleted_at\n"
                  + "s1,d,u,2026-01-01 00:00:00,x,true,\ns2,d,u,2026-01-01 00:00:00,x,yesplease,\n")
    with pytest.raises(InputError) as err:
        read_dataset(path, "alert_snapshots")
    assert err.value.lines == ["alert_snapshots.csv:3: column encrypted: 'y********' is not true or false"]


def test_bad_date_names_line_and_masks_the_value(tmp_path):
    users = ("user_id,username,email,phone,password_hash,birth_date,guardian_consent,registered_at,status,"
             "cancelled_at,country\n")
    path = _write(tmp_path, "users.csv", users + "u1,a,,,,1990-02-30,,2026-01-01 00:00:00,active,,CN\n")
    with pytest.raises(InputError) as err:
        read_dataset(path, "users")
    (line,) = err.value.lines
    assert line.startswith("users.csv:2: column birth_date:") and "1990-**-**" in line and "02-30" not in line


def test_bad_datetime_is_an_input_error(tmp_path):
    path = _write(tmp_path, "consents.csv", HEADER + "c1,u1,alerts,yesterday,,self\n")
    with pytest.raises(InputError, match=r"consents.csv:2: column granted_at: .* is not an ISO 8601 date-time"):
        read_dataset(path, "consents")


def test_missing_required_column_names_file_and_column(tmp_path):
    path = _write(tmp_path, "consents.csv", "consent_id,user_id,scope,granted_at,granted_by\n")
    with pytest.raises(InputError) as err:
        read_dataset(path, "consents")
    assert err.value.lines == ["consents.csv:1: missing required column 'withdrawn_at'"]


def test_optional_column_may_be_absent(tmp_path):
    path = _write(tmp_path, "orders.csv", "order_id,user_id\no1,u1\n")
    assert read_dataset(path, "orders")["user_id"].tolist() == ["u1"]


def test_wrong_field_count_names_the_line_not_its_content(tmp_path):
    path = _write(tmp_path, "consents.csv", HEADER + "c1,u1,alerts,2026-03-01 08:00:00,,self\n"
                  + "c2,secret@example.com,alerts,2026-03-01 08:00:00,,self,extra\n")
    with pytest.raises(InputError) as err:
        read_dataset(path, "consents")
    assert err.value.lines == ["consents.csv:3: expected 6 fields, found 7"]


def test_not_utf8_is_an_input_error(tmp_path):
    path = tmp_path / "orders.csv"
    path.write_bytes(b"order_id,user_id\no1,u\xff1\n")
    with pytest.raises(InputError, match="orders.csv:2: not UTF-8"):
        read_dataset(path, "orders")


def test_mapping_renames_columns(tmp_path):
    mapping = _write(tmp_path, "cols.yaml", "orders:\n  order_id: id\n  user_id: customer\n")
    path = _write(tmp_path, "orders.csv", "id,customer\no1,u1\n")
    df = read_dataset(path, "orders", load_column_mapping(mapping))
    assert list(df.columns) == ["order_id", "user_id"]


def test_mapping_missing_their_column_says_so(tmp_path):
    mapping = load_column_mapping(_write(tmp_path, "cols.yaml", "orders:\n  user_id: customer\n"))
    path = _write(tmp_path, "orders.csv", "order_id,user_id\no1,u1\n")
    with pytest.raises(InputError, match=r"orders.csv:1: missing required column 'customer' \(mapped from user_id\)"):
        read_dataset(path, "orders", mapping)


@pytest.mark.parametrize("text, message", [
    ("invoices:\n  order_id: id\n", "cols.yaml:1: invoices: unknown dataset 'invoices'"),
    ("orders:\n  order_no: id\n", "cols.yaml:2: orders.order_no: unknown column 'order_no' of orders"),
    ("orders:\n  order_id: 3\n", "cols.yaml:2: orders.order_id: expected the name of a column"),
    ("orders:\n  order_id: x\n  user_id: x\n", "cols.yaml:3: orders.user_id: column 'x' is already mapped"),
    ("- orders\n", "cols.yaml:1: a column mapping must be a mapping"),
])
def test_bad_mapping_file(tmp_path, text, message):
    with pytest.raises(InputError) as err:
        load_column_mapping(_write(tmp_path, "cols.yaml", text))
    assert any(line.endswith(message) or message in line for line in err.value.lines), err.value.lines


def test_mapping_file_missing(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        load_column_mapping(tmp_path / "nope.yaml")


def test_find_file_prefers_csv_then_parquet(tmp_path):
    assert find_file(tmp_path, "users") is None
    (tmp_path / "users.parquet").write_bytes(b"")
    assert find_file(tmp_path, "users").name == "users.parquet"


def test_every_required_column_is_in_the_contract():
    for ds in DATASETS.values():
        assert set(ds.required) <= set(ds.columns) and ds.key in ds.required


def _reference_age(birth: dt.date, at: dt.date) -> int:
    return at.year - birth.year - ((at.month, at.day) < (birth.month, birth.day))


@settings(max_examples=200, deadline=None)
@given(st.dates(dt.date(1900, 1, 1), dt.date(2030, 12, 31)), st.dates(dt.date(1900, 1, 1), dt.date(2040, 12, 31)))
def test_age_in_whole_years_matches_calendar_rule(birth, at):
    b = pd.Series(pd.to_datetime([birth]).tz_localize("UTC"))
    a = pd.Series(pd.to_datetime([at]).tz_localize("UTC"))
    assert _age_years(b, a).iloc[0] == _reference_age(birth, at)


def test_short_row_and_bad_values_on_other_lines_are_reported_together(tmp_path):
    path = _write(tmp_path, "consents.csv", HEADER
                  + "c1,u1,alerts,2026-03-01 08:00:00,,self\n"
                  + "c2,u1,alerts\n"
                  + "c3,u1,alerts,not-a-time,,self\n"
                  + "c4,u1,alerts,2026-03-01 08:00:00,,self,extra\n"
                  + "c5,u1,alerts,2026-13-01 08:00:00,,self\n")
    with pytest.raises(InputError) as err:
        read_dataset(path, "consents")
    assert err.value.lines[:2] == ["consents.csv:3: expected 6 fields, found 3",
                                   "consents.csv:5: expected 6 fields, found 7"]
    bad_values = [ln.split(": column")[0] for ln in err.value.lines[2:]]
    assert bad_values == ["consents.csv:4", "consents.csv:6"]


def test_many_short_rows_are_capped_with_a_count(tmp_path):
    path = _write(tmp_path, "consents.csv", HEADER + "c,u1\n" * 8 + "c9,u1,alerts,2026-03-01 08:00:00,,self\n")
    with pytest.raises(InputError) as err:
        read_dataset(path, "consents")
    assert len(err.value.lines) == 6 and err.value.lines[-1] == "consents.csv: 3 more lines have the wrong number of fields"
