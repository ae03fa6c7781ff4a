"""Plotly figures of an assessment: risk map, data map, validation results, screening and discovery.

Each function takes the kit's JSON-ready documents and returns a `plotly.graph_objects.Figure`;
nothing here shows a figure. Text from inputs is HTML-escaped, since plotly renders labels as markup.
"""
from __future__ import annotations

import html
import math
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import plotly.graph_objects as go

from pia.i18n import N_, _, current_language, pick
from pia.risk.screening import PIPL55_ITEMS

# Ordered greens to reds for risk levels, picked by a level's rank on its method's scale.
RISK_COLOURS = ["#2e7d32", "#f9a825", "#ef6c00", "#c62828"]
# One colour per section of the policy (I to VIII): clauses of one section share a colour.
SECTION_TOPICS = {  # our short names for the policy's sections, for legends
    "I": N_("collection and use"), "II": N_("cookies and tracking"), "III": N_("protection"),
    "IV": N_("sharing and disclosure"), "V": N_("users' rights"), "VI": N_("minors"), "VII": N_("policy updates"),
    "VIII": N_("contact"),
}
OTHER_SECTION = N_("other")
SECTION_COLOURS = {
    "I": "#1f77b4", "II": "#17becf", "III": "#d62728", "IV": "#9467bd",
    "V": "#ff7f0e", "VI": "#e377c2", "VII": "#8c564b", "VIII": "#7f7f7f",
}
FEARED_EVENTS = ("illegitimate_access", "unwanted_modification", "disappearance")
MARKER_SIZE = 18
# Characters of a node label in the data map, per column: activities and recipients share one gap between their
# columns (activity labels to the right of theirs, recipient labels to the left), so each gets half of it.
SANKEY_LABEL = {"group": 18, "element": 24, "activity": 15, "recipient": 15}
CHAR_WIDTH = 0.62  # average glyph width of the sans-serif fonts, in font sizes (generous; used to box labels)
RISK_MAP_HEIGHT = 520
RISK_MAP_WIDTH = 700  # the printed width (A4, 12 mm margins) at 96 px per inch: the narrowest the map is drawn
_FONT = {"family": "Segoe UI, Helvetica, Arial, sans-serif", "size": 12, "color": "#222"}
# Chinese text: the CJK fonts the report's CSS names (Debian fonts-wqy-microhei, Noto Sans CJK SC) come first.
_FONT_ZH = {**_FONT, "family": "WenQuanYi Micro Hei, Noto Sans CJK SC, Segoe UI, Helvetica, Arial, sans-serif"}
CJK_WIDTH = 1.6  # a Chinese character is about as wide as 1.6 average Latin ones: labels are cut shorter


def _font() -> dict[str, Any]:
    return _FONT_ZH if current_language() == "zh" else _FONT


def _limit(chars: int, text: str = "") -> int:
    """A label's length limit in characters: shorter for text in Chinese characters, which are wider."""
    return max(6, round(chars / CJK_WIDTH)) if re.search(r"[\u3000-\u9fff\uff00-\uffef]", text) else chars


FRAMEWORKS = {"gbt39335": N_("GB/T 39335"), "wp248": N_("WP248"), "pipl55": N_("PIPL Art. 55"),
              "pwd": N_("Platform Work Directive")}


def short(text: Any, limit: int) -> str:
    """A name cut to `limit` characters at a word boundary, with an ellipsis (the full name goes in the hover)."""
    text = str(text)
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    # At a word boundary when that keeps most of the room, else mid-word: "Selling, paying fo…" beats "Selling…".
    if " " in cut and len(cut.rsplit(" ", 1)[0]) >= limit * 2 // 3:
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip(" ,;:-") + "…"


def label(text: Any) -> str:
    """Text from inputs, escaped for plotly (which renders a subset of HTML in labels)."""
    return html.escape(str(text), quote=False)


def _layout(fig: go.Figure, title: str, height: int) -> go.Figure:
    fig.update_layout(title={"text": label(title), "x": 0, "font": {"size": 15}}, height=height,
                      font=_font(), paper_bgcolor="white", plot_bgcolor="white",
                      margin={"l": 20, "r": 20, "t": 50, "b": 30})
    return fig


