"""docs/architecture.md stays true: its events table is the live registry, its layers are the
import-linter contract's."""

import dataclasses
import inspect
import re
import tomllib
from pathlib import Path

from goodloop import events

ROOT = Path(__file__).resolve().parents[2]
DOC = (ROOT / "docs" / "architecture.md").read_text()


def _table() -> dict[str, tuple[str, set[str]]]:
    block = DOC.split("<!-- events:start -->")[1].split("<!-- events:end -->")[0]
    rows = {}
    for line in block.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) == 3 and cells[0].startswith("`"):
            rows[cells[0].strip("`")] = (cells[1].strip("`"), set(re.findall(r"`([\w.]+)`", cells[2])))
    return rows


def test_every_event_is_documented_with_its_emitter_and_handlers(db):
    table = _table()
    emitted = {name for name, cls in inspect.getmembers(events, dataclasses.is_dataclass)}
    assert set(table) == emitted
    for name, (emitter, handlers) in table.items():
        cls = getattr(events, name)
        live = {f"{h.__module__.removeprefix('goodloop.')}.{h.__name__}" for h in events.handlers_of(cls)}
        assert handlers == live, name
        source = (ROOT / "src" / "goodloop" / emitter).read_text()
        assert f"events.{name}(" in source or f"events.{name}\n" in source, f"{emitter} does not emit {name}"


def test_the_layers_in_the_doc_are_the_contracts():
    config = tomllib.loads((ROOT / "pyproject.toml").read_text())
    layers = next(c for c in config["tool"]["importlinter"]["contracts"] if c["type"] == "layers")["layers"]
    names = [re.sub(r"goodloop\.", "", layer).replace(" ", "") for layer in layers]
    line = " ".join(DOC.split("**Layers**, top to bottom:")[1].split("\n\n")[0].split())
    line = line.split(". A package")[0]
    doc_layers = [part.replace("`", "").replace(" ", "") for part in line.split("→")]
    assert doc_layers == names
