"""Whether an activity processes personal data on a large scale, from the four factors of WP243 rev.01, 2.1.3.

WP248 criterion 5 refers to WP29's DPO guidelines (WP243 rev.01, section 2.1.3): the number of data subjects
(absolute or as a share of the population), the volume and range of data items, the duration or permanence of the
processing and its geographical extent. Neither gives a number or says how the factors combine; both are assessor
settings with a `pia default`. The screening (criterion 5), the severity's large-scale step and the likelihood's
scale point all read this one judgement, so "large scale" means the same everywhere.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from pia.declare.manifest import Manifest, ProcessingActivity
from pia.declare.scale import WIDE_EXTENTS, Collection, Duration, Extent
from pia.i18n import L_, Listing, Message, Term

# Retention from which the kit reads the data as kept long-term (pia default: a year, the span the kidwatch, pulsewear
# and reference notices use for their longest fixed periods; no upper bound, such as "until the account is closed",
# counts as permanent).
LONG_RETENTION_DAYS = 365
# The source of the factors (catalogue id) and of the way the kit combines them (a kit choice).
FACTORS_SOURCE = "WP243 rev.01 2.1.3"


@dataclass(frozen=True)
class Factor:
    """One WP243 factor for one activity: whether it points to large scale, and the fact it rests on."""

    name: str
    met: bool
    fact: Message
    declared: bool  # stated in the manifest's `scale:` (else derived from other facts, or unknown)


@dataclass(frozen=True)
class ScaleJudgement:
    """Whether an activity is large scale, why, and on which factors."""

    large: bool
    subjects: int
    limit: int
    floor: int
    by_factors: bool  # large although below `limit`: the other three factors all hold
    factors: tuple[Factor, ...] = field(default_factory=tuple)

    @property
    def reason(self) -> Message:
        """The judgement in words, naming the factors used (the number alone when it decides)."""
        if self.subjects >= self.limit:
            # the number alone decides: the words documents have always carried
            return L_("{subjects:,} subjects (large scale from {limit:,}, settings)", subjects=self.subjects,
                      limit=self.limit)
        if self.subjects < self.floor:
            return L_("{subjects:,} subjects (large scale from {limit:,}, settings; below {floor:,} the other "
                      "factors are not weighed)", subjects=self.subjects, limit=self.limit, floor=self.floor)
        words = Listing([L_("{factor}: {fact}", factor=Message(f.name), fact=f.fact) for f in self.factors], "; ")
        if self.by_factors:
            return L_("{subjects:,} subjects, below {limit:,} but from {floor:,} (settings), with volume, duration and "
                      "extent all pointing to large scale: {factors} ({source}; all three needed: pia default)",
                      subjects=self.subjects, limit=self.limit, floor=self.floor, factors=words,
                      source=FACTORS_SOURCE)
        return L_("{subjects:,} subjects, below {limit:,} (settings), and not every other factor points to large "
                  "scale: {factors} ({source})", subjects=self.subjects, limit=self.limit, factors=words,
                  source=FACTORS_SOURCE)

    @property
    def source(self) -> str:
        """What the judgement rests on, for a risk step: the assessor's threshold, and the factors when they decide."""
        if self.by_factors:
            return f"{FACTORS_SOURCE} (volume, duration, extent; all three from settings.large_scale_factors_from: " \
                   "pia default)"
        return ""


def _volume(a: ProcessingActivity) -> Factor:
    items = len(a.data_elements)
    how = a.scale.collection if a.scale is not None else None
    if how is None:
        return Factor("volume of data", False, L_("{n} data items; collection frequency not stated (scale.collection)",
                                                  n=items), False)
    return Factor("volume of data", how is Collection.continuous,
                  L_("{n} data items, collection {how}", n=items, how=Term(how.value)), True)


def _duration(m: Manifest, a: ProcessingActivity) -> Factor:
    said = a.scale.duration if a.scale is not None else None
    if said is not None:
        return Factor("duration", said is Duration.permanent, L_("{duration} (scale.duration)",
                                                                 duration=Term(said.value)), True)
    if a.scale is not None and a.scale.collection is Collection.continuous:
        return Factor("duration", True, L_("permanent: collected continuously while the service is used"), False)
    elements = m.elements_of(a)
    open_ended = [e.id for e in elements if e.retention.max_days is None]
    longest = max((e.retention.max_days or 0 for e in elements), default=0)
    if open_ended:
        return Factor("duration", True, L_("permanent: {elements} kept with no upper bound",
                                           elements=Listing(open_ended)), False)
    return Factor("duration", longest >= LONG_RETENTION_DAYS,
                  L_("data kept at most {days} days (long-term from {long} days: pia default)", days=longest,
                     long=LONG_RETENTION_DAYS), False)


def _extent(m: Manifest, a: ProcessingActivity) -> Factor:
    said = a.scale.extent if a.scale is not None else None
    if said is not None:
        return Factor("geographical extent", said in WIDE_EXTENTS, L_("{extent} (scale.extent)",
                                                                      extent=Term(said.value)), True)
    where = a.subjects_in if a.subjects_in is not None else m.service.jurisdictions
    if not where:
        return Factor("geographical extent", False, L_("not stated (scale.extent, subjects_in or jurisdictions)"),
                      False)
    codes = {c.upper() for c in where}
    # the EU or the EEA is several countries; one country code is one country
    several = len(codes) > 1 or bool(codes & {"EU", "EEA"})
    extent = Extent.international if several else Extent.national
    return Factor("geographical extent", extent in WIDE_EXTENTS,
                  L_("{extent}: data subjects in {places}", extent=Term(extent.value), places=", ".join(sorted(codes))),
                  False)


def judge_scale(m: Manifest, a: ProcessingActivity, subjects: int | None = None) -> ScaleJudgement:
    """Whether `a` is large scale for `subjects` people (default: the activity's `subjects_count`).

    Parameters
    ----------
    m
        The manifest (settings, data elements, jurisdictions).
    a
        The activity.
    subjects
        The people counted: the activity's, or those whose data of some kind is held (the severity's and the
        likelihood's count).

    Returns
    -------
    ScaleJudgement
        Large from `settings.large_scale_subjects` people on the number alone (issue 12's assessor threshold); from
        `settings.large_scale_factors_from` (default a tenth of it) when volume, duration and extent all point to
        large scale (pia default: WP243 rev.01 names the factors, not how they combine; requiring all three keeps a
        mid-sized service large only when its processing is continuous, permanent and wide).
    """
    n = a.subjects_count if subjects is None else subjects
    limit = m.settings.large_scale_subjects
    floor = m.settings.large_scale_factors_from or max(1, limit // 10)
    if n >= limit:
        return ScaleJudgement(True, n, limit, floor, False)
    if n < floor:
        return ScaleJudgement(False, n, limit, floor, False)
    factors = (_volume(a), _duration(m, a), _extent(m, a))
    by_factors = all(f.met for f in factors)
    return ScaleJudgement(by_factors, n, limit, floor, by_factors, factors)


__all__ = ["FACTORS_SOURCE", "Factor", "ScaleJudgement", "judge_scale"]
