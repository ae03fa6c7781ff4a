"""zh/en of the commands' text, bilingual manifests and the zh user notice (issue 18).

The zh outputs are checked against the catalog itself: no message the catalog translates may appear in English in
a zh output. Bilingual texts parse into LocalizedText, `pia check` lists the texts that miss a language at their
file:line, and the zh notice of the reference's proposed version has the date and the official titles.
"""
from __future__ import annotations

import copy
import json
import pickle
import re
from pathlib import Path

import pytest
import yaml

from pia.cli import main
from pia.config import PROPOSED_MANIFEST, REFERENCE_MANIFEST
from pia.declare.manifest import Manifest, load_manifest
from pia.errors import InputError
from pia.i18n import LOCALE_DIR, LocalizedText, pick, use_language

PULSEWEAR = REFERENCE_MANIFEST.parent / "pulsewear" / "pulsewear.pia.yaml"
FACEGATE = Path(__file__).resolve().parents[1] / "data_samples" / "facegate" / "facegate.pia.yaml"
FACEGATE_NEXT = FACEGATE.with_name("facegate.proposed.pia.yaml")
PULSEWEAR_PROPOSED = REFERENCE_MANIFEST.parent / "pulsewear" / "pulsewear.proposed.pia.yaml"
CATALOG = LOCALE_DIR / "zh" / "LC_MESSAGES" / "pia.po"


def run(capsys, *args: str) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exc:
        main(list(args))
    out, err = capsys.readouterr()
    return exc.value.code, out, err


# The modules whose messages each command prints (the messages of other modules may legitimately occur in its
# English data, e.g. a measure's description that mentions "a push notification").
COMMON = ("pia/cli.py", "pia/output.py")
WRITERS = {
    "check": ("pia/commands/check.py", "pia/declare/lint.py"),
    "inventory": ("pia/commands/inventory.py", "pia/declare/inventory.py"),
    "assess": ("pia/commands/assess.py", "pia/risk/render.py", "pia/risk/scoring.py", "pia/risk/likelihood.py",
               "pia/risk/screening.py"),
    "diff": ("pia/commands/diff.py", "pia/changes/render.py", "pia/changes/rules.py"),
    "notice": ("pia/changes/notice.py", "pia/changes/rules.py"),
    "taxonomy": ("pia/commands/taxonomy.py",),
    "scan": ("pia/commands/scan.py",),
    "validate": ("pia/commands/validate.py",),
    "init": ("pia/commands/init.py",),
    "samples": ("pia/commands/samples.py",),
}


def _catalog(files: tuple[str, ...] | None = None) -> dict[str, str]:
    """Translated messages of the catalog (of the messages marked in `files` when given)."""
    from babel.messages.pofile import read_po

    with CATALOG.open("rb") as f:
        cat = read_po(f)
    out = {}
    for m in cat:
        if not m.id or (files is not None and not any(path in files for path, _line in m.locations)):
            continue
        mid = m.id if isinstance(m.id, str) else m.id[0]
        text = m.string if isinstance(m.string, str) else m.string[0]
        if text and text != mid:
            out[mid] = text
    return out


def _fragments(msgid: str) -> list[str]:
    """The literal English pieces of a message (between its {fields}) long enough to be recognised verbatim."""
    pieces = re.split(r"\{[a-z_]+(?:![rs])?(?::[^{}]*)?\}", msgid.replace("{{", "{").replace("}}", "}"))
    return [p.strip() for p in pieces if len(p.strip()) >= 20 and len(p.split()) >= 4]


def untranslated(text: str, command: str | None = None) -> list[str]:
    """Messages the zh catalog translates (those `command` prints) whose English still shows in `text`."""
    files = None if command is None else COMMON + WRITERS[command]
    return sorted({frag for mid in _catalog(files) for frag in _fragments(mid) if frag in text})


# --------------------------------------------------------------------------- the catalog and the zh outputs


def test_catalog_has_the_required_header():
    head = CATALOG.read_text(encoding="utf-8")[:1500]
    assert "Language: zh" in head and "Plural-Forms: nplurals=1; plural=0;" in head
    assert (CATALOG.with_suffix(".mo")).exists()


def test_the_untranslated_check_finds_english(capsys):
    # the detector itself: the English output of a command is full of the catalog's messages
    code, out, _ = run(capsys, "diff", "--lang", "en")
    assert code == 0 and len(untranslated(out, "diff")) >= 5


