"""The Givers report: loop closure toward me (asked, helped, thanked, reported), the people I
have helped most, who has not said how it went, and open promises — private facts, never a
score or a ranking shown to anyone."""


from django.core.paginator import Paginator
from django.shortcuts import render

from goodloop import clock
from goodloop.giving import closure

from .giving import SUBNAV

PEOPLE_PER_PAGE = 50


def view(request):
    today = clock.today(request.account)
    report = closure.givers_report(request.account, today)
    people = Paginator(report["people"], PEOPLE_PER_PAGE).get_page(request.GET.get("page"))
    totals = report["closure"]
    helped = totals["helped"]
    return render(request, "goodloop/giving/report.html", {
        "title": "Givers report", "current_section": "giving", "subnav": SUBNAV, "today": today,
        "report": report, "totals": totals, "people": people,
        "no_word_back": sorted(report["no_word_back"], key=lambda r: r["person"]["name"].lower()),
        "closed_the_loop": sorted(report["closed_the_loop"], key=lambda p: p["name"].lower()),
        "thanked_pct": round(100 * totals["thanked"] / helped) if helped else None,
        "reported_pct": round(100 * totals["reported"] / helped) if helped else None,
    })
