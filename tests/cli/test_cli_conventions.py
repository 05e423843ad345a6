"""A CLI that behaves like gh or httpie (issue 16, item 8): -h, --version, positional help, `-` for
stdin, and plain tab-separated rows when stdout is not a terminal."""

import io
import json
import sys
from pathlib import Path

FMT = Path(__file__).resolve().parents[1] / "formats" / "fixtures"


def test_short_help_version_and_positional_help(cli):
    code, out, _ = cli("-h")
    assert code == 0 and "Usage: goodloop" in out and "--version" in out
    code, out, _ = cli("--version")
    assert code == 0 and out.startswith("goodloop ")
    code, out, _ = cli("export", "-h")
    words = " ".join(out.split())  # help is wrapped to the terminal's width, which differs by machine
    assert code == 0 and "KIND" in words and "vcard, csv, json" in words


def test_import_reads_stdin_with_a_dash(cli, monkeypatch):
    data = (FMT / "linkedin_connections.csv").read_bytes()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    code, out, err = cli("import", "-", "--json")
    assert code == 0, err
    report = json.loads(out)
    assert report["format"] == "linkedin" and report["created"] > 0


def test_piped_tables_are_tab_separated_rows_never_wrapped(cli):
    long_title = "Senior Director of Product Marketing, Developer Platforms and Ecosystem Partnerships"
    cli("person", "add", "Ada Lovelace", "--org", "Analytical Engines", "--title", long_title)
    code, out, _ = cli("people")
    assert code == 0
    lines = out.splitlines()
    header = lines.index(next(x for x in lines if x.startswith("id\t")))
    ada = next(x for x in lines[header + 1:] if "Ada Lovelace" in x)
    assert long_title in ada.split("\t")  # one whole cell, so `grep` finds the full title
    assert len(lines[header].split("\t")) == len(ada.split("\t"))
