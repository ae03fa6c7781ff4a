"""Failure classes seen on the fourteenth held-out part of the real-schema corpus: one positive, one look-alike each.

Values are made up here (never real data, never corpus rows); names and tables are generic where the class allows,
not the corpus's own tables (no Koha, OpenCATS, ChurchCRM, Roundcube, Zeek, voter-file or 23andMe dumps).
"""

from __future__ import annotations

import random
import string

from pia.discovery.detectors import ColumnProfile, classify_column
from pia.discovery.value_patterns import aba_routing_ok, is_card_track, is_micr_line, luhn_ok
from tests.column_profiles import profile

RNG = random.Random(14)
FIRST = ["Ana", "Wei", "Tom", "Lea", "Omar", "Sara", "Ivan", "Mina", "Raj", "Eva", "Li", "Noah"]
LAST = ["Lima", "Zhang", "Berg", "Novak", "Haddad", "Kim", "Ortiz", "Sato", "Weber", "Costa"]
PEOPLE_SIBS = ("first_name", "last_name", "email", "phone")


def cat(name: str, table: str, prof: ColumnProfile, siblings: tuple[str, ...] = ()) -> str | None:
    return classify_column(name, table, prof, siblings=siblings).category


def _keys(n: int = 120, start: int = 1000) -> ColumnProfile:
    return profile([str(start + i) for i in range(n)])


def _login(i: int) -> str:
    return f"{RNG.choice(FIRST).lower()}.{RNG.choice(LAST).lower()}{'' if i % 3 else i}"


# --------------------------------------------------------------------------- the table's own key, named after a row


def test_own_key_of_a_table_of_people_is_the_persons_id():
    assert cat("applicant_id", "applicant", _keys(), PEOPLE_SIBS) == "user.id"
    assert cat("votersnumber", "county_voters", _keys(), PEOPLE_SIBS) == "user.id"


def test_own_key_of_a_table_about_people_stays_a_record_key():
    assert cat("identity_id", "identities", _keys(), ("user_id", "name", "email", "phone")) is None
    assert cat("shipment_id", "shipment", _keys(), ("carrier", "weight", "status")) is None


# --------------------------------------------------------------------------- a table's tag before each column


def test_table_tag_before_an_actor_column_is_no_part_of_the_word():
    sibs = ("mem_first_name", "mem_email", "mem_phone")
    assert cat("mem_EnteredBy", "member_mem", _keys(start=1), sibs) == "user.id"
    assert cat("entered_by", "ledger", _keys(start=1)) == "user.id"


def test_tag_that_is_not_the_tables_own_is_kept():
    # `mem_` before a column of a table not tagged `mem` is a word of the name (nothing personal about it)
    assert cat("mem_pages", "server_stats", _keys(start=1)) is None


# --------------------------------------------------------------------------- the status of a condition


def test_status_of_a_condition_is_the_condition():
    flags = profile([RNG.choice(["Y", "N", "N", ""]) for _ in range(150)])
    assert cat("disability_status", "applicants", flags, PEOPLE_SIBS) == "user.health.condition"


def test_status_of_anything_else_is_not_the_data():
    states = profile([RNG.choice(["Y", "N"]) for _ in range(150)])
    assert cat("email_status", "applicants", states, PEOPLE_SIBS) is None


# --------------------------------------------------------------------------- a table of a person's genome


def _alleles(n: int = 150) -> ColumnProfile:
    return profile([RNG.choice("ACGT") + RNG.choice("ACGT") for _ in range(n)])


def test_genotype_in_a_table_of_a_genome_is_genetic_data():
    assert cat("genotype", "dna_raw_export", _alleles()) == "user.genetic"


def test_genotype_in_a_table_of_anything_else_needs_a_health_context():
    assert cat("genotype", "seed_catalogue", _alleles()) is None


# --------------------------------------------------------------------------- counts and protocols of traffic


def test_byte_counts_and_protocol_of_an_address_are_not_the_address():
    counts = profile([str(RNG.randint(0, 90000)) for _ in range(150)])
    assert cat("src_ip_bytes", "flows", counts) is None
    assert cat("ip_proto", "flows", profile([RNG.choice(["tcp", "udp", "icmp"]) for _ in range(150)])) is None


def test_the_address_itself_stays_an_address():
    ips = profile([f"10.{RNG.randint(0, 255)}.{RNG.randint(0, 255)}.{RNG.randint(1, 254)}" for _ in range(150)])
    assert cat("src_ip", "flows", ips) == "user.device.ip_address"


# --------------------------------------------------------------------------- a social network's name


def _handles(n: int = 60) -> ColumnProfile:
    return profile([_login(i).replace(".", "_") for i in range(n)])


def test_social_network_column_of_a_table_of_people_is_the_account():
    assert cat("instagram", "customers", _handles(), PEOPLE_SIBS) == "user.account.username"


def test_social_network_column_of_a_table_of_things_is_not():
    assert cat("instagram", "brands", _handles(), ("brand_name", "logo_url", "website")) is None


