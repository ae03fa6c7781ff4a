"""The data-category taxonomy: hierarchy, sensitivity after GB/T 35273-2020 and PIPL Art. 28, suggestions."""
from __future__ import annotations

import pytest

from pia.declare.taxonomy import IMPACT_LEVELS, Taxonomy, load_taxonomy


@pytest.fixture(scope="module")
def tax() -> Taxonomy:
    return load_taxonomy()


def test_every_key_has_its_parent(tax):
    for cat in tax:
        if cat.parent is not None:
            assert cat.parent in tax, cat.key


@pytest.mark.parametrize("key", [
    "user.authorization.credentials",            # GB/T 35273 Annex B: passwords
    "user.biometric.facial_template",            # biometrics (inherited)
    "user.childrens",                            # minors (PIPL Art. 28)
    "user.financial.account_number",             # financial accounts (inherited)
    "user.location.precise",                     # whereabouts / precise location
    "user.government_id.national_identification_number",
    "user.content.camera_snapshot",
    "user.device.camera.verification_code",
])
def test_sensitive_categories(tax, key):
    assert tax[key].sensitive is True
    assert tax[key].basis


@pytest.mark.parametrize("key", ["user.contact.email", "user.contact.phone_number", "user.device.cookie_id",
                                 "user.account.username", "user.location.imprecise"])
def test_general_categories(tax, key):
    assert tax[key].sensitive is False


def test_children_inherit_impact_and_may_override(tax):
    assert tax["user.biometric.fingerprint"].impact == "severe"
    assert tax["user.contact.address.country"].impact == "low"
    assert tax["user.contact.address.street"].impact == tax["user.contact.address"].impact == "medium"
    assert {c.impact for c in tax} <= set(IMPACT_LEVELS)


def test_fideslang_ids_are_reused_and_marked(tax):
    for key in ("user.contact.email", "user.contact.phone_number", "user.device.cookie_id",
                "user.authorization.credentials", "user.account.username"):
        assert tax[key].fideslang, key
    assert not tax["user.device.camera.serial_number"].fideslang


def test_suggestion_prefers_same_leaf_then_similar(tax):
    assert tax.suggest("user.email")[0] == "user.contact.email"
    assert tax.suggest("user.contact.phone")[0] == "user.contact.phone_number"
    assert "user.device.camera.serial_number" in tax.suggest("user.device.serial_number")
    assert tax.suggest("zzzz.qqqq") == []


def test_unknown_key_message_without_close_match(tax):
    assert tax.unknown_key_message("zzzz") == "unknown taxonomy category 'zzzz'"


def test_taxonomy_rejects_orphan_and_bad_impact():
    with pytest.raises(ValueError, match="parent a.b is not defined"):
        Taxonomy({"a": {}, "a.b.c": {}})
    with pytest.raises(ValueError, match="impact 'huge'"):
        Taxonomy({"a": {"impact": "huge"}})


def test_taxonomy_rejects_unknown_entry_fields_such_as_a_name_cut_at_a_comma():
    # `{name: Data stored in a cookie (preferences, cart)}` unquoted parses as name 'Data stored in a cookie
    # (preferences' plus a key 'cart)': the shipped file had eight such entries.
    with pytest.raises(ValueError, match=r"a.b: unknown field\(s\) 'cart\)'"):
        Taxonomy({"a": {}, "a.b": {"name": "Data stored in a cookie (preferences", "cart)": None}})


@pytest.mark.parametrize("key, name", [
    ("user.device.cookie", "Data stored in a cookie (preferences, cart)"),
    ("user.device.advertising_id", "Advertising identifier (IDFA, OAID, GAID)"),
    ("user.order.delivery", "Delivery details (recipient, address, phone)"),
])
def test_shipped_names_with_commas_are_whole(tax, key, name):
    assert tax[key].name == name
    assert tax["user.health.condition"].description == "Illnesses, diagnoses, symptoms and disabilities."


def test_search_matches_word_starts_and_a_chinese_query_matches_nothing(tax):
    # 'ip' used to match 28 categories (any word containing it: description, membership, ...), and a query with
    # no latin word (心率) matched all 89
    assert [c.key for c in tax.search("ip")] == ["user.device.ip_address"]
    assert tax.search("心率") == []
    assert [c.key for c in tax.search("heart rate")] == ["user.health.vital_signs"]
    assert len(tax.search("")) == len(tax)
