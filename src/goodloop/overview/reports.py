"""Reports: what my networking is producing, as the numbers behind every chart."""

from collections import defaultdict
from datetime import date, timedelta

from django.db.models import Count, Q, Sum

from goodloop import clock
from goodloop.core import ledger as ledger_rules
from goodloop.core import rules
from goodloop.core.words import counted
from goodloop.helploop.models import Ask, Favor, Loop
from goodloop.network.models import Interaction, Person
from goodloop.search.models import Lead, LeadStageChange

REACHED_INTERVIEW = ("interviewing", "offer", "accepted")
REACHED_OFFER = ("offer", "accepted")


def _week(d) -> str:
    if hasattr(d, "date"):
        d = d.date()
    return (d - timedelta(days=d.weekday())).isoformat()


def build(account, today: date | None = None, since: date | None = None) -> dict:
    """Every report figure from `since` (default 26 weeks ago) to `today`."""
    today = today or clock.today(account)
    since = since or today - timedelta(weeks=rules.REPORTS_DEFAULT_WEEKS)
    return {
        "since": since.isoformat(), "until": today.isoformat(),
        "activity": _activity(account, since, today),
        "asks": _asks(account, since, today),
        "ledger": _ledger(account, since, today),
        "loop_closure": _closure(account, since, today),
        "leads": _leads(account, since, today),
        "tier_coverage": _coverage(account, today),
    }


def _activity(account, since, today):
    # Counted per day in SQL and bucketed into weeks here (at most 7 x weeks x channels rows): a week
    # function in SQL runs once per interaction in the window, and on SQLite it is a Python function.
    rows = (Interaction.objects.filter(account=account, date__gte=since, date__lte=today)
            .values("date", "channel").annotate(n=Count("id")).order_by().values_list("date", "channel", "n"))
    weeks = defaultdict(lambda: {c: 0 for c in rules.CHANNELS})
    for day, channel, n in rows:
        week = weeks[_week(day)]
        week[channel] = week.get(channel, 0) + n
    return [{"week": w, **weeks[w]} for w in sorted(weeks)]


def _asks(account, since, today):
    rows = (Ask.objects.filter(account=account, direction="made", date__gte=since, date__lte=today)
            .values("date").annotate(n=Count("id"), scored=Count("score"), total=Sum("score")).order_by()
            .values_list("date", "n", "scored", "total"))
    weeks = defaultdict(lambda: [0, 0, 0])  # asks, asks with a score, sum of the scores
    for day, n, scored, total in rows:
        week = weeks[_week(day)]
        week[0] += n
        week[1] += scored
        week[2] += total or 0
    return [{"week": w, "count": n, "average_score": round(total / scored, 1) if scored else None}
            for w, (n, scored, total) in sorted(weeks.items())]


def _ledger(account, since, today):
    counts = defaultdict(int)  # (week, direction, kind) -> favors
    for day, direction, kind, n in (Favor.objects.filter(account=account, date__gte=since, date__lte=today)
                                    .values("date", "direction", "kind").annotate(n=Count("id")).order_by()
                                    .values_list("date", "direction", "kind", "n")):
        counts[_week(day), direction, kind] += n
    weeks = defaultdict(lambda: {"received": 0.0, "given": 0.0})
    for (week, direction, kind), n in sorted(counts.items()):
        weeks[week][direction] += ledger_rules.weight(kind) * n
    return [{"week": w, "received": round(weeks[w]["received"], 1), "given": round(weeks[w]["given"], 1)}
            for w in sorted(weeks)]


def _closure(account, since, today):
    """Share of favors received that were thanked within 2 days and reported on within 30."""
    favors = Favor.objects.filter(account=account, direction="received", date__gte=since, date__lte=today)
    total = favors.count()
    thanked = reported = 0
    report_total = 0
    loops = Loop.objects.filter(account=account, favor__in=favors, status="done").values_list(
        "kind", "closed_on", "favor__date")
    for kind, closed, fdate in loops:
        if kind == "thank" and closed <= fdate + timedelta(days=rules.THANK_DUE_DAYS):
            thanked += 1
        if kind == "report" and closed <= fdate + timedelta(days=rules.REPORT_DUE_DAYS):
            reported += 1
    report_total = Loop.objects.filter(account=account, favor__in=favors, kind="report").count()
    return {"favors_received": total, "thanked_within_2_days": thanked,
            "thanked_share": round(thanked / total, 3) if total else None,
            "report_loops": report_total, "reported_within_30_days": reported,
            "reported_share": round(reported / report_total, 3) if report_total else None}


