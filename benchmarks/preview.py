"""The workshop preview's cost of a save, on the worked example.

1. Re-render: the time the preview takes to render the handout again after a
   save of `canvases/riverside-health-plan.yaml` (a copy, its title changed at
   each run and saved atomically), in the preview's warm process: load, check,
   HTML, the handout's safety rewrite. Target: under 0.3 s. The first render
   (imports, templates compiled) is printed apart.
2. Save to signal: from the save to the moment the preview's change signal
   (`/changes`, over HTTP on 127.0.0.1) announces the new handout: the re-render
   plus the wait for the next look at the file (every 0.1 s).
3. Save to screen: from the save to the moment headless Chromium shows the new
   title in the framed handout (the page's own reload, as the room sees it).
   Target: under 2 s. Needs Chromium and chromedriver (Debian's chromium and
   chromium-driver) and selenium (in the test lock); skipped, and said so, without.

Prints the median of several runs, with the fastest and slowest.

    python benchmarks/preview.py [--runs 15]
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import shutil
import statistics
import tempfile
import threading
import time
from pathlib import Path

from modelh.preview import LiveHandout, start_preview

ROOT = Path(__file__).resolve().parent.parent
CANVAS = ROOT / "canvases" / "riverside-health-plan.yaml"
TARGET = 0.3
SCREEN_TARGET = 2.0


def save(path: Path, text: str) -> None:
    """Write ``text`` as an editor's atomic save does: a new file renamed over the old."""
    new = path.with_name(path.name + ".new")
    new.write_text(text, encoding="utf-8")
    os.replace(new, path)


def retitled(original: str, run: int) -> str:
    return original.replace("title: ", f"title: Run {run} · ", 1)


def summary(name: str, times: list[float], target: float | None = None) -> str:
    median = statistics.median(times)
    line = (
        f"{name}: median {median:.3f} s over {len(times)} runs "
        f"(fastest {min(times):.3f} s, slowest {max(times):.3f} s)"
    )
    if target is not None:
        line += f"; target under {target} s: {'met' if median < target else 'MISSED'}"
    return line


def changes(port: int, after: int) -> dict[str, object]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        connection.request("GET", f"/changes?after={after}")
        answer: dict[str, object] = json.loads(connection.getresponse().read())
        return answer
    finally:
        connection.close()


def save_to_screen(canvas: Path, original: str, runs: int) -> list[float]:
    """Seconds from each save to the new title in Chromium's frame (empty without Chromium)."""
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    driver_path = shutil.which("chromedriver")
    try:
        from selenium import webdriver
        from selenium.common.exceptions import WebDriverException
        from selenium.webdriver.chrome.service import Service
        from selenium.webdriver.common.by import By
    except ImportError:
        chromium = None
    if chromium is None or driver_path is None:
        print("save to screen: skipped (needs chromium, chromedriver and selenium)")
        return []
    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"):
        options.add_argument(argument)
    browser = webdriver.Chrome(options=options, service=Service(driver_path))
    times = []
    try:
        with start_preview(canvas) as preview:
            threading.Thread(target=preview.serve_forever, daemon=True).start()
            browser.get(f"http://127.0.0.1:{preview.port}/")
            for run in range(runs):
                title = f"Run {2000 + run} ·"
                save(canvas, original.replace("title: ", f"title: {title} ", 1))
                started = time.perf_counter()
                while time.perf_counter() - started < 30:
                    try:  # the page swaps in a new frame when the handout changes
                        browser.switch_to.default_content()
                        browser.switch_to.frame(browser.find_element(By.ID, "handout"))
                        if title in browser.execute_script("return document.body.innerText"):
                            break
                    except WebDriverException:
                        pass
                    time.sleep(0.02)
                times.append(time.perf_counter() - started)
                time.sleep(0.2)
    finally:
        browser.quit()
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="modelh-bench-preview-"))
    try:
        shutil.copytree(CANVAS.parent / "assets", work / "assets")
        canvas = work / CANVAS.name
        original = CANVAS.read_text(encoding="utf-8")
        canvas.write_text(original, encoding="utf-8")

        live = LiveHandout(canvas)
        started = time.perf_counter()
        first = live.refresh()
        print(f"first render (imports, templates): {time.perf_counter() - started:.3f} s")
        assert first is not None and first.problem is None, first
        renders = []
        for run in range(args.runs):
            save(canvas, retitled(original, run))
            started = time.perf_counter()
            state = live.refresh()
            renders.append(time.perf_counter() - started)
            assert state is not None and state.problem is None, state
        print(summary("re-render after a save", renders, TARGET))

        signals = []
        with start_preview(canvas) as preview:
            server = threading.Thread(target=preview.serve_forever, daemon=True)
            server.start()
            version = int(changes(preview.port, -1)["version"])  # type: ignore[call-overload]
            for run in range(args.runs):
                time.sleep(0.15)  # a save lands anywhere between two looks at the file
                save(canvas, retitled(original, 1000 + run))
                started = time.perf_counter()
                answer = changes(preview.port, version)
                signals.append(time.perf_counter() - started)
                version = int(answer["version"])  # type: ignore[call-overload]
                assert answer["problem"] is None, answer
        print(summary("save to change signal", signals))
        screen = save_to_screen(canvas, original, args.runs)
        if screen:
            print(summary("save to screen (Chromium)", screen, SCREEN_TARGET))
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
