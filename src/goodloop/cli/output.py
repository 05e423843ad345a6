"""Printing for the CLI: exact JSON for scripts, Rich tables for people, one-line errors."""

import json
import sys

import typer

from goodloop.core.text_safety import escape_controls


class CliError(Exception):
    """An error the CLI reports as one line on stderr, with a non-zero exit."""


def emit_json(data) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, default=str) + "\n")


class SafeStream:
    """A text stream that shows control characters (ESC, BEL, bidi overrides ...) as escapes, so a
    stored name cannot clear the screen, recolor it or hide a link (OSC 8) on a terminal (issue 17)."""

    def __init__(self, raw):
        self.raw = raw

    def write(self, text: str) -> int:
        self.raw.write(escape_controls(text, keep_newlines=True))
        return len(text)

    def __getattr__(self, name):
        return getattr(self.raw, name)


def _raw(stream):
    return stream.raw if isinstance(stream, SafeStream) else stream


def _console():
    from rich.console import Console  # Rich is only needed for people, not for --json

    return Console(file=_raw(sys.stdout))  # Rich's own styling; the cells it prints are escaped


def _cell(value) -> str:
    return " ".join(str(value).split()) if value is not None else ""  # a tab or newline would split the row


def table(title: str | None, columns: list[str], rows: list[list]) -> None:
    """A Rich table on a terminal; piped, plain tab-separated lines (the title, the column names, then
    one line a row, cells never wrapped), so `grep`, `cut` and `sort` see whole values."""
    if not sys.stdout.isatty():
        if title:  # a command may print several tables: each keeps its title line
            sys.stdout.write(title + "\n")
        sys.stdout.write("\t".join(columns) + "\n")
        sys.stdout.write("".join("\t".join(_cell(x) for x in r) + "\n" for r in rows))
        return
    from rich.table import Table
    from rich.text import Text

    t = Table(title=title, show_lines=False, header_style="bold")
    for c in columns:
        t.add_column(c)
    for r in rows:  # as plain text: no Rich markup ("[link=...]") and no control characters from the data
        t.add_row(*[Text("" if x is None else escape_controls(str(x)).replace("\\x0a", " ")) for x in r])
    _console().print(t)


def done(message: str) -> None:
    _console().print(message)


def fail(message: str) -> None:
    raise CliError(message)


__all__ = ["CliError", "emit_json", "table", "done", "fail", "typer"]
