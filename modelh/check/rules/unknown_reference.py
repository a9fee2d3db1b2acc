"""An id that names no item of the canvas.

Why it matters: A dimension that serves a segment that does not exist, or tracks
a measure that is not defined, breaks the chain from segment to relationship to
measure.

How to fix: Use an id defined in this canvas (the message suggests the nearest),
or define the item.

Example::

    dimensions:
      navigation:
        channels: [member-ap]   # member-app
"""

from modelh.check.rules import Executive

CODE = "MH007"
NAME = "unknown-reference"
SEVERITY = "error"
SECTION = "format"
KINDS = ("reference",)
EXECUTIVE = Executive(
    "The canvas refers to an item it does not define",
    "The chain from customer to relationship to measure is broken at that point.",
)
