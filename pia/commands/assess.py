"""`pia assess`: score every processing activity of a manifest and say whether the assessment shows high risk.

Renders the `pia.risk.scoring.Assessment` as a terminal report, Markdown or JSON, with the reasons for every level.
"""
from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import click

from pia.config import REFERENCE_MANIFEST

if TYPE_CHECKING:  # pragma: no cover
    from pia.risk.scoring import ActivityRisk, Assessment, Step

EVENT_TITLES = {"illegitimate_access": "illegitimate access", "unwanted_modification": "unwanted modification",
                "disappearance": "disappearance of data"}


def _lv(level: str | None) -> str:
    return "-" if level is None else level.replace("_", " ")


def _screening_short(a: ActivityRisk) -> str:
    s = a.screening
    parts = [f"WP248 {s['wp248_met']}/9"]
    pipl = [c["source"].replace("PIPL Art. ", "") for c in s["criteria"] if c["framework"] == "pipl55"]
    if pipl:
        parts.append("PIPL " + ",".join(dict.fromkeys(pipl)))
    return "; ".join(parts)


def _steps_by_event(a: ActivityRisk, stage: str) -> dict[str, list[Step]]:
    out: dict[str, list[Step]] = {}
    for st in a.factors:
        if st.stage.value == stage:
            out.setdefault(st.feared_event.value, []).append(st)
    return out


def _key(st: Step) -> tuple[str, str | None, str, str]:
    return (st.rule, st.before, st.after, st.reason)


def _step_line(st: Step) -> tuple[str, str, str, str]:
    move = _lv(st.after) if st.before is None else f"{_lv(st.before)} -> {_lv(st.after)}"
    return st.axis, move, st.rule, f"{st.reason} [{st.source}]"


def _event_blocks(a: ActivityRisk, fmt: Callable[[str, list[tuple[str, str, str, str]]], list[str]]) -> list[str]:
    """Residual steps of illegitimate access in full; of the other events only where they differ."""
    residual = _steps_by_event(a, "residual")
    lines: list[str] = []
    reference = residual.get("illegitimate_access", [])
    for event, title in EVENT_TITLES.items():
        r, i = a.residual[event], a.inherent[event]  # type: ignore[index]
        head = (f"{title}: residual {_lv(r.impact)} x {_lv(r.likelihood)} = {_lv(r.level).upper()} "
                f"(inherent, controls ignored: {_lv(i.impact)} x {_lv(i.likelihood)} = {_lv(i.level)})")
        steps = residual.get(event, [])
        if event != "illegitimate_access":
            same = {_key(s) for s in reference}
            steps = [s for s in steps if _key(s) not in same]
            head += "; steps as above except:" if steps else "; steps as above"
        lines.extend(fmt(head, [_step_line(s) for s in steps]))
    return lines


def scale_note(result: Assessment) -> str:
    """How the explanation steps (internal scale) map onto the method, or '' when they are the method's levels."""
    parts = []
    for axis in ("impact", "likelihood"):
        mapping = result.scale[axis]
        if any(k != v for k, v in mapping.items()):
            parts.append(f"{axis} " + ", ".join(f"{_lv(k)}={_lv(v)}" for k, v in mapping.items()))
    if not parts:
        return ""
    return ("Steps are on the internal GB/T 39335-2020 scale, mapped onto this method as: "
            + "; ".join(parts) + ".")


def render_text(result: Assessment) -> str:
    """The terminal report: verdict, summary table, then per activity the reasons and the actions."""
    from pia.output import render_table
    from pia.risk.scoring import verdict_sentence

    out = [f"Risk assessment of {result.service} ({result.manifest})",
           f"Method: {result.method_title} [{result.method}]; unacceptable from: {result.threshold}",
           f"Source: {result.method_source}"]
    if result.evidence:
        out.append("Evidence: " + "; ".join(f"{e.source} ({e.kind}, {e.findings} findings)" for e in result.evidence))
    else:
        out.append("Evidence: none (manifest facts only; add --evidence with pia validate / pia scan JSON)")
    if scale_note(result):
        out.append(scale_note(result))
    out += ["", ("VERDICT: HIGH RISK" if result.high_risk else "VERDICT: not high risk"),
            verdict_sentence(result), ""]
    rows = [{"activity": a.id, "screening": _screening_short(a), "inherent": a.inherent_level,
             "residual": a.level, "verdict": "UNACCEPTABLE" if a.unacceptable else "acceptable"}
            for a in result.activities]
    out.append(render_table(rows, ["activity", "screening", "inherent", "residual", "verdict"], max_width=40))
    if result.service_factors:
        out.append("Service-level findings:")
        out += [f"  - {f}" for f in result.service_factors]
        out.append("")
    actions = {x.activity: x for x in result.actions}
    for a in result.activities:
        flag = f"UNACCEPTABLE (>= {result.threshold})" if a.unacceptable else "acceptable"
        out.append(f"== {a.id}: {a.name}")
        out.append(f"   residual {a.level} - {flag}; inherent {a.inherent_level}")
        s = a.screening
        out.append(f"   screening: {s['summary']}")
        for c in s["criteria"]:
            out.append(f"     [{c['id']}] {c['name']} ({c['source']}): {c['evidence']}")

        def fmt(head: str, steps: list[tuple[str, str, str, str]]) -> list[str]:
            lines = [f"   {head}"]
            lines += [f"     {axis:<10} {move:<22} {reason}" for axis, move, _rule, reason in steps]
            return lines
        out += _event_blocks(a, fmt)
        if a.id in actions:
            act = actions[a.id]
            out.append("   actions:")
            for c in act.controls:
                extra = f"; {c.note}" if c.note else ""
                out.append(f"     - {c.control.value} ({c.clause}, now {c.status}): residual -> {c.level_after}"
                           f"{' (lowers it)' if c.lowers else ''}{extra}")
            for e in act.evidence:
                out.append(f"     - {e.remedy}: residual -> {e.level_after}{' (lowers it)' if e.lowers else ''}")
            out.append(f"     => {act.note}")
        out.append("")
    return "\n".join(out).rstrip() + "\n"


