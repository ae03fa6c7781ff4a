"""The reference inventory covers the policy: every data kind, clause, recipient, right and exemption it names."""
from __future__ import annotations

import re

import pytest

from pia.config import PROJECT_ROOT, REFERENCE_MANIFEST
from pia.declare.manifest import DataGroup, RightKind, load_manifest

POLICY = PROJECT_ROOT.parent / "shared" / "seed" / "privacy-policy.txt"

# Every numbered clause of the policy (sections I-VIII with their items), read off the policy text by hand.
POLICY_CLAUSES = (
    ["I.1", "I.2", "I.3", "I.4"] + [f"I.5({n})" for n in range(1, 12)]
    + ["II.1", "II.2"]
    + [f"III.{n}" for n in range(1, 8)]
    + [f"IV.1({n})" for n in range(1, 5)] + ["IV.2(1)", "IV.2(2)", "IV.3(1)", "IV.3(2)"]
    + ["V.1"] + [f"V.2({n})" for n in range(1, 6)] + ["V.3", "V.4", "V.5"] + [f"V.5({n})" for n in range(1, 7)]
    + ["VI.1", "VI.2", "VI.3"]
    + ["VII.1"] + [f"VII.2({n})" for n in range(1, 6)] + ["VII.3"]
    + ["VIII"]
)

# The kinds of personal data sections I and II name, and the category each must be declared under.
POLICY_DATA_KINDS = {
    "I.1": ["user.contact.phone_number", "user.contact.email", "user.account.username", "user.authorization.credentials"],
    "I.2": ["user.order.record"],
    "I.3": ["user.device.camera.serial_number", "user.device.camera.verification_code"],
    "I.4": ["user.content.camera_snapshot"],
    "II.1": ["user.device.cookie_id", "user.device.cookie"],
    "II.2": ["user.device.pixel_event", "user.behavior.email_engagement"],
}


@pytest.fixture(scope="module")
def manifest():
    return load_manifest()


def test_every_policy_clause_is_referenced(manifest):
    missing = [c for c in POLICY_CLAUSES if c not in manifest.all_clauses()]
    assert missing == []


@pytest.mark.parametrize("clause,categories", sorted(POLICY_DATA_KINDS.items()))
def test_every_data_kind_of_sections_one_and_two_is_declared_with_its_clause(manifest, clause, categories):
    for category in categories:
        elements = [e for e in manifest.data_elements if e.category == category]
        assert elements, f"no data element of category {category}"
        assert any(clause in e.clauses for e in elements), f"{category} not disclosed under {clause}"


def test_every_element_is_used_by_an_activity(manifest):
    used = {el for a in manifest.processing_activities for el in a.data_elements}
    assert {e.id for e in manifest.data_elements} - used == set()


def test_recipients_are_the_fixed_table(manifest):
    got = {r.id: {g.value for g in r.data_groups} for r in manifest.recipients}
    assert got == {
        "payment_processor": {"account", "order"},
        "logistics_partner": {"account", "order"},
        "cloud_provider": {"account", "order", "device", "snapshot"},
        "push_provider": {"device", "snapshot"},
        "government_authority": {"account", "order", "device", "snapshot"},
        "dispute_bodies": {"account", "order", "device"},
    }
    gov = manifest.recipient("government_authority")
    assert "IV.1(2)" in gov.clauses and gov.condition


def test_recipients_receive_only_groups_of_their_activities(manifest):
    """A recipient named by an activity must receive at least one data group the activity uses."""
    for act in manifest.processing_activities:
        groups = {e.group for e in manifest.elements_of(act)}
        for r in manifest.recipients_of(act):
            assert groups & set(r.data_groups), (act.id, r.id)


def test_all_rights_of_section_five_with_deadline(manifest):
    assert {r.kind for r in manifest.rights} == set(RightKind)
    assert all(r.response_days == 30 for r in manifest.rights)
    assert len(manifest.rejection_grounds) == 8


def test_all_eleven_consent_exemptions(manifest):
    assert sorted(x.number for x in manifest.consent_exemptions) == list(range(1, 12))


def test_notification_channels_and_minor_age(manifest):
    assert [c.value for c in manifest.notification_channels] == ["push", "popup", "email"]
    assert manifest.settings.minor_age == 18


def test_every_data_group_is_used(manifest):
    assert {e.group for e in manifest.data_elements} == set(DataGroup)


def test_camera_bystanders_and_minors_are_data_subjects_of_snapshots(manifest):
    subjects = {s.value for s in manifest.activity("alert_snapshots").data_subjects}
    assert {"bystanders", "minors", "customers"} <= subjects


@pytest.mark.skipif(not POLICY.exists(), reason="policy text not beside the checkout")
def test_manifest_paraphrases_never_copies_the_policy():
    """No run of 8 consecutive words of the policy appears in the manifest."""
    words = lambda t: re.findall(r"[a-z0-9]+", t.lower())  # noqa: E731
    policy = words(POLICY.read_text(encoding="utf-8"))
    shingles = {" ".join(policy[i:i + 8]) for i in range(len(policy) - 7)}
    ours = words(REFERENCE_MANIFEST.read_text(encoding="utf-8"))
    copied = [" ".join(ours[i:i + 8]) for i in range(len(ours) - 7) if " ".join(ours[i:i + 8]) in shingles]
    assert copied == []
