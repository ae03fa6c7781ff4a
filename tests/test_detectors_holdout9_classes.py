"""Failure classes seen on the ninth held-out part of the real-schema corpus: one positive, one look-alike each.

Values are made up here (never real data); names and tables are generic where the class allows, not the corpus's
own columns (no OpenEMR, Vaultwarden, Rocket.Chat, TeslaMate, Zendesk, Pi-hole, Meituan or CMB tables).
"""

from __future__ import annotations

import base64
import random
import string

from pia.discovery.detectors import ColumnProfile, classify_column
from pia.discovery.vocabulary import expand_name
from tests.column_profiles import profile

RNG = random.Random(9)
HEX = "0123456789abcdef"
GIVEN = ["Ana", "Tom", "Mia", "Wei", "Omar", "Lena", "Ivan", "Sara", "Noor", "Kai", "Eva", "Raj"]
FAMILY = ["Lopez", "Chen", "Novak", "Smith", "Okafor", "Berg", "Rossi", "Haddad", "Kowalski"]


def cat(name: str, table: str, prof: ColumnProfile, siblings: tuple[str, ...] = ()) -> str | None:
    return classify_column(name, table, prof, siblings=siblings).category


def judge(name: str, table: str, prof: ColumnProfile, siblings: tuple[str, ...] = ()):
    return classify_column(name, table, prof, siblings=siblings)


def rand(alphabet: str, n: int) -> str:
    return "".join(RNG.choice(alphabet) for _ in range(n))


def uuid4() -> str:
    h = rand(HEX, 32)
    return f"{h[:8]}-{h[8:12]}-4{h[13:16]}-a{h[17:20]}-{h[20:]}"


# --------------------------------------------------------------------------- abbreviated and glued names


def test_abbreviated_and_glued_name_tokens_are_spelled_out():
    assert expand_name("cust_fname") == "cust_first_name"
    assert expand_name("emp_lname") == "emp_last_name"
    assert expand_name("fathersname") == "fathers_name"
    assert expand_name("spousephone") == "spouse_phone"
    assert expand_name("member_allowemail") == "member_allow_email"
    # words that only look glued stay whole
    for whole in ("hostname", "surname", "username", "filename", "nickname"):
        assert expand_name(whole) == whole


def test_abbreviated_name_parts_are_person_names():
    names = profile([RNG.choice(GIVEN) for _ in range(80)])
    assert cat("fname", "member", names) == "user.name"
    assert cat("LName", "student", profile([RNG.choice(FAMILY) for _ in range(80)])) == "user.name"
    # a maiden name at birth is a name, not a date of birth
    assert cat("maiden_lname", "member", profile([RNG.choice(FAMILY) for _ in range(80)])) == "user.name"
    # middle names and initials repeat: still names
    assert cat("mname", "member", profile([RNG.choice(["A", "J.", "Lee", "Marie"]) for _ in range(80)])) == "user.name"


def test_glued_role_names_are_a_persons_name_and_phone():
    people = profile([f"{RNG.choice(GIVEN)} {RNG.choice(FAMILY)}" for _ in range(80)])
    assert cat("fathersname", "pupil_record", people) == "user.name"
    phones = profile([f"+4915{RNG.randint(10**8, 10**9 - 1)}" for _ in range(80)])
    assert cat("spousephone", "pupil_record", phones) == "user.contact.phone_number"


# --------------------------------------------------------------------------- special categories by their values


def test_marital_status_under_a_bare_status_is_demographic_data():
    marital = profile([RNG.choice(["Married", "Single", "Divorced", "Widowed", "Unknown"]) for _ in range(120)])
    assert cat("status", "client_record", marital) == "user.demographic"
    # a room type's single/double is no marital status (one marital word only)
    rooms = profile([RNG.choice(["single", "double", "twin", "suite"]) for _ in range(120)])
    assert cat("room_status", "bookings", rooms) is None


