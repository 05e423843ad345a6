"""The coach's three labelled sets and how they are scored (DESIGN.md section 4).

- ``real_tuning`` / ``real_held_out``: messages modelled on real ones from public pages
  (paraphrased, source and its label noted; tests/core/corpora/real_messages.jsonl), split
  once by a hash of the text - 70% tuning, 30% held out. The coach's rules may be tuned on
  the tuning part only.
- ``own``: the project's own written corpus (coach_corpus.CORPUS + HOLDOUT).

Balanced accuracy: the mean of the share of specific asks scored 60 or more and the share
of vague asks scored under 50 (50-59 counts as wrong for both labels).
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from goodloop.core.coach import coach, context_from_dict

from .coach_corpus import CORPUS, HOLDOUT, SPECIFIC, VAGUE

REAL_PATH = Path(__file__).parent / "corpora" / "real_messages.jsonl"
SPECIFIC_AT, VAGUE_BELOW = 60, 50


def split_of(text: str) -> str:
    """The fixed split: the first 32 bits of sha256(text) mod 10 below 7 is tuning."""
    return "tuning" if int(hashlib.sha256(text.encode()).hexdigest()[:8], 16) % 10 < 7 else "held_out"


def real_messages() -> list[dict]:
    with REAL_PATH.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def sets() -> dict[str, list[dict]]:
    real = real_messages()
    return {
        "real_tuning": [e for e in real if e["split"] == "tuning"],
        "real_held_out": [e for e in real if e["split"] == "held_out"],
        "own": CORPUS + HOLDOUT,
    }


def correct(entry: dict, score: int) -> bool:
    return score >= SPECIFIC_AT if entry["label"] == SPECIFIC else score < VAGUE_BELOW


def balanced_accuracy(entries: list[dict]) -> tuple[float, list[tuple[dict, int]]]:
    """(balanced accuracy, [(entry, score) wrongly scored])."""
    wrong, hits = [], {SPECIFIC: [0, 0], VAGUE: [0, 0]}
    for e in entries:
        score = coach(e["text"], context_from_dict(e.get("context"))).score
        ok = correct(e, score)
        hits[e["label"]][0] += ok
        hits[e["label"]][1] += 1
        if not ok:
            wrong.append((e, score))
    recalls = [h / n for h, n in hits.values() if n]
    return sum(recalls) / len(recalls), wrong
