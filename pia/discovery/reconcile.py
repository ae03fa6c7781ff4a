"""Reconciliation of what a scan found with what the manifest declares.

Three findings: categories stored but not declared (undisclosed collection), declared categories found
in no scanned table (still needed?), and sensitive data stored readable where the manifest claims protection.
"""
from __future__ import annotations

from pathlib import Path

from collections.abc import Iterable
from typing import Any

from pia.declare.citations import by_regime
from pia.declare.manifest import DataElement, Manifest
from pia.declare.measures import MeasureStatus
from pia.declare.taxonomy import load_taxonomy

# Detectors whose values, when readable, are sensitive data the policy promises to protect (III.3).
_READABLE_SENSITIVE = {"national_id", "payment_card", "bank_account", "precise_location", "face"}
_CONTENT = ("user.content.camera_snapshot", "user.content.video_recording")


def _minimisation(manifest: Manifest) -> str:
    """The minimisation rule of the service's regimes."""
    return by_regime(manifest.regimes, "GB/T 35273-2020 5.2 and PIPL Art. 6 (minimum necessary)",
                     "GDPR Art. 5(1)(c) (data minimisation)")


def _disclosure_law(manifest: Manifest) -> str:
    """The duty to tell users what data is collected, in the law of the service's regimes."""
    return by_regime(manifest.regimes, "PIPL Art. 17", "GDPR Art. 13")


def _encryption_clause(manifest: Manifest) -> str:
    """The service's own policy clause that promises encryption at rest (the reference's III.3 by default)."""
    return manifest.cite("encryption_at_rest", "III.3") or by_regime(manifest.regimes, "GB/T 35273-2020 6.3",
                                                                       "GDPR Art. 32(1)(a)")


def _within(key: str, ancestor: str) -> bool:
    return key == ancestor or key.startswith(ancestor + ".")


def _matches(found: str, declared: str) -> bool:
    """A found category is covered by a declared one when it is the same or more specific."""
    return _within(found, declared)


def _activities_using(manifest: Manifest, elements: Iterable[DataElement]) -> list[str]:
    ids = {e.id for e in elements}
    return sorted(a.id for a in manifest.processing_activities if ids & set(a.data_elements))


def _claims_encryption(manifest: Manifest, activities: list[str]) -> list[str]:
    """The given activities whose manifest entry says encryption at rest is implemented."""
    return [a for a in activities
            if manifest.activity(a).measure("encryption_at_rest") is MeasureStatus.implemented]


def _where(table: Any, column: str) -> str:
    return f"{table.table}.{column}"


