"""The report's sections as HTML, every value from the inputs escaped.

The draft notice goes through a small safe Markdown renderer; the notebook displays these strings with
`pia.report.run.show`.
"""
from __future__ import annotations

import html
import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from pia.report.data import ReportData, change_phrase, trigger_text


def esc(value: Any) -> str:
    """Escape text from inputs for HTML (element names, descriptions, reasons)."""
    return html.escape("" if value is None else str(value), quote=True)


BREAK = "<!-- pia:figures -->"


def _part(text: str, part: str) -> str:
    """A section is a head (title and lead), where its figures go, then a body; `part` picks head, body or all."""
    head, _, body = text.partition(BREAK)
    if part == "head":
        return head
    if part == "body":
        return body
    return head + body


def _table(rows: Iterable[Sequence[Any]], headers: Sequence[str], cls: str = "") -> str:
    head = "".join(f"<th>{esc(h)}</th>" for h in headers)
    body = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in rows)
    return f'<table class="pia-table {cls}"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'


def _chip(text: Any, kind: str = "") -> str:
    return f'<span class="chip {esc(kind)}">{esc(text)}</span>'


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


def _worst(act: Mapping[str, Any], which: str, grid: Mapping[str, Any]) -> dict[str, str]:
    from pia.report.figures import worst_event

    return worst_event(act[which], grid["risk_levels"])


def _activity_names(r: ReportData) -> dict[str, str]:
    names = {row["activity"]: row.get("activity_name") or row["activity"] for row in r.inventory.get("rows", [])}
    names.update({a["id"]: a.get("name") or a["id"] for a in r.assessment.get("activities", [])})
    return names


def action_plan(r: ReportData) -> list[dict[str, str]]:
    """Actions in priority order: lower unacceptable risks, meet the notification duty, fix the data, minimise.

    Failed dataset checks and declared-but-not-found categories are grouped into one action each; their detail
    is in the validation and discovery sections.
    """
    actions: list[dict[str, str]] = []
    names = _activity_names(r)
    threshold = r.assessment.get("threshold") or r.grid.get("unacceptable_from", "")
    for a in r.assessment.get("actions", []):
        act = a.get("activity", "")
        controls = [c for c in a.get("controls", []) if isinstance(c, Mapping)]
        ctrl = ", ".join(f"{str(c.get('control', '')).replace('_', ' ')} ({c.get('status', '')})" for c in controls)
        clauses = ", ".join(sorted({str(c.get("clause")) for c in controls if c.get("clause")}))
        after = a.get("level_after_all") or ""
        actions.append({"priority": "1", "what": esc(f"Make effective: {ctrl}" if ctrl else a.get("note", "")),
                        "where": esc(names.get(act, act)),
                        "why": esc(f"residual risk {a.get('level', '')} (unacceptable from {threshold})"
                                   + (f"; clauses {clauses}" if clauses else "")),
                        "effect": esc(f"{a.get('level', '')} → {after}" if after else "")})
    n = r.notification()
    if n["required"]:
        channels = ", ".join(n["channels"]) or "the channels the policy names"
        if r.review and r.review.get("triggers"):
            what = (f"Notify every user actively ({channels}) before the changes take effect"
                    + (", with the draft notice below" if r.notice_markdown else ""))
        else:  # no proposed change: the high-risk finding itself is the significant change of VII.2(5)
            what = (f"Notify every user actively ({channels}) of the high risk this assessment finds "
                    "(VII.2(5) counts it as a significant change); no proposed change was reviewed, so no "
                    "draft notice is shown")
        actions.append({"priority": "2", "what": esc(what),
                        "where": "all users", "why": esc("; ".join(x["clause"] for x in n["reasons"])),
                        "effect": "users informed as VII.2 requires"})
    if n["reconsent_required"]:
        actions.append({"priority": "2", "what": "Ask for fresh consent before the new processing starts",
                        "where": "affected users", "why": esc("; ".join(n["reconsent_reasons"])),
                        "effect": "processing stays within consent"})
    failed = [c for c in (r.validation or {}).get("checks", []) if c.get("status") == "fail"]
    if failed:
        rows = sum(int(c.get("failed_rows") or 0) for c in failed)
        clauses = sorted({x.strip() for c in failed for x in str(c.get("clause", "")).split(",") if x.strip()},
                         key=_clause_key)
        datasets = sorted({str(c.get("dataset", "")) for c in failed})
        actions.append({"priority": "3",
                        "what": esc(f"Correct {rows:,} row{'s' if rows != 1 else ''} that break "
                                    f"{len(failed)} dataset check{'s' if len(failed) != 1 else ''}")
                        + f"<br><small>{esc(', '.join(c['id'] for c in failed[:6]))}"
                        + (" …" if len(failed) > 6 else "") + "</small>",
                        "where": esc(", ".join(datasets)), "why": esc("clauses " + ", ".join(clauses)),
                        "effect": "promises kept by the data; lower likelihood"})
    rec = (r.scan or {}).get("reconciliation") or {}
    for item in rec.get("undeclared", []) or []:
        actions.append({"priority": "3", "what": esc(f"Disclose or stop collecting {item.get('category')}"),
                        "where": esc(", ".join(item.get("where", []))),
                        "why": esc(f"undisclosed collection (clause {item.get('clause', 'I')})"),
                        "effect": "inventory matches the data"})
    for item in rec.get("plaintext_sensitive", []) or []:
        actions.append({"priority": "3", "what": esc(f"Encrypt or hash {item.get('category')} at rest"),
                        "where": esc(", ".join(item.get("where", []))),
                        "why": esc(f"sensitive data stored in plaintext (clause {item.get('clause', 'III.3')})"),
                        "effect": "encryption claim holds"})
    missing = rec.get("not_found", []) or []
    if missing:
        actions.append({"priority": "4",
                        "what": esc(f"Confirm that {len(missing)} declared data categor"
                                    f"{'ies are' if len(missing) != 1 else 'y is'} still needed"),
                        "where": esc(", ".join(str(i.get("category")) for i in missing[:4])
                                     + (" …" if len(missing) > 4 else "")),
                        "why": "declared but found in no scanned table (minimisation)",
                        "effect": "less data held"})
    return actions


