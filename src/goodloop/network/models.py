"""People, organizations, roles, interactions and where each record came from."""

import uuid
from datetime import timedelta

from django.db import models
from django.db.models import Q
from django.utils import timezone

from goodloop.core import rules as v
from goodloop.runner.processes import is_gone


def choices(values):
    return [(x, x.replace("_", " ")) for x in values]


class Owned(models.Model):
    account = models.ForeignKey("accounts.Account", on_delete=models.CASCADE, related_name="+")

    class Meta:
        abstract = True

    def save(self, *args, update_fields=None, **kwargs):
        # Django moves an auto_now field on save(update_fields=...) only when it is listed: a model that
        # has `updated` always lists it, so every saved change shows (the API's `updated`).
        if update_fields is not None and "updated" not in update_fields and any(
                f.attname == "updated" for f in self._meta.concrete_fields):
            update_fields = [*update_fields, "updated"]
        super().save(*args, update_fields=update_fields, **kwargs)


class OwnedCovered(Owned):
    """Owned, for a model with its own index (or unique constraint) that starts with `account`: that index
    serves every by-account query, so the foreign key's single-column index would only repeat it and cost
    one more index write per row (an import writes tens of thousands of people, contact points and roles)."""

    account = models.ForeignKey("accounts.Account", on_delete=models.CASCADE, related_name="+", db_index=False)

    class Meta:
        abstract = True


class Organization(OwnedCovered):
    name = models.CharField(max_length=300)
    # The matching key: case, punctuation and legal suffixes stripped (core.orgnames).
    normalized_name = models.CharField(max_length=300)
    aliases = models.JSONField(default=list, blank=True)
    domain = models.CharField(max_length=255, blank=True)
    industry = models.CharField(max_length=200, blank=True)
    created = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["account", "normalized_name"], name="org_unique_per_account")
        ]
        ordering = ["name"]

    def __str__(self):
        return self.name


class Tag(OwnedCovered):
    name = models.CharField(max_length=100)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["account", "name"], name="tag_unique_per_account")]
        ordering = ["name"]

    def __str__(self):
        return self.name


class Person(OwnedCovered):
    # The person's stable identity outside this store (vCard UID, the API's `uid`): random, so two stores
    # never share one; a UID read from an imported card is kept, so re-importing it finds the same person.
    uid = models.UUIDField(default=uuid.uuid4)
    given_name = models.CharField(max_length=150, blank=True)
    family_name = models.CharField(max_length=150, blank=True)
    display_name = models.CharField(max_length=300)
    name_prefix = models.CharField(max_length=50, blank=True)  # Dr., Prof.
    name_suffix = models.CharField(max_length=50, blank=True)  # PhD, Jr.
    # Lowercased name + emails + organization + title, kept by the services, so
    # search is one indexed-table scan instead of joins at 30,000 people.
    search_text = models.TextField(blank=True, default="")
    # Current role, denormalized from Role for fast lists; services keep both in step.
    organization = models.ForeignKey(  # indexed by (account, organization) below
        Organization, null=True, blank=True, on_delete=models.SET_NULL, related_name="people", db_index=False
    )
    title = models.CharField(max_length=300, blank=True)
    location = models.CharField(max_length=200, blank=True)
    # Postal addresses as read from a card: [{label, street, locality, region, postcode, country, po_box,
    # extended}]; `location` stays the short "city, region, country" the lists show.
    addresses = models.JSONField(default=list, blank=True)
    birthday = models.DateField(null=True, blank=True)
    tags = models.ManyToManyField(Tag, blank=True, related_name="people")
    how_we_met = models.CharField(max_length=500, blank=True)
    met_through = models.ForeignKey("self", null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
                                    db_index=False)  # a partial index below: most people have none
    connected_on = models.DateField(null=True, blank=True)
    tier = models.CharField(max_length=10, choices=choices(v.TIERS), default="wide")
    cadence_days = models.PositiveIntegerField(null=True, blank=True)
    trust_stage = models.CharField(max_length=12, choices=choices(v.TRUST_STAGES), default="stranger")
    trust_set_by_hand = models.BooleanField(default=False)
    needs = models.JSONField(default=list, blank=True)
    notes = models.TextField(blank=True)
    job_seeking = models.BooleanField(default=False)
    is_me = models.BooleanField(default=False)
    # Any interaction, favor or ask resets the keep-in-touch clock (P4).
    last_touch = models.DateField(null=True, blank=True)
    created = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["display_name", "id"]
        constraints = [models.UniqueConstraint(fields=["account", "uid"], name="person_uid_per_account")]
        indexes = [
            models.Index(fields=["account", "display_name"]),
            models.Index(fields=["account", "organization"]),
            # Today's check-ins walk each tier by last touch, longest unseen first.
            models.Index(fields=["account", "tier", "last_touch"], name="person_tier_touch"),
            # Today's gives read the few people with a recorded need, and its check-ins the few
            # with a cadence set by hand: small partial indexes instead of a scan of everyone.
            models.Index(fields=["account", "display_name"], condition=~Q(needs=[]), name="person_with_needs"),
            models.Index(fields=["account", "last_touch"], condition=Q(cadence_days__isnull=False),
                         name="person_own_cadence"),
            # Deleting a person clears who met through them (`met_through IN (...)`), a handful of rows.
            models.Index(fields=["met_through"], condition=Q(met_through__isnull=False), name="person_met_through"),
        ]

    def __str__(self):
        return self.display_name


