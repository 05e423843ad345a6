"""Browser tests: Playwright's sync API driving Debian's Chromium, never a downloaded browser.

Under CI=true they must run (a skip fails the run, see tests/conftest.py); locally they are
left out only when chromium is not installed.

One Chromium process serves all the browser tests of a pytest process (each xdist worker has its
own), started on first use: launching one for each test cost about half a second and 0.3-0.7 s of
CPU more than connecting to one already running. One Playwright (`sync_playwright()`, a Node
driver process: 0.6 s of CPU and 0.9 s to start) serves the tests of one module, and ends with it:
while it runs, its event loop is the thread's running loop, which Django's async_to_sync refuses
to share, so it must not outlive the browser modules into the tests after them. Each test gets its
own connection to the Chromium over CDP and its own browser contexts, closed when it ends.
"""

import atexit
import collections
import os
import re
import shutil
import signal
import subprocess
import tempfile
import threading
import time

import pytest

CHROMIUM = shutil.which("chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync"]
SHOTS = os.environ.get("GOODLOOP_SCREENSHOTS", "/tmp")

# What Playwright's `chromium.launch(headless=True)` adds to ARGS (playwright 1.65, read from the
# command line it starts; switches for Edge, Windows and macOS left out). Connecting over CDP
# adds none, so the shared Chromium gets them here and renders as a launched one did: no
# scrollbars (layout widths, screenshots), sRGB colours (pixels read back), no back-forward
# cache (go_back loads the page again), no throttled timers, no extensions from Debian's wrapper.
PLAYWRIGHT_SWITCHES = [
    "--headless", "--hide-scrollbars", "--mute-audio",
    "--blink-settings=primaryHoverType=2,availableHoverTypes=2,primaryPointerType=4,availablePointerTypes=4",
    "--disable-field-trial-config", "--disable-background-timer-throttling",
    "--disable-backgrounding-occluded-windows", "--disable-back-forward-cache", "--disable-breakpad",
    "--disable-component-extensions-with-background-pages", "--no-default-browser-check",
    "--disable-default-apps", "--disable-dev-shm-usage", "--disable-extensions",
    "--disable-features=AvoidUnnecessaryBeforeUnloadCheckSync,DestroyProfileOnBrowserClose,HttpsUpgrades,"
    "HttpsFirstBalancedModeAutoEnable,LensOverlay,MediaRouter,PaintHolding,ThirdPartyStoragePartitioning,"
    "AvoidCorsURLLoaderRestartOnRedirect,OptimizationHints,NetworkTimeServiceQuerying,AimEnabled,"
    "PreconnectToSearch",
    "--enable-features=CDPScreenshotNewSurface,SkipListAccountsWithoutGaiaCookies",
    "--allow-pre-commit-input", "--disable-hang-monitor", "--disable-ipc-flooding-protection",
    "--disable-popup-blocking", "--disable-prompt-on-repost", "--disable-renderer-backgrounding",
    "--force-color-profile=srgb", "--metrics-recording-only", "--no-first-run", "--password-store=basic",
    "--no-service-autorun", "--disable-search-engine-choice-screen",
    "--unsafely-disable-devtools-self-xss-warnings", "--enable-unsafe-swiftshader", "--disable-stack-profiler",
    "--disable-infobars",
]
STARTUP_TIMEOUT = 30.0  # seconds for Chromium to print its DevTools address
LISTENING = re.compile(r"DevTools listening on (ws://\S+)")

if not CHROMIUM and os.environ.get("CI") != "true":
    collect_ignore_glob = ["test_*.py"]


