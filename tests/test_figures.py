"""Figures: each function returns a plotly Figure built from the kit's JSON documents, with input text escaped."""
from __future__ import annotations

import json

import plotly.graph_objects as go
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pia.report import figures
from pia.declare.inventory import data_map
from pia.declare.manifest import load_manifest
from pia.risk.methods import load_method
from pia.report.run import method_grid

EVIL = "<img src=x onerror=alert(1)>"


@pytest.fixture(scope="module")
def grid() -> dict:
    return method_grid(load_method("gbt39335"))


def _events(impact: str, likelihood: str, level: str) -> dict:
    return {e: {"impact": impact, "likelihood": likelihood, "level": level} for e in figures.FEARED_EVENTS}


@pytest.fixture
def assessment() -> dict:
    return {"activities": [
        {"id": "lowered", "inherent": _events("severe", "very_high", "severe"),
         "residual": _events("severe", "medium", "high"),
         "screening": {"criteria": [{"id": "wp248.4", "framework": "wp248", "name": "sensitive data", "met": True,
                                     "evidence": "passwords"},
                                    {"id": "wp248.5", "framework": "wp248", "name": "large scale", "met": False}]}},
        {"id": "unchanged", "inherent": _events("low", "low", "low"), "residual": _events("low", "low", "low"),
         "screening": [{"id": "wp248.4", "framework": "wp248", "name": "sensitive data", "met": False}]},
    ]}


def test_risk_map_heatmap_is_the_method_matrix(grid, assessment):
    fig = figures.risk_map(assessment, grid)
    heat = next(t for t in fig.data if isinstance(t, go.Heatmap))
    levels = grid["risk_levels"]
    # row 'severe' x column 'medium' of Table D.5 is 'high'
    assert heat.z[grid["impact_levels"].index("severe")][grid["likelihood_levels"].index("medium")] \
        == levels.index("high")
    assert len(heat.z) == 4 and all(len(row) == 4 for row in heat.z)


def test_risk_map_arrow_only_when_inherent_differs_from_residual(grid, assessment):
    fig = figures.risk_map(assessment, grid)
    arrows = [a for a in fig.layout.annotations if a.showarrow]
    assert len(arrows) == 1
    assert (arrows[0].ax, arrows[0].ay) == pytest.approx((3, 3), abs=0.4)  # from very_high / severe
    assert (arrows[0].x, arrows[0].y) == pytest.approx((1, 3), abs=0.4)  # to medium / severe
    names = sorted(t.name for t in fig.data if isinstance(t, go.Scatter))
    assert names == ["lowered", "unchanged"]


def test_risk_map_escapes_activity_ids(grid, assessment):
    assessment["activities"][0]["id"] = EVIL
    fig = figures.risk_map(assessment, grid)
    dumped = json.dumps(fig.to_plotly_json(), default=str)
    assert EVIL not in dumped and "&lt;img src=x onerror=alert(1)&gt;" in dumped


def test_worst_event_picks_highest_level_and_first_on_tie(grid):
    events = {"disappearance": {"impact": "low", "likelihood": "low", "level": "high"},
              "illegitimate_access": {"impact": "low", "likelihood": "low", "level": "high"},
              "unwanted_modification": {"impact": "low", "likelihood": "low", "level": "low"}}
    assert figures.worst_event(events, grid["risk_levels"])["event"] == "illegitimate_access"


@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 3), st.integers(0, 3), st.integers(0, 3), st.integers(0, 3)),
                min_size=0, max_size=12))
def test_risk_map_places_every_activity_inside_the_matrix(points):
    g = method_grid(load_method("gbt39335"))
    imp, lik = g["impact_levels"], g["likelihood_levels"]
    acts = [{"id": f"a{i}", "inherent": _events(imp[a], lik[b], g["matrix"][imp[a]][lik[b]]),
             "residual": _events(imp[c], lik[d], g["matrix"][imp[c]][lik[d]])}
            for i, (a, b, c, d) in enumerate(points)]
    fig = figures.risk_map({"activities": acts}, g)
    scatters = [t for t in fig.data if isinstance(t, go.Scatter)]
    assert len(scatters) == len(acts)
    for t in scatters:
        assert all(-0.5 < x < 3.5 for x in t.x) and all(-0.5 < y < 3.5 for y in t.y)