def _clause_key(clause: str) -> tuple[int, str]:
    order = ["preamble", "I", "II", "III", "IV", "V", "VI", "VII", "VIII"]
    head = clause.split(".")[0].split("(")[0]
    return (order.index(head) if head in order else len(order), clause)


def summary_html(r: ReportData) -> str:
    """The first screen: verdict, notification decision, key figures and the action plan."""
    grid, a = r.grid, r.assessment
    acts = sorted(a.get("activities", []), key=lambda x: x["id"])
    names = _activity_names(r)
    at_risk = [(x["id"], _worst(x, "residual", grid)["level"]) for x in acts
               if _level_class(_worst(x, "residual", grid)["level"], grid) == "lvl-high"]
    verdict_cls = "bad" if r.high_risk else "good"
    verdict = "High risk" if r.high_risk else "No high risk"
    basis = ""
    if r.manifest_only is not None:  # the data evidence changed the inputs: say so, beside `pia assess`'s figure
        mo = [x for x in r.manifest_only.get("activities", [])
              if _level_class(_worst(x, "residual", grid)["level"], grid) == "lvl-high"]
        basis = (" with the evidence from the service's data (dataset checks and discovery scan); from the "
                 f"manifest alone, as <code>pia assess</code> shows, {len(mo)} of "
                 f"{len(r.manifest_only.get('activities', []))} do")
    if at_risk:
        detail = (f"{len(at_risk)} of {len(acts)} processing activities keep a residual risk at or above "
                  f"<b>{esc(grid['unacceptable_from'])}</b>, the level this method ({esc(grid['name'])}) does not "
                  f"accept,{basis}. Under VII.2(5) a high risk in this assessment is itself a significant change.</p>"
                  '<table class="pia-table compact">' + "".join(
                      f'<tr><td>{esc(names.get(i, i))}</td><td><span class="lvl {_level_class(lv, grid)}">'
                      f"{esc(lv)}</span></td></tr>" for i, lv in sorted(at_risk, key=lambda x: (
                          -_rank_of(x[1], grid), x[0]))) + "</table><p>")
    else:
        detail = (f"None of the {len(acts)} processing activities keeps a residual risk at or above "
                  f"<b>{esc(grid['unacceptable_from'])}</b> ({esc(grid['name'])}){basis}.")
    n = r.notification()
    if n["required"]:
        notify = "Yes: " + ", ".join(esc(c) for c in n["channels"]) if n["channels"] else "Yes"
        why = "".join(f"<li><b>{esc(x['clause'])}</b> {esc(x['text'])}</li>" for x in n["reasons"])
        notify_body = f"<ul>{why}</ul>"
        if n["reconsent_required"]:
            notify_body += "<p><b>Fresh consent is required</b> before the new processing starts.</p>"
    else:
        notify = "No"
        notify_body = ("<p>No change under VII.2(1)–(5) was found" +
                       ("" if r.review else " (no proposed version was reviewed)") +
                       "; posting the updated policy is enough (VII.1).</p>")
    v = r.validation or {}
    checks = v.get("checks", [])
    failed = [c for c in checks if c.get("status") == "fail"]
    rec = (r.scan or {}).get("reconciliation") or {}
    elements = r.inventory.get("data_elements", [])
    kpis = [
        (len(acts), "processing activities", f"{len(at_risk)} at unacceptable residual risk"),
        (len(elements), "data elements", f"{sum(1 for e in elements if e.get('sensitive'))} sensitive"),
        (len(r.inventory.get("recipients", [])), "recipients", "sharing, transfer, disclosure"),
        (f"{len(failed)}/{len(checks)}" if checks else "—", "dataset checks failed",
         f"{sum(int(c.get('failed_rows') or 0) for c in failed):,} failing rows" if checks else "no estate given"),
        (len(rec.get("undeclared", []) or []) if r.scan else "—", "undeclared data categories",
         "found in the data, not in the policy" if r.scan else "no estate scanned"),
        (len((r.review or {}).get("triggers", [])) if r.review else "—", "significant-change triggers",
         f"{len((r.review or {}).get('changes', []))} changes reviewed" if r.review else "no proposed version"),
    ]
    kpi_html = "".join(f'<div class="kpi"><div class="kpi-n">{esc(nv)}</div><div class="kpi-l">{esc(lab)}</div>'
                       f'<div class="kpi-s">{esc(sub)}</div></div>' for nv, lab, sub in kpis)
    plan = action_plan(r)
    shown = plan[:12]
    plan_rows = [(f'<span class="prio p{p["priority"]}">{i}</span>', p["what"], p["where"], p["why"], p["effect"])
                 for i, p in enumerate(shown, 1)]
    more = f'<p class="muted">{len(plan) - len(shown)} further actions are in the sections below.</p>' \
        if len(plan) > len(shown) else ""
    policy = f" · {esc(r.service['policy'])}" if r.service.get("policy") else ""
    return f"""
<header class="pia-head">
  <div class="kicker">Privacy impact assessment · as of {esc(r.params['as_of'])}</div>
  <h1>{esc(r.service['name'])}</h1>
  <div class="sub">{esc(r.service['controller'])}{policy} · method {esc(grid['name'])}</div>
</header>
<section class="pia-summary">
  <h2 class="section">Executive summary</h2>
  <div class="verdicts">
    <div class="card verdict {verdict_cls}"><div class="card-h">Does the assessment indicate high risk?</div>
      <div class="big">{verdict}</div><p>{detail}</p></div>
    <div class="card verdict {'bad' if n['required'] else 'good'}"><div class="card-h">Must users be notified?</div>
      <div class="big">{notify}</div>{notify_body}</div>
  </div>
  <div class="kpis">{kpi_html}</div>
  <h3>Action plan</h3>
  {_table(plan_rows, ['#', 'Action', 'Where', 'Why', 'Effect'], 'plan') if plan_rows else '<p>No action needed.</p>'}
  {more}
</section>"""


