"""Synthetic estates (the reference contract, or any manifest's declared datasets), clean or with planted violations.

Fake values only; used by tests, demos and benchmarks.
"""
from __future__ import annotations

from pia._lazy import exports

__getattr__, __dir__, __all__ = exports(__name__, {
    "generate_estate": "pia.samples.generate",
    "read_expected": "pia.samples.generate",
    "generate_declared": "pia.samples.declared",
})