def test_data_map_sankey_flows_and_sensitive_colour():
    m = load_manifest()
    rows = data_map(m)
    fig = figures.data_map(rows, {r.id: r.name for r in m.recipients})
    sankey = fig.data[0]
    assert isinstance(sankey, go.Sankey)
    full = list(sankey.node.customdata)  # the full names, shown in the hover
    password = m.element("password")
    assert password.sensitive
    assert sankey.node.color[full.index(password.name)] == "#c62828"
    # every (element, activity) use is one unit of flow out of the element
    uses = sum(1 for r in rows if r["data_element"] == "password")
    src = full.index(password.name)
    assert sum(v for s, v in zip(sankey.link.source, sankey.link.value, strict=False) if s == src) == uses


def test_data_map_escapes_element_names():
    rows = [{"group": "account", "data_element": "x", "element_name": EVIL, "activity": "a", "sensitive": False,
             "recipients": []}]
    node = figures.data_map(rows).data[0].node
    assert EVIL not in list(node.label) + list(node.customdata)
    assert "&lt;img src=x onerror=alert(1)&gt;" in node.customdata


def test_data_map_labels_are_cut_to_their_column_width_with_the_full_name_in_the_hover():
    import html

    m = load_manifest()
    node = figures.data_map(data_map(m), {r.id: r.name for r in m.recipients}).data[0].node
    longest = max(figures.SANKEY_LABEL.values())
    assert all(len(html.unescape(lab)) <= longest for lab in node.label)
    cut = [(lab, name) for lab, name in zip(node.label, node.customdata, strict=False) if lab != name]
    assert cut and all(lab.endswith("…") and html.unescape(name).startswith(html.unescape(lab)[:-1].rstrip())
                       for lab, name in cut)
    assert "%{customdata}" in node.hovertemplate


def test_data_map_labels_fit_between_the_columns_at_the_printed_width():
    """Sankey labels sit right of their node (left of it in the last column): activity and recipient labels share
    the gap between those two columns, so each must fit in half of it at the printed width (A4, 703 px)."""
    import html

    m = load_manifest()
    fig = figures.data_map(data_map(m), {r.id: r.name for r in m.recipients})
    node, layout = fig.data[0].node, fig.layout
    width = figures.RISK_MAP_WIDTH - layout.margin.l - layout.margin.r
    gap = (width - 4 * node.thickness) / 3 - 2 * 6  # three gaps between four columns; 6 px padding each side
    font = layout.font.size

    def longest(kind_colour):
        return max(len(html.unescape(lab)) for lab, c in zip(node.label, node.color, strict=True) if c == kind_colour)
    px = figures.CHAR_WIDTH * font
    assert longest("#6a1b9a") * px + longest("#00897b") * px <= gap  # activities + recipients share one gap
    assert max(len(html.unescape(lab)) for lab in node.label) * px <= gap  # any other label fits a gap alone


def _overlaps(boxes):
    return [(a[0], b[0]) for i, a in enumerate(boxes) for b in boxes[i + 1:]
            if a[1] < b[3] and b[1] < a[3] and a[2] < b[4] and b[2] < a[4]]


@pytest.mark.parametrize("method", ["gbt39335", "cnil", "ico"])
def test_risk_map_of_the_reference_assessment_has_no_overlapping_labels(method):
    from pia.risk.scoring import assess

    g = method_grid(load_method(method))
    fig = figures.risk_map(assess(load_manifest(), method=method).to_dict(), g)
    boxes = figures.label_boxes(fig)
    numbers = [b for b in boxes if b[0].isdigit()]
    assert len(numbers) == len(load_manifest().processing_activities)  # every activity is labelled
    assert _overlaps(boxes) == []


@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 3), st.integers(0, 3), st.integers(0, 3), st.integers(0, 3)),
                min_size=1, max_size=9))
def test_risk_map_labels_never_overlap_for_up_to_nine_activities(points):
    g = method_grid(load_method("gbt39335"))
    imp, lik = g["impact_levels"], g["likelihood_levels"]
    acts = [{"id": f"a{i}", "name": f"Activity with a long name {i}",
             "inherent": _events(imp[a], lik[b], g["matrix"][imp[a]][lik[b]]),
             "residual": _events(imp[c], lik[d], g["matrix"][imp[c]][lik[d]])}
            for i, (a, b, c, d) in enumerate(points)]
    boxes = figures.label_boxes(figures.risk_map({"activities": acts}, g))
    assert _overlaps(boxes) == []


