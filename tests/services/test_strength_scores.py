"""Batch tie-strength scores (who, Today) agree with the person page's full strength."""

from datetime import date

from goodloop.helploop import favors, strength
from goodloop.network import interactions, people

TODAY = date(2026, 11, 20)


def test_batch_scores_equal_each_persons_strength(account):
    ada, bo, cy, dee, eve = (people.add_person(account, name) for name in
                             ("Ada Close", "Bo Busy", "Cy Caller", "Dee Dormant", "Eve Future"))
    for person, connected in ((ada, date(2019, 3, 1)), (dee, date(2020, 1, 1))):
        person.connected_on = connected
        person.save(update_fields=["connected_on"])
    interactions.log(account, [ada, bo], "meeting", "mutual", "coffee for three", date(2026, 11, 2))
    interactions.log(account, [ada], "email", "outbound", "follow-up", date(2026, 11, 3))
    interactions.log(account, [ada], "video", "inbound", "catch-up", date(2025, 6, 1))
    for day in (1, 2, 3, 4, 5):  # several the same day and channel
        interactions.log(account, [bo], "message", "mutual", "chat", date(2026, 10, day))
    interactions.log(account, [cy], "call", "outbound", "voicemail", date(2024, 2, 29))
    interactions.log(account, [eve], "meeting", "mutual", "not yet", date(2026, 12, 24))  # after TODAY: ignored
    favors.record(account, ada, "received", "introduction", when=date(2026, 11, 4))
    favors.record(account, ada, "given", "advice", when=date(2026, 11, 5))
    favors.record(account, cy, "given", "referral", when=date(2026, 9, 1))
    ids = [p.id for p in (ada, bo, cy, dee, eve)]

    batch = strength.scores(account, ids, TODAY)

    expected = {p.id: strength.strength_of(account, p, TODAY).score for p in (ada, bo, cy, dee, eve)}
    assert batch == expected
    assert batch[ada.id] > batch[bo.id] > batch[cy.id] > 0
    assert batch[dee.id] == 0 and batch[eve.id] == 0  # connected long ago but never touched; only a future date
    assert strength.scores(account, [], TODAY) == {}
