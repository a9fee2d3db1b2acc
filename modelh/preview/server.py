"""The preview's server: the standard library's ``ThreadingHTTPServer`` on 127.0.0.1.

It answers three paths and nothing else: ``/`` (the preview's page),
``/handout`` (the last good handout, the bytes ``modelh render`` writes) and
``/changes?after=VERSION`` (the change signal, a long poll). It never serves a
file: any other path is 404, whatever it holds (``..``, escapes, a file name).
A request whose Host is not 127.0.0.1 or localhost at this port is refused
(403), so a web page cannot reach the preview through a DNS name it rebinds to
this machine; responses carry ``Cross-Origin-Resource-Policy: same-origin``
and no CORS header, so another site's page cannot read them either.

A thread looks at the canvas file and renders it again after each save (see
``modelh.preview.live``). Nothing here prints: requests are not logged, and
each change reaches the caller through ``on_change``.
"""

from __future__ import annotations

import errno
import json
import os
import secrets
import sys
import threading
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs

from modelh.errors import UsageError
from modelh.preview.live import HandoutState, LiveHandout
from modelh.preview.page import frame_page, page_policy
from modelh.report.filters import display_name
from modelh.report.policy import CONTENT_SECURITY_POLICY

#: The only address the preview listens on.
HOST = "127.0.0.1"
#: How long a ``/changes`` request waits for a change before it is answered anyway.
LONG_POLL_SECONDS = 20.0

#: Every response: not cached, not sniffed, not readable by another site's pages.
_COMMON_HEADERS = {
    "Cache-Control": "no-store",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Cross-Origin-Resource-Policy": "same-origin",
}
#: The handout's own policy, sent as a header too, with framing kept to the preview.
HANDOUT_POLICY = f"{CONTENT_SECURITY_POLICY}; frame-ancestors 'self'"


class _Server(ThreadingHTTPServer):
    daemon_threads = True  # a long poll left waiting never holds up the end
    live: LiveHandout
    canvas_name: str

    def handle_error(self, request: Any, client_address: Any) -> None:
        """A connection closed under a request (the browser went away, or the preview
        is stopping while a long poll waits) is no error to show: the standard
        library would print its traceback on the terminal."""
        if isinstance(sys.exc_info()[1], OSError):
            return
        super().handle_error(request, client_address)

    def allowed_hosts(self) -> set[str]:
        port = self.server_address[1]
        hosts = {f"127.0.0.1:{port}", f"localhost:{port}"}
        if port == 80:
            hosts |= {"127.0.0.1", "localhost"}
        return hosts


class _Handler(BaseHTTPRequestHandler):
    server: _Server

    def version_string(self) -> str:
        return "modelh-preview"

    def do_GET(self) -> None:
        self._answer(body=True)

    def do_HEAD(self) -> None:
        self._answer(body=False)

    def log_message(self, format: str, *args: Any) -> None:
        pass  # the library prints nothing; the command says what matters

    def _answer(self, body: bool) -> None:
        hosts = self.headers.get_all("Host") or []
        if len(hosts) != 1 or hosts[0].strip().lower() not in self.server.allowed_hosts():
            self._send(403, "text/plain", b"This preview answers only at its own address.\n", body)
            return
        path, _, query = self.path.partition("?")
        if path == "/":
            self._page(body)
        elif path == "/handout":
            self._handout(body)
        elif path == "/changes":
            self._changes(query, body)
        else:
            self._send(404, "text/plain", b"Not found.\n", body)

    def _page(self, body: bool) -> None:
        nonce = secrets.token_urlsafe(18)
        html = frame_page(self.server.canvas_name, nonce).encode("utf-8")
        headers = {"Content-Security-Policy": page_policy(nonce), "X-Frame-Options": "DENY"}
        self._send(200, "text/html; charset=utf-8", html, body, headers)

    def _handout(self, body: bool) -> None:
        state = self.server.live.state
        headers = {"Content-Security-Policy": HANDOUT_POLICY}
        if state.html is None:
            text = b"No handout yet: the canvas has not loaded since the preview started.\n"
            self._send(503, "text/plain", text, body, headers)
        else:
            self._send(200, "text/html; charset=utf-8", state.html, body, headers)

    def _changes(self, query: str, body: bool) -> None:
        values = parse_qs(query, max_num_fields=4).get("after", [])
        try:
            after = int(values[0]) if len(values) == 1 else None
        except ValueError:
            after = None
        if after is None:
            self._send(400, "text/plain", b"Ask /changes?after=VERSION.\n", body)
            return
        state = self.server.live.wait(after, LONG_POLL_SECONDS)
        answer = {"version": state.version, "handout": state.handout, "problem": state.problem}
        self._send(200, "application/json", json.dumps(answer).encode("ascii"), body)

    def _send(
        self,
        status: int,
        kind: str,
        content: bytes,
        body: bool,
        headers: dict[str, str] | None = None,
    ) -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(content)))
        for name, value in {**_COMMON_HEADERS, **(headers or {})}.items():
            self.send_header(name, value)
        self.end_headers()
        if body:
            self.wfile.write(content)


class Preview:
    """A running preview: the server and the thread that follows the canvas.

    Made by ``start_preview``; ``serve_forever`` answers requests until
    ``close`` (from another thread) or Ctrl-C (KeyboardInterrupt, in the thread
    that serves). Use it as a context manager to close it in any case.
    """

    def __init__(
        self,
        server: _Server,
        live: LiveHandout,
        on_change: Callable[[HandoutState], None] | None,
    ) -> None:
        self._server = server
        self.live = live
        self._stop = threading.Event()
        self._serving = False
        self._closed = False
        self._watcher = threading.Thread(
            target=live.watch, args=(self._stop, on_change), name="modelh-preview-watch"
        )
        self._watcher.daemon = True
        self._watcher.start()

    @property
    def port(self) -> int:
        port: int = self._server.server_address[1]
        return port

    @property
    def url(self) -> str:
        return f"http://{HOST}:{self.port}/"

    def serve_forever(self) -> None:
        """Answer requests until ``close`` is called or the thread is interrupted."""
        self._serving = True
        self._server.serve_forever(poll_interval=0.2)

    def close(self) -> None:
        """Stop following the file, stop serving, free the port."""
        if self._closed:
            return
        self._closed = True
        self._stop.set()
        self.live.close()
        if self._serving:  # returns at once when serving ended by an interrupt
            self._server.shutdown()
        self._server.server_close()
        self._watcher.join(timeout=5)

    def __enter__(self) -> Preview:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()


def start_preview(
    path: str | os.PathLike[str],
    *,
    port: int = 0,
    options: Any = None,
    config: Any = None,
    on_change: Callable[[HandoutState], None] | None = None,
) -> Preview:
    """Render the canvas at ``path`` once, listen on 127.0.0.1 (``port``; 0: a free
    one) and follow the file; ``serve_forever`` then answers requests.

    A canvas that does not load is not an error here: the page says why, and
    shows the handout from the first save that loads. Raises UsageError when
    the port cannot be had.
    """
    live = LiveHandout(path, options, config)
    live.refresh()
    try:
        server = _Server((HOST, port), _Handler)
    except OSError as exc:
        if exc.errno == errno.EADDRINUSE:
            raise UsageError(
                f"port {port} is in use on {HOST}: choose another with --port, or leave "
                "--port out for a free one"
            ) from None
        raise UsageError(f"cannot listen on {HOST}:{port}: {exc.strerror or exc}") from None
    server.live = live
    server.canvas_name = display_name(Path(live.path).name)
    return Preview(server, live, on_change)
