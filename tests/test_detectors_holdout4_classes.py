"""Failure classes seen on the fourth held-out part of the real-schema corpus: one positive, one look-alike each.

Values are made up here (never real data); names are generic where the class allows, not the corpus's own columns.
"""

from __future__ import annotations

import base64
import json
import random

from pia.discovery.detectors import ColumnProfile, classify_column
from tests.column_profiles import profile

RNG = random.Random(4)
HEX = "0123456789abcdef"


def cat(name: str, table: str, prof: ColumnProfile, siblings: tuple[str, ...] = ()) -> str | None:
    return classify_column(name, table, prof, siblings=siblings).category


def ints(lo: int, hi: int, n: int = 80) -> ColumnProfile:
    return profile([str(RNG.randint(lo, hi)) for _ in range(n)])


def hexes(n: int, length: int = 32) -> list[str]:
    return ["".join(RNG.choice(HEX) for _ in range(length)) for _ in range(n)]


PERSON_NAMES = ["Ana Lima", "Wei Zhang", "Tom Berg", "Mia Rossi", "Omar Haddad", "Lea Roux", "Ivan Petrov", "Sara Kim"]


def test_the_name_of_a_software_library_or_plugin_is_not_a_person():
    libs = profile([RNG.choice(["analytics.js", "analytics-ios", "analytics-android", "tracker-node"]) for _ in range(80)])
    assert cat("context_library_name", "tracks", libs) is None
    assert cat("plugin_name", "installs", libs) is None
    assert cat("contact_name", "leads", profile([RNG.choice(PERSON_NAMES) for _ in range(80)])) == "user.name"


def test_a_bare_name_in_a_table_of_events_names_the_event():
    events = profile([RNG.choice(["pageview", "pageview", "Signup", "Outbound Link: Click", "404"]) for _ in range(80)])
    assert cat("name", "events", events) is None
    assert cat("name", "event", events) is None
    people = profile([RNG.choice(PERSON_NAMES) for _ in range(80)])
    assert cat("name", "users", people) == "user.name"
    assert cat("name", "event_attendees", people) == "user.name"  # a table of people about an event


def test_a_count_of_failed_logins_is_not_a_username():
    assert cat("login_failed", "users", ints(0, 4)) is None
    assert cat("password_failures", "accounts", ints(0, 9)) is None
    logins = profile([f"{RNG.choice(['ana', 'wei', 'tom'])}{RNG.randint(1, 999)}" for _ in range(80)])
    assert cat("login", "users", logins) == "user.account.username"


def test_small_numbers_contradict_a_name_of_a_person_but_not_a_house_number():
    assert cat("nickname", "members", ints(0, 12)) is None
    assert cat("first_name", "members", ints(0, 3)) is None
    assert cat("nickname", "members", profile([f"{RNG.choice(['ana', 'wei'])}_{RNG.randint(1, 99)}" for _ in range(80)])) \
        == "user.account.username"
    assert cat("street_number", "shipments", ints(1, 300)) == "user.contact.address.street"


def uint64_hashes(n: int = 120) -> ColumnProfile:
    return profile([str(RNG.randrange(2**64)) for _ in range(n)])


def test_ids_that_are_64_bit_hash_outputs_are_pseudonymous():
    j = classify_column("user_id", "pageviews", uint64_hashes())
    assert j.category == "user.id.pseudonymous"
    assert any("hash outputs" in e for e in j.evidence)
    assert cat("session_id", "events", uint64_hashes()) == "user.id.pseudonymous"
    # stored signed, half the outputs are negative
    signed = profile([str(RNG.randrange(2**64) - 2**63) for _ in range(120)])
    assert cat("visitor_id", "hits", signed) == "user.id.pseudonymous"


def test_database_keys_and_snowflake_ids_stay_user_ids():
    snowflakes = profile([str(RNG.randint(1_100_000_000_000_000_000, 1_300_000_000_000_000_000)) for _ in range(120)])
    assert cat("user_id", "messages", snowflakes) == "user.id"
    assert cat("user_id", "orders", ints(1, 90_000)) == "user.id"


def test_a_session_id_next_to_pages_and_bounces_is_a_visit_not_a_login_session():
    uuids = profile(["-".join(("".join(RNG.choice(HEX) for _ in range(k))) for k in (8, 4, 4, 4, 12)) for _ in range(80)])
    visit = ("user_id", "entry_page", "exit_page", "pageviews", "is_bounce", "duration")
    assert cat("session_id", "sessions", uuids, visit) == "user.device.cookie_id"
    login = ("user_id", "payload", "last_activity")
    assert cat("session_id", "sessions", uuids, login) == "user.authorization.credentials.token"


def test_a_gazetteer_number_of_a_city_or_country_is_the_place():
    geonames = profile([RNG.choice(["2950159", "1795565", "4671654", "2996944", "5128581", "0"]) for _ in range(80)])
    assert cat("city_geoname_id", "visits", geonames) == "user.contact.address.city"
    assert cat("country_geoname_id", "visits", geonames) == "user.contact.address.country"
    # the key of a private record of a city is still a key
    assert cat("city_id", "visits", ints(1, 400)) is None


