"""Web imports that run outside the request, and the possible-duplicates list.

    job = start(account, data, format="auto", filename="x.csv", dry_run=False)
    state(job)          # {"phase", "done", "total", "percent"} for the progress bar
    wait(job.id)        # block until a background job ends (tests, shutdown)

`start` records an ImportJob and runs `importer.import_file` in a daemon thread with its
own database connection (closed at the end). A job whose caller is inside a transaction
(a test's, or `GOODLOOP_IMPORT_INLINE = True` in the settings) runs inline instead: a
thread could not see the uncommitted job. Any failure ends the job with a plain message,
never a server error; the import itself is one transaction, so a failed job saved nothing.

While the import's transaction runs, SQLite allows no other writer, so progress lives in
this process's memory (and, on PostgreSQL, is also written through a side connection so
other web workers can show it). `suggestions` lists the merge suggestions of every import
batch plus same-name people, minus pairs that are gone, merged or dismissed.
"""

from __future__ import annotations

import logging
import threading

from django.conf import settings
from django.db import connection, connections
from django.db.models import Count, F, Q
from django.db.models.functions import Lower
from django.utils import timezone

from goodloop.errors import NotFound, ServiceError
from goodloop.formats import registry
from goodloop.formats.records import FormatError
from goodloop.network import workers
from goodloop.network.models import (
    ContactPoint,
    DismissedDuplicate,
    ImportBatch,
    ImportJob,
    MergeRecord,
    Person,
)
from goodloop.transfer import importer

log = logging.getLogger(__name__)

MAX_UPLOAD_MB = 20
MAX_UPLOAD = MAX_UPLOAD_MB * 1024 * 1024
CHUNK = 500
NAME_GROUP_LIMIT = 6  # same-name groups larger than this are colleagues with a common name, not duplicates

_live: dict[int, tuple[int, int]] = {}  # job id -> (done, total), while its import runs in this process
_threads: dict[int, threading.Thread] = {}
_lock = threading.Lock()


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
    """The account's import that is still running (a job whose worker is gone is failed first)."""
    ImportJob.objects.filter(account=account).exclude(id__in=list(_threads)).fail_dead()
    return (ImportJob.objects.filter(account=account, status__in=(ImportJob.QUEUED, ImportJob.RUNNING))
            .defer("data", "report").first())


def recover() -> int:
    """At start-up: every job left running by a process that has stopped is failed at once, with
    a message and a retry (ImportJob.objects.fail_dead); returns how many."""
    return ImportJob.objects.exclude(id__in=list(_threads)).fail_dead()


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
    """Record a job and run it: in a background thread, or inline (see the module docstring)."""
    if format not in importer.FORMATS:
        raise ServiceError(f"unknown format {format!r}: choose {', '.join(importer.FORMATS)}", field="format")
    if running(account) is not None:
        raise ServiceError("an import is already running: wait for it to finish, then upload the next file")
    job = ImportJob.objects.create(account=account, format=format, filename=(filename or "")[:300],
                                   size=len(data), dry_run=dry_run, data=data)
    if getattr(settings, "GOODLOOP_IMPORT_INLINE", False) or connection.in_atomic_block:
        run(job.id, data)
        job.refresh_from_db()
        return job
    thread = threading.Thread(target=run, args=(job.id, data), kwargs={"own_connection": True},
                              name=f"goodloop-import-{job.id}", daemon=True)
    with _lock:
        _threads[job.id] = thread
        _live[job.id] = (0, 0)
    thread.start()
    return job


def wait(job_id: int, timeout: float = 60) -> bool:
    """Wait for a background job of this process to end; False if it is still running."""
    thread = _threads.get(job_id)
    if thread is not None:
        thread.join(timeout)
        return not thread.is_alive()
    return True


