"""The load test of issue 6 (item 7): server mode on PostgreSQL under 50 concurrent clients.

    python bench/load.py [--people 5000] [--clients 50] [--seconds 30] [--max-requests 20000]
                         [--think 3.0] [--workers 4] [--database-url postgresql://postgres@127.0.0.1:5432/postgres]

Loopback only, and it stops by itself: it creates a PostgreSQL database of its own
(dropped at the end), a temporary GOODLOOP_HOME, an account and an API token with the
CLI (`goodloop account add EMAIL --password-stdin`, `goodloop token create --account
EMAIL`), loads the synthetic network (bench/network.py) into that account, and starts
`goodloop serve --server --workers N` (gunicorn) on 127.0.0.1. Then `--clients` threads,
each its own client, request every web page (as a logged-in session) and every API list
endpoint (with the bearer token) in random order for `--seconds` seconds or
`--max-requests` requests, whichever comes first, each pausing a random 0.5x–1.5x
`--think` seconds between requests (as people do: 3 s on average by default; `--think 0`
measures saturation, every client firing its next request as soon as one returns).
The network is loaded in bulk just before the run, so the script runs ANALYZE after it,
as autovacuum would have on a live server.
Every response must be a 200; requests per second, p50/p95/p99 latency (as the client
sees it, connection included) and errors are printed, and registered in
bench/benchmark.py as "load" (`python bench/benchmark.py --only load` writes them into
docs/benchmarks.md). The bar: zero errors and p95 under 300 ms on a 2-core machine.
"""

import argparse
import http.client
import os
import random
import re
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
from bench.load_server import EMAIL, HOST, REQUEST_TIMEOUT, CpuMeter, Server, build_network, request  # noqa: E402

DEFAULT_ADMIN_URL = "postgresql://postgres@127.0.0.1:5432/postgres"
DEFAULT_PEOPLE = 5000
DEFAULT_THINK = 3.0  # seconds a person spends on a page before the next click (uniform 1.5–4.5 s)


@dataclass
class Result:
    clients: int
    seconds: float
    think: float
    workers: int
    people: int
    machine_load: float = 0.0  # the 1-minute load average as the run began (other work on the machine)
    load_after: float = 0.0  # ... and as it ended
    server_cpu: float = 0.0  # CPU seconds the gunicorn workers used during the run (Linux /proc; 0 elsewhere)
    db_cpu: float = 0.0  # ... and our database's PostgreSQL backends, when they run on this machine
    client_cpu: float = 0.0  # ... and this load generator
    samples: list = field(default_factory=list)  # (kind, url, status, seconds)
    errors: list = field(default_factory=list)  # (kind, url, what)

    def latencies(self, kind: str | None = None) -> list[float]:
        return sorted(s[3] for s in self.samples if kind is None or s[0] == kind)

    @property
    def requests(self) -> int:
        return len(self.samples) + len(self.errors)

    @property
    def rate(self) -> float:
        return self.requests / self.seconds if self.seconds else 0.0


def percentile(ordered: list[float], q: float) -> float:
    if not ordered:
        return float("nan")
    return ordered[min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))]


# ------------------------------------------------------------------ the clients

def _cookies(headers) -> dict:
    out = {}
    for name, value in headers:
        if name.lower() == "set-cookie":
            key, _, rest = value.partition("=")
            out[key.strip()] = rest.split(";", 1)[0]
    return out


def login(port: int, email: str, password: str) -> str:
    """Sign in through the login form (CSRF included); returns the Cookie header of the session."""
    status, headers, body = request("GET", port, "/accounts/login/")
    cookies = _cookies(headers)
    token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', body)
    if status != 200 or not token or "csrftoken" not in cookies:
        raise RuntimeError(f"no login form (HTTP {status})")
    form = urlencode({"username": email, "password": password, "csrfmiddlewaretoken": token.group(1).decode()})
    status, headers, _ = request("POST", port, "/accounts/login/", {
        "Content-Type": "application/x-www-form-urlencoded", "Cookie": f"csrftoken={cookies['csrftoken']}",
        "Referer": f"http://{HOST}:{port}/accounts/login/"}, form.encode())
    session = _cookies(headers).get("sessionid")
    if status != 302 or not session:
        raise RuntimeError(f"login failed (HTTP {status})")
    return f"sessionid={session}; csrftoken={cookies['csrftoken']}"


def run_load(port: int, urls: list[tuple[str, str]], cookie: str, token: str, result: Result,
             max_requests: int) -> None:
    """`result.clients` threads until the deadline or the request budget; fills `result`."""
    headers = {"page": {"Cookie": cookie}, "api": {"Authorization": f"Bearer {token}"}}
    lock = threading.Lock()
    budget = [max_requests]
    start = time.monotonic()
    deadline = start + result.seconds

    def client(n: int) -> None:
        rng = random.Random(n)
        time.sleep(rng.uniform(0, result.think))  # clients arrive spread out, as people do
        while time.monotonic() < deadline:
            with lock:
                if budget[0] <= 0:
                    return
                budget[0] -= 1
            kind, url = rng.choice(urls)
            t = time.perf_counter()
            try:
                status, _, _ = request("GET", port, url, headers[kind])
                elapsed = time.perf_counter() - t
                with lock:
                    if status == 200:
                        result.samples.append((kind, url, status, elapsed))
                    else:
                        result.errors.append((kind, url, f"HTTP {status}"))
            except (OSError, http.client.HTTPException) as exc:
                with lock:
                    result.errors.append((kind, url, f"{type(exc).__name__}: {exc}"))
            if result.think:
                time.sleep(rng.uniform(0.5, 1.5) * result.think)

    threads = [threading.Thread(target=client, args=(n,), daemon=True) for n in range(result.clients)]
    for th in threads:
        th.start()
    for th in threads:
        th.join(timeout=result.seconds + REQUEST_TIMEOUT + 5)
    result.seconds = time.monotonic() - start


