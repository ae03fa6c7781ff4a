"""The input layer's limits at their boundaries, and its messages on one line."""
from __future__ import annotations

import errno
import json
import os
from pathlib import Path

import pytest

from pia import inputs
from pia.errors import InputError, Problem, one_line, quote
from pia.yamlsource import parse_yaml


def _lines(exc: pytest.ExceptionInfo[InputError]) -> list[str]:
    return exc.value.lines


def test_yaml_depth_limit_is_exact() -> None:
    at_limit = "a: " + "[" * (inputs.MAX_DEPTH - 1) + "]" * (inputs.MAX_DEPTH - 1) + "\n"
    parse_yaml(at_limit, "x.yaml")  # the mapping is level 1: MAX_DEPTH levels in all
    with pytest.raises(InputError) as exc:
        parse_yaml("a: " + "[" * inputs.MAX_DEPTH + "]" * inputs.MAX_DEPTH + "\n", "x.yaml")
    assert _lines(exc) == [f"x.yaml:1: refused: nested deeper than {inputs.MAX_DEPTH} levels (the limit)"]


def test_json_depth_limit_is_exact_and_ignores_brackets_in_strings() -> None:
    ok = "[" * inputs.MAX_DEPTH + '"[[[[{{{{"' + "]" * inputs.MAX_DEPTH
    assert inputs.parse_json(ok, "e.json")
    with pytest.raises(InputError) as exc:
        inputs.parse_json("[" * (inputs.MAX_DEPTH + 1) + "]" * (inputs.MAX_DEPTH + 1), "e.json")
    assert "nested deeper than" in _lines(exc)[0]


def test_json_of_100000_levels_is_one_line_not_a_recursion_error() -> None:
    with pytest.raises(InputError) as exc:
        inputs.parse_json('{"a":' * 100_000 + "1" + "}" * 100_000, "e.json")
    assert len(_lines(exc)) == 1


@pytest.mark.parametrize("text", ['{"a": NaN}', '{"a": -Infinity}', '{"a": ' + "9" * 5000 + "}"])
def test_json_numbers_python_would_take_or_choke_on_are_refused(text: str) -> None:
    with pytest.raises(InputError) as exc:
        inputs.parse_json(text, "e.json")
    assert len(_lines(exc)) == 1


def test_alias_count_limit_is_exact() -> None:
    def doc(n: int) -> str:
        return "a: &x 1\nb: [" + ", ".join(["*x"] * n) + "]\n"

    parse_yaml(doc(inputs.MAX_ALIASES), "x.yaml")
    with pytest.raises(InputError) as exc:
        parse_yaml(doc(inputs.MAX_ALIASES + 1), "x.yaml")
    assert "aliases" in _lines(exc)[0]


def test_alias_expansion_is_bounded_before_anything_is_expanded() -> None:
    # 5 aliases of a list of 30,000 items: few aliases, but 150,000 nodes once expanded.
    big = "a: &x [" + ", ".join(["1"] * 30_000) + "]\nb: [*x, *x, *x, *x, *x]\n"
    with pytest.raises(InputError) as exc:
        parse_yaml(big, "x.yaml")
    assert "expand to more than" in _lines(exc)[0]
    parse_yaml("a: &x [" + ", ".join(["1"] * 30_000) + "]\nb: [*x, *x, *x]\n", "x.yaml")


def test_size_limit(tmp_path: Path) -> None:
    path = tmp_path / "m.yaml"
    with open(path, "wb") as fh:
        fh.truncate(inputs.MAX_INPUT_BYTES + 1)
    with pytest.raises(InputError) as exc:
        inputs.read_bytes(path)
    assert "larger than the limit of 8 MiB" in _lines(exc)[0]
    with open(path, "r+b") as fh:
        fh.truncate(inputs.MAX_INPUT_BYTES)
    assert len(inputs.read_bytes(path)) == inputs.MAX_INPUT_BYTES


@pytest.mark.parametrize("date", ["2026-02-30", "2025-02-29", "2026-04-31", "2026-06-30 24:00:00"])
def test_impossible_dates_are_input_errors(date: str) -> None:
    with pytest.raises(InputError) as exc:
        parse_yaml(f"as_of: {date}\n", "p.yaml")
    assert _lines(exc)[0].startswith(f"p.yaml:1: as_of: '{date}' is not a valid date")


def test_valid_dates_and_standard_types_still_load() -> None:
    doc = parse_yaml("d: 2024-02-29\ns: !!str 12\ni: !!int '7'\nf: 1.5\nb: true\nn: ~\nl: [1]\n", "x.yaml")
    assert str(doc.data["d"]) == "2024-02-29" and doc.data["s"] == "12" and doc.data["i"] == 7


def test_unreadable_file_and_permission_errors_are_one_line(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Run as root the tests cannot make a file unreadable; the OS error is simulated where the layer sees it."""
    path = tmp_path / "m.yaml"
    path.write_text("a: 1\n")

    def denied(*args: object, **kwargs: object) -> int:
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(os, "open", denied)
    with pytest.raises(InputError) as exc:
        inputs.read_bytes(path, source="m.yaml")
    assert _lines(exc) == ["m.yaml: cannot read: permission denied"]


def test_an_unreadable_users_csv_is_an_error_not_a_skip(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from pia.validation.contract import find_file

    (tmp_path / "users.csv").write_text("user_id\n1\n")
    monkeypatch.setattr(os, "access", lambda *a, **k: False)
    with pytest.raises(InputError) as exc:
        find_file(tmp_path, "users")
    assert _lines(exc) == ["users.csv: cannot read: permission denied"]
    assert find_file(tmp_path, "orders") is None  # missing: its checks are skipped


def test_messages_escape_every_control_character() -> None:
    p = Problem("a\nb.yaml", "value 'x\x00\x1b[2J\u202e\ud800'", 3, "k\r\n")
    assert str(p) == "a\\nb.yaml:3: k\\r\\n: value 'x\\x00\\x1b[2J\\u202e\\ud800'"
    assert one_line("tab\there") == "tab\\there"
    assert quote("x" * 100, 10) == "'xxxxxxxxx…'" and quote(None) == "None" and quote("it's") == "'it\\'s'"


def test_load_json_hashes_the_bytes_it_parsed(tmp_path: Path) -> None:
    path = tmp_path / "e.json"
    path.write_bytes(b"\xef\xbb\xbf" + json.dumps({"kind": "pia.scan"}).encode())
    raw, data = inputs.load_json(path)
    assert raw.startswith(b"\xef\xbb\xbf") and data == {"kind": "pia.scan"}
