"""Load YAML and remember the line of every node, so errors can say `FILE:LINE: path: message`.

Keys are addressed by dotted paths with list indices, e.g. `data_elements.3.category`. The reader is bounded
(see `pia.inputs` for the limits): nesting depth, alias count and alias expansion are checked while the
document is composed, before anything is expanded; only the standard YAML types are built (str, int, float,
bool, null, timestamp, map, seq): `!!binary`, `!!set`, `!!python/...` and local tags are refused.
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml
from yaml.composer import ComposerError
from yaml.events import AliasEvent

from pia.config import display_path
from pia.errors import InputError, Problem, quote
from pia.i18n import N_, _
from pia.inputs import MAX_ALIAS_NODES, MAX_ALIASES, MAX_DEPTH, MAX_INPUT_BYTES, check_size

Loc = tuple[str | int, ...]

_STANDARD = "tag:yaml.org,2002:"
ALLOWED_TAGS = frozenset(_STANDARD + t for t in ("str", "int", "float", "bool", "null", "timestamp", "map", "seq"))


class _Limit(ComposerError):
    """A bound of the reader was passed (depth, aliases): reported as such, not as invalid YAML."""


class _Loader(yaml.SafeLoader):
    """SafeLoader whose composer bounds depth and aliases, measuring each node's expanded size and height.

    Sizes and heights are computed bottom-up as nodes are finished, so an alias costs what it expands to at
    the moment it is met, and a billion-laughs document is refused after a few dozen aliases instead of being
    expanded.
    """

    def __init__(self, stream: str):
        super().__init__(stream)
        self._depth = 0
        self._aliases = 0
        self._alias_nodes = 0
        self._measure: dict[int, tuple[int, int]] = {}  # id(node) -> (expanded size, height)

    def compose_node(self, parent: Any, index: Any) -> yaml.Node:
        if self.check_event(AliasEvent):
            mark = self.peek_event().start_mark
            node = super().compose_node(parent, index)
            self._aliases += 1
            if self._aliases > MAX_ALIASES:
                raise _Limit(None, None, _("more than {n:,} aliases (the limit)", n=MAX_ALIASES), mark)
            if id(node) not in self._measure:
                raise _Limit(None, None, _("an alias refers to a node that contains it (a recursive structure)"), mark)
            size, height = self._measure[id(node)]
            self._alias_nodes += size
            if self._alias_nodes > MAX_ALIAS_NODES:
                raise _Limit(None, None, _("aliases expand to more than {n:,} nodes (the limit; a 'billion laughs' "
                                           "document?)", n=MAX_ALIAS_NODES), mark)
            if self._depth + height > MAX_DEPTH:
                raise _Limit(None, None, _("an alias nests the document deeper than {n} levels (the limit)",
                                           n=MAX_DEPTH), mark)
            return node
        self._depth += 1
        if self._depth > MAX_DEPTH:
            raise _Limit(None, None, _("nested deeper than {n} levels (the limit)", n=MAX_DEPTH),
                         self.peek_event().start_mark)
        try:
            node = super().compose_node(parent, index)
        finally:
            self._depth -= 1
        if isinstance(node, yaml.SequenceNode):
            children = [self._measure[id(c)] for c in node.value]
        elif isinstance(node, yaml.MappingNode):
            children = [self._measure[id(c)] for pair in node.value for c in pair]
        else:
            children = []
        self._measure[id(node)] = (1 + sum(s for s, _ in children), 1 + max((h for _, h in children), default=0))
        return node


class YamlDocument:
    """Parsed YAML data plus a map from location (tuple of keys/indices) to 1-based line."""

    def __init__(self, data: Any, lines: dict[Loc, int], source: str):
        self.data = data
        self.lines = lines
        self.source = source

    def line_of(self, loc: Loc) -> int | None:
        """The line of the deepest existing node on `loc` (a missing field points at its parent)."""
        loc = tuple(loc)
        while loc:
            if loc in self.lines:
                return self.lines[loc]
            loc = loc[:-1]
        return self.lines.get((), 1)

    def path_of(self, loc: Loc) -> str:
        """`loc` as input errors name it: a list item by its id when it has one (`processing_activities[ride_matching]`)."""
        return path_of(self.data, loc)


def path_of(data: Any, loc: Loc) -> str:
    """A location in YAML data in words: keys joined by dots, a list item by its `id` when it declares one.

    Findings name items by id (`processing_activities[ride_matching]`, as in assumptions and change paths), so an
    input error names them the same way; an item without a plain id (or a position past the end) keeps its index.
    """
    out = ""
    node: Any = data
    for part in loc:
        ident = node[part].get("id") if (isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node)
                                        and isinstance(node[part], dict)) else None
        # an id two items share (the duplicate-id error itself) names neither: the index does
        if isinstance(ident, (str, int)) and not isinstance(ident, bool) and str(ident).strip() \
                and not set(str(ident)) & set("[]\n") \
                and sum(isinstance(x, dict) and x.get("id") == ident for x in node) == 1:
            out += f"[{ident}]"
        else:
            out += f".{part}" if out else str(part)
        if isinstance(node, dict):
            node = node.get(part)
        elif isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node):
            node = node[part]
        else:
            node = None
    return out


# The scalar types a value may fail to build as, in words.
SCALAR_KINDS = {"date": N_("date"), "int": N_("integer"), "float": N_("number"), "bool": N_("boolean")}

# PyYAML's frequent reasons (its `problem` and `context`), in the kit's words; `{token}` is what PyYAML quotes.
# A reason not listed here is shown as PyYAML writes it.
YAML_PHRASES = [(re.compile(pattern), message) for pattern, message in (
    (r"^mapping values are not allowed here$", N_("a colon (key: value) is not allowed here; quote text that holds "
                                                  "': '")),
    (r"^could not find expected ':'$", N_("a key without a colon (expected 'key: value')")),
    (r"^did not find expected key$", N_("a line is not a key of this mapping (check its indentation)")),
    (r"^did not find expected '-' indicator$", N_("a line is not an item of this list (expected '- ')")),
    (r"^did not find expected node content$", N_("a value is missing")),
    (r"^found unexpected end of stream$", N_("the file ends before the value is closed")),
    (r"^found character (?P<token>.+) that cannot start any token$",
     N_("the character {token} cannot start a value (tabs cannot indent YAML)")),
    (r"^found undefined alias (?P<token>.+)$", N_("alias {token} is not defined")),
    (r"^found unknown escape character (?P<token>.+)$", N_("unknown escape {token} in a double-quoted text")),
    (r"^found unexpected ':'$", N_("unexpected colon")),
    (r"^expected <block end>, but found (?P<token>.+)$", N_("expected the end of the block, found {token} (check "
                                                            "the indentation)")),
    (r"^expected ',' or '\]', but got (?P<token>.+)$", N_("expected ',' or ']' in an inline list, found {token}")),
    (r"^expected ',' or '}', but got (?P<token>.+)$", N_("expected ',' or '}}' in an inline mapping, found {token}")),
    (r"^expected a single document in the stream$", N_("expected a single document")),
    (r"^but found another document$", N_("found another document (---)")),
    (r"^while scanning a simple key$", N_("in a key")),
    (r"^while scanning for the next token$", N_("while reading the next value")),
    (r"^while scanning a block scalar$", N_("in a block text (| or >)")),
    (r"^while scanning a directive$", N_("in a directive (%)")),
    (r"^while constructing a mapping$", N_("in a mapping")),
    (r"^found unhashable key$", N_("a key cannot be a list or a mapping")),
    (r"^found a tab character where an indentation space is expected$", N_("a tab where indentation spaces are "
                                                                           "expected (tabs cannot indent YAML)")),
    (r"^found a tab character that violates indentation$", N_("a tab where indentation spaces are expected (tabs "
                                                              "cannot indent YAML)")),
    (r"^while scanning a quoted scalar$", N_("in a quoted text")),
    (r"^while scanning a plain scalar$", N_("in a value")),
    (r"^while scanning an alias$", N_("in an alias")),
    (r"^while scanning an anchor$", N_("in an anchor")),
    (r"^while parsing a block mapping$", N_("in a mapping")),
    (r"^while parsing a block collection$", N_("in a list")),
    (r"^while parsing a flow sequence$", N_("in an inline list")),
    (r"^while parsing a flow mapping$", N_("in an inline mapping")),
    (r"^while parsing a block node$", N_("in a value")),
    (r"^while parsing a flow node$", N_("in a value")),
)]


def yaml_phrase(text: str | None) -> str:
    """One of PyYAML's reasons in the language in force (English: as PyYAML writes it)."""
    text = str(text or "")
    for pattern, message in YAML_PHRASES:
        if (match := pattern.match(text)) is not None:
            return _(message, token=match.groupdict().get("token", "")) if _(message) != message else text
    return text


