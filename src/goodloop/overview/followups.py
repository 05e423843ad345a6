"""Today's 3B7 follow-ups (Dalton): a second contact about the organization the ask names,
with a real person from the warm paths when there is one, then one nudge, then no_reply."""

from datetime import date, timedelta

from goodloop.core import agenda as agenda_rules
from goodloop.core import drafts
from goodloop.core import followup as followup_rules
from goodloop.core.draft_facts import ask_topic
from goodloop.helploop import paths
from goodloop.helploop.models import Ask

FOLLOW_UP_WINDOW_DAYS = 35  # 7 business days to the nudge + 7 more before no_reply, with room
SOMEONE_ELSE = "someone else who might know"


def candidates(account, when: date):
    """The asks waiting on a 3B7 step today, each with its reason and draft."""
    # Past the nudge and the wait after it, 3B7 has nothing more to suggest: older asks are
    # effectively no_reply and stay off the agenda (the status changes when the user says so).
    oldest = when - timedelta(days=FOLLOW_UP_WINDOW_DAYS)
    window = Ask.objects.filter(account=account, direction="made", status="sent", sent_on__gte=oldest,
                                sent_on__lte=when)
    # Plain values, one query: an agenda can hold a hundred follow-ups. The rule runs first with
    # a topic assumed (it can only add the second-contact step); organizations are read for the
    # asks with a step due alone.
    due = []
    for row in window.values_list("id", "person_id", "kind", "sent_on", "status", "nudges", "last_nudge",
                                  "second_contact_done", "person__display_name", "person__tier"):
        fu = followup_rules.follow_up(row[3], row[4], when, nudges_sent=row[5], last_nudge=row[6],
                                      second_contact_done=row[7], organization="?")
        if fu.actionable:
            due.append((row, fu))
    first_org = {}
    for ask_id, org_id, org_name in (Ask.organizations.through.objects
                                     .filter(ask_id__in=[row[0] for row, fu in due if fu.action in
                                                         (followup_rules.SECOND_CONTACT, followup_rules.NUDGE)])
                                     .order_by("ask_id", "organization__name", "organization_id")
                                     .values_list("ask_id", "organization_id", "organization__name")):
        first_org.setdefault(ask_id, (org_id, org_name))
    second = dict(first_org[row[0]] for row, fu in due
                  if fu.action == followup_rules.SECOND_CONTACT and row[0] in first_org)
    ways_in = paths.insiders(account, second, when, per_org=4) if second else {}
    for (ask_id, person_id, kind, sent, _status, _nudges, _last, _second, name, tier), fu in due:
        draft, reason = "", fu.reason
        if fu.action == followup_rules.SECOND_CONTACT:
            # About the organization the ask names - never the contact's own employer, which
            # may be the very company that let me go. No organization: someone else who might know.
            org_id, org_name = first_org.get(ask_id, (None, None))
            draft, reason = second_contact(org_name, ways_in.get(org_id, []), person_id, name, fu.business_days)
        elif fu.action == followup_rules.NUDGE:
            # The ask's topic from its facts (kind, organization), not its first words.
            org_name = first_org.get(ask_id, (None, None))[1]
            draft = drafts.nudge(name, ask_topic(kind, [org_name] if org_name else []), sent, when)
        yield agenda_rules.Candidate(kind="follow_up", person_name=name, person_id=person_id, due=fu.due,
                                     tier=tier, reason=reason, draft=draft,
                                     ref={"ask": ask_id, "action": fu.action})


def second_contact(org_name: str | None, ways_in: list[dict], asked_id: int, asked_name: str,
                   business_days: int) -> tuple[str, str]:
    """(draft, reason) for the day-3 step: the best warm path into the ask's organization other
    than the person asked (`ways_in`, from helploop.paths), named; else the step without a name."""
    waited = f"No reply from {asked_name} after {business_days} business days"
    if not org_name:
        return "", (f"{waited}: ask {SOMEONE_ELSE} the same question (a second person, not a second "
                    f"message to {asked_name}).")
    found = [p for p in ways_in if p["person"]["id"] != asked_id]
    if not found:
        return "", (f"{waited}: find a second person at {org_name} (no warm path recorded yet; "
                    f"`goodloop who \"{org_name}\"` shows them when you add one).")
    best = found[0]
    return (drafts.second_contact(org_name, asked_name, best["person"]["name"]),
            f"{waited}: reach out to a second person about {org_name}. {best['note']}")
