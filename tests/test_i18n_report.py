"""Chinese and English (issue 18): the message catalogs are complete and current, the report in zh carries the same
numbers as in en, English is unchanged by the machinery, and the zh PDF prints Chinese glyphs with an embedded font.

The slow part runs `pia report --pdf` once per language (module-scoped fixtures).
"""
from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from collections import Counter
from html import unescape
from pathlib import Path
from types import SimpleNamespace

import pytest

from pia import catalogs, config
from pia.i18n import translations, use_language
from tests.i18n_outputs import GOLDEN_EN, outputs, report_data
from tests.system_tools import need

CJK = re.compile(r"[\u4e00-\u9fff]")


# --------------------------------------------------------------------------- catalogs


def test_catalogs_translate_every_message_of_the_code_and_templates():
    """Every msgid marked in pia/**/*.py and the report templates has a non-empty, non-fuzzy zh translation with the
    same placeholders, and the committed .mo is the compilation of the .po."""
    assert catalogs.problems() == []


def _package(tmp_path: Path, code: str, po_entries: str) -> Path:
    pkg = tmp_path / "pia"
    (pkg / "data" / "report").mkdir(parents=True)
    (pkg / "mod.py").write_text(code, encoding="utf-8")
    (pkg / "data" / "report" / "t.html.j2").write_text('<p>{{ _("Template text %(n)s", n=1) }}</p>\n')
    po = catalogs.po_path("zh", pkg / "locale")
    po.parent.mkdir(parents=True)
    po.write_text('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=utf-8\\n"\n"Language: zh\\n"\n\n'
                  + po_entries, encoding="utf-8")
    catalogs.compile_catalogs(pkg / "locale")
    return pkg


def test_completeness_check_names_missing_untranslated_fuzzy_and_placeholder_problems(tmp_path):
    code = ('from pia.i18n import _, N_\n_("Kept {name}", name=1)\n_("Brand new")\nN_("Empty")\n_("Fuzzy one")\n'
            '_("Moved {n}", n=2)\n')
    entries = ('msgid "Kept {name}"\nmsgstr "保留 {name}"\n\nmsgid "Empty"\nmsgstr ""\n\n'
               '#, fuzzy\nmsgid "Fuzzy one"\nmsgstr "模糊"\n\nmsgid "Moved {n}"\nmsgstr "移动 {m}"\n\n'
               'msgid "Template text %(n)s"\nmsgstr "模板 %(n)s"\n')
    pkg = _package(tmp_path, code, entries)
    found = "\n".join(catalogs.problems(pkg))
    assert "not in the catalog: 'Brand new'" in found
    assert "untranslated: 'Empty'" in found and "fuzzy: 'Fuzzy one'" in found
    assert "placeholders ['{m}'] in the translation of 'Moved {n}'" in found
    assert "Kept" not in found and "Template text" not in found
    assert "stale" not in found  # just compiled


def test_completeness_check_finds_a_stale_mo(tmp_path):
    pkg = _package(tmp_path, 'from pia.i18n import _\n_("One")\n',
                   'msgid "One"\nmsgstr "一"\n\nmsgid "Template text %(n)s"\nmsgstr "模板 %(n)s"\n')
    assert catalogs.problems(pkg) == []
    po = catalogs.po_path("zh", pkg / "locale")
    po.write_text(po.read_text(encoding="utf-8").replace('"一"', '"壹"'), encoding="utf-8")
    assert any("stale or missing" in p for p in catalogs.problems(pkg))


def test_template_is_current_and_extraction_is_byte_identical():
    first = catalogs._po_bytes(catalogs.extract())
    assert first == catalogs._po_bytes(catalogs.extract())
    assert first == catalogs.POT_FILE.read_bytes(), "pia/locale/pia.pot is stale: run `python -m pia.i18n update`"
    assert b"POT-Creation-Date" not in first and b"Generated-By" not in first


