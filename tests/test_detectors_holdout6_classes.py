"""Failure classes seen on the sixth held-out part of the real-schema corpus: one positive, one look-alike each.

Values are made up here (never real data); names are generic where the class allows, not the corpus's own columns.
"""

from __future__ import annotations

import random
import string

from pia.discovery.detectors import ColumnProfile, classify_column
from pia.discovery.value_patterns import decode_base64_text, is_ip_port, is_network_address, is_private_ip
from tests.column_profiles import profile

RNG = random.Random(6)
ALNUM = string.ascii_letters + string.digits
HEX = "0123456789abcdef"


def cat(name: str, table: str, prof: ColumnProfile, siblings: tuple[str, ...] = ()) -> str | None:
    return classify_column(name, table, prof, siblings=siblings).category


def rand(alphabet: str, n: int) -> str:
    return "".join(RNG.choice(alphabet) for _ in range(n))


def public_ip() -> str:
    return f"{RNG.choice([23, 45, 89, 121, 176])}.{RNG.randint(0, 255)}.{RNG.randint(0, 255)}.{RNG.randint(1, 254)}"


def test_an_ip_with_its_port_is_an_ip_address_by_its_values_alone():
    assert is_ip_port("198.51.100.7:51515") and is_ip_port("[2001:db8::1]:443")
    assert not is_ip_port("12:30:45") and not is_ip_port("10.0.0.1:99999")
    clients = profile([f"{public_ip()}:{RNG.randint(1024, 65535)}" for _ in range(80)])
    assert cat("peer:port", "lb_log", clients) == "user.device.ip_address"
    # a private network's addresses are servers or LAN devices: not where a person connects from
    targets = profile([f"10.1.{RNG.randint(0, 3)}.{RNG.randint(2, 250)}:{RNG.choice([80, 443])}" for _ in range(80)])
    assert is_private_ip("10.1.2.3:80") and is_private_ip("192.168.1.9") and not is_private_ip("23.1.2.3")
    assert cat("backend:port", "lb_log", targets) is None


def test_an_address_column_holding_network_addresses_is_no_postal_address():
    lan = profile([f"192.168.1.{RNG.randint(2, 250)}" if i % 5 else f"cam-{i}.lan" for i in range(80)])
    assert is_network_address("cam-3.lan") and not is_network_address("12 Main St")
    assert cat("Address", "nvr_inputs", lan) is None
    streets = profile([f"{RNG.randint(1, 300)} {RNG.choice(['Oak', 'Elm', 'Pine'])} Street" for _ in range(80)])
    assert cat("Address", "nvr_inputs", streets) == "user.contact.address.street"


def test_the_pending_new_address_or_number_is_contact_data():
    phones = profile([f"4477{rand(string.digits, 8)}" for _ in range(60)])
    assert cat("mobile_change", "accounts", phones) == "user.contact.phone_number"
    assert cat("mobile_change_count", "accounts", profile([str(RNG.randint(0, 3)) for _ in range(60)])) is None


def test_a_push_token_is_the_devices_id_not_a_secret():
    tokens = profile([rand(HEX, 64) for _ in range(60)])
    assert cat("pushToken", "installations", tokens) == "user.device.device_id"
    assert cat("apiToken", "installations", tokens) == "user.authorization.credentials.token"


def test_a_password_salt_is_not_a_credential_but_the_hash_is():
    import base64
    salts = profile([base64.b64encode(RNG.randbytes(12)).decode() for _ in range(60)])
    assert cat("Password Salt", "auth_export", salts) is None
    assert cat("Password Hash", "auth_export", salts) == "user.authorization.credentials"


def test_an_identity_providers_account_id_is_the_persons_id():
    ids = profile([str(RNG.randint(10**10, 10**15)) for _ in range(60)])
    assert cat("Apple ID", "auth_export", ids) == "user.id"
    assert cat("GitLab ID", "auth_export", ids) == "user.id"
    assert cat("linkedin_uid", "members_export", ids) == "user.id"
    assert cat("Template ID", "auth_export", ids) is None


def test_a_photo_in_a_table_of_people_is_their_own_picture_not_a_camera_snapshot():
    urls = profile([f"https://img.example.net/u/{rand(ALNUM, 30)}=s96" for _ in range(60)])
    people = ("Email", "Display Name", "Phone Number")
    assert cat("Photo URL", "sso_export", urls, people) == "user.content.self_image"
    assert cat("Photo URL", "alarm_events", urls, ("camera_id", "event_time")) == "user.content.camera_snapshot"


