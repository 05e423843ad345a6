"""Form fields shared by the web forms."""

from django import forms

from goodloop.core.input_bounds import date_problem


class DateField(forms.DateField):
    """A date within the bounds every face shares (core.input_bounds: 1900..2200), said next to the field."""

    def validate(self, value):
        super().validate(value)
        problem = date_problem(value)
        if problem:
            raise forms.ValidationError(problem.capitalize() + ".", code="out_of_range")
