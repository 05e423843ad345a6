"""`goodloop demo` says where the store is and how to take the demo out; `demo --remove` does,
and never takes the user's own people with it (issue 15 item 8)."""

from django.conf import settings

from goodloop.network.models import Organization, Person


def test_demo_prints_the_store_and_the_remove_command_which_works(cli, account):
    code, out, err = cli("demo")
    assert code == 0, err
    lines = out.splitlines()
    assert lines[0].startswith("loaded the demo network: 250 people")
    assert lines[1] == f"stored in: {settings.DATABASES['default']['NAME']}"
    assert lines[2].startswith("to remove it: goodloop") and lines[2].endswith(" demo --remove")
    code, out, err = cli("demo", "--remove")  # no terminal to ask on
    assert code == 1 and "add --yes" in err and Person.objects.count() == 251
    code, out, err = cli("demo", "--remove", "--yes")
    assert code == 0 and out.startswith("removed the demo network (250 people)")
    assert list(Person.objects.values_list("display_name", flat=True)) == ["Me"]
    assert not Organization.objects.exists()
    code, out, err = cli("demo", "--remove", "--yes")
    assert code == 1 and "holds no demo network" in err
    assert cli("demo")[0] == 0  # and it can be loaded again


def test_remove_refuses_once_the_store_holds_people_of_your_own(cli, account):
    cli("demo")
    cli("person", "add", "Hedda Voss", "--org", "Saltmarsh Ferries")
    code, out, err = cli("demo", "--remove", "--yes")
    assert code == 1 and "people of your own" in err and "nothing removed" in err
    assert Person.objects.filter(display_name="Hedda Voss").exists() and Person.objects.count() == 252
