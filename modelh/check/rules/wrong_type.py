"""A key holds the wrong kind of value.

Why it matters: Each key of the canvas format holds one kind of value (text, a
number, a list, a mapping); anything else cannot be read the same way by the
interview, the checks and the report.

How to fix: Give the key the kind of value the message names; units go in
'unit', lists take '- item' lines or [a, b].

Example::

    measures:
      - id: csat
        baseline: 41%      # a number: write 41 and unit: "%"
"""

from modelh.check.rules import Executive

CODE = "MH002"
NAME = "wrong-type"
SEVERITY = "error"
SECTION = "format"
KINDS = ("type",)
EXECUTIVE = Executive(
    "Part of the canvas holds the wrong kind of value",
    "The checks and the report cannot read it, so it is left out of both.",
)