@pytest.mark.parametrize("args", [
    ("check",), ("check", str(PULSEWEAR)), ("inventory",), ("inventory", "--format", "markdown"),
    ("assess",), ("assess", "--format", "markdown"), ("diff",), ("diff", "--format", "markdown"),
    ("taxonomy", "heart"), ("scan",), ("check", str(FACEGATE)), ("diff", str(FACEGATE), str(FACEGATE_NEXT)),
], ids=lambda a: "-".join(Path(x).name for x in a))
def test_zh_output_has_no_untranslated_message(capsys, args):
    code, out, err = run(capsys, *args, "--lang", "zh")
    assert code in (0, 1), err
    assert re.search(r"[\u4e00-\u9fff]", out), out[:300]
    assert untranslated(out, args[0]) == []


def test_zh_validate_output_has_no_untranslated_message(capsys):
    code, out, err = run(capsys, "validate", "--as-of", "2026-06-30", "--lang", "zh")
    assert code in (0, 1), err
    assert "结果：" in out and untranslated(out, "validate") == []


def test_zh_init_and_samples_messages(capsys, tmp_path):
    code, out, _ = run(capsys, "init", str(tmp_path / "acme"), "--lang", "zh")
    assert code == 0 and "已写入" in out and "下一步" in out and untranslated(out, "init") == []
    code, out, _ = run(capsys, "samples", str(tmp_path / "estate"), "--users", "40", "--lang", "zh")
    assert code == 0 and "已将" in out and untranslated(out, "samples") == []


def test_zh_error_messages_follow_lang(capsys):
    code, _, err = run(capsys, "scan", "--manifest", str(PULSEWEAR), "--lang", "zh")
    assert code == 2 and "随附的样例数据属于参考服务" in err and len(err.strip().splitlines()) == 1


def test_language_follows_the_manifest_then_lang(capsys, tmp_path, reference_text):
    zh_manifest = tmp_path / "zh.pia.yaml"
    zh_manifest.write_text(reference_text.replace("language: en ", "language: zh ", 1), encoding="utf-8")
    code, out, _ = run(capsys, "inventory", str(zh_manifest))
    assert code == 0 and "ZOSI 摄像机与云服务" in out and "账户注册和登录" not in out.split("\n")[0]
    assert "处理活动" in out  # the table's headers
    code, out, _ = run(capsys, "inventory", str(zh_manifest), "--lang", "en")
    assert code == 0 and out.startswith("ZOSI camera and cloud service")


def test_json_stays_language_neutral(capsys):
    _, en, _ = run(capsys, "inventory", "--format", "json", "--lang", "en")
    _, zh, _ = run(capsys, "inventory", "--format", "json", "--lang", "zh")
    assert en == zh
    _, en, _ = run(capsys, "diff", "--format", "json", "--lang", "en")
    _, zh, _ = run(capsys, "diff", "--format", "json", "--lang", "zh")
    assert en == zh


def test_cjk_tables_line_up():
    from pia.output import render_table

    text = render_table([{"a": "账户标识符", "b": "x"}, {"a": "id", "b": "y"}], ["a", "b"])
    rows = text.splitlines()
    # the second column starts at the same terminal column on every row (CJK characters are two columns wide)
    starts = {sum(2 if "\u4e00" <= c <= "\u9fff" else 1 for c in r[: r.rindex(" ") + 1]) for r in rows[2:]}
    assert len(starts) == 1


# --------------------------------------------------------------------------- bilingual manifests


def test_bilingual_texts_parse_and_pick_the_language():
    m = load_manifest()
    assert m.language == "en" and m.languages == ["en", "zh"]
    name = m.service.name
    assert isinstance(name, LocalizedText) and name == "ZOSI camera and cloud service"
    assert pick(name, "zh") == "ZOSI 摄像机与云服务"
    with use_language("zh"):
        assert pick(m.activity("account_management").name) == "账户注册和登录"
    assert type(m.controller.legal_entity) is str  # legal names are not free text


def test_plain_strings_stay_plain(reference_data):
    reference_data["service"]["name"] = "Plain name"
    m = Manifest.model_validate(reference_data)
    assert type(m.service.name) is str and pick(m.service.name, "zh") == "Plain name"


def test_zh_primary_language_makes_zh_the_string(reference_data):
    reference_data["language"] = "zh"
    m = Manifest.model_validate(reference_data)
    assert str(m.service.name) == "ZOSI 摄像机与云服务" and pick(m.service.name, "en") == "ZOSI camera and cloud service"


def test_localized_text_survives_copy_and_pickle():
    m = load_manifest()
    for clone in (copy.deepcopy(m.service.name), pickle.loads(pickle.dumps(m.service.name))):
        assert clone == m.service.name and clone.translations == m.service.name.translations


def test_json_dump_keeps_the_primary_text_and_the_context_gives_both():
    m = load_manifest()
    assert m.model_dump(mode="json")["service"]["name"] == "ZOSI camera and cloud service"
    both = m.model_dump(mode="json", context={"languages": True})["service"]["name"]
    assert both == {"en": "ZOSI camera and cloud service", "zh": "ZOSI 摄像机与云服务"}