class ContactPoint(OwnedCovered):
    """An email, phone or URL of a person; `key` is the normalized matching value."""

    EMAIL, PHONE, URL = "email", "phone", "url"
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="contact_points")
    kind = models.CharField(max_length=8, choices=[(EMAIL, "email"), (PHONE, "phone"), (URL, "url")])
    value = models.CharField(max_length=500)
    key = models.CharField(max_length=500)
    label = models.CharField(max_length=100, blank=True)

    class Meta:
        ordering = ["id"]
        indexes = [models.Index(fields=["account", "kind", "key"])]


class Role(OwnedCovered):
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="roles")
    # indexed by (account, organization, current) below
    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="roles", db_index=False)
    title = models.CharField(max_length=300, blank=True)
    department = models.CharField(max_length=200, blank=True)
    start = models.DateField(null=True, blank=True)
    end = models.DateField(null=True, blank=True)
    current = models.BooleanField(default=True)

    class Meta:
        ordering = ["-current", "-start", "id"]
        indexes = [models.Index(fields=["account", "organization", "current"])]


class Connection(Owned):
    """A recorded person-to-person link ("Ana knows Bo"), used for warm paths."""

    a = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="+")
    b = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="+")
    note = models.CharField(max_length=300, blank=True)


class Interaction(OwnedCovered):
    date = models.DateField()
    channel = models.CharField(max_length=10, choices=choices(v.CHANNELS))
    direction = models.CharField(max_length=10, choices=choices(v.DIRECTIONS), default="mutual")
    summary = models.TextField(blank=True)
    people = models.ManyToManyField(Person, through="InteractionPerson", related_name="interactions")
    created = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-date", "-id"]
        # Channel too, so the Reports page counts a half-year of activity per day and channel
        # from the index alone (75,000 interactions: ~150 ms reading rows, ~10 ms without).
        indexes = [models.Index(fields=["account", "date", "channel"], name="interaction_day_channel")]


class InteractionPerson(Owned):
    interaction = models.ForeignKey(Interaction, on_delete=models.CASCADE)
    person = models.ForeignKey(Person, on_delete=models.CASCADE)

    class Meta:
        indexes = [models.Index(fields=["person", "interaction"])]


class ImportBatch(Owned):
    format = models.CharField(max_length=20)
    filename = models.CharField(max_length=300, blank=True)
    created = models.DateTimeField(auto_now_add=True)
    report = models.JSONField(default=dict, blank=True)


class SourceRecord(Owned):
    """Which import row created or touched a person."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="source_records")
    batch = models.ForeignKey(ImportBatch, null=True, blank=True, on_delete=models.CASCADE, related_name="records")
    format = models.CharField(max_length=20)
    row = models.PositiveIntegerField(null=True, blank=True)
    action = models.CharField(max_length=10, default="created")  # created, updated, unchanged
    fingerprint = models.CharField(max_length=64, blank=True)


class MergeRecord(Owned):
    """Enough to undo a merge: the merged-away person's own data and the rows that moved."""

    kept = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="merges")
    gone_id = models.BigIntegerField()
    gone_name = models.CharField(max_length=300)
    snapshot = models.JSONField(default=dict)
    merged_on = models.DateTimeField(auto_now_add=True)
    undone = models.BooleanField(default=False)

    class Meta:
        ordering = ["-merged_on", "-id"]


