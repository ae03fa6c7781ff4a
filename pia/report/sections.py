"""The report's sections as HTML, rendered from Jinja2 templates (`pia/data/report/sections/`, autoescape on).

Functions here turn the gathered documents into plain values (names, never ids); the templates lay them out and
escape every value; the draft notice goes through mistune with raw HTML escaped. The notebook displays the strings
with `pia.report.run.show`.
"""
from __future__ import annotations

import functools
import html
import re
from collections.abc import Callable, Mapping
from functools import lru_cache
from typing import Any, TypeVar

from pia import config
from pia.i18n import N_, _, current_language, ngettext, pick, translations, use_language
from pia.report.data import ReportData, change_phrase, trigger_text
from pia.report.names import (
    basis_text,
    control_action,
    control_name,
    event_name,
    framework_name,
    level_name,
    listing,
    main_factors,
    method_title,
    number,
    words,
)

SECTIONS_DIR = config.PACKAGE_DATA / "report" / "sections"
BREAK = "<!-- pia:figures -->"
TOP_ACTIONS = 8  # rows of the action plan in the management part: what fits its two A4 pages
AT_RISK_ROWS = 8  # activities named in the verdict's table; the others are in the appendix's risk table
ALONE = "alone: no change"
# Stages of the risk, in the order the assessment runs them; the current engine gives inherent and residual.
STAGES = (("inherent", N_("Inherent")), ("current", N_("Current")), ("residual", N_("Current")),
          ("planned", N_("Planned")), ("target", N_("Target")))
HTML_LANG = {"en": "en", "zh": "zh-CN"}  # the `lang` attribute of the report's page
F = TypeVar("F", bound=Callable[..., Any])


def esc(value: Any) -> str:
    """Escape text from inputs for HTML (element names, descriptions, reasons)."""
    return html.escape("" if value is None else str(value), quote=True)


@lru_cache(maxsize=4)
def _env(lang: str) -> Any:
    import jinja2

    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(SECTIONS_DIR)), autoescape=True,
                             undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True,
                             extensions=["jinja2.ext.i18n"])
    # newstyle: `_("... %(n)s", n=...)` and `{% trans %}` fill (and autoescape) their values themselves.
    env.install_gettext_translations(translations(lang), newstyle=True)  # type: ignore[attr-defined]
    return env


def render(template: str, **context: Any) -> str:
    """Render one section template with autoescape on, in the language in force."""
    return str(_env(current_language()).get_template(template).render(**context))


def in_report_language(fn: F) -> F:
    """Run a section function in its report's language (`ReportData.lang`)."""
    @functools.wraps(fn)
    def wrapper(r: ReportData, *args: Any, **kwargs: Any) -> Any:
        with use_language(getattr(r, "lang", None) or current_language()):
            return fn(r, *args, **kwargs)

    return wrapper  # type: ignore[return-value]


def format_date(iso: Any) -> str:
    """A date YYYY-MM-DD for the reader: as it is in English, `2026年6月30日` in Chinese (Babel, CLDR long form)."""
    text = str(iso or "")
    if current_language() == "en" or not text:
        return text
    import datetime as dt

    from babel.dates import format_date as babel_date

    try:
        day = dt.date.fromisoformat(text[:10])
    except ValueError:
        return text
    return str(babel_date(day, format="long", locale={"zh": "zh_CN"}.get(current_language(), current_language())))


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
    names = {row["activity"]: pick(row.get("activity_name")) or row["activity"] for row in r.inventory.get("rows", [])}
    names.update({a["id"]: pick(a.get("name")) or a["id"] for a in r.assessment.get("activities", [])})
    return names


def _numbers(r: ReportData) -> dict[str, int]:
    """The number each activity carries on the risk map and in the risk table (activities by id)."""
    from pia.report.figures import activity_numbers

    return activity_numbers(r.assessment)


