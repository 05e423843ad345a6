"""Requests made of me, promises, favors given, transitions and closure for the giver's web tests."""

from datetime import date

from goodloop.giving import closure, requests, transition
from goodloop.helploop import favors
from goodloop.network import interactions

VAGUE = "Do you know any companies I should target?"
SPECIFIC = ("Could you introduce me to a product marketing manager at eBay? I'm preparing for interviews "
            "there and would value 20 minutes. Thanks!")


def giver_rows(account, people, today: date | None = None):
    """For each person: a request made of me; every third accepted and kept, every third accepted
    (open promise), the rest left open, some vague; a transition for each fifth; thanks and an
    inbound report for the kept ones; a favor given outside any request for each fourth."""
    today = today or date.today()
    for i, person in enumerate(people):
        text = VAGUE if i % 2 else SPECIFIC
        ask = requests.record(account, person, text, when=today).ask
        if i % 3 == 0:
            result = requests.triage(account, ask.id, "accept", when=today)
            loop = result.loops_opened[0]
            requests.keep_promise(account, loop.id, when=today)
            closure.thanked_me(account, ask.id, when=today)
            interactions.log(account, [person], "email", "inbound", "Quick update: I got the interview!", today)
        elif i % 3 == 1:
            requests.triage(account, ask.id, "smaller", when=today)
        if i % 5 == 0:
            transition.mark_seeking(account, person, today)
        if i % 4 == 0:
            favors.record(account, person, "given", "share", note="shared their post", when=today)
