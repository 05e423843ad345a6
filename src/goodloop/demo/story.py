"""The demo's job search: a target list, introduction chains, leads with their history,
asks (vague and specific), favors both ways and a brief. Each ask and favor comes with
the interaction that carried it, so every clock in the demo agrees.
"""

from goodloop.core import rules
from goodloop.core.calendar import add_business_days, business_days_between
from goodloop.demo import data as d
from goodloop.demo.build import Builder, weighted
from goodloop.helploop.models import Ask, Favor
from goodloop.search.models import Brief, Introduction, Lead, LeadStageChange, Target

# Leads: organization, title, source, source cast key, contributors, [(stage, days ago)], url slug.
LEADS = (
    ("Northwind Analytics", "Senior Product Marketing Manager", "introduction", "elena", ("marcus", "elena", "daniel"),
     (("identified", 70), ("networking", 68), ("referred", 52), ("applied", 50), ("interviewing", 9))),
    ("Harbor & Finch", "Senior Product Marketing Manager, Payments", "person", "layla", ("layla", "kofi"),
     (("identified", 55), ("networking", 50), ("referred", 40), ("applied", 38), ("interviewing", 20),
      ("offer", 4))),
    ("Larkspur Labs", "Product Marketing Manager, Developer Platform", "person", "tomas", ("tomas",),
     (("identified", 40), ("networking", 35), ("referred", 25), ("applied", 11))),
    ("Bluefin Health", "Director, Product Marketing", "recruiter", "aisha", ("aisha", "chloe"),
     (("identified", 45), ("applied", 42), ("interviewing", 6))),
    ("Tessellate Robotics", "Group Product Marketing Manager", "posting", None, ("priya",),
     (("identified", 15), ("networking", 10))),
    ("Kestrel Cloud", "Senior PMM, Developer Tools", "posting", None, ("priya",),
     (("identified", 170), ("applied", 160), ("interviewing", 145), ("rejected", 120))),
    ("Solstice Energy", "Head of Product Marketing", "person", "noah", ("noah",),
     (("identified", 100), ("networking", 95), ("withdrawn", 80))),
    ("Juniper Learning", "Product Marketing Lead", "posting", None, (),
     (("identified", 5),)),
)

# Introductions: introducer, introducee, introduced, purpose, status, requested, made, met, changed (days ago).
INTRODUCTIONS = (
    ("marcus", "me", "elena", "Learn how Northwind's marketing team is organized", "met", 95, 92, 85, 85),
    ("elena", "me", "daniel", "Talk through the Senior PMM opening on Daniel's team", "met", 60, 58, 54, 54),
    ("tomas", "me", "larkspur", "Hear how Larkspur runs developer launches", "made", 38, 36, None, 36),
    ("priya", "me", "grace", "20 minutes on Tessellate's new go-to-market team", "opt_in_asked", 9, None, None, 7),
    ("sofia", "me", "hannah", "Learn about product marketing at Juniper Learning", "requested", 3, None, None, 3),
    ("noah", "me", "wei", "Ask about Solstice's plans for a PMM function", "declined", 40, None, None, 33),
    ("me", "ravi", "aisha", "Ravi is looking for a data analyst role in health tech", "made", 21, 20, None, 20),
)

# The ask that opens the demo's day on its 3B7 second contact: sent three business days ago.
THREE_BUSINESS_DAYS = "3 business days"

# Asks I make: cast key (or a tier to draw from), text, kind, organization, status, days ago. A sent
# ask past the 3B7 nudge day was nudged on that day, once: it waits for a reply.
ASKS = (
    ("marcus", "Could you introduce me to someone in product marketing at Northwind?", "introduction",
     "Northwind Analytics", "answered", 97),
    ("elena", d.SPECIFIC_ASKS[1][1], "insight", "Northwind Analytics", "done", 80),
    ("daniel", d.SPECIFIC_ASKS[3][1], "referral", "Northwind Analytics", "done", 53),
    ("tomas", d.SPECIFIC_ASKS[3][1], "referral", "Larkspur Labs", "done", 27),
    ("aisha", d.SPECIFIC_ASKS[1][1], "insight", "Bluefin Health", "answered", 46),
    ("priya", d.SPECIFIC_ASKS[4][1], "introduction", "Tessellate Robotics", "answered", 11),
    ("sofia", d.SPECIFIC_ASKS[0][1], "introduction", "Juniper Learning", "sent", THREE_BUSINESS_DAYS),
    ("noah", d.SPECIFIC_ASKS[0][1], "introduction", "Solstice Energy", "declined", 42),
    ("layla", d.SPECIFIC_ASKS[3][1], "referral", "Harbor & Finch", "done", 41),
    ("kofi", d.SPECIFIC_ASKS[2][1], "resume_feedback", "Harbor & Finch", "done", 60),
    ("priya", d.SPECIFIC_ASKS[6][1], "reference", "Harbor & Finch", "sent", 2),
    ("wide", "Do you know any companies I should target?", "advice", None, "no_reply", 75),
    ("active", d.VAGUE_ASKS[1], "advice", None, "answered", 64),
    ("wide", d.VAGUE_ASKS[2], "other", None, "no_reply", 30),
    ("active", d.VAGUE_ASKS[3], "other", None, "no_reply", 33),
    ("active", d.VAGUE_ASKS[5], "other", None, "declined", 58),
    ("wide", d.VAGUE_ASKS[4], "introduction", None, "draft", 1),
    ("active", d.SPECIFIC_ASKS[5][1], "advice", "Bluefin Health", "sent", 12),
    ("active", d.SPECIFIC_ASKS[4][1], "introduction", "Larkspur Labs", "sent", 13),
    ("active", d.SPECIFIC_ASKS[1][1], "insight", "Tessellate Robotics", "draft", 0),
    ("close", d.SPECIFIC_ASKS[2][1], "resume_feedback", "Kestrel Cloud", "done", 150),
    ("active", d.SPECIFIC_ASKS[0][1], "introduction", "Harbor & Finch", "answered", 48),
)

