"""Text and Markdown renderings of an `Assessment`: the VII.2(5) state, the four stages, the reasons and the plan.

Names of feared events, stages and measures come from the catalogue file (pia/data/measures.yaml); level
names from the method. A sentence is produced here, once, and never parsed back.
"""
from __future__ import annotations

import re
from collections.abc import Callable

from pia.declare.measures import load_catalogue, load_measures
from pia.declare.findings import SEVERITY_HEADINGS, LegalFinding
from pia.i18n import N_, Message, _, current_language, localize, pick
from pia.risk.scoring import ActivityRisk, Assessment, Stage, Step, verdict_sentence
from pia.risk.screening import GBT39335_CRITERIA

STAGES = (Stage.inherent, Stage.current, Stage.planned, Stage.target)

# Words for the reader (marked for the catalogs); JSON keeps the ids.
STAGE_WORDS = {"inherent": N_("inherent"), "current": N_("current"), "planned": N_("planned"), "target": N_("target")}
AXIS_WORDS = {"impact": N_("impact"), "likelihood": N_("likelihood")}
STATUS_WORDS = {"implemented": N_("implemented"), "improvable": N_("improvable"), "planned": N_("planned"),
                "missing": N_("missing"), "not_applicable": N_("not_applicable"),
                "not_assessed": N_("not_assessed"), "not effective": N_("not effective")}
TABLE_KEYS = ["activity", "screening", "inherent", "current", "planned", "target", "verdict"]
COLUMN_WORDS = {"activity": N_("activity"), "screening": N_("screening"), "inherent": N_("inherent"),
                "current": N_("current"), "planned": N_("planned"), "target": N_("target"), "verdict": N_("verdict"),
                "measure": N_("measure"), "name": N_("name"), "now": N_("now"), "clauses": N_("clauses"),
                "id": N_("id"), "source": N_("source"), "evidence": N_("evidence"), "axis": N_("axis"),
                "level": N_("level"), "rule": N_("rule"), "reason": N_("reason")}
# Words the engines put in their sentences as ids (`Term`: levels, statuses, data subjects, recipient types and
# flows) and the source of the GB/T screening criteria; the level words are marked in pia.report.names.
ENGINE_WORDS = (N_("disappearance"), N_("minors"), N_("processor"), N_("partner"), N_("acquirer"), N_("authority"),
                N_("share"), N_("transfer"), N_("disclosure"), N_("not assessed"), N_("customers"), N_("bystanders"),
                N_("website visitors"), N_("GB/T 39335-2020 (high-risk processing)"))
# The kinds of dataset evidence: titles and sources (pia/data/evidence_events.yaml), shown in likelihood reasons.
EVIDENCE_KINDS = (
    N_("data stored without the protection promised"),
    N_("pia default: a readable secret or an unencrypted record is what an attacker or insider reads "
       "(confidentiality, not quality)"),
    N_("identifier shared by several rows"),
    N_("pia default: a duplicated identifier lets one person's records reach, or be changed by, another"),
    N_("malformed, missing or orphaned values"),
    N_("pia default: a format, presence or reference defect is an accuracy and integrity matter (unwanted "
       "modification), not a way in"),
    N_("processing without a valid consent"),
    N_("pia default: processing no consent covers is use nobody entitled the service to: illegitimate access"
       " by the service itself"),
    N_("data kept beyond its period"),
    N_("pia default: data kept past its period stays exposed to every risk source for longer"),
    N_("data provided outside the declared recipients, groups or bases"),
    N_("pia default: data that reaches an undeclared recipient, group or basis is held by third parties the "
       "assessment did not count"),
    N_("rights requests answered late or refused without a ground"),
    N_("pia default: a late or ungrounded answer is a compliance finding, not one of the three feared "
       "events; listed, not scored"),
    N_("checks of unknown template"),
    N_("pia default: evidence the kit cannot classify counts as a weakness of the security situation"),
)
# The shipped methods' sources (pia/data/methods/*.yaml `source`); a method file's own source passes through.
METHOD_SOURCES = (
    N_("CNIL PIA Methodology (2018) (severity and likelihood scales 1-4 and risk map)"),
    N_("GB/T 39335-2020 Annex D; GB/T 39335-2020 Table D.5 (impact on personal rights x likelihood of a security "
       "event)"),
    N_("ICO sample DPIA template (likelihood remote/possible/probable x severity minimal/significant/severe); ICO "
       "DPIA guidance, at a glance (high risk from a high chance of some harm or a lower chance of serious harm)"))


