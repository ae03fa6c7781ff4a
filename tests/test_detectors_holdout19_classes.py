"""Failure classes seen on the nineteenth and twentieth held-out parts of the real-schema corpus: positives, look-alikes.

Values are made up here (never real data, never corpus rows); names and tables are generic where the class allows,
not the corpus's own tables (no Open Dental, Easy!Appointments, sky-take-out, Chamilo, Spotify, Twilio, TechKhedut or
OpenPetra dumps).
"""

from __future__ import annotations

import random
import string

from pia.discovery.detectors import ColumnProfile, classify_column
from tests.column_profiles import profile

RNG = random.Random(19)
FIRST = ["Ana", "Wei", "Tom", "Lea", "Omar", "Sara", "Ivan", "Mina", "Raj", "Eva", "Li", "Noah"]
LAST = ["Lima", "Zhang", "Berg", "Novak", "Haddad", "Kim", "Ortiz", "Sato", "Weber", "Costa"]


def cat(name: str, table: str, prof: ColumnProfile, siblings: tuple[str, ...] = ()) -> str | None:
    return classify_column(name, table, prof, siblings=siblings).category


def _keys(lo: int = 1, hi: int = 4000, n: int = 120) -> ColumnProfile:
    return profile([str(RNG.randint(lo, hi)) for _ in range(n)])


# --------------------------------------------------------------------------- values that contradict the name


def test_operator_and_brand_names_under_a_phone_word_are_no_phone_numbers():
    carriers = profile([RNG.choice(["Vodafone", "Orange", "Telstra", "Movistar", "Airtel", "Jio", "Claro", "Tim"])
                        for _ in range(80)])
    assert cat("phoneCarrier", "subscribers", carriers) is None
    assert cat("mobile_network", "subscribers", carriers) is None
    numbers = profile([f"+44 7{RNG.randint(100, 999)} {RNG.randint(100000, 999999)}" for _ in range(80)])
    assert cat("mobile_network", "subscribers", numbers) == "user.contact.phone_number"


def test_a_platforms_id_of_a_number_is_no_phone_number():
    sids = profile(["NU" + "".join(RNG.choices("0123456789abcdef", k=30)) for _ in range(80)])
    assert cat("phone_ref", "sms_log", sids) is None
    assert cat("phone", "sms_log", profile([f"+1{RNG.randint(2012000000, 9899999999)}" for _ in range(80)])) \
        == "user.contact.phone_number"


# --------------------------------------------------------------------------- places


def test_single_axis_coordinates_with_zero_for_not_geocoded_are_precise():
    lat = profile(["0" if i % 5 == 0 else f"{48 + RNG.uniform(-0.1, 0.1):.6f}" for i in range(100)])
    assert cat("home_lat_f", "members_addr", lat) == "user.location.precise"
    assert cat("x_geo_longitude_n", "members_addr", lat) == "user.location.precise"


def test_the_key_of_a_location_record_is_no_place():
    assert cat("x_location_key_i", "sites", profile([str(i) for i in range(1, 120)])) is None


def test_field_work_clock_in_place_is_precise_and_a_desk_address_is_not_flagged_by_it():
    places = profile([f"上海市徐汇区漕溪路{RNG.randint(1, 300)}号" for _ in range(60)])
    assert cat("外勤签到地点", "考勤记录", places) == "user.location.precise"


def test_whole_addresses_typed_in_one_cell_some_only_in_part():
    vals = [f"{RNG.randint(1, 99)} Rue {RNG.choice(LAST)}, {RNG.randint(10000, 99999)} Lyon, France" for _ in range(60)]
    vals += [RNG.choice(["Lyon", "Paris", "Nantes"]) for _ in range(25)]
    assert cat("home_address", "pupils", profile(vals)) == "user.contact.address"
    street = profile([f"{RNG.randint(1, 99)} Rue {RNG.choice(LAST)}" for _ in range(80)])
    assert cat("home_address", "pupils", street) == "user.contact.address.street"
    # a street line with its neighbourhood (three parts, no postal code) half of the time stays a street line
    local = [f"Flat {RNG.randint(1, 99)}B, Hill Road, {RNG.choice(['Green Park', 'Old Town'])}" for _ in range(45)]
    local += [f"{RNG.randint(1, 99)} Hill Road" for _ in range(40)]
    assert cat("home_address", "pupils", profile(local)) == "user.contact.address.street"