def test_compiled_catalog_is_found_by_the_runtime():
    mo = catalogs.po_path("zh").with_suffix(".mo")
    assert mo.exists()
    assert translations("zh").gettext("Executive summary") == "管理层摘要"
    assert translations("en").gettext("Executive summary") == "Executive summary"


def test_help_imports_neither_babel_nor_the_catalog_tooling():
    code = ("import sys\nfrom pia.cli import main\nsys.argv = ['pia', '--help']\n"
            "try:\n    main()\nexcept SystemExit:\n    pass\n"
            "print(sorted(m for m in sys.modules if m == 'babel' or m.startswith('babel.') or m == 'pia.catalogs'))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         env={**os.environ, "PYTHONPATH": str(config.PACKAGE_DIR.parent)}).stdout
    assert out.strip().splitlines()[-1] == "[]"


def _engine_names() -> dict[str, list[str]]:
    """The English names the engines put in their documents, which the report shows translated."""
    import yaml

    from pia.changes.rules import REASONS, TRIGGERS
    from pia.declare.manifest import load_manifest
    from pia.risk import screening
    from pia.risk.scoring import assess

    rules = [v for v in vars(screening).values() if isinstance(v, (list, tuple)) and v and hasattr(v[0], "framework")]
    measures = yaml.safe_load((config.PACKAGE_DATA / "measures.yaml").read_text(encoding="utf-8"))["measures"]
    methods = [yaml.safe_load(p.read_text(encoding="utf-8")) for p in sorted(config.METHODS_DIR.glob("*.yaml"))]
    level_words = set()
    for m in methods:
        for scale in ("impact", "likelihood", "levels"):
            for level in (m.get(scale, {}).get("levels") if isinstance(m.get(scale), dict) else m.get(scale)) or []:
                label = str(level.get("label") or level["id"]) if isinstance(level, dict) else str(level)
                level_words.add(re.sub(r"^\d+ |\s*\([^)]*\)$", "", label))
    gists = set()
    for path in (config.REFERENCE_MANIFEST, config.DATA_SAMPLES / "pulsewear" / "pulsewear.pia.yaml"):
        for method in ("gbt39335",):  # the exposure factors' gists (GB/T 39335-2020 5.4 groups)
            for a in assess(load_manifest(path), method=method).to_dict()["activities"]:
                for f in a.get("factors", []):
                    if f.get("rule") == "likelihood.exposure":
                        gists |= {g.strip() for r, g in re.findall(r"\): (\d+(?:\.\d+)?) \(([^:;(]+)", f["reason"])
                                  if float(r) > 0 and g.strip() != "scale"}
    return {"screening": sorted({r.name for r in rules[0]}), "triggers": [t.name for t in TRIGGERS.values()],
            "reconsent": [k.replace("_", " ") for k in REASONS], "measures": [m["name"] for m in measures],
            "methods": [m["title"] for m in methods], "levels": sorted(level_words), "gists": sorted(gists)}


def test_every_name_the_engines_give_has_a_chinese_translation():
    names = _engine_names()
    assert len(names["screening"]) >= 20 and len(names["measures"]) >= 20 and names["gists"]
    zh = translations("zh")
    untranslated = {kind: [n for n in items if zh.gettext(n) == n or not CJK.search(zh.gettext(n))]
                    for kind, items in names.items()}
    assert {k: v for k, v in untranslated.items() if v} == {}


# --------------------------------------------------------------------------- the language of a report


def test_report_language_follows_lang_then_the_manifest_then_the_locale(monkeypatch):
    from pia.report.data import report_language

    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    assert report_language("zh", SimpleNamespace(language="en")) == "zh"
    assert report_language("", SimpleNamespace(language="zh")) == "zh"
    assert report_language("", SimpleNamespace()) == "en"  # a manifest without `language` (read defensively)
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    assert report_language("", SimpleNamespace()) == "zh"


def test_lang_parameter_is_checked_before_any_kernel():
    from pia.errors import InputError
    from pia.report.params import load_params

    params, _ = load_params(None, [("lang", "zh")])
    assert params.lang == "zh"
    with pytest.raises(InputError) as exc:
        load_params(None, [("lang", "fr")])
    assert exc.value.lines == ["-p lang: 'fr' is not a language of the report (allowed: en, zh)"]


def test_dates_are_written_for_the_reader():
    from pia.report.sections import format_date

    with use_language("zh"):
        assert format_date("2026-06-30") == "2026年6月30日"
    with use_language("en"):
        assert format_date("2026-06-30") == "2026-06-30"  # English keeps the ISO date it always showed


def test_chinese_level_names_use_the_standards_own_terms():
    from pia.report.names import level_name

    gbt = {"labels": {"risk": {"high": "high (高)", "severe": "severe (严重)"}}}
    cnil = {"labels": {"risk": {"limited": "2 limited"}}}
    with use_language("zh"):
        assert (level_name("high", gbt), level_name("severe", gbt), level_name("limited", cnil)) == ("高", "严重", "2 有限")
    with use_language("en"):
        assert (level_name("high", gbt), level_name("limited", cnil)) == ("high", "2 limited")


# --------------------------------------------------------------------------- en unchanged, zh the same numbers


@pytest.fixture(scope="module")
def en_data():
    return report_data("en")


@pytest.fixture(scope="module")
def zh_data():
    return report_data("zh")


@pytest.fixture(scope="module")
def en_outputs(en_data) -> dict:
    return json.loads(json.dumps(outputs(en_data), sort_keys=True, ensure_ascii=False))


@pytest.fixture(scope="module")
def zh_outputs(zh_data) -> dict:
    return json.loads(json.dumps(outputs(zh_data), sort_keys=True, ensure_ascii=False))


def test_activities_carry_the_same_numbers_in_both_languages(en_data, zh_data):
    """The risk map's numbers follow the English names, so a reader can put the two reports side by side."""
    from pia.report.figures import activity_numbers

    assert activity_numbers(zh_data.assessment) == activity_numbers(en_data.assessment)
    assert all(a["order_name"] for a in zh_data.assessment["activities"])


def test_english_sections_and_figures_are_unchanged_by_the_machinery(en_outputs):
    """Byte for byte the English output of the golden file (captured before the catalogs, templates' i18n and `_()`
    went in; the draft notice left out)."""
    golden = json.loads(GOLDEN_EN.read_text(encoding="utf-8"))
    assert sorted(en_outputs) == sorted(golden)
    changed = [k for k in golden if en_outputs[k] != golden[k]]
    assert changed == [], f"English output changed in {changed}; if the wording change is deliberate, run " \
                          "`python -m tests.i18n_outputs`"


def _text(fragment: str) -> str:
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", fragment)).split())


ZH_DIGITS = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}


