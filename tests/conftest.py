"""Shared fixtures: a fresh local account, and the demo network from the one fixture builder."""

import os

import pytest

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")  # Playwright's sync API in pytest-django


# Fixtures that open the test database (or, for `store` and `make_store`, a store of the test's own on
# the engine under test).
DATABASE_FIXTURES = ("db", "transactional_db", "django_db_reset_sequences", "django_db_serialized_rollback",
                     "django_db_setup", "live_server", "store", "make_store")


def uses_database(item) -> bool:
    """Whether a test can reach the database under test: pytest-django refuses every other one."""
    return (item.get_closest_marker("django_db") is not None or item.get_closest_marker("postgres") is not None
            or any(name in item.fixturenames for name in DATABASE_FIXTURES))


def engine_free(item) -> bool:
    """Whether a test's answer cannot depend on the database engine: it opens no database; it
    audits the page a browser renders (axe, layout widths, the CSP, markup staying text), which
    the same templates make from the same demo network on either engine; or it is a browser
    journey, whose clicks reach views that tests/web and tests/api run on both engines (each
    write, its errors and its query count), the browser adding what no engine changes (scripts,
    htmx swaps, focus). One journey (marked engine_journey) still runs on both: the live server's
    committed writes, from its own thread, on PostgreSQL too. A test marked sqlite_pass reaches
    nothing on a database that a test kept in both passes does not (the reason is next to the mark)."""
    if item.get_closest_marker("engine_journey") is not None:
        return False
    return (not uses_database(item) or item.get_closest_marker("page_audit") is not None
            or item.get_closest_marker("sqlite_pass") is not None or item.get_closest_marker("browser") is not None)


# Where tests take seconds each (a browser, subprocesses, thousands of requests): run first, so that
# under xdist no worker is left alone with one of them at the end while the others wait.
HEAVY_FIRST = ("tests/browser/", "tests/security/", "tests/safety/", "tests/test_readme.py")


def _path(item) -> str:
    return str(item.fspath).replace(os.sep, "/")


def pytest_collection_modifyitems(config, items):
    for item in items:
        if "tests/browser/" in _path(item):
            item.add_marker(pytest.mark.browser)
    # Stable and the same in every xdist worker (they must collect one order).
    items.sort(key=lambda item: not any(part in _path(item) for part in HEAVY_FIRST))
    if os.environ.get("GOODLOOP_TEST_ENGINE_PASS", "").lower() in ("1", "true", "yes"):
        # CI's second pass (.ci/run, on PostgreSQL) runs what the engine can change; the first
        # pass (SQLite) has just run the rest.
        kept = [item for item in items if not engine_free(item)]
        left = [item for item in items if engine_free(item)]
        if left:
            config.hook.pytest_deselected(items=left)
            items[:] = kept
            _left_out.append(len(left))


@pytest.fixture
def account(db):
    from goodloop.accounts import account as accounts

    return accounts.local_account()


@pytest.fixture
def demo(account):
    """The demo network, loaded into the local account (deterministic)."""
    from goodloop.demo import load as demo_service

    demo_service.load_demo(account)
    return account


@pytest.fixture
def cli(db, capsys):
    """Run `goodloop ARGS` in-process on the test database; returns (exit code, stdout, stderr)."""
    from goodloop.cli.main import run

    def invoke(*args: str):
        capsys.readouterr()
        code = run([str(a) for a in args])
        out, err = capsys.readouterr()
        return code, out, err

    return invoke


def _database_line() -> str:
    from django.conf import settings

    return f"goodloop test database: {settings.DATABASES['default']['ENGINE'].rsplit('.', 1)[-1]}"


def pytest_report_header(config):
    return _database_line()


def pytest_terminal_summary(terminalreporter):
    # Printed even under -q: .ci/run checks that its PostgreSQL pass really ran on PostgreSQL.
    terminalreporter.write_line(_database_line())
    if _left_out:
        terminalreporter.write_line(f"GOODLOOP_TEST_ENGINE_PASS: {_left_out[0]} tests left out, which the SQLite "
                                    "pass runs (tests/conftest.py, engine_free, says which and why)")


_skipped_required: list[str] = []
_left_out: list[int] = []


def pytest_runtest_logreport(report):
    # Under CI a skipped browser or PostgreSQL test is a failure: green must mean tested.
    if report.skipped and os.environ.get("CI", "").lower() == "true":
        keywords = report.keywords
        if "browser" in keywords or "postgres" in keywords:
            _skipped_required.append(report.nodeid)


def pytest_sessionfinish(session, exitstatus):
    if _skipped_required:
        print(f"\nCI: {len(_skipped_required)} browser/PostgreSQL test(s) were skipped: "
              + ", ".join(_skipped_required[:5]))
        session.exitstatus = 1
