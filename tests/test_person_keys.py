"""A record key named for a person noun of published vocabularies is a person's id (pia/discovery/person_keys.py).

Names here are chosen outside the corpus (no table or column of tests/corpus_real): the rule must hold for words it
never saw. Values are made up.
"""

from __future__ import annotations

import random
import uuid

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pia.discovery.detectors import ColumnProfile, classify_column
from pia.discovery.person_keys import key_values, name_points_to_person, person_noun
from tests.column_profiles import profile

RNG = random.Random(21)


def _ints(n: int = 120, hi: int = 9000) -> ColumnProfile:
    return profile([str(RNG.randint(1, hi)) for _ in range(n)])


def _unique_ints(n: int = 120) -> ColumnProfile:
    return profile([str(i) for i in RNG.sample(range(1, 100000), n)])


def verdict(name: str, table: str, prof: ColumnProfile) -> tuple[str | None, str | None]:
    j = classify_column(name, table, prof, siblings=(name, "created_at", "amount"))
    return j.category, j.detector


# --------------------------------------------------------------------------- the vocabulary


@pytest.mark.parametrize(("word", "source"), [
    ("guarantor", "fhir_r4_participants"), ("sponsor", "schema_org_person_properties"),
    ("colleague", "schema_org_person_properties"), ("neighbour", "vcard_related_types"),
    ("surveyor", "isco08_occupations"), ("outpatient", "fhir_r4_participants (glued)"),
    ("choreographer", "morphology -er"), ("trustee", "morphology -ee"), ("specialist", "morphology -ist"),
])
def test_person_noun_comes_from_a_list_or_a_person_suffix(word: str, source: str) -> None:
    assert person_noun(word) == source


@pytest.mark.parametrize("word", ["order", "preorder", "folder", "server", "superserver", "parameter", "playlist",
                                  "whitelist", "degree", "vendor", "sensor", "amount", "id"])
def test_thing_nouns_ending_in_a_person_suffix_are_no_person(word: str) -> None:
    assert person_noun(word) is None


# --------------------------------------------------------------------------- name shapes


@pytest.mark.parametrize(("name", "table", "shape"), [
    ("sponsor_ref", "grants", "keyed"), ("x_trustee_key_n", "estates", "keyed"), ("landlordnumber", "leases", "keyed"),
    ("approved_by", "invoices", "actor"), ("signed_by_staff_id", "contracts", "actor"), ("reports_to", "staff", "actor"),
    ("guarantor", "loans", "bare"), ("attending_surgeon", "operations", "bare"),
    ("id", "landlords", "row_key"), ("uuid", "tbl_surveyors", "row_key"), ("choreographer_id", "choreographers", "row_key"),
    ("lan_id", "landlord_lan", "row_key"),
])
def test_name_shapes_that_point_to_a_person(name: str, table: str, shape: str) -> None:
    ref = name_points_to_person(name, table)
    assert ref is not None and ref.shape == shape


@pytest.mark.parametrize(("name", "table"), [
    ("order_id", "shipments"), ("folder_id", "files"), ("user_agent_id", "requests"), ("parent_id", "categories"),
    ("sort_by", "views"), ("id", "landlord_payments"), ("id", "orders"), ("server_number", "racks"),
    ("linked_to", "records"), ("amount", "payments"),
])
def test_names_of_things_point_to_no_person(name: str, table: str) -> None:
    assert name_points_to_person(name, table) is None


# --------------------------------------------------------------------------- verdicts with values


def test_key_of_a_person_by_role_holding_integers_is_user_id() -> None:
    assert verdict("sponsor_ref", "grants", _ints()) == ("user.id", "user_id")


def test_row_key_of_a_table_of_people_by_its_noun_is_user_id() -> None:
    # (the table's key marks it as a table of people for the scan's other tables: `cross_table`)
    assert verdict("id", "landlords", _unique_ints()) == ("user.id", "row_key_of_people")
    assert verdict("uuid", "surveyors", profile([str(uuid.UUID(int=RNG.getrandbits(128))) for _ in range(60)])) \
        == ("user.id", "row_key_of_people")


