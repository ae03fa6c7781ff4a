"""Name understanding from published field vocabularies, and guards against names that only look personal.

The lexicon (`pia/data/name_lexicon.yaml`: OpenID Connect standard claims, vCard, schema.org, HL7 FHIR, W3C/NCSA log
fields, GB/T 35273-2020 Annex A, each group with its source) is read once at import and compiled into one regex per
detector. Three things are offered to `pia.discovery.detectors`:

- `EXTRA_NAMES` and `EXTRA_DETECTORS`: names added to the catalogue's detectors and detectors for categories the
  catalogue had none for (vital signs, body measurements, religion, sex life, income, ...);
- `read_name`: a column name written together, in short or with a digit suffix (`middlename`, `fname`, `street2`),
  read as the words it stands for; an ambiguous short form (`ss`, `cc`) only when the values agree;
- `THING_VETOES`: names the vocabularies give to things (`organization.name`, `k8s.pod.name`) rule a detector out;
- guards: a modifier does not decide the head word's kind (`avatar_color`, `mac_vendor`), a gated name needs its
  context or its range of values (`temperature` of a patient, not of a machine), and values of another kind (all
  integers, not one of a specific pattern) outvote a name.

Pure functions over names and value profiles; no values are kept or reported.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any, Protocol

import yaml

from pia.config import PACKAGE_DATA
from pia.discovery.value_patterns import VALUE_PATTERNS, is_digest, is_random_token

LEXICON_FILE = PACKAGE_DATA / "name_lexicon.yaml"


class _Profile(Protocol):
    """What the guards read of a column profile (`pia.discovery.detectors.ColumnProfile`)."""

    non_blank: int
    distinct: int
    values: Mapping[str, int]

    def share(self, test: Callable[[str], bool]) -> float: ...  # noqa: D102 - see ColumnProfile.share


def _norm(name: str) -> str:
    """The column-name normalisation of `detectors.normalise_name` (kept here: detectors imports this module)."""
    text = re.sub(r"([a-z0-9])([A-Z])", r"\1_\2", str(name))
    text = re.sub(r"([A-Z]+)([A-Z][a-z])", r"\1_\2", text)
    return re.sub(r"[^0-9a-zA-Z\u3400-\u9fff]+", "_", text).strip("_").lower()


def _words(alternatives: Iterable[str]) -> str:
    alts = sorted({re.escape(a) for a in alternatives}, key=len, reverse=True)
    return r"(?:^|_)(?:" + "|".join(alts) + r")(?:_|$)"


@dataclass(frozen=True)
class LexiconDetector:
    """A detector the lexicon adds: its category, its names (regexes) and the gate its names need."""

    id: str
    category: str
    description: str
    names: tuple[str, ...]
    context: str | None = None  # "health": only in a table about health or bodies; "people": in a table of people
    value_range: tuple[float, float] | None = None  # numbers must mostly fall in it
    sources: tuple[str, ...] = ()


def _load(path: Any = LEXICON_FILE) -> dict[str, Any]:
    # the C loader when built (20x faster: the lexicon is read at every start of `pia scan`)
    with open(path, encoding="utf-8") as fh:
        return yaml.load(fh, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))  # noqa: S506 - a safe loader


_DATA = _load()
_NEW = {d["id"]: d for d in _DATA["detectors"]}


def _compile() -> tuple[dict[str, tuple[str, ...]], tuple[LexiconDetector, ...], dict[str, list[str]]]:
    """Group the lexicon's names per detector: plain ones extend a detector, gated ones make their own entry."""
    extra: dict[str, list[str]] = {}
    new_names: dict[str, list[str]] = {}
    sources: dict[str, list[str]] = {}
    gated: list[LexiconDetector] = []
    for g in _DATA["groups"]:
        det = g["detector"]
        pats: list[str] = []
        if g.get("names"):
            pat = _words(_norm(n) for n in g["names"])
            # `head: true`: the word names the data only as the name's last word (`user_age`, not `age_rating`)
            pats.append(pat[: -len("(?:_|$)")] + "$" if g.get("head") else pat)
        if g.get("zh"):
            # Chinese puts the head noun last: the field name must end the column name (`月收入`, not `收入类型`)
            pats.append("(?:" + "|".join(sorted((_norm(z) for z in g["zh"]), key=len, reverse=True)) + ")$")
        sources.setdefault(det, []).append(g["source"])
        if g.get("context") or g.get("range"):
            base = _NEW.get(det)
            if base is None:
                raise ValueError(f"{LEXICON_FILE}: gated group {g['source']!r} must use a lexicon detector")
            rng = g.get("range")
            gated.append(LexiconDetector(f"{det}_bare_{len(gated)}", base["category"], base["description"],
                                         tuple(pats), g.get("context"),
                                         (float(rng[0]), float(rng[1])) if rng else None, (g["source"],)))
        elif det in _NEW:
            new_names.setdefault(det, []).extend(pats)
        else:
            extra.setdefault(det, []).extend(pats)
    new = tuple(LexiconDetector(d["id"], d["category"], d["description"], tuple(new_names.get(d["id"], ())),
                                sources=tuple(sources.get(d["id"], ())))
                for d in _DATA["detectors"])
    return {k: tuple(v) for k, v in extra.items()}, new + tuple(gated), sources


