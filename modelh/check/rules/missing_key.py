"""A required key is missing or empty.

Why it matters: A few keys identify the canvas and its items (modelh,
canvas.title, canvas.organization, every item's id); without them nothing can
refer to the item.

How to fix: Add the key with a value.

Example::

    segments:
      - name: Employer groups   # add: id: employers
"""

from modelh.check.rules import Executive

CODE = "MH003"
NAME = "missing-key"
SEVERITY = "error"
SECTION = "format"
KINDS = ("missing-key",)
EXECUTIVE = Executive(
    "The canvas lacks a detail that identifies it or one of its items",
    "Without it, nothing else in the canvas can refer to the item.",
)
