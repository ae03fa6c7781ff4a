"""What the law says about an activity on platform workers (drivers, couriers, riders of a gig platform).

Under the GDPR, the EU's Platform Work Directive (Directive (EU) 2024/2831) speaks of them: Art. 8 makes the
processing of their data by automated monitoring or decision-making systems a high risk in the sense of GDPR
Art. 35(1) (a DPIA, with the workers' views sought), Art. 9 and 10 ask for transparency and human oversight, and
Art. 7 forbids such systems some data (emotional state, private conversations, data from outside working time,
inferred special categories, biometric identification against a database). The UK is not bound by the Directive.
PIPL has no article on platform workers: decisions made by automated means on them come under Art. 24
(transparency, fairness, an explanation and a refusal of decisions made solely by automated means), and their
data needed for human-resources management under lawful labour rules under Art. 13(2) where they are employed.
Read by `lint` (findings) and by the screening (`risk.screening`, the Directive's Art. 8 case).
"""
from __future__ import annotations

from pydantic import BaseModel, Field

from pia.declare.citations import applies
from pia.declare.manifest import DataSubject, Manifest, ProcessingActivity
from pia.declare.taxonomy import load_taxonomy
from pia.declare.text import Sentence
from pia.i18n import L_

PWD = "Directive (EU) 2024/2831"
DPIA_SOURCE = "Directive (EU) 2024/2831 Art. 8; GDPR Art. 35(1)"
LIMITS_SOURCE = "Directive (EU) 2024/2831 Art. 7"
OVERSIGHT_SOURCE = "Directive (EU) 2024/2831 Art. 9; Directive (EU) 2024/2831 Art. 10"
PIPL_SOURCE = "PIPL Art. 24; PIPL Art. 13(2)"
# Categories whose processing by an automated system Art. 7(1) forbids or reaches: biometric data (identification
# against a database), private communications (private conversations). Special categories come from the taxonomy.
_LIMITED_CATEGORIES = ("user.biometric", "user.content.private")


class PlatformWorkFinding(BaseModel):
    """One observation about an activity on platform workers, with the law it rests on."""

    activity: str = Field(description="Id of the processing activity.")
    rule: str = Field(description="platform_work_dpia, platform_work_limits or platform_work_automated_decisions.")
    field: str = Field(description="The activity's field the finding rests on.")
    message: Sentence = Field(description="What the law asks, in English (rendered in any language).")
    source: str = Field(description="The law it rests on (catalogue ids).")


def concerns_platform_workers(a: ProcessingActivity) -> bool:
    """Whether the activity processes platform workers' data (as declared in its data subjects)."""
    return DataSubject.platform_workers in a.data_subjects


def algorithmic_management(a: ProcessingActivity) -> bool:
    """Whether the activity watches or decides about people by automated means (the Directive's Art. 8 case).

    The manifest's facts `systematic_monitoring` and `automated_decisions` stand for the Directive's automated
    monitoring and automated decision-making systems (pia default: the manifest has no finer fact).
    """
    return bool(a.systematic_monitoring or a.automated_decisions)


def directive_applies(m: Manifest) -> bool:
    """Whether the Directive can apply: people in the EU are among the service's users (not the UK: not bound)."""
    return "EU" in m.regimes


def limited_elements(m: Manifest, a: ProcessingActivity) -> list[str]:
    """The activity's elements that Art. 7(1) keeps from automated systems: special categories, biometric, private."""
    tax = load_taxonomy()
    return [e.id for e in m.elements_of(a)
            if tax[e.category].special_category or any(tax.is_within(e.category, c) for c in _LIMITED_CATEGORIES)]


def activity_platform_work_findings(m: Manifest, a: ProcessingActivity) -> list[PlatformWorkFinding]:
    """The findings about one activity (none unless its data subjects include platform workers)."""
    if not concerns_platform_workers(a):
        return []
    cn, _eu = applies(m.regimes)
    out: list[PlatformWorkFinding] = []
    field = "automated_decisions" if a.automated_decisions else "systematic_monitoring"
    if directive_applies(m) and algorithmic_management(a):
        out.append(PlatformWorkFinding(
            activity=a.id, rule="platform_work_dpia", field=field, source=DPIA_SOURCE + "; " + OVERSIGHT_SOURCE,
            message=L_("platform workers are monitored or decided about by automated means: the Platform Work "
                       "Directive makes this a high-risk processing, so a DPIA is required, with the views of the "
                       "workers and their representatives sought; tell them how the systems work and have a human "
                       "take any decision to suspend or close an account")))
        limited = limited_elements(m, a)
        if limited:
            out.append(PlatformWorkFinding(
                activity=a.id, rule="platform_work_limits", field="data_elements", source=LIMITS_SOURCE,
                message=L_("an automated system processes platform workers' {elements}: the Platform Work Directive "
                           "forbids such systems emotional or psychological states, private conversations, inferred "
                           "special categories and biometric identification against a database; check that none of "
                           "these is what the system does", elements=", ".join(limited))))
    if cn and a.automated_decisions:
        out.append(PlatformWorkFinding(
            activity=a.id, rule="platform_work_automated_decisions", field="automated_decisions", source=PIPL_SOURCE,
            message=L_("decisions about platform workers are made by automated means: PIPL has no article on platform "
                       "workers, so its rule on automated decision-making applies to them (transparent, fair "
                       "results; an explanation on request, and a refusal of decisions made solely by automated "
                       "means that significantly affect them); human-resources management under lawful labour rules "
                       "is a ground without consent only where they are employed")))
    return out


def platform_work_findings(m: Manifest) -> list[PlatformWorkFinding]:
    """The findings about every activity of `m`, in the manifest's order."""
    return [f for a in m.processing_activities for f in activity_platform_work_findings(m, a)]
