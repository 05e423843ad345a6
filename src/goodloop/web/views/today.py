"""Today: a welcome with the size of the network, until the ranked agenda exists."""

from django.shortcuts import render

from goodloop.services import pages


def view(request):
    counts = pages.welcome_counts(request.account)
    return render(request, "goodloop/today.html", {"counts": counts, "title": "Today"})
