"""The house stays walkable: rooms import one way, nothing imports upwards, no cycles, no long
functions, every third-party import declared. The map is docs/architecture.md."""

from __future__ import annotations

import ast
import sys
import tomllib
from collections import defaultdict
from importlib.metadata import packages_distributions
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parents[1]
FOUNDATION = {"model", "settings", "rules"}
# Each room of pipeline/ and what it may import besides itself (data flows one way:
# file -> extraction -> analysis -> judgement -> storage -> outputs).
MAY_IMPORT = {
    "model": set(),
    "settings": set(),
    "rules": set(),
    "extract": {"model", "settings"},
    "privacy": {"model", "rules"},
    "judge": FOUNDATION | {"privacy"},
    "official": FOUNDATION,  # the official results (LHE) read from a PDF: an input beside the evidence
    "ingest": FOUNDATION | {"extract", "privacy", "judge"},
    "store": FOUNDATION | {"privacy", "judge", "official"},
    "outputs": FOUNDATION | {"privacy", "judge", "store", "official"},
    "review": FOUNDATION | {"privacy", "judge", "store", "outputs", "official"},
}
MAX_TOP_LEVEL = 12
MAX_FUNCTION_LINES = 100
LOCAL_PACKAGES = {"pipeline", "flows", "spbe", "samplegen", "tests", "bench"}


def python_files(*roots: str) -> list[Path]:
    return sorted(p for root in roots for p in (ROOT / root).rglob("*.py"))


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports_of(path: Path) -> set[str]:
    """Every module an import statement names, at module level or inside a function (lazy imports
    count: they still tie the rooms together)."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
            found |= {f"{node.module}.{alias.name}" for alias in node.names}
    return found


def room_of(module: str) -> str:
    return module.split(".")[1] if module.count(".") >= 1 else module


def test_pipeline_keeps_at_most_a_dozen_modules_at_its_top_level():
    top = [
        p.name
        for p in (ROOT / "pipeline").iterdir()
        if (p.suffix == ".py" and p.name != "__init__.py") or (p / "__init__.py").is_file()
    ]
    assert len(top) <= MAX_TOP_LEVEL, sorted(top)


def test_every_room_of_pipeline_is_in_the_map():
    rooms = {room_of(module_name(p)) for p in python_files("pipeline") if module_name(p) != "pipeline"}
    assert rooms == set(MAY_IMPORT)


def test_the_library_never_imports_flows_or_the_command_line():
    upward = {
        f"{module_name(p)} -> {m}"
        for p in python_files("pipeline")
        for m in imports_of(p)
        if m.split(".")[0] in ("flows", "spbe")
    }
    assert upward == set()


def test_flows_never_import_the_command_line():
    upward = {
        f"{module_name(p)} -> {m}" for p in python_files("flows") for m in imports_of(p) if m.split(".")[0] == "spbe"
    }
    assert upward == set()


def test_rooms_import_only_the_rooms_before_them():
    wrong = set()
    for path in python_files("pipeline"):
        module = module_name(path)
        if module == "pipeline":
            continue
        room = room_of(module)
        for target in imports_of(path):
            if target.startswith("pipeline.") and room_of(target) not in MAY_IMPORT[room] | {room}:
                wrong.add(f"{module} -> {target}")
    assert wrong == set()


def _graph() -> dict[str, set[str]]:
    modules = {module_name(p): p for p in python_files("pipeline", "flows", "spbe")}
    graph: dict[str, set[str]] = defaultdict(set)
    for module, path in modules.items():
        for target in imports_of(path):
            while target and target not in modules:  # "pipeline.judge.facts.Facts" -> the module
                target = target.rpartition(".")[0]
            if target and target != module and not module.startswith(target + "."):
                graph[module].add(target)
    return graph


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for succ in graph.get(node, ()):
            if succ not in index:
                visit(succ)
                low[node] = min(low[node], low[succ])
            elif succ in on_stack:
                low[node] = min(low[node], index[succ])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in list(graph):
        if node not in index:
            visit(node)
    return found


def test_there_are_no_import_cycles():
    assert _cycles(_graph()) == []


def test_the_cycle_finder_finds_a_cycle():
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


def test_no_function_in_pipeline_flows_or_the_cli_is_longer_than_a_hundred_lines():
    long = []
    for path in python_files("pipeline", "flows", "spbe"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                lines = node.end_lineno - node.lineno + 1
                if lines > MAX_FUNCTION_LINES:
                    long.append(f"{module_name(path)}.{node.name}: {lines}")
    assert long == []


def declared_requirements(*extras: str) -> list[Requirement]:
    """The requirements pyproject.toml declares: the project's, and those of each extra named."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    requirements = list(project["dependencies"])
    for extra in extras:
        requirements += project["optional-dependencies"][extra]
    return [Requirement(r) for r in requirements]


def _declared(*extras: str) -> set[str]:
    return {canonicalize_name(r.name) for r in declared_requirements(*extras)}


def _third_party(*roots: str) -> dict[str, str]:
    """Import name -> the file that imports it, for every import outside the stdlib and this repo."""
    found = {}
    for path in python_files(*roots):
        for module in imports_of(path):
            top = module.split(".")[0]
            if top not in sys.stdlib_module_names and top not in LOCAL_PACKAGES and top != "__future__":
                found.setdefault(top, str(path.relative_to(ROOT)))
    return found


@pytest.mark.parametrize(
    "roots, extras",
    [
        (("pipeline", "flows", "spbe"), ()),  # what `pip install .` must bring
        (("samplegen", "tests", "bench"), ("test",)),  # what the test extras add
    ],
)
def test_every_third_party_import_is_declared(roots, extras):
    distributions = packages_distributions()
    declared = _declared(*extras)
    undeclared = {}
    for name, where in _third_party(*roots).items():
        if name in {"corpus"}:  # bench/ scripts import their sibling module by name
            continue
        dists = {canonicalize_name(d) for d in distributions.get(name, [name])}
        if not dists & declared:
            undeclared[name] = where
    assert undeclared == {}
