"""Exports: the account's people as vCard or CSV, open loops as ICS, or a full JSON backup."""

from django.http import Http404, HttpResponse

from goodloop import clock
from goodloop.errors import ServiceError
from goodloop.transfer import exporter

_TYPES = {"vcard": ("text/vcard; charset=utf-8", "vcf"), "csv": ("text/csv; charset=utf-8", "csv"),
          "json": ("application/json", "json"), "ics": ("text/calendar; charset=utf-8", "ics")}


def download(request, fmt: str):
    if fmt not in exporter.KINDS:
        raise Http404(f"no export {fmt!r}")
    options = {"version": request.GET["version"]} if fmt == "vcard" and "version" in request.GET else {}
    if fmt == "ics" and request.GET.get("todo") == "1":
        options["todo"] = True
    try:
        data = exporter.export(request.account, fmt, **options)
    except ServiceError as exc:
        return HttpResponse(exc.message, status=400, content_type="text/plain; charset=utf-8")
    content_type, ext = _TYPES[fmt]
    name = f"goodloop-{'backup' if fmt == 'json' else 'contacts' if fmt != 'ics' else 'loops'}-" \
           f"{clock.today(request.account):%Y-%m-%d}.{ext}"
    response = HttpResponse(data, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    response["Cache-Control"] = "no-store"
    return response
