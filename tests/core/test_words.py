from datetime import date

from goodloop.core import strength
from goodloop.core.words import counted


def test_one_is_singular_and_every_other_count_plural():
    assert [counted(n, "ask") for n in (0, 1, 2)] == ["0 asks", "1 ask", "2 asks"]
    assert counted(2, "batch", "batches") == "2 batches"


def test_the_strength_explanation_counts_one_interaction_in_the_singular():
    said = strength.strength_from_parts(1.0, 0.0, 0.0, None, date(2026, 12, 5), interactions=1)
    assert said.explanations["interactions"].startswith("1 interaction, recency")
