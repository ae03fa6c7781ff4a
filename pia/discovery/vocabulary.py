"""Vocabularies for discovery: abbreviated and glued column names, and words that values of sensitive attributes use.

Pure helpers for `pia.discovery.detectors` and `pia.discovery.value_patterns`: `expand_name` spells out abbreviated
tokens (`fname`) and splits glued ones (`mothersname`); the value tests recognise categorical answers (marital
status, religion, sexual orientation, a BMI class), vehicle identification numbers, encrypted key envelopes, domain
names, host names of personal devices and counterparties written with their account numbers.
"""
from __future__ import annotations

import re
from functools import lru_cache

# --------------------------------------------------------------------------- column names

# Tokens that schemas abbreviate (`fname`, `cust_nm`): spelled out so that the name detectors see the words.
_ABBREVIATIONS = {
    "fname": "first_name", "lname": "last_name", "mname": "middle_name", "gname": "given_name",
    "fullnm": "full_name", "nm": "name", "firstnm": "first_name", "lastnm": "last_name",
    # (holdout21 classes) `usr` for user (Evergreen ILS `actor.usr`, `usrname`; as Unix's `/usr` was named): a
    # vowel-dropped spelling of the word, never another word
    "usr": "user", "usrname": "username", "usrid": "user_id",
}
# Glued compounds `<qualifier><head>` (`mothersname`, `guardianphone`, `allowsms`, `pubpid`): a qualifier that names
# a person by role, a permission verb or a kind of record, glued to the word for the data. Both halves must be known
# words, so `hostname` or `surname` stay whole.
_GLUE_QUALIFIERS = ("mothers", "mother", "fathers", "father", "guardians", "guardian", "parents", "parent", "spouses",
                    "spouse", "partners", "partner", "emergency", "contact", "patients", "patient", "child", "kin",
                    "maiden", "birth", "preferred", "legal", "allows", "allow", "permit", "accept", "agree", "consent",
                    "pub", "public", "home", "work", "cell", "alt",
                    # (holdout13 classes) the address a member registered from (`regip`, as `lastip`)
                    "reg")
_GLUE_HEADS = ("name", "names", "phone", "email", "mail", "sms", "text", "voice", "call", "calls", "address", "addr",
               "mobile", "tel", "fax", "marketing", "share", "sharing", "notice", "newsletter", "pid", "id", "ip")
_GLUE_RE = re.compile(r"^(" + "|".join(sorted(_GLUE_QUALIFIERS, key=len, reverse=True)) + r")("
                      + "|".join(sorted(_GLUE_HEADS, key=len, reverse=True)) + r")$")


@lru_cache(maxsize=4096)
def expand_name(norm: str) -> str:
    """A normalised column name with abbreviated tokens spelled out and glued compounds split.

    `birth_lname` -> `birth_last_name`, `mothersname` -> `mothers_name`, `hipaa_allowsms` -> `hipaa_allow_sms`,
    `pubpid` -> `pub_pid`. Names of CJK characters are returned as they are.
    """
    out = []
    for tok in norm.split("_"):
        if tok in _ABBREVIATIONS:
            out.append(_ABBREVIATIONS[tok])
            continue
        m = _GLUE_RE.match(tok)
        out.append(f"{m.group(1)}_{m.group(2)}" if m else tok)
    # `ETag` normalises to `e_tag`: one word (an HTTP entity tag), as `etag` is.
    return re.sub(r"(^|_)e_tag(?=_|$)", r"\1etag", "_".join(out))


# Letters that a number completes into one technical word (`sha256`, `ipv4`, `base64`, `utf8`, `iso8601`): not a
# field numbered as the first, second or 240-pixel one.
_TECH_STEMS = {"sha", "ipv", "base", "utf", "crc", "aes", "rsa", "des", "iso", "alpha", "latin", "win", "int", "uint",
               "float", "pbkdf", "argon", "oauth", "http", "ean", "upc", "blake", "xxh", "murmur", "adler", "fnv",
               "ecdsa", "curve", "ucs", "gbk", "koi", "sip", "tls", "ssl", "smtp", "pop", "imap", "mpeg", "level"}


@lru_cache(maxsize=4096)
def strip_ordinals(norm: str) -> str:
    """A normalised name without the numbers that count repeated fields (`phone1` -> `phone`, `image_240` -> `image`).

    Schemas number a field they keep twice (`phone1`, `phone2`, `email_2`) or by size (`image_240`); the number is
    no part of the word for the data. A number that completes a technical word (`sha256`, `ipv4`) stays, as does a
    name that is only a number.
    """
    out = []
    for i, tok in enumerate(norm.split("_")):
        if tok.isdigit() and i > 0 and len(tok) <= 4:
            continue
        m = re.fullmatch(r"([a-z]{3,})(\d{1,3})", tok)
        out.append(m.group(1) if m and m.group(1) not in _TECH_STEMS else tok)
    return "_".join(out)


