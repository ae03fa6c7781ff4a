"""The judgement on columns of published schemas: values outvote names, head nouns, finer categories.

Each case is one failure class of issue 15 (values made up here, never real data).
"""

from __future__ import annotations

import base64
import random
import string

import pytest

from pia.discovery.detectors import classify_column
from pia.discovery.value_patterns import (
    is_encoded_image,
    is_imei,
    is_password_hash,
    is_url_with_credentials,
    is_user_agent,
)
from tests.column_profiles import profile

RNG = random.Random(15)


def _s(alphabet: str, n: int) -> str:
    return "".join(RNG.choice(alphabet) for _ in range(n))


def _imei() -> str:
    body = "35" + _s(string.digits, 12)
    for check in string.digits:
        digits = body + check
        total = sum(
            (d * 2 - 9 if d * 2 > 9 else d * 2) if i % 2 else d for i, d in enumerate(int(c) for c in reversed(digits))
        )
        if total % 10 == 0:
            return digits
    raise AssertionError


def judge(name: str, values: list[str], table: str = "t"):
    return classify_column(name, table, profile(values))


FLAGS = ["true", "false"] * 50


@pytest.mark.parametrize("name", ["has_snapshot", "has_clip", "is_lat", "phone_verified"])
def test_boolean_values_overrule_a_name_that_announces_personal_data(name):
    j = judge(name, FLAGS)
    assert j.category is None


def test_an_opt_in_flag_stays_a_consent_record():
    assert judge("Accepts Email Marketing", ["yes", "no"] * 50).category == "user.authorization.consent"


def test_timestamps_overrule_a_secret_name():
    values = [f"2025-0{RNG.randint(1, 9)}-1{RNG.randint(0, 9)} 10:00:00" for _ in range(100)]
    assert judge("last_passwd_gen", values).category is None
    assert judge("reset_password_validity", values).category is None


@pytest.mark.parametrize(
    ("name", "category"),
    [
        ("Default Address City", "user.contact.address.city"),
        ("Card Address Zip", "user.contact.address.postal_code"),
        ("Billing Country", "user.contact.address.country"),
        ("device_geo_city", "user.contact.address.city"),
        ("location_country", "user.contact.address.country"),
    ],
)
def test_the_head_noun_of_a_name_decides_address_parts(name, category):
    assert judge(name, []).category == category


@pytest.mark.parametrize("name", ["os_name", "app_package_name", "operator_name", "publisher_name", "Lineitem name"])
def test_names_of_things_are_not_person_names(name):
    assert judge(name, ["android", "iOS", "com.example.app", "MTS"] * 30).category is None


def test_a_bare_name_in_a_table_of_devices_is_not_a_person():
    assert judge("name", [f"Truck {i}" for i in range(100)], table="tc_devices").category is None


def test_a_bare_name_holding_logins_in_an_accounts_table_is_a_username():
    assert judge("name", [f"cat_{i}" for i in range(100)], table="users_field_data").category == "user.account.username"


@pytest.mark.parametrize("name", ["订单状态", "订单创建时间", "订单关闭原因", "Card AVS Zip Status", "address_type"])
def test_names_about_metadata_of_personal_data_announce_nothing(name):
    assert judge(name, ["交易成功", "pass", "billing"] * 40).category is None


def test_phpass_drupal_and_magento_hashes_are_password_hashes():
    assert is_password_hash("$P$B" + _s("./" + string.ascii_letters + string.digits, 30))
    assert is_password_hash("$S$D" + _s("./" + string.ascii_letters + string.digits, 51))
    assert is_password_hash(_s("0123456789abcdef", 64) + ":" + _s(string.ascii_letters, 32) + ":1")
    assert not is_password_hash("$P$B" + "a" * 31)  # one character too many for phpass


def test_phpass_values_under_a_neutral_name_are_credentials_stored_hashed():
    j = judge("user_pass", ["$P$B" + _s("./" + string.ascii_letters + string.digits, 30) for _ in range(50)])
    assert j.category == "user.authorization.credentials" and j.stored_form == "one_way_hash"


def test_a_hex_digest_under_a_password_name_is_a_credential_stored_as_digest():
    j = judge("pass", [_s("0123456789abcdef", 32) for _ in range(50)])
    assert j.category == "user.authorization.credentials" and j.stored_form == "digest"