def test_detail_line_of_a_table_of_addresses_is_the_street():
    lines = profile([f"中山路{RNG.randint(1, 300)}号{RNG.randint(1, 20)}栋{RNG.randint(101, 2000)}室" for _ in range(60)])
    assert cat("detail", "delivery_addresses", lines) == "user.contact.address.street"
    assert cat("detail", "products", lines) is None


# --------------------------------------------------------------------------- what a person listened to


def test_media_names_in_a_listening_log_are_browsing_history_and_elsewhere_no_names():
    songs = profile([RNG.choice(["Blue Water", "Night Drive", "Paper Moon", "Golden Hour", "Slow Rain", "Neon Sky",
                                 "Harbor Lights", "Quiet Storm", "Late Bloom", "River Song"]) for _ in range(80)])
    assert cat("song_name", "listening_history", songs) == "user.behavior.browsing_history"
    assert cat("episode_name", "playback_log", songs) == "user.behavior.browsing_history"
    assert cat("song_name", "catalogue", songs) is None
    assert cat("album_name", "releases", songs) is None


# --------------------------------------------------------------------------- keys of people by their role


def test_keys_of_people_by_role_are_user_ids():
    assert cat("DoctorNum", "visits", _keys(1, 40)) == "user.id"
    assert cat("beneficiary_id", "policies", _keys()) == "user.id"
    assert cat("x_donor_key_n", "donations", _keys(10**7, 10**8)) == "user.id"
    assert cat("Guarantor", "accounts_receivable", _keys()) == "user.id"
    assert cat("id_people_member", "bookings", _keys()) == "user.id"
    assert cat("policyholder_id", "claims", _keys()) == "user.id"


def test_role_words_over_a_handful_of_codes_or_non_keys_stay_unflagged():
    assert cat("agent_id", "sms_settings", profile([RNG.choice(["1", "2", "3"]) for _ in range(80)])) is None
    assert cat("agent_id", "claims", profile([RNG.choice(["web", "mail", "phone", "desk"]) for _ in range(80)])) is None
    assert cat("x_family_id_i", "x_person", profile([RNG.choice(["0", "1", "2", "3"]) for _ in range(80)])) is None


def test_household_key_of_a_person_with_type_tags():
    assert cat("x_household_key_n", "x_person", _keys(10**6, 10**7), ("first_name", "email")) == "user.id"


def test_student_table_by_its_chinese_name_keys_students():
    ids = profile([f"S{i:04d}" for i in range(1, 90)])
    assert cat("id", "学生名单", ids, ("姓名", "性别")) == "user.id"


# --------------------------------------------------------------------------- secrets and digests


def test_a_hash_of_random_letters_is_a_link_key_and_a_hex_digest_is_not():
    links = profile(["".join(RNG.choices(string.ascii_letters + string.digits, k=RNG.choice([12, 16])))
                     for _ in range(80)])
    assert cat("hash", "reservations", links) == "user.authorization.credentials.token"
    digests = profile(["".join(RNG.choices("0123456789abcdef", k=40)) for _ in range(80)])
    assert cat("hash", "reservations", digests) is None
    assert cat("row_hash", "customers", digests) is None


# --------------------------------------------------------------------------- health, names, consent, orders


def test_blood_group_and_measurements_typed_with_units_are_health():
    groups = profile([RNG.choice(["A+", "O-", "B+", "AB+", "O+"]) for _ in range(60)])
    assert cat("blood_type", "members", groups) == "user.health"
    heights = profile([RNG.choice([f"{RNG.randint(150, 190)} cm", f"{RNG.randint(4, 6)}'{RNG.randint(0, 11)}",
                                   str(RNG.randint(150, 190))]) for _ in range(80)])
    assert cat("patient_height", "patients", heights) == "user.health"


