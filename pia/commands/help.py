"""`--help` in the language in force: the commands' help texts and click's own words, through the kit's catalog.

click writes its words ("Usage:", "Options", "Show this message and exit." ...) with gettext's default domain,
which has no Chinese catalog, and it reads help texts (docstrings, `help=`) once, at import. Both pass through
the formatter a click context renders help with, so the kit translates them there, at render time, in the
language in force: a command imported under one language still shows its help in another. The help texts are
msgids as click shows them (`inspect.cleandoc` of the docstring, the `help=` string); `pia/catalogs.py` extracts
them from the click decorators, so `python -m pia.i18n check` fails on an untranslated help text. English help
is click's own output, unchanged.
"""
from __future__ import annotations

import contextlib
import re
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

import click

from pia.i18n import LANGUAGES, N_, SOURCE_LANGUAGE, _, current_language, normalize_language, resolve_language

# click's own words that reach the kit's help pages (marked here so that the kit's catalog carries them).
CLICK_WORDS = (N_("Usage:"), N_("Options"), N_("Commands"), N_("Positional arguments"),
               N_("Show this message and exit."), N_("Show the version and exit."), N_("required"),
               N_("default: {default}"), N_("env var: {var}"))

# click appends an option's extras to its help text as `help  [default: table; required]`.
_EXTRAS = re.compile(r"^(?P<help>.*?)(?:(?:^|  )\[(?P<extra>[^\[\]]*)\])?$", re.S)
_NO_LINE_START = set("，。；：、）》」』！？,.;:)]")
_NO_LINE_END = set("（《「『")


def argv_language(argv: Sequence[str]) -> str | None:
    """The value of `--lang X` / `--lang=X` anywhere on the command line (before `--`), if it names a language.

    click renders `--help` while it parses, before the commands' `--lang` is processed: the CLI reads it first.
    """
    for i, arg in enumerate(argv):
        if arg == "--":
            break
        value = arg.split("=", 1)[1] if arg.startswith("--lang=") else \
            argv[i + 1] if arg == "--lang" and i + 1 < len(argv) else None
        if value is not None and value in LANGUAGES:
            return value
    return None


def help_language(argv: Sequence[str]) -> str:
    """The language of `--help` and of errors met before a command runs: `--lang`, else the locale, else en.

    The manifest's `language` is not read: help names no manifest, and reading one would make `--help` heavy.
    """
    return resolve_language(argv_language(argv))


def _extra(item: str) -> str:
    """One of click's extras (`default: table`, `required`, `env var: X`) in the language in force."""
    if item.startswith("default: "):
        return _("default: {default}", default=item.removeprefix("default: "))
    if item.startswith("env var: "):
        return _("env var: {var}", var=item.removeprefix("env var: "))
    return _(item) if item == "required" else item


def translate_help(text: str) -> str:
    """An option's or command's help (as click shows it, with its extras) in the language in force."""
    if current_language() == SOURCE_LANGUAGE or not text:
        return text
    match = _EXTRAS.match(text)
    if match is None or match.group("extra") is None:
        return _(text)
    body = _(match.group("help")) if match.group("help") else ""
    extra = "[" + "；".join(_extra(i) for i in match.group("extra").split("; ")) + "]"
    return f"{body}  {extra}" if body else extra


