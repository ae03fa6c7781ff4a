"""The report's sections as HTML, rendered from Jinja2 templates (`pia/data/report/sections/`, autoescape on).

Functions here turn the gathered documents into plain values (names, never ids); the templates lay them out and
escape every value; the draft notice goes through mistune with raw HTML escaped. The notebook displays the strings
with `pia.report.run.show`.
"""
from __future__ import annotations

import html
from collections.abc import Mapping
from functools import lru_cache
from typing import Any

from pia import config
from pia.report.data import ReportData, change_phrase, trigger_text
from pia.report.names import (
    CONTROL_ACTIONS,
    control_name,
    event_name,
    framework_name,
    level_name,
    main_factors,
    words,
)

SECTIONS_DIR = config.PACKAGE_DATA / "report" / "sections"
BREAK = "<!-- pia:figures -->"
TOP_ACTIONS = 8  # rows of the action plan in the management part: what fits its two A4 pages
AT_RISK_ROWS = 8  # activities named in the verdict's table; the others are in the appendix's risk table
ALONE = "alone: no change"
# Stages of the risk, in the order the assessment runs them; the current engine gives inherent and residual.
STAGES = (("inherent", "Inherent"), ("current", "Current"), ("residual", "Current"), ("planned", "Planned"),
          ("target", "Target"))


def esc(value: Any) -> str:
    """Escape text from inputs for HTML (element names, descriptions, reasons)."""
    return html.escape("" if value is None else str(value), quote=True)


@lru_cache(maxsize=1)
def _env() -> Any:
    import jinja2

    return jinja2.Environment(loader=jinja2.FileSystemLoader(str(SECTIONS_DIR)), autoescape=True,
                              undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True)


def render(template: str, **context: Any) -> str:
    """Render one section template with autoescape on."""
    return str(_env().get_template(template).render(**context))


# --------------------------------------------------------------------------- levels and names


def _level_class(level: str, grid: Mapping[str, Any]) -> str:
    levels = list(grid.get("risk_levels", []))
    if level not in levels:
        return "lvl-unknown"
    unacceptable = levels.index(grid["unacceptable_from"]) if grid.get("unacceptable_from") in levels else len(levels)
    i = levels.index(level)
    return "lvl-high" if i >= unacceptable else ("lvl-mid" if i >= max(unacceptable - 1, 1) else "lvl-low")


def _rank_of(level: str, grid: Mapping[str, Any]) -> int:
    levels = list(grid.get("risk_levels", []))
    return levels.index(level) if level in levels else -1


def _stage_map(act: Mapping[str, Any], stage: str) -> Mapping[str, Any]:
    """The risk per feared event at one stage: from `stages` (the four-stage assessment) or the activity itself."""
    stages = act.get("stages")
    if isinstance(stages, Mapping) and isinstance(stages.get(stage), Mapping):
        return stages[stage]
    return act[stage]


def _worst(act: Mapping[str, Any], which: str, grid: Mapping[str, Any]) -> dict[str, str]:
    from pia.report.figures import worst_event

    return worst_event(_stage_map(act, which), grid["risk_levels"])


def _current(act: Mapping[str, Any]) -> str:
    """The stage that holds the current risk (`current` in the four-stage assessment, `residual` before it)."""
    stages = act.get("stages")
    if isinstance(stages, Mapping) and isinstance(stages.get("current"), Mapping):
        return "current"
    return "current" if isinstance(act.get("current"), Mapping) else "residual"


def _activity_names(r: ReportData) -> dict[str, str]:
    names = {row["activity"]: row.get("activity_name") or row["activity"] for row in r.inventory.get("rows", [])}
    names.update({a["id"]: a.get("name") or a["id"] for a in r.assessment.get("activities", [])})
    return names


def _numbers(r: ReportData) -> dict[str, int]:
    """The number each activity carries on the risk map and in the risk table (activities by id)."""
    from pia.report.figures import activity_numbers

    return activity_numbers(r.assessment)


def _join_names(items: list[str], limit: int = 3) -> str:
    shown = items[:limit]
    return "; ".join(shown) + (f" and {len(items) - limit} more" if len(items) > limit else "")


# --------------------------------------------------------------------------- action plan


