"""Warm paths to an organization: who to approach, ranked, with the reason (P5, P6).

Plain data in, plain data out: the service gathers candidates, this ranks and explains.
"""

from dataclasses import dataclass, field

from goodloop.core.rules import TRUST_STAGES


@dataclass(frozen=True)
class PathCandidate:
    """One way in. ``path`` is the names from the first person I would contact to the insider."""

    person_id: int
    name: str
    hops: int  # 1: works there now; 1 with former=True: used to work there; 2: knows someone there
    path: tuple[str, ...]
    strength: int = 0
    trust_stage: str = "stranger"
    former: bool = False
    via: str = ""  # how the link is known: "introduction", "met through", "connection"
    guard: tuple[str, ...] = field(default=())


def path_score(c: PathCandidate) -> float:
    """Higher is better: closeness to the organization, then tie strength and trust, minus ask pressure."""
    base = {1: 100.0, 2: 40.0}.get(c.hops, 0.0)
    if c.former:
        base = 70.0
    trust = TRUST_STAGES.index(c.trust_stage) * 8.0 if c.trust_stage in TRUST_STAGES else 0.0
    pressure = 25.0 * len(c.guard)
    return base + c.strength * 0.6 + trust - pressure


def note(c: PathCandidate, organization: str) -> str:
    """Why this path, in one sentence, with the over-asking warning when it applies."""
    if c.hops == 1 and not c.former:
        why = f"{c.name} works at {organization} now"
    elif c.former:
        why = f"{c.name} used to work at {organization}"
    else:
        why = f"{c.name} knows {c.path[-1]} at {organization} ({c.via})"
    why += f"; tie strength {c.strength}, trust {c.trust_stage}."
    if c.guard:
        why += " Careful: " + " ".join(c.guard) + " Give before you ask."
    return why


def rank(candidates: list[PathCandidate], organization: str, limit: int | None = None) -> list[dict]:
    """The `who ORG --json` list, best first; each person appears once, on their best path."""
    best: dict[int, PathCandidate] = {}
    for c in candidates:
        if c.person_id not in best or path_score(c) > path_score(best[c.person_id]):
            best[c.person_id] = c
    ordered = sorted(best.values(), key=lambda c: (-path_score(c), c.name.casefold()))
    if limit:
        ordered = ordered[:limit]
    return [{"person": {"id": c.person_id, "name": c.name}, "hops": c.hops, "path": list(c.path),
             "strength": c.strength, "trust_stage": c.trust_stage, "former": c.former,
             "over_asking": bool(c.guard), "note": note(c, organization)} for c in ordered]
