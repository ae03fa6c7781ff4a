"""Failure classes seen on the twenty-first held-out part of the real-schema corpus: positives and look-alikes.

Values are made up here (never real data, never corpus rows); names and tables are generic where the class allows,
not the corpus's own tables (no Evergreen, Documenso, EasyParcel, Zoom or Tencent Meeting dumps).
"""

from __future__ import annotations

import random
import string

from hypothesis import given, settings
from hypothesis import strategies as st

from pia.discovery import person_keys
from pia.discovery.detectors import ColumnProfile, classify_column
from pia.discovery.vocabulary import expand_name
from tests.column_profiles import profile

RNG = random.Random(21)
FIRST = ["Ana", "Wei", "Tom", "Lea", "Omar", "Sara", "Ivan", "Mina", "Raj", "Eva", "Noah", "Ines"]
LAST = ["Lima", "Zhang", "Berg", "Novak", "Haddad", "Kim", "Ortiz", "Sato", "Weber", "Costa"]
CN = ["王伟", "李娜", "张敏", "刘洋", "陈静", "杨帆", "赵磊", "黄丽", "周杰", "吴芳"]


def cat(name: str, table: str, prof: ColumnProfile, siblings: tuple[str, ...] = ()) -> str | None:
    return classify_column(name, table, prof, siblings=siblings).category


def _keys(n: int = 120, unique: bool = False) -> ColumnProfile:
    if unique:
        return profile([str(i) for i in range(1, n + 1)])
    return profile([str(RNG.randint(1, 5000)) for _ in range(n)])


def _hex(k: int) -> str:
    return "".join(RNG.choices("0123456789abcdef", k=k))


# --------------------------------------------------------------------------- `usr` abbreviates user


def test_usr_is_spelled_out_as_user_in_names_and_tables():
    assert expand_name("usr") == "user"
    assert expand_name("usrname") == "username"
    assert expand_name("usr_id") == "user_id"
    assert expand_name("usage") == "usage"  # no part of a word
    assert person_keys.name_points_to_person("id", "member_usr") is not None
    assert person_keys.name_points_to_person("cust_id", "invoices") is not None
    assert person_keys.name_points_to_person("id", "usage_stats") is None


def test_a_usr_reference_and_a_usr_tables_row_key_are_user_ids():
    assert cat("usr", "loan_history", _keys()) == "user.id"
    assert cat("usr", "hold_request", _keys()) == "user.id"
    assert cat("id", "patron_usr", _keys(unique=True), ("usrname", "email", "passwd")) == "user.id"
    assert cat("mbr_no", "renewals", _keys()) == "user.id"
    # look-alikes: a key of things, and a flag under the abbreviation
    assert cat("id", "usr_group", _keys(unique=True), ("name", "description")) is None
    assert cat("usr_active", "patron_usr", profile([RNG.choice(["t", "f"]) for _ in range(80)])) is None


def test_usrname_is_a_login():
    logins = profile([f"{RNG.choice(FIRST).lower()}{RNG.choice(LAST).lower()}{RNG.randint(1, 99)}" for _ in range(80)])
    assert cat("usrname", "patron_usr", logins) == "user.account.username"


# --------------------------------------------------------------------------- dates, addresses, measures


def test_a_birth_date_at_local_midnight_with_its_offset_is_a_birth_date():
    dobs = profile([f"{RNG.randint(1940, 2015)}-{RNG.randint(1, 12):02d}-{RNG.randint(1, 28):02d} 00:00:00"
                    f"{RNG.choice(['+08', '-05', '+05:30'])}" for _ in range(80)])
    assert cat("birth_date", "readers", dobs) == "user.demographic.date_of_birth"
    times = profile([f"{RNG.randint(1990, 2024)}-{RNG.randint(1, 12):02d}-{RNG.randint(1, 28):02d} "
                     f"{RNG.randint(1, 23):02d}:{RNG.randint(0, 59):02d}:00-05" for _ in range(80)])
    assert cat("birth_date", "readers", times) is None