class SharedChromium:
    """A headless Chromium process with its DevTools endpoint, started when first asked for.

    Started by us rather than by Playwright: a browser Playwright launches dies with its
    `sync_playwright()`, and one Playwright for the whole session is not possible (its event loop
    would stay in the thread, and Django's async_to_sync refuses to run there).
    """

    def __init__(self):
        self.process = None
        self.profile = None
        self.ws_url = None

    def endpoint(self) -> str:
        """The DevTools WebSocket address, after (re)starting Chromium if it is not running."""
        if self.process is None or self.process.poll() is not None:
            self.stop()  # a Chromium that died: reap it and drop its profile before the next
            self._start()
        return self.ws_url

    def _start(self) -> None:
        self.profile = tempfile.mkdtemp(prefix="goodloop-chromium-")
        # Its own session (process group), so that stop() can reach every process it forks.
        self.process = process = subprocess.Popen(
            [CHROMIUM, *PLAYWRIGHT_SWITCHES, "--remote-debugging-port=0", f"--user-data-dir={self.profile}", *ARGS,
             "about:blank"],
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True)
        tail = collections.deque(maxlen=40)  # its last lines, for the error if it never listens
        found = []
        listening = threading.Event()

        def read_stderr():
            # Reads until Chromium exits: a pipe nobody drains fills up and blocks Chromium's logging.
            for raw in process.stderr:
                line = raw.decode(errors="replace").rstrip()
                tail.append(line)
                if not found and (match := LISTENING.search(line)):
                    found.append(match.group(1))
                    listening.set()
            process.stderr.close()

        reader = threading.Thread(target=read_stderr, name="chromium-stderr", daemon=True)
        reader.start()
        deadline = time.monotonic() + STARTUP_TIMEOUT
        while not listening.wait(0.1):
            if process.poll() is not None or time.monotonic() > deadline:
                code = process.poll()
                self.stop()
                reader.join(timeout=2)  # the lines it wrote before it ended
                why = f"it exited with code {code}" if code is not None else f"not within {STARTUP_TIMEOUT:.0f} s"
                raise RuntimeError(f"{CHROMIUM} was to print 'DevTools listening on ws://…', {why}; "
                                   "its last lines on stderr:\n" + "\n".join(tail))
        self.ws_url = found[0]

    def stop(self) -> None:
        """End Chromium (asked first, so it takes its renderers down with it) and remove its profile."""
        process, self.process, self.ws_url = self.process, None, None
        if process is not None:
            if process.poll() is None:
                process.terminate()
                try:
                    process.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    pass
            try:  # whatever is left of its process group (all of it, if it did not end when asked)
                os.killpg(process.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            process.wait()
        if self.profile is not None:
            shutil.rmtree(self.profile, ignore_errors=True)
            self.profile = None


_chromium = SharedChromium()
atexit.register(_chromium.stop)  # also when the session ends without its fixtures' teardown


@pytest.fixture(scope="session")
def chromium():
    """The Chromium process of this pytest process (one per xdist worker), ended with the session."""
    yield _chromium
    _chromium.stop()


@pytest.fixture(scope="module")
def playwright():
    """The Playwright of one test module's browser tests (see the module's docstring)."""
    from django.db import connections
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        yield p
    # ORM calls made while Playwright's event loop ran in this thread got a connection of their own
    # (Django's connections are context-local); closed here, or PostgreSQL's test database could not
    # be dropped at the end of the run ("1 other session").
    connections.close_all()


@pytest.fixture
def browser(chromium, playwright):
    """A headless Chromium for one test: the shared process, reached over a connection of its own.

    Everything a test opens (`browser.new_page()`, `browser.new_context()`) is a new browser
    context, as isolated as an incognito window: no cookies or storage from another test. The
    process's default context (its about:blank window) is never handed to a test and stays open.
    """
    browser = playwright.chromium.connect_over_cdp(chromium.endpoint())
    before = browser.contexts  # the default context only
    try:
        yield browser
    finally:
        try:
            for context in browser.contexts:
                if not any(context is kept for kept in before):
                    context.close()
        finally:
            browser.close()  # over CDP: disconnects, the process goes on


@pytest.fixture
def network(transactional_db, demo):
    """The demo network, committed so the live server's thread sees it."""
    return demo


@pytest.fixture
def page(browser):
    """A laptop-sized page (1366×900) that collects script errors in `page.errors`."""
    page = browser.new_page(viewport={"width": 1366, "height": 900})
    page.set_default_timeout(15_000)
    page.errors = []
    page.on("pageerror", lambda exc: page.errors.append(str(exc)))
    return page