EXTRA_NAMES, EXTRA_DETECTORS, SOURCES = _compile()


def _thing_vetoes() -> dict[str, tuple[str, ...]]:
    """Per detector, one regex of the names published vocabularies give to things (`organization_name`)."""
    out: dict[str, list[str]] = {}
    for t in _DATA.get("thing_names") or ():
        alts = sorted({re.escape(_norm(q)) for q in t["qualifiers"]}, key=len, reverse=True)
        out.setdefault(t["detector"], []).append(r"(?:^|_)(?:" + "|".join(alts) + r")_name$")
    return {k: tuple(v) for k, v in out.items()}


THING_VETOES = _thing_vetoes()
GATED: dict[str, LexiconDetector] = {d.id: d for d in EXTRA_DETECTORS if d.context or d.value_range}
LEXICON_IDS = frozenset(d.id for d in EXTRA_DETECTORS)

# ----------------------------------------------------------------------------------------------- reading a name

_ABBREV: dict[str, str] = dict(_DATA["abbreviations"])
_AMBIGUOUS: dict[str, dict[str, str]] = dict(_DATA["ambiguous_abbreviations"])
_MODIFIERS = frozenset(_DATA["modifiers"])


def _lexicon_tokens() -> tuple[frozenset[str], frozenset[str]]:
    """All words of the lexicon's English names, and the head (last) words of the names of personal data."""
    tokens: set[str] = set()
    heads: set[str] = set()
    for g in _DATA["groups"]:
        for n in g.get("names") or ():
            parts = _norm(n).split("_")
            tokens.update(parts)
            heads.add(parts[-1])
    for long in list(_ABBREV.values()) + [a["long"] for a in _AMBIGUOUS.values()]:
        tokens.update(long.split("_"))
    # the head words of the catalogue's commonest kinds, whatever the vocabularies above spell out
    heads |= {"name", "phone", "mobile", "email", "mail", "address", "street", "city", "zip", "zipcode", "postcode",
              "birthday", "birthdate", "gender", "sex", "ssn", "passport", "fax", "telephone", "cellphone", "surname"}
    tokens |= heads | _MODIFIERS | set(_ABBREV)
    # a key or a number of something is not a kind of personal data by itself (`clientid` is any client's key)
    heads -= {"id", "ids", "uid", "no", "number", "num", "code", "key", "type", "data"}
    return frozenset(t for t in tokens if t), frozenset(heads)


_KNOWN, _HEADS = _lexicon_tokens()
_DIGIT_SUFFIX = re.compile(r"^([a-z]{3,}?)_?(\d{1,2})$")


