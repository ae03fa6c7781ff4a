"""Failure classes seen on the fifth held-out part of the real-schema corpus: one positive, one look-alike each.

Values are made up here (never real data); names are generic where the class allows, not the corpus's own columns.
"""

from __future__ import annotations

import base64
import json
import random
import string

from pia.discovery.detectors import ColumnProfile, ColumnVerdict, classify_column, cross_table, is_whole_address
from pia.discovery.value_patterns import ca_sin_ok, luhn_ok, us_ssn_ok
from tests.column_profiles import profile

RNG = random.Random(5)
ALNUM = string.ascii_letters + string.digits


def cat(name: str, table: str, prof: ColumnProfile, siblings: tuple[str, ...] = ()) -> str | None:
    return classify_column(name, table, prof, siblings=siblings).category


def rand(alphabet: str, n: int) -> str:
    return "".join(RNG.choice(alphabet) for _ in range(n))


def seq(n: int = 80) -> ColumnProfile:
    return profile([str(i + 1) for i in range(n)])


def test_the_key_of_a_table_about_people_is_not_the_persons_identifier():
    uuids = profile([f"{rand('0123456789abcdef', 8)}-1dd2-11b2-8080-{rand('0123456789abcdef', 12)}" for _ in range(80)])
    assert cat("id", "member_credentials", uuids) is None
    assert cat("id", "customer_inboxes", seq()) is None
    assert cat("id", "members", seq()) == "user.id"
    assert cat("id", "customer_entity", seq()) == "user.id"


def test_an_identifier_in_a_table_of_people_is_the_persons_identifier():
    codes = profile([f"C{RNG.randint(1, 9_999_999):07d}" for _ in range(80)])
    assert cat("identifier", "patients", codes) == "user.id"
    assert cat("identifier", "firmware_images", codes) is None


def _verdict(table, column, category=None, detector=None, non_blank=200, distinct=200):
    return ColumnVerdict(table, column, category, detector, non_blank, distinct)


def test_a_reference_to_a_table_of_people_in_the_same_scan_is_the_persons_identifier():
    cols = [
        _verdict("patients", "id", "user.id", "row_key_of_people"),
        _verdict("patients", "email", "user.contact.email", "email"),
        _verdict("visits", "patient_id", distinct=150),
        _verdict("visits", "clinic_id", distinct=4),
        _verdict("visits", "entity_id"),
    ]
    changes = cross_table(cols)
    assert changes[("visits", "patient_id")].category == "user.id"
    assert ("visits", "clinic_id") not in changes  # no table of people named clinics in the scan
    assert ("visits", "entity_id") not in changes  # `entity` names no kind of record
    assert cross_table(cols[2:]) == {}  # without the table of people, no evidence


def test_a_group_id_shared_by_many_people_names_their_organisation_in_every_table():
    cols = [
        _verdict("staff_users", "id", "user.id", "row_key_of_people"),
        _verdict("staff_users", "customer_id", "user.id", "user_id", non_blank=200, distinct=4),
        _verdict("audit_trail", "customer_id", "user.id", "user_id", non_blank=200, distinct=4),
        _verdict("audit_trail", "user_id", "user.id", "user_id"),
    ]
    changes = cross_table(cols)
    assert changes[("staff_users", "customer_id")].category is None
    assert changes[("audit_trail", "customer_id")].category is None
    assert ("audit_trail", "user_id") not in changes
    # one customer per row of a table of people (a shop's own customers): each person's id, unchanged
    unique = [cols[0], _verdict("staff_users", "customer_id", "user.id", "user_id", non_blank=200, distinct=200)]
    assert cross_table(unique) == {}


def test_sign_in_platform_ids_are_identifiers_not_secrets_but_a_session_key_is_a_secret():
    openids = profile(["o" + rand(ALNUM, 5) + rand(ALNUM + "-_", 22) for _ in range(80)])
    assert cat("openid", "wx_users", openids) == "user.id"
    assert cat("mini_openid", "wx_users", openids) == "user.id"
    assert cat("unionid", "wx_users", openids) == "user.id"
    keys = profile([base64.b64encode(RNG.randbytes(16)).decode() for _ in range(80)])
    assert cat("session_key", "wx_users", keys) == "user.authorization.credentials.token"


def test_us_ssn_and_canadian_sin_formats_with_checks():
    assert us_ssn_ok("123-45-6789") and not us_ssn_ok("666-45-6789") and not us_ssn_ok("123-00-6789")
    assert not us_ssn_ok("923-45-6789") and not us_ssn_ok("123-456-789")
    body = "14645428"  # a SIN never starts with 0 (unassigned) or 8 (business numbers)
    check = next(d for d in "0123456789" if luhn_ok(body + d))
    assert ca_sin_ok(f"{body[:3]} {body[3:6]} {body[6:]}{check}")
    wrong = str((int(check) + 1) % 10)
    assert not ca_sin_ok(f"{body[:3]} {body[3:6]} {body[6:]}{wrong}")


