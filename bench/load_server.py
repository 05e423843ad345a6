"""The server side of the load test (bench/load.py): a PostgreSQL database of its own, an account
with a token and the synthetic network, `goodloop serve --server` on a loopback port, and the
CPU its workers and database backends use. Everything it creates is removed by Server.stop().
"""

import http.client
import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
HOST = "127.0.0.1"  # loopback only
EMAIL = "load@example.org"
GOODLOOP = [sys.executable, "-c", "from goodloop.cli.main import entry; entry()"]
REQUEST_TIMEOUT = 30


# ------------------------------------------------------------------ the server under test

def _free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


def _pg(admin_url: str, sql: str) -> None:
    import psycopg

    with psycopg.connect(admin_url, autocommit=True) as db:
        db.execute(sql)


def _with_db(admin_url: str, name: str) -> str:
    parts = urlsplit(admin_url)
    if parts.hostname not in ("127.0.0.1", "localhost", "::1"):
        raise SystemExit(f"the load test runs on loopback only, not {parts.hostname}")
    return urlunsplit((parts.scheme, parts.netloc, "/" + name, "", ""))


def _cli(env: dict, *args: str, stdin: str | None = None) -> str:
    done = subprocess.run([*GOODLOOP, *args], env=env, input=stdin, capture_output=True, text=True, timeout=600,
                          cwd=ROOT)
    if done.returncode != 0:
        raise RuntimeError(f"`goodloop {' '.join(args)}` failed: {done.stderr.strip()[:500]}")
    return done.stdout


def build_network(email: str, people: int) -> None:
    """In a subprocess whose environment names the store: fill the account, print the URLs."""
    from goodloop import bootstrap

    bootstrap.setup()
    from bench import network, pages_bench
    from bench.benchmark import sizes_for
    from goodloop.accounts import account as accounts

    account = accounts.by_email(email)
    network.build(account, **sizes_for(people))
    from django.db import connection

    with connection.cursor() as cursor:  # fresh planner statistics, as autovacuum keeps on a live server
        cursor.execute("ANALYZE")
    print(json.dumps(pages_bench.urls(account)))


class Server:
    """A PostgreSQL database, a home, an account with a token and a network, and
    `goodloop serve --server --workers N` on a loopback port: all removed by stop()."""

    def __init__(self, admin_url: str, people: int, workers: int, log=print):
        self.admin_url, self.people, self.workers, self.log = admin_url, people, workers, log
        self.name = f"goodloop_load_{os.getpid()}_{secrets.token_hex(3)}"
        self.home = Path(tempfile.mkdtemp(prefix="goodloop-load-"))
        self.port = _free_port()
        self.password = secrets.token_urlsafe(18)
        self.proc = None
        self.created = False
        self.env = {k: v for k, v in os.environ.items() if not k.startswith(("GOODLOOP_", "DJANGO_"))}
        self.env.update(GOODLOOP_HOME=str(self.home), GOODLOOP_DATABASE_URL=_with_db(admin_url, self.name),
                        GOODLOOP_SERVER_MODE="1", GOODLOOP_SECRET_KEY=secrets.token_urlsafe(48),
                        GOODLOOP_ALLOWED_HOSTS=HOST)

    def start(self) -> None:
        _pg(self.admin_url, f'CREATE DATABASE "{self.name}"')
        self.created = True
        self.log(f"account and token for {EMAIL} …")
        _cli(self.env, "account", "add", EMAIL, "--password-stdin", stdin=self.password + "\n")
        self.token = _cli(self.env, "token", "create", "--account", EMAIL, "--name", "load test").strip()
        self.log(f"loading a {self.people:,}-person network into PostgreSQL …")
        t = time.perf_counter()
        done = subprocess.run([sys.executable, str(Path(__file__).with_name("load.py")), "--build-network", str(self.people)],
                              env=self.env, capture_output=True, text=True, timeout=1800, cwd=ROOT)
        if done.returncode != 0:
            raise RuntimeError(f"building the network failed: {done.stderr.strip()[-800:]}")
        self.urls = [tuple(u) for u in json.loads(done.stdout.strip().splitlines()[-1])]
        self.log(f"built in {time.perf_counter() - t:.1f} s; starting gunicorn ({self.workers} workers) "
                 f"on {HOST}:{self.port} …")
        self.server_log = open(self.home / "server.log", "wb")  # noqa: SIM115 — closed in stop()
        self.proc = subprocess.Popen([*GOODLOOP, "serve", "--server", "--workers", str(self.workers),
                                      "--host", HOST, "--port", str(self.port)], env=self.env, cwd=ROOT,
                                     stdout=self.server_log, stderr=subprocess.STDOUT, start_new_session=True)
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"the server stopped: {(self.home / 'server.log').read_text()[-800:]}")
            try:
                if request("GET", self.port, "/accounts/login/")[0] == 200:
                    return
            except OSError:
                pass
            time.sleep(0.25)
        raise RuntimeError("the server did not answer within 90 s")

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            try:
                os.killpg(self.proc.pid, signal.SIGTERM)  # gunicorn's master and its workers: our own group
                self.proc.wait(timeout=30)
            except (ProcessLookupError, subprocess.TimeoutExpired):
                try:
                    os.killpg(self.proc.pid, signal.SIGKILL)
                except ProcessLookupError:
                    pass
                self.proc.wait(timeout=10)
        if getattr(self, "server_log", None):
            self.server_log.close()
        if self.created:
            _pg(self.admin_url, f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)')
        shutil.rmtree(self.home, ignore_errors=True)


def _cpu_seconds(pid: int) -> float:
    """utime + stime of a process on this machine (Linux /proc), 0 if it cannot be read."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError):
        return 0.0


def _children(pid: int) -> list[int]:
    try:
        return [int(c) for c in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except (OSError, ValueError):
        return []


class CpuMeter:
    """CPU used during the run by the server's workers, our database's backends and this process."""

    def __init__(self, server: "Server"):
        self.server = server
        self.start = self._sample()
        self.client_start = time.process_time()

    def _sample(self) -> dict:
        workers = {pid: _cpu_seconds(pid) for pid in _children(self.server.proc.pid)}
        backends = {}
        try:
            import psycopg

            with psycopg.connect(self.server.admin_url, autocommit=True) as db:
                rows = db.execute("SELECT pid FROM pg_stat_activity WHERE datname = %s AND pid <> pg_backend_pid()",
                                  [self.server.name]).fetchall()
            backends = {pid: _cpu_seconds(pid) for (pid,) in rows}
        except Exception:  # noqa: BLE001 - a figure we can do without
            pass
        return {"workers": workers, "backends": backends}

    def stop(self, result) -> None:
        """Write the CPU used since start into `result` (a load.Result)."""
        end = self._sample()
        for key, attr in (("workers", "server_cpu"), ("backends", "db_cpu")):
            setattr(result, attr, sum(max(0.0, cpu - self.start[key].get(pid, 0.0)) for pid, cpu in end[key].items()))
        result.client_cpu = time.process_time() - self.client_start


def request(method: str, port: int, path: str, headers: dict | None = None, body: bytes | None = None):
    """One request on a fresh loopback connection: (status, headers, body)."""
    conn = http.client.HTTPConnection(HOST, port, timeout=REQUEST_TIMEOUT)
    try:
        conn.request(method, path, body=body, headers=headers or {})
        response = conn.getresponse()
        return response.status, response.getheaders(), response.read()
    finally:
        conn.close()
