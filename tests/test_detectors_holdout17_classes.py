"""Failure classes seen on the seventeenth held-out part of the real-schema corpus: one positive, one look-alike each.

Values are made up here (never real data, never corpus rows); names and tables are generic where the class allows,
not the corpus's own tables (no PetClinic, MicroRealEstate, wger, MemberMatters, Tinder, Oyster or 问卷星 dumps).
"""

from __future__ import annotations

import random

from pia.discovery.detectors import ColumnProfile, classify_column
from tests.column_profiles import profile

RNG = random.Random(17)
FIRST = ["Ana", "Wei", "Tom", "Lea", "Omar", "Sara", "Ivan", "Mina", "Raj", "Eva", "Li", "Noah"]
LAST = ["Lima", "Zhang", "Berg", "Novak", "Haddad", "Kim", "Ortiz", "Sato", "Weber", "Costa"]
PEOPLE_SIBS = ("first_name", "last_name", "email", "phone")


def cat(name: str, table: str, prof: ColumnProfile, siblings: tuple[str, ...] = ()) -> str | None:
    return classify_column(name, table, prof, siblings=siblings).category


def _keys(n: int = 120) -> ColumnProfile:
    return profile([str(100 + i) for i in range(n)])


def _names(n: int = 80) -> ColumnProfile:
    return profile([f"{RNG.choice(FIRST)} {RNG.choice(LAST)}" for _ in range(n)])


# --------------------------------------------------------------------------- row keys of tables of people by role


def test_row_keys_of_people_named_by_role_or_profile():
    for table in ("landlords_owners", "guests", "drivers", "accounts_userprofile", "members_profile"):
        assert cat("id", table, _keys(), ("id", *PEOPLE_SIBS)) == "user.id", table
    assert cat("_id", "residents", _keys(), ("_id", "name", "email")) == "user.id"


def test_row_keys_of_tables_led_by_a_role_word_stay_record_keys():
    assert cat("id", "driver_trips", _keys(), ("id", "driver_id", "fare")) is None
    assert cat("id", "guest_reviews", _keys(), ("id", "guest_id", "stars")) is None


# --------------------------------------------------------------------------- animals, premises


def test_animals_names_and_birth_dates_are_not_peoples():
    dates = profile([f"20{RNG.randint(10, 23)}-0{RNG.randint(1, 9)}-1{RNG.randint(0, 9)}" for _ in range(80)])
    pet_names = profile([RNG.choice(["Rex", "Bella", "Max", "Luna", "Milo", "Coco"]) for _ in range(80)])
    assert cat("birth_date", "clinic_animals", dates, ("name", "species", "owner_id")) is None
    assert cat("name", "shelter_dogs", pet_names, ("name", "breed")) is None
    assert cat("owner_name", "clinic_animals", _names(), ("name", "species")) == "user.name"


def test_premises_own_address_is_not_a_persons():
    cities = profile([RNG.choice(["Lyon", "Nantes", "Lille", "Metz", "Brest"]) for _ in range(80)])
    assert cat("address.city", "rental_buildings", cities, ("name", "address.city")) is None
    assert cat("city", "lettings_tenant", cities, ("first_name", "last_name", "city")) == "user.contact.address.city"


# --------------------------------------------------------------------------- bodies and ages in a profile


def test_height_and_weight_in_a_persons_profile_or_log_are_health():
    heights = profile([str(RNG.randint(150, 200)) for _ in range(80)])
    weights = profile([f"{RNG.uniform(50, 110):.1f}" for _ in range(80)])
    assert cat("height", "accounts_userprofile", heights, ("user_id", "birthdate")) == "user.health"
    assert cat("weight", "tracker_weightlog", weights, ("user_id", "date")) == "user.health"


def test_weight_of_a_parcel_stays_nothing():
    weights = profile([f"{RNG.uniform(0.5, 30):.1f}" for _ in range(80)])
    assert cat("weight", "parcels", weights, ("tracking_no", "carrier")) is None


def test_chinese_age_brackets_in_a_survey_are_age_ranges():
    brackets = profile([RNG.choice(["18岁以下", "18~25岁", "26~30岁", "31~40岁", "50岁以上"]) for _ in range(100)])
    assert cat("5、您的年龄段", "问卷答卷导出", brackets) == "user.demographic.age_range"
    assert cat("来源IP", "问卷答卷导出", profile([f"10.0.{RNG.randint(0, 255)}.{RNG.randint(1, 254)}"
                                                for _ in range(80)])) == "user.device.ip_address"


