"""Whose data an element is in an activity: the element's own `data_subjects`, else the activity's.

An activity names everyone it concerns (a parent and a child); an element may say it is only one of them's (a
parent's phone number). The children's severity step and the guardian's consent of the change review read this.
"""
from __future__ import annotations

from pia.declare.manifest import DataElement, DataSubject, ProcessingActivity


def whose(element: DataElement, activity: ProcessingActivity) -> frozenset[DataSubject]:
    """Whose data `element` is in `activity`: its own `data_subjects`, else the activity's.

    An element that says whose it is keeps that in every activity: a parent's name in an activity about children
    stays the parent's (pia default: the activity's subjects are everyone it concerns, not the owner of each item).
    """
    return frozenset(element.data_subjects or activity.data_subjects)


def is_childs(element: DataElement, activity: ProcessingActivity) -> bool:
    """Whether `element` is a child's data in `activity` (`whose` names minors)."""
    return DataSubject.minors in whose(element, activity)