def _width(text: str) -> int:
    """Columns a text takes on a terminal (CJK characters take two)."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _is_wide(text: str) -> bool:
    return any(unicodedata.east_asian_width(c) in "WF" for c in text)


def _words(paragraph: str) -> list[tuple[bool, str]]:
    """(preceded by a space, word) of a paragraph: each CJK character is a word, a run of other characters too."""
    out: list[tuple[bool, str]] = []
    spaced = False
    for match in re.finditer(r"\s+|[^\s]", paragraph):
        token = match.group()
        if token.isspace():
            spaced = True
            continue
        if out and not spaced and not _is_wide(token) and not _is_wide(out[-1][1]):
            out[-1] = (out[-1][0], out[-1][1] + token)  # an option name, a path: one word
        else:
            out.append((spaced, token))
        spaced = False
    return out


def wrap_wide(text: str, width: int, indent: str = "") -> list[str]:
    """Lines of `text` no wider than `width` columns (`indent` included), breaking between CJK characters and at spaces.

    Paragraphs (blank-line separated) stay apart; a line neither starts with closing punctuation (the word before
    it moves to the next line with it) nor ends with opening punctuation.
    """
    lines: list[str] = []
    for n, paragraph in enumerate(p for p in re.split(r"\n\s*\n", text.strip()) if p.strip()):
        if n:
            lines.append("")
        # a line break between two CJK characters is no space (the source wraps Chinese text anywhere)
        joined = re.sub(r"(?<=[^\x00-\x7f])\n(?=[^\x00-\x7f])", "", paragraph.strip())
        line: list[tuple[bool, str]] = []

        def text_of(words: list[tuple[bool, str]]) -> str:
            return indent + "".join((" " if spaced and i else "") + word for i, (spaced, word) in enumerate(words))

        for spaced, word in _words(joined):
            if line and _width(text_of([*line, (spaced, word)])) > width:
                carry: list[tuple[bool, str]] = []
                while (carry[0][1] if carry else word)[0] in _NO_LINE_START and len(line) > 1:
                    carry.insert(0, line.pop())
                while line[-1][1][-1] in _NO_LINE_END and len(line) > 1:  # nor end with opening punctuation
                    carry.insert(0, line.pop())
                lines.append(text_of(line))
                line = carry
            line.append((spaced, word))
        if line:
            lines.append(text_of(line))
    return lines


class HelpFormatter(click.HelpFormatter):
    """click's help formatter writing the kit's help in the language in force (English: click's output as is)."""

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        """The usage line, its prefix in the language in force."""
        if prefix is None:
            prefix = _("Usage:")
            prefix += "" if _is_wide(prefix[-1:]) else " "
        super().write_usage(prog, args, prefix)

    def write_heading(self, heading: str) -> None:
        """A section's heading, with the colon of its language."""
        if not _is_wide(heading):
            return super().write_heading(heading)
        self.write(f"{'':>{self.current_indent}}{heading}：\n")
        return None

    @contextlib.contextmanager
    def section(self, name: str) -> Iterator[None]:
        """A section (Options, Commands ...) headed in the language in force."""
        with super().section(_(name)):
            yield

    def write_text(self, text: str) -> None:
        """A command's help text, translated (CJK text wrapped by its columns)."""
        text = translate_help(text)
        if not _is_wide(text):
            return super().write_text(text)
        self.write("\n".join(wrap_wide(text, self.width, " " * self.current_indent)) + "\n")
        return None

    def write_dl(self, rows: Iterable[tuple[str, str]], col_max: int = 30, col_spacing: int = 2) -> None:
        """Options and commands with their help translated (CJK text wrapped by its columns)."""
        rows = [(first, translate_help(second)) for first, second in rows]
        if not any(_is_wide(second) for _first, second in rows):
            return super().write_dl(rows, col_max, col_spacing)
        first_col = min(max(_width(first) for first, _second in rows), col_max) + col_spacing
        pad = " " * (first_col + self.current_indent)
        for first, second in rows:
            self.write(f"{'':>{self.current_indent}}{first}")
            if not second:
                self.write("\n")
                continue
            if _width(first) <= first_col - col_spacing:
                self.write(" " * (first_col - _width(first)))
            else:
                self.write("\n" + pad)
            lines = wrap_wide(second, max(self.width - first_col - 2, 10) + len(pad), pad) or [pad]
            self.write(lines[0].lstrip() + "\n" + "".join(line + "\n" for line in lines[1:]))
        return None


def short_help(command: click.Command, limit: int) -> str:
    """A command's line in the list of commands: click's in English, the first sentence of the translation else."""
    if current_language() == SOURCE_LANGUAGE or not command.help or command.short_help:
        return command.get_short_help_str(limit)
    import inspect

    text = _(inspect.cleandoc(command.help).partition("\f")[0]).split("\n\n")[0]
    sentence = re.split(r"(?<=[。！？])", text, maxsplit=1)[0].strip().rstrip("。")
    while _width(sentence) > limit:
        sentence = sentence[:-2] + "…"
    return sentence


class Context(click.Context):
    """A click context rendering help with the kit's formatter."""

    formatter_class = HelpFormatter


def localized(command: click.Command) -> click.Command:
    """`command` with its help rendered in the language in force (its contexts use the kit's formatter)."""
    command.context_class = Context
    return command


def group_language(ctx: click.Context, _param: click.Parameter | None, value: str | None) -> str | None:
    """A command's `--lang`, else the one given before the command (`pia --lang zh check`), else None.

    The callback of the commands' `--lang`: with it `pia --lang zh check` and `pia check --lang zh` are the same.
    """
    if value is not None or ctx.parent is None:
        return value
    given: Any = ctx.find_root().params.get("lang")
    return normalize_language(given) if isinstance(given, str) else None


# click's frequent reasons for a bad value (its English, from the parameter types), in the kit's words.
_CLICK_REASONS = [(re.compile(pattern), message) for pattern, message in (
    (r"^(?P<value>.+?) is not one of (?P<choices>.+?)\.$", N_("{value} is not one of {choices}")),
    (r"^(?P<value>.+?) is not a valid integer( range)?\.$", N_("{value} is not a whole number")),
    (r"^(?P<value>.+?) is not a valid float( range)?\.$", N_("{value} is not a number")),
    (r"^(?P<value>.+?) is not in the range (?P<choices>.+?)\.$", N_("{value} is not in the range {choices}")),
    (r"^(?:File|Directory|Path) (?P<value>.+?) does not exist\.$", N_("{value} does not exist")),
    (r"^(?:File|Path) (?P<value>.+?) is a directory\.$", N_("{value} is a directory")),
    (r"^(?:Directory|Path) (?P<value>.+?) is a file\.$", N_("{value} is a file")),
    (r"^Got unexpected extra arguments? \((?P<value>.*)\)$", N_("unexpected extra argument(s): {value}")),
    (r"^Missing command\.$", N_("missing command (see the list of commands)")),
    (r"^Option (?P<value>.+?) requires an argument\.$", N_("option {value} needs a value")),
    (r"^Option (?P<value>.+?) requires (?P<choices>\d+) arguments\.$", N_("option {value} needs {choices} values")),
)]


def _reason(text: str) -> str:
    """One of click's reasons in the language in force, or as click writes it."""
    for pattern, message in _CLICK_REASONS:
        if (match := pattern.match(text.strip())) is not None:
            groups = match.groupdict()
            return _(message, value=groups.get("value") or "", choices=groups.get("choices") or "")
    return text


def usage_message(exc: click.UsageError) -> str:
    """A usage error's message (no such option, missing argument, bad value ...) in the language in force.

    English: click's own message, unchanged. Otherwise the error's parts (option name, parameter, choices) in the
    kit's sentences; a reason the kit does not know stays as click writes it.
    """
    if current_language() == SOURCE_LANGUAGE:
        return exc.format_message()
    if isinstance(exc, (click.NoSuchOption, click.exceptions.NoSuchCommand)):
        name = exc.option_name if isinstance(exc, click.NoSuchOption) else exc.command_name
        text = (_("no such option {name!r}", name=name) if isinstance(exc, click.NoSuchOption)
                else _("no such command {name!r}", name=name))
        close = exc.possibilities or []
        return text + (_("; did you mean {names}?", names=", ".join(close)) if close else "")
    if isinstance(exc, click.BadParameter):
        param = exc.param
        hint = exc.param_hint if isinstance(exc.param_hint, str) else \
            " / ".join(exc.param_hint) if exc.param_hint else param.get_error_hint(exc.ctx) if param else ""
        if isinstance(exc, click.MissingParameter):
            kind = exc.param_type or (param.param_type_name if param else "parameter")
            text = _("missing argument {name}", name=hint) if kind == "argument" else \
                _("missing option {name}", name=hint)
            if param is not None and isinstance(param.type, click.Choice):
                text += _("; choose from: {choices}", choices=", ".join(map(str, param.type.choices)))
            return text
        return _("invalid value for {name}: {reason}", name=hint, reason=_reason(exc.message))
    return _reason(exc.format_message())