def _lv(level: str | None) -> str:
    """A level for the reader: its words in the language in force (`very_high` -> `very high`, 很高 in Chinese)."""
    return "-" if level is None else _(level.replace("_", " "))


def event_titles() -> dict[str, str]:
    """Feared event id -> name, from the catalogue file."""
    return {t.id: _(t.title) for t in load_catalogue().feared_events}


def measure_name(mid: str) -> str:
    """People's name of a shipped measure (its id for a manifest's own measure)."""
    m = load_measures().get(mid)
    return _name(m.name) if m else mid


_CITED = re.compile(r"^(?P<cite>[^()]+?) \((?P<text>[^()]+)\)$")


def _cited(source: str) -> str:
    """A step's source for the reader: a message localized; `CITATION (words)` parts with their words translated.

    Sources taken from data (the taxonomy's bases) are plain strings; the catalog knows their words
    (pia.report.names.BASIS_TEXTS), the citations stay as they are.
    """
    if isinstance(source, Message) or current_language() == "en":
        return localize(source)
    parts = []
    for part in source.split("; "):
        m = _CITED.match(part)
        parts.append(f"{m.group('cite')}（{_(m.group('text'))}）" if m and _(m.group("text")) != m.group("text")
                     else part)
    return "；".join(parts) if parts != source.split("; ") else source


def _pad(text: str, width: int) -> str:
    """`text` padded to `width` terminal columns (a CJK character takes two)."""
    from pia.output import _width

    return text + " " * max(0, width - _width(text))


def _name(name: str) -> str:
    """A measure's name for the reader: a manifest's bilingual name picked, the catalogue's English name translated."""
    text = pick(name) or ""
    return _(text) if text else ""


def _screening_short(a: ActivityRisk) -> str:
    s = a.screening
    screened = s.get("frameworks")  # absent in older assessments: WP248 was always shown
    parts = []
    if screened is None or "wp248" in screened:
        parts.append(f"WP248 {s['wp248_met']}/9")
    elif "gbt39335" in screened:
        # a service outside the GDPR is not screened against WP248: "WP248 0/9" would read as "no criterion met"
        parts.append(f"GB/T 39335 {s['gbt39335_met']}/{GBT39335_CRITERIA}")
    pipl = [c["source"].replace("PIPL Art. ", "") for c in s["criteria"] if c["framework"] == "pipl55"]
    if pipl:
        parts.append("PIPL " + ",".join(dict.fromkeys(pipl)))
    if s.get("pwd_met"):  # Directive (EU) 2024/2831 Art. 8: a DPIA whatever the WP248 count
        parts.append("PWD Art. 8")
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
    return st.axis, move, st.rule, f"{localize(st.reason)} [{_cited(st.source)}]"


def _stage_line(a: ActivityRisk, event: str) -> str:
    parts = []
    for s in STAGES:
        sc = a.stages[s][event]  # type: ignore[index]
        parts.append(f"{_(STAGE_WORDS[s.value])} {_lv(sc.impact)} x {_lv(sc.likelihood)} = {_lv(sc.level)}")
    return "; ".join(parts)


def _event_blocks(a: ActivityRisk, fmt: Callable[[str, list[tuple[str, str, str, str]]], list[str]]) -> list[str]:
    """Current-stage steps of illegitimate access in full; of the other events only where they differ."""
    current = _steps_by_event(a, Stage.current)
    lines: list[str] = []
    reference = current.get("illegitimate_access", [])
    for event, title in event_titles().items():
        r = a.residual[event]  # type: ignore[index]
        head = _("{title}: current {impact} x {likelihood} = {level} ({stages})", title=title, impact=_lv(r.impact),
                 likelihood=_lv(r.likelihood), level=_lv(r.level).upper(), stages=_stage_line(a, event))
        steps = current.get(event, [])
        if event != "illegitimate_access":
            same = {_key(s) for s in reference}
            steps = [s for s in steps if _key(s) not in same]
            head += _("; steps as above except:") if steps else _("; steps as above")
        lines.extend(fmt(head, [_step_line(s) for s in steps]))
    return lines


