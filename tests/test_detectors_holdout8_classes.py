"""Failure classes seen on the eighth held-out part of the real-schema corpus: one positive, one look-alike each.

Values are made up here (never real data); names are generic or taken from other systems of the same kind
(FreeSWITCH, Twilio, other CRMs and shops), not the corpus's own columns, where the class allows.
"""

from __future__ import annotations

import random

from pia.discovery.detectors import classify_column, is_whole_address
from pia.discovery.value_patterns import is_cn_city
from tests.column_profiles import profile

RNG = random.Random(8)
HEX = "0123456789abcdef"
DIGITS = "0123456789"
GIVEN = ["Ana", "Tom", "Mia", "Wei", "Omar", "Lena", "Ivan", "Sara"]
FAMILY = ["Lopez", "Chen", "Novak", "Smith", "Okafor", "Berg", "Rossi"]


def cat(name: str, table: str, values: list[str], siblings: tuple[str, ...] = ()) -> str | None:
    return classify_column(name, table, profile(values), siblings=siblings).category


def person() -> str:
    return f"{RNG.choice(GIVEN)} {RNG.choice(FAMILY)}"


def digits(n: int) -> str:
    return "".join(RNG.choice(DIGITS) for _ in range(n))


def test_a_call_party_is_a_phone_number_though_extensions_are_mixed_in():
    # a domestic phone system: extensions and national numbers without separators (no value pattern alone says phone)
    domestic = [str(RNG.randint(200, 260)) if RNG.random() < 0.35 else "415" + digits(7) for _ in range(120)]
    assert cat("caller_id_number", "xml_cdr", domestic) == "user.contact.phone_number"
    assert cat("destination_number", "xml_cdr", domestic) == "user.contact.phone_number"
    assert cat("主叫号码", "话单", domestic) == "user.contact.phone_number"
    # generic words need numbers only phones have (an international prefix), and a placeholder word may be mixed in
    calls = [RNG.choice(["anonymous", str(RNG.randint(200, 260))]) if RNG.random() < 0.35
             else RNG.choice(["+4930", "0033", "+8621"]) + digits(8) for _ in range(120)]
    assert cat("source", "call_log", calls) == "user.contact.phone_number"
    assert cat("destination", "call_log", calls) == "user.contact.phone_number"
    # look-alikes: a source of records keyed by long numbers, airports as destinations
    assert cat("source", "imports", [digits(8) for _ in range(120)]) is None
    assert cat("destination", "flights", [RNG.choice(["PEK", "FRA", "JFK", "LHR"]) for _ in range(120)]) is None


def test_caller_id_with_a_display_name_is_a_phone_number():
    ids = [f'"{person()}" <+49{digits(9)}>' if RNG.random() < 0.7 else f'"Reception" <{RNG.randint(200, 260)}>'
           for _ in range(80)]
    assert cat("from_header", "sip_dialogs", ids) == "user.contact.phone_number"
    assert cat("from_header", "sip_dialogs", [f"{person()} <u{i}@example.com>" for i in range(80)]) \
        != "user.contact.phone_number"


def test_a_recorded_call_or_voicemail_is_private_content():
    recordings = [f"https://rec.example.com/{''.join(RNG.choice(HEX) for _ in range(12))}.mp3" for _ in range(60)]
    assert cat("recording_url", "call_logs", recordings) == "user.content.private"
    assert cat("voicemail", "mailboxes", [f"msg{i:04d}.wav" for i in range(60)]) == "user.content.private"
    # the same word with video files stays a video; sound files of a catalogue are nobody's conversation
    videos = [f"/media/clips/{''.join(RNG.choice(HEX) for _ in range(10))}.mp4" for _ in range(60)]
    assert cat("recording", "camera_clips", videos) == "user.content.video_recording"
    assert cat("audio_url", "podcast_episodes", recordings) is None


def test_caller_id_names_are_person_names():
    names = [person() if RNG.random() < 0.8 else "WIRELESS CALLER" for _ in range(80)]
    assert cat("caller_id_name", "xml_cdr", names) == "user.name"
    assert cat("callee_id_name", "xml_cdr", names) == "user.name"
    # an id's name is still no person's
    assert cat("plan_id_name", "billing", [RNG.choice(["basic", "pro", "team"]) for _ in range(80)]) is None


