"""Declare: the assessment manifest, its taxonomy of data categories, the data map and the reviewer's findings.

The first room of the flow: everything later reads a `Manifest` loaded here.
"""
from __future__ import annotations

from pia._lazy import exports

__getattr__, __dir__, __all__ = exports(__name__, {
    "Manifest": "pia.declare.manifest",
    "load_manifest": "pia.declare.manifest",
    "parse_manifest": "pia.declare.manifest",
    "load_taxonomy": "pia.declare.taxonomy",
    "Taxonomy": "pia.declare.taxonomy",
    "data_map": "pia.declare.inventory",
    "inventory_document": "pia.declare.inventory",
    "lint": "pia.declare.lint",
    "Finding": "pia.declare.lint",
    "load_side": "pia.declare.revisions",
    "Policy": "pia.declare.policy",
    "clause_problems": "pia.declare.policy",
    "legal_basis_info": "pia.declare.vocabulary",
    "regime_of": "pia.declare.vocabulary",
    "scaffold": "pia.declare.scaffold",
    "read_revision": "pia.declare.revisions",
})
