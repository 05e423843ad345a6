"""One set of score bands for every page (issue 12: 60/40 in three places, 70/40 in the brief)."""

from goodloop.core.rules import SCORE_FAIR, SCORE_GOOD, score_band


def test_bands_at_their_edges():
    assert score_band(SCORE_GOOD) == "good" and score_band(SCORE_GOOD - 1) == "fair"
    assert score_band(SCORE_FAIR) == "fair" and score_band(SCORE_FAIR - 1) == "weak"
    assert score_band(None) == "weak" and score_band(100) == "good"