def _risk_colour(level: str, levels: Sequence[str]) -> str:
    if level not in levels or len(levels) < 2:
        return RISK_COLOURS[0]
    rank = levels.index(level) / (len(levels) - 1)
    return RISK_COLOURS[round(rank * (len(RISK_COLOURS) - 1))]


def section_of(clause: str) -> str:
    """The policy section of a clause reference: `IV.1(2)` -> `IV`; the first of a list like `I.1, III.3`."""
    first = str(clause).split(",")[0].strip()
    return first.split(".")[0].split("(")[0] or "?"


# --------------------------------------------------------------------------- risk map


def worst_event(events: Mapping[str, Mapping[str, str]], risk_levels: Sequence[str]) -> dict[str, str]:
    """The feared event with the highest risk level (ties: first in FEARED_EVENTS order, then by name)."""
    order = [e for e in FEARED_EVENTS if e in events] + sorted(e for e in events if e not in FEARED_EVENTS)
    best = max(order, key=lambda e: (_rank(events[e].get("level"), risk_levels), -order.index(e)))
    return {"event": best, **events[best]}


def _rank(level: str | None, levels: Sequence[str]) -> int:
    return levels.index(level) if level in levels else -1


def risk_map(assessment: Mapping[str, Any], grid: Mapping[str, Any]) -> go.Figure:
    """The method's matrix as a heat map, each activity placed by its worst feared event, inherent -> residual.

    Parameters
    ----------
    assessment
        `Assessment.to_dict()`: `activities[{id, inherent, residual}]`, each a mapping of feared event to
        `{impact, likelihood, level}`.
    grid
        The method as `{name, impact_levels, likelihood_levels, risk_levels, matrix, unacceptable_from}`, where
        `matrix[impact][likelihood]` is a risk level (see `pia.report.run.method_grid`).
    """
    impacts = list(grid["impact_levels"])
    likelihoods = list(grid["likelihood_levels"])
    risk_levels = list(grid["risk_levels"])
    z = [[_rank(grid["matrix"][i][lk], risk_levels) for lk in likelihoods] for i in impacts]
    n = max(len(risk_levels) - 1, 1)
    scale = []
    for k, level in enumerate(risk_levels):
        colour = _risk_colour(level, risk_levels)
        scale += [[max(k - 0.5, 0) / n, colour], [min(k + 0.5, n) / n, colour]]
    fig = go.Figure(go.Heatmap(
        z=z, x=list(range(len(likelihoods))), y=list(range(len(impacts))), zmin=0, zmax=n, xgap=2, ygap=2,
        colorscale=scale, opacity=0.35, showscale=False, hoverinfo="skip"))
    for yi, i in enumerate(impacts):  # the cell's risk level in its corner, clear of the markers
        for xi, lk in enumerate(likelihoods):
            fig.add_annotation(x=xi - 0.47, y=yi + 0.47, text=label(_level_label(grid["matrix"][i][lk], grid)),
                               showarrow=False,
                               xanchor="left", yanchor="top", font={"size": 10, "color": "#666"})
    numbers = activity_numbers(assessment)
    activities = sorted(assessment.get("activities", []), key=lambda a: numbers[a["id"]])
    current = "current" if any(isinstance(a.get("current"), Mapping) for a in activities) else "residual"
    # Several activities may fall in one cell: spread them on a ring so markers and numbers never overlap.
    placed: Counter[tuple[str, str]] = Counter()
    for act in activities:
        inh = worst_event(act["inherent"], risk_levels)
        res = worst_event(act[current], risk_levels)
        points: list[tuple[float, float, str, dict[str, str]]] = []
        for kind, point in (("inherent", inh), ("current", res)):
            cell = (point["impact"], point["likelihood"])
            if points and cell == (inh["impact"], inh["likelihood"]):
                x, y = points[0][0], points[0][1]  # risk unchanged: one spot, no arrow
            else:
                dx, dy = _offset(placed[cell])
                placed[cell] += 1
                x, y = likelihoods.index(point["likelihood"]) + dx, impacts.index(point["impact"]) + dy
            points.append((x, y, kind, point))
        (x0, y0, _k0, p0), (x1, y1, _k1, p1) = points
        number = str(numbers[act["id"]])
        name = label(pick(act.get("name")) or act["id"])
        if (x0, y0) != (x1, y1):
            fig.add_annotation(x=x1, y=y1, ax=x0, ay=y0, xref="x", yref="y", axref="x", ayref="y",
                               showarrow=True, arrowhead=3, arrowsize=1.2, arrowwidth=1.5, standoff=MARKER_SIZE / 2,
                               startstandoff=5, arrowcolor="#444", text="")
        # The number sits inside the current-risk marker (the label box is the marker): names are in the hover
        # and in the numbered table under the map, so long names never collide on the matrix.
        fig.add_trace(go.Scatter(
            x=[x0, x1], y=[y0, y1], mode="markers+text", name=name, legendgroup=number,
            marker={"size": [9, MARKER_SIZE], "symbol": ["circle-open", "circle"], "color": "#263238",
                    "line": {"width": 2}},
            text=["", number], textposition="middle center", textfont={"size": 10, "color": "white"},
            customdata=[[label(_event(p0["event"])), _("inherent"), label(_level_label(p0["level"], grid))],
                        [label(_event(p1["event"])), _("current"), label(_level_label(p1["level"], grid))]],
            hovertemplate=f"<b>{number}. {name}</b><br>%{{customdata[1]}}: %{{customdata[2]}}"
                          + _("<br>worst event: {event}", event="%{customdata[0]}") + "<extra></extra>"))
    # Numeric axes (cell centres at 0, 1, ...) so markers can sit off-centre inside a cell.
    fig.update_xaxes(title_text=_("likelihood"), tickvals=list(range(len(likelihoods))),
                     ticktext=[label(_level_label(x, grid, "likelihood")) for x in likelihoods],
                     range=[-0.5, len(likelihoods) - 0.5],
                     showgrid=False, zeroline=False)
    fig.update_yaxes(title_text=_("impact"), tickvals=list(range(len(impacts))),
                     ticktext=[label(_level_label(y, grid, "impact")) for y in impacts], range=[-0.5, len(impacts) - 0.5],
                     showgrid=False, zeroline=False)
    fig.update_layout(showlegend=False)
    title = _("Risk map ({method}): open circle inherent, filled numbered current",
              method=method_title(str(grid["name"]), short=True) if grid.get("name") else _("method"))
    return _layout(fig, title, RISK_MAP_HEIGHT)


