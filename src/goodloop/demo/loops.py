"""The demo's help loop: the loops its favors opened (most closed on time, some not) and
the coach's reading of its asks, so Today, Loops and Reports mean something at once."""

from datetime import timedelta

from goodloop.core import coach as coach_rules
from goodloop.core import drafts
from goodloop.core import loops as loop_rules
from goodloop.core import needs as need_rules

THANKED_AFTER_DAYS = 2  # favors older than this were thanked; yesterday's thank-you is still to send
LATE_THANK_DAYS = 6
OWED_REPORT_DAYS = 3  # reports due in the last three days are still owed; older ones were sent
LATE_REPORT_DAYS = 9
PLANNED_GIVE_DAYS = 7  # a give planned for a later giving day falls due this many days on


def open_demo_loops(account, today) -> int:
    """Open the rules' loops for every favor received; close the older ones the way a
    fairly diligent person would (thanked on time 4 times in 5, reported back on most)."""
    from goodloop.helploop.models import Favor, Loop

    rows = []
    # The demo's own numbering of its favors (1, 2, …, in the order they were made), not database ids:
    # PostgreSQL's sequences go on counting across stores and tests (and may skip), and the day the
    # demo opens on must not depend on them.
    ids = Favor.objects.filter(account=account).order_by("id").values_list("id", flat=True)
    number = {favor_id: n for n, favor_id in enumerate(ids, 1)}
    for favor in Favor.objects.filter(account=account, direction="received").select_related("person"):
        favor.demo_number = number[favor.id]
        for spec in loop_rules.loops_for_favor("received", favor.kind, favor.date,
                                               person_name=favor.person.display_name,
                                               linked_lead=favor.lead_id is not None,
                                               linked_introduction=favor.introduction_id is not None):
            loop = Loop(account=account, person=favor.person, kind=spec.kind, due=spec.due, reason=spec.reason,
                        opened_on=favor.date, favor=favor, lead_id=favor.lead_id,
                        introduction_id=favor.introduction_id)
            _settle(loop, favor, today)
            rows.append(loop)
    rows.extend(_planned_gives(account, today))
    Loop.objects.bulk_create(rows)
    return len(rows)


def _planned_gives(account, today) -> list:
    """Gives come in chunks: the first person whose need my brief's offers meet is today's give; the
    others sharing a need already met by one are planned, a give loop each on a later giving day."""
    from goodloop.helploop.models import Loop
    from goodloop.network.models import Person
    from goodloop.search.models import Brief

    brief = Brief.objects.filter(account=account).first()
    offers = [o for o in (brief.offers if brief else []) if o]
    needy = Person.objects.filter(account=account).exclude(needs=[]).exclude(tier="dormant").order_by("id")
    rows, met = [], set()
    for person in needy:
        for give in need_rules.suggest_gives(person.needs, offers):
            if give.need in met:
                due = today + timedelta(days=PLANNED_GIVE_DAYS + 3 * len(rows))
                rows.append(Loop(account=account, person=person, kind="give", due=due, opened_on=today,
                                 reason=f"{person.display_name} is looking for {give.need}: you planned to offer "
                                        f"{give.offer[:1].lower()}{give.offer[1:]} on {due.isoformat()}.",
                                 draft=drafts.give(person.display_name, give.need, give.offer)))
            met.add(give.need)
    return rows


def _settle(loop, favor, today) -> None:
    """Close what a fairly diligent person has closed by `today`, so the demo opens on a believable
    day: every thank-you but yesterday's (four in five sent the next day, the rest late), and every
    report that fell due before the last couple of days (most on time, some late); a report due
    since then is the one still owed."""
    age = (today - favor.date).days
    if loop.kind == "thank" and age >= THANKED_AFTER_DAYS:
        late = favor.demo_number % 5 == 0 and age > LATE_THANK_DAYS
        loop.status, loop.closed_on = "done", favor.date + timedelta(days=LATE_THANK_DAYS if late else 1)
    elif loop.kind == "report" and (today - loop.due).days > OWED_REPORT_DAYS:
        late = favor.demo_number % 3 == 0
        closed = loop.due + timedelta(days=LATE_REPORT_DAYS) if late else loop.due - timedelta(days=favor.demo_number % 4)
        loop.status, loop.closed_on = "done", min(max(closed, favor.date), today)


def score_demo_asks(account) -> None:
    """Give each demo ask the coach's score and findings, as `ask` does for real ones."""
    from goodloop.helploop.models import Ask
    from goodloop.search.models import Brief, Target

    brief = Brief.objects.filter(account=account).first()
    targets = tuple(Target.objects.filter(account=account).order_by("priority")
                    .values_list("organization__name", flat=True))
    ctx = coach_rules.CoachContext(target_organizations=targets,
                                   people_categories=tuple(brief.people_categories if brief else ()))
    asks = list(Ask.objects.filter(account=account))
    for ask in asks:
        result = coach_rules.coach(ask.text, ctx)
        ask.score, ask.findings = result.score, [f.as_dict() for f in result.findings]
    Ask.objects.bulk_update(asks, ["score", "findings"], batch_size=500)
