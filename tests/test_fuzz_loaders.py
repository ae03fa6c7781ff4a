"""Fuzzing of the loaders with hypothesis: mutated valid documents load, or fail with one-line InputErrors only.

Mutations are of the text (tokens inserted, spans deleted, duplicated, replaced) and of the data (values
replaced, deleted, keys added); any exception other than `InputError` is a failure.

The suite's budget is small (`FUZZ_EXAMPLES` examples per loader and mutation kind, no deadline); set the
environment variable PIA_FUZZ_EXAMPLES to fuzz longer, e.g. `PIA_FUZZ_EXAMPLES=2000 pytest tests/test_fuzz_loaders.py`.
"""
from __future__ import annotations

import copy
import datetime as dt
import json
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pia import config
from pia.errors import InputError

FUZZ_EXAMPLES = int(os.environ.get("PIA_FUZZ_EXAMPLES", "10"))
FUZZ = settings(max_examples=FUZZ_EXAMPLES, deadline=None, database=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                       HealthCheck.large_base_example])

MANIFEST_TEXT = config.REFERENCE_MANIFEST.read_text(encoding="utf-8")
METHOD_TEXT = (config.PACKAGE_DATA / "methods" / "gbt39335.yaml").read_text(encoding="utf-8")
FIXTURES = Path(__file__).parent / "fixtures" / "risk"
EVIDENCE_TEXTS = [(FIXTURES / "validation.json").read_text(encoding="utf-8"),
                  (FIXTURES / "scan.json").read_text(encoding="utf-8")]
PARAMS_TEXT = (f"manifest: {config.REFERENCE_MANIFEST}\nproposed: ''\nestate: ''\ncolumns: ''\nas_of: 2026-06-30\n"
               "method: gbt39335\nscan_sample: 100\n")

# Fragments that stress a YAML or JSON reader: anchors and aliases, tags, nesting, control characters,
# impossible dates, numbers too long to convert, document markers, merge keys, byte order marks.
TOKENS = ["&a ", "*a", "*b", "!!binary ", "!!python/object/apply:os.system ", "!x ", "!!set ", "[", "]", "{", "}",
          ": ", "- ", "\t", "\x00", "\x1b[2J", "<<: *a\n", "---\n", "...\n", "2026-02-30", "9" * 5000, "? ", "|", ">",
          "'", '"', "#", "\n", "\ufeff", "\u202e", "\ud800", "%YAML 1.1\n", "@", "`", ",", "\\", "NaN", "1e999",
          "[" * 300, "{\"a\":" * 200, "&b [*a, *a, *a, *a]", "null", "true", "~", "\r\n"]


@st.composite
def text_mutation(draw: st.DrawFn, base: str) -> str:
    """`base` with 1-4 edits: tokens inserted, spans deleted, duplicated or replaced."""
    text = base
    for _ in range(draw(st.integers(1, 4))):
        op = draw(st.sampled_from(["insert", "delete", "duplicate", "replace"]))
        i = draw(st.integers(0, len(text)))
        j = draw(st.integers(i, min(len(text), i + 300)))
        token = draw(st.one_of(st.sampled_from(TOKENS), st.text(max_size=6)))
        if op == "insert":
            text = text[:i] + token + text[i:]
        elif op == "delete":
            text = text[:i] + text[j:]
        elif op == "duplicate":
            text = text[:j] + text[i:j] + text[j:]
        else:
            text = text[:i] + token + text[j:]
    return text


SCALARS = (st.none() | st.booleans() | st.integers(-10**30, 10**30) | st.floats(allow_nan=False)
           | st.text(max_size=12) | st.dates(dt.date(1, 1, 1), dt.date(9999, 12, 31)))
VALUES = st.recursive(SCALARS, lambda inner: st.lists(inner, max_size=3)
                      | st.dictionaries(st.text(max_size=8), inner, max_size=3), max_leaves=8)


