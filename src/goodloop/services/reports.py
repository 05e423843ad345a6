"""Reports: what my networking is producing, as the numbers behind every chart."""

from collections import defaultdict
from datetime import date, timedelta

from django.db.models import Avg, Count, Q
from django.db.models.functions import TruncWeek

from goodloop.core import ledger as ledger_rules
from goodloop.core import rules
from goodloop.helploop.models import Ask, Favor, Loop
from goodloop.leads.models import Lead, LeadStageChange
from goodloop.network.models import Interaction, Person

DEFAULT_WEEKS = 26
REACHED_INTERVIEW = ("interviewing", "offer", "accepted")
REACHED_OFFER = ("offer", "accepted")


def _week(d) -> str:
    if hasattr(d, "date"):
        d = d.date()
    return (d - timedelta(days=d.weekday())).isoformat()


def build(account, today: date | None = None, since: date | None = None) -> dict:
    """Every report figure from `since` (default 26 weeks ago) to `today`."""
    today = today or date.today()
    since = since or today - timedelta(weeks=DEFAULT_WEEKS)
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
    rows = (Interaction.objects.filter(account=account, date__gte=since, date__lte=today)
            .annotate(week=TruncWeek("date")).values("week", "channel").annotate(n=Count("id")))
    weeks = defaultdict(lambda: {c: 0 for c in rules.CHANNELS})
    for r in rows:
        weeks[_week(r["week"])][r["channel"]] = r["n"]
    return [{"week": w, **weeks[w]} for w in sorted(weeks)]


def _asks(account, since, today):
    rows = (Ask.objects.filter(account=account, direction="made", date__gte=since, date__lte=today)
            .annotate(week=TruncWeek("date")).values("week").annotate(n=Count("id"), score=Avg("score")))
    return [{"week": _week(r["week"]), "count": r["n"],
             "average_score": round(r["score"], 1) if r["score"] is not None else None}
            for r in sorted(rows, key=lambda r: _week(r["week"]))]


def _ledger(account, since, today):
    weeks = defaultdict(lambda: {"received": 0.0, "given": 0.0})
    rows = (Favor.objects.filter(account=account, date__gte=since, date__lte=today)
            .annotate(week=TruncWeek("date")).values("week", "direction", "kind").annotate(n=Count("id")))
    for r in rows:
        weeks[_week(r["week"])][r["direction"]] += ledger_rules.weight(r["kind"]) * r["n"]
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
    people = Person.objects.filter(account=account, cadence_days__isnull=True).exclude(id=account.me_id)
    out = []
    for tier in rules.TIERS:
        days = rules.CADENCE_DAYS[tier]
        qs = people.filter(tier=tier)
        if days is None:
            agg = qs.aggregate(total=Count("id"))
            out.append({"tier": tier, "people": agg["total"], "overdue": 0, "cadence_days": None})
            continue
        cutoff = today - timedelta(days=days)
        agg = qs.aggregate(total=Count("id"), overdue=Count("id", filter=Q(last_touch__lt=cutoff) | Q(
            last_touch__isnull=True)))
        out.append({"tier": tier, "people": agg["total"], "overdue": agg["overdue"], "cadence_days": days})
    return out


def summary_lines(data: dict) -> list[str]:
    """The report in a few lines for the terminal."""
    act = sum(sum(v for k, v in w.items() if k != "week") for w in data["activity"])
    asks = sum(w["count"] for w in data["asks"])
    rec = sum(w["received"] for w in data["ledger"])
    giv = sum(w["given"] for w in data["ledger"])
    c = data["loop_closure"]
    lines = [f"From {data['since']} to {data['until']}:",
             f"  {act} interactions, {asks} asks made",
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
