"""Words too long for a line, marked so that they alone may break anywhere.

A word longer than its box (a URL, a long identifier, a run of characters with
no space) would run off the page. CSS's ``overflow-wrap: anywhere`` breaks it,
but set on whole cells and lists it makes WeasyPrint measure every character of
every text as a possible line end, which multiplied a report's layout time. So
the report breaks words normally, and only the few words long enough to need it
are wrapped in ``<span class="lw">`` (styled ``overflow-wrap: anywhere``).
"""

from __future__ import annotations

import re

from markupsafe import escape

#: A word of at least this many characters may be broken anywhere: longer than
#: the longest words of ordinary prose, shorter than the narrowest column holds.
LONG_WORD = 24

_LONG = re.compile(r"\S{" + str(LONG_WORD) + ",}")


def mark_long_words(text: str) -> str:
    """``text`` escaped for HTML, each word of LONG_WORD characters or more in a
    ``<span class="lw">``. Linear in the text's length."""
    out: list[str] = []
    at = 0
    for match in _LONG.finditer(text):
        out.append(str(escape(text[at : match.start()])))
        out.append(f'<span class="lw">{escape(match.group())}</span>')
        at = match.end()
    out.append(str(escape(text[at:])))
    return "".join(out)
