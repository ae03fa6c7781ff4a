"""PIPL Art. 24(1) in `pia check`: automated decisions transparent and fair, no unreasonable differential pricing."""
from __future__ import annotations

from pia import config
from pia.declare.fairness import fairness_findings
from pia.declare.lint import Level, lint
from pia.declare.manifest import load_manifest
from pia.i18n import use_language

DIDU = config.DATA_SAMPLES / "didu-ride" / "didu-ride.pia.yaml"
PULSEWEAR = config.DATA_SAMPLES / "pulsewear" / "pulsewear.pia.yaml"


def _rules(m, rule):
    return [f for f in lint(m) if f.rule == rule]


def test_automated_decisions_without_a_fairness_statement_are_a_warning_citing_art_24_1():
    m = load_manifest(DIDU)  # personalised offers: profiling and automated decisions, a Chinese service
    (f,) = _rules(m, "automated_decision_fairness")
    assert f.level is Level.warning and f.clause == "PIPL Art. 24(1)"
    assert f.path == "processing_activities[personalised_offers].automated_decisions" and f.line
    offers = next(a for a in m.processing_activities if a.id == "personalised_offers")
    offers.fairness = "The offer logic is described in clause 5; coupon values are compared across user groups monthly."
    assert _rules(m, "automated_decision_fairness") == []


def test_personalised_pricing_is_a_warning_and_stays_a_note_once_a_statement_is_given():
    m = load_manifest(DIDU)
    offers = next(a for a in m.processing_activities if a.id == "personalised_offers")
    offers.personalised_pricing = True
    (f,) = _rules(m, "differential_pricing")
    assert f.level is Level.warning and "unreasonable differential treatment" in f.message
    offers.fairness = "Coupon values depend on trip distance bands only, reviewed monthly."
    (f,) = _rules(m, "differential_pricing")
    assert f.level is Level.note and "reasonable" in f.message


def test_the_rule_is_the_pipls_only():
    m = load_manifest(PULSEWEAR)  # users in the EU only, controller in the Netherlands
    for a in m.processing_activities:
        a.automated_decisions, a.personalised_pricing = True, True
    assert fairness_findings(m) == []
    m.service.jurisdictions = ["EU", "CN"]  # users in China too: PIPL Art. 3(2) reaches the service
    assert {f.rule for f in fairness_findings(m)} == {"automated_decision_fairness", "differential_pricing"}


def test_the_finding_reads_in_chinese():
    with use_language("zh"):
        (f,) = _rules(load_manifest(DIDU), "automated_decision_fairness")
    assert "自动化决策" in f.message and "公平" in f.message
