"""The browser figure of ``caucasus-map bench``: the real page, served by ``streamlit run`` over
the synthetic corpus, driven by Playwright in Debian's Chromium.

- ``first_map_ms_cold``: from navigation to the first place drawn, on a fresh server (the page
  checks the build and loads the dataset);
- ``first_map_ms``: the same on a second visit (the server's caches are warm);
- ``slider_to_map_ms``: from a key press on the slider's upper handle (one month back) to the
  new window layer drawn on the map, median of a few presses; ``slider_presses_dropped``
  counts presses whose rerun ended with the map unchanged (the page lost the move).
"""

from __future__ import annotations

import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from typing import Any

from caucasus_map import settings

CHROMIUM = Path(os.environ.get("CAUCASUS_MAP_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
MAP_FRAME = 'iframe[title="streamlit_folium.st_folium"]'
IDLE = '[data-testid="stApp"][data-test-script-state="notRunning"]'


class BrowserUnavailable(RuntimeError):
    pass


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def serve_page(root: Path, log: Any) -> tuple[subprocess.Popen, str]:
    """``streamlit run app.py`` over ``root`` on a free port, once its health check answers."""
    port = _free_port()
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "streamlit",
            "run",
            str(settings.PACKAGE_ROOT / "app.py"),
            "--server.port",
            str(port),
            "--server.headless",
            "true",
            "--browser.gatherUsageStats",
            "false",
        ],
        cwd=settings.PACKAGE_ROOT,
        env={**os.environ, settings.ROOT_ENV_VAR: str(root)},
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 120
    while True:
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                if response.status == 200:
                    return server, url
        except OSError:
            pass
        if server.poll() is not None or time.monotonic() > deadline:
            server.kill()
            raise BrowserUnavailable("streamlit did not start (see its log)")
        time.sleep(0.3)


_server: subprocess.Popen | None = None  # the page's server while a figure is measured


def _wait(what: Any, timeout_s: float) -> None:
    """``what.wait_for()`` (a locator), giving up early when the page's server has ended."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    deadline = time.monotonic() + timeout_s
    while True:
        try:
            what.wait_for(timeout=2000)
            return
        except PlaywrightTimeout:
            if _server is not None and _server.poll() is not None:
                raise BrowserUnavailable("the page's server ended") from None
            if time.monotonic() > deadline:
                raise


def _first_map(page: Any, url: str) -> float:
    started = time.perf_counter()
    page.goto(url, timeout=600_000)
    _wait(page.frame_locator(MAP_FRAME).locator("path.cm-place").first, 600)
    elapsed = time.perf_counter() - started
    _wait(page.locator(IDLE), 600)
    return 1000 * elapsed


def _slider_moves(page: Any, presses: int) -> tuple[list[float], int]:
    """Latencies of ``presses`` slider moves that updated the map, and how many presses the
    page dropped (its rerun ended without a new window layer)."""
    frame = page.frame_locator(MAP_FRAME)
    _wait(frame.locator("path.cm-hot").first, 300)
    upper = page.get_by_role("slider").nth(1)
    app = page.locator('[data-testid="stApp"]')
    fresh = frame.locator("path.cm-hot:not([data-cm-old])")
    times: list[float] = []
    dropped = 0
    while len(times) < presses and dropped < 3 * presses:
        _wait(page.locator(IDLE), 300)
        frame.locator("body").evaluate(
            "() => document.querySelectorAll('path.cm-hot').forEach(p => p.dataset.cmOld = '1')"
        )
        upper.focus()
        started = time.perf_counter()
        page.keyboard.press("ArrowLeft")
        ran = False
        idle_since = None
        while time.perf_counter() - started < 120:
            if fresh.count():
                times.append(1000 * (time.perf_counter() - started))
                break
            running = app.get_attribute("data-test-script-state") == "running"
            ran = ran or running
            if ran and not running:
                idle_since = idle_since or time.perf_counter()
                if time.perf_counter() - idle_since > 2:
                    dropped += 1  # the rerun ended and the map did not change
                    break
            if _server is not None and _server.poll() is not None:
                raise BrowserUnavailable("the page's server ended")
            page.wait_for_timeout(20)
        else:
            raise TimeoutError("the map did not update within 120 s of a slider move")
    _wait(page.locator(IDLE), 300)
    return times, dropped


class _Watchdog:
    """Ends the page's server when its memory passes ``limit`` bytes, so that a page that
    does not scale fails the figure instead of the machine."""

    def __init__(self, pid: int, limit: int) -> None:
        import threading

        import psutil

        self.process = psutil.Process(pid)
        self.limit = limit
        self.peak = 0
        self.tripped = False
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        import psutil

        while not self._stop.wait(0.2):
            try:
                rss = self.process.memory_info().rss
            except psutil.Error:
                return
            self.peak = max(self.peak, rss)
            if rss > self.limit:
                self.tripped = True
                self.process.kill()
                return

    def stop(self) -> None:
        self._stop.set()
        self._thread.join()


def memory_limit() -> int:
    """Half of the machine's memory."""
    import psutil

    return psutil.virtual_memory().total // 2


def measure(root: Path, *, presses: int = 5) -> dict[str, Any]:
    """Serve ``root`` (already built) and time the page in Chromium. The server is ended if
    its memory passes half of the machine's (:func:`memory_limit`)."""
    if not CHROMIUM.exists():
        raise BrowserUnavailable(f"{CHROMIUM} is not installed (apt-get install chromium)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        raise BrowserUnavailable(
            "playwright is missing: pip install 'caucasus-map[test]'"
        ) from None
    log_path = Path(tempfile.gettempdir()) / "caucasus-map-bench-streamlit.log"
    with open(log_path, "w") as log:
        global _server
        server, url = serve_page(root, log)
        _server = server
        watchdog = _Watchdog(server.pid, memory_limit())
        try:
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(
                    executable_path=str(CHROMIUM), args=CHROMIUM_ARGS
                )
                try:
                    viewport: Any = {"width": 1400, "height": 1000}
                    first = browser.new_context(viewport=viewport)
                    cold = _first_map(first.new_page(), url)
                    first.close()
                    page = browser.new_context(viewport=viewport).new_page()
                    warm = _first_map(page, url)
                    moves, dropped = _slider_moves(page, presses)
                finally:
                    browser.close()
        except Exception:
            if watchdog.tripped:
                raise BrowserUnavailable(
                    f"the page's server passed {watchdog.limit / 2**30:.0f} GB of memory and "
                    "was stopped"
                ) from None
            raise
        finally:
            _server = None
            watchdog.stop()
            server.terminate()
            try:
                server.wait(timeout=30)
            except subprocess.TimeoutExpired:
                server.kill()
    return {
        "page_server_peak_rss_mb": watchdog.peak / 2**20,
        "first_map_ms_cold": cold,
        "first_map_ms": warm,
        "slider_to_map_ms": statistics.median(moves) if moves else None,
        "slider_to_map_ms_all": moves,
        "slider_presses_dropped": dropped,
    }
