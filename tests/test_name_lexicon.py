"""Name understanding from published vocabularies (pia/discovery/lexicon.py) and its guards against look-alikes.

Column names and values here are made up for these tests (not taken from the real-schema corpus). Each personal case
fails without its lexicon rule; each look-alike must stay non-personal.
"""
from __future__ import annotations

import random

import pytest
import yaml

from pia.declare.taxonomy import load_taxonomy
from pia.discovery import lexicon
from pia.discovery.detectors import DETECTORS_BY_ID, ColumnProfile, classify_column


def _profile(values: list[str]) -> ColumnProfile:
    counts: dict[str, int] = {}
    for v in values:
        counts[v] = counts.get(v, 0) + 1
    return ColumnProfile(len(values), len(counts), counts)


_R = random.Random(424242)
_GIVEN = ["Odile", "Tamsin", "Bartek", "Ifeoma", "Rasmus", "Ludmila", "Caetano", "Yevgenia", "Anwen", "Soren", "Priya",
          "Matteo", "Hinemoa", "Kwame", "Ilse"]


_VENDORS = ["Acme Radio Ltd", "Globex", "Initech Networks", "Umbrella Corp", "Hooli", "Vandelay Industries",
            "Stark Sensors", "Wayne Telecom", "Cyberdyne", "Tyrell Devices", "Soylent Wireless", "Oscorp Labs"]


def _names(n: int = 80) -> list[str]:
    return [_R.choice(_GIVEN) for _ in range(n)]


def _phones(n: int = 80) -> list[str]:
    return [f"+44 7700 9{_R.randint(10000, 99999)}" for _ in range(n)]


def _ssns(n: int = 80) -> list[str]:
    return [f"{_R.randint(101, 665)}-{_R.randint(10, 99)}-{_R.randint(1000, 9999)}" for _ in range(n)]


def _floats(lo: float, hi: float, n: int = 80) -> list[str]:
    return [f"{_R.uniform(lo, hi):.1f}" for _ in range(n)]


# ------------------------------------------------------------------------------------------ the data file


def test_every_group_names_its_source_and_a_known_detector_and_category():
    data = yaml.safe_load(lexicon.LEXICON_FILE.read_text(encoding="utf-8"))
    categories = {c.key for c in load_taxonomy()}
    new = {d["id"] for d in data["detectors"]}
    for d in data["detectors"]:
        assert d["category"] in categories, d
    for g in data["groups"]:
        assert g.get("source"), g
        assert g["detector"] in new or g["detector"] in DETECTORS_BY_ID, g
        assert g.get("names") or g.get("zh"), g


# ------------------------------------------------------------------------------------------ reading names


def test_unknown_modifier_is_not_split():
    # `second` is no modifier of the lexicon: the name is left as written rather than guessed
    assert lexicon.read_name("secondname")[0] == "secondname"


@pytest.mark.parametrize(("raw", "read"), [
    ("spousename", "spouse_name"),            # joined words
    ("nextofkinname", "next_of_kin_name"),
    ("guardiansname", "guardians_name"),      # possessive modifier
    ("workemail", "work_email"),
    ("emergencycontactphone", "emergency_contact_phone"),
    ("mname", "middle_name"),                 # abbreviation
    ("kin_fname", "kin_first_name"),
    ("telno", "telephone_number"),
    ("email3", "email"),                      # digit suffix
    ("mob", "mobile"),
])
def test_read_name(raw, read):
    assert lexicon.read_name(raw)[0] == read


def test_ambiguous_abbreviation_needs_its_values():
    assert lexicon.read_name("ss", _profile(_ssns()))[0] == "ssn"
    assert lexicon.read_name("ss", _profile([str(_R.randint(0, 59)) for _ in range(80)]))[0] == "ss"
    assert lexicon.read_name("ss")[0] == "ss"  # no values: not expanded


# ------------------------------------------------------------------------------------------ verdicts


