"""A column that identifies a person: a record key named for a person noun of published vocabularies, not the corpus.

Four name shapes, each gated by values that are record keys: `<person noun>_<key word>` (`policy_holder_id`),
`<verb>ed_by` (`entered_by`, `reports_to`), a bare person noun (`guarantor`), the row key of a table named for a
person noun (`borrowers.borrowernumber`). Person nouns: `pia/data/person_nouns.yaml` (schema.org, HL7 FHIR, vCard,
ISCO-08, English agent suffixes with a stop list of thing nouns), and a short list of their abbreviations (`usr`).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

import yaml

from pia.config import PACKAGE_DATA
from pia.discovery.value_patterns import is_uuid

PERSON_NOUNS_FILE = PACKAGE_DATA / "person_nouns.yaml"

# Words that say "the key of": a column `<noun>_<key word>` points to a row of <noun>.
KEY_WORDS = ("id", "ids", "key", "pk", "fk", "num", "no", "nr", "number", "nbr", "ref", "uid", "uuid", "guid",
             # (holdout22 classes) the code an organisation gives a person (Gymie's `member_code`, `employee_code`)
             "code")
_GLUED_KEYS = ("number", "num", "key", "id", "uid", "uuid", "nr")  # glued to the noun (`borrowernumber`, `donorkey`)
_TWO_WORD_KEYS = ("reg_num", "reg_no", "reg_number", "registration_number", "registration_no", "record_id")
# A table's row key by its name alone.
_ROW_KEY_NAMES = {"id", "pk", "key", "uuid", "guid", "oid", "rowid", "row_id", "object_id", "objectid", "record_id"}
# Words a table's name may end with that say nothing of what one row is (`customer_info`, `patient_tbl`).
_TABLE_FILLERS = {"tbl", "table", "t", "info", "information", "data", "details", "detail", "master", "record",
                  "records", "list", "profile", "profiles", "directory", "registry", "dim", "mst", "main", "all"}
# Verbs whose past participle is no `-ed`/`-en` word, for `<verb>_by` (`sent_by`, `paid_by`).
_IRREGULAR_PARTICIPLES = {"sent", "made", "paid", "led", "done", "run", "held", "set", "built", "bought", "sold",
                          "kept", "left", "met", "taught", "brought", "told", "read", "won", "found", "put", "cut"}
# Verbs that send a record to a person (a reporting line, an assignment, a referral).
# Words that make a name a yes/no fact (`is_test_user`, `has_guarantor`, `user_enabled`).
_FLAG_WORDS = {"is", "has", "have", "can", "allow", "allows", "should", "was", "needs", "use", "uses", "show",
               "enabled", "disabled", "flag", "ind", "indicator", "yn"}
_TYPED_ID = re.compile(r"[A-Za-z]{2,8}_[A-Za-z0-9]")
_TO_PERSON = r"^(reports|reporting|assigned|delegated|referred|escalated|forwarded)_to$"


@dataclass(frozen=True)
class PersonKey:
    """Why a column's name points to a person: the shape, the person noun and where the noun comes from."""

    shape: str  # keyed, actor, bare, row_key
    noun: str
    source: str

    def describe(self) -> str:
        """One line of evidence (names and sources only)."""
        return {
            "keyed": f"the key word of a record of a person, {self.noun!r} ({self.source})",
            "actor": f"who {self.noun} the row (a person acting on it; {self.source})",
            "bare": f"a person named by role, {self.noun!r} ({self.source}), held as a reference",
            "row_key": f"the row key of a table of people, {self.noun!r} ({self.source})",
        }[self.shape]


@lru_cache(maxsize=1)
def _technical() -> tuple[frozenset[str], frozenset[str]]:
    """Heads that name programs as often as people, and the modifiers that make them programs."""
    data = _data()
    return frozenset(data["morphology"]["ambiguous_heads"]), frozenset(data["morphology"]["technical_modifiers"])


@lru_cache(maxsize=1)
def _data() -> dict:
    with open(PERSON_NOUNS_FILE, encoding="utf-8") as fh:
        return dict(yaml.safe_load(fh))


@lru_cache(maxsize=1)
def _vocabulary() -> tuple[dict[str, str], frozenset[str], frozenset[str], tuple[str, ...]]:
    data = _data()
    nouns: dict[str, str] = {}
    for g in data["groups"]:
        for w in g["words"]:
            nouns.setdefault(str(w), g["id"])
    morph = data["morphology"]
    return (nouns, frozenset(map(str, morph["stop"])), frozenset(map(str, morph["compounds"])),
            tuple(map(str, morph["suffixes"])))


