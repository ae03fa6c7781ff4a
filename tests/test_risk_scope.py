"""Risk engine: facts of reach and scope (issue 12, second calibration review) — the network the systems are
reachable from, data only relayed (transit), and measures outside the assessment's scope that a processor answers
for. Each test fails when its rule is taken out."""
from __future__ import annotations

import pytest

from pia.declare.design import Network, Place, ProcessingDesign
from pia.declare.lint import lint
from pia.declare.manifest import parse_manifest
from pia.declare.measures import Assurance, FearedEvent, MeasureState, MeasureStatus
from pia.errors import InputError
from pia.risk.scoring import Stage, assess
from tests.risk_hand import FIX, HAND, group, one, with_

ACCESS = FearedEvent.illegitimate_access


_one, _with, _group = one, with_, group


# --------------------------------------------------------------------------- network


def test_a_private_network_takes_away_the_online_point_only():
    # big_directory: online point (network group), staff, scale; CNIL: attackers reaching the online service
    private_design = ProcessingDesign(reachable_from=Network.private)
    plain = _one(HAND, "big_directory")
    private = _one(_with("big_directory", design=private_design), "big_directory")
    network = _group(private, ACCESS, "network")
    assert _group(plain, ACCESS, "network").rating == 1 and network.rating == 0
    assert any("reachable_from: private" in n for n in network.notes)
    for gid in ("flow", "participants", "business"):  # the other groups keep their points
        assert _group(private, ACCESS, gid).rating == _group(plain, ACCESS, gid).rating
    assert private.exposure[ACCESS] <= plain.exposure[ACCESS]  # mean of the two highest groups
    cnil = _one(_with("big_directory", design=private_design), "big_directory", "cnil")
    assert _group(cnil, ACCESS, "external").rating == 0
    assert _group(_one(HAND, "big_directory", "cnil"), ACCESS, "external").rating == 1


def test_devices_on_the_internet_still_count_on_a_private_network():
    # camera_alerts: online service, devices reachable from the internet, new technology -> 3; private -> 2
    private = _one(_with("camera_alerts", design=ProcessingDesign(reachable_from=Network.private)), "camera_alerts")
    reasons = _group(private, ACCESS, "network").reasons
    assert _group(private, ACCESS, "network").rating == 2 and any("devices" in r for r in reasons)


# --------------------------------------------------------------------------- transit


def test_relayed_data_is_reachable_but_not_a_store_of_everyone():
    # big_directory: uid of 10,000,000 people. Relayed only: the online point stays (the relay can be tapped),
    # the scale point goes (a breach of the relay reaches what passes while it lasts), a note says why
    relay = _one(_with("big_directory", design=ProcessingDesign(held_at={"uid": [Place.transit]})), "big_directory")
    assert _group(relay, ACCESS, "network").rating == 1
    business = _group(relay, ACCESS, "business")
    assert business.rating == 0 and any("only relayed" in n for n in business.notes)
    assert _group(_one(HAND, "big_directory"), ACCESS, "business").rating == 1


def test_relayed_sensitive_data_gives_no_scale_step_of_severity_but_stays_attractive():
    big = _with("camera_alerts", subjects_count=3_000_000)
    stored = _one(big, "camera_alerts")
    relay = _one(_with("camera_alerts", m=big, design=ProcessingDesign(held_at={"snap": [Place.transit]})),
                 "camera_alerts")
    assert any(s.rule == "impact.sensitive_scale" for s in stored.factors)
    assert not any(s.rule == "impact.sensitive_scale" for s in relay.factors)
    assert relay.inherent[ACCESS].impact_score <= stored.inherent[ACCESS].impact_score
    # interception of relayed snapshots still discloses them: base impact and attractiveness are unchanged
    assert any("attractive" in r for r in _group(relay, ACCESS, "business").reasons)
    # held only on the devices: one breach reaches one person, no scale step either (same rule as the likelihood)
    local = _one(_with("camera_alerts", m=big, design=ProcessingDesign(held_at={"snap": [Place.user_device]})),
                 "camera_alerts")
    assert not any(s.rule == "impact.sensitive_scale" for s in local.factors)


