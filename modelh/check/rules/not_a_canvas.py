"""A file given to check is not a canvas.

Why it matters: A canvas is recognised by its 'modelh: 1' line; a file named on
the command line without one is most likely a mistake in the command.

How to fix: Start canvases with 'modelh new', or leave the file out (the pre-
commit hook passes --canvases-only, which skips such files).

Example::

    # docker-compose.yaml given to 'modelh check' by mistake
"""

from modelh.check.rules import Executive

CODE = "MH009"
NAME = "not-a-canvas"
SEVERITY = "error"
SECTION = "format"
KINDS = ()
EXECUTIVE = Executive(
    "A file given as a canvas is not one",
    "It was most likely named by mistake, and nothing in it can be checked.",
)
