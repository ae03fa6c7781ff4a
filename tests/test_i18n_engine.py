"""The engines' sentences in Chinese: risk reasons, screening evidence, verdict, plan notes, change-rule reasons.

Engines keep their sentences as messages (`pia.i18n.L_`): English in JSON (byte-identical whatever `--lang`), written
again in the reader's language by the text renderers and the notebooks. The checks: no engine sentence of the
catalog shows in English in a zh run of `pia assess` / `pia diff` on the reference and the second example service,
every message the engines make has a zh translation, and JSON does not move with the language.
"""
from __future__ import annotations

import copy
import json
import pickle
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pydantic import BaseModel

from pia.changes.rules import review
from pia.config import PROPOSED_MANIFEST, REFERENCE_MANIFEST
from pia.declare.manifest import load_manifest
from pia.i18n import L_, Listing, LocalizedText, Message, Renumbered, Term, localize, translations, use_language
from pia.risk.scoring import assess, verdict_sentence
from tests.test_i18n_text import run, untranslated

PULSEWEAR = REFERENCE_MANIFEST.parent / "pulsewear" / "pulsewear.pia.yaml"
PULSEWEAR_PROPOSED = REFERENCE_MANIFEST.parent / "pulsewear" / "pulsewear.proposed.pia.yaml"
EVIDENCE = json.loads((Path(__file__).parent / "fixtures" / "i18n" / "evidence.json").read_text(encoding="utf-8"))
ENGINES = ("pia/risk/scoring.py", "pia/risk/likelihood.py", "pia/risk/screening.py", "pia/risk/render.py",
           "pia/changes/rules.py", "pia/changes/render.py")
# Sentences the zh output once showed in English (issue 18's leftovers), and the Chinese that replaces them.
ENGLISH_BEFORE = ("applies: residual risk rises", "The assessment indicates high risk", "most harmful data",
                  "likelihood score", "push, popup, email", "network environment and technical measures",
                  "on the ground of consent", "wording only", "the organisation's choice", "smallest set")
ZH_TERMS = {"assess": ("评估显示高风险", "危害最大的数据", "网络环境和技术措施", "个人信息处理流程", "参与人员与第三方",
                       "业务特点与规模及安全态势", "可能性分值", "须进行评估", "最小措施组合"),
            "diff": ("适用 VII.2(5)：剩余风险上升", "推送通知、弹窗、电子邮件", "单独同意", "依据为个人同意")}


def _ascii_sentences(text: str) -> list[str]:
    """Runs of five or more English words outside citations: an untranslated sentence inside Chinese text."""
    from pia.sources import load_sources

    for cited in sorted(load_sources(), key=len, reverse=True):  # citations keep their ids (titles of documents)
        text = text.replace(cited, "")
    return re.findall(r"[A-Za-z][a-z'-]+(?:,? [a-z][a-z'-]+){4,}", text)


@pytest.mark.parametrize("args", [
    ("assess",), ("assess", "--format", "markdown"), ("assess", "--method", "cnil"), ("assess", "--method", "ico"),
    ("assess", str(PULSEWEAR)),
], ids=lambda a: "-".join(Path(x).name for x in a))
def test_zh_assess_has_no_english_engine_sentence(capsys, args):
    code, out, err = run(capsys, *args, "--lang", "zh")
    assert code in (0, 1, 3), err
    assert untranslated(out, "assess") == []
    assert not [s for s in ENGLISH_BEFORE if s in out]
    if len(args) == 1:
        assert all(t in out for t in ZH_TERMS["assess"]), [t for t in ZH_TERMS["assess"] if t not in out]
    # English left: ids, citations' titles (CNIL PIA Knowledge Bases ...) and the second service's English-only texts
    if len(args) == 1:
        assert _ascii_sentences(out) == []


def test_zh_assess_with_evidence_has_no_english_engine_sentence(capsys, tmp_path):
    paths = []
    for kind in ("validation", "scan"):
        paths += ["--evidence", str(tmp_path / f"{kind}.json")]
        (tmp_path / f"{kind}.json").write_text(json.dumps(EVIDENCE[kind]), encoding="utf-8")
    code, out, err = run(capsys, "assess", *paths, "--lang", "zh")
    assert code in (0, 1, 3), err
    assert untranslated(out, "assess") == [] and _ascii_sentences(out) == []
    assert "未在所扫描的数据中发现" in out and "数据集检查未通过" in out


def test_every_evidence_kind_is_in_the_catalog():
    import yaml

    from pia.risk.render import EVIDENCE_KINDS

    kinds = yaml.safe_load((REFERENCE_MANIFEST.parent.parent / "pia" / "data" / "evidence_events.yaml").read_text())
    texts = {v[k] for v in kinds["kinds"].values() for k in ("title", "source")}
    assert texts <= set(EVIDENCE_KINDS), sorted(texts - set(EVIDENCE_KINDS))


