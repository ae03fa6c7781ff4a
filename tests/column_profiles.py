"""A column profile from a list of values, as the scan builds one (blanks not counted): shared by detector tests."""
from __future__ import annotations

from pia.discovery.detectors import ColumnProfile


def profile(values: list[str]) -> ColumnProfile:
    counts: dict[str, int] = {}
    for v in values:
        if v:
            counts[v] = counts.get(v, 0) + 1
    return ColumnProfile(non_blank=sum(counts.values()), distinct=len(counts), values=counts)
