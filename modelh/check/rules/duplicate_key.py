"""A key written twice in one mapping.

Why it matters: YAML readers disagree on which of two equal keys wins; one of
the two answers is lost without a word.

How to fix: Keep one of the two, merging what each says.

Example::

    answers:
      cost: Nurse line at $4 PMPM
      cost: TBD        # the second 'cost'
"""

from modelh.check.rules import Executive

CODE = "MH005"
NAME = "duplicate-key"
SEVERITY = "error"
SECTION = "format"
KINDS = ("duplicate-key",)
EXECUTIVE = Executive(
    "One entry of the canvas is written twice",
    "One of the two answers would be lost without a word.",
)