@lru_cache(maxsize=4096)
def split_table_prefix(norm: str, tnorm: str) -> str:
    """A name whose first token glues the table's prefix to a word, split there (`acmei18n_id` -> `acme_i18n_id`).

    Applications prefix their tables and columns with their own name (`gibbonPerson.gibbonPersonID`); camel case
    splits the prefix off most columns, but not off a lower-case or digit-bearing word (`i18n`). The prefix is the
    table's first word (3+ letters); a name that does not start with it is returned as it is.
    """
    prefix = tnorm.split("_", 1)[0]
    head, sep, rest = norm.partition("_")
    if len(prefix) < 3 or not prefix.isalpha() or len(head) <= len(prefix) + 1 or not head.startswith(prefix):
        return norm
    return f"{prefix}_{head[len(prefix):]}{sep}{rest}"


# --------------------------------------------------------------------------- categorical answers about a person

_MARITAL = {"married", "single", "divorced", "widowed", "widow", "widower", "separated", "unmarried", "engaged",
            "partnered", "cohabiting", "domestic partner", "civil partnership", "civil union", "never married",
            "已婚", "未婚", "离异", "离婚", "丧偶", "分居"}
_RELIGION = {"christian", "christianity", "catholic", "roman catholic", "protestant", "baptist", "methodist",
             "lutheran", "orthodox", "anglican", "evangelical", "mormon", "buddhist", "buddhism", "muslim", "islam",
             "islamic", "jewish", "judaism", "hindu", "hinduism", "sikh", "sikhism", "jain", "jainism", "taoist",
             "taoism", "shinto", "atheist", "atheism", "agnostic", "agnosticism", "佛教", "道教", "基督教", "天主教",
             "伊斯兰教", "东正教", "无宗教信仰"}
_ORIENTATION_WORDS = {"heterosexual", "homosexual", "bisexual", "gay", "lesbian", "straight", "asexual", "pansexual",
                      "queer", "异性恋", "同性恋", "双性恋"}
# A BMI classification (WHO): only the words that say more than "normal" count as evidence.
_BMI_WORDS = {"underweight", "overweight", "obese", "obesity"}
_BMI_ALSO = {"normal", "healthy", "normal weight", "bl", "i", "ii", "iii", "class", "morbid", "severe", "mild"}
# Answers that withhold or do not know (`decline_to_specify`, `unknown`): neither for nor against a vocabulary.
_WITHHELD = {"unknown", "other", "decline", "declined", "declne", "refused", "prefer", "dont", "don't", "know",
             "specify", "specfy", "specified", "undisclosed", "unspecified", "none", "n/a", "na", "not", "else",
             "something", "please", "describe", "choose", "to", "say", "answer", "未知", "其他", "不详", "保密"}
_SPLIT = re.compile(r"[\s_/,()\-]+")


def _tokens(v: str) -> list[str]:
    return [t for t in _SPLIT.split(v.strip().lower()) if t]


def is_withheld_answer(v: str) -> bool:
    """An answer that withholds or does not know (`decline_to_specify`, `Unknown`, `other`): no evidence either way."""
    toks = _tokens(v)
    return bool(toks) and all(t in _WITHHELD for t in toks)


def is_marital_status(v: str) -> bool:
    """A marital status (`married`, `Divorced`, `domestic partner`, `已婚`)."""
    return v.strip().lower() in _MARITAL


def is_religion(v: str) -> bool:
    """A religion or a stance on it (`catholic`, `Buddhism`, `atheist`, `佛教`)."""
    return v.strip().lower() in _RELIGION or any(t in _RELIGION for t in _tokens(v))


# (holdout13 classes) Racial and ethnic categories as standard code sets write them: the US OMB categories (used by
# HL7 FHIR US Core, CEDS and IMS OneRoster) and their CDC Race & Ethnicity code set codes. A bare `black` is left out
# (a colour as often as an answer); `other` and `unknown` are withheld answers (`_WITHHELD`).
_RACE_CATEGORIES = {"white", "asian", "black or african american", "african american", "american indian or alaska native",
                    "american indian", "alaska native", "native hawaiian or other pacific islander", "native hawaiian",
                    "pacific islander", "hispanic or latino", "not hispanic or latino", "hispanic", "latino",
                    "non-hispanic", "two or more races", "multiracial", "caucasian",
                    # CDC Race & Ethnicity code set (PHIN VADS 2.16.840.1.113883.6.238): the OMB categories' codes
                    "1002-5", "2028-9", "2054-5", "2076-8", "2106-3", "2131-1", "2135-2", "2186-5"}
