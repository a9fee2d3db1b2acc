"""The workshop preview without a browser: what it serves, what it refuses, how it
follows the canvas, and the command's start and stop. The page in a real browser
is tested in test_preview_browser.py."""

from __future__ import annotations

import http.client
import json
import os
import signal
import socket
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from modelh.preview import Preview, start_preview
from modelh.preview.live import LiveHandout
from modelh.report.render import render_file

from .conftest import MINIMAL

#: A hang guard, not a timing: each wait here takes a fraction of a second.
HANG = 30


def save(path: Path, text: str) -> None:
    """An editor's atomic save: a new file renamed over the old one."""
    new = path.with_name(path.name + ".new")
    new.write_text(text, encoding="utf-8")
    os.replace(new, path)


@contextmanager
def serving(canvas: Path) -> Iterator[Preview]:
    with start_preview(canvas) as preview:
        thread = threading.Thread(target=preview.serve_forever, daemon=True)
        thread.start()
        yield preview
    thread.join(HANG)
    assert not thread.is_alive()


def get(
    port: int, target: str, host: str | None = None, method: str = "GET"
) -> tuple[int, dict[str, str], bytes]:
    """One request sent as written (no normalising of ``target``)."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=HANG)
    try:
        connection.putrequest(method, target, skip_host=True, skip_accept_encoding=True)
        connection.putheader("Host", host or f"127.0.0.1:{port}")
        connection.endheaders()
        answer = connection.getresponse()
        return answer.status, dict(answer.getheaders()), answer.read()
    finally:
        connection.close()


@pytest.fixture
def canvas(tmp_path: Path) -> Path:
    path = tmp_path / "plan.yaml"
    path.write_text(MINIMAL, encoding="utf-8")
    return path


def test_the_handout_is_the_file_render_writes_with_its_own_policy(canvas, tmp_path):
    render_file(canvas, tmp_path / "out", ["html"])
    written = (tmp_path / "out" / "plan.html").read_bytes()
    with serving(canvas) as preview:
        status, headers, body = get(preview.port, "/handout")
    assert status == 200
    assert body == written
    assert headers["Content-Type"] == "text/html; charset=utf-8"
    # the handout's policy, sent as a header too: no script, and framed only by the preview
    policy = headers["Content-Security-Policy"]
    assert "default-src 'none'" in policy and "frame-ancestors 'self'" in policy
    assert "script-src" not in policy


def test_the_page_frames_the_handout_under_a_policy_of_its_own(canvas):
    with serving(canvas) as preview:
        status, headers, body = get(preview.port, "/")
    assert status == 200
    policy = headers["Content-Security-Policy"]
    nonce = policy.split("'nonce-", 1)[1].split("'", 1)[0]
    page = body.decode("utf-8")
    # every script and stylesheet of the page carries the nonce; nothing else may run
    assert page.count("<script") == page.count(f'<script nonce="{nonce}"') == 1
    assert page.count("<style") == page.count(f'<style nonce="{nonce}"') == 1
    assert "connect-src 'self'" in policy and "frame-ancestors 'none'" in policy
    assert "/handout" in page and "/changes" in page
    # a new nonce for every answer
    with serving(canvas) as preview:
        assert get(preview.port, "/")[1]["Content-Security-Policy"] != policy


BAD_TARGETS = [
    "/plan.yaml",
    "/handout/../plan.yaml",
    "/../plan.yaml",
    "/%2e%2e/plan.yaml",
    "//etc/passwd",
    "/handout/",
    "/handout.html",
    "/index.html",
    "/favicon.ico",
    "/changes/../plan.yaml",
    "http://127.0.0.1/plan.yaml",
    "*",
]


@pytest.mark.parametrize("target", BAD_TARGETS)
def test_any_other_path_is_refused_and_no_file_is_served(canvas, target):
    with serving(canvas) as preview:
        status, _, body = get(preview.port, target)
    assert status == 404
    assert b"Medicare Advantage" not in body and b"modelh: 1" not in body


def test_the_folder_is_not_listed_and_the_canvas_not_served(canvas):
    with serving(canvas) as preview:
        status, _, body = get(preview.port, "/")
    assert status == 200
    assert b"plan.yaml" in body  # the page names the canvas...
    assert b"organization" not in body  # ...and holds none of it


@pytest.mark.parametrize(
    "host", ["attacker.example", "attacker.example:{port}", "127.0.0.1:1", "localhost.evil:{port}"]
)
def test_a_request_for_another_host_is_refused(canvas, host):
    # a page of another site whose name was made to point here (DNS rebinding)
    with serving(canvas) as preview:
        for target in ("/", "/handout", "/changes?after=0"):
            status, _, body = get(preview.port, target, host=host.format(port=preview.port))
            assert status == 403, target
            assert b"Medicare" not in body


@pytest.mark.parametrize("host", ["127.0.0.1:{port}", "localhost:{port}", "LOCALHOST:{port}"])
def test_the_preview_answers_at_its_own_addresses(canvas, host):
    with serving(canvas) as preview:
        assert get(preview.port, "/", host=host.format(port=preview.port))[0] == 200


def test_methods_that_change_things_are_refused(canvas):
    with serving(canvas) as preview:
        for method in ("POST", "PUT", "DELETE"):
            assert get(preview.port, "/handout", method=method)[0] >= 400
        assert canvas.read_text(encoding="utf-8") == MINIMAL


def test_the_preview_listens_on_the_loopback_address_only(canvas):
    with serving(canvas) as preview:
        assert preview.url == f"http://127.0.0.1:{preview.port}/"
        listening = socket.create_connection(("127.0.0.1", preview.port), timeout=HANG)
        listening.close()


def changes(port: int, after: int) -> dict[str, object]:
    status, headers, body = get(port, f"/changes?after={after}")
    assert status == 200 and headers["Content-Type"] == "application/json"
    answer: dict[str, object] = json.loads(body)
    return answer


def test_the_change_signal_answers_when_a_save_lands(canvas):
    with serving(canvas) as preview:
        first = changes(preview.port, -1)
        assert first["handout"] == 1 and first["problem"] is None
        got: list[dict[str, object]] = []
        waiting = threading.Thread(target=lambda: got.append(changes(preview.port, 1)))
        waiting.start()
        save(canvas, MINIMAL.replace("2027", "2028"))
        waiting.join(HANG)
        assert got and got[0]["handout"] == 2
        assert b"Medicare Advantage 2028" in get(preview.port, "/handout")[2]


def test_the_change_signal_needs_a_version(canvas):
    with serving(canvas) as preview:
        for target in ("/changes", "/changes?after=soon", "/changes?after=1&after=2"):
            assert get(preview.port, target)[0] == 400, target


def test_a_save_that_does_not_load_keeps_the_last_good_handout(canvas):
    live = LiveHandout(canvas)
    good = live.refresh()
    assert good is not None and good.problem is None and good.html is not None
    save(canvas, MINIMAL + "  <b>bold</b>: 1\n")
    broken = live.refresh()
    assert broken is not None
    assert broken.html == good.html and broken.handout == good.handout
    assert broken.problem is not None
    assert broken.problem.startswith(f"{canvas}:5:3: unknown key '<b>bold</b>'")
    # fixed again: a new handout, and no problem left
    save(canvas, MINIMAL.replace("2027", "2029"))
    fixed = live.refresh()
    assert fixed is not None and fixed.problem is None and fixed.handout == good.handout + 1
    assert fixed.html is not None and b"Medicare Advantage 2029" in fixed.html


def test_a_save_with_many_problems_names_the_first_few_one_a_line(canvas):
    live = LiveHandout(canvas)
    live.refresh()
    save(canvas, MINIMAL + "".join(f"  key{n}: 1\n" for n in range(5)))  # five unknown keys
    state = live.refresh()
    assert state is not None and state.problem is not None
    lines = state.problem.splitlines()
    assert [line.split(": ", 1)[0] for line in lines[:3]] == [
        f"{canvas}:5:3",
        f"{canvas}:6:3",
        f"{canvas}:7:3",
    ]
    assert lines[3:] == ["and 2 more problems"]


def test_an_edit_in_place_is_seen_as_well_as_an_atomic_save(canvas):
    live = LiveHandout(canvas)
    live.refresh()
    inode = canvas.stat().st_ino
    with canvas.open("w", encoding="utf-8") as file:  # same inode, new size
        file.write(MINIMAL.replace("Medicare Advantage 2027", "Medicare 2030"))
    assert canvas.stat().st_ino == inode
    state = live.refresh()
    assert state is not None and state.html is not None and b"Medicare 2030" in state.html


def test_a_canvas_moved_away_is_named_and_its_handout_kept(canvas):
    live = LiveHandout(canvas)
    good = live.refresh()
    canvas.rename(canvas.with_name("elsewhere.yaml"))
    gone = live.refresh()
    assert gone is not None and gone.html == good.html  # type: ignore[union-attr]
    assert gone.problem is not None and str(canvas) in gone.problem


def test_a_canvas_that_never_loaded_serves_no_handout_and_says_why(tmp_path):
    canvas = tmp_path / "plan.yaml"
    canvas.write_text("modelh: 1\ncanvas:\n  title: [Medicare\n", encoding="utf-8")
    with serving(canvas) as preview:
        state = changes(preview.port, -1)
        assert state["handout"] == 0
        assert str(state["problem"]).startswith(f"{canvas}:4:1: YAML syntax")
        assert get(preview.port, "/handout")[0] == 503


def test_a_port_in_use_is_one_clear_error(canvas):
    from modelh.errors import UsageError

    with serving(canvas) as preview, pytest.raises(UsageError, match=r"port \d+ is in use"):
        start_preview(canvas, port=preview.port)


# ---------------------------------------------------------------------------
# The command


def start_command(*args: str, cwd: Path) -> tuple[subprocess.Popen[str], str]:
    """``modelh preview ARGS`` in a child; the child and the address it printed."""
    child = subprocess.Popen(
        [sys.executable, "-m", "modelh", "preview", *args],
        cwd=cwd,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "NO_COLOR": "1"},
    )
    assert child.stdout is not None
    line = child.stdout.readline()
    assert " at http://127.0.0.1:" in line, line + (child.stderr.read() if child.stderr else "")
    url = line.split(" at ", 1)[1].split()[0]
    return child, url


def test_the_command_prints_its_address_and_stops_cleanly_on_ctrl_c(canvas):
    child, url = start_command(canvas.name, cwd=canvas.parent)
    try:
        port = int(url.rstrip("/").rsplit(":", 1)[1])
        assert get(port, "/")[0] == 200
        # a page is waiting on the change signal when Ctrl-C comes
        waiting = http.client.HTTPConnection("127.0.0.1", port, timeout=HANG)
        waiting.request("GET", "/changes?after=1")
        child.send_signal(signal.SIGINT)
        _, err = child.communicate(timeout=HANG)
        waiting.close()
    finally:
        if child.poll() is None:
            child.kill()
    assert child.returncode == 0, err
    assert "Traceback" not in err
    assert "preview stopped" in err
    with pytest.raises(OSError):  # the port is free again: nothing listens
        socket.create_connection(("127.0.0.1", port), timeout=HANG).close()


def test_the_command_says_what_each_save_did(canvas):
    child, url = start_command(canvas.name, cwd=canvas.parent)
    try:
        port = int(url.rstrip("/").rsplit(":", 1)[1])
        save(canvas, MINIMAL + "  colour: [red\n")
        assert changes(port, 1)["problem"]
        child.send_signal(signal.SIGINT)
        _, err = child.communicate(timeout=HANG)
    finally:
        if child.poll() is None:
            child.kill()
    assert "the canvas does not load (the last good handout stays):\n  plan.yaml:6:1: YAML" in err


def test_the_command_refuses_a_missing_canvas_and_a_folder(tmp_path):
    for target, message in ((tmp_path / "none.yaml", "no such file"), (tmp_path, "is a folder")):
        done = subprocess.run(
            [sys.executable, "-m", "modelh", "preview", str(target)],
            capture_output=True,
            text=True,
            timeout=HANG,
        )
        assert done.returncode == 2
        assert message in done.stderr and "Traceback" not in done.stderr


def test_the_command_names_a_port_in_use(canvas):
    with serving(canvas) as preview:
        done = subprocess.run(
            [sys.executable, "-m", "modelh", "preview", str(canvas), "--port", str(preview.port)],
            capture_output=True,
            text=True,
            timeout=HANG,
        )
    assert done.returncode == 2
    assert f"port {preview.port} is in use" in done.stderr
    assert "Traceback" not in done.stderr


def test_a_file_name_that_is_not_utf8_is_shown_not_fatal(tmp_path):
    canvas = tmp_path / os.fsdecode(b"pl\xe9n.yaml")
    canvas.write_text(MINIMAL, encoding="utf-8")
    with serving(canvas) as preview:
        status, _, body = get(preview.port, "/")
        assert status == 200
        assert "pl\ufffdn.yaml" in body.decode("utf-8")
        assert get(preview.port, "/handout")[0] == 200


def test_a_connection_closed_under_a_request_prints_no_traceback(canvas, capsys):
    # The browser going away, or Ctrl-C while a long poll waits, closes a connection
    # under its request thread: the terminal must not get the standard library's
    # traceback for it (a bug in a request still shows).
    with serving(canvas) as preview:
        server = preview._server
        try:
            raise OSError(9, "Bad file descriptor")
        except OSError:
            server.handle_error(None, ("127.0.0.1", 50000))
        assert capsys.readouterr().err == ""
        try:
            raise ValueError("a bug")
        except ValueError:
            server.handle_error(None, ("127.0.0.1", 50000))
        assert "ValueError: a bug" in capsys.readouterr().err