def _risk_actions(r: ReportData) -> tuple[list[dict[str, str]], str]:
    """One action per control the risk engine proposes, over every activity it helps, and what all of them do."""
    grid, names = r.grid, _activity_names(r)
    threshold = level_name(r.assessment.get("threshold") or grid.get("unacceptable_from", ""), grid)
    by_control: dict[str, dict[str, Any]] = {}
    below_all: list[bool] = []
    after_all: set[str] = set()
    for a in r.assessment.get("actions", []):
        act, level = str(a.get("activity", "")), str(a.get("level", ""))
        # Two shapes: per-control effects (`controls`, `level_after_all`), or the smallest set of measures with
        # the planned ones (`measures`, `planned`, `level_after`, `reaches_acceptable`) of the four-stage engine.
        set_after = str(a.get("level_after_all") or a.get("level_after") or "")
        below_all.append(bool(a.get("below_threshold_after_all", a.get("reaches_acceptable"))))
        if set_after:
            after_all.add(set_after)
        items = [dict(c, key=c.get("control")) for c in a.get("controls", []) or [] if isinstance(c, Mapping)]
        items += [dict(c, key=c.get("measure")) for c in (a.get("measures") or []) + (a.get("planned") or [])
                  if isinstance(c, Mapping)]
        for c in items:
            entry = by_control.setdefault(str(c["key"]), {"acts": [], "effects": {}, "planned": 0, "clauses": set(),
                                                          "note": c.get("note", ""), "name": c.get("name")})
            entry["acts"].append(names.get(act, act))
            entry["planned"] += c.get("status") == "planned"
            for clause in ([c["clause"]] if c.get("clause") else []) + list(c.get("clauses") or []):
                entry["clauses"].add(str(clause))
            if "level_after" in c:  # this control alone
                after = str(c.get("level_after") or level)
                change = (f"{level_name(level, grid)} → {level_name(after, grid)}"
                          if c.get("lowers") and after != level else ALONE)
            else:  # the set of measures listed for the activity, together
                change = (f"{level_name(level, grid)} → {level_name(set_after, grid)} with the other measures listed"
                          if set_after and set_after != level else ALONE)
            entry["effects"].setdefault(change, []).append(names.get(act, act))
    ranked: list[tuple[tuple[int, int, str], dict[str, str]]] = []
    for control, e in by_control.items():
        n = len(e["acts"])
        # What the measure alone does: the risk it lowers first, then where it only helps with the others.
        lowered = sorted(((c, acts) for c, acts in e["effects"].items() if c != ALONE), key=lambda kv: -len(kv[1]))
        parts = [f"{change} ({len(acts)})" if n > 1 else change for change, acts in lowered]
        if ALONE in e["effects"]:
            k = len(e["effects"][ALONE])
            parts.append(f"{k} more only together with the other measures" if lowered
                         else f"lowers the risk only together with the other measures ({k})" if n > 1
                         else "lowers the risk only together with the other measures")
        effect = "; ".join(parts)
        e["lowers"] = sum(len(acts) for _, acts in lowered)
        planned = f"; planned for {e['planned']} of {n}, not yet in place" if e["planned"] else ""
        clauses = ", ".join(sorted(e["clauses"]))
        ranked.append(((-e["lowers"], -n, control), {
                        "priority": "1",
                        "what": CONTROL_ACTIONS.get(control) or f"Put in place: {e['name'] or control_name(control)}",
                        "detail": str(e["note"] or ""),
                        "where": _join_names(e["acts"]),
                        "why": f"risk at or above {threshold} in {n} activit{'ies' if n != 1 else 'y'}"
                               + (f" (clause {clauses})" if clauses else "") + planned,
                        "effect": effect}))
    # The measures that lower the most risks on their own first, then those helping the most activities.
    actions = [a for _, a in sorted(ranked, key=lambda x: x[0])]
    together = ""
    if by_control and below_all and all(below_all):
        levels = sorted(after_all, key=lambda lv: _rank_of(lv, grid))
        worst = level_name(levels[-1], grid) if levels else ""
        together = (f"Together, these {len(by_control)} risk measures bring every activity below {threshold}"
                    + (f" (at most {worst})." if worst else "."))
    return actions, together