def scale_note(result: Assessment) -> str:
    """How the explanation steps (internal scale) map onto the method, or '' when they are the method's levels."""
    parts = []
    for axis in ("impact", "likelihood"):
        mapping = result.scale[axis]
        if any(k != v for k, v in mapping.items()):
            parts.append(f"{_(AXIS_WORDS[axis])} " + ", ".join(f"{_lv(k)}={_lv(v)}" for k, v in mapping.items()))
    if not parts:
        return ""
    return _("Steps are on the kit's internal four-level scale, mapped onto this method as: {mapping}.",
             mapping="; ".join(parts))


def _threshold_line(result: Assessment) -> str:
    return _("Unacceptable from: {threshold}, {source}", threshold=_lv(result.threshold),
             source=localize(result.threshold_source))


def _assumption_lines(result: Assessment) -> list[str]:
    out = []
    for x in result.assumptions:  # pia.declare.assumptions.Assumption: about, why, undisclosed
        where = x.get("about") or x.get("path") or ""
        text = pick(x.get("why") or x.get("text") or "") or ""
        flag = _(" (the service's practice; the policy does not disclose it)") if x.get("undisclosed") else ""
        out.append(f"{where}: {text}{flag}".strip(": ") if where or text else str(x))
    return out


def applicability_lines(a: ActivityRisk) -> list[str]:
    """The measures the activity's facts give nothing to protect (not proposed, not counted), and any override."""
    out = []
    derived = [u for u in a.measures if not u.applies_by_facts and u.status.value == "not_applicable"]
    if derived:
        out.append(_("measures the facts give nothing to protect (not proposed, not counted as missing):"))
    for u in derived:
        out.append(f"  {u.measure} - {measure_name(u.measure)}: {localize(u.applicability)}")
    overridden = [u for u in a.measures if not u.applies_by_facts and u.status.value != "not_applicable"]
    for u in overridden:
        out.append(_("declared {status} although the facts give it nothing to protect (the declaration counts): "
                     "{measure} - {name}: {reason}", status=_(STATUS_WORDS.get(u.status.value, u.status.value)),
                     measure=u.measure, name=measure_name(u.measure), reason=localize(u.applicability)))
    return out


def _plan_lines(result: Assessment, activity: str) -> list[str]:
    act = next((x for x in result.actions if x.activity == activity), None)
    if act is None:
        return []
    out = []
    for m in act.planned:
        out.append(_("carry out (planned): {measure} - {name}", measure=m.measure, name=_name(m.name)))
    for m in act.measures:
        note = f"; {_name(m.note)}" if m.note else ""
        clauses = _(", policy {clauses}", clauses=", ".join(m.clauses)) if m.clauses else ""
        status = _(STATUS_WORDS.get(str(m.status), str(m.status))).replace("_", " ")
        # a measure another party answers for: the controller obtains assurance from it (GDPR Art. 28(3)(c), (h))
        if m.responsible:
            out.append(_("obtain assurance from {responsible}: {measure} - {name} (outside this assessment's "
                         "scope{clauses}){note}", responsible=m.responsible, measure=m.measure, name=pick(m.name),
                         clauses=clauses, note=note))
        # a measure nobody assessed may already be in place: the assessor checks before adding it
        elif m.status == "not_assessed":
            out.append(_("assess, else add: {measure} - {name} (now {status}{clauses}){note}", measure=m.measure,
                         name=_name(m.name), status=status, clauses=clauses, note=note))
        else:
            out.append(_("add: {measure} - {name} (now {status}{clauses}){note}", measure=m.measure,
                         name=_name(m.name), status=status, clauses=clauses, note=note))
    for e in act.evidence:
        out.append(_("remedy: {remedy}", remedy=localize(e.remedy)))
    out.append(f"=> {localize(act.note)}")
    return out


def _findings_by_severity(result: Assessment) -> list[tuple[str, list[LegalFinding]]]:
    """The manifest's lint findings under their severity's heading (in the language in force), errors first."""
    return [(_(head), found) for level, head in SEVERITY_HEADINGS.items()
            if (found := [f for f in result.legal_findings if f.severity is level])]