# Column names that ARE a racial or ethnic category (a yes/no flag per person, `asian`, `hispanicOrLatinoEthnicity`,
# `demographicRaceTwoOrMoreRaces`), normalised; an optional `is_` and a `race`/`ethnicity` word around the category.
RACE_CATEGORY_NAME = re.compile(
    r"^(is_)?((demographic_)?(race|races|ethnicity)_)?(american_indian(_or_alaska_native)?|alaska_native"
    r"|asian(_american)?|black(_or_african_american)?|african_american|native_hawaiian(_or_other_pacific_islander)?"
    r"|(other_)?pacific_islander|white|caucasian|(not_)?hispanic(_or_latino)?|latino|latina|latinx"
    r"|two_or_more_races|multiracial|multi_racial|mixed_race)(_(race|races|ethnicity|origin))?$")


# (holdout18 classes) The 1977 OMB Statistical Policy Directive No. 15 categories, still the default lists of school
# and benefit systems: two categories joined by `or`, or a race qualified by the Hispanic origin after a comma
# (`White, Non-Hispanic`, `Asian or Pacific Islander`, `Amer. Indian or Alaskan Native`).
_RACE_1977 = {"american indian or alaskan native", "amer. indian or alaskan native", "asian or pacific islander",
              "black, not of hispanic origin", "white, not of hispanic origin", "white, non-hispanic",
              "black, non-hispanic", "alaskan native"}


def is_race_category(v: str) -> bool:
    """A racial or ethnic category as the OMB and CDC code sets write it (`Asian`, `Hispanic or Latino`, `2106-3`)."""
    low = " ".join(v.strip().lower().split())
    return low in _RACE_CATEGORIES or low in _RACE_1977


def is_sexual_orientation(v: str) -> bool:
    """A sexual orientation (`straight_or_heterosexual`, `Bisexual`, `同性恋`)."""
    return any(t in _ORIENTATION_WORDS for t in _tokens(v)) or v.strip() in _ORIENTATION_WORDS


def is_bmi_class(v: str) -> bool:
    """A BMI classification word (`Underweight`, `Obesity II`; `Normal` counts only beside the others)."""
    toks = _tokens(v)
    return bool(toks) and any(t in _BMI_WORDS for t in toks) and all(t in _BMI_WORDS | _BMI_ALSO for t in toks)


def is_bmi_class_or_normal(v: str) -> bool:
    """A BMI classification word, `Normal` included."""
    toks = _tokens(v)
    return bool(toks) and all(t in _BMI_WORDS | _BMI_ALSO for t in toks)


# --------------------------------------------------------------------------- identifiers and secrets by shape

_VIN_RE = re.compile(r"^[A-HJ-NPR-Z0-9]{13}[0-9]{4}$")


def is_vin(v: str) -> bool:
    """A vehicle identification number (ISO 3779): 17 characters without I, O or Q, the last four digits."""
    return len(v) == 17 and bool(_VIN_RE.match(v)) and sum(c.isalpha() for c in v) >= 3


_B64 = r"[A-Za-z0-9+/]{16,}={0,2}"
# Envelopes of ciphertext as apps store encrypted keys: Bitwarden's EncString (`2.<iv>|<data>|<mac>`), a Fernet token,
# a Laravel-encrypted payload (base64 of `{"iv":...`), an ASCII-armoured PGP message or key.
_ENVELOPE_RE = re.compile(rf"^(\d\.{_B64}\|{_B64}(\|{_B64})?|gAAAAA[A-Za-z0-9_-]{{40,}}={{0,2}}|eyJpdiI6[A-Za-z0-9+/]{{40,}}"
                          rf"={{0,2}}|-----BEGIN PGP [A-Z ]+-----.*)$", re.S)


def is_encrypted_envelope(v: str) -> bool:
    """Ciphertext in a known envelope (Bitwarden EncString, Fernet, Laravel, PGP armour): an encrypted secret."""
    return len(v) >= 40 and bool(_ENVELOPE_RE.match(v))


_DOMAIN_RE = re.compile(r"^(?=.{4,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{1,62}\.?$")


def is_domain_name(v: str) -> bool:
    """A fully qualified domain name (`www.example.com`), not an IP address, a path or an email address."""
    return bool(_DOMAIN_RE.match(v.lower()))


# Words that host names of a person's own devices carry (`Anas-iPhone`, `DESKTOP-4F2K9QJ`, `android-<hex>`).
_PERSONAL_DEVICE_WORDS = re.compile(r"(?i)(iphone|ipad|ipod|android|galaxy|pixel|macbook|mbp|imac|laptop|notebook"
                                    r"|desktop|thinkpad|surface|kindle|watch|phone|tablet|huawei|xiaomi|redmi|oneplus)")


def is_personal_device_host(v: str) -> bool:
    """A host name of a phone, tablet or computer (`Toms-iPhone.lan`, `DESKTOP-4F2K9QJ`), one word, no spaces."""
    return " " not in v.strip() and bool(_PERSONAL_DEVICE_WORDS.search(v))


_ACCOUNT_DIGITS = re.compile(r"(?<!\d)\d{12,19}(?!\d)")


def has_account_digits(v: str) -> bool:
    """A value carrying a run of 12 to 19 digits (a bank card or account number beside a name)."""
    return bool(_ACCOUNT_DIGITS.search(v.replace(" ", "")))
