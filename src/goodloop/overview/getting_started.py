"""The first-run checklist (issue 15): what a newcomer sets up before goodloop can help.

Shown on Today (web and CLI) and by GET /api/today/getting-started until every step is done: your
name (drafts are signed with it), your contacts (an import, or enough people added by hand),
three targets (the organizations every ask and reconnect points at) and the brief (what you
are looking for, so helpers can act on it).
"""

from dataclasses import dataclass

from django.db.models import Count, Exists, OuterRef, Subquery

from goodloop.accounts.models import Account
from goodloop.network.models import Person, SourceRecord
from goodloop.search.models import Brief, Target

TARGETS_WANTED = 3  # RESEARCH: a short list of target organizations focuses every ask
PEOPLE_BY_HAND = 10  # people added one by one that count as "your contacts are in"

# Where each contacts export comes from (the menus as those apps name them).
EXPORT_SOURCES = (
    ("LinkedIn", "Settings & Privacy → Data privacy → Get a copy of your data → Connections "
                 "(a Connections.csv arrives by email within minutes)."),
    ("Google Contacts", "contacts.google.com → Export → Google CSV."),
    ("Outlook", "People → Manage contacts → Export contacts (a CSV)."),
    ("iPhone", "icloud.com → Contacts → select all → Export vCard (.vcf)."),
    ("Android", "Contacts app → Fix & manage → Export to file (.vcf)."),
)


@dataclass(frozen=True)
class Step:
    key: str  # name | contacts | targets | brief
    title: str
    done: bool
    detail: str


def checklist(account) -> list[Step]:
    """The four first-run steps, each with whether it is done and what doing it means."""
    # One query whatever the network's size: the first-run panel sits on every Today and import report.
    of_account = {"account": OuterRef("pk")}
    row = Account.objects.filter(pk=account.pk).annotate(
        my_name=Subquery(Person.objects.filter(pk=OuterRef("me_id")).values("display_name")[:1]),
        imported=Exists(SourceRecord.objects.filter(**of_account)),
        people=Subquery(Person.objects.filter(**of_account, is_me=False).order_by()
                        .values("account").annotate(n=Count("id")).values("n")[:1]),
        targets=Subquery(Target.objects.filter(**of_account).exclude(status="closed").order_by()
                         .values("account").annotate(n=Count("id")).values("n")[:1]),
        headline=Subquery(Brief.objects.filter(**of_account).values("headline")[:1]),
    ).values("my_name", "imported", "people", "targets", "headline").get()
    me, imported, headline = (row["my_name"] or "").strip(), row["imported"], row["headline"] or ""
    people, targets = row["people"] or 0, row["targets"] or 0
    named = bool(me) and me != "Me"
    return [
        Step("name", "Set your name", named,
             "Drafts, introductions and your brief are signed with it."),
        Step("contacts", "Bring in your contacts", imported or people >= PEOPLE_BY_HAND,
             "Import a LinkedIn, Google, Outlook or phone export, or add people one by one"
             + (f" ({people} so far)." if people and not imported else ".")),
        Step("targets", f"Choose {TARGETS_WANTED} target organizations", targets >= TARGETS_WANTED,
             f"Where you want to work: asks, reconnects and warm paths point at them ({targets} so far)."),
        Step("brief", "Write your brief", bool(headline.strip()),
             "A headline, the roles you want and how people can help, so helpers can act on it."),
    ]


def pending(account) -> list[Step]:
    """The checklist while any step is left, else [] (nothing to show once all is done)."""
    steps = checklist(account)
    return steps if not all(step.done for step in steps) else []
