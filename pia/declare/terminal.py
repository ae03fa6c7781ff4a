"""Storing or reading information on people's devices (tracking pixels, tracked links, cookies) under the GDPR's regimes.

Directive 2002/58/EC Art. 5(3) (the UK: PECR reg. 6) allows storing information on, or reading it from, a user's
terminal equipment only with their consent, unless it only carries a communication or is strictly necessary for a
service they explicitly asked for; EDPB Guidelines 2/2023 read tracking pixels and tracked links in emails into it.
A GDPR legal basis (legitimate interest, contract) does not replace that consent. Read by `lint`.
"""
from __future__ import annotations

from pia.declare.manifest import Manifest
from pia.declare.taxonomy import load_taxonomy
from pia.i18n import L_, Listing, Message

# Categories collected by storing or reading information on the person's device: an email open (pixel) or click
# (tracked link), a cookie or its identifier
TERMINAL_CATEGORIES = ("user.behavior.email_engagement", "user.device.cookie", "user.device.cookie_id")
SOURCES = {"EU": "Directive 2002/58/EC Art. 5(3); EDPB Guidelines 2/2023", "UK": "PECR reg. 6"}


def terminal_elements(m: Manifest) -> list[tuple[int, str]]:
    """(index, id) of each used data element collected on people's devices, where EU or UK law applies."""
    if not m.regimes & {"EU", "UK"}:
        return []
    tax = load_taxonomy()
    used = {e for a in m.processing_activities for e in a.data_elements}
    return [(i, e.id) for i, e in enumerate(m.data_elements)
            if e.id in used and any(tax.is_within(e.category, k) for k in TERMINAL_CATEGORIES)]


def terminal_source(m: Manifest) -> str:
    """The law of each GDPR regime the service is under (the EU's directive, the UK's regulations)."""
    return "; ".join(SOURCES[r] for r in ("EU", "UK") if r in m.regimes)


def terminal_message(element: str, activities: list[str]) -> Message:
    """The note: consent for the device access, whatever the GDPR basis of the processing that follows."""
    return L_("data element {element!r} is collected by storing or reading information on people's devices (a "
              "tracking pixel, tracked link or cookie): that needs the person's consent after clear information, "
              "unless strictly necessary for a service they asked for, whatever the legal basis of the activities "
              "that use it ({activities})", element=element, activities=Listing(activities))
