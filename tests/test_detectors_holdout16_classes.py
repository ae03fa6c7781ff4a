"""Failure classes seen on the sixteenth held-out part of the real-schema corpus: one positive, one look-alike each.

Values are made up here (never real data, never corpus rows); names and tables are generic where the class allows,
not the corpus's own tables (no QloApps, SteVe, FreeScout, Horilla, Twitter archive or QQ group dumps).
"""

from __future__ import annotations

import json
import random
import string

from pia.discovery.detectors import ColumnProfile, classify_column
from tests.column_profiles import profile

RNG = random.Random(16)
FIRST = ["Ana", "Wei", "Tom", "Lea", "Omar", "Sara", "Ivan", "Mina", "Raj", "Eva", "Li", "Noah"]
LAST = ["Lima", "Zhang", "Berg", "Novak", "Haddad", "Kim", "Ortiz", "Sato", "Weber", "Costa"]
PEOPLE_SIBS = ("first_name", "last_name", "email", "phone")


def cat(name: str, table: str, prof: ColumnProfile, siblings: tuple[str, ...] = ()) -> str | None:
    return classify_column(name, table, prof, siblings=siblings).category


def _ints(n: int = 120, hi: int = 400) -> ColumnProfile:
    return profile([str(RNG.randint(1, hi)) for _ in range(n)])


def _phone() -> str:
    return "+44 7" + "".join(RNG.choice(string.digits) for _ in range(9))


def _email() -> str:
    return f"{RNG.choice(FIRST).lower()}.{RNG.choice(LAST).lower()}{RNG.randint(1, 99)}@example.org"


# --------------------------------------------------------------------------- ORM foreign keys and key-first names


def test_django_doubled_key_to_a_person_is_the_persons_id():
    assert cat("staff_id_id", "payroll_payslip", _ints()) == "user.id"
    assert cat("member_user_id_id", "club_membership", _ints()) == "user.id"


def test_django_doubled_key_to_a_thing_is_a_record_key():
    assert cat("device_id_id", "attendance_punch", _ints()) is None
    assert cat("camera_id_id", "alerts_alert", _ints()) is None


def test_key_first_names_read_as_key_last():
    assert cat("id_order", "shop_order_detail", _ints()) == "user.order.record"
    assert cat("id_carrier", "shop_order_detail", _ints()) is None


def test_own_key_named_pk_of_a_table_of_people():
    keys = profile([str(1000 + i) for i in range(150)])
    assert cat("customer_pk", "customer", keys, ("customer_pk", *PEOPLE_SIBS)) == "user.id"
    assert cat("invoice_pk", "invoice", keys, ("invoice_pk", "amount")) is None


# --------------------------------------------------------------------------- lists of contacts kept as JSON


def test_json_lists_of_phones_and_emails_are_what_their_items_are():
    phones = profile([json.dumps([{"value": _phone(), "type": RNG.choice(["work", "home"])}]) for _ in range(80)])
    emails = profile([json.dumps([_email() for _ in range(RNG.randint(1, 3))]) for _ in range(80)])
    assert cat("phones", "clients", phones, PEOPLE_SIBS) == "user.contact.phone_number"
    assert cat("copied_to", "mail_threads", emails) == "user.contact.email"


def test_json_lists_of_words_stay_nothing():
    tags = profile([json.dumps(RNG.sample(["vip", "late", "new", "bulk", "b2b"], 2)) for _ in range(80)])
    assert cat("labels", "clients", tags, PEOPLE_SIBS) is None


# --------------------------------------------------------------------------- age brackets, changes of a handle


def test_age_brackets_are_age_ranges():
    brackets = profile([RNG.choice(["18-24", "25-34", "35-44", "45-54", "65+"]) for _ in range(100)])
    assert cat("age", "members", brackets, PEOPLE_SIBS) == "user.demographic.age_range"


def test_age_of_a_cache_entry_stays_nothing():
    assert cat("age", "cache_entries", _ints(hi=90000)) is None


def test_both_sides_of_a_handle_change_are_usernames():
    handles = profile([f"{RNG.choice(FIRST).lower()}_{RNG.randint(1, 9999)}" for _ in range(100)])
    assert cat("old_value", "forum_username_history", handles) == "user.account.username"
    assert cat("previous", "forum_username_history", handles) == "user.account.username"


def test_sides_of_a_change_of_a_setting_stay_nothing():
    themes = profile([RNG.choice(["dark", "light", "system"]) for _ in range(100)])
    assert cat("old_value", "app_theme_history", themes) is None


# --------------------------------------------------------------------------- the organisation's own data


