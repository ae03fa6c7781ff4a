"""`pia assess`: score every processing activity of a manifest and say whether this version indicates high risk.

The renderings live in `pia.risk.render`; this module maps options to the library and exit codes.
"""
from __future__ import annotations

import click

from pia.commands.options import apply_language, lang_option, warn_prohibited
from pia.config import REFERENCE_MANIFEST


@click.command()
@click.argument("manifest", required=False, type=click.Path(dir_okay=False))
@click.option("--method", "method", default=None, metavar="NAME|FILE",
              help="Risk method: gbt39335, cnil, ico, or the path of a method YAML file (default: gbt39335 where "
                   "Chinese law applies, cnil for a GDPR-only service).")
@click.option("--evidence", "evidence", multiple=True, type=click.Path(), metavar="FILE",
              help="JSON written by `pia validate` or `pia scan` (repeatable).")
@click.option("--format", "fmt", type=click.Choice(["table", "json", "markdown"]), default="table",
              show_default=True, help="Output format.")
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write to this file (whole or not at all).")
@click.option("--fail-on-high", is_flag=True, help="Exit 3 when the assessment indicates high risk (a gate for CI).")
@lang_option
def assess(manifest: str | None, method: str | None, evidence: tuple[str, ...], fmt: str, output: str | None,
           fail_on_high: bool, lang: str | None) -> int:
    """Assess the privacy risk of every processing activity of MANIFEST and say whether it indicates high risk.

    MANIFEST defaults to the reference inventory in data_samples/. The assessment indicates high risk when a
    current risk reaches the organisation's unacceptable level (manifest settings.unacceptable_risk); the verdict
    cites the policy's clause for it (policy.clause_for.high_risk_assessment; VII.2(5) in the reference). Whether
    users must be told of a change is for `pia diff`, which compares two versions.
    """
    from pia.declare.manifest import load_manifest
    from pia.output import emit, to_json
    from pia.risk.render import render_markdown, render_text
    from pia.risk.scoring import assess as run

    apply_language(lang)
    m = load_manifest(manifest or REFERENCE_MANIFEST)
    apply_language(lang, m)
    result = run(m, method=method, evidence=list(evidence))
    warn_prohibited(m)
    if fmt == "json":
        text = to_json(result.to_dict())
    elif fmt == "markdown":
        text = render_markdown(result)
    else:
        text = render_text(result)
    emit(text, output)
    return 3 if fail_on_high and result.high_risk else 0