@pytest.mark.parametrize(("column", "table", "values", "category"), [
    ("nextofkinname", "members", _names(), "user.name"),
    ("emergencyfname", "enrolments", _names(), "user.name"),
    ("emergencycontactphone", "enrolments", _phones(), "user.contact.phone_number"),
    ("fn", "address_book", [f"{_R.choice(_GIVEN)} {_R.choice(_GIVEN)}son" for _ in range(80)], "user.name"),
    # month and day only (no year): no date pattern confirms it, the vCard name decides
    ("bday", "members", [f"{_R.randint(1, 12):02d}/{_R.randint(1, 28):02d}" for _ in range(80)],
     "user.demographic.date_of_birth"),
    ("pulse_oximetry", "checkups", [str(_R.randint(90, 100)) for _ in range(80)], "user.health.vital_signs"),
    ("breathing_rate", "checkups", [str(_R.randint(10, 24)) for _ in range(80)], "user.health.vital_signs"),
    ("temperature", "triage_notes", _floats(35.5, 40.2), "user.health.vital_signs"),
    ("weight_kg", "members", _floats(3, 140), "user.health"),
    ("肺活量", "体检记录", [str(_R.randint(1500, 6000)) for _ in range(80)], "user.health"),
    ("criminal_convictions", "applicants", [_R.choice(["a", "b", "c", "d"]) for _ in range(80)],
     "user.criminal_history"),
    ("nationality", "members", [_R.choice(["Kenyan", "Peruvian", "Maltese", "Fijian", "Omani", "Latvian", "Tongan"])
                                for _ in range(80)], "user.demographic"),
    ("credit_history", "applicants", [_R.choice(["clean", "late payments", "default", "thin file"])
                                      for _ in range(80)], "user.financial"),
    ("征信记录", "客户", [_R.choice(["良好", "一般", "逾期"]) for _ in range(80)], "user.financial"),
    ("政治面貌", "职工", [_R.choice(["群众", "团员", "党员"]) for _ in range(80)], "user.demographic.political_opinion"),
    ("authuser", "access_log", [f"u{_R.randint(100, 999)}x" for _ in range(80)], "user.account.username"),
    ("telecom", "patients", _phones(), "user.contact.phone_number"),
    ("pid", "ward_admissions", [str(_R.randint(1, 9000)) for _ in range(80)], "user.id"),
    ("mrn", "lab_orders", [f"M{_R.randint(10**6, 10**7)}" for _ in range(80)], "user.id"),
])
def test_lexicon_finds_personal_columns(column, table, values, category):
    assert classify_column(column, table, _profile(values)).category == category


def test_a_read_name_gives_lower_confidence_and_says_so():
    j = classify_column("nextofkinname", "members", _profile(_names()))
    plain = classify_column("next_of_kin_name", "members", _profile(_names()))
    assert j.confidence < plain.confidence
    assert "read as 'next_of_kin_name'" in j.evidence[0]


# ------------------------------------------------------------------------------------------ look-alikes


@pytest.mark.parametrize(("column", "table", "values"), [
    # a bare vital-sign word outside health, or out of a body's range
    ("temperature", "freezer_readings", _floats(35.5, 40.2)),
    ("temperature", "triage_notes", _floats(-20, 20)),
    ("weight", "parcels", _floats(3, 140)),
    ("bps", "uplinks", [str(_R.randint(10**6, 10**9)) for _ in range(80)]),
    ("pulse", "servo_channels", [str(_R.randint(900, 2100)) for _ in range(80)]),
    # the head word decides, not the personal modifier
    ("avatar_color", "members", [f"#{_R.randint(0, 0xFFFFFF):06x}" for _ in range(80)]),
    ("password_rounds", "members", [str(_R.choice([12000, 27500, 600000])) for _ in range(80)]),
    ("mac_vendor", "wifi_clients", [_R.choice(_VENDORS)
                                    for _ in range(80)]),
    # values of another kind outvote the name
    ("contact_email", "campaign_stats", [str(_R.randint(0, 5000)) for _ in range(80)]),
    ("mac", "wifi_clients", [_R.choice(_VENDORS)
                             for _ in range(80)]),
    # an ambiguous short form whose values disagree, a split whose head is not personal
    ("ss", "timers", [str(_R.randint(0, 59)) for _ in range(80)]),
    ("cc", "ledger_lines", [f"{_R.randint(4000, 4999)}-{_R.randint(10, 99)}" for _ in range(80)]),  # cost centres
    ("secondname", "settings", [f"opt{_R.randint(1, 9)}" for _ in range(80)]),
    ("pid", "worker_processes", [str(_R.randint(1, 9000)) for _ in range(80)]),
    ("telecom", "roaming_partners", [_R.choice(_VENDORS) for _ in range(80)]),  # carriers' names, no digits
    ("phone_model", "handsets", [_R.choice(_VENDORS) for _ in range(80)]),
])
def test_look_alikes_stay_non_personal(column, table, values):
    assert classify_column(column, table, _profile(values)).category is None


def test_concealed_values_keep_a_specific_name():
    # masked addresses match no email pattern, but masking keeps them personal: the name still decides
    masked = [f"{c}***{_R.randint(10, 99)}" for c in "abcdefghij" for _ in range(8)]
    assert classify_column("member_email", "members", _profile(masked)).category == "user.contact.email"