def test_religion_and_sexual_orientation_by_name_and_by_values():
    faiths = profile([RNG.choice(["Catholic", "Buddhist", "Muslim", "Hindu", "Atheist", "decline"]) for _ in range(90)])
    assert cat("faith", "member", faiths) == "user.demographic.religious_belief"
    assert cat("field_7", "survey_answers", faiths) == "user.demographic.religious_belief"
    assert cat("宗教信仰", "成员", profile([RNG.choice(["佛教", "基督教", "无"]) for _ in range(60)])) \
        == "user.demographic.religious_belief"
    orient = profile([RNG.choice(["Heterosexual", "Gay", "Bisexual", "prefer_not_to_say"]) for _ in range(90)])
    assert cat("q12_answer", "intake_form", orient) == "user.sex_life"
    assert cat("sexuality", "member", profile([RNG.choice(["straight", "lesbian"]) for _ in range(60)])) \
        == "user.sex_life"
    # the orientation of an image is not a sexual orientation
    assert cat("orientation", "photos", profile([RNG.choice(["1", "3", "6", "8"]) for _ in range(60)])) is None


def test_bmi_classes_are_a_health_condition():
    classes = profile([RNG.choice(["Underweight", "Normal", "Overweight", "Obese"]) for _ in range(90)])
    assert cat("weight_category", "screenings", classes) == "user.health.condition"
    # "normal" alone says nothing about a body
    assert cat("mode", "settings", profile([RNG.choice(["normal", "dark", "compact"]) for _ in range(90)])) is None


# --------------------------------------------------------------------------- health readings


def test_vital_signs_and_body_measures_in_a_table_of_health_readings():
    sibs = ("systolic", "diastolic", "pulse", "temperature", "weight", "height", "recorded_at")
    temps = profile([f"{RNG.uniform(36.0, 39.5):.1f}" for _ in range(80)])
    assert cat("temperature", "nurse_obs", temps, sibs) == "user.health.vital_signs"
    assert cat("pulse", "nurse_obs", profile([str(RNG.randint(50, 130)) for _ in range(80)]), sibs) \
        == "user.health.vital_signs"
    weights = profile([f"{RNG.uniform(40, 120):.1f}" for _ in range(80)])
    assert cat("weight", "nurse_obs", weights, sibs) == "user.health"
    assert cat("height", "nurse_obs", profile([str(RNG.randint(140, 200)) for _ in range(80)]), sibs) == "user.health"
    # names that say so decide without context
    assert cat("spo2", "readings", profile([str(RNG.randint(90, 100)) for _ in range(80)])) == "user.health.vital_signs"
    assert cat("bmi", "member", profile([f"{RNG.uniform(17, 40):.1f}" for _ in range(80)])) == "user.health"
    # a product's weight or a sensor's temperature is nobody's health
    assert cat("weight", "parcels", weights, ("length", "width", "tracking_no")) is None
    assert cat("temperature", "sensor_readings", temps, ("device_id", "humidity", "ts")) is None


# --------------------------------------------------------------------------- consent flags


def test_permission_flags_are_consent_records():
    yn = profile([RNG.choice(["YES", "NO", "NO"]) for _ in range(80)])
    assert cat("gdpr_newsletter", "subscriber", yn) == "user.authorization.consent"
    assert cat("allowtext", "member", yn) == "user.authorization.consent"
    assert cat("permit_research_data_share", "participant", yn) == "user.authorization.consent"
    # the same names over values that are no flags say nothing
    assert cat("gdpr_request_note", "subscriber", profile([f"note {i}" for i in range(80)])) is None


# --------------------------------------------------------------------------- ids of people, devices and vehicles


def test_ids_of_people_by_role_key_and_uuid():
    keys = profile([str(RNG.randint(1, 400)) for _ in range(80)])
    assert cat("physician_id", "appointments", keys) == "user.id"
    # a provider named by words is an identity provider, not a person
    assert cat("provider_id", "identity_links", profile([RNG.choice(["google", "github", "apple"]) for _ in range(80)])) \
        is None
    assert cat("member_uuid", "sessions_log", profile([uuid4() for _ in range(80)])) == "user.id"
    assert cat("id", "patient", profile([str(i) for i in range(1, 81)])) == "user.id"
    assert cat("pid", "clinic_patient", profile([str(i) for i in range(1, 81)])) == "user.id"
    assert cat("pid", "processes", profile([str(RNG.randint(100, 9999)) for _ in range(80)])) is None
    # a storage folder's id shared by every row of a table of users is no person's number
    assert cat("pid", "site_users", profile([RNG.choice(["12", "14"]) for _ in range(80)])) is None
    assert cat("auth_github_id", "accounts_export", profile([str(RNG.randint(10**6, 10**8)) for _ in range(80)])) \
        == "user.id"