def test_a_device_named_after_its_owner_carries_the_owners_name():
    sources = [RNG.choice([f"{RNG.choice(GIVEN)}\u2019s iPhone", f"{RNG.choice(GIVEN)}'s MacBook Pro", "Web", "Sync"])
               for _ in range(80)]
    assert cat("origin_device", "sync_log", sources) == "user.name"
    # a shop named after its founder is a business, not a device
    assert cat("merchant", "payments", [RNG.choice(["Joe's Pizza", "Ana's Bakery", "Tesco"]) for _ in range(80)]) \
        is None


def test_a_reading_of_a_health_record_is_a_vital_sign():
    readings = [str(RNG.randint(50, 160)) if RNG.random() < 0.7 else f"{RNG.uniform(35.5, 38.5):.1f}"
                for _ in range(80)]
    assert cat("value", "vital_readings", readings, ("type", "unit", "recorded_at")) == "user.health.vital_signs"
    assert cat("reading", "patient_observations", readings, ("loinc_code", "taken_at")) == "user.health.vital_signs"
    # the same readings of a machine, or a health table that does not say what each row measured
    assert cat("value", "sensor_readings", readings, ("type", "unit")) is None
    assert cat("value", "health_settings", readings, ("updated_at",)) is None
    assert cat("value", "service_health_checks", readings, ("metric", "unit")) is None


def test_workout_type_qualified_by_its_record_and_energy_burned_are_workout_figures():
    kinds = [RNG.choice(["Running", "Cycling", "Yoga", "Swimming"]) for _ in range(60)]
    energy = [f"{RNG.uniform(40, 900):.1f}" for _ in range(60)]
    assert cat("sessionActivityType", "fitness_sessions", kinds) == "user.behavior.fitness_activity"
    assert cat("active_energy_burned", "fitness_sessions", energy) == "user.behavior.fitness_activity"
    assert cat("energy", "workouts", energy) == "user.behavior.fitness_activity"
    # the unit of a figure is no figure
    assert cat("energy_unit", "workouts", [RNG.choice(["kcal", "kJ"]) for _ in range(60)]) is None


def test_a_record_id_keys_a_table_of_people():
    ids = [str(RNG.randint(10**6, 10**9)) for _ in range(60)]
    assert cat("Record ID", "crm_leads_contacts", ids) == "user.id"
    assert cat("Record ID", "audit_entries", ids) is None


def test_the_owner_of_a_crm_record_is_a_person_by_role():
    assert cat("deal_owner", "deals", [person() for _ in range(60)]) == "user.name"
    # an owner given by organisation names (single words) is a firm
    assert cat("repo_owner", "repos", [RNG.choice(["acme", "Globex", "Initech", "Umbrella"]) for _ in range(60)]) \
        is None


def test_ids_made_from_unix_time_are_no_device_ids():
    epoch_ids = [f"{RNG.randint(1_700_000_000, 1_760_000_000)}.{RNG.randint(1, 999)}" for _ in range(80)]
    assert cat("unique_id", "channel_events", epoch_ids) is None
    hex_ids = ["".join(RNG.choice(HEX) for _ in range(16)) for _ in range(80)]
    assert cat("unique_id", "channel_events", hex_ids) == "user.device.device_id"


def test_a_few_numbers_repeated_over_all_rows_are_the_services_own_lines():
    lines = [RNG.choice(["+4930901820", "+4930901821", "+4930901822"]) for _ in range(150)]
    assert cat("inbound_line", "calls", lines) is None
    assert cat("device_id", "calls", lines) is None
    # named as a phone, a few repeated numbers stay phone numbers; many distinct ones are people's
    assert cat("phone", "calls", lines) == "user.contact.phone_number"
    # a person's id or login held as a few emails is a few people acting many times
    staff = [RNG.choice(["ana@example.com", "tom@example.com", "mia@example.com"]) for _ in range(150)]
    assert cat("user_id", "tasks", staff) == "user.contact.email"
    assert cat("inbound_line", "calls", ["+4930" + digits(8) for _ in range(150)]) == "user.contact.phone_number"


