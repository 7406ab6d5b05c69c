"""No import circles: every module's imports, read from its source, form no cycle.

A cycle means neither module can be understood, tested or moved without the other.
Imports inside functions count too (they only postpone the cycle to run time); imports
under ``if TYPE_CHECKING:`` do not (they never run). The same holds one level up: the
subpackages and top-level modules of ``threadguard`` point one way (``evaluation``
imports ``training``, never the reverse; both import ``metrics``).
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src"
PACKAGE = SRC / "threadguard"

#: Known cycles, as sets of modules. Keep this list empty.
ALLOWED_CYCLES: list[frozenset[str]] = []


def _modules() -> dict[str, Path]:
    """Dotted module name -> source file, for every module of the package."""
    out = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = list(path.relative_to(SRC).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        out[".".join(parts)] = path
    return out


def _is_type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _import_nodes(node: ast.AST) -> Iterator[ast.Import | ast.ImportFrom]:
    """Every import statement under ``node``, at any depth, except TYPE_CHECKING blocks."""
    for child in ast.iter_child_nodes(node):
        if isinstance(child, ast.If) and _is_type_checking(child.test):
            for other in child.orelse:
                yield from _import_nodes(ast.Module(body=[other], type_ignores=[]))
            continue
        if isinstance(child, ast.Import | ast.ImportFrom):
            yield child
        else:
            yield from _import_nodes(child)


def _imports(name: str, path: Path, modules: dict[str, Path]) -> set[str]:
    """The package's own modules that ``name`` imports (``from a import b``: ``a.b`` when
    ``b`` is a module, else ``a``)."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in _import_nodes(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
            continue
        base = node.module or ""
        if node.level:
            anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
            base = ".".join([*anchor, *([node.module] if node.module else [])])
        for alias in node.names:
            sub = f"{base}.{alias.name}"
            found.add(sub if sub in modules else base)
    return {m for m in found if m in modules and m != name}


def _graph() -> dict[str, set[str]]:
    modules = _modules()
    return {name: _imports(name, path, modules) for name, path in modules.items()}


def _components(graph: dict[str, set[str]]) -> list[set[str]]:
    """The strongly connected components with more than one node (Tarjan's algorithm):
    each is a set of modules that all reach each other through imports."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    components: list[set[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in sorted(graph.get(v, ())):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = set()
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.add(w)
                if w == v:
                    break
            if len(component) > 1:
                components.append(component)

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return components


def _cycle_through(graph: dict[str, set[str]], component: set[str]) -> list[str]:
    """One cycle inside ``component``: from its first module back to it (breadth-first)."""
    start = min(component)
    paths = {w: [start, w] for w in sorted(graph[start] & component)}
    frontier = list(paths)
    while start not in paths:
        nxt = []
        for v in frontier:
            for w in sorted(graph[v] & component):
                if w not in paths:
                    paths[w] = [*paths[v], w]
                    nxt.append(w)
        frontier = nxt
    return paths[start]


def _layer(module: str) -> str:
    """``threadguard.evaluation.report`` -> ``threadguard.evaluation``."""
    return ".".join(module.split(".")[:2])


def _describe(graph: dict[str, set[str]], component: set[str]) -> str:
    """``a -> b -> a``, plus every module of the tangle when it holds more than that cycle."""
    cycle = _cycle_through(graph, component)
    text = " -> ".join(cycle)
    if len(component) > len(cycle) - 1:
        text += f"  (tangled together: {', '.join(sorted(component))})"
    return text


def _unexpected(graph: dict[str, set[str]]) -> list[str]:
    return [_describe(graph, c) for c in _components(graph) if frozenset(c) not in ALLOWED_CYCLES]


def test_imports_are_read_at_any_depth_except_type_checking_blocks(tmp_path: Path) -> None:
    source = tmp_path / "mod.py"
    source.write_text(
        "from typing import TYPE_CHECKING\n"
        "import pkg.top\n"
        "from . import sibling\n"
        "from .sub import thing\n"
        "if TYPE_CHECKING:\n"
        "    import pkg.hint_only\n"
        "else:\n"
        "    import pkg.runtime_branch\n"
        "def f():\n"
        "    from pkg.late import name\n",
        encoding="utf-8",
    )
    modules = dict.fromkeys(
        [
            "pkg",
            "pkg.top",
            "pkg.sibling",
            "pkg.sub",
            "pkg.hint_only",
            "pkg.runtime_branch",
            "pkg.late",
            "pkg.mod",
        ],
        source,
    )
    assert _imports("pkg.mod", source, modules) == {
        "pkg.top",
        "pkg.sibling",
        "pkg.sub",
        "pkg.runtime_branch",
        "pkg.late",
    }
    graph = _graph()
    assert len(graph) > 50
    # an import inside a function counts: bench reads its data sets inside functions
    assert "threadguard.training.datasets" in graph["threadguard.bench"]


def test_the_cycle_finder_finds_a_cycle_and_names_its_path() -> None:
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert _unexpected(graph) == ["a -> b -> c -> a"]
    graph["c"].add("e")
    graph["e"] = {"c"}
    assert _unexpected(graph) == ["a -> b -> c -> a  (tangled together: a, b, c, e)"]
    assert _unexpected({"a": {"b"}, "b": set()}) == []


def test_no_module_imports_itself_back() -> None:
    unexpected = _unexpected(_graph())
    assert not unexpected, "import cycles between modules:\n" + "\n".join(unexpected)


def test_packages_point_one_way() -> None:
    layers: dict[str, set[str]] = {}
    for module, deps in _graph().items():
        layers.setdefault(_layer(module), set()).update(
            _layer(d) for d in deps if _layer(d) != _layer(module)
        )
    unexpected = [_describe(layers, c) for c in _components(layers)]
    assert not unexpected, "import cycles between packages:\n" + "\n".join(unexpected)
    assert "threadguard.evaluation" not in layers["threadguard.training"]
    assert "threadguard.training" not in layers["threadguard.metrics"]


#: What the layers below the interfaces never import: HTTP, databases, the terminal.
INTERFACE_LIBRARIES = ("fastapi", "starlette", "uvicorn", "sqlalchemy", "alembic", "rich", "typer")
#: The core: parsing, normalising, scoring, deciding, and the documents built from them.
CORE = (
    "adaptation",
    "analysis",
    "batch",
    "documents",
    "engine",
    "language",
    "metrics",
    "moderation",
    "normalize",
    "readers",
    "report",
    "schema",
    "score_lines",
    "scoring",
    "signals",
    "thread",
)


def test_the_core_knows_nothing_of_http_databases_or_terminals() -> None:
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        top = path.relative_to(PACKAGE).parts[0].removesuffix(".py")
        if top not in CORE:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = (
                [a.name for a in node.names]
                if isinstance(node, ast.Import)
                else [node.module or ""]
                if isinstance(node, ast.ImportFrom) and not node.level
                else []
            )
            found += [
                f"{path.relative_to(SRC)} imports {n}"
                for n in names
                if n.split(".")[0] in INTERFACE_LIBRARIES
            ]
    assert not found, "\n".join(found)
