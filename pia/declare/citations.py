"""Citations by regime: a rule the kit applies under both laws cites the law of the service's regimes.

PIPL and the GB/T standards for a service under Chinese law (CN), the GDPR and its guidance for the EU and the
UK, both when both apply; both also when no regime the kit knows applies (the reader then sees both sources).
"""
from __future__ import annotations

from collections.abc import Iterable


def applies(regimes: Iterable[str]) -> tuple[bool, bool]:
    """(Chinese sources apply, GDPR sources apply) for a set of regimes ('CN', 'EU', 'UK', 'US', ...)."""
    r = set(regimes)
    cn, eu = "CN" in r, bool(r & {"EU", "UK"})
    return (cn, eu) if (cn or eu) else (True, True)


def by_regime(regimes: Iterable[str], cn: str, eu: str) -> str:
    """The citation of the regimes that apply: `cn`, `eu`, or both joined by '; '."""
    use_cn, use_eu = applies(regimes)
    return "; ".join(x for x, on in ((cn, use_cn), (eu, use_eu)) if on and x)