def test_an_address_column_of_bare_integers_is_a_key_of_an_address_row():
    assert cat("home_address", "subscribers", _keys()) is None
    assert cat("shipping_address", "buyers", _keys()) is None
    streets = profile([f"{RNG.randint(1, 999)} {RNG.choice(LAST)} Street" for _ in range(80)])
    assert cat("home_address", "subscribers", streets) == "user.contact.address.street"
    # look-alike: a house number is a bare integer and still part of the address
    assert cat("street_number", "subscribers", profile([str(RNG.randint(1, 300)) for _ in range(80)])) \
        == "user.contact.address.street"


def test_a_parcels_weight_is_not_a_body_measurement():
    kg = profile([f"{RNG.uniform(0.2, 20):.2f}" for _ in range(80)])
    assert cat("weight_kg", "shipments", kg, ("tracking_no", "recipient_name")) is None
    assert cat("weight_kg", "orders_export", kg, ("product_name", "qty")) is None
    body = profile([f"{RNG.uniform(45, 110):.1f}" for _ in range(80)])
    assert cat("weight_kg", "patients", body, ("first_name", "height_cm")) == "user.health"


# --------------------------------------------------------------------------- the sending business's details


def _few(vals: list[str], n: int = 120) -> ColumnProfile:
    return profile([vals[i % len(vals)] for i in range(n)])


def test_a_senders_repeated_contact_data_beside_a_receivers_is_the_business():
    sibs = ("sender_name", "sender_phone", "receiver_name", "receiver_phone", "receiver_city", "parcel_content")
    assert cat("sender_phone", "bulk_dispatch", _few(["+44 20 7946 0000", "+44 20 7946 0001"]), sibs) is None
    assert cat("sender_contact", "bulk_dispatch", _few(["020-7946 0000"]), sibs) is None
    assert cat("sender_city", "bulk_dispatch", _few(["Leeds", "York"]), sibs) is None
    assert cat("shipper_postcode", "bulk_dispatch", _few(["LS1 4AP"]), sibs) is None
    phones = profile([f"+44 7{RNG.randint(100, 999)} {RNG.randint(100000, 999999)}" for _ in range(120)])
    assert cat("receiver_phone", "bulk_dispatch", phones, sibs) == "user.contact.phone_number"
    # a sender who varies row by row (a marketplace of private sellers) is a person
    assert cat("sender_phone", "bulk_dispatch", phones, sibs) == "user.contact.phone_number"


def test_a_persons_emergency_contact_number_stays_a_phone():
    phones = profile([f"+1 415 555 {RNG.randint(1000, 9999)}" for _ in range(80)])
    assert cat("emergency_contact", "staff", phones) == "user.contact.phone_number"


def test_an_organisation_under_a_person_word_is_not_a_name():
    units = profile([RNG.choice(["华为技术有限公司", "第一实验学校", "市图书馆", "育才中学"]) for _ in range(80)])
    assert cat("收件人单位", "发货单", units) is None
    assert cat("联系人公司", "客户名单", units) is None
    assert cat("收件人", "发货单", profile([RNG.choice(CN) for _ in range(80)])) == "user.name"


def test_an_event_registration_time_is_not_an_account_status():
    times = profile([f"2024-{RNG.randint(1, 12):02d}-{RNG.randint(1, 28):02d} {RNG.randint(8, 20):02d}:00:00"
                     for _ in range(80)])
    assert cat("registration_time", "meeting_attendees", times) is None
    assert cat("registration_time", "webinar_registrants", times) is None
    assert cat("registration_time", "members", times) == "user.account.status"


# --------------------------------------------------------------------------- names shown and typed


def test_a_meeting_display_name_with_the_registered_name_in_brackets_is_a_name():
    def shown() -> str:
        f, la = RNG.choice(FIRST), RNG.choice(LAST)
        return RNG.choice([f"{f} {la}", f"{f} ({f} {la})", f"{f}'s Pixel ({f} {la})", f"{f[0]}. {la}"])
    assert cat("nickname_original_name", "call_participants", profile([shown() for _ in range(80)])) == "user.name"
    cn = profile([RNG.choice(["", "一组-", "家长-"]) + f"{n}({n})" for n in RNG.choices(CN, k=80)])
    assert cat("参会昵称", "会议签到", cn) == "user.name"
    handles = profile([RNG.choice(["Shadow", "Nightowl", "Blue", "Tiger", "Maple"]) + str(RNG.randint(1, 999))
                       for _ in range(80)])
    assert cat("nickname", "call_participants", handles) == "user.account.username"