def risk_html(r: ReportData, part: str = "all") -> str:
    """Per activity: screening criteria met, inherent and residual worst risk, and the main factors."""
    grid = r.grid
    names = _activity_names(r)
    rows = []
    for act in sorted(r.assessment.get("activities", []), key=lambda x: x["id"]):
        inh, res = _worst(act, "inherent", grid), _worst(act, "residual", grid)
        met = [c for c in screening_criteria(act) if c.get("met")]
        steps = [f for f in act.get("factors", []) if isinstance(f, Mapping) and f.get("stage") == "residual"
                 and f.get("feared_event") == res["event"] and f.get("before") != f.get("after")]
        fx = "".join(f"<li>{esc(_factor_text(f))}</li>" for f in steps[:6])
        more = f"<li class='muted'>… {len(steps) - 6} more</li>" if len(steps) > 6 else ""
        met_names = ", ".join(sorted({str(c.get("name") or c["id"]) for c in met}))
        rows.append((f"<b>{esc(names.get(act['id'], act['id']))}</b><br><small>{esc(act['id'])}</small>",
                     f"{len(met)}<br><small>{esc(met_names)}</small>",
                     f'<span class="lvl {_level_class(inh["level"], grid)}">{esc(inh["level"])}</span>',
                     (f'<span class="lvl {_level_class(res["level"], grid)}">{esc(res["level"])}</span>'
                      f'<br><small>{esc(res["event"]).replace("_", " ")}</small>'),
                     f"<ul class='factors'>{fx}{more}</ul>"))
    head = ('<h2 class="section">Risk map</h2><p class="lead">Each activity is placed by its worst feared event on '
            f'the matrix of {esc(grid["name"])}; the arrow runs from the inherent risk (controls ignored) to the '
            'residual risk (implemented controls counted).</p>')
    body = _table(rows, ["Activity", "Screening criteria met", "Inherent", "Residual", "Main factors"], "risk")
    return _part(head + BREAK + body, part)


