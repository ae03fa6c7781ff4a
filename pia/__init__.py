"""pia: evidence-driven privacy impact assessment kit.

The public API for notebooks and scripts; each name loads its module (and its heavy libraries) on first use.
"""
from __future__ import annotations

from importlib import import_module
from typing import Any

__version__ = "0.1.0"

_API = {
    "load_manifest": "pia.manifest",
    "parse_manifest": "pia.manifest",
    "data_map": "pia.inventory",
    "lint": "pia.lint",
    "assess": "pia.risk",
    "load_method": "pia.methods",
    "review": "pia.changes",
    "load_side": "pia.revisions",
    "validate": "pia.validation",
    "generate_estate": "pia.samples",
    "scan": "pia.scan",
}

__all__ = sorted(_API) + ["__version__"]


def __getattr__(name: str) -> Any:
    module = _API.get(name)
    if module is None:
        raise AttributeError(f"module 'pia' has no attribute {name!r}")
    return getattr(import_module(module), name)
