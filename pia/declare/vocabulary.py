"""The manifest's vocabulary beyond one policy: jurisdictions, legal bases, data groups, rights, special categories.

Legal bases follow PIPL Art. 13 and GDPR Art. 6(1); a manifest may also rely on the consent exemptions its
own policy declares. Data groups are declared by the manifest. Which rules apply depends on the
jurisdictions (`regimes`) of the controller and of the users the service serves.
"""
from __future__ import annotations

import datetime as dt
import difflib
import re
from collections.abc import Iterable
from dataclasses import dataclass
from enum import Enum
from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, ConfigDict, Field

from pia.declare.policy import ClauseRef
from pia.declare.text import Text
from pia.errors import Problem
from pia.i18n import _
from pia.yamlsource import YamlDocument

# --------------------------------------------------------------------------- jurisdictions

# EU member states and the EEA countries that apply the GDPR through the EEA Agreement.
EU_EEA = frozenset({
    "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "EL", "HU", "IE", "IT", "LV", "LT",
    "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE", "IS", "LI", "NO",
})
REGIME_LAWS = {"CN": "PIPL", "EU": "GDPR", "UK": "UK GDPR", "US": "no federal general privacy law"}


def regime_of(code: str) -> str:
    """The data-protection regime of a place: 'EU' for EU/EEA codes, 'UK' for GB/UK, else the code itself."""
    c = code.strip().upper()
    if c in ("EU", "EEA") or c in EU_EEA:
        return "EU"
    if c in ("GB", "UK"):
        return "UK"
    return c


def regimes(controller_jurisdiction: str, user_jurisdictions: Iterable[str] = ()) -> frozenset[str]:
    """The regimes whose rules apply: the controller's and those of the users the service serves."""
    return frozenset({regime_of(controller_jurisdiction), *(regime_of(j) for j in user_jurisdictions)})


# --------------------------------------------------------------------------- legal bases


@dataclass(frozen=True)
class LegalBasisInfo:
    """One lawful ground of processing, with the articles that state it and where it exists."""

    id: str
    name: str
    sources: tuple[str, ...]
    regimes: frozenset[str]

    @property
    def is_consent(self) -> bool:
        """Whether the ground is the person's consent."""
        return self.id == "consent"


_GDPR = frozenset({"EU", "UK"})
_PIPL = frozenset({"CN"})
_BOTH = _GDPR | _PIPL

LEGAL_BASIS_INFO: tuple[LegalBasisInfo, ...] = (
    LegalBasisInfo("consent", "consent of the person", ("PIPL Art. 13(1)", "GDPR Art. 6(1)(a)"), _BOTH),
    LegalBasisInfo("contract", "necessary for a contract with the person", ("PIPL Art. 13(2)", "GDPR Art. 6(1)(b)"),
                   _BOTH),
    LegalBasisInfo("legal_obligation", "necessary for a legal duty or obligation",
                   ("PIPL Art. 13(3)", "GDPR Art. 6(1)(c)"), _BOTH),
    LegalBasisInfo("emergency", "public-health emergency or protecting life, health or property in an emergency",
                   ("PIPL Art. 13(4)",), _PIPL),
    LegalBasisInfo("news_reporting", "news reporting and public-opinion supervision in the public interest",
                   ("PIPL Art. 13(5)",), _PIPL),
    LegalBasisInfo("published_data", "data the person made public or that was lawfully made public",
                   ("PIPL Art. 13(6)",), _PIPL),
    LegalBasisInfo("other_law", "another case provided by laws and administrative regulations",
                   ("PIPL Art. 13(7)",), _PIPL),
    LegalBasisInfo("vital_interests", "protecting the vital interests of the person or another",
                   ("GDPR Art. 6(1)(d)",), _GDPR),
    LegalBasisInfo("public_task", "a task in the public interest or official authority", ("GDPR Art. 6(1)(e)",),
                   _GDPR),
    LegalBasisInfo("legitimate_interest", "legitimate interests not overridden by the person's interests or rights "
                   "(needs a balancing test)", ("GDPR Art. 6(1)(f)",), _GDPR),
)
_BY_NAME = {b.id: b for b in LEGAL_BASIS_INFO}
_BY_SOURCE = {s: b for b in LEGAL_BASIS_INFO for s in b.sources}


def legal_basis_info(value: str) -> LegalBasisInfo | None:
    """The ground a legal-basis value names, by id ('legitimate_interest') or article ('GDPR Art. 6(1)(f)')."""
    return _BY_NAME.get(value) or _BY_SOURCE.get(value)


def basis_id(value: str) -> str:
    """The id of the ground a legal basis names; a consent exemption of the policy is returned unchanged."""
    info = legal_basis_info(value)
    return info.id if info else value


def _legal_basis_text(value: str) -> str:
    if not value.strip():
        raise ValueError(_("a legal basis must not be empty"))
    return value


