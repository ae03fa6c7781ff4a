"""The hand-worked risk manifest (tests/fixtures/risk/hand.pia.yaml) and the helpers the risk-engine tests share:
assess one activity, change one activity, read one factor group."""
from __future__ import annotations

from pathlib import Path

from pia.declare.manifest import load_manifest
from pia.risk.methods import Method
from pia.risk.scoring import assess

FIX = Path(__file__).parent / "fixtures" / "risk"
HAND = load_manifest(FIX / "hand.pia.yaml")


def one(m, activity: str, method: str | Method = "gbt39335"):
    """The assessed activity `activity` of manifest `m`."""
    return {a.id: a for a in assess(m, method=method).activities}[activity]


def with_(activity: str, m=HAND, **update):
    """A deep copy of `m` with the fields `update` set on activity `activity`."""
    m = m.model_copy(deep=True)
    m.processing_activities = [a.model_copy(update=update) if a.id == activity else a for a in m.processing_activities]
    return m


def group(act, event, gid):
    """The likelihood factor group `gid` of an assessed activity for feared event `event`."""
    return next(g for g in act.likelihood_factors[event] if g.group == gid)
