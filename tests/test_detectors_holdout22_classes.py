"""Failure classes seen on the twenty-second held-out part of the real-schema corpus: positives and look-alikes.

Values are made up here (never real data, never corpus rows); names and tables are generic where the class allows,
not the corpus's own tables (no Gymie, DocuSeal, FOLIO or group-buying exports).
"""

from __future__ import annotations

import random
import string

from hypothesis import given, settings
from hypothesis import strategies as st

from pia.discovery.detectors import (
    ColumnProfile,
    classify_column,
    polymorphic_person_key,
    polymorphic_type_column,
)
from tests.column_profiles import profile

RNG = random.Random(22)
FIRST = ["Ana", "Wei", "Tom", "Lea", "Omar", "Sara", "Ivan", "Mina", "Raj", "Eva", "Noah", "Ines"]
LAST = ["Lima", "Zhang", "Berg", "Novak", "Haddad", "Kim", "Ortiz", "Sato", "Weber", "Costa"]
CN = ["王伟", "李娜", "张敏", "刘洋", "陈静", "杨帆", "赵磊", "黄丽", "周杰", "吴芳"]
PEOPLE = ("id", "full_name", "email", "phone", "date_of_birth")


def cat(name: str, table: str, prof: ColumnProfile, siblings: tuple[str, ...] = ()) -> str | None:
    return classify_column(name, table, prof, siblings=siblings).category


def _digits(k: int) -> str:
    return "".join(RNG.choices(string.digits, k=k))


def _mobiles(n: int = 80) -> ColumnProfile:
    out = []
    for _ in range(n):
        m = RNG.choice("6789") + _digits(9)
        out.append(RNG.choice([m, "0" + m, f"{m[:5]} {m[5:]}"]))
    return profile(out)


def _names(n: int = 80) -> ColumnProfile:
    return profile([f"{RNG.choice(FIRST)} {RNG.choice(LAST)}" for _ in range(n)])


# --------------------------------------------------------------------------- digits are no one's name


def test_a_contact_of_phone_numbers_is_a_phone_not_a_name():
    sibs = ("id", "full_name", "contact", "email")
    assert cat("contact", "club_members", _mobiles(), sibs) == "user.contact.phone_number"
    assert cat("guardian_contact", "pupils", _mobiles(), ("id", "pupil_name", "guardian_contact")) \
        == "user.contact.phone_number"
    # look-alike: a contact holding people's names stays a name
    assert cat("contact", "suppliers_contacts", _names(), ("id", "contact", "email")) == "user.name"


@settings(max_examples=40, deadline=None)
@given(st.lists(st.from_regex(r"\+?[0-9]{3,12}( [0-9]{2,5})?", fullmatch=True), min_size=25, max_size=60),
       st.sampled_from(["contact", "name", "full_name", "contact_person", "customer_name", "emergency_contact"]))
def test_values_of_digits_alone_are_never_a_persons_name(values, name):
    assert cat(name, "registrations", profile(values), ("id", name, "email")) != "user.name"


# --------------------------------------------------------------------------- interested in what, not whom


def test_an_interest_in_activities_is_not_a_sexual_orientation():
    acts = profile([RNG.choice(["Yoga", "Pilates", "Swimming", "Weight Training", "Tennis", "Dance"])
                    for _ in range(80)])
    assert cat("interested_in", "members", acts, ("id", "name", "interested_in")) is None
    # look-alike: the genders a person seeks, in a table of people, stay sex life
    genders = profile([RNG.choice(["F", "M", "M,F", "women", "men", "everyone"]) for _ in range(80)])
    assert cat("interested_in", "members", genders, ("id", "name", "interested_in")) == "user.sex_life"


# --------------------------------------------------------------------------- a whole address in one cell


def _whole_addresses(n: int = 60) -> ColumnProfile:
    towns = ["Leeds", "Nantes", "Porto", "Malmo", "Kraków", "Graz"]
    return profile([RNG.choice([f"{RNG.randint(1, 200)}, Mill Lane, {RNG.choice(towns)}",
                                f"Flat {RNG.randint(1, 30)}, Rose Court, Old Town, {RNG.choice(towns)}",
                                f"Riverside, {RNG.choice(towns)}"]) for _ in range(n)])


