"""Who the data subjects are, as the law sees them: vulnerable kinds of people and the age of a minor per regime.

WP248 rev.01 (III.B.a, criterion 7) names data of vulnerable data subjects a criterion of high risk: children,
employees, mentally ill persons, asylum seekers, the elderly, patients, and any case of an imbalance of power
between the data subject and the controller. A manifest declares such people among an activity's
`data_subjects` (as it declares minors); this module says which kinds are vulnerable, in what words of which
source, and in which relationship consent is unlikely to be freely given (GDPR Recital 43).

Platform workers (drivers, couriers, riders of a gig platform) are not named by WP248. The kit counts them under
its "imbalance of power" case, like employees (pia default, `PLATFORM_WORKERS_DEFAULT`): the platform assigns their
work, sets their pay and can close their account. The law that names them is the EU's Platform Work Directive
(Directive (EU) 2024/2831: Art. 7 limits what automated systems may process about them, Art. 8 makes such
processing high-risk under GDPR Art. 35(1), so a DPIA is due, Art. 9 and 10 transparency and human oversight);
PIPL has no article on them: Art. 24 (automated decision-making) and Art. 13(2) (human-resources management under
lawful labour rules, where the worker is employed) apply (`pia.declare.platform_work`).

The age under which a user is a minor differs by law: GDPR Art. 8(1) sets 16 for a child's consent to online
services (a member state may lower it, not below 13); PIPL Art. 28 and Art. 31 draw the line at 14. A manifest
gives one age (`settings.minor_age: 16`, every regime) or one per regime (`minor_age: {EU: 16, CN: 14}`).
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Annotated, Any

from pydantic import BeforeValidator

from pia.declare.vocabulary import regime_of
from pia.errors import Problem
from pia.i18n import N_, _
from pia.yamlsource import YamlDocument


@dataclass(frozen=True)
class VulnerableKind:
    """A kind of data subject that WP248 criterion 7 counts, with the words and remark of its source."""

    kind: str  # the value of `manifest.DataSubject`
    wp248: str  # how WP248 rev.01 III.B.a criterion 7 names them (a remark of the citation)
    imbalance_with: str | None  # whom they depend on, when that makes their consent doubtful (GDPR Recital 43)


# Every kind WP248 criterion 7 covers. `minors` is the kit's word for WP248's children. Students and pupils are not
# named by WP248: they come under its "imbalance in the relationship" case (they depend on the school that sets
# the exam or the course); `vulnerable` is that case for anyone else the assessor identifies.
VULNERABLE_KINDS: dict[str, VulnerableKind] = {k.kind: k for k in (
    VulnerableKind("minors", N_("children"), None),
    VulnerableKind("employees", N_("employees"), N_("their employer")),
    VulnerableKind("students", N_("imbalance of power: students depend on their school"), N_("their school")),
    VulnerableKind("patients", N_("patients"), N_("their care provider")),
    VulnerableKind("elderly", N_("the elderly"), None),
    VulnerableKind("asylum_seekers", N_("asylum seekers"), N_("the authorities deciding on their asylum")),
    VulnerableKind("vulnerable", N_("imbalance of power identified by the assessor"), None),
    VulnerableKind("platform_workers", N_("imbalance of power: platform workers depend on the platform that assigns "
                                          "their work (pia default: counted like employees)"),
                   N_("the platform that assigns their work and sets their pay")),
)}
# pia default: WP248 criterion 7 names employees, not people working through a platform under another contract;
# the kit counts platform workers under the criterion's imbalance-of-power case, as it counts employees, because
# the platform assigns their work, sets their pay and can close their account (the dependence of GDPR Recital 43).
# Directive (EU) 2024/2831 protects them whatever their contract; it does not speak of WP248.
PLATFORM_WORKERS_DEFAULT = ("pia default: platform workers counted like employees under WP248 criterion 7 (the "
                            "platform assigns their work, sets their pay and can close their account)")
# The kinds' words where a sentence names them (`Term`): marked for translation.
SUBJECT_WORDS = (N_("customers"), N_("minors"), N_("bystanders"), N_("website visitors"), N_("employees"),
                 N_("students"), N_("patients"), N_("elderly"), N_("asylum seekers"), N_("vulnerable"), N_("platform workers"))
# The kinds of WP248 criterion 7 that GB/T 39335-2020's high-risk screening names too (minors only, as before).
GBT_VULNERABLE = frozenset({"minors"})
# pia default: consent from these kinds is doubtful only where the controller holds the power (an employer, a
# school or authority, a care provider); the elderly and other vulnerable people are not, by that fact alone,
# in a relationship of dependence on the controller (the finding would then be noise).
IMBALANCE_KINDS = frozenset(k for k, v in VULNERABLE_KINDS.items() if v.imbalance_with)

WP248_SOURCE = "WP248 criterion 7"
# GDPR Recital 75 names processing of vulnerable persons' data among the risks of varying likelihood and severity;
# WP248 III.B.a criterion 7 says which persons; the size of the step (one level) is the kit's.
SEVERITY_SOURCE = "GDPR Recital 75; WP248 criterion 7"

# --------------------------------------------------------------------------- the age of a minor per regime

# The regimes whose laws set an age for minors' data (GDPR Art. 8(1), UK GDPR Art. 8(1) as amended: 13; PIPL Art. 28
# and 31: 14): a mapping must give an age for each of them that the service is under.
AGE_REGIMES = ("CN", "EU", "UK")
# The lowest age each law allows the service to use (a higher one is the service's stricter choice): GDPR Art. 8(1)
# lets a member state lower 16 to no less than 13; PIPL Art. 28 and 31 protect minors under 14.
LAW_FLOOR = {"EU": (13, "GDPR Art. 8(1)"), "CN": (14, "PIPL Art. 28; PIPL Art. 31")}


def _age(value: Any, where: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValueError(_("{where}: {value!r} is not an age in whole years", where=where, value=value))
    if not 1 <= value <= 25:
        raise ValueError(_("{where}: {value} is not an age from 1 to 25", where=where, value=value))
    return value


def _minor_age(value: Any) -> Any:
    """One age for every regime, or `{regime: age}` with keys read as regimes (NL -> EU, GB -> UK)."""
    if isinstance(value, Mapping):
        if not value:
            raise ValueError(_("give an age (e.g. 16) or an age per regime (e.g. {EU: 16, CN: 14}), not an empty mapping"))
        out: dict[str, int] = {}
        for key, age in value.items():
            if not isinstance(key, str) or not key.strip():
                raise ValueError(_("{key!r} is not a regime or country code (e.g. EU, CN, UK)", key=key))
            regime = regime_of(key)
            if regime in out:
                raise ValueError(_("{key!r} gives a second age for the regime {regime}", key=key, regime=regime))
            out[regime] = _age(age, key)
        return dict(sorted(out.items()))
    return _age(value, "minor_age")


MinorAge = Annotated[int | dict[str, int], BeforeValidator(_minor_age)]


def age_for(value: int | Mapping[str, int], regime: str) -> int:
    """The age under which a user is a minor for `regime`'s rules (the single age, else the regime's own).

    A regime the mapping does not name gets the highest age given (pia default: the strictest of the service's
    ages where no law of that regime sets one; `minor_age_problems` requires the ages of CN, EU and UK).
    """
    if isinstance(value, Mapping):
        return value.get(regime_of(regime), highest_age(value))
    return value


def highest_age(value: int | Mapping[str, int]) -> int:
    """The highest of the ages, for data that carries no regime (a users table).

    Every user below it is then treated as a minor (pia default: a guardian's consent checked too often rather
    than too rarely).
    """
    return max(value.values()) if isinstance(value, Mapping) else value


def describe_age(value: int | Mapping[str, int]) -> str:
    """`16`, or `EU 16, CN 14` for an age per regime (in messages)."""
    if isinstance(value, Mapping):
        return ", ".join(f"{k} {v}" for k, v in value.items())
    return str(value)


def minor_age_problems(doc: YamlDocument) -> list[Problem]:
    """A per-regime `settings.minor_age` that leaves out a regime the service is under (CN, EU or UK)."""
    from pia.declare.vocabulary import regimes

    data = doc.data if isinstance(doc.data, dict) else {}
    settings = data.get("settings")
    value = settings.get("minor_age") if isinstance(settings, dict) else None
    controller = data.get("controller")
    service = data.get("service")
    home = controller.get("jurisdiction") if isinstance(controller, dict) else None
    users = service.get("jurisdictions") if isinstance(service, dict) else None
    if not isinstance(value, dict) or not value or not isinstance(home, str) or not isinstance(users, (list, type(None))):
        return []
    given = {regime_of(k) for k in value if isinstance(k, str)}
    under = regimes(home, [j for j in users or [] if isinstance(j, str)])
    missing = sorted(r for r in under if r in AGE_REGIMES and r not in given)
    if not missing:
        return []
    loc = ("settings", "minor_age")
    return [Problem(doc.source, _("no age for {regimes}, whose law the service is under (give one per regime, or a "
                                  "single age for all)", regimes=", ".join(missing)),
                    doc.line_of(loc), doc.path_of(loc))]