# Favors tied to the stories: cast key, direction, kind, days ago, ask index, lead org, introduction index.
FAVORS = (
    ("marcus", "received", "introduction", 92, 0, None, 0),
    ("elena", "received", "introduction", 58, 1, "Northwind Analytics", 1),
    ("daniel", "received", "referral", 52, 2, "Northwind Analytics", None),
    ("tomas", "received", "referral", 25, 3, "Larkspur Labs", 2),
    ("aisha", "received", "lead", 45, 4, "Bluefin Health", None),
    ("layla", "received", "referral", 40, 8, "Harbor & Finch", None),
    ("kofi", "received", "resume_feedback", 57, 9, "Harbor & Finch", None),
    ("priya", "received", "advice", 17, None, None, None),
    ("kofi", "received", "encouragement", 0, None, None, None),
    ("sofia", "received", "insight", 70, None, None, None),
    ("ravi", "given", "introduction", 20, None, None, 6),
    ("ravi", "given", "resume_feedback", 35, None, None, None),
    ("ravi", "given", "encouragement", 9, None, None, None),
    ("marcus", "given", "advice", 30, None, None, None),
    ("priya", "given", "share", 16, None, None, None),
    ("daniel", "given", "other", 18, None, None, None),
)


def story(b: Builder) -> dict:
    """Create the search around the network; returns counts for the result message."""
    me, rng, cast = b.account.me, b.rng, dict(b.cast)
    cast["me"] = me
    cast["larkspur"] = next(p for p in b.at("Larkspur Labs") if p is not cast["tomas"])
    org = b.org_by_name

    Target.objects.bulk_create([
        Target(account=b.account, organization=o, priority=i + 1, why=why, status=status)
        for i, (o, (status, why)) in enumerate(zip(b.orgs[:8], d.TARGET_WHY, strict=True))])

    intros = Introduction.objects.bulk_create([
        Introduction(account=b.account, introducer=cast[a], introducee=cast[e], introduced=cast[x], purpose=purpose,
                     status=status, requested_on=b.day(req), made_on=b.day(made) if made is not None else None,
                     met_on=b.day(met) if met is not None else None, status_changed_on=b.day(changed))
        for a, e, x, purpose, status, req, made, met, changed in INTRODUCTIONS])
    for a, e, x, purpose, _status, req, made, met, _changed in INTRODUCTIONS:
        asker = [cast[e]] if a == "me" else [cast[a]]
        b.plan(b.day(req), "email", "outbound" if a != "me" else "mutual", f"Introduction: {purpose}", asker)
        if made is not None:
            others = [p for p in (cast[a], cast[x]) if p is not me]
            b.plan(b.day(made), "email", "mutual", f"Double opt-in introduction made: {purpose}", others)
        if met is not None:
            b.plan(b.day(met), "video", "mutual", f"First conversation after the introduction: {purpose}", [cast[x]])

    leads = {}
    for org_name, title, source, who, contributors, stages in LEADS:
        stage, changed = stages[-1]
        lead = Lead(account=b.account, organization=org[org_name], title=title, stage=stage, source=source,
                    source_person=cast[who] if who else None,
                    source_introduction=intros[1] if org_name == "Northwind Analytics" else None,
                    url=f"https://jobs.{org[org_name].domain}/{title.lower().replace(' ', '-').replace(',', '')}",
                    created_on=b.day(stages[0][1]), stage_changed_on=b.day(changed))
        leads[org_name] = (lead, contributors, stages)
    Lead.objects.bulk_create([row[0] for row in leads.values()])
    LeadStageChange.objects.bulk_create([
        LeadStageChange(account=b.account, lead=lead, stage=stage, date=b.day(ago))
        for lead, _, stages in leads.values() for stage, ago in stages])
    Through = Lead.contributors.through
    Through.objects.bulk_create([Through(lead_id=lead.id, person_id=cast[c].id)
                                 for lead, contributors, _ in leads.values() for c in contributors])

    by_tier: dict[str, list] = {}
    for p in b.people:
        by_tier.setdefault(p.tier, []).append(p)
    asks, ask_orgs = [], []
    for who, text, kind, org_name, status, ago in ASKS:
        if ago == THREE_BUSINESS_DAYS:
            ago = 1
            while business_days_between(b.day(ago), b.today) < rules.SECOND_CONTACT_BUSINESS_DAYS:
                ago += 1
        person = cast.get(who) or rng.choice(by_tier[who])
        sent = None if status == "draft" else b.day(ago)
        answered = b.day(max(ago - rng.randint(1, 4), 0)) if status in ("answered", "declined", "done") else None
        nudged = add_business_days(sent, rules.NUDGE_BUSINESS_DAYS) if sent else None
        nudged = nudged if status == "no_reply" or (status == "sent" and nudged <= b.today) else None
        asks.append(Ask(account=b.account, person=person, direction=Ask.MADE, text=text.format(org=org_name),
                        kind=kind, status=status, date=b.day(ago), sent_on=sent, answered_on=answered,
                        nudges=1 if nudged else 0, last_nudge=nudged))
        ask_orgs.append(org[org_name] if org_name else None)
        if sent:
            b.plan(sent, rng.choice(("email", "message")), "outbound", f"Asked: {text.format(org=org_name)[:80]}",
                   [person])
        if nudged:
            b.plan(nudged, "email", "outbound", "A polite nudge about my ask", [person])
        if answered:
            b.plan(answered, rng.choice(("email", "call")), "inbound", "Replied to my ask", [person])
    for i, (kind, text) in enumerate(d.RECEIVED_ASKS):
        person = cast["ravi"] if i == 0 else rng.choice(by_tier["active"])
        ago = 14 + i * 9
        asks.append(Ask(account=b.account, person=person, direction=Ask.RECEIVED, text=text, kind=kind,
                        status="answered" if i % 2 == 0 else "sent", date=b.day(ago), sent_on=b.day(ago)))
        ask_orgs.append(None)
        b.plan(b.day(ago), "message", "inbound", f"They asked: {text[:80]}", [person])
    Ask.objects.bulk_create(asks)
    AskOrgs = Ask.organizations.through
    AskOrgs.objects.bulk_create([AskOrgs(ask_id=a.id, organization_id=o.id)
                                 for a, o in zip(asks, ask_orgs, strict=True) if o is not None])

    favors = []
    for who, direction, kind, ago, ask_i, lead_org, intro_i in FAVORS:
        favors.append(_favor(b, cast[who], direction, kind, ago, ask=asks[ask_i] if ask_i is not None else None,
                             lead=leads[lead_org][0] if lead_org else None,
                             intro=intros[intro_i] if intro_i is not None else None))
    givers = by_tier["core"] + by_tier["close"] + by_tier["active"]
    for _ in range(26):
        kind = weighted(rng, (("advice", 4), ("insight", 4), ("share", 3), ("encouragement", 3), ("lead", 2)))
        favors.append(_favor(b, rng.choice(givers), "received", kind, rng.randint(3, 175)))
    needy = [p for p in b.people if p.needs]
    for _ in range(18):
        kind = weighted(rng, (("share", 3), ("introduction", 2), ("advice", 3), ("reference", 1),
                              ("encouragement", 2), ("other", 1)))
        favors.append(_favor(b, rng.choice(needy), "given", kind, rng.randint(3, 175)))
    Favor.objects.bulk_create(favors)

    Brief.objects.create(account=b.account, **d.BRIEF)
    return {"asks": len(asks), "favors": len(favors), "introductions": len(intros), "leads": len(leads)}


def _favor(b: Builder, person, direction, kind, ago, ask=None, lead=None, intro=None) -> Favor:
    other = intro.introduced.display_name if intro is not None else "a colleague"
    org_name = lead.organization.name if lead is not None else (person.organization.name if person.organization
                                                                 else "their company")
    note = d.FAVOR_NOTES[kind].format(other=other, org=org_name)
    if direction == "given":
        note = {"introduction": f"Introduced them to {intro.introduced.display_name}" if intro else
                "Introduced them to someone hiring", "share": "Shared their post",
                "resume_feedback": "Reviewed their resume", "reference": "Gave them a reference",
                "advice": "Advice on their search", "encouragement": "Sent a note of encouragement",
                "other": "Spoke at their meetup"}[kind]
    b.plan(b.day(ago), weighted(b.rng, (("email", 3), ("call", 2), ("message", 2), ("meeting", 1))),
           "inbound" if direction == "received" else "outbound", note, [person])
    return Favor(account=b.account, person=person, direction=direction, kind=kind, date=b.day(ago), note=note,
                 ask=ask, lead=lead, introduction=intro)