def action_plan(r: ReportData) -> list[dict[str, str]]:
    """Actions in priority order: lower unacceptable risks, meet the notification duty, fix the data, minimise.

    Each entry has plain-text `priority`, `what`, `detail`, `where`, `why` and `effect` (the templates escape
    them). Risk measures are grouped by control over the activities they help; failed dataset checks and
    declared-but-not-found categories are grouped into one action each (their detail is in the appendix).
    """
    actions, _ = _risk_actions(r)
    n = r.notification()
    if n["required"]:
        channels = ", ".join(n["channels"]) or "the channels the policy names"
        if r.review and r.review.get("triggers"):
            what = (f"Notify every user actively ({channels}) before the changes take effect"
                    + (", with the draft notice in the appendix" if r.notice_markdown else ""))
        else:  # no proposed change: the high-risk finding itself is the significant change of VII.2(5)
            what = (f"Notify every user actively ({channels}) of the high risk this assessment finds "
                    "(VII.2(5) counts it as a significant change); no proposed change was reviewed, so no "
                    "draft notice is shown")
        actions.append({"priority": "2", "what": what, "detail": "", "where": "all users",
                        "why": "; ".join(x["clause"] for x in n["reasons"]),
                        "effect": "users informed as VII.2 requires"})
    if n["reconsent_required"]:
        actions.append({"priority": "2", "what": "Ask for fresh consent before the new processing starts",
                        "detail": "", "where": "affected users", "why": "; ".join(n["reconsent_reasons"]),
                        "effect": "processing stays within consent"})
    failed = [c for c in (r.validation or {}).get("checks", []) if c.get("status") == "fail"]
    if failed:
        rows = sum(int(c.get("failed_rows") or 0) for c in failed)
        clauses = sorted({x.strip() for c in failed for x in str(c.get("clause", "")).split(",") if x.strip()},
                         key=_clause_key)
        datasets = sorted({words(c.get("dataset", "")) for c in failed})
        actions.append({"priority": "3",
                        "what": f"Correct {rows:,} record{'s' if rows != 1 else ''} that break "
                                f"{len(failed)} of the policy's promises",
                        "detail": ", ".join(words(c["id"]) for c in failed[:6]) + (" …" if len(failed) > 6 else ""),
                        "where": ", ".join(datasets), "why": "clauses " + ", ".join(clauses),
                        "effect": "promises kept by the data; lower likelihood"})
    rec = (r.scan or {}).get("reconciliation") or {}
    for item in rec.get("undeclared", []) or []:
        actions.append({"priority": "3", "what": f"Disclose or stop collecting {_category(item.get('category'))}",
                        "detail": "", "where": ", ".join(item.get("where", [])),
                        "why": f"undisclosed collection (clause {item.get('clause', 'I')})",
                        "effect": "inventory matches the data"})
    for item in rec.get("plaintext_sensitive", []) or []:
        actions.append({"priority": "3", "what": f"Encrypt or hash {_category(item.get('category'))} at rest",
                        "detail": "", "where": ", ".join(item.get("where", [])),
                        "why": f"sensitive data stored in plaintext (clause {item.get('clause', 'III.3')})",
                        "effect": "encryption claim holds"})
    missing = rec.get("not_found", []) or []
    if missing:
        actions.append({"priority": "4",
                        "what": f"Confirm that {len(missing)} declared data categor"
                                f"{'ies are' if len(missing) != 1 else 'y is'} still needed",
                        "detail": "", "where": ", ".join(_category(i.get("category")) for i in missing[:4])
                        + (" …" if len(missing) > 4 else ""),
                        "why": "declared but found in no scanned table (minimisation)", "effect": "less data held"})
    return actions


def _category(key: Any) -> str:
    """A taxonomy key as words: its last two parts (`user.contact.email` -> `contact email`)."""
    parts = str(key or "").split(".")
    return words(" ".join(parts[-2:]) if len(parts) > 2 else parts[-1])


def _clause_key(clause: str) -> tuple[int, str]:
    order = ["preamble", "I", "II", "III", "IV", "V", "VI", "VII", "VIII"]
    head = clause.split(".")[0].split("(")[0]
    return (order.index(head) if head in order else len(order), clause)


# --------------------------------------------------------------------------- the management part


