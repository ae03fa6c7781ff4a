"""The service as a processor for other controllers (`role: processor`): whose duties, whose verdict, whose record.

Found by an assessor's trial on an email-marketing platform (data_samples/mailforge/): it hosts its customers'
lists, sends and tracks their campaigns as their processor (GDPR Art. 28), and runs its own accounts, billing and
analytics as controller. The kit could not say so: the verdict put the prior consultation of the customers'
processing on the platform, the record of processing named it as controller of its customers' lists, and a
proposed activity reusing the customers' recipients' data for its own model (GDPR Art. 28(10)) passed unremarked.
"""
from __future__ import annotations

import pytest

from pia import config
from pia.cli import main
from pia.declare.lint import Level, lint
from pia.declare.manifest import ActivityRole, load_manifest
from pia.export.ropa import record_table
from pia.i18n import localize, use_language
from pia.risk.scoring import assess, verdict_sentence

MAILFORGE = config.DATA_SAMPLES / "mailforge" / "mailforge.pia.yaml"
MAILFORGE_NEXT = config.DATA_SAMPLES / "mailforge" / "mailforge.proposed.pia.yaml"
REFERENCE = config.DATA_SAMPLES / "zosi-camera.pia.yaml"
PROCESSED = ["contact_lists", "campaign_sends", "open_click_tracking", "segmentation"]


def _rule(m, rule):
    return [f for f in lint(m) if f.rule == rule]


def test_processor_duties_are_one_note_naming_every_processor_activity_and_the_breach_notice_to_the_controller():
    (f,) = _rule(load_manifest(MAILFORGE), "processor_duties")
    assert f.level is Level.note and f.path == "processing_activities[contact_lists].role" and f.line
    assert all(a in f.message for a in PROCESSED) and "customer_accounts" not in f.message
    assert "the business customers" in f.message and "without undue delay" in f.message
    assert f.clause == "GDPR Art. 28(3)(a); GDPR Art. 28(3)(f); GDPR Art. 33(2); GDPR Art. 30(2)"


def test_no_processor_activity_no_role_finding():
    m = load_manifest(REFERENCE)
    assert not [f for f in lint(m) if f.rule.startswith("processor_")]


def test_a_controller_activity_reusing_data_held_for_customers_is_a_warning_under_art_28_10():
    assert _rule(load_manifest(MAILFORGE), "processor_own_purpose") == []  # product analytics uses only its own data
    m = load_manifest(MAILFORGE_NEXT)
    (f,) = _rule(m, "processor_own_purpose")
    assert f.level is Level.warning and f.path == "processing_activities[send_time_optimisation].data_elements"
    assert "recipient_email" in f.message and "open_click_events" in f.message and "becomes a controller" in f.message
    assert f.clause == "GDPR Art. 28(10); GDPR Art. 29"
    # on the controllers' instructions (declared a processor activity) it is theirs, not the service's own purpose
    next(a for a in m.processing_activities if a.id == "send_time_optimisation").role = ActivityRole.processor
    assert _rule(m, "processor_own_purpose") == []


def test_under_pipl_the_entrusted_partys_articles_are_cited():
    m = load_manifest(MAILFORGE_NEXT)
    m.service.jurisdictions = ["CN"]
    m.controller.jurisdiction = "CN"
    assert _rule(m, "processor_duties")[0].clause == "PIPL Art. 21; PIPL Art. 59"
    assert _rule(m, "processor_own_purpose")[0].clause == "PIPL Art. 21"


@pytest.mark.parametrize("method", ["cnil", "ico", "gbt39335"])
def test_the_verdict_says_the_prior_consultation_of_processor_activities_is_the_controllers(method):
    result = assess(load_manifest(MAILFORGE), method)
    text = str(verdict_sentence(result))
    assert result.high_risk and "as a processor for the business customers" in text
    assert "GDPR Art. 35(1); GDPR Art. 36(1); GDPR Art. 28(3)(f)" in text
    bad = {a.id for a in result.activities if a.unacceptable}
    assert bad and bad <= set(PROCESSED)  # only the customers' processing reaches the unacceptable level
    named = text.split("as a processor for")[0].split("The service processes")[-1]
    assert all(a in named for a in bad)


def test_a_controllers_own_verdict_is_unchanged():
    text = str(verdict_sentence(assess(load_manifest(REFERENCE))))
    assert "as a processor" not in text


def test_the_verdict_reads_in_chinese():
    result = assess(load_manifest(MAILFORGE), "cnil")
    with use_language("zh"):
        text = localize(verdict_sentence(result))
    assert "受托人" in text and "事先咨询" in text


def test_the_record_names_the_customers_as_controllers_of_processor_activities():
    rows = {r[0]: r for r in record_table(load_manifest(MAILFORGE)).rows}
    assert rows["contact_lists"][2].startswith("the business customers (controllers of their lists) (controller)")
    assert "MailForge Technologies Limited (processor, GDPR Art. 30(2))" in rows["contact_lists"][2]
    assert rows["billing"][2] == "MailForge Technologies Limited"


def test_role_is_left_out_of_dumps_when_not_stated():
    assert "role" not in load_manifest(REFERENCE).model_dump(mode="json")["processing_activities"][0]
    dumped = load_manifest(MAILFORGE).model_dump(mode="json")["processing_activities"]
    assert dumped[0]["role"] == "processor" and "role" not in dumped[4]