def test_row_key_of_a_table_about_people_is_no_person() -> None:
    assert verdict("id", "landlord_payments", _unique_ints())[0] is None


def test_repeated_row_keys_are_no_row_key() -> None:
    # a table's own key is unique per row; the same name holding repeats is not it
    assert verdict("id", "landlords", _ints(hi=30))[0] is None


@pytest.mark.parametrize("values", [
    ["0", "1"] * 40,  # a flag
    [f"2024{m:02d}{d:02d}" for m in range(1, 13) for d in range(1, 8)],  # dates written as integers
    [str(1_700_000_000 + 3600 * i) for i in range(80)],  # Unix times
    [f"{RNG.randint(1, 999)}.{RNG.randint(0, 99):02d}" for _ in range(80)],  # amounts
    ["pending", "approved", "rejected", "draft", "void"] * 16,  # an enum
])
def test_values_that_are_no_keys_keep_the_column_unclassified(values: list[str]) -> None:
    assert verdict("sponsor_ref", "grants", profile(values))[0] is None


def test_a_program_named_like_a_person_is_no_person() -> None:
    # an ambiguous head with a technical modifier names a service or a program
    assert name_points_to_person("sms_provider_id", "messages") is None
    assert name_points_to_person("queue_worker_id", "jobs") is None
    # ... while the bare head, a rank, or a modifier naming what is owned keeps the person
    assert name_points_to_person("referring_provider_id", "visits") is not None
    assert name_points_to_person("data_owner", "datasets") is not None


def test_a_flag_about_a_person_is_no_reference() -> None:
    assert name_points_to_person("is_guarantor", "loans") is None
    assert name_points_to_person("sponsor_enabled", "grants") is None


def test_typed_api_ids_are_not_read_by_the_name() -> None:
    # `asst_...`, `cus_...`: the value's prefix says which API object it keys
    typed = profile([f"trn_{RNG.randint(10**8, 10**9)}" for _ in range(80)])
    assert verdict("trainer_id", "sessions", typed)[0] is None
    assert verdict("trainer_id", "sessions", _ints())[0] == "user.id"


def test_bare_person_noun_needs_integer_or_uuid_keys() -> None:
    assert verdict("guarantor", "loans", _ints()) == ("user.id", "user_id")
    names = profile([f"{RNG.choice(['Ana', 'Tom', 'Wei'])} {RNG.choice(['Lima', 'Berg', 'Kim'])}" for _ in range(80)])
    assert verdict("guarantor", "loans", names)[0] != "user.id"


def test_evidence_names_the_source_of_the_noun() -> None:
    j = classify_column("choreographer_id", "performances", _ints(), siblings=("choreographer_id",))
    assert j.category == "user.id" and any("morphology -er" in e for e in j.evidence)


# --------------------------------------------------------------------------- invariants


_NOUNS = ["guarantor", "sponsor", "trustee", "surveyor", "landlord", "choreographer", "beneficiary", "nominee"]
_TAILS = ["id", "key", "num", "number", "ref", "uuid"]


@given(st.sampled_from(_NOUNS), st.sampled_from(_TAILS), st.sampled_from("pcnx"), st.sampled_from("ncil"))
def test_one_letter_type_tags_change_nothing(noun: str, tail: str, pre: str, post: str) -> None:
    plain = name_points_to_person(f"{noun}_{tail}", "records")
    tagged = name_points_to_person(f"{pre}_{noun}_{tail}_{post}", "records")
    assert plain is not None and tagged == plain


@given(st.lists(st.sampled_from(["0", "1", "true", "false", "yes", "no"]), min_size=20, max_size=200),
       st.sampled_from(["keyed", "bare", "row_key"]))
def test_flags_never_pass_the_value_gate(values: list[str], shape: str) -> None:
    prof = profile(values)
    assert key_values(dict(prof.values), prof.non_blank, prof.distinct, shape, str.isdigit) is None