def summary_html(r: ReportData) -> str:
    """The management part (two A4 pages): verdict and why, notification decision, key figures, top actions."""
    grid, a = r.grid, r.assessment
    acts = sorted(a.get("activities", []), key=lambda x: x["id"])
    names = _activity_names(r)
    method = str(grid["name"])
    threshold = level_name(grid["unacceptable_from"], grid)
    at_risk = []
    for x in acts:
        worst = _worst(x, _current(x), grid)
        if _level_class(worst["level"], grid) == "lvl-high":
            why = main_factors(x, worst["event"], _current(x), limit=3, names=r.names)
            at_risk.append({"id": x["id"], "name": names.get(x["id"], x["id"]), "rank": _rank_of(worst["level"], grid),
                            "level": level_name(worst["level"], grid), "cls": _level_class(worst["level"], grid),
                            "event": event_name(worst["event"]), "why": ", ".join(why)})
    at_risk.sort(key=lambda x: (-x["rank"], x["name"]))
    basis = ""
    if r.manifest_only is not None:  # the data evidence changed the inputs: say what the manifest alone gives
        mo = [x for x in r.manifest_only.get("activities", [])
              if _level_class(_worst(x, _current(x), grid)["level"], grid) == "lvl-high"]
        basis = (", with the evidence from the service's data (dataset checks and discovery scan); from the "
                 f"manifest alone, {len(mo)} of {len(r.manifest_only.get('activities', []))} do")
    if at_risk:
        verdict_text = (f"{len(at_risk)} of {len(acts)} processing activities keep a risk of {threshold} or more, "
                        f"the level {method} does not accept{basis}.")
    else:
        verdict_text = f"None of the {len(acts)} processing activities keeps a risk of {threshold} or more ({method}){basis}."
    n = r.notification()
    notify = {"required": n["required"], "reasons": n["reasons"], "reconsent": n["reconsent_required"],
              "answer": ("Yes: " + ", ".join(n["channels"]) if n["channels"] else "Yes") if n["required"] else "No"}
    checks = (r.validation or {}).get("checks", [])
    failed = [c for c in checks if c.get("status") == "fail"]
    rec = (r.scan or {}).get("reconciliation") or {}
    elements = r.inventory.get("data_elements", [])
    kpis = [
        {"n": len(acts), "label": "processing activities", "sub": f"{len(at_risk)} at unacceptable risk"},
        {"n": len(elements), "label": "data elements",
         "sub": f"{sum(1 for e in elements if e.get('sensitive'))} sensitive"},
        {"n": len(r.inventory.get("recipients", [])), "label": "recipients", "sub": "sharing, transfer, disclosure"},
        {"n": f"{len(failed)}/{len(checks)}" if checks else "—", "label": "dataset checks failed",
         "sub": f"{sum(int(c.get('failed_rows') or 0) for c in failed):,} failing records" if checks
         else "no data checked"},
        {"n": len(rec.get("undeclared", []) or []) if r.scan else "—", "label": "undeclared data categories",
         "sub": "found in the data, not in the policy" if r.scan else "no data scanned"},
        {"n": len((r.review or {}).get("triggers", [])) if r.review else "—", "label": "significant-change triggers",
         "sub": f"{len((r.review or {}).get('changes', []))} changes reviewed" if r.review else "no proposed version"},
    ]
    plan = action_plan(r)
    _, together = _risk_actions(r)
    return render("management.html.j2", service=r.service, as_of=r.params["as_of"], method=method,
                  high_risk=r.high_risk, verdict_text=verdict_text, at_risk=at_risk[:AT_RISK_ROWS], notify=notify,
                  reviewed=bool(r.review), kpis=kpis, actions=plan[:TOP_ACTIONS], together=together,
                  more_at_risk=max(len(at_risk) - AT_RISK_ROWS, 0),
                  not_provided=[why for _, why in sorted(r.not_provided.items())],
                  further=max(len(plan) - TOP_ACTIONS, 0))


# --------------------------------------------------------------------------- appendix sections


def _stages(act: Mapping[str, Any]) -> list[tuple[str, str]]:
    """The stages an activity's assessment gives, as (key, title), in the order the assessment runs them."""
    seen: set[str] = set()
    out = []
    given = act.get("stages")
    stages: Mapping[str, Any] = given if isinstance(given, Mapping) else act
    for key, title in STAGES:
        if isinstance(stages.get(key), Mapping) and stages[key] and title not in seen:
            out.append((key, title))
            seen.add(title)
    return out


