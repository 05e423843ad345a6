"""Web imports, run by the task worker, and the possible-duplicates list.

    job = start(account, data, format="auto", filename="x.csv", dry_run=False)
    state(job)          # {"phase", "done", "total", "percent"} for the progress bar
    wait(job.id)        # block until the job ends (tests, scripts)

`start` records an ImportJob (the file kept in it until the import completes) and enqueues the
`run_import` task (transfer/tasks.py): `goodloop worker` runs it, or, in local mode, the worker
thread of `goodloop serve`. A caller inside a transaction (a test's, or with
`GOODLOOP_IMPORT_INLINE = True` in the settings) has the task run here and now instead: a worker
could not see the uncommitted job. Any failure ends the job with a plain message, never a
server error; the import itself is one transaction, so a failed job saved nothing.

A job follows its task (`reconcile`): when the worker running it dies, the task goes back in the
queue and the job waits again, to run from the start; when its workers keep dying, the job fails
with a retry. Jobs from before the task runner (no task) are failed once their process is gone
(ImportJob.objects.fail_dead). `suggestions` lists the merge suggestions of every import batch
plus same-name people, minus pairs that are gone, merged or dismissed.
"""

from __future__ import annotations

import time

from django.conf import settings
from django.db import connection
from django.db.models import Count, F, Q
from django.db.models.functions import Lower
from django.utils import timezone
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from goodloop.errors import NotFound, ServiceError
from goodloop.formats import registry
from goodloop.formats.records import FormatError
from goodloop.network.models import (
    ContactPoint,
    DismissedDuplicate,
    ImportBatch,
    ImportJob,
    MergeRecord,
    Person,
)
from goodloop.runner import lease, worker
from goodloop.transfer import importer, tasks

MAX_UPLOAD_MB = 20
MAX_UPLOAD = MAX_UPLOAD_MB * 1024 * 1024
CHUNK = 500
NAME_GROUP_LIMIT = 6  # same-name groups larger than this are colleagues with a common name, not duplicates
UNFINISHED = (ImportJob.QUEUED, ImportJob.RUNNING)
REQUEUED = "the worker running it stopped; it starts again from the beginning"


def check_file(data: bytes, fmt: str) -> None:
    """A quick look before anything is saved: ServiceError(field="file") when the file is not a
    contacts file, or not the format chosen (the full parse happens only when detection disagrees)."""
    if len(data) > MAX_UPLOAD:
        raise ServiceError(f"this file is larger than {MAX_UPLOAD_MB} MB", field="file")
    try:
        detected = registry.detect(data)
        if fmt not in ("auto", detected):
            registry.parse(data, fmt)
    except FormatError as exc:
        raise ServiceError(str(exc), field="file") from None
    except (ValueError, TypeError, LookupError) as exc:
        raise ServiceError(f"cannot read this file: {exc}", field="file") from None


def running(account) -> ImportJob | None:
    """The account's import that is still queued or running (after `reconcile`)."""
    reconcile(ImportJob.objects.filter(account=account))
    return ImportJob.objects.filter(account=account, status__in=UNFINISHED).defer("data", "report").first()


def recover() -> int:
    """At start-up: bring every unfinished job in line with its task (see `reconcile`); returns how
    many were failed or put back in the queue."""
    return reconcile(ImportJob.objects.all())


def reconcile(jobs) -> int:
    """Unfinished jobs of `jobs` whose worker died: a job whose task went back in the queue waits
    again; a job whose task failed or vanished fails with a retry. Returns how many changed."""
    unfinished = list(jobs.filter(status__in=UNFINISHED).values_list("id", "status", "task"))
    if not unfinished:
        return 0
    changed = ImportJob.objects.filter(id__in=[i for i, _, t in unfinished if not t]).fail_dead()
    with_task = [(i, status, t) for i, status, t in unfinished if t]
    if not with_task:
        return changed
    lease.requeue_abandoned(ids=[t for _, _, t in with_task])
    states = {str(k): v for k, v in DBTaskResult.objects.filter(id__in=[t for _, _, t in with_task])
              .values_list("id", "status")}
    now = timezone.now()
    for job_id, status, task_id in with_task:
        task_state = states.get(task_id)
        if task_state in (None, TaskResultStatus.FAILED, TaskResultStatus.SUCCESSFUL):
            # The task ended (or vanished with a restored copy) without the job recording its end.
            changed += ImportJob.objects.filter(id=job_id, status__in=UNFINISHED).update(
                status=ImportJob.FAILED, message=ImportJob.INTERRUPTED, finished=now)
        elif task_state == TaskResultStatus.READY and status == ImportJob.RUNNING:
            changed += ImportJob.objects.filter(id=job_id, status=ImportJob.RUNNING).update(
                status=ImportJob.QUEUED, message=REQUEUED)
    return changed