def test_lint_warns_when_relayed_data_is_kept_and_does_not_call_it_unencrypted_at_rest():
    m = _with("camera_alerts", design=ProcessingDesign(held_at={"snap": [Place.transit]}),
              measures={"encryption_at_rest": MeasureState(status=MeasureStatus.missing)})
    found = {f.rule: f for f in lint(m)}
    assert "snap" in found["transit_retained"].message and "without a bound" in found["transit_retained"].message
    assert found["transit_retained"].path.endswith("design.held_at.snap")
    assert "sensitive_unencrypted" not in {f.rule for f in lint(m) if "camera_alerts" in f.path}


# --------------------------------------------------------------------------- out of scope, a processor answers


def _scoped(assurance: Assurance, status: MeasureStatus = MeasureStatus.not_assessed, responsible: str | None = "cloud"):
    measures = dict(HAND.activity("camera_alerts").measures)
    measures["access_control"] = MeasureState(status=status, responsible=responsible, assurance=assurance)
    return _one(_with("camera_alerts", measures=measures), "camera_alerts")


def _state(status: MeasureStatus):
    measures = dict(HAND.activity("camera_alerts").measures)
    measures["access_control"] = MeasureState(status=status)
    return _one(_with("camera_alerts", measures=measures), "camera_alerts")


@pytest.mark.parametrize(("assurance", "as_status"), [(Assurance.none, MeasureStatus.missing),
                                                      (Assurance.planned, MeasureStatus.planned),
                                                      (Assurance.obtained, MeasureStatus.implemented)])
def test_an_out_of_scope_measure_counts_as_the_assurance_obtained_from_its_processor(assurance, as_status):
    got, same = _scoped(assurance), _state(as_status)
    for stage in (Stage.current, Stage.planned):
        assert got.stages[stage][ACCESS].likelihood_score == same.stages[stage][ACCESS].likelihood_score
    # no assurance is silence's score: declaring a measure out of scope never lowers the risk by itself
    assert _scoped(Assurance.none).residual[ACCESS].likelihood_score == \
        _state(MeasureStatus.not_assessed).residual[ACCESS].likelihood_score
    step = next(s for s in got.factors if s.rule == "likelihood.measures" and s.stage is Stage.current
                and s.feared_event is ACCESS)
    assert "access_control (cloud: " in step.reason and "Art. 28(3)(c)" in step.reason


def test_the_action_plan_asks_the_responsible_processor_for_assurance():
    measures = {k: MeasureState(status=MeasureStatus.not_assessed, responsible="cloud")
                for k in ("access_control", "logging", "network_security", "encryption_at_rest")}
    result = assess(_with("camera_alerts", measures=measures), method="gbt39335")
    (action,) = [x for x in result.actions if x.activity == "camera_alerts"]
    assert action.measures and all(m.responsible == "cloud" for m in action.measures
                                   if m.measure in measures)
    assert any(m.responsible == "cloud" for m in action.measures)
    from pia.risk.render import _plan_lines
    assert any(line.startswith("obtain assurance from cloud:") for line in _plan_lines(result, "camera_alerts"))


def _manifest_text(entry: str) -> str:
    text = (FIX / "hand.pia.yaml").read_text(encoding="utf-8")
    old = "measures: {encryption_in_transit: implemented, encryption_at_rest: implemented, access_control: implemented,"
    head, _, tail = text.partition("  - id: camera_alerts")  # the activity whose processor is `cloud`
    assert old in tail
    return head + "  - id: camera_alerts" + tail.replace(
        old, "measures: {encryption_in_transit: implemented, encryption_at_rest: implemented, "
             f"access_control: {entry},", 1)


@pytest.mark.parametrize(("entry", "says"), [
    ("{status: not_assessed, responsible: partner_us}", "not a processor among this activity's recipients"),
    ("{status: implemented, responsible: cloud}", "use status not_assessed"),
])
def test_responsible_must_be_a_processor_of_the_activity_on_a_measure_not_assessed(entry, says):
    with pytest.raises(InputError) as exc:
        parse_manifest(_manifest_text(entry), "hand.pia.yaml")
    (problem,) = exc.value.problems
    assert says in problem.message and problem.line and problem.path.endswith("measures.access_control.responsible")


def test_a_processor_of_the_activity_may_answer_for_a_measure():
    m = parse_manifest(_manifest_text("{status: not_assessed, responsible: cloud, assurance: obtained}"), "hand.pia.yaml")
    assert m.activity("camera_alerts").measures["access_control"].assurance is Assurance.obtained