def test_smoking_status_as_a_clinical_code_is_a_condition():
    codes = profile([RNG.choice(["77176002", "8517006", "266919005"]) for _ in range(60)])
    assert cat("smoking_code", "patients", codes) == "user.health.condition"


def test_name_a_person_goes_by_and_a_user_name_holding_names():
    given = profile([RNG.choice(FIRST) for _ in range(60)])
    assert cat("goes_by", "members", given) == "user.name"
    full = profile([f"{RNG.choice(FIRST)} {RNG.choice(LAST)}" for _ in range(60)])
    assert cat("user_name", "deliveries", full) == "user.name"
    logins = profile([f"{RNG.choice(FIRST).lower()}{RNG.randint(1, 999)}" for _ in range(60)])
    assert cat("user_name", "deliveries", logins) == "user.account.username"


def test_no_appeals_flag_is_consent_and_a_bare_order_number_is_the_order():
    flags = profile([RNG.choice(["0", "0", "1"]) for _ in range(60)])
    assert cat("no_mailings", "donors", flags) == "user.authorization.consent"
    numbers = profile([str(RNG.randint(10**12, 10**13)) for _ in range(60)])
    assert cat("number", "orders", numbers) == "user.order.record"
    assert cat("number", "rooms", numbers) is None


def test_medicaid_member_number_is_an_id():
    assert cat("medicaid_number", "enrollees", profile([f"{RNG.randint(10**7, 10**8)}" for _ in range(60)])) == "user.id"


def test_building_line_beside_a_street_and_a_city_is_street():
    lines = profile([RNG.choice(["Rear house", f"c/o {RNG.choice(LAST)}", "Annex B", "Flat 2", "Garden cottage"])
                     for _ in range(60)])
    sibs = ("street", "city", "postcode")
    assert cat("building", "mailing_addresses", lines, sibs) == "user.contact.address.street"
    assert cat("building", "assets", lines, ("floor", "room")) is None


def test_a_sort_name_family_name_first_is_a_name_and_a_short_name_of_a_thing_is_not():
    sort = profile([f"{RNG.choice(LAST)}, {RNG.choice(FIRST)}" for _ in range(60)])
    assert cat("sort_name", "supporters", sort) == "user.name"
    things = profile([RNG.choice(["Cam-01", "Hall cam", "Door", "Yard", "Gate 2", "Lobby"]) for _ in range(60)])
    assert cat("short_name", "cameras", things) is None


def test_a_role_qualified_by_its_rank_holding_keys_is_a_person():
    assert cat("attending_physician", "admissions", _keys(1, 60)) == "user.id"
    assert cat("primary_color", "themes", _keys(1, 60)) is None


def test_dates_typed_in_local_styles_in_a_custom_field_are_births():
    typed = profile([RNG.choice(["{2:02d}/{1:02d}/{0}", "{0}-{1:02d}-{2:02d}", "{2}.{1}.{0}"]).format(
        RNG.randint(1940, 2010), RNG.randint(1, 12), RNG.randint(1, 28)) for _ in range(80)])
    assert cat("custom_field_4", "clients", typed) == "user.demographic.date_of_birth"
    recent = profile([f"{RNG.randint(1, 28):02d}/{RNG.randint(1, 12):02d}/2024" for _ in range(80)])
    assert cat("custom_field_4", "clients", recent) is None


def test_rooms_and_video_links_of_a_booking_are_no_persons_location():
    rooms = profile([RNG.choice(["Studio A", "Studio B", "Front desk", f"https://video.example.org/r/{RNG.randint(1, 999)}"])
                     for _ in range(80)])
    assert cat("location", "reservations", rooms) is None
    towns = profile([RNG.choice(["Berlin", "Lyon, France", "Osaka", "Austin, TX", "Porto"]) for _ in range(80)])
    assert cat("location", "profiles", towns) == "user.location.imprecise"


def test_the_user_who_entered_or_changed_a_row_is_a_person():
    assert cat("user_id_modified", "invoices", _keys(1, 30)) == "user.id"
    assert cat("user_no_approved", "expenses", _keys(1, 30)) == "user.id"
