"""Reordering the target list and editing a target's status and why (the web's Targets page)."""

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


@transaction.atomic
def update(account, target_id: int, status: str | None = None, why: str | None = None) -> Target:
    """Change a target's status and/or why."""
    target = get(account, target_id)
    if status is not None:
        if status not in v.TARGET_STATUSES:
            raise ServiceError(f"status must be one of: {', '.join(v.TARGET_STATUSES)}", field="status")
        target.status = status
    if why is not None:
        if len(why) > 2000:
            raise ServiceError("why is at most 2000 characters", field="why")
        target.why = why.strip()
    target.save(update_fields=["status", "why"])
    return target
