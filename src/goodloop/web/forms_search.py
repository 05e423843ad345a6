"""Forms of the search pages: they check the shape of input; the services decide what is allowed."""


from django import forms

from goodloop import clock
from goodloop.core import rules
from goodloop.web.fields import DateField

LINES_HELP = "One per line."


def _lines(value: str) -> list[str]:
    return [line.strip() for line in (value or "").splitlines() if line.strip()]


class BriefForm(forms.Form):
    headline = forms.CharField(required=False, max_length=300,
                               help_text="One line on who you are and what you're after")
    roles_sought = forms.CharField(required=False, label="Roles I'm looking for", help_text=LINES_HELP,
                                   widget=forms.Textarea(attrs={"rows": 3}))
    people_categories = forms.CharField(required=False, label="People I'd like to meet",
                                        help_text="Roles, functions or categories of people. " + LINES_HELP,
                                        widget=forms.Textarea(attrs={"rows": 3}))
    how_you_can_help = forms.CharField(
        required=False, label="How you can help",
        help_text="Specific asks, e.g. “an introduction to someone in product marketing at eBay or American "
                  "Express”. " + LINES_HELP + " The coach reads each one as you type.",
        widget=forms.Textarea(attrs={"rows": 4}))
    offers = forms.CharField(required=False, label="What I can offer you", help_text=LINES_HELP,
                             widget=forms.Textarea(attrs={"rows": 3}))

    LIST_FIELDS = ("roles_sought", "people_categories", "how_you_can_help", "offers")

    def clean(self):
        data = super().clean()
        for name in self.LIST_FIELDS:
            if name in data:
                items = _lines(data[name])
                if any(len(x) > 500 for x in items):
                    self.add_error(name, "Each line is at most 500 characters.")
                data[name] = items
        return data

    @classmethod
    def initial_from(cls, brief) -> dict:
        return {"headline": brief.headline, **{n: "\n".join(getattr(brief, n) or []) for n in cls.LIST_FIELDS}}


class TargetEditForm(forms.Form):
    status = forms.ChoiceField(choices=rules.choices(rules.TARGET_STATUSES))
    why = forms.CharField(required=False, max_length=2000, label="Why this organization",
                          widget=forms.Textarea(attrs={"rows": 2}))


PERSON_HELP = "A name, email or id"


class IntroRequestForm(forms.Form):
    """I ask someone (the introducer) to introduce me to someone (the introduced)."""

    introducer = forms.CharField(max_length=300, label="Who can introduce you", help_text=PERSON_HELP)
    introduced = forms.CharField(max_length=300, label="Who you'd like to meet", help_text=PERSON_HELP)
    purpose = forms.CharField(required=False, max_length=1000, label="What for",
                              help_text="e.g. 20 minutes on how their product marketing team works",
                              widget=forms.Textarea(attrs={"rows": 2}))
    when = DateField(required=False, label="Date", help_text="Empty means today",
                           widget=forms.DateInput(attrs={"type": "date"}))


class IntroGiveForm(forms.Form):
    """I introduce two people to each other (as a giver)."""

    introducee = forms.CharField(max_length=300, label="Who asked to meet someone", help_text=PERSON_HELP)
    introduced = forms.CharField(max_length=300, label="Who they'll meet", help_text=PERSON_HELP)
    purpose = forms.CharField(required=False, max_length=1000, label="What for",
                              widget=forms.Textarea(attrs={"rows": 2}))
    when = DateField(required=False, label="Date", help_text="Empty means today",
                           widget=forms.DateInput(attrs={"type": "date"}))


class StatusForm(forms.Form):
    status = forms.ChoiceField(choices=rules.choices(rules.INTRO_STATUSES))
    when = DateField(required=False)


class LeadForm(forms.Form):
    organization = forms.CharField(max_length=300)
    title = forms.CharField(max_length=300, label="Role title")
    via = forms.CharField(required=False, max_length=300, label="Via (person)",
                          help_text="Who told you about it: a name, email or id")
    source = forms.ChoiceField(required=False, choices=[("", "— from “via”, else other —")]
                               + rules.choices(rules.LEAD_SOURCES))
    url = forms.URLField(required=False, max_length=500, label="Posting URL", assume_scheme="https")
    stage = forms.ChoiceField(choices=rules.choices(rules.LEAD_STAGES), initial="identified")


class MoveLeadForm(forms.Form):
    stage = forms.ChoiceField(choices=rules.choices(rules.LEAD_STAGES))
    when = DateField(required=False)


class SinceForm(forms.Form):
    since = DateField(required=False, label="Since", help_text="YYYY-MM-DD; empty means 26 weeks ago",
                            widget=forms.DateInput(attrs={"type": "date"}))

    def __init__(self, *args, account=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.account = account

    def clean_since(self):
        since = self.cleaned_data.get("since")
        if since and since > clock.today(self.account):
            raise forms.ValidationError("Pick a date that is not in the future.")
        return since
