"""Failure classes seen on the tenth held-out part of the real-schema corpus: one positive, one look-alike each.

Values are made up here (never real data); names and tables are generic where the class allows, not the corpus's
own columns (no Synapse, Gibbon, ZenTao, Tuya, Dawarich, Kill Bill or ICBC tables).
"""

from __future__ import annotations

import json
import random
import string

from pia.discovery.detectors import ColumnProfile, classify_column
from pia.discovery.value_patterns import is_geojson_point, is_qualified_handle
from pia.discovery.vocabulary import split_table_prefix, strip_ordinals
from tests.column_profiles import profile

RNG = random.Random(10)
ALNUM = string.ascii_letters + string.digits
GIVEN = ["Ana", "Tom", "Mia", "Omar", "Lena", "Ivan", "Sara", "Noor", "Kai", "Eva", "Raj", "Jonas"]
FAMILY = ["Lopez", "Novak", "Smith", "Okafor", "Berg", "Rossi", "Haddad", "Kowalski"]
SERVERS = ["chat.example.org", "example.net", "talk.example.com"]


def cat(name: str, table: str, prof: ColumnProfile, siblings: tuple[str, ...] = ()) -> str | None:
    return classify_column(name, table, prof, siblings=siblings).category


def rand(alphabet: str, n: int) -> str:
    return "".join(RNG.choice(alphabet) for _ in range(n))


def login() -> str:
    return RNG.choice([f"{RNG.choice(GIVEN).lower()}.{RNG.choice(FAMILY).lower()}",
                       f"{RNG.choice(GIVEN).lower()}{RNG.randint(1, 99)}"])


# --------------------------------------------------------------------------- federated user ids are logins


def test_federated_handles_under_an_id_name_are_usernames():
    matrix = profile([f"@{login()}:{RNG.choice(SERVERS)}" for _ in range(120)])
    assert cat("member_id", "room_members", matrix) == "user.account.username"
    assert cat("sender", "events_log", matrix) == "user.account.username"
    fediverse = profile([f"@{login()}@{RNG.choice(SERVERS)}" for _ in range(120)])
    assert cat("account_id", "follows", fediverse) == "user.account.username"
    # look-alikes: a numeric user id stays an id; an email is not a handle; a room alias is not a person's
    assert cat("member_id", "room_members", profile([str(RNG.randint(1, 9000)) for _ in range(120)])) == "user.id"
    assert not is_qualified_handle("ana.lopez@example.org")
    assert not is_qualified_handle("@ana")
    assert is_qualified_handle("@ana.lopez:example.org")


# --------------------------------------------------------------------------- numbered fields


def test_numbered_fields_keep_the_word_of_their_data():
    assert strip_ordinals("phone1") == "phone"
    assert strip_ordinals("guardian_email2") == "guardian_email"
    assert strip_ordinals("headshot_120") == "headshot"
    # technical words keep their numbers; a name that is only a number stays
    assert strip_ordinals("sha256") == "sha256"
    assert strip_ordinals("ipv4") == "ipv4"
    assert strip_ordinals("2024") == "2024"
    national = profile([RNG.choice("5792") + rand(string.digits, 8) for _ in range(100)])
    assert cat("phone2", "pupils", national) == "user.contact.phone_number"
    assert cat("tel3", "pupils", national) == "user.contact.phone_number"
    # look-alike: a numbered counter is no personal field
    assert cat("slot2", "pupils", profile([str(RNG.randint(1, 9)) for _ in range(100)])) is None


def test_an_application_prefix_glued_to_the_word_is_split_off():
    assert split_table_prefix("acmei18n_id_personal", "acme_member") == "acme_i18n_id_personal"
    # a name that does not start with the table's prefix, or is the prefix alone, stays
    assert split_table_prefix("xi18n_id", "acme_member") == "xi18n_id"
    assert split_table_prefix("acme_id", "acme_member") == "acme_id"
    codes = profile([RNG.choice(["0001", "0002", "0007", "0012"]) for _ in range(100)])
    assert cat("acmei18nIDPersonal", "acmeMember", codes) == "user.demographic.language"
    assert cat("i18n", "members", profile([RNG.choice(["en_GB", "zh_CN", "de_DE"]) for _ in range(100)])) \
        == "user.demographic.language"
    # look-alikes: the prefix glued to a word of no personal data stays nobody's; so does the word without the prefix
    assert cat("acmestatus", "acmeMember", profile([RNG.choice(["Full", "Left", "Expected"]) for _ in range(100)])) \
        is None
    assert cat("xi18n_counter", "acmeMember", codes) is None


