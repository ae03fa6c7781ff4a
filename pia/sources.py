"""The catalogue of sources the kit cites (`pia/data/sources.yaml`): load it, look an id up, check a citation.

A citation is one or more catalogue ids joined by `; ` (or `, ` between policy clauses), each optionally followed by
a remark in parentheses: `PIPL Art. 28 (whereabouts); GB/T 35273-2020 Annex B`. `pia default: ...` is the kit's own.
"""
from __future__ import annotations

import re
from functools import lru_cache

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from pia.config import PACKAGE_DATA
from pia.errors import InputError, Problem
from pia.field_errors import field_message
from pia.yamlsource import load_yaml

SOURCES_FILE = PACKAGE_DATA / "sources.yaml"
KIT_DEFAULT = "pia default:"

# A remark: a space, then parentheses (one level of nesting), at the end of a part. Policy ids such as `IV.1(3)`
# have no space before their parenthesis, so they are never taken for a remark.
_REMARK = re.compile(r"\s+\((?:[^()]|\([^()]*\))*\)\s*$")


class Source(BaseModel):
    """One citable source: a clause, section, table, article or guidance document."""

    model_config = ConfigDict(extra="forbid")

    id: str = Field(min_length=1, description="The exact string the kit cites, e.g. 'PIPL Art. 39'.")
    title: str = Field(min_length=1, description="The full name of the source.")
    says: str = Field(min_length=1, description="What it says, paraphrased in one line.")
    title_zh: str | None = Field(None, description=(
        "The official Chinese title, for texts written in Chinese (e.g. 《中华人民共和国个人信息保护法》)."))


class _Catalogue(BaseModel):
    model_config = ConfigDict(extra="forbid")

    sources: list[Source] = Field(min_length=1)


@lru_cache(maxsize=1)
def load_sources() -> dict[str, Source]:
    """The catalogue by id; `InputError` with file and line on a bad or duplicated entry."""
    doc = load_yaml(SOURCES_FILE)
    try:
        cat = _Catalogue.model_validate(doc.data)
    except ValidationError as exc:
        raise InputError([Problem(doc.source, field_message(e), doc.line_of(tuple(e["loc"])), doc.path_of(tuple(e["loc"])))
                          for e in exc.errors()]) from None
    out: dict[str, Source] = {}
    for i, src in enumerate(cat.sources):
        if src.id in out:
            raise InputError(Problem(doc.source, f"duplicate source id {src.id!r}", doc.line_of(("sources", i, "id")),
                                     f"sources.{i}.id"))
        out[src.id] = src
    return out


def lookup(source_id: str) -> Source:
    """The catalogue entry of `source_id` (KeyError naming it when it is not catalogued)."""
    try:
        return load_sources()[source_id]
    except KeyError:
        raise KeyError(f"{source_id!r} is not in {SOURCES_FILE.name}") from None


def citation_ids(citation: str) -> list[str]:
    """The catalogue ids a citation names, remarks dropped (empty for a `pia default:` citation)."""
    text = citation.strip()
    if text.startswith(KIT_DEFAULT):
        return []
    known = load_sources()
    ids: list[str] = []
    for part in (p.strip() for p in text.split(";")):
        if not part:
            continue
        if part in known:
            ids.append(part)
            continue
        bare = _REMARK.sub("", part).strip()
        if bare in known or "," not in bare:
            ids.append(bare)
        else:  # policy clauses listed with commas: `V.4, V.2(4)`
            ids.extend(x.strip() for x in bare.split(",") if x.strip())
    return ids


def unknown(citation: str) -> list[str]:
    """The ids of `citation` that the catalogue does not hold (empty when every one is catalogued)."""
    known = load_sources()
    return [i for i in citation_ids(citation) if i not in known]


def source_title(source_id: str, lang: str = "en") -> str:
    """The title of a catalogued source for readers of `lang`.

    In zh its official Chinese title (`title_zh`, else the English title); otherwise its `title`.
    """
    src = lookup(source_id)
    return (src.title_zh or src.title) if lang == "zh" else src.title