# Tables whose rows are people or records about a person's health.
_PEOPLE_TABLES = re.compile(r"(?:^|_)(users?|accounts?|customers?|members?|persons?|people|patients?|employees?|staff"
                            r"|students?|contacts?|clients?|subscribers?)(?:_|$)"
                            # (holdout16/17 classes) a person's profile (Django `core_userprofile`, `profile_profile`)
                            r"|(?:^|_)(?:user|member|customer)?profiles?$")


def _gate_passes(gate: str, profile: _Profile | None, tnorm: str = "") -> bool:
    """Whether the values (or the table) agree with an ambiguous short form: 30%+ of values match its pattern."""
    if gate == "people_table":
        return bool(_PEOPLE_TABLES.search(tnorm) or _HEALTH_TABLES.search(tnorm))
    if profile is None or not profile.values:
        return False
    if gate == "person_name":
        test: Callable[[str], bool] = _name_shaped
    else:
        test = VALUE_PATTERNS[gate].test
    return profile.share(test) >= 0.3


def _name_shaped(v: str) -> bool:
    """A person's name or a part of it: capitalised words of letters, or one to four Han characters."""
    return bool(re.fullmatch(r"[A-Z][a-z'-]+( [A-Z][a-z'-]+){0,3}|[\u4e00-\u9fff]{1,4}", v))


@lru_cache(maxsize=4096)
def _split(token: str) -> tuple[str, ...] | None:
    """`guardianphone` -> (guardian, phone): known words only, fewest parts, the last a personal head word."""
    n = len(token)
    best: list[tuple[str, ...] | None] = [None] * (n + 1)
    best[0] = ()
    for i in range(1, n + 1):
        for j in range(max(0, i - 12), i - 1):  # parts of two letters or more
            part = token[j:i]
            prev = best[j]
            # a possessive or plural modifier (`guardiansname`: the guardian's name) is its known word with an `s`
            known = part in _KNOWN or (j > 0 and i < n and part.endswith("s") and part[:-1] in _MODIFIERS) \
                or (j == 0 and i < n and part.endswith("s") and part[:-1] in _MODIFIERS)
            if prev is not None and known and (best[i] is None or len(prev) + 1 < len(best[i] or ())):
                best[i] = (*prev, part)
    parts = best[n]
    if not parts or len(parts) < 2:
        return None
    last = _ABBREV.get(parts[-1], parts[-1]).split("_")[-1]
    # (holdout14 classes) a head word spelled out into a phrase ending in a generic word (`zipcode` -> `zip_code`)
    # is still a head word
    return parts if last in _HEADS or parts[-1] in _HEADS else None


def _read_token(token: str, profile: _Profile | None, notes: list[str], tnorm: str = "") -> str:
    if token in _ABBREV:
        if _ABBREV[token] != token:
            notes.append(f"{token!r} abbreviates {_ABBREV[token]!r}")
        return _ABBREV[token]
    if token in _AMBIGUOUS:
        amb = _AMBIGUOUS[token]
        if _gate_passes(amb["gate"], profile, tnorm):
            by = "table agrees" if amb["gate"] == "people_table" else "values agree"
            notes.append(f"{token!r} may abbreviate {amb['long']!r} and the {by} ({amb['gate']})")
            return amb["long"]
        return token
    m = _DIGIT_SUFFIX.match(token)
    if m and (m.group(1) in _KNOWN or m.group(1) in _AMBIGUOUS):
        notes.append(f"{token!r} is {m.group(1)!r} numbered {m.group(2)} (one of several)")
        return _read_token(m.group(1), profile, notes, tnorm)
    if token in _KNOWN or len(token) < 5 or not token.isalpha():
        return token
    parts = _split(token)
    if parts is None:
        return token
    notes.append(f"{token!r} is the words {' '.join(parts)!r} written together")
    return "_".join(_read_token(p, profile, []) for p in parts)


