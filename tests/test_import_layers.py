"""The import layers: no cycles, and every import one ``docs/architecture.md`` allows.

A cycle means neither module can be understood, tested or moved without the other.
Imports inside functions count too (they only postpone the cycle to run time); imports
under ``if TYPE_CHECKING:`` do not (they never run). A module imported by name at run time
(``importlib.import_module("threadguard.dashboard")``, ``service/app.py``) counts as
imported: a by-name import is still a dependency, and hiding it from this test once hid a
service <-> dashboard cycle. The same holds one level up: the subpackages and top-level
modules of ``threadguard`` point one way (``evaluation`` imports ``training``, never the
reverse; both import ``metrics``).

The architecture document's table is the other half: its "may import" column is read
from ``docs/architecture.md`` and every import between its rows must be one the column
allows, every row may allow only rows above it, and a row may not allow what none of its
modules imports (so the column states the graph, not a wish). Its definition of the core
(the rows above ``storage/`` and the modules it names) is the set checked for HTTP,
database and terminal libraries.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SRC = ROOT / "src"
PACKAGE = SRC / "threadguard"
DOC = ROOT / "docs" / "architecture.md"

#: Known cycles, as sets of modules. Keep this list empty.
ALLOWED_CYCLES: list[frozenset[str]] = []
#: Known cycles between packages, each a layering mistake to undo, not a pattern to copy.
#: None now: the one there was (``service/app.py`` mounting the dashboard by name while the
#: dashboard imports the service) is gone, ``site.py`` assembling the two above both.
ALLOWED_PACKAGE_CYCLES: list[frozenset[str]] = []


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


def _calls_import_module(tree: ast.AST) -> bool:
    """Whether the module imports modules by name (``importlib.import_module``,
    ``import_module``, ``__import__``)."""
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            if name in ("import_module", "__import__"):
                return True
    return False


def _named_modules(tree: ast.AST, modules: dict[str, Path]) -> set[str]:
    """The package's modules that a string literal of ``tree`` names (``"threadguard.x"``),
    outside TYPE_CHECKING blocks and logger names (``logging.getLogger("threadguard.x")``
    names a logger, not an import)."""
    found: set[str] = set()

    def visit(node: ast.AST) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.If) and _is_type_checking(child.test):
                for other in child.orelse:
                    visit(other)
                continue
            if isinstance(child, ast.Call) and (
                getattr(child.func, "attr", None) == "getLogger"
                or getattr(child.func, "id", None) == "getLogger"
            ):
                continue
            if isinstance(child, ast.Constant) and child.value in modules:
                found.add(child.value)
            visit(child)

    visit(tree)
    return found


def _imports(name: str, path: Path, modules: dict[str, Path]) -> set[str]:
    """The package's own modules that ``name`` imports (``from a import b``: ``a.b`` when
    ``b`` is a module, else ``a``). In a module that imports by name (``importlib``), every
    string literal that names one of the package's modules counts as an import of it."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = _named_modules(tree, modules) if _calls_import_module(tree) else set()
    for node in _import_nodes(tree):
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


@cache
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


def _package_graph(graph: dict[str, set[str]]) -> dict[str, set[str]]:
    """Each package (or top-level module) -> the others its modules import."""
    layers: dict[str, set[str]] = {}
    for module, deps in graph.items():
        layers.setdefault(_layer(module), set()).update(
            _layer(d) for d in deps if _layer(d) != _layer(module)
        )
    return layers


def test_imports_by_name_count_and_logger_names_do_not(tmp_path: Path) -> None:
    source = tmp_path / "app.py"
    source.write_text(
        "import importlib, logging\n"
        'log = logging.getLogger("pkg.logged")\n'
        'PAGES = "pkg.pages"\n'
        'ROUTERS = (("pkg.compat", True),)\n'
        "def mount():\n"
        "    importlib.import_module(PAGES)\n",
        encoding="utf-8",
    )
    modules = dict.fromkeys(["pkg", "pkg.app", "pkg.pages", "pkg.compat", "pkg.logged"], source)
    assert _imports("pkg.app", source, modules) == {"pkg.pages", "pkg.compat"}
    # without an import by name, a string naming a module is only a string
    source.write_text('PAGES = "pkg.pages"\n', encoding="utf-8")
    assert _imports("pkg.app", source, modules) == set()
    # the service mounted the dashboard by name, a cycle this test saw; site.py mounts it
    graph = _graph()
    assert "threadguard.dashboard" not in graph["threadguard.service.app"]
    assert "threadguard.dashboard" in graph["threadguard.site"]


