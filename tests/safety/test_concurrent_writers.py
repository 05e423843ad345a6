"""Concurrent writers never lose a write nor surface "database is locked" (issue 6, item 5).

Four processes write to the same store at once, 50 writes each (a new person and an
interaction with them): two through the services, two through the whole Django request
stack (POST /api/people and /api/interactions with a bearer token), as web workers do.
Every write must succeed and every row must be there at the end. A second test starts
the processes at once on a store that does not exist yet: the first start-up (schema
creation, the local account) must not race either.
"""

import json
import subprocess
import sys
import time

import pytest

from .conftest import BACKENDS, ROOT, Store

WORKERS, WRITES = 4, 50
WRITER = [sys.executable, str(ROOT / "tests" / "safety" / "writer.py")]


def _run_writers(store: Store, writes: int = WRITES, delay: float = 4.0) -> list[dict]:
    start_at = time.time() + delay  # every worker has opened the store by then, then all write at once
    procs = [subprocess.Popen([*WRITER, str(w), str(writes), "api" if w % 2 else "services", str(start_at)],
                              env=store.env(), cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for w in range(WORKERS)]
    results = []
    for p in procs:
        out, err = p.communicate(timeout=120)
        lines = [line for line in out.splitlines() if line.startswith("{")]
        assert lines, f"a writer died (rc {p.returncode}): {err.strip()[-800:]}"
        results.append({**json.loads(lines[-1]), "rc": p.returncode, "stderr": err})
    return results


def _check(store: Store, before: dict, results: list[dict]) -> None:
    errors = [e for r in results for e in r["errors"]]
    assert not errors, f"{len(errors)} failed writes, e.g. {errors[:3]}"
    assert not any("locked" in r["stderr"].lower() for r in results)
    assert [r["ok"] for r in results] == [WRITES] * WORKERS
    after = store.counts()
    assert after["people"] - before["people"] == WORKERS * WRITES
    assert after["interactions"] - before["interactions"] == WORKERS * WRITES
    names = store.query("SELECT COUNT(DISTINCT display_name) FROM network_person WHERE display_name LIKE 'Writer%'")
    assert names[0][0] == WORKERS * WRITES
    assert store.integrity() == "ok"


@pytest.mark.parametrize("engine", BACKENDS)
def test_concurrent_writers_lose_nothing(engine, make_store):
    store = make_store(engine, "writers", created=True)  # created before the writers start
    before = store.counts()
    _check(store, before, _run_writers(store))


@pytest.mark.parametrize("engine", BACKENDS)
def test_concurrent_first_start_on_a_new_store(engine, make_store):
    store = make_store(engine, "first")  # nothing created yet: every worker races to create it
    results = _run_writers(store, writes=10, delay=0.0)
    errors = [e for r in results for e in r["errors"]] + [r["stderr"].strip()[-300:] for r in results if r["rc"]]
    assert not errors, errors
    assert store.query("SELECT COUNT(*) FROM accounts_account WHERE is_local = ?", (True,))[0][0] == 1
    assert store.counts()["people"] == 1 + WORKERS * 10  # "me" and every write