def render_markdown(result: Assessment) -> str:
    """The same report in Markdown (for a pull request, a wiki or the report)."""
    from pia.output import md_escape, render_markdown_table
    from pia.risk.scoring import verdict_sentence

    out = [f"# Risk assessment: {md_escape(result.service)}", "",
           f"- Method: **{md_escape(result.method_title)}** (`{result.method}`), unacceptable from "
           f"**{result.threshold}**. Source: {md_escape(result.method_source)}.",
           f"- Manifest: `{result.manifest}`" + (f" (sha256 `{result.manifest_sha256[:12]}…`)"
                                                 if result.manifest_sha256 else "")]
    if result.evidence:
        out += [f"- Evidence: `{e.source}` ({e.kind}, {e.findings} findings)" for e in result.evidence]
    else:
        out.append("- Evidence: none (manifest facts only)")
    if scale_note(result):
        out.append(f"- {md_escape(scale_note(result))}")
    out += ["", f"## Verdict: {'**HIGH RISK**' if result.high_risk else 'not high risk'}", "",
            md_escape(verdict_sentence(result)), ""]
    rows = [{"activity": a.id, "screening": _screening_short(a), "inherent": a.inherent_level,
             "residual": a.level, "verdict": "**unacceptable**" if a.unacceptable else "acceptable"}
            for a in result.activities]
    out.append(render_markdown_table(rows, ["activity", "screening", "inherent", "residual", "verdict"]))
    if result.service_factors:
        out += ["## Service-level findings", ""] + [f"- {md_escape(f)}" for f in result.service_factors] + [""]
    if result.actions:
        out += ["## Action plan", ""]
        for act in result.actions:
            out.append(f"### {act.activity} (residual {act.level})")
            out.append("")
            rows = [{"control": c.control.value, "clause": c.clause, "now": c.status, "residual after": c.level_after,
                     "note": c.note} for c in act.controls]
            rows += [{"control": e.evidence, "clause": "", "now": "finding", "residual after": e.level_after,
                      "note": e.remedy} for e in act.evidence]
            if rows:
                out.append(render_markdown_table(rows, ["control", "clause", "now", "residual after", "note"]))
            out += [md_escape(act.note), ""]
    out += ["## Activities", ""]
    for a in result.activities:
        out += [f"### {a.id}: {md_escape(a.name)}", "",
                f"Residual **{a.level}**{' (unacceptable)' if a.unacceptable else ''}, inherent {a.inherent_level}.", ""]
        s = a.screening
        out.append(f"Screening: {md_escape(s['summary'])}.")
        out.append("")
        if s["criteria"]:
            out.append(render_markdown_table(s["criteria"], ["id", "name", "source", "evidence"]))

        def fmt(head: str, steps: list[tuple[str, str, str, str]]) -> list[str]:
            lines = [f"**{md_escape(head)}**", ""]
            if steps:
                lines.append(render_markdown_table(
                    [{"axis": x, "level": m.replace("->", "→"), "rule": r, "reason": why} for x, m, r, why in steps],
                    ["axis", "level", "rule", "reason"]))
            return lines
        out += _event_blocks(a, fmt)
    return "\n".join(out).rstrip() + "\n"


@click.command()
@click.argument("manifest", required=False, type=click.Path(dir_okay=False))
@click.option("--method", "method", default="gbt39335", show_default=True, metavar="NAME|FILE",
              help="Risk method: gbt39335, cnil, ico, or the path of a method YAML file.")
@click.option("--evidence", "evidence", multiple=True, type=click.Path(), metavar="FILE",
              help="JSON written by `pia validate` or `pia scan` (repeatable).")
@click.option("--format", "fmt", type=click.Choice(["table", "json", "markdown"]), default="table",
              show_default=True, help="Output format.")
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write to this file (whole or not at all).")
@click.option("--fail-on-high", is_flag=True, help="Exit 3 when the assessment shows high risk (a gate for CI).")
def assess(manifest: str | None, method: str, evidence: tuple[str, ...], fmt: str, output: str | None,
           fail_on_high: bool) -> int:
    """Assess the privacy risk of every processing activity of MANIFEST and give the high-risk verdict.

    MANIFEST defaults to the reference inventory in data_samples/. High risk (a residual risk at or
    above the method's unacceptable level) is the significant-change trigger of policy clause VII.2(5).
    """
    from pia.declare.manifest import load_manifest
    from pia.output import emit, to_json
    from pia.risk.scoring import assess as run

    result = run(load_manifest(manifest or REFERENCE_MANIFEST), method=method, evidence=list(evidence))
    if fmt == "json":
        text = to_json(result.to_dict())
    elif fmt == "markdown":
        text = render_markdown(result)
    else:
        text = render_text(result)
    emit(text, output)
    return 3 if fail_on_high and result.high_risk else 0
