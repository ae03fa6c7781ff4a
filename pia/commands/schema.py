"""`pia schema NAME`: print the JSON Schema of a document the kit reads or writes.

Names: manifest, validation, scan, assessment, change-review. The schemas come from the pydantic models,
so they cannot drift from what the kit accepts.
"""
from __future__ import annotations

import click

SCHEMAS = {
    "manifest": ("pia.declare.manifest", "Manifest"),
    "validation": ("pia.risk.evidence", "ValidationDocument"),
    "scan": ("pia.risk.evidence", "ScanDocument"),
    "assessment": ("pia.risk.scoring", "Assessment"),
    "change-review": ("pia.changes.rules", "ChangeReview"),
}


def schema_of(name: str) -> dict:
    """The JSON Schema of one document kind (see SCHEMAS)."""
    import importlib

    module, attr = SCHEMAS[name]
    model = getattr(importlib.import_module(module), attr)
    out = model.model_json_schema()
    out["$id"] = f"pia:{name}"
    return out


@click.command()
@click.argument("name", type=click.Choice(sorted(SCHEMAS)))
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write to this file (whole or not at all).")
def schema(name: str, output: str | None) -> int:
    """Print the JSON Schema of NAME (manifest, validation, scan, assessment or change-review)."""
    from pia.output import emit, to_json

    emit(to_json(schema_of(name)), output)
    return 0
