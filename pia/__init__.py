"""pia: evidence-driven privacy impact assessment kit.

The public API for notebooks and scripts; each name loads its module (and its heavy libraries) on first use.
"""
from __future__ import annotations

from pia._lazy import exports

__version__ = "0.1.0"

_API = {
    "load_manifest": "pia.declare.manifest",
    "parse_manifest": "pia.declare.manifest",
    "data_map": "pia.declare.inventory",
    "lint": "pia.declare.lint",
    "assess": "pia.risk.scoring",
    "load_method": "pia.risk.methods",
    "review": "pia.changes.rules",
    "load_side": "pia.declare.revisions",
    "validate": "pia.validation.run",
    "generate_estate": "pia.samples.generate",
    "scan": "pia.discovery.scan",
}

__getattr__, __dir__, _names = exports(__name__, _API)
__all__ = [*_names, "__version__"]