def test_unknown_language_is_an_input_error_at_its_line(write_manifest, reference_text):
    text = reference_text.replace("    en: ZOSI camera and cloud service\n", "    fr: Service ZOSI\n", 1)
    path = write_manifest(text)
    with pytest.raises(InputError) as exc:
        load_manifest(path)
    (problem,) = exc.value.problems
    line = text.splitlines().index("    fr: Service ZOSI") + 1
    assert problem.path == "service.name" and "unknown language 'fr'" in problem.message
    assert problem.line in (line, line - 1)  # the mapping's key line or its first entry


def test_schema_documents_both_forms(capsys):
    code, out, _ = run(capsys, "schema", "manifest")
    schema = json.loads(out)
    name = schema["$defs"]["Service"]["properties"]["name"]
    kinds = [alt.get("type") for alt in name["anyOf"]]
    assert kinds == ["string", "object"] and set(name["anyOf"][1]["properties"]) == {"en", "zh"}
    assert "language" in schema["properties"] and "languages" in schema["properties"]


def test_check_lists_each_fallback_at_its_file_and_line(capsys, write_manifest, reference_text):
    # drop the Chinese of one activity name and give one purpose as a plain string
    text = reference_text.replace("      zh: 账户注册和登录\n", "", 1)
    text = text.replace("    purpose:\n      en: Take orders, collect payment and deliver products and paid services.\n"
                        "      zh: 接收订单、收取款项并交付产品和付费服务。\n",
                        "    purpose: Take orders, collect payment and deliver products and paid services.\n", 1)
    assert text.count("\n") == reference_text.count("\n") - 3
    path = write_manifest(text)
    code, out, _ = run(capsys, "check", str(path))
    assert code == 0
    fallbacks = [line for line in out.splitlines() if "text in en only" in line]
    lines = text.splitlines()
    name_line = lines.index("      en: Account registration and sign-in") + 1
    purpose_line = lines.index("    purpose: Take orders, collect payment and deliver products and paid services.") + 1
    assert {f.split(": ")[0] for f in fallbacks} == {f"{path}:{name_line - 1}", f"{path}:{purpose_line}"}
    assert all(": warning: " in f and "zh" in f for f in fallbacks)
    code, _, _ = run(capsys, "check", str(path), "--strict")
    assert code == 1


def test_check_fallbacks_in_json_and_zh(capsys, write_manifest, reference_text):
    path = write_manifest(reference_text.replace("      zh: 账户注册和登录\n", "", 1))
    _, out, _ = run(capsys, "check", str(path), "--format", "json")
    found = [f for f in json.loads(out)["findings"] if f["rule"] == "text_fallback"]
    assert [f["path"] for f in found] == ["processing_activities[account_management].name"] and found[0]["line"]
    _, out, _ = run(capsys, "check", str(path), "--lang", "zh")
    assert "该文本仅有 en 版本" in out


def test_monolingual_manifests_have_no_fallbacks(capsys):
    _, out, _ = run(capsys, "check", str(PULSEWEAR), "--format", "json")
    assert not [f for f in json.loads(out)["findings"] if f["rule"] == "text_fallback"]


def test_declared_languages_make_every_plain_text_a_fallback(write_manifest):
    data = yaml.safe_load(PULSEWEAR.read_text(encoding="utf-8"))
    data["languages"] = ["en", "zh"]
    m = Manifest.model_validate(data)
    from pia.declare.text import fallbacks, text_paths

    assert len(fallbacks(m, m.languages, m.language)) == len(list(text_paths(m))) > 20


def test_reference_gives_every_free_text_in_both_languages():
    from pia.declare.text import fallbacks

    for path in (REFERENCE_MANIFEST, PROPOSED_MANIFEST):
        m = load_manifest(path)
        assert fallbacks(m, m.languages, m.language) == [], path


# --------------------------------------------------------------------------- the user notice


@pytest.fixture(scope="module")
def zh_notice() -> str:
    from pia.changes.notice import draft_notice
    from pia.changes.rules import review

    with use_language("zh"):
        return draft_notice(review(load_manifest(), load_manifest(PROPOSED_MANIFEST)))


def test_zh_notice_has_the_date_and_the_official_titles(zh_notice):
    assert "更新后的隐私政策自2026年7月1日起生效" in zh_notice and "[effective date]" not in zh_notice
    for title in ("《中华人民共和国个人信息保护法》", "《信息安全技术 个人信息安全规范》(GB/T 35273-2020)",
                  "《信息安全技术 个人信息安全影响评估指南》(GB/T 39335-2020)"):
        assert title in zh_notice