# --------------------------------------------------------------------------- payment card data, dating preferences


def test_card_expiry_and_last_digits_are_payment_data():
    expiry = profile([f"{RNG.randint(1, 12):02d}/{RNG.randint(25, 31)}" for _ in range(80)])
    last = profile([f"{RNG.randint(0, 9999):04d}" for _ in range(80)])
    assert cat("card_expiry", "billing_customer", expiry, PEOPLE_SIBS) == "user.payment"
    assert cat("braintree_card_last_digits", "billing_customer", last, PEOPLE_SIBS) == "user.payment"


def test_expiry_of_a_token_stays_nothing():
    ts = profile([f"2025-0{RNG.randint(1, 9)}-1{RNG.randint(0, 9)} 10:00:00" for _ in range(80)])
    assert cat("token_expiry", "api_keys", ts) is None


def test_genders_a_person_seeks_are_sex_life():
    seek = profile([RNG.choice(["men", "women", "men,women"]) for _ in range(80)])
    assert cat("interested_in", "dating_members", seek, PEOPLE_SIBS) == "user.sex_life"
    assert cat("seeking_gender", "app_users", seek, PEOPLE_SIBS) == "user.sex_life"


def test_interested_in_a_product_outside_people_tables_stays_nothing():
    prods = profile([RNG.choice(["solar", "heat pump", "insulation"]) for _ in range(80)])
    assert cat("interested_in", "campaign_leads_stats", prods) is None


def test_birth_date_kept_as_midnight_utc_is_a_date_of_birth():
    dobs = profile([f"19{RNG.randint(60, 99)}-0{RNG.randint(1, 9)}-1{RNG.randint(0, 9)}T00:00:00.000Z" for _ in range(80)])
    assert cat("birth_date", "app_users", dobs, PEOPLE_SIBS) == "user.demographic.date_of_birth"


# --------------------------------------------------------------------------- nested documents, roles, references


def test_field_of_an_array_item_is_read_by_its_last_segment():
    assert cat("people.1.contact", "landlord_clients", _names(), ("name", "people.1.email")) == "user.name"


def test_person_named_by_role_and_table_of_peoples_reference():
    assert cat("representative", "suppliers", _names(), ("company", "vat_no")) == "user.name"
    refs = profile([f"CUS{RNG.randint(1, 9999):05d}" for _ in range(100)])
    assert cat("reference", "customers", refs, ("reference", *PEOPLE_SIBS)) == "user.id"


def test_role_word_holding_words_and_reference_of_a_thing_stay_nothing():
    assert cat("manager", "printers", profile([RNG.choice(["cups", "lpd", "ipp"]) for _ in range(80)])) is None
    refs = profile([f"INV{RNG.randint(1, 9999):05d}" for _ in range(100)])
    assert cat("reference", "invoices", refs, ("reference", "amount", "due_date")) is None


def test_profile_picture_path_in_a_table_of_people_is_a_self_image():
    paths = profile([f"staff/profile_pics/{RNG.choice(FIRST).lower()}_{RNG.randint(1, 999)}.jpg" for _ in range(80)])
    assert cat("staff_profile", "hr_staff", paths, PEOPLE_SIBS) == "user.content.self_image"
    urls = profile([f"https://cdn.example.net/u/{RNG.randint(1, 99)}/p_{i}.jpeg" for i in range(80)])
    assert cat("url", "member_photos", urls, ("member_id", "url")) == "user.content.self_image"
    assert cat("snapshot_url", "camera_events", urls, ("camera_id", "snapshot_url")) == "user.content.camera_snapshot"


def test_journey_lines_from_place_to_place_are_precise_locations():
    stops = ["Kings Road", "Harbour St", "Mill Lane", "Central Station", "Park Gate", "West Quay"]
    legs = profile([" to ".join(RNG.sample(stops, 2)) if RNG.random() < 0.7 else "Top-up at kiosk" for _ in range(80)])
    assert cat("Journey Description", "transit_card_history", legs) == "user.location.precise"
    kinds = profile([RNG.choice(["single", "return", "season", "day pass"]) for _ in range(80)])
    assert cat("journey_type", "transit_card_history", kinds) is None