def person_noun(word: str) -> str | None:
    """Where `word` is known as a noun for a person (a vocabulary's id, or `morphology -er`...), or None.

    A listed word counts as it is, or as the tail of a glued word (`outpatient`); an unlisted word counts when it ends
    in a person suffix (`-er`, `-or`, `-ee`, `-ist`) and neither it nor a tail of it names a thing (`order`, `border`).
    """
    nouns, stop, _, suffixes = _vocabulary()
    if not word.isalpha() or len(word) < 3:
        return None
    abbreviated = _data().get("abbreviations", {}).get(word)
    if abbreviated is not None:
        return f"{nouns.get(abbreviated, 'pia default')}, abbreviated {word!r} for {abbreviated!r}"
    if word in nouns:
        return nouns[word]
    if word in stop:
        return None
    for i in range(2, len(word) - 4):
        if word[i:] in nouns and word[i:] not in stop:
            return nouns[word[i:]] + " (glued)"
    suffix = next((s for s in suffixes if word.endswith(s)), None)
    if suffix is None or len(word) < 5:
        return None
    if suffix == "ist" and word.endswith("list") and not word.endswith("alist"):
        return None  # a list (`playlist`), not a practitioner (`specialist`)
    if not word.endswith("alist") and any(word[i:] in stop for i in range(1, len(word) - 3)):
        return None  # a thing noun with a prefix (`preorder`, `superserver`)
    return f"morphology -{suffix}"


def _noun_of(tokens: list[str]) -> tuple[str, str] | None:
    """The head noun of a name's words (the last word) when it names a person, and not as part of a thing compound."""
    if not tokens:
        return None
    _, _, compounds, _ = _vocabulary()
    head = tokens[-1]
    if len(tokens) >= 2 and (f"{tokens[-2]}_{head}" in compounds or f"{tokens[-2]}{head}" in compounds):
        return None
    if head in compounds:
        return None
    heads, modifiers = _technical()
    if len(tokens) >= 2 and head in heads and tokens[-2] in modifiers:
        return None  # a program or service (`sms_provider`, `event_handler`), not a person
    two = f"{tokens[-2]}_{head}" if len(tokens) >= 2 else ""
    if two in _vocabulary()[0]:
        return two, _vocabulary()[0][two]
    src = person_noun(head)
    return (head, src) if src else None


def _strip_tags(tokens: list[str]) -> list[str]:
    """Drop a schema's one-letter type or module tags (`p_partner_key_n`: `p_`, `_n`)."""
    while len(tokens) > 1 and len(tokens[0]) == 1:
        tokens = tokens[1:]
    while len(tokens) > 1 and len(tokens[-1]) == 1:
        tokens = tokens[:-1]
    return tokens


def _split_key(tokens: list[str]) -> tuple[list[str], str] | None:
    """The words before a key word and the key word (`policy_holder_id`, `borrowernumber`, `voter_reg_num`)."""
    joined = "_".join(tokens)
    for two in _TWO_WORD_KEYS:
        if joined.endswith("_" + two):
            return joined[: -len(two) - 1].split("_"), two
    if len(tokens) >= 2 and tokens[-1] in KEY_WORDS:
        return tokens[:-1], tokens[-1]
    last = tokens[-1]
    for k in _GLUED_KEYS:
        if last.endswith(k) and len(last) >= len(k) + 4:
            return [*tokens[:-1], last[: -len(k)]], k
    return None


def _singular(word: str) -> str:
    if word == "people":
        return "person"
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if re.search(r"(ss|x|ch|sh)es$", word):
        return word[:-2]
    if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        return word[:-1]
    return word


def table_person_noun(tnorm: str) -> tuple[str, str] | None:
    """The person noun a table's name ends with (`borrowers`, `ncvoter`, `person_per`, `owners`), or None."""
    tokens = [t for t in tnorm.split("_") if t]
    for filler in ("profile", "profiles", "info", "details", "data", "master"):
        if len(tokens[-1]) >= len(filler) + 3 and tokens[-1].endswith(filler):
            tokens[-1] = tokens[-1][: -len(filler)]  # a filler glued to the noun (`core_userprofile`)
            break
    while len(tokens) > 1 and (tokens[-1] in _TABLE_FILLERS or (len(tokens[-1]) <= 3 and tokens[0].startswith(tokens[-1]))):
        tokens = tokens[:-1]  # a filler word, or the table's own short tag (`person_per`)
    tokens = _strip_tags(tokens)
    if not tokens:
        return None
    return _noun_of([*tokens[:-1], _singular(tokens[-1])])


