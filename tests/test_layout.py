"""The import floors: patterns → corpus → extract → store → pipeline → review
→ the command line and the API (vnstats). Each module imports only from its
own floor or below, and the modules import one another without a loop."""

from __future__ import annotations

import ast
from pathlib import Path

from tests.conftest import REPO

FLOORS = {"patterns": 0, "corpus": 1, "extract": 2, "store": 3, "pipeline": 4, "review": 5, "vnstats": 6}


def _modules() -> dict[str, Path]:
    found = {"pipeline": REPO / "pipeline.py"}
    for package in ("patterns", "corpus", "extract", "store", "review", "vnstats"):
        for path in (REPO / package).glob("*.py"):
            name = package if path.stem == "__init__" else f"{package}.{path.stem}"
            found[name] = path
    return found


def _imports(path: Path) -> set[str]:
    """Every project module a file imports, at any depth (function bodies and
    TYPE_CHECKING blocks included)."""
    names = set()
    tree = ast.parse(path.read_text(encoding="utf-8"))
    # a script's entry ("if __name__ == '__main__'") runs the command line: no module depends on it
    tree.body = [n for n in tree.body if not (isinstance(n, ast.If) and "__main__" in ast.unparse(n.test))]
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
            names |= {f"{node.module}.{a.name}" for a in node.names}
    return {n for n in names if n.split(".")[0] in FLOORS}


def test_every_import_goes_down():
    modules = _modules()
    upward = []
    for name, path in modules.items():
        for target in _imports(path):
            if FLOORS[target.split(".")[0]] > FLOORS[name.split(".")[0]]:
                upward.append(f"{name} imports {target}")
    assert not upward, "\n".join(upward)


def test_no_import_loop():
    modules = _modules()
    graph = {name: {t if t in modules else t.rsplit(".", 1)[0] for t in _imports(path)} & set(modules) - {name}
             for name, path in modules.items()}
    # a package's __init__ re-exporting its modules is not a loop of the modules themselves
    for name in graph:
        graph[name] = {t for t in graph[name] if not (name.startswith(t + ".") and "." not in t)}
    state: dict[str, int] = {}
    loops = []

    def visit(node: str, trail: list[str]) -> None:
        state[node] = 1
        for nxt in sorted(graph[node]):
            if state.get(nxt) == 1:
                loops.append(" → ".join(trail[trail.index(nxt):] + [nxt]) if nxt in trail else f"{node} → {nxt}")
            elif nxt not in state:
                visit(nxt, trail + [nxt])
        state[node] = 2

    for name in sorted(graph):
        if name not in state:
            visit(name, [name])
    assert not loops, "\n".join(loops)