def _join_names(items: list[str], limit: int = 3) -> str:
    shown = listing(items[:limit], ";")
    return _("{names} and {n} more", names=shown, n=len(items) - limit) if len(items) > limit else shown


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
                change = (_("{before} → {after} with the other measures listed", before=level_name(level, grid),
                            after=level_name(set_after, grid))
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
            parts.append(_("{k} more only together with the other measures", k=k) if lowered
                         else _("lowers the risk only together with the other measures ({k})", k=k) if n > 1
                         else _("lowers the risk only together with the other measures"))
        effect = listing(parts, ";")
        e["lowers"] = sum(len(acts) for _acts, acts in lowered)
        planned = _("; planned for {planned} of {n}, not yet in place", planned=e["planned"], n=n) \
            if e["planned"] else ""
        clauses = ", ".join(sorted(e["clauses"]))
        why = ngettext("risk at or above {threshold} in {n} activity", "risk at or above {threshold} in {n} activities",
                       n, threshold=threshold)
        ranked.append(((-e["lowers"], -n, control), {
                        "priority": "1",
                        "what": control_action(control) or _("Put in place: {measure}",
                                                             measure=_(str(pick(e["name"]))) if e["name"]
                                                             else control_name(control)),
                        "detail": _(str(pick(e["note"]))) if e["note"] else "",
                        "where": _join_names(e["acts"]),
                        "why": why + (_(" (clause {clauses})", clauses=clauses) if clauses else "") + planned,
                        "effect": effect}))
    # The measures that lower the most risks on their own first, then those helping the most activities.
    actions = [a for _key, a in sorted(ranked, key=lambda x: x[0])]
    together = ""
    if by_control and below_all and all(below_all):
        levels = sorted(after_all, key=lambda lv: _rank_of(lv, grid))
        worst = level_name(levels[-1], grid) if levels else ""
        together = (_("Together, these {n} risk measures bring every activity below {threshold} (at most {worst}).",
                      n=len(by_control), threshold=threshold, worst=worst) if worst else
                    _("Together, these {n} risk measures bring every activity below {threshold}.",
                      n=len(by_control), threshold=threshold))
    return actions, together


@in_report_language
def action_plan(r: ReportData) -> list[dict[str, str]]:
    """Actions in priority order: lower unacceptable risks, meet the notification duty, fix the data, minimise.

    Each entry has plain-text `priority`, `what`, `detail`, `where`, `why` and `effect` (the templates escape
    them). Risk measures are grouped by control over the activities they help; failed dataset checks and
    declared-but-not-found categories are grouped into one action each (their detail is in the appendix).
    """
    actions, _together = _risk_actions(r)
    n = r.notification()
    prohibited = (r.assessments or {}).get("prohibited") or []
    if prohibited:
        # the proposed version declares processing the law prohibits: no notice or consent makes it lawful
        names = _activity_names(r)
        actions.insert(0, {"priority": "1",
                           "what": _("Stop or change the processing the law does not allow in the proposed version "
                                     "before it goes live"),
                           "detail": "", "where": listing(dict.fromkeys(names.get(x["activity"], x["activity"])
                                                                        for x in prohibited if x.get("activity"))),
                           "why": listing(dict.fromkeys(s for x in prohibited for s in x["sources"].split("; ") if s),
                                          ";"),
                           "effect": _("the change can go live lawfully")})
    if n["required"]:
        channels = listing([channel_name(c) for c in n["channels"]]) or _("the channels the policy names")
        if r.review and r.review.get("triggers") and n.get("audience"):
            # the changes concern some kinds of data subject only: the notice goes to them (notify.audience)
            what = (_("Notify the people the changes concern actively ({channels}) before the changes take effect, "
                      "with the draft notice in the appendix", channels=channels) if r.notice_markdown else
                    _("Notify the people the changes concern actively ({channels}) before the changes take effect",
                      channels=channels))
        elif r.review and r.review.get("triggers"):
            what = (_("Notify every user actively ({channels}) before the changes take effect, with the draft "
                      "notice in the appendix", channels=channels) if r.notice_markdown else
                    _("Notify every user actively ({channels}) before the changes take effect", channels=channels))
        else:  # no proposed change: the high-risk finding itself is the significant change of VII.2(5)
            what = _("Notify every user actively ({channels}) of the high risk this assessment finds "
                     "(VII.2(5) counts it as a significant change); no proposed change was reviewed, so no "
                     "draft notice is shown", channels=channels)
        where = listing([_(w.replace("_", " ")) for w in n.get("audience") or []]) or _("all users")
        actions.append({"priority": "2", "what": what, "detail": "", "where": where,
                        # several triggers cite the same clause (the policy's "changes" clause): name it once
                        "why": listing(dict.fromkeys(c for x in n["reasons"] for c in x["clause"].split("; ") if c), ";"),
                        # the clauses are in `why` (the service's own, e.g. "6"); VII.2 is the reference policy's
                        "effect": _("users informed before the changes take effect")})
    if n["reconsent_required"]:
        actions.append({"priority": "2", "what": _("Ask for fresh consent before the new processing starts"),
                        "detail": "", "where": _("affected users"), "why": listing(n["reconsent_reasons"], ";"),
                        "effect": _("processing stays within consent")})
    failed = [c for c in (r.validation or {}).get("checks", []) if c.get("status") == "fail"]
    if failed:
        rows = sum(int(c.get("failed_rows") or 0) for c in failed)
        clauses = sorted({x.strip() for c in failed for x in str(c.get("clause", "")).split(",") if x.strip()},
                         key=_clause_key)
        datasets = sorted({words(c.get("dataset", "")) for c in failed})
        actions.append({"priority": "3",
                        "what": ngettext("Correct {rows} record that breaks {checks} of the policy's promises",
                                         "Correct {rows} records that break {checks} of the policy's promises", rows,
                                         rows=number(rows), checks=len(failed)),
                        "detail": ", ".join(words(c["id"]) for c in failed[:6]) + (" …" if len(failed) > 6 else ""),
                        "where": ", ".join(datasets), "why": _("clauses {clauses}", clauses=", ".join(clauses)),
                        "effect": _("promises kept by the data; lower likelihood")})
    rec = (r.scan or {}).get("reconciliation") or {}
    for item in rec.get("undeclared", []) or []:
        actions.append({"priority": "3", "what": _("Disclose or stop collecting {category}",
                                                   category=_category(item.get("category"))),
                        "detail": "", "where": ", ".join(item.get("where", [])),
                        "why": _("undisclosed collection (clause {clause})", clause=item.get("clause", "I")),
                        "effect": _("inventory matches the data")})
    for item in rec.get("plaintext_sensitive", []) or []:
        actions.append({"priority": "3", "what": _("Encrypt or hash {category} at rest",
                                                   category=_category(item.get("category"))),
                        "detail": "", "where": ", ".join(item.get("where", [])),
                        "why": _("sensitive data stored in plaintext (clause {clause})",
                                 clause=item.get("clause", "III.3")),
                        "effect": _("encryption claim holds")})
    missing = rec.get("not_found", []) or []
    if missing:
        actions.append({"priority": "4",
                        "what": ngettext("Confirm that {n} declared data category is still needed",
                                         "Confirm that {n} declared data categories are still needed", len(missing)),
                        "detail": "", "where": listing(_category(i.get("category")) for i in missing[:4])
                        + (" …" if len(missing) > 4 else ""),
                        "why": _("declared but found in no scanned table (minimisation)"),
                        "effect": _("less data held")})
    return actions


CHANNEL_NAMES = {"push": N_("push"), "popup": N_("popup"), "email": N_("email"), "sms": N_("sms"),
                 "website": N_("website")}


def channel_name(channel: str) -> str:
    """A notification channel's name (`push`, `popup`, `email`, ...) in the language in force."""
    return _(CHANNEL_NAMES[channel]) if channel in CHANNEL_NAMES else words(channel)


def _category(key: Any) -> str:
    """A taxonomy key for the reader: its last two parts in English (`contact email`), its name in other languages."""
    from pia.report.names import category_name

    return category_name(key)


def _clause_key(clause: str) -> tuple[int, str]:
    order = ["preamble", "I", "II", "III", "IV", "V", "VI", "VII", "VIII"]
    head = clause.split(".")[0].split("(")[0]
    return (order.index(head) if head in order else len(order), clause)


# --------------------------------------------------------------------------- the management part


@in_report_language
def summary_html(r: ReportData) -> str:
    """The management part (two A4 pages): verdict and why, notification decision, key figures, top actions."""
    grid, a = r.grid, r.assessment
    acts = sorted(a.get("activities", []), key=lambda x: x["id"])
    names = _activity_names(r)
    method = method_title(str(grid["name"]))
    short = method_title(str(grid["name"]), short=True)  # in the verdict's sentence: the standard by its number
    threshold = level_name(grid["unacceptable_from"], grid)
    at_risk = []
    for x in acts:
        worst = _worst(x, _current(x), grid)
        if _level_class(worst["level"], grid) == "lvl-high":
            why = main_factors(x, worst["event"], _current(x), limit=3, names=r.names)
            at_risk.append({"id": x["id"], "name": names.get(x["id"], x["id"]), "rank": _rank_of(worst["level"], grid),
                            "level": level_name(worst["level"], grid), "cls": _level_class(worst["level"], grid),
                            "event": event_name(worst["event"]), "why": listing(why)})
    at_risk.sort(key=lambda x: (-x["rank"], x["name"]))
    basis = ""
    if r.manifest_only is not None:  # the data evidence changed the inputs: say what the manifest alone gives
        mo = [x for x in r.manifest_only.get("activities", [])
              if _level_class(_worst(x, _current(x), grid)["level"], grid) == "lvl-high"]
        basis = _(", with the evidence from the service's data (dataset checks and discovery scan); from the "
                  "manifest alone, {n} of {total} do", n=len(mo), total=len(r.manifest_only.get("activities", [])))
    if at_risk:
        # the unacceptable level is the organisation's setting (settings.unacceptable_risk), not the method's
        verdict_text = _("{n} of {total} processing activities keep a risk of {threshold} or more on the scale of "
                         "{method}, the level the organisation does not accept{basis}.", n=len(at_risk),
                         total=len(acts), threshold=threshold, method=short, basis=basis)
    else:
        verdict_text = _("None of the {total} processing activities keeps a risk of {threshold} or more "
                         "({method}){basis}.", total=len(acts), threshold=threshold, method=short, basis=basis)
    # the screening's outcome: a verdict of no high risk is the result of the assessment these activities require,
    # not an exemption from it (GDPR Art. 35(1) with WP248's two criteria; PIPL Art. 55)
    screened = [x for x in acts if (x.get("screening") or {}).get("assessment_required")]
    required = ""
    if screened:
        laws = ([_("GDPR Art. 35(1): two or more WP248 criteria")]
                if any((x["screening"].get("wp248_met") or 0) >= 2 for x in screened) else []) + \
               ([_("PIPL Art. 55")] if any(x["screening"].get("pipl55_met") for x in screened) else [])
        required = _("An impact assessment is required before the processing for {n} of {total} activities "
                     "({laws}): {names}. The verdict is that assessment's result with the measures declared; it does "
                     "not make the assessment unnecessary.", n=len(screened), total=len(acts),
                     laws=listing(laws, ";") if laws else _("the screening criteria"),
                     names=_join_names([names.get(x["id"], x["id"]) for x in screened], limit=4))
    n = r.notification()
    channels = listing(channel_name(c) for c in n["channels"])
    notify = {"required": n["required"], "reasons": n["reasons"], "reconsent": n["reconsent_required"],
              "prohibited": [x["message"] for x in (r.assessments or {}).get("prohibited") or []],
              "answer": (_("Yes: {channels}", channels=channels) if n["channels"] else _("Yes")) if n["required"]
              else _("No")}
    checks = (r.validation or {}).get("checks", [])
    failed = [c for c in checks if c.get("status") == "fail"]
    rec = (r.scan or {}).get("reconciliation") or {}
    elements = r.inventory.get("data_elements", [])
    kpis = [
        {"n": len(acts), "label": _("processing activities"),
         "sub": _("{n} at unacceptable risk", n=len(at_risk))},
        {"n": len(elements), "label": _("data elements"),
         "sub": _("{n} sensitive", n=sum(1 for e in elements if e.get("sensitive")))},
        {"n": len(r.inventory.get("recipients", [])), "label": _("recipients"),
         "sub": _("sharing, transfer, disclosure")},
        {"n": f"{len(failed)}/{len(checks)}" if checks else "—", "label": _("dataset checks failed"),
         "sub": _("{n} failing records", n=number(sum(int(c.get("failed_rows") or 0) for c in failed))) if checks
         else _("no data checked")},
        {"n": len(rec.get("undeclared", []) or []) if r.scan else "—", "label": _("undeclared data categories"),
         "sub": _("found in the data, not in the policy") if r.scan else _("no data scanned")},
        {"n": len((r.review or {}).get("triggers", [])) if r.review else "—",
         "label": _("significant-change triggers"),
         "sub": _("{n} changes reviewed", n=len((r.review or {}).get("changes", []))) if r.review
         else _("no proposed version")},
    ]
    plan = action_plan(r)
    _plan, together = _risk_actions(r)
    service = {**r.service, "name": pick(r.service.get("name")), "controller": pick(r.service.get("controller")),
               "policy": pick(r.service.get("policy"))}
    return render("management.html.j2", service=service, as_of=format_date(r.params["as_of"]), method=method,
                  high_risk=r.high_risk, verdict_text=verdict_text, at_risk=at_risk[:AT_RISK_ROWS], notify=notify,
                  assessment_required=required,
                  reviewed=bool(r.review), kpis=kpis, actions=plan[:TOP_ACTIONS], together=together,
                  more_at_risk=max(len(at_risk) - AT_RISK_ROWS, 0),
                  not_provided=[_(why) for _k, why in sorted(r.not_provided.items())],
                  further=max(len(plan) - TOP_ACTIONS, 0))


@in_report_language
def findings_html(r: ReportData) -> str:
    """The manifest's legal findings (`pia check`'s lint), grouped by severity, each with its citation.

    Read from the assessment (`legal_findings`, errors first); empty when the manifest has none. A finding about
    an activity, data element or recipient names it in the report's language.
    """
    from pia.declare.findings import SEVERITY_HEADINGS

    shown = r.assessment.get("legal_findings") or []
    if not shown:
        return ""
    names = _activity_names(r)
    groups: dict[str, list[dict[str, str]]] = {}
    for f in shown:
        about = [names.get(f["activity"], f["activity"])] if f.get("activity") else []
        about += [r.names.get(f"data_elements[{f['element']}]", f["element"])] if f.get("element") else []
        about += [r.names.get(f"recipients[{f['recipient']}]", f["recipient"])] if f.get("recipient") else []
        groups.setdefault(str(f.get("severity")), []).append({
            "about": " · ".join(x for x in about if x), "message": str(f.get("message", "")),
            "sources": _("; ").join(f.get("sources") or []), "rule": str(f.get("rule", "")),
            "path": str(f.get("path", ""))})
    ordered = [{"severity": sev.value, "title": _(title), "entries": groups[sev.value]}
               for sev, title in SEVERITY_HEADINGS.items() if sev.value in groups]
    ordered += [{"severity": sev, "title": sev, "entries": items} for sev, items in groups.items()
                if sev not in {s.value for s in SEVERITY_HEADINGS}]
    return render("findings.html.j2", groups=ordered, total=len(shown))


# --------------------------------------------------------------------------- appendix sections


def _stages(act: Mapping[str, Any]) -> list[tuple[str, str]]:
    """The stages an activity's assessment gives, as (key, title), in the order the assessment runs them."""
    seen: set[str] = set()
    out = []
    given = act.get("stages")
    stages: Mapping[str, Any] = given if isinstance(given, Mapping) else act
    for key, title in STAGES:
        if isinstance(stages.get(key), Mapping) and stages[key] and title not in seen:
            out.append((key, _(title)))
            seen.add(title)
    return out


@in_report_language
def risk_html(r: ReportData, part: str = "all") -> str:
    """Per activity: screening criteria met, the risk at each stage, the main factors; then the full action plan."""
    grid = r.grid
    names, numbers = _activity_names(r), _numbers(r)
    activities = sorted(r.assessment.get("activities", []), key=lambda x: numbers.get(x["id"], 0))
    stage_titles: list[tuple[str, str]] = []
    for act in activities:
        for s in _stages(act):
            if s[1] not in {t for _k, t in stage_titles}:
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
                    _(str(c["name"])) if c.get("name") else words(c["id"]))
        met = [f"{fw}: {listing(sorted(set(names)))}" for fw, names in sorted(by_framework.items())]
        n_met = sum(1 for c in screening_criteria(act) if c.get("met"))
        rows.append({"n": numbers.get(act["id"], ""), "name": names.get(act["id"], act["id"]), "met": met, "n_met": n_met,
                     "stages": cells, "factors": main_factors(act, current["event"], _current(act), limit=6,
                                                          names=r.names)})
    # a consent finding the legal-findings section already lists (pia check's lint carries them) is not repeated here
    listed = {(f.get("activity"), f.get("rule")) for f in r.assessment.get("legal_findings") or []}
    consent = [{"name": names.get(act["id"], act["id"]), "message": f.get("message", ""), "source": f.get("source", "")}
               for act in activities for f in act.get("consent_findings") or []
               if (act["id"], f.get("rule")) not in listed]
    return render("risk.html.j2", part=part, method=method_title(grid["name"]), rows=rows,
                  stages=[{"title": t} for _k, t in stage_titles], plan=action_plan(r), consent=consent,
                  not_applicable=not_applicable_measures(r))


