"""Failure classes seen on the fifteenth held-out part of the real-schema corpus (and the rest of the twelfth's): one
positive, one look-alike each.

Values are made up here (never real data, never corpus rows); names and tables are generic where the class allows,
not the corpus's own tables (no FreeRADIUS, listmonk, OpenVPN, Telegram, Chrome, CiviCRM, PhotoPrism, Authelia or
CloudTrail dumps).
"""

from __future__ import annotations

import random
import string

from pia.discovery.detectors import ColumnProfile, classify_column, classify_eav_value, eav_key_column
from tests.column_profiles import profile

RNG = random.Random(15)
FIRST = ["Ana", "Wei", "Tom", "Lea", "Omar", "Sara", "Ivan", "Mina", "Raj", "Eva", "Li", "Noah"]
LAST = ["Lima", "Zhang", "Berg", "Novak", "Haddad", "Kim", "Ortiz", "Sato", "Weber", "Costa"]
PEOPLE_SIBS = ("first_name", "last_name", "email", "phone")


def cat(name: str, table: str, prof: ColumnProfile, siblings: tuple[str, ...] = ()) -> str | None:
    return classify_column(name, table, prof, siblings=siblings).category


def _flags(n: int = 120) -> ColumnProfile:
    return profile([RNG.choice(["0", "0", "0", "1"]) for _ in range(n)])


def _keys(n: int = 120, start: int = 1000) -> ColumnProfile:
    return profile([str(start + i) for i in range(n)])


# --------------------------------------------------------------------------- objections to a channel, subscription states


def test_do_not_channel_flags_are_consent_records():
    for name in ("do_not_post", "do_not_text", "dont_sell", "DoNotFax"):
        assert cat(name, "supporters", _flags(), PEOPLE_SIBS) == "user.authorization.consent", name


def test_do_not_disturb_and_delete_flags_are_not_consents():
    assert cat("do_not_disturb", "extensions", _flags()) is None
    assert cat("do_not_delete", "documents", _flags()) is None


def test_subscription_states_are_a_consent_record():
    states = profile([RNG.choice(["subscribed", "subscribed", "unsubscribed", "pending"]) for _ in range(150)])
    assert cat("status", "mailing_members", states) == "user.authorization.consent"
    opted = profile([RNG.choice(["opted_in", "opted_in", "opted_out"]) for _ in range(150)])
    assert cat("list_state", "audience", opted) == "user.authorization.consent"


def test_confirmed_order_states_are_not_a_consent():
    states = profile([RNG.choice(["confirmed", "pending", "shipped", "cancelled"]) for _ in range(150)])
    assert cat("status", "bookings", states) is None
    confirmed = profile([RNG.choice(["confirmed", "unconfirmed", "pending"]) for _ in range(150)])
    assert cat("status", "reservations", confirmed) is None


# --------------------------------------------------------------------------- how a letter addresses the person


def test_salutation_built_from_the_name_is_the_name():
    hello = profile([f"Hello {RNG.choice(FIRST)}," for _ in range(120)])
    assert cat("letter_salutation", "donors", hello, PEOPLE_SIBS) == "user.name"
    mr = profile([f"{RNG.choice(['Mr.', 'Mrs.', 'Prof.'])} {RNG.choice(FIRST)} {RNG.choice(LAST)}" for _ in range(120)])
    assert cat("mailing_name", "members", mr, PEOPLE_SIBS) == "user.name"


def test_greeting_template_or_text_is_not_a_name():
    texts = profile([RNG.choice(["Welcome back!", "Good morning", "Thanks for joining us today"]) for _ in range(120)])
    assert cat("greeting", "kiosk_screens", texts) is None
    codes = profile([RNG.choice(["1", "2", "3"]) for _ in range(120)])
    assert cat("salutation", "members", codes, PEOPLE_SIBS) is None


# --------------------------------------------------------------------------- who sent a message


def test_sender_of_a_message_is_the_persons_name_and_id():
    sibs = ("message_id", "body", "sent_at", "sender_id")
    names = profile([RNG.choice([f"{RNG.choice(FIRST)} {RNG.choice(LAST)}", RNG.choice(FIRST)]) for _ in range(150)])
    assert cat("sender", "sms_archive", names, sibs) == "user.name"
    ids = profile([f"u{RNG.randint(10**6, 10**8)}" for _ in range(150)])
    assert cat("sender_id", "sms_archive", ids, ("message_id", "body", "sent_at", "sender")) == "user.id"


