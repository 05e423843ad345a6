"""The target list: organizations I want to work at, in priority order."""

from django.db import transaction
from django.db.models import Count, Q

from goodloop.errors import NotFound
from goodloop.network import organizations
from goodloop.network.deletion import delete_owned
from goodloop.search import targets_order
from goodloop.search.models import Target


@transaction.atomic
def add_target(account, org_name: str, priority: int | None = None, why: str = "",
               status: str = "researching") -> Target:
    """Put an organization (named by any unambiguous part of its name; a new one is created) on
    the target list at `priority` (default: last), the others renumbered so priorities stay 1..n.
    A target already there is updated instead (a why left empty keeps the one it has)."""
    targets_order.check(priority, status, why)
    org = organizations.resolve(account, org_name, create=True)
    target = Target.objects.filter(account=account, organization=org).first()
    if target is not None:
        target = targets_order.update(account, target.id, priority=priority, status=status, why=why or None)
    else:
        target = Target.objects.create(account=account, organization=org, priority=1_000_000, why=why.strip(),
                                       status=status)
        targets_order.place(account, target.id, priority)
        target.refresh_from_db(fields=["priority"])
    target.organization = org  # the face may say the organization is new (org.created_now)
    return target


def edit_target(account, org_name: str, priority: int | None = None, status: str | None = None,
                why: str | None = None) -> Target:
    """`target edit ORG`: change the target of the organization `org_name` names."""
    org = organizations.resolve(account, org_name)
    target = Target.objects.filter(account=account, organization=org).first()
    if target is None:
        raise NotFound(f"{org.name} is not on the target list (add it with `goodloop target add`)")
    return targets_order.update(account, target.id, priority=priority, status=status, why=why)


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
    targets_order.close_gaps(account)
