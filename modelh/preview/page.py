"""The preview's own page: the handout in a frame, and a banner when a save does not load.

The page asks the server for changes (``/changes?after=VERSION``, answered when
the canvas changed or after a while) and, on a new handout, loads it in a
second frame kept hidden until it is ready, scrolled where the first one was,
then swapped in: the room sees no blank page and does not lose its place. A
problem is shown as text (``textContent``), never as markup.

Its policy allows exactly this: one script and one stylesheet carrying the
response's nonce, requests to this server, frames from this server. The
handout keeps its own, stricter policy, and its frame is sandboxed (no script
may run in it even if one got through).
"""

from __future__ import annotations

from markupsafe import escape

#: The handout's frame: same origin (so the page can keep its scroll position),
#: no scripts; links the reader follows open outside the preview.
FRAME_SANDBOX = "allow-same-origin allow-popups allow-popups-to-escape-sandbox"


def page_policy(nonce: str) -> str:
    """The Content-Security-Policy of the page served with ``nonce``."""
    return (
        f"default-src 'none'; script-src 'nonce-{nonce}'; style-src 'nonce-{nonce}'; "
        "connect-src 'self'; frame-src 'self'; img-src data:; base-uri 'none'; "
        "form-action 'none'; frame-ancestors 'none'"
    )


_STYLE = """
html, body { margin: 0; height: 100%; }
body { display: flex; flex-direction: column; font: 16px/1.4 system-ui, sans-serif; }
.banner { padding: 0.6em 1em; border-bottom: 2px solid; }
.banner[hidden] { display: none; }
#problem { background: #fff4e5; border-color: #c2410c; color: #5a1d00; }
#problem .message { font-family: ui-monospace, monospace; white-space: pre-wrap;
  overflow-wrap: anywhere; }
#stopped { background: #eef2f6; border-color: #64748b; color: #1e293b; }
#frames { position: relative; flex: 1; }
#frames iframe { position: absolute; inset: 0; width: 100%; height: 100%; border: 0; }
#frames iframe.loading { visibility: hidden; }
#empty { padding: 2em; color: #475569; }
"""

_SCRIPT = """
"use strict";
const problem = document.getElementById("problem");
const message = document.getElementById("problem-message");
const stopped = document.getElementById("stopped");
const empty = document.getElementById("empty");
const frames = document.getElementById("frames");
let version = -1;
let shown = 0;
let pending = null;

function load(handout) {
  if (pending) pending.remove();
  const next = document.createElement("iframe");
  next.className = "loading";
  next.title = "The handout";
  next.setAttribute("sandbox", FRAME_SANDBOX);
  next.addEventListener("load", () => {
    const old = document.getElementById("handout");
    if (old) {
      try {
        next.contentWindow.scrollTo(old.contentWindow.scrollX, old.contentWindow.scrollY);
      } catch (error) {}
      old.remove();
    }
    next.className = "";
    next.id = "handout";
    next.dataset.handout = String(handout);
    pending = null;
  }, {once: true});
  pending = next;
  next.src = "/handout";
  frames.append(next);
  empty.hidden = true;
  shown = handout;
}

async function follow() {
  for (;;) {
    try {
      const answer = await fetch("/changes?after=" + version, {cache: "no-store"});
      if (!answer.ok) throw new Error("status " + answer.status);
      const state = await answer.json();
      stopped.hidden = true;
      if (state.handout > 0 && state.handout !== shown) load(state.handout);
      message.textContent = state.problem || "";
      problem.hidden = !state.problem;
      version = state.version;
    } catch (error) {
      stopped.hidden = false;
      await new Promise((wake) => setTimeout(wake, 1000));
    }
  }
}
follow();
"""


def frame_page(canvas_name: str, nonce: str) -> str:
    """The page for the canvas file named ``canvas_name``, its script and style
    carrying ``nonce``."""
    name = escape(canvas_name)
    script = _SCRIPT.replace("FRAME_SANDBOX", f'"{FRAME_SANDBOX}"')
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>{name} · modelh preview</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<style nonce="{nonce}">{_STYLE}</style>
</head>
<body>
<div id="problem" class="banner" role="alert" hidden>
<strong>The last save of {name} does not load; the last good handout stays below.</strong>
<div id="problem-message" class="message"></div>
</div>
<div id="stopped" class="banner" role="status" hidden>
<strong>The preview has stopped</strong> (modelh preview no longer answers); this page
follows again as soon as it runs.
</div>
<div id="frames"><p id="empty">No handout yet: {name} has not loaded since the preview
started.</p></div>
<script nonce="{nonce}">{script}</script>
</body>
</html>
"""
