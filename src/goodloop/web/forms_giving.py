"""Forms of the giver's pages: they parse and check shape; the services decide what is allowed."""

from django import forms

from goodloop.core import giver as rules
from goodloop.core import rules as v
from goodloop.errors import ServiceError
from goodloop.network import people as people_service
from goodloop.web.forms_helploop import PersonFieldMixin, _date_field, person_input, person_ref
from goodloop.web.forms_people import unknown_person

DAY_CHOICES = list(zip(rules.WEEKDAYS, rules._DAY_NAMES, strict=True))


def resolve_other(account, value: str, required: bool = True):
    """A person named in a text field (picker text, id, email, name); None when empty and optional."""
    ref = person_ref(value)
    if not ref and not required:
        return None
    try:
        person = people_service.resolve(account, ref)
    except ServiceError as exc:
        raise unknown_person(ref, exc) from exc
    if person.is_me:
        raise forms.ValidationError("name someone else, not yourself")
    return person


class PasteForm(forms.Form):
    """A whole email or LinkedIn message: the sender and the request are read from it."""

    message = forms.CharField(max_length=20000, label="Paste a message",
                              widget=forms.Textarea(attrs={"rows": 7, "spellcheck": "false"}),
                              help_text="The whole email or LinkedIn message, headers and signature included")
    sender = forms.CharField(max_length=300, required=False, label="From", widget=person_input(),
                             help_text="Only if goodloop can't tell who sent it")

    def __init__(self, *args, account=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.account = account

    def clean_sender(self):
        return resolve_other(self.account, self.cleaned_data.get("sender", ""), required=False)


class RequestForm(PersonFieldMixin, forms.Form):
    person = forms.CharField(max_length=300, label="Who asked", widget=person_input())
    text = forms.CharField(max_length=5000, label="What they asked", widget=forms.Textarea(attrs={"rows": 3}))
    kind = forms.ChoiceField(choices=[("", "Detect from the text"), *v.choices(v.ASK_KINDS)], required=False)
    date = _date_field("When")


class BudgetForm(forms.Form):
    unit = forms.ChoiceField(choices=[("minutes", "Minutes a week"), ("favors", "Favors a week")],
                             widget=forms.RadioSelect, label="Count my giving in")
    amount = forms.IntegerField(min_value=1, max_value=10_000, label="Weekly budget",
                                help_text="Grant found 2–11 hours a week of giving rewarding; the default is 120 minutes")
    days = forms.MultipleChoiceField(choices=DAY_CHOICES, required=False, widget=forms.CheckboxSelectMultiple,
                                     label="Giving days",
                                     help_text="Batch promises and give suggestions into these days; none is every day")


class TriageForm(forms.Form):
    action = forms.ChoiceField(choices=[(a, a) for a in rules.TRIAGES], widget=forms.HiddenInput)
    due = _date_field("Due", "When you will do it (YYYY-MM-DD)")
    to = forms.CharField(max_length=300, required=False, label="Someone better placed", widget=person_input())
    note = forms.CharField(max_length=2000, required=False, label="Note",
                           widget=forms.TextInput(attrs={"autocomplete": "off"}))
    minutes = forms.IntegerField(required=False, min_value=1, max_value=1440, label="Minutes it will take",
                                 help_text="Your estimate; empty uses the default for the kind")

    def __init__(self, *args, account=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.account = account

    def clean_to(self):
        return resolve_other(self.account, self.cleaned_data.get("to", ""), required=False)

    def clean(self):
        data = super().clean()
        if data.get("action") == "redirect" and not data.get("to") and "to" not in self.errors:
            self.add_error("to", "redirect to whom? name someone better placed")
        return data


class PreviewForm(TriageForm):
    """Lenient: a half-filled triage form still previews its draft."""

    def clean_to(self):
        try:
            return super().clean_to()
        except forms.ValidationError:
            return None

    def clean(self):
        return forms.Form.clean(self)


class SeekingForm(PersonFieldMixin, forms.Form):
    person = forms.CharField(max_length=300, label="Who is looking for work", widget=person_input())
    date = _date_field("Since")


class LandedForm(forms.Form):
    organization = forms.CharField(max_length=200, required=False, label="Where")
    role = forms.CharField(max_length=200, required=False, label="Role")
    date = _date_field("When")


class ClosureForm(forms.Form):
    kind = forms.ChoiceField(choices=[("thanked", "They thanked me"), ("reported", "They reported back")])
    note = forms.CharField(max_length=2000, required=False)
    date = _date_field()
