"""Failure classes seen on the eleventh held-out part of the real-schema corpus: one positive, one look-alike each.

Values are made up here (never real data); names and tables are generic where the class allows, not the corpus's
own columns (no Xiaomi, EZVIZ, SuiteCRM, Gadgetbridge, Garmin, Amplitude or JD Finance tables).
"""

from __future__ import annotations

import json
import random

from pia.discovery.detectors import ColumnProfile, classify_column
from tests.column_profiles import profile

RNG = random.Random(11)


def cat(name: str, table: str, prof: ColumnProfile, siblings: tuple[str, ...] = ()) -> str | None:
    return classify_column(name, table, prof, siblings=siblings).category


# --------------------------------------------------------------------------- fixed-point coordinates


def test_whole_number_coordinates_beyond_180_degrees_are_fixed_point_and_precise():
    # a scale with no suffix in the name (degrees x 1,000,000 or x 3,000,000): whole numbers far beyond 180
    lat = profile([str(round((48.1 + RNG.uniform(-0.2, 0.2)) * 1_000_000)) for _ in range(120)])
    lon = profile([str(round((11.5 + RNG.uniform(-0.2, 0.2)) * 3_000_000)) for _ in range(120)])
    assert cat("start_lat", "rides", lat) == "user.location.precise"
    assert cat("origin_longitude", "trips", lon) == "user.location.precise"
    # look-alikes: whole degrees are a city at most; small codes beyond 180 are not coordinates scaled by 10^4+
    assert cat("start_lat", "rides", profile([str(RNG.randint(-60, 70)) for _ in range(120)])) != "user.location.precise"
    assert cat("lat", "grid", profile([str(RNG.randint(200, 900)) for _ in range(120)])) != "user.location.precise"


# --------------------------------------------------------------------------- workout figures the FIT profile names


def _dur() -> str:
    return f"{RNG.randint(0, 2)}:{RNG.randint(0, 59):02d}:{RNG.randint(0, 59):02d}"


def test_fit_profile_figures_of_a_workout_table_are_fitness_activity():
    sibs = ("sport", "distance", "avg_speed")
    decimals = profile([f"{RNG.uniform(0.5, 5):.1f}" for _ in range(120)])
    for name in ("Best Pace", "Avg Bike Cadence", "Max Stride Length", "Anaerobic TE", "Training Stress Score",
                 "Num Laps", "Best Lap Time"):
        assert cat(name, "workouts", decimals, sibs) == "user.behavior.fitness_activity", name
    assert cat("Time", "workouts", profile([_dur() for _ in range(120)]), sibs) == "user.behavior.fitness_activity"
    # look-alikes: a bare time holding timestamps is when, not a workout figure; the same figures in a table of
    # deliveries are nobody's workout
    stamps = profile([f"2024-0{RNG.randint(1, 9)}-1{RNG.randint(0, 9)} 0{RNG.randint(0, 9)}:00:00" for _ in range(120)])
    assert cat("Time", "workouts", stamps, sibs) is None
    # ... nor is a time of day beside a payment's figures in a table of account activity
    of_day = profile([f"{RNG.randint(0, 23):02d}:{RNG.randint(0, 59):02d}:{RNG.randint(0, 59):02d}" for _ in range(120)])
    assert cat("Time", "account_activity", of_day, ("date", "gross", "fee", "balance")) is None
    assert cat("Best Lap Time", "deliveries", decimals, ("parcel_id", "route")) is None


def test_short_heart_rate_of_a_workout_is_a_vital_sign_when_values_are_pulses():
    pulses = profile([str(RNG.randint(90, 190)) for _ in range(120)])
    assert cat("Max HR", "rides", pulses, ("activity_type", "distance")) == "user.health.vital_signs"
    # look-alikes: HR of a staff table is human resources; out-of-range numbers are no pulse
    assert cat("Max HR", "staff", pulses, ("department",)) != "user.health.vital_signs"
    assert cat("Avg HR", "rides", profile([str(RNG.randint(1000, 9000)) for _ in range(120)]),
               ("activity_type",)) != "user.health.vital_signs"


def test_kind_and_intensity_of_wearable_samples_beside_steps_are_fitness_activity():
    codes = profile([str(RNG.choice([1, 2, 3, 80, 90, 112])) for _ in range(120)])
    sibs = ("timestamp", "steps", "heart_rate")
    assert cat("RAW_KIND", "band_activity_samples", codes, sibs) == "user.behavior.fitness_activity"
    assert cat("intensity", "band_activity_samples", codes, sibs) == "user.behavior.fitness_activity"
    assert cat("sport_kind", "activities", codes, ("start_time",)) == "user.behavior.fitness_activity"
    # look-alike: a kind in a log of account activity (no steps, no heart rate) is the kind of event
    assert cat("kind", "activity", codes, ("actor_id", "created_at")) is None


def test_json_summary_of_workout_figures_is_fitness_activity():
    rows = [json.dumps({"totalDistance": RNG.randint(900, 20000), "kcal": RNG.randint(50, 900),
                        "avgPace": RNG.randint(200, 700)}) for _ in range(120)]
    assert cat("details", "workout_sessions", profile(rows), ("start",)) == "user.behavior.fitness_activity"
    # look-alike: a JSON of firmware flags in the same table says nothing about the workout
    flags = [json.dumps({"fw": f"1.{RNG.randint(0, 9)}", "beta": RNG.choice([0, 1])}) for _ in range(120)]
    assert cat("details", "workout_sessions", profile(flags), ("start",)) is None


