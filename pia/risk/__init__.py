"""Assess: risk methods as data, high-risk screening and impact x likelihood scoring with its verdict.

Reads a manifest (and evidence documents of validation and discovery) and returns an `Assessment`.
"""
from __future__ import annotations

from pia._lazy import exports

__getattr__, __dir__, __all__ = exports(__name__, {
    "assess": "pia.risk.scoring",
    "Assessment": "pia.risk.scoring",
    "load_evidence": "pia.risk.scoring",
    "load_method": "pia.risk.methods",
    "available_methods": "pia.risk.methods",
    "Method": "pia.risk.methods",
    "screen": "pia.risk.screening",
})
