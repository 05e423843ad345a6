"""Forms of the people pages (add, log a conversation): they parse and check shape; the services
in goodloop.network decide what is allowed and say why next to the field."""

from django import forms

from goodloop.core import rules
from goodloop.errors import NotFound, ServiceError
from goodloop.web.fields import DateField

# A service error names its own field; the form may call it something else.
SERVICE_FIELDS = {"org": "organization", "url": "linkedin", "people": None, "person": None}


class PersonAddForm(forms.Form):
    name = forms.CharField(max_length=300, widget=forms.TextInput(attrs={"autocomplete": "off"}))
    organization = forms.CharField(required=False, max_length=300,
                                   widget=forms.TextInput(attrs={"autocomplete": "off", "list": "org-names"}))
    title = forms.CharField(required=False, max_length=300)
    email = forms.CharField(required=False, max_length=254, widget=forms.EmailInput(attrs={"autocomplete": "off"}))
    phone = forms.CharField(required=False, max_length=60, widget=forms.TextInput(attrs={"type": "tel"}))
    linkedin = forms.CharField(required=False, max_length=500, label="LinkedIn URL",
                               widget=forms.TextInput(attrs={"type": "url",
                                                             "placeholder": "https://www.linkedin.com/in/…"}))
    tier = forms.ChoiceField(choices=rules.choices(rules.TIERS), initial="wide",
                             help_text="How often to keep in touch: core every 14 days … wide once a year")


class LogForm(forms.Form):
    """A conversation in two clicks: everything but the summary has a default."""

    channel = forms.ChoiceField(choices=rules.choices(rules.CHANNELS), initial="call")
    direction = forms.ChoiceField(choices=[("mutual", "Both ways"), ("outbound", "I reached out"),
                                           ("inbound", "They reached out")], initial="mutual")
    date = DateField(required=False, input_formats=["%Y-%m-%d"], widget=forms.DateInput(attrs={"type": "date"}),
                     error_messages={"invalid": "Enter a date as YYYY-MM-DD, e.g. 2025-03-14."})
    summary = forms.CharField(required=False, max_length=500, label="One line",
                              widget=forms.TextInput(attrs={"placeholder": "What you talked about"}))


def add_service_error(form, exc: ServiceError) -> None:
    """Show a refusal from a service next to the field it names (else above the form)."""
    field = SERVICE_FIELDS.get(exc.field or "", exc.field)
    form.add_error(field if field in form.fields else None, exc.message)


def unknown_person(ref: str, exc: ServiceError) -> forms.ValidationError:
    """A person field's error. Naming someone not yet in the network offers to add them (the
    templates turn the `unknown_person` code into a link to the add form, prefilled)."""
    ref = (ref or "").strip()
    plain_name = ref and not ref.isdigit() and "/" not in ref and not ref.lower().startswith("http")
    if isinstance(exc, NotFound) and plain_name:
        if "@" in ref:
            return forms.ValidationError("No one with the email %(email)s — add them?", code="unknown_person",
                                         params={"email": ref, "name": ""})
        return forms.ValidationError("No one called %(name)s — add %(name)s?", code="unknown_person",
                                     params={"name": ref, "email": ""})
    return forms.ValidationError(exc.message)