class DeletedPerson(Owned):
    """A deleted person's rows, kept for a few minutes (core.rules.DELETE_UNDO_MINUTES) so the
    delete can be undone; purged once that window has passed."""

    person_id = models.BigIntegerField()
    name = models.CharField(max_length=300)
    rows = models.TextField()  # Django's JSON serialization of every row the delete removed
    set_null = models.JSONField(default=list)  # [model label, field, [ids]] the delete emptied
    deleted_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        indexes = [models.Index(fields=["account", "deleted_at"], name="network_deleted_acct_at")]


class ImportJobQuerySet(models.QuerySet):
    def fail_dead(self) -> int:
        """Mark failed, at once, every queued or running job whose worker is gone; returns how many.

        Gone: its process has ended (same host: checked directly; this is how a local start-up
        clears a crashed server's job), or its heartbeat is older than HEARTBEAT_STALE (a job
        that beats, on PostgreSQL, may run on another host), or it never started within
        NEVER_STARTED. A live job is never failed by age alone."""
        now, dead = timezone.now(), []
        for job in self.filter(status__in=(ImportJob.QUEUED, ImportJob.RUNNING)).only(
                "id", "worker", "heartbeat", "created"):
            gone = is_gone(job.worker) if job.worker else None
            if gone is None:
                gone = (now - job.heartbeat > ImportJob.HEARTBEAT_STALE if job.heartbeat
                        else not job.worker and now - job.created > ImportJob.NEVER_STARTED)
            if gone:
                dead.append(job.id)
        if dead:
            self.filter(id__in=dead, status__in=(ImportJob.QUEUED, ImportJob.RUNNING)).update(
                status=ImportJob.FAILED, message=ImportJob.INTERRUPTED, finished=now)
        return len(dead)


class ImportJob(Owned):
    """An import started from the web page: it runs outside the request while the page polls it."""

    QUEUED, RUNNING, DONE, FAILED = "queued", "running", "done", "failed"
    HEARTBEAT_EVERY = timedelta(seconds=15)
    HEARTBEAT_STALE = timedelta(seconds=90)
    NEVER_STARTED = timedelta(minutes=15)
    INTERRUPTED = "the import was interrupted: the process running it stopped. Nothing was saved; retry it"
    objects = ImportJobQuerySet.as_manager()

    status = models.CharField(max_length=10, default=QUEUED)
    format = models.CharField(max_length=20, default="auto")
    filename = models.CharField(max_length=300, blank=True)
    size = models.PositiveBigIntegerField(default=0)
    dry_run = models.BooleanField(default=False)
    done = models.PositiveIntegerField(default=0)  # rows matched so far, of `total`
    total = models.PositiveIntegerField(default=0)
    message = models.TextField(blank=True)  # why it failed, in plain words
    report = models.JSONField(default=dict, blank=True)  # ImportReport.as_dict() once done
    batch = models.ForeignKey(ImportBatch, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    created = models.DateTimeField(auto_now_add=True)
    started = models.DateTimeField(null=True, blank=True)
    finished = models.DateTimeField(null=True, blank=True)
    worker = models.CharField(max_length=120, blank=True)  # the process running it (runner/processes.py)
    heartbeat = models.DateTimeField(null=True, blank=True)  # renewed while it runs, where the store allows
    task = models.CharField(max_length=36, blank=True)  # the django-tasks result that runs it (transfer/tasks.py)
    data = models.BinaryField(null=True, blank=True, editable=False)  # the upload, kept until done: a retry

    class Meta:
        ordering = ["-created", "-id"]


class DismissedDuplicate(OwnedCovered):
    """Two people the user said are not the same person (`first` is the lower id): never suggested again."""

    first = models.BigIntegerField()
    second = models.BigIntegerField()
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["account", "first", "second"], name="dismissed_duplicate_once")]
