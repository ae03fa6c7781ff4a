"""Evidence mapped by the data a check judges, counted once, and bearing on the feared events its kind names."""
from __future__ import annotations

import pytest

from pia.declare.coverage import check_coverage
from pia.declare.datasets import TEMPLATES
from pia.declare.manifest import load_manifest
from pia.risk.bearing import load_evidence_map
from pia.risk.scoring import FearedEvent, assess
from pia.sources import unknown

ACCESS, MODIFY = FearedEvent.illegitimate_access, FearedEvent.unwanted_modification


@pytest.fixture(scope="module")
def ref():
    return load_manifest()


def _doc(ref, *ids: str) -> dict:
    """A validation document in which the given reference checks fail, listing the activities they declare."""
    decls = {c.id: c for c in ref.checks}
    return {"kind": "pia.validation", "checks": [
        {"id": i, "clause": ", ".join(decls[i].clauses), "status": "fail", "failed_rows": 3,
         "activities": list(decls[i].activities), "controls": list(decls[i].controls)} for i in ids]}


def _acts(result) -> dict:
    return {a.id: a for a in result.activities}


@pytest.fixture(scope="module")
def plain(ref):
    return _acts(assess(ref))


def _reasons(act, event) -> str:
    return "\n".join(r for g in act.likelihood_factors[event] for r in g.reasons)


def test_guardian_consent_check_bears_on_minors_not_on_email_tracking(ref, plain):
    # consents.minor_guardian declares [minor_protection, alert_snapshots, email_tracking]; it judges birth dates
    # (users.birth_date), which only minor_protection processes
    assert check_coverage(ref, next(c for c in ref.checks if c.id == "consents.minor_guardian")).activities == [
        "minor_protection"]
    got = _acts(assess(ref, evidence=[_doc(ref, "consents.minor_guardian")]))
    for other in ("email_tracking", "alert_snapshots"):
        assert got[other].model_dump() == plain[other].model_dump(), other
    assert "consents.minor_guardian" in _reasons(got["minor_protection"], ACCESS)
    rating = {g.group: g.rating for g in got["minor_protection"].likelihood_factors[ACCESS]}
    before = {g.group: g.rating for g in plain["minor_protection"].likelihood_factors[ACCESS]}
    assert rating["flow"] == before["flow"] + 1  # processing without a valid consent: the processing flow


def test_password_hash_failure_counts_once(ref, plain):
    got = _acts(assess(ref, evidence=[_doc(ref, "users.password_hashed")]))["account_management"]
    # counted through encryption_at_rest, which account_management claims: not effective ...
    use = next(u for u in got.measures if u.measure == "encryption_at_rest")
    assert not use.effective and use.contradicted_by == ["check users.password_hashed failed"]
    # ... and not a second time as a likelihood factor
    assert "users.password_hashed" not in _reasons(got, ACCESS)
    assert got.exposure == plain["account_management"].exposure
    assert got.residual[ACCESS].likelihood_score > plain["account_management"].residual[ACCESS].likelihood_score


@pytest.mark.parametrize("check", ["users.email_format", "users.phone_format"])
def test_format_defect_is_data_quality_not_access(ref, plain, check):
    got = _acts(assess(ref, evidence=[_doc(ref, check)]))["account_management"]
    before = plain["account_management"]
    assert got.exposure[ACCESS] == before.exposure[ACCESS] and check not in _reasons(got, ACCESS)
    assert got.exposure[MODIFY] >= before.exposure[MODIFY]
    flow = next(g for g in got.likelihood_factors[MODIFY] if g.group == "flow")
    was = next(g for g in before.likelihood_factors[MODIFY] if g.group == "flow")
    assert (was.rating, flow.rating) == (0, 1) and any(check in r and "accuracy" in r for r in flow.reasons)


def test_planned_measure_keeps_its_planned_credit_when_a_check_shows_it_missing(ref):
    # users.cancelled_erased evidences retention_enforcement, planned for account_management: the failure is the
    # measure's absence (counted once); carrying out the plan still counts it
    got = _acts(assess(ref, evidence=[_doc(ref, "users.cancelled_erased")]))["account_management"]
    use = next(u for u in got.measures if u.measure == "retention_enforcement")
    assert use.effective and use.credit["planned"] == 1.0 and use.credit["current"] == 0.0


def test_check_not_declared_by_the_manifest_maps_through_its_categories():
    hand = load_manifest(__import__("pathlib").Path(__file__).parent / "fixtures" / "risk" / "hand.pia.yaml")
    doc = {"kind": "pia.validation", "checks": [
        {"id": "x.snap_encrypted", "clause": "III.3", "status": "fail", "failed_rows": 1, "template": "flag_true",
         "kind": "confidentiality", "categories": ["user.content.camera_snapshot"], "activities": ["newsletter"]}]}
    got = _acts(assess(hand, evidence=[doc]))
    assert "x.snap_encrypted" in _reasons(got["camera_alerts"], ACCESS)
    assert "x.snap_encrypted" not in _reasons(got["newsletter"], ACCESS)


def test_every_template_has_a_kind_and_every_kind_a_catalogued_source():
    emap = load_evidence_map()
    assert set(TEMPLATES) <= set(emap.templates)
    for k in emap.kinds.values():
        assert k.source.startswith("pia default:") or not unknown(k.source), k.id
        for cite in k.duty.values():
            assert not unknown(cite), (k.id, cite)
    fmt = [emap.kind_of("pattern", {"regex": r}) for r in ("email", "e164")]
    assert all(ACCESS not in k.events and MODIFY in k.events for k in fmt)
    assert ACCESS in emap.kind_of("pattern", {"regex": "one_way_hash"}).events
    assert emap.kind_of("no_such_template").id == "unclassified"
