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

from modelh.check.rules import Executive

CODE = "MH008"
NAME = "bad-value"
SEVERITY = "error"
SECTION = "format"
KINDS = ("enum", "value")
EXECUTIVE = Executive(
    "A value lies outside the method's vocabulary",
    (
        "Statuses, roles, stages and degrees of use are the method's own words; any other word "
        "means nothing to the checks and the report."
    ),
)