@st.composite
def data_mutation(draw: st.DrawFn, base: Any) -> Any:
    """A deep copy of `base` with 1-3 values replaced, deleted, or keys added, at random places."""
    data = copy.deepcopy(base)
    for _ in range(draw(st.integers(1, 3))):
        node = data
        while True:
            children = list(node.items()) if isinstance(node, dict) else list(enumerate(node))
            if not children:
                break
            key, child = children[draw(st.integers(0, len(children) - 1))]
            if isinstance(child, (dict, list)) and child and draw(st.booleans()):
                node = child
                continue
            op = draw(st.sampled_from(["replace", "delete", "add"]))
            if op == "replace":
                node[key] = draw(VALUES)
            elif op == "delete":
                del node[key]
            elif isinstance(node, dict):
                node[draw(st.text(max_size=8))] = draw(VALUES)
            else:
                node.append(draw(VALUES))
            break
    return data


def _loads_or_input_error(load: Callable[[], Any]) -> None:
    """`load()` succeeds or raises InputError whose every problem prints as one non-empty line."""
    try:
        load()
    except InputError as exc:
        assert exc.problems
        for line in exc.lines:
            assert line and "\n" not in line and "\r" not in line and "\x00" not in line
            line.encode("utf-8")  # printable on stderr: no lone surrogate


def _in_file(content: str | bytes, suffix: str) -> Callable[[Callable[[Path], Any]], None]:
    def run(load: Callable[[Path], Any]) -> None:
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / f"input{suffix}"
            if isinstance(content, str):
                path.write_bytes(content.encode("utf-8", "surrogatepass"))
            else:
                path.write_bytes(content)
            _loads_or_input_error(lambda: load(path))
    return run


def _dump(data: Any) -> str:
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


# --------------------------------------------------------------------------- manifest


@FUZZ
@given(text_mutation(MANIFEST_TEXT))
def test_manifest_text_mutations(text: str) -> None:
    from pia.declare.manifest import load_manifest

    _in_file(text, ".yaml")(load_manifest)


@FUZZ
@given(data_mutation(yaml.safe_load(MANIFEST_TEXT)))
def test_manifest_data_mutations(data: Any) -> None:
    from pia.declare.manifest import parse_manifest

    _loads_or_input_error(lambda: parse_manifest(_dump(data), "fuzz.yaml"))


# --------------------------------------------------------------------------- risk method


@FUZZ
@given(text_mutation(METHOD_TEXT))
def test_method_text_mutations(text: str) -> None:
    from pia.risk.methods import load_method

    _in_file(text, ".yaml")(load_method)


@FUZZ
@given(data_mutation(yaml.safe_load(METHOD_TEXT)))
def test_method_data_mutations(data: Any) -> None:
    from pia.risk.methods import load_method

    _in_file(_dump(data), ".yaml")(load_method)


# --------------------------------------------------------------------------- report parameters


@FUZZ
@given(text_mutation(PARAMS_TEXT))
def test_params_text_mutations(text: str) -> None:
    from pia.report.params import load_params

    _in_file(text, ".yaml")(load_params)


@FUZZ
@given(data_mutation(yaml.safe_load(PARAMS_TEXT)),
       st.lists(st.tuples(st.sampled_from(["as_of", "method", "scan_sample", "estate", "x"]), st.text(max_size=12)),
                max_size=2))
def test_params_data_and_override_mutations(data: Any, overrides: list[tuple[str, str]]) -> None:
    from pia.report.params import load_params

    _in_file(_dump(data), ".yaml")(lambda path: load_params(path, overrides))


# --------------------------------------------------------------------------- evidence JSON


@FUZZ
@given(st.sampled_from(EVIDENCE_TEXTS).flatmap(text_mutation))
def test_evidence_text_mutations(text: str) -> None:
    from pia.risk.scoring import assess

    manifest = _reference()
    _in_file(text, ".json")(lambda path: assess(manifest, evidence=[path]))


@FUZZ
@given(st.sampled_from([json.loads(t) for t in EVIDENCE_TEXTS]).flatmap(data_mutation))
def test_evidence_data_mutations(data: Any) -> None:
    from pia.risk.scoring import assess

    manifest = _reference()
    _in_file(json.dumps(data, default=str), ".json")(lambda path: assess(manifest, evidence=[path]))


_CACHE: dict[str, Any] = {}


def _reference() -> Any:
    if "m" not in _CACHE:
        from pia.declare.manifest import load_manifest

        _CACHE["m"] = load_manifest()
    return _CACHE["m"]
