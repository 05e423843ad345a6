"""The ask coach's figures: accuracy on its three labelled sets and its speed (issue 14).

    python bench/coach_bench.py [--runs 7]

Measures, and writes into docs/benchmarks.md between the coach markers:
- balanced accuracy on the real-message tuning and held-out sets and the project's own
  corpus (tests/core/coach_sets.py; "before" is the figure measured on the coach as it
  was before issue 14, kept here as text);
- the coach in-process: every message of the three sets, with a realistic context
  (1,500 known organizations, targets, brief categories, a person), median and p95 per ask;
- `goodloop coach "..." --json` as a whole command in a fresh GOODLOOP_HOME.
A benchmark, not a timed test: budgets are < 50 ms per ask and < 0.5 s per command.
"""

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "src"))
DOC = ROOT / "docs" / "benchmarks.md"
START, END = "<!-- coach:start -->", "<!-- coach:end -->"
# Measured on the coach before issue 14 (commit 49f753b), same sets and scoring.
BEFORE = {"real_tuning": 75.7, "real_held_out": 89.2, "own": 100.0}
ASK = "Hi Marcus, could you introduce me to someone in product marketing at Stripe? Thanks!"


def pct(values: list[float], q: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(round(q * (len(values) - 1))))]


def accuracy() -> list[tuple[str, int, float]]:
    from tests.core.coach_sets import balanced_accuracy, sets

    return [(name, len(entries), 100 * balanced_accuracy(entries)[0]) for name, entries in sets().items()]


def in_process(runs: int) -> tuple[float, float, float, int]:
    from tests.core.coach_sets import sets

    from goodloop.core.coach import CoachContext, PersonContext, coach

    texts = [e["text"] for entries in sets().values() for e in entries]
    ctx = CoachContext(
        target_organizations=("Stripe", "Plaid", "Square", "Brex", "Ramp"),
        known_organizations=tuple(f"Company {i} Holdings" for i in range(1500)),
        people_categories=("product marketing", "engineering managers"),
        person=PersonContext(name="Marcus Lee", organization="Square", trust_stage="acquainted"),
    )
    times = []
    for _ in range(runs):
        for t in texts:
            start = time.perf_counter()
            coach(t, ctx)
            times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times), pct(times, 0.95), max(times), len(texts)


def whole_command(runs: int) -> tuple[float, float]:
    from bench.commandline import goodloop

    with tempfile.TemporaryDirectory() as home:
        env = dict(os.environ, GOODLOOP_HOME=home, PYTHONPATH=str(ROOT / "src"))
        cmd = goodloop("coach", ASK, "--json")
        subprocess.run(cmd, env=env, check=True, capture_output=True)  # first run creates the store
        times = []
        for _ in range(runs):
            start = time.perf_counter()
            subprocess.run(cmd, env=env, check=True, capture_output=True)
            times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times), pct(times, 0.95)


def rewrite_counts() -> dict[str, int]:
    """The rewrite's promise over all corpora (tests/core/test_coach_real.py), counted."""
    from tests.core.coach_corpus import CORPUS, HOLDOUT
    from tests.core.coach_sets import real_messages
    from tests.core.test_coach_real import CONTEXTS, check_rewrite

    from goodloop.core.coach import context_from_dict

    counts = {"skipped": 0, "none": 0, "equal": 0, "improved": 0}
    for e in real_messages() + CORPUS + HOLDOUT:
        for ctx in (CONTEXTS if "context" not in e else [context_from_dict(e["context"])]):
            counts[check_rewrite(e["text"], ctx)] += 1
    return counts


def write(rows: list[str]) -> None:
    text = DOC.read_text()
    block = "\n".join([START, *rows, END])
    if START in text:
        head, rest = text.split(START, 1)
        text = head + block + rest.split(END, 1)[1]
    else:
        text = text.rstrip() + "\n\n## Ask coach\n\n" + (
            "Written by `python bench/coach_bench.py` (rerun it rather than editing by hand). Balanced accuracy is "
            "the mean of the share of specific asks scored 60 or more and of vague asks scored under 50 "
            "(tests/core/coach_sets.py). The real messages are modelled on real ones from public pages "
            "(tests/core/corpora/real_messages.jsonl), split once by a hash of the text: tuned on the tuning part "
            "only.\n\n") + block + "\n"
    DOC.write_text(text)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    today = date.today().isoformat()
    rows = ["| set | asks | balanced accuracy before | after | target | date |", "|---|---|---|---|---|---|"]
    targets = {"real_tuning": "—", "real_held_out": "≥ 85%", "own": "≥ 95%"}
    for name, n, ba in accuracy():
        rows.append(f"| {name} | {n} | {BEFORE[name]:.1f}% | {ba:.1f}% | {targets[name]} | {today} |")
    load = os.getloadavg()[0]  # a shared 2-core machine: say how busy it was
    med, p95, worst, n = in_process(args.runs)
    cmd_med, cmd_p95 = whole_command(args.runs)
    rows += ["", "| figure | median | p95 | budget | date |", "|---|---|---|---|---|",
             f"| coach in-process, {n} messages x {args.runs} runs, 1,500 known organizations (max {worst:.1f} ms) "
             f"| {med:.1f} ms | {p95:.1f} ms | < 50 ms per ask | {today} |",
             f"| `goodloop coach \"...\" --json` whole command (load average {load:.1f} before the run) | {cmd_med:.0f} ms | {cmd_p95:.0f} ms | < 0.5 s | {today} |"]
    c = rewrite_counts()
    rows += ["", f"Rewrite over all corpora ({sum(c.values())} asks x contexts): {c['skipped']} already score 85+ "
             f"(no rewrite); of the rest, {c['improved']} edits score higher, {c['equal']} score the same (a gated "
             f"ask keeps its gate and gains the smaller alternative), {c['none']} have no better edit. None scores "
             "lower, drops a name or an organization, or changes the kind of help."]
    write(rows)
    print("\n".join(rows))


if __name__ == "__main__":
    main()