def retry(account, job_id: int) -> ImportJob:
    """Start a failed job's file again, as a new job (the file moves to it)."""
    job = ImportJob.objects.filter(account=account, id=job_id).first()
    if job is None:
        raise NotFound(f"no import with id {job_id}")
    if job.status != ImportJob.FAILED or job.data is None:
        raise ServiceError("only a failed import whose file was kept can be retried: upload the file again")
    new = start(account, bytes(job.data), format=job.format, filename=job.filename, dry_run=job.dry_run)
    ImportJob.objects.filter(id=job.id).update(data=None)
    return new


def start(account, data: bytes, format: str = "auto", filename: str = "", dry_run: bool = False) -> ImportJob:
    """Record a job and enqueue its task (or run it here: see the module docstring)."""
    if format not in importer.FORMATS:
        raise ServiceError(f"unknown format {format!r}: choose {', '.join(importer.FORMATS)}", field="format")
    if running(account) is not None:
        raise ServiceError("an import is already running: wait for it to finish, then upload the next file")
    job = ImportJob.objects.create(account=account, format=format, filename=(filename or "")[:300],
                                   size=len(data), dry_run=dry_run, data=data)
    job.task = str(tasks.run_import.enqueue(job.id).id)
    ImportJob.objects.filter(id=job.id).update(task=job.task)
    if getattr(settings, "GOODLOOP_IMPORT_INLINE", False) or connection.in_atomic_block:
        worker.run_now(job.task)
        job.refresh_from_db()
    return job


def wait(job_id: int, timeout: float = 60) -> bool:
    """Wait until the job has ended (a worker runs it); False if it has not within `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while ImportJob.objects.filter(id=job_id, status__in=UNFINISHED).exists():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.1)
    return True


def expire_if_stale(job: ImportJob) -> bool:
    """Bring this job in line with its task now (a page view of it); True if its status changed."""
    if job.status not in UNFINISHED or not reconcile(ImportJob.objects.filter(id=job.id)):
        return False
    job.refresh_from_db(fields=["status", "message", "finished"])
    return True


def state(job: ImportJob) -> dict:
    """What the progress bar shows: a phase and, once rows are being matched, done of total."""
    done, total = tasks.live(job.id) or (job.done, job.total)
    if job.status == ImportJob.QUEUED:
        phase = "waiting"
    elif job.status != ImportJob.RUNNING:
        phase = job.status
    elif not total:
        phase = "reading"
    else:
        phase = "matching" if done < total else "saving"
    percent = 100 if phase in ("saving", "done") else (done * 100 // total if total else 0)
    return {"phase": phase, "done": done, "total": total, "percent": percent}


def touched(job: ImportJob):
    """The batch's import rows that created or updated someone, in row order, with the person."""
    from goodloop.network.models import SourceRecord

    return (SourceRecord.objects.filter(account_id=job.account_id, batch_id=job.batch_id)
            .exclude(action="unchanged").select_related("person").order_by("row", "id"))


def merges_of(job: ImportJob, limit: int = 400) -> list[MergeRecord]:
    """Merges this import made (bridging records) and merges of its suggested pairs, newest first."""
    report = job.report or {}
    ids = set(report.get("merge_ids") or [])
    pairs = {frozenset((s["a"].get("id"), s["b"].get("id"))) for s in (report.get("merge_suggestions") or [])[:limit]}
    people = {i for p in pairs for i in p if i}
    qs = MergeRecord.objects.filter(account_id=job.account_id).select_related("kept")
    found = list(qs.filter(id__in=ids)) if ids else []
    if people:
        found += [m for m in qs.filter(gone_id__in=people, kept_id__in=people).exclude(id__in=ids)
                  if frozenset((m.kept_id, m.gone_id)) in pairs]
    return sorted(found, key=lambda m: (m.merged_on, m.id), reverse=True)


