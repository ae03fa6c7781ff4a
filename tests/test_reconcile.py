"""Reconciliation of scanned data with the manifest: undeclared, not found, plaintext sensitive."""
from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pia.declare.manifest import load_manifest
from pia.declare.measures import MeasureStatus
from pia.discovery.reconcile import reconcile
from pia.discovery.scan import ColumnFinding, TableScan, scan
from pia.declare.taxonomy import load_taxonomy

_W = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)


def _id(seq: int) -> str:
    body = f"11010119900307{seq:03d}"
    return body + "10X98765432"[sum(int(c) * w for c, w in zip(body, _W, strict=False)) % 11]


@pytest.fixture(scope="module")
def reference():
    return load_manifest()


def _write(tmp_path: Path, name: str, data: dict) -> Path:
    path = tmp_path / f"{name}.csv"
    pd.DataFrame(data).to_csv(path, index=False)
    return path


def _items(result, kind: str) -> dict[str, dict]:
    return {i["category"]: i for i in result.reconciliation[kind]}


def test_undeclared_national_id_beside_declared_email_names_the_email_activities(tmp_path, reference):
    _write(tmp_path, "members", {"email": [f"p{i}@example.com" for i in range(30)], "id_card": [_id(i) for i in range(30)]})
    r = scan([tmp_path], manifest=reference)
    item = _items(r, "undeclared")["user.government_id.national_identification_number"]
    assert item["where"] == ["members.id_card"] and item["sensitive"] is True and item["clause"] == "I"
    assert "email" in item["elements"]
    assert set(item["activities"]) == {a.id for a in reference.processing_activities if "email" in a.data_elements}


def test_undeclared_alone_in_its_table_is_related_by_parent_category(tmp_path, reference):
    _write(tmp_path, "addresses", {"city": ["Shenzhen", "Beijing"] * 10})
    item = _items(scan([tmp_path], manifest=reference), "undeclared")["user.contact.address.city"]
    assert item["elements"] == ["email", "phone_number"]  # declared user.contact.* elements
    assert "account_management" in item["activities"]


def test_declared_category_is_not_found_when_no_table_holds_it_and_found_ones_are_not_listed(tmp_path, reference):
    _write(tmp_path, "users", {"user_id": ["U1", "U2"], "email": ["a@example.com", "b@example.com"]})
    nf = _items(scan([tmp_path], manifest=reference), "not_found")
    assert "user.contact.email" not in nf and "user.id" not in nf
    assert nf["user.payment"]["elements"] == ["payment_reference"]
    assert nf["user.payment"]["activities"] == ["legal_claims", "order_fulfilment"]  # IV.1(4) disputes use it too
    assert "minimum necessary" in nf["user.payment"]["reason"]


def test_more_specific_found_category_counts_as_declared(tmp_path, reference):
    # user.id.pseudonymous (hashed email) is within the declared user.id.
    _write(tmp_path, "marketing", {"email_sha256": [f"{i:064x}" for i in range(20)]})
    r = scan([tmp_path], manifest=reference)
    assert r.tables[0].columns[0].category == "user.id.pseudonymous"
    assert r.reconciliation["undeclared"] == []


def test_plaintext_password_rows_are_counted_where_the_manifest_says_hashed(tmp_path, reference):
    hashes = ["$2b$12$" + str(i).rjust(53, "a") for i in range(18)]
    _write(tmp_path, "users", {"password_hash": hashes + ["Summer2024!", "letmein"]})
    item = _items(scan([tmp_path], manifest=reference), "plaintext_sensitive")["user.authorization.credentials"]
    assert (item["rows"], item["rows_sampled"], item["clause"]) == (2, 20, "III.3")
    assert item["where"] == ["users.password_hash"]
    assert "Summer2024" not in item["reason"]


def test_all_hashed_passwords_give_no_plaintext_finding(tmp_path, reference):
    _write(tmp_path, "users", {"password_hash": ["$2b$12$" + str(i).rjust(53, "a") for i in range(20)]})
    assert scan([tmp_path], manifest=reference).reconciliation["plaintext_sensitive"] == []


def _snapshots(tmp_path: Path) -> None:
    _write(tmp_path, "alert_snapshots", {
        "storage_uri": [f"oss://alerts/{i}.jpg" for i in range(10)],
        "encrypted": ["true"] * 7 + ["false", "FALSE", ""],
    })


