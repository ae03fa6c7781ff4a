"""Detectors: validators, name normalisation, and the judgement on columns including look-alikes."""
from __future__ import annotations

import string

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pia.discovery.detectors import (
    DETECTORS,
    classify_column,
    normalise_name,
)
from pia.declare.taxonomy import load_taxonomy
from pia.discovery.value_patterns import (
    cn_resident_id_ok,
    is_ip,
    is_password_hash,
    is_phone,
    luhn_ok,
    payment_card_ok,
)
from tests.column_profiles import profile


# A resident ID built here: area 110101, born 1990-03-07, sequence 123 -> check character by GB 11643.
VALID_ID = "11010119900307123"
_W = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
VALID_ID += "10X98765432"[sum(int(c) * w for c, w in zip(VALID_ID, _W, strict=False)) % 11]


def test_every_detector_category_is_a_taxonomy_key():
    tax = load_taxonomy()
    assert [d.category for d in DETECTORS if d.category not in tax] == []


def test_luhn_known_test_number_passes_and_one_digit_off_fails():
    assert luhn_ok("4111111111111111")
    assert not luhn_ok("4111111111111112")


def test_payment_card_with_spaces_passes_but_unknown_issuer_prefix_fails():
    assert payment_card_ok("4111 1111 1111 1111")
    assert not payment_card_ok("9111111111111111")  # Luhn-valid length, no issuer starts with 9


def test_payment_card_boundary_lengths_12_digits_fails():
    assert not payment_card_ok("411111111113")


def test_resident_id_checksum_right_passes_wrong_check_character_fails():
    assert cn_resident_id_ok(VALID_ID)
    wrong = VALID_ID[:-1] + ("0" if VALID_ID[-1] != "0" else "1")
    assert not cn_resident_id_ok(wrong)


def test_resident_id_with_impossible_month_fails_even_with_right_checksum():
    body = "110101199013071234"[:17]
    check = "10X98765432"[sum(int(c) * w for c, w in zip(body, _W, strict=False)) % 11]
    assert not cn_resident_id_ok(body + check)


@given(st.text(alphabet=string.digits, min_size=17, max_size=17))
def test_resident_id_exactly_one_check_character_is_valid_for_any_body(body):
    valid = [c for c in "0123456789X" if cn_resident_id_ok(body + c)]
    assert len(valid) <= 1


def test_password_hash_formats_recognised_and_hex_digest_not():
    assert is_password_hash("$2b$12$" + "a" * 53)
    assert is_password_hash("$argon2id$v=19$m=65536,t=3,p=4$c2FsdA$aGFzaA")
    assert is_password_hash("pbkdf2_sha256$600000$salt$hash")
    assert not is_password_hash("$2b$12$" + "a" * 52)  # bcrypt is exactly 53 characters after the cost
    assert not is_password_hash("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")


def test_phone_formats_e164_cn_mobile_and_national():
    assert is_phone("+8613800138000") and is_phone("13800138000") and is_phone("010-6552-1234")
    assert not is_phone("2026-06-30") and not is_phone("1380013800")  # a date; 10 digits


def test_ip_v4_octet_256_fails_ipv6_passes():
    assert is_ip("192.168.1.255") and not is_ip("192.168.1.256")
    assert is_ip("2001:db8::1") and not is_ip("aa:bb:cc:dd:ee:ff")


@pytest.mark.parametrize("raw, norm", [("userPhoneNo", "user_phone_no"), ("User Phone-No", "user_phone_no"),
                                       ("手机号", "手机号"), ("IPAddress", "ip_address")])
def test_normalise_name(raw, norm):
    assert normalise_name(raw) == norm


@pytest.mark.parametrize("name", ["shouji", "手机号", "mobile_no", "phone"])
def test_phone_by_name_in_english_pinyin_and_chinese(name):
    j = classify_column(name, "users", profile(["13800138000", "13912345678"]))
    assert j.category == "user.contact.phone_number"


def test_order_numbers_that_look_like_phones_are_order_records_not_phones():
    values = [str(13800000000 + 3 * i) for i in range(100)]
    assert classify_column("order_no", "orders", profile(values)).category == "user.order.record"
    neutral = classify_column("ref", "orders", profile(values))
    assert neutral.category is None
    assert any(e.startswith("decoy:") for e in neutral.evidence)


