"""`goodloop backup` copies a live store; `goodloop restore` round-trips it (issue 6, item 5).

SQLite: the online backup API makes a single-file copy while other processes write; each
copy passes PRAGMA integrity_check and opens in goodloop. PostgreSQL: the JSON export
read from one snapshot while others write; it restores cleanly into a new store (a dump
mixing two moments would break its foreign keys). In both, a quiet store's backup,
restored into a new store, exports byte for byte the same as the original.
"""

import json
import sqlite3
import subprocess
from pathlib import Path

import pytest

from .conftest import BACKENDS, ROOT, Store
from .test_concurrent_writers import WRITER


def _export(store: Store, path) -> bytes:
    store.run("export", "json", "-o", path)
    return path.read_bytes()


@pytest.mark.parametrize("engine", BACKENDS)
def test_backup_of_a_live_store_while_another_process_writes(engine, make_store, tmp_path):
    store = make_store(engine, "live", created=True)  # the writers fill it while the backups run
    before = store.counts()
    writers = [subprocess.Popen([*WRITER, str(w), "60", "services", "0"], env=store.env(), cwd=ROOT,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for w in range(2)]
    copies = []
    try:
        for i in range(2):
            done = store.run("backup", "-o", tmp_path / f"copy-{i}", "--json")
            copies.append(json.loads(done.stdout))
    finally:
        outcomes = [w.communicate(timeout=120) for w in writers]
    assert all(w.returncode == 0 for w in writers), outcomes
    assert store.counts()["people"] == before["people"] + 120

    for copy in copies:
        path = tmp_path / copy["path"].rsplit("/", 1)[-1]
        if engine == "sqlite":
            assert copy["kind"] == "sqlite"
            assert path.read_bytes()[:16] == b"SQLite format 3\x00"
            db = sqlite3.connect(path)
            assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            assert db.execute("PRAGMA journal_mode").fetchone()[0] == "delete"  # one self-contained file
            people = db.execute("SELECT COUNT(*) FROM network_person").fetchone()[0]
            db.close()
        else:
            assert copy["kind"] == "json"
            target = make_store(engine, "restore", created=True)
            done = target.run("restore", path)  # the snapshot's foreign keys all hold
            assert "restored" in done.stdout
            people = target.counts()["people"]
        assert before["people"] <= people <= before["people"] + 120
    if engine == "sqlite":  # goodloop opens the last copy as a store of its own
        opened = Store(home=tmp_path / "opened", engine="sqlite")
        opened.home.mkdir()
        done = opened.run("people", "--json", GOODLOOP_DATABASE_URL=f"sqlite:///{path}")
        assert len(json.loads(done.stdout)) == people - 1  # everyone but "me"


@pytest.mark.parametrize("engine", BACKENDS)
def test_backup_restore_round_trip(engine, make_store, tmp_path):
    source = make_store(engine, "source", created=True)
    source.run("demo")
    done = source.run("backup", "--json")  # the default place: GOODLOOP_HOME/backups/goodloop-DATE-TIME.*
    out = Path(json.loads(done.stdout)["path"])
    assert out.parent == source.home / "backups" and out.name.startswith("goodloop-")
    assert out.suffix == (".sqlite3" if engine == "sqlite" else ".json")
    assert out.exists() and [p.name for p in out.parent.iterdir()] == [out.name]  # no partial file left

    target = make_store(engine, "target", created=True)
    done = target.run("restore", out)
    assert done.stdout.startswith("restored "), done.stdout
    assert target.counts() == source.counts()
    assert _export(target, tmp_path / "after.json") == _export(source, tmp_path / "before.json")

    # the second restore is refused: the store is no longer empty; an existing file is never overwritten
    again = target.run("restore", out, check=False)
    assert again.returncode == 1 and "empty store" in again.stderr
    clash = source.run("backup", "-o", out, check=False)
    assert clash.returncode == 1 and "already exists" in clash.stderr and len(clash.stderr.splitlines()) == 1