def _sins(n: int = 60) -> list[str]:
    out = []
    while len(out) < n:
        body = str(RNG.randint(1, 7)) + rand(string.digits, 7)
        check = next(d for d in "0123456789" if luhn_ok(body + d))
        out.append(f"{body[:3]} {body[3:6]} {body[6:]}{check}")
    return out


def test_a_personal_id_number_named_with_num_or_no_is_the_id_and_its_values_beat_a_phone_shape():
    nid = "user.government_id.national_identification_number"
    ssns = [f"{RNG.randint(1, 665):03d}-{RNG.randint(1, 99):02d}-{RNG.randint(1, 9999):04d}" for _ in range(60)]
    assert cat("staff_ssn_num", "staff", profile(ssns)) == nid
    assert cat("sin_no", "staff", profile(_sins())) == nid
    assert cat("sign_num", "staff", profile([str(RNG.randint(0, 30)) for _ in range(60)])) is None


def test_a_driving_licence_number_is_a_government_id():
    lic = profile([f"D{RNG.randint(10_000_000, 99_999_999)}" for _ in range(60)])
    assert cat("driver_license_no", "drivers", lic) == "user.government_id"
    assert cat("dri_lice_num", "staff", lic) == "user.government_id"
    assert cat("dri_lice_exp_date", "staff", profile(["2030-01-02", "2031-05-06"] * 30)) is None


def test_marital_status_and_smoker_flags_are_personal_but_other_statuses_are_not():
    assert cat("marital_status", "staff", profile(["Single", "Married", "Other"] * 30)) == "user.demographic"
    assert cat("smoker", "staff", profile(["0", "0", "1"] * 30)) == "user.health.condition"
    assert cat("is_smoker", "applicants", profile(["true", "false"] * 30)) == "user.health.condition"
    assert cat("room_status", "staff", profile(["Single", "Married", "Other"] * 30)) is None


def test_w3c_log_uri_stem_and_query_are_browsing_history():
    paths = profile([f"/products/{RNG.randint(1, 99)}" for _ in range(60)])
    queries = profile([f"q=doorbell+camera&page={RNG.randint(1, 5)}" for _ in range(60)] + ["-"] * 30)
    assert cat("cs-uri-stem", "cdn_log", paths) == "user.behavior.browsing_history"
    assert cat("cs-uri-query", "cdn_log", queries) == "user.behavior.browsing_history"
    assert cat("cs-method", "cdn_log", profile(["GET", "POST", "HEAD"] * 30)) is None


def test_segments_of_a_fragmented_recording_are_video():
    segs = profile([f"/segments/porch/{RNG.randint(1_690_000_000, 1_790_000_000)}.m4s" for _ in range(60)])
    assert cat("path", "media_files", segs) == "user.content.video_recording"
    names = profile([f"{RNG.randint(1_690_000_000, 1_790_000_000)}.m4s" for _ in range(60)])
    assert cat("filename", "media_files", names) is None


def test_a_password_history_in_json_is_a_credential_even_with_empty_rows():
    crypt = string.ascii_letters + string.digits + "./"
    hist = [json.dumps({"passwordHistory": {str(RNG.randint(10**12, 2 * 10**12)): "$2a$10$" + rand(crypt, 53)},
                        "failedAttempts": 0}) for _ in range(45)] + ["{}"] * 15
    assert cat("extra_info", "login_records", profile(hist)) == "user.authorization.credentials"
    settings = [json.dumps({"theme": RNG.choice(["dark", "light"]), "rows": RNG.randint(1, 50)}) for _ in range(60)]
    assert cat("extra_info", "login_records", profile(settings)) is None


def test_a_random_id_in_a_table_of_credentials_is_the_credential():
    toks = profile([rand(ALNUM, 20) for _ in range(80)])
    assert cat("credentials_id", "gadget_credentials", toks) == "user.authorization.credentials.token"
    assert cat("credentials_id", "gadget_firmware", toks) is None
    uuids = profile([f"{rand('0123456789abcdef', 8)}-1dd2-11b2-8080-{rand('0123456789abcdef', 12)}" for _ in range(80)])
    assert cat("device_ref_id", "gadget_credentials", uuids) is None


def test_site_codes_under_a_location_name_are_not_a_persons_place():
    codes = profile([RNG.choice(["FRA56-P1", "SFO5-C1", "HKG62-C2", "NRT57-P2"]) for _ in range(60)])
    assert cat("edge_location", "cdn_log", codes) is None
    places = profile([RNG.choice(["Berlin", "Shenzhen, China", "Austin, TX", "Lyon"]) for _ in range(60)])
    assert cat("location", "contacts", places) == "user.location.imprecise"


