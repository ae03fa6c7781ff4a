"""Load YAML and remember the line of every node, so errors can say `FILE:LINE: path: message`.

Keys are addressed by dotted paths with list indices, e.g. `data_elements.3.category`.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from pia.config import display_path
from pia.errors import InputError, Problem

Loc = tuple[str | int, ...]


class _Loader(yaml.SafeLoader):
    """SafeLoader that refuses duplicate mapping keys (YAML silently keeps the last one)."""


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


def _walk(node: yaml.Node, loc: Loc, lines: dict[Loc, int], problems: list[Problem], source: str) -> Any:
    lines[loc] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        out: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            key = _Loader.construct_object(_LOADER_FOR_SCALARS, key_node, deep=True)
            if isinstance(key, (list, dict)):
                problems.append(Problem(source, "a mapping key must be a plain value", key_node.start_mark.line + 1, _fmt(loc)))
                continue
            if key in out:
                problems.append(Problem(source, f"duplicate key {key!r} (first on line {lines[loc + (key,)]})",
                                        key_node.start_mark.line + 1, _fmt(loc + (key,))))
                continue
            lines[loc + (key,)] = key_node.start_mark.line + 1
            out[key] = _walk(value_node, loc + (key,), lines, problems, source)
            lines[loc + (key,)] = key_node.start_mark.line + 1
        return out
    if isinstance(node, yaml.SequenceNode):
        return [_walk(item, loc + (i,), lines, problems, source) for i, item in enumerate(node.value)]
    return _LOADER_FOR_SCALARS.construct_object(node, deep=True)


_LOADER_FOR_SCALARS = _Loader("")


def _fmt(loc: Loc) -> str:
    return ".".join(str(p) for p in loc)


def parse_yaml(text: str, source: str) -> YamlDocument:
    """Parse one YAML document from text; raise InputError with line numbers on any problem."""
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        msg = f"invalid YAML: {exc.problem or exc.context}"
        raise InputError(Problem(source, msg, line)) from None
    except yaml.YAMLError as exc:  # pragma: no cover - unmarked errors are rare
        raise InputError(Problem(source, f"invalid YAML: {exc}")) from None
    if node is None:
        raise InputError(Problem(source, "the file is empty (expected a YAML mapping)", 1))
    lines: dict[Loc, int] = {}
    problems: list[Problem] = []
    try:
        data = _walk(node, (), lines, problems, source)
    except yaml.constructor.ConstructorError as exc:
        mark = exc.problem_mark
        raise InputError(Problem(source, f"invalid YAML: {exc.problem}", mark.line + 1 if mark else None)) from None
    if problems:
        raise InputError(problems)
    return YamlDocument(data, lines, source)


def load_yaml(path: str | Path, text: str | None = None) -> YamlDocument:
    """Read and parse a YAML file; unreadable or undecodable files are input errors."""
    source = display_path(path)
    if text is None:
        from pia.inputs import read_text

        _, text = read_text(path, expected="a YAML file", source=source)
    return parse_yaml(text, source)