def _zh_number(text: str) -> int:
    """`五十五` -> 55 (article numbers as Chinese law names them)."""
    total, digit = 0, 0
    for ch in text:
        if ch in ZH_DIGITS:
            digit = ZH_DIGITS[ch]
        elif ch in "十百":
            total += (digit or 1) * (10 if ch == "十" else 100)
            digit = 0
    return total + digit


def numbers(text: str) -> Counter:
    """The numbers a text states, whatever the language writes them as: `1,200` / `1.2 million` / `120万`,
    `2026-06-30` / `2026年6月30日`, `Art. 55` / `第五十五条`."""
    text = re.sub(r"第([一二三四五六七八九十百]+)条", lambda m: f" {_zh_number(m.group(1))} ", text)
    found: Counter = Counter()
    for value, unit in re.findall(r"(\d[\d,]*(?:\.\d+)?)\s*(million|万)?", text):
        n = float(value.replace(",", "")) * {"million": 1_000_000, "万": 10_000}.get(unit, 1)
        found[round(n, 6)] += 1
    return found


def test_numbers_check_can_fail():
    assert numbers("3 of 12; 1.2 million; 2026-06-30") == numbers("12项中有3项；120万；2026年6月30日")
    assert numbers("3 of 12") != numbers("12项中有4项")


