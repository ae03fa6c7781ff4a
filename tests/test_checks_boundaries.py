"""Every check through the GX engine on rows at both sides of its boundary: exact failed-row counts."""
from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from pia.validation.checks import CHECKS
from pia.validation.run import validate

_spec = importlib.util.spec_from_file_location(
    "boundary_estate", Path(__file__).parent / "fixtures" / "validation" / "boundary_estate.py")
boundary = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(boundary)


@pytest.fixture(scope="module")
def result(tmp_path_factory):
    return validate(boundary.write(tmp_path_factory.mktemp("boundary")), as_of=boundary.AS_OF)


@pytest.fixture(scope="module")
def by_id(result):
    return {c.id: c for c in result.checks}


def test_catalogue_has_the_twenty_checks_of_the_issue():
    assert sorted(c.id for c in CHECKS) == sorted(boundary.EXPECTED)


@pytest.mark.parametrize("check_id", sorted(boundary.EXPECTED))
def test_failed_rows_exact_at_boundaries(by_id, check_id):
    assert by_id[check_id].failed_rows == boundary.EXPECTED[check_id]
    assert by_id[check_id].status.value == "fail"


@pytest.mark.parametrize("check_id", sorted(boundary.FAILING_KEYS))
def test_failing_rows_are_the_boundary_rows(by_id, check_id):
    keys = {s.key for s in by_id[check_id].samples}
    assert keys == boundary.FAILING_KEYS[check_id]


def test_age_exactly_18_at_registration_passes_and_utc_date_decides(by_id):
    # U02 turns 18 on the day of registration; U06 registers at 07:00 +08:00, still the day before in UTC
    assert {s.key for s in by_id["users.minor_guardian_consent"].samples} == {"U03", "U06"}


def test_response_on_day_30_passes_day_31_fails(by_id):
    samples = {s.key: s.values["days_to_answer"] for s in by_id["rights.response_sla"].samples}
    assert samples == {"R2": "30.00", "R3": "31", "R5": "30.00"}  # 30 days and a second: fails


def test_consent_withdrawn_at_capture_instant_fails_even_with_offset(by_id):
    keys = {s.key for s in by_id["snapshots.alerts_consented"].samples}
    assert {"P2", "P3"} <= keys and "P4" not in keys


def test_result_is_failed_and_rows_checked_are_dataset_rows(result, by_id):
    assert result.passed is False
    assert by_id["users.email_format"].rows_checked == len(boundary.TABLES["users"][1])
    assert by_id["users.password_hashed"].rows_in_scope < by_id["users.password_hashed"].rows_checked


def test_samples_never_show_secrets_and_mask_personal_values(by_id):
    assert all(s.values == {} for s in by_id["users.password_hashed"].samples)
    emails = [s.values["email"] for s in by_id["users.email_format"].samples]
    assert "no-at-sign.example.com" not in emails and all("*" in e for e in emails)


def test_evidence_fields_for_assess(result):
    doc = result.to_dict()
    assert doc["kind"] == "pia.validation"
    failed = {c["id"]: c for c in doc["checks"] if c["status"] == "fail"}
    assert failed["snapshots.encrypted"]["controls"] == ["encryption_at_rest"]
    assert "alert_snapshots" in failed["snapshots.encrypted"]["activities"]
    assert failed["users.email_format"]["clause"] == "I.1"


def test_parquet_gives_the_same_counts(tmp_path, by_id):
    res = validate(boundary.write(tmp_path, fmt="parquet"), as_of=boundary.AS_OF)
    assert {c.id: c.failed_rows for c in res.checks} == boundary.EXPECTED
    assert res.inputs.keys() >= {"users.parquet", "consents.parquet"}


def test_settings_override_moves_the_boundary(tmp_path):
    res = validate(boundary.write(tmp_path, only=("users", "consents")), as_of=boundary.AS_OF,
                   overrides={"minor_age": 19})
    counts = {c.id: c.failed_rows for c in res.checks}
    assert counts["users.minor_guardian_consent"] == 3  # U02 (exactly 18) now fails too
    assert counts["consents.minor_guardian"] == 3  # C05 (given on the 18th birthday) now fails too
    assert res.settings["minor_age"] == 19
