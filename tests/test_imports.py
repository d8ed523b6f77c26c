"""No import cycle in src/: the modules of ami_facts, and what each imports, form a DAG.

The imports are read from the source (every ``import`` statement, also those inside
functions and under ``TYPE_CHECKING``), so a cycle hidden in a function body that
runs late, or only for the type checker, fails too.
"""

from __future__ import annotations

import ast
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src"
PACKAGE = "ami_facts"


def _modules() -> dict[str, Path]:
    """Dotted module name -> file, for every module and package of ami_facts."""
    modules = {}
    for path in sorted((SRC / PACKAGE).rglob("*.py")):
        parts = path.relative_to(SRC).with_suffix("").parts
        if parts[-1] == "__init__":
            parts = parts[:-1]
        modules[".".join(parts)] = path
    return modules


def _closest_module(target: str, modules: dict[str, Path]) -> str | None:
    """``a.b.c.NAME`` -> ``a.b.c`` when that is one of ours; None for other libraries."""
    while target and target not in modules:
        target = target.rpartition(".")[0]
    return target or None


def _imports(name: str, path: Path, modules: dict[str, Path]) -> set[str]:
    """The modules of ours that ``name`` imports (``from a.b import c``: ``a.b.c`` if
    it is a module, else ``a.b``, whose ``__init__`` runs)."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    targets: list[str] = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            targets += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parent = package
                for _ in range(node.level - 1):
                    parent = parent.rpartition(".")[0]
                base = f"{parent}.{base}" if base else parent
            targets += [
                f"{base}.{alias.name}" if f"{base}.{alias.name}" in modules else base
                for alias in node.names
            ]
    found = {_closest_module(target, modules) for target in targets}
    return {module for module in found if module is not None and module != name}


def _graph() -> dict[str, set[str]]:
    modules = _modules()
    return {name: _imports(name, path, modules) for name, path in modules.items()}


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """One cycle (as a path that comes back to its start) per back edge of a DFS."""
    cycles: list[list[str]] = []
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    path: list[str] = []

    def visit(node: str) -> None:
        state[node] = 1
        path.append(node)
        for nxt in sorted(graph[node]):
            if state.get(nxt) == 1:
                cycles.append([*path[path.index(nxt) :], nxt])
            elif nxt not in state:
                visit(nxt)
        path.pop()
        state[node] = 2

    for node in sorted(graph):
        if node not in state:
            visit(node)
    return cycles


def test_the_import_graph_is_read() -> None:
    graph = _graph()
    assert len(graph) >= 40
    assert "ami_facts.components.dates" in graph["ami_facts.nlp"]
    assert "ami_facts.load" in graph["ami_facts.pipeline"]
    linker = [deps for name, deps in graph.items() if name.startswith("ami_facts.components.link")]
    assert any("ami_facts.components.entities" in deps for deps in linker)


def test_no_import_cycle_in_src() -> None:
    cycles = _cycles(_graph())
    assert not cycles, "import cycles:\n" + "\n".join(" -> ".join(c) for c in cycles)


def test_a_cycle_is_found() -> None:
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert _cycles(graph) == [["a", "b", "c", "a"]]
