"""The form renderer: Django's own widget templates, with the common ones written in Python.

A page such as Giving draws more than a hundred form widgets (a triage form per path per
request); through Django's template engine each costs a template render with its includes,
about a quarter of that page's time. FastWidgets produces the same HTML, byte for byte, for
the plain input widgets, textarea and select (tests/web/test_widgets.py compares it with
Django's templates); anything else, or a widget whose templates a project overrides, goes to
Django's templates as before.
"""

from django.forms.renderers import DjangoTemplates
from django.template import Context
from django.template.base import render_value_in_context
from django.utils.safestring import SafeData, mark_safe

_W = "django/forms/widgets/"
_INPUTS = {_W + name + ".html" for name in (
    "text", "email", "url", "number", "password", "hidden", "date", "datetime", "time", "search", "tel", "color")}
_CONTEXT = Context(autoescape=True)  # what the widget templates render with: autoescape, no l10n/tz override


def _out(value) -> str:
    """`{{ value }}` in a widget template."""
    return render_value_in_context(value, _CONTEXT)


def _s(value) -> str:
    """`{{ value|stringformat:'s' }}`: the filter is_safe, so safe input stays safe."""
    try:
        text = str(value)  # "%s" % value, tuples included (the filter turns them into a string first)
    except (ValueError, TypeError):
        text = ""
    return _out(mark_safe(text) if isinstance(value, SafeData) else text)


def _attrs(attrs: dict) -> str:
    """django/forms/widgets/attrs.html."""
    parts = []
    for name, value in attrs.items():
        if value is not False:
            parts.append(" " + _out(name) + ("" if value is True else '="' + _s(value) + '"'))
    return "".join(parts)


def _input(widget: dict) -> str:
    """django/forms/widgets/input.html, as included (with its trailing newline)."""
    value = "" if widget["value"] is None else ' value="' + _s(widget["value"]) + '"'
    return f'<input type="{_out(widget["type"])}" name="{_out(widget["name"])}"{value}{_attrs(widget["attrs"])}>\n'


def _textarea(widget: dict) -> str:
    value = _out(widget["value"]) if widget["value"] else ""
    return f'<textarea name="{_out(widget["name"])}"{_attrs(widget["attrs"])}>\n{value}</textarea>\n'


_OPTION = _W + "select_option.html"


def _select(widget: dict) -> str | None:
    out = [f'<select name="{_out(widget["name"])}"{_attrs(widget["attrs"])}>']
    for group_name, group_choices, _index in widget["optgroups"]:
        if group_name:
            out.append(f'\n  <optgroup label="{_out(group_name)}">')
        for option in group_choices:
            if option["template_name"] != _OPTION:
                return None
            out.append(f'\n  <option value="{_s(option["value"])}"{_attrs(option["attrs"])}>'
                       f'{_out(option["label"])}</option>\n')
        if group_name:
            out.append("\n  </optgroup>")
    out.append("\n</select>\n")
    return "".join(out)


class FastWidgets(DjangoTemplates):
    """FORM_RENDERER: see the module docstring."""

    def render(self, template_name, context, request=None):
        widget = context.get("widget") if isinstance(context, dict) else None
        if widget is not None and not self._overridden(template_name):
            html = None
            if template_name in _INPUTS:
                html = _input(widget)
            elif template_name == _W + "textarea.html":
                html = _textarea(widget)
            elif template_name == _W + "select.html":
                html = _select(widget)
            if html is not None:
                return html.strip()  # as Django's renderer returns a widget template's output
        return super().render(template_name, context, request)

    def _overridden(self, template_name: str) -> bool:
        """A widget template (or one it includes) found anywhere but Django's forms package."""
        cache = self.__dict__.setdefault("_origins", {})
        if template_name not in cache:
            import django.forms

            package = django.forms.__path__[0]
            names = {template_name, _W + "input.html", _W + "attrs.html", _OPTION}
            cache[template_name] = any(not self.get_template(n).origin.name.startswith(package) for n in names)
        return cache[template_name]
