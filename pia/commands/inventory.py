"""`pia inventory`: print the data map (record of processing) of a manifest."""
from __future__ import annotations

import click

from pia.config import REFERENCE_MANIFEST, display_path


@click.command()
@click.argument("manifest", required=False, type=click.Path(dir_okay=False))
@click.option("--format", "fmt", type=click.Choice(["table", "json", "csv", "markdown"]), default="table",
              show_default=True, help="Output format.")
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write to this file (whole or not at all).")
def inventory(manifest: str | None, fmt: str, output: str | None) -> int:
    """Print the data map of MANIFEST: one row per processing activity and data element.

    MANIFEST defaults to the reference inventory in data_samples/.
    """
    from pia.declare.inventory import COLUMNS, TABLE_COLUMNS, data_map, inventory_document
    from pia.declare.manifest import load_manifest
    from pia.output import emit, render_csv, render_markdown_table, render_table, to_json

    m = load_manifest(manifest or REFERENCE_MANIFEST)
    if fmt == "json":
        text = to_json(inventory_document(m))
    elif fmt == "csv":
        text = render_csv(data_map(m), COLUMNS)
    elif fmt == "markdown":
        head = f"# Data map: {m.service.name}\n\nController: {m.controller.legal_entity}. Manifest: `{m.source}`.\n\n"
        text = head + render_markdown_table(data_map(m), COLUMNS)
    else:
        rows = data_map(m)
        head = (f"{m.service.name} ({m.controller.legal_entity}) - {len(rows)} rows, "
                f"{len(m.processing_activities)} activities, {len(m.data_elements)} data elements\n"
                f"manifest: {display_path(m.source)}\n\n")
        text = head + render_table(rows, TABLE_COLUMNS)
    emit(text, output)
    return 0
