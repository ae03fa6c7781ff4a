"""Failure classes seen on the eighteenth held-out part of the real-schema corpus: one positive, one look-alike each.

Values are made up here (never real data, never corpus rows); names and tables are generic where the class allows,
not the corpus's own tables (no openIMIS, A2Billing, RosarioSIS, Netflix, Amazon or theatre-ticketing dumps).
"""

from __future__ import annotations

import random

from pia.discovery.detectors import ColumnProfile, classify_column
from tests.column_profiles import profile

RNG = random.Random(18)
FIRST = ["Ana", "Wei", "Tom", "Lea", "Omar", "Sara", "Ivan", "Mina", "Raj", "Eva", "Li", "Noah"]
LAST = ["Lima", "Zhang", "Berg", "Novak", "Haddad", "Kim", "Ortiz", "Sato", "Weber", "Costa"]


def cat(name: str, table: str, prof: ColumnProfile, siblings: tuple[str, ...] = ()) -> str | None:
    return classify_column(name, table, prof, siblings=siblings).category


def _keys(n: int = 120) -> ColumnProfile:
    return profile([str(100 + i) for i in range(n)])


def _subscriber_numbers(n: int = 120) -> ColumnProfile:
    return profile([f"44{RNG.randint(7000000000, 7999999999)}" for _ in range(n)])


# --------------------------------------------------------------------------- call parties


def test_radius_station_ids_and_redial_numbers_are_phones():
    assert cat("called_station_id", "radacct", _subscriber_numbers()) == "user.contact.phone_number"
    assert cat("redial", "subscriber", _subscriber_numbers()) == "user.contact.phone_number"
    assert cat("cid", "pinless_numbers", _subscriber_numbers()) == "user.contact.phone_number"


def test_cid_holding_row_keys_and_a_generic_party_outside_call_records_stay_unflagged():
    assert cat("cid", "comments", _keys()) is None
    assert cat("src", "packets", _subscriber_numbers()) is None


def test_generic_party_in_a_table_of_calls_is_a_phone_number():
    assert cat("src", "voip_calls", _subscriber_numbers()) == "user.contact.phone_number"


def test_a_handful_of_access_numbers_is_the_operators_own():
    access = profile([RNG.choice(["18005550100", "442070000001", "18005550101"]) for _ in range(120)])
    assert cat("dnis", "call_log", access) is None
    assert cat("dnis", "call_log", _subscriber_numbers()) == "user.contact.phone_number"


def test_card_key_in_call_records_points_to_the_subscriber_not_a_card_number():
    assert cat("card_id", "pbx_calls", _keys()) == "user.id"
    assert cat("id_prepaid_card", "callerid", _keys()) == "user.id"
    assert cat("card_id", "gift_cards", _keys()) != "user.id"


# --------------------------------------------------------------------------- accounts, secrets, devices


def test_row_key_of_a_table_with_login_password_and_name_is_the_account_holders():
    sibs = ("id", "username", "password", "firstname", "email")
    assert cat("id", "sip_subscriber", _keys(), sibs) == "user.id"
    assert cat("id", "orders", _keys(), ("id", "firstname", "email", "total")) is None


def test_portal_password_login_key_alias_and_serial_numbers():
    assert cat("web_password", "subscriber", profile([f"pw{RNG.randint(10**6, 10**7)}x" for _ in range(80)])) \
        == "user.authorization.credentials"
    assert cat("login_key", "subscriber", profile(["".join(RNG.choices("abcdefXYZ0123456789", k=20))
                                                   for _ in range(80)])) == "user.authorization.credentials.token"
    assert cat("user_alias", "subscriber", profile([str(RNG.randint(10**14, 10**15 - 1)) for _ in range(80)])) \
        == "user.account.username"
    assert cat("esn", "handsets", profile([f"NFX-{RNG.randint(10**11, 10**12 - 1):X}" for _ in range(80)])) \
        == "user.device.device_id"


# --------------------------------------------------------------------------- fields named by a number alone


