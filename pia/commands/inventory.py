"""`pia inventory`: print the data map (record of processing) of a manifest."""
from __future__ import annotations

import click

from pia.commands.options import apply_language, lang_option
from pia.config import REFERENCE_MANIFEST, display_path


@click.command()
@click.argument("manifest", required=False, type=click.Path(dir_okay=False))
@click.option("--format", "fmt", type=click.Choice(["table", "json", "csv", "markdown"]), default="table",
              show_default=True, help="Output format.")
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write to this file (whole or not at all).")
@lang_option
def inventory(manifest: str | None, fmt: str, output: str | None, lang: str | None) -> int:
    """Print the data map of MANIFEST: one row per processing activity and data element.

    MANIFEST defaults to the reference inventory in data_samples/.
    """
    from pia.declare.inventory import COLUMN_WORDS, COLUMNS, TABLE_COLUMNS, data_map, inventory_document
    from pia.declare.manifest import load_manifest
    from pia.i18n import _, pick
    from pia.output import emit, render_csv, render_markdown_table, render_table, to_json

    apply_language(lang)
    m = load_manifest(manifest or REFERENCE_MANIFEST)
    apply_language(lang, m)
    if fmt == "json":
        text = to_json(inventory_document(m))
    elif fmt == "csv":
        text = render_csv(data_map(m), COLUMNS)
    elif fmt == "markdown":
        head = "# " + _("Data map: {service}", service=pick(m.service.name)) + "\n\n" + _(
            "Controller: {controller}. Manifest: `{source}`.", controller=m.controller.legal_entity, source=m.source)
        text = head + "\n\n" + render_markdown_table(data_map(m), COLUMNS, [_(COLUMN_WORDS[c]) for c in COLUMNS])
    else:
        rows = data_map(m)
        head = _("{service} ({controller}) - {rows} rows, {activities} activities, {elements} data elements",
                 service=pick(m.service.name), controller=m.controller.legal_entity, rows=len(rows),
                 activities=len(m.processing_activities), elements=len(m.data_elements))
        head += "\n" + _("manifest: {source}", source=display_path(m.source)) + "\n\n"
        text = head + render_table(rows, TABLE_COLUMNS, [_(COLUMN_WORDS[c]) for c in TABLE_COLUMNS])
    emit(text, output)
    return 0