LegalBasisValue = Annotated[str, AfterValidator(_legal_basis_text)]


class BalancingTest(BaseModel):
    """The legitimate-interest assessment: purpose, necessity and balancing (GDPR Art. 6(1)(f); ICO three-part test)."""

    model_config = ConfigDict(extra="forbid")

    interest: Text = Field(min_length=3, description="The legitimate interest pursued (purpose test).")
    necessity: Text = Field(min_length=3, description="Why the processing is necessary for it (necessity test).")
    impact: Text = Field(min_length=3, description="The impact on people and whether they would expect it.")
    safeguards: Text = Field(min_length=3, description="What limits the impact (opt-out, pseudonymisation, ...).")
    outcome: Text = Field(min_length=3, description="The conclusion: is the interest overridden by people's rights?")
    date: dt.date | None = Field(None, description="When the test was carried out or last reviewed.")


# Conditions that lift the ban on special categories (GDPR Art. 9(2)(a)-(j), Art. 10) and PIPL's
# separate consent for sensitive personal information (PIPL Art. 29).
SPECIAL_CATEGORY_CONDITIONS = tuple([f"GDPR Art. 9(2)({x})" for x in "abcdefghij"] + ["GDPR Art. 10", "PIPL Art. 29"])


def _special_condition(value: str) -> str:
    if value not in SPECIAL_CATEGORY_CONDITIONS:
        close = difflib.get_close_matches(value, SPECIAL_CATEGORY_CONDITIONS, n=2, cutoff=0.6)
        hint = _("; did you mean {names}?", names=", ".join(close)) if close else ""
        raise ValueError(_("{value!r} is not a condition for special-category data (allowed: GDPR Art. 9(2)(a) to "
                           "GDPR Art. 9(2)(j), GDPR Art. 10, PIPL Art. 29)", value=value) + hint)
    return value


SpecialCondition = Annotated[str, AfterValidator(_special_condition)]


# --------------------------------------------------------------------------- data groups


class GroupId(str):
    """A data-group id. `.value` returns the id, so code written when groups were an enum keeps working."""

    __slots__ = ()

    @property
    def value(self) -> str:
        """The id itself, as the former enum's `.value` gave it."""
        return str(self)


def _group_id(value: str) -> GroupId:
    import re

    if not re.match(r"^[a-z][a-z0-9_]*$", value):
        raise ValueError(_("{value!r} is not a data-group id (lower case letters, digits and _, starting with a "
                           "letter)", value=value))
    return GroupId(value)


GroupRef = Annotated[str, AfterValidator(_group_id)]


class DataGroupDecl(BaseModel):
    """A group of personal data as the policy presents it (e.g. account, health, tracking)."""

    model_config = ConfigDict(extra="forbid")

    id: GroupRef = Field(description="Id used by data elements' `group` and recipients' `data_groups`.")
    name: Text = Field(min_length=1, description="Name of the group as the policy presents it.")
    description: Text = Field("", description="What the group covers.")
    clauses: list[ClauseRef] = Field(default_factory=list, description="Policy clauses that describe the group.")


# --------------------------------------------------------------------------- rights


class DataSubjectRight(str, Enum):
    """Rights of the people whose data is processed, as the laws name them."""

    access = "access"  # and a copy: GDPR Art. 15, PIPL Art. 45
    rectification = "rectification"  # GDPR Art. 16, PIPL Art. 46
    erasure = "erasure"  # GDPR Art. 17, PIPL Art. 47
    consent_withdrawal = "consent_withdrawal"  # GDPR Art. 7(3), PIPL Art. 15
    portability = "portability"  # GDPR Art. 20, PIPL Art. 45
    objection = "objection"  # GDPR Art. 21
    restriction = "restriction"  # GDPR Art. 18
    account_cancellation = "account_cancellation"  # GB/T 35273-2020 8.5
    automated_decision_explanation = "automated_decision_explanation"  # GDPR Art. 22(3), PIPL Art. 24


# What each right kind covers; the four combined kinds are the reference policy's section V.
RIGHT_COVERS: dict[str, frozenset[str]] = {
    "access": frozenset({"access"}),
    "rectification": frozenset({"rectification"}),
    "erasure": frozenset({"erasure"}),
    "consent_withdrawal": frozenset({"consent_withdrawal"}),
    "portability": frozenset({"portability"}),
    "objection": frozenset({"objection"}),
    "restriction": frozenset({"restriction"}),
    "account_cancellation": frozenset({"account_cancellation"}),
    "automated_decision_explanation": frozenset({"automated_decision_explanation"}),
    "access_correct": frozenset({"access", "rectification"}),
    "delete": frozenset({"erasure"}),
    "change_consent": frozenset({"consent_withdrawal"}),
    "cancel_account": frozenset({"account_cancellation"}),
}

