"""Names for people: levels, feared events, controls, frameworks and the main risk factors in plain words.

The report calls everything by name, never by id: the management part is read by people who never saw a manifest.
"""
from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

EVENT_NAMES = {"illegitimate_access": "illegitimate access", "unwanted_modification": "unwanted modification",
               "disappearance": "disappearance of data"}
CONTROL_NAMES = {"encryption_in_transit": "encryption in transit", "encryption_at_rest": "encryption at rest",
                 "access_control": "access control", "staff_training": "staff training",
                 "breach_response": "breach response", "deidentification": "de-identification",
                 "retention_enforcement": "automatic deletion"}
# What a manager is asked to do for each control (pia default: imperative wording of the control's clause).
CONTROL_ACTIONS = {"encryption_in_transit": "Encrypt the data in transit",
                   "encryption_at_rest": "Encrypt the stored data",
                   "access_control": "Restrict access to the data to the staff who need it",
                   "staff_training": "Train the staff who handle the data",
                   "breach_response": "Put a breach-response procedure in place",
                   "deidentification": "De-identify the data where the purpose allows it",
                   "retention_enforcement": "Delete data automatically when its retention period ends"}
FRAMEWORK_NAMES = {"gbt39335": "GB/T 39335-2020", "wp248": "WP248", "pipl55": "PIPL Art. 55"}
STAGE_NAMES = {"inherent": "inherent", "current": "current", "residual": "current", "planned": "planned",
               "target": "target"}


def words(value: Any) -> str:
    """An id in words (`very_high` -> `very high`), for values no table names."""
    return str(value or "").replace("_", " ").strip()


def event_name(event: str) -> str:
    """A feared event's name."""
    return EVENT_NAMES.get(event, words(event))


def control_name(control: str) -> str:
    """A security control's name."""
    return CONTROL_NAMES.get(control, words(control))


def framework_name(framework: str) -> str:
    """A screening framework's name."""
    return FRAMEWORK_NAMES.get(framework, words(framework).upper())


def level_name(level: str, grid: Mapping[str, Any], scale: str = "risk") -> str:
    """A level by the method's own label, without a bracketed term in another script (`high (高)` -> `high`)."""
    label = str(((grid.get("labels") or {}).get(scale) or {}).get(level) or words(level))
    return re.sub(r"\s*\([^)]*[^\x00-\x7f][^)]*\)$", "", label)


def _people(reason: str) -> str:
    """`1,200,000` in a reason as `1.2 million` (plain words for a manager)."""
    m = re.search(r"([\d,]{5,})", reason)
    if not m:
        return ""
    n = int(m.group(1).replace(",", ""))
    return f"{n / 1_000_000:.1f}".rstrip("0").rstrip(".") + " million" if n >= 1_000_000 else f"{n:,}"


def _element(ident: str, names: Mapping[str, str]) -> str:
    name = re.sub(r"\s*\([^)]*\)", "", names.get(f"data_elements[{ident}]", words(ident)))  # the gist, not the detail
    return name[0].lower() + name[1:] if len(name) > 1 and name[1].islower() else name


def plain_factor(factor: Mapping[str, Any], names: Mapping[str, str] | None = None) -> str:
    """One risk factor in a few plain words (`passwords of 1.2 million people`), from its rule and reason.

    Factors whose rule is not known keep their reason up to its first colon, ids in words. `names` maps
    `data_elements[id]` to an element's name (`pia.report.data.manifest_names`).
    """
    rule = str(factor.get("rule", ""))
    reason = str(factor.get("reason", ""))
    if rule == "impact.base":
        m = re.match(r"most harmful data: ([^(]+)", reason)
        return f"holds {_element(m.group(1).strip(), names or {})}" if m else "the data held"
    if rule == "impact.sensitive_scale":
        return f"sensitive data of {_people(reason)} people" if _people(reason) else "sensitive data on a large scale"
    if rule == "likelihood.scale":
        return f"{_people(reason)} people concerned" if _people(reason) else "a large number of people"
    if rule == "impact.vulnerable":
        return "children's data"
    if rule == "likelihood.processors":
        return "handled by processors"
    if rule == "likelihood.recipients":
        return "given to other recipients"
    if rule == "likelihood.internet_facing":
        return "devices reachable from the internet"
    if rule in {"likelihood.cross_border", "likelihood.abroad"}:
        return "sent abroad"
    if rule in {"likelihood.controls_missing", "likelihood.controls_ineffective"}:
        found = re.findall(r"([a-z_]+) \((planned|missing)\)", reason)
        if found:
            return "; ".join(f"{control_name(c)} {'only planned' if s == 'planned' else 'missing'}" for c, s in found)
        return "controls not in place"
    if rule == "likelihood.exposure":  # "... (group title): rating (gist: detail); ..." per factor group
        found = [(float(r), g.strip()) for r, g in re.findall(r"\): (\d+(?:\.\d+)?) \(([^:;(]+)", reason)]
        gists = [{"scale": "many people concerned"}.get(g, g) for r, g in found if r > 0 and g]
        return ", ".join(gists) or "exposure of the data"
    if rule.startswith("evidence") or "check" in rule:
        return words(reason.split(":")[0])
    return words(reason.split(":")[0])


def main_factors(activity: Mapping[str, Any], event: str, stage: str = "residual", limit: int = 4,
                 names: Mapping[str, str] | None = None) -> list[str]:
    """The steps that raised an activity's risk for one feared event, in plain words, without repeats."""
    out: list[str] = []
    for f in activity.get("factors", []) or []:
        if not isinstance(f, Mapping) or f.get("stage") != stage or f.get("feared_event") != event:
            continue
        before, after = f.get("before"), f.get("after")
        if f.get("rule", "").endswith(".base") and str(f.get("axis")) == "likelihood":
            continue  # "no exposure counted yet": the starting point, not a factor
        if before is not None and before == after:
            continue
        if str(f.get("rule", "")).endswith(("controls_implemented", ".measures")) \
                or str(f.get("rule", "")) == "impact.feared_event":
            continue  # these lower the risk: the factors shown are what keeps it high
        for text in plain_factor(f, names).split(", ") if f.get("rule") == "likelihood.exposure" \
                else [plain_factor(f, names)]:
            if text and text not in out:
                out.append(text)
    return out[:limit]


__all__ = [
    "CONTROL_ACTIONS",
    "CONTROL_NAMES",
    "EVENT_NAMES",
    "FRAMEWORK_NAMES",
    "STAGE_NAMES",
    "control_name",
    "event_name",
    "framework_name",
    "level_name",
    "main_factors",
    "plain_factor",
    "words",
]