@pytest.mark.parametrize("name", ["rp_token", "reset_password_token", "user_activation_key", "secure_key", "sid"])
def test_reset_activation_and_session_tokens_are_tokens(name):
    j = judge(name, [_s("0123456789abcdef", 40) for _ in range(50)], table="sessions")
    assert j.category == "user.authorization.credentials.token"


def test_a_session_id_outside_a_table_of_sessions_is_not_a_login_token():
    assert judge("session_id", [_s("0123456789abcdef", 32) for _ in range(50)], table="sleep_sessions").category \
        != "user.authorization.credentials.token"


def test_credentials_inside_urls_are_found_by_values_under_any_name():
    values = [f"rtsp://admin:pw{i}@cam-{i}.lan:554/stream" for i in range(50)]
    assert is_url_with_credentials(values[0])
    j = judge("Path", values)
    assert j.category == "user.authorization.credentials.url" and j.stored_form == "plaintext"


def test_base64_images_are_encoded_images():
    values = [base64.b64encode(b"\xff\xd8\xff\xe0" + RNG.randbytes(200)).decode() for _ in range(30)]
    assert is_encoded_image(values[0])
    assert judge("thumbnail", values).category == "user.content.encoded_image"


def test_user_agents_are_found_by_values_even_under_a_bare_name():
    values = [f"Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/{100 + i}.0 Safari/537.36" for i in range(40)]
    assert is_user_agent(values[0])
    assert judge("name", values, table="oc_authtoken").category == "user.device.user_agent"


def test_imeis_are_hardware_ids_and_vendor_and_advertising_ids_by_name():
    imeis = [_imei() for _ in range(40)]
    assert all(is_imei(v) for v in imeis)
    assert judge("uniqueid", imeis).category == "user.device.device_id.imei"
    uuids = [f"{_s('0123456789ABCDEF', 8)}-AAAA-4AAA-8AAA-{_s('0123456789ABCDEF', 12)}" for _ in range(40)]
    assert judge("IDFV", uuids).category == "user.device.device_id.vendor"
    assert judge("google_aid", [u.lower() for u in uuids]).category == "user.device.advertising_id"


def test_web_server_log_fields():
    assert (
        judge("request", [f"GET /account/{i} HTTP/1.1" for i in range(40)], table="access_log").category
        == "user.behavior.browsing_history"
    )
    assert (
        judge("http_referer", [f"https://www.example.com/p/{i}" for i in range(40)]).category
        == "user.behavior.browsing_history"
    )
    assert judge("remote_user", [f"ops{i}" for i in range(40)]).category == "user.account.username"
    assert judge("upstream_addr", [f"10.0.0.{i}:8080" for i in range(40)]).category is None


def test_chinese_marketplace_buyer_and_payment_account_headers():
    nicks = [f"tb{_s(string.ascii_lowercase, 6)}" for _ in range(40)]
    assert judge("买家会员名", nicks).category == "user.account.username"
    accounts = [f"ana{i}@example.com" for i in range(20)] + [f"138****{i:04d}" for i in range(20)]
    assert judge("买家支付宝账号", accounts).category == "user.financial.account_number"


def test_card_fingerprints_last_four_and_card_ids_are_payment_data():
    assert (
        judge("Card Fingerprint", [_s(string.ascii_letters + string.digits, 16) for _ in range(40)]).category
        == "user.payment"
    )
    assert judge("Card Last4", [f"{RNG.randint(0, 9999):04d}" for _ in range(40)]).category == "user.payment"
    assert (
        judge("Card ID", ["card_1" + _s(string.ascii_letters + string.digits, 23) for _ in range(40)]).category
        == "user.payment"
    )


def test_a_name_alone_says_so_in_its_evidence_and_confidence():
    j = judge("ip_address", [str(RNG.randint(400_000_000, 3_700_000_000)) for _ in range(50)])
    assert j.category == "user.device.ip_address" and j.confidence <= 0.5
    assert any("name alone" in e for e in j.evidence)
    empty = judge("email", [])
    assert empty.confidence == 0.5 and any("name alone" in e for e in empty.evidence)


# Failure classes of the first held-out part (tests/corpus_real/holdout.yaml); values made up here.


