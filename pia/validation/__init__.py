"""Validate: the policy's commitments as great-expectations checks over the service's tables.

The data contract (from the manifest's declared datasets), the check templates (one Ibis frame definition each),
the backends that run the frames (DuckDB locally) and the GX engine of record (in a worker process).
"""
from __future__ import annotations

from pia._lazy import exports

__getattr__, __dir__, __all__ = exports(__name__, {
    "validate": "pia.validation.run",
    "ValidationResult": "pia.validation.run",
    "parse_as_of": "pia.validation.run",
    "CHECKS": "pia.validation.checks",
    "compile_checks": "pia.validation.checks",
    "read_dataset": "pia.validation.contract",
    "load_column_mapping": "pia.validation.contract",
})