def not_applicable_measures(r: ReportData) -> list[dict[str, str]]:
    """Measures the activities' facts give nothing to protect, grouped by measure: where, why, on what source.

    Only those derived from the facts (`applies_by_facts` false, status not_applicable); a status the manifest
    declares is the assessor's and stays in the assessment's JSON.
    """
    from pia.declare.measures import load_measures
    from pia.risk.applicability import absent_reason, source_text

    catalogue = load_measures()
    names = _activity_names(r)
    where: dict[str, list[str]] = {}
    sources: dict[str, str] = {}
    for act in sorted(r.assessment.get("activities", []), key=lambda x: x["id"]):
        for u in act.get("measures", []) or []:
            if u.get("applies_by_facts") is False and u.get("status") == "not_applicable" and u["measure"] in catalogue:
                where.setdefault(u["measure"], []).append(names.get(act["id"], act["id"]))
                # the rule's source as the engine cited it for the service's regimes: the reason's last [...]
                cited = re.search(r"\[([^\[\]]*)\]$", str(u.get("applicability", "")))
                sources.setdefault(u["measure"], cited.group(1) if cited else catalogue[u["measure"]].requires_source)
    return [{"measure": _(catalogue[k].name), "where": _join_names(acts, limit=4), "n": str(len(acts)),
             "why": absent_reason(catalogue[k]), "source": source_text(sources[k])}
            for k, acts in where.items()]