def test_packages_point_one_way() -> None:
    layers = _package_graph(_graph())
    tangles = [c for c in _components(layers) if frozenset(c) not in ALLOWED_PACKAGE_CYCLES]
    unexpected = [_describe(layers, c) for c in tangles]
    assert not unexpected, "import cycles between packages:\n" + "\n".join(unexpected)
    assert "threadguard.evaluation" not in layers["threadguard.training"]
    assert "threadguard.training" not in layers["threadguard.metrics"]


# ---------------------------------------------------------------- the document's table


@dataclass(frozen=True)
class Row:
    """One row of the architecture table: the packages or modules it names (as layers,
    ``threadguard.readers``), and the layers its "may import" column allows."""

    layers: tuple[str, ...]
    allows: frozenset[str]
    #: "everything above": the column allows every row above, and is not checked for use
    everything_above: bool


def _layer_named(name: str) -> str:
    """``readers/`` -> ``threadguard.readers``; ``__init__.py`` -> ``threadguard``."""
    bare = name.removesuffix("/").removesuffix(".py")
    return "threadguard" if bare == "__init__" else f"threadguard.{bare}"


def _backticked(text: str) -> list[str]:
    return re.findall(r"`([^`]+)`", text)


def _without_notes(cell: str) -> str:
    """The cell without its parenthesised notes (``(`moderation` for types only)``)."""
    while True:
        shorter = re.sub(r"\([^()]*\)", "", cell)
        if shorter == cell:
            return cell
        cell = shorter


def _table_lines(text: str) -> list[str]:
    lines = text.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("| package / module |"))
    rows = []
    for line in lines[start + 2 :]:
        if not line.startswith("|"):
            break
        rows.append(line)
    return rows


def _rows(text: str) -> list[Row]:
    """The table's rows, top to bottom. A cell's backticked names outside parentheses are
    what the row may import; "nothing of ours" is none, "everything above" every row
    above; words in parentheses are notes."""
    rows: list[Row] = []
    for line in _table_lines(text):
        first = line.strip().strip("|").split(" | ", 1)[0]
        last = line.strip().strip("|").rsplit(" | ", 1)[1]
        column = _without_notes(last)
        above = "everything above" in column
        allows = {_layer_named(n) for n in _backticked(column)}
        if above:
            allows |= {layer for row in rows for layer in row.layers}
        layers = tuple(_layer_named(n) for n in _backticked(first))
        rows.append(Row(layers, frozenset(allows), above))
    return rows


def _doc() -> str:
    return DOC.read_text(encoding="utf-8")


def _row_of(rows: list[Row]) -> dict[str, Row]:
    return {layer: row for row in rows for layer in row.layers}


def _allowed_between(a: str, b: str) -> bool:
    return frozenset({a, b}) in ALLOWED_PACKAGE_CYCLES


def _not_allowed(graph: dict[str, set[str]], rows: list[Row]) -> list[str]:
    """Each import between rows that the importing row's column does not allow, and each
    package that has no row. Any module may import ``threadguard`` (``__version__``)."""
    row_of = _row_of(rows)
    found = []
    for module, deps in sorted(graph.items()):
        row = row_of.get(_layer(module))
        if row is None:
            found.append(f"{_layer(module)} has no row in {DOC.name}'s table")
            continue
        for dep in sorted(deps):
            layer = _layer(dep)
            if layer in row.layers or layer == "threadguard" or layer in row.allows:
                continue
            short = layer.removeprefix("threadguard.")
            found.append(
                f"{module} imports {dep}: the row of {', '.join(row.layers)} does not "
                f"allow `{short}` in its 'may import' column"
            )
    return found