def _uuids(n: int) -> list[str]:
    return [
        f"{_s('0123456789abcdef', 8)}-{_s('0123456789abcdef', 4)}-4{_s('0123456789abcdef', 3)}-"
        f"a{_s('0123456789abcdef', 3)}-{_s('0123456789abcdef', 12)}"
        for _ in range(n)
    ]


@pytest.mark.parametrize("name", ["address_id", "email_id", "phone_id", "shipping_address_id"])
def test_a_key_of_a_record_is_not_the_data_it_points_to(name):
    j = judge(name, [str(RNG.randint(1, 900)) for _ in range(60)])
    assert j.category is None and any("key" in e for e in j.evidence)


@pytest.mark.parametrize(
    ("name", "category"),
    [("country_id", "user.contact.address.country"), ("language_id", "user.demographic.language")],
)
def test_a_key_into_a_short_code_list_of_a_person_attribute_is_that_attribute(name, category):
    assert judge(name, [str(RNG.randint(1, 200)) for _ in range(60)]).category == category


def test_the_algorithm_of_a_password_hash_is_not_a_password():
    assert judge("passwd_hash_algo", ["pbkdf2", "argon2", "bcrypt"] * 20, table="user").category is None


def test_a_last_login_time_is_usage_not_an_account_lifecycle_date():
    assert judge("last_login_unix", [str(1_700_000_000 + i * 977) for i in range(60)], table="user").category is None


def test_session_ids_in_analytics_tables_are_visitor_ids_and_in_login_stores_tokens():
    visits = ["session_id", "website_id", "browser", "os", "screen", "country", "city"]
    j = classify_column("session_id", "session", profile(_uuids(60)), siblings=visits)
    assert j.category == "user.device.cookie_id"
    assert judge("session_id", _uuids(60), table="website_event").category == "user.device.cookie_id"
    store = ["session_id", "session_data", "expire_date"]
    j = classify_column("session_id", "session", profile(_uuids(60)), siblings=store)
    assert j.category == "user.authorization.credentials.token"
    bound = ["uid", "sid", "hostname", "timestamp"]
    tokens = [_s(string.ascii_letters + string.digits + "-_", 43) for _ in range(60)]
    assert classify_column("sid", "sessions", profile(tokens), siblings=bound).category == (
        "user.authorization.credentials.token"
    )
    # sequential record keys of a sleep or workout session are not visitor ids
    assert judge("session_id", [f"SL{i:07d}" for i in range(60)], table="sleep_sessions").category is None


def test_url_paths_in_a_log_of_visits_are_browsing_history_but_not_elsewhere_or_media():
    paths = [f"/cameras/c{i}" for i in range(60)]
    assert judge("url_path", paths, table="website_event").category == "user.behavior.browsing_history"
    assert judge("url_path", paths, table="site_settings").category is None
    media = [f"/media/rec/{i}.mp4" for i in range(60)]
    assert judge("path", media, table="events").category != "user.behavior.browsing_history"
    assert judge("logo_url", [f"https://cdn.example.com/{i}.png" for i in range(60)], table="events").category != (
        "user.behavior.browsing_history"
    )


@pytest.mark.parametrize("name", ["商户单号", "out_trade_no", "merchant_order_no"])
def test_the_merchants_order_number_in_a_payment_bill_is_an_order_record(name):
    assert judge(name, ["ZS" + _s(string.digits, 14) for _ in range(60)], table="wechat_bill").category == (
        "user.order.record"
    )


def test_random_secrets_under_an_unsaying_name_in_a_table_of_accounts_are_tokens():
    hexes = [_s("0123456789abcdef", 40) for _ in range(30)]
    assert judge("code", hexes, table="oc_customer").category == "user.authorization.credentials.token"
    # salts, and the same values in a table of things, are not
    assert judge("salt", hexes, table="oc_customer").category is None
    assert judge("code", hexes, table="products").category is None
    # UUIDs are record identifiers, not secrets by their shape (a customer's external reference is the customer's id
    # in another system: `user.id`, as `external_id` in a table of people)
    assert judge("external_ref", _uuids(30), table="oc_customer").category != "user.authorization.credentials.token"
    assert judge("ref_code", _uuids(30), table="oc_customer").category is None
    # a handful of repeated codes is not a secret per account
    assert judge("code", [_s("0123456789abcdef", 40) for _ in range(3)] * 10, table="customer").category is None