def test_picture_of_a_person_by_a_relative_upload_path():
    paths = profile([f"files/{RNG.randint(2019, 2025)}/{RNG.choice(GIVEN).lower()}_{rand(ALNUM, 12)}_160.png"
                     for _ in range(80)])
    assert cat("photo_160", "student", paths) == "user.content.self_image"
    assert cat("picture", "persons", paths) == "user.content.self_image"
    # look-alikes: the picture of a thing; a relative path of a document is no picture
    assert cat("photo_160", "product", paths) is None
    docs = profile([f"files/{RNG.randint(2019, 2025)}/{rand(ALNUM, 12)}.pdf" for _ in range(80)])
    assert cat("picture", "persons", docs) is None


# --------------------------------------------------------------------------- names of two meanings


def test_an_address_holding_emails_is_an_email():
    mixed = profile([f"{RNG.choice(GIVEN).lower()}{RNG.randint(1, 99)}@example.org" if RNG.random() < 0.7
                     else "4477" + rand(string.digits, 8) for _ in range(120)])
    assert cat("address", "contact_points", mixed) == "user.contact.email"
    assert cat("notify_address", "subscriptions", mixed) == "user.contact.email"
    # look-alike: a postal address stays a street address
    streets = profile([f"{RNG.randint(1, 200)} {RNG.choice(['High St', 'Oak Ave', 'Mill Rd'])}" for _ in range(120)])
    assert cat("address", "contact_points", streets) == "user.contact.address.street"


def test_the_country_code_of_a_phone_is_a_dialling_prefix():
    codes = profile([RNG.choice(["1", "44", "49", "81", "86", "358"]) for _ in range(100)])
    assert cat("mobile_country_code", "guardians", codes) is None
    assert cat("tel1CountryCode", "guardians", codes) is None
    # look-alikes: a country code of an address stays a country; so do country names under a phone word
    iso = profile([RNG.choice(["DE", "FR", "CN", "US", "JP", "BR", "IN"]) for _ in range(100)])
    assert cat("country_code", "guardians", iso) == "user.contact.address.country"
    names = profile([RNG.choice(["Germany", "France", "China", "Japan", "Brazil"]) for _ in range(100)])
    assert cat("phone_country", "guardians", names) == "user.contact.address.country"


def test_consent_times_and_notices_are_not_consent_records():
    times = profile([str(1_700_000_000_000 + RNG.randint(0, 10**10)) for _ in range(100)])
    assert cat("consent_ts", "members", times) is None
    assert cat("marketing_consent_reminder", "members", profile([RNG.choice(["1.0", "2.1"]) for _ in range(100)])) \
        is None
    # look-alikes: the consent itself (a version accepted, a yes/no) stays a consent record
    assert cat("marketing_consent", "members", profile([RNG.choice(["Y", "N"]) for _ in range(100)])) \
        == "user.authorization.consent"
    assert cat("consent_version", "members", profile([RNG.choice(["1.0", "2.1"]) for _ in range(100)])) \
        == "user.authorization.consent"


# --------------------------------------------------------------------------- people's names and logins


def test_a_nickname_of_given_names_is_the_name_a_person_goes_by():
    given = profile([RNG.choice(["Jim", "Bea", "Lulu", "Max", "小张", "老王", "阿明"]) for _ in range(80)])
    assert cat("nickname", "team_members", given) == "user.name"
    # look-alike: app handles with digits, underscores or masked numbers stay usernames
    handles = profile([RNG.choice([f"{RNG.choice(GIVEN)}{RNG.randint(1, 99)}", f"cool_{rand(ALNUM, 4)}",
                                   f"139****{RNG.randint(1000, 9999)}"]) for _ in range(80)])
    assert cat("nickname", "team_members", handles) == "user.account.username"


