"""bench/benchmark.py rewrites only its own block of docs/benchmarks.md: the rows of the benchmarks
it ran, keeping the other rows and every section after the block (written by hand or by other
scripts, such as the ask coach's)."""

from bench import benchmark

SIZES = {"people": 30000}


def test_a_run_rewrites_its_rows_and_keeps_the_rest(tmp_path, monkeypatch):
    doc = tmp_path / "benchmarks.md"
    monkeypatch.setattr(benchmark, "DOC", doc)
    monkeypatch.setattr(benchmark, "machine", lambda: "a test machine")
    tail = "\n\n## Ask coach\n\n<!-- coach:start -->\n| set | asks |\n<!-- coach:end -->\n\n## By hand\n\nNotes.\n"
    doc.write_text(f"# Benchmarks\n\n{benchmark.START}\n- Command: old\n\n| Benchmark | Figure |\n|---|---|\n"
                   f"| `pages` | `GET /` | 54 ms | 55 ms | 13 | p95 < 150 ms | 2026-11-30 |\n"
                   f"| `search` | old search row | 99 ms | 99 ms | 6 | p95 < 150 ms | 2026-11-30 |\n{benchmark.END}{tail}")
    benchmark.write_doc([benchmark.Figure("search", "header search, a surname", "9 ms", "10 ms", "6", "p95 < 150 ms")],
                        ["search"], "python bench/benchmark.py --only search", SIZES, None)
    text = doc.read_text()
    assert text.endswith(benchmark.END + tail)
    block = text.split(benchmark.START, 1)[1].split(benchmark.END, 1)[0]
    assert "- Command: `python bench/benchmark.py --only search`" in block
    assert "| `pages` | `GET /` | 54 ms |" in block  # a benchmark that did not run keeps its row
    assert "old search row" not in block and "| `search` | header search, a surname | 9 ms | 10 ms | 6 |" in block
    assert text.count(benchmark.START) == text.count(benchmark.END) == 1