def test_iso_country_codes_are_countries_whatever_the_column_is_called():
    codes = [RNG.choice(["CN", "US", "DE", "GB", "FR", "JP", "BR", "IN"]) for _ in range(80)]
    assert cat("iso2", "subscribers", codes) == "user.contact.address.country"
    # a handful of markets, language codes, US states
    assert cat("iso2", "subscribers", [RNG.choice(["US", "DE", "GB"]) for _ in range(80)]) is None
    assert cat("ui_lang", "subscribers", [RNG.choice(["EN", "DE", "FR", "ES", "ZH", "JA"]) for _ in range(80)]) \
        != "user.contact.address.country"
    assert cat("st", "subscribers", [RNG.choice(["CA", "TX", "NY", "FL", "WA", "IL"]) for _ in range(80)]) is None


def test_where_a_trip_began_or_ended_is_a_precise_location():
    places = [f"{RNG.randint(1, 300)} Oak Street, Springfield, 627{RNG.randint(10, 99)}, United States" for _ in range(60)]
    assert cat("pickup_address", "ride_requests", places) == "user.location.precise"
    assert cat("start_address", "trips", places) == "user.location.precise"
    assert cat("上车地点", "打车订单", places) == "user.location.precise"
    # outside a table of trips, a start address is an address; a shipping address is one anywhere
    assert cat("start_address", "events", places) == "user.contact.address"
    assert cat("shipping_address", "ride_orders", places) == "user.contact.address"


def test_address_parts_joined_by_runs_of_spaces_or_line_breaks_are_a_whole_address():
    assert is_whole_address("12 Oak Street  Springfield  IL  62701  US")
    assert is_whole_address("12 Oak Street\nSpringfield\n62701")
    assert not is_whole_address("12 Oak Street")
    joined = [f"{RNG.randint(1, 300)} Elm Road  {RNG.choice(['Leeds', 'Bonn'])}  {RNG.randint(10000, 99999)}  GB"
              for _ in range(60)]
    assert cat("Address", "newsletter_members", joined) == "user.contact.address"


def test_a_place_naming_a_city_after_its_province_is_the_city():
    assert is_cn_city("广东深圳") and is_cn_city("浙江省杭州市") and not is_cn_city("广东") and not is_cn_city("深圳湾")
    places = [RNG.choice(["广东深圳", "浙江杭州", "北京", "江苏南京", "四川成都", "上海"]) for _ in range(60)]
    assert cat("消费地点", "信用卡账单", places) == "user.contact.address.city"
    assert cat("存放地点", "仓库台账", [RNG.choice(["A区01", "B区02", "C区03", "D区04"]) for _ in range(60)]) is None


def test_a_serial_number_of_a_document_is_no_device_serial():
    numbers = [f"{RNG.choice(['JD', 'SF', 'YT'])}{digits(12)}" for _ in range(60)]
    assert cat("pay_sn", "mall_payments", numbers) is None
    assert cat("parcel_sn", "returns", numbers) is None
    serials = [f"CAM{digits(9)}" for _ in range(60)]
    assert cat("device_sn", "cameras", serials) == "user.device.camera.serial_number"
    assert cat("sn", "cameras", serials) == "user.device.camera.serial_number"


def test_a_short_single_word_id_in_a_table_of_people_is_the_persons_id():
    people = ("email", "first_name", "last_name", "created_at")
    ids = ["".join(RNG.choice(HEX) for _ in range(12)) for _ in range(60)]
    assert cat("puid", "newsletter", ids, people) == "user.id"
    assert cat("xid", "newsletter", [str(RNG.randint(10**7, 10**8)) for _ in range(60)], people) == "user.id"
    # not in a table of people; not one per row; a flag that ends in `id`
    assert cat("puid", "render_jobs", ids, ("status", "started_at")) is None
    assert cat("puid", "newsletter", [RNG.choice(["a1b2c3", "d4e5f6"]) for _ in range(60)], people) is None
    assert cat("paid", "newsletter", [RNG.choice(["0", "1"]) for _ in range(60)], people) is None


def test_a_members_rating_or_engagement_score_is_email_engagement():
    stars = [RNG.choice(["1", "2", "3", "4", "5"]) for _ in range(60)]
    assert cat("subscriber_rating", "list_members", stars) == "user.behavior.email_engagement"
    assert cat("engagement_score", "list_members", stars) == "user.behavior.email_engagement"
    assert cat("product_rating", "reviews", stars) is None
