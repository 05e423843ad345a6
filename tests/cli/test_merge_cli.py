"""`person merge` shows both people and asks first; it prints the merge id and the undo command
(issue 15 item 6)."""

import io
import json
import sys

from goodloop.network.models import MergeRecord, Person


class Terminal(io.StringIO):
    """A stdin that is a terminal, with the answer typed on it."""

    def isatty(self):
        return True


def _pair(cli):
    code, out, _ = cli("person", "add", "Wren Alder", "--org", "Larchwood Nursery", "--email", "wren@larch.example",
                       "--json")
    keep = json.loads(out)
    code, out, _ = cli("person", "add", "W. Alder", "--email", "wren.alder@mail.example", "--json")
    gone = json.loads(out)
    cli("log", str(gone["id"]), "--channel", "call", "--summary", "catch-up", "--date", "2026-10-02")
    cli("gave", str(gone["id"]), "--kind", "advice", "--date", "2026-10-03")
    return keep, gone


def test_without_a_terminal_or_yes_it_refuses_in_one_line(cli):
    keep, gone = _pair(cli)
    code, out, err = cli("person", "merge", "Wren Alder", "W. Alder")
    assert code == 1 and out == "" and err.count("\n") == 1
    assert "needs a yes: add --yes" in err and f"#{gone['id']} W. Alder into #{keep['id']} Wren Alder" in err
    assert Person.objects.filter(id=gone["id"]).exists() and not MergeRecord.objects.exists()


def test_it_shows_both_and_a_no_merges_nothing(cli, monkeypatch):
    keep, gone = _pair(cli)
    monkeypatch.setattr(sys, "stdin", Terminal("n\n"))
    code, out, err = cli("person", "merge", str(keep["id"]), str(gone["id"]))
    assert code == 1 and "nothing merged" in err
    lines = out.splitlines()
    assert lines[0] == "Merge the second into the first?"
    assert f"id\t{keep['id']}\t{gone['id']}" in lines
    assert "name\tWren Alder\tW. Alder" in lines and "organization\tLarchwood Nursery\t" in lines
    assert "emails\twren@larch.example\twren.alder@mail.example" in lines
    assert "interactions\t0\t1" in lines and "favors\t0\t1" in lines and "asks\t0\t0" in lines
    assert Person.objects.filter(id=gone["id"]).exists() and not MergeRecord.objects.exists()


def test_a_yes_merges_and_prints_the_undo_command_which_works(cli, monkeypatch):
    keep, gone = _pair(cli)
    monkeypatch.setattr(sys, "stdin", Terminal("y\n"))
    code, out, err = cli("person", "merge", "wren@larch.example", "W. Alder")
    assert code == 0, err
    record = MergeRecord.objects.get()
    assert f"(merge #{record.id})" in out
    assert out.splitlines()[-1] == f"undo with: goodloop person unmerge {record.id}"
    assert not Person.objects.filter(id=gone["id"]).exists()
    code, out, err = cli(*out.splitlines()[-1].removeprefix("undo with: goodloop ").split())
    assert code == 0 and "restored" in out and "W. Alder" in out
    assert Person.objects.filter(display_name="W. Alder").exists()


def test_yes_skips_the_question_and_a_person_cannot_merge_with_themselves(cli):
    keep, gone = _pair(cli)
    code, out, err = cli("person", "merge", str(keep["id"]), "wren@larch.example", "--yes")
    assert code == 1 and "are the same person" in err
    code, out, err = cli("person", "merge", str(keep["id"]), str(gone["id"]), "--yes")
    assert code == 0 and "undo with: goodloop person unmerge" in out