def test_a_random_secret_among_placeholders_in_a_table_of_accounts_is_a_token():
    values = [RNG.choice(["", "0", "0", h]) for h in hexes(120)]
    j = classify_column("activation", "members", profile(values))
    assert j.category == "user.authorization.credentials.token"
    assert j.stored_form == "digest"
    # placeholders alone, or a handful of codes repeated, are no secrets
    assert cat("activation", "members", profile([RNG.choice(["0", "1", "2"]) for _ in range(120)])) is None


def test_random_base64_in_a_table_of_accounts_is_a_secret_and_paths_are_not():
    blobs = profile([base64.b64encode(RNG.randbytes(48)).decode() for _ in range(60)])
    assert cat("blob", "users", blobs) == "user.authorization.credentials.token"
    paths = profile([f"/srv/data/{RNG.choice(['avatars', 'exports'])}/u{RNG.randint(1, 10**6)}/file.bin"
                     for _ in range(60)])
    assert cat("blob", "users", paths) is None
    assert cat("public_key", "users", blobs) is None  # published by design, not a secret


def test_one_time_emergency_and_recovery_codes_are_credentials():
    blobs = profile([base64.b64encode(RNG.randbytes(72)).decode() for _ in range(60)])
    assert cat("otep", "users", blobs) == "user.authorization.credentials"
    assert cat("recovery_codes", "accounts", blobs) == "user.authorization.credentials"
    assert cat("recovery_codes_count", "accounts", ints(0, 10)) is None


def test_entry_exit_and_page_paths_are_browsing_history():
    paths = profile([RNG.choice(["/", "/pricing", "/docs/install", f"/cameras/{RNG.randint(1, 300)}"]) for _ in range(80)])
    assert cat("entry_page", "visits_export", paths) == "user.behavior.browsing_history"
    assert cat("exit_page", "visits_export", paths) == "user.behavior.browsing_history"
    assert cat("context_page_path", "tracks", paths) == "user.behavior.browsing_history"
    assert cat("entry_page_count", "visits_export", ints(0, 20)) is None


def gps_attrs(i: int) -> str:
    if i % 5 < 3:
        return json.dumps({"source_type": "gps", "latitude": round(RNG.uniform(-60, 60), 6),
                           "longitude": round(RNG.uniform(-170, 170), 6), "gps_accuracy": RNG.randint(4, 60)})
    return json.dumps({"unit_of_measurement": "°C", "friendly_name": f"Sensor {i}"})


def test_json_attributes_holding_gps_fixes_are_a_precise_location():
    j = classify_column("attrs", "entity_attributes", profile([gps_attrs(i) for i in range(100)]))
    assert j.category == "user.location.precise"
    assert j.detector == "precise_location"


def test_json_places_and_coarse_coordinates_are_not_a_precise_location_by_values():
    places = profile([json.dumps({"city": RNG.choice(["Berlin", "Lyon"]), "latitude": f"{RNG.uniform(40, 55):.5f}",
                                  "longitude": f"{RNG.uniform(2, 14):.5f}"}) for _ in range(80)])
    assert cat("attrs", "entity_attributes", places) is None
    coarse = profile([json.dumps({"latitude": round(RNG.uniform(40, 55), 2), "longitude": round(RNG.uniform(2, 14), 2)})
                      for _ in range(80)])
    assert cat("attrs", "entity_attributes", coarse) is None


def test_chinese_directory_headers_for_account_alias_landline_and_fax():
    logins = profile([f"{RNG.choice(['zhangsan', 'lisi', 'wangwu'])}{RNG.randint(1, 99):02d}" for _ in range(80)])
    assert cat("账号", "成员", logins) == "user.account.username"
    alias = profile([RNG.choice(["Ethan", "Grace", "Leo", "Cindy", "Kevin", "Vivian"]) for _ in range(80)])
    assert cat("别名", "成员", alias) == "user.name"
    landline = profile([f"0{RNG.choice(['755', '571', '21'])}-{RNG.randint(10**7, 10**8 - 1)}" for _ in range(80)])
    assert cat("座机", "成员", landline) == "user.contact.phone_number"
    assert cat("传真", "成员", landline) == "user.contact.phone_number"


def test_a_payment_platform_account_keeps_its_longer_name():
    emails = profile([f"u{RNG.randint(1, 9999)}@example.com" for _ in range(80)])
    assert cat("买家支付宝账号", "订单", emails) == "user.financial.account_number"
    assert cat("银行账号", "客户", ints(10**15, 10**16)) == "user.financial.bank_account"


def test_a_random_64_bit_session_id_in_a_login_session_store_stays_a_token():
    login = ("user_id", "payload", "last_activity")
    assert cat("session_id", "sessions", uint64_hashes(), login) == "user.authorization.credentials.token"