# The rights each regime requires a service to offer, with their source. CN: the five of GB/T 35273-2020
# 8.1-8.5 (a copy, 8.6, is part of access here). EU/UK: GDPR Art. 7(3) and 15-21.
REQUIRED_RIGHTS: dict[str, tuple[tuple[str, str], ...]] = {
    "CN": (("access", "GB/T 35273-2020 8.1; PIPL Art. 45"), ("rectification", "GB/T 35273-2020 8.2; PIPL Art. 46"),
           ("erasure", "GB/T 35273-2020 8.3; PIPL Art. 47"),
           ("consent_withdrawal", "GB/T 35273-2020 8.4; PIPL Art. 15"),
           ("account_cancellation", "GB/T 35273-2020 8.5")),
    "EU": (("access", "GDPR Art. 15"), ("rectification", "GDPR Art. 16"), ("erasure", "GDPR Art. 17"),
           ("restriction", "GDPR Art. 18"), ("portability", "GDPR Art. 20"), ("objection", "GDPR Art. 21"),
           ("consent_withdrawal", "GDPR Art. 7(3)")),
}
# The UK GDPR keeps the GDPR's article numbers.
REQUIRED_RIGHTS["UK"] = tuple((r, f"{s} (as the UK GDPR)") for r, s in REQUIRED_RIGHTS["EU"])
# Where automated decisions are taken: the right to an explanation and to a human (PIPL Art. 24, GDPR Art. 22(3)).
AUTOMATED_DECISION_RIGHT = {"CN": "PIPL Art. 24", "EU": "GDPR Art. 22(3)", "UK": "GDPR Art. 22(3) (as the UK GDPR)"}
# Transfers out of the regime, and storage abroad.
TRANSFER_RULES = {"CN": "PIPL Art. 38; PIPL Art. 39", "EU": "GDPR Art. 44; GDPR Art. 46",
                  "UK": "GDPR Art. 44; GDPR Art. 46 (as the UK GDPR)"}
STORAGE_RULES = {"CN": "PIPL Art. 38", "EU": "GDPR Art. 44", "UK": "GDPR Art. 44 (as the UK GDPR)"}


def covered_rights(kinds: Iterable[str]) -> set[str]:
    """The rights the declared right kinds cover."""
    out: set[str] = set()
    for k in kinds:
        out |= RIGHT_COVERS.get(k, frozenset({k}))
    return out


# --------------------------------------------------------------------------- checks on the raw manifest


def _items(data: dict, key: str) -> list[tuple[int, dict]]:
    seq = data.get(key)
    return [(i, x) for i, x in enumerate(seq) if isinstance(x, dict)] if isinstance(seq, list) else []


# A place is an ISO 3166 alpha-2 code or one of the regions the kit reads (regime_of); a name instead of a code
# would silently become a regime of its own ('CHINA'), so none of a service's laws would be read for it.
_PLACE = re.compile(r"^(?i:[a-z]{2}|eea)$")
# Names a new user writes instead of the code (the hint only; any other name gets the examples).
_PLACE_NAMES = {"china": "CN", "prc": "CN", "mainland china": "CN", "中国": "CN", "hong kong": "HK", "macau": "MO",
                "taiwan": "TW", "singapore": "SG", "japan": "JP", "india": "IN", "germany": "DE", "france": "FR",
                "netherlands": "NL", "ireland": "IE", "europe": "EU", "european union": "EU", "united kingdom": "UK",
                "great britain": "UK", "britain": "UK", "england": "UK", "usa": "US", "united states": "US",
                "america": "US"}


def _place_problems(data: dict) -> list[tuple[tuple, str]]:
    """Places that are not a country code nor EU/EEA/UK: (where, message)."""
    out: list[tuple[tuple, str]] = []

    def check(loc: tuple, value: Any) -> None:
        if isinstance(value, str) and not _PLACE.match(value.strip()):
            code = _PLACE_NAMES.get(value.strip().lower())
            hint = _("; did you mean {names}?", names=code) if code else ""
            out.append((loc, _("{value!r} is not a place code (an ISO 3166 alpha-2 country code such as CN, DE or US, "
                               "or EU, EEA, UK)", value=value) + hint))

    service = data.get("service")
    if isinstance(service, dict) and isinstance(service.get("jurisdictions"), list):
        for i, v in enumerate(service["jurisdictions"]):
            check(("service", "jurisdictions", i), v)
    controller = data.get("controller")
    if isinstance(controller, dict):
        check(("controller", "jurisdiction"), controller.get("jurisdiction"))
    for i, rec in _items(data, "recipients"):
        check(("recipients", i, "location"), rec.get("location"))
    for i, act in _items(data, "processing_activities"):
        storage = act.get("storage")
        if isinstance(storage, dict) and isinstance(storage.get("locations"), list):
            for j, v in enumerate(storage["locations"]):
                check(("processing_activities", i, "storage", "locations", j), v)
        if isinstance(act.get("subjects_in"), list):
            for j, v in enumerate(act["subjects_in"]):
                check(("processing_activities", i, "subjects_in", j), v)
    return out


