"""Organization keys: goodloop's basename is cleanco's, exactly, only faster on plain names."""

from cleanco import basename as cleanco_basename
from hypothesis import example, given, settings
from hypothesis import strategies as st

from goodloop.core.orgnames import basename, normalize_org

# Words that end legal forms, in the spellings people type, mixed with ordinary words and odd text.
SUFFIXES = ["Inc.", "Inc", "LLC", "L.L.C.", "Ltd", "Ltd.", "GmbH", "AG", "S.A.", "SA", "KG", "Co", "Co.", "Corp",
            "Corporation", "PLC", "plc", "Pty", "B.V.", "SAS", "S.p.A.", "Oy", "AB", "ASA", "Limited", "& Co"]
WORDS = ["Acme", "Northwind", "Analytics", "eBay", "Société", "Générale", "Müller", "Holdings", "Group", "´Bar",
         "and", "&", "-", ".", ",", "The", "Company", "Bank", "Labs", "ÅB", "Ümit"]
word = st.one_of(st.sampled_from(SUFFIXES + WORDS), st.text(min_size=1, max_size=8))
names = st.lists(word, min_size=0, max_size=6).flatmap(
    lambda ws: st.sampled_from([" ", ", ", " , ", "\u00a0", "  "]).map(lambda sep: sep.join(ws)))


@settings(max_examples=2000, deadline=None)
@given(names)
@example("eBay Inc.")
@example("Foo GmbH & Co KG")
@example("x ´Bar")
@example("Foo .")
@example("Ltd")
@example("")
def test_basename_is_cleancos(name):
    assert basename(name) == cleanco_basename(name)


@given(st.text(max_size=40))
def test_basename_is_cleancos_on_any_text(name):
    assert basename(name) == cleanco_basename(name)


def test_spellings_of_one_company_meet():
    assert normalize_org("eBay Inc.") == normalize_org("ebay") == "ebay"
    assert normalize_org("Société Générale S.A.") == normalize_org("société générale")
    assert normalize_org("Northwind Analytics") == "northwind analytics"
