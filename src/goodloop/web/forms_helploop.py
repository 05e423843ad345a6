"""Forms of the help-loop pages: they parse and check shape; the services decide what is allowed."""

import re

from django import forms

from goodloop.core import rules
from goodloop.core.input_bounds import MAX_ID, parse_id
from goodloop.errors import ServiceError
from goodloop.helploop import asks as ask_service
from goodloop.network import people as people_service
from goodloop.web.fields import DateField
from goodloop.web.forms_people import unknown_person

DATE_HELP = "YYYY-MM-DD; empty is today"
_PICKED = re.compile(r"^#(\d+)\b")  # "#12 Ana Diaz · eBay", as the people picker fills it in


def _date_field(label="Date", help_text=DATE_HELP):
    return DateField(required=False, label=label, help_text=help_text, input_formats=["%Y-%m-%d"],
                           widget=forms.DateInput(attrs={"type": "date"}),
                           error_messages={"invalid": "Enter a date as YYYY-MM-DD, e.g. 2025-03-14."})


def person_ref(value: str) -> str:
    """What people.resolve gets from the picker's text: the id when one was picked from the list."""
    value = (value or "").strip()
    m = _PICKED.match(value)
    return m.group(1) if m else value


class PersonFieldMixin:
    """A `person` text field resolved with people.resolve; its error shows next to the field."""

    def __init__(self, *args, account=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.account = account

    def clean_person(self):
        ref = person_ref(self.cleaned_data.get("person", ""))
        try:
            person = people_service.resolve(self.account, ref)
        except ServiceError as exc:
            raise unknown_person(ref, exc) from exc
        if person.is_me:
            raise forms.ValidationError("name someone else: this is about you and another person")
        return person


def person_input(placeholder="Name, email, LinkedIn URL or id"):
    return forms.TextInput(attrs={"autocomplete": "off", "list": "people-options", "placeholder": placeholder,
                                  "spellcheck": "false"})


class DateForm(forms.Form):
    """Today's "pretend today is" date."""

    date = _date_field("Pretend today is", "See the agenda as it will be on another day")


class AskForm(PersonFieldMixin, forms.Form):
    person = forms.CharField(max_length=300, label="To", widget=person_input(),
                             help_text="Start typing a name and pick from the list")
    text = forms.CharField(max_length=5000, label="Your ask",
                           widget=forms.Textarea(attrs={"rows": 6, "spellcheck": "true"}),
                           help_text="Name the organizations, the kind of people, and one small request")
    kind = forms.ChoiceField(choices=[("", "Detect from the text"), *rules.choices(rules.ASK_KINDS)],
                             required=False)
    organizations = forms.CharField(max_length=1000, required=False, label="About organizations",
                                    help_text="Comma-separated; empty takes those named in the text")
    status = forms.ChoiceField(choices=[("sent", "Sent (I sent it)"), ("draft", "Draft (not sent yet)")],
                               initial="sent", label="Status")
    date = _date_field()

    def clean_organizations(self):
        return [n.strip() for n in self.cleaned_data.get("organizations", "").split(",") if n.strip()]


class CoachForm(forms.Form):
    """The live coach: lenient, so a half-typed form still gets a score."""

    person = forms.CharField(required=False, max_length=300)
    text = forms.CharField(required=False, max_length=5000)
    kind = forms.ChoiceField(choices=[("", ""), *rules.choices(rules.ASK_KINDS)], required=False)


class AskStatusForm(forms.Form):
    status = forms.ChoiceField(choices=rules.choices(rules.ASK_STATUSES))


MAX_ASK_CHOICES = 200


class FavorForm(PersonFieldMixin, forms.Form):
    direction = forms.ChoiceField(choices=[("received", "I received help"), ("given", "I gave help")],
                                  initial="received", widget=forms.RadioSelect, label="Direction")
    person = forms.CharField(max_length=300, label="Person", widget=person_input())
    kind = forms.ChoiceField(choices=rules.choices(rules.FAVOR_KINDS), label="Kind of help")
    note = forms.CharField(required=False, max_length=2000, label="What they did",
                           widget=forms.Textarea(attrs={"rows": 2}),
                           help_text="e.g. introduced me to Bo Chen at Acme — the thank-you draft uses it")
    ask = forms.TypedChoiceField(required=False, coerce=int, empty_value=None, label="The ask it answers",
                                 help_text="Left empty, help from someone answers their open ask by itself")
    lead = forms.IntegerField(required=False, min_value=1, max_value=MAX_ID, label="Lead id", help_text="The lead it relates to")
    date = _date_field()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # My open asks by their text (nobody knows an ask's number); only this person's when known.
        person_id = None
        ref = person_ref(str(self.initial.get("person") or ""))
        if ref:
            try:
                person_id = people_service.resolve(self.account, ref).id
            except ServiceError:
                person_id = None
        asks = list(ask_service.mine(self.account, open_only=True, person_id=person_id)[:MAX_ASK_CHOICES])
        chosen = parse_id(str(self.data.get("ask") or self.initial.get("ask") or ""))
        if chosen is not None and chosen not in {a.id for a in asks}:
            asks += list(ask_service.mine(self.account).filter(id=chosen))  # a closed one, linked on purpose
        self.fields["ask"].choices = [("", "None (or their open ask, found by itself)")] + [
            (a.id, ask_service.label(a, with_person=person_id is None)) for a in asks]


class LoopCloseForm(forms.Form):
    action = forms.ChoiceField(choices=[("done", "done"), ("skip", "skip")], initial="done")
    note = forms.CharField(required=False, max_length=2000)
    date = _date_field()


class AgendaDoneForm(forms.Form):
    """One-click "done" or "not now" on a Today item: its key (or ref fields), and the day shown."""

    key = forms.CharField(required=False, max_length=80)
    days = forms.IntegerField(required=False, min_value=1, max_value=3650, label="Days")
    loop = forms.IntegerField(required=False, min_value=1, max_value=MAX_ID)
    ask = forms.IntegerField(required=False, min_value=1, max_value=MAX_ID)
    action = forms.ChoiceField(required=False, choices=[("", ""), ("nudge", "nudge"),
                                                        ("second_contact", "second_contact"),
                                                        ("mark_no_reply", "mark_no_reply")])
    person = forms.IntegerField(required=False, min_value=1, max_value=MAX_ID)
    lead = forms.IntegerField(required=False, min_value=1, max_value=MAX_ID)
    kind = forms.CharField(required=False, max_length=20)
    date = _date_field()

    def clean(self):
        data = super().clean()
        if not (data.get("key") or data.get("loop") or (data.get("ask") and data.get("action")) or data.get("person")):
            raise forms.ValidationError("nothing to mark done: the item names no loop, ask or person")
        return data


class RhythmForm(forms.Form):
    tier = forms.ChoiceField(choices=rules.choices(rules.TIERS), label="Tier")
    cadence_days = forms.IntegerField(required=False, min_value=1, max_value=3650, label="Check in every (days)",
                                      help_text="Empty uses the tier's rhythm")


class TrustForm(forms.Form):
    trust_stage = forms.ChoiceField(choices=rules.choices(rules.TRUST_STAGES), label="Trust stage")


class NeedForm(forms.Form):
    need = forms.CharField(max_length=300, label="Add a need",
                           help_text="What they are looking for, e.g. “a designer for a side project”")
