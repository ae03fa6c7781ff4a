"""Dataset checks as GX sees them: the compiled form of the manifest's `checks:` declarations.

Each check names its clause, datasets, the expectations GX runs (as data, with `$setting` placeholders),
the columns a sample may show (masked) and the manifest activities and controls it is evidence for.
`pia.validation.templates.compile_check` turns a declaration into a `Check`; `CHECKS` are the reference
manifest's 20 checks.
"""
from __future__ import annotations

from typing import Any

from pia.validation.spec import (  # noqa: F401 - re-exported: the check model and patterns
    ALLOWED_BASES,
    E164_RE,
    EMAIL_RE,
    HASH_RE,
    REJECTION_REASONS,
    Check,
    Expect,
)


def _e(type_: str, **kwargs: Any) -> Expect:
    return Expect(type=type_, kwargs=kwargs)


def compile_checks(manifest: Any) -> tuple[dict[str, Any], list[Check]]:
    """The declared datasets (id -> `DatasetDecl`) and compiled checks of a manifest.

    A manifest that declares no datasets gets the reference manifest's datasets and checks (the data contract
    `pia validate` had before datasets were declared), so older manifests keep working.
    """
    from pia.validation.templates import compile_check

    if not manifest.datasets:
        return reference_datasets(), list(_reference()[1])
    datasets = {d.id: d for d in manifest.datasets}
    return datasets, [compile_check(_retention_days(c, manifest), datasets) for c in manifest.checks]


def check_descriptions(manifest: Any) -> dict[str, Any]:
    """Check id -> when a row fails, as the template words it (a `Message`: English, or any language by `localize`).

    For the report in another language than English, where the manifest gives no description of its own.
    """
    from pia.validation.templates import describe

    if not manifest.datasets:
        return {}
    datasets = {d.id: d for d in manifest.datasets}
    return {c.id: describe(_retention_days(c, manifest), datasets) for c in manifest.checks}


def _retention_days(decl: Any, manifest: Any) -> Any:
    """The declaration with `$retention.<element>` parameters replaced by that element's `retention.max_days`."""
    params = dict(decl.parameters)
    changed = False
    for name, value in params.items():
        if isinstance(value, str) and value.startswith("$retention."):
            params[name] = manifest.element(value.removeprefix("$retention.")).retention.max_days
            changed = True
    return decl.model_copy(update={"parameters": params}) if changed else decl


_REFERENCE: tuple[dict[str, Any], list[Check]] | None = None


def _reference() -> tuple[dict[str, Any], list[Check]]:
    global _REFERENCE
    if _REFERENCE is None:
        from pia.declare.manifest import load_manifest
        from pia.validation.templates import compile_check

        man = load_manifest()
        datasets = {d.id: d for d in man.datasets}
        _REFERENCE = (datasets, [compile_check(c, datasets) for c in man.checks])
    return _REFERENCE


def reference_datasets() -> dict[str, Any]:
    """The reference manifest's declared datasets (id -> `DatasetDecl`)."""
    return _reference()[0]


def __getattr__(name: str) -> Any:
    # CHECKS are the reference manifest's declared checks, compiled on first use (reading the manifest).
    if name == "CHECKS":
        return list(_reference()[1])
    if name == "CHECKS_BY_ID":
        return {c.id: c for c in _reference()[1]}
    raise AttributeError(name)


def check(check_id: str) -> Check:
    """The reference check with id `check_id` (KeyError if unknown)."""
    return {c.id: c for c in _reference()[1]}[check_id]
