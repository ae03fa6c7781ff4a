"""Failure classes seen on the third held-out part of the real-schema corpus: one positive, one look-alike each.

Values are made up here (never real data); names are generic, not the corpus's own columns where avoidable.
"""

from __future__ import annotations

import json
import random
import string

from pia.discovery.detectors import ColumnProfile, classify_column
from tests.column_profiles import profile

RNG = random.Random(3)


def ints(lo: int, hi: int, n: int = 60) -> ColumnProfile:
    return profile([str(RNG.randint(lo, hi)) for _ in range(n)])


def cat(name: str, table: str, prof: ColumnProfile, siblings: tuple[str, ...] = ()) -> str | None:
    return classify_column(name, table, prof, siblings=siblings).category


WORKOUT = ("id", "workout_type", "duration", "distance", "heart_rate_avg", "start_time")
DELIVERY = ("id", "driver_id", "duration", "distance", "vehicle", "start_time")


def test_workout_figures_are_decided_by_name_and_table_context():
    j = classify_column("distance", "log", profile([f"{RNG.uniform(1, 40):.2f}" for _ in range(60)]), WORKOUT)
    assert j.category == "user.behavior.fitness_activity"
    assert any("name and context" in e for e in j.evidence)
    assert cat("duration", "sessions_export", ints(300, 9000), WORKOUT) == "user.behavior.fitness_activity"


def test_a_distance_in_a_delivery_table_is_not_a_workout():
    assert cat("distance", "deliveries", profile([f"{RNG.uniform(1, 40):.2f}" for _ in range(60)]), DELIVERY) is None


def test_heart_rate_is_a_vital_sign_and_a_heart_rate_zone_count_is_not():
    assert cat("avg_heart_rate", "log", ints(90, 180), WORKOUT) == "user.health.vital_signs"
    assert cat("heart_rate_zone_count", "log", ints(1, 5), WORKOUT) is None


def test_gps_track_files_are_tracks_and_other_files_are_not():
    tracks = profile([f"exports/{RNG.randint(10**6, 10**9)}.{RNG.choice(['gpx', 'fit.gz', 'tcx'])}" for _ in range(40)])
    assert cat("file", "rides", tracks) == "user.location.precise.track"
    docs = profile([f"exports/{RNG.randint(10**6, 10**9)}.{RNG.choice(['pdf', 'csv'])}" for _ in range(40)])
    assert cat("file", "rides", docs) is None


def test_e7_integer_coordinates_are_precise():
    lat = profile([str(int(RNG.uniform(-60, 60) * 10**7)) for _ in range(60)])
    assert cat("lat_e7", "positions", lat) == "user.location.precise"
    assert cat("longitudeE7", "positions", lat) == "user.location.precise"


def test_a_json_place_is_imprecise_and_json_with_fine_coordinates_is_precise():
    places = profile([json.dumps({"country": c, "city": t, "latitude": "52.5196", "longitude": "13.4069"})
                      for c, t in [("DE", "Berlin"), ("FR", "Lyon"), ("CN", "Shenzhen")] * 10])
    assert cat("geolocation", "subscribers", places) == "user.location.imprecise"
    fixes = profile([json.dumps({"lat": round(RNG.uniform(-60, 60), 6), "lon": round(RNG.uniform(-60, 60), 6)})
                     for _ in range(30)])
    assert cat("geo_location", "subscribers", fixes) == "user.location.precise"


def test_allow_and_accepts_marketing_flags_are_consent_records():
    flags = profile(["true", "false", "false"] * 20)
    assert cat("AllowNewsletter", "customers", flags) == "user.authorization.consent"
    assert cat("user_accepts_sms", "customers", profile(["1", "0", "1"] * 20)) == "user.authorization.consent"


def test_an_allow_flag_about_a_thing_is_not_consent():
    assert cat("allow_comments", "posts", profile(["1", "0", "1"] * 20)) is None
    assert cat("allow_backorders", "products", profile(["true", "false"] * 30)) is None


def test_ethnicity_is_sensitive_demographic_data():
    assert cat("民族", "员工", profile(["汉", "汉", "回", "壮", "满"] * 12)) == "user.demographic.race_ethnicity"
    assert cat("ethnicity", "patients", profile(["Asian", "White", "Black", "Other"] * 15)) \
        == "user.demographic.race_ethnicity"


def test_a_race_in_a_sports_table_is_not_ethnicity():
    assert cat("race_name", "events", profile([f"City Marathon {y}" for y in range(1990, 2050)])) is None
    assert cat("race_id", "results", ints(1, 10**6)) is None


def test_badge_and_attendance_numbers_are_user_ids():
    assert cat("badge_no", "staff", ints(1, 9999)) == "user.id"
    assert cat("考勤号码", "打卡记录", ints(1, 500)) == "user.id"


def test_a_card_number_outside_a_payment_table_is_the_persons_number_but_not_inside_one():
    cards = profile([f"{RNG.randint(0, 99_999_999):010d}" for _ in range(60)])
    access = ("姓名", "部门", "日期时间", "机器号")
    assert cat("卡号", "门禁记录", cards, access) == "user.id"
    shop = ("订单号", "实付金额", "支付方式")
    assert cat("卡号", "订单", cards, shop) == "user.financial.account_number"


