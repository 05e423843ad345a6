"""CI's PostgreSQL pass leaves out only the tests that reach nothing on a database that a test it
keeps does not reach too (tests/conftest.py, engine_free).

Collected in a subprocess with GOODLOOP_TEST_ENGINE_PASS=1: the pure rules, the audits of a
rendered page (marked page_audit: axe here), the browser journeys but one and a test marked
sqlite_pass (schemathesis with random ids) are left out; a test
using the database, the journey marked engine_journey (live server) and a safety test on a store of
its own are kept, and nothing is reported as skipped (a skip would fail CI, a deselection does not).
"""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RANDOM_IDS = "tests/security/test_api_schemathesis.py::test_api_conforms_to_its_schema_and_never_fails"
LEFT_OUT = ("tests/core/test_words.py::", "tests/browser/test_accessibility_axe.py::",
            "tests/browser/test_today_snooze.py::", RANDOM_IDS)
FILES = ["tests/core/test_words.py", "tests/browser/test_accessibility_axe.py", "tests/browser/test_today_snooze.py",
         RANDOM_IDS, "tests/web/test_today.py", "tests/browser/test_eight_week_first_week.py", "tests/safety/test_backup.py"]


def _collected(**env) -> list[str]:
    full = {**os.environ, **env}
    done = subprocess.run([sys.executable, "-m", "pytest", "-o", "addopts=", "-p", "no:cacheprovider",
                           "--collect-only", "-q", *FILES], cwd=ROOT, env=full, capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr
    return [line for line in done.stdout.splitlines() if "::" in line]


def test_the_engine_pass_keeps_every_test_the_engine_can_change():
    everything = _collected(GOODLOOP_TEST_ENGINE_PASS="")
    kept = _collected(GOODLOOP_TEST_ENGINE_PASS="1")
    left_out = sorted(set(everything) - set(kept))
    assert left_out and all(t.startswith(LEFT_OUT) for t in left_out), left_out
    for prefix in LEFT_OUT:
        assert any(t.startswith(prefix) for t in left_out) and not any(t.startswith(prefix) for t in kept), prefix
    for file in FILES[4:]:  # the database, a live server, a store of the test's own
        assert sum(t.startswith(file) for t in kept) == sum(t.startswith(file) for t in everything) > 0, file
