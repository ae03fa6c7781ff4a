"""The manifest's lint findings as the assessment carries them: language-neutral, sorted, each with its sources.

`pia check` prints the findings of `pia.declare.lint` for the person who edits the manifest; the person who signs
the assessment reads `pia assess` and the report. This module turns every lint finding, whatever its rule (rules
added later included), into a `LegalFinding`: the rule id, the severity, the activity, data element and recipient
it is about (read from its path), its message and its sources. The message is English in JSON (as every sentence of
the kit's JSON documents) and keeps the other languages for the renderers (`pia.i18n.localize`).
"""
from __future__ import annotations

import re

from pydantic import BaseModel, Field

from pia.declare.lint import Finding, Level, lint
from pia.declare.manifest import Manifest
from pia.declare.text import Sentence
from pia.i18n import LANGUAGES, N_, SOURCE_LANGUAGE, LocalizedText, use_language

# errors first: processing the law prohibits, then what to look at, then what to note
SEVERITY_RANK = {Level.error: 0, Level.warning: 1, Level.note: 2}
# what each severity asks of the person who signs (the headings of the renderings and the report)
SEVERITY_HEADINGS = {Level.error: N_("Errors: processing the law does not allow"),
                     Level.warning: N_("Warnings: to act on before the processing goes on"),
                     Level.note: N_("Notes: to check and record in the assessment")}


class LegalFinding(BaseModel):
    """One lint finding of the manifest, as the assessment carries it to the person who signs."""

    rule: str = Field(description="Stable id of the lint rule (as `pia check` names it).")
    severity: Level = Field(description="error (processing the law prohibits), warning (to act on) or note.")
    activity: str | None = Field(None, description="Id of the processing activity concerned, if any.")
    element: str | None = Field(None, description="Id of the data element concerned, if any.")
    recipient: str | None = Field(None, description="Id of the recipient concerned, if any.")
    path: str = Field(description="Path of the manifest node concerned, list items by id (as `pia check` gives it).")
    line: int | None = Field(None, description="Line of that node in the manifest file.")
    message: Sentence = Field(description="What is wrong and what to do, in English (rendered in any language).")
    sources: list[str] = Field(default_factory=list, description=(
        "The policy clause, law or standard the rule rests on (catalogue ids), or `pia default: ...`."))


def _item(path: str, key: str) -> str | None:
    """The id of the `key[...]` item named in `path`, if any (the last one)."""
    found = re.findall(rf"(?:^|\.){key}\[([^\]]+)\]", path)
    return found[-1] if found else None


def _element(m: Manifest, path: str) -> str | None:
    """The data element a path names: `data_elements[x]`, or an element id as a key under an activity's design."""
    named = _item(path, "data_elements")
    if named is not None:
        return named
    ids = {e.id for e in m.data_elements}
    return next((part for part in reversed(path.split(".")) if part in ids), None) \
        if path.startswith("processing_activities[") else None


def _recipient(path: str) -> str | None:
    return _item(path, "recipients")


def _sources(clause: str | None) -> list[str]:
    # lint joins several sources with "; " (a `pia default: ...` rationale stays whole: it holds no "; ")
    if not clause:
        return []
    return [s.strip() for s in clause.split("; ") if s.strip()]


def legal_findings(m: Manifest) -> list[LegalFinding]:
    """Every lint finding of `m`, its message in each of the kit's languages, sorted for a stable document.

    Lint writes its messages in the language in force; it runs once per language and the runs are matched by
    position (the findings' order depends on the manifest only), so any rule is carried without knowing it.
    Sorted by severity, activity, rule, path and English message.
    """
    runs: dict[str, list[Finding]] = {}
    for lang in LANGUAGES:
        with use_language(lang):
            runs[lang] = lint(m)
    base = runs[SOURCE_LANGUAGE]
    out = []
    for i, f in enumerate(base):
        texts = {}
        for lang, found in runs.items():
            other = found[i] if i < len(found) else None
            # a mismatch would be a rule whose findings depend on the language: keep English rather than mislead
            texts[lang] = other.message if other is not None and (other.rule, other.path) == (f.rule, f.path) \
                else f.message
        out.append(LegalFinding(
            rule=f.rule, severity=f.level, activity=_item(f.path, "processing_activities"),
            element=_element(m, f.path), recipient=_recipient(f.path), path=f.path, line=f.line,
            message=LocalizedText(texts, SOURCE_LANGUAGE), sources=_sources(f.clause)))
    out.sort(key=lambda x: (SEVERITY_RANK[x.severity], x.activity or "", x.rule, x.path, str.__str__(x.message)))
    return out
