"""Double opt-in introduction drafts (Fred Wilson): ask the connector, let them ask the
target, then the introduction itself. The blurb is written so the connector can forward it
unchanged."""

from goodloop.core.drafts import first_name


def blurb(me: str, headline: str, purpose: str, target: str) -> str:
    """A short forwardable paragraph about me and what I'd ask the target."""
    about = f"{me} — {headline.strip().rstrip('.')}." if headline else f"{me}."
    ask = purpose.strip().rstrip(".") if purpose else "20 minutes to learn how their team works"
    return f"{about} {first_name(me)} would value {ask} with {first_name(target)}. Happy to work around their schedule."


def request(introducer: str, target: str, organization: str, purpose: str, forwardable: str) -> str:
    """My request to the connector, with the blurb they can forward as is."""
    at = f" at {organization}" if organization else ""
    why = purpose.strip().rstrip(".") if purpose else "learn about their work"
    return (
        f"Hi {first_name(introducer)}, would you be comfortable introducing me to {target}{at}? "
        f"I'm hoping to {why}. If it helps, here is a short note you can forward as is:\n\n"
        f"{forwardable}\n\nNo worries at all if it's not a good fit — thank you either way."
    )


def opt_in(introducer: str, target: str, me: str, forwardable: str) -> str:
    """The connector's question to the target before making the introduction."""
    return (
        f"Hi {first_name(target)}, {me} asked me for an introduction to you. Here's their note:\n\n"
        f"{forwardable}\n\nWould you be open to it? Totally fine to say no. — {first_name(introducer)}"
    )


def introduction(introducer: str, introducee: str, introduced: str, purpose: str) -> str:
    """The introduction email itself; the connector drops out after it."""
    why = f" {purpose.strip().rstrip('.')}." if purpose else ""
    return (
        f"{first_name(introduced)}, meet {introducee}; {first_name(introducee)}, meet {introduced}.{why} "
        f"I'll let you two take it from here. — {first_name(introducer)}"
    )
