"""The pandas baseline of the 20 checks: exact counts on generated estates, and the tricky boundaries."""
from __future__ import annotations

import csv
import datetime as dt
import importlib.util
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pia.config import PROJECT_ROOT
from pia.samples.generate import CHECK_IDS, DATASETS, generate_estate

REF = dt.date(2026, 6, 30)


def _load_baseline():
    spec = importlib.util.spec_from_file_location("baseline_pandas", PROJECT_ROOT / "benchmarks" / "baseline_pandas.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


baseline = _load_baseline()


def write_estate(root: Path, **tables: list[dict[str, str]]) -> Path:
    """A tiny hand-made estate: every contract file, with the given rows (missing columns blank)."""
    root.mkdir(parents=True, exist_ok=True)
    for name, columns in DATASETS.items():
        with open(root / f"{name}.csv", "w", newline="", encoding="utf-8") as fh:
            w = csv.DictWriter(fh, fieldnames=columns, lineterminator="\n")
            w.writeheader()
            for row in tables.get(name, []):
                w.writerow({c: row.get(c, "") for c in columns})
    return root


BCRYPT = "$2b$12$" + "a" * 53


def user(uid: str, **kw: str) -> dict[str, str]:
    row = {"user_id": uid, "username": "u", "email": f"{uid.lower() or 'x'}@example.com", "phone": "",
               "password_hash": BCRYPT, "birth_date": "1980-01-01", "registered_at": "2024-01-01 00:00:00",
               "status": "active", "country": "CN"}
    row.update(kw)
    return row


def counts(root: Path, as_of: dt.date = REF) -> dict[str, int]:
    return baseline.run_checks(root, as_of)


# --------------------------------------------------------------------------- oracle on generated estates


@pytest.mark.parametrize("seed", [0, 1, 2, 3, 11])
@pytest.mark.parametrize("violations", [False, True])
def test_baseline_finds_exactly_expected_counts_on_generated_estates(tmp_path, seed, violations):
    expected = generate_estate(tmp_path, 200 + 53 * seed, seed, violations=violations)
    assert counts(tmp_path) == expected
    if not violations:
        assert set(expected.values()) == {0}


@pytest.mark.parametrize("as_of", [dt.date(2026, 7, 1), dt.date(2026, 8, 15), dt.date(2031, 1, 1)])
def test_expected_counts_hold_for_any_as_of_after_reference_date(tmp_path, as_of):
    expected = generate_estate(tmp_path, 400, 5, violations=True)
    assert counts(tmp_path, as_of) == expected


def test_shipped_estate_matches_its_expectations():
    import json

    estate = PROJECT_ROOT / "data_samples" / "estate"
    doc = json.loads((estate / "expected_violations.json").read_text())
    assert counts(estate, dt.date.fromisoformat(doc["reference_date"])) == doc["failed_rows"]
    assert all(doc["failed_rows"][c] > 0 for c in CHECK_IDS)


@pytest.mark.slow
@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(seed=st.integers(0, 2**32 - 1), users=st.integers(200, 600))
def test_property_generated_violations_are_exact_for_any_seed(tmp_path_factory, seed, users):
    root = tmp_path_factory.mktemp("estate")
    expected = generate_estate(root, users, seed, violations=True)
    assert counts(root) == expected
    assert all(expected[c] > 0 for c in CHECK_IDS)


# --------------------------------------------------------------------------- boundaries, hand-made


def test_minor_age_exactly_18_on_registration_day_passes_day_before_fails(tmp_path):
    root = write_estate(tmp_path, users=[
        user("U1", birth_date="2008-03-15", registered_at="2026-03-15 00:00:00"),  # 18 today: adult
        user("U2", birth_date="2008-03-16", registered_at="2026-03-15 23:59:59"),  # 17 until tomorrow
        user("U3", birth_date="2008-03-16", registered_at="2026-03-15 10:00:00", guardian_consent="TRUE"),
        user("U4", birth_date="", registered_at="2026-03-15 10:00:00"),  # unknown age: not checked
    ])
    assert counts(root)["users.minor_guardian_consent"] == 1


def test_minor_age_uses_utc_date_of_an_offset_timestamp(tmp_path):
    # 2026-03-16 02:00 at +08:00 is 2026-03-15 18:00 UTC: the day before the 18th birthday
    root = write_estate(tmp_path, users=[user("U1", birth_date="2008-03-16",
                                              registered_at="2026-03-16T02:00:00+08:00")])
    assert counts(root)["users.minor_guardian_consent"] == 1


def test_minor_guardian_blank_and_false_fail_true_any_case_passes(tmp_path):
    minor = {"birth_date": "2012-01-01", "registered_at": "2026-01-01 00:00:00"}
    root = write_estate(tmp_path, users=[user("U1", guardian_consent="", **minor),
                                         user("U2", guardian_consent="false", **minor),
                                         user("U3", guardian_consent="True", **minor),
                                         user("U4", guardian_consent="TRUE", **minor)])
    assert counts(root)["users.minor_guardian_consent"] == 2


def test_consent_of_minor_needs_guardian_until_the_birthday(tmp_path):
    root = write_estate(tmp_path, users=[user("U1", birth_date="2008-05-10", guardian_consent="true",
                                              registered_at="2025-01-01 00:00:00")],
                        consents=[{"consent_id": "C1", "user_id": "U1", "scope": "alerts", "granted_at": "2026-05-09 23:59:59",
                                       "granted_by": "self"},
                                  {"consent_id": "C2", "user_id": "U1", "scope": "marketing_email",
                                       "granted_at": "2026-05-10 00:00:00", "granted_by": "self"},
                                  {"consent_id": "C3", "user_id": "U1", "scope": "share_partners",
                                       "granted_at": "2026-05-09 00:00:00", "granted_by": "guardian"}])
    assert counts(root)["consents.minor_guardian"] == 1


def test_response_on_day_30_passes_day_31_fails(tmp_path):
    rr = lambda rid, recv, resp, status="completed": {"request_id": rid, "user_id": "U1", "type": "access",
                                                          "received_at": recv, "responded_at": resp, "status": status}
    root = write_estate(tmp_path, users=[user("U1")], rights_requests=[
        rr("R1", "2026-01-01 10:00:00", "2026-01-31 10:00:00"),  # exactly 30 days
        rr("R2", "2026-01-01 10:00:00", "2026-01-31 10:00:01"),  # one second over
        rr("R3", "2026-01-01 10:00:00", "2026-02-01 10:00:00"),  # day 31
        rr("R4", "2026-01-01T10:00:00", "2026-01-31T18:00:00+08:00"),  # 30 days, other offset
    ])
    assert counts(root)["rights.response_sla"] == 2


def test_pending_request_overdue_only_after_30_days_before_as_of(tmp_path):
    rr = lambda rid, recv: {"request_id": rid, "user_id": "U1", "type": "delete", "received_at": recv,
                                "status": "pending"}
    root = write_estate(tmp_path, users=[user("U1")], rights_requests=[
        rr("R1", "2026-05-31 00:00:00"),  # as_of - received = exactly 30 days
        rr("R2", "2026-05-30 23:59:59"),  # 30 days and a second
    ])
    assert counts(root, dt.date(2026, 6, 30))["rights.response_sla"] == 1
    assert counts(root, dt.date(2026, 6, 29))["rights.response_sla"] == 0


def test_consent_withdrawn_exactly_at_capture_instant_fails(tmp_path):
    snap = lambda sid, at: {"snapshot_id": sid, "device_id": "D1", "user_id": "U1", "captured_at": at,
                                "storage_uri": "oss://x", "encrypted": "true"}
    root = write_estate(tmp_path, users=[user("U1"), user("U2")], consents=[
        {"consent_id": "C1", "user_id": "U1", "scope": "alerts", "granted_at": "2026-01-01 00:00:00",
             "withdrawn_at": "2026-03-01 08:00:00", "granted_by": "self"}],
        alert_snapshots=[snap("S1", "2026-03-01 16:00:00+08:00"),  # the withdrawal instant: fails
                         snap("S2", "2026-03-01 07:59:59"),  # a second before: passes
                         snap("S3", "2026-01-01T00:00:00"),  # the grant instant: passes
                         snap("S4", "2025-12-31 23:59:59"),  # before the grant: fails
                         dict(snap("S5", "2026-02-01 00:00:00"), user_id="U2")])  # no alerts consent
    assert counts(root)["snapshots.alerts_consented"] == 3


def test_encrypted_blank_is_unknown_and_fails(tmp_path):
    snaps = [{"snapshot_id": f"S{i}", "device_id": "D1", "user_id": "U1", "captured_at": "2026-02-01 00:00:00",
                  "encrypted": v} for i, v in enumerate(["true", "TRUE", "True", "", "false", "FALSE"])]
    root = write_estate(tmp_path, users=[user("U1")], alert_snapshots=snaps)
    assert counts(root)["snapshots.encrypted"] == 3


def test_duplicate_blank_user_ids_each_fail_once(tmp_path):
    root = write_estate(tmp_path, users=[user(""), user(""), user("U1"), user("U1"), user("U2")])
    assert counts(root)["users.unique_id"] == 4


def test_cancelled_erased_only_after_grace_period(tmp_path):
    cancelled = {"status": "cancelled", "username": "", "phone": "", "birth_date": "", "password_hash": ""}
    root = write_estate(tmp_path, users=[
        user("U1", cancelled_at="2026-06-15 00:00:00", **cancelled),  # + 15 days == as_of: not before
        user("U2", cancelled_at="2026-06-14 23:59:59", **cancelled),  # before as_of: must be erased
        user("U3", cancelled_at="2026-01-01 00:00:00", **dict(cancelled, email="")),  # erased
    ])
    assert counts(root)["users.cancelled_erased"] == 1


def test_bcrypt_needs_53_characters_after_cost(tmp_path):
    root = write_estate(tmp_path, users=[user("U1"), user("U2", password_hash="$2b$12$" + "a" * 52),
                                         user("U3", password_hash="$argon2id$v=19$m=1,t=1,p=1$abc$def"),
                                         user("U4", password_hash="5f4dcc3b5aa765d61d8327deb882cf99"),
                                         user("U5", password_hash=""),
                                         user("U6", password_hash="", status="cancelled")])
    assert counts(root)["users.password_hashed"] == 3


def test_serial_reused_after_unbinding_passes_two_bound_fail(tmp_path):
    dev = lambda did, serial, unbound="": {"device_id": did, "user_id": "U1", "serial_number": serial,
                                               "verification_code_hash": BCRYPT, "bound_at": "2025-01-01 00:00:00",
                                               "unbound_at": unbound}
    root = write_estate(tmp_path, users=[user("U1")], devices=[
        dev("D1", "ZS-AAAA-0001", "2025-06-01 00:00:00"), dev("D2", "ZS-AAAA-0001"),
        dev("D3", "ZS-BBBB-0002"), dev("D4", "ZS-BBBB-0002"), dev("D5", "ZS-BBBB-0002", "2025-02-01 00:00:00")])
    assert counts(root)["devices.serial_unique"] == 2


def test_sharing_rules_on_hand_made_rows(tmp_path):
    share = lambda sid, **kw: dict({"share_id": sid, "user_id": "U1", "recipient": "payment_processor", "kind": "share",
                                        "legal_basis": "service_agreement", "data_categories": "account;order",
                                        "shared_at": "2026-02-01 00:00:00"}, **kw)
    root = write_estate(tmp_path, users=[user("U1")], consents=[
        {"consent_id": "C1", "user_id": "U1", "scope": "share_partners", "granted_at": "2026-01-15 00:00:00",
             "withdrawn_at": "2026-03-01 00:00:00", "granted_by": "self"}], data_sharing=[
        share("H1"),
        share("H2", recipient="ad_network", data_categories="tracking"),  # undeclared: not a category failure
        share("H3", data_categories="account;snapshot"),  # snapshot not declared for payments
        share("H4", kind="transfer"),  # service_agreement is no ground for a transfer
        share("H5", legal_basis=""),
        share("H6", legal_basis="consent"),  # consent active at shared_at
        share("H7", legal_basis="consent", shared_at="2026-03-01 00:00:00"),  # withdrawn at that instant
        share("H8", kind="disclosure", legal_basis="authority_request", recipient="government_authority"),
    ])
    got = counts(root)
    assert (got["sharing.recipient_declared"], got["sharing.categories_declared"], got["sharing.lawful_basis"]) == (1, 1, 3)


def test_owner_exists_blank_and_unknown_user_fail(tmp_path):
    root = write_estate(tmp_path, users=[user("U1")],
                        devices=[{"device_id": "D1", "user_id": "U1", "serial_number": "ZS-1", "verification_code_hash": BCRYPT},
                                 {"device_id": "D2", "user_id": "U9", "serial_number": "ZS-2", "verification_code_hash": BCRYPT},
                                 {"device_id": "D3", "user_id": "", "serial_number": "ZS-3", "verification_code_hash": "123456"}],
                        orders=[{"order_id": "O1", "user_id": "U1"}, {"order_id": "O2", "user_id": "u1"}])
    got = counts(root)
    assert (got["devices.owner_exists"], got["devices.code_hashed"], got["orders.owner_exists"]) == (2, 1, 1)


def test_rejection_reason_blank_or_unknown_fails_only_when_rejected(tmp_path):
    rr = lambda rid, status, reason: {"request_id": rid, "user_id": "U1", "type": "access", "status": status,
                                          "received_at": "2026-01-01 00:00:00", "responded_at": "2026-01-02 00:00:00",
                                          "rejection_reason": reason}
    root = write_estate(tmp_path, users=[user("U1")], rights_requests=[
        rr("R1", "rejected", "trade_secret"), rr("R2", "rejected", ""), rr("R3", "rejected", "busy"),
        rr("R4", "completed", "")])
    assert counts(root)["rights.rejection_reason_allowed"] == 2


def test_contact_email_phone_formats(tmp_path):
    root = write_estate(tmp_path, users=[
        user("U1", email="", phone=""),  # no contact
        user("U2", email="", phone="", status="cancelled", password_hash=""),  # cancelled: fine
        user("U3", email="a@b", phone="+8613800000000"),
        user("U4", email="a b@example.com", phone="13800000000"),
        user("U5", email="x@example.org", phone="+0861380000"),
        user("U6", email="y@example.net", phone="+12025550100"),
    ])
    got = counts(root)
    assert (got["users.contact_present"], got["users.email_format"], got["users.phone_format"]) == (1, 2, 2)


def test_snapshot_after_cancellation_strictly_after(tmp_path):
    snap = lambda sid, at: {"snapshot_id": sid, "device_id": "D1", "user_id": "U1", "captured_at": at,
                                "encrypted": "true"}
    root = write_estate(tmp_path, users=[user("U1", status="cancelled", cancelled_at="2026-02-01 00:00:00",
                                              username="", email="", birth_date="", password_hash="")],
                        alert_snapshots=[snap("S1", "2026-02-01 00:00:00"), snap("S2", "2026-02-01T00:00:01")])
    assert counts(root)["snapshots.after_cancellation"] == 1


def test_parquet_estate_gives_the_same_counts(tmp_path):
    import pandas as pd

    csv_dir, pq_dir = tmp_path / "csv", tmp_path / "pq"
    expected = generate_estate(csv_dir, 250, 8, violations=True)
    pq_dir.mkdir()
    for name in DATASETS:
        df = pd.read_csv(csv_dir / f"{name}.csv", dtype=str, keep_default_na=False, na_values=[""])
        df.to_parquet(pq_dir / f"{name}.parquet")
    assert counts(pq_dir) == expected
