"""Double opt-in introduction drafts (Fred Wilson): ask the connector, let them ask the
target, then the introduction itself. The blurb is written so the connector can forward it
unchanged.

Written from facts (`IntroFacts`): who introduces whom to whom, which of them I am, my name,
the purpose. Text meant for another person never calls anyone "Me": while you have not given
your name, drafts you send leave it out, and drafts sent by someone else say "a friend".
"""

from __future__ import annotations

from dataclasses import dataclass

from goodloop.core.draft_facts import clause, is_placeholder, purpose_sentence, tidied
from goodloop.core.drafts import first_name

SEEKER, INTRODUCER, NEITHER = "seeker", "introducer", "neither"


@dataclass(frozen=True)
class IntroFacts:
    """An introduction: `introducer` introduces `seeker` to `target` (at `organization`).
    `i_am` says which of them I am (seeker, introducer, or neither); `headline` is my brief's
    (used only when the blurb is about me)."""

    introducer: str
    seeker: str
    target: str
    organization: str = ""
    purpose: str = ""
    headline: str = ""
    i_am: str = SEEKER

    def seeker_name(self) -> str:
        """The seeker's full name as others read it ("a friend" while mine is still "Me")."""
        return "a friend of mine" if is_placeholder(self.seeker) else self.seeker

    def signature(self, name: str) -> str:
        return "" if is_placeholder(name) else f" — {first_name(name)}"


@tidied
def blurb(facts: IntroFacts) -> str:
    """A short forwardable paragraph about the seeker and what they'd ask the target: in my
    words when I am the seeker, else about them (my brief's headline is mine alone)."""
    target = first_name(facts.target)
    if facts.i_am == SEEKER:
        name = "" if is_placeholder(facts.seeker) else facts.seeker
        headline = clause(facts.headline)
        about = (f"I'm {name}, {headline}." if name and headline else f"I'm {name}." if name
                 else f"A little about me: {headline}." if headline else "")
        parts = (about, f"I'd value a short conversation with {target}.", purpose_sentence(facts.purpose))
    else:
        subject = "they" if is_placeholder(facts.seeker) else first_name(facts.seeker)
        who = facts.seeker_name()
        parts = (f"{who[0].upper() + who[1:]} would value a short conversation with {target}.",
                 purpose_sentence(facts.purpose, subject))
    return " ".join(p for p in (*parts, "Happy to work around their schedule.") if p)


@tidied
def request(facts: IntroFacts, forwardable: str) -> str:
    """The seeker's request to the connector, with the blurb they can forward as is. When I am the
    introducer, my reply to the seeker instead (no one asks themselves for an introduction)."""
    at = f" at {facts.organization}" if facts.organization else ""
    if facts.i_am == INTRODUCER:
        return (f"Hi {first_name(facts.seeker)}, happy to introduce you to {facts.target}{at}. I'll check with "
                f"{first_name(facts.target)} first and get back to you.{facts.signature(facts.introducer)}")
    return (
        f"Hi {first_name(facts.introducer)}, would you be comfortable introducing me to {facts.target}{at}? "
        f"{purpose_sentence(facts.purpose)} If it helps, here is a short note you can forward as is:\n\n"
        f"{forwardable}\n\nNo worries at all if it's not a good fit — thank you either way."
    )


@tidied
def opt_in(facts: IntroFacts, forwardable: str) -> str:
    """The connector's question to the target before making the introduction."""
    who = facts.seeker_name()
    return (
        f"Hi {first_name(facts.target)}, {who} asked me for an introduction to you. Here's their note:\n\n"
        f"{forwardable}\n\nWould you be open to it? Totally fine to say no.{facts.signature(facts.introducer)}"
    )


@tidied
def introduction(facts: IntroFacts) -> str:
    """The introduction email itself; the connector drops out after it."""
    seeker = facts.seeker_name()
    target = first_name(facts.target)
    if is_placeholder(facts.seeker):
        meet = f"{target}, meet {seeker}, who is copied here."
    else:
        meet = f"{target}, meet {facts.seeker}; {first_name(facts.seeker)}, meet {facts.target}."
    subject = "they" if is_placeholder(facts.seeker) else first_name(facts.seeker)
    why = f" {purpose_sentence(facts.purpose, subject)}" if facts.purpose else ""
    return f"{meet}{why} I'll let you two take it from here.{facts.signature(facts.introducer)}"


def all_drafts(facts: IntroFacts) -> tuple[str, dict[str, str]]:
    """(blurb, {request, opt_in, introduction}) for an introduction."""
    forwardable = blurb(facts)
    return forwardable, {"request": request(facts, forwardable), "opt_in": opt_in(facts, forwardable),
                         "introduction": introduction(facts)}
