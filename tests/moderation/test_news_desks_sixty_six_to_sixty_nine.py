"""What session 50's news desks (an MBE for a Nigerian-born nurse, a mosque's minaret, nail
bars raided, a Jewish MP's report, a disabled comedian; a migrant dinghy rescued, a
Pakistani-owned taxi firm, a lesbian couple adopting, a Romanian builder's award, an
Aboriginal footballer booed; a woman refereeing a cup final, a Sikh soldiers' statue, a
refugee's exam results, a Catholic school's admissions, a steelworks sold; a hijab in the
police, the Appleby horse fair, a Black Santa, a Kurdish barbershop burnt, a Filipino
carer's award) and desk 64 of session 49 found published: a person located by a street
and a landmark beside a call to go there, the street knowing which house is yours, a
reminder of an MP's murder with a warning, a weapon whose use someone will learn beside a
warning to keep off, a fire wished at a full shop -- each held for its kind -- and civil
sentences sharing their words approved (a blind review's and a code review's among them)."""

from __future__ import annotations

import pytest
from list_support import (
    assert_held_for,
    assert_threat_entries_run_in_linear_time,
    tryout_list_tests,
)

HELD = [
    (
        "Half the street knows which house on Crofton Road is yours, maybe someone should pop "
        "round and explain it to you properly",
        "veiled threat",
    ),
    ("Everyone on the estate knows which house is yours. Sleep well.", "veiled threat"),
    ("The lads know which flat is yours. Be seeing you.", "veiled threat"),
    (
        "They live on Glanmire Road, the blue door across from the chipper. Maybe the "
        "neighbours should let them know what they think of it.",
        "contact details: whereabouts",
    ),
    (
        "The hotel they're putting this lot in is the old Clarendon on Beach Street, ground "
        "floor rooms at the back. Just so everyone knows where to go and have a chat with them.",
        "contact details: whereabouts",
    ),
    (
        "Their depot's on Mill Lane behind the Shell garage and Qureshi drives a black Audi, reg "
        "starts YK19. If anything happens to one of our kids, people will know where to find him.",
        "contact details: whereabouts",
    ),
    ("She should remember what happened to Jo Cox. Just saying.", "veiled threat"),
    (
        "If I see one of their wagons on my land this year they'll find out what a twelve-bore "
        "is for. Fair warning.",
        "intent to harm",
    ),
    (
        "Shame it happened at 2am. Would have been a proper job at 2pm with the place full.",
        "wish of harm",
    ),
    ("I know where the Filipino ones park.", "contact details: whereabouts"),
]
CIVIL = [
    "Everyone knows which house on Elm Street is yours, the best kept garden in town.",
    "Half the street knows which house is yours because of the Christmas lights, pop round.",
    "Everyone knows which house is yours, you've had the same red door for forty years.",
    "Half the village knows which house is yours, someone should pop round with a cake.",
    "The family renting the house on Elm Street next to the school have been lovely neighbours.",
    "My sister is renting a flat on Park Road, across from the bookies, and the rent is a scandal.",
    "People will know where to find him on Saturday, he'll be signing books at the library.",
    "The council should let them know what they think of the plans, the consultation closes.",
    "Politicians should remember that MPs have been attacked and tone down the rhetoric.",
    "Farage should remember that he was attacked with a milkshake, and keep going anyway.",
    "The volunteers had a welcoming committee waiting at the harbour with blankets and soup.",
    "The rugby club laid on a welcoming committee at the station for the new signings.",
    "The kids on the farm learn what a shotgun is for on the safety course before anything else.",
    "Shame it happened at 2am, the fire crews were quick, no one was hurt thank god.",
    "I know where the new ones park, it's behind the Tesco.",
    # a blind review's, against the first versions
    "My son will find out what a cricket bat is for at his first junior practice on Saturday.",
    "The hurling camp is on next week, kids will learn what the hurley is for.",
    "The refugee welcome committee is collecting winter coats for the new arrivals at the hotel.",
    "Thank god nobody was inside when the centre went up in flames.",
    # a code review's, against the second versions (33 of them were held by them; the
    # welcoming committee and the general reminder of attacks were dropped for them)
    "Cyclists should remember that riders have been killed at this junction before. Be careful out there.",
    "Fans need to remember that the team bus was attacked in Lisbon last season, so be careful travelling to the away leg.",
    "Tourists should remember that people were stabbed on this stretch of the promenade last summer. Be careful after dark.",
    "Women runners might want to remember that joggers have been attacked on the canal path, you never know who is about.",
    "Parents should remember that kids have been hurt on that slide before, so watch yourself if you take toddlers.",
    "Landlords would do well to remember that tenants were killed at Grenfell. It could happen again without proper inspections.",
    "Ukraine should remember that its cities were attacked in 2014 too, just saying the west was slow then as well.",
    "Delivery drivers need to remember that couriers have been assaulted on this estate, be careful and go in pairs.",
    "Lovely to see the welcoming committee at Dublin Airport when the Olympic team arrived home last night.",
    "The whole village turned out as a welcoming committee when the Ryder Cup players arrived at the hotel.",
    "Our cat is the welcoming committee whenever anyone arrives at the door, she never misses it.",
    "The town's welcome committee for the Ukrainian refugees has done amazing work this year, fair play to them.",
    "A welcoming committee of seals greeted the ferry as it was landing at Inis Mór, magic stuff.",
    "The hotel staff put on a proper reception committee for the Boston wedding guests arriving on Friday.",
    "There was a welcoming committee of grandparents at arrivals for the exchange students, lovely scenes.",
    "If he goes into carpentry with his uncle he'll soon learn what a hammer is for.",
    "If you join the cricket club this summer you'll find out what a cricket bat is for soon enough.",
    "If the kids come along to the hurling final they'll see what a hurley is for, what a game.",
    "You'll find out what the crowbar in my boot is for if you ever lock yourself out of your shed again, happened to me twice.",
    "If they ever visit the farm they'll learn what a pitchfork is for, mucking out at 6am is no joke.",
    "Next time you do a bit of DIY you'll discover what a hammer is for, it's not for opening paint tins.",
    "If she takes up woodturning she'll find out what the axe is for in the first week.",
    "Shame the owners were out when it caught fire, they lost everything they had.",
    "Shame no one was around when the fire started, someone could have rung 999 sooner.",
    "Pity nobody was watching when the old barn caught fire, it was a lovely building.",
    "Such a shame nobody was there to film it when the old pier went up in flames, it was a real landmark.",
    "We drove an hour to see the ruins of the castle that burned in 1641. Shame the building was closed.",
    "Got off the last train at 2am absolutely starving. Shame the shop was closed.",
    "It is such a pity the family were out when the chip pan caught fire, the dog could have been saved.",
    "The Christmas fair would have been a real job with the place packed, shame the fire alarm kept going off.",
    "If you want a decent mechanic ask Dave, he knows where the good ones work.",
    "Ask any old angler on the Moy, he knows where the big ones run.",
    "Don't bother with the supermarket plants, my nan knows where the best ones shop.",
    "People round here know which house is yours, so they'll knock if your alarm goes off while you're away.",
    "The lads know which house is yours now, so they'll knock for you at seven for five-a-side.",
    "Everyone knows which house is yours since the article went out, be careful, scammers read these pages too.",
    "They're renting the place on Dune Street next to the surf club for the summer, the whole team is staying there for the championships.",
    "What a welcoming committee, the whole town was out. Brilliant scenes.",
    "Proper welcoming committee there, fair play to all who turned out.",
    "The new butcher works at the market on Quay Street next to the bowls club every Saturday, so people will know where to find him.",
    "Great to see Father Tom back, he works out of the parish hall across from the chipper every Tuesday, people will know where to find him.",
    "The lads from the rowing club train at the slipway over the road from the library every Thursday, locals will know where to find them if they want to join.",
]