def test_the_only_address_column_with_no_town_column_holds_the_whole_address():
    sibs = ("id", "name", "address", "phone", "postcode")
    assert cat("address", "tenants", _whole_addresses(), sibs) == "user.contact.address"
    assert cat("home_address", "volunteers", _whole_addresses(), ("id", "name", "home_address")) \
        == "user.contact.address"
    # look-alike: with a city column beside it, the address column holds the street part
    assert cat("address", "tenants", _whole_addresses(), (*sibs, "city")) == "user.contact.address.street"
    # look-alike: one-part street lines stay street lines
    streets = profile([f"{RNG.randint(1, 300)} {RNG.choice(['Mill Lane', 'Oak Road', 'High St'])}" for _ in range(60)])
    assert cat("address", "tenants", streets, sibs) == "user.contact.address.street"
    # look-alike: a street line with its flat (`12 Oak Road, Apt 5`) is one place, a street line
    flats = profile([f"{RNG.randint(1, 300)} Oak Road, {RNG.choice(['Apt', 'Flat', 'Unit', '#'])} {RNG.randint(1, 40)}"
                     for _ in range(60)])
    assert cat("address", "tenants", flats, sibs) == "user.contact.address.street"


def test_an_indian_pin_code_beside_an_address_is_a_postal_code():
    pins = profile([f"{RNG.choice('1234567')}{_digits(5)}" for _ in range(60)])
    assert cat("pin_code", "students", pins, ("id", "name", "address", "pin_code")) \
        == "user.contact.address.postal_code"
    assert cat("pincode", "vendors_kyc", pins, ("id", "street", "city", "pincode")) \
        == "user.contact.address.postal_code"
    # look-alikes: a PIN with no address in sight, and four-digit card PINs beside an address
    assert cat("pin_code", "atm_cards", pins, ("id", "card_number", "pin_code")) != \
        "user.contact.address.postal_code"
    short = profile([_digits(4) for _ in range(60)])
    assert cat("pin_code", "cards", short, ("id", "address", "pin_code")) != "user.contact.address.postal_code"


# --------------------------------------------------------------------------- health problems a person declares


def test_declared_health_issues_are_a_health_condition():
    vals = profile([RNG.choice(["None", "Asthma", "Back pain", "Migraine", "Epilepsy", "NA"]) for _ in range(60)])
    assert cat("health_issues", "campers", vals, ("id", "name", "health_issues")) == "user.health.condition"
    assert cat("medical_conditions", "volunteers", vals, ("id", "name")) == "user.health.condition"


# --------------------------------------------------------------------------- ids an organisation gives a person


def test_a_persons_code_barcode_and_external_id_are_user_ids():
    codes = profile([f"EMP{1000 + i}" for i in range(60)])
    assert cat("employee_code", "employees", codes, ("id", "employee_code", "full_name")) == "user.id"
    barcodes = profile([f"3{_digits(13)}" for _ in range(60)])
    assert cat("barcode", "patrons", barcodes, PEOPLE) == "user.id"
    ext = profile([RNG.choice([f"hr-{RNG.randint(10000, 99999)}", _digits(8)]) + str(i) for i in range(60)])
    assert cat("external_id", "signers", ext, PEOPLE) == "user.id"
    assert cat("externalSystemId", "library_accounts", ext, PEOPLE) == "user.id"
    # look-alikes: a product's barcode, an invoice's external id, a country code in a table of people
    assert cat("barcode", "products", barcodes, ("id", "title", "price")) is None
    assert cat("external_id", "invoices", ext, ("id", "amount", "due_date")) is None
    # look-alike: a code that expires (OAuth's device flow `user_code`, RFC 8628) is a one-time code, not an id
    assert cat("user_code", "device_authorizations", profile([f"WD{RNG.randint(10, 99)}-{i:04d}" for i in range(60)]),
               ("device_code", "user_code", "expires_at")) != "user.id"
    assert cat("country_code", "employees", profile([RNG.choice(["IN", "GB", "US"]) for _ in range(60)]),
               ("id", "full_name")) != "user.id"