def name_points_to_person(norm: str, tnorm: str) -> PersonKey | None:
    """Which shape of person reference a normalised column name has in its table, or None (names only)."""
    tokens = _strip_tags([t for t in norm.split("_") if t])
    if tokens and tokens[0] in _FLAG_WORDS or tokens and tokens[-1] in _FLAG_WORDS:
        return None  # a yes/no fact about a person (`is_superuser`, `enabled_user`), not a reference to one
    ttokens = tnorm.split("_")
    if len(tokens) >= 2 and len(ttokens) >= 2 and tokens[0] == ttokens[-1] and ttokens[0].startswith(tokens[0]):
        tokens = ["id"] if tokens[1:] in (["id"], ["key"], ["pk"]) else tokens[1:]  # the table's tag (`per_ID`)
    while len(tokens) >= 3 and tokens[-1] in KEY_WORDS and tokens[-2] in KEY_WORDS:
        tokens = tokens[:-1]  # an ORM's key of a key field (`employee_id_id`)
    if not tokens:
        return None
    joined = "_".join(tokens)
    table_noun = table_person_noun(tnorm)
    if table_noun is not None and joined in _ROW_KEY_NAMES:
        return PersonKey("row_key", *table_noun)
    if re.fullmatch(r"(?:[a-z]+_)*[a-z]+_by(?:_(?:user|person|staff|employee|member))?(?:_(?:id|key|num|no|uid|uuid))?",
                    joined):
        verb = joined.rsplit("_by", 1)[0].rsplit("_", 1)[-1]
        if re.fullmatch(r"[a-z]{2,}(ed|en)", verb) or verb in _IRREGULAR_PARTICIPLES:
            return PersonKey("actor", verb, "pia default: a past participle before `by` names who acted")
    if re.fullmatch(_TO_PERSON + r"|^(reports|reporting|assigned|delegated|referred|escalated|forwarded)_to_(id|user"
                    r"|user_id)$", joined):
        return PersonKey("actor", joined.split("_", 1)[0] + " to", "pia default: a record sent to a person")
    keyed = _split_key(tokens)
    if keyed is not None:
        words, _ = keyed
        words = [w for w in words if w]
        noun = _noun_of(words)
        if noun is not None:
            if table_noun is not None and noun[0] == table_noun[0]:
                return PersonKey("row_key", *noun)
            return PersonKey("keyed", *noun)
        return None
    noun = _noun_of(tokens)
    if noun is not None:
        return PersonKey("bare", *noun)
    return None


def _is_date_number(v: str) -> bool:
    """An integer that is a date (`20240131`) or a Unix time in seconds or milliseconds (2001-2036)."""
    if re.fullmatch(r"(19|20)\d\d(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])", v):
        return True
    return (len(v) == 10 and 1_000_000_000 <= int(v) <= 2_100_000_000) or \
        (len(v) == 13 and 1_000_000_000_000 <= int(v) <= 2_100_000_000_000)


def key_values(values: dict[str, int] | None, non_blank: int, distinct: int, shape: str,
               is_key: Callable[[str], bool]) -> tuple[float, str] | None:
    """The share of values that are record keys when they pass the value gate of `shape`, with the gate's words.

    Keys: integers (not dates or Unix times), UUIDs, random ids (`is_key`, the detectors' test) without a type prefix
    (`asst_...`: an API object of that type). At least 20 values,
    5 distinct (never a flag or a short code list; 2 for who acted on a row, which a handful of staff do); a row key
    is unique per row; a bare noun needs integers or UUIDs.
    """
    total = sum(values.values())
    if not values or non_blank < 20 or distinct < 2:
        return None
    if shape != "actor" and distinct < 5:
        return None
    if shape == "row_key" and distinct < 0.95 * non_blank:
        return None
    if shape == "bare":
        counted = {v: n for v, n in values.items() if (v.isdigit() and len(v) <= 20) or is_uuid(v)}
    else:
        # a typed id (`asst_4402`, `cus_9Qx`) says by its prefix what kind of API object it keys: the name does not
        # decide there
        counted = {v: n for v, n in values.items() if is_key(v) and not (v.isdigit() and len(v) > 20)
                   and not _TYPED_ID.match(v)}
    if len(counted) < (2 if shape == "actor" else 5):
        return None  # the distinct values are mostly words: a flag `0`/`1` written beside `true`/`yes` keys nothing
    keys = sum(counted.values()) / total
    dates = sum(n for v, n in values.items() if v.isdigit() and _is_date_number(v)) / total
    if keys < 0.8 or dates >= 0.5:
        return None
    return keys, ("unique record keys, one per row" if shape == "row_key" else "record keys")
