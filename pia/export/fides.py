"""The manifest as fideslang resources for Fides users.

A dataset, the system with one privacy declaration per processing activity, and the taxonomy keys pia adds
(data categories and data subjects fideslang lacks).

Shapes follow fideslang's models (`Dataset`/`DatasetCollection`/`DatasetField`, `System`/`PrivacyDeclaration`,
`DataCategory`, `DataSubject`); keys pia adds carry a `parent_key` chain up to a fideslang key, so Fides accepts
them as an extended taxonomy.
"""
from __future__ import annotations

import re
from typing import Any

from pia.declare.manifest import Manifest

ORGANIZATION = "default_organization"
# pia default: the Fides data use of an activity from its legal basis (the manifest has no data-use field);
# review before loading into Fides.
DATA_USE_OF_BASIS = {"contract": "essential.service", "legal_obligation": "essential.legal_obligation",
                     "consent": "functional.service"}
LEGAL_BASIS_OF = {"contract": "Contract", "legal_obligation": "Legal obligations", "consent": "Consent"}
# pia's data subjects as fideslang's; those fideslang lacks are declared as extensions below.
SUBJECT_KEYS = {"customers": "customer", "website_visitors": "visitor", "minors": "minor", "bystanders": "bystander",
                "employees": "employee", "patients": "patient", "students": "student", "elderly": "elderly",
                "asylum_seekers": "asylum_seeker", "vulnerable": "vulnerable_person",
                "platform_workers": "platform_worker"}
EXTRA_SUBJECTS = {"minor": ("Minor", "Users under the service's minor age (pia)."),
                  "bystander": ("Bystander", "People who appear in camera images without being users (pia)."),
                  "student": ("Student", "Pupils and students, who depend on their school (pia; WP248 criterion 7)."),
                  "elderly": ("Elderly person", "Elderly people (pia; WP248 criterion 7)."),
                  "asylum_seeker": ("Asylum seeker", "Asylum seekers (pia; WP248 criterion 7)."),
                  "vulnerable_person": ("Vulnerable person", "People in an imbalance of power with the controller "
                                                            "(pia; WP248 criterion 7)."),
                  "platform_worker": ("Platform worker", "Drivers, couriers and riders working through a digital labour "
                                                         "platform (pia; Directive (EU) 2024/2831).")}
# Keys pia took from fideslang 1.x that fideslang 2.0 renamed (ethyca/fideslang#144): written under today's names.
RENAMED = {"user.id": "user.unique_id", "user.financial.account_number": "user.financial.bank_account"}
SPECIAL_BASIS = "Explicit consent"  # fideslang's special-category basis for sensitive data relying on consent


def _v(value: Any) -> str:
    """An enum's value, or the string itself (data groups are names a manifest may declare)."""
    return str(getattr(value, "value", value))


def _key(text: str) -> str:
    """A fides_key: letters, digits, `_`, `-` and `.` only."""
    return re.sub(r"[^A-Za-z0-9_.-]+", "_", text).strip("_") or "key"


def category_key(key: str) -> str:
    """A pia category key under fideslang's current name (`user.id.pseudonymous` -> `user.unique_id.pseudonymous`)."""
    for old, new in RENAMED.items():
        if key == old or key.startswith(old + "."):
            return new + key[len(old):]
    return key