def test_the_row_key_of_a_record_of_one_person_is_theirs():
    keys = profile([str(i) for i in range(1, 81)])
    assert cat("id", "leads", keys, ("id", "name", "dob", "email", "status")) == "user.id"
    assert cat("id", "walk_in_registrations", keys, ("id", "first_name", "gender", "phone")) == "user.id"
    # look-alikes: a row that belongs to a person (the person keyed in `user_id`), and a named thing with no traits
    assert cat("id", "delivery_addresses", keys, ("id", "user_id", "name", "gender", "phone")) is None
    assert cat("id", "plans", keys, ("id", "name", "price", "duration")) is None


def test_a_random_slug_on_a_row_of_a_person_is_a_token():
    chars = string.ascii_letters + string.digits
    slugs = profile(["".join(RNG.choices(chars, k=14)) + str(i) for i in range(60)])
    assert cat("slug", "signers", slugs, PEOPLE) == "user.authorization.credentials.token"
    # look-alike: a slug built of words is the person's public handle, not a secret
    words = profile([f"{RNG.choice(FIRST).lower()}-{RNG.choice(LAST).lower()}-{i}" for i in range(60)])
    assert cat("slug", "signers", words, PEOPLE) != "user.authorization.credentials.token"
    # look-alike: a random slug on a row of a thing
    assert cat("slug", "documents", slugs, ("id", "title", "created_at")) is None


# --------------------------------------------------------------------------- an account several people share


def test_an_account_shared_by_many_people_is_a_tenant_not_a_person():
    tenants = profile([str(RNG.randint(1, 12)) for _ in range(120)])
    assert cat("account_id", "users", tenants, ("id", "email", "first_name", "role")) is None
    assert cat("account_id", "mail_events", tenants, ("id", "account_id", "recipient_user_id", "event")) is None
    # look-alikes: an account per user (Mastodon's users.account_id), and an account in a table of posts
    unique = profile([str(10**9 + i) for i in range(120)])
    assert cat("account_id", "users", unique, ("id", "email", "first_name")) == "user.id"
    assert cat("account_id", "posts", tenants, ("id", "text", "created_at")) == "user.id"


def test_opening_a_record_in_its_workflow_is_not_an_email_open():
    ts = profile([f"2024-0{RNG.randint(1, 9)}-1{RNG.randint(0, 9)} 1{RNG.randint(0, 9)}:0{RNG.randint(0, 9)}:00"
                  for _ in range(60)])
    assert cat("opened_at", "signature_requests", ts, ("id", "email", "sent_at", "opened_at", "completed_at")) is None
    # look-alike: a mailing's opens beside its clicks
    assert cat("opened_at", "deliveries", ts, ("id", "email", "sent_at", "opened_at", "clicked_at")) \
        == "user.behavior.email_engagement"


# --------------------------------------------------------------------------- a pick-up name with its building


def test_a_user_name_with_a_building_number_is_a_persons_name():
    vals = profile([RNG.choice([RNG.choice(CN), f"{RNG.choice(CN)}{RNG.randint(1, 30)}栋",
                                f"{RNG.choice(CN)[0]}女士"]) for _ in range(80)])
    assert cat("用户名称", "团购订单", vals, ("订单号", "用户名称", "手机号")) == "user.name"


# --------------------------------------------------------------------------- a polymorphic key to a person


def test_a_polymorphic_key_whose_type_names_people_is_a_user_id():
    assert polymorphic_type_column("notifiable_id", ["id", "notifiable_type", "notifiable_id"]) == "notifiable_type"
    assert polymorphic_type_column("user_id", ["user_type"]) is None
    keys = profile([str(RNG.randint(1, 900)) for _ in range(80)])
    people = profile([RNG.choice(["App\\Models\\User", "Customer", "Customer", "Employee"]) for _ in range(80)])
    j = polymorphic_person_key("notifiable_id", keys, "notifiable_type", people)
    assert j is not None and j.category == "user.id"
    # look-alike: a polymorphic key to posts and photos
    things = profile([RNG.choice(["Post", "Photo", "Comment"]) for _ in range(80)])
    assert polymorphic_person_key("commentable_id", keys, "commentable_type", things) is None
