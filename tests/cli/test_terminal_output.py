"""Issue 17, item 8: names with terminal escapes (stored before input was checked, or by another
tool) print as visible escapes in every CLI table and message, on a terminal and in pipes."""

from goodloop.network.models import Person

EVIL = "Ada\x1b[2J\x1b]8;;https://evil.example\x07click\x1b]8;;\x07\u202eLovelace [link=https://x.example]y[/link]"


def test_people_and_person_show_escape_control_characters(account, cli):
    p = Person.objects.create(account=account, display_name=EVIL, search_text="ada")
    for args in (("people",), ("person", "show", str(p.id))):
        code, out, err = cli(*args)
        assert code == 0, err
        assert "\x1b" not in out and "\x07" not in out and "\u202e" not in out, args
        assert "\\x1b]8;;" in out and "\\u202e" in out, args  # (click itself drops CSI sequences in a pipe)
    code, out, err = cli("person", "show", "Ada\x1b[2J")
    assert "\x1b" not in err
