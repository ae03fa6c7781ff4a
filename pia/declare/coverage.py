"""What a declared check covers: the data elements its judged columns hold, and the activities that process them.

A failing check is evidence about the activities that process the data it judged, not about the activities its
declaration happens to list: `users.minor_guardian` judges birth dates and guardian consents, so it bears on the
minors' activity, not on email tracking. Columns name their data through `category` (taxonomy key); the manifest's
data elements of that category are the data covered.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, Field

from pia.declare.datasets import CheckDecl, ColumnRole, DatasetDecl, parameters_with_defaults

if TYPE_CHECKING:  # pragma: no cover
    from pia.declare.manifest import Manifest

# The parameters that name the columns a template judges (its subject). Templates absent here judge whole rows
# (a flag, a link, a timestamp or a consent says something about the row's data): see `ROW_TEMPLATES`.
JUDGED: dict[str, tuple[str, ...]] = {
    "unique": ("column",),
    "present": ("columns",),
    "pattern": ("column",),
    "value_allowed": ("column",),
    "min_age_at": ("birth",),
    "erased_after": ("fields",),
}
# Templates about flows to recipients: they cover the activities that provide data to a recipient.
FLOW_TEMPLATES = ("recipient_declared", "flow_basis_allowed", "groups_declared")


class Coverage(BaseModel):
    """The data one check covers and the activities that process it."""

    check: str = Field(description="Check id.")
    columns: list[str] = Field(description="dataset.column of the judged columns (or the rows' personal columns).")
    categories: list[str] = Field(description="Taxonomy categories of those columns.")
    elements: list[str] = Field(description="The manifest's data elements of those categories.")
    activities: list[str] = Field(description="Activities that process those elements (or the flows), sorted.")
    how: str = Field(description="How the activities were found: elements, consent_scope, flows or declaration.")


def _names(value: Any) -> list[str]:
    return [value] if isinstance(value, str) else list(value or [])


def _column(ref: str, dataset: DatasetDecl, datasets: dict[str, DatasetDecl]) -> tuple[str, str]:
    """(dataset, column) of a parameter naming a column or `dataset.column`."""
    if "." in ref:
        ds, _, col = ref.partition(".")
        if ds in datasets:
            return ds, col
    return dataset.id, ref


def _row_columns(dataset: DatasetDecl) -> list[tuple[str, str]]:
    """The personal columns of a row.

    Columns with a category, except links (another row's key) and, when the row holds other data, identifiers
    (pia default: a row is about what it holds, not the key that names it).
    """
    links = {lk.column for lk in dataset.links}
    cols = [(c, col) for c, col in dataset.columns.items() if col.category and c not in links]
    data = [c for c, col in cols if col.role is not ColumnRole.id]
    return [(dataset.id, c) for c in (data or [c for c, _ in cols])]


def _elements(m: Manifest, places: list[tuple[str, str]], datasets: dict[str, DatasetDecl]) -> tuple[list[str], list[str]]:
    """(categories, element ids) of columns.

    Where several elements share a category, the one named like the column is meant (pia default:
    users.guardian_consent is the element guardian_consent, not consent_records); otherwise all of them.
    """
    cats: list[str] = []
    elements: list[str] = []
    for ds, col in places:
        decl = datasets.get(ds)
        column = decl.columns.get(col) if decl else None
        if column is None or not column.category:
            continue
        cats.append(column.category)
        same = [e.id for e in m.data_elements if e.category == column.category]
        named = [e for e in same if e == col]
        elements += named or same
    return sorted(set(cats)), sorted(set(elements))


def check_coverage(m: Manifest, decl: CheckDecl, datasets: dict[str, DatasetDecl] | None = None) -> Coverage:
    """What one declared check covers in a manifest (see the module docstring).

    `datasets`: the declarations the check runs over (default: the manifest's; a manifest that declares none is
    validated against the reference's).
    """
    datasets = datasets if datasets is not None else {d.id: d for d in m.datasets}
    dataset = datasets[decl.dataset]
    p = parameters_with_defaults(decl)
    t = decl.template
    if t in FLOW_TEMPLATES:
        acts = sorted(a.id for a in m.processing_activities if m.recipients_of(a))
        return Coverage(check=decl.id, columns=[], categories=[], elements=[], activities=acts, how="flows")
    if t == "consent_covers":
        scoped = sorted(a.id for a in m.processing_activities if a.consent_scope and a.consent_scope == p.get("value"))
        if scoped:
            return Coverage(check=decl.id, columns=[], categories=[], elements=[], activities=scoped,
                            how="consent_scope")
    places: list[tuple[str, str]] = []
    for name in JUDGED.get(t, ()):
        places += [_column(ref, dataset, datasets) for ref in _names(p.get(name))]
    # scope columns only choose the rows to check (status = active): they are not judged
    cats, elements = _elements(m, places, datasets)
    if not elements:  # no judged column names its data: the check is about the row's data
        places = _row_columns(dataset)
        cats, elements = _elements(m, places, datasets)
    chosen = set(elements)
    acts = sorted(a.id for a in m.processing_activities if chosen & set(a.data_elements))
    if not acts:
        return Coverage(check=decl.id, columns=[f"{d}.{c}" for d, c in places], categories=cats, elements=elements,
                        activities=sorted(decl.activities), how="declaration")
    return Coverage(check=decl.id, columns=[f"{d}.{c}" for d, c in places], categories=cats, elements=elements,
                    activities=acts, how="elements")


def activities_for_categories(m: Manifest, categories: list[str]) -> list[str]:
    """Activities of a manifest processing data elements of any of `categories` (for checks it does not declare)."""
    wanted = set(categories)
    elements = {e.id for e in m.data_elements if e.category in wanted}
    return sorted(a.id for a in m.processing_activities if elements & set(a.data_elements))


def coverages(m: Manifest) -> dict[str, Coverage]:
    """Coverage of every declared check of a manifest, by check id."""
    return {c.id: check_coverage(m, c) for c in m.checks if c.dataset in {d.id for d in m.datasets}}