@pytest.mark.parametrize("args", [
    ("diff",), ("diff", "--format", "markdown"), ("diff", str(PULSEWEAR), str(PULSEWEAR_PROPOSED)),
    ("diff", str(PULSEWEAR), str(PULSEWEAR_PROPOSED), "--format", "markdown"),
], ids=lambda a: "-".join(Path(x).name for x in a))
def test_zh_diff_has_no_english_engine_sentence(capsys, args):
    code, out, err = run(capsys, *args, "--lang", "zh")
    assert code in (0, 1), err
    assert untranslated(out, "diff") == []
    assert not [s for s in ENGLISH_BEFORE if s in out]
    if len(args) == 1:
        assert all(t in out for t in ZH_TERMS["diff"]), [t for t in ZH_TERMS["diff"] if t not in out]


def test_zh_diff_of_another_policy_keeps_its_own_clause_numbers(capsys):
    # the rule reasons cite the reference's VII.1 / VII.2(5); for PulseWear they are renumbered in both languages
    _, en, _ = run(capsys, "diff", str(PULSEWEAR), str(PULSEWEAR_PROPOSED), "--format", "markdown", "--lang", "en")
    _, zh, _ = run(capsys, "diff", str(PULSEWEAR), str(PULSEWEAR_PROPOSED), "--format", "markdown", "--lang", "zh")
    assert "VII." not in en and "VII." not in zh
    assert "各项变更的归类理由" in zh


@pytest.mark.parametrize("args", [("assess",), ("assess", str(PULSEWEAR)), ("assess", "--method", "ico"), ("diff",),
                                  ("diff", str(PULSEWEAR), str(PULSEWEAR_PROPOSED))],
                         ids=lambda a: "-".join(Path(x).name for x in a))
def test_json_is_the_same_in_both_languages(capsys, args):
    _, en, _ = run(capsys, *args, "--format", "json", "--lang", "en")
    _, zh, _ = run(capsys, *args, "--format", "json", "--lang", "zh")
    assert en == zh
    assert not re.search(r"[\u4e00-\u9fff]", json.dumps(json.loads(en)["verdict" if args[0] == "assess" else "risk"]))


# --------------------------------------------------------------------------- every message the engines make


def _messages(value: Any) -> Iterator[Message]:
    """Every message in a result (models, dicts, lists), with the messages inside their values."""
    if isinstance(value, Message):
        yield value
        if isinstance(value, Renumbered):
            yield from _messages(value.base)
        if isinstance(value, Listing):
            for item in value.items:
                yield from _messages(item)
        for v in value.values.values():
            yield from _messages(v)
    elif isinstance(value, BaseModel):
        for name in type(value).model_fields:
            yield from _messages(getattr(value, name))
    elif isinstance(value, dict):
        for v in value.values():
            yield from _messages(v)
    elif isinstance(value, (list, tuple)):
        for v in value:
            yield from _messages(v)


@pytest.fixture(scope="module")
def results() -> list[Any]:
    ref, proposed, pulse = load_manifest(REFERENCE_MANIFEST), load_manifest(PROPOSED_MANIFEST), load_manifest(PULSEWEAR)
    out: list[Any] = [assess(ref, method=m) for m in ("gbt39335", "cnil", "ico")] + [assess(pulse)]
    out.append(assess(ref, evidence=[EVIDENCE["validation"], EVIDENCE["scan"]]))
    out += [verdict_sentence(a) for a in out]
    out += [review(ref, proposed), review(pulse, load_manifest(PULSEWEAR_PROPOSED))]
    return out


def test_engines_make_messages_not_plain_english(results):
    assessment, change_review = results[0], results[-2]
    step = assessment.activities[0].factors[0]
    assert isinstance(step.reason, Message)
    assert any(isinstance(s.source, Message) for s in assessment.activities[0].factors)  # a base's source may be data
    assert isinstance(change_review.risk.decision, Message)
    assert all(isinstance(c.reason, Message) for c in change_review.changes)
    assert all(isinstance(r.text, Message) for r in change_review.reasons)


def test_every_engine_message_has_a_zh_translation(results):
    zh = translations("zh")
    found = {m.msgid for r in results for m in _messages(r) if not isinstance(m, (Listing, Term))}
    assert len(found) > 60  # the detector sees the engines' messages
    missing = sorted(m for m in found if zh.gettext(m) == m and re.search(r"[a-z]{3,} [a-z]{3,}", m))
    assert missing == []


def test_every_engine_message_renders_in_both_languages(results):
    # a format spec applied to the wrong type ({n:,} on a text) or a field the translation lacks raises here
    for r in results:
        for m in _messages(r):
            assert m.render("en") == str.__str__(m)
            zh = m.render("zh")
            assert bool(zh) == bool(str(m)) and "{" not in zh.replace("{{", "")


