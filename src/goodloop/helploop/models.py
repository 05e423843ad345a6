"""The help loop: asks, favors, and the loops I owe people."""

from django.db import models

from goodloop.core import rules as v
from goodloop.network.models import Owned, choices


class Ask(Owned):
    MADE, RECEIVED = "made", "received"
    person = models.ForeignKey("network.Person", on_delete=models.CASCADE, related_name="asks")
    # "made" is my ask of them; "received" is a request they make of me (the giver's side).
    direction = models.CharField(max_length=8, choices=[(MADE, "made"), (RECEIVED, "received")], default=MADE)
    text = models.TextField()
    kind = models.CharField(max_length=20, choices=choices(v.ASK_KINDS), default="other")
    organizations = models.ManyToManyField("network.Organization", blank=True, related_name="asks")
    score = models.PositiveSmallIntegerField(null=True, blank=True)
    findings = models.JSONField(default=list, blank=True)
    status = models.CharField(max_length=10, choices=choices(v.ASK_STATUSES), default="sent")
    date = models.DateField()
    sent_on = models.DateField(null=True, blank=True)
    answered_on = models.DateField(null=True, blank=True)
    nudges = models.PositiveSmallIntegerField(default=0)
    last_nudge = models.DateField(null=True, blank=True)
    # 3B7: once a second person at the same organization was contacted (or the step dismissed).
    second_contact_done = models.BooleanField(default=False)
    # Why my ask stopped waiting: "favor from Ana (advice)", "Ana made the introduction",
    # "Ana wrote back", or "marked no_reply" - with the day it happened.
    closed_on = models.DateField(null=True, blank=True)
    closed_reason = models.CharField(max_length=300, blank=True, default="")
    # The giver's side (direction "received"): how I triaged their request and what I promised.
    triage = models.CharField(max_length=10, null=True, blank=True)  # accept, smaller, redirect, decline
    triage_note = models.TextField(null=True, blank=True)
    triaged_on = models.DateField(null=True, blank=True)
    redirect_to = models.ForeignKey("network.Person", null=True, blank=True, on_delete=models.SET_NULL,
                                    related_name="+")
    promise_due = models.DateField(null=True, blank=True)  # the deadline I gave them
    promise_kind = models.CharField(max_length=20, null=True, blank=True)  # the favor kind I promised
    minutes = models.PositiveIntegerField(null=True, blank=True)  # my estimate of what it costs me
    reply_draft = models.TextField(null=True, blank=True)
    created = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-date", "-id"]
        indexes = [models.Index(fields=["account", "person", "date"])]


class Favor(Owned):
    person = models.ForeignKey("network.Person", on_delete=models.CASCADE, related_name="favors")
    direction = models.CharField(max_length=8, choices=choices(v.FAVOR_DIRECTIONS))
    kind = models.CharField(max_length=20, choices=choices(v.FAVOR_KINDS))
    date = models.DateField()
    note = models.TextField(blank=True)
    ask = models.ForeignKey(Ask, null=True, blank=True, on_delete=models.SET_NULL, related_name="favors")
    lead = models.ForeignKey("leads.Lead", null=True, blank=True, on_delete=models.SET_NULL, related_name="favors")
    introduction = models.ForeignKey(
        "leads.Introduction", null=True, blank=True, on_delete=models.SET_NULL, related_name="favors"
    )
    created = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-date", "-id"]
        indexes = [models.Index(fields=["account", "person", "date"])]


class Loop(Owned):
    person = models.ForeignKey("network.Person", on_delete=models.CASCADE, related_name="loops")
    kind = models.CharField(max_length=10, choices=choices(v.LOOP_KINDS))
    status = models.CharField(max_length=8, choices=choices(v.LOOP_STATUSES), default="open")
    due = models.DateField()
    reason = models.CharField(max_length=500)
    note = models.TextField(blank=True)
    opened_on = models.DateField()
    closed_on = models.DateField(null=True, blank=True)
    favor = models.ForeignKey(Favor, null=True, blank=True, on_delete=models.CASCADE, related_name="loops")
    ask = models.ForeignKey(Ask, null=True, blank=True, on_delete=models.CASCADE, related_name="loops")
    lead = models.ForeignKey("leads.Lead", null=True, blank=True, on_delete=models.CASCADE, related_name="loops")
    introduction = models.ForeignKey(
        "leads.Introduction", null=True, blank=True, on_delete=models.CASCADE, related_name="loops"
    )
    draft = models.TextField(blank=True)
    created = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["due", "id"]
        indexes = [models.Index(fields=["account", "status", "due"])]


class GivingBudget(Owned):
    """My weekly giving capacity (favors or minutes) and the weekdays I batch gives into."""

    FAVORS, MINUTES = "favors", "minutes"
    unit = models.CharField(max_length=8, choices=[(FAVORS, "favors"), (MINUTES, "minutes")], default=MINUTES)
    amount = models.PositiveIntegerField()
    days = models.JSONField(default=list, blank=True)  # weekday numbers, Monday = 0
    updated = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["account"], name="one_giving_budget_per_account")]


class Transition(Owned):
    """A contact in a job search that I help: monthly check-ins until they land."""

    person = models.ForeignKey("network.Person", on_delete=models.CASCADE, related_name="transitions")
    started_on = models.DateField()
    landed_on = models.DateField(null=True, blank=True)
    landed_note = models.CharField(max_length=300, blank=True)
    current_loop = models.ForeignKey(Loop, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        ordering = ["-started_on", "-id"]
        indexes = [models.Index(fields=["account", "person"])]


class ClosureReceived(Owned):
    """A requester closing the loop with me: they thanked me, or told me how my help panned out."""

    THANKED, REPORTED = "thanked", "reported"
    ask = models.ForeignKey(Ask, on_delete=models.CASCADE, related_name="closures")
    kind = models.CharField(max_length=8, choices=[(THANKED, "thanked"), (REPORTED, "reported")])
    date = models.DateField()
    note = models.TextField(blank=True)

    class Meta:
        ordering = ["date", "id"]
        constraints = [models.UniqueConstraint(fields=["ask", "kind"], name="one_closure_kind_per_request")]


class Snooze(Owned):
    """A Today item put off ("not now") until a day: the item's stable key, e.g. ``loop:12``."""

    key = models.CharField(max_length=80)
    until = models.DateField()
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["account", "key"], name="one_snooze_per_item")]


class CalendarFeed(Owned):
    """The secret address of an account's loops calendar, which calendar apps poll without a login.
    Reset replaces the token, and the old address stops working at once."""

    token = models.CharField(max_length=64, unique=True)
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["account"], name="one_calendar_feed_per_account")]
