"""`pia check`: validate a manifest and list what a reviewer should look at; `--schema` prints its JSON Schema."""
from __future__ import annotations

import click

from pia.commands.options import apply_language, lang_option
from pia.config import REFERENCE_MANIFEST


@click.command()
@click.argument("manifest", required=False, type=click.Path(dir_okay=False))
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write to this file (whole or not at all).")
@click.option("--strict", is_flag=True, help="Exit 1 when there are warnings (for pre-commit hooks and CI).")
@click.option("--schema", is_flag=True, help="Print the manifest's JSON Schema (for editors) instead.")
@lang_option
def check(manifest: str | None, fmt: str, output: str | None, strict: bool, schema: bool, lang: str | None) -> int:
    """Validate MANIFEST (default: the reference inventory) and report consistency findings.

    Errors in the file exit 2 with one line per problem, and so do findings of level error (processing the law
    prohibits, e.g. GDPR special categories with no Art. 9(2) condition); warnings exit 0, or 1 with --strict. In a
    bilingual manifest (`languages: [en, zh]`, or any text given as {en: ..., zh: ...}) each free-text field given in
    one language only is a warning (text_fallback): readers of the other language get it untranslated.
    """
    from pia.declare.assumptions import list_assumptions
    from pia.declare.lint import Level, lint
    from pia.declare.manifest import Manifest, load_manifest
    from pia.i18n import SOURCE_LANGUAGE, _, pick, use_language
    from pia.output import emit, to_json

    apply_language(lang)
    if schema:
        emit(to_json(Manifest.model_json_schema()), output)
        return 0
    from pia.validation.commitments import require_defined_checks

    m = require_defined_checks(load_manifest(manifest or REFERENCE_MANIFEST))
    apply_language(lang, m)
    if fmt == "json":
        # JSON documents are language-neutral (README): the findings' messages in English whatever --lang says
        with use_language(SOURCE_LANGUAGE):
            findings = lint(m)
    else:
        findings = lint(m)
    warnings = [f for f in findings if f.level is Level.warning]
    errors = [f for f in findings if f.level is Level.error]
    assumptions = list_assumptions(m)
    if fmt == "json":
        emit(to_json({"manifest": m.source, "sha256": m.sha256, "valid": not errors,
                      "findings": [f.model_dump(mode="json") for f in findings],
                      "assumptions": [a.model_dump(mode="json") for a in assumptions]}), output)
    else:
        notes = len(findings) - len(warnings) - len(errors)
        state = _("{n} error(s) the law does not allow", n=len(errors)) if errors else _("valid manifest")
        head = _("{source}: {state}; {warnings}, {notes}, {assumptions}", source=m.source, state=state,
                 warnings=_("{n} warning(s)", n=len(warnings)), notes=_("{n} note(s)", n=notes),
                 assumptions=_("{n} assumption(s)", n=len(assumptions)))
        # untranslated texts can number dozens in a partly bilingual manifest: list them after the findings that
        # need a judgement, so that those are not buried (the header says how many there are)
        fallbacks = [f for f in findings if f.rule == "text_fallback"]
        if fallbacks:
            head += _(" ({n} of the warnings: texts in one language only, listed last)", n=len(fallbacks))
        lines = [head]
        lines += [f"{m.source}:{f}" for f in findings if f.rule != "text_fallback"]
        lines += [f"{m.source}:{f}" for f in fallbacks]
        if assumptions:
            lines += ["", _("{n} assumptions to confirm (facts the policy does not state):", n=len(assumptions))]
            flag = _(" [not disclosed]")
            lines += [f"- {a.about}{flag if a.undisclosed else ''}: {pick(a.why)}" for a in assumptions]
        emit("\n".join(lines) + "\n", output)
    if errors:
        return 2
    return 1 if strict and warnings else 0