def reconcile(tables: list[Any], manifest: Manifest) -> dict[str, list[dict[str, Any]]]:
    """Compare scanned tables (`pia.discovery.scan.TableScan`) with `manifest`; every item says why, with a clause.

    Returns `{undeclared, not_found, plaintext_sensitive}`, each a list of items with `category`, `name`,
    `sensitive`, `where` (`table.column`), `activities`, `elements`, `clause`, `clauses` and `reason`,
    sorted by category.
    """
    tax = load_taxonomy()
    declared = list(manifest.data_elements)
    found: dict[str, list[tuple[Any, Any]]] = {}
    for t in tables:
        for c in t.columns:
            if c.category:
                found.setdefault(c.category, []).append((t, c))

    def elements_for(category: str) -> list[DataElement]:
        return [e for e in declared if _matches(category, e.category)]

    # ---- undeclared: found, but no element declares the category or a broader one
    undeclared = []
    # the service's own clauses: the policy section listing the collected data, and its rule on notifying a change of
    # the type of data processed (the reference's I and VII.2(1)); none when the manifest declares none
    collection, change = manifest.cite("collection"), manifest.cite("service_mode")
    for cat in sorted(found):
        if elements_for(cat):
            continue
        hits = found[cat]
        related, how, same_table = _related_elements(cat, hits, found, declared, elements_for)
        activities = _best_activities(manifest, related) if same_table else _activities_using(manifest, related)
        where = sorted({_where(t, c.name) for t, c in hits})
        conf = max(c.confidence for _, c in hits)
        undeclared.append({
            "category": cat, "name": tax[cat].name, "sensitive": tax[cat].sensitive,
            "where": where, "activities": activities, "elements": sorted(e.id for e in related),
            "confidence": conf, "clause": collection or _disclosure_law(manifest),
            "clauses": [c for c in (collection, change) if c],
            "collection_clause": collection, "change_clause": change,
            "reason": (f"{tax[cat].name} is stored in {', '.join(where)} (confidence {conf:.2f}) but no data element "
                       f"of the manifest declares {cat} or a broader category, so "
                       + (f"the policy's list of collected data ({collection}) does not disclose it. " if collection else
                          "the policy does not disclose it (the manifest declares no clause listing the collected data). ")
                       + "Either disclose it (a change of the type of data processed, "
                       + (f"a significant change under {change}" if change else
                          "of which the manifest declares no clause on notifying users")
                       + ") or stop collecting it and delete it."
                       + (f" Related activities are those using {how}." if activities else "")),
        })

    # ---- not found: declared, but no scanned column holds it
    not_found = []
    by_cat: dict[str, list[DataElement]] = {}
    for e in declared:
        by_cat.setdefault(e.category, []).append(e)
    schema = _declared_in_scanned_columns(tables, manifest)
    for cat in sorted(by_cat):
        if any(_matches(f, cat) for f in found):
            continue
        if any(_matches(f, cat) for f in schema):
            # The manifest's own table declaration names a scanned column as holding it: the values did not
            # give it away (e.g. bare numbers), but the data is there, so minimisation advice would be wrong.
            continue
        els = sorted(by_cat[cat], key=lambda e: e.id)
        clauses = sorted({c for e in els for c in e.clauses})
        not_found.append({
            "category": cat, "name": tax[cat].name, "sensitive": any(e.sensitive for e in els),
            "where": [], "activities": _activities_using(manifest, els), "elements": [e.id for e in els],
            "clause": clauses[0], "clauses": clauses,
            "reason": (f"Declared by {', '.join(e.id for e in els)} ({', '.join(clauses)}) but found in none of the "
                       f"{len(tables)} scanned tables. If it is kept in a store that was not scanned, scan that store; "
                       f"if it is no longer needed, stop collecting it, delete it and update the manifest "
                       f"({_minimisation(manifest)})."),
        })

    # ---- plaintext sensitive: secrets not hashed, content flagged unencrypted, sensitive values readable
    plaintext = []
    for cat in sorted(found):
        els = elements_for(cat)
        if not els:
            continue  # undeclared already says it; the manifest makes no claim about it
        using = _activities_using(manifest, els)
        claimed = _claims_encryption(manifest, using)
        # The finding contradicts the activities that claim the protection; the others make no claim.
        activities = claimed or using
        for t, c in sorted(found[cat], key=lambda tc: (tc[0].table, tc[1].name)):
            item = _plaintext_item(cat, t, c, els, activities, claimed, tax, manifest)
            if item:
                plaintext.append(item)
        if cat in _CONTENT:
            enc = _encryption_clause(manifest)
            for t in sorted({id(t): t for t, _ in found[cat]}.values(), key=lambda t: t.table):
                flag = t.encryption_flag
                if flag is None or flag.rows_false == 0 or not claimed:
                    continue
                cols = sorted({c.name for tt, c in found[cat] if tt is t})
                n = flag.rows_true + flag.rows_false + flag.rows_blank
                plaintext.append({
                    "category": cat, "name": tax[cat].name, "sensitive": True,
                    "where": sorted([_where(t, col) for col in cols] + [_where(t, flag.column)]),
                    "activities": activities, "elements": sorted(e.id for e in els),
                    "rows": flag.rows_false, "rows_sampled": n,
                    "clause": enc, "clauses": [enc],
                    "rows_unknown": flag.rows_blank,
                    "reason": (f"{flag.rows_false} of {n} sampled rows of {t.table} have {flag.column} = false"
                               + (f" (and {flag.rows_blank} leave it blank or unreadable)" if flag.rows_blank else "")
                               + f": the stored {tax[cat].name.lower()} is not encrypted, although the manifest "
                               f"claims encryption at rest for {', '.join(claimed)} ({enc})."),
                })
    return {"undeclared": sorted(undeclared, key=_order), "not_found": sorted(not_found, key=_order),
            "plaintext_sensitive": sorted(plaintext, key=_order)}