def test_a_handful_of_urls_repeated_in_every_row_is_a_template_not_content():
    templates = profile([RNG.choice(["snap.cgi?user=#U&pwd=#P", "cgi-bin/picture?ch=1", "capture.jpg?ch=1"])
                         for _ in range(80)])
    assert cat("snapshot_url", "camera_models", templates) is None
    shots = profile([f"/media/snaps/{rand(HEX, 12)}.jpg" for _ in range(80)])
    assert cat("snapshot_url", "camera_models", shots) == "user.content.camera_snapshot"


def test_a_login_kept_with_a_password_in_a_table_of_devices_is_a_credential():
    logins = profile([RNG.choice(["admin", "root", "viewer", "op1", "op2", "guest1", "svc"]) for _ in range(60)])
    assert cat("login_name", "routers", logins, ("host", "password")) == "user.authorization.credentials"
    assert cat("login_name", "members", logins, ("email", "password")) == "user.account.username"


def test_a_nickname_holding_person_names_is_the_persons_name():
    names = profile([RNG.choice("王李张刘陈杨") + rand("伟芳娜敏静丽强磊军洋", RNG.choice([1, 2])) for _ in range(60)])
    assert cat("nickname", "app_users", names) == "user.name"
    handles = profile([rand(string.ascii_lowercase, 6) + str(RNG.randint(1, 99)) for _ in range(60)])
    assert cat("nickname", "app_users", handles) == "user.account.username"


def test_who_created_or_changed_a_row_is_that_users_login_or_id():
    logins = profile([RNG.choice(["admin", "ops", "li.wei", "anna"]) for _ in range(60)])
    assert cat("updated_by", "sys_notice", logins) == "user.account.username"
    assert cat("created_by", "sys_notice", profile([str(RNG.randint(1, 400)) for _ in range(60)])) == "user.id"
    assert cat("created_by", "sys_notice", profile(["system"] * 60)) is None


def test_a_bare_pointer_to_a_user_holding_keys_is_the_users_id():
    keys = profile([rand(ALNUM, 10) for _ in range(60)])
    assert cat("owner", "_Device", keys) == "user.id"
    assert cat("owner", "_Device", profile([RNG.choice(["team a", "team b", "ops team"]) for _ in range(60)])) is None


def test_payment_platform_references_and_the_payers_bank_are_payment_data():
    refs = profile(["42" + rand(string.digits, 26) for _ in range(60)])
    assert cat("支付宝交易号", "账单", refs) == "user.payment"
    assert cat("微信退款单号", "账单", refs) == "user.payment"
    assert cat("商户退款单号", "账单", refs) == "user.order.record"
    banks = profile([RNG.choice(["ICBC_DEBIT", "CMB_CREDIT", "BOC_DEBIT", "ABC_CREDIT", "OTHERS", "CCB_DEBIT", "PAB_CREDIT"])
                     for _ in range(60)])
    assert cat("付款银行", "账单", banks) == "user.payment"
    assert cat("payer_bank", "bills", banks) == "user.payment"
    openids = profile(["o" + rand(ALNUM + "-_", 27) for _ in range(60)])
    assert cat("付款人标识", "账单", openids) == "user.id"
    assert cat("商户标识", "账单", openids) is None


def test_text_stored_base64_encoded_is_judged_decoded():
    import base64

    def b64(t: str) -> str:
        return base64.b64encode(t.encode()).decode()

    assert decode_base64_text(b64("zhang.san")) == "zhang.san"
    assert decode_base64_text("dGVzdA") is None and decode_base64_text("true") is None
    emails = profile([b64(f"{rand(string.ascii_lowercase, 7)}@example.org") for _ in range(60)])
    assert cat("payload", "inbox_rules", emails) == "user.contact.email"
    logins = profile([b64(RNG.choice(["admin", "root", "viewer"])) for _ in range(60)])
    assert cat("Username", "Cameras", logins, ("Address", "Password")) == "user.authorization.credentials"
    # random bytes in base64 (a key, a token) do not decode to text: not touched by this rule
    keys = profile([base64.b64encode(RNG.randbytes(24)).decode() for _ in range(60)])
    assert cat("payload", "inbox_rules", keys) is None