def activity_numbers(assessment: Mapping[str, Any]) -> dict[str, int]:
    """Activity id -> its number on the risk map and in the report's risk table (by name, then id)."""
    # Numbers follow the activities' English names (`order_name`, set by the report's gather), else their names:
    # the same numbers in every language.
    acts = sorted(assessment.get("activities", []),
                  key=lambda a: (str(a.get("order_name") or pick(a.get("name"), "en") or a["id"]).lower(), a["id"]))
    return {a["id"]: i for i, a in enumerate(acts, 1)}


def _words(value: Any) -> str:
    return str(value or "").replace("_", " ")


def number(n: Any) -> str:
    """A count with thousands grouped (pia.report.names.number)."""
    from pia.report.names import number as grouped

    return grouped(n)


def method_title(title: str, short: bool = False) -> str:
    """A risk method's title in the language in force (pia.report.names.method_title)."""
    from pia.report.names import method_title as titled

    return titled(title, short)


def _event(event: str) -> str:
    """A feared event's name (the names of the report: pia.report.names)."""
    from pia.report.names import event_name

    return event_name(event) if current_language() != "en" else _words(event)


def _level_label(level: str, grid: Mapping[str, Any], scale: str = "risk") -> str:
    """A level's label from the method (`very_high` -> `very high`), without a term in another script."""
    from pia.report.names import level_name

    return level_name(level, grid, scale)


