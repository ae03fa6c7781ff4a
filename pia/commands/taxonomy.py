"""`pia taxonomy`: list or search the data categories, with their sensitivity, impact and basis."""
from __future__ import annotations

import click

from pia.commands.options import apply_language, lang_option


@click.command()
@click.argument("search", nargs=-1)
@click.option("--sensitive", is_flag=True, help="Only categories that are sensitive (PIPL / GB/T 35273-2020).")
@click.option("--special", is_flag=True, help="Only GDPR Art. 9 / Art. 10 special categories.")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write to this file (whole or not at all).")
@lang_option
def taxonomy(search: tuple[str, ...], sensitive: bool, special: bool, fmt: str, output: str | None,
             lang: str | None) -> int:
    """List the taxonomy's categories, or those matching SEARCH (words of the key, name, description or basis).

    Each category shows whether it is sensitive (PIPL Art. 28, GB/T 35273-2020 Annex B) and why, whether it is a
    GDPR special category (Art. 9(1) or Art. 10), and its default impact (GB/T 39335-2020 scale). Exits 1 when
    nothing matches.
    """
    from pia.declare.taxonomy import load_taxonomy
    from pia.i18n import _
    from pia.output import emit, render_table, to_json

    apply_language(lang)
    tax = load_taxonomy()
    text = " ".join(search)
    found = [c for c in tax.search(text)
             if (not sensitive or c.sensitive) and (not special or c.special_category)]
    rows = [{"key": c.key, "name": c.name, "sensitive": c.sensitive, "impact": c.impact,
             "basis": c.basis or "", "special_category": c.special_category or "", "description": c.description,
             "fideslang": c.fideslang} for c in found]
    if fmt == "json":
        emit(to_json({"kind": "pia.taxonomy", "search": text, "count": len(rows), "categories": rows}), output)
    else:
        head = (_("{n} of {total} categories matching {search!r}", n=len(rows), total=len(tax), search=text) if text
                else _("{n} of {total} categories", n=len(rows), total=len(tax))) + "\n\n"
        shown = [{**r, "sensitive": _("yes") if r["sensitive"] else _("no")} for r in rows]
        columns = ["key", "name", "sensitive", "impact", "basis", "special_category"]
        headers = [_("key"), _("name"), _("sensitive"), _("impact"), _("basis"), _("special_category")]
        emit(head + render_table(shown, columns, headers, max_width=60), output)
    return 0 if rows else 1
