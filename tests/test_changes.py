"""Classification of changes, decision, re-consent and the VII.2(5) risk trigger; one planted change at a time."""
from __future__ import annotations

import copy
import json
from unittest import mock

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from pia.changes import rules as changes
from pia.changes.diff import Change, ChangeKind
from pia.changes.rules import RULES, TRIGGERS, Verdict, classify, review
from pia.config import PROPOSED_MANIFEST, REFERENCE_MANIFEST
from pia.declare.manifest import Manifest, load_manifest
from pia.output import to_json

REFERENCE = yaml.safe_load(REFERENCE_MANIFEST.read_text(encoding="utf-8"))


def model(data: dict) -> Manifest:
    return Manifest.model_validate(data)


@pytest.fixture(autouse=True)
def not_high_risk(monkeypatch):
    """The risk engine is someone else's module: by default it says 'not high risk' for both sides."""
    calls = []

    def fake(manifest, method):
        calls.append(method)
        return Verdict(False)

    monkeypatch.setattr(changes, "_verdict", fake)
    return calls


def _by_id(items: list[dict], key: str, value: str) -> dict:
    return next(i for i in items if i.get(key) == value)


# --------------------------------------------------------------------------- plants: one change each

def add_face_element(d):
    d["data_elements"].append({"id": "face_template", "name": "Face features", "category": "user.biometric.facial_template",
                               "group": "snapshot", "source": "service_generated",
                               "retention": {"rule": "While enrolled"}, "clauses": ["I.4"]})
    _by_id(d["processing_activities"], "id", "alert_snapshots")["data_elements"].append("face_template")


def change_purpose(d):
    _by_id(d["processing_activities"], "id", "email_tracking")["purpose"] = "Build advertising profiles."


def change_category(d):
    _by_id(d["data_elements"], "id", "cookie_preferences")["category"] = "user.behavior.browsing_history"


def change_legal_basis(d):
    _by_id(d["processing_activities"], "id", "website_cookies")["legal_basis"] = "I.5(8)"


def start_profiling(d):
    _by_id(d["processing_activities"], "id", "order_fulfilment")["profiling"] = True


def add_shareholder(d):
    d["controller"]["ownership"]["controlling_shareholders"] = ["New Holdings Ltd."]


def change_controller(d):
    d["controller"]["legal_entity"] = "Acquirer Co., Ltd."


def add_consent_recipient(d):
    d["recipients"].append({"id": "ad_partner", "name": "Advertising partner", "type": "partner", "flow": "share",
                            "data_groups": ["account", "tracking"], "legal_basis": "consent",
                            "confidentiality_agreement": True, "location": "CN", "clauses": ["IV.1(1)"]})
    _by_id(d["processing_activities"], "id", "email_tracking")["recipients"].append("ad_partner")


def widen_recipient_groups(d):
    _by_id(d["recipients"], "id", "push_provider")["data_groups"].append("account")


def existing_recipient_on_activity(d):
    _by_id(d["processing_activities"], "id", "website_cookies")["recipients"] = ["cloud_provider"]


def change_right_how(d):
    _by_id(d["rights"], "kind", "delete")["how"] = "Only by registered letter."


def drop_right(d):
    d["rights"] = [r for r in d["rights"] if r["kind"] != "cancel_account"]


def slower_answers(d):
    d.setdefault("settings", {})["rights_response_days"] = 60


def security_email(d):
    d["controller"]["security_department"]["contact"]["email"] = "security@zosi.example"


def contact_email(d):
    d["controller"]["contact"]["email"] = "privacy@zosi.example"


def drop_complaint_channel(d):
    d["controller"]["complaint_channels"].pop()