def test_a_committer_is_the_login_of_who_changed_the_row():
    vcs = profile([RNG.choice([login(), login(), f"{RNG.choice(GIVEN)} {RNG.choice(FAMILY)}"]) for _ in range(90)])
    assert cat("committer", "changesets", vcs) == "user.account.username"
    # look-alike: a committer kept by numeric id is the person's id
    assert cat("committer", "changesets", profile([str(RNG.randint(1, 500)) for _ in range(90)])) == "user.id"


def test_names_in_pinyin_in_a_table_of_people_are_names():
    syllables = ["li", "wang", "zhang", "liu", "chen", "yang", "huang", "zhao", "wu", "zhou", "xu", "sun", "ma"]
    given = ["xiao", "ming", "hua", "jun", "fang", "lei", "jing", "yu", "tao", "qiang"]

    def py() -> str:
        s, g = RNG.choice(syllables), RNG.choice(given) + RNG.choice(["", RNG.choice(given)])
        return RNG.choice([f"{s}{g}", f"{s.title()} {g.title()}", f"{s}{g} {s[0]}{g[0]}"])

    names = profile([py() for _ in range(80)])
    assert cat("name_pinyin", "employees", names) == "user.name"
    assert cat("pinyin", "staff", names, ("realname", "email")) == "user.name"
    # look-alikes: the pinyin of product names is nobody's; English words under `pinyin` are no names
    assert cat("pinyin", "products", names) is None
    words = profile([RNG.choice(["apple", "window", "street", "orange", "pencil", "rocket"]) for _ in range(80)])
    assert cat("pinyin", "employees", words) is None


def test_a_persons_key_and_a_qq_number_are_user_ids():
    assert cat("schoolPersonID", "schoolPerson", profile([f"{i:08d}" for i in range(1, 90)])) == "user.id"
    assert cat("qq", "contacts", profile([str(RNG.randint(10000, 3_000_000_000)) for _ in range(90)])) == "user.id"
    # look-alike: the id of a person's record of another kind is not the person
    assert cat("person_type_id", "persons", profile([str(RNG.randint(1, 4)) for _ in range(90)])) is None


# --------------------------------------------------------------------------- devices and places


def test_keys_and_secrets_of_owned_devices():
    sibs = ("owner_uid", "name", "online", "ip")
    ids = profile([RNG.choice(["ab", "cd"]) + rand(string.ascii_lowercase + string.digits, 18) for _ in range(90)])
    assert cat("id", "smart_devices", ids, sibs) == "user.device.device_id"
    secrets = profile([rand(ALNUM + "!#$%&*+-=?@^_", 16) for _ in range(90)])
    assert cat("lan_key", "smart_devices", secrets, sibs) == "user.authorization.credentials"
    # look-alikes: a row number is no device id; equipment with no owner is nobody's; a key id is no secret
    assert cat("id", "smart_devices", profile([str(i) for i in range(1, 91)]), sibs) is None
    assert cat("id", "smart_devices", ids, ("name", "online", "firmware")) is None
    assert cat("key_id", "smart_devices", secrets, sibs) is None


def test_geojson_points_are_precise_locations():
    def feature() -> str:
        return json.dumps({"type": "Feature", "geometry": {"type": "Point", "coordinates": [
            round(RNG.uniform(-10, 30), 6), round(RNG.uniform(35, 60), 6)]},
            "properties": {"street": "Main St", "city": "Springfield"}})

    assert cat("reverse_geocode", "track_points", profile([feature() for _ in range(60)])) == "user.location.precise"
    # rows not yet geocoded hold an empty object: the points decide as a JSON GPS fix does
    half = profile([feature() if i % 2 else "{}" for i in range(80)])
    assert cat("reverse_geocode", "track_points", half) == "user.location.precise"
    assert is_geojson_point(json.dumps({"type": "Point", "coordinates": [13.404954, 52.520008]}))
    # look-alikes: a city's centroid of 2 decimals, and a polygon (an area), are not a person's position
    assert not is_geojson_point(json.dumps({"type": "Point", "coordinates": [13.4, 52.52]}))
    assert not is_geojson_point(json.dumps({"type": "Polygon", "coordinates": [[[13.404954, 52.520008]]]}))