def test_the_table_parser_reads_names_notes_and_everything_above() -> None:
    text = (
        "| package / module | owns | may import |\n"
        "|---|---|---|\n"
        "| `schema.py`, `__init__.py` | the vocabulary (`a | b`) | nothing of ours |\n"
        "| `readers/` | formats, `|safe` | `schema` (`thread` for types only) |\n"
        "| `cli/` | commands | everything above, and `dashboard` by name (notes) |\n"
        "\n"
        "| other | table |\n"
    )
    schema, readers, cli = _rows(text)
    assert schema == Row(("threadguard.schema", "threadguard"), frozenset(), False)
    assert readers == Row(("threadguard.readers",), frozenset({"threadguard.schema"}), False)
    assert cli.allows == {
        "threadguard.schema",
        "threadguard",
        "threadguard.readers",
        "threadguard.dashboard",
    }
    assert cli.everything_above
    graph = {
        "threadguard.readers.csv": {"threadguard.schema", "threadguard.readers.tree"},
        "threadguard.readers.tree": {"threadguard.cli"},
        "threadguard.bench": set(),
    }
    assert _not_allowed(graph, [schema, readers, cli]) == [
        "threadguard.bench has no row in architecture.md's table",
        "threadguard.readers.tree imports threadguard.cli: the row of threadguard.readers "
        "does not allow `cli` in its 'may import' column",
    ]


def test_every_import_is_one_the_architecture_table_allows() -> None:
    found = _not_allowed(_graph(), _rows(_doc()))
    assert not found, f"imports {DOC.name}'s 'may import' column does not allow:\n" + "\n".join(
        found
    )


def test_the_table_points_down_and_allows_only_what_is_imported() -> None:
    rows = _rows(_doc())
    layers = _package_graph(_graph())
    problems = []
    above: set[str] = set()
    for row in rows:
        for allowed in sorted(row.allows - above):
            if not any(_allowed_between(layer, allowed) for layer in row.layers):
                problems.append(f"{', '.join(row.layers)} may import {allowed}, not above it")
        if not row.everything_above:
            used = set().union(*(layers.get(layer, set()) for layer in row.layers))
            problems += [
                f"{', '.join(row.layers)} may import {allowed}, which none of its modules "
                "imports: take it out of the column"
                for allowed in sorted(row.allows - used)
            ]
        above.update(row.layers)
    assert not problems, "\n".join(problems)
    # every module and package of the source tree has its row
    assert {_layer(m) for m in _graph()} <= set(_row_of(rows))


#: What the core never imports: HTTP, databases, the terminal (the document lists them).
INTERFACE_LIBRARIES = frozenset(
    {
        "fastapi",
        "starlette",
        "uvicorn",
        "httpx",
        "sqlalchemy",
        "alembic",
        "psycopg",
        "rich",
        "typer",
        "click",
    }
)


def _core_sentence(text: str) -> str:
    """The document's definition: ``The core is ... :``."""
    found = re.search(r"The core is (.*?):", " ".join(text.split()))
    assert found, f"{DOC.name} no longer says what the core is ('The core is ...:')"
    return found.group(1)


def _core(text: str) -> set[str]:
    """The core as the document defines it: every row above the first module the sentence
    names (``storage/``), and the others it names."""
    boundary, *more = (_layer_named(n) for n in _backticked(_core_sentence(text)))
    core: set[str] = set()
    for row in _rows(text):
        if boundary in row.layers:
            return core | set(more)
        core.update(row.layers)
    raise AssertionError(f"the core is bounded by {boundary}, which has no row in the table")


def test_the_core_is_the_one_the_document_defines() -> None:
    text = _doc()
    core = _core(text)
    assert {"threadguard.validation", "threadguard.shares", "threadguard.batch"} <= core
    assert "threadguard.storage" not in core and "threadguard.cli" not in core
    libraries = re.search(
        r"a core module imports an HTTP, database or terminal library \((.*?)\)",
        " ".join(text.split()),
    )
    assert libraries, f"{DOC.name} no longer lists the libraries the core never imports"
    assert {n.strip().lower() for n in libraries.group(1).split(",")} == INTERFACE_LIBRARIES


def _interface_imports(path: Path) -> list[str]:
    found = []
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
    return found


def test_the_core_knows_nothing_of_http_databases_or_terminals() -> None:
    core = _core(_doc())
    modules = _modules()
    found = []
    for name, path in sorted(modules.items()):
        if _layer(name) in core:
            found += _interface_imports(path)
    assert not found, "\n".join(found)