# Failure classes of the second held-out part (tests/corpus_real/holdout2.yaml); values made up here.


def test_a_counterpartys_account_in_a_payment_bill_is_a_payment_account():
    accounts = [f"ana{i}@example.com" for i in range(20)] + [f"139****{i:04d}" for i in range(20)]
    assert judge("对方账号", accounts, table="alipay_bill").category == "user.financial.account_number"


def test_a_payment_method_that_names_a_card_by_its_last_four_digits_is_payment_data():
    methods = [f"招商银行信用卡({RNG.randint(0, 9999):04d})" for _ in range(15)] + ["余额宝", "花呗", "账户余额"] * 15
    assert judge("收/付款方式", methods, table="alipay_bill").category == "user.payment"
    assert judge("payment_method", ["Alipay", "WeChat Pay", "Cash"] * 20).category is None


def test_a_transaction_number_of_a_payment_platform_is_payment_data_not_an_order():
    nos = ["20250315" + "2200" + _s(string.digits, 16) for _ in range(40)]
    assert judge("交易订单号", nos, table="alipay_bill").category == "user.payment"


def test_identifiers_under_a_picture_name_are_keys_not_pictures():
    assert judge("livePhotoCID", [str(u).upper() for u in _uuids(40)], table="asset_exif").category is None
    assert judge("picture", [str(RNG.randint(0, 90000)) for _ in range(60)], table="mdl_user").category is None


def test_a_picture_url_in_a_table_of_people_is_their_own_picture():
    urls = [f"https://cdn.example.com/avatar/{_s('0123456789abcdef', 16)}.jpg" for _ in range(40)]
    assert judge("icon", urls, table="ums_member").category == "user.content.self_image"
    assert judge("icon", urls, table="app_categories").category is None


def test_a_salted_hash_kept_as_json_is_a_credential_stored_hashed():
    blobs = [
        '{"value":"' + base64.b64encode(RNG.randbytes(32)).decode() + '","salt":"'
        + base64.b64encode(RNG.randbytes(16)).decode() + '","additionalParameters":{}}'
        for _ in range(30)
    ]
    j = judge("secret_data", blobs, table="credential")
    assert j.category == "user.authorization.credentials" and j.stored_form == "one_way_hash"
    params = ['{"hashIterations":27500,"algorithm":"pbkdf2-sha256","additionalParameters":{}}'] * 30
    assert judge("credential_data", params, table="credential").category is None


def test_a_per_user_secret_is_a_token_but_an_auth_method_is_not():
    secrets = [_s(string.ascii_letters + string.digits, 15) for _ in range(60)]
    assert judge("secret", secrets, table="mdl_user").category == "user.authorization.credentials.token"
    assert judge("auth", ["manual", "ldap", "oauth2", "email"] * 20, table="mdl_user").category is None


@pytest.mark.parametrize("name", ["policyagreed", "terms_accepted", "accepted_privacy"])
def test_acceptance_of_a_policy_or_terms_is_a_consent_record(name):
    assert judge(name, ["0", "1"] * 30, table="mdl_user").category == "user.authorization.consent"


@pytest.mark.parametrize(
    ("name", "category"),
    [
        ("idnumber", "user.id"),
        ("middlename", "user.name"),
        ("receiver_post_code", "user.contact.address.postal_code"),
        ("street2", "user.contact.address.street"),
        ("order_sn", "user.order.record"),
    ],
)
def test_name_vocabulary_of_published_schemas(name, category):
    values = {
        "idnumber": [f"S2023{i:05d}" for i in range(60)],
        "middlename": ["James", "Mei", "Anne", "Lee", "Rose", "Kai", "Ming"] * 9,
        "receiver_post_code": [f"518{i:03d}" for i in range(60)],
        "street2": [f"Apt {i}" for i in range(60)],
        "order_sn": [f"202509150101{i:06d}" for i in range(60)],
    }[name]
    assert judge(name, values, table="people_things").category == category


def test_a_serial_number_of_a_shipment_is_not_a_device_serial():
    assert judge("delivery_sn", ["SF" + _s(string.digits, 12) for _ in range(60)], table="oms_order").category is None


def test_the_key_of_a_table_of_contacts_is_the_persons_id():
    assert judge("id", [str(i) for i in range(1, 61)], table="res_partner").category == "user.id"
