"""zh/en of the command line itself: `--help` and the input errors (issue 18, continued).

`--help` follows `--lang` (before or after the command) or the locale: click's help texts and its own words pass
through the kit's catalog when help is rendered; English help is click's own output, unchanged. Input errors keep
their machine-readable `FILE:LINE: path:` prefix, one line per problem and exit 2 in both languages; only the
message after the prefix is translated.
"""
from __future__ import annotations

import inspect
import re
from pathlib import Path

import click
import pytest

from pia import catalogs
from pia.cli import COMMANDS, cli, main
from pia.commands.help import CLICK_WORDS, wrap_wide
from pia.config import PACKAGE_DIR
from pia.field_errors import MESSAGES
from pia.i18n import translations, use_language

CJK = re.compile(r"[\u4e00-\u9fff]")


def run(capsys, *args: str) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exc:
        main(list(args))
    out, err = capsys.readouterr()
    return exc.value.code, out, err


def _command(name: str) -> click.Command:
    ctx = click.Context(cli, info_name="pia")
    command = cli.get_command(ctx, name)
    assert command is not None
    return command


def _help_texts() -> set[str]:
    """Every help text the commands show, read from the live click objects (as click shows them)."""
    texts = {inspect.cleandoc(cli.help or "")} | {p.help for p in cli.params if getattr(p, "help", None)}
    for name in COMMANDS:
        command = _command(name)
        texts.add(inspect.cleandoc(command.help or "").partition("\f")[0])
        texts |= {p.help for p in command.params if getattr(p, "help", None)}
    return {t for t in texts if t}


def _english_runs(msgid: str) -> set[str]:
    """Runs of four plain English words of a message (ids, options and paths are not words)."""
    words = msgid.split()
    plain = [bool(re.fullmatch(r"[A-Za-z][a-z]+[.,;:]?", w)) for w in words]
    return {" ".join(w.rstrip(".,;:") for w in words[i:i + 4]) for i in range(len(words) - 3) if all(plain[i:i + 4])}


def _english_left(text: str) -> list[str]:
    flat = " ".join(text.split())
    return sorted({run for msgid in _help_texts() | set(CLICK_WORDS) for run in _english_runs(msgid) if run in flat})


# --------------------------------------------------------------------------- help


def test_extraction_finds_every_help_text_the_commands_show():
    extracted = {text for path in sorted((PACKAGE_DIR / "commands").glob("*.py")) + [PACKAGE_DIR / "cli.py"]
                 for _line, text in catalogs.click_help_texts(path)} | set(CLICK_WORDS)
    shown = _help_texts()
    assert len(shown) > 60
    assert shown - extracted == set()
    zh = translations("zh")
    assert [t for t in shown if not CJK.search(zh.gettext(t))] == []


def test_the_english_check_finds_english_help(capsys):
    code, out, _ = run(capsys, "check", "--help", "--lang", "en")
    assert code == 0 and len(_english_left(out)) >= 5


@pytest.mark.parametrize("args", [
    ("--lang", "zh", "--help"), ("--help", "--lang", "zh"), ("--lang=zh", "-h"),
    ("check", "--help", "--lang", "zh"), ("--lang", "zh", "validate", "--help"), ("report", "--lang", "zh", "-h"),
    ("diff", "--help", "--lang", "zh"), ("export", "--help", "--lang", "zh"),
], ids=lambda a: "_".join(a))
def test_help_in_zh_has_no_english_sentence_of_ours(capsys, args):
    code, out, err = run(capsys, *args)
    assert code == 0, err
    assert out.startswith("用法：pia") and "\n选项：\n" in out and "显示此帮助并退出。" in out
    assert _english_left(out) == []


def test_help_follows_the_locale(capsys, monkeypatch):
    monkeypatch.setenv("LC_ALL", "zh_CN.UTF-8")
    code, out, _ = run(capsys, "--help")
    assert code == 0 and "\n命令：\n" in out and "check      校验 MANIFEST" in out
    code, out, _ = run(capsys, "--help", "--lang", "en")  # --lang wins over the locale
    assert code == 0 and "Commands:" in out and not CJK.search(out)


