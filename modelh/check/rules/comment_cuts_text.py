"""Text after a '#' that YAML reads as a comment, cutting a value short.

Why it matters: in a value written without quotes, a '#' after a space starts
a comment, and everything after it is dropped from the canvas without a word:
"Word of mouth #1 channel" is read as "Word of mouth", and "cost: #2 after
pharmacy" as an empty answer. The report and the checks then see only what
is left. A comment written on purpose usually has a space after the '#'; this
rule looks at the others: a '#' followed straight by a word, a number or a mark.

How to fix: put the whole text in quotes, or write it on the next lines under
``key: |``, to keep what follows the '#'. If it is a comment, put a space after
the '#'.

Example::

    answers:
      growth: Word of mouth #1 channel          # the canvas holds "Word of mouth"
      growth: "Word of mouth: the #1 channel"   # fixed: the whole text is kept
"""

from modelh.check.rules import Executive

CODE = "MH011"
NAME = "comment-cuts-text"
SEVERITY = "warning"
SECTION = "meta"
EXECUTIVE = Executive(
    "Part of a text in the canvas is not read",
    (
        "A mark in the file hides the rest of the sentence from the canvas, so the "
        "report shows it cut short."
    ),
)
