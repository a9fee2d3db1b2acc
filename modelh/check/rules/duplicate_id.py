"""Two items share one id.

Why it matters: Ids tie the canvas together: dimensions, answers and value
propositions name segments, channels and measures by id, so an id must name one
item only.

How to fix: Give each segment, value proposition, channel and measure an id of its own.

Example::

    channels:
      - id: members        # already a segment id
"""

from modelh.check.rules import Executive

CODE = "MH006"
NAME = "duplicate-id"
SEVERITY = "error"
SECTION = "format"
KINDS = ("duplicate-id",)
EXECUTIVE = Executive(
    "Two items of the canvas share one identifier",
    "The relationships, answers and measures that refer to them cannot tell the two apart.",
)