# --------------------------------------------------------------------------- logins kept in a `userid`


def test_userid_holding_logins_is_the_login_name():
    logins = profile([_login(i) for i in range(150)])
    assert cat("userid", "patrons", logins, PEOPLE_SIBS) == "user.account.username"


def test_userid_holding_keys_is_the_id():
    assert cat("userid", "patrons", _keys(), PEOPLE_SIBS) == "user.id"


# --------------------------------------------------------------------------- a postal mailing address


def test_mail_address_of_street_lines_is_the_street():
    streets = profile([f"{RNG.randint(1, 999)} {RNG.choice(['OAK', 'ELM', 'MAPLE', 'PINE'])} "
                       f"{RNG.choice(['ST', 'AVE', 'RD', 'LN'])}" for _ in range(80)])
    assert cat("mail_addr1", "residents", streets, PEOPLE_SIBS) == "user.contact.address.street"


def test_mail_address_of_emails_is_the_email():
    emails = profile([f"{_login(i)}@example.org" for i in range(80)])
    assert cat("mail_address", "residents", emails, PEOPLE_SIBS) == "user.contact.email"


# --------------------------------------------------------------------------- the cookie of a login session


def test_session_cookie_is_a_token():
    vals = profile(["SESS=" + "".join(RNG.choice(string.ascii_lowercase + string.digits) for _ in range(26))
                    for _ in range(80)])
    assert cat("session_cookie", "accounts", vals) == "user.authorization.credentials.token"


def test_tracking_cookie_stays_a_cookie_id():
    vals = profile([f"GA1.2.{RNG.randint(10**8, 10**9)}.{RNG.randint(1_600_000_000, 1_700_000_000)}"
                    for _ in range(80)])
    assert cat("tracking_cookie", "visits", vals) == "user.device.cookie_id"


# --------------------------------------------------------------------------- a provider of a service


def test_service_provider_id_is_a_company():
    assert cat("sms_provider_id", "patrons", profile([RNG.choice(["1", "2", "3"]) for _ in range(60)]),
               PEOPLE_SIBS) is None


def test_care_provider_id_is_a_person():
    assert cat("provider_id", "encounters", _keys(), ("patient_id", "diagnosis", "visit_date")) == "user.id"


# --------------------------------------------------------------------------- other names of a person


def _names(n: int = 60) -> ColumnProfile:
    return profile([RNG.choice(FIRST) for _ in range(n)])


def test_other_names_in_a_table_of_people_are_names():
    assert cat("othernames", "patrons", _names(), PEOPLE_SIBS) == "user.name"


def test_other_names_of_things_are_not():
    assert cat("othernames", "species", _names(), ("latin_name", "genus")) is None


# --------------------------------------------------------------------------- head words glued into longer names


def test_glued_zipcode_is_a_postal_code():
    zips = profile([f"{RNG.randint(10000, 99999)}" for _ in range(80)])
    assert cat("homezipcode", "residents", zips, PEOPLE_SIBS) == "user.contact.address.postal_code"


def test_glued_word_without_a_head_stays_unread():
    assert cat("altcontactpages", "residents", _keys(), PEOPLE_SIBS) is None


# --------------------------------------------------------------------------- an age at a moment; tables of people


def _ages(n: int = 120) -> ColumnProfile:
    return profile([str(RNG.randint(18, 95)) for _ in range(n)])


def test_age_at_a_moment_is_the_persons_age():
    assert cat("age_at_enrollment", "students", _ages()) == "user.demographic.age_range"


def test_bare_age_in_a_table_of_people_by_its_columns():
    assert cat("age", "rolls", _ages(), PEOPLE_SIBS) == "user.demographic.age_range"


def test_bare_age_of_a_cache_entry_is_not_a_persons():
    assert cat("age", "cache_entries", _ages(), ("key", "value", "expires")) is None


# --------------------------------------------------------------------------- a newsletter opt-in


def test_send_newsletter_flag_is_a_consent_record():
    flags = profile([RNG.choice(["TRUE", "FALSE"]) for _ in range(80)])
    assert cat("SendNewsLetter", "households", flags, PEOPLE_SIBS) == "user.authorization.consent"


def test_newsletter_send_time_is_not_a_consent():
    times = profile([f"2026-0{RNG.randint(1, 9)}-1{RNG.randint(0, 9)} 0{RNG.randint(0, 9)}:00:00" for _ in range(80)])
    assert cat("send_newsletter_at", "households", times, PEOPLE_SIBS) is None


# --------------------------------------------------------------------------- a special category as a lookup key


def _codes(n: int = 120) -> ColumnProfile:
    return profile([str(RNG.randint(0, 6)) for _ in range(n)])


def test_coded_ethnicity_and_religion_of_a_person():
    assert cat("ethnic_type_id", "applicants", _codes(), PEOPLE_SIBS) == "user.demographic.race_ethnicity"
    assert cat("religion_id", "members", _codes(), PEOPLE_SIBS) == "user.demographic.religious_belief"