def run(job_id: int, data: bytes, own_connection: bool = False) -> None:
    """The job itself. With `own_connection` (a thread), the thread's connection is closed at the end."""
    side, beating = None, threading.Event()
    try:
        job = ImportJob.objects.select_related("account").defer("data").get(id=job_id)
        now = timezone.now()
        ImportJob.objects.filter(id=job_id).update(status=ImportJob.RUNNING, started=now,
                                                   worker=workers.this_process(), heartbeat=now)
        if own_connection and connection.vendor == "postgresql":
            side = connections.create_connection("default")
            # SQLite: no other writer while the import's transaction runs, and no need: its jobs
            # run on this host, where fail_dead asks whether the process still runs.
            threading.Thread(target=_beat, args=(job_id, beating), daemon=True,
                             name=f"goodloop-import-{job_id}-heartbeat").start()

        def progress(done: int, total: int) -> None:
            with _lock:
                _live[job_id] = (done, total)
            if side is not None:
                with side.cursor() as cursor:
                    cursor.execute(f"UPDATE {ImportJob._meta.db_table} SET done = %s, total = %s WHERE id = %s",
                                   [done, total, job_id])

        last_merge = MergeRecord.objects.filter(account=job.account).order_by("-id").values_list("id", flat=True)
        before = last_merge.first() or 0
        report = importer.import_file(job.account, data, format=job.format, filename=job.filename,
                                      dry_run=job.dry_run, progress=progress).as_dict()
        report["merge_ids"] = [] if job.dry_run else list(
            MergeRecord.objects.filter(account=job.account, id__gt=before).order_by("id").values_list("id", flat=True))
        ImportJob.objects.filter(id=job_id).update(status=ImportJob.DONE, report=report, batch_id=report["batch"],
                                                   done=report["rows"], total=report["rows"],
                                                   finished=timezone.now(), data=None)
    except ServiceError as exc:
        _fail(job_id, exc.message)
    except Exception as exc:  # noqa: BLE001 — the page shows a message, never a server error
        log.exception("import job %s failed", job_id)
        _fail(job_id, f"the import stopped on an unexpected error ({type(exc).__name__}: {exc}); nothing was saved")
    finally:
        beating.set()
        with _lock:
            _live.pop(job_id, None)
            _threads.pop(job_id, None)
        if side is not None:
            side.close()
        if own_connection:
            connection.close()


def _fail(job_id: int, message: str) -> None:
    try:
        ImportJob.objects.filter(id=job_id).update(status=ImportJob.FAILED, message=message[:2000],
                                                   finished=timezone.now())
    except Exception:  # noqa: BLE001 — the store itself is failing; the log has it
        log.exception("could not record the failure of import job %s", job_id)


def _beat(job_id: int, stop: threading.Event) -> None:
    """Renew the job's heartbeat until it ends, through a connection of its own."""
    side = connections.create_connection("default")
    try:
        while not stop.wait(ImportJob.HEARTBEAT_EVERY.total_seconds()):
            with side.cursor() as cursor:
                cursor.execute(f"UPDATE {ImportJob._meta.db_table} SET heartbeat = %s WHERE id = %s",
                               [timezone.now(), job_id])
    except Exception:  # noqa: BLE001 — a missed beat only lets fail_dead judge the job sooner
        log.exception("import job %s: heartbeat stopped", job_id)
    finally:
        side.close()


def expire_if_stale(job: ImportJob) -> bool:
    """Fail the job now if its worker is gone (its transaction rolled back, nothing saved)."""
    if job.status not in (ImportJob.QUEUED, ImportJob.RUNNING) or job.id in _threads:
        return False
    if not ImportJob.objects.filter(id=job.id).fail_dead():
        return False
    job.refresh_from_db(fields=["status", "message", "finished"])
    return True


def state(job: ImportJob) -> dict:
    """What the progress bar shows: a phase and, once rows are being matched, done of total."""
    done, total = _live.get(job.id, (job.done, job.total))
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


def side_by_side(account, ids) -> dict[int, dict]:
    """What the duplicates page compares for each person, in a fixed number of queries:
    the `people --json` summary plus counts of interactions, favors and asks."""
    from goodloop.helploop.models import Ask, Favor
    from goodloop.network import people as people_service
    from goodloop.network.models import InteractionPerson

    ids = list(ids)
    found = people_service.with_summary_data(Person.objects.filter(account=account, id__in=ids))
    out = {p.id: people_service.summary(p) | {"interactions": 0, "favors": 0, "asks": 0,
                                             "organization_id": p.organization_id} for p in found}
    for key, model in (("interactions", InteractionPerson), ("favors", Favor), ("asks", Ask)):
        counts = (model.objects.filter(account=account, person_id__in=ids).values("person_id")
                  .annotate(n=Count("id")).values_list("person_id", "n"))
        for pid, n in counts:
            out[pid][key] = n
    return out
