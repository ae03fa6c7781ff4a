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