def test_coded_category_outside_a_table_of_people_is_a_lookup():
    assert cat("ethnic_type_id", "report_rows", _codes(), ("label", "sort_order")) is None


# --------------------------------------------------------------------------- a dash for an unset log field


def test_dash_is_an_unset_field_not_a_value():
    vals = ["-"] * 150 + [f"X-Real-IP -> 198.51.100.{RNG.randint(1, 254)}" for _ in range(50)]
    assert cat("forwarded", "proxy_log", profile(vals)) == "user.device.ip_address"


def test_column_of_dashes_and_words_stays_unpersonal():
    vals = ["-"] * 150 + [RNG.choice(["gzip", "br", "deflate"]) for _ in range(50)]
    assert cat("encoding", "proxy_log", profile(vals)) is None


# --------------------------------------------------------------------------- a flow log's uid


def _conn_ids(n: int = 120) -> ColumnProfile:
    return profile(["C" + "".join(RNG.choice(string.ascii_letters + string.digits) for _ in range(17)) for _ in range(n)])


def test_uid_in_a_log_of_network_flows_keys_the_connection():
    sibs = ("ts", "src_ip", "src_port", "dst_ip", "dst_port", "proto")
    assert cat("uid", "flows", _conn_ids(), sibs) is None


def test_uid_of_a_table_of_accounts_is_the_users():
    assert cat("uid", "accounts", _keys(), ("name", "mail", "pass")) == "user.id"


# --------------------------------------------------------------------------- a registered party


def test_party_codes_of_a_table_of_people_are_political_opinion():
    parties = profile([RNG.choice(["DEM", "REP", "UNA", "LIB", "GRE"]) for _ in range(120)])
    assert cat("party", "registrants", parties, PEOPLE_SIBS) == "user.demographic.political_opinion"


def test_party_of_a_contract_is_not():
    parties = profile([RNG.choice(["buyer", "seller", "agent"]) for _ in range(120)])
    assert cat("party", "contract_parties", parties, PEOPLE_SIBS) is None


# --------------------------------------------------------------------------- a card's stripe and a cheque's MICR line


def _luhn_complete(body: str) -> str:
    return next(body + d for d in "0123456789" if luhn_ok(body + d))


def _routing() -> str:
    body = "".join(RNG.choice(string.digits) for _ in range(8))
    return next(body + d for d in "0123456789" if aba_routing_ok(body + d))


def test_magnetic_stripe_track_is_a_card_number():
    pans = [_luhn_complete("4" + "".join(RNG.choice(string.digits) for _ in range(14))) for _ in range(40)]
    tracks = [f";{p}=2912{RNG.randint(100, 999)}00000?" for p in pans]
    assert all(is_card_track(t) for t in tracks)
    assert cat("swipe", "gifts", profile(tracks)) == "user.financial.account_number"
    bad = next(p for p in (pans[0][:-1] + d for d in "0123456789") if not luhn_ok(p))
    assert not is_card_track(f";{bad}=2912100?")


def test_micr_line_is_a_bank_account():
    lines = [f"T{_routing()}T{RNG.randint(10**7, 10**10)}U{RNG.randint(100, 9999)}" for _ in range(40)]
    assert all(is_micr_line(v) for v in lines)
    assert cat("cheque_scan", "gifts", profile(lines)) == "user.financial.bank_account"
    good = _routing()
    bad = good[:-1] + str((int(good[-1]) + 1) % 10)
    assert not is_micr_line(f"T{bad}T12345678U1001")


# --------------------------------------------------------------------------- card barcodes that pass Luhn by chance


def test_card_barcodes_passing_luhn_by_chance_are_the_institutions_number():
    # a library's barcodes: 14 digits, a third of them Luhn-valid with a card-like prefix, the rest not
    codes = []
    for i in range(150):
        body = "4" + "".join(RNG.choice(string.digits) for _ in range(12))
        valid = _luhn_complete(body)
        codes.append(valid if i % 3 == 0 else next(body + d for d in "0123456789" if not luhn_ok(body + d)))
    assert cat("cardnumber", "patrons", profile(codes), PEOPLE_SIBS) == "user.id"


def test_card_numbers_that_all_pass_are_payment_cards():
    pans = [_luhn_complete("4" + "".join(RNG.choice(string.digits) for _ in range(14))) for _ in range(150)]
    assert cat("cardnumber", "patrons", profile(pans), PEOPLE_SIBS) == "user.financial.account_number"


# --------------------------------------------------------------------------- the originator of a connection


def _lan_ips(n: int = 150) -> ColumnProfile:
    return profile([f"192.168.{RNG.randint(0, 3)}.{RNG.randint(2, 254)}" for _ in range(n)])


def test_originator_of_a_connection_is_a_client_even_on_a_lan():
    assert cat("id.orig_h", "flows", _lan_ips()) == "user.device.ip_address"


def test_other_private_addresses_stay_servers():
    assert cat("server_ip", "flows", _lan_ips()) is None