def read_name(norm: str, profile: _Profile | None = None, tnorm: str = "") -> tuple[str, list[str]]:
    """The normalised name `norm` read word by word: abbreviations expanded, joined words split, digit suffixes off.

    Returns the reading (equal to `norm` when nothing changed) and notes saying what was read how. An ambiguous
    short form is expanded only when the sampled values have its shape (`ss` holding social-security numbers) or, for
    `pid`, when the table `tnorm` is about people or their health.
    """
    if not norm or not re.search(r"[a-z]", norm):
        return norm, []
    notes: list[str] = []
    out = "_".join(_read_token(t, profile, notes, tnorm) for t in norm.split("_"))
    return out, notes


def values_expand(norm: str, profile: _Profile | None, tnorm: str = "") -> bool:
    """Whether the whole name is an ambiguous short form whose values agree with its long form (`sn` holding surnames).

    Such a reading outranks what the short form means as written (`sn`: a serial number): the values decided it.
    """
    amb = _AMBIGUOUS.get(norm)
    return amb is not None and amb["gate"] != "people_table" and _gate_passes(amb["gate"], profile, tnorm)


# ----------------------------------------------------------------------------------------------- guards

_ATTRIBUTE_HEADS = frozenset(_DATA["attribute_heads"])


def modifier_only(norm: str, match_end: int | None) -> str | None:
    """Why a personal word that only qualifies the head word does not make the column personal, or None.

    `match_end`: where the detector's name match ends in `norm`. `avatar_color` is a colour, `mac_vendor` a maker,
    `password_iterations` a setting of a hash: the last word names what the column holds.
    """
    if match_end is None or match_end >= len(norm):
        return None
    rest = norm[match_end:].strip("_")
    if not rest:
        return None
    head = rest.split("_")[-1]
    if head in _ATTRIBUTE_HEADS or rest in _ATTRIBUTE_HEADS:
        return f"its head word {head!r} names an attribute of a thing; the personal word before it only qualifies it"
    return None


# Tables and columns about people's health or bodies (a clinic's vitals, a patient's record, a health export).
_HEALTH_TABLES = re.compile(
    r"(?:^|_)(vital|vitals|vital_signs?|patients?|health|healthkit|medical|clinic|clinical|observations?|encounters?"
    r"|ehr|emr|triage|checkups?|exams?|examinations?|nursing|ward|admissions?|body|biometrics?|fitness|wellness"
    r"|form_vitals"
    # (holdout14 classes) a table of a person's genome (a DNA test's raw download, a genotyping result): its bare
    # `genotype` is that person's genetic data, as a bare word for health data is in a table about health
    r"|genome|genomes|genomic|genetic|genetics|genotypes?|genotyping|dna|snps?)(?:_|$)|体检|健康|病人|患者|病历|护理|基因")


# Tables whose rows are people, in Chinese (members, users, customers, staff, students, patients, residents, passengers).
_PEOPLE_TABLES_ZH = re.compile(r"用户|会员|客户|顾客|员工|职工|学生|患者|病人|人员|联系人|居民|乘客|旅客"
                               # (holdout17 classes) a survey's answer sheets (问卷星 答卷): one respondent per row
                               r"|答卷|问卷")


# A table named for one kind of a person's data keeps one entry of it per row (`weight_log`, `weightentry`, `ageinfo`).
_ENTRY_TAILS = re.compile(r"(entries|entry|info|infos|logs|log|history|records|record|readings|reading|s)$")


def _table_named_for(d: LexiconDetector, tnorm: str) -> bool:
    """Whether a word of the table's name is one of the detector's bare names, alone or with an entry tail."""
    for w in tnorm.split("_"):
        for base in {w, _ENTRY_TAILS.sub("", w)}:
            if len(base) >= 3 and any(re.fullmatch(p, base) for p in d.names):
                return True
    return False


