"""Retention periods in words, read so two versions can be ordered: days, weeks, months, years, or until an event.

A manifest's `retention.max_days` is the exact bound; where a side lacks it, the period is read from its `rule`
text (English or Chinese). pia default: periods are compared by their upper bound — a month counts 30 days and a
year 365, and a period that ends on an event the service does not bound in time ("until account deletion",
"while the device is bound", 账户注销前) has no upper bound. A text the reader cannot place is `unknown`:
the change review then asks the assessor instead of calling the change minor.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Any

# days per unit (pia default: calendar averages rounded down to whole days)
_UNITS_EN = {"hour": 1 / 24, "hours": 1 / 24, "day": 1, "days": 1, "week": 7, "weeks": 7, "month": 30, "months": 30,
             "year": 365, "years": 365}
_UNITS_ZH = {"小时": 1 / 24, "天": 1, "日": 1, "周": 7, "星期": 7, "个月": 30, "月": 30, "年": 365}
_WORDS_EN = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
             "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "eighteen": 18, "twenty": 20,
             "thirty": 30, "sixty": 60, "ninety": 90, "half a": 0.5}
_DIGITS_ZH = {"零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}

_EN = re.compile(r"\b(\d+(?:\.\d+)?|half an?|" + "|".join(sorted(_WORDS_EN, key=len, reverse=True)) +
                 r")[\s-]+(" + "|".join(sorted(_UNITS_EN, key=len, reverse=True)) + r")\b", re.IGNORECASE)
_ZH = re.compile(r"(\d+(?:\.\d+)?|[零一二两三四五六七八九十百]+|半)\s*("
                 + "|".join(sorted(_UNITS_ZH, key=len, reverse=True)) + r")")
# a period bounded by an event, not by time: the account, the device binding, the user's deletion
_OPEN = re.compile(r"\b(until|while|for the life(?:time)? of)\b|"
                   r"\bas long as (?:the |your |a )?(?:account|device|user|subscription)\b|"
                   r"\bunless deleted\b|\bno (?:fixed )?limit\b|"
                   r"indefinite|permanent|直至|直到|存续期间|期间保存|注销前|永久|长期", re.IGNORECASE)


def _zh_number(text: str) -> float | None:
    """A Chinese numeral up to the hundreds (十, 十二, 二十, 一百八十), or `半` (a half)."""
    if text == "半":
        return 0.5
    if all(c in _DIGITS_ZH for c in text):
        return float("".join(str(_DIGITS_ZH[c]) for c in text))
    total, current = 0, 0
    for c in text:
        if c in _DIGITS_ZH:
            current = _DIGITS_ZH[c]
        elif c == "十":
            total += (current or 1) * 10
            current = 0
        elif c == "百":
            total += (current or 1) * 100
            current = 0
        else:
            return None
    return float(total + current)


@dataclass(frozen=True)
class Bound:
    """The upper bound of a retention period in days: a number, `math.inf` (no upper bound), or None (unknown)."""

    days: float | None
    how: str  # "max_days", "text" or "unknown"

    @property
    def known(self) -> bool:
        """Whether the bound could be read."""
        return self.days is not None


def text_days(text: str) -> float | None:
    """The upper bound in days a retention text states; `math.inf` for a period ending on an event; None if unread.

    The longest period named counts (the text's upper bound); an open-ended phrase with no period that bounds it
    ("kept while the account exists") has none.
    """
    found: list[float] = []
    for num, unit in _EN.findall(text):
        n = num.lower()
        value = 0.5 if n.startswith("half") else _WORDS_EN.get(n) or float(num)
        found.append(float(value) * _UNITS_EN[unit.lower()])
    for num, unit in _ZH.findall(text):
        zh = float(num) if num[0].isdigit() else _zh_number(num)
        if zh is not None:
            found.append(zh * _UNITS_ZH[unit])
    if _OPEN.search(text):
        # "two years after the account is deleted" and "while the account exists" both end on an event
        return math.inf
    return max(found) if found else None


def _texts(rule: Any) -> list[str]:
    if isinstance(rule, str):
        return [rule]
    if isinstance(rule, dict):
        return [v for _, v in sorted(rule.items()) if isinstance(v, str)]
    translations = getattr(rule, "translations", None)
    return _texts(translations) if translations is not None else []


def bound(retention: Any) -> Bound:
    """The upper bound of a `Retention` (or its JSON dump): `max_days` when set, else read from the rule's text."""
    data = retention.model_dump(mode="json") if hasattr(retention, "model_dump") else dict(retention or {})
    if data.get("max_days") is not None:
        return Bound(float(data["max_days"]), "max_days")
    readings = [d for d in (text_days(t) for t in _texts(data.get("rule"))) if d is not None]
    if not readings:
        return Bound(None, "unknown")
    # the languages of one rule should agree; where they do not, the longer reading is the safe one
    return Bound(max(readings), "text")


def describe(b: Bound) -> str:
    """The bound in a few words for a reason (English; the caller translates its sentence)."""
    if b.days is None:
        return "?"
    if math.isinf(b.days):
        return "∞"
    return f"{b.days:g}"
