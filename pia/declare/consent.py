"""Whether an activity's consent can be freely given: people who depend on the controller, a conditioned service.

Two rules, each with the law of the regimes the service is under:

- ``consent_imbalance``: an activity on consent whose data subjects depend on the controller (employees, students,
  patients, asylum seekers: `subjects.IMBALANCE_KINDS`). GDPR Recital 43: consent is no valid ground where there is
  a clear imbalance between the data subject and the controller; EDPB Guidelines 05/2020 3.1.1 applies this to
  public authorities and employers. The PIPL has no such rule (its Art. 13(1)(2) gives human-resources management
  its own ground), so the rule is the GDPR's only.
- ``consent_conditions_service``: an activity on consent whose refusal denies the service
  (`refusal_denies_service`) and that is not necessary for it (`necessary_for_service`). GDPR Art. 7(4) with
  Recital 43 (such consent is presumed not freely given); PIPL Art. 16 (a handler may not refuse a product or
  service because consent is refused, unless the processing is necessary for providing it).
"""
from __future__ import annotations

from pydantic import BaseModel, Field

from pia.declare.citations import applies
from pia.declare.manifest import Manifest, ProcessingActivity
from pia.declare.subjects import IMBALANCE_KINDS, VULNERABLE_KINDS
from pia.declare.text import Sentence
from pia.declare.vocabulary import basis_id
from pia.i18n import L_, Listing, Message, Term

IMBALANCE_SOURCE = "GDPR Recital 43; EDPB Guidelines 05/2020 3.1.1"
CONDITIONAL_SOURCES = {"EU": "GDPR Art. 7(4); GDPR Recital 43; EDPB Guidelines 05/2020 3.1.2", "CN": "PIPL Art. 16"}


class ConsentFinding(BaseModel):
    """One doubt about an activity's consent, with the rule and the law it rests on."""

    activity: str = Field(description="Id of the processing activity.")
    rule: str = Field(description="consent_imbalance or consent_conditions_service.")
    field: str = Field(description="The activity's field the finding rests on (data_subjects, refusal_denies_service).")
    message: Sentence = Field(description="What is doubtful and what to do, in English (rendered in any language).")
    source: str = Field(description="The law or guidance it rests on (catalogue ids).")


def activity_consent_findings(m: Manifest, a: ProcessingActivity) -> list[ConsentFinding]:
    """The consent findings of one activity (none unless its legal basis is consent)."""
    if basis_id(a.legal_basis) != "consent":
        return []
    cn, eu = applies(m.regimes)
    out: list[ConsentFinding] = []
    dependent = [s.value for s in a.data_subjects if s.value in IMBALANCE_KINDS]
    if dependent and eu:
        out.append(ConsentFinding(
            activity=a.id, rule="consent_imbalance", field="data_subjects", source=IMBALANCE_SOURCE,
            message=L_("consent is asked of {subjects}, who depend on {whom}: such consent is "
                       "unlikely to be freely given; rely on another ground, or show that refusing has no "
                       "adverse consequence", subjects=Listing(Term(k) for k in dependent),
                       whom=Listing((Message(VULNERABLE_KINDS[k].imbalance_with or "") for k in dependent), "; "))))
    if a.refusal_denies_service and not a.necessary_for_service and (cn or eu):
        source = "; ".join(CONDITIONAL_SOURCES[r] for r, on in (("EU", eu), ("CN", cn)) if on)
        out.append(ConsentFinding(
            activity=a.id, rule="consent_conditions_service", field="refusal_denies_service", source=source,
            message=L_("refusing the consent denies the service although the processing is not necessary for "
                       "providing it: offer the service without it (or an alternative), or declare "
                       "necessary_for_service if it is necessary")))
    return out


def consent_findings(m: Manifest) -> list[ConsentFinding]:
    """The consent findings of every activity of `m`, in the manifest's order."""
    return [f for a in m.processing_activities for f in activity_consent_findings(m, a)]
