"""Failure classes seen on the thirteenth held-out part of the real-schema corpus: one positive, one look-alike each.

Values are made up here (never real data, never corpus rows); names and tables are generic where the class allows,
not the corpus's own tables (no OpenMRS, FHIR export, Open edX, OneRoster, Kamailio or MyBB dumps).
"""

from __future__ import annotations

import random
import string

from pia.discovery.detectors import ColumnProfile, classify_column
from tests.column_profiles import profile

RNG = random.Random(13)
HEX = "0123456789abcdef"


def cat(name: str, table: str, prof: ColumnProfile, siblings: tuple[str, ...] = ()) -> str | None:
    return classify_column(name, table, prof, siblings=siblings).category


def _s(alphabet: str, n: int) -> str:
    return "".join(RNG.choice(alphabet) for _ in range(n))


def _uuid() -> str:
    return f"{_s(HEX, 8)}-{_s(HEX, 4)}-4{_s(HEX, 3)}-a{_s(HEX, 3)}-{_s(HEX, 12)}"


def _flags(n: int = 120) -> ColumnProfile:
    return profile([RNG.choice(["true", "false", "false"]) for _ in range(n)])


# --------------------------------------------------------------------------- flags named for a racial category


def test_flag_named_for_a_racial_category_is_the_race():
    flags = _flags()
    sibs = ("learner_ref", "alaska_native", "white", "latino")
    for name in ("asian", "blackOrAfricanAmerican", "is_hispanic", "two_or_more_races", "pacificIslander"):
        assert cat(name, "learner_census", flags, sibs) == "user.demographic.race_ethnicity", name
    # one such flag alone in a table of people
    assert cat("is_latino", "patients", flags, ("email", "first_name")) == "user.demographic.race_ethnicity"
    # look-alikes: a flag about the data is not the data; a lone colour flag in a table of things is no race
    assert cat("has_race_data", "learner_census", flags, sibs) is None
    assert cat("white", "paint_swatches", flags, ("sku", "price")) is None


def test_values_that_are_racial_categories_or_their_codes_are_the_race():
    texts = profile([RNG.choice(["Asian", "White", "Black or African American", "Other", "American Indian or Alaska "
                                 "Native"]) for _ in range(120)])
    assert cat("ext_value_text", "bundle_rows", texts) == "user.demographic.race_ethnicity"
    codes = profile([RNG.choice(["2106-3", "2028-9", "2054-5", "2131-1"]) for _ in range(120)])
    assert cat("coding_code", "bundle_rows", codes) == "user.demographic.race_ethnicity"
    # look-alike: colours of a product (white among them) are no answers about race
    colours = profile([RNG.choice(["White", "Black", "Red", "Navy", "Grey"]) for _ in range(120)])
    assert cat("colour", "bundle_rows", colours) is None


# --------------------------------------------------------------------------- flags about the data


def test_qualifier_flag_about_a_date_of_birth_is_not_the_date():
    assert cat("dob_estimated", "clients", profile([RNG.choice(["0", "0", "1"]) for _ in range(120)])) is None
    assert cat("birthday_hidden", "clients", _flags()) is None
    # look-alike: the date itself stays a date of birth
    dates = profile([f"{RNG.randint(1940, 2005)}-{RNG.randint(1, 12):02d}-{RNG.randint(1, 28):02d}" for _ in range(120)])
    assert cat("dob", "clients", dates) == "user.demographic.date_of_birth"


# --------------------------------------------------------------------------- names made unique with a number


def test_names_with_a_number_appended_stay_names():
    family = profile([RNG.choice(["Okafor", "Lindqvist", "Moreau", "Tanaka", "Barros"]) + str(RNG.randint(10, 999))
                      for _ in range(120)])
    assert cat("family_name", "clients", family) == "user.name"
    assert cat("name[0].given[0]", "records", family) == "user.name"
    # look-alike: a bare name of numbered things (hosts) is not a person's name
    hosts = profile([RNG.choice(["Server", "Gateway", "Relay"]) + str(RNG.randint(1, 99)) for _ in range(120)])
    assert cat("name", "servers", hosts) != "user.name"


# --------------------------------------------------------------------------- telephony: SIP parties and identities