def risk_html(r: ReportData, part: str = "all") -> str:
    """Per activity: screening criteria met, the risk at each stage, the main factors; then the full action plan."""
    grid = r.grid
    names, numbers = _activity_names(r), _numbers(r)
    activities = sorted(r.assessment.get("activities", []), key=lambda x: numbers.get(x["id"], 0))
    stage_titles: list[tuple[str, str]] = []
    for act in activities:
        for s in _stages(act):
            if s[1] not in {t for _, t in stage_titles}:
                stage_titles.append(s)
    rows = []
    for act in activities:
        cells: list[dict[str, str] | None] = []
        for _key, title in stage_titles:
            stage_key = next((k for k, t in _stages(act) if t == title), None)
            if stage_key is None:
                cells.append(None)
                continue
            w = _worst(act, stage_key, grid)
            cells.append({"level": level_name(w["level"], grid), "cls": _level_class(w["level"], grid),
                          "event": event_name(w["event"])})
        current = _worst(act, _current(act), grid)
        by_framework: dict[str, list[str]] = {}
        for c in screening_criteria(act):
            if c.get("met"):
                by_framework.setdefault(framework_name(c.get("framework", "")), []).append(
                    str(c.get("name") or words(c["id"])))
        met = [f"{fw}: {', '.join(sorted(set(names)))}" for fw, names in sorted(by_framework.items())]
        n_met = sum(1 for c in screening_criteria(act) if c.get("met"))
        rows.append({"n": numbers.get(act["id"], ""), "name": names.get(act["id"], act["id"]), "met": met, "n_met": n_met,
                     "stages": cells, "factors": main_factors(act, current["event"], _current(act), limit=6,
                                                          names=r.names)})
    return render("risk.html.j2", part=part, method=grid["name"], rows=rows,
                  stages=[{"title": t} for _, t in stage_titles], plan=action_plan(r))


def screening_criteria(act: Mapping[str, Any]) -> list[dict[str, Any]]:
    """An activity's screening criteria, whether given as a list or as `{criteria: [...]}`."""
    sc = act.get("screening") or []
    return list(sc.get("criteria", [])) if isinstance(sc, Mapping) else list(sc)


def data_html(r: ReportData, part: str = "all") -> str:
    """Sensitive data and the recipients of personal data, under the data map figure."""
    recipients = [{"name": x["name"], "type": words(x["type"]), "flow": words(x["flow"]),
                   "groups": ", ".join(words(g) for g in x["data_groups"]), "basis": words(x["legal_basis"]),
                   "location": x["location"], "clauses": ", ".join(x["clauses"])}
                  for x in r.inventory.get("recipients", [])]
    sensitive = [{"name": e["name"], "category": e["category"], "reason": e.get("sensitivity_reason", "")}
                 for e in r.inventory.get("data_elements", []) if e.get("sensitive")]
    return render("data.html.j2", part=part, recipients=recipients, sensitive=sensitive)


def validation_html(r: ReportData, part: str = "all") -> str:
    """Dataset checks: which promises the data does not keep, with masked samples."""
    v = r.validation or {}
    order = {"fail": 0, "skipped": 1, "pass": 2}
    checks = [{"id": words(c["id"]), "reason": c.get("reason", ""), "clause": c.get("clause", ""),
               "status": c.get("status", ""),
               "rows": f"{int(c.get('failed_rows') or 0):,} / {int(c.get('rows_checked') or 0):,}",
               "samples": "; ".join(_sample_text(s) for s in (c.get("samples") or [])[:3])}
              for c in sorted(v.get("checks", []), key=lambda c: (order.get(c.get("status"), 3), c["id"]))]
    failed = sum(1 for c in v.get("checks", []) if c.get("status") == "fail")
    return render("validation.html.j2", part=part, checks=checks, failed=failed, as_of=v.get("as_of", ""))