SIGNIFICANT = [
    (add_face_element, "service_mode", "data_elements[face_template]"),
    (change_purpose, "service_mode", "processing_activities[email_tracking].purpose"),
    (change_category, "service_mode", "data_elements[cookie_preferences].category"),
    (change_legal_basis, "service_mode", "processing_activities[website_cookies].legal_basis"),
    (start_profiling, "service_mode", "processing_activities[order_fulfilment].profiling"),
    (add_shareholder, "ownership", "controller.ownership.controlling_shareholders[New Holdings Ltd.]"),
    (change_controller, "ownership", "controller.legal_entity"),
    (add_consent_recipient, "recipients", "recipients[ad_partner]"),
    (widen_recipient_groups, "recipients", "recipients[push_provider].data_groups[account]"),
    (existing_recipient_on_activity, "recipients", "processing_activities[website_cookies].recipients[cloud_provider]"),
    (change_right_how, "user_rights", "rights[delete].how"),
    (drop_right, "user_rights", "rights[cancel_account]"),
    (slower_answers, "user_rights", "settings.rights_response_days"),
    (security_email, "contact_channel", "controller.security_department.contact.email"),
    (contact_email, "contact_channel", "controller.contact.email"),
    (drop_complaint_channel, "contact_channel", "controller.complaint_channels[Administration for Industry and Commerce]"),
]


@pytest.mark.parametrize("plant, trigger, path", SIGNIFICANT, ids=[p.__name__ for p, _, _ in SIGNIFICANT])
def test_planted_change_gets_its_trigger_id(ref, plant, trigger, path):
    new = copy.deepcopy(ref)
    plant(new)
    r = review(model(ref), model(new))
    assert r.significant
    assert path in [c.path for c in r.changes]
    assert {c.trigger for c in r.changes} == {trigger}
    assert [t.id for t in r.triggers] == [trigger]
    assert r.triggers[0].clause == TRIGGERS[trigger].clause and path in r.triggers[0].changes
    assert r.notify.required and r.notify.channels == ["push", "popup", "email"]


def fix_typo(d):
    _by_id(d["data_elements"], "id", "cookie_preferences")["name"] = "Preferences and shopping cart kept in cookies"


def longer_retention_wording(d):
    _by_id(d["data_elements"], "id", "pixel_events")["retention"]["rule"] = "Kept at most 180 days, then deleted"


def cite_more_clauses(d):
    _by_id(d["recipients"], "id", "cloud_provider")["clauses"].append("III.3")


def new_estimate(d):
    _by_id(d["processing_activities"], "id", "email_tracking")["subjects_count"] = 310000


def policy_version(d):
    d["service"]["policy"]["version"] = "2.1"


MINOR = [fix_typo, longer_retention_wording, cite_more_clauses, new_estimate, policy_version]


@pytest.mark.parametrize("plant", MINOR, ids=[p.__name__ for p in MINOR])
def test_minor_change_is_not_significant_posting_is_enough(ref, plant):
    new = copy.deepcopy(ref)
    plant(new)
    r = review(model(ref), model(new))
    assert len(r.changes) == 1 and r.changes[0].trigger is None and r.changes[0].clause == "VII.1"
    assert not r.significant and r.triggers == []
    assert r.notify.required is False and r.notify.channels == [] and r.notify.posted
    assert not r.reconsent_required


def test_same_manifest_no_change_not_significant_and_risk_not_run(not_high_risk):
    m = load_manifest()
    r = review(m, m)
    assert r.changes == [] and not r.significant and not r.reconsent_required
    assert not_high_risk == [] and r.risk.assessed is False


def test_contact_channel_says_the_policy_list_omits_it(ref):
    new = copy.deepcopy(ref)
    security_email(new)
    t = review(model(ref), model(new)).trigger("contact_channel")
    assert t.in_policy_list is False and "GB/T 35273-2020 Annex D" in t.clause and "omits" in t.detail


def test_every_rule_names_a_known_trigger_and_a_reason():
    for rule in RULES:
        assert rule.trigger is None or rule.trigger in TRIGGERS
        assert len(rule.reason) > 10


def test_unknown_path_is_minor_with_its_reason():
    trig, reason = classify(Change(path="schema_version", kind=ChangeKind.changed, before=1, after=2))
    assert trig is None and "VII.1" in reason


# --------------------------------------------------------------------------- VII.2(5)

