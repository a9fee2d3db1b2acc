"""An inline suppression that suppresses nothing.

Why it matters: a '# modelh: disable=...' comment outlives the gap it once
hid; left behind, it would silently hide the next real gap at that line.

How to fix: remove the comment, or the codes in it that no longer match a
finding on that line or the next. A "# modelh:" comment that is not a
directive (a misspelt "disabel", a "disable" without codes) is reported too:
it suppresses nothing, though it looks as if it should.

Example::

    cost: Nurse line at $4 PMPM, rising to $5 in 2028   # modelh: disable=MH103
"""

from modelh.check.rules import Executive

CODE = "MH090"
NAME = "unused-suppression"
SEVERITY = "warning"
SECTION = "meta"
EXECUTIVE = Executive(
    "A note in the canvas silences a gap that is no longer there",
    "Left in place, it would hide the next real gap at that point without anyone noticing.",
)
