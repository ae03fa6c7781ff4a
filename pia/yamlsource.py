"""Load YAML and remember the line of every node, so errors can say `FILE:LINE: path: message`.

Keys are addressed by dotted paths with list indices, e.g. `data_elements.3.category`. The reader is bounded
(see `pia.inputs` for the limits): nesting depth, alias count and alias expansion are checked while the
document is composed, before anything is expanded; only the standard YAML types are built (str, int, float,
bool, null, timestamp, map, seq): `!!binary`, `!!set`, `!!python/...` and local tags are refused.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml
from yaml.composer import ComposerError
from yaml.events import AliasEvent

from pia.config import display_path
from pia.errors import InputError, Problem, quote
from pia.i18n import _
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
                raise _Limit(None, None, f"more than {MAX_ALIASES:,} aliases (the limit)", mark)
            if id(node) not in self._measure:
                raise _Limit(None, None, "an alias refers to a node that contains it (a recursive structure)", mark)
            size, height = self._measure[id(node)]
            self._alias_nodes += size
            if self._alias_nodes > MAX_ALIAS_NODES:
                raise _Limit(None, None, f"aliases expand to more than {MAX_ALIAS_NODES:,} nodes (the limit; "
                                         "a 'billion laughs' document?)", mark)
            if self._depth + height > MAX_DEPTH:
                raise _Limit(None, None, f"an alias nests the document deeper than {MAX_DEPTH} levels (the limit)",
                             mark)
            return node
        self._depth += 1
        if self._depth > MAX_DEPTH:
            raise _Limit(None, None, f"nested deeper than {MAX_DEPTH} levels (the limit)", self.peek_event().start_mark)
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


def _tag_problem(node: yaml.Node) -> str | None:
    if node.tag in ALLOWED_TAGS:
        return None
    if node.tag == _STANDARD + "merge":
        return "merge keys (<<) are not supported: write the fields out"
    shown = "!!" + node.tag[len(_STANDARD):] if node.tag.startswith(_STANDARD) else node.tag
    return (f"tag {quote(shown)} is not allowed (only the standard types: strings, numbers, booleans, null, "
            "dates, mappings and lists)")


def _scalar(node: yaml.Node, loc: Loc, problems: list[Problem], source: str) -> tuple[bool, Any]:
    """Build a scalar; (False, None) with a problem filed when its value cannot be built (2026-02-30)."""
    try:
        return True, _LOADER_FOR_SCALARS.construct_object(node, deep=True)
    except (ValueError, OverflowError) as exc:
        what = "date" if node.tag == _STANDARD + "timestamp" else node.tag.removeprefix(_STANDARD)
        reason = str(exc).split("(")[0].strip().rstrip(":") or type(exc).__name__
        if reason.startswith("Exceeds the limit"):  # Python's guard against quadratic int parsing
            reason = "more digits than Python converts (4,300)"
        problems.append(Problem(source, f"{quote(node.value)} is not a valid {what}: {quote(reason, 80)[1:-1]}",
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
                problems.append(Problem(source, "a mapping key must be a plain value", key_node.start_mark.line + 1,
                                        _fmt(loc)))
                continue
            tag = _tag_problem(key_node)
            if tag:
                problems.append(Problem(source, tag, key_node.start_mark.line + 1, _fmt(loc)))
                continue
            ok, key = _scalar(key_node, loc, problems, source)
            if not ok:
                continue
            if key in out:
                problems.append(Problem(source, f"duplicate key {quote(key)} (first on line {lines[loc + (key,)]})",
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
        raise InputError(Problem(source, f"refused: {exc.problem}", mark.line + 1 if mark else None)) from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        context = f"{exc.context}: " if exc.context and exc.problem else ""
        detail = context + str(exc.problem or exc.context)
        msg = _("invalid YAML: {detail}", detail=detail)
        raise InputError(Problem(source, msg, line)) from None
    except yaml.reader.ReaderError as exc:
        # The reader's own message spans lines and quotes the raw character: say where it is instead.
        line = text.count("\n", 0, exc.position) + 1
        column = exc.position - (text.rfind("\n", 0, exc.position) + 1) + 1
        char = exc.character if isinstance(exc.character, int) else ord(str(exc.character)[:1] or "\0")
        raise InputError(Problem(source, f"invalid YAML: control character U+{char:04X} in column {column} "
                                         "(not allowed in YAML text)", line)) from None
    except yaml.YAMLError as exc:  # pragma: no cover - unmarked errors are rare
        raise InputError(Problem(source, f"invalid YAML: {quote(str(exc), 120)}")) from None
    if node is None:
        raise InputError(Problem(source, _("the file is empty (expected a YAML mapping)"), 1))
    lines: dict[Loc, int] = {}
    problems: list[Problem] = []
    try:
        data = _walk(node, (), lines, problems, source)
    except yaml.constructor.ConstructorError as exc:
        mark = exc.problem_mark
        raise InputError(Problem(source, _("invalid YAML: {detail}", detail=exc.problem),
                                 mark.line + 1 if mark else None)) from None
    if problems:
        raise InputError(problems)
    return YamlDocument(data, lines, source)


def load_yaml(path: str | Path, text: str | None = None, expected: str = "a YAML file",
              missing: str = "no such file") -> YamlDocument:
    """Read (through `pia.inputs`: regular files only, bounded) and parse a YAML file."""
    source = display_path(path)
    if text is None:
        from pia.inputs import read_text

        _raw, text = read_text(path, expected=expected, source=source, missing=missing)
    return parse_yaml(text, source)
