"""Headings, short prose and table headers of the analysis notebooks (notebooks/01-05) in their `lang`.

Each notebook calls `start` once after its parameters cell: it sets the language of the cells below (figures,
tables, engine sentences) from `lang`, else the manifest's `language`, else the locale, and shows the heading.
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from enum import Enum
from typing import Any

from pia.i18n import N_, Term, _, localize, resolve_language, set_language

# notebook -> (heading, introduction); the introductions say which command does the same.
NOTEBOOKS: dict[str, tuple[str, str]] = {
    "inventory": (N_("1. Inventory: the data map of a manifest"),
                  N_("One row per processing activity and data element, then the data map as a figure. Same as "
                     "`pia inventory`.")),
    "validation": (N_("2. Validation: do the service's tables keep the policy's promises?"),
                   N_("Runs the great-expectations checks of `pia validate` over an estate in the data contract. "
                      "Samples identify rows by key and show values only masked.")),
    "risk": (N_("3. Risk assessment: screening, inherent and residual risk, verdict"),
             N_("Same as `pia assess`; evidence files are JSON written by `pia validate` or `pia scan`.")),
    "changes": (N_("4. Change review: must users be notified of the proposed version?"),
                N_("Same as `pia diff`: a semantic diff classified under the policy's significant-change categories, "
                   "with the draft notice to users.")),
    "discovery": (N_("5. Discovery: personal data found in the tables, reconciled with the inventory"),
                  N_("Same as `pia scan`: only pattern names and match shares are kept, never values.")),
}
# Section headings shown above a notebook's tables and figures.
SECTIONS: dict[str, str] = {
    "data_map": N_("Data map"), "elements": N_("Data elements"), "checks": N_("Dataset checks"),
    "verdict": N_("Verdict"), "levels": N_("Risk per activity at the four stages"), "risk_map": N_("Risk map"),
    "screening": N_("Screening"), "actions": N_("Action plan"), "triggers": N_("Triggers"), "changes": N_("Changes"),
    "notice": N_("Draft notice to users"), "columns": N_("Personal data found per column"),
    "reconciliation": N_("Reconciliation with the inventory"), "assessment": N_("Impact assessment"),
}
# Column headers of the notebooks' tables (ids in words; the values stay as the engines give them).
HEADERS: dict[str, str] = {
    "activity": N_("activity"), "data_element": N_("data element"), "category": N_("category"),
    "sensitive": N_("sensitive"), "legal_basis": N_("legal basis"), "recipients": N_("recipients"),
    "clauses": N_("clauses"), "group": N_("group"), "activities": N_("activities"), "id": N_("id"),
    "clause": N_("clause"), "status": N_("status"), "rows_checked": N_("rows checked"),
    "failed_rows": N_("failed rows"), "reason": N_("reason"), "inherent": N_("inherent"), "current": N_("current"),
    "planned": N_("planned"), "target": N_("target"), "unacceptable": N_("unacceptable"),
    "level": N_("level"), "level_after": N_("level after the plan"), "measures": N_("measures"), "note": N_("note"),
    "path": N_("path"),
    "kind": N_("kind"), "trigger": N_("trigger"), "name": N_("name"), "title": N_("title"), "changes": N_("changes"),
    "table": N_("table"), "confidence": N_("confidence"), "finding": N_("finding"), "where": N_("where"),
    "item": N_("item"), "evidence": N_("evidence"), "abroad": N_("conditions for providing abroad"),
}


def start(notebook: str, lang: str = "", manifest_language: str | None = None) -> Any:
    """Write the notebook's cells in `lang` (else the manifest's language, else the locale); its heading as Markdown.

    Parameters
    ----------
    notebook
        A key of `NOTEBOOKS` (inventory, validation, risk, changes, discovery).
    lang
        The notebook's `lang` parameter: en, zh, or "" to follow the manifest, then the locale.
    manifest_language
        The manifest's `language`, when the notebook has loaded one.

    Returns
    -------
    IPython.display.Markdown
        The heading and the introduction, in the language now in force.
    """
    set_language(resolve_language(lang or None, manifest_language))
    title, intro = NOTEBOOKS[notebook]
    return _markdown(f"# {_(title)}\n\n{_(intro)}")


def section(key: str) -> None:
    """Show a section heading (a key of `SECTIONS`) in the language in force."""
    from IPython.display import display

    display(_markdown(f"## {_(SECTIONS[key])}"))


def table(rows: Iterable[Mapping[str, Any]], columns: Sequence[str] | None = None, words: Sequence[str] = ()) -> Any:
    """Rows as a pandas DataFrame with headers in the language in force; engine sentences in it localized.

    `columns` picks and orders the columns (all of them when None); the values of the `words` columns are ids or
    names of the kit (levels, kinds, trigger names) shown in the reader's words.
    """
    import pandas as pd

    def cell(key: str, value: Any) -> Any:
        value = value.value if isinstance(value, Enum) else value
        if key in words and isinstance(value, str) and value:
            return Term(value).render()
        return localize(value) if isinstance(value, str) else value

    frame = pd.DataFrame([{k: cell(k, v) for k, v in row.items()} for row in rows])
    if columns is not None:
        frame = frame.reindex(columns=list(columns))
    return frame.rename(columns={c: _(HEADERS[c]) for c in frame.columns if c in HEADERS})


def _markdown(text: str) -> Any:
    from IPython.display import Markdown

    return Markdown(text)


__all__ = ["HEADERS", "NOTEBOOKS", "SECTIONS", "section", "start", "table"]