def test_zh_notice_is_fully_translated(zh_notice):
    headings = re.findall(r"^## (.+)$", zh_notice, flags=re.MULTILINE)
    assert headings == ["有哪些变化", "这些变化与您的关系", "我们会先征得您的同意", "您的权利及行使方式", "咨询与投诉",
                        "如您不同意"]
    assert untranslated(zh_notice, "notice") == []
    # no English sentence: names of companies, the email address and standard numbers are the only Latin words
    latin = re.sub(r"[\w.-]+@[\w.-]+|GB/T \d+-\d+|Harbourline Capital Holdings Ltd\.|Zosi Technologies Co\., Limited|"
                   r"ZOSI", "", zh_notice)
    assert not re.search(r"[A-Za-z]+[ ,;:]+[A-Za-z]+[ ,;:]+[A-Za-z]+", latin), latin


def test_zh_notice_keeps_bold_markdown_valid(zh_notice):
    # CommonMark closes ** only when it is not preceded by punctuation and followed by a letter
    assert not re.search(r"[。：，；！？）]\*\*[\u4e00-\u9fffA-Za-z0-9]", zh_notice)


def test_effective_date_option_and_no_date(capsys, tmp_path, reference_data):
    notice = tmp_path / "n.md"
    code, _, err = run(capsys, "diff", "--lang", "zh", "--effective-date", "2026-08-15", "--notice", str(notice))
    assert code == 0, err
    assert "2026年8月15日" in notice.read_text(encoding="utf-8")
    code, _, err = run(capsys, "diff", "--effective-date", "2026-02-30")
    assert code == 2 and "--effective-date" in err and len(err.strip().splitlines()) == 1
    # no date anywhere: the notice says so, in each language
    from pia.changes.notice import draft_notice
    from pia.changes.rules import review

    new = copy.deepcopy(reference_data)
    new["settings"]["rights_response_days"] = 15
    old_m, new_m = Manifest.model_validate(reference_data), Manifest.model_validate(new)
    assert "is not set yet" in draft_notice(review(old_m, new_m))
    with use_language("zh"):
        assert "生效日期尚未确定" in draft_notice(review(old_m, new_m))


def test_en_notice_dates_are_written_in_words(capsys, tmp_path):
    notice = tmp_path / "n.md"
    run(capsys, "diff", "--notice", str(notice))
    assert "The updated policy takes effect on July 1, 2026." in notice.read_text(encoding="utf-8")


def test_rights_are_named_not_shown_as_ids(capsys, tmp_path):
    notice = tmp_path / "n.md"
    code, _, _ = run(capsys, "diff", str(PULSEWEAR), str(PULSEWEAR_PROPOSED), "--notice", str(notice))
    text = notice.read_text(encoding="utf-8")
    assert code == 0
    for raw in ("**access.**", "**consent_withdrawal.**", "**portability.**", "**account_cancellation.**"):
        assert raw not in text
    assert "**Withdraw your consent.**" in text and "**Take your information with you.**" in text


def test_source_titles_in_chinese():
    from pia.sources import source_title

    assert source_title("PIPL", "zh") == "《中华人民共和国个人信息保护法》"
    assert source_title("PIPL", "en").startswith("Personal Information Protection Law")
    assert source_title("GB/T 35273-2020 Annex D", "zh").startswith("《信息安全技术 个人信息安全规范》")


def test_frequent_input_errors_in_zh(capsys, write_manifest, reference_text):
    code, _, err = run(capsys, "check", "no-such.pia.yaml", "--lang", "zh")
    assert code == 2 and err == "pia: no-such.pia.yaml: 文件不存在\n"
    text = reference_text.replace("data_elements: [user_id, birth_date, guardian_consent]",
                                  "data_elements: [user_id, birth_day, guardian_consent]", 1)
    path = write_manifest(text)
    line = next(i for i, x in enumerate(text.splitlines(), 1) if "birth_day" in x)
    code, _, err = run(capsys, "check", str(path), "--lang", "zh")
    assert code == 2
    assert f"{path}:{line}: processing_activities[minor_protection].data_elements.1: " in err
    assert "'birth_day' 未定义；您是否指 birth_date？" in err
    code, _, err = run(capsys, "check", str(write_manifest("a: [", name="bad.yaml")), "--lang", "zh")
    assert code == 2 and "YAML 格式错误" in err


def test_init_writes_the_language_and_renames_the_bilingual_reference(capsys, tmp_path):
    code, _, _ = run(capsys, "init", str(tmp_path / "zh"), "--lang", "zh")
    manifest = load_manifest(tmp_path / "zh" / "zh.pia.yaml")
    assert code == 0 and manifest.language == "zh"
    code, _, _ = run(capsys, "init", str(tmp_path / "ref"), "--from", "reference", "--name", "Acme Cam")
    manifest = load_manifest(tmp_path / "ref" / "ref.pia.yaml")
    assert code == 0 and manifest.service.name == "Acme Cam" and type(manifest.service.name) is str
