"""The coach measured against the hand-labelled corpus (DESIGN.md section 4)."""


from goodloop.core.coach import coach, context_from_dict

from .coach_corpus import CORPUS, HOLDOUT, SPECIFIC, VAGUE


def measure(entries):
    rows = []
    for e in entries:
        r = coach(e["text"], context_from_dict(e.get("context")))
        correct = r.score < 50 if e["label"] == VAGUE else r.score >= 60
        missing = [c for c in e["codes"] if c not in r.codes]
        rows.append((e, r, correct, missing))
    return rows


def summary(name, rows):
    vague = [r for r in rows if r[0]["label"] == VAGUE]
    spec = [r for r in rows if r[0]["label"] == SPECIFIC]
    v_ok = sum(r[2] for r in vague)
    s_ok = sum(r[2] for r in spec)
    codes = sum(not r[3] for r in rows)
    return (
        f"ask coach {name}: {len(rows)} asks; vague scored <50: {v_ok}/{len(vague)} "
        f"({100 * v_ok / len(vague):.0f}%); specific scored >=60: {s_ok}/{len(spec)} "
        f"({100 * s_ok / len(spec):.0f}%); overall {100 * (v_ok + s_ok) / len(rows):.0f}%; "
        f"expected codes present in {codes}/{len(rows)}"
    ), v_ok / len(vague), s_ok / len(spec)


def test_corpus_is_big_and_varied():
    assert len(CORPUS) >= 70
    assert sum(e["label"] == VAGUE for e in CORPUS) >= 30
    assert sum(e["label"] == SPECIFIC for e in CORPUS) >= 30
    assert len({e["text"] for e in CORPUS + HOLDOUT}) == len(CORPUS) + len(HOLDOUT)


def test_corpus_accuracy(report):
    rows = measure(CORPUS)
    line, vague_acc, spec_acc = summary("corpus", rows)
    report(line)
    assert vague_acc >= 0.9, [(r[0]["text"], r[1].score) for r in rows if r[0]["label"] == VAGUE and not r[2]]
    assert spec_acc >= 0.9, [(r[0]["text"], r[1].score) for r in rows if r[0]["label"] == SPECIFIC and not r[2]]


def test_corpus_expected_codes():
    missing = [(r[0]["text"][:60], r[3], r[1].codes) for r in measure(CORPUS) if r[3]]
    assert not missing


def test_holdout_accuracy(report):
    rows = measure(HOLDOUT)
    line, vague_acc, spec_acc = summary("hold-out", rows)
    report(line)
    assert vague_acc >= 0.8 and spec_acc >= 0.8


def test_specific_asks_rarely_flagged_for_content():
    # A specific ask should not be told it lacks an organization or a concrete action.
    wrong = [
        (r[0]["text"][:60], r[1].codes)
        for r in measure(CORPUS + HOLDOUT)
        if r[0]["label"] == SPECIFIC and {"no_org", "no_concrete_action", "vague_chestnut"} & set(r[1].codes)
    ]
    assert len(wrong) <= 2, wrong
