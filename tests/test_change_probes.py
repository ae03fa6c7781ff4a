"""The five change probes of issue 13, run with the real risk engine, and the refusal of a diff of two services."""
from __future__ import annotations

import copy

import pytest
import yaml

from pia.changes import rules as changes
from pia.changes.rules import Verdict, level_rises, review
from pia.cli import main
from pia.config import PROPOSED_MANIFEST, REFERENCE_MANIFEST
from pia.declare.manifest import Manifest, load_manifest
from pia.errors import InputError

REFERENCE = yaml.safe_load(REFERENCE_MANIFEST.read_text(encoding="utf-8"))


def _act(d: dict, act_id: str) -> dict:
    return next(a for a in d["processing_activities"] if a["id"] == act_id)


def _el(d: dict, el_id: str) -> dict:
    return next(e for e in d["data_elements"] if e["id"] == el_id)


def _review(change, **kw):
    old = copy.deepcopy(REFERENCE)
    new = copy.deepcopy(REFERENCE)
    change(new)
    return review(Manifest.model_validate(old), Manifest.model_validate(new), **kw)


def _set_measure(d: dict, act_id: str, measure: str, status: str) -> None:
    """Set a measure's status on an activity (its `measures` mapping)."""
    _act(d, act_id)["measures"][measure] = status


# --------------------------------------------------------------------------- the five probes


def test_probe_dropping_encryption_at_rest_on_snapshots_is_significant():
    r = _review(lambda d: _set_measure(d, "alert_snapshots", "encryption_at_rest", "missing"))
    t = r.trigger("promised_measure")
    assert r.significant and r.notify.required and t is not None
    assert t.changes == ["processing_activities[alert_snapshots].measures.encryption_at_rest.status"]
    (c,) = [c for c in r.changes if c.trigger == "promised_measure"]
    assert "III.3" in c.reason


def test_probe_improving_a_measure_is_not_a_promised_measure_dropped():
    def plan(d):
        _set_measure(d, "alert_snapshots", "retention_enforcement", "implemented")
    r = _review(plan)
    assert r.trigger("promised_measure") is None


def test_probe_snapshot_retention_thirty_days_to_ten_years_is_significant():
    r = _review(lambda d: _el(d, "alert_snapshot")["retention"].update(max_days=3650))
    t = r.trigger("retention_lengthened")
    assert r.significant and t is not None and t.clause == "PIPL Art. 17" and not t.in_policy_list
    assert t.changes == ["data_elements[alert_snapshot].retention.max_days"]


def test_shorter_retention_is_minor():
    r = _review(lambda d: _el(d, "alert_snapshot")["retention"].update(max_days=7))
    assert r.trigger("retention_lengthened") is None
    assert [c.trigger for c in r.changes if c.path.endswith("max_days")] == [None]


def test_retention_losing_its_bound_is_lengthened():
    r = _review(lambda d: _el(d, "alert_snapshot")["retention"].pop("max_days"))
    assert r.trigger("retention_lengthened") is not None


def test_probe_snapshots_stored_in_the_us_need_separate_consent():
    r = _review(lambda d: _act(d, "alert_snapshots")["storage"].update(locations=["CN", "US"], cross_border=True))
    t = r.trigger("cross_border")
    assert t is not None and "processing_activities[alert_snapshots].storage.locations[US]" in t.changes
    assert r.reconsent_required
    (reason,) = [x for x in r.reasons if x.kind == "cross_border"]
    assert reason.subject == "alert_snapshots" and "PIPL Art. 39" in reason.clause and "US" in reason.text


def test_new_recipient_abroad_is_recipients_and_cross_border():
    def add(d):
        d["recipients"].append({"id": "us_cloud", "name": "US storage", "type": "processor", "flow": "share",
                                "data_groups": ["snapshot"], "legal_basis": "service_agreement",
                                "confidentiality_agreement": True, "location": "US", "clauses": ["IV.1"]})
        _act(d, "alert_snapshots")["recipients"].append("us_cloud")
    r = _review(add)
    assert r.trigger("recipients") and "recipients[us_cloud]" in r.trigger("cross_border").changes
    assert ("cross_border", "us_cloud") in [(x.kind, x.subject) for x in r.reasons]


