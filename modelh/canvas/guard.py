"""One guarded reader for every YAML or TOML file a user hands modelh.

The canvas, the interview's answers file and the checker's configuration are
read through here, so the same guards stand before each: a regular file only
(a pipe could block for ever, a device never end), a size limit, UTF-8 text,
nesting no deeper than ``MAX_NESTING`` (found by a cheap scan, since a deep
enough document crashes the C composer), no aliases (an alias bomb is never
expanded), no tags, keys that are plain names and one document. Each refusal is
one ``Problem`` with the file's name and, where there is one, the line and
column; callers raise it as a ``CanvasError`` or turn it into one line with
``describe``.

YAML is composed into nodes and never constructed into Python objects, so no
tag can run code (``yamlnodes`` composes them and turns them into plain data).
TOML (``pyproject.toml``) is read by ``tomlguard`` with the same guards.
"""

from __future__ import annotations

import os
import re
import stat
from dataclasses import dataclass

import yaml

from modelh.canvas import linebreaks
from modelh.canvas.yamlnodes import (
    CORE,
    PLAIN_TAG,
    compose_nodes,
    line_col,
    node_problem,
    parse_events,
    place,
)
from modelh.errors import CanvasError, Problem

#: Larger canvases and answers files are refused before they are read.
MAX_BYTES = 5 * 1024 * 1024
#: Deeper nesting is refused before composing (a canvas needs about six levels).
MAX_NESTING = 100
#: More values (keys, items, texts) are refused before composing: each costs time
#: and memory to compose and walk, and a canvas of 2,000 segments has about 40,000.
MAX_NODES = 100_000