def test_english_help_is_clicks_own_output(capsys):
    for name in ("check", "validate", "report"):
        code, out, _ = run(capsys, name, "--help", "--lang", "en")
        plain = click.Context(_command(name), info_name=name, parent=click.Context(cli, info_name="pia"))
        assert type(plain).formatter_class is click.HelpFormatter
        assert code == 0 and out == plain.get_help() + "\n"


def test_zh_help_lines_fit_the_terminal(capsys):
    from pia.commands.help import _width

    for name in COMMANDS:
        code, out, _ = run(capsys, "--lang", "zh", name, "--help")  # schema has no --lang of its own
        assert code == 0
        assert [line for line in out.splitlines() if _width(line) > 78 and " " in line.strip()] == []
        assert not re.search(r"\n\s*[，。；：、）]", out)  # no line starts with closing punctuation


def test_wrapping_keeps_words_and_punctuation_together():
    lines = wrap_wide("保留部分执行的 notebook，不写 HTML），或使用了 --pdf 而无法打印", 30, "  ")
    assert all(len(line) <= 30 for line in lines)
    assert any(line.strip().startswith("HTML）") for line in lines) or "HTML），" in "".join(lines)
    assert "".join(x.strip() for x in lines).replace(" ", "") == "保留部分执行的notebook，不写HTML），或使用了--pdf而无法打印"


def test_lang_before_the_command_is_the_commands_lang(capsys):
    before = run(capsys, "--lang", "zh", "inventory")
    after = run(capsys, "inventory", "--lang", "zh")
    assert before == after and before[0] == 0 and CJK.search(before[1])


# --------------------------------------------------------------------------- input errors


def _prefixes(err: str) -> list[str]:
    """`pia: FILE:LINE: path:` of each line (the machine-readable part)."""
    return [m.group(1) if (m := re.match(r"(pia: [^:]+:\d+: [\w.\[\]-]+: )", line)) else line[:20]
            for line in err.splitlines()]


def _both(capsys, *args: str) -> tuple[tuple[int, str], tuple[int, str]]:
    en = run(capsys, *args, "--lang", "en")
    zh = run(capsys, *args, "--lang", "zh")
    return (en[0], en[2]), (zh[0], zh[2])


BAD_MANIFESTS = {
    # pydantic: int_parsing, extra_forbidden, string_type, enum; a taxonomy key; a reference
    "types": [("  minor_age: 18 ", "  minor_age: eighteen "), ("  rights_response_days: 30 ", "  rights_responce_days: 30 "),
              ("    group: account\n", "    group: [account]\n"), ("    source: service_generated\n", "    source: server\n"),
              ("    category: user.id\n", "    category: user.idd\n")],
    # a required field missing
    "missing": [("    category: user.id\n", "")],
    "reference": [("data_elements: [user_id, birth_date, guardian_consent]",
                   "data_elements: [user_id, birth_day, guardian_consent]")],
}


@pytest.mark.parametrize("case", sorted(BAD_MANIFESTS))
def test_manifest_errors_in_zh_keep_the_prefix_and_translate_the_message(capsys, write_manifest, reference_text, case):
    text = reference_text
    for old, new in BAD_MANIFESTS[case]:
        assert old in text
        text = text.replace(old, new, 1)
    path = write_manifest(text)
    (en_code, en), (zh_code, zh) = _both(capsys, "check", str(path))
    assert en_code == zh_code == 2
    assert len(en.splitlines()) == len(zh.splitlines()) >= 1
    assert _prefixes(en) == _prefixes(zh)
    for line in zh.splitlines():
        message = line.split(": ", 3)[-1]
        assert CJK.search(message), line
        assert not re.search(r"Input should|Field required|Extra inputs|is not defined|unknown field", message), line
    assert "Traceback" not in en + zh


def test_pydantic_messages_are_the_kits_words_in_zh(capsys, write_manifest, reference_text):
    path = write_manifest(reference_text.replace("  rights_response_days: 30 ", "  rights_response_days: thirty ", 1)
                          .replace("    source: service_generated\n", "    source: server\n", 1))
    (_c, en), (_z, zh) = _both(capsys, "check", str(path))
    assert "Input should be a valid integer" in en and "应为整数；实际为 'thirty'" in zh
    assert "Input should be " in en and re.search(r"应为以下之一：'[a-z_]+'、", zh)