test_the_desks_list_shapes_are_held, test_civil_sentences_sharing_their_words_are_approved = (
    tryout_list_tests(HELD, CIVIL)
)


#: A piece of each entry this module pins, naming it alone among the threat list's.
NEW_THREATS = (
    "half the (?:street",
    "remember what happened to (?:jo cox",
    "(?:twelve[- ]bore",
    "(?:proper|better|much better) job",
)


@pytest.mark.parametrize(
    "text",
    [
        "a" + "'a" * 50_000 + " should remember",  # a code review's: 32 s with a leading \b
        "half the street knows which house on " + "a'" * 40_000,
        "she should remember what happened to " * 2700,
        "they'll find out what a twelve-bore " * 2800,
        "would have been a proper job with the " * 2600,
    ],
)
def test_the_new_threat_entries_run_in_linear_time(text: str) -> None:
    assert_threat_entries_run_in_linear_time(text, NEW_THREATS)


def test_praise_of_neighbours_does_not_excuse_a_located_person() -> None:
    # a code review's: "good neighbours" anywhere excused the whole comment
    assert_held_for(
        "She lives in the blue house on Elm Street next to the school and drives a silver "
        "Skoda. Good neighbours would pay her a visit.",
        "contact details: whereabouts",
    )


def test_a_title_written_with_a_full_stop_is_read() -> None:
    # a code review's: "Miss." was left out of the entry's cheap test
    assert_held_for(
        "That's Miss. Sarah Doyle of 14 Meadow Lane, isn't it? You'd like a few of them "
        "living with you.",
        "veiled threat",
    )
