"""Log a conversation in two clicks, from the Person page or a Today item, through
network.interactions.log (the use case that resets the rhythm and tells the help loop)."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.cache import patch_vary_headers
from django.views.decorators.http import require_POST

from goodloop import clock
from goodloop.errors import ServiceError
from goodloop.network import interactions
from goodloop.web.forms_people import LogForm, add_service_error
from goodloop.web.pages import network as pages

from .common import is_htmx_fragment, local_path, not_found_is_404
from .person import panel_forms, panels_context, render_page, timeline_context

CHANNEL_WORDS = {"meeting": "a meeting", "call": "a call", "video": "a video call", "email": "an email",
                 "message": "a message", "event": "an event", "social": "a social post"}


@require_POST
def log(request, pk: int):
    account = request.account
    with not_found_is_404():
        person = pages.person_for_page(account, pk)
    form = LogForm(request.POST)
    mode = "today" if request.POST.get("mode") == "today" else "timeline"
    uid = request.POST.get("uid", "")
    uid = uid if uid.isascii() and uid.replace("-", "").isalnum() and len(uid) <= 12 else ""
    fragment = is_htmx_fragment(request)
    if person.is_me:
        form.add_error(None, "log a conversation on the page of the person you talked with")
    if form.is_valid():
        data = form.cleaned_data
        when = data["date"] or clock.today(account)
        try:
            interactions.log(account, [person], data["channel"], data["direction"], data["summary"], when)
        except ServiceError as exc:
            add_service_error(form, exc)
        else:
            message = f"Logged {CHANNEL_WORDS.get(data['channel'], data['channel'])} with {person.display_name} " \
                      f"on {when:%b} {when.day}."
            if not fragment:
                messages.success(request, message)
                return redirect(local_path(request.POST.get("next")) or reverse("person", args=[person.id]))
            context = {"form": LogForm(initial={"date": clock.today(account)}), "uid": uid, "mode": mode,
                       "message": message, "log_person_id": person.id, "log_person_name": person.display_name,
                       "next": local_path(request.POST.get("next"))}
            if mode == "timeline":  # and what the conversation changed: last touch, rhythm, trust, strength
                person = pages.person_for_page(account, person.id)
                context |= timeline_context(request, person) | panels_context(account, person, clock.today(account))
                context["forms"] = panel_forms(person)
            response = render(request, "goodloop/person/_logged.html", context)
            patch_vary_headers(response, ["HX-Request"])
            return response
    if fragment:  # the form again, open, each message next to its field (htmx swaps 200s only)
        return render(request, "goodloop/person/_log.html", {
            "form": form, "uid": uid, "mode": mode, "log_person_id": person.id,
            "log_person_name": person.display_name, "next": local_path(request.POST.get("next"))})
    return render_page(request, person, {"log": form}, status=400)
