"""Whose data a place holds: `storage.residency` and a recipient's `data_of`, declared by the manifest.

A service with users under several regimes may keep each group's data in its own region (EU families' data in
Frankfurt, people in China's in China). Declared, the fact decides which regime's people's data a place takes
abroad (`pia.declare.transfers.leaving`); undeclared, the kit falls back on a labelled inference.
"""
from __future__ import annotations

from typing import Any

from pia.i18n import _

RESIDENCY_HELP = (
    "Whose data each storage location holds: location -> where those data subjects are (ISO 3166 codes, or "
    "EU/EEA/UK), e.g. {CN: [CN], DE: [EU]}. Declared, it decides whose data a location takes abroad; a location "
    "not listed is read by the kit's fallback (pia.declare.transfers).")
DATA_OF_HELP = (
    "Whose data the recipient receives: where those data subjects are (ISO 3166 codes, or EU/EEA/UK), when not "
    "all the activity's data subjects (a regional cloud for one region's users). Not stated: the kit's fallback "
    "(pia.declare.transfers).")


def omit_none(data: dict[str, Any], *keys: str) -> dict[str, Any]:
    """`data` without the optional `keys` left unset, so documents of manifests without them stay as they were."""
    for key in keys:
        if data.get(key) is None:
            data.pop(key, None)
    return data


def check_residency(storage: Any) -> Any:
    """A storage's `residency` names only its own locations, each with at least one place (ValueError otherwise)."""
    residency = storage.residency or {}
    unknown = sorted(set(residency) - set(storage.locations))
    if unknown:
        raise ValueError(_("residency names {names}, not among the storage locations ({locations})",
                           names=", ".join(unknown), locations=", ".join(storage.locations)))
    empty = sorted(k for k, places in residency.items() if not places)
    if empty:
        raise ValueError(_("residency of {names} is empty (name where those data subjects are)",
                           names=", ".join(empty)))
    return storage


__all__ = ["DATA_OF_HELP", "RESIDENCY_HELP", "check_residency", "omit_none"]
