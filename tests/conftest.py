"""Shared fixtures: a fresh local account, and the demo network from the one fixture builder."""

import os

import pytest

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")  # Playwright's sync API in pytest-django


def pytest_collection_modifyitems(config, items):
    for item in items:
        if "tests/browser/" in str(item.fspath).replace(os.sep, "/"):
            item.add_marker(pytest.mark.browser)


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


_skipped_required: list[str] = []


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