def test_activation_keys_form_salts_and_mfa_secrets_are_credentials():
    keys = profile([''.join(RNG.choice(string.ascii_uppercase + string.digits) for _ in range(8)) for _ in range(40)])
    assert cat("user_actkey", "forum_users", keys) == "user.authorization.credentials.token"
    salts = profile([''.join(RNG.choice(string.ascii_lowercase + string.digits) for _ in range(16)) for _ in range(40)])
    assert cat("form_salt", "forum_users", salts) == "user.authorization.credentials.token"
    totp = profile([''.join(RNG.choice(string.ascii_uppercase + "234567") for _ in range(32)) for _ in range(40)])
    assert cat("TotpSecret", "accounts", totp) == "user.authorization.credentials"


def test_a_password_salt_and_a_secret_question_are_not_tokens():
    salts = profile([''.join(RNG.choice(string.ascii_lowercase + string.digits) for _ in range(16)) for _ in range(40)])
    assert cat("salt", "files", salts) is None
    assert cat("secret_question", "accounts", profile(["pet", "school", "city"] * 20)) is None


def test_a_configuration_json_holding_a_password_is_a_credential_and_one_without_is_not():
    conf = profile([json.dumps({"host": f"10.0.0.{i}", "user": "admin", "password": f"pw{i * 7}"}) for i in range(40)])
    assert cat("settings", "recorders", conf) == "user.authorization.credentials"
    plain = profile([json.dumps({"mode": "record", "retain": i}) for i in range(40)])
    assert cat("settings", "recorders", plain) is None


def test_chinese_landline_numbers_are_phone_numbers():
    lines = profile([f"0{RNG.choice(['10', '21', '571', '755'])}-{RNG.randint(10**7, 10**8 - 1)}" for _ in range(60)])
    assert cat("office_tel", "员工", lines) == "user.contact.phone_number"
    assert cat("OPHONE", "staff", lines) == "user.contact.phone_number"


def test_dashed_codes_and_zero_padded_cards_are_not_landlines():
    codes = profile([f"{RNG.randint(1990, 2030)}-{RNG.randint(10**7, 10**8 - 1)}" for _ in range(60)])
    assert cat("ref", "shipments", codes) is None
    padded = profile([f"{RNG.randint(0, 99_999_999):010d}" for _ in range(60)])
    assert cat("code", "shipments", padded) is None


def test_names_of_activities_and_short_names_of_things_are_not_person_names():
    runs = profile(["Morning Run", "Lunch Ride", "Evening Walk", "Night Run", "Afternoon Swim"] * 12)
    assert cat("Activity Name", "activities", runs) is None
    assert cat("short_name", "camera", profile(["Front Door", "Garage", "Back Yard", "Porch"] * 15)) is None


def test_a_real_name_is_still_a_person_name():
    people = profile([f"{f} {s}" for f in ("Anna", "Li", "Omar", "Jo") for s in ("Berg", "Wang", "Haddad", "Ruiz")] * 4)
    assert cat("name", "customers", people) == "user.name"


def test_last_update_timestamps_are_not_credentials_but_a_password_is():
    epochs = ints(1_600_000_000_000, 1_760_000_000_000)
    assert cat("LastPasswordUpdate", "Users", epochs) is None
    assert cat("password_change", "Users", epochs) is None
    assert cat("Password", "Users", profile(["$2a$10$" + "a" * 53] * 30)) == "user.authorization.credentials"


def test_a_camera_id_in_a_camera_table_is_not_a_persons_device_unless_tied_to_one():
    assert cat("camera_id", "stream", ints(1, 16), ("id", "type", "config", "retain_bytes")) is None
    assert cat("camera_id", "bindings", ints(10**6, 10**9), ("user_id", "bound_at")) == "user.device.device_id"


def test_avatar_urls_are_profile_images_and_avatar_types_are_not():
    urls = profile([f"https://cdn.example.org/avatars/{RNG.randint(1, 10**6)}.png" for _ in range(60)])
    assert cat("user_avatar", "forum_users", urls) == "user.content.self_image"
    assert cat("avatar_type", "forum_users", profile(["upload", "remote", "gravatar"] * 20)) is None


def test_the_last_page_visited_is_browsing_history_and_a_page_size_is_not():
    pages = profile([f"viewtopic.php?f={RNG.randint(1, 40)}&t={RNG.randint(1, 9000)}" for _ in range(60)])
    assert cat("user_lastpage", "forum_users", pages) == "user.behavior.browsing_history"
    assert cat("page_size", "forum_users", ints(10, 100)) is None


def test_a_uuid_keys_a_table_of_people_but_not_a_table_of_things():
    uuids = profile([f"{RNG.getrandbits(128):032x}" for _ in range(40)])
    assert cat("uuid", "members", uuids) == "user.id"
    assert cat("uuid", "camera", uuids) is None