# --------------------------------------------------------------------------- lawful bases recorded per person


def test_lawful_bases_recorded_for_a_person_are_a_consent_record():
    bases = ["consent", "Consent", "contract", "legitimate_interests", "consent,contract", "Legal obligation"]
    vals = profile([RNG.choice(bases) for _ in range(120)])
    assert cat("processing_ground", "customers", vals, ("email", "first_name")) == "user.authorization.consent"
    # look-alikes: the same words in a register of processing activities are about the processing, not a person;
    # a column of contract types in a table of people is no lawful basis
    assert cat("processing_ground", "processing_activities", vals, ("purpose", "retention")) is None
    kinds = profile([RNG.choice(["contract", "freelance", "permanent", "intern"]) for _ in range(120)])
    assert cat("engagement", "employees", kinds, ("email", "first_name")) is None


# --------------------------------------------------------------------------- a bare name in a singular table of things


def test_bare_name_in_a_singular_table_of_things_names_the_thing():
    gadgets = profile([RNG.choice(["Pulse Watch", "Trail Band", "Sleep Ring", "Kite Tracker", "Nova Watch"])
                       for _ in range(120)])
    assert cat("NAME", "WEARABLE_DEVICE", gadgets) is None
    assert cat("name", "camera", gadgets) is None
    # look-alikes: a bare name in a table of people, or in a table whose first word only is a thing, is a person's
    people = profile([RNG.choice(["Ana Lopez", "Tom Berg", "Mia Novak", "Omar Rossi"]) for _ in range(120)])
    assert cat("NAME", "USER", people) == "user.name"
    assert cat("name", "app_user", people) == "user.name"


# --------------------------------------------------------------------------- a camera's pictures under generic words


def test_picture_links_in_a_table_of_cameras_are_snapshots():
    links = profile([f"https://media.example.net/cap/{RNG.randint(10**8, 10**9)}?cam={RNG.randint(1, 40)}"
                     for _ in range(120)])
    assert cat("coverPic", "home_cameras", links) == "user.content.camera_snapshot"
    assert cat("thumb_url", "cctv_channels", links) == "user.content.camera_snapshot"
    # look-alikes: the same word in a table of products is a product shot;
    # a picture code (not a link) in a table of cameras is a setting
    assert cat("coverPic", "shop_items", links) != "user.content.camera_snapshot"
    assert cat("cover_img", "home_cameras", profile([RNG.choice(["0", "1", "2"]) for _ in range(120)])) is None


# --------------------------------------------------------------------------- a contact's assistant by name


def test_assistant_of_a_contact_is_a_person_name_when_values_are_names():
    people = profile([f"{RNG.choice(['Ana', 'Tom', 'Mia', 'Omar', 'Lena', 'Ivan'])} "
                      f"{RNG.choice(['Lopez', 'Berg', 'Novak', 'Rossi', 'Haddad'])}" for _ in range(120)])
    assert cat("secretary", "leads", people) == "user.name"
    assert cat("assistant", "people", people) == "user.name"
    # look-alikes: an assistant that is a chatbot's model or a flag is not a person
    bots = profile([RNG.choice(["gpt-4o", "claude-3", "llama3:8b", "mistral-7b"]) for _ in range(120)])
    assert cat("assistant", "chats", bots) is None
    assert cat("assistant", "people", profile([RNG.choice(["0", "1"]) for _ in range(120)])) is None


# --------------------------------------------------------------------------- pointers to people: mixed keys, managers


def _uuid() -> str:
    h = "".join(RNG.choice("0123456789abcdef") for _ in range(32))
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"


def test_actor_columns_holding_keys_and_readable_string_ids_are_user_ids():
    mixed = profile([RNG.choice(["1", "1", "2", "demo_admin", "import_bot_user", _uuid()]) for _ in range(120)])
    assert cat("modified_by", "tickets", mixed) == "user.id"
    # look-alike: an actor column of login names only stays a login; a constant system account is nobody's
    logins = profile([RNG.choice(["ana.lopez", "tberg", "mia_n", "omar.r", "lena.k", "ivan99"]) for _ in range(120)])
    assert cat("modified_by", "tickets", logins) == "user.account.username"
    assert cat("modified_by", "tickets", profile(["1"] * 120)) is None


def test_whom_a_person_reports_to_is_another_persons_id():
    keys = profile([_uuid() for _ in range(120)])
    assert cat("manager_id", "staff_directory", keys) == "user.id"
    assert cat("reportsTo", "people", profile([str(RNG.randint(1, 400)) for _ in range(120)])) == "user.id"
    # look-alikes: a manager id holding words is a code; a report's id is a document's
    assert cat("manager_id", "staff_directory", profile([RNG.choice(["none", "tbd"]) for _ in range(120)])) is None
    assert cat("report_id", "exports", keys) is None
    # ... and an assistant's id in a chat tool names a bot (an API object id), not a person
    bots = profile([f"asst_{RNG.randint(10**9, 10**10)}" for _ in range(120)])
    assert cat("assistant_id", "threads", bots) != "user.id"
