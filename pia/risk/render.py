"""Text and Markdown renderings of an `Assessment`: the VII.2(5) state, the four stages, the reasons and the plan.

Names of feared events, stages and measures come from the catalogue file (pia/data/measures.yaml); level
names from the method. A sentence is produced here, once, and never parsed back.
"""
from __future__ import annotations

from collections.abc import Callable

from pia.declare.measures import load_catalogue, load_measures
from pia.risk.scoring import ActivityRisk, Assessment, Stage, Step, verdict_sentence

STAGES = (Stage.inherent, Stage.current, Stage.planned, Stage.target)


def _lv(level: str | None) -> str:
    return "-" if level is None else level.replace("_", " ")


def event_titles() -> dict[str, str]:
    """Feared event id -> name, from the catalogue file."""
    return {t.id: t.title for t in load_catalogue().feared_events}


def measure_name(mid: str) -> str:
    """People's name of a shipped measure (its id for a manifest's own measure)."""
    m = load_measures().get(mid)
    return m.name if m else mid


def _screening_short(a: ActivityRisk) -> str:
    s = a.screening
    parts = [f"WP248 {s['wp248_met']}/9"]
    pipl = [c["source"].replace("PIPL Art. ", "") for c in s["criteria"] if c["framework"] == "pipl55"]
    if pipl:
        parts.append("PIPL " + ",".join(dict.fromkeys(pipl)))
    return "; ".join(parts)


def _steps_by_event(a: ActivityRisk, stage: Stage) -> dict[str, list[Step]]:
    out: dict[str, list[Step]] = {}
    for st in a.factors:
        if st.stage is stage:
            out.setdefault(st.feared_event.value, []).append(st)
    return out


def _key(st: Step) -> tuple[str, str | None, str, str]:
    return (st.rule, st.before, st.after, st.reason)


def _step_line(st: Step) -> tuple[str, str, str, str]:
    move = _lv(st.after) if st.before is None else f"{_lv(st.before)} -> {_lv(st.after)}"
    return st.axis, move, st.rule, f"{st.reason} [{st.source}]"


def _stage_line(a: ActivityRisk, event: str) -> str:
    parts = []
    for s in STAGES:
        sc = a.stages[s][event]  # type: ignore[index]
        parts.append(f"{s.value} {_lv(sc.impact)} x {_lv(sc.likelihood)} = {_lv(sc.level)}")
    return "; ".join(parts)


def _event_blocks(a: ActivityRisk, fmt: Callable[[str, list[tuple[str, str, str, str]]], list[str]]) -> list[str]:
    """Current-stage steps of illegitimate access in full; of the other events only where they differ."""
    current = _steps_by_event(a, Stage.current)
    lines: list[str] = []
    reference = current.get("illegitimate_access", [])
    for event, title in event_titles().items():
        r = a.residual[event]  # type: ignore[index]
        head = f"{title}: current {_lv(r.impact)} x {_lv(r.likelihood)} = {_lv(r.level).upper()} ({_stage_line(a, event)})"
        steps = current.get(event, [])
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
    return ("Steps are on the kit's internal four-level scale, mapped onto this method as: "
            + "; ".join(parts) + ".")


def _threshold_line(result: Assessment) -> str:
    return f"Unacceptable from: {result.threshold}, {result.threshold_source}"


def _assumption_lines(result: Assessment) -> list[str]:
    out = []
    for x in result.assumptions:  # pia.declare.assumptions.Assumption: about, why, undisclosed
        where = x.get("about") or x.get("path") or ""
        text = x.get("why") or x.get("text") or ""
        flag = " (the service's practice; the policy does not disclose it)" if x.get("undisclosed") else ""
        out.append(f"{where}: {text}{flag}".strip(": ") if where or text else str(x))
    return out


def _plan_lines(result: Assessment, activity: str) -> list[str]:
    act = next((x for x in result.actions if x.activity == activity), None)
    if act is None:
        return []
    out = []
    for m in act.planned:
        out.append(f"carry out (planned): {m.measure} - {m.name}")
    for m in act.measures:
        note = f"; {m.note}" if m.note else ""
        clauses = f", policy {', '.join(m.clauses)}" if m.clauses else ""
        # a measure nobody assessed may already be in place: the assessor checks before adding it
        verb = "assess, else add" if m.status == "not_assessed" else "add"
        out.append(f"{verb}: {m.measure} - {m.name} (now {m.status.replace('_', ' ')}{clauses}){note}")
    for e in act.evidence:
        out.append(f"remedy: {e.remedy}")
    out.append(f"=> {act.note}")
    return out