def screening_criteria(act: Mapping[str, Any]) -> list[dict[str, Any]]:
    """An activity's screening criteria, whether given as a list or as `{criteria: [...]}`."""
    sc = act.get("screening") or []
    return list(sc.get("criteria", [])) if isinstance(sc, Mapping) else list(sc)


def _factor_text(f: Any) -> str:
    """One explanation step: `likelihood medium -> high: reason (source)`."""
    if not isinstance(f, Mapping):
        return str(f)
    step = f"{f.get('axis', '')} {f.get('before') or 'start'} → {f.get('after')}".strip()
    reason = f.get("reason") or f.get("text") or ""
    return f"{step}: {reason}" + (f" ({f['source']})" if f.get("source") else "")


def data_html(r: ReportData, part: str = "all") -> str:
    """Recipients of personal data, under the data map figure."""
    rows = [(f"<b>{esc(x['name'])}</b><br><small>{esc(x['id'])}</small>", esc(x["type"]), esc(x["flow"]),
             esc(", ".join(x["data_groups"])), esc(x["legal_basis"]), esc(x["location"]), esc(", ".join(x["clauses"])))
            for x in r.inventory.get("recipients", [])]
    sensitive = [e for e in r.inventory.get("data_elements", []) if e.get("sensitive")]
    sens = "".join(f"<li><b>{esc(e['name'])}</b> ({esc(e['category'])}): {esc(e.get('sensitivity_reason', ''))}</li>"
                   for e in sensitive)
    return _part('<h2 class="section">Data map</h2><p class="lead">What personal data the service holds, what it '
                 'is used for and who receives it.</p>' + BREAK
            + (f"<h3>Sensitive personal information</h3><ul>{sens}</ul>" if sens else "")
            + "<h3>Recipients</h3>"
            + _table(rows, ["Recipient", "Type", "Flow", "Data groups", "Basis", "Location", "Clauses"]), part)


