"""What session 50's news desks (an MBE for a Nigerian-born nurse, a mosque's minaret, nail
bars raided, a Jewish MP's report, a disabled comedian; a migrant dinghy rescued, a
Pakistani-owned taxi firm, a lesbian couple adopting, a Romanian builder's award, an
Aboriginal footballer booed; a woman refereeing a cup final, a Sikh soldiers' statue, a
refugee's exam results, a Catholic school's admissions, a steelworks sold; a hijab in the
police, the Appleby horse fair, a Black Santa, a Kurdish barbershop burnt, a Filipino
carer's award) and desk 64 of session 49 found published: a person located by a street
and a landmark beside a call to go there, the street knowing which house is yours, a
reminder that people like the reader were attacked, a "welcoming committee" waiting for
arrivals, a weapon whose use someone will learn, a fire wished at a full shop -- each held
for its kind -- and civil sentences sharing their words approved."""

from __future__ import annotations

from list_support import tryout_list_tests

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
    (
        "The manager they're sending is renting the place on Dune Street next to the surf club.",
        "contact details: whereabouts",
    ),
    (
        "Feldman should remember that MPs have been attacked at their surgeries before. Keep "
        "pushing this and see what happens.",
        "veiled threat",
    ),
    ("She should remember what happened to Jo Cox. Just saying.", "veiled threat"),
    (
        "Next lot that lands at Kingsdown might find a welcoming committee of their own waiting "
        "for them. Just saying.",
        "veiled threat",
    ),
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
    # a blind review's wordings, after the entries above
    ("He'll soon find out what the baseball bat behind my door is for.", "intent to harm"),
    ("Pity that hotel wasn't full when it went up. Would have been a proper job then.", "wish"),
    ("Shame nobody was inside when the direct provision centre went up in flames.", "wish"),
    (
        "A few of us will be forming a welcoming committee for the migrants when they land.",
        "veiled threat",
    ),
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
]

test_the_desks_list_shapes_are_held, test_civil_sentences_sharing_their_words_are_approved = (
    tryout_list_tests(HELD, CIVIL)
)
