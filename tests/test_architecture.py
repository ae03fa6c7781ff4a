"""The layout by capability holds: no import cycle, and no module imports from a room later in the flow.

Flow: the shared base (pia/*.py) → declare → risk / discovery → changes / validation → samples → report / export
→ commands (and the CLI). Imports under `if TYPE_CHECKING:` do not run and are not counted.
"""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "pia"
# Rank of each room along the data flow; a module may import its own room and rooms of lower rank.
ROOMS = {"base": 0, "declare": 1, "risk": 2, "discovery": 2, "changes": 3, "validation": 3, "samples": 4,
         "report": 5, "export": 5, "commands": 6, "cli": 7}


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def room(module: str) -> str:
    parts = module.split(".")
    if len(parts) == 1 or parts[1] in {"__init__"}:
        return "base"
    if parts[1] == "cli":
        return "cli"
    return parts[1] if parts[1] in ROOMS else "base"


def _is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING")


def runtime_imports(path: Path, modules: set[str], typing_too: bool = False) -> set[str]:
    """The pia modules `path` imports when it runs (module level or inside functions); with `typing_too`, also
    those imported only for type checking."""
    me = module_name(path)
    package = me if path.name == "__init__.py" else me.rsplit(".", 1)[0]
    found: set[str] = set()

    def visit(node: ast.AST) -> None:
        if isinstance(node, ast.If) and _is_type_checking(node) and not typing_too:
            for child in node.orelse:
                visit(child)
            return
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name.split(".")[0] == "pia")
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")
                anchor = anchor[: len(anchor) - node.level + 1]
                base = ".".join(anchor + ([base] if base else []))
            if base.split(".")[0] == "pia":
                for alias in node.names:
                    sub = f"{base}.{alias.name}"
                    found.add(sub if sub in modules else base)
        for child in ast.iter_child_nodes(node):
            visit(child)

    visit(ast.parse(path.read_text(encoding="utf-8")))
    found.discard(me)
    return found


@pytest.fixture(scope="module")
def graph() -> dict[str, set[str]]:
    files = sorted(PACKAGE.rglob("*.py"))
    modules = {module_name(p) for p in files}
    return {module_name(p): runtime_imports(p, modules) for p in files}


@pytest.fixture(scope="module")
def typed_graph() -> dict[str, set[str]]:
    """Every import, type-only ones included: two modules that name each other are a loop even if one only
    needs the other's types (the shared types belong in a third module)."""
    files = sorted(PACKAGE.rglob("*.py"))
    modules = {module_name(p) for p in files}
    return {module_name(p): runtime_imports(p, modules, typing_too=True) for p in files}


def test_the_rooms_exist_and_say_their_job() -> None:
    for name in ROOMS:
        if name in {"base", "cli"}:
            continue
        init = PACKAGE / name / "__init__.py"
        assert init.is_file(), f"pia/{name}/ has no __init__.py"
        assert ast.get_docstring(ast.parse(init.read_text())), f"pia/{name}/__init__.py has no docstring"


def test_no_module_imports_from_a_room_later_in_the_flow(graph: dict[str, set[str]]) -> None:
    upward = [f"{m} ({room(m)}) imports {t} ({room(t)})" for m, targets in graph.items() for t in targets
              if room(m) != room(t) and ROOMS[room(t)] >= ROOMS[room(m)] and room(m) != "base"
              or room(m) == "base" and room(t) != "base" and m != "pia"]
    assert not upward, "\n".join(upward)


def test_no_import_cycles(typed_graph: dict[str, set[str]]) -> None:
    graph = typed_graph
    # Modules import their package's __init__ implicitly; the graph only holds the explicit imports.
    state: dict[str, int] = {}
    stack: list[str] = []
    cycles: list[str] = []

    def walk(m: str) -> None:
        state[m] = 1
        stack.append(m)
        for t in sorted(graph.get(m, ())):
            if state.get(t) == 1:
                cycles.append(" -> ".join(stack[stack.index(t):] + [t]))
            elif t in graph and not state.get(t):
                walk(t)
        stack.pop()
        state[m] = 2

    for m in sorted(graph):
        if not state.get(m):
            walk(m)
    assert not cycles, "\n".join(cycles)


def test_the_graph_sees_imports_inside_functions(graph: dict[str, set[str]]) -> None:
    # A guard against a walker that only reads module-level imports: commands import lazily.
    assert "pia.risk.scoring" in graph["pia.commands.assess"]
