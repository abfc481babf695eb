"""A real page in Debian's Chromium: the app is served by `streamlit run` on a free port over a
copy of the shipped data, and every request the browser makes is recorded."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlparse

import pytest

from caucasus_map import settings

ROOT = settings.PACKAGE_ROOT
CHROMIUM = Path(os.environ.get("CAUCASUS_MAP_CHROMIUM", "/usr/bin/chromium"))
ARTIFACTS = ROOT / "test-artifacts"
LOCAL_HOSTS = {"localhost", "127.0.0.1", "[::1]", "::1"}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "tests/e2e" in str(item.fspath):
            item.add_marker(pytest.mark.e2e)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="session")
def app_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The copy of data/ and geo/ the page under test serves."""
    root = tmp_path_factory.mktemp("project")
    shutil.copytree(ROOT / "data", root / "data")
    shutil.copytree(ROOT / "geo", root / "geo")
    return root


@pytest.fixture(scope="session")
def app_url(app_root: Path) -> Iterator[str]:
    if not CHROMIUM.exists():
        if os.environ.get("CI"):
            pytest.fail(f"{CHROMIUM} is missing: .ci/run installs Debian's chromium")
        pytest.skip(f"{CHROMIUM} not installed (apt-get install chromium)")
    root = app_root
    port = _free_port()
    env = {**os.environ, settings.ROOT_ENV_VAR: str(root)}
    log = open(root / "streamlit.log", "w")  # noqa: SIM115 - open for the server's lifetime
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "streamlit",
            "run",
            str(ROOT / "app.py"),
            "--server.port",
            str(port),
            "--server.headless",
            "true",
            "--browser.gatherUsageStats",
            "false",
        ],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 90
    while True:
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                if response.status == 200:
                    break
        except OSError:
            pass
        if server.poll() is not None or time.monotonic() > deadline:
            server.kill()
            pytest.fail("streamlit did not start:\n" + (root / "streamlit.log").read_text())
        time.sleep(0.5)
    yield url
    server.terminate()
    server.wait(timeout=20)
    log.close()


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM),
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        )
        yield browser
        browser.close()


class PageRecorder:
    """The page plus what it did: requests to other hosts, script errors, dialogs."""

    def __init__(self, page) -> None:
        self.page = page
        self.external_requests: list[str] = []
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        page.on("request", self._on_request)
        page.on("pageerror", lambda exc: self.errors.append(str(exc)))
        page.on("dialog", self._on_dialog)

    def _on_request(self, request) -> None:
        host = urlparse(request.url).hostname or ""
        if request.url.startswith(("http:", "https:", "ws:", "wss:")) and host not in LOCAL_HOSTS:
            self.external_requests.append(request.url)

    def _on_dialog(self, dialog) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()


@pytest.fixture
def page(browser, request: pytest.FixtureRequest) -> Iterator[PageRecorder]:
    context = browser.new_context(viewport={"width": 1400, "height": 1100})
    # Nothing may leave the machine: any request to another host fails (and is recorded).
    context.route(
        "**/*",
        lambda route: (
            route.abort()
            if (urlparse(route.request.url).hostname or "") not in LOCAL_HOSTS
            and route.request.url.startswith("http")
            else route.continue_()
        ),
    )
    recorder = PageRecorder(context.new_page())
    yield recorder
    ARTIFACTS.mkdir(exist_ok=True)
    recorder.page.screenshot(path=str(ARTIFACTS / f"{request.node.name}.png"), full_page=True)
    context.close()