def test_vehicle_identification_numbers_and_ids():
    def vin() -> str:
        return rand("ABCDEFGHJKLMNPRSTUVWXYZ0123456789", 13) + f"{RNG.randint(0, 9999):04d}"

    vins = profile([vin() for _ in range(80)])
    assert cat("vin", "rentals", vins) == "user.device.device_id"
    assert cat("vehicle_id", "trips", profile([str(RNG.randint(1, 5)) for _ in range(80)])) == "user.device.device_id"
    maker_ids = profile([str(RNG.randint(10**11, 10**15)) for _ in range(80)])
    assert cat("oid", "vehicles", maker_ids, ("id", "vin", "model")) == "user.device.device_id"
    # a model's small code in the same table is no id of a car
    assert cat("model_id", "vehicles", profile([str(RNG.randint(1, 9)) for _ in range(80)]), ("id", "vin")) is None


def test_device_keys_and_push_ids():
    uuids = profile([uuid4() for _ in range(80)])
    assert cat("uuid", "user_devices", uuids) == "user.device.device_id"
    assert cat("push_uuid", "app_clients", uuids) == "user.device.device_id"
    # a table of devices keyed by row numbers: a database key
    assert cat("uuid", "user_devices", profile([str(i) for i in range(80)])) is None


def test_personal_device_host_names_under_a_name_column():
    hosts = profile([RNG.choice([f"{RNG.choice(GIVEN)}s-iPhone", f"{RNG.choice(GIVEN).lower()}-laptop.lan",
                                 f"DESKTOP-{rand(string.ascii_uppercase + string.digits, 7)}"]) for _ in range(80)])
    assert cat("name", "dhcp_leases", hosts) == "user.device.device_id"
    # host names of servers are not a person's device
    servers = profile([f"srv-{RNG.randint(1, 60)}.dc.example.net" for _ in range(80)])
    assert cat("name", "dhcp_leases", servers) != "user.device.device_id"


def test_client_address_and_domains_of_a_dns_log():
    lan = profile([f"192.168.1.{RNG.randint(2, 254)}" for _ in range(80)])
    assert cat("client", "dns_queries", lan) == "user.device.ip_address"
    assert cat("client", "invoices", profile([RNG.choice(["Acme", "Globex", "Initech"]) for _ in range(80)])) is None
    domains = profile([RNG.choice(["news.example.com", "shop.example.org", "cdn.example.net", "mail.example.com",
                                   "video.example.tv"]) for _ in range(80)])
    assert cat("qname", "dns_queries", domains) == "user.behavior.browsing_history"
    # a web server's log names its own site
    assert cat("domain_name", "lb_access_log", domains) is None


# --------------------------------------------------------------------------- secrets


def envelope() -> str:
    b = lambda n: base64.b64encode(RNG.randbytes(n)).decode()  # noqa: E731 - a one-line helper
    return f"2.{b(16)}|{b(48)}|{b(32)}"


def test_encrypted_keys_and_private_keys_are_credentials_stored_encrypted():
    keys = profile([envelope() for _ in range(60)])
    j = judge("ukey", "accounts", keys)
    assert (j.category, j.stored_form) == ("user.authorization.credentials", "encrypted")
    j = judge("private_key", "wallet_owner", keys)
    assert (j.category, j.stored_form) == ("user.authorization.credentials", "encrypted")
    # a public key is published by design
    assert cat("public_key", "wallet_owner", profile([base64.b64encode(RNG.randbytes(64)).decode() for _ in range(60)])) \
        != "user.authorization.credentials"


def test_remember_tokens_security_stamps_and_recovery_codes():
    tokens = profile([base64.b64encode(RNG.randbytes(48)).decode() for _ in range(60)])
    assert cat("remember_device", "browser_sessions", tokens) == "user.authorization.credentials.token"
    assert cat("remember_me", "browser_sessions", profile([RNG.choice(["0", "1"]) for _ in range(60)])) is None
    assert cat("SecurityStamp", "AspNetUsers", profile([uuid4() for _ in range(60)])) \
        == "user.authorization.credentials.token"
    codes = profile([rand("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", 32) for _ in range(60)])
    assert cat("mfa_recovery", "operators", codes) == "user.authorization.credentials"


