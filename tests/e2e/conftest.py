"""A real page in Debian's Chromium: the app is served by `streamlit run` on a free port over a
copy of the shipped data, and every request the browser makes is recorded."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlparse

import pytest

from caucasus_map import settings
from caucasus_map.bench_browser import CHROMIUM, CHROMIUM_ARGS, BrowserUnavailable, serve_page

ROOT = settings.PACKAGE_ROOT
ARTIFACTS = ROOT / "test-artifacts"
LOCAL_HOSTS = {"localhost", "127.0.0.1", "[::1]", "::1"}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "tests/e2e" in str(item.fspath):
            item.add_marker(pytest.mark.e2e)


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
    log = open(app_root / "streamlit.log", "w")  # noqa: SIM115 - open for the server's lifetime
    try:
        server, url = serve_page(app_root, log)
    except BrowserUnavailable:
        pytest.fail("streamlit did not start:\n" + (app_root / "streamlit.log").read_text())
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
            args=CHROMIUM_ARGS,
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
