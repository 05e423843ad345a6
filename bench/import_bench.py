"""The import benchmark of DESIGN.md section 8: a 30,000-row LinkedIn export.

    python bench/import_bench.py [--rows 30000] [--runs 3]      # print the figures
    python bench/benchmark.py --only import                     # the same, into docs/benchmarks.md

Each run uses a fresh GOODLOOP_HOME whose store is created (migrated) beforehand, so
"into an empty store" means an empty but ready store. Measured, as medians of the runs:
- the whole `goodloop --home H import FILE --json` command (wall time, and the child's
  peak RSS from /usr/bin/time, else getrusage(RUSAGE_CHILDREN));
- the import's own time in-process (`import_file`, parse included; Django set up and the
  file read beforehand) and, in the same process, a plain `sqlite3.executemany` of the
  same rows: the file decoded, read with `csv` and inserted into one 7-column table in
  one transaction (same WAL/synchronous pragmas); the ratio of the two;
- the re-import of the same file into the same store (creates nothing).
"""

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

TIME = "/usr/bin/time"


def _goodloop(*args: str) -> list[str]:
    from bench.commandline import goodloop

    return goodloop(*args)


def run_command(home: Path, path: Path) -> tuple[float, float, dict]:
    """Wall seconds, peak RSS (MB) and the JSON report of one whole import command."""
    cmd = _goodloop("--home", str(home), "import", str(path), "--json")
    use_time = os.path.exists(TIME)
    stats = Path(tempfile.mktemp(prefix="goodloop-time-"))
    if use_time:
        cmd = [TIME, "-f", "%M", "-o", str(stats), *cmd]
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    t = time.perf_counter()
    done = subprocess.run(cmd, capture_output=True, text=True, env={**os.environ, "GOODLOOP_HOME": str(home)})
    wall = time.perf_counter() - t
    if done.returncode != 0:
        raise RuntimeError(f"import failed: {done.stderr.strip()[:300]}")
    if use_time:
        rss_kb = int(stats.read_text().split()[-1])
        stats.unlink()
    else:
        rss_kb = max(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, before)
    return wall, rss_kb / 1024, json.loads(done.stdout)


def fresh_home() -> Path:
    home = Path(tempfile.mkdtemp(prefix="goodloop-import-bench-"))
    subprocess.run(_goodloop("--home", str(home), "people", "--json"), check=True, capture_output=True,
                   env={**os.environ, "GOODLOOP_HOME": str(home)})  # create and migrate the store
    return home


def in_process(path: Path) -> dict:
    """Run in a child: the import's own time vs plain executemany (Django set up first)."""
    home = fresh_home()
    code = f"import json, sys; sys.path.insert(0, {str(ROOT)!r}); from bench.import_bench import _child; " \
           f"print(json.dumps(_child({str(home)!r}, {str(path)!r})))"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    shutil.rmtree(home, ignore_errors=True)
    if done.returncode != 0:
        raise RuntimeError(done.stderr.strip()[-500:])
    return json.loads(done.stdout.strip().splitlines()[-1])


def _child(home: str, path: str) -> dict:
    os.environ["GOODLOOP_HOME"] = home
    os.environ.pop("GOODLOOP_DATABASE_URL", None)
    from goodloop import bootstrap

    bootstrap.setup()
    from goodloop.accounts.account import local_account
    from goodloop.transfer.importer import import_file

    account = local_account()
    data = Path(path).read_bytes()
    baseline = executemany_baseline(data, Path(home) / "plain.sqlite3")
    t = time.perf_counter()
    report = import_file(account, data)
    own = time.perf_counter() - t
    t = time.perf_counter()
    again = import_file(account, data)
    reimport = time.perf_counter() - t
    return {"import": own, "baseline": baseline, "created": report.created, "reimport": reimport,
            "reimport_created": again.created, "reimport_unchanged": again.unchanged}


def floor_in_process(path: Path) -> float:
    """In a child with a fresh store: the true floor (bench/import_floor.py) for the same file."""
    home = fresh_home()
    code = f"import sys; sys.path.insert(0, {str(ROOT)!r}); from bench.import_bench import _floor_child; " \
           f"print(_floor_child({str(home)!r}, {str(path)!r}))"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    shutil.rmtree(home, ignore_errors=True)
    if done.returncode != 0:
        raise RuntimeError(done.stderr.strip()[-500:])
    return float(done.stdout.strip().splitlines()[-1])


