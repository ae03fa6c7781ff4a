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


# ------------------------------------------------------------------------------------------ vocabularies added for issue 15
# One typical field per published vocabulary, with values of its kind (made up here), and a look-alike of it that must
# stay non-personal (its values or its table say it is a thing's).

_SURNAMES = ["Okafor", "Lindqvist", "Moreau", "Haddad", "Kowalski", "Tanaka", "Ferreira", "Novak", "Brennan", "Iyer"]


def _many(make, n: int = 80) -> list[str]:
    return [make() for _ in range(n)]


def _mobile() -> str:
    return f"+447700{_R.randint(100000, 999999)}"


def _luhn(digits: str) -> str:
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = int(ch) * (2 if i % 2 == 0 else 1)
        total += d - 9 if d > 9 else d
    return digits + str((10 - total % 10) % 10)


def _login() -> str:
    return f"{_R.choice(_GIVEN).lower()}{_R.randint(1, 99)}"


def _hex(bits: int = 128) -> str:
    return f"{_R.getrandbits(bits):0{bits // 4}x}"


@pytest.mark.parametrize(("column", "table", "values", "category"), [
    # RFC 7643 SCIM 2.0 User: ims (instant messaging address)
    ("ims", "scim_users", _many(_login), "user.account.username"),
    # RFC 4519 sn read as surname because the values are people's names; RFC 2798 jpegPhoto
    ("sn", "ldap_people", _many(lambda: _R.choice(_SURNAMES)), "user.name"),
    ("sn", "devices", _many(lambda: f"SN{_R.randint(10**7, 10**8)}"), "user.device.camera.serial_number"),  # as written
    ("jpegPhoto", "directory_entries", _many(lambda: f"https://img.example.org/p/{_R.randint(1000, 9999)}.jpg"),
     "user.content.self_image"),
    ("pager", "ldap_people", _many(_mobile), "user.contact.phone_number"),
    # Elastic Common Schema / OpenTelemetry
    ("user.hash", "ecs_events", _many(_hex), "user.id.pseudonymous"),
    ("enduser.id", "otel_spans", _many(_login), "user.id"),
    ("user.target.name", "ecs_events", _many(_login), "user.account.username"),
    # 3GPP TS 23.003 / TS 32.298
    ("iccid", "sim_inventory", _many(lambda: _luhn(f"8944{_R.randint(10**13, 10**14 - 1)}")), "user.device.device_id"),
    ("calledPartyNumber", "cdr", _many(lambda: f"4477009{_R.randint(10000, 99999)}"), "user.contact.phone_number"),
    ("ecgi", "cdr", _many(lambda: f"234-15-{_R.randint(10**6, 10**8)}"), "user.location.imprecise"),
    # ISO 20022 parties
    ("DbtrAcct", "credit_transfers", _many(lambda: f"DE{_R.randint(10, 99)}37040044{_R.randint(10**9, 10**10 - 1)}"),
     "user.financial.bank_account"),
    ("ultimate_debtor", "credit_transfers", _many(lambda: f"{_R.choice(_GIVEN)} {_R.choice(_SURNAMES)}"), "user.name"),
    # PCI DSS sensitive authentication data
    ("cvv2", "card_payments", _many(lambda: str(_R.randint(100, 999))), "user.authorization.credentials"),
    # JR/T 0171-2020
    ("开户行", "客户", _many(lambda: _R.choice(["中国工商银行", "招商银行", "中国建设银行", "中国银行", "交通银行"])),
     "user.financial.bank_account"),
    ("密保答案", "客户", _many(lambda: _R.choice(["小白", "红色", "北京", "张老师", "1998"])), "user.authorization.credentials"),
    ("授信额度", "客户", _many(lambda: str(_R.randint(5, 500) * 1000)), "user.financial"),
    # 1EdTech OneRoster 1.2
    ("sms", "users", _many(_mobile), "user.contact.phone_number"),
    ("pronouns", "users", _many(lambda: _R.choice(["she/her", "he/him", "they/them"])), "user.demographic.gender"),
    ("cityOfBirth", "demographics", _many(lambda: _R.choice(["Leeds", "Lyon", "Porto", "Graz", "Turku"])),
     "user.demographic"),
    # PNR data (Directive (EU) 2016/681 Annex I) and ICAO Doc 9303
    ("record_locator", "bookings", _many(lambda: "".join(_R.choice("ABCDEFGHJKLMNPQRSTUVWXYZ23456789")
                                                          for _ in range(6))), "user.order.record"),
    ("mrz_line1", "travellers", _many(lambda: f"P<UTO{_R.choice(_SURNAMES).upper()}<<{_R.choice(_GIVEN).upper()}<<<<<<<"),
     "user.government_id.passport_number"),
    ("visa_number", "travellers", _many(lambda: f"V{_R.randint(10**7, 10**8 - 1)}"), "user.government_id"),
    # GB 11643-1999, GB/T 39725-2020
    ("公民身份号码", "人员", _many(lambda: f"{_R.randint(110000, 659999)}19{_R.randint(50, 99)}0{_R.randint(1, 9)}"
                                           f"{_R.randint(10, 28)}{_R.randint(1000, 9999)}"),
     "user.government_id.national_identification_number"),
    ("住院号", "病案首页", _many(lambda: str(_R.randint(10**5, 10**6))), "user.id"),
    ("门诊病历", "就诊", _many(lambda: _R.choice(["咳嗽三天伴发热", "头痛两日", "腹痛待查", "膝关节疼痛"])),
     "user.health.medical_record"),
    ("基因检测结果", "体检", _many(lambda: _R.choice(["阴性", "BRCA1 突变", "未检出", "携带者"])), "user.genetic"),
    # Adobe Analytics data feed, GA4 Measurement Protocol
    ("visid_high", "hit_data", _many(lambda: str(_R.getrandbits(63))), "user.device.cookie_id"),
    ("app_instance_id", "app_events", _many(_hex), "user.device.device_id"),
    # 45 CFR 164.514(b)(2) identifiers; GA 36-2018
    ("license_plate", "parking_sessions", _many(lambda: f"{_R.choice('ABKLMNRSTX')}{_R.randint(100, 999)} "
                                                        f"{_R.choice('ABKLMNRSTX')}{_R.choice('ABKLMNRSTX')}"),
     "user.device.device_id"),
    ("车牌号", "停车记录", _many(lambda: f"粤B{_R.randint(10000, 99999)}"), "user.device.device_id"),
    ("beneficiary_id", "claims", _many(lambda: f"1EG4-TE5-MK{_R.randint(10, 99)}"), "user.id"),
    # GB/T 27917.1-2011; JR/T 0171-2020 4.1; GB/T 35273-2020 Annex A (education and work)
    ("寄件人", "运单", _many(lambda: _R.choice(["王芳", "李娜", "张伟", "刘洋", "陈静", "杨磊"])), "user.name"),
    ("保单号", "保单", _many(lambda: f"P{_R.randint(10**11, 10**12 - 1)}"), "user.financial"),
    ("学历", "职工", _many(lambda: _R.choice(["本科", "硕士", "大专", "博士", "高中"])), "user.demographic"),
    # GB/T 35273-2020 Annex A, further examples; GA4 userAgeBracket
    ("age", "members", _many(lambda: str(_R.randint(18, 90))), "user.demographic.age_range"),
    ("年龄", "会员", _many(lambda: str(_R.randint(18, 90))), "user.demographic.age_range"),
    ("user_age_bracket", "ga_report", _many(lambda: _R.choice(["18-24", "25-34", "35-44", "45-54"])),
     "user.demographic.age_range"),
    ("健康状况", "职工", _many(lambda: _R.choice(["健康", "良好", "一般", "慢性病"])), "user.health.condition"),
    ("通话记录", "用户", _many(lambda: f"{_R.randint(1, 59)}分钟 呼出 {_R.randint(10, 99)}次"), "user.content.private"),
    ("通讯录", "用户", _many(lambda: f"{_R.choice(['王芳', '李娜', '张伟'])}:1380013{_R.randint(1000, 9999)}"),
     "user.contact"),
])
def test_published_vocabularies_find_their_fields(column, table, values, category):
    assert classify_column(column, table, _profile(values)).category == category


