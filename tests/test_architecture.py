"""The shape of the house (README, Layout; docs/architecture.md), checked from the code's
own imports: endpoint modules never import each other, the core imports no entity
package, no import circle in app/, no module past the length one reads in a sitting."""

import ast
from collections.abc import Iterator
from pathlib import Path

APP = Path(__file__).resolve().parent.parent / "app"
MAX_LINES = 400
# what the core may import from the rest of app/: the tables and vocabularies
# (app/models/common.py, tables.py) and the settings
CORE_MAY_IMPORT = ("app.core", "app.models.common", "app.models.tables", "app.config")


def module_name(path: Path) -> str:
    parts = path.relative_to(APP.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {module_name(path): path for path in sorted(APP.rglob("*.py"))}


def imported(name: str) -> Iterator[str]:
    """Each module of app/ that ``name`` imports, at any depth of its code."""
    tree = ast.parse(MODULES[name].read_text(encoding="utf-8"))
    package = name if MODULES[name].name == "__init__.py" else name.rpartition(".")[0]
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                base = ".".join(
                    [*package.split(".")[: len(package.split(".")) - node.level + 1], base]
                ).rstrip(".")
            # ``from app.x import y`` imports the module app.x.y when there is one
            targets = [
                f"{base}.{alias.name}" if f"{base}.{alias.name}" in MODULES else base
                for alias in node.names
            ]
        else:
            continue
        yield from (target for target in targets if target in MODULES)


GRAPH = {name: set(imported(name)) for name in MODULES}


def is_endpoint_module(name: str) -> bool:
    return name.endswith(".routes")


def test_no_endpoint_module_imports_another() -> None:
    crossing = {
        (name, target)
        for name, targets in GRAPH.items()
        if is_endpoint_module(name)
        for target in targets
        if is_endpoint_module(target) and target != name
    }
    assert not crossing, "move what both need into the entity's queries.py or service.py"


def test_the_core_imports_no_entity_package() -> None:
    reaching = {
        (name, target)
        for name, targets in GRAPH.items()
        if name.startswith("app.core")
        for target in targets
        if not target.startswith(CORE_MAY_IMPORT)
    }
    assert not reaching


def test_no_import_circle_in_app() -> None:
    """Tarjan's strongly connected components: any with two modules or more is a circle."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    circles = []

    def visit(name: str) -> None:
        index[name] = low[name] = len(index)
        stack.append(name)
        for target in GRAPH[name]:
            if target not in index:
                visit(target)
                low[name] = min(low[name], low[target])
            elif target in stack:
                low[name] = min(low[name], index[target])
        if low[name] == index[name]:
            component = []
            while True:
                member = stack.pop()
                component.append(member)
                if member == name:
                    break
            if len(component) > 1:
                circles.append(sorted(component))

    for name in GRAPH:
        if name not in index:
            visit(name)
    assert not circles


def test_no_module_is_longer_than_one_reads_in_a_sitting() -> None:
    long = {
        str(path.relative_to(APP.parent)): lines
        for path in MODULES.values()
        if (lines := len(path.read_text(encoding="utf-8").splitlines())) > MAX_LINES
    }
    assert not long, f"split these by meaning: {long}"