def test_a_typed_signature_holding_names_is_a_name():
    typed = profile([RNG.choice([f"{RNG.choice(FIRST)} {RNG.choice(LAST)}", f"{RNG.choice(FIRST)[0]}. {RNG.choice(LAST)}"])
                     for _ in range(80)])
    assert cat("signature_text", "contract_signatures", typed) == "user.name"
    assert cat("signature_text", "contract_signatures", profile(["draw", "type", "upload"] * 30)) is None


# --------------------------------------------------------------------------- keys and numbers in context


def test_a_password_reset_requests_random_key_is_a_token():
    assert cat("uuid", "password_reset_requests", profile([_hex(32) for _ in range(80)])) \
        == "user.authorization.credentials.token"
    assert cat("selector", "pwd_resets", profile([_hex(24) for _ in range(80)])) \
        == "user.authorization.credentials.token"
    # look-alikes: the request's running number, and a uuid of a table of things
    assert cat("id", "password_reset_requests", _keys(unique=True)) is None
    assert cat("uuid", "documents", profile([_hex(32) for _ in range(80)])) is None


def test_a_card_number_in_a_table_of_cards_held_by_a_person_is_a_user_id():
    numbers = profile([f"2{RNG.randint(10**12, 10**13 - 1)}" for _ in range(80)])
    assert cat("barcode", "library_card", numbers, ("id", "usr", "active")) == "user.id"
    assert cat("card_no", "member_cards", numbers, ("member_id", "issued")) == "user.id"
    # look-alike: cards held by nobody (gift cards in stock), and a product's barcode
    assert cat("barcode", "gift_cards", numbers, ("id", "amount", "active")) is None
    assert cat("barcode", "products", numbers, ("sku", "price")) is None


def test_an_identity_documents_number_beside_its_type_is_a_government_id():
    nums = profile([RNG.choice([f"{RNG.randint(0, 10**9 - 1):09d}", f"D{RNG.randint(0, 9999999):07d}"])
                    for _ in range(80)])
    assert cat("id_document_number", "applicants", nums, ("id_document_type", "first_name")) == "user.government_id"
    # look-alike: the same name without a document type beside it
    assert cat("document_number", "invoices", nums, ("amount", "issued_at")) is None


def test_a_profile_slug_in_a_table_of_people_is_a_username():
    slugs = profile([f"{RNG.choice(FIRST).lower()}-{RNG.choice(LAST).lower()}-{i}" for i in range(80)])
    assert cat("slug", "users", slugs, ("email", "name", "password")) == "user.account.username"
    assert cat("slug", "blog_posts", slugs, ("title", "body")) is None
    urls = profile([f"https://example.org/p/{''.join(RNG.choices(string.ascii_lowercase, k=8))}" for _ in range(80)])
    assert cat("url", "users", urls, ("email", "name")) != "user.account.username"


def test_a_shipping_files_reference_is_the_senders_order_number():
    refs = profile([f"SO-{10000 + i}" for i in range(80)])
    sibs = ("receiver_name", "receiver_phone", "parcel_content", "weight_kg")
    assert cat("reference", "bulk_dispatch", refs, sibs) == "user.order.record"
    # look-alikes: no goods, or no recipient beside it
    assert cat("reference", "journal_entries", refs, ("amount", "account")) is None
    assert cat("reference", "stock_moves", refs, ("product_id", "qty")) is None


# --------------------------------------------------------------------------- invariants


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(["home", "mailing", "billing", "shipping", "postal", "work"]),
       st.lists(st.integers(min_value=1, max_value=10**9), min_size=30, max_size=120))
def test_bare_integers_under_an_address_name_are_never_an_address(kind: str, keys: list[int]) -> None:
    assert cat(f"{kind}_address", "accounts", profile([str(k) for k in keys])) is None


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(["phone", "contact", "city", "postcode", "email"]),
       st.lists(st.sampled_from(["+60 3-7960 1234", "+60 4-229 8812", "10300", "George Town", "ops@shop.example"]),
                min_size=1, max_size=3, unique=True))
def test_a_senders_few_values_beside_a_receiver_are_never_personal(field: str, few: list[str]) -> None:
    sibs = (f"receiver_{field}", "receiver_name", "parcel_content")
    assert cat(f"sender_{field}", "dispatch_sheet", _few(few, 90), sibs) is None