def render_text(result: Assessment) -> str:
    """The terminal report: the VII.2(5) state, a table of the four stages, then per activity reasons and plan."""
    from pia.output import render_table

    out = [_("Risk assessment of {service} ({manifest})", service=pick(result.service), manifest=result.manifest),
           _("Method: {title} [{method}]", title=_(result.method_title), method=result.method),
           _threshold_line(result),
           _("Source: {source}", source=_(result.method_source))]
    if result.evidence:
        items = [_("{source} ({kind}, {n} findings)", source=e.source, kind=e.kind, n=e.findings)
                 for e in result.evidence]
        out.append(_("Evidence: {items}", items="; ".join(items)))
    else:
        out.append(_("Evidence: none (manifest facts only; add --evidence with pia validate / pia scan JSON)"))
    if scale_note(result):
        out.append(scale_note(result))
    out += ["", (_("VERDICT: HIGH RISK") if result.high_risk else _("VERDICT: not high risk")),
            localize(verdict_sentence(result)), ""]
    if result.legal_findings:
        out.append(_("Legal findings to act on:"))
        for head, found in _findings_by_severity(result):
            out.append(f"  {head}")
            out += ["    - " + _("{message} [{sources}]", message=localize(f.message), sources=_("; ").join(f.sources))
                    for f in found]
        out.append("")
    if result.assumptions:
        out.append(_("Assumptions to confirm (the verdict rests on them):"))
        out += [f"  - {line}" for line in _assumption_lines(result)]
        out.append("")
    rows = [{"activity": a.id, "screening": _screening_short(a), "inherent": _lv(a.inherent_level),
             "current": _lv(a.level), "planned": _lv(a.planned_level), "target": _lv(a.target_level),
             "verdict": _("UNACCEPTABLE") if a.unacceptable else _("acceptable")} for a in result.activities]
    out.append(render_table(rows, TABLE_KEYS, [_(COLUMN_WORDS[k]) for k in TABLE_KEYS], max_width=40))
    if result.service_factors:
        out.append(_("Service-level findings:"))
        out += [f"  - {localize(f)}" for f in result.service_factors]
        out.append("")
    for a in result.activities:
        flag = _("UNACCEPTABLE (>= {threshold})", threshold=_lv(result.threshold)) if a.unacceptable else _("acceptable")
        out.append(f"== {a.id}: {pick(a.name)}")
        out.append("   " + _("current {level} - {flag}; inherent {inherent}, planned {planned}, target {target}",
                             level=_lv(a.level), flag=flag, inherent=_lv(a.inherent_level), planned=_lv(a.planned_level),
                             target=_lv(a.target_level)))
        s = a.screening
        out.append("   " + _("screening: {summary}", summary=localize(s["summary"])))
        for c in s["criteria"]:
            out.append(f"     [{c['id']}] {_(c['name'])} ({_(c['source'])}): {localize(c['evidence'])}")
        for f in a.consent_findings:
            out.append("   " + _("consent: {message} [{source}]", message=localize(f.message), source=_cited(f.source)))

        out += [f"   {line}" for line in applicability_lines(a)]

        def fmt(head: str, steps: list[tuple[str, str, str, str]]) -> list[str]:
            lines = [f"   {head}"]
            lines += [f"     {_pad(_(AXIS_WORDS.get(axis, axis)), 10)} {_pad(move, 22)} {reason}"
                      for axis, move, _rule, reason in steps]
            return lines
        out += _event_blocks(a, fmt)
        plan = _plan_lines(result, a.id)
        if plan:
            out.append("   " + _("actions:"))
            out += [f"     - {line}" if not line.startswith("=>") else f"     {line}" for line in plan]
        out.append("")
    return "\n".join(out).rstrip() + "\n"


