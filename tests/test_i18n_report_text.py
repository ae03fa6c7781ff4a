"""The Chinese report of the reference sample shows no English phrase of the kit's own: the risk table's main causes
(likelihood gists), category names, change descriptions, recipients' grounds and discovery reasons are translated.

One `pia report --lang zh` run (no PDF) on the shipped samples, dataset evidence included (module-scoped fixture).
"""
from __future__ import annotations

import ast
import re
import subprocess
import sys
from pathlib import Path

import pytest

from pia import config
from pia.declare.manifest import FlowKind, RecipientBasis, RecipientType, load_manifest
from pia.i18n import translations, use_language
from tests.test_i18n_report import _CITATION, _CODE, _manifest_words, _text

CJK = re.compile(r"[\u4e00-\u9fff]")
# Names that stay as written in every language: the proposed controlling shareholder (a manifest value, not a kit
# string) and the libraries listed in the provenance.
OWN_NAMES = {"harbourline", "capital", "holdings", "ltd", "great-expectations", "nbconvert", "pandas", "papermill",
             "pia", "plotly", "pydantic"}


def english_phrases(html: str, ignore: set[str], least: int = 2) -> list[str]:
    """Runs of a Chinese page's text holding `least` or more English words, not counting code, citations, ids,
    paths, hashes and `ignore` (ids of the manifest, as the report may write them)."""
    text = _text(_CODE.sub(" ", html))
    found = []
    for run in re.split(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]+", text):
        plain = _CITATION.sub(" ", run)
        plain = re.sub(r"\S*[._/=:@\[\]]\S*|\b[0-9a-f]{12,}\b", " ", plain)
        words = [w for w in re.findall(r"[A-Za-z][A-Za-z'-]+", plain) if w.lower() not in ignore]
        if len(words) >= least:
            found.append(run.strip())
    return found


def test_english_phrases_check_can_fail():
    page = ("<td>持有同意记录、在线服务、security situation</td><td>依据 GB/T 35273-2020 Annex B（交易记录）</td>"
            "<td>见 <code>pia report</code>；users.minor_guardian_consent</td>")
    assert english_phrases(page, set()) == ["security situation"]


@pytest.fixture(scope="module")
def zh_page(tmp_path_factory) -> str:
    out = tmp_path_factory.mktemp("zh_text")
    proc = subprocess.run([sys.executable, "-m", "pia.cli", "report", "--out", str(out), "--lang", "zh", "--no-progress"],
                          capture_output=True, text=True, timeout=900, check=False)
    assert proc.returncode == 0, proc.stderr
    page = (out / "2026-06-30-zosi-camera" / "report.html").read_text(encoding="utf-8")
    return re.sub(r"<(script|style)\b.*?</\1>", " ", page, flags=re.S | re.I)


@pytest.mark.slow
def test_chinese_report_of_the_reference_has_no_english_phrase(zh_page):
    assert english_phrases(zh_page, _manifest_words() | OWN_NAMES) == []
    # the discovery reasons name the activities by their names, not their ids in words
    assert "account management" not in zh_page and "账户注册和登录" in zh_page


@pytest.mark.slow
def test_main_causes_of_the_risk_table_are_chinese(zh_page):
    causes = re.findall(r'<ul class="factors">(.*?)</ul>', zh_page, flags=re.S)
    items = [_text(li) for block in causes for li in re.findall(r"<li>(.*?)</li>", block, flags=re.S)]
    assert items and "security situation" not in zh_page
    assert [i for i in items if not CJK.search(i)] == []
    assert "安全态势" in items  # the failed dataset checks of the estate, as a GB/T 39335-2020 5.4.4 factor


# --------------------------------------------------------------------------- the tables the report translates from


def _likelihood_gists() -> set[str]:
    """The gist (text before the first colon or parenthesis) of every sentence pia/risk/likelihood.py writes."""
    import pia.risk.likelihood as likelihood

    tree = ast.parse(Path(likelihood.__file__).read_text(encoding="utf-8"))
    out = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "L_" \
                and isinstance(node.args[0], ast.Constant):
            out.add(re.match(r"[^:;(]+", node.args[0].value).group(0).strip())  # type: ignore[union-attr]
    return out


# Gists that never lead a rated factor group: notes of facts given no point, placeholders, and `scale`, which the
# report words itself (`many people concerned`).
NOT_SHOWN = {"design", "design.reachable_from", "not counted for this event", "all its data", "scale",
             "sensitive data held only on the subjects' devices is not a central target",
             "sensitive data under random identifiers",
             "recipients that receive none of this activity's data groups"}


