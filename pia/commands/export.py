"""`pia export`: the assessment for other tools.

The CNIL PIA application, a spreadsheet record of processing, fideslang resources for Fides.
"""
from __future__ import annotations

import datetime as dt

import click

from pia.commands.options import apply_language, lang_option
from pia.config import REFERENCE_MANIFEST
from pia.errors import InputError, Problem

FORMATS = ("cnil-pia", "ropa-xlsx", "ropa-csv", "fideslang")
TABLES = ("record", "data-map", "recipients", "actions")


@click.command()
@click.argument("manifest", required=False, type=click.Path(dir_okay=False))
@click.option("--format", "fmt", type=click.Choice(FORMATS), required=True,
              help="cnil-pia: JSON for the CNIL PIA application's import; ropa-xlsx: the record of processing, data "
                   "map, recipients and action plan as a workbook; ropa-csv: one of those tables as CSV; "
                   "fideslang: dataset and systems as fideslang YAML.")
@click.option("-o", "--output", type=click.Path(dir_okay=False),
              help="Write to this file (whole or not at all); required for ropa-xlsx.")
@click.option("--table", type=click.Choice(TABLES), default="record", show_default=True,
              help="The table ropa-csv writes.")
@click.option("--method", default=None, metavar="NAME|FILE",
              help="Risk method of the action plan and risk levels (ropa); cnil-pia always scores with cnil.")
@click.option("--evidence", multiple=True, type=click.Path(), metavar="FILE",
              help="JSON of pia validate or pia scan to count in the assessment (repeatable).")
@click.option("--as-of", "as_of", metavar="YYYY-MM-DD", help="Date of the assessment (cnil-pia timestamps; default today).")
@lang_option
def export(manifest: str | None, fmt: str, output: str | None, table: str, method: str | None,
           evidence: tuple[str, ...], as_of: str | None, lang: str | None) -> int:
    """Export MANIFEST's assessment for another tool (default: the reference inventory in data_samples/).

    The CNIL file is imported in the CNIL's PIA application ("Import a PIA"); the workbook has one sheet per table
    (frozen header, filters) and a sheet naming the provision behind each column; the fideslang YAML loads with
    `fides push` or the Fides UI. The same inputs and --as-of give byte-identical output.
    """
    from pia.declare.manifest import load_manifest
    from pia.i18n import _, pick
    from pia.output import emit, to_json, write_atomic

    apply_language(lang)
    if as_of is not None:
        try:
            as_of = dt.date.fromisoformat(as_of).isoformat()
        except ValueError:
            raise InputError(Problem("--as-of", _("{value} is not a date YYYY-MM-DD", value=repr(as_of)))) from None
    if fmt == "ropa-xlsx" and not output:
        raise InputError(Problem("-o", _("ropa-xlsx writes a binary workbook: give -o FILE.xlsx")))
    m = load_manifest(manifest or REFERENCE_MANIFEST)
    apply_language(lang, m)
    if fmt == "cnil-pia":
        from pia.export.cnil import cnil_pia

        emit(to_json(cnil_pia(m, as_of or dt.date.today().isoformat(), list(evidence))), output)
        return 0
    if fmt == "fideslang":
        from pia.export.fides import fideslang_document, to_yaml

        emit(to_yaml(fideslang_document(m)), output)
        return 0
    from pia.export.ropa import ropa_tables, to_csv, to_xlsx
    from pia.risk.scoring import assess

    tables = ropa_tables(m, assess(m, method=method, evidence=list(evidence)).to_dict())
    if fmt == "ropa-csv":
        emit(to_csv(tables[table]), output)
        return 0
    assert output is not None
    write_atomic(output, to_xlsx(list(tables.values()), _("Record of processing: {service}", service=pick(m.service.name))))
    return 0