def _verdicts(monkeypatch, old: Verdict, new: Verdict, new_manifest: Manifest):
    monkeypatch.setattr(changes, "_verdict", lambda m, method: new if m is new_manifest else old)


def test_high_risk_trigger_when_new_is_high_and_old_was_not(ref, monkeypatch):
    new = copy.deepcopy(ref)
    start_profiling(new)
    old_m, new_m = model(ref), model(new)
    _verdicts(monkeypatch, Verdict(False), Verdict(True, ("order_fulfilment",)), new_m)
    r = review(old_m, new_m)
    t = r.trigger("high_risk_assessment")
    assert t is not None and t.clause == "VII.2(5)"
    assert [(x.activity, x.unacceptable) for x in t.rises] == [("order_fulfilment", True)]
    assert t.changes == ["processing_activities[order_fulfilment].profiling"]
    assert r.risk.new_high_risk is True and r.risk.old_high_risk is False


def test_no_high_risk_trigger_when_both_high_and_no_activity_newly_high(ref, monkeypatch):
    new = copy.deepcopy(ref)
    fix_typo(new)
    old_m, new_m = model(ref), model(new)
    same = Verdict(True, ("alert_snapshots",))
    _verdicts(monkeypatch, same, same, new_m)
    r = review(old_m, new_m)
    assert not r.significant and r.risk.new_high_risk and r.risk.old_high_risk


def test_newly_high_activity_triggers_even_if_old_was_high_and_promotes_its_minor_changes(ref, monkeypatch):
    new = copy.deepcopy(ref)
    new_estimate(new)
    old_m, new_m = model(ref), model(new)
    _verdicts(monkeypatch, Verdict(True, ("alert_snapshots",)), Verdict(True, ("alert_snapshots", "email_tracking")), new_m)
    r = review(old_m, new_m)
    assert [t.id for t in r.triggers] == ["high_risk_assessment"]
    assert [x.activity for x in r.triggers[0].rises] == ["email_tracking"]
    assert r.changes[0].trigger == "high_risk_assessment"


def test_broken_risk_engine_fails_instead_of_not_assessed(ref, monkeypatch):
    new = copy.deepcopy(ref)
    start_profiling(new)
    monkeypatch.undo()  # the real _verdict, with a risk module that cannot be imported
    monkeypatch.setitem(__import__("sys").modules, "pia.risk.scoring", None)
    with pytest.raises(ImportError):
        review(model(ref), model(new))


# --------------------------------------------------------------------------- re-consent

def test_reconsent_names_new_consent_recipient(ref):
    new = copy.deepcopy(ref)
    add_consent_recipient(new)
    r = review(model(ref), model(new))
    assert r.reconsent_required
    assert [(x.kind, x.subject) for x in r.reasons] == [("new_consent_recipient", "ad_partner")]
    assert "Advertising partner" in r.reasons[0].text and "IV.1(1)" in r.reasons[0].clause


def test_reconsent_names_new_sensitive_category(ref):
    new = copy.deepcopy(ref)
    add_face_element(new)
    r = review(model(ref), model(new))
    assert [(x.kind, x.subject) for x in r.reasons] == [("new_data_type", "alert_snapshots"),
                                                         ("new_sensitive_category", "user.biometric.facial_template")]
    assert "face_template" in r.reasons[1].text and "alert_snapshots" in r.reasons[1].text


def test_reconsent_names_changed_purpose(ref):
    new = copy.deepcopy(ref)
    change_purpose(new)
    r = review(model(ref), model(new))
    assert [(x.kind, x.subject) for x in r.reasons] == [("new_purpose", "email_tracking")]
    assert "Build advertising profiles." in r.reasons[0].text


def test_new_purpose_under_legal_obligation_needs_no_reconsent(ref):
    new = copy.deepcopy(ref)
    act = copy.deepcopy(_by_id(new["processing_activities"], "id", "rights_handling"))
    act.update(id="tax_reporting", purpose="Report sales to the tax office as the law requires.")
    new["processing_activities"].append(act)
    r = review(model(ref), model(new))
    assert r.significant and r.trigger("service_mode") and not r.reconsent_required


