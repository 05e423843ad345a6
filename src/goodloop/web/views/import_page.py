"""Import: upload a contacts file; it runs outside the request while the page shows its
progress (htmx polls), then the report with links to the people it created."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.cache import patch_vary_headers
from django.views.decorators.http import require_POST

from goodloop.errors import ServiceError
from goodloop.formats import registry
from goodloop.network.models import ImportJob
from goodloop.overview import getting_started
from goodloop.transfer import exporter, import_jobs
from goodloop.web.forms_transfer import ImportForm

from . import calendar
from .common import paginate

RECENT_JOBS = 10
ERRORS_SHOWN = 200
SUGGESTIONS_SHOWN = 50
EXPORTS = [("vcard", "", "vCard 4.0", "every person, for a phone or another address book"),
           ("vcard", "?version=3.0", "vCard 3.0", "the same, for Android and Google Contacts"),
           ("csv", "", "CSV", "every person, one row each, for a spreadsheet"),
           ("json", "", "JSON backup", "the whole account; goodloop restore loads it back"),
           ("ics", "", "Calendar (ICS)", "open loops as all-day events with a reminder"),
           ("ics", "?todo=1", "Calendar tasks (ICS)", "the same loops as to-dos, for a tasks app")]


def upload(request):
    account = request.account
    form = ImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            job = import_jobs.start(account, data["content"], format=data["format"], filename=data["file"].name,
                                    dry_run=data["dry_run"])
        except ServiceError as exc:
            form.add_error(exc.field if exc.field in form.fields else None, exc.message)
        else:
            return redirect("import_job", job.id)
    jobs = list(ImportJob.objects.filter(account=account).defer("report", "data")[:RECENT_JOBS])
    context = {"title": "Import", "form": form, "jobs": jobs, "exports": EXPORTS,
               "calendar_url": calendar.address(request),
               "export_kinds": exporter.KINDS, "max_mb": import_jobs.MAX_UPLOAD_MB,
               "export_sources": getting_started.EXPORT_SOURCES}
    return render(request, "goodloop/import/upload.html", context, status=400 if form.errors else 200)


def _job_context(request, job: ImportJob) -> dict:
    import_jobs.expire_if_stale(job)
    context = {"job": job, "state": import_jobs.state(job), "format_label": registry.LABELS.get(job.format, "")}
    if job.status == ImportJob.FAILED:
        context["can_retry"] = ImportJob.objects.filter(id=job.id, data__isnull=False).exists()
    if job.status == ImportJob.DONE:
        report = job.report
        context["format_label"] = registry.LABELS.get(report["format"], report["format"])
        suggested = report.get("suggested", len(report["merge_suggestions"]))  # reports before issue 17 lack it
        context |= {
            "report": report,
            "suggested": suggested,
            "errors_shown": report["errors"][:ERRORS_SHOWN],
            "errors_more": max(0, len(report["errors"]) - ERRORS_SHOWN),
            "suggestions_shown": report["merge_suggestions"][:SUGGESTIONS_SHOWN],
            "suggestions_more": max(0, suggested - SUGGESTIONS_SHOWN),
            "merges": import_jobs.merges_of(job) if job.batch_id else [],
            # What next: the first-run steps still open (an import done, targets and the brief are next)
            "next_steps": [] if report.get("dry_run") else
            [step for step in getting_started.checklist(request.account) if not step.done],
        }
        if job.batch_id:
            context["people_page"] = paginate(request, import_jobs.touched(job))
    return context


def job(request, pk: int):
    job = get_object_or_404(ImportJob.objects.defer("data"), account=request.account, id=pk)
    context = _job_context(request, job) | {"title": f"Import of {job.filename or 'a file'}"}
    return render(request, "goodloop/import/job.html", context)


def progress(request, pk: int):
    """The part of the job page that htmx polls: the progress bar while it runs, then the report."""
    job = get_object_or_404(ImportJob.objects.defer("data"), account=request.account, id=pk)
    if request.headers.get("HX-Request") != "true":
        return redirect("import_job", job.id)
    response = render(request, "goodloop/import/_job.html", _job_context(request, job))
    patch_vary_headers(response, ["HX-Request"])
    return response


@require_POST
def retry(request, pk: int):
    """Run a failed import's file again, as a new job."""
    try:
        new = import_jobs.retry(request.account, pk)
    except import_jobs.NotFound:
        raise Http404("no such import") from None
    except ServiceError as exc:
        messages.error(request, exc.message)
        return redirect("import_job", pk)
    return redirect("import_job", new.id)
