"""Design facts of a processing activity: where each data element is held and what identifiers link data to people.

They are facts of the processing, not measures added on top: the risk engine rates them at every stage, the
inherent one included (a decentralised app is not a central register with measures missing).
"""
from __future__ import annotations

from enum import Enum
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field

from pia.errors import Problem
from pia.i18n import _
from pia.yamlsource import Loc, YamlDocument


class Place(str, Enum):
    """Where a data element is stored and processed, or only relayed."""

    user_device = "user_device"  # the data subject's own device (phone, app storage): never on the service's servers
    service = "service"  # the controller's own servers (or servers run for it as part of the service)
    processor = "processor"  # the systems of a processor the activity names among its recipients
    transit = "transit"  # relayed by the service's (or its processors') systems without being stored there


# Places where the data is stored centrally: one breach there reaches every subject's data held so far.
CENTRAL = frozenset({Place.service, Place.processor})
# Places a risk source reaches through the service: stored there, or passing through it (a relay can be tapped,
# but only what passes while the risk source is in place, not what was relayed before).
REACHED = CENTRAL | {Place.transit}


class Network(str, Enum):
    """Where the activity's central systems can be reached from."""

    internet = "internet"  # reachable from the internet (pia default for an online service)
    private = "private"  # only from a private, closed or sector network whose members are admitted by agreement


class Identifiers(str, Enum):
    """What links the activity's data to the people it is about."""

    direct = "direct"  # names, accounts, contact details or stable identifiers the service knows people by
    pseudonymous = "pseudonymous"  # stable pseudonyms the controller can link back to people
    random = "random"  # random (often rotating) identifiers not derived from other data nor linked to an account


class ProcessingDesign(BaseModel):
    """How the activity is built: where its data is held and what identifies people in it."""

    model_config = ConfigDict(extra="forbid")

    held_at: dict[Annotated[str, Field(pattern=r"^[a-z][a-z0-9_]*$")], list[Place]] = Field(
        default_factory=dict, description=(
            "Data element id -> where it is stored and processed (user_device, service, processor), or transit: "
            "relayed by the service without being stored. An element not listed is held on the service (pia default: "
            "every activity of a manifest is part of an online service)."))
    reachable_from: Network = Field(Network.internet, description=(
        "Where the systems that hold or relay the data can be reached from: internet (default) or private (only "
        "from a private, closed or sector network that admits its members by agreement)."))
    identifiers: Identifiers = Field(Identifiers.direct, description=(
        "What links the data to people: direct (default), pseudonymous or random identifiers."))
    note: str = Field("", description="Where the design is described (the assessment's own words, paraphrased).")

    def places(self, element_id: str) -> frozenset[Place]:
        """Where an element is held (the service when the design does not say)."""
        got = self.held_at.get(element_id)
        return frozenset(got) if got else frozenset({Place.service})


DEFAULT_DESIGN = ProcessingDesign()


def design_problems(doc: YamlDocument) -> list[Problem]:
    """`design.held_at` keys that are not data elements of their activity, read from the raw data."""
    data = doc.data if isinstance(doc.data, dict) else {}
    problems: list[Problem] = []
    acts = data.get("processing_activities")
    for i, act in enumerate(acts if isinstance(acts, list) else []):
        if not isinstance(act, dict) or not isinstance(act.get("design"), dict):
            continue
        held = act["design"].get("held_at")
        raw = act.get("data_elements")
        elements: list = raw if isinstance(raw, list) else []
        for key, places in (held.items() if isinstance(held, dict) else []):
            loc: Loc = ("processing_activities", i, "design", "held_at", key)
            if key not in elements:
                problems.append(Problem(doc.source, _("{key!r} is not a data element of this activity (its elements: "
                                                      "{elements})", key=key, elements=", ".join(map(str, elements))),
                                        doc.line_of(loc), doc.path_of(loc)))
            elif isinstance(places, list) and not places:
                problems.append(Problem(doc.source, _("empty list of places (user_device, service, processor, transit)"),
                                        doc.line_of(loc), doc.path_of(loc)))
    return problems
