"""Assumptions: facts of a manifest that its privacy policy does not state, each with why the assessor chose it.

A manifest's `assumptions:` list names facts by path (`processing_activities[alert_snapshots].subjects_count`);
every path must resolve in the manifest. `list_assumptions` returns them for "assumptions to confirm".
"""
from __future__ import annotations

import re
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from pia.declare.text import Text
from pia.errors import Problem
from pia.i18n import _
from pia.yamlsource import Loc, YamlDocument

# The field that identifies an item of a list of records (tried in this order); plain lists are addressed by value.
ITEM_KEYS: tuple[str, ...] = ("id", "kind", "number", "authority", "clause")

_SEGMENT = re.compile(r"(?P<field>[A-Za-z_][A-Za-z0-9_]*)(?P<ids>(?:\[[^\[\]]+\])*)")
_ID = re.compile(r"\[([^\[\]]+)\]")


class Assumption(BaseModel):
    """A fact the policy does not state: the assessor's estimate or reading, to be confirmed by the service."""

    model_config = ConfigDict(extra="forbid")

    about: str = Field(description="Path of the fact, ids for list items: `processing_activities[alert_snapshots]"
                                   ".storage`, `recipients[cloud_provider].data_groups[snapshot]`.")
    why: Text = Field(min_length=3, description="Why the assessor chose this value, and what would confirm it.")
    undisclosed: bool = Field(False, description="The fact is the service's practice but the policy does not "
                                                 "disclose it: raised as a finding 'not disclosed by the policy'.")


def split_path(path: str) -> list[tuple[str, list[str]]] | None:
    """`a.b[x][y].c` as `[("a", []), ("b", ["x", "y"]), ("c", [])]`; None when it is not a path."""
    parts: list[tuple[str, list[str]]] = []
    for piece in _split_dots(path):
        m = _SEGMENT.fullmatch(piece)
        if not m:
            return None
        parts.append((m["field"], _ID.findall(m["ids"])))
    return parts or None


def _split_dots(path: str) -> list[str]:
    """Split on dots outside brackets (an id such as `I.5(7)` may contain dots)."""
    out: list[str] = []
    cur: list[str] = []
    depth = 0
    for ch in path:
        if ch == "[":
            depth += 1
        elif ch == "]":
            depth -= 1
        if ch == "." and depth == 0:
            out.append("".join(cur))
            cur = []
        else:
            cur.append(ch)
    out.append("".join(cur))
    return out


def resolve(data: Any, path: str) -> tuple[Loc | None, str]:
    """Location (keys and indices) of the node `path` names in plain `data`, or None and what is wrong."""
    parts = split_path(path)
    if parts is None:
        return None, _("{path!r} is not a path (fields separated by '.', list items by id in brackets, e.g. "
                       "processing_activities[alert_snapshots].subjects_count)", path=path)
    node = data
    loc: list[str | int] = []
    shown: list[str] = []
    for field, ids in parts:
        shown.append(field)
        if not isinstance(node, dict) or field not in node:
            known = ", ".join(sorted(str(k) for k in node)) if isinstance(node, dict) else _("none")
            return None, _("{path!r} does not exist (fields here: {known})", path=".".join(shown), known=known)
        node = node[field]
        loc.append(field)
        for ident in ids:
            shown[-1] += f"[{ident}]"
            index = _find(node, ident)
            if index is None:
                return None, _("no item {ident!r} in {path!r}", ident=ident, path=".".join(shown)[: -len(ident) - 2])
            node = node[index]
            loc.append(index)
    return tuple(loc), ""


def _find(node: Any, ident: str) -> int | None:
    """Index of the record whose id (or kind, number, authority) is `ident`, or of the plain value `ident`."""
    if not isinstance(node, list):
        return None
    for i, item in enumerate(node):
        if isinstance(item, dict):
            if any(key in item and str(item[key]) == ident for key in ITEM_KEYS):
                return i
        elif str(item) == ident:
            return i
    return None


def assumption_problems(doc: YamlDocument, resolved: dict[str, Any] | None = None) -> list[Problem]:
    """Every `assumptions.N.about` that does not resolve in the manifest, as `FILE:LINE: path: message`.

    Paths resolve in `resolved` (the validated manifest as data, defaults included) when given, else in the raw YAML.
    """
    raw = doc.data if isinstance(doc.data, dict) else {}
    data = resolved if resolved is not None else raw
    entries = raw.get("assumptions")
    if not isinstance(entries, list):
        return []  # a wrong type is reported by the model
    problems: list[Problem] = []
    seen: dict[str, int] = {}
    for i, entry in enumerate(entries):
        about = entry.get("about") if isinstance(entry, dict) else None
        if not isinstance(about, str):
            continue
        loc = ("assumptions", i, "about")
        path = f"assumptions.{i}.about"
        if about in seen:
            problems.append(Problem(doc.source, _("{about!r} is already listed (assumptions.{first})", about=about,
                                                      first=seen[about]),
                                    doc.line_of(loc), path))
            continue
        seen[about] = i
        if about.split(".", 1)[0].split("[", 1)[0] == "assumptions":
            problems.append(Problem(doc.source, _("an assumption cannot be about the assumptions"), doc.line_of(loc),
                                    path))
            continue
        found, why = resolve(data, about)
        if found is None:
            problems.append(Problem(doc.source, why, doc.line_of(loc), path))
    return problems


def list_assumptions(manifest: Any) -> list[Assumption]:
    """The manifest's assumptions, in file order (empty when it declares none)."""
    return list(getattr(manifest, "assumptions", None) or [])


def assumed_paths(manifest: Any) -> set[str]:
    """The `about` paths of the manifest's assumptions."""
    return {a.about for a in list_assumptions(manifest)}


def undisclosed(manifest: Any) -> list[Assumption]:
    """Practices of the service that the policy does not disclose."""
    return [a for a in list_assumptions(manifest) if a.undisclosed]