def render_text(result: Assessment) -> str:
    """The terminal report: the VII.2(5) state, a table of the four stages, then per activity reasons and plan."""
    from pia.output import render_table

    out = [f"Risk assessment of {result.service} ({result.manifest})",
           f"Method: {result.method_title} [{result.method}]",
           _threshold_line(result),
           f"Source: {result.method_source}"]
    if result.evidence:
        out.append("Evidence: " + "; ".join(f"{e.source} ({e.kind}, {e.findings} findings)" for e in result.evidence))
    else:
        out.append("Evidence: none (manifest facts only; add --evidence with pia validate / pia scan JSON)")
    if scale_note(result):
        out.append(scale_note(result))
    out += ["", ("VERDICT: HIGH RISK" if result.high_risk else "VERDICT: not high risk"),
            verdict_sentence(result), ""]
    if result.assumptions:
        out.append("Assumptions to confirm (the verdict rests on them):")
        out += [f"  - {line}" for line in _assumption_lines(result)]
        out.append("")
    rows = [{"activity": a.id, "screening": _screening_short(a), "inherent": a.inherent_level,
             "current": a.level, "planned": a.planned_level, "target": a.target_level,
             "verdict": "UNACCEPTABLE" if a.unacceptable else "acceptable"} for a in result.activities]
    out.append(render_table(rows, ["activity", "screening", "inherent", "current", "planned", "target", "verdict"],
                            max_width=40))
    if result.service_factors:
        out.append("Service-level findings:")
        out += [f"  - {f}" for f in result.service_factors]
        out.append("")
    for a in result.activities:
        flag = f"UNACCEPTABLE (>= {result.threshold})" if a.unacceptable else "acceptable"
        out.append(f"== {a.id}: {a.name}")
        out.append(f"   current {a.level} - {flag}; inherent {a.inherent_level}, planned {a.planned_level}, "
                   f"target {a.target_level}")
        s = a.screening
        out.append(f"   screening: {s['summary']}")
        for c in s["criteria"]:
            out.append(f"     [{c['id']}] {c['name']} ({c['source']}): {c['evidence']}")

        def fmt(head: str, steps: list[tuple[str, str, str, str]]) -> list[str]:
            lines = [f"   {head}"]
            lines += [f"     {axis:<10} {move:<22} {reason}" for axis, move, _rule, reason in steps]
            return lines
        out += _event_blocks(a, fmt)
        plan = _plan_lines(result, a.id)
        if plan:
            out.append("   actions:")
            out += [f"     - {line}" if not line.startswith("=>") else f"     {line}" for line in plan]
        out.append("")
    return "\n".join(out).rstrip() + "\n"


def render_markdown(result: Assessment) -> str:
    """The same report in Markdown (for a pull request, a wiki or the report)."""
    from pia.output import md_escape, render_markdown_table

    out = [f"# Risk assessment: {md_escape(result.service)}", "",
           (f"- Method: **{md_escape(result.method_title)}** (`{result.method}`). Source: "
            f"{md_escape(result.method_source)}."),
           f"- {md_escape(_threshold_line(result))}.",
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
    if result.assumptions:
        out += ["## Assumptions to confirm", ""] + [f"- {md_escape(x)}" for x in _assumption_lines(result)] + [""]
    rows = [{"activity": a.id, "screening": _screening_short(a), "inherent": a.inherent_level, "current": a.level,
             "planned": a.planned_level, "target": a.target_level,
             "verdict": "**unacceptable**" if a.unacceptable else "acceptable"} for a in result.activities]
    out.append(render_markdown_table(rows, ["activity", "screening", "inherent", "current", "planned", "target",
                                            "verdict"]))
    if result.service_factors:
        out += ["## Service-level findings", ""] + [f"- {md_escape(f)}" for f in result.service_factors] + [""]
    if result.actions:
        out += ["## Action plan", ""]
        for act in result.actions:
            out.append(f"### {act.activity} (current {act.level}, after the plan {act.level_after})")
            out.append("")
            rows = [{"measure": m.measure, "name": m.name, "now": m.status, "clauses": ", ".join(m.clauses)}
                    for m in [*act.planned, *act.measures]]
            rows += [{"measure": e.evidence, "name": e.remedy, "now": "finding", "clauses": ""} for e in act.evidence]
            if rows:
                out.append(render_markdown_table(rows, ["measure", "name", "now", "clauses"]))
            out += [md_escape(act.note), ""]
    out += ["## Activities", ""]
    for a in result.activities:
        out += [f"### {a.id}: {md_escape(a.name)}", "",
                (f"Current **{a.level}**{' (unacceptable)' if a.unacceptable else ''}; inherent {a.inherent_level}, "
                 f"planned {a.planned_level}, target {a.target_level}."), ""]
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
