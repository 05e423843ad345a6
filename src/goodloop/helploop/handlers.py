"""What the help loop does when something happens elsewhere in the search.

Registered by ``HelploopConfig.ready``; each handler runs in the writer's transaction.
"""


from goodloop import events
from goodloop.core import rules
from goodloop.helploop import asks, credit, favors, landed, landing
from goodloop.helploop import loops as loop_service
from goodloop.helploop.models import Ask, Favor
from goodloop.network import interactions


@events.handles(events.LeadMoved)
def lead_moved(event: events.LeadMoved) -> None:
    """Every contributor is owed a report 3 days after a stage change; `accepted` lands the search
    (the other leads, targets and waiting asks close) and starts the thank-everyone campaign
    instead; moving an accepted lead back undoes the landing."""
    lead, when = event.lead, event.on
    account = lead.account
    loop_service.reschedule_reports(account, when, lead=lead)
    if lead.stage == "accepted":
        landed.land(account, lead, when)  # the rest of the search closes (undone by moving it back)
        event.opened.extend(landing.thank_everyone(account, lead, when))
        return
    if event.old_stage == "accepted" and landed.undo(account, lead, when) is not None:
        return  # undoing a landing (accepted by mistake) is no news to report
    event.opened.extend(credit.reports_for_move(account, lead, when))  # along the introduction chain


@events.handles(events.IntroductionMoved)
def introduction_moved(event: events.IntroductionMoved) -> None:
    """An introduction made for me is a favor received (thank and report loops open) and the
    introduced person met me through the introducer; one I made for two others is a favor
    given to each. Meeting is an interaction."""
    intro, when = event.introduction, event.on
    account, status = intro.account, intro.status
    loop_service.reschedule_reports(account, when, introduction=intro)
    i_am_introduced = intro.introducee.is_me
    answered = None
    if status in ("made", "met") and i_am_introduced:
        # The introducer acting on my ask answers it (the favor below then links to it).
        answered = asks.open_ask_of(account, intro.introducer_id, when)
        if answered is not None:
            asks.close(answered, "answered", when,
                       f"{intro.introducer.display_name} made the introduction to {intro.introduced.display_name}")
    if status in ("made", "met"):
        target = intro.introduced
        if i_am_introduced:
            # The stage itself is recomputed from the evidence (trust_handlers); here only who.
            if target.met_through_id is None:
                target.met_through = intro.introducer
                # A new person left at the default tier settles, after the building rhythm, into a
                # closer one: the introduction was made so the relationship would grow.
                if target.tier == rules.DEFAULT_TIER and target.cadence_days is None:
                    target.tier = rules.BUILDING_SETTLES_INTO_TIER
                target.save(update_fields=["met_through", "tier", "updated"])
            if not Favor.objects.filter(account=account, introduction=intro, direction="received").exists():
                favors.record(account, intro.introducer, "received", "introduction",
                              note=f"introduction to {target.display_name}", when=when, introduction_id=intro.id,
                              ask_id=answered.id if answered else None)
        elif intro.introducer.is_me and not Favor.objects.filter(account=account, introduction=intro).exists():
            for person in (intro.introducee, intro.introduced):
                other = intro.introduced if person == intro.introducee else intro.introducee
                favors.record(account, person, "given", "introduction",
                              note=f"introduced to {other.display_name}", when=when, introduction_id=intro.id)
    if status == "met" and i_am_introduced:
        interactions.log(account, [intro.introduced], "meeting", "mutual",
                         f"Met through {intro.introducer.display_name}'s introduction", when)


@events.handles(events.FavorRecorded)
def favor_recorded(event: events.FavorRecorded) -> None:
    """Help received from someone answers my ask of them: the one it names, else their open ask."""
    favor = event.favor
    if favor.direction != "received":
        return
    ask = favor.ask
    if ask is None:
        ask = asks.open_ask_of(favor.account, favor.person_id, event.on)
        if ask is None:
            return
        favor.ask = ask
        favor.save(update_fields=["ask", "updated"])
    if ask.status in ("answered", "done"):
        return
    what = favor.get_kind_display().lower()
    asks.close(ask, "answered", event.on, f"{favor.person.display_name} helped: {what}")


@events.handles(events.InteractionLogged)
def interaction_logged(event: events.InteractionLogged) -> None:
    """A reply from someone I asked (inbound on or after the ask, or a conversation after it)
    answers the ask: Today stops suggesting a nudge."""
    interaction = event.interaction
    if interaction.direction == "outbound":
        return
    sent_by = {"sent_on__lte": interaction.date} if interaction.direction == "inbound" \
        else {"sent_on__lt": interaction.date}
    people = interactions.logged_with(event)
    waiting = (Ask.objects.filter(account=interaction.account, direction="made", status__in=rules.ASK_OPEN_STATUSES,
                                  person_id__in=people, **sent_by).select_related("person")
               .only("status", "answered_on", "closed_on", "closed_reason", "person__display_name"))  # what close() needs
    how = "wrote back" if interaction.direction == "inbound" else "talked with you"
    for ask in waiting:
        asks.close(ask, "answered", interaction.date, f"{ask.person.display_name} {how} "
                   f"({interaction.get_channel_display().lower()}, {interaction.date.isoformat()})")
