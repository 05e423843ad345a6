"""Private files (issue 17, item 9): the SQLite store, exports and backups are readable by their
owner only (0600; they were 0644 while the secret key beside them was 0600); a backup holds no
API token hashes, sessions or kept uploads, so restoring it elsewhere brings no credential back."""

import json
import sqlite3
import stat

import pytest

from .conftest import Store


def _mode(path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def sqlite_store(tmp_path) -> Store:
    """A SQLite store of the test's own (file modes are the SQLite store's question; named so that
    CI's PostgreSQL pass, which runs what the engine can change, leaves these tests out)."""
    home = tmp_path / "home"
    home.mkdir()
    s = Store(home=home, engine="sqlite")
    s.run("person", "add", "Ada Lovelace", "--email", "ada@example.org")
    return s


def test_the_store_is_private_and_an_old_store_is_tightened(sqlite_store):
    assert _mode(sqlite_store.path) == 0o600
    for extra in ("-wal", "-shm"):
        side = sqlite_store.path.with_name(sqlite_store.path.name + extra)
        if side.exists():
            assert _mode(side) == 0o600
    sqlite_store.path.chmod(0o644)  # as an older goodloop made it
    sqlite_store.run("people")
    assert _mode(sqlite_store.path) == 0o600


def test_exports_are_private_and_a_failed_export_leaves_no_file(sqlite_store, tmp_path):
    for kind in ("vcard", "csv", "json", "ics"):
        out = tmp_path / f"out.{kind}"
        sqlite_store.run("export", kind, "-o", out)
        assert _mode(out) == 0o600 and out.stat().st_size > 0
    existing = tmp_path / "old.csv"
    existing.write_text("old")
    existing.chmod(0o644)
    sqlite_store.run("export", "csv", "-o", existing)
    assert _mode(existing) == 0o600 and "Ada,,Lovelace," in existing.read_text()  # Google layout: first, middle, last
    done = sqlite_store.run("export", "csv", "-o", tmp_path / "missing" / "x.csv", check=False)
    assert done.returncode == 1 and "cannot write" in done.stderr
    assert not (tmp_path / "missing").exists()
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".partial")]


def test_a_sqlite_backup_is_private_and_holds_no_token(sqlite_store, tmp_path):
    clear = sqlite_store.run("token", "create", "--name", "laptop").stdout.strip()
    assert clear.startswith("gl_")
    assert sqlite_store.query("SELECT COUNT(*) FROM accounts_apitoken")[0][0] == 1
    copy = tmp_path / "copy.sqlite3"
    sqlite_store.run("backup", "-o", copy)
    assert _mode(copy) == 0o600
    db = sqlite3.connect(copy)
    try:
        assert db.execute("SELECT COUNT(*) FROM accounts_apitoken").fetchone()[0] == 0
        assert db.execute("SELECT COUNT(*) FROM network_person WHERE display_name = 'Ada Lovelace'").fetchone()[0]
    finally:
        db.close()
    assert clear[3:].encode() not in copy.read_bytes()
    default = sqlite_store.run("backup", "--json")
    written = json.loads(default.stdout)["path"]
    assert _mode(type(copy)(written)) == 0o600 and _mode(type(copy)(written).parent) == 0o700


def test_a_json_backup_holds_no_token_and_restoring_an_old_one_brings_none_back(db, account, tmp_path):
    from goodloop.accounts import tokens
    from goodloop.accounts.models import Account, ApiToken
    from goodloop.network import people
    from goodloop.network.models import ImportJob
    from goodloop.transfer import backup, calendar_feed

    people.add_person(account, "Ada Lovelace")
    _, clear = tokens.create(account, "laptop")
    feed = calendar_feed.feed_token(account)
    ImportJob.objects.create(account=account, status=ImportJob.FAILED, filename="kept.csv", data=b"secret,upload")
    data = backup.dump(account)
    doc = json.loads(data)
    assert "accounts.apitoken" not in doc["tables"] and "helploop.calendarfeed" not in doc["tables"]
    assert "data" not in doc["tables"]["network.importjob"]["fields"] and b"secret,upload" not in data
    # a backup made before this change held the token's hash: restoring it brings no token back
    token = ApiToken.objects.get()
    doc["tables"]["accounts.apitoken"] = {"fields": ["id", "name", "prefix", "token_hash"],
                                          "rows": [[token.id, token.name, token.prefix, token.token_hash]]}
    account.delete()  # restored "elsewhere": the same ids, into an empty store
    target = Account.objects.create(name="restored")
    counts = backup.restore(target, json.dumps(doc).encode())
    assert counts["persons"] >= 1 and counts["import jobs"] == 1, counts
    assert ApiToken.objects.count() == 0
    assert tokens.authenticate(clear) is None and calendar_feed.account_for(feed) is None