# ---------------------------------------------------------------------- possible duplicates


def suggestions(account) -> list[dict]:
    """Pairs of people who may be one person: [{a, b, reason, batch}] (a, b are person ids), from
    the import reports (newest first) and then same-name people at the same or no organization."""
    dismissed = set(DismissedDuplicate.objects.filter(account=account).values_list("first", "second"))
    batches = ImportBatch.objects.filter(account=account).order_by("-id")
    reported = [(s.get("a", {}).get("id"), s.get("b", {}).get("id"), s.get("reason", ""), batch_id)
                for batch_id, found in batches.values_list("id", "report__merge_suggestions") for s in found or ()]
    same = _same_names(account)  # people who are there, by construction
    existing = {i for a, b, _ in same for i in (a, b)}
    named = sorted({i for a, b, *_ in reported for i in (a, b) if isinstance(i, int)})
    for i in range(0, len(named), CHUNK):  # a reported person may have been merged or deleted since
        existing.update(Person.objects.filter(account=account, is_me=False, id__in=named[i:i + CHUNK])
                        .values_list("id", flat=True))
    out, seen = [], set()
    for a, b, reason, batch in [*reported, *((a, b, reason, None) for a, b, reason in same)]:
        if not a or not b or a == b or a not in existing or b not in existing:
            continue
        key = (min(a, b), max(a, b))
        if key in seen or key in dismissed:
            continue
        seen.add(key)
        out.append({"a": a, "b": b, "reason": reason, "batch": batch})
    return out


def _same_names(account):
    """Same (case-folded) name, at the same or a missing organization, without differing LinkedIn URLs."""
    people = Person.objects.filter(account=account, is_me=False).annotate(key=Lower("display_name"))
    # Only the names whose group holds a pair: someone without an organization, or two at the same one
    # (a few hundred of 30,000 people, found in one scan; the rest are colleagues or namesakes elsewhere).
    names = list(people.values("key").annotate(n=Count("id"), with_org=Count("organization_id"),
                                               orgs=Count("organization_id", distinct=True))
                 .filter(Q(with_org__lt=F("n")) | Q(orgs__lt=F("with_org")), n__gt=1, n__lte=NAME_GROUP_LIMIT)
                 .values_list("key", flat=True))
    rows = []
    for i in range(0, len(names), CHUNK):  # plain lists: nested subqueries can plan badly on PostgreSQL
        rows += people.filter(key__in=names[i:i + CHUNK]).values_list("id", "key", "organization_id")
    rows.sort(key=lambda r: (r[1], r[0]))
    groups: dict[str, list] = {}
    for pid, key, org in rows:
        groups.setdefault(key, []).append((pid, org))
    pairs = [(a, b, bool(org_a and org_b)) for group in groups.values() for i, (a, org_a) in enumerate(group)
             for b, org_b in group[i + 1:] if not (org_a and org_b and org_a != org_b)]
    ids = sorted({i for a, b, _ in pairs for i in (a, b)})  # LinkedIn URLs only of those still in question
    linkedin: dict[int, set] = {}
    for i in range(0, len(ids), CHUNK):
        for pid, key in ContactPoint.objects.filter(account=account, kind=ContactPoint.URL, person_id__in=ids[i:i + CHUNK],
                                                    key__startswith="linkedin.com/in/").values_list("person_id", "key"):
            linkedin.setdefault(pid, set()).add(key)
    out = []
    for a, b, same_org in pairs:
        urls_a, urls_b = linkedin.get(a), linkedin.get(b)
        if urls_a and urls_b and not urls_a & urls_b:
            continue  # a differing strong key: two people with one name
        out.append((a, b, "same name at the same organization" if same_org else "same name"))
    return out


def dismiss(account, a: int, b: int) -> None:
    """Mark two people as not the same person (both must be the account's)."""
    first, second = min(a, b), max(a, b)
    if first == second or Person.objects.filter(account=account, id__in=(first, second)).count() != 2:
        raise ServiceError("unknown person")
    DismissedDuplicate.objects.get_or_create(account=account, first=first, second=second)
