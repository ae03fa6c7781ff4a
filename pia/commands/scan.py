"""`pia scan`: find personal data in CSV, Parquet and SQLite tables and reconcile it with the manifest."""
from __future__ import annotations

import sys
import textwrap

import click

from pia.commands.options import apply_language, lang_option
from pia.config import REFERENCE_MANIFEST, SAMPLE_ESTATE, is_reference
from pia.errors import InputError, Problem


@click.command()
@click.argument("paths", nargs=-1, type=str, metavar="[PATH]...")
@click.option("--manifest", type=click.Path(dir_okay=False), help="Manifest to reconcile with (default: the reference).")
@click.option("--sample", type=int, default=50_000, show_default=True, help="Rows read per table at most.")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True,
              help="Output format.")
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write to this file (whole or not at all).")
@lang_option
def scan(paths: tuple[str, ...], manifest: str | None, sample: int, fmt: str, output: str | None,
         lang: str | None) -> int:
    """Find personal data in tables and reconcile it with the manifest's inventory.

    PATH is a CSV, TSV or Parquet file, a SQLite database (a file, or sqlite:///file.db), or a
    directory of them; without PATH, the reference's sample estate (data_samples/estate), for the reference manifest
    only. Evidence names patterns and shares of matching values, never the values. Exit 0 when the data matches the
    manifest, 1 when something is undeclared or stored in plaintext, 2 when nothing could be scanned.
    """
    from pia.declare.manifest import load_manifest
    from pia.output import emit, to_json
    from pia.discovery.scan import scan as run_scan
    from pia.i18n import _

    apply_language(lang)
    if not paths:
        # The shipped estate is the reference service's data: another service names its own tables.
        if not is_reference(manifest):
            raise InputError(Problem("PATH", _("give the tables to scan: the shipped sample estate belongs to the "
                                               "reference service, not to --manifest {manifest}", manifest=manifest)))
        paths = (str(SAMPLE_ESTATE),)
    m = load_manifest(manifest or REFERENCE_MANIFEST)
    apply_language(lang, m)

    def progress(msg: str) -> None:
        click.echo(f"pia scan: {msg}", err=True)

    on_terminal = fmt != "json" and sys.stderr.isatty()
    result = run_scan(list(paths), manifest=m, sample=sample, progress=progress if on_terminal else None)
    for p in result.problems:
        click.echo(f"pia: {p['file']}: {p['message']}", err=True)
    data = result.to_dict()
    emit(to_json(data) if fmt == "json" else render(data), output)
    return 1 if result.has_findings else 0


def render(data: dict) -> str:
    """The scan as text for a terminal: personal columns per table, then the reconciliation."""
    from pia.i18n import N_, _
    from pia.output import render_table

    out = []
    rec = data["reconciliation"]
    out.append(_("scanned {tables} tables (sample {sample} rows each); {columns} columns hold personal data; "
                 "{undeclared} undeclared, {not_found} declared but not found, {plaintext} stored in plaintext",
                 tables=len(data["tables"]), sample=data["sample"], columns=len(data["columns"]),
                 undeclared=len(rec["undeclared"]), not_found=len(rec["not_found"]),
                 plaintext=len(rec["plaintext_sensitive"])) + "\n")
    columns = ["column", "category", "sensitive", "confidence", "evidence"]
    words = {"column": N_("column"), "category": N_("category"), "sensitive": N_("sensitive"),
             "confidence": N_("confidence"), "evidence": N_("evidence")}
    for t in data["tables"]:
        total = t["rows_total_known"] if t["rows_total_known"] is not None else f"~{t['rows_estimated'] or '?'}"
        out.append(f"\n{t['table']}  (" + _("{source}, {sampled} of {total} rows", source=t["source"],
                                              sampled=t["rows_sampled"], total=total) + ")\n")
        rows = [{"column": c["name"], "category": c["category"] or "-", "sensitive": c["sensitive"],
                 "confidence": f"{c['confidence']:.2f}", "evidence": "; ".join(c["evidence"])}
                for c in t["columns"]]
        out.append(render_table(rows, columns, [_(words[c]) for c in columns], max_width=70))
    for key, title in (("undeclared", N_("Found but not declared")),
                       ("plaintext_sensitive", N_("Sensitive data in plaintext")),
                       ("not_found", N_("Declared but not found"))):
        if rec[key]:
            out.append(f"\n{_(title)} ({len(rec[key])})\n")
            for i in rec[key]:
                head = f"- {i['category']}" + (_(" in {where}", where=", ".join(i["where"])) if i["where"] else "")
                acts = _("activities: {ids}; ", ids=", ".join(i["activities"])) if i["activities"] else ""
                body = textwrap.fill(acts + _("clause {clause}. {reason}", clause=i["clause"], reason=i["reason"]),
                                     width=100, initial_indent="    ", subsequent_indent="    ")
                out.append(f"{head}\n{body}\n")
    if data["skipped"]:
        out.append("\n" + _("skipped {n} files that are not data: {files}", n=len(data["skipped"]),
                            files=", ".join(s["file"] for s in data["skipped"])) + "\n")
    return "".join(out)
