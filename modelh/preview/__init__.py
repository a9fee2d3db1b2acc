"""The workshop preview: a canvas's HTML handout served on this machine, shown
again after every save.

``live.py`` keeps the latest handout (rendered again when the file changes, the
last good one kept when a save does not load); ``server.py`` serves it on
127.0.0.1 inside a small page of its own that follows the changes; ``page.py``
is that page. Nothing here prints or exits.
"""

from __future__ import annotations

from modelh.preview.live import HandoutState, LiveHandout
from modelh.preview.server import Preview, start_preview

__all__ = ["HandoutState", "LiveHandout", "Preview", "start_preview"]