def _floor_child(home: str, path: str) -> float:
    os.environ["GOODLOOP_HOME"] = home
    os.environ.pop("GOODLOOP_DATABASE_URL", None)
    from goodloop import bootstrap

    bootstrap.setup()
    from bench.import_floor import own_tables_floor
    from goodloop.accounts.account import local_account

    return own_tables_floor(local_account(), Path(path).read_bytes())


def executemany_baseline(data: bytes, db: Path) -> float:
    """Seconds to decode and csv-read the export and insert its rows with plain sqlite3, in one transaction."""
    import csv
    import io
    import sqlite3

    con = sqlite3.connect(db, isolation_level=None)
    con.execute("PRAGMA journal_mode=WAL")
    con.execute("PRAGMA synchronous=NORMAL")
    con.execute("CREATE TABLE connections (id INTEGER PRIMARY KEY AUTOINCREMENT, first_name TEXT, last_name TEXT, "
                "url TEXT, email TEXT, company TEXT, position TEXT, connected_on TEXT)")
    t = time.perf_counter()
    reader = csv.reader(io.StringIO(data.decode("utf-8-sig"), newline=""))
    for row in reader:
        if row[:2] == ["First Name", "Last Name"]:
            break
    rows = [row for row in reader if len(row) == 7]
    con.execute("BEGIN")
    con.executemany("INSERT INTO connections (first_name, last_name, url, email, company, position, connected_on) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?)", rows)
    con.execute("COMMIT")
    elapsed = time.perf_counter() - t
    con.close()
    return elapsed


def measure(rows: int = 30000, runs: int = 3) -> list[tuple[str, str, str]]:
    """The figures as (what, median, budget) rows."""
    from bench import linkedin_export

    work = Path(tempfile.mkdtemp(prefix="goodloop-import-bench-"))
    path = linkedin_export.write(work / "Connections.csv", rows)
    walls, rss, rewalls, own, base, ratios, reown, floors, floor_ratios = [], [], [], [], [], [], [], [], []
    for _ in range(runs):
        home = fresh_home()
        wall, mb, report = run_command(home, path)
        assert report["created"] == rows, report
        rewall, _, again = run_command(home, path)
        assert again["created"] == 0 and again["unchanged"] == rows, again
        walls.append(wall)
        rss.append(mb)
        rewalls.append(rewall)
        shutil.rmtree(home, ignore_errors=True)
        child = in_process(path)
        assert child["created"] == rows and child["reimport_created"] == 0
        own.append(child["import"])
        base.append(child["baseline"])
        ratios.append(child["import"] / child["baseline"])
        reown.append(child["reimport"])
        floor = floor_in_process(path)
        floors.append(floor)
        floor_ratios.append(child["import"] / floor)
    shutil.rmtree(work, ignore_errors=True)
    med = statistics.median
    n = f"{rows:,}"
    return [
        (f"`goodloop import` whole command, {n} LinkedIn rows into an empty store", f"{med(walls):.2f} s", "< 3 s"),
        (f"`goodloop import` peak RSS of the command ({n} rows)", f"{med(rss):.0f} MB", "< 300 MB"),
        (f"import's own time in-process ({n} rows, parse included)", f"{med(own):.2f} s", ""),
        (f"plain `sqlite3.executemany` of the same {n} rows (csv read + insert, one transaction)",
         f"{med(base):.3f} s", ""),
        ("ratio import / executemany (median of per-run ratios)", f"{med(ratios):.1f}x", "≤ 5x"),
        (f"true floor: `executemany` of the same {n} rows into goodloop's own tables (organizations, people, "
         "contact points, roles, source records; bench/import_floor.py)", f"{med(floors):.2f} s", ""),
        ("ratio import / true floor (median of per-run ratios)", f"{med(floor_ratios):.1f}x", "goal ≤ 1.5x"),
        (f"re-import of the same file, whole command (creates 0, {n} unchanged)", f"{med(rewalls):.2f} s",
         "≤ first import"),
        ("re-import in-process", f"{med(reown):.2f} s", "≤ first import"),
    ]


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description="goodloop import benchmark")
    parser.add_argument("--rows", type=int, default=30000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args(argv)
    for what, median, budget in measure(args.rows, args.runs):
        print(f"{median:>10}  {budget:>14}  {what}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