def screening_criteria(act: Mapping[str, Any]) -> list[dict[str, Any]]:
    """An activity's screening criteria, whether given as a list or as `{criteria: [...]}`."""
    sc = act.get("screening") or []
    return list(sc.get("criteria", [])) if isinstance(sc, Mapping) else list(sc)


RECIPIENT_WORDS = {"partner": N_("partner"), "processor": N_("processor"), "authority": N_("authority"),
                   "acquirer": N_("acquirer"), "share": N_("share"), "transfer": N_("transfer"),
                   "disclosure": N_("disclosure"), "consent": N_("consent"), "contract": N_("contract"),
                   "legal_obligation": N_("legal obligation"), "legitimate_interest": N_("legitimate interest"),
                   "vital_interests": N_("vital interests"), "public_task": N_("public task"),
                   "emergency": N_("emergency"), "news_reporting": N_("news reporting"),
                   "published_data": N_("published data"), "other_law": N_("other law"),
                   # the grounds of a flow to a recipient (pia.declare.manifest.RecipientBasis)
                   "authority_request": N_("authority request"), "service_agreement": N_("service agreement"),
                   "legal_claim": N_("legal claim"), "merger": N_("merger")}


def vocabulary_word(value: Any) -> str:
    """A value of the manifest's vocabulary (recipient type, flow, legal basis) in words, translated when known."""
    key = str(value or "")
    return _(RECIPIENT_WORDS[key]) if key in RECIPIENT_WORDS else words(key)


