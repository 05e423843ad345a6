"""Before/after figures of a whole command on a busy machine: several source trees of goodloop take
turns running it, each on its own demo home (made once in /tmp), and the CPU time (user + sys) of
each command, less swayed by other load than its wall time, is printed with the wall time.

    git archive REV src | tar -x -C /tmp/before
    python bench/compare_commands.py 20 /tmp/before/src src -- today --json
"""

import hashlib
import os
import resource
import shutil
import statistics
import subprocess
import sys
import time

WARM_UP = 2  # runs left out: byte-compiling and the first PRAGMA optimize


def _env(goodloop: str, src: str) -> dict:
    home = f"/tmp/goodloop-compare-{hashlib.md5(os.path.abspath(src).encode()).hexdigest()[:6]}"
    env = dict(os.environ, PYTHONPATH=src, GOODLOOP_HOME=home)
    if not os.path.exists(os.path.join(home, "goodloop.sqlite3")):
        subprocess.run([goodloop, "demo"], env=env, check=True, stdout=subprocess.DEVNULL)
    return env


def main(argv: list[str]) -> None:
    runs, split = int(argv[0]), argv.index("--")
    trees, args = argv[1:split], argv[split + 1:]
    goodloop = shutil.which("goodloop") or "goodloop"  # the console script, as pip installs it
    envs = {src: _env(goodloop, src) for src in trees}
    wall: dict[str, list[float]] = {src: [] for src in trees}
    cpu: dict[str, list[float]] = {src: [] for src in trees}
    for k in range(runs + WARM_UP):
        for src in trees:
            before, start = resource.getrusage(resource.RUSAGE_CHILDREN), time.perf_counter()
            done = subprocess.run([goodloop, *args], env=envs[src], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
            elapsed, after = (time.perf_counter() - start) * 1000, resource.getrusage(resource.RUSAGE_CHILDREN)
            if done.returncode != 0:
                raise SystemExit(f"{src}: goodloop {' '.join(args)} failed: {done.stderr}")
            if k >= WARM_UP:
                wall[src].append(elapsed)
                cpu[src].append((after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime) * 1000)
    for src in trees:
        times = sorted(wall[src])
        print(f"{src}: wall median {statistics.median(times):.0f} ms, p95 {times[int(0.95 * (len(times) - 1))]:.0f} ms; "
              f"CPU median {statistics.median(cpu[src]):.0f} ms (n={runs})")
    print(f"load average {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main(sys.argv[1:])
