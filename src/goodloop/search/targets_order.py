"""The target list's order and a target's changes: priorities are always 1..n, whichever face
(web, CLI, API) moves, adds, edits or removes a target (one rule, here)."""

from django.db import transaction

from goodloop.core import rules as v
from goodloop.errors import NotFound, ServiceError
from goodloop.search.models import Target


def get(account, target_id: int) -> Target:
    target = Target.objects.filter(account=account, id=target_id).select_related("organization").first()
    if target is None:
        raise NotFound(f"no target with id {target_id}")
    return target


def _renumber(account, ordered_ids: list[int]) -> None:
    """Priorities 1..n in the given order (only rows whose priority changes are written)."""
    current = dict(Target.objects.filter(account=account).values_list("id", "priority"))
    changed = [Target(id=tid, priority=n) for n, tid in enumerate(ordered_ids, start=1) if current.get(tid) != n]
    if changed:
        Target.objects.bulk_update(changed, ["priority"])


def _ordered_ids(account) -> list[int]:
    return list(Target.objects.filter(account=account).order_by("priority", "id").values_list("id", flat=True))


@transaction.atomic
def move(account, target_id: int, direction: str) -> list[int]:
    """Move a target one place up or down; returns the ids in their new order."""
    if direction not in ("up", "down", "top", "bottom"):
        raise ServiceError("direction must be up, down, top or bottom", field="direction")
    get(account, target_id)
    ids = _ordered_ids(account)
    i = ids.index(target_id)
    ids.pop(i)
    j = {"up": max(0, i - 1), "down": min(len(ids), i + 1), "top": 0, "bottom": len(ids)}[direction]
    ids.insert(j, target_id)
    _renumber(account, ids)
    return ids


@transaction.atomic
def reorder(account, ordered_ids: list[int]) -> list[int]:
    """Put the targets in the given order (e.g. after a drag and drop). Every id must be one of
    the account's targets; targets left out keep their relative order after the given ones."""
    ids = _ordered_ids(account)
    wanted = [int(i) for i in ordered_ids]
    unknown = [i for i in wanted if i not in set(ids)]
    if unknown:
        raise NotFound(f"no target with id {unknown[0]}")
    if len(set(wanted)) != len(wanted):
        raise ServiceError("each target appears once in the new order", field="order")
    final = wanted + [i for i in ids if i not in set(wanted)]
    _renumber(account, final)
    return final


def place(account, target_id: int, priority: int | None) -> None:
    """Put a target at `priority` (1 = top; past the end or None = last) and renumber the rest 1..n."""
    ids = [i for i in _ordered_ids(account) if i != target_id]
    at = len(ids) if priority is None else min(max(priority, 1), len(ids) + 1) - 1
    ids.insert(at, target_id)
    _renumber(account, ids)


def close_gaps(account) -> None:
    """Renumber 1..n in the current order (after a target is removed)."""
    _renumber(account, _ordered_ids(account))


def check(priority, status, why) -> None:
    """Refuse a bad priority, status or why (before anything is written)."""
    if priority is not None and priority < 1:
        raise ServiceError("priority is 1 (top) or more", field="priority")
    if status is not None and status not in v.TARGET_STATUSES:
        raise ServiceError(f"status must be one of: {', '.join(v.TARGET_STATUSES)}", field="status")
    if why is not None and len(why) > 2000:
        raise ServiceError("why is at most 2000 characters", field="why")


@transaction.atomic
def update(account, target_id: int, priority: int | None = None, status: str | None = None,
           why: str | None = None) -> Target:
    """Change a target: None leaves a field as it is; `why=""` clears it; a new priority moves the
    target there and renumbers the others so priorities stay 1..n (no two targets share one)."""
    check(priority, status, why)
    target = get(account, target_id)
    if status is not None:
        target.status = status
    if why is not None:
        target.why = why.strip()
    target.save(update_fields=["status", "why", "updated"])
    if priority is not None and priority != target.priority:
        place(account, target.id, priority)
        target.refresh_from_db(fields=["priority"])
    return target