@in_report_language
def data_html(r: ReportData, part: str = "all") -> str:
    """Sensitive data and the recipients of personal data, under the data map figure."""
    groups = r.group_names()
    recipients = [{"name": pick(x["name"]), "type": vocabulary_word(x["type"]), "flow": vocabulary_word(x["flow"]),
                   "groups": listing(groups[g] if current_language() != "en" and g in groups else words(g)
                                     for g in x["data_groups"]),
                   "basis": vocabulary_word(x["legal_basis"]),
                   "location": pick(x["location"]), "clauses": ", ".join(x["clauses"])}
                  for x in r.inventory.get("recipients", [])]
    sensitive = [{"name": pick(e["name"]), "category": e["category"],
                  "reason": basis_text(pick(e.get("sensitivity_reason", "")) or "")}
                 for e in r.inventory.get("data_elements", []) if e.get("sensitive")]
    return render("data.html.j2", part=part, recipients=recipients, sensitive=sensitive)


@in_report_language
def validation_html(r: ReportData, part: str = "all") -> str:
    """Dataset checks: which promises the data does not keep, with masked samples."""
    v = r.validation or {}
    order = {"fail": 0, "skipped": 1, "pass": 2}
    checks = [{"id": words(c["id"]), "reason": check_reason(c, r.check_texts.get(c["id"]), v.get("settings")),
               "clause": c.get("clause", ""),
               "status": c.get("status", ""), "status_text": status_word(c.get("status", "")),
               "rows": f"{int(c.get('failed_rows') or 0):,} / {int(c.get('rows_checked') or 0):,}",
               "samples": "; ".join(_sample_text(s) for s in (c.get("samples") or [])[:3])}
              for c in sorted(v.get("checks", []), key=lambda c: (order.get(c.get("status"), 3), c["id"]))]
    failed = sum(1 for c in v.get("checks", []) if c.get("status") == "fail")
    return render("validation.html.j2", part=part, checks=checks, failed=failed, as_of=format_date(v.get("as_of", "")))


