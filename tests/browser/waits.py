"""Waiting for a page to be done: its requests answered and htmx's swaps settled.

Playwright's `wait_for_load_state("networkidle")` waits for 500 ms with no request, on every call:
in a test that sends fifty forms that is half a minute of nothing. `Traffic` counts the page's
requests itself, so `settle()` returns as soon as none is in flight, htmx has no request, swap or
settle under way, and a short quiet has passed (long enough for a request a swap triggers, such
as a panel refreshing after a call is logged, to have started).
"""

import time

QUIET = 0.15  # seconds with nothing in flight; a click's request starts within a few milliseconds
BUSY = "!!document.querySelector('.htmx-request, .htmx-swapping, .htmx-settling')"


class Traffic:
    """The requests of one page, counted from the moment it is watched."""

    def __init__(self, page):
        self.page, self.in_flight, self.last = page, set(), time.monotonic()
        page.on("request", self._started)
        page.on("requestfinished", self._ended)
        page.on("requestfailed", self._ended)

    def _started(self, request):
        self.in_flight.add(request)
        self.last = time.monotonic()

    def _ended(self, request):
        self.in_flight.discard(request)
        self.last = time.monotonic()

    def settle(self, timeout: float = 20.0) -> None:
        """Return once the page has loaded, nothing is in flight, htmx is idle and QUIET has passed."""
        self.last = max(self.last, time.monotonic())  # a click's request may not have been seen yet
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            self.page.wait_for_timeout(25)  # lets Playwright deliver the request events
            if self.in_flight or time.monotonic() - self.last < QUIET:
                continue
            self.page.wait_for_load_state("load")
            try:
                if not self.page.evaluate(BUSY):
                    return
            except Exception as exc:  # noqa: BLE001 — a navigation replaced the page: look again
                if "context was destroyed" not in str(exc) and "navigat" not in str(exc):
                    raise
        raise AssertionError(f"{self.page.url}: still busy after {timeout} s "
                             f"({len(self.in_flight)} requests in flight)")
