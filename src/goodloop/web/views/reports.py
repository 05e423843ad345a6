"""Reports: what my networking is producing, as server-rendered SVG charts with data tables."""


from django.shortcuts import render

from goodloop import clock
from goodloop.core import rules
from goodloop.overview import reports as report_service
from goodloop.web import charts
from goodloop.web.charts import Chart, Series
from goodloop.web.forms_search import SinceForm


def _percent(share):
    return None if share is None else round(100 * share)


def build_charts(data: dict) -> list[Chart]:
    act = data["activity"]
    weeks = [w["week"] for w in act]
    used = [c for c in rules.CHANNELS if any(w[c] for w in act)] or list(rules.CHANNELS[:1])
    total = sum(sum(w[c] for c in rules.CHANNELS) for w in act)
    asks = data["asks"]
    ledger = data["ledger"]
    closure = data["loop_closure"]
    by_source = data["leads"]["by_source"]
    by_person = data["leads"]["by_person"][:10]
    coverage = [t for t in data["tier_coverage"] if t["cadence_days"]]
    overdue = sum(t["overdue"] for t in coverage)
    out = [
        Chart("activity", "Activity per week, by channel", "Week starting", "Interactions", weeks,
              [Series(c, [w[c] for w in act]) for c in used], kind="stacked",
              summary=f"{_n(total, 'interaction')} over {_n(len(weeks), 'week')}, stacked by channel."),
        Chart("asks", "Asks made per week", "Week starting", "Asks", [w["week"] for w in asks],
              [Series("asks made", [w["count"] for w in asks])], kind="bar",
              summary=f"{_n(sum(w['count'] for w in asks), 'ask')} made."),
        Chart("scores", "Average coach score of the week's asks", "Week starting", "Score (0–100)",
              [w["week"] for w in asks], [Series("average score", [w["average_score"] for w in asks])],
              kind="line", y_max=100, summary="The coach's average score of the asks made each week."),
        Chart("ledger", "Favors received and given (weighted)", "Week starting", "Weighted favors",
              [w["week"] for w in ledger], [Series("received", [w["received"] for w in ledger]),
                                            Series("given", [w["given"] for w in ledger])], kind="line",
              summary=f"Received {sum(w['received'] for w in ledger):g}, given {sum(w['given'] for w in ledger):g}."),
        Chart("closure", "Loop closure", "Loop", "Share closed in time (%)",
              ["thanked in 2 days", "reported in 30 days"],
              [Series("share (%)", [_percent(closure["thanked_share"]), _percent(closure["reported_share"])])],
              kind="bar", y_max=100,
              summary=f"{closure['thanked_within_2_days']} of {_n(closure['favors_received'], 'favor')} thanked within "
                      f"2 days; {closure['reported_within_30_days']} of {_n(closure['report_loops'], 'report')} "
                      f"within 30."),
        Chart("sources", "Leads by source, with conversion", "Source", "Leads",
              [s["source"] for s in by_source],
              [Series(k, [s[k] for s in by_source]) for k in ("leads", "interviews", "offers")], kind="bar",
              summary="How many leads each channel produced, and how many reached interview and offer."),
        Chart("people", "Leads by person, with conversion", "Person", "Leads",
              [p["person"] for p in by_person],
              [Series(k, [p[k] for p in by_person]) for k in ("leads", "interviews", "offers")], kind="bar",
              summary="Which relationships produce leads (top ten)."),
        Chart("coverage", "Tier coverage: overdue check-ins", "Tier", "People",
              [t["tier"] for t in coverage],
              [Series("on time", [t["people"] - t["overdue"] for t in coverage]),
               Series("overdue", [t["overdue"] for t in coverage], color="#D55E00")], kind="stacked",
              summary=f"{_n(overdue, 'contact')} {'is' if overdue == 1 else 'are'} overdue for a check-in."),
    ]
    return [charts.render(c) for c in out]


def view(request):
    form = SinceForm(request.GET or None, account=request.account)
    since = form.cleaned_data.get("since") if form.is_valid() else None
    data = report_service.build(request.account, clock.today(request.account), since)
    return render(request, "goodloop/reports/page.html", {
        "title": "Reports", "form": form, "data": data, "charts": build_charts(data),
        "closure": data["loop_closure"],
    }, status=400 if form.errors else 200)


def _n(count: int, one: str, many: str = "") -> str:
    """"1 ask", "2 asks": the count with the word it agrees with."""
    return f"{count} {one if count == 1 else (many or one + 's')}"
