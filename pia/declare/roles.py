"""The service's role in each activity: controller of its own processing, or processor for other controllers.

An activity declared `role: processor` is processed on behalf of other controllers (an email platform's
customers' lists): they decide its purposes and legal basis and carry its impact assessment; the service acts on
their documented instructions and assists them (GDPR Art. 28(3)(a), (f); a breach is notified to them, Art. 33(2);
its record is that of a processor, Art. 30(2); PIPL Art. 21, Art. 59 for an entrusted party). Two rules:

- ``processor_duties`` (a note, once per manifest): which activities are processed for others, and what that
  leaves to the controllers and asks of the service.
- ``sub_processor_authorisation`` (a note, per processor recipient of a processor activity): engaging another
  processor for the controllers' data needs their prior written authorisation and the same obligations passed down
  (GDPR Art. 28(2), (4)); PIPL Art. 21: no sub-entrusting without the handler's consent.
- ``processor_own_purpose`` (a warning): an activity the service runs as controller uses data it holds as a
  processor. A processor that determines the purposes and means of processing is a controller of that processing
  (GDPR Art. 28(10)) and may process the controllers' data only on their instructions (Art. 29); PIPL Art. 21: an
  entrusted party processes only as agreed, not beyond the agreed purpose and method.
Read by `lint` and by the verdict of `risk.scoring` (whose duty the prior consultation is).
"""
from __future__ import annotations

from pydantic import BaseModel, Field

from pia.declare.citations import by_regime
from pia.declare.manifest import Manifest
from pia.declare.text import Sentence
from pia.i18n import L_, Listing, pick

DUTIES_SOURCE = {"EU": "GDPR Art. 28(3)(a); GDPR Art. 28(3)(f); GDPR Art. 33(2); GDPR Art. 30(2)",
                 "CN": "PIPL Art. 21; PIPL Art. 59"}
SUB_PROCESSOR_SOURCE = {"EU": "GDPR Art. 28(2); GDPR Art. 28(4)", "CN": "PIPL Art. 21"}
OWN_PURPOSE_SOURCE = {"EU": "GDPR Art. 28(10); GDPR Art. 29", "CN": "PIPL Art. 21"}
CONSULTATION_SOURCE = {"EU": "GDPR Art. 35(1); GDPR Art. 36(1); GDPR Art. 28(3)(f)", "CN": "PIPL Art. 55; PIPL Art. 59"}


class RoleFinding(BaseModel):
    """One consequence of the service's role in an activity, with the rule and the law it rests on."""

    activity: str = Field(description="Id of the processing activity.")
    rule: str = Field(description="processor_duties, sub_processor_authorisation or processor_own_purpose.")
    field: str = Field(description="The activity's field the finding rests on (role, recipients, data_elements).")
    recipient: str | None = Field(None, description="Id of the sub-processor, for sub_processor_authorisation.")
    warning: bool = Field(description="A warning to act on (else a note to record).")
    message: Sentence = Field(description="What follows and what to do, in English (rendered in any language).")
    source: str = Field(description="The law it rests on (catalogue ids).")


def processor_activities(m: Manifest) -> list[str]:
    """Ids of the activities the service processes as a processor for other controllers, in declared order."""
    return [a.id for a in m.processing_activities if a.is_processor]


def whom(m: Manifest) -> str:
    """The controllers the service acts for, as the processor activities name them (else 'their controllers')."""
    named = list(dict.fromkeys(t for a in m.processing_activities if a.is_processor and (t := pick(a.on_behalf_of))))
    return "; ".join(named)


def role_findings(m: Manifest) -> list[RoleFinding]:
    """The role findings of `m`: the processor's duties once, then each controller activity using processor data."""
    processed = processor_activities(m)
    if not processed:
        return []
    out = [RoleFinding(
        activity=processed[0], rule="processor_duties", field="role", warning=False,
        source=by_regime(m.regimes, DUTIES_SOURCE["CN"], DUTIES_SOURCE["EU"]),
        message=L_("the service processes {activities} as a processor for {whom}: they decide the purposes and the "
                   "legal basis and carry the impact assessment; the service processes only on their documented "
                   "instructions, assists them with security, breach notification and impact assessments, notifies "
                   "them of a personal-data breach without undue delay and keeps a record of the processing it "
                   "carries out for them", activities=Listing(processed),
                   whom=whom(m) or L_("their controllers")))]
    seen: set[str] = set()
    for a in m.processing_activities:
        for r in m.recipients_of(a) if a.is_processor else []:
            if r.type.value == "processor" and r.id not in seen:
                seen.add(r.id)
                out.append(RoleFinding(
                    activity=a.id, rule="sub_processor_authorisation", field="recipients", warning=False,
                    recipient=r.id, source=by_regime(m.regimes, SUB_PROCESSOR_SOURCE["CN"], SUB_PROCESSOR_SOURCE["EU"]),
                    message=L_("processor {recipient!r} is a sub-processor of data the service processes for {whom}: "
                               "it needs their prior written authorisation (specific or general, with notice of "
                               "changes and a right to object) and the same data-protection obligations by contract",
                               recipient=r.id, whom=whom(m) or L_("their controllers"))))
    held = {e for a in m.processing_activities if a.is_processor for e in a.data_elements}
    for a in m.processing_activities:
        if a.is_processor:
            continue
        theirs = [e for e in a.data_elements if e in held]
        if theirs:
            out.append(RoleFinding(
                activity=a.id, rule="processor_own_purpose", field="data_elements", warning=True,
                source=by_regime(m.regimes, OWN_PURPOSE_SOURCE["CN"], OWN_PURPOSE_SOURCE["EU"]),
                message=L_("it uses for the service's own purposes data it holds as a processor for {whom} "
                           "({elements}): beyond their documented instructions the service becomes a controller of "
                           "that processing, with its own legal basis, notice and liability; obtain their "
                           "instructions, or keep their data out of it", whom=whom(m) or L_("other controllers"),
                           elements=Listing(theirs))))
    return out