def _declared_in_scanned_columns(tables: list[Any], manifest: Manifest) -> set[str]:
    """Categories the manifest's `datasets:` declare for columns that exist in a scanned table of that name."""
    decls = {d.id: d for d in manifest.datasets}
    for d in manifest.datasets:
        if d.source and "://" not in d.source:
            decls.setdefault(Path(d.source).stem, d)
    out: set[str] = set()
    for t in tables:
        decl = decls.get(t.table)
        if decl is None:
            continue
        names = {c.name for c in t.columns}
        out.update(col.category for name, col in decl.columns.items() if col.category and name in names)
    return out


def _order(item: dict[str, Any]) -> tuple[str, list[str]]:
    return item["category"], item["where"]


def _related_elements(cat: str, hits: list[tuple[Any, Any]], found: dict[str, list[tuple[Any, Any]]],
                      declared: list[DataElement], elements_for: Any) -> tuple[list[DataElement], str, bool]:
    """Declared elements an undeclared category is likely processed with.

    Also says how they were chosen and whether they come from the same tables.

    First the declared data stored in the same tables (other than the bare user id, which is everywhere);
    failing that, declared elements under the nearest broader category (below the root `user`).
    """
    tables = {id(t) for t, _ in hits}
    same_table: dict[str, DataElement] = {}
    for fcat, fhits in found.items():
        if fcat == cat or fcat == "user.id" or not any(id(t) in tables for t, _ in fhits):
            continue
        for e in elements_for(fcat):
            same_table[e.id] = e
    if same_table:
        names = sorted({t.table for t, _ in hits})
        return (sorted(same_table.values(), key=lambda e: e.id),
                f"most of the declared data stored beside it in {', '.join(names)}", True)
    parts = cat.split(".")
    for n in range(len(parts) - 1, 1, -1):
        ancestor = ".".join(parts[:n])
        rel = [e for e in declared if _within(e.category, ancestor)]
        if rel:
            return sorted(rel, key=lambda e: e.id), f"declared {ancestor} data", False
    return [], "", False


def _best_activities(manifest: Manifest, elements: list[DataElement]) -> list[str]:
    """The activities that use the most of `elements` (the ones the table is kept for), ties included."""
    ids = {e.id for e in elements}
    overlap = {a.id: len(ids & set(a.data_elements)) for a in manifest.processing_activities}
    top = max(overlap.values(), default=0)
    return sorted(a for a, n in overlap.items() if n == top and n > 0)


def _plaintext_item(cat: str, t: Any, c: Any, els: list[DataElement], activities: list[str], claimed: list[str],
                    tax: Any, manifest: Manifest) -> dict[str, Any] | None:
    where = [_where(t, c.name)]
    enc = _encryption_clause(manifest)
    base = {"category": cat, "name": tax[cat].name, "sensitive": True, "where": where, "activities": activities,
            "elements": sorted(e.id for e in els), "clause": enc, "clauses": [enc]}
    if c.stored_form is not None and c.unprotected_rows:
        hashed_claim = [e.id for e in els if "hash" in e.name.lower() or enc in e.clauses]
        claim = (f"the manifest says {', '.join(hashed_claim)} is protected ({enc})" if hashed_claim
                 else f"the manifest claims encryption at rest for {', '.join(claimed)}" if claimed else "")
        if not claim:
            return None
        return {**base, "rows": c.unprotected_rows, "rows_sampled": c.non_blank, "stored_form": c.stored_form,
                "reason": (f"{c.unprotected_rows} of {c.non_blank} sampled non-blank values of {where[0]} are not a "
                           f"recognised one-way hash (bcrypt, argon2, scrypt, pbkdf2): the secret is stored in "
                           f"plaintext or as a fast unsalted digest, although {claim}.")}
    if c.detector in _READABLE_SENSITIVE and c.value_share and c.value_share >= 0.3 and claimed:
        return {**base, "rows": None, "rows_sampled": c.non_blank, "stored_form": "plaintext",
                "reason": (f"{c.value_share * 100:.1f}% of the sampled values of {where[0]} are readable "
                           f"{tax[cat].name.lower()}, although the manifest claims encryption at rest for "
                           f"{', '.join(claimed)} ({enc}); field-level encryption or tokenisation is expected "
                           f"for sensitive data ({by_regime(manifest.regimes, 'GB/T 35273-2020 6.3', 'GDPR Art. 32(1)(a)')}).")}
    return None
