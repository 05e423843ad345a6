"""CPU time of the same pure-Python loop under each interpreter named (why .ci/run picks Debian's python3).

Usage: python3 bench/interpreter_speed.py /usr/bin/python3 /root/.pyenv/versions/3.11.7/bin/python3
Each interpreter runs the loop ROUNDS times, alternating, so a machine slowing down mid-way weighs on
all of them alike; the figures are process CPU seconds (not wall time), the fastest and the slowest.
"""

import subprocess
import sys

ROUNDS = 5
# Dict updates, str(), attribute access and a generator: the kind of work a Django request does.
LOOP = """
import time
class A:
    def __init__(self, x): self.x = x
    def g(self): return self.x + 1
t = time.process_time()
d = {}
for i in range(2_000_000):
    d[i % 1000] = d.get(i % 1000, 0) + len(str(i))
sum(A(i).g() for i in range(1_000_000))
print(time.process_time() - t)
"""


def main(interpreters: list[str]) -> None:
    times: dict[str, list[float]] = {python: [] for python in interpreters}
    for _ in range(ROUNDS):
        for python in interpreters:
            out = subprocess.run([python, "-c", LOOP], capture_output=True, text=True, check=True).stdout
            times[python].append(float(out))
    for python, seconds in times.items():
        version = subprocess.run([python, "--version"], capture_output=True, text=True).stdout.strip()
        print(f"{python} ({version}): {min(seconds):.2f}-{max(seconds):.2f} s CPU over {ROUNDS} runs")


if __name__ == "__main__":
    if len(sys.argv) < 2:
        raise SystemExit(__doc__)
    main(sys.argv[1:])