def check_reason(c: Mapping[str, Any], described: str | None = None, settings: Mapping[str, Any] | None = None) -> str:
    """Why a check has its status, in the report's language.

    English keeps the evidence's own `reason`; other languages re-render a failed check from its counts, dataset,
    description (`described`: the manifest's text in the report's language, its `$setting` placeholders filled from
    the evidence's `settings`; else the stored one through the catalog) and clause. Evidence without those fields
    (older files) and other statuses keep the stored text.
    """
    reason = str(c.get("reason", ""))
    keys = ("failed_rows", "rows_in_scope", "dataset", "description", "clause")
    if current_language() == "en" or c.get("status") != "fail" or any(c.get(k) in (None, "") for k in keys):
        return reason
    # The description is the manifest's (or the template's) text: translated when the catalog has it.
    return _("{failed} of {total} {dataset} rows in scope fail: {description} ({clause})",
             failed=c["failed_rows"], total=c["rows_in_scope"], dataset=c["dataset"],
             description=_fill(described, settings or {}) if described else _(str(c["description"])),
             clause=c["clause"])


def _fill(text: str, settings: Mapping[str, Any]) -> str:
    """`$minor_age` -> its value in the evidence's settings (as the validation fills the English description)."""
    return re.sub(r"\$([a-z_]+)", lambda m: str(settings[m.group(1)]) if isinstance(settings.get(m.group(1)), int)
                  else m.group(0), text)


def _tail_clause(reason: str) -> str:
    """The parenthesised citation that ends an English reason, e.g. `(GB/T 35273-2020 5.2 ...)` -> its inside."""
    depth, start = 0, -1
    text = reason.rstrip(". ")
    if not text.endswith(")"):
        return ""
    for i in range(len(text) - 1, -1, -1):
        depth += {")": 1, "(": -1}.get(text[i], 0)
        if depth == 0:
            start = i
            break
    return text[start + 1:-1] if start >= 0 else ""