def test_probe_new_data_type_in_consent_based_activity_needs_consent():
    r = _review(lambda d: _act(d, "alert_snapshots")["data_elements"].append("phone_number"))
    assert r.reconsent_required
    (reason,) = r.reasons
    assert (reason.kind, reason.subject) == ("new_data_type", "alert_snapshots")
    # the activity's subjects include minors: their guardian consents (PIPL Art. 31)
    assert reason.clause == "PIPL Art. 14; PIPL Art. 31; PIPL Art. 28" and "phone_number" in reason.text


def test_new_data_type_under_contract_needs_no_consent():
    r = _review(lambda d: _act(d, "order_fulfilment")["data_elements"].append("username"))
    assert not r.reconsent_required


MARKETING = "Send personalised marketing offers based on the user's devices and purchases."


@pytest.mark.parametrize("activity,basis", [("service_security", "I.5(8)"), ("order_fulfilment", "contract"),
                                            ("account_management", "I.5(7)")])
def test_probe_purpose_changed_to_marketing_under_an_exemption_needs_consent(activity, basis):
    assert _act(REFERENCE, activity)["legal_basis"] == basis
    r = _review(lambda d: _act(d, activity).update(purpose=MARKETING))
    assert [(x.kind, x.subject) for x in r.reasons] == [("purpose_outside_exemption", activity)]
    assert basis in r.reasons[0].text


def test_contract_and_its_exemption_twin_follow_the_same_rule():
    def twin(basis):
        def change(d):
            _act(d, "order_fulfilment").update(purpose=MARKETING)
        old = copy.deepcopy(REFERENCE)
        _act(old, "order_fulfilment")["legal_basis"] = basis
        new = copy.deepcopy(old)
        change(new)
        r = review(Manifest.model_validate(old), Manifest.model_validate(new))
        return [x.kind for x in r.reasons]
    assert twin("contract") == twin("I.5(7)") == ["purpose_outside_exemption"]


def test_purpose_changed_under_legal_obligation_needs_no_consent():
    r = _review(lambda d: _act(d, "rights_handling").update(purpose="Answer requests as the amended law requires."))
    assert not r.reconsent_required


# --------------------------------------------------------------------------- VII.2(5): any rise, structured


def test_residual_level_rise_below_the_unacceptable_level_fires(monkeypatch):
    old_v = Verdict(False, (), (("email_tracking", "low"),), ("low", "medium", "high", "very_high"))
    new_v = Verdict(False, (), (("email_tracking", "medium"),), ("low", "medium", "high", "very_high"))
    old = Manifest.model_validate(REFERENCE)
    new_d = copy.deepcopy(REFERENCE)
    _act(new_d, "email_tracking")["subjects_count"] = 900000
    new = Manifest.model_validate(new_d)
    monkeypatch.setattr(changes, "_verdict", lambda m, method: new_v if m is new else old_v)
    r = review(old, new)
    t = r.trigger("high_risk_assessment")
    assert t is not None and [(x.activity, x.before, x.after, x.unacceptable) for x in t.rises] == [
        ("email_tracking", "low", "medium", False)]
    assert t.changes == ["processing_activities[email_tracking].subjects_count"]
    data = r.to_dict()["triggers"][0]
    assert data["rises"] == [{"activity": "email_tracking", "before": "low", "after": "medium", "unacceptable": False}]


def test_level_falling_does_not_fire():
    scale = ("low", "medium", "high")
    assert level_rises(Verdict(False, (), (("a", "high"),), scale), Verdict(False, (), (("a", "low"),), scale)) == []