def test_label_boxes_detect_an_overlap():
    """The overlap check can fail: two labels drawn at one spot overlap."""
    fig = go.Figure(go.Scatter(x=[0, 0.01], y=[0, 0], text=["1", "2"], mode="markers+text", marker={"size": 18},
                               textfont={"size": 10}))
    fig.update_layout(height=520, margin={"l": 20, "r": 20, "t": 50, "b": 30})
    fig.update_xaxes(range=[-0.5, 3.5])
    fig.update_yaxes(range=[-0.5, 3.5])
    assert _overlaps(figures.label_boxes(fig)) == [("1", "2")]


def test_risk_map_and_screening_name_levels_and_frameworks_not_ids(grid, assessment):
    assessment["activities"][0]["name"] = "Lowered activity"
    risk = figures.risk_map(assessment, grid)
    assert "very high" in risk.layout.xaxis.ticktext and "very_high" not in risk.layout.xaxis.ticktext
    scatter = next(t for t in risk.data if isinstance(t, go.Scatter) and t.name == "Lowered activity")
    assert "Lowered activity" in scatter.hovertemplate
    heat = figures.screening(assessment).data[0]
    assert all(not y.startswith(("wp248 ", "gbt39335 ", "pipl55 ")) for y in heat.y)
    assert list(heat.x) == ["1", "2"]  # numbered as on the risk map


def test_validation_results_one_bar_per_check_coloured_by_section():
    doc = {"checks": [
        {"id": "users.password_hashed", "clause": "I.1, III.3", "status": "fail", "rows_checked": 10, "failed_rows": 3},
        {"id": "snapshots.encrypted", "clause": "III.3", "status": "fail", "rows_checked": 10, "failed_rows": 5},
        {"id": "sharing.recipient_declared", "clause": "IV.1", "status": "pass", "rows_checked": 10, "failed_rows": 0},
    ]}
    fig = figures.validation_results(doc)
    bars = {t.y[0]: t for t in fig.data}
    assert list(bars) == ["snapshots.encrypted", "users.password_hashed", "sharing.recipient_declared"]
    assert bars["users.password_hashed"].marker.color == figures.SECTION_COLOURS["I"]
    assert bars["snapshots.encrypted"].marker.color == figures.SECTION_COLOURS["III"]
    assert bars["sharing.recipient_declared"].x[0] is None  # zero failed rows: no bar on a log axis


@pytest.mark.parametrize("clause, section", [("IV.1(2)", "IV"), ("I.1, III.3", "I"), ("VIII", "VIII"), ("", "?")])
def test_section_of_boundaries(clause, section):
    assert figures.section_of(clause) == section


def test_screening_matrix_accepts_list_or_criteria_mapping(assessment):
    fig = figures.screening(assessment)
    heat = fig.data[0]
    assert list(heat.x) == ["1", "2"]  # "lowered", "unchanged" by name, numbered as on the risk map
    assert list(heat.y) == ["WP248 · large scale", "WP248 · sensitive data"]
    assert [list(r) for r in heat.z] == [[0, 0], [1, 0]]


def test_discovery_splits_columns_by_reconciliation():
    scan = {"tables": [{"table": "users", "columns": [{"name": "email", "category": "user.contact.email"},
                                                      {"name": "note", "category": None},
                                                      {"name": "id_card", "category": "user.government_id"}]}],
            "reconciliation": {"undeclared": [{"category": "user.government_id", "where": ["users.id_card"]}],
                               "plaintext_sensitive": [], "not_found": []}}
    fig = figures.discovery(scan)
    by_name = {t.name: list(t.y) for t in fig.data}
    assert by_name["declared in the inventory"] == [1]
    assert by_name["not declared (undisclosed collection)"] == [1]
    assert by_name["sensitive, stored in plaintext"] == [0]


def test_screening_rows_of_pipl_items_are_short_enough_to_leave_the_grid_room():
    """PIPL Art. 55's items are worded in full in the tables; the figure labels them by number and a few words."""
    from pia.declare.manifest import load_manifest
    from pia.risk import assess
    from pia.risk.screening import PIPL55_ITEMS

    heat = figures.screening(assess(load_manifest()).to_dict()).data[0]
    pipl = [y for y in heat.y if "55" in y]
    assert pipl and all(len(y) <= 60 for y in heat.y), max(heat.y, key=len)
    assert all(item.words not in " ".join(heat.y) for item in PIPL55_ITEMS.values())
    assert any("(3) entrusted processing" in y for y in pipl)
