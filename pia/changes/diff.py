"""Semantic diff of two manifests by ids: what was added, removed or changed, field by field.

Lists of records are matched by their id (not their position) and lists of plain values as sets,
so reordering a manifest is no change; every change gets a stable path like `recipients[ad_partner].name`.
"""
from __future__ import annotations

from collections.abc import Callable
from enum import Enum
from typing import Any

from pydantic import BaseModel, Field

from pia.declare.manifest import Manifest


class ChangeKind(str, Enum):
    """How a path differs between OLD and NEW."""

    added = "added"
    removed = "removed"
    changed = "changed"


class Change(BaseModel):
    """One difference between two manifests, addressed by a path of field names and ids."""

    path: str = Field(description="Where: dotted fields, `[id]` for a record or a member of a set of values.")
    kind: ChangeKind = Field(description="added, removed or changed.")
    before: Any = Field(None, description="Value in OLD (None when added).")
    after: Any = Field(None, description="Value in NEW (None when removed).")

    def swapped(self) -> Change:
        """The same change seen from the other side (NEW -> OLD)."""
        kind = {ChangeKind.added: ChangeKind.removed, ChangeKind.removed: ChangeKind.added}.get(self.kind, self.kind)
        return Change(path=self.path, kind=kind, before=self.after, after=self.before)


# Lists of records and the field that identifies a record; the key is the list's path with ids as `[*]`.
RECORD_KEYS: dict[str, str] = {
    "data_elements": "id",
    "processing_activities": "id",
    "recipients": "id",
    "rights": "kind",
    "rejection_grounds": "id",
    "consent_exemptions": "clause",
    "data_groups": "id",
    "policy.clauses": "id",
    "datasets": "id",
    "checks": "id",
    "commitments": "id",
    "controller.complaint_channels": "authority",
    "assumptions": "about",
}


def pattern_of(path: str) -> str:
    """The path with every `[id]` replaced by `[*]` (what classification rules match on)."""
    out, depth = [], 0
    for ch in path:
        if ch == "[":
            depth += 1
            if depth == 1:
                out.append("[*")
            continue
        if ch == "]":
            depth -= 1
            if depth == 0:
                out.append("]")
            continue
        if depth == 0:
            out.append(ch)
    return "".join(out)


def _join(prefix: str, name: str) -> str:
    return f"{prefix}.{name}" if prefix else name


def _is_scalar(value: Any) -> bool:
    return value is None or isinstance(value, (str, int, float, bool))


def _diff(before: Any, after: Any, path: str, out: list[Change]) -> None:
    if before == after:
        return
    if isinstance(before, dict) and isinstance(after, dict):
        _diff_keyed(before, after, lambda key: _join(path, str(key)), out)
        return
    if isinstance(before, list) and isinstance(after, list):
        key_field = RECORD_KEYS.get(pattern_of(path))
        if key_field is not None and _keyed(before, key_field) and _keyed(after, key_field):
            _diff_records(before, after, path, key_field, out)
            return
        if all(_is_scalar(v) for v in before + after):
            old, new = set(before), set(after)
            for v in sorted(old - new, key=str):
                out.append(Change(path=f"{path}[{v}]", kind=ChangeKind.removed, before=v))
            for v in sorted(new - old, key=str):
                out.append(Change(path=f"{path}[{v}]", kind=ChangeKind.added, after=v))
            return
    out.append(Change(path=path, kind=ChangeKind.changed, before=before, after=after))


def _keyed(records: list[Any], key_field: str) -> bool:
    """Whether every item is a record with a distinct scalar id (always so in a validated manifest)."""
    keys = [r.get(key_field) if isinstance(r, dict) else None for r in records]
    return all(_is_scalar(k) and k is not None for k in keys) and len({str(k) for k in keys}) == len(keys)


def _diff_records(before: list[dict], after: list[dict], path: str, key_field: str, out: list[Change]) -> None:
    old = {str(r[key_field]): r for r in before}
    new = {str(r[key_field]): r for r in after}
    _diff_keyed(old, new, lambda key: f"{path}[{key}]", out)


def _diff_keyed(old: dict, new: dict, path_of: Callable[[Any], str], out: list[Change]) -> None:
    """Match entries by key: a key only in OLD is removed, only in NEW added, in both compared in depth."""
    for key in sorted(set(old) | set(new), key=str):
        sub = path_of(key)
        if key not in new:
            out.append(Change(path=sub, kind=ChangeKind.removed, before=old[key]))
        elif key not in old:
            out.append(Change(path=sub, kind=ChangeKind.added, after=new[key]))
        else:
            _diff(old[key], new[key], sub, out)


def diff_data(before: dict[str, Any], after: dict[str, Any]) -> list[Change]:
    """Differences between two manifests given as plain data (`Manifest.model_dump(mode="json")`), sorted by path."""
    out: list[Change] = []
    _diff(before, after, "", out)
    return sorted(out, key=lambda c: c.path)


def diff(old: Manifest, new: Manifest) -> list[Change]:
    """Differences from OLD to NEW, by ids, sorted by path; empty when they describe the same processing."""
    return diff_data(old.model_dump(mode="json"), new.model_dump(mode="json"))