def _describe_exemptions(clauses: list[str]) -> str:
    if not clauses:
        return _("none declared under consent_exemptions")
    if len(clauses) > 3:
        return f"{clauses[0]} to {clauses[-1]}"
    return ", ".join(clauses)


def vocabulary_problems(doc: YamlDocument) -> list[Problem]:
    """Data groups not declared, unknown legal bases, and legitimate interest without a balancing test."""
    data = doc.data if isinstance(doc.data, dict) else {}
    problems: list[Problem] = []

    def add(loc: tuple, message: str) -> None:
        problems.append(Problem(doc.source, message, doc.line_of(loc), doc.path_of(loc)))

    groups = [str(g.get("id")) for _, g in _items(data, "data_groups") if isinstance(g.get("id"), str)]
    seen: dict[str, int] = {}
    for i, g in _items(data, "data_groups"):
        gid = g.get("id")
        if isinstance(gid, str):
            if gid in seen:
                add(("data_groups", i, "id"), _("duplicate id {id!r} (first defined on line {line})", id=gid,
                                                line=doc.line_of(("data_groups", seen[gid], "id"))))
            seen.setdefault(gid, i)
    if "data_groups" in data:
        allowed = ", ".join(repr(g) for g in groups)

        def check_group(loc: tuple, value: Any) -> None:
            if isinstance(value, str) and value not in groups:
                close = difflib.get_close_matches(value, groups, n=2, cutoff=0.6)
                hint = _("; did you mean {names}?", names=", ".join(close)) if close else ""
                add(loc, _("{value!r} is not a declared data group (declared under data_groups: {allowed})",
                           value=value, allowed=allowed) + hint)

        for i, el in _items(data, "data_elements"):
            check_group(("data_elements", i, "group"), el.get("group"))
        for i, rec in _items(data, "recipients"):
            received = rec.get("data_groups")
            for j, g in enumerate(received if isinstance(received, list) else []):
                check_group(("recipients", i, "data_groups", j), g)

    exemptions = [str(x.get("clause")) for _, x in _items(data, "consent_exemptions")
                  if isinstance(x.get("clause"), (str, int)) and not isinstance(x.get("clause"), bool)]
    names = ", ".join(b.id for b in LEGAL_BASIS_INFO)
    for i, act in _items(data, "processing_activities"):
        basis = act.get("legal_basis")
        if not isinstance(basis, str) or not basis.strip():
            continue  # missing or wrong type: reported by the model
        info = legal_basis_info(basis)
        if info is None and basis not in exemptions:
            close = difflib.get_close_matches(basis, [b.id for b in LEGAL_BASIS_INFO] + exemptions, n=2, cutoff=0.6)
            hint = _("; did you mean {names}?", names=", ".join(close)) if close else ""
            add(("processing_activities", i, "legal_basis"),
                _("{basis!r} is not a legal basis (allowed: {names}, their articles such as 'GDPR Art. 6(1)(f)' or "
                  "'PIPL Art. 13(2)', or a consent exemption the manifest declares: {exemptions})", basis=basis,
                  names=names, exemptions=_describe_exemptions(exemptions)) + hint)
        if info is not None and info.id == "legitimate_interest" and act.get("balancing_test") is None:
            add(("processing_activities", i, "legal_basis"),
                _("legitimate interest needs a balancing_test (interest, necessity, impact, safeguards, outcome): "
                  "GDPR Art. 6(1)(f) requires that the interest is not overridden by the person's interests or rights"))
        known_basis = info is not None or basis in exemptions  # an unknown basis is reported once, above
        if act.get("balancing_test") is not None and known_basis and (info is None or info.id != "legitimate_interest"):
            add(("processing_activities", i, "balancing_test"),
                _("a balancing_test is only for legal_basis legitimate_interest (this activity relies on {basis!r})",
                  basis=basis))
    for loc, message in _place_problems(data):
        add(loc, message)
    return problems


__all__ = ["AUTOMATED_DECISION_RIGHT", "BalancingTest", "DataGroupDecl", "DataSubjectRight", "EU_EEA", "GroupId", "GroupRef",
           "LEGAL_BASIS_INFO", "LegalBasisInfo", "LegalBasisValue", "REGIME_LAWS", "REQUIRED_RIGHTS", "RIGHT_COVERS",
           "SPECIAL_CATEGORY_CONDITIONS", "STORAGE_RULES", "SpecialCondition", "TRANSFER_RULES", "basis_id", "covered_rights",
           "legal_basis_info", "regime_of", "regimes", "vocabulary_problems"]