def test_chinese_sections_and_figures_state_the_same_numbers_as_english(en_outputs, zh_outputs):
    differ = {}
    for key in en_outputs:
        en, zh = en_outputs[key], zh_outputs[key]
        a, b = (numbers(_text(x) if isinstance(x, str) else json.dumps(x, ensure_ascii=False)) for x in (en, zh))
        if a != b:
            differ[key] = (a - b, b - a)
    assert differ == {}


def test_chinese_sections_translate_every_heading_and_sentence_of_the_templates(zh_outputs):
    """No English text of a template shows in the Chinese report (manifest text and engine reasons aside)."""
    shown = " ".join(_text(v) for v in zh_outputs.values() if isinstance(v, str))
    left = []
    for message in catalogs.extract():
        locations = [f for f, _ in message.locations]
        if not message.id or not any(f.endswith(".j2") and "/sections/" in f for f in locations):
            continue
        for msgid in [message.id] if isinstance(message.id, str) else message.id:
            plain = _text(re.sub(r"%\(\w+\)s", "\x00", msgid))
            for piece in filter(None, (p.strip() for p in plain.split("\x00"))):
                if len(piece.split()) > 1 and re.search(rf"(?<![\w]){re.escape(piece)}(?![\w])", shown):
                    left.append(piece)
    assert left == []
    assert len(CJK.findall(shown)) > 2000


def test_chinese_report_names_the_standards_by_their_official_titles(zh_outputs):
    text = _text(zh_outputs["summary"]) + _text(zh_outputs["risk"])
    assert "《信息安全技术 个人信息安全影响评估指南》（GB/T 39335-2020）" in text
    assert "《个人信息保护法》第五十五条" in text
    assert "2026年6月30日" in text


def test_page_of_a_chinese_report_says_so_in_its_lang_title_and_footer():
    import nbformat

    from pia.report.run import SUMMARY_MIMETYPE, to_html

    nb = nbformat.v4.new_notebook(metadata={"title": "Privacy impact assessment"})
    cell = nbformat.v4.new_code_cell("")
    cell.outputs = [nbformat.v4.new_output("display_data", data={SUMMARY_MIMETYPE: {"lang": "zh"}, "text/plain": ""}),
                    nbformat.v4.new_output("display_data", data={"text/html": "<p>x</p>"})]
    nb.cells = [cell]
    page = to_html(nb)
    assert '<html lang="zh-CN">' in page and "<title>个人信息保护影响评估</title>" in page
    assert "不从网络加载任何内容" in page
    cell.outputs[0]["data"][SUMMARY_MIMETYPE] = {"lang": "en"}
    page = to_html(nb)
    assert '<html lang="en">' in page and "<title>Privacy impact assessment</title>" in page


# --------------------------------------------------------------------------- whole reports, one per language

PDFFONTS = shutil.which("pdffonts") or "/usr/bin/pdffonts"
PDFTOTEXT = shutil.which("pdftotext") or "/usr/bin/pdftotext"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CJK_FONTS = ("WenQuanYi", "NotoSansCJK", "NotoSansSC", "SourceHanSans")


def _report(tmp: Path, *args: str) -> Path:
    proc = subprocess.run([sys.executable, "-m", "pia.cli", "report", "--out", str(tmp), "--pdf", *args],
                          capture_output=True, text=True, timeout=900, check=False)
    assert proc.returncode == 0, proc.stderr
    (tmp / "stdout.txt").write_text(proc.stdout, encoding="utf-8")
    return tmp / "2026-06-30-zosi-camera"


@pytest.fixture(scope="module")
def zh_run(tmp_path_factory) -> Path:
    """`pia report --lang zh --pdf` on the shipped samples (every section and figure, dataset evidence included)."""
    need(CHROMIUM, PDFFONTS, PDFTOTEXT, why="the zh report test")
    return _report(tmp_path_factory.mktemp("zh"), "--lang", "zh")


@pytest.fixture(scope="module")
def en_run(tmp_path_factory) -> Path:
    need(CHROMIUM, PDFFONTS, PDFTOTEXT, why="the zh report test")
    return _report(tmp_path_factory.mktemp("en"), "--lang", "en")


