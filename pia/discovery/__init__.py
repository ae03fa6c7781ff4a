"""Discover: find personal data in real tables by column names and sampled values, and reconcile it with the manifest.

Never keeps or reports a value: evidence is pattern names and match shares.
"""
from __future__ import annotations

from pia._lazy import exports

__getattr__, __dir__, __all__ = exports(__name__, {
    "scan": "pia.discovery.scan",
    "ScanResult": "pia.discovery.scan",
    "classify_column": "pia.discovery.detectors",
    "reconcile": "pia.discovery.reconcile",
})
