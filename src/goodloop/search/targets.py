"""The target list: organizations I want to work at, in priority order."""

from django.db import transaction
from django.db.models import Count, Max, Q

from goodloop.core import rules as v
from goodloop.errors import ServiceError
from goodloop.network import organizations
from goodloop.network.deletion import delete_owned
from goodloop.search.models import Target


@transaction.atomic
def add_target(account, org_name: str, priority: int | None = None, why: str = "",
               status: str = "researching") -> Target:
    """Put an organization on the target list (or update it if it is there already)."""
    if status not in v.TARGET_STATUSES:
        raise ServiceError(f"status must be one of: {', '.join(v.TARGET_STATUSES)}", field="status")
    if priority is not None and priority < 1:
        raise ServiceError("priority is 1 (top) or more", field="priority")
    org = organizations.get_or_create(account, org_name)
    target = Target.objects.filter(account=account, organization=org).first()
    if priority is None:
        priority = (Target.objects.filter(account=account).aggregate(m=Max("priority"))["m"] or 0) + 1
    if target is None:
        target = Target.objects.create(account=account, organization=org, priority=priority, why=why or "",
                                       status=status)
    else:
        target.priority, target.status = priority, status
        if why:
            target.why = why
        target.save()
    return target


def list_targets(account):
    """Targets in priority order, with how many people I know at each now."""
    return (
        Target.objects.filter(account=account)
        .select_related("organization")
        .annotate(people_count=Count("organization__people", filter=~Q(organization__people__id=account.me_id)))
        .order_by("priority", "id")
    )


def as_dict(t: Target) -> dict:
    return {"id": t.id, "organization": t.organization.name, "priority": t.priority, "status": t.status,
            "why": t.why}

@transaction.atomic
def delete_target(account, target_id: int) -> None:
    """Delete a target of the account's."""
    delete_owned(Target, account, target_id, "target")