# The minimisation rules discovery cites (pia/discovery/reconcile.py `_minimisation`), per regime.
MINIMISATION_RULES = (N_("GB/T 35273-2020 5.2 and PIPL Art. 6 (minimum necessary)"),
                      N_("GDPR Art. 5(1)(c) (data minimisation)"))


def reconciliation_reason(kind: str, item: Mapping[str, Any], tables: int, names: Mapping[str, str] | None = None) -> str:
    """Why a discovery item is listed, in the report's language, from its structured fields.

    English keeps the stored `reason` (the JSON evidence is the English text); an item without the fields a sentence
    needs (older evidence) keeps it too. `names` (`processing_activities[id]` to its name, in the report's language)
    names the activities; without it their ids are shown in words.
    """
    names = names or {}

    def activity(ident: str) -> str:
        return names.get(f"processing_activities[{ident}]") or words(ident)

    reason = str(item.get("reason", ""))
    if current_language() == "en":
        return reason
    where = ", ".join(item.get("where") or [])
    name = _(str(item.get("name", ""))) if item.get("name") else str(item.get("category", ""))
    clause = str(item.get("clause", ""))
    if kind == "undeclared" and where and item.get("confidence") is not None:
        confidence = format(float(item["confidence"]), ".2f")
        if "collection_clause" not in item:  # older evidence: the reference's clauses were cited for every service
            item = {**item, "collection_clause": "I", "change_clause": "VII.2(1)"}
        collection, change = item.get("collection_clause"), item.get("change_clause")
        text = _("{name} is stored in {where} (confidence {confidence}) but no data element of the manifest declares "
                 "{category} or a broader category, ", name=name, where=where, confidence=confidence,
                 category=item.get("category", ""))
        text += (_("so the policy's list of collected data ({clause}) does not disclose it. ", clause=collection)
                 if collection else _("so the policy does not disclose it (the manifest declares no clause listing the "
                                      "collected data). "))
        text += (_("Either disclose it (a change of the type of data processed, a significant change under {clause}) or "
                   "stop collecting it and delete it.", clause=change) if change else
                 _("Either disclose it (a change of the type of data processed, of which the manifest declares no clause "
                   "on notifying users) or stop collecting it and delete it."))
        if item.get("activities"):
            text += _(" Related activities: {activities}.", activities=listing(activity(a) for a in item["activities"]))
        return text
    if kind == "not_found" and item.get("elements") and item.get("clauses"):
        basis = listing((_(part) if part in MINIMISATION_RULES else part for part in _tail_clause(reason).split("; ")),
                        ";")
        return _("Declared by {elements} ({clauses}) but found in none of the {tables} scanned tables. If it is kept in "
                 "a store that was not scanned, scan that store; if it is no longer needed, stop collecting it, delete "
                 "it and update the manifest ({basis}).", elements=", ".join(item["elements"]),
                 clauses=", ".join(item["clauses"]), tables=tables, basis=basis)
    if kind == "plaintext_sensitive" and where:
        if item.get("stored_form") and item.get("rows") is not None and item.get("rows_sampled") is not None:
            return _("{rows} of {sampled} sampled non-blank values of {where} are not a recognised one-way hash "
                     "(bcrypt, argon2, scrypt, pbkdf2): the secret is stored in plaintext or as a fast unsalted digest, "
                     "although the manifest says it is protected ({clause}).", rows=item["rows"],
                     sampled=item["rows_sampled"], where=where, clause=clause)
        if not item.get("stored_form") and item.get("rows") is not None and item.get("rows_sampled") is not None:
            text = _("{rows} of {sampled} sampled rows ({where}) are marked not encrypted", rows=item["rows"],
                     sampled=item["rows_sampled"], where=where)
            if item.get("rows_unknown"):
                text += _(" (and {n} leave it blank or unreadable)", n=item["rows_unknown"])
            return text + _(": the stored {name} is not encrypted, although the manifest claims encryption at rest "
                            "for {activities} ({clause}).", name=name,
                            activities=listing(activity(a) for a in item.get("activities") or []), clause=clause)
        share = re.match(r"(\d+(?:\.\d+)?)% ", reason)
        if item.get("stored_form") == "plaintext" and item.get("rows") is None and share:
            return _("{share}% of the sampled values of {where} are readable {name}, although the manifest claims "
                     "encryption at rest for {activities} ({clause}); field-level encryption or tokenisation is "
                     "expected for sensitive data.", share=share.group(1), where=where, name=name, clause=clause,
                     activities=listing(activity(a) for a in item.get("activities") or []))
    return reason