def test_the_name_of_an_audited_entity_is_not_a_person():
    things = profile([f"Smart Plug {RNG.randint(1, 60)}" for _ in range(60)])
    assert cat("entity_name", "audit_trail", things) is None
    assert cat("first_name", "audit_trail", profile(["Ana", "Wei", "Tom", "Mia"] * 15)) == "user.name"


def test_following_an_official_account_is_consent_but_its_time_is_a_date():
    assert cat("subscribe", "wx_followers", profile(["1", "1", "0"] * 30)) == "user.authorization.consent"
    epochs = profile([str(RNG.randint(1_690_000_000, 1_790_000_000)) for _ in range(60)])
    assert cat("subscribe_time", "wx_followers", epochs) is None


def test_a_head_image_url_without_extension_is_a_profile_photo():
    urls = profile([f"https://img.example.cn/mmopen/{rand(ALNUM, 60)}/132" for _ in range(60)])
    assert cat("headimgurl", "wx_followers", urls) == "user.content.self_image"


def test_a_whole_address_in_one_field_is_a_postal_address_and_a_street_line_is_a_street():
    assert is_whole_address("12 Harbour Rd, 10115 Berlin")
    assert is_whole_address("12 Harbour Rd, Lyon, 69002, France")
    assert is_whole_address("浙江省 杭州市 西湖区 文三路12号")
    assert not is_whole_address("文三路12号3栋101室") and not is_whole_address("12 Harbour Rd")
    assert not is_whole_address("Apt 3, Floor 2")
    whole = profile([f"{RNG.randint(1, 999)} Harbour Rd, {RNG.randint(10000, 99999)} Berlin" for _ in range(40)])
    street = profile([f"{RNG.randint(1, 999)} Harbour Rd" for _ in range(40)])
    cn_whole = profile([f"广东省深圳市南山区科技园路{RNG.randint(1, 300)}号" for _ in range(40)])
    assert cat("address", "members", whole) == "user.contact.address"
    assert cat("address", "members", street) == "user.contact.address.street"
    assert cat("收货地址", "订单", cn_whole) == "user.contact.address"
    assert cat("adress", "members", street) == "user.contact.address.street"  # a common misspelling


def test_hr_and_order_export_vocabulary():
    assert cat("cntry_code", "staff", profile(["DE", "CN", "US", "FR"] * 15)) == "user.contact.address.country"
    assert cat("市", "订单导出", profile(["深圳市", "杭州市", "成都市"] * 20)) == "user.contact.address.city"
    assert cat("收件人", "订单导出", profile(["王伟", "李娜", "张*", "刘**"] * 15)) == "user.name"
    assert cat("收件人手机号", "订单导出", profile(["138****1234", "13912345678"] * 30)) == "user.contact.phone_number"
    assert cat("达人ID", "订单导出", profile([str(RNG.randint(10**10, 9 * 10**11)) for _ in range(60)])) == "user.id"
    assert cat("商品ID", "订单导出", profile([str(RNG.randint(10**10, 9 * 10**11)) for _ in range(60)])) is None
    assert cat("emp_number", "staff", seq()) == "user.id"


def test_a_nickname_in_a_table_of_staff_is_a_name_but_in_a_table_of_accounts_a_username():
    nicks = profile(["Tommy", "Liz", "Sam", "Kiki", "Max", "Bea"] * 10)
    assert cat("nick_name", "hr_employee", nicks) == "user.name"
    many = profile([RNG.choice(["Tommy", "Liz", "Sam", "Kiki", "Max", "Bea"]) + str(RNG.randint(1, 99)) for _ in range(60)])
    assert cat("nick_name", "shop_users", many) == "user.account.username"


def test_a_bare_account_in_a_table_of_users_is_the_login():
    logins = profile([RNG.choice(["wx", "rt"]) + str(RNG.randint(1, 9999)) + str(RNG.randint(10**9, 2 * 10**9))
                      for _ in range(60)])
    assert cat("account", "shop_user", logins) == "user.account.username"
    assert cat("account", "ledger_entries", logins) is None


def test_an_id_that_is_sometimes_an_email_or_phone_identifies_a_person_in_a_channel():
    mixed = [f"{rand('0123456789abcdef', 8)}-4a1b-8c2d-9e3f-{rand('0123456789abcdef', 12)}" for _ in range(60)]
    mixed += [f"user{RNG.randint(1, 999)}@example.com" for _ in range(15)] + ["+1555" + rand(string.digits, 7)] * 5
    assert cat("source_id", "channel_links", profile(mixed)) == "user.id"
    numbers = profile([str(RNG.randint(10**9, 10**10 - 1)) for _ in range(80)])
    assert cat("activity_id", "workouts", numbers) is None


def test_a_sine_and_a_smoking_room_are_not_personal():
    floats = profile([f"{RNG.uniform(-1, 1):.6f}" for _ in range(60)])
    assert cat("sin", "waveforms", floats) is None
    assert cat("smoking_room", "hotel_rooms", profile(["0", "1"] * 30)) is None
