"""The form renderer writes the common widgets in Python: the HTML must be Django's, byte for byte."""

import datetime
import re

import pytest
from django import forms
from django.forms.renderers import DjangoTemplates
from django.test import override_settings
from django.urls import reverse
from django.utils.safestring import mark_safe

from goodloop.network.models import Person
from goodloop.web.widgets import FastWidgets
from tests.web.giver_data import giver_rows
from tests.web.network import build

WIDGETS = [
    forms.TextInput(attrs={"class": 'a"b<', "required": True, "disabled": False, "data-n": 3,
                           "hx-vals": "js:{person: event.target.value}", "title": mark_safe("<b>")}),
    forms.NumberInput(attrs={"min": 0, "step": 5}), forms.DateInput(attrs={"type": "date"}), forms.HiddenInput(),
    forms.URLInput(), forms.EmailInput(), forms.PasswordInput(render_value=True), forms.Textarea(attrs={"rows": 3}),
    forms.Select(choices=[("", "---"), (1, "One & <two>"), ("x", mark_safe("<b>safe</b>")), (2, 7)]),
    forms.Select(choices=[("Group <A>", [(1, "a"), (2, "b")]), ("z", "Z"), (3, 3)]),
    forms.SelectMultiple(choices=[(1, "a"), (2, "b")]),
    forms.CheckboxSelectMultiple(choices=[(1, "a"), (2, "b")]), forms.RadioSelect(choices=[(1, "a")]),
    forms.CheckboxInput(), forms.ClearableFileInput(), forms.SplitDateTimeWidget(),
]
VALUES = [None, "", "x", 'q"uote<>&\n', mark_safe("<i>s</i>"), 0, 3, True, False, datetime.date(2024, 1, 2),
          [1, 2], "1", 1, ("a", "b"), "  padded  "]


@pytest.mark.parametrize("widget", WIDGETS, ids=lambda w: type(w).__name__)
def test_every_widget_renders_as_django_does(widget):
    for value in VALUES:
        try:
            django_html = widget.render("f", value, attrs={"id": "id_f"}, renderer=DjangoTemplates())
        except (TypeError, ValueError, AttributeError):
            continue  # a value this widget cannot take at all
        assert widget.render("f", value, attrs={"id": "id_f"}, renderer=FastWidgets()) == django_html, value


CSRF = re.compile(r'name="csrfmiddlewaretoken" value="[^"]+"')


@pytest.mark.django_db
def test_pages_with_forms_are_the_same_html(client, account):
    made = build(account, n=12)
    giver_rows(account, made)
    person = Person.objects.filter(account=account, is_me=False).order_by("id").first()
    urls = [reverse("giving"), reverse("targets"), reverse("asks"), reverse("leads"), reverse("introductions"),
            reverse("brief"), reverse("import"), reverse("person", args=[person.id]), reverse("today")]
    for url in urls:
        with override_settings(FORM_RENDERER="django.forms.renderers.DjangoTemplates"):
            expected = CSRF.sub("", client.get(url).content.decode())
        got = client.get(url)
        assert got.status_code == 200
        assert CSRF.sub("", got.content.decode()) == expected, url
