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
            if path.is_symlink():
                continue   # vnstats/pipeline.py is pipeline.py, installed under vnstats
            name = package if path.stem == "__init__" else f"{package}.{path.stem}"
            found[name] = path
    return found


FOLDERS = ("patterns", "corpus", "extract", "store", "pipeline", "review")


def _short(name: str) -> str:
    """"vnstats.extract.figures" → "extract.figures": the folders are
    installed under the import package vnstats; their floors are their own."""
    parts = name.split(".")
    return ".".join(parts[1:]) if len(parts) > 1 and parts[0] == "vnstats" and parts[1] in FOLDERS else name


def _imports(path: Path, raw: bool = False) -> set[str]:
    """Every project module a file imports, at any depth (function bodies and
    TYPE_CHECKING blocks included); ``raw``: as written."""
    names = set()
    tree = ast.parse(path.read_text(encoding="utf-8"))
    # a script's entry ("if __name__ == '__main__'") runs the command line: no module depends on it
    tree.body = [n for n in tree.body if not (isinstance(n, ast.If) and "__main__" in ast.unparse(n.test))]
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            members = {f"{node.module}.{a.name}" for a in node.names}
            if not (node.module == "vnstats" and all(_short(m) != m for m in members)):
                names.add(node.module)   # "from vnstats import patterns" imports the folder, not the API
            names |= members
    if raw:
        return {n for n in names if n.split(".")[0] in FLOORS}
    return {_short(n) for n in names if n.split(".")[0] in FLOORS}


def test_project_modules_import_the_folders_under_vnstats():
    """No generic top-level name: ``from vnstats.extract.figures import …``,
    never ``from extract.figures import …`` (which would load a second copy)."""
    bare = [f"{name} imports {target}" for name, path in _modules().items()
            for target in _imports(path, raw=True) if target.split(".")[0] in FOLDERS]
    assert not bare, "\n".join(bare)
    for path in (REPO / "tests").glob("*.py"):
        assert not [t for t in _imports(path, raw=True) if t.split(".")[0] in FOLDERS], path.name
    assert (REPO / "vnstats" / "pipeline.py").resolve() == (REPO / "pipeline.py").resolve()


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
