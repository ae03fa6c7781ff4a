"""Each law's own view of "abroad" (pia.declare.transfers.leaving) in the screening, the change review and the ROPA.

The kidwatch sample is a Chinese controller serving families in China and the EU: storage in CN and DE, processors
in CN (cloud, map provider) and DE (cloud). EU families' data kept in Frankfurt is not provided abroad under PIPL
(PIPL Art. 3); EU children's positions sent to the Chinese map provider are a GDPR Chapter V transfer.
"""
from __future__ import annotations

import pytest

from pia import config
from pia.declare.manifest import load_manifest
from pia.declare.transfers import leaving, regimes_left
from pia.risk.screening import cross_border_reasons, screen

KIDWATCH = config.DATA_SAMPLES / "kidwatch" / "kidwatch.pia.yaml"


@pytest.fixture()
def kid():
    return load_manifest(KIDWATCH)


def _pipl554(m, a):
    return next(c for c in screen(m, a) if c.id == "pipl55.4")


def _with(m, **service):
    return m.model_copy(update={"service": m.service.model_copy(update=service)})


def test_eu_families_data_kept_in_frankfurt_is_not_provided_abroad_under_pipl(kid):
    a = kid.processing_activities[0]
    assert set(a.storage.locations) == {"CN", "DE"}
    assert leaving(kid, a, "CN") == [] and not _pipl554(kid, a).met
    # the same manifest without its EU users: DE is abroad for the people in China, as before
    only_cn = _with(kid, jurisdictions=["CN"])
    assert _pipl554(only_cn, a).met
    assert cross_border_reasons(only_cn, a)[0] == "stored in DE"


def test_eu_childrens_positions_to_the_chinese_map_provider_leave_the_eu(kid):
    a = next(a for a in kid.processing_activities if "map_provider" in a.recipients)
    assert "EU" in regimes_left(kid, a, "map_provider")
    assert "CN" not in regimes_left(kid, a, "map_provider")
    assert regimes_left(kid, a, "cloud_eu") == [] and regimes_left(kid, a, "DE") == []


def test_a_us_recipient_is_provided_abroad_for_both_regimes(kid):
    a = next(a for a in kid.processing_activities if "map_provider" in a.recipients)
    recips = [r.model_copy(update={"location": "US"}) if r.id == "map_provider" else r for r in kid.recipients]
    m = kid.model_copy(update={"recipients": recips})
    assert regimes_left(m, a, "map_provider") == ["CN", "EU"]
    assert _pipl554(m, a).met and "map_provider" in str(_pipl554(m, a).evidence)


def _moved(m, activity=None, locations=None, recipient=None, location=None):
    acts = [a.model_copy(update={"storage": a.storage.model_copy(update={"locations": locations})})
            if a.id == activity else a for a in m.processing_activities]
    recips = [r.model_copy(update={"location": location}) if r.id == recipient else r for r in m.recipients]
    return m.model_copy(update={"processing_activities": acts, "recipients": recips})


def _cross(result):
    return [c for c in result.changes if c.trigger == "cross_border" or "cross_border" in c.also]


def test_the_change_review_keeps_frankfurt_off_the_pipl_cross_border_trigger(kid):
    from pia.changes.rules import reconsent_reasons, review

    a = kid.processing_activities[0]
    old = _moved(kid, a.id, ["CN"])
    assert _cross(review(old, kid)) == []
    assert [r for r in reconsent_reasons(old, kid) if r.kind == "cross_border"] == []
    # a Chinese controller with users in China only: Frankfurt is abroad, as before
    cn_old, cn_new = _with(old, jurisdictions=["CN"]), _with(kid, jurisdictions=["CN"])
    assert [c.path for c in _cross(review(cn_old, cn_new))] == [f"processing_activities[{a.id}].storage.locations[DE]"]
    assert any(r.kind == "cross_border" for r in reconsent_reasons(cn_old, cn_new))


def test_the_change_review_flags_eu_data_sent_to_a_processor_in_china(kid):
    from pia.changes.rules import reconsent_reasons, review

    old = _moved(kid, recipient="map_provider", location="DE")
    found = _cross(review(old, kid))
    assert [c.path for c in found] == ["recipients[map_provider].location"]
    assert "outside EU" in str(found[0].reason)
    # GDPR Chapter V asks for safeguards, not consent: no PIPL Art. 39 re-consent reason
    assert [r for r in reconsent_reasons(old, kid) if r.kind == "cross_border"] == []


def test_the_ropa_lists_third_country_transfers_from_the_eu_peoples_view(kid):
    from pia.export.ropa import record_table

    rows = {r[0]: dict(zip(record_table(kid).columns, r, strict=True)) for r in record_table(kid).rows}
    tracking = next(a.id for a in kid.processing_activities if "map_provider" in kid.activity(a.id).recipients)
    cell = rows[tracking]["third_country_transfers"]
    assert "Frankfurt" not in cell and "Map provider" in cell and "(CN)" in cell
    # a Dutch controller's Irish host is no third country (the GDPR applies throughout the EU/EEA)
    nl = kid.model_copy(update={"controller": kid.controller.model_copy(update={"jurisdiction": "NL"})})
    nl = _moved(nl, recipient="map_provider", location="IE")
    nl = nl.model_copy(update={"recipients": [r.model_copy(update={"location": "IE"}) for r in nl.recipients]})
    nl = _with(nl, jurisdictions=["EU"])
    rows = {r[0]: r[record_table(nl).columns.index("third_country_transfers")] for r in record_table(nl).rows}
    assert set(rows.values()) == {"storage outside the EU/EEA: CN"}  # its storage in China still is
    # a Chinese controller with users in China only: judged from its home, as before
    only_cn = _with(kid, jurisdictions=["CN"])
    rows = {r[0]: r[record_table(only_cn).columns.index("third_country_transfers")] for r in record_table(only_cn).rows}
    assert "Cloud provider (Frankfurt region) (DE)" in rows[tracking]


def test_the_screening_says_no_data_of_people_in_china_leaves_china(kid):
    c = _pipl554(kid, kid.processing_activities[0])
    assert not c.met and "people in China" in str(c.evidence) and "every recipient in CN" not in str(c.evidence)


def test_check_does_not_call_the_frankfurt_cloud_a_pipl_transfer(kid):
    from pia.declare.lint import lint

    def abroad(m):
        return {f.path for f in lint(m) if f.rule == "recipient_abroad"}

    assert not any("cloud_eu" in p for p in abroad(kid))
    assert any("cloud_eu" in p for p in abroad(_with(kid, jurisdictions=["CN"])))