def test_from_and_to_of_a_range_or_a_route_are_not_people():
    cities = profile([RNG.choice(["New York", "San Diego", "Los Angeles", "Las Vegas"]) for _ in range(150)])
    assert cat("from", "flights", cities, ("to", "carrier", "departure", "fare")) is None
    numbers = profile([str(RNG.randint(1, 500)) for _ in range(150)])
    assert cat("from_id", "transfers", numbers, ("to_id", "amount", "currency")) is None


# --------------------------------------------------------------------------- an attribute kept as an option code


def test_coded_gender_is_the_gender():
    codes = profile([RNG.choice(["1", "2", "2", "9"]) for _ in range(120)])
    assert cat("gender_id", "donor", codes, PEOPLE_SIBS) == "user.demographic.gender"
    assert cat("marital_status_id", "employee", profile([RNG.choice("12345") for _ in range(120)]), PEOPLE_SIBS) \
        == "user.demographic"


def test_key_to_a_record_about_gender_stays_a_key():
    # many distinct keys: a pointer to a record (a survey's answer row), not an option code
    assert cat("gender_id", "survey_answers", _keys(), ("question_id", "score")) is None


# --------------------------------------------------------------------------- a per-person secret under a bare name


def test_random_hash_per_row_of_a_table_of_contacts_is_a_token():
    hexes = profile(["".join(RNG.choice("0123456789abcdef") for _ in range(32)) for _ in range(120)])
    assert cat("hash", "patients", hexes, PEOPLE_SIBS) == "user.authorization.credentials.token"


def test_file_hash_of_a_table_of_documents_is_not():
    hexes = profile(["".join(RNG.choice("0123456789abcdef") for _ in range(32)) for _ in range(120)])
    assert cat("hash", "attachments", hexes, ("file_name", "size", "mime_type")) is None


# --------------------------------------------------------------------------- logins under a name field


def test_lower_case_logins_under_a_name_field_are_usernames():
    logins = profile([f"{RNG.choice(FIRST).lower()}{RNG.choice(['.', '_', ''])}{RNG.choice(LAST).lower()}"
                      for _ in range(150)])
    assert cat("common_name", "vpn_certificates", logins) == "user.account.username"


def test_capitalised_names_under_a_name_field_stay_names():
    names = profile([f"{RNG.choice(FIRST)} {RNG.choice(LAST)}" for _ in range(150)])
    assert cat("common_name", "directory", names) == "user.name"


def test_login_mostly_emails_is_the_email():
    vals = [f"{RNG.choice(FIRST).lower()}{RNG.randint(1, 999)}@example.org" if RNG.random() < 0.7
            else f"{RNG.choice(LAST).lower()}{RNG.randint(1, 99)}" for _ in range(150)]
    assert cat("login", "saved_logins", profile(vals), ("site", "secret")) == "user.contact.email"


def test_login_mostly_handles_stays_the_username():
    vals = [f"{RNG.choice(FIRST).lower()}{RNG.randint(1, 999)}@example.org" if RNG.random() < 0.3
            else f"{RNG.choice(LAST).lower()}{RNG.randint(1, 99)}" for _ in range(150)]
    assert cat("username", "saved_logins", profile(vals), ("site", "password")) == "user.account.username"


def test_bare_name_with_a_few_labels_is_the_records_label():
    labels = profile([RNG.choice(["Office", "Billing"]) for _ in range(100)])
    assert cat("name", "contact_locations", labels, ("street", "city", "zip")) is None


# --------------------------------------------------------------------------- addresses given to a person's device


def test_tunnel_address_of_a_vpn_client_is_the_devices_ip():
    tunnel = profile([f"172.16.{RNG.randint(0, 3)}.{RNG.randint(2, 254)}" for _ in range(150)])
    assert cat("tunnel_ip", "vpn_sessions", tunnel) == "user.device.ip_address"
    assert cat("assigned_address", "dhcp_leases", tunnel) == "user.device.ip_address"


def test_address_of_the_providers_equipment_is_not_personal():
    gear = profile([RNG.choice(["192.0.2.1", "192.0.2.2", "198.51.100.9", "203.0.113.4"]) for _ in range(150)])
    assert cat("gateway_ip", "accounting", gear) is None
    assert cat("NAS-IP-Address", "auth_log", gear) is None


# --------------------------------------------------------------------------- provider of a phone line


def test_carrier_of_a_phone_line_is_a_company():
    assert cat("cellular_provider_id", "phones", profile([RNG.choice("123") for _ in range(60)])) is None