def label_boxes(fig: go.Figure, width: int = RISK_MAP_WIDTH) -> list[tuple[str, float, float, float, float]]:
    """Boxes (text, x0, y0, x1, y1 in pixels) of the risk map's text: numbered markers and cell-level labels.

    Text width is estimated at 0.62 of the font size per character (a generous average for sans-serif fonts),
    height at 1.2 times the font size; a marker's number is boxed by the marker itself when it is larger.
    """
    layout = fig.layout
    margin = layout.margin
    plot_w = width - (margin.l or 0) - (margin.r or 0)
    plot_h = (layout.height or RISK_MAP_HEIGHT) - (margin.t or 0) - (margin.b or 0)
    x0r, x1r = layout.xaxis.range
    y0r, y1r = layout.yaxis.range

    def px(x: float, y: float) -> tuple[float, float]:
        return (x - x0r) / (x1r - x0r) * plot_w, (y1r - y) / (y1r - y0r) * plot_h

    def size(text: str, font: float) -> tuple[float, float]:
        return CHAR_WIDTH * font * len(text), 1.2 * font

    boxes = []
    for ann in layout.annotations:
        if not ann.text:
            continue
        w, h = size(ann.text, ann.font.size or 12)
        cx, cy = px(ann.x, ann.y)
        left = cx if ann.xanchor == "left" else cx - w if ann.xanchor == "right" else cx - w / 2
        top = cy if ann.yanchor == "top" else cy - h if ann.yanchor == "bottom" else cy - h / 2
        boxes.append((ann.text, left, top, left + w, top + h))
    for trace in fig.data:
        if trace.type != "scatter" or trace.text is None:
            continue
        sizes = trace.marker.size if isinstance(trace.marker.size, (list, tuple)) else [trace.marker.size] * len(trace.x)
        for x, y, text, msize in zip(trace.x, trace.y, trace.text, sizes, strict=False):
            if not text:
                continue
            w, h = size(text, trace.textfont.size or 12)
            w, h = max(w, msize or 0), max(h, msize or 0)
            cx, cy = px(x, y)
            boxes.append((text, cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2))
    return boxes


def _offset(k: int) -> tuple[float, float]:
    # A 3 x 3 grid inside the cell, centre first: neighbours are 0.28 of a cell apart across and 0.2 down, more
    # than a marker at the printed width; the top row stays below the cell's level label in its corner.
    ring = [(0, 0), (0.28, 0.2), (-0.28, -0.2), (0.28, -0.2), (-0.28, 0.2), (0, 0.2), (0, -0.2), (-0.28, 0),
            (0.28, 0)]
    return ring[k % len(ring)]


# --------------------------------------------------------------------------- data map


def data_map(rows: Iterable[Mapping[str, Any]], recipient_names: Mapping[str, Any] | None = None,
             group_names: Mapping[str, Any] | None = None) -> go.Figure:
    """Sankey of data groups -> data elements -> processing activities -> recipients.

    `rows` are `pia.declare.inventory.data_map(manifest)` rows; links weigh one per (element, activity) pair, so a
    band's width is how many uses flow through it. Sensitive elements are drawn in red. `group_names` (data group
    id to its name) names the groups in languages other than English; English keeps `<group> data`.
    """
    rows = list(rows)
    recipient_names = dict(recipient_names or {})
    group_names = dict(group_names or {})
    nodes: dict[tuple[str, str], int] = {}
    labels: list[str] = []
    full: list[str] = []
    colours: list[str] = []
    kind_colour = {"group": "#546e7a", "element": "#1976d2", "activity": "#6a1b9a", "recipient": "#00897b"}

    def node(kind: str, key: str, text: str, sensitive: bool = False) -> int:
        if (kind, key) not in nodes:
            nodes[(kind, key)] = len(labels)
            # Long names collide in the narrow columns: cut them, the full name is in the hover.
            labels.append(label(short(text, _limit(SANKEY_LABEL[kind], text))))
            full.append(label(text))
            colours.append("#c62828" if sensitive else kind_colour[kind])
        return nodes[(kind, key)]

    links: Counter[tuple[int, int]] = Counter()
    for r in rows:
        g = node("group", r["group"], str(pick(group_names[r["group"]])) if current_language() != "en"
                 and group_names.get(r["group"]) else _("{group} data", group=str(r["group"]).replace("_", " ")))
        e = node("element", r["data_element"], pick(r.get("element_name")) or r["data_element"],
                 bool(r.get("sensitive")))
        a = node("activity", r["activity"], pick(r.get("activity_name")) or r["activity"])
        links[(g, e)] += 1
        links[(e, a)] += 1
        for rec in r.get("recipients", []):
            links[(a, node("recipient", rec, pick(recipient_names.get(rec)) or rec))] += 1
    src, dst, val = zip(*[(s, d, v) for (s, d), v in sorted(links.items())], strict=False) if links else ((), (), ())
    fig = go.Figure(go.Sankey(
        arrangement="snap",
        node={"label": labels, "color": colours, "pad": 10, "thickness": 14, "line": {"width": 0},
              "customdata": full, "hovertemplate": "%{customdata}<extra></extra>"},
        link={"source": list(src), "target": list(dst), "value": list(val), "color": "rgba(120,144,156,0.25)"}))
    title = _("Data map: data groups → elements (red: sensitive) → activities → recipients")
    tallest = max(Counter(k[0] for k in nodes).values(), default=1)
    fig = _layout(fig, title, max(520, 24 * tallest + 90))
    fig.update_layout(font={"size": 10})
    return fig


