"""`pia validate`: run the manifest's declared dataset checks (GX suites) over a directory of CSV or Parquet files."""
from __future__ import annotations

import sys

import click

from pia.commands.options import apply_language, lang_option
from pia.config import SAMPLE_ESTATE, display_path, is_reference
from pia.errors import InputError, Problem


@click.command()
@click.argument("data_dir", required=False, type=str)  # checked by pia.validation: one line, exit 2
@click.option("--manifest", type=click.Path(dir_okay=False),
              help="Manifest: datasets, checks, recipients and settings (default: the reference inventory).")
@click.option("--columns", "columns", type=click.Path(dir_okay=False),
              help="YAML mapping: dataset -> {contract column: your column}.")
@click.option("--as-of", "as_of", metavar="YYYY-MM-DD", help="Date the checks are judged at (default: today, UTC).")
@click.option("--minor-age", type=click.IntRange(1, 25), help="Override the manifest's minor_age.")
@click.option("--erasure-grace-days", type=click.IntRange(0, 3650), help="Override the manifest's erasure_grace_days.")
@click.option("--rights-response-days", type=click.IntRange(1, 365),
              help="Override the manifest's rights_response_days.")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True,
              help="Output format.")
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write to this file (whole or not at all).")
@click.option("--export-suites", type=click.Path(file_okay=False),
              help="Also write each check's GX expectation suite as JSON into this directory.")
@click.option("--engine", type=click.Choice(["local", "spark"]), default=None,
              help="Run on Spark (DATA_DIR of Parquet/CSV files, or spark-catalog:DB); database URLs run in the "
                   "database.")
@click.option("--master", metavar="URL", help="Spark master for --engine spark: local[N] (default local[2]) or a "
                                              "cluster URL.")
@lang_option
def validate(data_dir: str | None, manifest: str | None, columns: str | None, as_of: str | None,
             minor_age: int | None, erasure_grace_days: int | None, rights_response_days: int | None,
             fmt: str, output: str | None, export_suites: str | None, engine: str | None,
             master: str | None, lang: str | None) -> int:
    """Check the data in DATA_DIR against the policy's commitments; exit 1 when a check fails.

    DATA_DIR holds one CSV or Parquet file per dataset the manifest declares (datasets:, by default
    <id>.csv; the reference: users, devices, orders, alert_snapshots, consents, data_sharing,
    rights_requests) and the manifest's checks: run over them; a missing file skips its checks,
    none of them at all is an input error (exit 2). DATA_DIR may instead be a database URL,
    postgresql://USER@HOST/DB or sqlite:///PATH: the checks then run in the database and only
    counts and a few masked sample rows come back.
    DATA_DIR defaults to the sample estate in data_samples/estate.
    Failing rows are shown by their key; personal values only masked, secrets never.
    """
    from pia.validation.gx_worker import import_in_background

    if engine != "spark" and "://" not in (data_dir or ""):
        import_in_background()  # GX takes seconds to import: start before anything else (local engine)
    from pia.i18n import _
    from pia.output import emit, to_json
    from pia.validation.run import validate as run_validation

    apply_language(lang)
    manifest_path = manifest
    if manifest is not None:  # its commitments must cite checks that exist
        from pia.declare.manifest import load_manifest
        from pia.validation.commitments import require_defined_checks

        manifest = require_defined_checks(load_manifest(manifest))
        apply_language(lang, manifest)

    def show_progress(msg: str) -> None:
        click.echo(f"pia validate: {msg}", err=True)

    progress = show_progress if fmt != "json" and sys.stderr.isatty() else None
    if data_dir is None and not is_reference(manifest_path):
        # The shipped estate is the reference service's data: another service names its own tables.
        raise InputError(Problem("DIR", _("give the directory of tables to validate: the shipped sample estate "
                                          "belongs to the reference service, not to --manifest {manifest}",
                                          manifest=manifest_path)))
    result = run_validation(data_dir or SAMPLE_ESTATE, manifest=manifest, columns=columns, as_of=as_of,
                            progress=progress, export_suites=export_suites, engine=engine, master=master,
                            overrides={"minor_age": minor_age, "erasure_grace_days": erasure_grace_days,
                                       "rights_response_days": rights_response_days})
    if fmt == "json":
        text = to_json(result.to_dict())
    else:
        where = data_dir if data_dir and "://" in data_dir else display_path(data_dir or SAMPLE_ESTATE)
        if "://" in where:
            from pia.validation.sources import hide_password

            where = hide_password(where)
        text = render_validation_table(result, where)
    emit(text, output)
    return 1 if not result.passed else 0


def render_validation_table(result, where: str) -> str:
    """The terminal view: one row per check, then the samples of failed checks."""
    from pia.i18n import N_, _, pick
    from pia.output import render_table

    counts = {s: sum(1 for c in result.checks if c.status.value == s) for s in ("pass", "fail", "skipped")}
    s = result.settings
    status_words = {"pass": N_("pass"), "fail": N_("fail"), "skipped": N_("skipped")}
    head = (_("validation of {where} as of {as_of} - {n} checks: {passed} pass, {failed} fail, {skipped} skipped",
              where=where, as_of=result.as_of.isoformat(), n=len(result.checks), passed=counts["pass"],
              failed=counts["fail"], skipped=counts["skipped"]) + "\n"
            + _("settings: minor_age {minor_age}, erasure_grace_days {erasure_grace_days}, rights_response_days "
                "{rights_response_days}; manifest {manifest}", **{k: s[k] for k in (
                    "minor_age", "erasure_grace_days", "rights_response_days", "manifest")}) + "\n\n")
    rows = [{"check": c.id, "clause": c.clause, "status": _(status_words.get(c.status.value, c.status.value)),
             "failed": c.failed_rows if c.status.value != "skipped" else "",
             "in_scope": c.rows_in_scope if c.status.value != "skipped" else "",
             "rows": c.rows_checked if c.status.value != "skipped" else "",
             "note": c.reason if c.status.value == "skipped" else pick(c.description)} for c in result.checks]
    text = head + render_table(rows, ["check", "clause", "status", "failed", "in_scope", "rows", "note"],
                               [_("check"), _("clause"), _("status"), _("failed"), _("in scope"), _("rows"),
                                _("fails when / why skipped")], max_width=60)
    failed = [c for c in result.checks if c.status.value == "fail"]
    if failed:
        text += "\n" + _("samples of failing rows (personal values masked, secrets never shown):") + "\n"
        for c in failed:
            for smp in c.samples:
                values = "  ".join(f"{k}={v}" for k, v in smp.values.items())
                key = smp.key if smp.key is not None else _("(blank)")
                row = _("row")
                text += f"  {c.id:32} {row} {smp.row:<8} key={key}"
                text += f"  {values}\n" if values else "\n"
    text += "\n" + _("result: {result}", result=_("pass") if result.passed else _("FAIL")) + "\n"
    return text
