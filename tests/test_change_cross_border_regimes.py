"""Each regime's transfer rule goes to the people it protects, with its own citation (PIPL and GDPR mixed before)."""

from __future__ import annotations

from pathlib import Path

import yaml

from pia.changes.notice import draft_notice
from pia.changes.rules import review, trigger_why
from pia.declare.manifest import Manifest, load_manifest
from pia.sources import unknown

ROOT = Path(__file__).resolve().parents[1]
EXAMSIGHT = ROOT / "data_samples" / "examsight" / "examsight.pia.yaml"
EXAMSIGHT_NEXT = ROOT / "data_samples" / "examsight" / "examsight.proposed.pia.yaml"


def _with(path: Path, jurisdictions: list[str]) -> Manifest:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["service"]["jurisdictions"] = jurisdictions
    return Manifest.model_validate(data)


def test_service_under_both_laws_cites_both_transfer_rules():
    """The trigger cited only GDPR Art. 44/46 for a service whose users in China are protected by PIPL Art. 38-39."""
    r = review(load_manifest(EXAMSIGHT), load_manifest(EXAMSIGHT_NEXT))
    t = r.trigger("cross_border")
    assert t is not None
    assert t.clause == "PIPL Art. 38; PIPL Art. 39; GDPR Art. 44; GDPR Art. 45; GDPR Art. 46"
    assert unknown(t.clause) == []
    assert [c.path for c in r.changes if "cross_border" in c.also] == ["recipients[gaze_ai]"]


def test_notice_does_not_attribute_separate_consent_to_the_gdpr():
    """The draft notice told EU users 'the law requires your separate consent' (PIPL Art. 39 is not a GDPR rule)."""
    r = review(load_manifest(EXAMSIGHT), load_manifest(EXAMSIGHT_NEXT))
    why = trigger_why(r.manifests[1], "cross_border")
    assert "If you are in China" in why and "rather than your consent" in why
    text = draft_notice(r)
    assert "The law requires your separate consent" not in text
    assert "if you are in China, to send your information to" in text and "outside the country" in text
    (reason,) = [x for x in r.reasons if x.kind == "cross_border"]
    # the activity's subjects include minors: the guardian's consent (PIPL Art. 31), not GDPR Art. 8(1) for a transfer
    assert reason.clause == "PIPL Art. 39; PIPL Art. 31; PIPL Art. 28" and "PIPL's rule for people in China" in reason.text


def test_single_regime_services_keep_their_own_rule():
    eu = review(_with(EXAMSIGHT, ["EU"]), _with(EXAMSIGHT_NEXT, ["EU"]))
    assert eu.trigger("cross_border").clause == "GDPR Art. 44; GDPR Art. 45; GDPR Art. 46"
    assert not [x for x in eu.reasons if x.kind == "cross_border"]  # no separate consent under the GDPR
    assert "separate consent" not in trigger_why(eu.manifests[1], "cross_border")