def _numbers(n: int = 120) -> list[str]:
    return [str(RNG.randint(200, 240)) if RNG.random() < 0.3 else RNG.choice(["+3361", "+4915", "+1202"])
            + _s(string.digits, 8) for _ in range(n)]


def test_user_part_of_a_call_party_is_a_phone_number():
    nums = profile(_numbers())
    for name in ("src_user", "dst_user", "dst_ouser", "from_user"):
        assert cat(name, "call_records", nums) == "user.contact.phone_number", name
    # the identity a server asserts for a caller, written as a SIP URI
    asserted = profile([RNG.choice(["sip:", ""]) + "+3361" + _s(string.digits, 7) for _ in range(120)])
    assert cat("p_asserted_identity", "accounts_sip", asserted) == "user.contact.phone_number"
    # look-alike: a party's user part that is a login name is no number
    logins = profile([RNG.choice(["ines", "karl", "desk", "lab"]) + str(RNG.randint(1, 99)) for _ in range(120)])
    assert cat("src_user", "call_records", logins) != "user.contact.phone_number"


def test_sip_uri_of_an_ip_address_is_the_senders_address():
    received = profile([f"sip:{RNG.randint(11, 220)}.{RNG.randint(0, 255)}.{RNG.randint(0, 255)}.{RNG.randint(1, 254)}:"
                        f"{RNG.randint(1024, 65535)}" + RNG.choice(["", ";transport=tcp"]) for _ in range(120)])
    assert cat("came_from", "registrations", received) == "user.device.ip_address"
    # look-alike: the server's own socket (a few repeated, no SIP URI) is nobody's address
    sockets = profile([RNG.choice(["udp:10.1.1.9:5060", "tcp:10.1.1.9:5060"]) for _ in range(120)])
    assert cat("listen_socket", "registrations", sockets) is None


def test_sip_instance_id_is_the_devices_id():
    inst = profile([f"<urn:uuid:{_uuid()}>" for _ in range(120)])
    assert cat("instance", "registrations", inst) == "user.device.device_id"
    # look-alike: a bundle's bare `urn:uuid:` reference may point at any resource
    bare = profile([f"urn:uuid:{_uuid()}" for _ in range(120)])
    assert cat("full_url", "bundle_entries", bare) != "user.device.device_id"


def test_digest_ha1_is_a_credential():
    digests = profile([_s(HEX, 32) for _ in range(120)])
    for name in ("ha1", "ha1b", "md5secret"):
        assert cat(name, "sip_accounts", digests, ("username", "realm")) == "user.authorization.credentials", name
    # look-alike: a 32-hex entity tag of a record is no credential
    assert cat("etag", "sip_accounts", digests, ("username", "realm")) != "user.authorization.credentials"


def test_ip_address_stored_as_packed_bytes_in_hex():
    packed = profile(["".join(f"{RNG.randint(1, 254):02x}" for _ in range(4)) for _ in range(120)])
    assert cat("regip", "forum_members", packed) == "user.device.ip_address"
    # look-alike: 8 hex digits under a checksum's name are a checksum
    assert cat("crc", "forum_members", packed) is None


# --------------------------------------------------------------------------- FHIR flattened paths


def test_identifier_value_of_a_person_record():
    sibs = ("gender", "birthDate", "name[0].family", "identifier[0].system")
    assert cat("identifier[0].value", "fhir_patient", profile([_uuid() for _ in range(120)]), sibs) == "user.id"
    ssn = profile([f"9{RNG.randint(10, 99)}-{RNG.randint(10, 99)}-{RNG.randint(1000, 9999)}" for _ in range(120)])
    assert cat("identifier[2].value", "fhir_patient", ssn, sibs) == \
        "user.government_id.national_identification_number"
    # look-alike: the identifier of a device record is the device's, not a person's
    assert cat("identifier[0].value", "fhir_device", profile([_uuid() for _ in range(120)]),
               ("manufacturer", "status")) is None


def test_reference_to_a_person_resource_is_the_persons_id():
    refs = profile([RNG.choice(["Patient/", "Person/"]) + _uuid() if RNG.random() < 0.6 else f"urn:uuid:{_uuid()}"
                    for _ in range(120)])
    assert cat("subject.reference", "fhir_encounter", refs) == "user.id"
    # look-alike: references to organisations are nobody's id
    orgs = profile([f"Organization/{_uuid()}" for _ in range(120)])
    assert cat("managingOrganization.reference", "fhir_encounter", orgs) is None