def test_sequential_numbers_under_a_neutral_name_are_not_phones():
    values = [str(15000000000 + i) for i in range(100)]
    assert classify_column("x1", "t", profile(values)).category is None


def test_random_mobiles_under_a_neutral_name_are_phones_by_values():
    import random

    rng = random.Random(1)
    values = ["1" + rng.choice("3456789") + "".join(rng.choice(string.digits) for _ in range(9)) for _ in range(100)]
    j = classify_column("x1", "t", profile(values))
    assert j.category == "user.contact.phone_number" and j.value_share == 1.0


def test_version_strings_that_look_like_ips_are_not_ip_addresses():
    values = ["1.2.3.4", "2.0.1.7", "1.0.0.12"] * 40
    assert classify_column("v", "logs", profile(values)).category is None
    assert classify_column("app_version", "logs", profile(values)).category is None


def test_sha256_of_a_file_is_not_a_credential_but_a_password_column_is():
    digests = [f"{i:064x}" for i in range(50)]
    assert classify_column("file_sha256", "files", profile(digests)).category is None
    j = classify_column("password", "users", profile(digests))
    assert j.category == "user.authorization.credentials" and j.stored_form == "digest"


def test_plaintext_password_column_is_credentials_stored_plaintext():
    j = classify_column("pwd", "users", profile([f"Summer{i}!" for i in range(30)]))
    assert (j.category, j.stored_form) == ("user.authorization.credentials", "plaintext")


def test_bcrypt_values_under_a_neutral_name_are_credentials():
    j = classify_column("h1", "t", profile(["$2b$10$" + str(i).rjust(53, "x") for i in range(30)]))
    assert j.category == "user.authorization.credentials"


def test_verification_code_hash_is_the_device_secret_not_a_password():
    j = classify_column("verification_code_hash", "devices", profile(["$2b$10$" + "y" * 53]))
    assert j.category == "user.device.camera.verification_code"


def test_timestamps_named_birth_are_not_dates_of_birth():
    values = [f"2026-01-{d:02d} 10:00:00" for d in range(1, 29)]
    assert classify_column("birth_logged", "t", profile(values)).category is None


def test_dates_spread_over_decades_are_births_recent_dates_are_not():
    births = [f"{1950 + i}-0{1 + i % 9}-1{i % 9}" for i in range(60)]
    recent = [f"202{4 + i % 3}-0{1 + i % 9}-1{i % 9}" for i in range(60)]
    assert classify_column("bd", "t", profile(births)).category == "user.demographic.date_of_birth"
    assert classify_column("bd", "t", profile(recent)).category is None


def test_product_skus_under_a_serial_name_are_not_serials():
    skus = ["ZS-C1-1080P", "ZS-C2-4K", "ZS-NVR-8CH"] * 40
    assert classify_column("sn", "devices", profile(skus)).category is None
    serials = [f"ZS-{i:04d}-A{i % 7}B{i % 3}" for i in range(120)]
    assert classify_column("sn", "devices", profile(serials)).category == "user.device.camera.serial_number"


def test_bare_status_is_account_status_only_in_an_accounts_table_with_account_words():
    states = ["active", "cancelled"] * 20
    assert classify_column("status", "users", profile(states)).category == "user.account.status"
    assert classify_column("status", "rights_requests", profile(states)).category is None
    assert classify_column("status", "users", profile(["paid", "shipped"] * 20)).category is None


def test_name_with_no_values_is_judged_by_name_alone_with_low_confidence():
    j = classify_column("email", "users", profile([]))
    assert j.category == "user.contact.email" and j.confidence <= 0.6


@settings(max_examples=50)
@given(st.lists(st.text(min_size=3, max_size=30), min_size=1, max_size=30), st.sampled_from(
    ["email", "phone", "password", "x", "birth_date", "serial_number", "lat"]))
def test_evidence_never_contains_a_sampled_value(values, name):
    j = classify_column(name, "t", profile(values))
    text = " ".join(j.evidence)
    leaked = [v for v in values if len(v.strip()) >= 3 and v.strip() in text and v.strip() not in (name, "t")]
    # evidence is made of pattern names and numbers: a value can appear only if it is itself such a word or a run of
    # words (`l a` is inside "email address")
    assert all(v.strip().replace(" ", "").isalpha() or v.strip().replace(".", "").isdigit() for v in leaked)
