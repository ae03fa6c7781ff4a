"""The taxonomy of personal-data categories: dotted keys, sensitivity and default impact.

Loaded from `pia/data/taxonomy.yaml`; unknown keys are rejected with the closest known keys.
"""
from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from functools import lru_cache

import yaml

from pia.config import TAXONOMY_FILE

IMPACT_LEVELS = ("low", "medium", "high", "severe")
# The fields a category entry may give. Anything else is a mistake of the data file: in a YAML flow mapping an
# unquoted comma ends the value, so `{name: Cookie data (preferences, cart)}` silently cuts the name at the comma
# and makes `cart)` a key; refusing unknown fields catches that.
ENTRY_FIELDS = frozenset({"name", "sensitive", "impact", "basis", "fideslang", "description"})


@dataclass(frozen=True)
class Category:
    """One data category of the taxonomy, with inherited attributes resolved."""

    key: str
    name: str
    sensitive: bool
    impact: str
    basis: str | None
    fideslang: bool
    description: str = ""
    special_category: str | None = None
    """GDPR Art. 9(1) / Art. 10 status (inherited by descendants); None when not a special category."""

    @property
    def parent(self) -> str | None:
        """The dotted key one level up, or None at the top."""
        return self.key.rsplit(".", 1)[0] if "." in self.key else None

    def words(self, with_basis: bool = False) -> set[str]:
        """The words of the key, name and description (and basis), for searching."""
        text = " ".join([self.key, self.name, self.description] + ([self.basis or "", self.special_category or ""]
                                                                      if with_basis else []))
        return _words(text)


class Taxonomy:
    """All categories by key. Children inherit `sensitive`, `impact` and `basis` from their parent."""

    def __init__(self, raw: dict[str, dict], special: dict[str, str] | None = None):
        special = special or {}
        for key in special:
            if key not in raw:
                raise ValueError(f"taxonomy: special_categories: {key} is not a category")
        self._cats: dict[str, Category] = {}
        for key in sorted(raw, key=lambda k: k.count(".")):
            entry = raw[key] or {}
            if unknown := sorted(set(entry) - ENTRY_FIELDS, key=str):
                raise ValueError(f"taxonomy: {key}: unknown field(s) {', '.join(map(repr, unknown))} (allowed: "
                                 f"{', '.join(sorted(ENTRY_FIELDS))}; quote a value that holds a comma)")
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
                description=entry.get("description", ""),
                special_category=special.get(key, parent.special_category if parent else None),
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
        """The known keys closest to `key`.

        Order: keys with the same last segment; keys whose key, name and description contain every word of
        `key` ('user.health.heart_rate' finds the category described as heart rate); keys similar as
        strings (typos); then keys sharing some of its words.
        """
        last = key.rsplit(".", 1)[-1]
        same_leaf = [k for k in self._cats if k.rsplit(".", 1)[-1] == last]
        words = _words(key) - {"user"}
        scored = [(len(words & c.words()), c.key) for c in self._cats.values()] if words else []
        full = [k for s, k in sorted(scored, key=lambda x: (-x[0], x[1])) if s == len(words)]
        partial = [k for s, k in sorted(scored, key=lambda x: (-x[0], len(x[1]), x[1])) if 0 < s < len(words)]
        close = difflib.get_close_matches(key, list(self._cats), n=n, cutoff=0.5)
        leaf_close = [k for k in self._cats
                      if difflib.SequenceMatcher(None, last, k.rsplit(".", 1)[-1]).ratio() >= 0.75]
        out: list[str] = []
        for k in same_leaf + full + close + leaf_close + partial:
            if k not in out:
                out.append(k)
        return out[:n]

    def search(self, text: str = "") -> list[Category]:
        """Categories with a word starting with each word of `text` in their key, name, description or basis.

        All categories when `text` is empty. A word matches the start of a word, not any part of one ('ip' finds
        the IP address, not every 'description' or 'membership'). The categories are named in English: text without
        a latin letter or digit (a Chinese query) matches nothing rather than everything.
        """
        words = _words(text, shortest=1)
        if text.strip() and not words:
            return []
        return [c for c in self._cats.values()
                if all(any(cw.startswith(w) for cw in _words(c.key + " " + c.name + " " + c.description + " "
                                                            + (c.basis or "") + " " + (c.special_category or ""),
                                                            shortest=1)) for w in words)]

    def unknown_key_message(self, key: str) -> str:
        """The message for an unknown key, with the closest known keys."""
        hints = self.suggest(key)
        from pia.i18n import _

        hint = _("; did you mean {names}?", names=", ".join(hints)) if hints else ""
        return _("unknown taxonomy category {key!r}", key=key) + hint

    def is_within(self, key: str, ancestor: str) -> bool:
        """True if `key` is `ancestor` or one of its descendants."""
        return key == ancestor or key.startswith(ancestor + ".")


def _words(text: str, shortest: int = 3) -> set[str]:
    """Lower-case words of a key or a sentence, without very short ones (dots, _ and punctuation split)."""
    return {w for w in re.split(r"[^a-z0-9]+", text.lower()) if len(w) >= shortest}


@lru_cache(maxsize=1)
def load_taxonomy() -> Taxonomy:
    """The kit's taxonomy (cached)."""
    with open(TAXONOMY_FILE, encoding="utf-8") as fh:
        data = yaml.safe_load(fh)
    return Taxonomy(data["categories"], data.get("special_categories"))