# --------------------------------------------------------------------------- validation


def validation_results(validation: Mapping[str, Any]) -> go.Figure:
    """Failed rows per dataset check, one bar per check, coloured by the policy section of its clause.

    Passing checks show as empty rows so the reader sees what was checked; skipped checks are marked. The
    axis is logarithmic when the counts span two orders of magnitude or more.
    """
    checks = sorted(validation.get("checks", []), key=lambda c: (-int(c.get("failed_rows") or 0), c["id"]))
    fig = go.Figure()
    seen: set[str] = set()
    for c in checks:
        section = section_of(c.get("clause", ""))
        status = c.get("status", "")
        failed = int(c.get("failed_rows") or 0)
        fig.add_trace(go.Bar(
            y=[label(c["id"])], x=[failed if failed else None], orientation="h",  # None: no bar (log-safe)
            name=f"{section}: {_(SECTION_TOPICS.get(section) or OTHER_SECTION)}", legendgroup=section,
            showlegend=section not in seen,
            marker_color=SECTION_COLOURS.get(section, "#999"),
            text=[_("{failed} of {checked}", failed=number(failed), checked=number(c.get("rows_checked")))
                  if status != "skipped" else _("skipped")],
            textposition="outside", cliponaxis=False,
            customdata=[[label(c.get("clause", "")), label(_status(status)), label(c.get("dataset", ""))]],
            hovertemplate="<b>%{y}</b><br>" + _("clause {clause} · {dataset}<br>status {status}<br>failed rows {rows}",
                                                clause="%{customdata[0]}", dataset="%{customdata[2]}",
                                                status="%{customdata[1]}", rows="%{x}") + "<extra></extra>"))
        seen.add(section)
    counts = [int(c.get("failed_rows") or 0) for c in checks if int(c.get("failed_rows") or 0) > 0]
    # A log scale only when counts span orders of magnitude; small counts read better on a linear one.
    log = bool(counts) and max(counts) >= 100 * min(counts)
    top = max(counts, default=1)
    # Head room on the right for the "n of m" labels drawn outside the bars.
    span = [0, math.log10(top) + 0.5] if log else [0, top * 1.3]
    fig.update_xaxes(type="log" if log else "linear",
                     title_text=_("failed rows (log scale)") if log else _("failed rows"),
                     showgrid=True, gridcolor="#eee", range=span)
    fig.update_yaxes(autorange="reversed", type="category")
    fig.update_layout(barmode="overlay", legend={"title_text": _("policy section"), "orientation": "h", "y": -0.12,
                                                 "x": 0, "yanchor": "top"})
    return _layout(fig, _("Dataset checks: failed rows per check, coloured by policy section"),
                   max(340, 26 * len(checks) + 150))


def _status(status: str) -> str:
    """A check's status in words (English keeps the status as the validation document gives it)."""
    words = {"fail": N_("fail"), "pass": N_("pass"), "skipped": N_("skipped")}
    return _(words[status]) if current_language() != "en" and status in words else status


# --------------------------------------------------------------------------- screening


def _row_name(criterion: Mapping[str, Any]) -> str:
    """A criterion's row label: its name, or for a PIPL Art. 55 item its number and a few words.

    The law's full wording, shown in the tables, would leave the grid no room.
    """
    item = PIPL55_ITEMS.get(str(criterion.get("id", "")))
    if item is not None and item.short:
        return f"{item.clause.removeprefix('PIPL Art. 55')} {_(item.short)}"
    return _(str(criterion["name"])) if criterion.get("name") else str(criterion.get("id", ""))