def test_existing_consent_recipient_receiving_more_groups_needs_reconsent(ref):
    new = copy.deepcopy(ref)
    add_consent_recipient(ref)
    add_consent_recipient(new)
    _by_id(new["recipients"], "id", "ad_partner")["data_groups"].append("device")
    r = review(model(ref), model(new))
    assert [(x.kind, x.subject) for x in r.reasons] == [("new_consent_recipient", "ad_partner")]
    assert "device" in r.reasons[0].text


# --------------------------------------------------------------------------- the shipped pair and the JSON

def test_shipped_pair_has_every_policy_trigger_and_contact_channel():
    r = review(load_manifest(), load_manifest(PROPOSED_MANIFEST))
    assert [t.id for t in r.triggers] == ["service_mode", "ownership", "recipients", "user_rights", "contact_channel"]
    assert {x.kind for x in r.reasons} == {"new_purpose", "new_sensitive_category", "new_consent_recipient"}
    assert len([c for c in r.changes if c.trigger is None]) >= 2


def test_shipped_pair_with_the_real_risk_engine_adds_vii_2_5(monkeypatch):
    monkeypatch.undo()  # use the real `_verdict`
    r = review(load_manifest(), load_manifest(PROPOSED_MANIFEST))
    t = r.trigger("high_risk_assessment")
    assert t is not None and "familiar_faces" in r.risk.new_high_activities
    assert "familiar_faces" not in r.risk.old_high_activities and r.risk.old_high_risk is not None


def test_to_dict_has_the_issue_fields_and_is_deterministic():
    old, new = load_manifest(), load_manifest(PROPOSED_MANIFEST)
    data = review(old, new).to_dict()
    assert {"significant", "triggers", "changes", "notify", "reconsent_required", "reasons"} <= set(data)
    assert set(data["triggers"][0]) >= {"id", "clause", "changes"}
    assert set(data["changes"][0]) >= {"path", "kind", "before", "after", "trigger"}
    assert set(data["notify"]) >= {"required", "channels"}
    assert to_json(data) == to_json(review(load_manifest(), load_manifest(PROPOSED_MANIFEST)).to_dict())
    json.loads(to_json(data))


# --------------------------------------------------------------------------- invariants

def reorder(d):
    d["data_elements"].reverse()
    d["notification_channels"].reverse()


def drop_logistics(d):
    d["recipients"] = [r for r in d["recipients"] if r["id"] != "logistics_partner"]
    act = _by_id(d["processing_activities"], "id", "order_fulfilment")
    act["recipients"] = [r for r in act["recipients"] if r != "logistics_partner"]


def fewer_channels(d):
    d["notification_channels"] = ["push"]


MUTATIONS = [p for p, _, _ in SIGNIFICANT] + MINOR + [reorder, drop_logistics, fewer_channels]


def _variant(plants, description: str) -> Manifest:
    d = copy.deepcopy(REFERENCE)
    for plant in plants:
        plant(d)
    d["service"]["description"] = description
    return model(d)


variants = st.builds(_variant, st.lists(st.sampled_from(MUTATIONS), unique=True, max_size=6), st.text(max_size=8))


@settings(max_examples=40, deadline=None)
@given(a=variants, b=variants)
def test_review_is_empty_on_itself_and_symmetric_in_paths(a, b):
    with mock.patch.object(changes, "_verdict", lambda m, method: Verdict(False)):
        assert review(a, a).changes == [] and not review(a, a).significant
        forward, backward = review(a, b), review(b, a)
    assert [c.path for c in forward.changes] == [c.path for c in backward.changes]
    swap = {"added": "removed", "removed": "added", "changed": "changed"}
    assert [swap[c.kind.value] for c in forward.changes] == [c.kind.value for c in backward.changes]
    assert [(c.before, c.after) for c in forward.changes] == [(c.after, c.before) for c in backward.changes]
    assert [t.id for t in forward.triggers] == [t.id for t in backward.triggers]
