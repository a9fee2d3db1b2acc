"""Checker configuration: ``[tool.modelh]`` in pyproject.toml, or ``.modelh.yaml``.

The nearest configuration file is found by walking up from the current folder,
no higher than the repository's root (the nearest folder holding ``.git``); outside
a repository only the current folder is searched. Every key is checked and every
problem is reported at once, with the file's name; a key or rule that does not
exist is an error, never silently ignored. The file is read through the guards
of ``yamlguard``, like every YAML or TOML file a user hands modelh.

Keys (the same in both files)::

    select = ["ALL"]            # codes, names or prefixes ("MH2") to run
    ignore = ["MH103"]          # ... and to leave out
    fail-on = "error"           # lowest severity that fails: error | warning | info
    exclude = ["archive/**"]    # globs, relative to the configuration file
    [severity]                  # per rule: error | warning | info
    MH103 = "info"
    [rules.thin-answer]         # per-rule options, by name or code
    min_words = 12
    [per-file-ignores]          # glob -> codes, names or prefixes
    "drafts/*.yaml" = ["MH2"]
    [report.firm]               # the consulting firm, on every report's cover
    name = "Northwind Advisory"
    logo = "brand/northwind.svg"  # relative to this file; never outside its folder
    color = "#3a3a6e"

The file is the project's settings for every canvas under it: ``modelh render``
reads the ``report`` section from it, found the same way. A problem is reported
with the file's line and column where the key can be placed.
"""

from __future__ import annotations

import fnmatch
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from functools import cache
from pathlib import Path, PurePosixPath
from typing import Any

from modelh.check.places import Places
from modelh.check.rules import SEVERITIES, Rule, all_rules
from modelh.check.selectors import matches, selector_known
from modelh.errors import CanvasError, UsageError

CONFIG_NAMES = (".modelh.yaml", ".modelh.yml", "pyproject.toml")
_KEYS = (
    "select",
    "ignore",
    "fail-on",
    "exclude",
    "severity",
    "rules",
    "per-file-ignores",
    "report",
)
#: The keys of the ``report`` section, and of its ``firm``.
_REPORT_KEYS = ("firm",)
_FIRM_KEYS = ("name", "logo", "color")
_COLOR = re.compile(r"#[0-9a-fA-F]{6}")


@dataclass(frozen=True)
class Firm:
    """The consulting firm that prepared the canvases (``report.firm``), for the cover.

    ``logo`` is the path as written, relative to ``settings`` (the settings file);
    ``logo_at`` is ``file:line:col`` of the logo, for a report that cannot embed it.
    """

    name: str | None = None
    logo: str | None = None
    color: str | None = None
    settings: str = ""
    logo_at: str = ""


@dataclass(frozen=True)
class Config:
    """Which rules run, how severe they are, with which options."""

    select: tuple[str, ...] = ("ALL",)
    ignore: tuple[str, ...] = ()
    fail_on: str = "error"
    exclude: tuple[str, ...] = ()
    severity: Mapping[str, str] = field(default_factory=dict)  # code -> severity
    options: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)  # code -> options
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()
    root: str = "."  # folder that globs are relative to
    source: str | None = None  # the file it came from
    firm: Firm | None = None  # report.firm: who prepared the canvases

    def enabled(self, rule: Rule, file: str | None = None) -> bool:
        """Whether ``rule`` runs (on ``file``, when given)."""
        return rule.code in self.enabled_rules(file)

    def enabled_rules(self, file: str | None = None) -> frozenset[str]:
        """The codes of the rules that run on ``file`` (every file, when None)."""
        chosen = _selected(self.select, self.ignore)
        if file is None or not self.per_file_ignores:
            return chosen
        relative = self.relative(file)
        dropped = [s for pattern, s in self.per_file_ignores if _glob(relative, pattern)]
        return frozenset(
            r.code
            for r in all_rules()
            if r.code in chosen
            and (r.section == "format" or not any(matches(r, s) for s in dropped))
        )

    def severity_of(self, rule: Rule) -> str:
        return self.severity.get(rule.code, rule.severity)

    def options_of(self, rule: Rule) -> Mapping[str, Any]:
        return {**rule.options, **self.options.get(rule.code, {})}

    def excluded(self, file: str) -> bool:
        relative = self.relative(file)
        return any(_glob(relative, pattern) for pattern in self.exclude)

    def relative(self, file: str) -> str:
        try:
            rel = os.path.relpath(os.path.abspath(file), os.path.abspath(self.root))
        except ValueError:  # another drive
            rel = file
        return PurePosixPath(Path(rel)).as_posix()