def _leads(account, since, today):
    leads = Lead.objects.filter(account=account, created_on__lte=today)
    reached = defaultdict(set)
    for lead_id, stage in LeadStageChange.objects.filter(account=account, lead__in=leads).values_list(
            "lead_id", "stage"):
        reached[lead_id].add(stage)
    by_source = defaultdict(lambda: {"leads": 0, "interviews": 0, "offers": 0})
    by_person = defaultdict(lambda: {"leads": 0, "interviews": 0, "offers": 0})
    for lead in leads.select_related("source_person"):
        stages = reached[lead.id] | {lead.stage}
        row = {"leads": 1, "interviews": int(bool(stages & set(REACHED_INTERVIEW))),
               "offers": int(bool(stages & set(REACHED_OFFER)))}
        for k, v in row.items():
            by_source[lead.source][k] += v
            if lead.source_person_id:
                by_person[lead.source_person.display_name][k] += v
    people = sorted(({"person": n, **v} for n, v in by_person.items()), key=lambda r: (-r["leads"], r["person"]))
    return {"by_source": [{"source": s, **by_source[s]} for s in rules.LEAD_SOURCES if s in by_source],
            "by_person": people[:20]}


def _coverage(account, today):
    """People by tier and how many are overdue, for the people on their tier's cadence: counted over
    everyone on the (account, tier, last_touch) index, less the few with a cadence of their own (a
    small partial index), instead of reading every person's row for `cadence_days`."""
    cutoffs = {tier: today - timedelta(days=days) for tier, days in rules.CADENCE_DAYS.items() if days is not None}
    overdue = Q(last_touch__isnull=True)
    for tier, cutoff in cutoffs.items():
        overdue |= Q(tier=tier, last_touch__lt=cutoff)
    people = Person.objects.filter(account=account).exclude(id=account.me_id)
    counts = {tier: [0, 0] for tier in rules.TIERS}
    for qs, sign in ((people, 1), (people.filter(cadence_days__isnull=False), -1)):
        for tier, total, late in qs.values("tier").annotate(total=Count("id"), late=Count("id", filter=overdue)) \
                .order_by().values_list("tier", "total", "late"):
            if tier in counts:
                counts[tier][0] += sign * total
                counts[tier][1] += sign * late
    out = []
    for tier in rules.TIERS:
        days = rules.CADENCE_DAYS[tier]
        total, late = counts[tier]
        out.append({"tier": tier, "people": total, "overdue": late if days is not None else 0, "cadence_days": days})
    return out


def summary_lines(data: dict) -> list[str]:
    """The report in a few lines for the terminal."""
    act = sum(sum(v for k, v in w.items() if k != "week") for w in data["activity"])
    asks = sum(w["count"] for w in data["asks"])
    rec = sum(w["received"] for w in data["ledger"])
    giv = sum(w["given"] for w in data["ledger"])
    c = data["loop_closure"]
    lines = [f"From {data['since']} to {data['until']}:",
             f"  {counted(act, 'interaction')}, {counted(asks, 'ask')} made",
             f"  favors (weighted): received {rec:g}, given {giv:g}"]
    if c["favors_received"]:
        lines.append(f"  thanked within 2 days: {c['thanked_within_2_days']}/{c['favors_received']}; "
                     f"reported within 30 days: {c['reported_within_30_days']}/{c['report_loops']}")
    for s in data["leads"]["by_source"]:
        lines.append(f"  leads from {s['source']}: {s['leads']} ({s['interviews']} to interview, {s['offers']} offers)")
    for t in data["tier_coverage"]:
        if t["cadence_days"]:
            lines.append(f"  {t['tier']}: {t['overdue']} of {t['people']} overdue for a check-in")
    return lines