def _in_context(d: LexiconDetector, tnorm: str, sibs: Iterable[str], people: bool = False) -> bool:
    if _table_named_for(d, tnorm):
        return True  # (holdout16/17 classes) `twitter_ageinfo.age`, `weight_weightentry.weight`
    if d.context == "people":
        if people:
            return True  # (holdout14 classes) a table whose columns are a person's (names, contacts, birth date)
        # a person's age or state of health, not a machine's (`age` of a cache entry, 健康状况 of a server)
        return bool(_PEOPLE_TABLES.search(tnorm) or _PEOPLE_TABLES_ZH.search(tnorm) or _HEALTH_TABLES.search(tnorm))
    if d.context != "health":
        return True
    if _HEALTH_TABLES.search(tnorm):
        return True
    if d.id.startswith("body_measure") and (people or _PEOPLE_TABLES.search(tnorm) or _PEOPLE_TABLES_ZH.search(tnorm)):
        return True  # (holdout17 classes) a person's own height or weight in a profile (`core_userprofile.height`)
    others = [x for x in EXTRA_DETECTORS if x.category.startswith("user.health") and x.id != d.id]
    return any(re.search(p, s) for s in sibs for x in others for p in x.names)


_BRACKET = re.compile(r"(?:under|over|below|above|<|>|<=|>=|≤|≥)?\s*(\d+(?:\.\d+)?)\s*(?:岁|years?|yrs?)?\s*"
                      r"(?:(?:-|–|~|～|to|至|到)\s*(\d+(?:\.\d+)?)\s*(?:岁|years?|yrs?)?|\+|及?以[上下内]|and (?:over|under))?",
                      re.IGNORECASE)


_MEASURE = re.compile(r"(\d+(?:\.\d+)?)\s*(?:cm|mm|m|kg|kgs|g|lb|lbs|in|inch|inches|公斤|厘米|斤)\.?", re.IGNORECASE)
_FEET_INCHES = re.compile(r"(\d)\s*(?:ft|')\s*(\d{1,2}(?:\.\d+)?)?\s*(?:in|\"|'')?", re.IGNORECASE)


def _in_range(d: LexiconDetector, profile: _Profile) -> float | None:
    """Share of sampled values that are numbers in the detector's range (None when it sets no range)."""
    if d.value_range is None:
        return None
    lo, hi = d.value_range

    def ok(v: str) -> bool:
        # (holdout16/17 classes) a bracket ("25-34", "65+", a JSON list of one: ["13-54"], "18~25岁", "50岁以上",
        # "under 18") is in range when its ends are
        m = _BRACKET.fullmatch(v.strip().strip('[]"').strip())
        if m is None:
            # (holdout20 classes) a measurement typed with its unit ("172 cm", "68 kg") or in feet and inches ("5'9")
            u, f = _MEASURE.fullmatch(v.strip()), _FEET_INCHES.fullmatch(v.strip())
            if f is not None:
                return lo <= int(f.group(1)) * 12 + float(f.group(2) or 0) <= hi
            return u is not None and lo <= float(u.group(1)) <= hi
        ends = [float(x) for x in m.groups() if x is not None]
        return all(lo <= x <= hi for x in ends)

    return profile.share(ok)


def gate_fails(detector_id: str, tnorm: str, sibs: Iterable[str], profile: _Profile, people: bool = False) -> str | None:
    """Why a gated lexicon name (a bare `temperature`, `weight`, `pulse`) does not count here, or None when it does.

    `people`: the caller found the table to be one of people by its columns (a name, an email, a birth date).
    """
    d = GATED.get(detector_id)
    if d is None:
        return None
    if not _in_context(d, tnorm, sibs, people):
        about = "people or their health" if d.context == "people" else "health"
        return f"a bare word for {d.description} counts only in a table about {about}, and {tnorm!r} is not one"
    share = _in_range(d, profile)
    if share is not None and profile.values and share < 0.8:
        lo, hi = d.value_range or (0, 0)
        return f"only {share * 100:.1f}% of values are numbers in the range of {d.description} ({lo:g}-{hi:g})"
    return None


# Detectors whose data is never a bare integer: words, pictures, strings of a device or a browser (a street's part may
# be a house number, so addresses are not among them; answers about a person may be coded: a religion's code).
_NOT_NUMERIC = frozenset({"person_name", "email", "user_agent", "self_image", "camera_snapshot", "video",
                          "encoded_image", "browsing", "visited_path", "mac_address"})
