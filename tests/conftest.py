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
    from goodloop.services import accounts

    return accounts.local_account()


@pytest.fixture
def demo(account):
    """The demo network, loaded into the local account (deterministic)."""
    from goodloop.services import demo as demo_service

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
