"""Assess: risk methods as data, high-risk screening, likelihood factors and severity per feared event at four stages.

Reads a manifest (and evidence documents of validation and discovery) and returns an `Assessment`.
"""
from __future__ import annotations

from pia._lazy import exports

__getattr__, __dir__, __all__ = exports(__name__, {
    "assess": "pia.risk.scoring",
    "Assessment": "pia.risk.scoring",
    "Stage": "pia.risk.scoring",
    "load_evidence": "pia.risk.evidence",
    "parse_evidence": "pia.risk.evidence",
    "load_method": "pia.risk.methods",
    "available_methods": "pia.risk.methods",
    "Method": "pia.risk.methods",
    "screen": "pia.risk.screening",
    "render_text": "pia.risk.render",
    "render_markdown": "pia.risk.render",
})