def test_custom_fields_decided_by_their_values():
    gender = profile([RNG.choice(["Female", "Male"]) for _ in range(80)])
    assert cat("udf_3", "pupils", gender) == "user.demographic.gender"
    lang = profile([RNG.choice(["English", "French", "Arabic"]) for _ in range(80)])
    assert cat("field_12", "pupils", lang) == "user.demographic.language"
    phones = profile([f"({RNG.randint(201, 989)}) 555-{RNG.randint(0, 9999):04d}" for _ in range(80)])
    assert cat("cf_7", "pupils", phones) == "user.contact.phone_number"
    doctors = profile([f"Dr. {RNG.choice(FIRST)} {RNG.choice(LAST)}" for _ in range(80)])
    assert cat("custom_9", "pupils", doctors) == "user.name"
    births = profile([f"{RNG.randint(1990, 2015)}-{RNG.randint(1, 12):02d}-{RNG.randint(1, 28):02d}" for _ in range(80)])
    assert cat("extra_4", "pupils", births) == "user.demographic.date_of_birth"
    race = profile([RNG.choice(["White, Non-Hispanic", "Asian or Pacific Islander", "Hispanic"]) for _ in range(80)])
    assert cat("custom_5", "pupils", race) == "user.demographic.race_ethnicity"


def test_custom_fields_of_codes_amounts_and_recent_dates_stay_unflagged():
    assert cat("udf_3", "orders", profile([RNG.choice(["A", "B", "C"]) for _ in range(80)])) is None
    assert cat("field_12", "orders", profile([f"{RNG.randint(1, 500)}.{RNG.randint(0, 99):02d}" for _ in range(80)])) is None
    recent = profile([f"2024-{RNG.randint(1, 12):02d}-{RNG.randint(1, 28):02d}" for _ in range(80)])
    assert cat("cf_2", "orders", recent) is None


# --------------------------------------------------------------------------- viewing logs, searches, workouts


def test_titles_in_a_viewing_log_and_typed_searches_are_browsing_history():
    titles = profile([RNG.choice(["The Long Night", "Ocean Tales", "Kitchen Wars", "Moonfall", "Dune", "Heat", "Up",
                                  "Red Sky", "Alien Coast", "Jaws II", "Big Fish", "Rocky Road"]) for _ in range(80)])
    assert cat("title", "watch_history", titles) == "user.behavior.browsing_history"
    assert cat("title", "movies", titles) is None
    queries = profile([RNG.choice(["ocean", "kitch", "moon fa", "comedy", "dune", "red s", "jaws", "big fi", "alien",
                                   "rocky", "heat", "up"]) for _ in range(80)])
    assert cat("search_query", "site_searches", queries) == "user.behavior.browsing_history"


def test_durations_of_a_viewing_activity_are_no_workout():
    durations = profile([f"0:{RNG.randint(0, 59):02d}:{RNG.randint(0, 59):02d}" for _ in range(80)])
    assert cat("duration", "playback_activity", durations) is None
    assert cat("duration", "activities", durations) == "user.behavior.fitness_activity"


# --------------------------------------------------------------------------- addresses, pictures, health, households


def test_one_line_us_address_is_a_whole_address_and_a_street_line_is_not():
    whole = profile([f"{RNG.choice(FIRST)} {RNG.choice(LAST)} {RNG.randint(1, 999)} Birch Rd Dayton OH "
                     f"{RNG.randint(45400, 45499)}-{RNG.randint(1000, 9999)} USA" for _ in range(80)])
    assert cat("delivery_address", "purchases", whole) == "user.contact.address"
    street = profile([f"{RNG.randint(1, 999)} Birch Rd" for _ in range(80)])
    assert cat("delivery_address", "purchases", street) == "user.contact.address.street"


def test_bare_photo_file_names_of_a_persons_picture():
    files = profile([f"M{RNG.randint(10**5, 10**6)}_{RNG.randint(2019, 2024)}.jpg" for _ in range(80)])
    assert cat("photo_file", "member_photos", files, ("member_id", "photo_file")) == "user.content.self_image"


def test_diagnosis_as_an_icd_row_key_and_household_keys():
    assert cat("icd10_id", "encounters", _keys()) == "user.health.condition"
    assert cat("household_id", "households", _keys()) == "user.id"
    assert cat("household_id", "smart_plugs", _keys(), ("household_id", "firmware", "power")) is None


def test_staff_by_role_pointing_to_a_person_and_a_role_word_of_text():
    assert cat("officer_id", "enrolments", _keys()) == "user.id"
    assert cat("adjuster", "settlements", _keys()) == "user.id"
    assert cat("reviewer", "settlements", profile([RNG.choice(["pending", "done"]) for _ in range(80)])) is None


def test_third_party_id_of_a_member_in_chinese():
    ids = profile([f"M{RNG.randint(10**7, 10**8)}" for _ in range(80)])
    assert cat("第三方ID", "会员导入", ids, ("姓名", "电话")) == "user.id"
