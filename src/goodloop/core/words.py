"""Counting words: "1 interaction", "2 interactions" (pure)."""


def counted(n: int, noun: str, plural: str = "") -> str:
    """`n` and the noun, singular for exactly one ("1 ask", "3 asks", "2 batches" with `plural`)."""
    return f"{n} {noun if n == 1 else (plural or noun + 's')}"
