"""The search around the seeker: targets, leads, introductions and the brief."""

from django.db import models

from goodloop.core import rules as v
from goodloop.network.models import Owned, choices


class Target(Owned):
    organization = models.ForeignKey("network.Organization", on_delete=models.CASCADE, related_name="targets")
    priority = models.PositiveIntegerField(default=1)  # 1 = top
    why = models.TextField(blank=True)
    status = models.CharField(max_length=12, choices=choices(v.TARGET_STATUSES), default="researching")
    created = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["priority", "id"]
        constraints = [
            models.UniqueConstraint(fields=["account", "organization"], name="target_unique_per_account")
        ]


class Introduction(Owned):
    introducer = models.ForeignKey("network.Person", on_delete=models.CASCADE, related_name="+")
    introducee = models.ForeignKey("network.Person", on_delete=models.CASCADE, related_name="+")
    introduced = models.ForeignKey("network.Person", on_delete=models.CASCADE, related_name="+")
    purpose = models.TextField(blank=True)
    status = models.CharField(max_length=14, choices=choices(v.INTRO_STATUSES), default="requested")
    requested_on = models.DateField()
    made_on = models.DateField(null=True, blank=True)
    met_on = models.DateField(null=True, blank=True)
    status_changed_on = models.DateField()
    created = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-requested_on", "-id"]


class Lead(Owned):
    organization = models.ForeignKey("network.Organization", on_delete=models.CASCADE, related_name="leads")
    title = models.CharField(max_length=300)
    url = models.URLField(max_length=500, blank=True)
    stage = models.CharField(max_length=12, choices=choices(v.LEAD_STAGES), default="identified")
    source = models.CharField(max_length=12, choices=choices(v.LEAD_SOURCES), default="other")
    source_person = models.ForeignKey(
        "network.Person", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    source_introduction = models.ForeignKey(
        Introduction, null=True, blank=True, on_delete=models.SET_NULL, related_name="leads"
    )
    contributors = models.ManyToManyField("network.Person", blank=True, related_name="leads")
    notes = models.TextField(blank=True)
    created_on = models.DateField()
    stage_changed_on = models.DateField()
    created = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-stage_changed_on", "-id"]


class LeadStageChange(Owned):
    lead = models.ForeignKey(Lead, on_delete=models.CASCADE, related_name="history")
    stage = models.CharField(max_length=12, choices=choices(v.LEAD_STAGES))
    date = models.DateField()

    class Meta:
        ordering = ["date", "id"]


class Brief(Owned):
    headline = models.CharField(max_length=300, blank=True)
    roles_sought = models.JSONField(default=list, blank=True)
    people_categories = models.JSONField(default=list, blank=True)
    how_you_can_help = models.JSONField(default=list, blank=True)
    offers = models.JSONField(default=list, blank=True)
    updated = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["account"], name="one_brief_per_account")]


class Landing(Owned):
    """I accepted an offer: the search landed. What the landing closed is kept so it can be undone
    (moving the accepted lead back restores each lead, target and ask as it was)."""

    lead = models.ForeignKey(Lead, on_delete=models.CASCADE, related_name="landings")
    on = models.DateField()
    withdrawn_leads = models.JSONField(default=list, blank=True)  # [{"id", "stage"}] as they were
    closed_targets = models.JSONField(default=list, blank=True)  # [{"id", "status"}]
    withdrawn_asks = models.JSONField(default=list, blank=True)  # [{"id", "status"}]
    undone_on = models.DateField(null=True, blank=True)
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-on", "-id"]
