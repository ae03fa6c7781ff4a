"""The notice's closing line follows the regimes that protect its readers: PIPL for people in China, the GDPR for
people in the European Union (or the United Kingdom), each addressed to its readers when both apply."""
from __future__ import annotations

import copy

import pytest
import yaml

from pia.changes import rules as changes
from pia.changes.notice import NOTICE_GROUNDS, draft_notice
from pia.changes.rules import Verdict, review
from pia.config import DATA_SAMPLES, PROPOSED_MANIFEST, REFERENCE_MANIFEST
from pia.declare.manifest import Manifest, load_manifest
from pia.i18n import use_language
from pia.sources import lookup, unknown

EXAMSIGHT = (DATA_SAMPLES / "examsight" / "examsight.pia.yaml", DATA_SAMPLES / "examsight" / "examsight.proposed.pia.yaml")
PULSEWEAR = (DATA_SAMPLES / "pulsewear" / "pulsewear.pia.yaml", DATA_SAMPLES / "pulsewear" / "pulsewear.proposed.pia.yaml")
PIPL, GDPR = "Personal Information Protection Law", "General Data Protection Regulation"


@pytest.fixture(autouse=True)
def not_high_risk(monkeypatch):
    monkeypatch.setattr(changes, "_verdict", lambda m, method: Verdict(False))


def closing(old, new, lang: str = "en") -> str:
    """The notice's last line (the closing line, in italics)."""
    old = old if isinstance(old, Manifest) else load_manifest(old)
    new = new if isinstance(new, Manifest) else load_manifest(new)
    with use_language(lang):
        text = draft_notice(review(old, new))
    last = text.strip().splitlines()[-1]
    assert last.startswith("*") and last.endswith("*")
    return last


def _email_changed(path) -> tuple[Manifest, Manifest]:
    """Only the controller's contact email changes: no purpose, no re-consent."""
    d = yaml.safe_load(path.read_text(encoding="utf-8"))
    old, new = copy.deepcopy(d), copy.deepcopy(d)
    new["controller"]["contact"]["email"] = "new-privacy@example.org"
    return Manifest.model_validate(old), Manifest.model_validate(new)


def test_grounds_are_catalogued_and_say_what_the_line_says():
    assert all(unknown(c) == [] for c in NOTICE_GROUNDS.values())
    assert "changes" in lookup(NOTICE_GROUNDS["changes_told"]).says  # Art. 17 para. 2, not para. 1's list
    assert "consent is obtained again" in lookup(NOTICE_GROUNDS["consent_again"]).says


def test_china_only_service_cites_pipl_articles_for_every_reader():
    line = closing(REFERENCE_MANIFEST, PROPOSED_MANIFEST)
    assert line.startswith(f"*Why you receive this notice: {PIPL}")
    assert "Article 17, second paragraph" in line and "Article 14, second paragraph" in line  # re-consent: new purpose
    assert "GDPR" not in line and GDPR not in line and "If you are in" not in line


def test_article_14_only_when_a_reason_for_fresh_consent_rests_on_it():
    old, new = _email_changed(REFERENCE_MANIFEST)
    line = closing(old, new)
    assert "Article 17, second paragraph" in line and "Article 14" not in line


def test_gdpr_only_service_cites_the_gdpr_not_pipl():
    line = closing(*PULSEWEAR)
    assert line.startswith(f"*Why you receive this notice: Regulation (EU) 2016/679 ({GDPR}), Article 12(1)")
    assert "Articles 13(3) and 14(4)" in line and "WP260 rev.01" in line  # a new purpose; significant changes
    assert PIPL not in line and "Article 17" not in line and "Article 14," not in line


def test_gdpr_further_purpose_articles_only_when_a_purpose_changes():
    old, new = _email_changed(PULSEWEAR[0])
    line = closing(old, new)
    assert "Article 12(1)" in line and "13(3)" not in line


def test_service_under_both_laws_addresses_each_law_to_its_readers():
    line = closing(*EXAMSIGHT)
    china, eu = line.index("If you are in China: "), line.index("If you are in the European Union: ")
    assert line.startswith("*Why you receive this notice. ") and china < eu
    assert PIPL in line[china:eu] and "Article 17, second paragraph" in line[china:eu]
    assert GDPR not in line[china:eu]
    assert GDPR in line[eu:] and "Article 12(1)" in line[eu:] and PIPL not in line[eu:]


def test_service_under_both_laws_in_chinese():
    line = closing(*EXAMSIGHT, lang="zh")
    china, eu = line.index("如您在中国境内："), line.index("如您在欧盟：")
    assert china < eu
    assert "《中华人民共和国个人信息保护法》第十七条第二款" in line[china:eu]
    assert "欧盟《通用数据保护条例》（第2016/679号条例）第十二条第一款" in line[eu:]
    assert "第十三条第三款和第十四条第四款" in line[eu:] and "个人信息保护法" not in line[eu:]