def test_key_derivation_parameters_colours_and_vendors_are_metadata():
    assert cat("pwd_iterations", "accounts", profile([RNG.choice(["600000", "310000"]) for _ in range(60)])) is None
    assert cat("avatar_colour", "members", profile(["#" + rand(HEX, 6) for _ in range(60)])) is None
    assert cat("mac_vendor", "lan_hosts", profile([RNG.choice(["Apple, Inc.", "Intel Corporate"]) for _ in range(60)])) \
        is None
    assert cat("avatarETag", "members", profile([rand(string.ascii_letters, 17) for _ in range(60)])) is None


def test_us_social_security_numbers_by_their_values():
    ssns = profile([f"{RNG.randint(1, 665):03d}-{RNG.randint(1, 99):02d}-{RNG.randint(1, 9999):04d}" for _ in range(60)])
    assert cat("s_no", "clients", ssns) == "user.government_id.national_identification_number"


# --------------------------------------------------------------------------- names, aliases, places, things


def test_alias_in_a_table_of_people_is_a_name():
    assert cat("alias", "members", profile([RNG.choice(GIVEN) for _ in range(80)])) == "user.name"
    # an alias of a host is no person's name, nor is an alias outside a table of people
    assert cat("alias", "members", profile([f"edge-{RNG.randint(1, 90)}.cdn" for _ in range(80)])) is None
    assert cat("alias", "dns_records", profile([RNG.choice(GIVEN) for _ in range(80)])) is None


def test_a_few_names_repeated_over_many_rows_name_things():
    shops = profile([RNG.choice(["Corner Shop", "Bakery", "Fuel Station", "Mall", "Pharmacy"]) for _ in range(120)])
    assert cat("name", "stops", shops) is None
    # a few full names (a handful of callers) stay names
    callers = profile([RNG.choice(["Ana Lopez", "Tom Smith", "Wei Chen"]) for _ in range(120)])
    assert cat("name", "call_log", callers) == "user.name"


def test_a_written_out_place_beside_coordinates_is_a_location():
    places = profile([f"{RNG.randint(1, 200)}, {RNG.choice(['Elm Street', 'Hauptstraße'])}, "
                      f"{RNG.choice(['Springfield', 'Berlin'])}, {RNG.randint(10000, 99999)}, "
                      f"{RNG.choice(['USA', 'Germany'])}" for _ in range(80)])
    assert cat("display_name", "geocoded_stops", places, ("latitude", "longitude")) == "user.location.precise"
    assert cat("display_name", "mailing_list", places) == "user.contact.address"


def test_a_bare_user_pointer_with_logins_is_the_username():
    logins = profile([RNG.choice(["jdoe", "m.kim", "admin", "lchen", "rpatel"]) for _ in range(80)])
    assert cat("user", "lab_results", logins) == "user.account.username"
    # one system account is nobody's login
    assert cat("user", "lab_results", profile(["system"] * 40 + ["cron"] * 40)) is None


# --------------------------------------------------------------------------- financial


def test_income_of_a_person_is_financial_data():
    incomes = profile([str(RNG.randint(0, 15000)) for _ in range(80)])
    assert cat("annual_income", "applicant", incomes) == "user.financial"
    assert cat("月收入", "客户", incomes) == "user.financial"
    # a ledger's income is the firm's
    assert cat("income", "ledger_entries", incomes) is None


def test_bank_statement_balance_and_counterparty():
    balances = profile([f"{RNG.uniform(1, 50000):,.2f}" for _ in range(80)])
    assert cat("余额", "银行流水", balances) == "user.financial.bank_account"
    assert cat("running_balance", "bank_statement", balances) == "user.financial.bank_account"
    # a shop's stored-value balance is not a bank account
    assert cat("余额", "会员储值", balances) is None
    parties = profile([RNG.choice([f"王芳 6217{rand(string.digits, 12)}", f"Acme Ltd {rand(string.digits, 16)}",
                                   "ATM"]) for _ in range(80)])
    assert cat("对方信息", "银行流水", parties) == "user.financial.account_number"
    assert cat("counterparty", "bank_statement", parties) == "user.financial.account_number"
    assert cat("counterparty", "bank_statement", profile([RNG.choice(["Acme Ltd", "Globex"]) for _ in range(80)])) \
        is None
