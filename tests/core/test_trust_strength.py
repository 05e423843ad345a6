from datetime import date, timedelta

from goodloop.core.strength import InteractionPoint, decayed_sum, strength_from_parts
from goodloop.core.trust import TrustEvidence, evidence_from, infer_stage, trust_gate, trust_stage

TODAY = date(2025, 6, 30)


def test_trust_evidence_ladder():
    assert infer_stage(TrustEvidence())[0] == "stranger"
    assert infer_stage(TrustEvidence(introduced=True))[0] == "introduced"
    assert infer_stage(TrustEvidence(two_way=True, introduced=True))[0] == "acquainted"
    assert infer_stage(TrustEvidence(two_way=True, deep_contact=True))[0] == "acquainted"  # no favor yet
    assert infer_stage(TrustEvidence(two_way=True, favors_exchanged=2))[0] == "acquainted"  # no call yet
    assert infer_stage(TrustEvidence(deep_contact=True, favors_exchanged=1))[0] == "rapport"
    assert infer_stage(TrustEvidence(vouched=True))[0] == "advocate"


def test_evidence_from_records():
    ev = evidence_from([("email", "outbound")])
    assert not ev.two_way
    ev = evidence_from([("email", "outbound"), ("email", "inbound")])
    assert ev.two_way and not ev.deep_contact
    ev = evidence_from([("call", "mutual")], [("given", "advice")])
    assert trust_stage(ev).stage == "rapport"
    ev = evidence_from([], [("received", "reference")])
    assert trust_stage(ev).stage == "advocate"
    # A referral the user gave them does not make them an advocate.
    assert trust_stage(evidence_from([], [("given", "referral")])).stage == "stranger"


def test_manual_stage_never_lowered_by_evidence():
    ev = TrustEvidence(two_way=True)
    res = trust_stage(ev, manual_stage="advocate")
    assert res.stage == "advocate" and res.manual and res.evidence_stage == "acquainted"
    assert "by hand" in res.reason
    # Evidence above the hand-set stage raises it.
    res = trust_stage(TrustEvidence(vouched=True), manual_stage="acquainted")
    assert res.stage == "advocate" and not res.manual


def test_trust_gate():
    for stage in ("stranger", "introduced", "acquainted", None, "bogus"):
        warning = trust_gate("referral", stage, "Kevin")
        assert warning and "rapport" in warning and "Kevin" in warning
    assert trust_gate("reference", "acquainted")
    assert trust_gate("referral", "rapport") is None
    assert trust_gate("reference", "advocate") is None
    assert trust_gate("introduction", "stranger") is None


def tie_strength(points, today, favors_given=0.0, favors_received=0.0, first_touch=None):
    """The strength of raw interactions, as the person page computes it: the decayed sum of those
    up to `today`, favors both ways, and age from the first touch (default: the first of them)."""
    points = [p for p in points if p.date <= today]
    first = first_touch or min((p.date for p in points), default=None)
    return strength_from_parts(decayed_sum(points, today), favors_given, favors_received, first, today,
                               interactions=sum(p.count for p in points))


def pts(*specs):
    return [InteractionPoint(TODAY - timedelta(days=d), ch, di) for d, ch, di in specs]


def test_strength_zero_without_contact():
    s = tie_strength([], TODAY, first_touch=date(2010, 1, 1))
    assert s.score == 0 and s.components == {"interactions": 0, "reciprocity": 0, "age": 0}


def test_strength_channel_and_direction_weights():
    meeting = tie_strength(pts((0, "meeting", "mutual")), TODAY).raw["decayed_sum"]
    call = tie_strength(pts((0, "call", "mutual")), TODAY).raw["decayed_sum"]
    email_in = tie_strength(pts((0, "email", "inbound")), TODAY).raw["decayed_sum"]
    email_out = tie_strength(pts((0, "email", "outbound")), TODAY).raw["decayed_sum"]
    social = tie_strength(pts((0, "social", "mutual")), TODAY).raw["decayed_sum"]
    assert (meeting, call, email_in, email_out, social) == (3, 2, 1, 0.5, 0.5)


def test_strength_decay_time_constant():
    s = decayed_sum(pts((180, "meeting", "mutual")), TODAY)
    assert abs(s - 3 * 0.36788) < 1e-3


def test_strength_monotonic_in_interactions_and_recency():
    base = pts((100, "email", "outbound"))
    more = base + pts((50, "call", "mutual"))
    assert tie_strength(more, TODAY).score > tie_strength(base, TODAY).score
    recent = tie_strength(pts((10, "call", "mutual")), TODAY).score
    old = tie_strength(pts((300, "call", "mutual")), TODAY).score
    assert recent > old
    scores = [tie_strength(pts(*[(7 * k, "meeting", "mutual") for k in range(n)]), TODAY).score for n in range(40)]
    assert scores == sorted(scores) and scores[-1] <= 100


def test_strength_saturates_at_100():
    many = pts(*[(d, "meeting", "mutual") for d in range(0, 2000, 3)])
    s = tie_strength(many, TODAY, favors_given=50, favors_received=50, first_touch=date(1990, 1, 1))
    assert s.score == 100


def test_strength_reciprocity_and_age_components():
    p = pts((30, "call", "mutual"))
    one_way = tie_strength(p, TODAY, favors_received=4)
    both = tie_strength(p, TODAY, favors_received=2, favors_given=2)
    assert both.components["reciprocity"] > one_way.components["reciprocity"] > 0
    young = tie_strength(p, TODAY, first_touch=TODAY - timedelta(days=30))
    aged = tie_strength(p, TODAY, first_touch=TODAY - timedelta(days=5 * 365))
    assert aged.components["age"] > young.components["age"]
    assert aged.score > young.score
    d = aged.as_dict()
    assert set(d["components"]) == {"interactions", "reciprocity", "age"}
    assert all("why" in c and "points" in c for c in d["components"].values())


def test_strength_pre_aggregated_matches_raw():
    raw = pts((5, "email", "mutual"), (5, "email", "mutual"), (40, "video", "inbound"))
    grouped = [
        InteractionPoint(TODAY - timedelta(days=5), "email", "mutual", count=2),
        InteractionPoint(TODAY - timedelta(days=40), "video", "inbound"),
    ]
    a = tie_strength(raw, TODAY, 1, 1)
    b = tie_strength(grouped, TODAY, 1, 1)
    c = strength_from_parts(decayed_sum(raw, TODAY), 1, 1, TODAY - timedelta(days=40), TODAY)
    assert a.score == b.score == c.score and a.components == b.components == c.components


def test_future_interactions_ignored():
    assert tie_strength(pts((-10, "meeting", "mutual")), TODAY).score == 0
