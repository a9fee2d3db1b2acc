"""The file cannot be read as a single YAML document.

Why it matters: Nothing else can be checked until the file reads as YAML: a
canvas that does not parse is a canvas nobody can use in a workshop or a report.

How to fix: Correct the YAML at the line and column given: a tab used for
indentation, an unclosed bracket or quote, a second document after '---', bytes
that are not UTF-8.

Example::

    canvas:
        title: Medicare Advantage 2027   # a tab: indent with spaces
"""

from modelh.check.rules import Executive

CODE = "MH001"
NAME = "yaml-syntax"
SEVERITY = "error"
SECTION = "format"
KINDS = ("syntax", "file")
EXECUTIVE = Executive(
    "The canvas file cannot be read",
    "Nothing in it can be checked or shown to anyone until it is corrected.",
)