def test_an_unknown_role_is_one_line_exit_2(tmp_path, capsys):
    bad = tmp_path / "bad.pia.yaml"
    bad.write_text(MAILFORGE.read_text(encoding="utf-8").replace("role: processor", "role: subcontractor", 1),
                   encoding="utf-8")
    with pytest.raises(SystemExit) as exc:
        main(["check", str(bad)])
    err = capsys.readouterr().err
    assert exc.value.code == 2 and "Traceback" not in err
    assert "bad.pia.yaml:" in err and "processing_activities[contact_lists].role" in err


def test_the_mailforge_sample_is_lawful_as_declared(capsys):
    with pytest.raises(SystemExit) as exc:
        main(["check", str(MAILFORGE)])
    assert exc.value.code in (0, None)
    with pytest.raises(SystemExit) as exc:
        main(["check", str(MAILFORGE_NEXT)])
    assert exc.value.code in (0, None)


def test_the_report_cites_a_gdpr_services_sensitive_data_under_the_gdpr_not_pipl():
    """The data map gave a GDPR-only service's health segment PIPL Art. 28 and GB/T 35273-2020 Annex B as basis."""
    from pia.declare.inventory import inventory_document
    from pia.report.data import _cite_sensitivity

    m = load_manifest(MAILFORGE)
    inv = inventory_document(m)
    _cite_sensitivity(inv, m)
    reasons = {e["id"]: e["sensitivity_reason"] for e in inv["data_elements"] if e["sensitive"]}
    assert reasons == {"health_segment": "GDPR Art. 9(1) (data concerning health)",
                       "invoice_record": "WP248 criterion 4 (data of a highly personal nature)"}
    didu = load_manifest(config.DATA_SAMPLES / "didu-ride" / "didu-ride.pia.yaml")  # PIPL only: as before
    inv = inventory_document(didu)
    before = [e["sensitivity_reason"] for e in inv["data_elements"]]
    _cite_sensitivity(inv, didu)
    assert [e["sensitivity_reason"] for e in inv["data_elements"]] == before


def test_a_gdpr_basis_reads_in_chinese_with_its_citation_kept():
    from pia.report.names import basis_text

    with use_language("zh"):
        assert basis_text("GDPR Art. 9(1) (data concerning health)") == "GDPR Art. 9(1)（健康数据）"
        assert basis_text("WP248 criterion 4 (data of a highly personal nature)") == \
            "WP248 criterion 4（高度私人性质的数据）"


def test_each_sub_processor_of_the_customers_data_needs_their_authorisation_once():
    subs = _rule(load_manifest(MAILFORGE), "sub_processor_authorisation")
    assert [f.path for f in subs] == ["processing_activities[contact_lists].recipients[eu_cloud]",
                                      "processing_activities[campaign_sends].recipients[us_delivery]"]
    assert all(f.level is Level.note and f.clause == "GDPR Art. 28(2); GDPR Art. 28(4)" for f in subs)
    assert "prior written authorisation" in subs[1].message
    # a processor the service engages only for its own processing is no sub-processor
    m = load_manifest(MAILFORGE)
    for a in m.processing_activities:
        a.role = None
    assert _rule(m, "sub_processor_authorisation") == []


def test_the_parental_consent_note_gives_each_gdpr_regimes_age():
    (f, *_rest) = _rule(load_manifest(MAILFORGE), "minors_parental_consent")  # minor_age {EU: 16, UK: 13}
    assert "below 16 (EU), 13 (UK)" in f.message
    m = load_manifest(MAILFORGE)
    m.service.jurisdictions = ["EU"]
    assert "below 16 counts" in _rule(m, "minors_parental_consent")[0].message


def test_an_email_tracking_pixel_needs_eprivacy_consent_under_the_eu_and_uk_law():
    """Open/click tracking of email recipients: the kit gave no finding on the device access itself."""
    (f,) = _rule(load_manifest(MAILFORGE), "terminal_equipment_consent")
    assert f.level is Level.note and f.path == "data_elements[open_click_events].category"
    assert "open_click_tracking, segmentation" in f.message and "tracking pixel" in f.message
    assert f.clause == "Directive 2002/58/EC Art. 5(3); EDPB Guidelines 2/2023; PECR reg. 6"
    m = load_manifest(MAILFORGE)
    m.service.jurisdictions = ["EU"]
    assert _rule(m, "terminal_equipment_consent")[0].clause == "Directive 2002/58/EC Art. 5(3); EDPB Guidelines 2/2023"
    # the reference holds cookie identifiers but is under PIPL only: no ePrivacy rule
    assert _rule(load_manifest(REFERENCE), "terminal_equipment_consent") == []


# ------------------------------------------------------------------ the change review lists what the change brings


def test_the_change_review_lists_the_processors_own_use_as_a_new_legal_warning(capsys):
    from pia.changes.rules import review

    r = review(load_manifest(MAILFORGE), load_manifest(MAILFORGE_NEXT))
    assert [(f.rule, f.activity) for f in r.new_warnings] == [("processor_own_purpose", "send_time_optimisation")]
    assert "GDPR Art. 28(10)" in r.new_warnings[0].sources
    with pytest.raises(SystemExit):
        main(["diff", str(MAILFORGE), str(MAILFORGE_NEXT)])
    out = capsys.readouterr().out
    assert out.index("NEW LEGAL WARNING (1)") < out.index("SIGNIFICANT")


def test_a_warning_old_already_had_is_not_new_and_a_lawful_review_keeps_its_json():
    from pia.changes.rules import review
    from pia.declare.findings import legal_findings

    m = load_manifest(MAILFORGE_NEXT)
    same = review(m, m)
    assert same.new_warnings == [] and "new_warnings" not in same.to_dict()
    # the warning is there in both versions: the change does not bring it
    assert any(f.rule == "processor_own_purpose" for f in legal_findings(m))