def test_every_likelihood_gist_has_a_chinese_translation():
    zh = translations("zh")
    gists = {g for g in _likelihood_gists() if "{" not in g} - NOT_SHOWN
    assert "security situation" in gists
    assert sorted(g for g in gists if zh.gettext(g) == g) == []


def test_main_factors_of_both_models_are_chinese():
    """The main causes of every activity under the GB/T 39335 factor groups and the CNIL risk sources."""
    from pia.report.names import main_factors
    from pia.risk.scoring import assess

    for path, method in ((config.REFERENCE_MANIFEST, "gbt39335"), (config.REFERENCE_MANIFEST, "cnil"),
                         (config.REFERENCE_MANIFEST.parent / "pulsewear" / "pulsewear.pia.yaml", "cnil")):
        doc = assess(load_manifest(path), method=method).to_dict()
        with use_language("zh"):
            texts = [t for a in doc["activities"] for e in ("illegitimate_access", "unwanted_modification",
                                                              "disappearance") for t in main_factors(a, e, "current")]
        assert texts, (path, method)
        assert [t for t in texts if not CJK.search(t)] == [], (path.name, method)


def test_every_taxonomy_category_has_a_chinese_name():
    from pia.declare.taxonomy import load_taxonomy
    from pia.report.names import category_name

    with use_language("zh"):
        english = [c.key for c in load_taxonomy() if not CJK.search(category_name(c.key))]
    assert english == []
    with use_language("en"):  # English keeps the key's words, as before
        assert category_name("user.contact.email") == "contact email"


def test_every_recipient_type_flow_and_ground_has_words():
    from pia.report.sections import RECIPIENT_WORDS, vocabulary_word

    values = [v.value for enum in (RecipientType, FlowKind, RecipientBasis) for v in enum]
    assert [v for v in values if v not in RECIPIENT_WORDS] == []
    with use_language("zh"):
        assert [v for v in values if not CJK.search(vocabulary_word(v))] == []


def test_screening_figure_hover_is_chinese():
    """The screening figure's hover gives each criterion's evidence in the report's language, not the JSON's English."""
    from pia.report import figures
    from tests.i18n_outputs import report_data

    data = report_data("zh")
    with use_language("zh"):
        fig = figures.screening(data.assessment)
    hovers = [h for trace in fig.data for row in (trace.customdata or []) for h in row]
    assert hovers and all(CJK.search(h) for h in hovers)
    assert [h for h in hovers if english_phrases(f"<p>{h}</p>", _manifest_words() | OWN_NAMES)] == []
    # the assessment document itself keeps the English evidence
    assert any("subjects (large scale from" in c["evidence"] for a in report_data("en").assessment["activities"]
               for c in a["screening"]["criteria"])


def test_template_descriptions_of_checks_read_the_same_in_english_and_are_chinese_in_zh():
    """A check the manifest does not describe is described by its template: English as the validation writes it,
    Chinese in a zh report (PulseWear's checks have no description of their own)."""
    from pia.i18n import localize
    from pia.report.data import gather
    from pia.validation.checks import check_descriptions, compile_checks

    pulsewear = config.REFERENCE_MANIFEST.parent / "pulsewear" / "pulsewear.pia.yaml"
    for path in (config.REFERENCE_MANIFEST, pulsewear):
        m = load_manifest(path)
        bare = m.model_copy(update={"checks": [c.model_copy(update={"description": None}) for c in m.checks]})
        texts = check_descriptions(bare)
        assert {c.id: c.description for c in compile_checks(bare)[1]} == {k: str(v) for k, v in texts.items()}
        with use_language("zh"):
            assert [k for k, v in texts.items() if not CJK.search(localize(v))] == []
    shown = gather(str(pulsewear), lang="zh").check_texts
    assert shown and [k for k, v in shown.items() if not CJK.search(v)] == []


def test_chinese_notice_names_a_sensitive_category_in_chinese():
    from pia.changes.notice import draft_notice
    from pia.changes.rules import review

    folder = config.REFERENCE_MANIFEST.parent / "pulsewear"
    r = review(load_manifest(folder / "pulsewear.pia.yaml"), load_manifest(folder / "pulsewear.proposed.pia.yaml"))
    with use_language("zh"):
        notice = draft_notice(r)
    assert "vital signs measured by a device" not in notice and "设备测量的生命体征" in notice
    with use_language("en"):
        assert "vital signs measured by a device" in draft_notice(r)