def validation_html(r: ReportData, part: str = "all") -> str:
    """Dataset checks: which promises the data does not keep, with masked samples."""
    v = r.validation
    if not v:
        return _part('<h2 class="section">Validation findings</h2><p class="lead">No estate was given, so no '
                     'dataset check ran.</p>', part)
    rows = []
    order = {"fail": 0, "skipped": 1, "pass": 2}
    for c in sorted(v.get("checks", []), key=lambda c: (order.get(c.get("status"), 3), c["id"])):
        samples = c.get("samples") or []
        sample_txt = "; ".join(_sample_text(s) for s in samples[:3])
        rows.append((f"<b>{esc(c['id'])}</b><br><small>{esc(c.get('reason', ''))}</small>", esc(c.get("clause", "")),
                     _chip(c.get("status", ""), c.get("status", "")),
                     f"{int(c.get('failed_rows') or 0):,} / {int(c.get('rows_checked') or 0):,}",
                     f"<small>{esc(sample_txt)}</small>"))
    failed = sum(1 for c in v.get("checks", []) if c.get("status") == "fail")
    return _part('<h2 class="section">Validation findings</h2>'
            f'<p class="lead">{failed} of {len(v.get("checks", []))} checks of the policy\'s promises fail on the '
            f'service\'s own data (as of {esc(v.get("as_of", ""))}). Samples name rows by key; personal values are '
            'masked and secrets never shown.</p>' + BREAK
            + _table(rows, ["Check", "Clause", "Status", "Failed / checked rows", "Samples (masked)"]), part)


def _sample_text(s: Any) -> str:
    """A failing row as `KEY: column=masked value, ...` (values arrive already masked from the validation)."""
    if isinstance(s, Mapping):
        values = s.get("values") if isinstance(s.get("values"), Mapping) else {
            k: v for k, v in s.items() if k not in ("key", "row")}
        shown = ", ".join(f"{k}={v}" for k, v in sorted(values.items()))
        key = s.get("key", s.get("row", ""))
        return f"{key}: {shown}" if shown else str(key)
    return str(s)


def discovery_html(r: ReportData, part: str = "all") -> str:
    """Reconciliation of the scanned tables with the declared inventory."""
    s = r.scan
    if not s:
        return _part('<h2 class="section">Discovery findings</h2><p class="lead">No estate was scanned.</p>', part)
    rec = s.get("reconciliation") or {}
    rows = []
    for kind, title in (("undeclared", "found, not declared"), ("plaintext_sensitive", "sensitive in plaintext"),
                        ("not_found", "declared, not found")):
        for item in rec.get(kind, []) or []:
            rows.append((_chip(title, "fail" if kind != "not_found" else "skipped"), esc(item.get("category", "")),
                         "yes" if item.get("sensitive") else "no",
                         f"<small>{esc(', '.join(item.get('where', []) or []))}</small>",
                         esc(item.get("clause", "")), f"<small>{esc(item.get('reason', ''))}</small>"))
    ncols = sum(1 for t in s.get("tables", []) for c in t.get("columns", []) if c.get("category"))
    lead = (f'{len(s.get("tables", []))} tables scanned (up to {int(s.get("sample") or 0):,} rows each); '
            f'{ncols} columns hold personal data.')
    return _part('<h2 class="section">Discovery findings</h2>'
                 f'<p class="lead">{esc(lead)} Only patterns and match shares are kept, never values.</p>' + BREAK
                 + (_table(rows, ["Finding", "Category", "Sensitive", "Where", "Clause", "Reason"]) if rows
                    else "<p>The data matches the declared inventory.</p>"), part)


