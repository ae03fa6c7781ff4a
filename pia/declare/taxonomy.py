"""The taxonomy of personal-data categories: dotted keys, sensitivity and default impact.

Loaded from `pia/data/taxonomy.yaml`; unknown keys are rejected with the closest known keys.
"""
from __future__ import annotations

import difflib
from dataclasses import dataclass
from functools import lru_cache

import yaml

from pia.config import TAXONOMY_FILE

IMPACT_LEVELS = ("low", "medium", "high", "severe")


@dataclass(frozen=True)
class Category:
    """One data category of the taxonomy, with inherited attributes resolved."""

    key: str
    name: str
    sensitive: bool
    impact: str
    basis: str | None
    fideslang: bool

    @property
    def parent(self) -> str | None:
        """The dotted key one level up, or None at the top."""
        return self.key.rsplit(".", 1)[0] if "." in self.key else None


class Taxonomy:
    """All categories by key. Children inherit `sensitive`, `impact` and `basis` from their parent."""

    def __init__(self, raw: dict[str, dict]):
        self._cats: dict[str, Category] = {}
        for key in sorted(raw, key=lambda k: k.count(".")):
            entry = raw[key] or {}
            parent_key = key.rsplit(".", 1)[0] if "." in key else None
            if parent_key is not None and parent_key not in self._cats:
                raise ValueError(f"taxonomy: {key}: parent {parent_key} is not defined")
            parent = self._cats.get(parent_key) if parent_key else None
            impact = entry.get("impact", parent.impact if parent else "low")
            if impact not in IMPACT_LEVELS:
                raise ValueError(f"taxonomy: {key}: impact {impact!r} is not one of {IMPACT_LEVELS}")
            self._cats[key] = Category(
                key=key,
                name=entry.get("name", key),
                sensitive=bool(entry.get("sensitive", parent.sensitive if parent else False)),
                impact=impact,
                basis=entry.get("basis", parent.basis if parent else None),
                fideslang=bool(entry.get("fideslang", False)),
            )

    def __contains__(self, key: object) -> bool:
        return key in self._cats

    def __getitem__(self, key: str) -> Category:
        return self._cats[key]

    def __iter__(self):
        return iter(self._cats.values())

    def __len__(self) -> int:
        return len(self._cats)

    def keys(self) -> list[str]:
        """Every category key, sorted."""
        return list(self._cats)

    def suggest(self, key: str, n: int = 3) -> list[str]:
        """The known keys closest to `key`: same last segment first, then by string similarity."""
        last = key.rsplit(".", 1)[-1]
        same_leaf = [k for k in self._cats if k.rsplit(".", 1)[-1] == last]
        close = difflib.get_close_matches(key, list(self._cats), n=n, cutoff=0.5)
        leaf_close = [k for k in self._cats
                      if difflib.SequenceMatcher(None, last, k.rsplit(".", 1)[-1]).ratio() >= 0.75]
        out: list[str] = []
        for k in same_leaf + close + leaf_close:
            if k not in out:
                out.append(k)
        return out[:n]

    def unknown_key_message(self, key: str) -> str:
        """The message for an unknown key, with the closest known keys."""
        hints = self.suggest(key)
        hint = f"; did you mean {', '.join(hints)}?" if hints else ""
        return f"unknown taxonomy category {key!r}{hint}"

    def is_within(self, key: str, ancestor: str) -> bool:
        """True if `key` is `ancestor` or one of its descendants."""
        return key == ancestor or key.startswith(ancestor + ".")


@lru_cache(maxsize=1)
def load_taxonomy() -> Taxonomy:
    """The kit's taxonomy (cached)."""
    with open(TAXONOMY_FILE, encoding="utf-8") as fh:
        raw = yaml.safe_load(fh)["categories"]
    return Taxonomy(raw)