def test_unencrypted_snapshots_are_plaintext_when_encryption_at_rest_is_claimed(tmp_path, reference):
    _snapshots(tmp_path)
    item = _items(scan([tmp_path], manifest=reference), "plaintext_sensitive")["user.content.camera_snapshot"]
    assert item["rows"] == 2 and item["rows_sampled"] == 10
    assert item["where"] == ["alert_snapshots.encrypted", "alert_snapshots.storage_uri"]
    claiming = sorted(a.id for a in reference.processing_activities if "alert_snapshot" in a.data_elements
                      and a.measure("encryption_at_rest") is MeasureStatus.implemented)
    assert claiming and item["activities"] == claiming  # those that claim the protection the data lacks


def test_unencrypted_snapshots_without_a_claim_are_not_a_plaintext_finding(tmp_path, reference_data, write_manifest):
    for act in reference_data["processing_activities"]:
        act.get("measures", {}).pop("encryption_at_rest", None)
    manifest = load_manifest(write_manifest(reference_data))
    _snapshots(tmp_path)
    assert scan([tmp_path], manifest=manifest).reconciliation["plaintext_sensitive"] == []


def test_readable_card_numbers_of_a_declared_category_are_plaintext_sensitive(tmp_path, reference_data, write_manifest):
    reference_data["data_elements"].append({
        "id": "card", "name": "Payment card", "category": "user.financial.account_number", "group": "order",
        "source": "user_provided", "retention": {"rule": "While the account exists"}, "clauses": ["I.2"]})
    reference_data["processing_activities"][2]["data_elements"].append("card")
    manifest = load_manifest(write_manifest(reference_data))
    _write(tmp_path, "payments", {"card_no": ["4111111111111111", "5500000000000004"] * 10})
    item = _items(scan([tmp_path], manifest=manifest), "plaintext_sensitive")["user.financial.account_number"]
    assert item["activities"] == ["order_fulfilment"] and "GB/T 35273-2020 6.3" in item["reason"]


def test_reconciliation_lists_are_sorted_by_category(tmp_path, reference):
    _write(tmp_path, "t", {"gender": ["f", "m"] * 5, "city": ["A", "B"] * 5, "id_card": [_id(i) for i in range(10)]})
    cats = [i["category"] for i in scan([tmp_path], manifest=reference).reconciliation["undeclared"]]
    assert cats == sorted(cats) and len(cats) == 3



@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(sorted(load_taxonomy().keys())), min_size=0, max_size=12))
def test_every_found_category_is_declared_or_undeclared_and_never_also_not_found(reference, cats):
    table = TableScan(source="t.csv", table="t", format="csv", rows_sampled=1, rows_total_known=1, sampling="whole file",
                      columns=[ColumnFinding(name=f"c{i}", category=c, confidence=0.9, sensitive=False)
                               for i, c in enumerate(cats)])
    rec = reconcile([table], reference)
    declared = [e.category for e in reference.data_elements]
    undeclared = {i["category"] for i in rec["undeclared"]}
    assert undeclared == {c for c in cats if not any(c == d or c.startswith(d + ".") for d in declared)}
    for item in rec["not_found"]:
        assert not any(c == item["category"] or c.startswith(item["category"] + ".") for c in cats)
    assert len(rec["not_found"]) + len({d for d in declared if any(c == d or c.startswith(d + ".") for c in cats)}) \
        == len(set(declared))


def test_manifest_may_be_given_as_a_path(tmp_path):
    from pia.config import REFERENCE_MANIFEST

    _write(tmp_path, "users", {"email": ["a@example.com", "b@example.com"]})
    r = scan([tmp_path], manifest=REFERENCE_MANIFEST)
    assert r.manifest["source"].endswith("zosi-camera.pia.yaml") and r.reconciliation["not_found"]


def test_a_column_the_manifest_declares_is_not_reported_missing_when_its_values_give_nothing_away(tmp_path):
    # PulseWear's heart_rate.bpm holds bare numbers: no detector can tell them from any other number, but the
    # manifest's own table declaration says the column holds vital signs, so minimisation advice would be wrong.
    from pia.declare.manifest import load_manifest
    from pia.config import DATA_SAMPLES

    manifest = load_manifest(DATA_SAMPLES / "pulsewear" / "pulsewear.pia.yaml")
    (tmp_path / "heart_rate.csv").write_text("reading_id,account_id,bpm\nR1,AC1,61\nR2,AC1,72\nR3,AC2,58\n")
    (tmp_path / "other.csv").write_text("reading_id,bpm\nR1,61\n")
    nf = {x["category"] for x in scan([tmp_path / "heart_rate.csv"], manifest=manifest).reconciliation["not_found"]}
    assert "user.health.vital_signs" not in nf
    # the same column in a table the manifest does not declare proves nothing
    nf = {x["category"] for x in scan([tmp_path / "other.csv"], manifest=manifest).reconciliation["not_found"]}
    assert "user.health.vital_signs" in nf