def test_report_reads_the_structured_rise_not_a_sentence():
    from pia.report.data import trigger_text
    t = {"id": "high_risk_assessment", "name": "Impact assessment", "detail": "",
         "rises": [{"activity": "email_tracking", "before": "medium", "after": "high", "unacceptable": True}]}
    text = trigger_text(t, [], {"processing_activities[email_tracking]": "Tracking of marketing email"})
    assert text == "Impact assessment: Tracking of marketing email from medium to high"


def test_reference_pair_gives_its_six_triggers():
    r = review(load_manifest(REFERENCE_MANIFEST), load_manifest(PROPOSED_MANIFEST))
    assert [t.id for t in r.triggers] == ["service_mode", "ownership", "recipients", "user_rights",
                                         "high_risk_assessment", "contact_channel"]
    rises = {x.activity: (x.before, x.after) for x in r.trigger("high_risk_assessment").rises}
    assert rises["familiar_faces"][0] is None


def test_unchanged_reference_is_not_significant():
    m = load_manifest(REFERENCE_MANIFEST)
    r = review(m, m)
    assert not r.significant and not r.risk.assessed and not r.notify.required


# --------------------------------------------------------------------------- two different services


def test_diff_of_two_services_is_refused_unless_allowed():
    other = copy.deepcopy(REFERENCE)
    other["service"]["id"] = "other-service"
    old, new = Manifest.model_validate(REFERENCE), Manifest.model_validate(other)
    with pytest.raises(InputError) as exc:
        review(old, new)
    (line,) = exc.value.lines
    assert "service.id" in line and "--allow-different-services" in line
    assert review(old, new, allow_different_services=True).changes


def test_cli_refuses_two_services_with_one_line_exit_2(tmp_path, capsys):
    other = copy.deepcopy(REFERENCE)
    other["service"]["id"] = "other-service"
    path = tmp_path / "other.pia.yaml"
    path.write_text(yaml.safe_dump(other, sort_keys=False, allow_unicode=True), encoding="utf-8")
    with pytest.raises(SystemExit) as exc:
        main(["diff", str(REFERENCE_MANIFEST), str(path)])
    out, err = capsys.readouterr()
    lines = err.strip().splitlines()
    assert exc.value.code == 2 and out == "" and len(lines) == 1
    assert "service.id" in lines[0] and "Traceback" not in err
    with pytest.raises(SystemExit) as exc:
        main(["diff", str(REFERENCE_MANIFEST), str(path), "--allow-different-services", "--format", "json"])
    assert exc.value.code == 0


# --------------------------------------------------------------------------- the notice says what the probes change


def test_notice_of_the_probes_in_plain_words():
    from pia.changes.notice import draft_notice

    def probes(d):
        _set_measure(d, "alert_snapshots", "encryption_at_rest", "missing")
        _el(d, "alert_snapshot")["retention"].update(max_days=3650)
        _act(d, "alert_snapshots")["storage"].update(locations=["CN", "US"], cross_border=True)
    text = draft_notice(_review(probes))
    assert "keep still image taken by the camera when an alert fires longer: up to 3650 days (before: up to 30 days)" \
        in text
    assert "a protection our policy promises (encryption at rest) will no longer be fully in place" in text
    assert "stored in US, outside the country" in text
    assert "to store or send information of motion alerts with snapshots outside the country" in text
    assert "keep some of your information for longer" in text  # why, from the trigger catalogue


def test_consent_written_as_its_article_follows_the_consent_rule():
    old = copy.deepcopy(REFERENCE)
    _act(old, "alert_snapshots")["legal_basis"] = "PIPL Art. 13(1)"
    new = copy.deepcopy(old)
    _act(new, "alert_snapshots")["data_elements"].append("phone_number")
    r = review(Manifest.model_validate(old), Manifest.model_validate(new))
    assert [(x.kind, x.subject) for x in r.reasons] == [("new_data_type", "alert_snapshots")]