def fideslang_document(m: Manifest) -> dict[str, Any]:
    """`{dataset, system, data_category, data_subject}` resources for `fides push` or the Fides UI.

    One dataset for the service (a collection per data group, a field per data element), one system for the
    service with a privacy declaration per processing activity, and one system per recipient outside the
    controller (`system_type: Third Party`) receiving the activities' data (egress).
    """
    from pia.declare.taxonomy import load_taxonomy

    taxonomy = load_taxonomy()
    service = _key(m.service.id)
    dataset_key = f"{service}_dataset"
    used = {e.category for e in m.data_elements}
    extra_categories: dict[str, dict[str, Any]] = {}
    for key in sorted(used):
        node: str | None = key
        while node and node in taxonomy and not taxonomy[node].fideslang and node not in extra_categories:
            parent = taxonomy[node].parent
            extra_categories[node] = {"fides_key": category_key(node), "organization_fides_key": ORGANIZATION,
                                      "name": taxonomy[node].name, "description": f"pia taxonomy: {taxonomy[node].name}",
                                      "parent_key": category_key(parent) if parent else None}
            node = parent
    collections: dict[str, list[dict[str, Any]]] = {}
    for e in m.data_elements:
        collections.setdefault(_v(e.group), []).append({
            "name": e.id, "description": e.name, "data_categories": [category_key(e.category)]})
    dataset = {"fides_key": dataset_key, "organization_fides_key": ORGANIZATION, "name": f"{m.service.name} data",
               "description": f"Personal data of {m.service.name}, declared in the pia manifest.",
               "data_categories": [],
               "collections": [{"name": group, "description": f"{group.replace('_', ' ')} data", "fields": fields}
                               for group, fields in collections.items()]}
    recipients = {r.id: r for r in m.recipients}
    declarations = []
    for act in m.processing_activities:
        elements = m.elements_of(act)
        basis = str(act.legal_basis)
        subjects = [SUBJECT_KEYS.get(_v(s), _v(s)) for s in act.data_subjects]
        sensitive = any(e.sensitive for e in elements)
        shared = [recipients[r] for r in act.recipients if r in recipients]
        declaration: dict[str, Any] = {
            "name": act.name, "data_categories": sorted({category_key(e.category) for e in elements}),
            "data_use": DATA_USE_OF_BASIS.get(basis, "essential.service"),
            "data_subjects": list(dict.fromkeys(subjects)), "dataset_references": [dataset_key],
            "egress": [_key(r.id) for r in shared] or None,
            "legal_basis_for_processing": LEGAL_BASIS_OF.get(basis),
            "retention_period": "; ".join(dict.fromkeys(e.retention.rule for e in elements)) or None,
            "processes_special_category_data": sensitive,
            "data_shared_with_third_parties": any(_v(r.type) != "processor" for r in shared),
            "third_parties": ", ".join(r.name for r in shared if _v(r.type) != "processor") or None,
        }
        if sensitive and basis == "consent":
            declaration["special_category_legal_basis"] = SPECIAL_BASIS
        declarations.append({k: v for k, v in declaration.items() if v is not None})
    systems = [{"fides_key": service, "organization_fides_key": ORGANIZATION, "name": m.service.name,
                "description": m.service.description or m.service.name, "system_type": "Service",
                "administrating_department": m.controller.security_department.name,
                "dataset_references": [dataset_key],
                "egress": [{"fides_key": _key(r.id), "type": "system"} for r in m.recipients] or None,
                "privacy_declarations": declarations,
                "uses_profiling": any(a.profiling for a in m.processing_activities)}]
    for r in m.recipients:
        systems.append({"fides_key": _key(r.id), "organization_fides_key": ORGANIZATION, "name": r.name,
                        "description": f"{_v(r.type)} receiving {', '.join(_v(g) for g in r.data_groups)} data "
                                       f"({_v(r.flow)}, {r.location})",
                        "system_type": "Third Party", "ingress": [{"fides_key": service, "type": "system"}],
                        "privacy_declarations": []})
    subjects_used = {SUBJECT_KEYS.get(_v(s), _v(s)) for a in m.processing_activities for s in a.data_subjects}
    doc: dict[str, Any] = {
        "dataset": [dataset],
        "system": [{k: v for k, v in s.items() if v is not None} for s in systems],
    }
    if extra_categories:
        doc["data_category"] = [extra_categories[k] for k in sorted(extra_categories, key=lambda k: (k.count("."), k))]
    extra = [{"fides_key": k, "organization_fides_key": ORGANIZATION, "name": name, "description": desc}
             for k, (name, desc) in EXTRA_SUBJECTS.items() if k in subjects_used]
    if extra:
        doc["data_subject"] = extra
    return doc


def to_yaml(doc: dict[str, Any]) -> str:
    """The resources as one fideslang YAML file (keys in the models' order)."""
    import yaml

    from pia.i18n import LocalizedText, pick

    class Dumper(yaml.SafeDumper):
        """safe_dump, with the manifest's bilingual texts in the language in force."""

    Dumper.add_representer(LocalizedText, lambda dumper, text: dumper.represent_str(pick(text) or ""))
    return yaml.dump(doc, Dumper=Dumper, sort_keys=False, allow_unicode=True, width=120)


__all__ = ["DATA_USE_OF_BASIS", "EXTRA_SUBJECTS", "SUBJECT_KEYS", "fideslang_document", "to_yaml"]
