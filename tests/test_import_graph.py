"""No import cycles among the project's own modules (engine, gui).

The graph is read from the source with ast, imports inside functions included (a deferred
import hides a cycle from Python, not from the design). ``from pkg import name`` depends on
the submodule ``pkg.name`` when there is one, else on ``pkg`` (its __init__). A failure names
each cycle as a path, e.g. ``engine.a -> engine.b -> engine.a``.
"""
from __future__ import annotations

import ast
from collections import deque
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("engine", "gui")


def find_modules(root: Path, packages=PACKAGES) -> dict[str, Path]:
    """Dotted module name -> source file, for every .py file under the packages."""
    out = {}
    for package in packages:
        for path in sorted((root / package).rglob("*.py")):
            parts = path.relative_to(root).with_suffix("").parts
            if parts[-1] == "__init__":
                parts = parts[:-1]
            out[".".join(parts)] = path
    return out


def _imported_names(name: str, path: Path, known) -> set[str]:
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:                      # relative: from . / .. import x
                parts = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join(parts + ([base] if base else []))
            for alias in node.names:
                sub = f"{base}.{alias.name}"
                found.add(sub if sub in known else base)
    return found


def import_graph(modules: dict[str, Path]) -> dict[str, set[str]]:
    """Module -> the project modules it imports (outside modules left out)."""
    graph = {}
    for name, path in modules.items():
        deps = set()
        for dep in _imported_names(name, path, modules):
            while dep and dep not in modules:   # engine.nn.model.Model -> engine.nn.model
                dep = dep.rpartition(".")[0]
            if dep and dep != name:
                deps.add(dep)
        graph[name] = deps
    return graph


def _strongly_connected(graph: dict[str, set[str]]) -> list[set[str]]:
    """Tarjan's algorithm, iterative (no recursion limit on a deep graph)."""
    index, low, on_stack, stack, found, counter = {}, {}, set(), [], [], 0
    for start in sorted(graph):
        if start in index:
            continue
        work = [(start, iter(sorted(graph[start])))]
        index[start] = low[start] = counter
        counter += 1
        stack.append(start)
        on_stack.add(start)
        while work:
            v, children = work[-1]
            w = next(children, None)
            if w is not None:
                if w not in index:
                    index[w] = low[w] = counter
                    counter += 1
                    stack.append(w)
                    on_stack.add(w)
                    work.append((w, iter(sorted(graph[w]))))
                elif w in on_stack:
                    low[v] = min(low[v], index[w])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[v])
            if low[v] == index[v]:
                component = set()
                while True:
                    w = stack.pop()
                    on_stack.discard(w)
                    component.add(w)
                    if w == v:
                        break
                found.append(component)
    return found


def _shortest_cycle(graph: dict[str, set[str]], component: set[str]) -> list[str]:
    """A shortest path from the component's first module back to itself."""
    start = min(component)
    came_from = {start: None}
    queue = deque([start])
    while queue:
        v = queue.popleft()
        for w in sorted(graph[v] & component):
            if w == start:                      # back home: start -> ... -> v -> start
                path = [v]
                while came_from[path[-1]] is not None:
                    path.append(came_from[path[-1]])
                return path[::-1] + [start]
            if w not in came_from:
                came_from[w] = v
                queue.append(w)
    raise AssertionError(f"no cycle through {start}")     # not reached for a real component


def import_cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """One cycle (as a path that returns to its start) per group of mutually importing modules."""
    return [_shortest_cycle(graph, c) for c in _strongly_connected(graph) if len(c) > 1]


def test_engine_and_gui_have_no_import_cycles():
    cycles = import_cycles(import_graph(find_modules(ROOT)))
    assert not cycles, "import cycles:\n" + "\n".join(" -> ".join(c) for c in cycles)


def test_the_graph_covers_both_packages_and_sees_their_imports():
    graph = import_graph(find_modules(ROOT))
    assert "engine" in graph and "engine.nn.model" in graph and "gui.main_window" in graph
    assert "engine.nn.layers.base" in graph["engine.nn.model"]


def test_a_cycle_through_a_function_level_or_relative_import_is_found_and_named(tmp_path):
    files = {
        "engine/__init__.py": "",
        "engine/a.py": "from engine.b import thing\n",
        "engine/b.py": "def late():\n    from .c import other\n",
        "engine/c.py": "from engine import a\nimport numpy\n",
        "engine/d.py": "from engine.a import thing\n",       # imports the cycle, not in it
    }
    for rel, text in files.items():
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text(text)
    graph = import_graph(find_modules(tmp_path, packages=("engine",)))
    assert graph["engine.c"] == {"engine.a"}          # numpy is not a project module
    assert import_cycles(graph) == [["engine.a", "engine.b", "engine.c", "engine.a"]]