def screening(assessment: Mapping[str, Any]) -> go.Figure:
    """High-risk screening criteria met per activity (rows: criteria by framework; columns: activities).

    Columns are the activities by number and short name (the full name in the hover), as on the risk map.
    """
    numbers = activity_numbers(assessment)
    activities = sorted(assessment.get("activities", []), key=lambda a: numbers[a["id"]])
    # Columns carry the activity's number (as on the risk map and in the risk table); the name is in the hover.
    columns = {a["id"]: str(numbers[a["id"]]) for a in activities}
    criteria: dict[tuple[str, str], dict[str, Any]] = {}
    for act in activities:
        sc = act.get("screening") or []
        for c in (sc.get("criteria", []) if isinstance(sc, Mapping) else sc):
            criteria.setdefault((c.get("framework", ""), _row_name(c)), {})[act["id"]] = c
    keys = sorted(criteria)
    z, hover = [], []
    for key in keys:
        row, hrow = [], []
        for act in activities:
            c = criteria[key].get(act["id"])
            met = bool(c and c.get("met"))
            row.append(1 if met else 0)
            evidence = c.get("evidence", "") if c else ""
            if isinstance(evidence, (list, tuple)):
                evidence = "; ".join(map(str, evidence))
            hrow.append(label(f"{pick(act.get('name')) or act['id']}: "
                              + (str(evidence)[:300] or (_("met") if met else _("not met")))))
        z.append(row)
        hover.append(hrow)
    ylabels = [label(f"{_(FRAMEWORKS[fw]) if fw in FRAMEWORKS else fw} · {cid}" if fw else cid) for fw, cid in keys]
    fig = go.Figure(go.Heatmap(
        z=z, x=[columns[a["id"]] for a in activities], y=ylabels, zmin=0, zmax=1,
        colorscale=[[0, "#f1f3f4"], [0.5, "#f1f3f4"], [0.5, "#ef6c00"], [1, "#ef6c00"]], showscale=False,
        xgap=2, ygap=2, customdata=hover,
        hovertemplate="<b>%{x}</b><br>%{y}<br>%{customdata}<extra></extra>"))
    fig.update_xaxes(type="category", tickangle=0, side="bottom", tickvals=[columns[a["id"]] for a in activities],
                     ticktext=[f"<b>{columns[a['id']]}</b>" for a in activities],
                     title_text=_("activity, numbered as on the risk map"))
    fig.update_yaxes(type="category", autorange="reversed")
    fig = _layout(fig, _("High-risk screening: criteria met per activity (orange: met)"),
                  max(380, 20 * len(keys) + 220))
    fig.update_layout(margin={"b": 80})
    return fig


# --------------------------------------------------------------------------- discovery


def discovery(scan: Mapping[str, Any]) -> go.Figure:
    """Personal-data columns found per scanned table, split by how they reconcile with the declared inventory."""
    rec = scan.get("reconciliation", {}) or {}
    status_of: dict[str, str] = {}
    for kind in ("undeclared", "plaintext_sensitive"):
        for item in rec.get(kind, []) or []:
            for where in item.get("where", []) or []:
                status_of.setdefault(str(where), kind)
    counts: dict[str, Counter[str]] = {}
    for t in scan.get("tables", []) or []:
        table = str(t.get("table") or t.get("source") or "?")
        for col in t.get("columns", []) or []:
            if not col.get("category"):
                continue
            where = f"{table}.{col.get('name')}"
            counts.setdefault(table, Counter())[status_of.get(where, "declared")] += 1
    tables = sorted(counts)
    fig = go.Figure()
    for kind, colour, text in (("declared", "#1976d2", N_("declared in the inventory")),
                               ("undeclared", "#c62828", N_("not declared (undisclosed collection)")),
                               ("plaintext_sensitive", "#ef6c00", N_("sensitive, stored in plaintext"))):
        fig.add_trace(go.Bar(x=[label(t) for t in tables], y=[counts[t][kind] for t in tables], name=_(text),
                             marker_color=colour,
                             hovertemplate=_("{table}: {n} columns", table="%{x}", n="%{y}")
                             + "<extra>" + _(text) + "</extra>"))
    fig.update_layout(barmode="stack", legend={"orientation": "h", "y": -0.25})
    fig.update_yaxes(title_text=_("personal-data columns"), gridcolor="#eee")
    return _layout(fig, _("Discovery: personal-data columns found per table"), 380)