def test_public_equipment_serials_sim_and_coordinates_are_the_operators():
    serials = profile(["".join(RNG.choice(string.ascii_uppercase + string.digits) for _ in range(12)) for _ in range(80)])
    lat = profile([f"{RNG.uniform(40, 60):.7f}" for _ in range(80)])
    sibs = ("serial_no", "sim_iccid", "latitude", "vendor")
    assert cat("serial_no", "kiosks", serials, sibs) is None
    assert cat("sim_iccid", "kiosks", _ints(hi=10**9), sibs) is None
    assert cat("latitude", "charging_stations", lat, sibs) is None


def test_a_persons_own_camera_serial_stays_personal():
    serials = profile(["".join(RNG.choice(string.ascii_uppercase + string.digits) for _ in range(12)) for _ in range(80)])
    assert cat("camera_serial", "user_cameras", serials, ("user_id", "camera_serial")) == "user.device.camera.serial_number"


def test_business_contact_copied_into_each_line_is_the_businesss():
    sibs = ("booking_ref", "customer_id", "venue_name", "city", "phone", "email")
    venue_phone = profile([RNG.choice(["+44 20 7946 0000", "+44 161 496 0000", "+44 131 496 0000"]) for _ in range(120)])
    venue_mail = profile([RNG.choice(["desk@venue-a.example", "desk@venue-b.example"]) for _ in range(120)])
    assert cat("phone", "event_booking_line", venue_phone, sibs) is None
    assert cat("email", "event_booking_line", venue_mail, sibs) is None


def test_a_guests_own_contact_beside_the_business_name_stays_personal():
    sibs = ("venue_name", "guest_name", "phone", "email")
    phones = profile([_phone() for _ in range(120)])
    assert cat("phone", "event_booking_line", phones, sibs) == "user.contact.phone_number"
    assert cat("hotel_name", "event_booking_line", profile(["Grand Plaza"] * 60 + ["Sea View"] * 60), sibs) is None


def test_bank_details_table_address_is_the_branchs_and_account_number_the_persons():
    sibs = ("staff_id", "bank_name", "branch", "address", "city", "account_number", "swift")
    cities = profile([RNG.choice(["Leeds", "York", "Bath", "Derby", "Hull"]) for _ in range(100)])
    acct = profile(["".join(RNG.choice(string.digits) for _ in range(10)) for _ in range(100)])
    assert cat("city", "hr_bankdetails", cities, sibs) is None
    assert cat("account_number", "hr_bankdetails", acct, sibs) == "user.financial.account_number"
    assert cat("city", "staff", cities, ("first_name", "last_name", "city")) == "user.contact.address.city"


def test_row_key_of_a_persons_details_table_is_not_the_persons():
    assert cat("id", "hr_staffdetails", profile([str(i) for i in range(1, 121)]), ("staff_id", "bank_name")) is None


# --------------------------------------------------------------------------- help-desk tickets, push devices, contacts


def test_running_number_of_a_help_desk_conversation_is_a_ticket_number():
    nums = profile([str(5000 + i) for i in range(120)])
    assert cat("number", "desk_conversations", nums, ("subject", "customer_id")) == "user.support"
    phones = profile(["07" + "".join(RNG.choice(string.digits) for _ in range(9)) for _ in range(120)])
    assert cat("number", "desk_conversations", phones, ("subject", "customer_id")) != "user.support"


def test_closers_and_assigners_are_people():
    assert cat("closed_by_user", "incidents", _ints(hi=40)) == "user.id"
    assert cat("assigned_by_id", "incidents", _ints(hi=40)) == "user.id"


def test_bare_token_of_a_push_device_is_a_device_id():
    toks = profile(["".join(RNG.choice(string.ascii_letters + string.digits) for _ in range(64)) for _ in range(80)])
    assert cat("token", "app_push_devices", toks, ("device_type", "token")) == "user.device.device_id"
    assert cat("token", "api_clients", toks, ("client_name", "token")) == "user.authorization.credentials.token"


def test_a_contact_kept_as_a_bare_number_is_a_phone():
    phones = profile(["9" + "".join(RNG.choice(string.digits) for _ in range(9)) for _ in range(80)])
    assert cat("next_of_kin_contact", "staff", phones, PEOPLE_SIBS) == "user.contact.phone_number"
    words = profile([RNG.choice(["email", "phone", "post"]) for _ in range(80)])
    assert cat("preferred_contact", "staff", words, PEOPLE_SIBS) is None


def test_charging_card_id_tag_is_the_drivers_id():
    tags = profile(["".join(RNG.choice("0123456789ABCDEF") for _ in range(8)) for _ in range(80)])
    assert cat("idTag", "rfid_cards", tags) == "user.id"
