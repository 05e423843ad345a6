"""Organization names for the synthetic data, without Django (the export writer uses them too)."""

import random

from goodloop.core.orgnames import normalize_org
from goodloop.demo import data as d


def org_names(count: int, rng: random.Random) -> list[str]:
    """`count` distinct organization names (distinct after normalization, too)."""
    combos = [f"{p} {s}" for p in d.ORG_PREFIXES for s in d.ORG_SUFFIXES]
    rng.shuffle(combos)
    names, keys, n = [], set(), 0
    while len(names) < count:
        base = combos[n % len(combos)]
        rank = n // len(combos)
        name = base if rank == 0 else f"{base} {rank + 1}"
        legal = rng.choice(d.LEGAL_SUFFIXES)
        if legal:
            name = f"{name} {legal}"
        key = normalize_org(name)
        if key not in keys:
            keys.add(key)
            names.append(name)
        n += 1
    return names