# Patterns (flags inline) compiled on first use, where re caches them: a valid
# canvas never needs them.
_INDICATOR_RUN = r"(?m)^[ \t]*(?:[-?][ \t]+){8,}"
_DEEP_INDENT = "\n" + " " * (MAX_NESTING // 2)
_INDICATOR_RUNS = ("- - ", "- ? ", "? - ", "? ? ", "-\t", "?\t")


@dataclass(frozen=True)
class Kind:
    """What a file is to the user, as the messages name it, and how large it may be."""

    noun: str  # "a canvas": what is far smaller, needs fewer levels
    file: str  # "a canvas file": what a folder is not, what holds one document
    max_bytes: int = MAX_BYTES
    syntax: str = "YAML syntax"  # how a syntax error's message begins
    max_nodes: int = MAX_NODES


CANVAS = Kind("a canvas", "a canvas file")
ANSWERS = Kind("an answers file", "an answers file", syntax="not valid YAML")
#: A configuration is a few lines; the limits leave room for a large pyproject.toml.
CONFIG = Kind(
    "a configuration",
    "a configuration file",
    max_bytes=1024 * 1024,
    syntax="not valid YAML",
    max_nodes=20_000,
)
#: A pyproject.toml is read whole only to see whether it holds a [tool.modelh] table.
PYPROJECT = Kind("a pyproject.toml", "a pyproject.toml file")


# --------------------------------------------------------------------------
# The file


def file_problem(file: str, message: str, line: int = 1, column: int = 1) -> Problem:
    return Problem(file, line, column, line, column + 1, "file", "", message)


def too_large(file: str, size: int, kind: Kind = CANVAS) -> Problem:
    limit = kind.max_bytes // 1048576
    return file_problem(
        file,
        f"the file is larger than {limit} MB ({size:,} bytes); {kind.noun} is far smaller",
    )


def read_file(path: str | os.PathLike[str], kind: Kind = CANVAS) -> bytes:
    """The bytes of a regular file; folders, devices, pipes and oversize files are refused.

    The file is opened without waiting (a pipe with no writer would block) and
    checked again once open, so a file swapped for a pipe in between is refused too.
    """
    name = os.fspath(path)
    try:
        _check_mode(name, os.stat(name), kind)
        fd = os.open(name, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
        with open(fd, "rb") as fh:
            _check_mode(name, os.fstat(fd), kind)
            data = fh.read(kind.max_bytes + 1)
    except FileNotFoundError:
        raise CanvasError(name, [file_problem(name, "no such file")]) from None
    except PermissionError:
        raise CanvasError(name, [file_problem(name, "permission denied")]) from None
    except OSError as exc:
        reason = exc.strerror or str(exc)
        message = f"the file cannot be read: {reason}"
        raise CanvasError(name, [file_problem(name, message)]) from None
    if len(data) > kind.max_bytes:  # it grew since it was measured
        raise CanvasError(name, [too_large(name, len(data), kind)])
    return data


def _check_mode(name: str, info: os.stat_result, kind: Kind) -> None:
    if stat.S_ISDIR(info.st_mode):
        raise CanvasError(name, [file_problem(name, f"this is a folder, not {kind.file}")])
    if not stat.S_ISREG(info.st_mode):  # a pipe or a device could block or never end
        raise CanvasError(name, [file_problem(name, "this is not a regular file")])
    if info.st_size > kind.max_bytes:
        raise CanvasError(name, [too_large(name, info.st_size, kind)])


def decode(data: bytes, file: str) -> str:
    """UTF-8 bytes as text; UTF-16 and bytes that are not UTF-8 are refused at their place."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")) or (
        len(data) >= 4 and (data[0] == 0 or data[1] == 0) and data[:4].count(0) == 2
    ):
        message = "the file is UTF-16 text; save it as UTF-8"
        raise CanvasError(file, [file_problem(file, message)])
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        before = data[: exc.start]
        line = before.count(b"\n") + 1
        column = len(before[before.rfind(b"\n") + 1 :].decode("utf-8", "replace")) + 1
        message = (
            f"the file is not UTF-8 text: byte 0x{data[exc.start]:02x} cannot be read; "
            "save the file as UTF-8"
        )
        raise CanvasError(file, [file_problem(file, message, line, column)]) from None


# --------------------------------------------------------------------------
# Before composing: nesting and aliases


def prescan(text: str, file: str, kind: Kind = CANVAS) -> None:
    """Refuse a second byte-order mark, deep nesting and aliases before composing."""
    if text.startswith("\ufeff"):
        message = "the file starts with a second byte-order mark; save it as plain UTF-8"
        raise CanvasError(file, [file_problem(file, message)])
    # Every level of nesting needs a bracket, a deeper indentation or an indicator
    # on the same line ("- - x"). When a cheap look at those cannot rule deep
    # nesting out, the parser's events measure it exactly (the event parser does
    # not recurse; the composer does, and crashes on deep enough input).
    brackets = text.count("[") + text.count("{")
    suspicious = (
        brackets > MAX_NESTING
        or _DEEP_INDENT in text
        or (any(run in text for run in _INDICATOR_RUNS) and re.search(_INDICATOR_RUN, text))
    )
    # Every value but the first follows one of these characters ("[a, b]", "- a",
    # "a: b", "? a"), so twice their number bounds the values from above.
    if not suspicious:
        separators = brackets + sum(text.count(c) for c in ",:-?")
        suspicious = 2 * separators + 1 > kind.max_nodes
    if suspicious or ("&" in text and "*" in text):
        scan_events(text, file, kind)


def scan_events(text: str, file: str, kind: Kind = CANVAS) -> None:
    """Refuse nesting deeper than MAX_NESTING, too many values, and aliases, from the
    event stream."""
    problems: list[Problem] = []
    depth = nodes = 0
    starts = (yaml.SequenceStartEvent, yaml.MappingStartEvent)
    ends = (yaml.SequenceEndEvent, yaml.MappingEndEvent)
    try:
        for event in parse_events(text):
            if isinstance(event, yaml.ScalarEvent):
                nodes += 1
            elif isinstance(event, starts):
                depth += 1
                nodes += 1
                if depth > MAX_NESTING:
                    mark = event.start_mark
                    raise CanvasError(file, [nesting_problem(file, *place(text, mark), kind)])
            elif isinstance(event, ends):
                depth -= 1
            elif isinstance(event, yaml.AliasEvent) and len(problems) < 20:
                (line, col), (end_line, end_col) = (
                    place(text, event.start_mark),
                    place(text, event.end_mark),
                )
                problems.append(
                    Problem(
                        file,
                        line,
                        col,
                        end_line,
                        end_col,
                        "syntax",
                        "",
                        f"alias '*{event.anchor}' is not allowed in {kind.noun}: write the "
                        "value out in full",
                    )
                )
            if nodes > kind.max_nodes:
                line, column = place(text, event.start_mark)
                raise CanvasError(file, [too_many_problem(file, line, column, kind)])
    except yaml.MarkedYAMLError as exc:
        # Some libyaml builds stop deep nesting themselves, in their own words, before
        # the first event reaches this loop: the message must not depend on that.
        mark = exc.problem_mark or exc.context_mark
        if mark is not None and _too_deep_before(text, mark.index):
            raise CanvasError(file, [nesting_problem(file, *place(text, mark), kind)]) from None
        # any other syntax error is reported by composing, with its position
    except yaml.YAMLError:
        pass  # composing reports the syntax error with its position
    if problems:
        raise CanvasError(file, problems)


def _too_deep_before(text: str, index: int) -> bool:
    """Whether more than MAX_NESTING brackets are open at ``index`` (a parse error's place).

    Only asked once parsing has failed, so brackets inside quoted text can at worst
    turn one syntax message into the nesting message for a file that is broken anyway.
    """
    head = text[:index]
    opened = head.count("[") + head.count("{") - head.count("]") - head.count("}")
    return opened > MAX_NESTING


def too_many_problem(file: str, line: int, column: int, kind: Kind = CANVAS) -> Problem:
    message = (
        f"the file holds more than {kind.max_nodes:,} values (keys, items and texts); "
        f"{kind.noun} needs far fewer"
    )
    return file_problem(file, message, line, column)


def nesting_problem(file: str, line: int, column: int, kind: Kind = CANVAS) -> Problem:
    message = f"nesting is deeper than {MAX_NESTING} levels; {kind.noun} needs far fewer"
    return Problem(file, line, column, line, column + 1, "syntax", "", message)


# --------------------------------------------------------------------------
# Composing, and after


def compose(text: str, file: str, kind: Kind = CANVAS) -> yaml.Node | None:
    """The one document in ``text`` as nodes (None when it holds only comments)."""
    try:
        return compose_nodes(text)
    except yaml.MarkedYAMLError as exc:
        raise CanvasError(file, [syntax_problem(file, exc, text, kind)]) from None
    except yaml.reader.ReaderError as exc:
        line, col = line_col(text, exc.position)
        char = exc.character if isinstance(exc.character, str) else chr(exc.character)
        message = f"character U+{ord(char):04X} is not allowed in YAML text"
        raise CanvasError(
            file, [Problem(file, line, col, line, col + 1, "syntax", "", message)]
        ) from None
    except yaml.YAMLError as exc:  # pragma: no cover - every YAMLError above has a mark
        raise CanvasError(file, [file_problem(file, f"YAML error: {exc}")]) from None
    except RecursionError:  # only the pure-Python composer recurses in Python
        raise CanvasError(file, [nesting_problem(file, 1, 1, kind)]) from None


#: The first line of git's conflict markers, left in a file a merge could not join.
_CONFLICT = re.compile(r"^<{7}(?: .*)?$", re.MULTILINE)


def syntax_problem(file: str, exc: yaml.MarkedYAMLError, text: str, kind: Kind = CANVAS) -> Problem:
    conflict = _CONFLICT.search(text)
    if conflict is not None and re.search(r"^={7}$", text, re.MULTILINE):
        line = text.count("\n", 0, conflict.start()) + 1
        return Problem(
            file,
            line,
            1,
            line,
            8,
            "syntax",
            "",
            "an unresolved merge conflict: git's markers (<<<<<<<, =======, >>>>>>>) are "
            "still in the file; keep the lines you want between them and delete the markers",
        )
    mark = exc.problem_mark or exc.context_mark
    line, col = place(text, mark)
    if mark is not None and _too_deep_before(text, mark.index):
        return nesting_problem(file, line, col, kind)
    problem = (exc.problem or "invalid YAML").strip()
    at = text[mark.index] if mark and 0 <= mark.index < len(text) else ""
    if "expected a single document" in (exc.context or ""):
        message = f"{kind.file} holds one YAML document, but a second one starts here"
    elif at == "\t" or "'\\t'" in problem:
        message = "a tab character here: YAML indents with spaces only"
    else:
        message = f"{kind.syntax}: {problem}"
        if exc.context and exc.context_mark and exc.context_mark is not mark:
            message += f" ({exc.context} at line {place(text, exc.context_mark)[0]})"
        if mark is not None:
            first = exc.context_mark if exc.context_mark is not None else mark
            hint = _odd_break_hint(text, min(first.index, mark.index), mark.index)
            message += hint or _quoting_hint(text, mark.index)
    return Problem(file, line, col, line, col + 1, "syntax", "", message)


#: ``key: value`` at the start of a line (after dashes), up to where the value starts.
_KEY_VALUE = re.compile(r"""[ ]*((?:-[ ]+)*)(\w[\w .-]*?|'[^'\r\n]*'|"[^"\r\n]*")[ ]*:[ ]+(?=\S)""")
#: Characters that cannot start a plain text.
_CANNOT_START = "@`%"


def _quoting_hint(text: str, index: int) -> str:
    """Hand-editing's traps, where YAML stopped at ``index``: a text holding ``: `` or
    starting with a quote, a bracket, ``@`` or a backquote after ``key: ``, or a text
    cut by `` #`` (a comment) before a line that goes on with it."""
    start = linebreaks.line_start(text, index)
    line = text[start : linebreaks.line_end(text, index)].rstrip("\r\n")
    found = _KEY_VALUE.match(line)
    if found:
        value_at = start + found.end()
        if index > value_at or (index == value_at and line[found.end()] in _CANNOT_START):
            return _one_text(found.group(2), bool(found.group(1)))
        return ""
    if start == 0:
        return ""
    above_start = linebreaks.line_start(text, start - 1)
    above = text[above_start:start].rstrip("\r\n")
    found = _KEY_VALUE.match(above)
    if not found or len(line) - len(line.lstrip(" ")) <= len(above) - len(above.lstrip(" -")):
        return ""
    value = above[found.end() :]
    if value[:1] in ("'", '"', "|", ">", "[", "{") or " #" not in value:
        return ""
    key = found.group(2)
    return (
        f"; the ' #' in the text of '{key}' on the line above starts a comment, so the text"
        f" stops there: put all of it in quotes, or write it on the lines below '{key}: |'"
    )


def _one_text(key: str, item: bool) -> str:
    if item:
        return (
            "; if this is one text, put all of it in quotes, or write it on the lines below a '|'"
        )
    return (
        f"; if the value of '{key}' is one text, put all of it in quotes, "
        f"or write it on the lines below '{key}: |'"
    )


def _odd_break_hint(text: str, start: int, index: int) -> str:
    """Names the first odd line break on the lines from ``start`` to ``index`` (where
    the parser began and stopped), if any: YAML took it for a new line, which is most
    likely why the text did not parse."""
    if not linebreaks.has_odd_breaks(text):
        return ""
    line_start = max(text.rfind("\n", 0, start), text.rfind("\r", 0, start)) + 1
    found = [text.find(c, line_start, index + 1) for c in linebreaks.ODD_BREAKS]
    at = min((i for i in found if i >= 0), default=-1)
    if at < 0:
        return ""
    where, col = line_col(text, at)
    name = linebreaks.odd_break_name(text[at])
    return (
        f"; line {where} holds {name} at column {col}, which YAML reads as a line break "
        "and editors do not: remove it, or write that text in quotes"
    )


def tag_problems(root: yaml.Node, file: str, text: str, kind: Kind = CANVAS) -> list[Problem]:
    """A problem for each node that carries a tag of its own (``!!int 7``, ``!x``)."""
    problems = []
    stack = [root]
    while stack:
        node = stack.pop()
        if node.tag != PLAIN_TAG[node.__class__]:
            problems.append(
                node_problem(
                    file,
                    node,
                    "type",
                    "",
                    f"tag '{_short_tag(node.tag)}' is not allowed in {kind.noun}: write "
                    "plain values",
                    text,
                )
            )
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                stack.append(key)
                stack.append(value)
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(node.value)
    return problems


def _short_tag(tag: str) -> str:
    return "!!" + tag[len(CORE) :] if tag.startswith(CORE) else tag


def key_problems(root: yaml.Node, file: str, text: str) -> list[Problem]:
    """A problem for each key that is a list or a mapping (``? [a, b]: c``), and for
    each key written twice in one mapping."""
    problems = []
    stack = [root]
    while stack:
        node = stack.pop()
        if isinstance(node, yaml.MappingNode):
            seen: set[str] = set()
            for key, value in node.value:
                if key.__class__ is not yaml.ScalarNode:
                    what = "a mapping" if isinstance(key, yaml.MappingNode) else "a list"
                    message = f"a key must be a plain name, not {what}"
                    problems.append(node_problem(file, key, "type", "", message, text))
                elif key.value in seen:
                    message = f"key '{key.value}' is written twice; keep one"
                    problems.append(node_problem(file, key, "key", "", message, text))
                else:
                    seen.add(key.value)
                stack.append(value)
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(node.value)
    return problems


def load_yaml(path: str | os.PathLike[str], kind: Kind) -> yaml.Node | None:
    """The guarded nodes of the YAML file at ``path``; None when it holds nothing.

    Raises ``CanvasError`` with the first problems found: the file, its text, its
    nesting and aliases, its syntax, then its tags and keys.
    """
    return load_yaml_text(path, kind)[0]


def load_yaml_text(path: str | os.PathLike[str], kind: Kind) -> tuple[yaml.Node | None, str]:
    """``load_yaml``, and the file's text (for the places of its keys)."""
    name = os.fspath(path)
    text = decode(read_file(name, kind), name).removeprefix("\ufeff")
    if not text.strip():
        return None, text
    prescan(text, name, kind)
    root = compose(text, name, kind)
    if root is None:
        return None, text
    problems = tag_problems(root, name, text, kind) + key_problems(root, name, text)
    if problems:
        raise CanvasError(name, problems)
    return root, text


# --------------------------------------------------------------------------
# Messages


def describe(error: CanvasError) -> str:
    """A refusal as one line: ``file:line:col: message``, or ``file: message``."""
    if not error.problems:
        return error.message
    first = error.problems[0]
    whole_file = first.kind == "file" and (first.line, first.column) == (1, 1)
    where = first.file if whole_file else first.location()
    more = len(error.problems) - 1
    also = f" (and {more} more like it)" if more else ""
    return f"{where}: {first.message}{also}"