def render_markdown(result: Assessment) -> str:
    """The same report in Markdown (for a pull request, a wiki or the report)."""
    from pia.output import md_escape, render_markdown_table

    out = ["# " + _("Risk assessment: {service}", service=md_escape(pick(result.service))), "",
           "- " + _("Method: **{title}** (`{method}`). Source: {source}.", title=md_escape(_(result.method_title)),
                    method=result.method, source=md_escape(_(result.method_source))),
           f"- {md_escape(_threshold_line(result))}.",
           "- " + _("Manifest: `{manifest}`", manifest=result.manifest) + (f" (sha256 `{result.manifest_sha256[:12]}…`)"
                                                                          if result.manifest_sha256 else "")]
    if result.evidence:
        out += ["- " + _("Evidence: `{source}` ({kind}, {n} findings)", source=e.source, kind=e.kind, n=e.findings)
                for e in result.evidence]
    else:
        out.append("- " + _("Evidence: none (manifest facts only)"))
    if scale_note(result):
        out.append(f"- {md_escape(scale_note(result))}")
    out += ["", "## " + _("Verdict: {verdict}", verdict=_("**HIGH RISK**") if result.high_risk else _("not high risk")),
            "", md_escape(localize(verdict_sentence(result))), ""]
    if result.legal_findings:
        out += ["## " + _("Legal findings to act on"), ""]
        for head, found in _findings_by_severity(result):
            out += [f"**{md_escape(head)}**", ""]
            out += ["- " + _("{message} [{sources}]", message=md_escape(localize(f.message)),
                             sources=md_escape(_("; ").join(f.sources))) for f in found] + [""]
    if result.assumptions:
        out += ["## " + _("Assumptions to confirm"), ""] + [f"- {md_escape(x)}" for x in _assumption_lines(result)] + [""]
    rows = [{"activity": a.id, "screening": _screening_short(a), "inherent": _lv(a.inherent_level),
             "current": _lv(a.level), "planned": _lv(a.planned_level), "target": _lv(a.target_level),
             "verdict": _("**unacceptable**") if a.unacceptable else _("acceptable")} for a in result.activities]
    out.append(render_markdown_table(rows, TABLE_KEYS, [_(COLUMN_WORDS[k]) for k in TABLE_KEYS]))
    if result.service_factors:
        out += ["## " + _("Service-level findings"), ""] + [f"- {md_escape(localize(f))}" for f in result.service_factors] + [""]
    if result.actions:
        out += ["## " + _("Action plan"), ""]
        for act in result.actions:
            out.append("### " + _("{activity} (current {level}, after the plan {after})", activity=act.activity,
                                  level=_lv(act.level), after=_lv(act.level_after)))
            out.append("")
            rows = [{"measure": m.measure, "name": _name(m.name), "now": _(STATUS_WORDS.get(str(m.status), str(m.status))),
                     "clauses": ", ".join(m.clauses)} for m in [*act.planned, *act.measures]]
            rows += [{"measure": e.evidence, "name": localize(e.remedy), "now": _("finding"), "clauses": ""}
                     for e in act.evidence]
            if rows:
                keys = ["measure", "name", "now", "clauses"]
                out.append(render_markdown_table(rows, keys, [_(COLUMN_WORDS[k]) for k in keys]))
            out += [md_escape(localize(act.note)), ""]
    out += ["## " + _("Activities"), ""]
    for a in result.activities:
        out += [f"### {a.id}: {md_escape(pick(a.name))}", "",
                _("Current **{level}**{flag}; inherent {inherent}, planned {planned}, target {target}.",
                  level=_lv(a.level), flag=_(" (unacceptable)") if a.unacceptable else "",
                  inherent=_lv(a.inherent_level), planned=_lv(a.planned_level), target=_lv(a.target_level)), ""]
        s = a.screening
        out.append(_("Screening: {summary}.", summary=md_escape(localize(s["summary"]))))
        out.append("")
        if s["criteria"]:
            keys = ["id", "name", "source", "evidence"]
            criteria = [{"id": c["id"], "name": _(c["name"]), "source": _(c["source"]),
                         "evidence": localize(c["evidence"])} for c in s["criteria"]]
            out.append(render_markdown_table(criteria, keys, [_(COLUMN_WORDS[k]) for k in keys]))
        if a.consent_findings:
            out += ["", *(("- " + _("Consent: {message} [{source}]", message=md_escape(localize(f.message)),
                                    source=md_escape(_cited(f.source)))) for f in a.consent_findings), ""]

        lines = applicability_lines(a)
        if lines:
            out += [f"  - {md_escape(line.strip())}" if line.startswith("  ") else f"- {md_escape(line)}"
                    for line in lines] + [""]

        def fmt(head: str, steps: list[tuple[str, str, str, str]]) -> list[str]:
            lines = [f"**{md_escape(head)}**", ""]
            if steps:
                keys = ["axis", "level", "rule", "reason"]
                lines.append(render_markdown_table(
                    [{"axis": _(AXIS_WORDS.get(x, x)), "level": m.replace("->", "→"), "rule": r, "reason": why}
                     for x, m, r, why in steps], keys, [_(COLUMN_WORDS[k]) for k in keys]))
            return lines
        out += _event_blocks(a, fmt)
    return "\n".join(out).rstrip() + "\n"