@cache
def _selected(select: tuple[str, ...], ignore: tuple[str, ...]) -> frozenset[str]:
    """The codes chosen; the format rules always run (a canvas that does not load fails)."""
    return frozenset(
        r.code
        for r in all_rules()
        if r.section == "format" or (matches(r, select) and not matches(r, ignore))
    )


def _glob(path: str, pattern: str) -> bool:
    pattern = pattern.strip("/")
    if fnmatch.fnmatch(path, pattern):
        return True
    if pattern.endswith("/**") and (path + "/").startswith(pattern[:-2]):
        return True
    return "/" not in pattern and fnmatch.fnmatch(path.rsplit("/", 1)[-1], pattern)


def find_config(start: str | os.PathLike[str] = ".") -> Path | None:
    """The nearest configuration file at or above ``start``, within its repository.

    The search goes up to the nearest folder holding ``.git`` (the repository's
    root) and no higher, so a file above the repository never applies to it;
    outside a repository only ``start`` itself is searched. A pyproject.toml
    counts when it has a ``[tool.modelh]`` table.
    """
    folder = Path(start).resolve()
    for candidate in _search_path(folder):
        for name in CONFIG_NAMES:
            path = candidate / name
            if os.path.lexists(path) and (name != "pyproject.toml" or _has_tool_section(path)):
                return path  # the guarded reader refuses it if it is no regular file
    return None


def _search_path(folder: Path) -> list[Path]:
    """``folder`` and its parents up to the repository's root; ``folder`` alone outside one."""
    chain = [folder, *folder.parents]
    for index, candidate in enumerate(chain):
        if os.path.lexists(candidate / ".git"):
            return chain[: index + 1]
    return [folder]


def _has_tool_section(path: Path) -> bool:
    from modelh.canvas.guard import PYPROJECT, describe, read_file

    try:  # a large pyproject.toml without the table is no configuration, not an error
        data = read_file(path, PYPROJECT)
    except CanvasError as exc:
        raise UsageError(describe(exc)) from None
    return b"[tool.modelh" in data


def load_config(path: str | os.PathLike[str] | None = None, *, discover: bool = True) -> Config:
    """The configuration at ``path``, or the nearest one, or the defaults.

    The file is read through the guards every YAML or TOML file goes through
    (regular file, size, UTF-8, nesting, aliases, tags, keys); any refusal is a
    ``UsageError`` naming the file, with its line and column where there is one.
    """
    if path is None:
        found = find_config() if discover else None
        if found is None:
            return Config()
        path = found
    path = Path(path)
    raw, places, text = _parse(path)
    return _build(raw, path, places, text)


def _parse(path: Path) -> tuple[dict[str, Any], Places, str]:
    """The configuration's keys, their places, and the file's text (empty for TOML)."""
    from modelh.canvas.guard import CONFIG, describe, load_yaml_text
    from modelh.canvas.tomlguard import load_toml_text
    from modelh.canvas.yamlnodes import plain_data
    from modelh.check.places import toml_places, yaml_places

    try:
        if path.name == "pyproject.toml" or path.suffix == ".toml":
            data, text = load_toml_text(path, CONFIG)
            tool = data.get("tool", {})
            if not isinstance(tool, dict):
                raise UsageError(f"{path}: [tool] must be a table")
            section = tool.get("modelh", {})
            if not isinstance(section, dict):
                raise UsageError(f"{path}: [tool.modelh] must be a table of keys")
            return section, toml_places(text), ""
        root, text = load_yaml_text(path, CONFIG)
    except CanvasError as exc:
        raise UsageError(describe(exc)) from None
    if root is None:
        return {}, Places(), text
    places = yaml_places(root, text)
    data = plain_data(root)
    if data is None:
        return {}, places, text
    if not isinstance(data, dict):
        raise UsageError(f"{path}: the configuration must be a mapping of keys")
    return data, places, text


def with_rule_selection(
    config: Config, select: tuple[str, ...] = (), ignore: tuple[str, ...] = ()
) -> Config:
    """``config`` with the rules chosen on the command line (``--select``, ``--ignore``).

    ``select`` replaces the configuration's selection; ``ignore`` adds to its
    ignores. Every selector is checked as a configuration file's would be; an
    unknown one is a ``UsageError`` naming ``--select/--ignore``.
    """
    if not select and not ignore:
        return config
    chosen = replace(config, select=select or config.select, ignore=config.ignore + ignore)
    _build({"select": list(chosen.select), "ignore": list(chosen.ignore)}, _FLAGS, Places())
    return chosen