def test_care_provider_stays_a_person():
    assert cat("primary_provider_id", "appointments", _keys()) == "user.id"


# --------------------------------------------------------------------------- attribute-value tables


def _eav(keys: list[str], values: list[str]) -> str | None:
    j = classify_eav_value("attr_value", "user_attributes", profile(values), "attr_name", profile(keys))
    return None if j is None else j.category


def test_value_column_of_mostly_passwords_is_a_credential():
    assert eav_key_column("attr_value", ("id", "user", "attr_name", "attr_value")) == "attr_name"
    keys = [RNG.choice(["User-Password", "User-Password", "User-Password", "Session-Timeout"]) for _ in range(120)]
    values = [("".join(RNG.choice(string.ascii_letters) for _ in range(8)) + str(RNG.randint(1, 99)))
              if k == "User-Password" else "3600" for k in keys]
    assert _eav(keys, values) == "user.authorization.credentials"


def test_value_column_of_settings_is_not_personal():
    keys = [RNG.choice(["Session-Timeout", "Idle-Timeout", "Simultaneous-Use", "User-Password"]) for _ in range(120)]
    values = ["".join(RNG.choice(string.ascii_letters) for _ in range(8)) if k == "User-Password" else "60" for k in keys]
    assert _eav(keys, values) is None
    assert eav_key_column("value", ("id", "created_at", "value")) is None


# --------------------------------------------------------------------------- the twelfth part's remaining classes


def test_tenant_account_shared_by_all_rows_is_not_a_person():
    accounts = profile([RNG.choice(["550011223344", "550099887766"]) for _ in range(150)])
    assert cat("tenant_account_id", "audit_events", accounts) is None


def test_account_id_of_each_row_stays_a_person():
    assert cat("account_id", "audit_events", _keys()) == "user.id"


def test_principal_id_is_the_persons_identity():
    ids = profile(["P" + "".join(RNG.choice(string.ascii_uppercase + string.digits) for _ in range(16)) for _ in range(90)])
    assert cat("principal_id", "access_log", ids) == "user.id"


def test_second_factor_method_is_an_account_setting():
    methods = profile([RNG.choice(["totp", "sms", "security_key"]) for _ in range(90)])
    assert cat("mfa_method", "accounts", methods) == "user.account.settings"


def test_shared_secret_of_an_authenticator_is_a_credential():
    b32 = profile(["".join(RNG.choice(string.ascii_uppercase + "234567") for _ in range(32)) for _ in range(90)])
    assert cat("secret", "otp_devices", b32, ("user_id", "digits", "period")) == "user.authorization.credentials"
    assert cat("secret", "webhooks", b32, ("url", "events")) == "user.authorization.credentials.token"


def test_picture_folder_holds_no_picture():
    folders = profile([RNG.choice([f"{RNG.randint(2016, 2024)}/{RNG.randint(1, 12):02d}", "Camera Roll", "Screenshots/Old"])
                       for _ in range(120)])
    assert cat("photo_folder", "media", folders) is None
    files = profile([f"{RNG.randint(2016, 2024)}/{RNG.randint(1, 12):02d}/IMG_{RNG.randint(1000, 9999)}.jpg"
                     for _ in range(120)])
    assert cat("photo_path", "media", files) is not None


def test_small_camera_number_is_an_equipment_key():
    assert cat("camera_id", "pictures", profile([str(RNG.randint(1, 40)) for _ in range(120)])) is None


def test_key_column_of_many_distinct_words_is_no_attribute_list():
    keys = [f"password_{i}" for i in range(300)]
    assert _eav(keys, ["x" * 8 + str(i) for i in range(300)]) is None


def test_virtual_address_of_street_lines_is_not_an_ip():
    streets = profile([f"{RNG.randint(1, 300)} {RNG.choice(['Main St', 'Oak Ave', 'High Rd'])}" for _ in range(120)])
    assert cat("virtual_address", "mailbox_clients", streets) != "user.device.ip_address"


def test_salutation_alone_is_not_a_name():
    titles = profile([RNG.choice(["Mr.", "Ms.", "Mrs.", "Dr.", "Prof.", "Mx."]) for _ in range(120)])
    assert cat("salutation", "leads", titles, PEOPLE_SIBS) != "user.name"


def test_sender_email_of_a_message_stays_an_email():
    emails = profile([f"{RNG.choice(FIRST).lower()}{RNG.randint(1, 999)}@example.net" for _ in range(120)])
    assert cat("from", "mail_messages", emails, ("subject", "body", "to")) == "user.contact.email"
