"""The demo's help loop: the loops its favors opened (most closed on time, some not) and
the coach's reading of its asks, so Today, Loops and Reports mean something at once."""

from datetime import timedelta

from goodloop.core import coach as coach_rules
from goodloop.core import loops as loop_rules


def open_demo_loops(account, today) -> int:
    """Open the rules' loops for every favor received; close the older ones the way a
    fairly diligent person would (thanked on time 4 times in 5, reported back on most)."""
    from goodloop.helploop.models import Favor, Loop

    rows = []
    for favor in Favor.objects.filter(account=account, direction="received").select_related("person"):
        for spec in loop_rules.loops_for_favor("received", favor.kind, favor.date,
                                               person_name=favor.person.display_name,
                                               linked_lead=favor.lead_id is not None,
                                               linked_introduction=favor.introduction_id is not None):
            loop = Loop(account=account, person=favor.person, kind=spec.kind, due=spec.due, reason=spec.reason,
                        opened_on=favor.date, favor=favor, lead_id=favor.lead_id,
                        introduction_id=favor.introduction_id)
            age = (today - favor.date).days
            if spec.kind == "thank" and age > 5:
                # Four in five thanked the next day, the rest late (the report's closure rate).
                late = favor.id % 5 == 0
                loop.status, loop.closed_on = "done", favor.date + timedelta(days=6 if late else 1)
            elif spec.kind == "report" and age > 35 and (age > 90 or favor.id % 2):
                loop.status, loop.closed_on = "done", favor.date + timedelta(days=21 if favor.id % 3 else 40)
            rows.append(loop)
    Loop.objects.bulk_create(rows)
    return len(rows)


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