_FLAGS = Path("--select/--ignore")


class _Problems(list[tuple[tuple[int, int] | None, str]]):
    """The problems of a configuration file, each at its key's place where known."""

    def __init__(self, places: Places) -> None:
        super().__init__()
        self.places = places

    def append_at(self, keys: tuple[str, ...], message: str, *, value: bool = False) -> None:
        self.append((self.places.of(keys, value=value), message))

    def add(self, message: str) -> None:  # a problem of no one key
        self.append((None, message))

    def message(self, path: Path) -> str:
        """Every problem on one line, each after ``file:line:col`` (or ``file``)."""
        placed = sorted((p for p in self if p[0] is not None), key=lambda p: p[0] or (0, 0))
        said = [f"{path}:{at[0]}:{at[1]}: {message}" for at, message in placed if at]
        rest = [message for at, message in self if at is None]
        if rest:
            said.append(f"{path}: " + "; ".join(rest))
        return "; ".join(said)


def _unknown(key: str, known: tuple[str, ...], where: str = "") -> str:
    from modelh.canvas.walk import did_you_mean

    return f"unknown key '{key}'{where} (the keys: {', '.join(known)}){did_you_mean(key, known)}"


def _build(raw: dict[str, Any], path: Path, places: Places, text: str = "") -> Config:
    problems = _Problems(places)
    names = {str(k).replace("_", "-"): str(k) for k in raw}
    by_key = {str(k).replace("_", "-"): v for k, v in raw.items()}
    for key in by_key:
        if key not in _KEYS:
            problems.append_at((names[key],), _unknown(key, _KEYS))

    def selectors(key: str) -> tuple[str, ...]:
        value = by_key.get(key, [])
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            problems.append_at(
                (names[key],),
                f"'{key}' must be a list of rule codes, names or prefixes",
                value=True,
            )
            return ()
        for v in value:
            if not selector_known(v):
                problems.append_at(
                    (names[key],),
                    f"'{key}': no rule is called '{v}' (see 'modelh rules')",
                    value=True,
                )
        return tuple(value)

    select = selectors("select") if "select" in by_key else ("ALL",)
    if "select" in by_key and not select:
        problems.add("'select' is empty: name the rules to run, or leave it out for all")
    ignore = selectors("ignore")
    fail_on = by_key.get("fail-on", "error")
    if fail_on not in SEVERITIES:
        problems.append_at(
            (names["fail-on"],),
            f"'fail-on' must be one of {', '.join(SEVERITIES)}, not '{fail_on}'",
            value=True,
        )
    exclude = by_key.get("exclude", [])
    if isinstance(exclude, str):
        exclude = [exclude]
    if not isinstance(exclude, list) or not all(isinstance(v, str) for v in exclude):
        problems.add("'exclude' must be a list of globs")
        exclude = []
    severity: dict[str, str] = {}
    raw_severity = by_key.get("severity", {})
    if not isinstance(raw_severity, dict):
        problems.add("'severity' must map rule codes or names to error, warning or info")
        raw_severity = {}
    for name, level in raw_severity.items():
        rule = _rule(str(name), problems, "severity", (names["severity"], str(name)))
        if rule is not None:
            if level not in SEVERITIES:
                problems.append_at(
                    (names["severity"], str(name)),
                    f"severity of {rule.code}: '{level}' is not one of {', '.join(SEVERITIES)}",
                    value=True,
                )
            elif rule.code in severity:
                problems.add(f"severity of {rule.code} is given twice (by code and by name)")
            else:
                severity[rule.code] = level
    options: dict[str, dict[str, Any]] = {}
    raw_options = by_key.get("rules", {})
    if not isinstance(raw_options, dict):
        problems.add("'rules' must map rule codes or names to their options")
        raw_options = {}
    for name, values in raw_options.items():
        rule = _rule(str(name), problems, "rules", (names["rules"], str(name)))
        if rule is None:
            continue
        if not isinstance(values, dict):
            problems.add(f"rules.{name} must be a mapping of options")
            continue
        for raw_option, value in values.items():
            option = str(raw_option).replace("-", "_")
            if option not in rule.options:
                known = ", ".join(rule.options) or "none"
                problems.append_at(
                    (names["rules"], str(name), str(raw_option)),
                    f"rule {rule.code} has no option '{option}' (options: {known})",
                )
            elif type(value) is not type(rule.options[option]):
                expected = type(rule.options[option]).__name__
                problems.append_at(
                    (names["rules"], str(name), str(raw_option)),
                    f"rules.{name}.{option} must be {expected}, not {value!r}",
                    value=True,
                )
            elif isinstance(value, int) and value < 1:
                problems.append_at(
                    (names["rules"], str(name), str(raw_option)),
                    f"rules.{name}.{option} must be 1 or more, not {value}",
                    value=True,
                )
            else:
                options.setdefault(rule.code, {})[option] = value
    per_file: list[tuple[str, tuple[str, ...]]] = []
    raw_per_file = by_key.get("per-file-ignores", {})
    if not isinstance(raw_per_file, dict):
        problems.add("'per-file-ignores' must map globs to lists of codes")
        raw_per_file = {}
    for pattern, codes in raw_per_file.items():
        if isinstance(codes, str):
            codes = [codes]
        if not isinstance(codes, list):
            problems.add(f"per-file-ignores['{pattern}'] must be a list of codes")
            continue
        for code in codes:
            if not selector_known(str(code)):
                problems.add(f"per-file-ignores['{pattern}']: no rule is called '{code}'")
        per_file.append((str(pattern), tuple(str(c) for c in codes)))
    firm = _firm(by_key.get("report"), names.get("report", "report"), path, problems, text)
    if problems:
        raise UsageError(problems.message(path))
    return Config(
        select=select,
        ignore=ignore,
        fail_on=fail_on,
        exclude=tuple(exclude),
        severity=severity,
        options=options,
        per_file_ignores=tuple(per_file),
        root=str(path.parent),
        source=str(path),
        firm=firm,
    )


