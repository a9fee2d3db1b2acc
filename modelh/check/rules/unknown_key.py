"""A key the canvas format does not know.

Why it matters: A misspelt key is silently lost to every reader: the answer is
in the file but no check, interview or report sees it.

How to fix: Correct the spelling (the message suggests the nearest key), or
start a key of your own with 'x-' to keep it beside the canvas.

Example::

    canvas:
      titel: Medicare Advantage 2027   # title
"""

from modelh.check.rules import Executive

CODE = "MH004"
NAME = "unknown-key"
SEVERITY = "error"
SECTION = "format"
KINDS = ("unknown-key",)
EXECUTIVE = Executive(
    "Part of the canvas is written under a heading the method does not know",
    "What is written there is lost to every reader: no check and no report sees it.",
)
