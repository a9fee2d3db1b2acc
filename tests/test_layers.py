"""The lines between the layers, read from the source (every import, even one
inside a function, and every call), so that each part stays easy to change:

- the framework imports nothing of modelh;
- a rule imports only the model, the canvas's facts and logo policy, the
  framework and the rule helpers; never another rule, the checker or its output;
- typer only in the command line; rich only there, in the interview's prompter
  and in the checker's and the history's output formats;
- nothing outside the command line prints, exits or writes the environment.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from .conftest import ROOT

PACKAGE = ROOT / "modelh"
SOURCES = sorted(PACKAGE.rglob("*.py"))


def _module(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path) -> list[tuple[int, str]]:
    """Every module ``path`` imports, absolute, with its line."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    here = _module(path)
    package = here if path.name == "__init__.py" else here.rpartition(".")[0]
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            # "from package import module" imports the module
            found += [(node.lineno, f"{target}.{alias.name}") for alias in node.names]
            found.append((node.lineno, target))
    return found


def _where(path: Path) -> str:
    return str(path.relative_to(ROOT))


def _in(module: str, *prefixes: str) -> bool:
    return any(module == p or module.startswith(p + ".") for p in prefixes)


def _modelh_modules() -> set[str]:
    return {_module(p) for p in SOURCES}


def _imported_modelh(path: Path) -> list[tuple[int, str]]:
    """The modelh modules ``path`` imports (names that are not modules are dropped)."""
    known = _modelh_modules()
    return [(line, m) for line, m in _imports(path) if m in known]


@pytest.mark.parametrize("path", sorted((PACKAGE / "framework").glob("*.py")), ids=_where)
def test_the_framework_imports_nothing_of_modelh(path):
    outside = [(line, m) for line, m in _imported_modelh(path) if not _in(m, "modelh.framework")]
    assert outside == [], f"{_where(path)} imports {outside}"


#: What a rule may import of modelh.
RULE_MAY_IMPORT = (
    "modelh.canvas.model",
    "modelh.canvas.facts",
    "modelh.canvas.images",
    "modelh.canvas.logo",
    "modelh.framework",
)


def _rule_modules() -> list[Path]:
    return sorted((PACKAGE / "check" / "rules").glob("*.py"))


@pytest.mark.parametrize("path", _rule_modules(), ids=_where)
def test_a_rule_imports_only_the_model_the_framework_and_rule_helpers(path):
    bad = []
    for line, module in _imported_modelh(path):
        helper = module == "modelh.check.rules" or module.rpartition(".")[2].startswith("_")
        if _in(module, "modelh.check.rules") and helper:
            continue
        if not _in(module, *RULE_MAY_IMPORT):
            bad.append((line, module))
    assert bad == [], f"{_where(path)} imports {bad}"


def _third_party(path: Path, name: str) -> list[int]:
    return [line for line, m in _imports(path) if _in(m, name)]


@pytest.mark.parametrize("path", SOURCES, ids=_where)
def test_typer_only_in_the_command_line(path):
    if _in(_module(path), "modelh.cli"):
        return
    assert _third_party(path, "typer") == [], f"{_where(path)} imports typer"


#: Besides the command line, the places that draw on a terminal.
RICH_USERS = (
    "modelh.cli",
    "modelh.interview.prompter",
    "modelh.check.output",
    "modelh.history.output",
    "modelh.history.status_output",
    "modelh.history.trend_output",
)


@pytest.mark.parametrize("path", SOURCES, ids=_where)
def test_rich_only_in_the_command_line_the_prompter_and_the_output_formats(path):
    if _in(_module(path), *RICH_USERS):
        return
    assert _third_party(path, "rich") == [], f"{_where(path)} imports rich"


def _side_effects(path: Path) -> list[str]:
    """Calls of print and sys.exit, and writes to os.environ, in ``path``."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            f = node.func
            if isinstance(f, ast.Name) and f.id in ("print", "exit", "quit"):
                found.append(f"{node.lineno}: {f.id}()")
            elif isinstance(f, ast.Attribute) and isinstance(f.value, ast.Name):
                if (f.value.id, f.attr) in (("sys", "exit"), ("os", "_exit")):
                    found.append(f"{node.lineno}: {f.value.id}.{f.attr}()")
                if (f.value.id, f.attr) in (("os", "putenv"), ("os", "unsetenv")):
                    found.append(f"{node.lineno}: os.{f.attr}()")
            elif (
                isinstance(f, ast.Attribute)
                and f.attr in ("update", "pop", "setdefault", "clear", "__setitem__")
                and _is_environ(f.value)
            ):
                found.append(f"{node.lineno}: os.environ.{f.attr}()")
        targets = []
        if isinstance(node, ast.Assign | ast.AugAssign | ast.AnnAssign):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
        elif isinstance(node, ast.Delete):
            targets = node.targets
        for target in targets:
            if isinstance(target, ast.Subscript) and _is_environ(target.value):
                found.append(f"{node.lineno}: os.environ[...] written")
    return found


def _is_environ(node: ast.expr) -> bool:
    return (
        isinstance(node, ast.Attribute)
        and node.attr == "environ"
        and isinstance(node.value, ast.Name)
        and node.value.id == "os"
    )


@pytest.mark.parametrize("path", SOURCES, ids=_where)
def test_nothing_outside_the_command_line_prints_exits_or_writes_the_environment(path):
    if _in(_module(path), "modelh.cli") or path.name == "__main__.py":
        return
    assert _side_effects(path) == [], _where(path)


def test_the_checks_see_what_they_look_for():
    # the helpers find what they should, so that an empty result above means something
    sample = ROOT / "tests" / "test_layers.py"
    assert (14, "from __future__") not in _imports(sample)
    assert any(m == "ast" for _, m in _imports(sample))
    fake = "import os, sys\nprint(1)\nsys.exit(2)\nos.environ['A'] = '1'\nos.environ.pop('B')\n"
    tmp = ROOT / "tests" / "__pycache__" / "layers_sample.py"
    tmp.parent.mkdir(exist_ok=True)
    tmp.write_text(fake, encoding="utf-8")
    try:
        assert len(_side_effects(tmp)) == 4
    finally:
        tmp.unlink()
