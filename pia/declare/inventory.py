"""The data map (record of processing): one row per processing activity and data element."""
from __future__ import annotations

from typing import Any

from pia.declare.manifest import Manifest
from pia.i18n import N_

# Column headers for people (the JSON and CSV keep the ids).
COLUMN_WORDS = {"activity": N_("activity"), "purpose": N_("purpose"), "legal_basis": N_("legal_basis"),
                "data_element": N_("data_element"), "element_name": N_("element_name"), "category": N_("category"),
                "group": N_("group"), "source": N_("source"), "sensitive": N_("sensitive"),
                "recipients": N_("recipients"), "retention": N_("retention"), "clauses": N_("clauses")}

COLUMNS = ["activity", "purpose", "legal_basis", "data_element", "element_name", "category", "group",
           "source", "sensitive", "recipients", "retention", "clauses"]
TABLE_COLUMNS = ["activity", "data_element", "category", "sensitive", "legal_basis", "recipients",
                 "retention", "clauses"]


def data_map(manifest: Manifest) -> list[dict[str, Any]]:
    """Rows of the record of processing, in manifest order.

    `recipients` lists the activity's recipients that receive this element's data group;
    `clauses` joins the element's disclosure clauses and the activity's clauses, without repeats.
    """
    rows = []
    for act in manifest.processing_activities:
        recipients = manifest.recipients_of(act)
        for el in manifest.elements_of(act):
            clauses = list(dict.fromkeys(el.clauses + act.clauses))
            rows.append({
                "activity": act.id,
                "activity_name": act.name,
                "purpose": act.purpose,
                "legal_basis": act.legal_basis,
                "data_subjects": [s.value for s in act.data_subjects],
                "data_element": el.id,
                "element_name": el.name,
                "category": el.category,
                "group": str(el.group),
                "source": el.source.value,
                "sensitive": el.sensitive,
                "sensitivity_reason": el.sensitivity_reason,
                "recipients": [r.id for r in recipients if el.group in r.data_groups],
                "retention": el.retention.rule,
                "retention_max_days": el.retention.max_days,
                "element_clauses": el.clauses,
                "activity_clauses": act.clauses,
                "clauses": clauses,
            })
    return rows


def elements_summary(manifest: Manifest) -> list[dict[str, Any]]:
    """Every declared data element with its category, sensitivity, clauses and the activities using it."""
    used: dict[str, list[str]] = {}
    for act in manifest.processing_activities:
        for el_id in act.data_elements:
            used.setdefault(el_id, []).append(act.id)
    return [{
        "id": el.id,
        "name": el.name,
        "category": el.category,
        "group": str(el.group),
        "source": el.source.value,
        "sensitive": el.sensitive,
        "sensitivity_reason": el.sensitivity_reason,
        "retention": el.retention.rule,
        "clauses": el.clauses,
        "activities": used.get(el.id, []),
    } for el in manifest.data_elements]


def inventory_document(manifest: Manifest) -> dict[str, Any]:
    """The whole inventory as one JSON-ready document."""
    elements = elements_summary(manifest)
    return {
        "service": {"id": manifest.service.id, "name": manifest.service.name,
                    "controller": manifest.controller.legal_entity},
        "manifest": {"source": manifest.source, "sha256": manifest.sha256},
        "data_elements": elements,
        "unused_elements": [e["id"] for e in elements if not e["activities"]],
        "recipients": [{"id": r.id, "name": r.name, "type": r.type.value, "flow": r.flow.value,
                        "data_groups": [str(g) for g in r.data_groups], "legal_basis": r.legal_basis.value,
                        "location": r.location, "clauses": r.clauses} for r in manifest.recipients],
        "rows": data_map(manifest),
    }
