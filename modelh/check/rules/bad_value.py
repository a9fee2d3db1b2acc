"""A value outside what the key allows.

Why it matters: Statuses, roles, stages, uses, domains and indicators are the
method's own vocabulary; another word means nothing to the checks and the
report.

How to fix: Use one of the values the message lists, or write the value in the
form it gives (dates YYYY-MM-DD, colours "#0b5f8a").

Example::

    canvas:
      status: drafty    # draft, review or final
"""

CODE = "MH008"
NAME = "bad-value"
SEVERITY = "error"
SECTION = "format"
KINDS = ("enum", "value")
