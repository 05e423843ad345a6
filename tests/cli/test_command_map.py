"""Every command line builds only its own module's commands: the map must name them all."""

import typer.main

from goodloop.cli import main


def _names(app) -> set[str]:
    return set(typer.main.get_command(app).commands)


def test_the_map_names_every_command_and_its_module():
    assert set(main.COMMANDS.values()) == set(main.MODULES)
    assert _names(main.build_app()) == set(main.COMMANDS)
    for module in main.MODULES:
        assert _names(main.build_app((module,))) == {c for c, m in main.COMMANDS.items() if m == module}, module


def test_the_command_is_found_after_global_options():
    assert main._command_named(["--home", "/tmp/x", "today", "--json"]) == "today"
    assert main._command_named(["--help"]) is None
    assert main._command_named([]) is None


def test_help_lists_every_command(cli):
    code, out, _ = cli("--help")
    assert code == 0
    for name in main.COMMANDS:
        assert name in out


def test_a_mistyped_command_is_one_line_with_all_commands_known(cli):
    code, _, err = cli("todya")
    assert code == 2 and err.startswith("goodloop: ") and err.count("\n") == 1 and "internal error" not in err
    assert err.count("Did you mean 'today'?") == 1
