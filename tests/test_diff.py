"""Semantic diff by ids: records matched by id, value lists as sets, paths that name what changed."""
from __future__ import annotations

import copy

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pia.changes.diff import ChangeKind, diff, diff_data, pattern_of
from pia.declare.manifest import Manifest, load_manifest


def model(data: dict) -> Manifest:
    return Manifest.model_validate(data)


def test_reference_with_itself_is_empty():
    m = load_manifest()
    assert diff(m, m) == []


def test_reordered_records_and_value_lists_are_no_change(ref):
    new = copy.deepcopy(ref)
    new["data_elements"].reverse()
    new["recipients"].reverse()
    new["processing_activities"][0]["data_elements"].reverse()
    new["notification_channels"].reverse()
    assert diff(model(ref), model(new)) == []


def test_added_record_is_one_change_carrying_the_whole_record(ref):
    new = copy.deepcopy(ref)
    new["recipients"].append({"id": "ad_partner", "name": "Ad partner", "type": "partner", "flow": "share",
                              "data_groups": ["tracking"], "legal_basis": "consent",
                              "confidentiality_agreement": True, "location": "CN", "clauses": ["IV.1(1)"]})
    changes = diff(model(ref), model(new))
    assert [(c.path, c.kind) for c in changes] == [("recipients[ad_partner]", ChangeKind.added)]
    assert changes[0].before is None and changes[0].after["name"] == "Ad partner"


def test_removed_record_is_named_by_its_id(ref):
    new = copy.deepcopy(ref)
    new["rights"] = [r for r in new["rights"] if r["kind"] != "delete"]
    changes = diff(model(ref), model(new))
    assert [(c.path, c.kind) for c in changes] == [("rights[delete]", ChangeKind.removed)]
    assert changes[0].before["kind"] == "delete" and changes[0].after is None


def test_field_change_path_names_the_record_id_and_field(ref):
    new = copy.deepcopy(ref)
    el = next(e for e in new["data_elements"] if e["id"] == "pixel_events")
    el["retention"]["rule"] = "At most 180 days"
    changes = diff(model(ref), model(new))
    assert [(c.path, c.kind, c.before, c.after) for c in changes] == [
        ("data_elements[pixel_events].retention.rule", ChangeKind.changed, "Estimate 180 days", "At most 180 days")]


def test_value_list_members_are_added_and_removed_one_by_one(ref):
    new = copy.deepcopy(ref)
    act = next(a for a in new["processing_activities"] if a["id"] == "account_management")
    act["data_elements"] = [e for e in act["data_elements"] if e != "email"] + ["birth_date"]
    paths = {(c.path, c.kind) for c in diff(model(ref), model(new))}
    assert paths == {("processing_activities[account_management].data_elements[birth_date]", ChangeKind.added),
                     ("processing_activities[account_management].data_elements[email]", ChangeKind.removed)}


def test_null_to_value_is_a_change_not_an_addition(ref):
    new = copy.deepcopy(ref)
    new["controller"]["contact"]["email"] = "privacy@example.com"
    changes = diff(model(ref), model(new))
    assert [(c.path, c.kind, c.before) for c in changes] == [("controller.contact.email", ChangeKind.changed, None)]


def test_complaint_channels_are_matched_by_authority(ref):
    new = copy.deepcopy(ref)
    new["controller"]["complaint_channels"].reverse()
    new["controller"]["complaint_channels"][0]["clauses"] = ["VIII", "V.5"]
    paths = [c.path for c in diff(model(ref), model(new))]
    assert paths == ["controller.complaint_channels[Administration for Industry and Commerce].clauses[V.5]"]


@pytest.mark.parametrize("path, pattern", [
    ("recipients[ad_partner].name", "recipients[*].name"),
    ("processing_activities[a].recipients[b]", "processing_activities[*].recipients[*]"),
    ("controller.contact.email", "controller.contact.email"),
    ("controller.complaint_channels[Public Security Bureau]", "controller.complaint_channels[*]"),
])
def test_pattern_of_replaces_every_id(path, pattern):
    assert pattern_of(path) == pattern


# --------------------------------------------------------------------------- invariants

json_values = st.recursive(st.none() | st.booleans() | st.integers(-5, 5) | st.text(max_size=4),
                           lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=3), inner, max_size=3),
                           max_leaves=8)


records = st.lists(st.fixed_dictionaries({"kind": st.sampled_from(["delete", "access_correct", "x"]),
                                          "how": st.text(max_size=3)}), max_size=3)
sections = st.dictionaries(st.sampled_from(["x", "y", "rights", "notification_channels"]),
                           json_values | records, max_size=4)


@settings(max_examples=200, deadline=None)
@given(a=sections, b=sections)
def test_diff_data_is_empty_on_itself_and_antisymmetric(a, b):
    assert diff_data(a, a) == []
    forward = diff_data(a, b)
    backward = diff_data(b, a)
    assert [c.swapped() for c in forward] == backward