@pytest.mark.parametrize("text, en_words, zh_words", [
    ("a: [1, 2\nb: c\n", "invalid YAML: while parsing a flow sequence", "YAML 格式错误：在行内列表中："),
    ("a:\n\tb: 1\n", "found character '\\t' that cannot start any token", "YAML 不能用制表符缩进"),
    ("a: b: c\n", "mapping values are not allowed here", "此处不允许出现冒号"),
    ("a: 1\na: 2\n", "duplicate key 'a' (first on line 1)", "重复的键 'a'（首次出现在第 1 行）"),
    ("a: !!python/object:os.system x\n", "is not allowed (only the standard types", "只允许标准类型"),
    ("d: 2026-02-30\n", "is not a valid date", "不是有效的日期"),
])
def test_yaml_errors_in_zh(capsys, write_manifest, text, en_words, zh_words):
    path = write_manifest(text, name="bad.yaml")
    (en_code, en), (zh_code, zh) = _both(capsys, "check", str(path))
    assert en_code == zh_code == 2 and en_words in en and zh_words in zh
    assert [line.split(": ")[1] for line in en.splitlines()] == [line.split(": ")[1] for line in zh.splitlines()]


def test_file_and_option_errors_in_zh(capsys, tmp_path):
    (en_code, en), (zh_code, zh) = _both(capsys, "check", str(tmp_path / "nope.yaml"))
    assert en_code == zh_code == 2 and en.endswith("nope.yaml: no such file\n") and zh.endswith("nope.yaml: 文件不存在\n")
    (en_code, en), (zh_code, zh) = _both(capsys, "validate", "--as-of", "2026-02-30")
    assert en == "pia: --as-of: '2026-02-30' is not a date (YYYY-MM-DD)\n"
    assert zh == "pia: --as-of: '2026-02-30' 不是日期（YYYY-MM-DD）\n" and en_code == zh_code == 2
    (en_code, en), (zh_code, zh) = _both(capsys, "export", "--format", "cnil-pia", "--as-of", "30/06/2026")
    assert en_code == zh_code == 2 and "is not a date YYYY-MM-DD" in en and "不是 YYYY-MM-DD 格式的日期" in zh
    (en_code, en), (zh_code, zh) = _both(capsys, "inventory", "--format", "xml")
    assert en_code == zh_code == 2 and "Invalid value for '--format'" in en
    assert zh.startswith("pia: pia inventory: '--format' 的值无效：'xml' 不是以下之一：") and len(zh.splitlines()) == 1
    (en_code, en), (zh_code, zh) = _both(capsys, "inventory", "--bogus")
    assert en_code == zh_code == 2 and "No such option '--bogus'" in en and "没有选项 '--bogus'" in zh


def test_every_pydantic_message_is_translated():
    zh = translations("zh")
    assert [m for m in set(MESSAGES.values()) if not CJK.search(zh.gettext(m))] == []


def test_english_pydantic_messages_are_pydantics_own():
    from pydantic import BaseModel, ValidationError

    from pia.field_errors import field_message

    class M(BaseModel):
        n: int

    with pytest.raises(ValidationError) as exc:
        M.model_validate({"n": "x"})
    err = exc.value.errors()[0]
    with use_language("en"):
        assert field_message(err) == err["msg"]
    with use_language("zh"):
        assert field_message(err) == "应为整数"


def test_help_stays_light_in_zh():
    import subprocess
    import sys

    code = ("import sys\nfrom pia.cli import main\n"
            "try:\n    main(['--lang', 'zh', 'check', '--help'])\nexcept SystemExit:\n    pass\n"
            "print(sorted(m for m in sys.modules if m.split('.')[0] in ('pydantic', 'yaml', 'babel', 'great_expectations', "
            "'plotly', 'pandas')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         cwd=Path(PACKAGE_DIR).parent).stdout
    assert out.strip().splitlines()[-1] == "[]"


def test_bare_pia_prints_the_help_not_a_folded_error(capsys, monkeypatch):
    # `pia` with nothing after it asks for the help: the whole help on stdout and success, as `pia --help`.
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")
    code, out, err = run(capsys)
    assert code == 0 and err == ""
    assert out.startswith("Usage: pia [OPTIONS] COMMAND") and "\nCommands:\n" in out
    monkeypatch.setenv("LC_ALL", "zh_CN.UTF-8")
    code, out, err = run(capsys)
    assert code == 0 and err == "" and out.startswith("用法：pia") and "\n命令：\n" in out