def _sample_text(s: Any) -> str:
    """A failing row as `KEY: column=masked value, ...` (values arrive already masked from the validation)."""
    if isinstance(s, Mapping):
        given = s.get("values")
        values: Mapping[str, Any] = given if isinstance(given, Mapping) else {
            k: v for k, v in s.items() if k not in ("key", "row")}
        shown = ", ".join(f"{k}={v}" for k, v in sorted(values.items()))
        key = s.get("key", s.get("row", ""))
        return f"{key}: {shown}" if shown else str(key)
    return str(s)


def discovery_html(r: ReportData, part: str = "all") -> str:
    """Reconciliation of the scanned tables with the declared inventory."""
    s = r.scan or {}
    rec = s.get("reconciliation") or {}
    rows = []
    for kind, title in (("undeclared", "found, not declared"), ("plaintext_sensitive", "sensitive in plaintext"),
                        ("not_found", "declared, not found")):
        for item in rec.get(kind, []) or []:
            rows.append({"title": title, "kind": "fail" if kind != "not_found" else "skipped",
                         "category": item.get("category", ""), "sensitive": "yes" if item.get("sensitive") else "no",
                         "where": ", ".join(item.get("where", []) or []), "clause": item.get("clause", ""),
                         "reason": item.get("reason", "")})
    ncols = sum(1 for t in s.get("tables", []) for c in t.get("columns", []) if c.get("category"))
    lead = (f'{len(s.get("tables", []))} tables scanned (up to {int(s.get("sample") or 0):,} rows each); '
            f'{ncols} columns hold personal data.')
    return render("discovery.html.j2", part=part, scanned=bool(r.scan), rows=rows, lead=lead)


def changes_html(r: ReportData) -> str:
    """Change review of the proposed version: triggers, changes and the draft user notice."""
    from markupsafe import Markup

    rv = r.review or {}
    triggers = [{"name": words(t.get("id", "")), "clause": t.get("clause", ""),
                 "text": trigger_text(t, rv.get("changes", []), r.names)} for t in rv.get("triggers", [])]
    changes = [{"phrase": change_phrase(c, r.names), "kind": c.get("kind", ""),
                "trigger": words(c.get("trigger") or "minor"), "clause": c.get("clause", "")}
               for c in rv.get("changes", [])]
    verdict = "significant: users must be notified" if rv.get("significant") else "minor: posting the policy is enough"
    notice = Markup(markdown_html(r.notice_markdown)) if r.notice_markdown else ""  # noqa: S704 - escaped by mistune
    return render("changes.html.j2", reviewed=bool(r.review), verdict=verdict, triggers=triggers, changes=changes,
                  notice=notice)


@lru_cache(maxsize=1)
def _markdown() -> Any:
    import mistune

    class Renderer(mistune.HTMLRenderer):
        """The notice's headings sit below the report's h2/h3; bold as <b>, emphasis as <i>."""

        def heading(self, text: str, level: int, **attrs: Any) -> str:
            tag = f"h{min(level + 2, 6)}"
            return f"<{tag}>{text}</{tag}>\n"

        def strong(self, text: str) -> str:
            return f"<b>{text}</b>"

        def emphasis(self, text: str) -> str:
            return f"<i>{text}</i>"

        def link(self, text: str, url: str, title: str | None = None) -> str:
            return text  # a report loads nothing and links nowhere: the link text stays

        def image(self, text: str, url: str, title: str | None = None) -> str:
            return esc(text)

    # escape=True: raw HTML in the Markdown is shown as text, never passed through.
    return mistune.create_markdown(renderer=Renderer(escape=True), escape=True)


def markdown_html(text: str) -> str:
    """Markdown (the draft notice) as HTML through mistune; raw HTML in it is escaped, links become plain text."""
    return str(_markdown()(text or "")).strip()


def appendix_html(r: ReportData) -> str:
    """Provenance: the sha256 of every input file, versions, method, as_of and the time of the run."""
    p = r.provenance
    versions = ", ".join(f"{k} {v}" for k, v in sorted(p.get("versions", {}).items()))
    return render("appendix.html.j2", p=p, method=r.grid["name"], versions=versions, files=p.get("files", []))


__all__ = [
    "BREAK",
    "SECTIONS_DIR",
    "action_plan",
    "appendix_html",
    "changes_html",
    "data_html",
    "discovery_html",
    "esc",
    "markdown_html",
    "render",
    "risk_html",
    "screening_criteria",
    "summary_html",
    "validation_html",
]
