"""`pia report`: run the assessment notebook with papermill and write the management report as offline HTML."""
from __future__ import annotations

import click

from pia.commands.options import lang_option
from pia.config import display_path

EXIT_REPORT_FAILED = 4  # a notebook cell raised: the report could not be made


@click.command()
@click.option("--params", "params_file", type=click.Path(dir_okay=False),
              help="Params YAML (default: data_samples/report-params.yaml); its paths are relative to it.")
@click.option("-p", "--parameter", "overrides", multiple=True, nargs=2, metavar="NAME VALUE",
              help="Override one parameter (repeatable), e.g. -p as_of 2026-07-31; paths relative to the working directory.")
@click.option("--out", type=click.Path(),
              help="Directory under which <as_of>-<service>/ is written (default: reports/ of the working directory).")
@click.option("--fail-on-high", is_flag=True, help="Exit 3 when the assessment indicates high risk.")
@click.option("--progress/--no-progress", default=False, help="Show papermill's progress bar on stderr.")
@click.option("--pdf", is_flag=True, help="Also print the report to report.pdf (A4) with headless Chromium.")
@lang_option
def report(params_file: str | None, overrides: tuple[tuple[str, str], ...], out: str | None,
           fail_on_high: bool, progress: bool, pdf: bool, lang: str | None) -> int:
    """Make the management report: executive summary, risk map, data map, findings, change review, provenance.

    Runs notebooks/assessment_report.ipynb with papermill and converts it to one self-contained HTML file
    (inputs hidden, nothing loaded from the network) beside the executed notebook, in
    reports/<as_of>-<service>/ of the working directory. With no options it reports on the shipped samples;
    with -p manifest naming another service, only the inputs given with -p are used. --lang zh writes it in
    Chinese (the same as -p lang zh); by default the manifest's `language`, then the locale.

    Exit codes: 0 report written; 2 bad input; 3 --fail-on-high and the verdict is high risk;
    4 a notebook cell raised (the cell is named; the partly executed notebook is kept, no HTML is written),
    or --pdf and the PDF could not be printed (the HTML is kept).
    """
    from pia.errors import one_line
    from pia.i18n import _, use_language
    from pia.report.params import OPTIONAL_INPUTS
    from pia.report.run import ReportError, load_params, run_report

    params, used = load_params(params_file, list(overrides) + ([("lang", lang)] if lang else []))
    try:
        run = run_report(params, out, params_file=used, progress=progress)
    except ReportError as exc:
        click.echo(f"pia: report failed: {one_line(str(exc))}", err=True)
        return 2 if exc.ename == "InputError" else EXIT_REPORT_FAILED
    written = [display_path(run.html)]
    if pdf:
        from pia.report.pdf import PdfError, html_to_pdf

        try:
            written.append(display_path(html_to_pdf(run.html, run.directory / "report.pdf")))
        except PdfError as exc:
            click.echo(f"pia: {exc}; the HTML report was written: {display_path(run.html)}", err=True)
            return EXIT_REPORT_FAILED
    s = run.summary
    with use_language(s.get("lang") or "en"):  # the summary line in the report's language
        verdict = _("HIGH RISK") if s.get("high_risk") else _("no high risk")
        from pia.report.names import listing
        from pia.report.sections import channel_name

        channels = listing(channel_name(c) for c in s.get("channels") or [])
        notify = _("notify users via {channels}", channels=channels) if s.get("notify") else _("no user notification")
        sep = "；" if s.get("lang") == "zh" else "; "
        missing = sep.join(_(OPTIONAL_INPUTS[k]) if k in OPTIONAL_INPUTS else k for k in s.get("not_provided") or [])
        click.echo("\n".join(written) + "\n" + _("{service} as of {as_of}: {verdict}; {notify}", service=s.get("service"),
                                                 as_of=s.get("as_of"), verdict=verdict, notify=notify)
                   + ("\n" + _("not provided: {missing}", missing=missing) if missing else ""))
    return 3 if fail_on_high and s.get("high_risk") else 0