def measure(people: int = DEFAULT_PEOPLE, clients: int = 50, seconds: float = 30.0, max_requests: int = 20000,
            think: float = DEFAULT_THINK, workers: int = 4, admin_url: str = DEFAULT_ADMIN_URL, log=print) -> Result:
    """The whole load test: set up, run, tear down; returns the samples."""
    server = Server(admin_url, people, workers, log)
    try:
        server.start()
        cookie = login(server.port, EMAIL, server.password)
        log(f"warming up ({len(server.urls)} URLs) …")
        for kind, url in server.urls:  # every URL answers, and each worker has imported its code
            for _ in range(workers):
                extra = {"Cookie": cookie} if kind == "page" else {"Authorization": f"Bearer {server.token}"}
                status = request("GET", server.port, url, extra)[0]
                if status != 200:
                    raise RuntimeError(f"GET {url} answered HTTP {status} before the load")
        result = Result(clients=clients, seconds=seconds, think=think, workers=workers, people=people,
                        machine_load=os.getloadavg()[0])
        log(f"{clients} clients for {seconds:.0f} s (at most {max_requests:,} requests, think {think} s) …")
        meter = CpuMeter(server)
        run_load(server.port, server.urls, cookie, server.token, result, max_requests)
        meter.stop(result)
        result.load_after = os.getloadavg()[0]
        return result
    except Exception:
        log_file = server.home / "server.log"
        if log_file.exists():  # the server's own account of a failure, before its home is removed
            log("server log (last lines):\n" + "\n".join(log_file.read_text(errors="replace").splitlines()[-40:]))
        raise
    finally:
        server.stop()


def summary(result: Result) -> list[tuple[str, float, float, float, int]]:
    """(label, p50, p95, p99, count) overall, for pages and for the API."""
    rows = []
    for label, kind in (("all", None), ("pages", "page"), ("API", "api")):
        lat = result.latencies(kind)
        rows.append((label, percentile(lat, 0.5), percentile(lat, 0.95), percentile(lat, 0.99), len(lat)))
    return rows


def report(result: Result) -> str:
    lines = [f"{result.requests:,} requests in {result.seconds:.1f} s = {result.rate:.1f} requests/s; "
             f"{len(result.errors)} errors; {result.clients} clients, think {result.think} s, "
             f"{result.workers} gunicorn workers, {result.people:,} people; load average {result.machine_load:.1f} "
             f"before the run, {result.load_after:.1f} after"]
    if result.requests and result.server_cpu:
        per = 1000 / result.requests
        lines.append(f"  CPU per request: {result.server_cpu * per:.1f} ms in gunicorn's workers, "
                     f"{result.db_cpu * per:.1f} ms in PostgreSQL, {result.client_cpu * per:.1f} ms in this load "
                     f"generator ({result.server_cpu + result.db_cpu + result.client_cpu:.1f} s of "
                     f"{result.seconds:.0f} s on {os.cpu_count()} cores)")
    for label, p50, p95, p99, n in summary(result):
        lines.append(f"  {label:6} n={n:6,}  p50 {p50 * 1000:7.1f} ms  p95 {p95 * 1000:7.1f} ms  "
                     f"p99 {p99 * 1000:7.1f} ms")
    by_url: dict[str, list[float]] = {}
    for _, url, _, s in result.samples:
        by_url.setdefault(url, []).append(s)
    slow = sorted(((percentile(sorted(v), 0.95), u) for u, v in by_url.items()), reverse=True)[:5]
    lines.append("  slowest p95: " + ", ".join(f"{u} {p * 1000:.0f} ms" for p, u in slow))
    for kind, url, what in result.errors[:10]:
        lines.append(f"  error: {kind} {url}: {what}")
    return "\n".join(lines)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description="goodloop load test: server mode on PostgreSQL, loopback only")
    parser.add_argument("--people", type=int, default=DEFAULT_PEOPLE, help="network size (the rest scales with it)")
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=30.0, help="how long the load runs (at most 600)")
    parser.add_argument("--max-requests", type=int, default=20000, help="stop after this many requests")
    parser.add_argument("--think", type=float, default=DEFAULT_THINK, help="mean pause between a client's requests (s)")
    parser.add_argument("--workers", type=int, default=4, help="gunicorn worker processes")
    parser.add_argument("--database-url", default=DEFAULT_ADMIN_URL,
                        help="a loopback PostgreSQL server (its database is only used to create and drop ours)")
    parser.add_argument("--build-network", type=int, help=argparse.SUPPRESS)  # internal: the network step
    args = parser.parse_args(argv)
    if args.build_network:
        build_network(EMAIL, args.build_network)
        return 0
    seconds = min(max(args.seconds, 1.0), 600.0)
    result = measure(args.people, args.clients, seconds, min(args.max_requests, 1_000_000), args.think,
                     args.workers, args.database_url, log=lambda m: print(m, file=sys.stderr))
    print(report(result))
    p95 = summary(result)[0][2]
    return 0 if not result.errors and p95 < 0.3 else 1


if __name__ == "__main__":
    sys.exit(main())