def _tag_problem(node: yaml.Node) -> str | None:
    if node.tag in ALLOWED_TAGS:
        return None
    if node.tag == _STANDARD + "merge":
        return _("merge keys (<<) are not supported: write the fields out")
    shown = "!!" + node.tag[len(_STANDARD):] if node.tag.startswith(_STANDARD) else node.tag
    return _("tag {tag} is not allowed (only the standard types: strings, numbers, booleans, null, dates, mappings "
             "and lists)", tag=quote(shown))


def _scalar(node: yaml.Node, loc: Loc, problems: list[Problem], source: str) -> tuple[bool, Any]:
    """Build a scalar; (False, None) with a problem filed when its value cannot be built (2026-02-30)."""
    try:
        return True, _LOADER_FOR_SCALARS.construct_object(node, deep=True)
    except (ValueError, OverflowError) as exc:
        what = "date" if node.tag == _STANDARD + "timestamp" else node.tag.removeprefix(_STANDARD)
        reason = str(exc).split("(")[0].strip().rstrip(":") or type(exc).__name__
        if reason.startswith("Exceeds the limit"):  # Python's guard against quadratic int parsing
            reason = _("more digits than Python converts (4,300)")
        # the reason is Python's own (`day is out of range for month`): it says exactly what is wrong
        problems.append(Problem(source, _("{value} is not a valid {what}: {reason}", value=quote(node.value),
                                          what=_(SCALAR_KINDS.get(what, what)), reason=quote(reason, 80)[1:-1]),
                                node.start_mark.line + 1, _fmt(loc)))
        return False, None