def changes_html(r: ReportData) -> str:
    """Change review of the proposed version: triggers, changes and the draft user notice."""
    rv = r.review
    if not rv:
        return '<h2 class="section">Change review</h2><p class="lead">No proposed version was reviewed.</p>'
    trig = [(esc(t.get("id", "")), esc(t.get("clause", "")), esc(trigger_text(t, rv.get("changes", []), r.names)))
            for t in rv.get("triggers", [])]
    changes = [(esc(change_phrase(c, r.names)) + f"<br><small><code>{esc(c.get('path', ''))}</code></small>",
                _chip(c.get("kind", ""), c.get("kind", "")), esc(c.get("trigger") or "minor"),
                f"<small>{esc(c.get('clause', ''))}</small>") for c in rv.get("changes", [])]
    verdict = "significant: users must be notified" if rv.get("significant") else "minor: posting the policy is enough"
    return ('<h2 class="section">Change review</h2>'
            f'<p class="lead">The proposed version is <b>{esc(verdict)}</b>.</p>'
            + ("<h3>Triggers</h3>" + _table(trig, ["Trigger", "Clause", "Changes"]) if trig else "")
            + "<h3>Changes</h3>" + _table(changes, ["Change", "Kind", "Trigger", "Clause"], "compact")
            + ("<h3>Draft notice to users</h3>" + f'<div class="notice">{markdown_html(r.notice_markdown)}</div>'
               if r.notice_markdown else ""))


def markdown_html(text: str) -> str:
    """A small, safe Markdown subset (headings, bullets, bold, paragraphs); everything else is escaped text."""
    out: list[str] = []
    in_list = False
    for raw in text.splitlines():
        line = raw.rstrip()
        m = re.match(r"^(#{1,6})\s+(.*)$", line)
        bullet = re.match(r"^\s*[-*]\s+(.*)$", line)
        if in_list and not bullet:
            out.append("</ul>")
            in_list = False
        if m:
            level = min(len(m.group(1)) + 2, 6)  # the notice's own headings sit below the report's h2/h3
            out.append(f"<h{level}>{_inline(m.group(2))}</h{level}>")
        elif bullet:
            if not in_list:
                out.append("<ul>")
                in_list = True
            out.append(f"<li>{_inline(bullet.group(1))}</li>")
        elif line.strip():
            out.append(f"<p>{_inline(line)}</p>")
    if in_list:
        out.append("</ul>")
    return "\n".join(out)


def _inline(text: str) -> str:
    s = esc(text)
    s = re.sub(r"\*\*(.+?)\*\*", r"<b>\1</b>", s)
    s = re.sub(r"(?<![\w*])\*([^*\s][^*]*?)\*(?![\w*])", r"<i>\1</i>", s)
    return re.sub(r"`(.+?)`", r"<code>\1</code>", s)


def appendix_html(r: ReportData) -> str:
    """Provenance: the sha256 of every input file, versions, method, as_of and the time of the run."""
    p = r.provenance
    files = [(f"<code>{esc(f['path'])}</code>", f"{f['bytes']:,}", f"<code class='hash'>{esc(f['sha256'])}</code>")
             for f in p.get("files", [])]
    vers = ", ".join(f"{esc(k)} {esc(v)}" for k, v in sorted(p.get("versions", {}).items()))
    return ('<h2 class="section">Appendix: provenance</h2>'
            f'<dl class="prov"><dt>Time of the run (UTC)</dt><dd>{esc(p.get("run_started"))}</dd>'
            f'<dt>as_of</dt><dd>{esc(p.get("as_of"))}</dd><dt>Method</dt><dd>{esc(r.grid["name"])} '
            f'(<code>{esc(p.get("method"))}</code>)</dd><dt>Versions</dt><dd>{vers}</dd>'
            f'<dt>Notebook</dt><dd><code>{esc(p.get("notebook"))}</code></dd></dl>'
            + "<h3>Input files (sha256)</h3>" + _table(files, ["File", "Bytes", "sha256"], "compact"))


__all__ = [
    "BREAK",
    "action_plan",
    "appendix_html",
    "changes_html",
    "data_html",
    "discovery_html",
    "esc",
    "markdown_html",
    "risk_html",
    "screening_criteria",
    "summary_html",
    "validation_html",
]