# Detectors with a value pattern specific enough that none of many values matching it says the column is another kind.
_SPECIFIC = {"mac_address": ("mac",), "user_agent": ("user_agent",), "imei": ("imei",), "email": ("email",)}


# Detectors of numbers (a phone, an id document, a card, an account): a value without a digit is none of them.
_NUMBERS = frozenset({"phone", "national_id", "payment_card", "bank_account", "imei", "tax_id"})


def _is_integer(v: str) -> bool:
    return bool(re.fullmatch(r"-?\d{1,12}", v))


def _concealed(v: str) -> bool:
    """A value kept hidden (masked, hashed, encrypted): it may still be the announced data."""
    return "*" in v or "•" in v or is_digest(v) or (len(v) >= 20 and is_random_token(v))


def values_contradict(detector_id: str, profile: _Profile, min_values: int) -> str | None:
    """Why the values cannot be the data a name announces, beyond the catalogue's own checks; None when they can.

    All integers (counters, codes, keys) for a kind that is never a number; words without a digit for a kind that is
    a number (a `telecom` holding carriers' names); none of many values of a specific pattern's kind (a `mac_vendor`
    of maker names), unless the values are concealed (masked, hashed, encrypted).
    """
    if profile.non_blank < min_values:
        return None
    if detector_id in _NOT_NUMERIC and profile.share(_is_integer) >= 0.9:
        return f"{profile.share(_is_integer) * 100:.1f}% of values are integers (counters, codes or keys), not this kind"
    if detector_id in _NUMBERS and profile.share(lambda v: not any(c.isdigit() for c in v)) >= 0.9:
        return "values are words without a digit, not numbers of this kind"
    pats = _SPECIFIC.get(detector_id)
    if pats and profile.distinct >= 3 and all(profile.share(VALUE_PATTERNS[p].test) == 0 for p in pats) \
            and profile.share(_concealed) < 0.3:
        return f"none of the values has the shape of {VALUE_PATTERNS[pats[0]].description}"
    return None


# Lexicon detectors whose data takes few values per person (a religion, a diagnosis, an income band, a reading).
# Gated lexicon detectors carry their own checks (context, range): a word like `height` is their data, not metadata.
META_OK = frozenset(GATED)
LOW_CARDINALITY_OK = frozenset(d.id for d in EXTRA_DETECTORS if d.category != "user.government_id"
                               and not d.category.startswith("user.biometric"))


def extend_catalogue(detectors: tuple[Any, ...], make: Callable[..., Any]) -> tuple[Any, ...]:
    """The catalogue with the lexicon's names added to its detectors and the lexicon's detectors appended.

    `make` builds a detector (`pia.discovery.detectors.Detector`) from id, category, description and names.
    """
    by_id = {d.id: d for d in detectors}
    unknown = (set(EXTRA_NAMES) | set(THING_VETOES)) - set(by_id)
    if unknown:
        raise ValueError(f"{LEXICON_FILE}: unknown detector(s) {sorted(unknown)}")
    names = dict(EXTRA_NAMES)
    for x in EXTRA_DETECTORS:
        if x.id in by_id:  # the catalogue has this detector already: the lexicon adds its names (same category)
            if by_id[x.id].category != x.category:
                raise ValueError(f"{LEXICON_FILE}: detector {x.id!r} has category {by_id[x.id].category!r}")
            names[x.id] = names.get(x.id, ()) + x.names
    out = [replace(d, names=d.names + names[d.id]) if d.id in names else d for d in detectors]
    # a thing's name in a published vocabulary rules the detector out, like the catalogue's own look-alike rules
    out = [replace(d, veto=d.veto + THING_VETOES[d.id]) if d.id in THING_VETOES else d for d in out]
    out += [make(x.id, x.category, x.description, names=x.names) for x in EXTRA_DETECTORS if x.id not in by_id]
    return tuple(out)