STATUS_WORDS = {"fail": N_("fail"), "pass": N_("pass"), "skipped": N_("skipped"), "added": N_("added"),
                "removed": N_("removed"), "changed": N_("changed")}


def status_word(status: Any) -> str:
    """A check's status or a change's kind as shown on its chip."""
    key = str(status or "")
    return _(STATUS_WORDS[key]) if key in STATUS_WORDS else key


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


@in_report_language
def discovery_html(r: ReportData, part: str = "all") -> str:
    """Reconciliation of the scanned tables with the declared inventory."""
    s = r.scan or {}
    rec = s.get("reconciliation") or {}
    rows = []
    for kind, title in (("undeclared", N_("found, not declared")), ("plaintext_sensitive", N_("sensitive in plaintext")),
                        ("not_found", N_("declared, not found"))):
        for item in rec.get(kind, []) or []:
            rows.append({"title": _(title), "kind": "fail" if kind != "not_found" else "skipped",
                         "category": item.get("category", ""),
                         "sensitive": _("yes") if item.get("sensitive") else _("no"),
                         "where": ", ".join(item.get("where", []) or []), "clause": item.get("clause", ""),
                         "reason": reconciliation_reason(kind, item, len(s.get("tables", [])), r.names)})
    ncols = sum(1 for t in s.get("tables", []) for c in t.get("columns", []) if c.get("category"))
    lead = _("{tables} tables scanned (up to {rows} rows each); {columns} columns hold personal data.",
             tables=len(s.get("tables", [])), rows=number(s.get("sample")), columns=ncols)
    return render("discovery.html.j2", part=part, scanned=bool(r.scan), rows=rows, lead=lead)


@in_report_language
def changes_html(r: ReportData) -> str:
    """Change review of the proposed version: triggers, changes and the draft user notice."""
    from markupsafe import Markup

    rv = r.review or {}
    triggers = [{"name": _(t["name"]) if current_language() != "en" and t.get("name") else words(t.get("id", "")),
                 "clause": t.get("clause", ""),
                 "text": trigger_text(t, rv.get("changes", []), r.names)} for t in rv.get("triggers", [])]
    changes = [{"phrase": change_phrase(c, r.names), "kind": c.get("kind", ""),
                "kind_text": status_word(c.get("kind", "")),
                "trigger": trigger_word(c.get("trigger"), rv), "clause": c.get("clause", "")}
               for c in rv.get("changes", [])]
    verdict = _("significant: users must be notified") if rv.get("significant") \
        else _("minor: posting the policy is enough")
    notice = Markup(markdown_html(r.notice_markdown)) if r.notice_markdown else ""  # noqa: S704 - escaped by mistune
    # the impact assessments the change calls for: sentences of the review made in the report's language at gathering
    shown = r.assessments or {}
    cases = [{**x, "name": r.names.get(f"processing_activities[{x['activity']}]", x["activity"])}
             for x in shown.get("pipl") or []]
    return render("changes.html.j2", reviewed=bool(r.review), verdict=verdict, triggers=triggers, changes=changes,
                  notice=notice, decision=shown.get("decision", ""), prohibited=shown.get("prohibited") or [],
                  new_warnings=shown.get("new_warnings") or [], dpia=shown.get("dpia") or [], cases=cases,
                  content=shown.get("content", ""))


def trigger_word(trigger: Any, review: Mapping[str, Any]) -> str:
    """The trigger a change falls under, by its short name (its id in words in English), or `minor`."""
    if not trigger:
        return _("minor")
    if current_language() != "en":
        from pia.changes.rules import TRIGGERS

        name = next((t.get("name") for t in review.get("triggers", []) if t.get("id") == trigger), None) \
            or (TRIGGERS[trigger].name if trigger in TRIGGERS else None)
        if name:
            return _(str(name))
    return words(trigger)


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


@in_report_language
def appendix_html(r: ReportData) -> str:
    """Provenance: the sha256 of every input file, versions, method, as_of and the time of the run."""
    p = r.provenance
    versions = ", ".join(f"{k} {v}" for k, v in sorted(p.get("versions", {}).items()))
    return render("appendix.html.j2", p=p, method=method_title(r.grid["name"]), versions=versions,
                  files=p.get("files", []))


__all__ = [
    "BREAK",
    "HTML_LANG",
    "SECTIONS_DIR",
    "action_plan",
    "appendix_html",
    "changes_html",
    "data_html",
    "discovery_html",
    "channel_name",
    "esc",
    "findings_html",
    "format_date",
    "in_report_language",
    "markdown_html",
    "render",
    "risk_html",
    "screening_criteria",
    "status_word",
    "summary_html",
    "validation_html",
    "vocabulary_word",
]
