"""Forms parse and check the shape of input; the services decide what is allowed."""

from django import forms

from goodloop.core import rules


class TargetForm(forms.Form):
    organization = forms.CharField(max_length=300, help_text="e.g. eBay — matched however it is spelled")
    priority = forms.IntegerField(required=False, min_value=1, max_value=100_000, help_text="1 is the top; empty puts it last")
    status = forms.ChoiceField(choices=rules.choices(rules.TARGET_STATUSES), initial="researching")
    why = forms.CharField(required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 2}),
                          label="Why this organization")