def test_reading_of_an_observation_about_a_person_is_a_vital_sign():
    readings = profile([f"{RNG.uniform(50, 130):.1f}" for _ in range(120)])
    sibs = ("subject.reference", "valueQuantity.unit", "code.coding[0].code")
    assert cat("valueQuantity.value", "fhir_observation", readings, sibs) == "user.health.vital_signs"
    # look-alike: an observation with no person as subject (a bird count) is nobody's health
    assert cat("valueQuantity.value", "fhir_observation", readings, ("site", "valueQuantity.unit", "species")) is None


def test_geocode_of_an_address_is_a_precise_location():
    lat = profile([f"{RNG.uniform(40, 50):.12f}" for _ in range(120)])
    assert cat("address[0].extension[0].extension[0].valueDecimal", "fhir_patient", lat) == "user.location.precise"
    # look-alike: street lines under the same address stay street lines
    streets = profile([f"{RNG.randint(1, 300)} {RNG.choice(['Elm', 'Mill', 'Quay'])} Road" for _ in range(120)])
    assert cat("address[0].line[0]", "fhir_patient", streets) == "user.contact.address.street"


# --------------------------------------------------------------------------- rosters, forums: ids and handles


def test_roster_ids_of_people():
    uuids = profile([_uuid() for _ in range(120)])
    assert cat("sourcedId", "people_roster_users", uuids) == "user.id"
    assert cat("guardianSourcedIds", "enrolment_feed", uuids) == "user.id"
    sis = profile(["{SIS:" + str(RNG.randint(100000, 999999)) + "}" for _ in range(120)])
    assert cat("userIds", "enrolment_feed", sis) == "user.id"
    # look-alike: the sourced ids of schools (orgs) are no person's
    assert cat("orgSourcedIds", "enrolment_feed", uuids) is None


def test_sms_number_is_a_phone_number():
    # North American numbers written three ways, bare ten digits among them (which alone prove nothing)
    phones = profile([RNG.choice([f"({a}) 555-{b:04d}", f"{a}-555-{b:04d}", f"{a}555{b:04d}"])
                      for a, b in ((RNG.randint(201, 989), RNG.randint(0, 9999)) for _ in range(120))])
    assert cat("sms", "members", phones) == "user.contact.phone_number"
    # look-alike: an sms yes/no setting is no number
    assert cat("sms", "members", _flags()) is None


def test_messenger_handles():
    handles = profile([RNG.choice(["rivercat", "m.ortega", "blue_fox", "nadia.k"]) + str(RNG.randint(1, 999))
                       for _ in range(120)])
    for name in ("skype", "yahoo", "aim"):
        assert cat(name, "forum_members", handles) == "user.account.username", name
    uins = profile([str(RNG.randint(10000, 999999999)) for _ in range(120)])
    assert cat("icq", "forum_members", uins) == "user.id"
    # look-alike: a yes/no setting named for the messenger is no handle
    assert cat("skype", "forum_members", _flags()) is None


def test_row_key_of_a_table_of_things_of_people_is_not_a_persons_id():
    uuids = profile([_uuid() for _ in range(120)])
    for table in ("customer_nickname", "member_identifier", "student_enrolment"):
        assert cat("uuid", table, uuids) is None, table
    seq = profile([str(i) for i in range(1, 121)])
    assert cat("id", "learner_coursework", seq) is None
    # look-alikes: the key of a table of people (or of SIP subscribers) is the person's
    assert cat("uuid", "person", uuids) == "user.id"
    assert cat("id", "subscriber", seq) == "user.id"
    assert cat("id", "customer_entity", seq) == "user.id"


def test_level_of_education_is_demographic():
    levels = profile([RNG.choice(["hs", "b", "m", "p", "none", "other"]) for _ in range(120)])
    assert cat("level_of_education", "learner_profile", levels) == "user.demographic"
    assert cat("highest_education", "applicants", levels) == "user.demographic"
    # look-alike: the level a course asks for is the course's
    assert cat("education_level", "courses", levels) is None