def test_english_text_is_the_json_text(results):
    data = results[0].to_dict()
    step = results[0].activities[0].factors[0]
    assert data["activities"][0]["factors"][0]["reason"] == str.__str__(step.reason)
    assert type(data["activities"][0]["factors"][0]["reason"]) is str
    assert isinstance(data["verdict"], str) and json.loads(json.dumps(data))["verdict"] == str(data["verdict"])


def test_messages_survive_copy_pickle_and_model_dump(results):
    a = results[0]
    for clone in (copy.deepcopy(a), pickle.loads(pickle.dumps(a))):
        reason = clone.activities[0].factors[-1].reason
        assert isinstance(reason, Message) and reason.render("zh") == a.activities[0].factors[-1].reason.render("zh")
    dumped = a.model_dump()
    assert isinstance(dumped["actions"][0]["note"], Message)  # python mode keeps messages (the notebooks' tables)
    assert type(a.model_dump(mode="json")["actions"][0]["note"]) is str


# --------------------------------------------------------------------------- the message types


def test_message_keeps_numbers_for_its_format_and_picks_manifest_text():
    name = LocalizedText({"en": "Alert snapshots", "zh": "报警截图"})
    m = L_("{name}: {n:,} people, {share:.0%}", name=name, n=1200000, share=0.37)
    assert str(m) == "Alert snapshots: 1,200,000 people, 37%"
    assert m.render("zh") == "报警截图: 1,200,000 people, 37%"  # no translation: the msgid with zh values


def test_listing_and_term_in_zh():
    items = Listing([Term("very_high"), Term("not_assessed"), "cloud_provider"])
    assert str(items) == "very_high, not_assessed, cloud_provider"
    with use_language("zh"):
        assert localize(items) == "很高、未评估、cloud_provider"
    assert localize(Term("no_such_id"), "zh") == "no_such_id"


def test_renumbered_message_in_both_languages():
    base = L_("retention wording, or a shorter retention: posting the update is enough (VII.1)")
    m = Renumbered(base, (("VII.1", "4.2"),))
    assert str(m).endswith("(4.2)") and "VII.1" not in m.render("zh") and "4.2" in m.render("zh")
    assert re.search(r"[\u4e00-\u9fff]", m.render("zh"))


# --------------------------------------------------------------------------- the notebooks' language


def test_notebook_helpers_follow_lang_then_the_manifest(results):
    from pia.i18n import current_language
    from pia.report import notebooks

    with use_language("en"):
        assert notebooks.start("risk", "zh").data.startswith("# 3. 风险评估")
        assert current_language() == "zh"
        assert notebooks.start("risk", "", "en").data.startswith("# 3. Risk assessment")
        notebooks.start("risk", "zh")
        frame = notebooks.table(results[0].model_dump()["actions"], ["activity", "level", "note"], words=["level"])
        assert list(frame.columns) == ["处理活动", "等级", "提示"]
        assert set(frame.iloc[:, 1]) <= {"高", "严重"}
        assert all(re.search(r"[\u4e00-\u9fff]", note) for note in frame.iloc[:, 2])


def test_every_notebook_starts_with_its_heading():
    import nbformat

    from pia.config import NOTEBOOKS
    from pia.report.notebooks import NOTEBOOKS as HEADINGS

    for path in sorted(NOTEBOOKS.glob("0*.ipynb")):
        nb = nbformat.read(path, as_version=4)
        params = next(i for i, c in enumerate(nb.cells) if "parameters" in c.metadata.get("tags", []))
        assert 'lang: str = ""' in nb.cells[params].source
        first = nb.cells[params + 1].source
        key = re.search(r'notebooks\.start\("(\w+)", lang', first)
        assert key and key.group(1) in HEADINGS, path.name


@pytest.mark.slow
def test_risk_notebook_in_chinese(tmp_path):
    import nbformat
    import papermill

    from pia.config import NOTEBOOKS

    out = tmp_path / "03.ipynb"
    papermill.execute_notebook(str(NOTEBOOKS / "03_risk_assessment.ipynb"), str(out), parameters={"lang": "zh"},
                               cwd=str(REFERENCE_MANIFEST.parent.parent), progress_bar=False, kernel_name="python3")
    texts = [str(o.get("data", {}).get("text/markdown", "")) + str(o.get("text", ""))
             for c in nbformat.read(out, as_version=4).cells for o in c.get("outputs", [])]
    joined = "\n".join(texts)
    assert "# 3. 风险评估" in joined and "## 结论" in joined and "评估显示高风险" in joined
    assert "The assessment indicates" not in joined
