"""goodloop.core is pure: no Django, no other goodloop layer (DESIGN.md section 9)."""

import ast
import sys
from pathlib import Path

CORE = Path(__file__).resolve().parents[2] / "src" / "goodloop" / "core"


FORBIDDEN_TOP = {"django", "ninja", "typer", "rich"}


def test_core_imports_no_framework_or_other_layer():
    bad = []
    for path in sorted(CORE.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.Import):
                mods = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom):
                if node.level:
                    continue
                mods = [node.module or ""]
            else:
                continue
            for mod in mods:
                top = mod.split(".")[0]
                if top in FORBIDDEN_TOP or (top == "goodloop" and not mod.startswith("goodloop.core")):
                    bad.append(f"{path.name}: {mod}")
    assert not bad
    assert len(list(CORE.glob("*.py"))) >= 10


def test_my_modules_use_only_the_standard_library():
    # The rule modules of this package stay stdlib-only so they run anywhere.
    mine = ["rules", "calendar", "cadence", "strength", "ledger", "guard", "trust", "coach", "coach_lexicon",
            "agenda", "followup", "loops", "drafts", "needs", "coach_detect"]
    allowed = set(sys.stdlib_module_names) | {"__future__"}
    for name in mine:
        tree = ast.parse((CORE / f"{name}.py").read_text())
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.module and not node.module.startswith("goodloop.core"):
                assert node.module.split(".")[0] in allowed, (name, node.module)
            if isinstance(node, ast.Import):
                assert all(a.name.split(".")[0] in allowed for a in node.names), name