@pytest.mark.parametrize(("column", "table", "values"), [
    ("ims", "network_elements", _many(lambda: _R.choice(["enabled", "disabled", "pending"]))),  # IP Multimedia Subsystem
    ("cn", "dict_labels", _many(lambda: _R.choice(["苹果", "香蕉", "橙子", "葡萄"]))),  # a label in Chinese
    ("pager", "widgets", _many(lambda: str(_R.choice([10, 20, 50, 100])))),  # page size of a list
    ("organization.name", "ecs_events", _many(lambda: _R.choice(["Acme Holdings", "Globex Trading", "Initech Group"]))),
    ("k8s.pod.name", "otel_spans", _many(lambda: f"checkout-{_R.randint(100, 999)}")),
    ("pei", "stock_ratios", _many(lambda: f"{_R.uniform(4, 40):.2f}")),  # a ratio, not an equipment identifier
    ("debtor_agent", "credit_transfers", _many(lambda: _R.choice(["DEUTDEFF", "COBADEFF", "BNPAFRPP"]))),  # a bank
    ("cvc_check", "charges", _many(lambda: _R.choice(["pass", "fail", "unavailable", "unchecked"]))),
    ("sms", "notification_settings", _many(lambda: _R.choice(["true", "false"]))),
    ("record_locator", "bookings", _many(lambda: _R.choice(["true", "false"]))),
    ("检查结果", "设备巡检", _many(lambda: _R.choice(["正常", "异常", "待复查"]))),  # an equipment inspection's result
    ("genotype", "plant_lines", _many(lambda: _R.choice(["AA", "Aa", "aa"]))),
    ("车牌颜色", "停车记录", _many(lambda: _R.choice(["蓝", "黄", "绿", "白"]))),  # the plate's colour, not its number
    ("学历要求", "招聘职位", _many(lambda: _R.choice(["本科", "大专", "不限"]))),  # a job's requirement, not a person's
    ("visid_type", "hit_data", _many(lambda: str(_R.choice([0, 1, 3, 5])))),  # how the visitor id was set: a code
    # a bare age counts only as the last word, in a table of people, in a person's range
    ("age", "cache_entries", _many(lambda: str(_R.randint(0, 90)))),
    ("age", "members", _many(lambda: str(_R.randint(0, 86400)))),  # seconds, not years
    ("age_rating", "members", _many(lambda: str(_R.choice([0, 7, 12, 16, 18])))),
    ("健康状况", "服务器", _many(lambda: _R.choice(["健康", "告警", "故障"]))),  # a server's health
])
def test_published_vocabularies_look_alikes_stay_non_personal(column, table, values):
    assert classify_column(column, table, _profile(values)).category is None


def test_thing_names_name_their_source_and_a_known_detector():
    data = yaml.safe_load(lexicon.LEXICON_FILE.read_text(encoding="utf-8"))
    for t in data["thing_names"]:
        assert t.get("source") and t["qualifiers"], t
        assert t["detector"] in DETECTORS_BY_ID, t
    # the veto is precise: a person's name merely stored beside an organisation's is still a person's name
    assert classify_column("org_contact_name", "members", _profile(_names())).category == "user.name"
