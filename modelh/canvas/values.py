"""Scalar values of a canvas: texts, enums, ids, numbers, dates, periods, colours, paths.

Each ``v_<kind>`` method reads one value of its kind (see ``specs``) and
returns it, or reports why it cannot be read and returns None.
"""

from __future__ import annotations

import math
import re
from datetime import date
from pathlib import Path

import yaml

from modelh.canvas import linebreaks, specs
from modelh.canvas import model as m
from modelh.canvas.walk import Walker
from modelh.canvas.yamlnodes import (
    QUOTED,
    STR,
    is_empty,
    is_null,
    kind_name,
    show,
)
from modelh.framework import vocab

# The patterns only a wrong value needs are kept as text and compiled on first
# use (re.compile caches them), so that loading a valid canvas does not pay for them.
SLUG = re.compile(r"[a-z0-9-]+\Z")
_COLOR = re.compile(r"#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})\Z")
_COLOR_IN_COMMENT = r":[ \t]+(#[0-9a-zA-Z]+)"
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}\Z")
_PERIOD = re.compile(r"\d{4}(?:-(?:0[1-9]|1[0-2])(?:-\d{2})?|-Q[1-4])?\Z")
_URL = re.compile(r"[a-zA-Z][a-zA-Z0-9+.-]*://|(?:data|file|javascript|mailto):", re.I)
_DRIVE = re.compile(r"[a-zA-Z]:")
#: A plain decimal number, as YAML 1.2 reads one (underscores may group digits).
NUMBER_PATTERN = r"[-+]?(?:\.[0-9]+|[0-9][0-9_]*(?:\.[0-9_]*)?)(?:[eE][-+]?[0-9]+)?"
NUMBER = re.compile(NUMBER_PATTERN + r"\Z")
_NUMBER_WITH_UNIT = r"\s*[-+]?[0-9][0-9.]*\s*[^\s0-9.,]"
_NON_DECIMAL = r"[-+]?(?:0[xob][0-9a-fA-F_]+|[0-9]+(?::[0-5]?[0-9])+(?:\.[0-9]*)?)\Z"
#: A duration: a number, a space, a unit (singular or plural).
DURATION = re.compile(r"([0-9]+(?:\.[0-9]+)?) (minute|hour|day|week)s?\Z")
_TRUE = ("true", "True", "TRUE")
_FALSE = ("false", "False", "FALSE")
#: A number written with thousands separators (1,250,000).
THOUSANDS = re.compile(r"[-+]?[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?\Z")