def _walk(node: yaml.Node, loc: Loc, lines: dict[Loc, int], problems: list[Problem], source: str) -> Any:
    lines[loc] = node.start_mark.line + 1
    tag = _tag_problem(node)
    if tag:
        problems.append(Problem(source, tag, node.start_mark.line + 1, _fmt(loc)))
        return None
    if isinstance(node, yaml.MappingNode):
        out: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            if isinstance(key_node, (yaml.MappingNode, yaml.SequenceNode)):
                problems.append(Problem(source, _("a mapping key must be a plain value"),
                                        key_node.start_mark.line + 1, _fmt(loc)))
                continue
            tag = _tag_problem(key_node)
            if tag:
                problems.append(Problem(source, tag, key_node.start_mark.line + 1, _fmt(loc)))
                continue
            ok, key = _scalar(key_node, loc, problems, source)
            if not ok:
                continue
            if key in out:
                problems.append(Problem(source, _("duplicate key {key} (first on line {first})", key=quote(key),
                                                  first=lines[loc + (key,)]),
                                        key_node.start_mark.line + 1, _fmt(loc + (key,))))
                continue
            lines[loc + (key,)] = key_node.start_mark.line + 1
            out[key] = _walk(value_node, loc + (key,), lines, problems, source)
            lines[loc + (key,)] = key_node.start_mark.line + 1
        return out
    if isinstance(node, yaml.SequenceNode):
        return [_walk(item, loc + (i,), lines, problems, source) for i, item in enumerate(node.value)]
    return _scalar(node, loc, problems, source)[1]


_LOADER_FOR_SCALARS = _Loader("")


def _fmt(loc: Loc) -> str:
    return ".".join(str(p) for p in loc)


def parse_yaml(text: str, source: str) -> YamlDocument:
    """Parse one YAML document from text; raise InputError with line numbers on any problem."""
    check_size(len(text), source, MAX_INPUT_BYTES)
    try:
        node = yaml.compose(text, Loader=_Loader)
    except _Limit as exc:
        mark = exc.problem_mark
        raise InputError(Problem(source, _("refused: {problem}", problem=exc.problem),
                                 mark.line + 1 if mark else None)) from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        detail = yaml_phrase(str(exc.problem or exc.context))
        if exc.context and exc.problem:
            detail = _("{context}: {problem}", context=yaml_phrase(exc.context), problem=detail)
        msg = _("invalid YAML: {detail}", detail=detail)
        raise InputError(Problem(source, msg, line)) from None
    except yaml.reader.ReaderError as exc:
        # The reader's own message spans lines and quotes the raw character: say where it is instead.
        line = text.count("\n", 0, exc.position) + 1
        column = exc.position - (text.rfind("\n", 0, exc.position) + 1) + 1
        char = exc.character if isinstance(exc.character, int) else ord(str(exc.character)[:1] or "\0")
        raise InputError(Problem(source, _("invalid YAML: control character U+{char:04X} in column {column} (not "
                                           "allowed in YAML text)", char=char, column=column), line)) from None
    except yaml.YAMLError as exc:  # pragma: no cover - unmarked errors are rare
        raise InputError(Problem(source, _("invalid YAML: {detail}", detail=quote(str(exc), 120)))) from None
    if node is None:
        raise InputError(Problem(source, _("the file is empty (expected a YAML mapping)"), 1))
    lines: dict[Loc, int] = {}
    problems: list[Problem] = []
    try:
        data = _walk(node, (), lines, problems, source)
    except yaml.constructor.ConstructorError as exc:
        mark = exc.problem_mark
        raise InputError(Problem(source, _("invalid YAML: {detail}", detail=yaml_phrase(str(exc.problem))),
                                 mark.line + 1 if mark else None)) from None
    if problems:
        raise InputError(problems)
    return YamlDocument(data, lines, source)


def load_yaml(path: str | Path, text: str | None = None, expected: str = N_("a YAML file"),
              missing: str = N_("no such file")) -> YamlDocument:
    """Read (through `pia.inputs`: regular files only, bounded) and parse a YAML file."""
    source = display_path(path)
    if text is None:
        from pia.inputs import read_text

        _raw, text = read_text(path, expected=expected, source=source, missing=missing)
    return parse_yaml(text, source)
