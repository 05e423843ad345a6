"""The Person edit form and the You page form: they parse lines and choices; the person-edit
use case (helploop.person_edit) decides what is allowed and saves it in one transaction."""

from django import forms

from goodloop.core import rules


def _lines(value: str) -> list[str]:
    return [line.strip() for line in (value or "").splitlines() if line.strip()]


def _list_field(label: str, help_text: str, max_length: int = 5000):
    return forms.CharField(required=False, max_length=max_length, label=label, help_text=help_text,
                           widget=forms.Textarea(attrs={"rows": 2, "spellcheck": "false"}))


class PersonEditForm(forms.Form):
    name = forms.CharField(max_length=300, label="Name")
    organization = forms.CharField(required=False, max_length=300, label="Organization",
                                   help_text="A new organization keeps the old role as past history; "
                                             "empty: none now")
    title = forms.CharField(required=False, max_length=300, label="Title")
    emails = _list_field("Emails", "One a line; the first is the one drafts use")
    phones = _list_field("Phones", "One a line")
    urls = _list_field("LinkedIn URL and other links", "One a line, LinkedIn first, e.g. linkedin.com/in/ana-diaz")
    tier = forms.ChoiceField(choices=rules.choices(rules.TIERS), label="Tier")
    cadence_days = forms.IntegerField(required=False, min_value=1, max_value=3650, label="Check in every (days)",
                                      help_text="Empty uses the tier's rhythm")
    tags = forms.CharField(required=False, max_length=2000, label="Tags", help_text="Separated by commas")
    notes = forms.CharField(required=False, max_length=20000, label="Notes",
                            widget=forms.Textarea(attrs={"rows": 4}))

    @staticmethod
    def initial_for(person, info: dict) -> dict:
        return {"name": person.display_name, "organization": info["organization"] or "",
                "title": person.title, "emails": "\n".join(info["emails"]), "phones": "\n".join(info["phones"]),
                "urls": "\n".join(info["urls"]), "tier": person.tier, "cadence_days": person.cadence_days,
                "tags": ", ".join(info["tags"]), "notes": person.notes}

    def changes(self) -> dict:
        """What the use case gets: every field, lists split by line (tags by comma)."""
        d = self.cleaned_data
        return {"name": d["name"], "organization": d["organization"].strip(), "title": d["title"].strip(),
                "emails": _lines(d["emails"]), "phones": _lines(d["phones"]), "urls": _lines(d["urls"]),
                "tier": d["tier"], "cadence_days": d["cadence_days"],
                "tags": [t.strip() for t in d["tags"].split(",") if t.strip()], "notes": d["notes"]}


class YouForm(forms.Form):
    name = forms.CharField(max_length=300, label="Your name",
                           help_text="Used in every draft, blurb and your brief, e.g. “Rosa Quintero”")
    email = forms.CharField(required=False, max_length=254, label="Email",
                            help_text="Your brief's contact line")
    phone = forms.CharField(required=False, max_length=50, label="Phone")
    url = forms.CharField(required=False, max_length=500, label="Web address",
                          help_text="LinkedIn or your own site, e.g. linkedin.com/in/rosa-quintero")
    time_zone = forms.CharField(max_length=64, label="Time zone",
                                help_text="What “today” means for your agenda, e.g. Europe/Madrid")