def _firm(report: Any, name: str, path: Path, problems: _Problems, text: str) -> Firm | None:
    """``report.firm`` read and checked: its keys, its name, colour and logo."""
    if report is None:
        return None
    if not isinstance(report, dict):
        problems.append_at((name,), "'report' must be a table of keys (firm)", value=True)
        return None
    for key in report:
        if str(key) not in _REPORT_KEYS:
            problems.append_at((name, str(key)), _unknown(str(key), _REPORT_KEYS, " in report"))
    firm = report.get("firm")
    if firm is None:
        return None
    at = (name, "firm")
    if not isinstance(firm, dict):
        problems.append_at(at, "'report.firm' must be a table of name, logo and color", value=True)
        return None
    for key in firm:
        if str(key) not in _FIRM_KEYS:
            problems.append_at((*at, str(key)), _unknown(str(key), _FIRM_KEYS, " in report.firm"))
    values: dict[str, str | None] = {}
    for key in _FIRM_KEYS:
        value = firm.get(key)
        if value is not None and not isinstance(value, str):
            problems.append_at((*at, key), f"report.firm.{key} must be a text", value=True)
            value = None
        values[key] = value.strip() if value is not None and value.strip() else None
    color = values["color"]
    if color is not None and not _COLOR.fullmatch(color):
        problems.append_at(
            (*at, "color"),
            f"report.firm.color '{color}' is not a colour like \"#3a3a6e\" "
            "(a # and six hexadecimal digits, quoted)",
            value=True,
        )
        color = None
    elif "color" in firm and firm["color"] is None and text:
        # in YAML an unquoted colour is a comment: the value silently vanishes
        place = problems.places.of((*at, "color"))
        line = text.splitlines()[place[0] - 1] if place else ""
        hidden = re.search(r"#[0-9a-fA-F]{6}\b", line)
        if hidden:
            problems.append_at(
                (*at, "color"),
                f"report.firm.color '{hidden.group()}' is read as a comment: "
                f'quote it, "{hidden.group()}"',
            )
    logo_at = ""
    if values["logo"] is not None:
        from modelh.canvas.images import LogoProblem, logo_file

        place = problems.places.of((*at, "logo"), value=True)
        logo_at = f"{path}:{place[0]}:{place[1]}" if place else str(path)
        problem = logo_file(str(path), values["logo"], owner="settings file")
        if isinstance(problem, LogoProblem):
            problems.append_at(
                (*at, "logo"), f"report.firm: {problem.message} ({problem.fix})", value=True
            )
    if values["name"] is None and values["logo"] is None:
        if firm:
            problems.append_at(at, "report.firm needs a name or a logo (or both)")
        return None
    return Firm(values["name"], values["logo"], color, str(path), logo_at)


def _rule(name: str, problems: _Problems, where: str, keys: tuple[str, ...]) -> Rule | None:
    from modelh.check.rules import find_rule

    try:
        return find_rule(name)
    except KeyError:
        problems.append_at(keys, f"{where}: no rule is called '{name}' (see 'modelh rules')")
        return None
