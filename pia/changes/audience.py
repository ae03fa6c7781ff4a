"""Whom a change concerns: the kinds of data subject whose data the changed records hold, read from the manifests.

A manifest says whose data each activity processes (`processing_activities[].data_subjects`) and, where narrower,
whose data an element is (`data_elements[].data_subjects`). A change to an activity concerns its subjects; a change
to an element the element's own subjects, else the subjects of the activities that use it; a change to a recipient
the subjects of the activities that send it data. A change anywhere else (the controller, its ownership, the
rights, the settings, the policy's own wording) concerns everyone. The notice (`notice.draft_notice`) then names
whom it concerns and is sent only to them when no change concerns everyone: PIPL Art. 17 para. 2 asks that the
individual is told of a change to what they were told, which a change to other people's data is not (pia default:
people whose data a change does not touch are told by the posted policy, as for a minor change).
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from pydantic import BaseModel, Field

from pia.declare.manifest import DataSubject, Manifest

if TYPE_CHECKING:  # pragma: no cover
    from collections.abc import Iterable

_ID_PATH = re.compile(r"^(?P<section>processing_activities|data_elements|recipients)\[(?P<id>[^\]]+)\](?P<rest>.*)$")
_ELEMENT_OF_ACTIVITY = re.compile(r"^\.data_elements\[(?P<id>[^\]]+)\]")
# The kit's order of kinds (DataSubject's), so lists are stable in JSON.
_ORDER = {s.value: i for i, s in enumerate(DataSubject)}
# pia default: people who merely appear in recordings are not users: no channel of the service reaches them, so
# the notice names them but the posted policy is what informs them.
UNREACHABLE = frozenset({DataSubject.bystanders.value})


class Audience(BaseModel):
    """Whom the significant changes of a review concern."""

    everyone: bool = Field(description=(
        "Whether some significant change concerns every user (the controller, rights, settings, ...), or the "
        "changes together concern every kind of data subject the service declares."))
    subjects: list[str] = Field(default_factory=list, description=(
        "Kinds of data subject (manifest data_subjects) whose data the significant changes concern, in the kit's "
        "order; all declared kinds when `everyone`."))


def sort_kinds(kinds: Iterable[str]) -> list[str]:
    """Kinds of data subject in the kit's order (DataSubject's), each once."""
    return sorted(set(kinds), key=lambda k: (_ORDER.get(k, len(_ORDER)), k))


def declared_kinds(*manifests: Manifest) -> frozenset[str]:
    """Every kind of data subject the manifests' activities and elements declare."""
    out: set[str] = set()
    for m in manifests:
        out.update(s.value for a in m.processing_activities for s in a.data_subjects)
        out.update(s.value for e in m.data_elements for s in e.data_subjects)
    return frozenset(out)


def _activity_kinds(m: Manifest, activity_id: str) -> frozenset[str] | None:
    act = next((a for a in m.processing_activities if a.id == activity_id), None)
    return None if act is None else frozenset(s.value for s in act.data_subjects)


def _element_kinds(m: Manifest, element_id: str) -> frozenset[str] | None:
    """The element's own subjects, else those of the activities using it; None when neither says."""
    el = next((e for e in m.data_elements if e.id == element_id), None)
    if el is not None and el.data_subjects:
        return frozenset(s.value for s in el.data_subjects)
    users = [frozenset(s.value for s in a.data_subjects) for a in m.processing_activities if element_id in a.data_elements]
    return frozenset().union(*users) if users else None


def change_subjects(path: str, old: Manifest, new: Manifest) -> frozenset[str] | None:
    """The kinds of data subject a change at `path` concerns; None when it concerns everyone.

    Each side is read where the record exists (a removed activity by OLD, an added one by NEW), and both sides'
    kinds count (an activity whose subjects change concerns the people before and after).
    """
    m = _ID_PATH.match(path)
    if not m:
        return None
    section, rid, rest = m["section"], m["id"], m["rest"]
    found: list[frozenset[str]] = []
    for side in (old, new):
        if section == "processing_activities":
            kinds = _activity_kinds(side, rid)
            element = _ELEMENT_OF_ACTIVITY.match(rest)
            if kinds is not None and element:
                # an element added to or removed from an activity: its own narrower subjects, where it declares them
                own = next((e for e in side.data_elements if e.id == element["id"]), None)
                narrow = frozenset(s.value for s in own.data_subjects) if own is not None and own.data_subjects else None
                kinds = (kinds & narrow or kinds) if narrow else kinds
        elif section == "data_elements":
            kinds = _element_kinds(side, rid)
        else:
            acts = [frozenset(s.value for s in a.data_subjects) for a in side.processing_activities if rid in a.recipients]
            kinds = frozenset().union(*acts) if acts else None
        if kinds is not None:
            found.append(kinds)
    if not found or not frozenset().union(*found):
        return None  # the manifests do not say whose data it is: everyone
    return frozenset().union(*found)


def audience(paths: Iterable[str], old: Manifest, new: Manifest) -> Audience:
    """Whom the changes at `paths` (the significant ones) concern, by the manifests' declared data subjects."""
    declared = declared_kinds(old, new)
    kinds: set[str] = set()
    everyone = False
    for path in paths:
        found = change_subjects(path, old, new)
        if found is None:
            everyone = True
        else:
            kinds |= found
    if everyone or (declared and declared <= kinds):
        return Audience(everyone=True, subjects=sort_kinds(declared | kinds))
    return Audience(everyone=False, subjects=sort_kinds(kinds))