class ScalarValues(Walker):
    """The walk's readers of scalar values."""

    def v_text(
        self, node: yaml.Node, field: specs.Key, path: str, label: str, key_node: yaml.Node
    ) -> str | None:
        return self.scalar_text(node, field, path, label)

    def v_enum(
        self, node: yaml.Node, field: specs.Key, path: str, label: str, key_node: yaml.Node
    ) -> str | None:
        text = self.scalar_text(node, field, path, label)
        if text is None or text in field.choices:
            return text
        self.problem(
            node,
            "enum",
            path,
            f"{label}{field.name} '{show(text)}' is not one of "
            f"{', '.join(field.choices)}{self.suggest(text, field.choices)}",
        )
        return None

    def v_ref(
        self, node: yaml.Node, field: specs.Key, path: str, label: str, key_node: yaml.Node
    ) -> str | None:
        """One id of ``field.ref``, checked once the whole canvas is walked."""
        if node.__class__ is not yaml.ScalarNode:
            if not node.value:
                return None
            self.problem(
                node,
                "type",
                path,
                f"{label}{field.name} must be one {field.ref} id, not {kind_name(node)}",
            )
            return None
        text = self.scalar_text(node, field, path, label)
        if text is None:
            return None
        self.refs.append((field.ref or "", text, node, path, label))
        return text

    def v_boolean(
        self, node: yaml.Node, field: specs.Key, path: str, label: str, key_node: yaml.Node
    ) -> bool | None:
        text = self.scalar_text(node, field, path, label)
        if text is None:
            return None
        plain = not getattr(node, "style", None)  # scalar_text read it: a scalar node
        if plain and text in _TRUE:
            return True
        if plain and text in _FALSE:
            return False
        hint = " (without quotes)" if text.lower() in ("true", "false") else ""
        self.problem(
            node, "value", path, f"{label}{field.name} '{show(text)}' must be true or false{hint}"
        )
        return None

    def v_duration(
        self, node: yaml.Node, field: specs.Key, path: str, label: str, key_node: yaml.Node
    ) -> m.Duration | None:
        text = self.scalar_text(node, field, path, label)
        if text is None:
            return None
        match = DURATION.match(text)
        if match:
            minutes = float(match.group(1)) * vocab.DURATION_UNITS[match.group(2)]
            if math.isfinite(minutes):
                return m.Duration(text, minutes)
        self.problem(
            node,
            "value",
            path,
            f"{label}{field.name} '{show(text)}' is not a duration: write a number, a space "
            'and a unit (minute, hour, day or week, singular or plural), e.g. "2 days", '
            '"1.5 hours", "90 minutes"',
        )
        return None

    def v_slug(
        self, node: yaml.Node, field: specs.Key, path: str, label: str, key_node: yaml.Node
    ) -> str | None:
        text = self.scalar_text(node, field, path, label)
        if text is None or SLUG.match(text):
            return text
        slug = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "my-id"
        self.problem(
            node,
            "value",
            path,
            f"{label}id '{show(text)}' may hold only lowercase letters, digits "
            f"and hyphens, e.g. '{slug}'",
        )
        return None

    def v_number(
        self, node: yaml.Node, field: specs.Key, path: str, label: str, key_node: yaml.Node
    ) -> int | float | None:
        if is_empty(node):
            return None
        if node.__class__ is not yaml.ScalarNode:
            self.problem(
                node, "type", path, f"{label}{field.name} must be a number, not {kind_name(node)}"
            )
            return None
        value = node.value
        if not value.strip() or node.tag != STR:
            return None  # blank: not answered; tagged: the tag is reported instead
        hint = ""
        if not node.style and node.tag == STR and NUMBER.match(value):
            try:
                number = float(value)
                if math.isfinite(number) and not any(c in value for c in ".eE"):
                    return int(value)
            except ValueError:  # misplaced underscores, or too many digits for an int
                number = math.nan if len(value) < 50 else math.inf
            if math.isfinite(number):
                return number
            hint = " (it is too large)" if not math.isnan(number) else ""
        elif re.match(_NON_DECIMAL, value):
            hint = " (write it as a plain decimal number)"
        elif node.style in QUOTED and NUMBER.match(value.strip()):
            hint = " (remove the quotes)"
        elif THOUSANDS.match(value):
            hint = " (write it without thousands separators, e.g. " + value.replace(",", "") + ")"
        elif re.match(_NUMBER_WITH_UNIT, value):
            hint = " (put the unit in 'unit')"
        elif value.lower().lstrip("+-.") in ("inf", "nan"):
            hint = " (write a finite number)"
        self.problem(
            node, "type", path, f"{label}{field.name} '{show(value)}' is not a number{hint}"
        )
        return None

    def v_date(
        self, node: yaml.Node, field: specs.Key, path: str, label: str, key_node: yaml.Node
    ) -> str | None:
        text = self.scalar_text(node, field, path, label)
        if text is None:
            return None
        if _ISO_DATE.match(text):
            try:
                date.fromisoformat(text)
            except ValueError:
                self.problem(
                    node,
                    "value",
                    path,
                    f"{label}{field.name} '{show(text)}' is not a day of the calendar",
                )
                return None
            return text
        self.problem(
            node,
            "value",
            path,
            f"{label}{field.name} '{show(text)}' is not a date written YYYY-MM-DD",
        )
        return None

    def v_period(
        self, node: yaml.Node, field: specs.Key, path: str, label: str, key_node: yaml.Node
    ) -> str | None:
        text = self.scalar_text(node, field, path, label)
        if text is None:
            return None
        ok = bool(_PERIOD.match(text))
        if ok and len(text) == 10:
            try:
                date.fromisoformat(text)
            except ValueError:
                ok = False
        if ok:
            return text
        self.problem(
            node,
            "value",
            path,
            f"{label}{field.name} '{show(text)}' is not a period: write 2027, "
            "2027-12, 2027-Q4 or 2027-12-31",
        )
        return None

    def v_color(
        self, node: yaml.Node, field: specs.Key, path: str, label: str, key_node: yaml.Node
    ) -> str | None:
        text = self.scalar_text(node, field, path, label)
        if text is None:
            # an unquoted colour is a comment to YAML: the value silently vanishes
            at = key_node.start_mark.index
            end = linebreaks.line_end(self.text, at)
            match = re.compile(_COLOR_IN_COMMENT).search(self.text, at, end)
            if match and node.__class__ is yaml.ScalarNode and is_null(node):
                self.problem(
                    key_node,
                    "value",
                    path,
                    f"{label}{field.name} '{match.group(1)}' is read as a comment: "
                    f'quote it, "{match.group(1)}"',
                )
            return None
        if _COLOR.match(text):
            return text
        self.problem(
            node,
            "value",
            path,
            f"{label}{field.name} '{show(text)}' is not a colour like \"#0b5f8a\" "
            "(a # and six hexadecimal digits, quoted)",
        )
        return None

    def v_relative_path(
        self, node: yaml.Node, field: specs.Key, path: str, label: str, key_node: yaml.Node
    ) -> str | None:
        text = self.scalar_text(node, field, path, label)
        if text is None:
            return None
        if _URL.match(text) or _DRIVE.match(text) or text.startswith(("/", "\\")):
            self.problem(
                node,
                "value",
                path,
                f"{label}{field.name} '{show(text)}' must be a path relative to the "
                "canvas file's folder, not an absolute path or URL",
            )
            return None
        if ".." in Path(text.replace("\\", "/")).parts:
            self.problem(
                node,
                "value",
                path,
                f"{label}{field.name} '{show(text)}' must stay inside the canvas "
                "file's folder ('..' is not allowed)",
            )
            return None
        return text

    def v_format_version(
        self, node: yaml.Node, field: specs.Key, path: str, label: str, key_node: yaml.Node
    ) -> int | None:
        if node.__class__ is yaml.ScalarNode and node.value == str(vocab.FORMAT_VERSION):
            return vocab.FORMAT_VERSION
        if node.__class__ is yaml.ScalarNode and not is_empty(node):
            message = (
                f"format version '{show(node.value)}' is not supported: this modelh "
                f"reads 'modelh: {vocab.FORMAT_VERSION}'"
            )
        else:
            message = f"the format version must be {vocab.FORMAT_VERSION}, not {kind_name(node)}"
        self.problem(node, "value", path, message)
        return None