@pytest.mark.slow
@pytest.mark.browser
def test_chinese_pdf_embeds_a_cjk_font_and_its_text_is_chinese(zh_run):
    pdf = zh_run / "report.pdf"
    fonts = subprocess.run([PDFFONTS, str(pdf)], capture_output=True, text=True, check=True).stdout
    cjk = [ln for ln in fonts.splitlines() if any(f in ln.replace(" ", "") for f in CJK_FONTS)]
    assert cjk and all(ln.split()[-5] == "yes" for ln in cjk), fonts  # the `emb` column: the glyphs are in the PDF
    text = subprocess.run([PDFTOTEXT, "-l", "2", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert "管理层摘要" in text and "是否须告知用户" in text and "个人信息保护影响评估" in text
    assert len(CJK.findall(text)) > 500  # real glyphs with a text layer, not boxes (no font: no CJK text at all)


@pytest.mark.slow
@pytest.mark.browser
def test_the_commands_last_line_is_in_the_reports_language(zh_run):
    last = (zh_run.parent / "stdout.txt").read_text(encoding="utf-8").splitlines()[-1]
    assert last.startswith("zosi-camera（评估基准日 2026-06-30）：") and "推送通知、弹窗、电子邮件" in last


@pytest.mark.slow
@pytest.mark.browser
def test_chinese_pdf_management_part_prints_on_at_most_two_pages(zh_run):
    pdf = zh_run / "report.pdf"
    pages = [subprocess.run([PDFTOTEXT, "-f", str(i), "-l", str(i), str(pdf), "-"], capture_output=True, text=True,
                            check=True).stdout for i in range(1, 5)]
    first = next(i for i, page in enumerate(pages, 1) if "附录：评估详情" in page)
    assert first <= 3


@pytest.mark.slow
@pytest.mark.browser
def test_chinese_page_is_marked_zh_cn_and_shows_no_template_english(zh_run):
    page = (zh_run / "report.html").read_text(encoding="utf-8")
    assert '<html lang="zh-CN">' in page and "<title>个人信息保护影响评估</title>" in page
    body = _visible(page)
    for english in ("Executive summary", "Must users be notified?", "Action plan", "Risk map", "Appendix"):
        assert english not in body


def _visible(page: str) -> str:
    """The text of a report page outside scripts, styles and the draft notice; run times dropped."""
    page = re.sub(r"<(script|style)\b.*?</\1>", " ", page, flags=re.S | re.I)
    page = re.sub(r'<div class="notice">.*?</div>\s*</div>', " ", page, flags=re.S)
    return re.sub(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z", " ", _text(page))


@pytest.mark.slow
@pytest.mark.browser
def test_chinese_and_english_reports_state_the_same_numbers_and_verdict(zh_run, en_run):
    import nbformat

    from pia.report.run import read_summary

    zh_sum, en_sum = (read_summary(nbformat.read(d / "report.ipynb", as_version=4)) for d in (zh_run, en_run))
    assert {**zh_sum, "lang": None} == {**en_sum, "lang": None} and (zh_sum["lang"], en_sum["lang"]) == ("zh", "en")
    zh, en = (numbers(_visible((d / "report.html").read_text(encoding="utf-8"))) for d in (zh_run, en_run))
    assert zh == en, (en - zh, zh - en)


# --------------------------------------------------------------------------- English left in the zh report

_CITATION = re.compile(r"\b(?:GB/T \d+-\d{4}|PIPL|GDPR|WP\d+|CNIL|ICO)"
                       r"(?: (?:Annex|Art\.|Table|Appendix) ?[\w.()]*| [\d.()A-Z]+)?")
_CODE = re.compile(r"<(script|style|code)\b.*?</\1>", re.S | re.I)


def _manifest_words() -> set[str]:
    """The manifest's own names as the report writes them (ids of datasets, checks, elements, activities, categories,
    columns, recipients, measures: `data_sharing` -> `data sharing`), which stay as they are in every language."""
    from pia.declare.manifest import load_manifest
    from pia.declare.taxonomy import load_taxonomy

    m = load_manifest(config.REFERENCE_MANIFEST)
    ids = {d.id for d in m.datasets} | {c.id for c in m.checks} | {e.id for e in m.data_elements}
    ids |= {a.id for a in m.processing_activities} | {r.id for r in m.recipients} | {c.key for c in load_taxonomy()}
    ids |= {col for d in m.datasets for col in d.columns} | {m.controller.legal_entity, str(m.service.name)}
    return {w for i in ids for w in re.split(r"[._,\s]+", i.lower()) if w}


def english_runs(html: str, ignore: set[str]) -> list[str]:
    """Runs of a Chinese page's text that hold no Chinese and 4+ English words, not counting code ids, citations,
    file paths, hashes and `ignore` (the manifest's own names)."""
    text = _text(_CODE.sub(" ", html))
    found = []
    for run in re.split(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]+", text):
        plain = _CITATION.sub(" ", run)
        plain = re.sub(r"\S*[._/=:@]\S*|\b[0-9a-f]{12,}\b", " ", plain)  # ids, paths, keys, masked values, hashes
        words = [w for w in re.findall(r"[A-Za-z][A-Za-z'-]+", plain) if w.lower() not in ignore]
        if len(words) >= 4:
            found.append(run.strip())
    return found


def test_english_runs_check_can_fail():
    ignore = {"data", "sharing"}
    page = ("<p>数据集 data sharing 中有 3 行不合格：the recipient is not declared (IV.1)</p>"
            "<p>依据 GB/T 35273-2020 Annex B（网络身份标识信息）；<code>users.email_format is not met</code>；"
            "data_samples/zosi-camera.pia.yaml</p>")
    assert english_runs(page, ignore) == ["the recipient is not declared (IV.1)"]


def test_chinese_report_has_no_english_only_sentence(zh_outputs):
    """Engine sentences (check reasons, discovery findings, sensitivity bases, measure notes) are in Chinese too."""
    ignore = _manifest_words()
    left = {key: english_runs(value, ignore) for key, value in zh_outputs.items() if isinstance(value, str)}
    assert {k: v for k, v in left.items() if v} == {}


def test_every_sensitivity_basis_of_the_taxonomy_is_translated():
    """A basis added to pia/data/taxonomy.yaml without its words in `BASIS_TEXTS` would show in English."""
    from pia.declare.taxonomy import load_taxonomy
    from pia.report.names import basis_text

    bases = {c.basis for c in load_taxonomy() if c.basis} | {"not sensitive under GB/T 35273-2020 Annex B"}
    with use_language("zh"):
        english = sorted(b for b in bases if basis_text(b) == b or not CJK.search(basis_text(b)))
    assert english == []


@pytest.mark.slow
def test_pia_report_without_lang_writes_in_the_manifests_language(tmp_path):
    """No --lang and no `lang` parameter: a manifest whose primary language is zh gives a Chinese page."""
    text = config.REFERENCE_MANIFEST.read_text(encoding="utf-8")
    assert "\nlanguage: en " in text
    (tmp_path / "zh.pia.yaml").write_text(text.replace("\nlanguage: en ", "\nlanguage: zh ", 1), encoding="utf-8")
    params = "manifest: zh.pia.yaml\nproposed: ''\nestate: ''\nas_of: 2026-06-30\n"
    (tmp_path / "params.yaml").write_text(params, encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k not in ("LC_ALL", "LC_MESSAGES", "LANG")}
    proc = subprocess.run([sys.executable, "-m", "pia.cli", "report", "--params", str(tmp_path / "params.yaml"),
                           "--out", str(tmp_path / "out")], capture_output=True, text=True, env=env,
                          cwd=config.PROJECT_ROOT, timeout=600)
    assert proc.returncode == 0, proc.stderr
    page = next((tmp_path / "out").glob("*/report.html")).read_text(encoding="utf-8")
    assert '<html lang="zh-CN">' in page and "管理层摘要" in page
