"""PIPL Art. 55 cases a change newly brings: each needs a personal-information protection impact assessment first.

Compares, activity by activity, the facts that make an Art. 55 case in OLD and in NEW (the same readings as the
screening in `pia.risk.screening`); a fact present only in NEW is a case the earlier assessment did not cover.
"""
from __future__ import annotations

from collections.abc import Iterable

from pydantic import BaseModel, Field

from pia.declare.manifest import Manifest, ProcessingActivity
from pia.declare.text import Sentence
from pia.declare.transfers import leaving, subject_regimes
from pia.declare.vocabulary import regime_of
from pia.i18n import L_, Listing, Message, Term
from pia.risk.screening import PIPL55_ITEMS, PIPL_ENTRUSTED_TYPES, PIPL_PROVIDED_FLOWS, PIPL_PROVIDED_TYPES

# What every assessment covers and how long it is kept (Art. 56); what providing abroad needs besides (Art. 38, 39).
ASSESSMENT_CONTENT = "PIPL Art. 56; PIPL Art. 56 para. 2"
CROSS_BORDER_CONDITIONS = "PIPL Art. 38; PIPL Art. 39"


class AssessmentCase(BaseModel):
    """A PIPL Art. 55 case that NEW brings to one activity and OLD did not have: assess before it goes live."""

    activity: str = Field(description="Id of the processing activity.")
    case: str = Field(description="Stable id of the case: pipl55.1, pipl55.2, pipl55.3a, pipl55.3b, pipl55.4, pipl55.5.")
    clause: str = Field(description="The item of PIPL Art. 55 that requires the assessment.")
    item: Sentence = Field(description="The item in words.")
    new_activity: bool = Field(description="Whether the activity itself is new in NEW.")
    facts: list[str] = Field(default_factory=list, description=(
        "Ids of the facts that bring the case and were not there in OLD (data elements, recipients, "
        "'stored:<location>', 'storage.cross_border', 'automated_decisions', 'residual_level')."))
    evidence: Sentence = Field(description="Those facts in words.")
    changes: list[str] = Field(default_factory=list, description="Paths of the changes behind it.")
    requires: str = Field(ASSESSMENT_CONTENT, description=(
        "What the assessment involves: its content and keeping (PIPL Art. 56); for providing abroad also the "
        "conditions of PIPL Art. 38 and the notice and separate consent of PIPL Art. 39."))


def _facts(m: Manifest, a: ProcessingActivity) -> dict[str, dict[str, Message]]:
    """For each Art. 55 case, the facts of activity `a` that bring it, by a stable key."""
    recipients = m.recipients_of(a)
    # PIPL's view, as in the screening: the data of people in China leaving China (pia.declare.transfers.leaving)
    regime = "CN" if "CN" in subject_regimes(m, a) else regime_of(m.controller.jurisdiction)
    where = {r.id: r.location for r in m.recipients}
    abroad: dict[str, Message] = {}
    for t in leaving(m, a, regime):
        if t.kind == "cross_border":
            abroad["storage.cross_border"] = L_("the activity declares a cross-border transfer")
        elif t.kind == "storage":
            abroad[f"stored:{t.fact}"] = L_("stored in {location}", location=t.fact)
        else:
            abroad[t.fact] = L_("recipient {recipient} in {location}", recipient=t.fact, location=where[t.fact])
    return {
        "pipl55.1": {e.id: L_("sensitive element {element} ({category})", element=e.id, category=e.category)
                     for e in m.elements_of(a) if e.sensitive},
        "pipl55.2": {"automated_decisions": L_("automated decisions: yes")} if a.automated_decisions else {},
        "pipl55.3a": {r.id: L_("processor {recipient}", recipient=r.id) for r in recipients
                      if r.type in PIPL_ENTRUSTED_TYPES},
        "pipl55.3b": {r.id: L_("{recipient} ({type}, {flow})", recipient=r.id, type=Term(r.type.value),
                               flow=Term(r.flow.value))
                      for r in recipients if r.type in PIPL_PROVIDED_TYPES or r.flow in PIPL_PROVIDED_FLOWS},
        "pipl55.4": abroad,
    }


def _paths(activity: str, facts: Iterable[str], paths: Iterable[str]) -> list[str]:
    """The change paths behind a case: the activity's own, and those of the elements or recipients it names."""
    prefixes = (f"processing_activities[{activity}]",) + tuple(
        p for f in facts for p in (f"data_elements[{f}]", f"recipients[{f}]"))
    return sorted(p for p in paths if p.startswith(prefixes))


def applies(m: Manifest) -> bool:
    """Whether PIPL Art. 55 applies to `m` (its regimes include China, or it declares no user jurisdictions)."""
    from pia.risk.screening import Framework, frameworks_for

    return Framework.pipl55 in frameworks_for(m)


def pipl_cases(old: Manifest, new: Manifest, paths: Iterable[str] = (),
               unacceptable_rises: Iterable[tuple[str, str]] = ()) -> list[AssessmentCase]:
    """The Art. 55 cases NEW brings that OLD did not have, per activity (empty where PIPL does not apply).

    Where PIPL applies to NEW but not to OLD (users in China added), every case of NEW is new.

    Parameters
    ----------
    old, new
        The two manifests.
    paths
        The review's change paths (each case lists those behind it).
    unacceptable_rises
        `(activity, level)` for each activity whose residual risk rises to the organisation's unacceptable level:
        read as item (5), a major impact on individuals (pia default: Art. 55(5) names no test; the
        organisation's own threshold of an unacceptable risk is the kit's reading of "major impact").

    Returns
    -------
    list of AssessmentCase
        Sorted by activity, then in the order of Art. 55.
    """
    if not applies(new):
        return []
    paths = list(paths)
    # where PIPL did not apply to OLD, no case was assessed under it: every case of NEW is new
    before = {a.id: a for a in old.processing_activities} if applies(old) else {}
    known = {a.id for a in old.processing_activities}
    rises = dict(unacceptable_rises)
    out: list[AssessmentCase] = []
    for act in sorted(new.processing_activities, key=lambda a: a.id):
        was = _facts(old, before[act.id]) if act.id in before else {}
        now = _facts(new, act)
        if act.id in rises:
            now["pipl55.5"] = {"residual_level": L_(
                "pia default: its residual risk rises to {level}, the organisation's unacceptable level, read as a "
                "major impact on individuals", level=Term(rises[act.id]))}
        for case, facts in now.items():
            fresh = [k for k in facts if k not in was.get(case, {})]
            if not fresh:
                continue
            item = PIPL55_ITEMS[case]  # the one table of Art. 55's items, shared with the screening
            requires = f"{ASSESSMENT_CONTENT}; {CROSS_BORDER_CONDITIONS}" if case == "pipl55.4" else ASSESSMENT_CONTENT
            out.append(AssessmentCase(activity=act.id, case=case, clause=item.clause, item=Message(item.words),
                                      new_activity=act.id not in known, facts=fresh,
                                      evidence=Listing((facts[k] for k in fresh), "; "),
                                      changes=_paths(act.id, fresh, paths), requires=requires))
    return out
