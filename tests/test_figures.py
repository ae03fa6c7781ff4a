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
    labels = list(sankey.node.label)
    password = m.element("password")
    assert password.sensitive
    assert sankey.node.color[labels.index(password.name)] == "#c62828"
    # every (element, activity) use is one unit of flow out of the element
    uses = sum(1 for r in rows if r["data_element"] == "password")
    src = labels.index(password.name)
    assert sum(v for s, v in zip(sankey.link.source, sankey.link.value, strict=False) if s == src) == uses


def test_data_map_escapes_element_names():
    rows = [{"group": "account", "data_element": "x", "element_name": EVIL, "activity": "a", "sensitive": False,
             "recipients": []}]
    labels = list(figures.data_map(rows).data[0].node.label)
    assert EVIL not in labels and "&lt;img src=x onerror=alert(1)&gt;" in labels


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
    assert list(heat.x) == ["lowered", "unchanged"]
    assert list(heat.y) == ["wp248 · large scale", "wp248 · sensitive data"]
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
